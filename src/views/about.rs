//! «Om tallene»: how the figures are made, and every source with its licence.

use crate::i18n::{t, use_lang, Msg};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    let tr = move |m: Msg| move || t(lang.get(), m);
    view! {
        <article class="about">
            <h1>{tr(Msg::AboutTitle)}</h1>
            <p>{tr(Msg::AboutIntro)}</p>
            <p>{tr(Msg::AboutPopulation)}</p>
            <section id="demodata" aria-labelledby="about-demodata">
                <h2 id="about-demodata">{tr(Msg::AboutDemodataTitle)}</h2>
                <p>{tr(Msg::AboutDemodata)}</p>
            </section>
            <section id="metode" aria-labelledby="about-methods">
                <h2 id="about-methods">{tr(Msg::AboutMethodsTitle)}</h2>
                <p>{tr(Msg::AboutCompare)}</p>
                <p>{tr(Msg::AboutSpread)}</p>
                <p>{tr(Msg::AboutTrend)}</p>
                <p>{tr(Msg::AboutSentences)}</p>
                <p>{tr(Msg::AboutSuppression)}</p>
            </section>
            <h2>{tr(Msg::SourceListTitle)}</h2>
            <ul>
                <li>{tr(Msg::SourceClassification)}</li>
                <li>{tr(Msg::SourcePopulation)}</li>
                <li>{tr(Msg::SourceMaps)}</li>
            </ul>
        </article>
    }
}
