//! The route of every explore view (`/kommune/0301/kart`, `/landet/oversikt` …): parses the
//! path with the core's parser and shows the view, or the page for a bad address. Also the
//! frame the views share: the way back, the heading, the tabs, the lead and the demodata notice.

use crate::api::{self, SetData};
use crate::components::chart_figure::is_modelled;
use crate::components::demodata::DemodataNotice;
use crate::components::error_view::ErrorView;
use crate::components::explore_nav::ExploreNav;
use crate::components::picker::Chosen;
use crate::i18n::{href, t, tf, use_lang, Msg};
use crate::state::{set_document_title, set_profile_title};
use crate::views::breakdown::BreakdownPage;
use crate::views::compare::ComparePage;
use crate::views::map::MapPage;
use crate::views::not_found::NotFound;
use crate::views::overview::OverviewPage;
use crate::views::population::PopulationPage;
use crate::views::profile::BadCode;
use crate::views::trend::TrendPage;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::codec::ContextBundle;
use oppvekst_core::route::{
    area_path, parse_path, parse_query, view_url, Page, Preset, Query, View,
};
use oppvekst_core::stats::cells::catalogue_index;
use oppvekst_core::{AreaCode, Lang};

#[component]
pub fn ExplorePage() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| parse_path(&location.pathname.get()));
    move || match page.get() {
        Page::Explore(code, view) => match view {
            View::Trend => view! { <TrendPage code /> }.into_any(),
            View::Compare => view! { <ComparePage code /> }.into_any(),
            View::Map => view! { <MapPage code /> }.into_any(),
            View::Overview => view! { <OverviewPage code /> }.into_any(),
            View::Population => view! { <PopulationPage code /> }.into_any(),
            View::Breakdown => view! { <BreakdownPage code /> }.into_any(),
        },
        Page::BadArea { code, .. } => view! { <BadCode code /> }.into_any(),
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The top of a view: the way back to the profile, the heading, the tabs, the lead and, where
/// the view shows modelled figures, the demodata notice.
///
/// The lead is marked `data-names` (with no key it does not hold for): its text holds for the
/// view with any choice once the indicator's name in it is changed, so that a static copy of
/// the view as it opens can show it for an address that asks for another (`oppvekst-data`'s
/// `stand_in`). For the same end, a copy of such a view always carries the notice, hidden where
/// its own figures are real, with the indicators it is shown for (`data-for`).
#[component]
pub fn ExploreHeader(
    code: AreaCode,
    view: View,
    area_label: String,
    title: String,
    lead: String,
    indicator: Option<String>,
    modelled: bool,
    lang: Lang,
) -> impl IntoView {
    set_document_title(&format!(
        "{title}: {area_label} – {}",
        t(lang, Msg::AppName)
    ));
    set_profile_title(&area_label, lang);
    view! {
        <p class="back">
            <a href=href(&area_path(&code), lang)>{tf(lang, Msg::BackToProfile, &[&area_label])}</a>
        </p>
        <h1>{title}</h1>
        <ExploreNav code current=Some(view) indicator lang />
        <p class="lead" data-names="">{lead}</p>
        {match modelled_ids(view) {
            Some(ids) => Some(view! { <DemodataNotice lang hidden=!modelled shown_for=ids /> }),
            None => modelled.then(|| view! { <DemodataNotice lang /> }),
        }}
    }
}

/// For a static copy of a view of one indicator (at build time, where the context bundle is at
/// hand): the indicators whose figures are modelled, for which a stand-in shows the demodata
/// notice (`data-for`). None in the live app.
fn modelled_ids(view: View) -> Option<String> {
    if !view.has_indicator() {
        return None;
    }
    let context = crate::prerender::preloaded()?;
    let ids: Vec<&str> = context
        .catalogue
        .iter()
        .filter(|i| is_modelled(i))
        .map(|i| i.id.as_str())
        .collect();
    Some(ids.join(" "))
}

/// A set view's (comparison, overview) callbacks on its query `q`: the form's choices applied
/// together (see `picker`), and the view's address with other chosen areas
/// (`sett=valgte&med=…`), for the chosen areas' «remove» links.
pub fn set_choices(
    code: &AreaCode,
    view: View,
    q: &Query,
    go: Callback<Query>,
    lang: Lang,
) -> (Callback<Chosen>, Callback<Vec<AreaCode>, String>) {
    let apply = Callback::new({
        let q = q.clone();
        move |chosen: Chosen| go.run(q.with_choices(&chosen))
    });
    let chosen_url = Callback::new({
        let (q, code) = (q.clone(), code.clone());
        move |extra: Vec<AreaCode>| {
            let chosen = Query {
                extra,
                preset: Some(Preset::Chosen),
                ..q.clone()
            };
            view_url(&code, view, &chosen, lang)
        }
    });
    (apply, chosen_url)
}

/// The loading line every view shows while its data comes.
pub fn loading(lang: Lang) -> AnyView {
    view! { <p class="loading" role="status">{t(lang, Msg::Loading)}</p> }.into_any()
}

/// Loads what a comparison, a map (`map`) or an overview shows — the set's bundles, and for a
/// map the shapes — and draws `body` with it. Only the set decides what is loaded: a new
/// indicator, order or colouring redraws without a load.
pub fn set_page(
    code: AreaCode,
    map: bool,
    body: fn(SetData, Memo<Query>) -> AnyView,
) -> impl IntoView {
    let location = use_location();
    let query = Memo::new(move |_| parse_query(&location.search.get()));
    let wanted = Memo::new(move |_| {
        query.with(|q| match map {
            true => (q.scope, Vec::new()),
            false => (q.preset, q.extra.clone()),
        })
    });
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let (code, lang) = (code.clone(), lang.get());
        let (preset, extra) = wanted.get();
        async move { api::set(&code, preset, &extra, map, lang).await }
    });
    move || match data.get() {
        None => loading(lang.get()),
        Some(Err(e)) => view! { <ErrorView error=e retry=move |_| data.refetch() /> }.into_any(),
        Some(Ok(d)) => body(d, query),
    }
}

/// The catalogue entry the address names (`indikator=`), or the first.
pub fn indicator_index(ctx: &ContextBundle, q: &Query) -> usize {
    q.indicator
        .as_deref()
        .and_then(|id| catalogue_index(ctx, id))
        .unwrap_or(0)
}
