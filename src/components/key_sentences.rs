//! The key sentences: what stands out, chosen and worded by the statistics core.

use crate::components::mark::{mark_class, Mark};
use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::stats::sentences::KeySentence;
use oppvekst_core::Lang;

#[component]
pub fn KeySentences(sentences: Vec<KeySentence>, lang: Lang) -> impl IntoView {
    let empty = sentences.is_empty();
    view! {
        <section class="key-sentences" aria-labelledby="key-sentences-title">
            <h2 id="key-sentences-title">{t(lang, Msg::KeySentencesTitle)}</h2>
            <Show when=move || empty>
                <p>{t(lang, Msg::KeySentencesNone)}</p>
            </Show>
            <ul>
                {sentences
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li data-indicator=s.indicator_id.clone() data-mark=mark_class(s.comparison)>
                                <Mark comparison=s.comparison lang />
                                <span class="sentence">{s.text.get(lang).to_string()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
