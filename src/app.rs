//! The app shell: router, language, skip link, header, main and footer.

use crate::components::layout::{Footer, Header};
use crate::components::offline_notice::OfflineNotices;
use crate::components::share::ShareBar;
use crate::i18n::{t, Msg};
use crate::state::lang_from_url;
use crate::views::{
    about::About, explore::ExplorePage, home::Home, not_found::NotFound, profile::ProfilePage,
    whole_app::ToWholeApp,
};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use leptos_router::{path, StaticSegment};
use oppvekst_core::route::{parse_query, with_lang, Embed, Page};

/// The whole app: every page, the explore views too. Its build boots on an explore view's
/// path (`route::EXPLORE_PATHS`).
#[component]
pub fn App() -> impl IntoView {
    view! { <Site explore=|| view! { <ExplorePage /> }.into_any() /> }
}

/// The profile app: the whole app but the explore views, whose pages load the whole app
/// (`views::whole_app`). Profiles, the front page and «Om tallene» load it: far less code for
/// a phone to fetch and compile before a profile is live.
#[component]
pub fn ProfileApp() -> impl IntoView {
    crate::views::whole_app::follow_explore_links();
    view! { <Site explore=|| view! { <ToWholeApp /> }.into_any() /> }
}

/// The router around the shell, with `explore` drawing the explore views' routes.
#[component]
fn Site(explore: fn() -> AnyView) -> impl IntoView {
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Pages lang="nn" explore />
                    <Pages lang="en" explore />
                    <Pages lang="nb" explore />
                    <Pages lang="" explore />
                </Routes>
            </Shell>
        </Router>
    }
}

/// The app's pages under a language's first segment (`/nn/kommune/4602`; bokmål has none, and
/// `/nb/…` is read too): each page reads its language and area from the whole path
/// (`route::parse_path`), so the routes only choose the kind of page.
#[component(transparent)]
fn Pages(
    lang: &'static str,
    explore: fn() -> AnyView,
) -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=StaticSegment(lang) view=Outlet>
            <Route path=path!("/") view=Home />
            <Route path=path!("/om") view=About />
            <Route path=path!("/landet") view=ProfilePage />
            <Route path=path!("/landet/:view") view=explore />
            <Route path=path!("/:level/:code") view=ProfilePage />
            <Route path=path!("/:level/:code/:view") view=explore />
        </ParentRoute>
    }
    .into_inner()
}

/// Everything around a page: the app's frame in the browser, and the prerenderer's
/// (`crate::ssr`) around a profile.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = lang_from_url();
    provide_context(lang);
    let offline = crate::offline::OfflineState::new();
    provide_context(offline);
    // In an effect: the browser's only (the prerenderer has no service worker).
    Effect::new(move |_| crate::offline::start(offline));
    // Screen readers and hyphenation follow <html lang>.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // An embed (`embed=`) shows the page, or one part of it (`figur`, `barometer`, `kort`:
    // the stylesheet's `[data-embed]` rules say which), without the site's header and footer, with
    // a link to the whole page, and tells its host how tall it is.
    let query = use_query_map();
    let embed =
        Memo::new(move |_| query.with(|q| q.get("embed").and_then(|v| Embed::from_slug(&v))));
    provide_context(crate::embed::Current(embed));
    let titles = crate::embed::Title {
        page: RwSignal::new(String::new()),
        profile: RwSignal::new(String::new()),
    };
    provide_context(titles);
    let main_name = move || {
        embed
            .get()
            .map(|e| crate::embed::landmark_name(e, &titles.page.get(), lang.get()))
    };
    Effect::new(move |_| {
        if embed.get().is_some() {
            crate::embed::post_height();
        }
    });
    let compact = move || embed.get().is_some_and(Embed::is_compact);
    // `<html data-embed>`: the stylesheet draws each embed from it, the static copy (whose
    // head script set it first) and the app alike.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = match embed.get() {
                Some(e) => html.set_attribute("data-embed", e.slug()),
                None => html.remove_attribute("data-embed"),
            };
        }
    });
    let location = use_location();
    // An older link's `?lang=nn` takes the path form (`/nn/…`) in the address, so that what a
    // reader shares, embeds or bookmarks from here is that form. (The page's head script does
    // it before the first paint; this is for a host whose CSP header does not allow it.)
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (path, search) = (location.pathname.get(), location.search.get());
        if parse_query(&search).lang.is_some() {
            let to = with_lang(&path, &search, lang.get());
            let replace = NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            };
            navigate(&to, replace);
        }
    });
    // A profile and its views can be shared; the front page and «Om tallene» are not areas.
    let is_area_page = move || {
        matches!(
            oppvekst_core::route::parse_path(&location.pathname.get()),
            Page::Profile(_) | Page::Explore(..)
        )
    };
    let whole = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        oppvekst_core::route::without_embed(&path, &search)
    };
    // A figure's link opens its view; a barometer's and a card's, the profile.
    let whole_text = move || match embed.get() {
        Some(Embed::Figure) => Msg::SeeWholeView,
        _ => Msg::SeeWholeProfile,
    };
    view! {
        <a class="skip" href="#main">{move || t(lang.get(), Msg::SkipToContent)}</a>
        <Show when=move || embed.get().is_none()>
            <Header />
        </Show>
        <main id="main" tabindex="-1" aria-label=main_name>
            // In the main landmark: all of an embed's content is in one (axe's `region`).
            <Show when=move || embed.get() == Some(Embed::Page)>
                <p class="embed-bar">
                    <a href=whole target="_blank" rel="noopener">{move || t(lang.get(), Msg::SeeWholeProfile)}</a>
                </p>
            </Show>
            // Seen only on a static copy whose address asks for more than it shows (another
            // indicator: `[data-stale]` in the stylesheet): the reader waits for the app with a
            // word, not an empty page.
            <p class="loading stale-loading">{move || t(lang.get(), Msg::Loading)}</p>
            // Read only with JavaScript off, on the static copy: what the page can do then. The
            // stylesheet's `scripting: none` rules take away what cannot work (the charts'
            // empty boxes, the pickers, whose choice the static page would ignore, the
            // search, the buttons that save, download and share).
            <noscript>
                <p class="noscript-note">{move || t(lang.get(), Msg::NoScript)}</p>
            </noscript>
            <OfflineNotices />
            {children()}
            // A part of a page ends with the way to all of it.
            <Show when=compact>
                <p class="embed-bar embed-more">
                    <a href=whole target="_blank" rel="noopener">{move || t(lang.get(), whole_text())}</a>
                </p>
            </Show>
        </main>
        <Show when=move || embed.get().is_none() && is_area_page()>
            <ShareBar />
        </Show>
        <Show when=move || embed.get().is_none()>
            <Footer />
        </Show>
    }
}
