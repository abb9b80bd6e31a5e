//! The embed modes (`?embed=1`, or a part of the page: `figur`, `barometer`, `kort`): a profile
//! or a view in another site's iframe, and how its links behave there. The page posts
//! its height to the host whenever it changes, as Datawrapper's responsive embeds do, so that
//! the host's script (`public/embed.js`) can size the iframe to the content, with no scrollbar.
//!
//! The message is `{ type: "oppvekst:height", height }`. It is sent to any origin: a page's
//! height is no secret, and the app cannot know which site frames it. The host's script is
//! the one that must check what it receives.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::route::Embed;
use oppvekst_core::share::with_embed;
use oppvekst_core::Lang;

/// The message's type, which the host's script looks for.
pub const HEIGHT_MESSAGE: &str = "oppvekst:height";

/// Starts posting the page's height to the parent window (once; a no-op outside a frame and
/// outside the browser).
pub fn post_height() {
    #[cfg(target_arch = "wasm32")]
    browser::post_height();
}

/// The embed the page is in (`embed=`), for the page's links: the shell provides it.
#[derive(Clone, Copy)]
pub struct Current(pub Memo<Option<Embed>>);

fn current() -> Option<Embed> {
    use_context::<Current>().and_then(|c| c.0.get_untracked())
}

/// A link of the app as the page's embed wants it: inside a whole-page embed (`embed=1`) the
/// same link with `embed=1`, so that the frame stays an embed; anywhere else as it is (a
/// compact embed's links open the whole page, in a tab of its own: [`link_target`]). Every
/// link builder of the app ends here (`i18n::href`, the views' `route::view_url`, which keeps
/// the query's embed itself).
pub fn within(url: String) -> String {
    match current() {
        Some(Embed::Page) => {
            let (path, search) = url.split_once('?').unwrap_or((&url, ""));
            with_embed(path, search)
        }
        _ => url,
    }
}

/// The page's title and its area's profile's, for an embed's main landmark and the titles of
/// the frames «Bygg inn» writes (the shell provides it).
#[derive(Clone, Copy)]
pub struct Title {
    pub page: RwSignal<String>,
    pub profile: RwSignal<String>,
}

/// Keeps the page's title for the embed's main landmark: a kommune's page with two embeds has
/// three main landmarks, which screen readers (and axe) tell apart only by their names.
pub fn name_landmark(title: &str) {
    if let Some(t) = use_context::<Title>() {
        t.page.set(title.to_string());
    }
}

/// Keeps the title of the page's area's profile: a card or a barometer from any of the area's
/// pages frames the profile, and is titled after it.
pub fn name_profile(title: &str) {
    if let Some(t) = use_context::<Title>() {
        t.profile.set(title.to_string());
    }
}

/// The title of a frame of `embed` at the page at hand: the page's own for the whole page,
/// the part and the page's for a figure, the part and the profile's for a barometer or a card.
pub fn frame_title(embed: Embed, lang: Lang) -> String {
    let Some(t) = use_context::<Title>() else {
        return String::new();
    };
    let framed = match embed {
        Embed::Page | Embed::Figure => t.page.get_untracked(),
        Embed::Barometer | Embed::Card => t.profile.get_untracked(),
    };
    landmark_name(embed, &framed, lang)
}

/// The name of an embed's main landmark: the part shown and the page's title.
pub fn landmark_name(embed: Embed, title: &str, lang: Lang) -> String {
    let part = match embed {
        Embed::Page => return title.to_string(),
        Embed::Figure => Msg::EmbedNameFigure,
        Embed::Barometer => Msg::EmbedNameBarometer,
        Embed::Card => Msg::EmbedNameCard,
    };
    format!("{}: {title}", t(lang, part))
}

/// The `target` of a link in a compact embed (`_blank`): a figure, a barometer or a card is
/// part of a kommune's page, and a link from it opens the whole page beside it.
pub fn link_target() -> Option<&'static str> {
    current().filter(|e| e.is_compact()).map(|_| "_blank")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::HEIGHT_MESSAGE;
    use std::cell::Cell;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    thread_local! {
        static STARTED: Cell<bool> = const { Cell::new(false) };
    }

    fn send(height: f64) {
        let Some(w) = web_sys::window() else { return };
        let Ok(Some(parent)) = w.parent() else { return };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from_f64(height.ceil()));
        let _ = parent.post_message(&msg, "*");
    }

    pub fn post_height() {
        if STARTED.with(|s| s.replace(true)) {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else {
            return;
        };
        // The body's own height, not the document's: the document is at least as tall as the
        // iframe, so it could grow with the frame but never shrink back.
        let measure = {
            let body = body.clone();
            move || body.get_bounding_client_rect().height()
        };
        send(measure());
        let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            send(measure());
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&body);
            // The observer lives as long as the page.
            std::mem::forget(observer);
        }
        on_resize.forget();
    }
}
