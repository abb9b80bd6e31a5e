//! The sentence beside the immigrant theme's table that says which way the area's own figures
//! lean. The sentence is chosen in the core ([`choose`]) from the same comparison the table
//! shows, so it can never claim a direction the table contradicts (issue #17); where nothing
//! can be compared, nothing is said.

use crate::i18n::{t, tf, Msg};
use leptos::prelude::*;
use oppvekst_core::case;
use oppvekst_core::codec::{AreaBundle, ContextBundle};
use oppvekst_core::theme::direction::{choose, fill, IMMIGRANT_DIMENSION};
use oppvekst_core::{Lang, Level};

/// An indicator's label inside a sentence: «Vedvarende lavinntekt» becomes «vedvarende
/// lavinntekt», while an abbreviation («BMI») keeps its capitals.
fn in_sentence(label: &str) -> String {
    match label.chars().nth(1) {
        Some(second) if case::is_lower(second) => case::lower_first(label),
        _ => label.to_string(),
    }
}

/// «a», «a og b», «a, b og c».
fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => tf(lang, Msg::ListAnd, &[&head.join(", "), last]),
    }
}

/// The chosen sentence as a paragraph, or nothing. `name` is the area's name as the page shows
/// it; landet's own page says «hele landet» mid-sentence.
pub fn theme_direction(
    ctx: &ContextBundle,
    area: &AreaBundle,
    name: &str,
    lang: Lang,
) -> Option<AnyView> {
    let direction = &ctx.themes.immigrant_direction;
    let chosen = choose(ctx, area, direction, IMMIGRANT_DIMENSION)?;
    let labels: Vec<String> = chosen
        .indicators
        .iter()
        .filter_map(|&i| ctx.catalogue.get(i))
        .map(|ind| in_sentence(ind.label.get(lang)))
        .collect();
    let name = match area.code.level() {
        Level::Landet => t(lang, Msg::ThemeDirectionLandet),
        _ => name,
    };
    let sentence = fill(
        direction.text(chosen.lean).get(lang),
        name,
        &list(&labels, lang),
    );
    Some(view! { <p class="theme-direction">{sentence}</p> }.into_any())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_inside_a_sentence() {
        assert_eq!(
            in_sentence("Vedvarende lavinntekt"),
            "vedvarende lavinntekt"
        );
        assert_eq!(in_sentence("BMI over 25"), "BMI over 25");
        assert_eq!(in_sentence("Ø"), "Ø");
    }

    #[test]
    fn lists_join_with_the_languages_and() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&s(&["a"]), Lang::Nb), "a");
        assert_eq!(list(&s(&["a", "b"]), Lang::Nn), "a og b");
        assert_eq!(list(&s(&["a", "b", "c"]), Lang::En), "a, b and c");
    }
}
