//! The page for an address the app does not know; prerendered into `404.html`.

use crate::i18n::{href, t, use_lang, Msg};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    crate::prerender::reveal_when_mounted();
    view! {
        <section class="error" role="alert" data-error="not-found">
            <h1>{move || t(lang.get(), Msg::NotFoundTitle)}</h1>
            <p>{move || t(lang.get(), Msg::NotFoundBody)}</p>
            <p class="actions">
                <a href=move || href("/", lang.get())>{move || t(lang.get(), Msg::BackToSearch)}</a>
            </p>
        </section>
    }
}
