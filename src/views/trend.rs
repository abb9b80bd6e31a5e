//! The trend view (`/kommune/0301/utvikling?indikator=…&med=…`): one indicator over all its
//! periods for the area, its fylke (and kommune) and landet, and up to five areas the reader
//! adds; with the area's 95 % interval, the pandemic years shaded, the trend test in words and
//! the chart's table. Everything the view shows is in its address.

use crate::api::{self, TrendData};
use crate::charts::over_time::{OverTime, Series};
use crate::charts::Figure;
use crate::components::apportioned::apportioned_note;
use crate::components::chart::EChart;
use crate::components::chart_figure::{is_modelled, save_as};
use crate::components::data_table::DataTable;
use crate::components::download::{record, CsvDownload, Records};
use crate::components::error_view::ErrorView;
use crate::components::picker::{indicator_options, picker_group, Chosen, Options, Picker};
use crate::components::words::{
    gap_label, gap_note, gaps, interval_text, trend_sentence, value_text,
};
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::{area_name, distinct_names};
use crate::views::explore::{loading, ExploreHeader};
use crate::views::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use oppvekst_core::area::{Area, Registry};
use oppvekst_core::barometer::Value;
use oppvekst_core::explore::trend::{trend_view, Line, Role, TrendView};
use oppvekst_core::export::Record;
use oppvekst_core::indicator::{Flag, Provenance};
use oppvekst_core::route::{parse_query, trend_url, Query, View, ADD_AREA, MAX_EXTRA_AREAS};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::ci::Interval;
use oppvekst_core::{AreaCode, Lang, Level};

#[component]
pub fn TrendPage(code: AreaCode) -> impl IntoView {
    let location = use_location();
    let query = Memo::new(move |_| parse_query(&location.search.get()));
    // A trend view draws at most five added areas, whatever the address holds.
    let added = Memo::new(move |_| {
        query.with(|q| {
            q.extra
                .iter()
                .take(MAX_EXTRA_AREAS)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let lang = use_lang();
    let data = {
        let code = code.clone();
        LocalResource::new(move || {
            let code = code.clone();
            let (added, lang) = (added.get(), lang.get());
            async move { api::trend(&code, &added, lang).await }
        })
    };
    move || match data.get() {
        None => loading(lang.get()),
        Some(Err(e)) => view! { <ErrorView error=e retry=move |_| data.refetch() /> }.into_any(),
        Some(Ok(d)) => {
            let indicator = query.with(|q| q.indicator.clone());
            view! { <TrendBody data=d indicator /> }.into_any()
        }
    }
}

/// The areas a reader can add: landet, the fylker, the kommuner of the area's fylke and the
/// bydeler of its kommune, less those already shown.
fn candidates<'a>(reg: &'a Registry, code: &AreaCode, shown: &[AreaCode]) -> Vec<&'a Area> {
    let fylke = code.fylke();
    let kommune = code.kommune();
    reg.areas()
        .iter()
        .filter(|a| match a.level() {
            Level::Landet | Level::Fylke => true,
            Level::Kommune => fylke.is_some() && a.code.fylke() == fylke,
            Level::Bydel => kommune.is_some() && a.code.kommune() == kommune,
        })
        .filter(|a| !shown.contains(&a.code))
        .collect()
}

/// The view drawn with its data: by the app, and by the prerenderer into the view's page
/// (`crate::ssr`), which the app takes over once it has drawn the same.
#[component]
pub fn TrendBody(data: TrendData, indicator: Option<String>) -> impl IntoView {
    crate::prerender::reveal_when_mounted();
    let lang = use_lang();
    let navigate = use_navigate();
    let data = StoredValue::new_local(data);
    let code = data.with_value(|d| d.profile.area.code.clone());
    let index = data.with_value(|d| {
        indicator
            .as_deref()
            .and_then(|id| d.profile.context.catalogue.iter().position(|i| i.id == id))
            .unwrap_or(0)
    });
    let added_codes: Vec<AreaCode> = data.with_value(|d| {
        d.added
            .iter()
            .map(|b| b.code.clone())
            .take(MAX_EXTRA_AREAS)
            .collect()
    });
    let go = {
        let navigate = navigate.clone();
        move |url: String| navigate(&url, Default::default())
    };
    move || {
        let lang = lang.get();
        data.with_value(|d| {
            let ctx = &d.profile.context;
            let added: Vec<(AreaCode, &oppvekst_core::codec::SeriesSet)> = d
                .added
                .iter()
                .map(|b| (b.code.clone(), &b.series))
                .collect();
            let Some(v) = trend_view(
                ctx,
                &d.profile.area,
                d.profile.kommune.as_deref(),
                &added,
                index,
                Confidence::P95,
            ) else {
                return view! { <NotFound /> }.into_any();
            };
            let reg = &ctx.registry;
            let name = |c: &AreaCode| reg.get(c).map(|a| area_name(a, lang)).unwrap_or_default();
            let area_label = name(&code);
            let ind = v.indicator;
            let label = ind.label.get(lang).to_string();
            let modelled = ind.provenance == Provenance::Modelled && v.lines.iter().any(Line::has_values);
            let id = ind.id.clone();

            // The indicator and the area to add: one form with one button, applied together
            // (`picker_group`), so that an indicator chosen and an area added in either order
            // both hold. Not selects that navigate on change: arrowing through the options must
            // not reload.
            let apply = {
                let go = go.clone();
                let code = code.clone();
                let shown = Query {
                    indicator: Some(id.clone()),
                    extra: added_codes.clone(),
                    ..Query::default()
                };
                Callback::new(move |chosen: Chosen| {
                    let q = shown.with_choices(&chosen);
                    let id = q.indicator.clone().unwrap_or_default();
                    go(crate::embed::within(trend_url(&code, &id, &q.extra, lang)));
                })
            };
            // Adding and removing areas.
            let shown: Vec<AreaCode> = v.lines.iter().map(|l| l.code.clone()).collect();
            let full = added_codes.len() >= MAX_EXTRA_AREAS;
            let add_options: Options = vec![(
                None,
                std::iter::once((String::new(), t(lang, Msg::AddAreaChoose).to_string()))
                    .chain(
                        candidates(reg, &code, &shown)
                            .into_iter()
                            .map(|a| (a.code.to_string(), area_name(a, lang))),
                    )
                    .collect(),
            )];
            let removable = added_codes
                .iter()
                .filter(|c| shown.contains(c))
                .map(|c| {
                    let rest: Vec<AreaCode> = added_codes.iter().filter(|x| *x != c).cloned().collect();
                    let url = crate::embed::within(trend_url(&code, &id, &rest, lang));
                    let n = name(c);
                    view! {
                        <li>
                            {n.clone()}
                            " "
                            <a class="remove" href=url aria-label=tf(lang, Msg::RemoveArea, &[&n])>"×"</a>
                        </li>
                    }
                })
                .collect_view();

            // The chart and its table.
            let periods: Vec<String> = ind.periods.iter().map(|p| p.label(ind.period_kind)).collect();
            let line_codes: Vec<AreaCode> = v.lines.iter().map(|l| l.code.clone()).collect();
            let line_names = distinct_names(reg, &line_codes, lang);
            let line_gaps: Vec<Vec<(usize, Flag)>> = v
                .lines
                .iter()
                .map(|l| gaps(l.points.iter().map(|p| p.map(|p| p.cell)), ind.unit))
                .collect();
            let named_gaps: Vec<(&str, &[(usize, Flag)])> = line_names
                .iter()
                .map(String::as_str)
                .zip(line_gaps.iter().map(Vec::as_slice))
                .collect();
            let gap_note = gap_note(&named_gaps, &periods, lang);
            let vm = OverTime {
                periods: periods.clone(),
                lines: v
                    .lines
                    .iter()
                    .zip(&line_names)
                    .zip(&line_gaps)
                    .map(|((l, n), g)| Series {
                        name: n.clone(),
                        role: l.role,
                        values: l.points.iter().map(|p| p.and_then(|p| p.value)).collect(),
                        gaps: g.iter().map(|(i, f)| (*i, gap_label(*f, lang))).collect(),
                    })
                    .collect(),
                band: v.lines.first().map(|l| {
                    (
                        tf(lang, Msg::CiBandLabel, &[&line_names[0]]),
                        l.points.iter().map(|p| shown_ci(p).map(|c| (c.lo, c.hi))).collect(),
                    )
                }),
                shade: v.pandemic.map(|(a, b)| (a, b, t(lang, Msg::PandemicLabel).to_string())),
                percent: ind.unit == oppvekst_core::indicator::Unit::Percent,
            };
            let title = format!("{label}: {}", line_names.join(", "));
            // The chart's figures as a file: every line and period, each with the fylke's and
            // landet's value in the same period.
            let value_of = |role: Role, i: usize| {
                v.lines
                    .iter()
                    .find(|l| l.role == role)
                    .and_then(|l| l.points[i])
                    .and_then(|p| p.value)
            };
            let csv: Vec<Record> = v
                .lines
                .iter()
                .zip(&line_names)
                .flat_map(|(l, n)| {
                    l.points.iter().enumerate().map(move |(i, p)| (l, n, i, p))
                })
                .map(|(l, n, i, p)| {
                    record(
                        ind,
                        (&l.code, n),
                        ind.periods[i],
                        p,
                        (value_of(Role::Fylke, i), value_of(Role::Landet, i)),
                        lang,
                    )
                })
                .collect();
            let records: Records = std::rc::Rc::new(move || csv.clone());
            let file_parts = vec!["utvikling".to_string(), code.to_string(), id.clone()];
            let save = Signal::stored(save_as(
                lang,
                title.clone(),
                &ind.source_line(),
                is_modelled(ind),
                &["utvikling", code.as_str(), &id],
            ));
            let table = table(&v, &periods, &line_names, lang);
            let summary = trend_sentence(&v.trend, lang);
            view! {
                <article class="explore trend-view">
                    <ExploreHeader
                        code=code.clone()
                        view=View::Trend
                        area_label=area_label.clone()
                        title=t(lang, Msg::TrendPageTitle).to_string()
                        lead=tf(lang, Msg::TrendPageLead, &[&label, &area_label])
                        indicator=Some(id.clone())
                        modelled=modelled
                        lang
                    />
                    {oppvekst_core::population::INDICATORS
                        .contains(&id.as_str())
                        .then(|| apportioned_note(ctx, &code, lang))
                        .flatten()}
                    // The figure first: on a phone it must reach the first screen.
                    <figure class="chart-figure">
                        // Its text holds for any indicator, once renamed, but not for other areas
                        // (`med`): a static copy shows it for another indicator (`ExploreHeader`
                        // says how), the largest text on a phone's first screen.
                        <figcaption data-names="med">{title.clone()}</figcaption>
                        <EChart chart=Signal::stored(Figure::OverTime(vm).into()) label=Signal::stored(format!("{title}. {summary}.")) save />
                        {v.pandemic.map(|_| view! { <p class="chart-note">{t(lang, Msg::PandemicNote)}</p> })}
                        {gap_note.map(|n| view! { <p class="chart-note gap-note">{n}</p> })}
                        <details>
                            <summary>{t(lang, Msg::ChartAsTable)}</summary>
                            {table}
                        </details>
                    </figure>
                    <p class="trend-test">{format!("{}: {summary}.", area_label)}</p>
                    {picker_group(lang, apply, view! {
                        <Picker
                            id="trend-indicator"
                            label=t(lang, Msg::IndicatorPick).to_string()
                            options=indicator_options(&ctx.catalogue, lang)
                            selected=id.clone()
                            lang
                            grouped="indikator"
                        />
                        <Picker
                            id="trend-add"
                            label=t(lang, Msg::AddArea).to_string()
                            options=add_options
                            selected=String::new()
                            lang
                            disabled=full
                            grouped=ADD_AREA
                        />
                    })}
                    {(!added_codes.is_empty()).then(|| view! {
                        <div class="trend-added">
                            <h2 id="trend-added-title">{t(lang, Msg::AddedAreas)}</h2>
                            <ul aria-labelledby="trend-added-title">{removable}</ul>
                        </div>
                    })}
                    <CsvDownload records=records name=file_parts lang />
                </article>
            }
            .into_any()
        })
    }
}

/// The chart's figures: one row a period, a column per area, and the view's area's interval.
fn table(v: &TrendView, periods: &[String], names: &[String], lang: Lang) -> impl IntoView {
    let ind = v.indicator;
    let headers: Vec<String> = std::iter::once(t(lang, Msg::Period).to_string())
        .chain(names.iter().cloned())
        .chain(std::iter::once(
            t(lang, Msg::ConfidenceInterval).to_string(),
        ))
        .collect();
    let rows: Vec<Vec<String>> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cells = v.lines.iter().map(|l| {
                match l.points[i] {
                    // The series does not reach back to this period.
                    None => "–".to_string(),
                    p => value_text(ind, &p, lang),
                }
            });
            let ci = interval_text(ind, &v.lines.first().and_then(|l| l.points[i]));
            std::iter::once(p.clone())
                .chain(cells)
                .chain(std::iter::once(ci))
                .collect()
        })
        .collect();
    view! { <DataTable caption=ind.label.get(lang).to_string() headers rows /> }
}

/// The interval of a point that has a value (a flagged cell has neither).
fn shown_ci(p: &Option<Value>) -> Option<Interval> {
    p.and_then(|p| p.value.and(p.ci))
}
