//! A load error as a clear message in the reader's language, with a way to retry and a way back.

use crate::api::LoadError;
use crate::components::retired::{Retired, SameViewLink};
use crate::i18n::{href, t, tf, use_lang, Msg};
use leptos::prelude::*;

/// The title and the message for an error.
fn texts(e: &LoadError, lang: oppvekst_core::Lang) -> (&'static str, String) {
    match e {
        LoadError::UnknownArea(code) => (
            t(lang, Msg::UnknownAreaTitle),
            tf(lang, Msg::UnknownAreaBody, &[code.as_str()]),
        ),
        LoadError::Offline => (t(lang, Msg::ErrorTitle), t(lang, Msg::ErrorOffline).into()),
        LoadError::Network(_) => (t(lang, Msg::ErrorTitle), t(lang, Msg::ErrorNetwork).into()),
        LoadError::NotFound(_) => (t(lang, Msg::ErrorTitle), t(lang, Msg::ErrorMissing).into()),
        LoadError::Http { status, .. } => (
            t(lang, Msg::ErrorTitle),
            tf(lang, Msg::ErrorHttp, &[&status.to_string()]),
        ),
        LoadError::Corrupt { .. } => (t(lang, Msg::ErrorTitle), t(lang, Msg::ErrorCorrupt).into()),
        LoadError::NewVersion(_) => (
            t(lang, Msg::NewVersionTitle),
            t(lang, Msg::NewVersionBody).into(),
        ),
    }
}

/// A load error. An unknown area may be a retired number (an old link to 1201 Bergen): that
/// page says what became of it and leads on (`retired`); only a number that never was one gets
/// the «no such area» message.
#[component]
pub fn ErrorView(error: LoadError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    match error {
        LoadError::UnknownArea(code) => {
            view! { <Retired code page=|to| view! { <SameViewLink to /> } /> }.into_any()
        }
        error => error_section(error, retry).into_any(),
    }
}

/// The message itself, with a retry where trying again can help.
pub fn error_section(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let retryable = !matches!(error, LoadError::UnknownArea(_) | LoadError::NewVersion(_));
    let kind = match &error {
        LoadError::UnknownArea(_) => "unknown-area",
        LoadError::Offline => "offline",
        LoadError::Network(_) => "network",
        LoadError::NotFound(_) => "missing",
        LoadError::Http { .. } => "http",
        LoadError::Corrupt { .. } => "corrupt",
        LoadError::NewVersion(_) => "new-version",
    };
    // A new version is not got by trying again, but by loading the page again (same address).
    let new_version = matches!(error, LoadError::NewVersion(_));
    let detail = error.detail();
    // An error replaces the prerendered copy too: the reader must see it.
    crate::prerender::reveal_when_mounted();
    let error = StoredValue::new(error);
    view! {
        <section class="error" role="alert" data-error=kind>
            <h1>{move || error.with_value(|e| texts(e, lang.get()).0)}</h1>
            <p>{move || error.with_value(|e| texts(e, lang.get()).1)}</p>
            <p class="detail">{move || tf(lang.get(), Msg::ErrorDetail, &[&detail])}</p>
            <p class="actions">
                <Show when=move || retryable>
                    <button type="button" on:click=move |_| retry.run(())>
                        {move || t(lang.get(), Msg::Retry)}
                    </button>
                </Show>
                <Show when=move || new_version>
                    <button type="button" on:click=|_| reload()>
                        {move || t(lang.get(), Msg::UpdateReload)}
                    </button>
                </Show>
                <a href=move || href("/", lang.get())>{move || t(lang.get(), Msg::BackToSearch)}</a>
            </p>
        </section>
    }
}

/// Loads the page again at the same address, for a new version's files.
fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
