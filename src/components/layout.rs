//! The site header (name, language switch) and footer (sources and licences).

use crate::api;
use crate::components::lang_switch::LangSwitch;
use crate::components::search_box::SearchBox;
use crate::i18n::{href, t, use_lang, Msg};
use crate::prerender::preloaded;
use leptos::prelude::*;
use oppvekst_core::codec::ContextBundle;
use std::rc::Rc;

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    // The header's search appears once the registry is there; a failed load is the page's
    // business, so the header then just has no search. The static copy has it from the
    // prerenderer, so that a reader can start typing before the app takes over (what was
    // typed goes over with the page: `prerender::reveal`).
    let search = match preloaded() {
        Some(ctx) => view! { <HeaderSearch ctx /> }.into_any(),
        None => {
            // The registry, which every language's context holds alike: the page's language
            // is only so that the profile's fetch of the same file serves both.
            let context = api::context_resource(lang, false);
            (move || {
                context
                    .get()
                    .and_then(Result::ok)
                    .map(|ctx| view! { <HeaderSearch ctx /> })
            })
            .into_any()
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href=move || href("/", lang.get())>
                {move || t(lang.get(), Msg::AppName)}
            </a>
            <div class="header-search">{search}</div>
            <LangSwitch />
        </header>
    }
}

/// The header's search over the context's areas and old numbers.
#[component]
fn HeaderSearch(ctx: Rc<ContextBundle>) -> impl IntoView {
    view! {
        <SearchBox
            registry=Rc::new(ctx.registry.clone())
            old_codes=Rc::new(ctx.old_codes.clone())
            id="header-search"
            compact=true
        />
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>{move || t(lang.get(), Msg::SourcesCredit)}</p>
            <p>
                <a href=move || href("/om", lang.get())>{move || t(lang.get(), Msg::AboutLink)}</a>
                " · "
                {move || t(lang.get(), Msg::Footer)}
            </p>
        </footer>
    }
}
