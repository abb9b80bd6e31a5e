//! The comparison mark: colour *and* shape, so that it reads in greyscale and for colour-blind
//! readers, with its meaning as text for screen readers.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::Lang;

/// The mark's meaning, as the barometer and its legend say it.
pub fn mark_text(c: Comparison, lang: Lang) -> &'static str {
    t(
        lang,
        match c {
            Comparison::Better => Msg::MarkBetter,
            Comparison::Worse => Msg::MarkWorse,
            Comparison::Similar => Msg::MarkSimilar,
            Comparison::Higher => Msg::MarkHigher,
            Comparison::Lower => Msg::MarkLower,
            Comparison::NotTested => Msg::MarkNotTested,
            Comparison::NoData => Msg::MarkNoData,
        },
    )
}

/// The CSS class of a comparison; the shapes below differ per class too.
pub fn mark_class(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "better",
        Comparison::Worse => "worse",
        Comparison::Similar => "similar",
        Comparison::Higher => "higher",
        Comparison::Lower => "lower",
        Comparison::NotTested => "not-tested",
        Comparison::NoData => "no-data",
    }
}

/// The shape inside a 16 × 16 box, distinct for each meaning so that greyscale prints and
/// colour-blind readers can tell them apart: circle (better), diamond (worse), square
/// (similar), triangle up/down (higher/lower, no direction), ring (not tested), dash (no data).
fn shape(c: Comparison) -> impl IntoView {
    match c {
        Comparison::Better => view! { <circle cx="8" cy="8" r="7" /> }.into_any(),
        Comparison::Worse => view! { <path d="M8 0.5 L15.5 8 L8 15.5 L0.5 8 Z" /> }.into_any(),
        Comparison::Similar => view! { <rect x="2" y="2" width="12" height="12" /> }.into_any(),
        Comparison::Higher => view! { <path d="M8 1 L15 14 L1 14 Z" /> }.into_any(),
        Comparison::Lower => view! { <path d="M1 2 L15 2 L8 15 Z" /> }.into_any(),
        Comparison::NotTested => view! { <circle cx="8" cy="8" r="6" class="ring" /> }.into_any(),
        Comparison::NoData => view! { <rect x="1" y="6.5" width="14" height="3" /> }.into_any(),
    }
}

/// A mark; `label` replaces the default text where the mark means something else than a
/// comparison with landet (a trend, a comparison with the kommune).
#[component]
pub fn Mark(
    comparison: Comparison,
    lang: Lang,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    let text = label.unwrap_or_else(|| mark_text(comparison, lang).to_string());
    view! {
        <span class=format!("mark mark-{}", mark_class(comparison)) data-mark=mark_class(comparison)>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                {shape(comparison)}
            </svg>
            <span class="mark-text">{text}</span>
        </span>
    }
}

/// The legend of a chart coloured by comparison: each class the chart shows, with its shape
/// and its words, in the barometer's order. Colour is never the only sign.
#[component]
pub fn MarkLegend(
    /// The classes in the chart, in any order and with repeats.
    shown: Vec<Comparison>,
    lang: Lang,
    /// The id of the legend's heading, unique on the page.
    id: &'static str,
) -> impl IntoView {
    let marks: Vec<Comparison> = Comparison::LEGEND
        .into_iter()
        .chain([Comparison::NoData])
        .filter(|c| shown.contains(c))
        .collect();
    view! {
        <h2 class="legend-title" id=id>{t(lang, Msg::Legend)}</h2>
        <ul class="mark-legend" aria-labelledby=id>
            {marks.into_iter().map(|c| view! { <li><Mark comparison=c lang /></li> }).collect_view()}
        </ul>
    }
}
