//! An explore view asked of the profile app. The app is built twice (`route::EXPLORE_PATHS`):
//! the profile app, which profiles and the front page load, leaves out the explore views and
//! their charts, so that a phone gets a profile live with far less code; the whole app boots on
//! an explore view's path. The profile app therefore lets the browser load an explore view as a
//! page of its own: its static copy paints at once, and its page boots the whole app.

use crate::i18n::{t, use_lang, Msg};
use crate::views::not_found::NotFound;
use crate::views::profile::ProfilePage;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::route::{parse_path, view_path, with_lang, Page};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// A link to an explore view is the browser's to follow, not the router's: the profile stays in
/// sight until the view's page paints, as between any two pages. Stopped on the document, so
/// that the router's listener on the window never sees the click (the link's own handlers and
/// the default navigation still run).
pub fn follow_explore_links() {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let anchor = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(a) = anchor else { return };
        let same_origin = window().location().origin().ok() == Some(a.origin());
        if same_origin && matches!(parse_path(&a.pathname()), Page::Explore(..)) {
            ev.stop_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // For the page's life, as the router's own listener.
    on_click.forget();
}

/// The address this document was loaded at (the navigation's, not the one the router has
/// pushed since).
fn loaded_at() -> Option<String> {
    let entries = window().performance()?.get_entries_by_type("navigation");
    let name = js_sys::Reflect::get(&entries.get(0), &JsValue::from_str("name")).ok()?;
    let url = web_sys::Url::new(&name.as_string()?).ok()?;
    Some(format!("{}{}", url.pathname(), url.search()))
}

/// The route of the explore views in the profile app: loads the view's page (another way
/// there than a link: the router's own navigation, the history). What is only shaped like a
/// view is the profile page's to answer (a malformed code, not found).
#[component]
pub fn ToWholeApp() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // The view's own address in the page's language, its choices kept (`with_lang`, as every
    // link of the app is made).
    let target = Memo::new(move |_| match parse_path(&location.pathname.get()) {
        Page::Explore(code, view) => Some(with_lang(
            &view_path(&code, view),
            &location.search.get(),
            lang.get(),
        )),
        _ => None,
    });
    // The page at this very address booted this app: loading it again would only do the same.
    // (The boot's pattern matches every view's address, and a test holds it to that.) The
    // reader then gets the not-found page's way on, never a page that waits for ever.
    let stuck = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(to) = target.get() else { return };
        if loaded_at().as_deref() == Some(to.as_str()) {
            web_sys::console::error_1(&format!("{to}: the profile app cannot show it").into());
            stuck.set(true);
            return;
        }
        let _ = window().location().replace(&to);
    });
    move || match (target.get(), stuck.get()) {
        (Some(_), false) => view! {
            <p class="loading" role="status">{move || t(lang.get(), Msg::Loading)}</p>
        }
        .into_any(),
        (Some(_), true) => view! { <NotFound /> }.into_any(),
        (None, _) => view! { <ProfilePage /> }.into_any(),
    }
}
