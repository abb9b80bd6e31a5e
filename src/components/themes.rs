//! The theme section and the kommune's levers, from the authored texts in the context bundle.
//! Texts are data: they are rendered as text, paragraph by paragraph, never as markup.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::lang::Text;
use oppvekst_core::theme::{Section, Themes};
use oppvekst_core::Lang;

fn paragraphs(text: &Text, lang: Lang) -> impl IntoView {
    text.get(lang)
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}

/// A titled text (a lever) under the section's heading.
fn section(s: &Section, lang: Lang) -> impl IntoView {
    view! {
        <section class="theme" id=format!("tema-{}", s.id)>
            <h3>{s.title.get(lang).to_string()}</h3>
            {paragraphs(&s.body, lang)}
        </section>
    }
}

/// `figures` go under the immigrant theme: its figures for the area (see
/// [`crate::components::theme_figures`]).
#[component]
pub fn ThemeSection(
    themes: Themes,
    lang: Lang,
    #[prop(default = None)] figures: Option<AnyView>,
) -> impl IntoView {
    view! {
        <section class="themes" aria-labelledby="themes-title">
            <h2 id="themes-title">{t(lang, Msg::ThemeTitle)}</h2>
            {themes
                .groups
                .iter()
                .map(|g| {
                    view! {
                        <section class="theme" data-group=format!("{:?}", g.group)>
                            <h3>{g.section.title.get(lang).to_string()}</h3>
                            {paragraphs(&g.section.body, lang)}
                        </section>
                    }
                })
                .collect_view()}
            <section class="theme theme-main" id=format!("tema-{}", themes.immigrant.id)>
                <h3>{themes.immigrant.title.get(lang).to_string()}</h3>
                {paragraphs(&themes.immigrant.body, lang)}
                {figures}
            </section>
        </section>
        <section class="levers" aria-labelledby="levers-title">
            <h2 id="levers-title">{t(lang, Msg::LeversTitle)}</h2>
            <ol>
                {themes
                    .levers
                    .iter()
                    .map(|l| view! { <li>{section(l, lang)}</li> })
                    .collect_view()}
            </ol>
            <p class="theme-sources">{themes.sources.get(lang).to_string()}</p>
        </section>
    }
}
