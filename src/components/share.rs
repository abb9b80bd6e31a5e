//! «Del denne siden»: copy the page's link, print it, embed it, or keep it for offline use. «Bygg inn» opens a dialog
//! with the iframe code for the page as it is now (area, view, indicator, language), whole or
//! one part of it (a view's figure, the barometer, a card), titled with the page's title, with
//! a preview of the frame, and copies the code to the clipboard.
//!
//! The dialog is the browser's own `<dialog>`: it traps focus, closes on Escape and gives the
//! focus back to the button that opened it, with no code of ours.

use crate::i18n::{t, use_lang, Msg};
use crate::offline::{keep_for_offline, Kept};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use oppvekst_core::route::{without_embed, Embed};
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

/// How the dialog names each embed.
fn kind_msg(e: Embed) -> Msg {
    match e {
        Embed::Page => Msg::EmbedKindPage,
        Embed::Figure => Msg::EmbedKindFigure,
        Embed::Barometer => Msg::EmbedKindBarometer,
        Embed::Card => Msg::EmbedKindCard,
    }
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
    // What the dialog embeds: the page as it is (its path and query when it opened), whole or
    // one part of it, titled after what the frame shows (`embed::frame_title`).
    let kind = RwSignal::new(Embed::Page);
    let shown = RwSignal::new((String::new(), String::new()));
    let offered = move || shown.with(|(path, _)| Embed::offered(path));
    let address =
        move || shown.with(|(path, search)| kind.get().address(path, search).unwrap_or_default());
    Effect::new(move |_| {
        let title = crate::embed::frame_title(kind.get(), lang.get());
        code.set(embed_code(&origin(), &address(), &title));
    });
    let open = move |_| {
        let (path, search) = page();
        shown.set((path, search));
        kind.set(Embed::Page);
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
            // Closed by its button or Escape: the preview's frame goes with it. Only in the
            // browser: on the prerendered copy (about 10 200 pages) a closed dialog, which no
            // reader could open before the app takes over, was 9 MB of the host's 250.
            {cfg!(target_arch = "wasm32").then(|| view! {
                <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| shown.set(Default::default())>
                    <h2 id="embed-title">{move || t(lang.get(), Msg::EmbedTitle)}</h2>
                    <p>{move || t(lang.get(), Msg::EmbedHelp)}</p>
                    <fieldset class="embed-kinds">
                        <legend>{move || t(lang.get(), Msg::EmbedKindLegend)}</legend>
                        <For each=offered key=|e| e.slug() let:e>
                            <label>
                                <input type="radio" name="embed-kind" value=e.slug()
                                    prop:checked=move || kind.get() == e
                                    on:change=move |_| kind.set(e) />
                                {move || t(lang.get(), kind_msg(e))}
                            </label>
                        </For>
                    </fieldset>
                    <label for="embed-code">{move || t(lang.get(), Msg::EmbedCode)}</label>
                    <textarea id="embed-code" node_ref=textarea readonly rows="6" spellcheck="false" prop:value=move || code.get()></textarea>
                    <p class="share-status" role="status">{status(code_status)}</p>
                    <p class="embed-host">{move || t(lang.get(), Msg::EmbedHost)}</p>
                    <h3 id="embed-preview-title">{move || t(lang.get(), Msg::EmbedPreview)}</h3>
                    // The frame as a kommune's page will show it, loaded only while the dialog is
                    // open (our own origin: the CSP's `frame-ancestors 'self'`).
                    <Show when=move || !address().is_empty()>
                        // Inert: a picture of the frame, not a second page to tab through or to
                        // be read out twice (the code above is what the reader takes).
                        <iframe class="embed-preview" src=address title=move || t(lang.get(), Msg::EmbedPreview) inert tabindex="-1"></iframe>
                    </Show>
                    <div class="dialog-actions">
                        <button type="button" on:click=copy_code>{move || t(lang.get(), Msg::EmbedCopy)}</button>
                        <button type="button" class="secondary" on:click=close>{move || t(lang.get(), Msg::Close)}</button>
                    </div>
                </dialog>
            })}
        </section>
    }
}
