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

fn section(s: &Section, lang: Lang, level3: bool) -> impl IntoView {
    let title = s.title.get(lang).to_string();
    view! {
        <section class="theme" id=format!("tema-{}", s.id)>
            {if level3 { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() }}
            {paragraphs(&s.body, lang)}
        </section>
    }
}

#[component]
pub fn ThemeSection(themes: Themes, lang: Lang) -> impl IntoView {
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
            {section(&themes.immigrant, lang, true)}
        </section>
        <section class="levers" aria-labelledby="levers-title">
            <h2 id="levers-title">{t(lang, Msg::LeversTitle)}</h2>
            <ol>
                {themes
                    .levers
                    .iter()
                    .map(|l| view! { <li>{section(l, lang, true)}</li> })
                    .collect_view()}
            </ol>
            <p class="theme-sources">{themes.sources.get(lang).to_string()}</p>
        </section>
    }
}
