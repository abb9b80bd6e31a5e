//! The language switch: links to the same page in nb, nn and en, so the choice lives in the URL.

use crate::i18n::{href, t, use_lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::Lang;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    view! {
        <nav class="lang-switch" aria-label=move || t(lang.get(), Msg::Language)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let current = move || (lang.get() == l).then_some("page");
                        view! {
                            <li>
                                <a
                                    href=move || href(&location.pathname.get(), l)
                                    hreflang=l.code()
                                    lang=l.code()
                                    aria-current=current
                                >
                                    {l.endonym()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
