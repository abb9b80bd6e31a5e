//! The front page: search for an area, or browse the kommuner of each fylke. Prerendered into
//! `index.html` (`crate::ssr`) from [`Intro`] and [`HomeBody`]; the live app takes over once it
//! has drawn the same.

use crate::api;
use crate::components::error_view::ErrorView;
use crate::components::search_box::SearchBox;
use crate::i18n::{href, t, use_lang, Msg};
use crate::prerender::reveal_when_mounted;
use crate::state::{area_name, recent, set_document_title};
use leptos::prelude::*;
use oppvekst_core::codec::ContextBundle;
use oppvekst_core::route::area_path;
use oppvekst_core::{Lang, Level};
use std::rc::Rc;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let context = api::context_resource(lang, false);
    // The tab, history and bookmarks say what the site is, not «oppvekst».
    Effect::new(move |_| {
        let lang = lang.get();
        set_document_title(&format!(
            "{} – {}",
            t(lang, Msg::AppName),
            t(lang, Msg::Tagline)
        ));
    });
    view! {
        <Intro />
        {move || match context.get() {
            None => view! { <p class="loading">{t(lang.get(), Msg::Loading)}</p> }.into_any(),
            Some(Err(e)) => {
                view! { <ErrorView error=e retry=move |_| context.refetch() /> }.into_any()
            }
            Some(Ok(ctx)) => view! { <HomeBody ctx /> }.into_any(),
        }}
    }
}

/// The site's name and what it is: all the front page has before the registry comes.
#[component]
pub fn Intro() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="intro">
            <h1>{move || t(lang.get(), Msg::AppName)}</h1>
            <p>{move || t(lang.get(), Msg::Tagline)}</p>
        </section>
    }
}

/// The search and the lists, once the registry is there.
#[component]
pub fn HomeBody(ctx: Rc<ContextBundle>) -> impl IntoView {
    let lang = use_lang();
    reveal_when_mounted();
    let registry = Rc::new(ctx.registry.clone());
    let old_codes = Rc::new(ctx.old_codes.clone());
    let recent: Vec<_> = recent::list()
        .into_iter()
        .filter_map(|c| ctx.registry.get(&c).cloned())
        .collect();
    let ctx = StoredValue::new_local(ctx);
    view! {
        <SearchBox registry old_codes id="home-search" />
        <Show when={
            let any = !recent.is_empty();
            move || any
        }>
            <section class="recent">
                <h2>{move || t(lang.get(), Msg::RecentTitle)}</h2>
                <ul>
                    {
                        let recent = recent.clone();
                        move || {
                            recent
                                .iter()
                                .map(|a| {
                                    view! {
                                        <li>
                                            <a href=href(&area_path(&a.code), lang.get())>
                                                {area_name(a, lang.get())}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }
                    }
                </ul>
            </section>
        </Show>
        <section class="browse">
            <h2>{move || t(lang.get(), Msg::BrowseByFylke)}</h2>
            <p>
                <a href=move || href("/landet", lang.get())>{move || t(lang.get(), Msg::Landet)}</a>
            </p>
            {move || ctx.with_value(|c| fylke_lists(c, lang.get()))}
        </section>
    }
}

fn fylke_lists(ctx: &ContextBundle, lang: Lang) -> impl IntoView {
    let reg = &ctx.registry;
    reg.at_level(Level::Fylke)
        .map(|f| {
            let kommuner: Vec<_> = reg
                .children(&f.code)
                .map(|k| (href(&area_path(&k.code), lang), area_name(k, lang)))
                .collect();
            let fylke_link = href(&area_path(&f.code), lang);
            view! {
                <details>
                    <summary>{area_name(f, lang)}</summary>
                    <p>
                        <a href=fylke_link>{area_name(f, lang)}</a>
                    </p>
                    <ul class="kommune-list">
                        {kommuner
                            .into_iter()
                            .map(|(link, name)| view! { <li><a href=link>{name}</a></li> })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view()
}
