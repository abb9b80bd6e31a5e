//! The area search as an ARIA combobox: type a name (any name form, accents optional), a number
//! or an old kommune number; arrow keys move through the options, Enter opens the area,
//! Escape closes the list. Screen readers hear the number of hits and the active option.

use crate::components::retired::{old_code_notice, old_name_notice};
use crate::i18n::{href, t, tf, use_lang, Msg};
use crate::state::{area_name, level_name};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use oppvekst_core::route::area_path;
use oppvekst_core::search::{nearest, search_with_old, OldCode, Via};
use oppvekst_core::{Lang, Level, Registry};
use std::rc::Rc;

const MAX_HITS: usize = 10;

/// One option as shown.
#[derive(Clone, Debug, PartialEq)]
struct Option_ {
    path: String,
    name: String,
    meta: String,
    /// «Kommunenummer 1201 ble 4601 i 2020» for a hit through an old number.
    notice: Option<String>,
}

fn options(reg: &Registry, old: &[OldCode], q: &str, lang: Lang) -> Vec<Option_> {
    search_with_old(reg, old, q, MAX_HITS)
        .into_iter()
        .map(|h| {
            let parent = reg
                .ancestors(&h.area.code)
                .first()
                .filter(|p| p.level() != Level::Landet)
                .map(|p| format!(" · {}", area_name(p, lang)))
                .unwrap_or_default();
            Option_ {
                path: area_path(&h.area.code),
                name: area_name(h.area, lang),
                meta: format!(
                    "{} {}{parent}",
                    level_name(h.area.level(), lang),
                    h.area.code
                ),
                notice: h.via.map(|via| match via {
                    Via::Number(o) => old_code_notice(o, h.area.code.as_str(), lang),
                    Via::Name(o) => old_name_notice(o, &area_name(h.area, lang), lang),
                }),
            }
        })
        .collect()
}

/// The search. `id` keeps two search boxes on one page (header and front page) apart.
#[component]
pub fn SearchBox(
    registry: Rc<Registry>,
    old_codes: Rc<Vec<OldCode>>,
    #[prop(into)] id: String,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let data = StoredValue::new_local((registry, old_codes));
    let hits = Memo::new(move |_| {
        let q = query.get();
        data.with_value(|(reg, old)| options(reg, old, &q, lang.get()))
    });
    let listbox = format!("{id}-list");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let go = move |i: usize| {
        if let Some(o) = hits.with(|h| h.get(i).cloned()) {
            open.set(false);
            query.set(String::new());
            navigate(&href(&o.path, lang.get()), NavigateOptions::default());
        }
    };
    let go_key = go.clone();
    let on_key = move |ev: KeyboardEvent| {
        let n = hits.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1).min(n.saturating_sub(1)))));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = a.and_then(|i| i.checked_sub(1)));
            }
            "Enter" => {
                ev.prevent_default();
                if n > 0 {
                    go_key(active.get().unwrap_or(0));
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && !hits.with(Vec::is_empty);
    let option_id_active = option_id.clone();
    let status = move || {
        let q = query.get();
        let n = hits.with(Vec::len);
        if q.trim().is_empty() {
            String::new()
        } else if n == 0 {
            tf(lang.get(), Msg::SearchNoHits, &[q.trim()])
        } else {
            tf(lang.get(), Msg::SearchHits, &[&n.to_string()])
        }
    };
    // Nothing found: said where the reader looks, with the names nearest to what was typed.
    let none = move || {
        let q = query.get();
        if !open.get() || q.trim().is_empty() || !hits.with(Vec::is_empty) {
            return None;
        }
        let lang = lang.get();
        let near = data.with_value(|(reg, _)| {
            nearest(reg, &q, 3)
                .into_iter()
                .map(|a| (href(&area_path(&a.code), lang), area_name(a, lang)))
                .collect::<Vec<_>>()
        });
        let links = near
            .into_iter()
            .enumerate()
            .map(|(i, (link, name))| {
                view! {
                    {(i > 0).then_some(", ")}
                    <a
                        href=link
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| {
                            open.set(false);
                            query.set(String::new());
                        }
                    >
                        {name}
                    </a>
                }
            })
            .collect_view();
        Some(view! {
            <p class="search-none">
                {tf(lang, Msg::SearchNoHits, &[q.trim()])} " " {t(lang, Msg::SearchNearest)} ": " {links} "?"
            </p>
        })
    };
    let input_id = format!("{id}-input");
    let label_class = if compact { "sr-only" } else { "" };
    view! {
        <form
            class=if compact { "search compact" } else { "search" }
            role="search"
            on:submit=move |ev| ev.prevent_default()
        >
            <label for=input_id.clone() class=label_class>
                {move || t(lang.get(), Msg::SearchLabel)}
            </label>
            <div class="combobox">
                <input
                    id=input_id
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=listbox.clone()
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant=move || {
                        active.get().filter(|_| expanded()).map(&option_id_active)
                    }
                    placeholder=move || t(lang.get(), Msg::SearchPlaceholder)
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        active.set(None);
                        open.set(true);
                    }
                    on:keydown=on_key
                    on:blur=move |_| {
                        // Let a click on an option land before the list closes.
                        set_timeout(
                            move || {
                                open.try_set(false);
                            },
                            std::time::Duration::from_millis(200),
                        );
                    }
                />
                <ul id=listbox role="listbox" class="search-hits" hidden=move || !expanded()>
                    {move || {
                        let current = active.get();
                        hits.get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, o)| {
                                let go = go.clone();
                                view! {
                                    <li
                                        id=option_id(i)
                                        role="option"
                                        aria-selected=(current == Some(i)).to_string()
                                        class:active=current == Some(i)
                                        on:mousedown=move |ev| ev.prevent_default()
                                        on:click=move |_| go(i)
                                    >
                                        <span class="name">{o.name}</span>
                                        <span class="meta">{o.meta}</span>
                                        {o.notice.map(|n| view! { <span class="notice">{n}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                {none}
            </div>
            <div class="sr-only" role="status" aria-live="polite">{status}</div>
        </form>
    }
}
