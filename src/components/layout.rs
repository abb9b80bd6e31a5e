//! The site header (name, language switch) and footer (sources and licences).

use crate::api;
use crate::components::lang_switch::LangSwitch;
use crate::components::search_box::SearchBox;
use crate::i18n::{href, t, use_lang, Msg};
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    // The header's search appears once the registry is there; a failed load is the page's
    // business, so the header then just has no search.
    let context = LocalResource::new(api::context);
    let search = move || {
        context.get().and_then(Result::ok).map(|ctx| {
            view! {
                <SearchBox
                    registry=Rc::new(ctx.registry.clone())
                    old_codes=Rc::new(ctx.old_codes.clone())
                    id="header-search"
                    compact=true
                />
            }
        })
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
