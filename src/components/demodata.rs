//! The «demodata» notice: shown on every view that shows modelled values, so that invented
//! numbers are never taken for real ones. On a phone it is one line (`.demodata .short`): the
//! figure must reach the first screen; screen readers hear the whole text at every width.

use crate::i18n::{href, t, Msg};
use leptos::prelude::*;
use oppvekst_core::Lang;

/// On a static copy (`ExploreHeader`): `shown_for`, the indicators whose figures are modelled
/// (space-separated ids), for which a copy standing in for the view with another indicator shows
/// it, and `hidden` where the copy's own figures are real.
#[component]
pub fn DemodataNotice(
    lang: Lang,
    #[prop(optional)] hidden: bool,
    #[prop(optional)] shown_for: Option<String>,
) -> impl IntoView {
    view! {
        <aside class="demodata" role="note" aria-labelledby="demodata-title" hidden=hidden data-for=shown_for>
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
