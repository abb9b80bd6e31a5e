//! The theme's figures: under the theme on children who are immigrants or children of
//! immigrants, every indicator the area has by immigrant background, the two groups side by
//! side (and landet's two beside them) and compared with each other in words, after the sentence those comparisons allow
//! ([`crate::components::theme_direction`]). FHI's printed theme page pairs its text with
//! figures in the same way; here they come from the bundles' breakdowns, in the browser.

use crate::components::theme_direction::theme_direction;
use crate::components::words::{between, between_short, value_text};
use crate::i18n::{t, tf, Msg};
use leptos::prelude::*;
use oppvekst_core::case;
use oppvekst_core::codec::{AreaBundle, ContextBundle};
use oppvekst_core::explore::breakdown::{breakdown_view, indicators_with_breakdowns};
use oppvekst_core::indicator::Provenance;
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::theme::direction::IMMIGRANT_DIMENSION;
use oppvekst_core::Lang;

/// One row: the indicator, each group's value (then landet's, where the profile has them), and
/// the second group against the first.
struct ThemeRow {
    label: String,
    values: Vec<String>,
    comparison: String,
    /// The comparison in a word, for print, where the column's head names the groups.
    short: &'static str,
    modelled: bool,
}

/// The group names, whether landet's groups are beside them, and the rows.
fn rows(
    ctx: &ContextBundle,
    area: &AreaBundle,
    landet: Option<&AreaBundle>,
    lang: Lang,
) -> (Vec<String>, bool, Vec<ThemeRow>) {
    let mut categories = Vec::new();
    let mut out = Vec::new();
    // Landet's columns only where landet has these figures (landet's own profile has none).
    let with_landet = landet.is_some_and(|l| l.code != area.code && !l.breakdowns.is_empty());
    for index in indicators_with_breakdowns(area) {
        let Some(view) = breakdown_view(ctx, area, landet, index, Confidence::P95) else {
            continue;
        };
        let Some(d) = view
            .dimensions
            .iter()
            .find(|d| d.dimension.id == IMMIGRANT_DIMENSION)
        else {
            continue;
        };
        let ind = view.indicator;
        let cats = d.dimension.category_names(lang);
        if cats.len() < 2 {
            continue;
        }
        let vs = d.vs_first.first().copied().unwrap_or(Comparison::NoData);
        let comparison = between(vs, &cats[1], &cats[0], lang);
        out.push(ThemeRow {
            label: ind.label.get(lang).to_string(),
            values: d
                .rows
                .iter()
                .map(|r| value_text(ind, &Some(r.value), lang))
                .chain(
                    d.rows
                        .iter()
                        .filter(|_| with_landet)
                        .map(|r| value_text(ind, &r.landet, lang)),
                )
                .collect(),
            comparison,
            short: between_short(vs, lang),
            modelled: ind.provenance == Provenance::Modelled,
        });
        categories = cats;
    }
    (categories, with_landet, out)
}

/// The table, or nothing where the area has no figures by immigrant background.
pub fn theme_figures(
    ctx: &ContextBundle,
    area: &AreaBundle,
    landet: Option<&AreaBundle>,
    name: &str,
    lang: Lang,
) -> Option<AnyView> {
    let (categories, with_landet, rows) = rows(ctx, area, landet, lang);
    if rows.is_empty() {
        return None;
    }
    let direction = theme_direction(ctx, area, name, lang);
    let mut caption = tf(lang, Msg::ThemeFiguresCaption, &[name]);
    if rows.iter().any(|r| r.modelled) {
        caption = format!("{caption} ({})", t(lang, Msg::DemodataBadge));
    }
    let short_head = match categories.as_slice() {
        [first, second, ..] => tf(
            lang,
            Msg::BetweenGroupsShort,
            &[second, &case::lowercase(first)],
        ),
        _ => String::new(),
    };
    // The area's groups, then landet's: FHI's theme page sets a kommune's figures against
    // the country's.
    let landet_heads: Vec<String> = categories
        .iter()
        .filter(|_| with_landet)
        .map(|c| tf(lang, Msg::GroupInLandet, &[c]))
        .collect();
    let heads = categories
        .iter()
        .cloned()
        .chain(landet_heads)
        .map(|c| view! { <th scope="col">{c}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">
                        {r.label}
                        {r.modelled.then(|| view! { <span class="badge-demo">{t(lang, Msg::DemodataBadge)}</span> })}
                    </th>
                    {r.values.into_iter().map(|v| view! { <td class="num">{v}</td> }).collect_view()}
                    <td class="between">
                        <span class="between-long">{r.comparison}</span>
                        <span class="between-short" aria-hidden="true">{r.short}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    Some(
        view! {
            {direction}
            <div class="table-wrap theme-figures" tabindex="0" role="region" aria-label=caption.clone()>
                <table>
                    <caption>{caption.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Msg::Indicator)}</th>
                            {heads}
                            <th scope="col">
                                <span class="between-long">{t(lang, Msg::BetweenGroups)}</span>
                                <span class="between-short" aria-hidden="true">{short_head}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any(),
    )
}
