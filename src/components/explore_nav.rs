//! The tabs between an area's profile and its explore views. A link keeps the indicator and
//! the language, so that moving from the trend to the map shows the same figure. On a phone the
//! tabs are one line that scrolls sideways, with the current one scrolled into sight.

use crate::i18n::{href, t, Msg};
use leptos::prelude::*;
use oppvekst_core::route::{area_path, view_url, Query, View};
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
    Effect::new(move |_| {
        let Some(ul) = list.get() else { return };
        if let Some(Ok(tab)) = ul
            .query_selector("[aria-current=page]")
            .ok()
            .flatten()
            .map(wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>)
        {
            // Only as far as brings it into sight, and a little of the next tab, which says
            // that the line scrolls. Where it does not scroll (a wide screen) this does nothing.
            let right = tab.offset_left() - ul.offset_left() + tab.offset_width();
            if right + 48 > ul.client_width() {
                ul.set_scroll_left(right - ul.client_width() + 48);
            }
        }
    });
    view! {
        <nav class="explore-nav" aria-label=t(lang, Msg::ExploreNav)>
            <ul node_ref=list>{profile}{views}</ul>
        </nav>
    }
}
