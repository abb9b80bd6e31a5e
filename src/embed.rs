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

/// Keeps the reader inside the embed: a link to another page of the app (another area, the
/// profile from a view) gets `embed=1` before the router follows it, so the frame never
/// grows the site's header. The views' own pickers keep it through `route::view_url`.
pub fn keep_links_in_embed() {
    #[cfg(target_arch = "wasm32")]
    browser::keep_links_in_embed();
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

    thread_local! {
        static LINKS_KEPT: Cell<bool> = const { Cell::new(false) };
    }

    pub fn keep_links_in_embed() {
        if LINKS_KEPT.with(|s| s.replace(true)) {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Capture phase on the document: before the router's own click handler on the window.
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
            let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let Ok(Some(link)) = target.closest("a[href]") else {
                return;
            };
            let Ok(a) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
                return;
            };
            let same_origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .is_some_and(|o| o == a.origin());
            if !same_origin || !a.target().is_empty() || a.pathname().ends_with(".js") {
                return;
            }
            let search = a.search();
            if oppvekst_core::route::parse_query(&search).embed {
                return;
            }
            let href = oppvekst_core::share::with_embed(&a.pathname(), &search) + &a.hash();
            a.set_href(&href);
        });
        let _ = doc.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        on_click.forget();
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
