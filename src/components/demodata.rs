//! The «demodata» notice: shown on every view that shows modelled values, so that invented
//! numbers are never taken for real ones.

use crate::i18n::{href, t, Msg};
use leptos::prelude::*;
use oppvekst_core::Lang;

#[component]
pub fn DemodataNotice(lang: Lang) -> impl IntoView {
    view! {
        <aside class="demodata" role="note" aria-labelledby="demodata-title">
            <p>
                <strong id="demodata-title">{t(lang, Msg::DemodataTitle)}</strong>
                " "
                {t(lang, Msg::DemodataBody)}
            </p>
            <a href=format!("{}#demodata", href("/om", lang))>{t(lang, Msg::DemodataLink)}</a>
        </aside>
    }
}
