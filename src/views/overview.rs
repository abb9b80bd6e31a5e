//! The overview (`/fylke/46/oversikt?sett=land`): every indicator for a set of areas as a
//! «tartan rug», each cell coloured by its comparison with landet, landet's own values as the
//! first row. Fast enough for all 357 kommuner (see `components::rug`).

use crate::api::SetData;
use crate::components::barometer::group_name;
use crate::components::mark::{mark_class, mark_text};
use crate::components::picker::picker_group;
use crate::components::rug::{Rug, RugColumn, RugRow, RugTable};
use crate::components::set_picker::{chosen_adder, preset_label, ChosenAreas, PresetPicker};
use crate::components::words::value_text;
use crate::i18n::{href, t, tf, use_lang, Msg};
use crate::state::{area_name, distinct_names};
use crate::views::explore::{set_choices, set_page, ExploreHeader};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use oppvekst_core::explore::overview::overview;
use oppvekst_core::explore::sets::presets_for;
use oppvekst_core::route::{area_path, view_url, Preset, Query, View};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::{AreaCode, Lang};

#[component]
pub fn OverviewPage(code: AreaCode) -> impl IntoView {
    set_page(code, false, |data, query| {
        view! { <OverviewBody data query /> }.into_any()
    })
}

/// The rug of a set in a language.
fn rug(d: &SetData, lang: Lang, caption: String) -> (Rug, bool) {
    let ctx = &d.profile.context;
    let bundles = d.bundle_refs();
    let o = overview(ctx, &bundles, &d.set.codes, Confidence::P95);
    let names = distinct_names(&ctx.registry, &d.set.codes, lang);
    let columns = ctx
        .catalogue
        .iter()
        .map(|i| RugColumn {
            label: i.label.get(lang).to_string(),
            group: group_name(i.group, lang).to_string(),
        })
        .collect();
    let landet = RugRow {
        name: t(lang, Msg::Landet).to_string(),
        href: None,
        cells: ctx
            .catalogue
            .iter()
            .zip(&o.landet)
            .map(|(ind, v)| (value_text(ind, v, lang), None))
            .collect(),
    };
    let rows = std::iter::once(landet)
        .chain(o.rows.iter().zip(names).map(|(r, name)| {
            RugRow {
                name,
                href: Some(href(&area_path(&r.code), lang)),
                cells: ctx
                    .catalogue
                    .iter()
                    .zip(&r.cells)
                    .map(|(ind, c)| (value_text(ind, &c.value, lang), Some(c.vs_landet)))
                    .collect(),
            }
        }))
        .collect();
    (
        Rug {
            caption,
            corner: t(lang, Msg::Area).to_string(),
            columns,
            rows,
        },
        o.modelled,
    )
}

#[component]
pub fn OverviewBody(data: SetData, query: Memo<Query>) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let data = StoredValue::new_local(data);
    let code = data.with_value(|d| d.profile.area.code.clone());
    let preset = data.with_value(|d| d.preset);
    let go = {
        let code = code.clone();
        Callback::new(move |q: Query| {
            navigate(
                &view_url(&code, View::Overview, &q, lang.get_untracked()),
                Default::default(),
            )
        })
    };
    let caption = {
        let code = code.clone();
        move |lang: Lang| {
            data.with_value(|d| {
                let reg = &d.profile.context.registry;
                format!(
                    "{}: {}",
                    t(lang, Msg::OverviewTitle),
                    preset_label(preset, &code, reg, lang)
                )
            })
        }
    };
    // The rug and whether it shows modelled values, each a memo of its own: the table reads
    // the rug in place, without a copy of its 11 000 cells.
    let built = Memo::new({
        let caption = caption.clone();
        move |_| {
            let lang = lang.get();
            data.with_value(|d| rug(d, lang, caption(lang)))
        }
    });
    let rug_memo = Memo::new(move |_| built.with(|(r, _)| r.clone()));
    let header = {
        let code = code.clone();
        move || {
            let lang = lang.get();
            let q = query.get();
            let (area_label, n_areas, n_ind) = data.with_value(|d| {
                let name = d
                    .profile
                    .context
                    .registry
                    .get(&code)
                    .map(|a| area_name(a, lang))
                    .unwrap_or_default();
                (name, d.set.codes.len(), d.profile.context.catalogue.len())
            });
            let modelled = built.with(|(_, m)| *m);
            let marks = Comparison::LEGEND
                .into_iter()
                .chain([Comparison::NoData])
            .map(|c| {
                view! {
                    <li>
                        <span class=format!("rug-swatch rug-{}", mark_class(c)) aria-hidden="true"></span>
                        {mark_text(c, lang)}
                    </li>
                }
            })
            .collect_view();
            view! {
                <ExploreHeader
                    code=code.clone()
                    view=View::Overview
                    area_label
                    title=t(lang, Msg::OverviewTitle).to_string()
                    lead=t(lang, Msg::OverviewLead).to_string()
                    indicator=q.indicator.clone()
                    modelled=modelled
                    lang
                />
                <h2 class="legend-title" id="rug-legend-title">{t(lang, Msg::Legend)}</h2>
                <ul class="rug-legend" aria-labelledby="rug-legend-title">{marks}</ul>
                <p class="summary">{tf(lang, Msg::OverviewCount, &[&n_areas.to_string(), &n_ind.to_string()])}</p>
            }
        }
    };
    // The choices, after the rug: on a phone the rug must reach the first screen.
    let controls = {
        let code = code.clone();
        move || {
            let lang = lang.get();
            let q = query.get();
            let reg = data.with_value(|d| d.profile.context.registry.clone());
            // The set and an area to add, applied together (see `picker`).
            let (apply, chosen_url) = set_choices(&code, View::Overview, &q, go, lang);
            view! {
                {picker_group(lang, apply, view! {
                    <PresetPicker
                        id="overview-set"
                        label=t(lang, Msg::SetPick).to_string()
                        code=code.clone()
                        presets=presets_for(&reg, &code)
                        selected=preset
                        reg=reg.clone()
                        lang
                        grouped="sett"
                    />
                    {(preset == Preset::Chosen).then(|| chosen_adder(&code, &q.extra, &reg, lang))}
                })}
                {(preset == Preset::Chosen).then(|| view! {
                    <ChosenAreas chosen=q.extra.clone() reg=reg.clone() lang url=chosen_url />
                })}
            }
        }
    };
    let page = view! {
        <article class="explore overview-view">
            {header}
            <RugTable rug=Signal::from(rug_memo) lang=Signal::from(lang) />
            {controls}
        </article>
    };
    // After the rug's own effects, which draw its rows and cards: the page goes over to the
    // app with the rug filled, not empty where the static page had its places.
    crate::prerender::reveal_when_mounted();
    page
}
