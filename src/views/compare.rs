//! The comparison view (`/kommune/4601/sammenlign?indikator=…&sett=like&sorter=navn`): one
//! indicator's latest value for a set of areas as bars with their intervals, landet as a
//! line, each bar coloured by its comparison with landet; the table of the same figures; and
//! for the similar kommuner, why each is similar. Everything shown is in the address.

use crate::api::SetData;
use crate::charts::colours::{mark_colour, mark_glyph};
use crate::charts::compare::{height, CompareBar, CompareChart};
use crate::charts::Figure;
use crate::components::chart::Drawing;
use crate::components::chart::SaveAs;
use crate::components::chart_figure::{is_modelled, save_as, ChartFigure, Table};
use crate::components::download::{latest_records, CsvDownload, Records};
use crate::components::mark::{mark_text, MarkLegend};
use crate::components::picker::{indicator_options, picker_group, Picker};
use crate::components::set_picker::{chosen_adder, preset_label, ChosenAreas, PresetPicker};
use crate::components::words::{interval_text, value_text};
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::{area_name, distinct_names};
use crate::views::explore::{indicator_index, set_choices, set_page, ExploreHeader};
use crate::views::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use oppvekst_core::barometer::Value;
use oppvekst_core::explore::compare::{compare_view, sort_bars, Member};
use oppvekst_core::explore::sets::presets_for;
use oppvekst_core::indicator::{Provenance, Unit};
use oppvekst_core::route::{view_url, Preset, Query, Sort, View};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::{AreaCode, Lang};

#[component]
pub fn ComparePage(code: AreaCode) -> impl IntoView {
    set_page(code, false, |data, query| {
        view! { <CompareBody data query /> }.into_any()
    })
}

/// Everything the comparison shows for one indicator, order and language. A new one redraws
/// the figure in place: the chart keeps its instance and takes the new option, as the map's
/// does, instead of a new chart being made for every choice.
#[derive(Clone, Debug, PartialEq)]
struct CompareModel {
    index: usize,
    id: String,
    label: String,
    area_label: String,
    title: String,
    summary: String,
    chart: Drawing,
    table: Table,
    /// The chart's height: one band a bar, the same for every indicator of the set.
    height: u32,
    bars: usize,
    note: Option<String>,
    save: SaveAs,
    modelled: bool,
    shown_marks: Vec<Comparison>,
    /// What the downloads hold: `(code, name as shown, value)` a bar.
    areas: Vec<(Option<AreaCode>, String, Option<Value>)>,
    file_parts: Vec<String>,
}

/// The comparison of `q`'s indicator in `d`'s set, or `None` where there is none to draw.
fn compare_model(d: &SetData, code: &AreaCode, q: &Query, lang: Lang) -> Option<CompareModel> {
    let ctx = &d.profile.context;
    let reg = &ctx.registry;
    let preset = d.preset;
    let index = indicator_index(ctx, q);
    let bundles = d.bundle_refs();
    let satsing = preset == Preset::Satsing;
    let mut v = compare_view(ctx, &bundles, &d.set, code, index, satsing, Confidence::P95)?;
    let ind = v.indicator;
    let codes: Vec<AreaCode> = v
        .bars
        .iter()
        .filter_map(|b| match &b.member {
            Member::Area(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let names = distinct_names(reg, &codes, lang);
    let name_of = |m: &Member| match m {
        Member::Area(c) => codes
            .iter()
            .position(|x| x == c)
            .map(|i| names[i].clone())
            .unwrap_or_default(),
        Member::Satsing => t(lang, Msg::SatsingPooled).to_string(),
        Member::RestOfOslo => t(lang, Msg::RestOfOslo).to_string(),
    };
    sort_bars(&mut v.bars, q.sort, name_of);
    let label = ind.label.get(lang).to_string();
    let landet_name = t(lang, Msg::Landet).to_string();
    let vm = CompareChart {
        bars: v
            .bars
            .iter()
            .map(|b| CompareBar {
                name: name_of(&b.member),
                value: b.value.and_then(|x| x.value),
                interval: b
                    .value
                    .and_then(|x| x.value.and(x.ci))
                    .map(|c| (c.lo, c.hi)),
                colour: mark_colour(b.vs_landet).into(),
                glyph: mark_glyph(b.vs_landet).into(),
                own: b.own,
            })
            .collect(),
        landet: v
            .landet
            .and_then(|l| l.value)
            .map(|x| (landet_name.clone(), x)),
        percent: ind.unit == Unit::Percent,
    };
    let count = |c: Comparison| v.bars.iter().filter(|b| b.vs_landet == c).count();
    let summary = tf(
        lang,
        Msg::CompareSummary,
        &[
            &count(Comparison::Better).to_string(),
            &count(Comparison::Worse).to_string(),
            &(count(Comparison::Higher) + count(Comparison::Lower)).to_string(),
            &count(Comparison::Similar).to_string(),
            &(count(Comparison::NoData) + count(Comparison::NotTested)).to_string(),
        ],
    );
    let title = format!(
        "{label}, {}: {}",
        ind.latest_period_label(),
        preset_label(preset, code, reg, lang)
    );
    // The table: one row a bar, in the chart's order, then landet.
    let headers = vec![
        t(lang, Msg::Area).to_string(),
        t(lang, Msg::Value).to_string(),
        t(lang, Msg::ConfidenceInterval).to_string(),
        t(lang, Msg::Comparison).to_string(),
    ];
    let mut rows: Vec<Vec<String>> = v
        .bars
        .iter()
        .map(|b| {
            vec![
                name_of(&b.member),
                value_text(ind, &b.value, lang),
                interval_text(ind, &b.value),
                mark_text(b.vs_landet, lang).to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        landet_name,
        value_text(ind, &v.landet, lang),
        "–".into(),
        "–".into(),
    ]);
    let file_parts = vec![
        "sammenligning".to_string(),
        code.to_string(),
        ind.id.clone(),
        preset.slug().to_string(),
    ];
    let parts: Vec<&str> = file_parts.iter().map(String::as_str).collect();
    let save = save_as(
        lang,
        title.clone(),
        &ind.source_line(),
        is_modelled(ind),
        &parts,
    );
    Some(CompareModel {
        index,
        id: ind.id.clone(),
        area_label: reg
            .get(code)
            .map(|a| area_name(a, lang))
            .unwrap_or_default(),
        title,
        summary,
        height: height(vm.bars.len()),
        chart: Figure::Compare(vm).into(),
        table: Table { headers, rows },
        bars: v.bars.len(),
        note: satsing.then(|| t(lang, Msg::SatsingNote).to_string()),
        save,
        modelled: ind.provenance == Provenance::Modelled && v.has_values(),
        shown_marks: v.bars.iter().map(|b| b.vs_landet).collect(),
        areas: v
            .bars
            .iter()
            .map(|b| {
                let code = match &b.member {
                    Member::Area(c) => Some(c.clone()),
                    _ => None,
                };
                (code, name_of(&b.member), b.value)
            })
            .collect(),
        label,
        file_parts,
    })
}

/// The view drawn with its data: by the app, and by the prerenderer into the view's page as it
/// opens (`crate::ssr`), which the app takes over once it has drawn the same.
#[component]
pub fn CompareBody(data: SetData, query: Memo<Query>) -> impl IntoView {
    crate::prerender::reveal_when_mounted();
    let lang = use_lang();
    let navigate = use_navigate();
    let data = StoredValue::new_local(data);
    let code = data.with_value(|d| d.profile.area.code.clone());
    let go = Callback::new(move |q: Query| {
        let url = view_url(&code_of(&data), View::Compare, &q, lang.get_untracked());
        navigate(&url, Default::default())
    });
    let model = {
        let code = code.clone();
        Memo::new(move |_| {
            let (q, lang) = (query.get(), lang.get());
            data.with_value(|d| compare_model(d, &code, &q, lang))
        })
    };
    let found = Memo::new(move |_| model.with(Option::is_some));
    // One field of the model, for the figure's parts.
    fn field<T: Clone + Default + Send + Sync + 'static>(
        model: Memo<Option<CompareModel>>,
        f: fn(&CompareModel) -> T,
    ) -> Signal<T> {
        Signal::derive(move || model.with(|m| m.as_ref().map(f).unwrap_or_default()))
    }
    move || {
        if !found.get() {
            return view! { <NotFound /> }.into_any();
        }
        let chart_height = model.with_untracked(|m| m.as_ref().map_or(0, |m| m.height));
        let save = Signal::derive(move || {
            model
                .with(|m| m.as_ref().map(|m| m.save.clone()))
                .unwrap_or_else(|| SaveAs {
                    title: String::new(),
                    source: String::new(),
                    demodata: String::new(),
                    file: String::new(),
                })
        });
        let code = code.clone();
        let head = {
            let code = code.clone();
            move || {
                let lang = lang.get();
                model.with(|m| {
                    m.as_ref().map(|m| {
                        view! {
                            <ExploreHeader
                                code=code.clone()
                                view=View::Compare
                                area_label=m.area_label.clone()
                                title=t(lang, Msg::ComparePageTitle).to_string()
                                lead=tf(lang, Msg::CompareLead, &[&m.label])
                                indicator=Some(m.id.clone())
                                modelled=m.modelled
                                lang
                            />
                        }
                    })
                })
            }
        };
        let rest = move || {
            let (q, lang) = (query.get(), lang.get());
            model.with(|m| {
                m.as_ref()
                    .map(|m| data.with_value(|d| rest(d, m, &code, &q, go, lang)))
            })
        };
        view! {
            <article class="explore compare-view">
                {head}
                // The figure first: on a phone it must reach the first screen.
                <ChartFigure
                    title=field(model, |m| m.title.clone())
                    summary=field(model, |m| m.summary.clone())
                    chart=Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.chart.clone())).unwrap_or_default())
                    table=field(model, |m| m.table.clone())
                    height=Some(chart_height)
                    note=field(model, |m| m.note.clone())
                    save=Some(save)
                />
                {rest}
            </article>
        }
        .into_any()
    }
}

/// What follows the figure: the summary, the legend, the pickers, the chosen areas, the
/// downloads and, for the similar kommuner, why each is similar.
fn rest(
    d: &SetData,
    m: &CompareModel,
    code: &AreaCode,
    q: &Query,
    go: Callback<Query>,
    lang: Lang,
) -> AnyView {
    let ctx = &d.profile.context;
    let reg = &ctx.registry;
    let preset = d.preset;
    let similar = (preset == Preset::Similar && !d.set.neighbours.is_empty()).then(|| {
        let items = d
            .set
            .neighbours
            .iter()
            .map(|n| {
                let name = reg.get(&n.code).map(|a| area_name(a, lang)).unwrap_or_default();
                view! { <li><strong>{name}</strong>": "{n.reasons_text().get(lang).to_string()}</li> }
            })
            .collect_view();
        let kommune = code
            .kommune()
            .and_then(|k| reg.get(&k))
            .map(|a| area_name(a, lang))
            .unwrap_or_default();
        view! {
            <section class="similar" aria-labelledby="similar-title">
                <h2 id="similar-title">{t(lang, Msg::SimilarTitle)}</h2>
                <p>{tf(lang, Msg::SimilarLead, &[&kommune])}</p>
                <ol>{items}</ol>
            </section>
        }
    });
    // Every choice applied together (see `picker`).
    let (apply, chosen_url) = set_choices(code, View::Compare, q, go, lang);
    let sort_options = vec![(
        None,
        vec![
            ("verdi".to_string(), t(lang, Msg::SortValue).to_string()),
            ("navn".to_string(), t(lang, Msg::SortName).to_string()),
        ],
    )];
    let sorted = if q.sort == Sort::Name {
        "navn"
    } else {
        "verdi"
    }
    .to_string();
    let records: Records = {
        let (ctx, bundles, areas, index) = (
            d.profile.context.clone(),
            d.bundles.clone(),
            m.areas.clone(),
            m.index,
        );
        std::rc::Rc::new(move || {
            let refs: Vec<&oppvekst_core::codec::AreaBundle> =
                bundles.iter().map(|b| b.as_ref()).collect();
            latest_records(&ctx, &refs, index, &areas, lang)
        })
    };
    view! {
        <p class="summary">{m.summary.clone()}</p>
        <MarkLegend shown=m.shown_marks.clone() lang id="compare-legend-title" />
        {picker_group(lang, apply, view! {
            <Picker
                id="compare-indicator"
                label=t(lang, Msg::IndicatorPick).to_string()
                options=indicator_options(&ctx.catalogue, lang)
                selected=m.id.clone()
                lang
                grouped="indikator"
            />
            <PresetPicker
                id="compare-set"
                label=t(lang, Msg::SetPick).to_string()
                code=code.clone()
                presets=presets_for(reg, code)
                selected=preset
                reg=reg.clone()
                lang
                grouped="sett"
            />
            <Picker
                id="compare-sort"
                label=t(lang, Msg::SortPick).to_string()
                options=sort_options
                selected=sorted
                lang
                grouped="sorter"
            />
            {(preset == Preset::Chosen).then(|| chosen_adder(code, &q.extra, reg, lang))}
        })}
        {(preset == Preset::Chosen).then(|| view! {
            <ChosenAreas
                chosen=q.extra.clone()
                reg=reg.clone()
                lang
                url=chosen_url
            />
        })}
        <CsvDownload records=records name=m.file_parts.clone() lang />
        {similar}
    }
    .into_any()
}

fn code_of(data: &StoredValue<SetData, LocalStorage>) -> AreaCode {
    data.with_value(|d| d.profile.area.code.clone())
}
