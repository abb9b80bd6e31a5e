//! The note that a divided kommune's population before the division is an estimate: shown with
//! its population figures (the population view, the population indicators' detail and trend).

use crate::i18n::{tf, Msg};
use crate::state::area_name;
use leptos::prelude::*;
use oppvekst_core::codec::ContextBundle;
use oppvekst_core::population::apportioned_for;
use oppvekst_core::{AreaCode, Lang};

/// The note for `code`, or nothing where its figures are SSB's own.
pub fn apportioned_note(ctx: &ContextBundle, code: &AreaCode, lang: Lang) -> Option<impl IntoView> {
    let a = apportioned_for(&ctx.apportioned, code)?;
    let name = |c: &AreaCode| {
        ctx.registry
            .get(c)
            .map(|area| area_name(area, lang))
            .unwrap_or_else(|| c.to_string())
    };
    let others: Vec<String> = a.parts.iter().filter(|c| *c != code).map(name).collect();
    let text = tf(
        lang,
        Msg::ApportionedNote,
        &[
            &name(code),
            &a.until.to_string(),
            &others.join(", "),
            &a.by.to_string(),
        ],
    );
    // The indicators it is shown with (`data-for`): a static copy of a trend standing in for
    // another indicator drops it where the app will not show it (`oppvekst-data`'s `stand_in`).
    let shown_with = oppvekst_core::population::INDICATORS.join(" ");
    Some(view! { <p class="note apportioned" data-for=shown_with>{text}</p> })
}
