//! The embed mode (`?embed=1`): a profile or a view in another site's iframe. The page posts
//! its height to the host whenever it changes, as Datawrapper's responsive embeds do, so that
//! the host's script (`public/embed.js`) can size the iframe to the content, with no scrollbar.
//!
//! The message is `{ type: "oppvekst:height", height }`. It is sent to any origin: a page's
//! height is no secret, and the app cannot know which site frames it. The host's script is
//! the one that must check what it receives.

/// The message's type, which the host's script looks for.
pub const HEIGHT_MESSAGE: &str = "oppvekst:height";

/// Starts posting the page's height to the parent window (once; a no-op outside a frame and
/// outside the browser).
pub fn post_height() {
    #[cfg(target_arch = "wasm32")]
    browser::post_height();
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
