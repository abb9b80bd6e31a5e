//! The site header (name, language switch) and footer (sources and licences).

use crate::components::lang_switch::LangSwitch;
use crate::i18n::{href, t, use_lang, Msg};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="site-header">
            <a class="brand" href=move || href("/", lang.get())>
                {move || t(lang.get(), Msg::AppName)}
            </a>
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
