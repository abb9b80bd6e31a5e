//! The breakdown view (`/kommune/0301/fordeling?indikator=mobbing_7`): an indicator's latest
//! value split by each dimension the data has (sex, immigrant background), each category
//! beside landet's same category with the barometer's comparison, and the categories compared
//! with each other in words. The dimensions come from the data, so a new one needs no code.

use crate::api::{self, BreakdownData};
use crate::charts::colours::{mark_colour, mark_glyph};
use crate::charts::compare::{height, CompareBar, CompareChart};
use crate::charts::Figure;
use crate::components::chart::Drawing;
use crate::components::chart_figure::{is_modelled, save_as, ChartFigure, Table};
use crate::components::error_view::ErrorView;
use crate::components::mark::mark_text;
use crate::components::picker::{indicator_options, Picker};
use crate::components::words::{between, interval_text, value_text};
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::area_name;
use crate::views::explore::{loading, ExploreHeader};
use crate::views::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use oppvekst_core::explore::breakdown::{
    breakdown_view, indicators_with_breakdowns, DimensionView,
};
use oppvekst_core::indicator::{Indicator, Provenance, Unit};
use oppvekst_core::route::{parse_query, view_url, Query, View};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::{AreaCode, Lang};

/// Landet's bars: grey, so that the area's coloured bars read as the comparison.
const LANDET_BAR: &str = "#b8c0c8";

#[component]
pub fn BreakdownPage(code: AreaCode) -> impl IntoView {
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let (code, lang) = (code.clone(), lang.get());
        async move { api::breakdown(&code, lang).await }
    });
    move || match data.get() {
        None => loading(lang.get()),
        Some(Err(e)) => view! { <ErrorView error=e retry=move |_| data.refetch() /> }.into_any(),
        Some(Ok(d)) => view! { <BreakdownBody data=d /> }.into_any(),
    }
}

/// One dimension: its chart (the area's categories beside landet's), its table and the
/// categories compared in words.
fn dimension_section(
    ind: &Indicator,
    d: &DimensionView,
    (code, area): (&AreaCode, &str),
    lang: Lang,
    n: usize,
) -> impl IntoView {
    let landet = t(lang, Msg::Landet).to_string();
    let cats = d.dimension.category_names(lang);
    let dim_label = d.dimension.label.get(lang).to_string();
    let mut bars = Vec::new();
    for (cat, row) in cats.iter().zip(&d.rows) {
        bars.push(CompareBar {
            name: format!("{cat}: {area}"),
            value: row.value.value,
            interval: row.value.value.and(row.value.ci).map(|c| (c.lo, c.hi)),
            colour: mark_colour(row.vs_landet).into(),
            glyph: mark_glyph(row.vs_landet).into(),
            own: true,
        });
        if let Some(l) = row.landet {
            bars.push(CompareBar {
                name: format!("{cat}: {landet}"),
                value: l.value,
                interval: None,
                colour: LANDET_BAR.into(),
                glyph: "".into(),
                own: false,
            });
        }
    }
    let chart_height = height(bars.len());
    let chart = Drawing::from(Figure::Compare(CompareChart {
        bars,
        landet: None,
        percent: ind.unit == Unit::Percent,
    }));
    let sentences: Vec<String> = d
        .vs_first
        .iter()
        .enumerate()
        .map(|(k, c)| between(*c, &cats[k + 1], &cats[0], lang))
        .collect();
    let title = format!("{}: {dim_label}", ind.label.get(lang));
    let headers = vec![
        t(lang, Msg::Category).to_string(),
        area.to_string(),
        t(lang, Msg::ConfidenceInterval).to_string(),
        landet.clone(),
        t(lang, Msg::Comparison).to_string(),
    ];
    let rows = cats
        .iter()
        .zip(&d.rows)
        .map(|(cat, r)| {
            vec![
                cat.clone(),
                value_text(ind, &Some(r.value), lang),
                interval_text(ind, &Some(r.value)),
                value_text(ind, &r.landet, lang),
                mark_text(r.vs_landet, lang).to_string(),
            ]
        })
        .collect();
    let save = Some(Signal::stored(save_as(
        lang,
        title.clone(),
        &ind.source_line(),
        is_modelled(ind),
        &["fordeling", code.as_str(), &ind.id, d.dimension.id.as_str()],
    )));
    let heading_id = format!("dimension-{n}");
    let labelled_by = heading_id.clone();
    let summary = sentences.join(" ");
    view! {
        <section class="breakdown" aria-labelledby=labelled_by>
            <h2 id=heading_id>{dim_label}</h2>
            // The figure first, its sentence after: on a phone the figure must reach the first
            // screen. What the colours say is the figure's note.
            <ChartFigure
                title
                summary=summary.clone()
                chart
                table=Table { headers, rows }
                height=Some(chart_height)
                note=Some(t(lang, Msg::BreakdownColours).to_string())
                save
            />
            <p class="summary">{summary}</p>
        </section>
    }
}

/// The view drawn with its data: by the app, and by the prerenderer into the view's page
/// (`crate::ssr`), which the app takes over once it has drawn the same.
#[component]
pub fn BreakdownBody(data: BreakdownData) -> impl IntoView {
    crate::prerender::reveal_when_mounted();
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let query = Memo::new(move |_| parse_query(&location.search.get()));
    let data = StoredValue::new_local(data);
    let code = data.with_value(|d| d.profile.area.code.clone());
    let go = {
        let code = code.clone();
        Callback::new(move |q: Query| {
            navigate(
                &view_url(&code, View::Breakdown, &q, lang.get_untracked()),
                Default::default(),
            )
        })
    };
    move || {
        let lang = lang.get();
        let q = query.get();
        data.with_value(|d| {
            let ctx = &d.profile.context;
            let area = &d.profile.area;
            let name = ctx
                .registry
                .get(&code)
                .map(|a| area_name(a, lang))
                .unwrap_or_default();
            let available = indicators_with_breakdowns(area);
            let asked = q
                .indicator
                .as_deref()
                .and_then(|id| ctx.catalogue.iter().position(|i| i.id == id));
            let index = asked.or(available.first().copied()).unwrap_or(0);
            let view = breakdown_view(ctx, area, Some(&d.landet), index, Confidence::P95);
            // A catalogue without the entry (an empty one) has nothing to show: say so.
            let Some(ind) = ctx.catalogue.get(index) else {
                return view! { <NotFound /> }.into_any();
            };
            let label = ind.label.get(lang).to_string();
            let modelled = ind.provenance == Provenance::Modelled
                && view.as_ref().is_some_and(|v| v.has_values());
            // Only indicators with a breakdown are offered.
            let options = indicator_options(ctx.catalogue.as_slice(), lang)
                .into_iter()
                .map(|(g, opts)| {
                    let opts = opts
                        .into_iter()
                        .filter(|(id, _)| {
                            ctx.catalogue
                                .iter()
                                .position(|i| &i.id == id)
                                .is_some_and(|i| available.contains(&i))
                        })
                        .collect::<Vec<_>>();
                    (g, opts)
                })
                .filter(|(_, o)| !o.is_empty())
                .collect();
            let pick = Callback::new({
                let q = q.clone();
                move |id: String| {
                    go.run(Query {
                        indicator: Some(id),
                        ..q.clone()
                    })
                }
            });
            let body = match view {
                _ if available.is_empty() => {
                    view! { <p>{t(lang, Msg::BreakdownNone)}</p> }.into_any()
                }
                Some(v) if !v.dimensions.is_empty() => v
                    .dimensions
                    .iter()
                    .enumerate()
                    .map(|(n, dv)| dimension_section(ind, dv, (&code, &name), lang, n))
                    .collect_view()
                    .into_any(),
                _ => view! { <p>{t(lang, Msg::BreakdownNoneForIndicator)}</p> }.into_any(),
            };
            view! {
                <article class="explore breakdown-view">
                    <ExploreHeader
                        code=code.clone()
                        view=View::Breakdown
                        area_label=name.clone()
                        title=t(lang, Msg::BreakdownTitle).to_string()
                        lead=tf(lang, Msg::BreakdownLead, &[&label, &name])
                        indicator=Some(ind.id.clone())
                        modelled=modelled
                        lang
                    />
                    // The figures first: on a phone they must reach the first screen.
                    {body}
                    {(!available.is_empty()).then(|| view! {
                        <div class="explore-controls">
                            <Picker
                                id="breakdown-indicator"
                                label=t(lang, Msg::IndicatorPick).to_string()
                                options
                                selected=ind.id.clone()
                                lang
                                on_pick=pick
                                key="indikator"
                            />
                        </div>
                    })}
                </article>
            }
            .into_any()
        })
    }
}
