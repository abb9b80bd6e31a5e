//! «Om tallene»: how the figures are made, every indicator with its source and provenance (the
//! table and day a real one was fetched), and every source with its licence.

use crate::api;
use crate::components::words::provenance_text;
use crate::i18n::{t, use_lang, Msg};
use crate::prerender::preloaded;
use leptos::prelude::*;
use oppvekst_core::codec::ContextBundle;
use std::rc::Rc;

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
            <IndicatorSources />
            <h2>{tr(Msg::SourceListTitle)}</h2>
            <ul>
                <li>{tr(Msg::SourceClassification)}</li>
                <li>{tr(Msg::SourcePopulation)}</li>
                <li>{tr(Msg::SourceMaps)}</li>
            </ul>
        </article>
    }
}

/// Every indicator of the catalogue with its source and where its figures come from. It needs the
/// catalogue, so it waits for the context bundle; the rest of the page reads without it.
#[component]
fn IndicatorSources() -> impl IntoView {
    let lang = use_lang();
    let table = match preloaded() {
        Some(ctx) => view! { <SourceTable ctx /> }.into_any(),
        None => {
            // The catalogue's names, in the page's language.
            let context = api::context_resource(lang, true);
            (move || {
                context
                    .get()
                    .and_then(Result::ok)
                    .map(|ctx| view! { <SourceTable ctx /> })
            })
            .into_any()
        }
    };
    view! {
        <section id="indikatorer" aria-labelledby="about-indicators">
            <h2 id="about-indicators">{move || t(lang.get(), Msg::AboutIndicatorsTitle)}</h2>
            <p>{move || t(lang.get(), Msg::AboutIndicatorsIntro)}</p>
            {table}
        </section>
    }
}

/// The table of the indicators' sources. Prerendered into `om/index.html` with the rest of the
/// page (`crate::ssr`): the live app takes over once its own table is there.
#[component]
pub fn SourceTable(ctx: Rc<ContextBundle>) -> impl IntoView {
    let lang = use_lang();
    crate::prerender::reveal_when_mounted();
    let ctx = StoredValue::new_local(ctx);
    move || {
        let lang = lang.get();
        let rows = ctx.with_value(|ctx| {
            ctx.catalogue
                .iter()
                .map(|ind| {
                    view! {
                        <tr data-indicator=ind.id.clone()>
                            <th scope="row">{ind.label.get(lang).to_string()}</th>
                            <td>{ind.source_line()}</td>
                            <td class="provenance">{provenance_text(ind, lang)}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="about-indicators">
                <table class="indicator-sources">
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Msg::IndicatorHead)}</th>
                            <th scope="col">{t(lang, Msg::SourceOf)}</th>
                            <th scope="col">{t(lang, Msg::ProvenanceTitle)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
