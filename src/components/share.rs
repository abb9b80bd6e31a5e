//! «Del denne siden»: copy the page's link, print it, embed it, or keep it for offline use. «Bygg inn» opens a dialog
//! with the iframe code for the page as it is now (area, view, indicator, language), titled
//! with the page's title, and copies it to the clipboard.
//!
//! The dialog is the browser's own `<dialog>`: it traps focus, closes on Escape and gives the
//! focus back to the button that opened it, with no code of ours.

use crate::i18n::{t, use_lang, Msg};
use crate::offline::{keep_for_offline, Kept};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use oppvekst_core::route::without_embed;
use oppvekst_core::share::embed_code;

/// The page's origin (`https://host`), where the app runs.
fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Writes `text` to the clipboard; `false` where the browser refuses (no permission, no
/// secure context), so the caller can select the text for the reader to copy instead.
async fn copy(text: &str) -> bool {
    let navigator = window().navigator();
    // `navigator.clipboard` is absent outside a secure context (a host on plain http): calling
    // into it would throw, so ask first.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

#[component]
pub fn ShareBar() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let code = RwSignal::new(String::new());
    let link_status = RwSignal::new(None::<Msg>);
    let code_status = RwSignal::new(None::<Msg>);
    let page = move || {
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        (path, search)
    };
    let copy_link = move |_| {
        let (path, search) = page();
        let link = format!("{}{}", origin(), without_embed(&path, &search));
        spawn_local(async move {
            let ok = copy(&link).await;
            link_status.set(Some(if ok { Msg::LinkCopied } else { Msg::CopyFailed }));
        });
    };
    let open = move |_| {
        let (path, search) = page();
        let title = document().title();
        code.set(embed_code(&origin(), &path, &search, &title));
        code_status.set(None);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let copy_code = move |_| {
        let text = code.get_untracked();
        spawn_local(async move {
            let ok = copy(&text).await;
            if !ok {
                if let Some(area) = textarea.get_untracked() {
                    area.select();
                }
            }
            code_status.set(Some(if ok {
                Msg::EmbedCopied
            } else {
                Msg::CopyFailed
            }));
        });
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let keep_status = RwSignal::new(None::<Msg>);
    let keep = move |_| {
        spawn_local(async move {
            keep_status.set(Some(match keep_for_offline().await {
                Kept::Persisted => Msg::OfflineKept,
                Kept::MayBeCleared => Msg::OfflineKeptMayClear,
                Kept::Unsupported => Msg::OfflineUnsupported,
            }));
        });
    };
    let status = move |s: RwSignal<Option<Msg>>| move || s.get().map(|m| t(lang.get(), m));
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{move || t(lang.get(), Msg::ShareHeading)}</h2>
            <div class="share-actions">
                <button type="button" class="secondary" on:click=copy_link>
                    {move || t(lang.get(), Msg::CopyLink)}
                </button>
                <button type="button" class="secondary" aria-haspopup="dialog" on:click=open>
                    {move || t(lang.get(), Msg::EmbedOpen)}
                </button>
                <button type="button" class="secondary" on:click=print>
                    {move || t(lang.get(), Msg::PrintLink)}
                </button>
                <button type="button" class="secondary keep-offline" on:click=keep>
                    {move || t(lang.get(), Msg::OfflineKeep)}
                </button>
            </div>
            <p class="share-status" role="status">{status(link_status)}</p>
            <p class="share-status keep-status" role="status">{status(keep_status)}</p>
            <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title">
                <h2 id="embed-title">{move || t(lang.get(), Msg::EmbedTitle)}</h2>
                <p>{move || t(lang.get(), Msg::EmbedHelp)}</p>
                <label for="embed-code">{move || t(lang.get(), Msg::EmbedCode)}</label>
                <textarea id="embed-code" node_ref=textarea readonly rows="6" spellcheck="false" prop:value=move || code.get()></textarea>
                <p class="share-status" role="status">{status(code_status)}</p>
                <p class="embed-host">{move || t(lang.get(), Msg::EmbedHost)}</p>
                <div class="dialog-actions">
                    <button type="button" on:click=copy_code>{move || t(lang.get(), Msg::EmbedCopy)}</button>
                    <button type="button" class="secondary" on:click=close>{move || t(lang.get(), Msg::Close)}</button>
                </div>
            </dialog>
        </section>
    }
}
