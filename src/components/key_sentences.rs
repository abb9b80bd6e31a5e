//! The key sentences: what stands out, chosen and worded by the statistics core.

use crate::components::mark::{mark_class, mark_text, Mark};
use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::case;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::stats::sentences::KeySentence;
use oppvekst_core::stats::sentences::{Reference, SentenceKind};
use oppvekst_core::Lang;

/// What the mark of a sentence means: a trend or a comparison with the kommune is not «better
/// than landet».
fn label(s: &KeySentence, lang: Lang) -> String {
    let m = match (s.kind, s.comparison) {
        (SentenceKind::Trend, Comparison::Better) => Msg::TrendBetter,
        (SentenceKind::Trend, Comparison::Worse) => Msg::TrendWorse,
        (SentenceKind::Trend, Comparison::Higher) => Msg::TrendUp,
        (SentenceKind::Trend, Comparison::Lower) => Msg::TrendDown,
        (SentenceKind::Versus(Reference::Kommune), Comparison::Better) => Msg::VsKommuneBetter,
        (SentenceKind::Versus(Reference::Kommune), Comparison::Worse) => Msg::VsKommuneWorse,
        (SentenceKind::Versus(Reference::Kommune), Comparison::Higher) => Msg::VsKommuneHigher,
        (SentenceKind::Versus(Reference::Kommune), Comparison::Lower) => Msg::VsKommuneLower,
        (_, c) => return mark_text(c, lang).to_string(),
    };
    case::upper_first(t(lang, m))
}

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
                        let label = label(&s, lang);
                        let kind = match s.kind {
                            SentenceKind::Trend => "trend",
                            SentenceKind::Versus(Reference::Kommune) => "kommune",
                            SentenceKind::Versus(Reference::Landet) => "landet",
                        };
                        view! {
                            <li data-indicator=s.indicator_id.clone() data-mark=mark_class(s.comparison) data-kind=kind>
                                <Mark comparison=s.comparison lang label />
                                <span class="sentence">{s.text.get(lang).to_string()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
