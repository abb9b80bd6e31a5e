//! The profile of one area: its name and place, the key figures on children, and the number of
//! children over the years as a chart with its table.

use crate::api::{self, LoadError, ProfileData};
use crate::charts::population::ChildrenTrend;
use crate::charts::Figure;
use crate::components::barometer::{BarometerView, Sources};
use crate::components::chart::EChart;
use crate::components::chart_figure::save_as;
use crate::components::data_table::DataTable;
use crate::components::demodata::DemodataNotice;
use crate::components::download::{record, CsvDownload, Records};
use crate::components::error_view::ErrorView;
use crate::components::explore_nav::ExploreNav;
use crate::components::key_sentences::KeySentences;
use crate::components::retired::Retired;
use crate::components::theme_figures::theme_figures;
use crate::components::themes::ThemeSection;
use crate::i18n::{href, t, tf, use_lang, Msg};
use crate::prerender::{in_turn, reveal_when_mounted};
use crate::state::{area_name, level_name, recent, set_document_title, set_profile_title};
use crate::views::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::barometer::{barometer, shows_modelled};
use oppvekst_core::case;
use oppvekst_core::route::{area_path, parse_path, Page};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::sentences::{
    key_sentences, landet_sentences, trend_sentences, KeySentence, Reference, DEFAULT_MAX,
};
use oppvekst_core::summary::children_figures;
use oppvekst_core::{numfmt, AreaCode, Lang, Level};

/// The route: parses the path with the core's route parser, so that a malformed code shows a
/// message instead of a fetch.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| parse_path(&location.pathname.get()));
    move || match page.get() {
        Page::Profile(code) => view! { <Profile code /> }.into_any(),
        // The code is not even well formed: say so with the code as typed, without a fetch.
        Page::BadArea { code, .. } => view! { <BadCode code /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The page for an area code that is not even well formed, shown without a fetch.
#[component]
pub fn BadCode(code: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="error" role="alert" data-error="unknown-area">
            <h1>{move || t(lang.get(), Msg::UnknownAreaTitle)}</h1>
            <p>{move || tf(lang.get(), Msg::UnknownAreaBody, &[&code])}</p>
            <p class="actions">
                <a href=move || href("/", lang.get())>{move || t(lang.get(), Msg::BackToSearch)}</a>
            </p>
        </section>
    }
}

#[component]
fn Profile(code: AreaCode) -> impl IntoView {
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let (code, lang) = (code.clone(), lang.get());
        async move { api::profile(&code, lang).await }
    });
    move || match data.get() {
        None => {
            view! { <p class="loading" role="status">{t(lang.get(), Msg::Loading)}</p> }.into_any()
        }
        // A retired number (an old link to 1201 Bergen) opens the area it became.
        Some(Err(LoadError::UnknownArea(code))) => {
            view! { <Retired code page=|to| view! { <Profile code=to /> }.into_any() /> }.into_any()
        }
        Some(Err(e)) => view! { <ErrorView error=e retry=move |_| data.refetch() /> }.into_any(),
        Some(Ok(p)) => view! { <ProfileBody data=p /> }.into_any(),
    }
}

/// A loaded profile. Public for the prerenderer (`crate::ssr`), which draws it at build time.
#[component]
pub fn ProfileBody(data: ProfileData) -> impl IntoView {
    let lang = use_lang();
    recent::visit(&data.area.code);
    // The live profile is drawn: it can replace the page's prerendered copy.
    reveal_when_mounted();
    let data = StoredValue::new_local(data);
    move || {
        let lang = lang.get();
        data.with_value(|d| {
            let sources = Sources {
                ctx: d.context.clone(),
                area: d.area.clone(),
                kommune: d.kommune.clone(),
            };
            let area_label = name_of(d, lang);
            set_document_title(&format!("{area_label} – {}", t(lang, Msg::AppName)));
            set_profile_title(&area_label, lang);
            view! {
                <article class="profile">
                    {profile_top(d, lang)}
                    <BarometerView sources lang />
                    // Below the barometer: drawn in tasks of their own while the app is out
                    // of sight (`in_turn`).
                    {in_turn(move || data.with_value(|d| view! {
                        <CsvDownload records=profile_records(d, lang) name=file_name(d, lang) lang />
                        <section class="population" aria-labelledby="population-title">
                            <h2 id="population-title">{t(lang, Msg::KeyFigures)}</h2>
                            {key_figures(d, lang)}
                            {children_chart(d, lang)}
                        </section>
                    }.into_any()))}
                    {in_turn(move || data.with_value(|d| view! {
                        <ThemeSection
                            themes=d.context.themes.clone()
                            lang
                            figures=theme_figures(&d.context, &d.area, d.landet.as_deref(), &name_of(d, lang), lang)
                        />
                    }.into_any()))}
                </article>
            }
        })
    }
}

/// The top of a profile, its first screen on a phone: the area's name and place, the views'
/// tabs, the demodata notice where its figures are modelled, and the key sentences. Also the
/// static copy of a retired number's page (`components::retired::RetiredCopy`), under its
/// notice, where the app then draws the rest.
pub fn profile_top(d: &ProfileData, lang: Lang) -> impl IntoView {
    let modelled = shows_modelled(&d.context, &d.area);
    view! {
        {heading(d, lang)}
        <ExploreNav code=d.area.code.clone() current=None indicator=None lang />
        {modelled.then(|| view! { <DemodataNotice lang /> })}
        <KeySentences sentences=sentences(d) lang />
    }
}

/// The profile's figures as records for a CSV file: every indicator's latest value with its
/// interval, flag and comparators, as the barometer shows them.
fn profile_records(d: &ProfileData, lang: Lang) -> Records {
    let (ctx, area, kommune) = (d.context.clone(), d.area.clone(), d.kommune.clone());
    std::rc::Rc::new(move || {
        let name = ctx
            .registry
            .get(&area.code)
            .map(|a| area_name(a, lang))
            .unwrap_or_default();
        let b = barometer(&ctx, &area, kommune.as_deref(), Confidence::P95);
        b.rows()
            .map(|r| {
                let ind = r.indicator;
                record(
                    ind,
                    (&area.code, &name),
                    r.period,
                    &r.area,
                    (
                        r.fylke.and_then(|v| v.value),
                        r.landet.and_then(|v| v.value),
                    ),
                    lang,
                )
            })
            .collect()
    })
}

/// The profile's area as the reader reads it.
fn name_of(d: &ProfileData, lang: Lang) -> String {
    d.context
        .registry
        .get(&d.area.code)
        .map(|a| area_name(a, lang))
        .unwrap_or_default()
}

/// `oppvekstprofil_0301_oslo_2026`: the area and the year of its latest figures.
fn file_name(d: &ProfileData, lang: Lang) -> Vec<String> {
    let name = name_of(d, lang);
    let year = d
        .context
        .catalogue
        .iter()
        .filter_map(|i| i.periods.last().map(|p| p.last))
        .max()
        .unwrap_or_default();
    vec![
        "oppvekstprofil".into(),
        d.area.code.to_string(),
        name,
        year.to_string(),
    ]
}

/// The key sentences: comparisons with landet (and, for a bydel, with its kommune), then the
/// area's own significant trends; landet, which has no comparator, gets its trends.
fn sentences(d: &ProfileData) -> Vec<KeySentence> {
    let ctx = &d.context;
    let mut out = match d.area.code.level() {
        Level::Landet => Vec::new(),
        _ => landet_sentences(ctx, &d.area.series, DEFAULT_MAX, Confidence::P95),
    };
    if let Some(k) = &d.kommune {
        let room = DEFAULT_MAX.saturating_sub(out.len()).min(3);
        let vs_kommune = key_sentences(
            &ctx.catalogue,
            &d.area.series,
            &k.series,
            Reference::Kommune,
            room,
            Confidence::P95,
        );
        out.extend(vs_kommune);
    }
    if out.len() < MIN_SENTENCES {
        let known: Vec<String> = out.iter().map(|s| s.indicator_id.clone()).collect();
        let trends = trend_sentences(&ctx.catalogue, &d.area.series, DEFAULT_MAX)
            .into_iter()
            .filter(|s| !known.contains(&s.indicator_id));
        out.extend(trends.take(DEFAULT_MAX - out.len()));
    }
    out
}

/// FHI's profiles say four things at least, when the data have that much to say.
const MIN_SENTENCES: usize = 4;

fn heading(d: &ProfileData, lang: Lang) -> impl IntoView {
    let reg = &d.context.registry;
    let area = reg.get(&d.area.code);
    let name = area.map(|a| area_name(a, lang)).unwrap_or_default();
    let level = level_name(d.area.code.level(), lang);
    // «i Oslo» once: a parent named as the area or as the parent before it (Oslo is both
    // kommune and fylke) is left out, or a bydel would read «i Oslo, i Oslo».
    let mut parents: Vec<(String, String)> = Vec::new();
    for a in reg.ancestors(&d.area.code) {
        let pname = area_name(a, lang);
        if a.level() != Level::Landet
            && pname != name
            && parents.last().is_none_or(|(_, last)| *last != pname)
        {
            parents.push((href(&area_path(&a.code), lang), pname));
        }
    }
    let children = d.area.population.latest().map(|(year, p)| {
        tf(
            lang,
            Msg::ChildrenInYear,
            &[&numfmt::int(p.age_0_17 as i64), &year.to_string()],
        )
    });
    let parents = (!parents.is_empty()).then(|| {
        view! {
            <p class="parents">
                {parents
                    .into_iter()
                    .enumerate()
                    .map(|(i, (link, pname))| {
                        view! {
                            {(i > 0).then_some(", ")}
                            <a href=link target=crate::embed::link_target()>{tf(lang, Msg::InFylke, &[&pname])}</a>
                        }
                    })
                    .collect_view()}
            </p>
        }
    });
    view! {
        <header class="profile-head">
            <p class="level">{level}</p>
            <h1>{name}</h1>
            {parents}
            {children.map(|c| view! { <p class="children-count">{c}</p> })}
        </header>
    }
}

fn key_figures(d: &ProfileData, lang: Lang) -> impl IntoView {
    let reg = &d.context.registry;
    let figures = children_figures(&d.area, &d.above());
    let year = figures.first().map(|f| f.year).unwrap_or_default();
    let rows = figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = reg
                .get(&f.code)
                .map(|a| area_name(a, lang))
                .unwrap_or_default();
            // Comparators say what they are: «Oslo (fylke)» beside the kommune Oslo.
            let name = match f.code.level() {
                Level::Landet => name,
                _ if i == 0 => name,
                l => format!("{name} ({})", case::lowercase(level_name(l, lang))),
            };
            let share = f
                .share
                .map(|s| numfmt::percent(s, 1))
                .unwrap_or_else(|| "–".into());
            vec![name, numfmt::int(f.children as i64), share]
        })
        .collect();
    view! {
        <section class="key-figures">
            <DataTable
                caption=tf(lang, Msg::PerYear, &[&year.to_string()])
                headers=vec![
                    t(lang, Msg::Area).to_string(),
                    t(lang, Msg::Children017).to_string(),
                    t(lang, Msg::ShareOfPopulation).to_string(),
                ]
                rows
            />
        </section>
    }
}

/// The number of children 0–17 over the years, with its table: on the profile and in the
/// population view.
pub fn children_chart(d: &ProfileData, lang: Lang) -> impl IntoView {
    let reg = &d.context.registry;
    let name = reg
        .get(&d.area.code)
        .map(|a| area_name(a, lang))
        .unwrap_or_default();
    let points = d.area.population.points(|p| p.age_0_17);
    let (first, last) = match (points.first(), points.last()) {
        (Some(f), Some(l)) => (f.0, l.0),
        _ => (0, 0),
    };
    let title = tf(
        lang,
        Msg::ChildrenOverTime,
        &[&name, &first.to_string(), &last.to_string()],
    );
    let rows = points
        .iter()
        .map(|(y, v)| vec![y.to_string(), numfmt::int(*v as i64)])
        .collect();
    let save = Signal::stored(save_as(
        lang,
        title.clone(),
        t(lang, Msg::PopulationSource),
        false,
        &["barn", d.area.code.as_str(), &name],
    ));
    let chart = Figure::ChildrenTrend(ChildrenTrend { area: name, points });
    view! {
        <figure class="chart-figure">
            <figcaption>{title.clone()}</figcaption>
            <EChart chart=Signal::stored(chart.into()) label=Signal::stored(title) save />
            <details>
                <summary>{t(lang, Msg::ChartAsTable)}</summary>
                <DataTable
                    caption=t(lang, Msg::Children017)
                    headers=vec![t(lang, Msg::Year).to_string(), t(lang, Msg::Children017).to_string()]
                    rows
                />
            </details>
        </figure>
    }
}
