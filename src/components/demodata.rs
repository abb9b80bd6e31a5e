//! The «demodata» notice: shown on every view that shows modelled values, so that invented
//! numbers are never taken for real ones. On a phone it is one line (`.demodata .short`): the
//! figure must reach the first screen; screen readers hear the whole text at every width.

use crate::i18n::{href, t, Msg};
use leptos::prelude::*;
use oppvekst_core::Lang;

/// `unless`: on a static copy whose figures are real, the notice hidden, with the indicators
/// whose figures are real (space-separated ids): when the copy stands in for the view with any
/// other, it shows (`ExploreHeader`).
#[component]
pub fn DemodataNotice(lang: Lang, #[prop(optional)] unless: Option<String>) -> impl IntoView {
    let hidden = unless.is_some();
    view! {
        <aside class="demodata" role="note" aria-labelledby="demodata-title" hidden=hidden data-real=unless>
            <p>
                <strong id="demodata-title">{t(lang, Msg::DemodataTitle)}</strong>
                " "
                <span class="long">{t(lang, Msg::DemodataBody)}</span>
                <span class="short" aria-hidden="true">{t(lang, Msg::DemodataShort)}</span>
                " "
                <a href=format!("{}#demodata", href("/om", lang)) target=crate::embed::link_target()>
                    <span class="long">{t(lang, Msg::DemodataLink)}</span>
                    <span class="short" aria-hidden="true">{t(lang, Msg::DemodataLinkShort)}</span>
                </a>
            </p>
        </aside>
    }
}
