//! The tabs between an area's profile and its explore views. A link keeps the indicator and
//! the language, so that moving from the trend to the map shows the same figure.

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
                    <a href=view_url(&code, v, &q, lang) aria-current=current_attr(current == Some(v))>
                        {view_name(v, lang)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="explore-nav" aria-label=t(lang, Msg::ExploreNav)>
            <ul>{profile}{views}</ul>
        </nav>
    }
}
