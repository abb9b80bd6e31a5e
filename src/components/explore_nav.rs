//! The tabs between an area's profile and its explore views. A link keeps the indicator and
//! the language, so that moving from the trend to the map shows the same figure. On a phone the
//! tabs are one line that scrolls sideways, with the current one scrolled into sight.

use crate::i18n::{href, t, Msg};
use leptos::prelude::*;
use oppvekst_core::route::{area_path, view_url, Query, View, SHOW_CURRENT_TAB};
use oppvekst_core::{AreaCode, Lang};

/// The name of a view in the tabs.
pub fn view_name(view: View, lang: Lang) -> &'static str {
    t(
        lang,
        match view {
            View::Trend => Msg::ViewTrend,
            View::Compare => Msg::ViewCompare,
            View::Map => Msg::ViewMap,
            View::Overview => Msg::ViewOverview,
            View::Population => Msg::ViewPopulation,
            View::Breakdown => Msg::ViewBreakdown,
        },
    )
}

/// The tabs; `current` is `None` on the profile.
#[component]
pub fn ExploreNav(
    code: AreaCode,
    current: Option<View>,
    indicator: Option<String>,
    lang: Lang,
) -> impl IntoView {
    let q = Query {
        indicator,
        ..Query::default()
    };
    let current_attr = |is: bool| is.then_some("page");
    let profile = view! {
        <li>
            <a href=href(&area_path(&code), lang) aria-current=current_attr(current.is_none())>
                {t(lang, Msg::ViewProfile)}
            </a>
        </li>
    };
    let views = View::ALL
        .into_iter()
        .map(|v| {
            view! {
                <li>
                    <a href=crate::embed::within(view_url(&code, v, &q, lang)) aria-current=current_attr(current == Some(v))>
                        {view_name(v, lang)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let list = NodeRef::<leptos::html::Ul>::new();
    // On the profile the current tab is the first, always in sight: nothing to measure.
    if current.is_some() {
        Effect::new(move |_| {
            if let Some(ul) = list.get() {
                scroll_when_laid_out(ul.into());
            }
        });
    }
    view! {
        <nav class="explore-nav" aria-label=t(lang, Msg::ExploreNav)>
            <ul node_ref=list>{profile}{views}</ul>
        </nav>
    }
}

/// Scrolls the current tab into sight once the line of tabs has been laid out: a
/// `ResizeObserver`'s first call comes after the browser's own layout, so that reading the
/// tabs' positions there costs nothing. Read at once, they forced a layout of the whole page
/// in the task that mounts it (37 ms on a desktop, four times that on a phone).
fn scroll_when_laid_out(ul: web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let target = ul.clone();
    // Called once: the first time the tabs are in the page and shown (a hidden page's are not).
    let on_laid_out = wasm_bindgen::closure::Closure::once_into_js(
        move |_entries: js_sys::Array, observer: web_sys::ResizeObserver| {
            observer.disconnect();
            scroll_current_into_sight(&target);
        },
    );
    if let Ok(observer) = web_sys::ResizeObserver::new(on_laid_out.unchecked_ref()) {
        observer.observe(&ul);
    }
}

/// Scrolls `ul` only as far as brings its current tab into sight, and a little of the next
/// tab, which says that the line scrolls: by the boot script's function
/// ([`SHOW_CURRENT_TAB`]), which scrolled the static copy's tabs by the same rule, so that the
/// line stands where it stood when the app takes the page over.
fn scroll_current_into_sight(ul: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let show = js_sys::Reflect::get(&js_sys::global(), &SHOW_CURRENT_TAB.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call1(&wasm_bindgen::JsValue::NULL, ul);
    }
}
