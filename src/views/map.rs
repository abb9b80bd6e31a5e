//! The map view (`/kommune/4601/kart?indikator=…&utsnitt=land&klasser=signifikans`): one
//! indicator's latest value as a choropleth of the fylke's kommuner, all kommuner, the fylker
//! or a city's bydeler, classed by quantile or by the comparison with landet. The legend says
//! what each colour means and why an area is grey; the table lists every area, each with a
//! button that points it out on the map, so the keyboard reaches every area.
//!
//! The map stays mounted while the reader switches the indicator or the classes: the chart
//! component then updates the one ECharts instance instead of building a new one.

use crate::api::SetData;
use crate::charts::colours::{mark_colour, quantile_colour, NO_VALUE};
use crate::charts::map::{MapArea, MapChart};
use crate::charts::Figure;
use crate::components::chart::{Drawing, EChart, MapShape};
use crate::components::chart_figure::{is_modelled, save_as};
use crate::components::download::{latest_records, CsvDownload, Records};
use crate::components::mark::mark_text;
use crate::components::picker::{indicator_options, picker_group, Chosen, Picker};
use crate::components::set_picker::{preset_label, PresetPicker};
use crate::components::words::value_text;
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::{area_name, distinct_names};
use crate::views::explore::{indicator_index, set_page, ExploreHeader};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use oppvekst_core::explore::map::{map_view, Legend, MapView};
use oppvekst_core::explore::sets::scopes_for;
use oppvekst_core::geometry::Layer;
use oppvekst_core::indicator::{Provenance, Unit};
use oppvekst_core::route::{view_url, Classes, Query, View};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::sentences::format_value;
use oppvekst_core::{AreaCode, Lang, Level};
use std::sync::Arc;

/// The map's largest height in pixels (the stylesheet's); the shapes are cut to the detail it
/// shows.
const MAP_HEIGHT: u32 = 520;

#[component]
pub fn MapPage(code: AreaCode) -> impl IntoView {
    set_page(code, true, |data, query| {
        view! { <MapBody data query /> }.into_any()
    })
}

/// Everything the map view shows for one indicator, classes and language.
#[derive(Clone, Debug, PartialEq)]
struct MapModel {
    id: String,
    label: String,
    title: String,
    chart: Drawing,
    /// `(colour, text)` of each class, then of «no value» when some area has none.
    legend: Vec<(&'static str, String)>,
    summary: String,
    modelled: bool,
    /// One row an area: name, value, comparison, class.
    rows: Vec<[String; 4]>,
}

/// The map layer that holds the areas of a set, by their level.
fn layer_of(codes: &[AreaCode]) -> &'static str {
    match codes.first().map(AreaCode::level) {
        Some(Level::Fylke) => Layer::FYLKER,
        Some(Level::Bydel) => Layer::BYDELER,
        _ => Layer::KOMMUNER,
    }
}

/// The map's view model for what the address asks.
fn map_of<'a>(d: &'a SetData, q: &Query) -> Option<MapView<'a>> {
    let ctx = &d.profile.context;
    let index = indicator_index(ctx, q);
    map_view(
        ctx,
        &d.bundle_refs(),
        &d.set.codes,
        index,
        q.classes,
        Confidence::P95,
    )
}

fn model(d: &SetData, code: &AreaCode, q: &Query, lang: Lang, map: &str) -> Option<MapModel> {
    let ctx = &d.profile.context;
    let reg = &ctx.registry;
    let v = map_of(d, q)?;
    let ind = v.indicator;
    let names = distinct_names(reg, &d.set.codes, lang);
    let n = v.legend.len();
    let colour = |class: Option<usize>| match (&v.legend, class) {
        (Legend::Quantile(_), Some(k)) => quantile_colour(k, n),
        (Legend::Significance(c), Some(k)) => mark_colour(c[k]),
        _ => NO_VALUE,
    };
    let mut legend: Vec<(&'static str, String)> = match &v.legend {
        Legend::Quantile(limits) => limits
            .iter()
            .enumerate()
            .map(|(k, (lo, hi))| {
                (
                    quantile_colour(k, n),
                    format!("{} – {}", format_value(ind, *lo), format_value(ind, *hi)),
                )
            })
            .collect(),
        Legend::Significance(c) => c
            .iter()
            .map(|c| (mark_colour(*c), mark_text(*c, lang).to_string()))
            .collect(),
    };
    let shown = |a: &oppvekst_core::explore::map::MapArea| a.value.and_then(|x| x.value);
    let empty = v.areas.iter().filter(|a| shown(a).is_none()).count();
    if empty > 0 {
        legend.push((NO_VALUE, t(lang, Msg::NoValueLegend).to_string()));
    }
    let with_values: Vec<(usize, f64)> = v
        .areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((i, shown(a)?)))
        .collect();
    let lowest = with_values.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let highest = with_values.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let summary = match (lowest, highest) {
        (Some(lo), Some(hi)) => tf(
            lang,
            Msg::MapSummary,
            &[
                &names[lo.0],
                &format_value(ind, lo.1),
                &names[hi.0],
                &format_value(ind, hi.1),
                &empty.to_string(),
            ],
        ),
        _ => t(lang, Msg::NoValueLegend).to_string(),
    };
    let label = ind.label.get(lang).to_string();
    let period = ind.latest_period_label();
    let title = format!(
        "{label}, {period}: {}",
        preset_label(d.preset, code, reg, lang)
    );
    let chart = Figure::Map(MapChart {
        map: map.to_string(),
        title: label.clone(),
        areas: v
            .areas
            .iter()
            .zip(&names)
            .map(|(a, name)| MapArea {
                name: name.clone(),
                value: shown(a),
                colour: colour(a.class).into(),
            })
            .collect(),
        percent: ind.unit == Unit::Percent,
    });
    let rows = v
        .areas
        .iter()
        .zip(&names)
        .map(|(a, name)| {
            let class = match a.class {
                Some(k) => legend[k].1.clone(),
                None => t(lang, Msg::NoValueLegend).to_string(),
            };
            [
                name.clone(),
                value_text(ind, &a.value, lang),
                mark_text(a.vs_landet, lang).to_string(),
                class,
            ]
        })
        .collect();
    Some(MapModel {
        id: ind.id.clone(),
        label,
        title,
        chart: chart.into(),
        legend,
        summary,
        modelled: ind.provenance == Provenance::Modelled && !with_values.is_empty(),
        rows,
    })
}

/// The view drawn with its data: by the app, and by the prerenderer into the view's page as it
/// opens (`crate::ssr`), which the app takes over once it has drawn the same.
#[component]
pub fn MapBody(data: SetData, query: Memo<Query>) -> impl IntoView {
    crate::prerender::reveal_when_mounted();
    let lang = use_lang();
    let navigate = use_navigate();
    let data = StoredValue::new_local(data);
    let code = data.with_value(|d| d.profile.area.code.clone());
    let scope = data.with_value(|d| d.preset);
    let layer = data.with_value(|d| layer_of(&d.set.codes));
    // The shapes, named as the reader reads the areas; registered once per language.
    let shape = Memo::new(move |_| {
        let lang = lang.get();
        data.with_value(|d| {
            let names = distinct_names(&d.profile.context.registry, &d.set.codes, lang);
            let geojson = d
                .geometry
                .as_ref()
                .and_then(|g| g.layer(layer))
                .map(|l| {
                    // By code, not by a search of the set for each of a layer's 357 shapes.
                    let index: std::collections::HashMap<&AreaCode, usize> = d
                        .set
                        .codes
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (c, i))
                        .collect();
                    let at = |c: &AreaCode| index.get(c).copied();
                    // No more detail than the drawn map shows: ECharts redraws every point
                    // on each switch of indicator.
                    let detail = l.detail_for(|c| at(c).is_some(), f64::from(MAP_HEIGHT));
                    l.to_geojson_at(detail, |c| at(c).map(|i| names[i].clone()))
                })
                .unwrap_or_default();
            MapShape {
                name: format!(
                    "{layer}-{}-{}-{}",
                    scope.slug(),
                    d.profile.area.code,
                    lang.code()
                ),
                geojson: Arc::from(geojson),
            }
        })
    });
    // The box follows the drawn areas' shape (a phone's narrow map is no taller than the
    // country), up to the stylesheet's height.
    let ratio = data.with_value(|d| {
        d.geometry
            .as_ref()
            .and_then(|g| g.layer(layer))
            .map(|l| l.height_ratio(|c| d.set.codes.contains(c)))
            .unwrap_or(1.0)
    });
    let model = {
        let code = code.clone();
        Memo::new(move |_| {
            let q = query.get();
            let lang = lang.get();
            let map = shape.with(|s| s.name.clone());
            data.with_value(|d| model(d, &code, &q, lang, &map))
        })
    };
    let chart = Signal::derive(move || {
        model.with(|m| m.as_ref().map(|m| m.chart.clone()).unwrap_or_default())
    });
    let label = Signal::derive(move || {
        model.with(|m| {
            m.as_ref()
                .map(|m| format!("{}. {}", m.title, m.summary))
                .unwrap_or_default()
        })
    });
    // What a saved picture of the map carries: its title, source and demodata mark.
    let save = {
        let code = code.clone();
        Signal::derive(move || {
            let lang = lang.get();
            data.with_value(|d| {
                let q = query.get();
                let ind = d
                    .profile
                    .context
                    .catalogue
                    .get(indicator_index(&d.profile.context, &q));
                let title = model.with(|m| m.as_ref().map(|m| m.title.clone()).unwrap_or_default());
                let (source, modelled, id) = ind
                    .map(|i| (i.source_line(), is_modelled(i), i.id.clone()))
                    .unwrap_or_default();
                save_as(
                    lang,
                    title,
                    &source,
                    modelled,
                    &["kart", code.as_str(), &id, scope.slug()],
                )
            })
        })
    };
    let focus = RwSignal::new(None::<String>);
    let table_open = RwSignal::new(false);
    let go = {
        let code = code.clone();
        Callback::new(move |q: Query| {
            navigate(
                &view_url(&code, View::Map, &q, lang.get_untracked()),
                Default::default(),
            )
        })
    };
    let header = {
        let code = code.clone();
        move || {
            let lang = lang.get();
            let area_label = data.with_value(|d| {
                d.profile
                    .context
                    .registry
                    .get(&code)
                    .map(|a| area_name(a, lang))
                    .unwrap_or_default()
            });
            let (id, label, modelled) = model.with(|m| match m {
                Some(m) => (m.id.clone(), m.label.clone(), m.modelled),
                None => Default::default(),
            });
            view! {
                <ExploreHeader
                    code=code.clone()
                    view=View::Map
                    area_label
                    title=t(lang, Msg::MapPageTitle).to_string()
                    lead=tf(lang, Msg::MapLead, &[&label])
                    indicator=Some(id)
                    modelled=modelled
                    lang
                />
            }
        }
    };
    // The choices, after the map: on a phone the map must reach the first screen.
    let controls = {
        let code = code.clone();
        move || {
            let lang = lang.get();
            let q = query.get();
            let (reg, catalogue) = data.with_value(|d| {
                (
                    d.profile.context.registry.clone(),
                    d.profile.context.catalogue.clone(),
                )
            });
            let id = model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default());
            // Every choice applied together (see `picker`).
            let apply = Callback::new({
                let q = q.clone();
                move |chosen: Chosen| go.run(q.with_choices(&chosen))
            });
            let class_options = vec![(
                None,
                vec![
                    (
                        "kvantil".to_string(),
                        t(lang, Msg::ClassesQuantile).to_string(),
                    ),
                    (
                        "signifikans".to_string(),
                        t(lang, Msg::ClassesSignificance).to_string(),
                    ),
                ],
            )];
            let classes = if q.classes == Classes::Significance {
                "signifikans"
            } else {
                "kvantil"
            };
            view! {
                {picker_group(lang, apply, view! {
                    <Picker
                        id="map-indicator"
                        label=t(lang, Msg::IndicatorPick).to_string()
                        options=indicator_options(&catalogue, lang)
                        selected=id
                        lang
                        grouped="indikator"
                    />
                    <PresetPicker
                        id="map-scope"
                        label=t(lang, Msg::ScopePick).to_string()
                        code=code.clone()
                        presets=scopes_for(&reg, &code)
                        selected=scope
                        reg=reg.clone()
                        lang
                        grouped="utsnitt"
                    />
                    <Picker
                        id="map-classes"
                        label=t(lang, Msg::ClassesPick).to_string()
                        options=class_options
                        selected=classes.to_string()
                        lang
                        grouped="klasser"
                    />
                })}
            }
        }
    };
    let has_shapes =
        data.with_value(|d| d.geometry.as_ref().and_then(|g| g.layer(layer)).is_some());
    let legend = move || {
        let lang = lang.get();
        model.with(|m| {
            m.as_ref().map(|m| {
                let items = m
                    .legend
                    .iter()
                    .map(|(colour, text)| {
                        view! {
                            <li>
                                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                                    <rect x="1" y="1" width="14" height="14" fill=*colour stroke="#4a525c" />
                                </svg>
                                {text.clone()}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="legend-title" id="map-legend-title">{t(lang, Msg::Legend)}</h2>
                    <ul class="map-legend" aria-labelledby="map-legend-title">{items}</ul>
                    <p class="summary">{m.summary.clone()}</p>
                }
            })
        })
    };
    let table = move || {
        let lang = lang.get();
        if !table_open.get() {
            return None;
        }
        model.with(|m| {
            m.as_ref().map(|m| {
                let rows = m
                    .rows
                    .iter()
                    .map(|r| {
                        let name = r[0].clone();
                        let point = name.clone();
                        view! {
                            <tr>
                                <th scope="row">
                                    <button type="button" class="point-at"
                                        aria-label=tf(lang, Msg::PointAt, &[&name])
                                        on:click=move |_| focus.set(Some(point.clone()))>
                                        {name.clone()}
                                    </button>
                                </th>
                                <td class="num">{r[1].clone()}</td>
                                <td>{r[2].clone()}</td>
                                <td>{r[3].clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=m.title.clone()>
                        <table>
                            <caption>{m.title.clone()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, Msg::Area)}</th>
                                    <th scope="col">{t(lang, Msg::Value)}</th>
                                    <th scope="col">{t(lang, Msg::Comparison)}</th>
                                    <th scope="col">{t(lang, Msg::Class)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
        })
    };
    // The map's figures as a file: computed on a click, for the indicator and classes shown.
    let download = {
        let code = code.clone();
        move || {
            let lang = lang.get();
            let q = query.get();
            let records: Records = {
                let q = q.clone();
                std::rc::Rc::new(move || {
                    data.with_value(|d| {
                        let ctx = &d.profile.context;
                        let names = distinct_names(&ctx.registry, &d.set.codes, lang);
                        let index = indicator_index(ctx, &q);
                        let areas: Vec<_> = map_of(d, &q)
                            .map(|v| {
                                v.areas
                                    .iter()
                                    .zip(&names)
                                    .map(|(a, n)| (Some(a.code.clone()), n.clone(), a.value))
                                    .collect()
                            })
                            .unwrap_or_default();
                        latest_records(ctx, &d.bundle_refs(), index, &areas, lang)
                    })
                })
            };
            let id = model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default());
            let name = vec![
                "kart".to_string(),
                code.to_string(),
                id,
                scope.slug().to_string(),
            ];
            view! { <CsvDownload records name lang /> }
        }
    };
    view! {
        <article class="explore map-view">
            {header}
            <figure class="chart-figure">
                <figcaption>{move || model.with(|m| m.as_ref().map(|m| m.title.clone()))}</figcaption>
                {if has_shapes {
                    view! { <EChart chart label map=shape focus=focus ratio=ratio save /> }.into_any()
                } else {
                    view! { <p class="chart-failed">{move || t(lang.get(), Msg::MapNoShapes)}</p> }.into_any()
                }}
                {legend}
                {download}
                <details on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    table_open.set(open);
                }>
                    <summary>{move || t(lang.get(), Msg::MapAreas)}</summary>
                    {table}
                </details>
            </figure>
            {controls}
        </article>
    }
}
