//! The language switch: links to the same page in nb, nn and en, so the choice lives in the URL;
//! the rest of the page's query (a trend view's indicator and areas) is kept. On a phone each
//! shows its code (`nb`), so that the switch shares a line with the name; its name stays the
//! language's own for screen readers.

use crate::api;
use crate::i18n::{t, use_lang, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::route::with_lang;
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
                        // Each language's texts are a file of their own: asked for as the
                        // pointer or the focus comes to the link, the file is there, or on its
                        // way, by the click, and the page changes language without a wait.
                        let warm = move || {
                            if lang.get_untracked() != l {
                                leptos::task::spawn_local(async move {
                                    let _ = api::context(l).await;
                                });
                            }
                        };
                        view! {
                            <li>
                                <a
                                    href=move || with_lang(&location.pathname.get(), &location.search.get(), l)
                                    hreflang=l.code()
                                    lang=l.code()
                                    aria-current=current
                                    on:pointerenter=move |_| warm()
                                    on:focus=move |_| warm()
                                >
                                    <span class="long">{l.endonym()}</span>
                                    <span class="short" aria-hidden="true">{l.code()}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
