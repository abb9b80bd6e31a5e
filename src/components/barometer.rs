//! The oppvekstbarometer: every indicator in its group, with the area's value beside its
//! comparators, the mark of the comparison with landet and the spread over all kommuner. A row
//! opens to its definition, source, CI, ranks and a small trend chart.

use crate::charts::over_time::{OverTime, Series};
use crate::charts::Figure;
use crate::components::apportioned::apportioned_note;
use crate::components::chart::EChart;
use crate::components::data_table::DataTable;
use crate::components::mark::{mark_class, Mark};
use crate::components::spread_bar::SpreadBar;
use crate::components::words::{
    flag_text, gap_label, gap_note, gaps, provenance_text, trend_sentence, value_text,
};
use crate::i18n::{t, tf, Msg};
use crate::prerender::in_turn;
use crate::state::distinct_names;
use leptos::prelude::*;
use oppvekst_core::barometer::{self, Row, Value};
use oppvekst_core::codec::{cell_at, AreaBundle, ContextBundle, SeriesSet};
use oppvekst_core::explore::trend::Role;
use oppvekst_core::indicator::{Cell, Flag, Group, Indicator, Polarity, Provenance, Unit};
use oppvekst_core::route::trend_url;
use oppvekst_core::stats::cells::comparator;
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::stats::rank::Rank;
use oppvekst_core::stats::sentences::{format_precise, format_value};
use oppvekst_core::{AreaCode, Lang, Level};
use std::rc::Rc;

pub fn group_name(g: Group, lang: Lang) -> &'static str {
    t(
        lang,
        match g {
            Group::Befolkning => Msg::GroupBefolkning,
            Group::Levekar => Msg::GroupLevekar,
            Group::BarnehageSkole => Msg::GroupBarnehageSkole,
            Group::FritidNaermiljo => Msg::GroupFritidNaermiljo,
            Group::Helse => Msg::GroupHelse,
        },
    )
}

/// A value's cell; `role` (`area`, `kommune`, `fylke`, `landet`) is its column, by which the
/// phone layout chooses what a closed row shows.
fn value_cell(
    ind: &Indicator,
    v: &Option<Value>,
    lang: Lang,
    label: String,
    role: &'static str,
) -> impl IntoView {
    let flag = match v {
        Some(Value {
            cell, value: None, ..
        }) => Some(cell.flag),
        None => Some(Flag::Missing),
        _ => None,
    };
    let class = match flag {
        Some(Flag::Suppressed) => format!("num {role} flagged suppressed"),
        Some(_) => format!("num {role} flagged"),
        None => format!("num {role}"),
    };
    view! { <td class=class data-label=label>{value_text(ind, v, lang)}</td> }
}

/// The column heads: the area, then what it is compared with.
#[derive(Clone)]
pub struct Columns {
    pub area: String,
    pub kommune: Option<String>,
    pub fylke: Option<String>,
    pub landet: Option<String>,
}

impl Columns {
    /// The heads, told apart where two areas share a name: «Oslo», «Oslo (fylke)».
    pub fn new(ctx: &ContextBundle, code: &AreaCode, lang: Lang) -> Columns {
        let level = code.level();
        let kommune = code.kommune().filter(|_| level == Level::Bydel);
        let fylke = code.fylke_above();
        let codes: Vec<AreaCode> = std::iter::once(code.clone())
            .chain(kommune.clone())
            .chain(fylke.clone())
            .collect();
        let mut names = distinct_names(&ctx.registry, &codes, lang).into_iter();
        Columns {
            area: names.next().unwrap_or_default(),
            kommune: kommune.and_then(|_| names.next()),
            fylke: fylke.and_then(|_| names.next()),
            landet: (level != Level::Landet).then(|| t(lang, Msg::Landet).to_string()),
        }
    }
}

fn rank_text(r: &Option<Rank>, polarity: Polarity, lang: Lang) -> Option<String> {
    let r = r.as_ref()?;
    let msg = match polarity {
        Polarity::NoDirection => Msg::RankOfNeutral,
        _ => Msg::RankOf,
    };
    Some(tf(lang, msg, &[&r.rank.to_string(), &r.of.to_string()]))
}

/// A bydel's value against its kommune, naming the kommune: «lavere enn Oslo», and for no
/// significant difference «ingen sikker forskjell fra Oslo» (not «som kommunen», which read as
/// «the same value»).
fn vs_kommune_text(c: Comparison, kommune: &str, lang: Lang) -> Option<String> {
    let m = match c {
        Comparison::Better => Msg::VsNamedBetter,
        Comparison::Worse => Msg::VsNamedWorse,
        Comparison::Similar => Msg::VsNamedSimilar,
        Comparison::Higher => Msg::VsNamedHigher,
        Comparison::Lower => Msg::VsNamedLower,
        _ => return None,
    };
    Some(tf(lang, m, &[kommune]))
}

/// Values over all periods for the trend chart and its table.
fn history(series: Option<&SeriesSet>, ind: &Indicator, hint: usize) -> Vec<Option<Cell>> {
    let cells = series.and_then(|s| s.get(hint)).unwrap_or(&[]);
    (0..ind.periods.len())
        .map(|i| cell_at(cells, i, ind.periods.len()).copied())
        .collect()
}

/// «SSB: tabell 12944», without saying the organisation twice («SSB: SSB 12944»).
/// The opened row: definition, source, period, CI, ranks, trend with a chart and its table.
fn row_detail(
    ctx: &ContextBundle,
    area: &SeriesSet,
    code: &AreaCode,
    row: &Row,
    cols: &Columns,
    lang: Lang,
) -> impl IntoView {
    let ind = row.indicator;
    let hint = row.index;
    // Limits need a decimal more than the value, or a narrow interval reads «18 % – 18 %».
    let precise = ind.decimals as usize + 1;
    let ci = row.area.and_then(|v| v.ci).map(|ci| {
        format!(
            "{} – {}",
            format_precise(ind, ci.lo, precise),
            format_precise(ind, ci.hi, precise)
        )
    });
    let rank_national = row
        .rank
        .as_ref()
        .and_then(|r| rank_text(&r.national, ind.polarity, lang));
    let rank_fylke = row
        .rank
        .as_ref()
        .and_then(|r| rank_text(&r.fylke, ind.polarity, lang));
    let periods: Vec<String> = ind
        .periods
        .iter()
        .map(|p| p.label(ind.period_kind))
        .collect();
    // Each line's cells: its values, its gaps (marked in the chart, said in the note and the
    // table) from one source.
    let mut sources = vec![(
        cols.area.clone(),
        Role::Area,
        history(Some(area), ind, hint),
    )];
    if let (Some(name), Some(f)) = (&cols.fylke, code.fylke()) {
        let fylke = history(comparator(ctx, &f), ind, hint);
        sources.push((name.clone(), Role::Fylke, fylke));
    }
    if let Some(name) = &cols.landet {
        let landet = history(comparator(ctx, &AreaCode::landet()), ind, hint);
        sources.push((name.clone(), Role::Landet, landet));
    }
    let line_gaps: Vec<Vec<(usize, Flag)>> = sources
        .iter()
        .map(|(_, _, cells)| gaps(cells.iter().copied(), ind.unit))
        .collect();
    let lines: Vec<Series> = sources
        .iter()
        .zip(&line_gaps)
        .map(|((name, role, cells), g)| Series {
            name: name.clone(),
            role: *role,
            values: cells
                .iter()
                .map(|c| c.and_then(|c| c.value(ind.unit)))
                .collect(),
            gaps: g.iter().map(|(i, f)| (*i, gap_label(*f, lang))).collect(),
        })
        .collect();
    let named_gaps: Vec<(&str, &[(usize, Flag)])> = sources
        .iter()
        .map(|(n, _, _)| n.as_str())
        .zip(line_gaps.iter().map(Vec::as_slice))
        .collect();
    let gap_note = gap_note(&named_gaps, &periods, lang);
    let label = ind.label.get(lang).to_string();
    let title = tf(lang, Msg::TrendChartTitle, &[&label, &cols.area]);
    let headers: Vec<String> = std::iter::once(t(lang, Msg::Period).to_string())
        .chain(lines.iter().map(|l| l.name.clone()))
        .collect();
    // A cell without a value says why, never a bare dash; a dash is a period the series lacks.
    let rows: Vec<Vec<String>> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            std::iter::once(p.clone())
                .chain(sources.iter().map(|(_, _, cells)| {
                    match cells[i] {
                        None => "–".into(),
                        Some(c) => c
                            .value(ind.unit)
                            .map(|x| format_value(ind, x))
                            .unwrap_or_else(|| flag_text(c.flag, lang).to_string()),
                    }
                }))
                .collect()
        })
        .collect();
    let chart = Figure::OverTime(OverTime {
        periods,
        lines,
        band: None,
        shade: None,
        percent: ind.unit == Unit::Percent,
    });
    view! {
        <div class="row-detail">
            {oppvekst_core::population::INDICATORS
                .contains(&ind.id.as_str())
                .then(|| apportioned_note(ctx, code, lang))
                .flatten()}
            <dl>
                <dt>{t(lang, Msg::Definition)}</dt>
                <dd>{ind.definition.get(lang).to_string()}</dd>
                <dt>{t(lang, Msg::SourceOf)}</dt>
                <dd>{ind.source_line()}</dd>
                <dt>{t(lang, Msg::ProvenanceTitle)}</dt>
                <dd class="provenance">{provenance_text(ind, lang)}</dd>
                <dt>{t(lang, Msg::Period)}</dt>
                <dd>{row.period.label(ind.period_kind)}</dd>
                {ci.map(|ci| view! { <dt>{t(lang, Msg::ConfidenceInterval)}</dt><dd class="ci">{ci}</dd> })}
                {rank_national.map(|r| view! { <dt>{t(lang, Msg::RankNational)}</dt><dd class="rank-national">{r}</dd> })}
                {rank_fylke.map(|r| view! { <dt>{t(lang, Msg::RankFylke)}</dt><dd class="rank-fylke">{r}</dd> })}
                <dt>{t(lang, Msg::TrendLabel)}</dt>
                <dd class="trend">{trend_sentence(&row.trend, lang)}</dd>
            </dl>
            <figure class="chart-figure small">
                <figcaption>{title.clone()}</figcaption>
                <EChart chart=Signal::stored(chart.into()) label=Signal::stored(title) />
                {gap_note.map(|n| view! { <p class="chart-note gap-note">{n}</p> })}
                <details>
                    <summary>{t(lang, Msg::ChartAsTable)}</summary>
                    <DataTable caption=label headers rows />
                </details>
            </figure>
            <p class="see-trend">
                <a href=crate::embed::within(trend_url(code, &ind.id, &[], lang)) target=crate::embed::link_target()>{t(lang, Msg::SeeTrend)}</a>
            </p>
        </div>
    }
}

/// What a barometer needs, kept for the rows' details, which are built only when opened.
#[derive(Clone)]
pub struct Sources {
    pub ctx: Rc<ContextBundle>,
    pub area: Rc<AreaBundle>,
    pub kommune: Option<Rc<AreaBundle>>,
}

/// One barometer row and its detail row.
fn barometer_row(
    src: StoredValue<Sources, LocalStorage>,
    index: usize,
    row: &Row,
    cols: &Columns,
    lang: Lang,
) -> impl IntoView {
    let modelled = row.indicator.provenance == Provenance::Modelled;
    let ind = row.indicator;
    let open = RwSignal::new(false);
    let detail_id = format!("detail-{}", ind.id);
    let label = ind.label.get(lang).to_string();
    let vs = row.vs_landet.unwrap_or(Comparison::NoData);
    let spread_text = row.spread.map(|s| {
        tf(
            lang,
            Msg::SpreadSummary,
            &[
                &format_value(ind, s.min),
                &format_value(ind, s.max),
                &format_value(ind, s.median),
            ],
        )
    });
    let spread = row.spread.map(|s| {
        view! {
            <SpreadBar
                spread=s
                landet=row.landet.and_then(|v| v.value)
                area=row.area.and_then(|v| v.value)
                mark=mark_class(vs)
                summary=spread_text.clone().unwrap_or_default()
            />
        }
    });
    let detail = move || {
        src.with_value(|s| {
            let row = barometer::row(
                &s.ctx,
                &s.area,
                s.kommune.as_deref(),
                index,
                Confidence::P95,
            )?;
            let cols = Columns::new(&s.ctx, &s.area.code, lang);
            Some(row_detail(&s.ctx, &s.area.series, &s.area.code, &row, &cols, lang).into_any())
        })
    };
    let vs_kommune = row
        .vs_kommune
        .zip(cols.kommune.as_deref())
        .and_then(|(c, k)| vs_kommune_text(c, k, lang));
    let period = row.period.label(ind.period_kind);
    let unit_age = ind.age.get(lang).to_string();
    // The name, the area and the spread; each comparator, and with landet its comparison.
    let colspan = 3
        + usize::from(cols.kommune.is_some())
        + usize::from(cols.fylke.is_some())
        + 2 * usize::from(cols.landet.is_some());
    view! {
        <tbody class="indicator" class:open=move || open.get() data-indicator=ind.id.clone() data-mark=mark_class(vs)>
            <tr>
                <th scope="row" class="label">
                    <button
                        type="button"
                        class="row-toggle"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=detail_id.clone()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        <span class="name">{label.clone()}</span>
                        // In the button: on a phone the label and this line together make its
                        // 44 px, instead of a 44 px button and a line below it.
                        <span class="meta">
                            {format!("{unit_age} · {period}")}
                            {modelled.then(|| view! { <span class="badge-demo">{t(lang, Msg::DemodataBadge)}</span> })}
                        </span>
                    </button>
                </th>
                {value_cell(ind, &row.area, lang, cols.area.clone(), "area")}
                {cols.kommune.clone().map(|k| value_cell(ind, &row.kommune, lang, k, "kommune"))}
                {cols.fylke.clone().map(|f| value_cell(ind, &row.fylke, lang, f, "fylke"))}
                {cols.landet.clone().map(|l| value_cell(ind, &row.landet, lang, l, "landet"))}
                {cols.landet.is_some().then(|| view! {
                    <td class="compare" data-label=t(lang, Msg::Comparison)>
                        {row.vs_landet.map(|c| view! { <Mark comparison=c lang /> })}
                        {vs_kommune.map(|s| view! { <span class="vs-kommune">{s}</span> })}
                    </td>
                })}
                <td class="spread-cell" data-label=t(lang, Msg::SpreadHeader)>{spread}</td>
            </tr>
            <tr class="detail" id=detail_id.clone() hidden=move || !open.get()>
                <td colspan=colspan.to_string()>
                    <Show when=move || open.get()>{detail}</Show>
                </td>
            </tr>
        </tbody>
    }
}

/// The legend of the marks, so that the shapes mean something without colour.
fn legend(lang: Lang, area: &str) -> impl IntoView {
    let marks = Comparison::LEGEND;
    view! {
        <div class="legend">
            <h3>{t(lang, Msg::Legend)}</h3>
            <ul>
                {marks.into_iter().map(|c| view! { <li><Mark comparison=c lang /></li> }).collect_view()}
            </ul>
            <p class="spread-legend">{tf(lang, Msg::SpreadLegend, &[area])}</p>
            <p class="spread-legend">{t(lang, Msg::FlagsLegend)}</p>
        </div>
    }
}

/// Whether a comparison stands out: significantly better or worse, or higher or lower than
/// landet where the indicator has no good direction.
fn stands_out(c: Comparison) -> bool {
    matches!(
        c,
        Comparison::Better | Comparison::Worse | Comparison::Higher | Comparison::Lower
    )
}

/// The filter's state, from the address (`route::OUTSTANDING`), and a way to change it that
/// replaces the address without a new history entry or a scroll. The prerenderer has no
/// address: there the filter is off and its box waits for the app.
#[cfg(target_arch = "wasm32")]
fn outstanding_state() -> (Signal<bool>, Callback<bool>) {
    use leptos_router::hooks::{use_location, use_navigate};
    use leptos_router::NavigateOptions;
    use oppvekst_core::route;
    let location = use_location();
    let navigate = use_navigate();
    let on = Signal::derive(move || route::is_outstanding(&location.search.get()));
    let set = Callback::new(move |v: bool| {
        let url = route::with_outstanding(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
            v,
        );
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    (on, set)
}

#[cfg(not(target_arch = "wasm32"))]
fn outstanding_state() -> (Signal<bool>, Callback<bool>) {
    (Signal::stored(false), Callback::new(|_| {}))
}

/// «Vis bare det som skiller seg ut»: a box that hides the rows without a significant
/// difference from landet (the stylesheet hides them by the section's class), with how many
/// stand out.
fn outstanding_filter(
    lang: Lang,
    on: Signal<bool>,
    set: Callback<bool>,
    n: usize,
    of: usize,
) -> impl IntoView {
    view! {
        <p class="outstanding-filter">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || on.get()
                    on:change=move |ev| set.run(event_target_checked(&ev))
                />
                " "
                {t(lang, Msg::OutstandingOnly)}
            </label>
            " "
            <span class="outstanding-count">{tf(lang, Msg::OutstandingCount, &[&n.to_string(), &of.to_string()])}</span>
        </p>
    }
}

/// One group's table: its name, the heads, and a row per indicator.
fn group_table(
    src: StoredValue<Sources, LocalStorage>,
    g: Group,
    rows: &[Row],
    heads: &[(&'static str, String)],
    cols: &Columns,
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="barometer-group" data-group=format!("{g:?}")>
            <h3>{group_name(g, lang)}</h3>
            <table class="barometer">
                <thead>
                    <tr>{heads.iter().cloned().map(|(class, h)| view! { <th scope="col" class=class>{h}</th> }).collect_view()}</tr>
                </thead>
                {rows.iter().map(|r| barometer_row(src, r.index, r, cols, lang)).collect_view()}
            </table>
        </section>
    }
}

/// The whole barometer of an area.
#[component]
pub fn BarometerView(sources: Sources, lang: Lang) -> impl IntoView {
    let (ctx, area) = (sources.ctx.clone(), sources.area.clone());
    let groups = barometer::group_indices(&ctx);
    let src = StoredValue::new_local(sources);
    let cols = Columns::new(&ctx, &area.code, lang);
    // Each head with its column's class, as the cells have (see `value_cell`).
    let heads: Vec<(&'static str, String)> = [
        Some(("label", t(lang, Msg::Indicator).to_string())),
        Some(("area", cols.area.clone())),
        cols.kommune.clone().map(|k| ("kommune", k)),
        cols.fylke.clone().map(|f| ("fylke", f)),
        cols.landet.clone().map(|l| ("landet", l)),
        // Landet is not compared with itself: no column for it.
        cols.landet
            .is_some()
            .then(|| ("compare", t(lang, Msg::Comparison).to_string())),
        Some(("spread", t(lang, Msg::SpreadHeader).to_string())),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Each group's rows in a task of its own while the app is out of sight (`in_turn`): a row's
    // spread over all kommuner and its ranks are the costly part of a profile.
    let total = groups.iter().map(|(_, indices)| indices.len()).sum();
    let groups = groups
        .into_iter()
        .map(|(g, indices)| {
            let (heads, cols) = (heads.clone(), cols.clone());
            let draw = move || {
                src.with_value(|s| {
                    let rows: Vec<Row> = indices
                        .iter()
                        .filter_map(|&i| {
                            barometer::row(
                                &s.ctx,
                                &s.area,
                                s.kommune.as_deref(),
                                i,
                                Confidence::P95,
                            )
                        })
                        .collect();
                    group_table(src, g, &rows, &heads, &cols, lang).into_any()
                })
            };
            in_turn(draw)
        })
        .collect_view();
    // The filter's count, without the rows.
    let standing_out = barometer::landet_comparisons(&ctx, &area, Confidence::P95)
        .into_iter()
        .filter(|c| stands_out(*c))
        .count();
    let (on, set) = outstanding_state();
    // Landet is compared with nothing: no filter.
    let filter = cols
        .landet
        .is_some()
        .then(|| outstanding_filter(lang, on, set, standing_out, total));
    view! {
        <section class="barometer-section" class:outstanding=move || on.get() aria-labelledby="barometer-title">
            <h2 id="barometer-title">{t(lang, Msg::Barometer)}</h2>
            <p>{tf(lang, Msg::BarometerIntro, &[&cols.area])}</p>
            {legend(lang, &cols.area)}
            {filter}
            {groups}
        </section>
    }
}
