//! Prerendered profiles, on the browser's side. Every area's page ships with its profile
//! already rendered to HTML at build time (by `src/bin/prerender.rs`, from these same
//! components), inside `<div id="prerendered">`, so that the barometer paints before the wasm
//! has loaded. The app then mounts out of sight and takes the page over once it has drawn the
//! same content ([`reveal`]); until then the reader sees the static copy, never a spinner.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const PRERENDERED: &str = "prerendered";
const APP: &str = "app";

/// Mounts `app`: on `<body>` as usual, or, on a prerendered page, in a hidden `<div id="app">`
/// beside the static copy.
pub fn mount<V: IntoView + 'static>(app: fn() -> V) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id(PRERENDERED).is_none() {
        leptos::mount::mount_to_body(app);
        return;
    }
    let Some(host) = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::mount::mount_to_body(app);
        return;
    };
    host.set_id(APP);
    host.set_hidden(true);
    let _ = body.append_child(&host);
    leptos::mount::mount_to(host, app).forget();
}

/// Hands the page from the static copy to the live app: called by every view that has drawn
/// its final content (a profile, or an error). Does nothing on a page without a static copy,
/// or the second time.
pub fn reveal() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(copy) = doc.get_element_by_id(PRERENDERED) else {
        return;
    };
    copy.remove();
    if let Some(app) = doc
        .get_element_by_id(APP)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        app.set_hidden(false);
    }
}

/// Calls [`reveal`] once the calling view is in the page.
pub fn reveal_when_mounted() {
    Effect::new(move |_| reveal());
}
