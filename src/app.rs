//! The app shell: router, language, skip link, header, main and footer.

use crate::components::layout::{Footer, Header};
use crate::i18n::{t, Msg};
use crate::state::lang_from_url;
use crate::views::{
    about::About, explore::ExplorePage, home::Home, not_found::NotFound, profile::ProfilePage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/om") view=About />
                    <Route path=path!("/landet") view=ProfilePage />
                    <Route path=path!("/landet/:view") view=ExplorePage />
                    <Route path=path!("/:level/:code") view=ProfilePage />
                    <Route path=path!("/:level/:code/:view") view=ExplorePage />
                </Routes>
            </Shell>
        </Router>
    }
}

/// Everything around a page: the app's frame in the browser, and the prerenderer's
/// (`crate::ssr`) around a profile.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = lang_from_url();
    provide_context(lang);
    // Screen readers and hyphenation follow <html lang>.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    view! {
        <a class="skip" href="#main">{move || t(lang.get(), Msg::SkipToContent)}</a>
        <Header />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer />
    }
}
