//! The area search: type a name (any name form, accents optional) or a number, get links.

use crate::i18n::{href, t, tf, use_lang, Msg};
use crate::state::{area_name, level_name};
use leptos::prelude::*;
use oppvekst_core::route::area_path;
use oppvekst_core::search::search;
use oppvekst_core::Registry;
use std::rc::Rc;

const MAX_HITS: usize = 12;

#[component]
pub fn SearchBox(registry: Rc<Registry>) -> impl IntoView {
    let lang = use_lang();
    let query = RwSignal::new(String::new());
    let registry = StoredValue::new_local(registry);
    let hits = move || {
        let q = query.get();
        let lang = lang.get();
        registry.with_value(|reg| {
            search(reg, &q, MAX_HITS)
                .into_iter()
                .map(|a| {
                    let parent = reg
                        .ancestors(&a.code)
                        .first()
                        .filter(|p| p.level() != oppvekst_core::Level::Landet)
                        .map(|p| area_name(p, lang));
                    (
                        area_path(&a.code),
                        area_name(a, lang),
                        level_name(a.level(), lang),
                        parent,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="area-search">{move || t(lang.get(), Msg::SearchLabel)}</label>
            <input
                id="area-search"
                type="search"
                autocomplete="off"
                placeholder=move || t(lang.get(), Msg::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </form>
        <div aria-live="polite" class="search-status">
            {move || {
                let q = query.get();
                let n = hits().len();
                if q.trim().is_empty() {
                    String::new()
                } else if n == 0 {
                    tf(lang.get(), Msg::SearchNoHits, &[q.trim()])
                } else {
                    tf(lang.get(), Msg::SearchHits, &[&n.to_string()])
                }
            }}
        </div>
        <ul class="search-hits">
            {move || {
                hits()
                    .into_iter()
                    .map(|(path, name, level, parent)| {
                        view! {
                            <li>
                                <a href=href(&path, lang.get())>{name}</a>
                                <span class="meta">
                                    {level} {parent.map(|p| format!(" · {p}"))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
