//! Prerendered profiles, on the browser's side. Every area's page ships with its profile
//! already rendered to HTML at build time (by `src/bin/prerender.rs`, from these same
//! components), inside `<div id="prerendered">`, so that the barometer paints before the wasm
//! has loaded. The app then mounts out of sight and takes the page over once it has drawn the
//! same content ([`reveal`]); until then the reader sees the static copy, never a spinner.
//! The front page, «Om tallene» and the 404 page are prerendered the same way. Out of sight,
//! a profile is drawn in slices, a task each ([`in_turn`]), so that a phone can answer the
//! reader in between; the page goes over once every slice is drawn.
//!
//! A copy says which address it is of (`data-path`; empty for the 404 page, which is of every
//! address the app does not know) and in which language (`lang`): each language's pages are
//! prerendered under its own path (`/nn/kommune/4602`).
//! A page served for another address (the front page from the offline cache for a page never
//! seen, a host that answers every path with `index.html`) drops its copy at once: the view the
//! app draws there may never call [`reveal`]. So does a page whose query asks for something the
//! copy cannot stand in for (an embed, an indicator it does not know); for other choices
//! (another indicator, set, order …) it shows its top and keeps its figures hidden until the
//! app has drawn (the boot script's `stand_in` in `oppvekst-data`).

use leptos::prelude::*;
use oppvekst_core::codec::ContextBundle;
use oppvekst_core::route::{parse_query, APP_BUTTONS};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The context bundle, handed by the prerenderer to a view that would otherwise fetch it (the
/// prerenderer draws synchronously and cannot wait for a fetch). Behind a local handle: a
/// Leptos context must be `Send`, the bundle is behind `Rc`.
#[derive(Clone, Copy)]
pub struct Preloaded(pub StoredValue<Rc<ContextBundle>, LocalStorage>);

/// The preloaded context bundle, if the prerenderer handed one.
pub fn preloaded() -> Option<Rc<ContextBundle>> {
    use_context::<Preloaded>().map(|p| p.0.get_value())
}

const PRERENDERED: &str = "prerendered";
const APP: &str = "app";

/// Mounts `app`: on `<body>` as usual, or, on a prerendered page, in a hidden `<div id="app">`
/// beside the static copy.
pub fn mount<V: IntoView + 'static>(app: fn() -> V) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let Some(copy) = doc.get_element_by_id(PRERENDERED) else {
        leptos::mount::mount_to_body(app);
        return;
    };
    let of = copy.get_attribute("data-path").unwrap_or_default();
    let (here, search) = doc
        .location()
        .map(|l| {
            (
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    // The 404 page's copy is of every address the app does not know, and only of those: an
    // unknown area's number (`/kommune/9998`), answered by the same file, is the app's to say.
    let same = if of.is_empty() {
        matches!(
            oppvekst_core::route::parse_path(&here),
            oppvekst_core::route::Page::NotFound
        )
    } else {
        of.trim_end_matches('/') == here.trim_end_matches('/')
    };
    // A copy is of the page as it opens. Where the address asks for more, the boot script has
    // said whether the copy shows it, stands in for it with its figures hidden, or cannot
    // (`data-stale`: a whole-page embed, an indicator the copy does not know; `oppvekst-data`'s
    // `stand_in`). Nor is it of a compact embed, which the app draws alone, nor of another
    // language (the 404 page's bokmål copy on a `/nn/…` address, an older link's `?lang=nn`
    // where the head script could not move it into the path).
    let stale = doc
        .document_element()
        .is_none_or(|root| root.has_attribute("data-stale"));
    let embed = parse_query(&search).embed.is_some();
    let lang = copy.get_attribute("lang").unwrap_or_default();
    let same_lang = lang == oppvekst_core::route::page_lang(&here, &search).code();
    if !same || stale || embed || !same_lang {
        copy.remove();
        leptos::mount::mount_to_body(app);
        return;
    }
    let Some(host) = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::mount::mount_to_body(app);
        return;
    };
    host.set_id(APP);
    host.set_hidden(true);
    let _ = body.append_child(&host);
    leptos::mount::mount_to(host, app).forget();
}

/// Hands the page from the static copy to the live app: called by every view that has drawn
/// its final content (a profile, or an error). What the reader did on the copy goes over: the
/// text typed into its fields, the rows opened, the barometer's filter, the button pressed, the
/// focus. Does nothing on a page without a static copy, or the second time.
pub fn reveal() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(copy) = doc.get_element_by_id(PRERENDERED) else {
        return;
    };
    let typed = typed_into(&copy, &doc);
    let opened = Opened::on(&copy, &doc);
    let filtered = Filtered::on(&copy, &doc);
    let pressed = Pressed::on(&copy);
    copy.remove();
    if let Some(app) = doc
        .get_element_by_id(APP)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        app.set_hidden(false);
    }
    typed.restore(&doc);
    opened.restore(&doc);
    filtered.restore(&doc);
    pressed.restore(&doc);
}

/// What the reader typed into the static copy's fields (the front page's search, say) or chose
/// in its selects (an explore view's pickers, not yet applied) before the app took over: each
/// field's id, its text or value and whether it had the focus.
struct Typed(Vec<(String, String, bool)>);

/// The nodes of `list` that are `T`s.
fn each<T: JsCast>(list: &web_sys::NodeList) -> impl Iterator<Item = T> + '_ {
    (0..list.length()).filter_map(move |i| list.get(i).and_then(|n| n.dyn_into::<T>().ok()))
}

fn typed_into(copy: &web_sys::Element, doc: &web_sys::Document) -> Typed {
    let active = doc.active_element();
    let mut typed = Vec::new();
    let has_focus = |e: &web_sys::Element| active.as_ref().is_some_and(|a| a == e);
    if let Ok(fields) = copy.query_selector_all("input[id]") {
        for input in each::<web_sys::HtmlInputElement>(&fields) {
            let focused = has_focus(input.unchecked_ref());
            if focused || !input.value().is_empty() {
                typed.push((input.id(), input.value(), focused));
            }
        }
    }
    // A select the reader changed: its value is not the one the page was drawn with.
    if let Ok(selects) = copy.query_selector_all("select[id]") {
        for select in each::<web_sys::HtmlSelectElement>(&selects) {
            let drawn = select
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .and_then(|o| o.get_attribute("value"));
            let focused = has_focus(select.unchecked_ref());
            if focused || drawn.is_some_and(|d| d != select.value()) {
                typed.push((select.id(), select.value(), focused));
            }
        }
    }
    Typed(typed)
}

impl Typed {
    /// Puts it into the live app's fields of the same ids, as typing would (an `input` event,
    /// so that the search answers), and a select's value, which its button still applies, as
    /// in the app: once the copy has gone and the app is in sight.
    fn restore(self, doc: &web_sys::Document) {
        for (id, value, focused) in self.0 {
            let Some(field) = doc.get_element_by_id(&id) else {
                continue;
            };
            if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
                select.set_value(&value);
            } else if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                if !value.is_empty() {
                    input.set_value(&value);
                    if let Ok(event) = web_sys::Event::new("input") {
                        let _ = input.dispatch_event(&event);
                    }
                }
            }
            if let (true, Some(field)) = (focused, field.dyn_ref::<web_sys::HtmlElement>()) {
                let _ = field.focus();
            }
        }
    }
}

/// The barometer rows the reader opened on the static copy before the app took over (the boot
/// script's `opened_rows` in `oppvekst-data` lets the copy's buttons answer), by indicator, and
/// the one whose button had the focus.
struct Opened {
    rows: Vec<String>,
    focused: Option<String>,
}

/// The indicator of the barometer row that `toggle` (a row's button) opens.
fn row_of(toggle: &web_sys::Element) -> Option<String> {
    toggle
        .closest("tbody.indicator")
        .ok()
        .flatten()
        .and_then(|row| row.get_attribute("data-indicator"))
}

impl Opened {
    fn on(copy: &web_sys::Element, doc: &web_sys::Document) -> Self {
        let rows = copy
            .query_selector_all("tbody.indicator .row-toggle[aria-expanded=true]")
            .map(|open| {
                each::<web_sys::Element>(&open)
                    .filter_map(|e| row_of(&e))
                    .collect()
            })
            .unwrap_or_default();
        let focused = doc
            .active_element()
            .filter(|a| copy.contains(Some(a)) && a.class_list().contains("row-toggle"))
            .and_then(|a| row_of(&a));
        Opened { rows, focused }
    }

    /// Opens the same rows in the live app, as a tap on each button would, and puts the focus
    /// where it was.
    fn restore(self, doc: &web_sys::Document) {
        if self.rows.is_empty() && self.focused.is_none() {
            return;
        }
        let Some(Ok(toggles)) = doc
            .get_element_by_id(APP)
            .map(|app| app.query_selector_all("tbody.indicator .row-toggle"))
        else {
            return;
        };
        for toggle in each::<web_sys::HtmlElement>(&toggles) {
            let Some(id) = row_of(&toggle) else { continue };
            if self.rows.contains(&id)
                && toggle.get_attribute("aria-expanded").as_deref() != Some("true")
            {
                toggle.click();
            }
            if self.focused.as_ref() == Some(&id) {
                let _ = toggle.focus();
            }
        }
    }
}

/// The barometer's «only what stands out» box as the reader left it on the static copy (the
/// boot script's `outstanding_filter` in `oppvekst-data` lets it answer), and whether it had the
/// focus. `None` on a page without the box.
struct Filtered(Option<(bool, bool)>);

/// The copy's or the app's filter box.
fn filter_box(within: &web_sys::Element) -> Option<web_sys::HtmlInputElement> {
    use oppvekst_core::route::{BAROMETER_SECTION, OUTSTANDING_BOX};
    within
        .query_selector(&format!("{BAROMETER_SECTION} {OUTSTANDING_BOX}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

impl Filtered {
    fn on(copy: &web_sys::Element, doc: &web_sys::Document) -> Self {
        let Some(input) = filter_box(copy) else {
            return Filtered(None);
        };
        let focused = doc
            .active_element()
            .is_some_and(|a| &a == input.unchecked_ref::<web_sys::Element>());
        Filtered(Some((input.checked(), focused)))
    }

    /// Sets the live app's box the same way, as a tap would (the app then writes the address),
    /// and puts the focus on it where it was.
    fn restore(self, doc: &web_sys::Document) {
        let Some((checked, focused)) = self.0 else {
            return;
        };
        let Some(input) = doc.get_element_by_id(APP).and_then(|app| filter_box(&app)) else {
            return;
        };
        if input.checked() != checked {
            input.click();
        }
        if focused {
            let _ = input.focus();
        }
    }
}

/// The button of the static copy the reader pressed last before the app came (the boot
/// script's `pressed_button` in `oppvekst-data` marks it), by its text and which of the copy's
/// buttons with that text it is: the app's page is the copy's, drawn again.
struct Pressed(Option<(String, usize)>);

fn text_of(e: &web_sys::Element) -> String {
    e.text_content().unwrap_or_default().trim().to_string()
}

impl Pressed {
    fn on(copy: &web_sys::Element) -> Self {
        let Ok(buttons) = copy.query_selector_all(APP_BUTTONS) else {
            return Pressed(None);
        };
        let buttons: Vec<web_sys::Element> = each(&buttons).collect();
        let Some(pressed) = buttons
            .iter()
            .find(|b| b.has_attribute(oppvekst_core::route::PRESSED_BUTTON))
        else {
            return Pressed(None);
        };
        let text = text_of(pressed);
        let nth = buttons
            .iter()
            .take_while(|b| *b != pressed)
            .filter(|b| text_of(b) == text)
            .count();
        Pressed(Some((text, nth)))
    }

    /// Presses the live app's same button, with the focus on it, as the reader would have.
    fn restore(self, doc: &web_sys::Document) {
        let Some((text, nth)) = self.0 else { return };
        let Some(Ok(buttons)) = doc
            .get_element_by_id(APP)
            .map(|app| app.query_selector_all(APP_BUTTONS))
        else {
            return;
        };
        let button = each::<web_sys::HtmlElement>(&buttons)
            .filter(|b| text_of(b) == text)
            .nth(nth);
        if let Some(button) = button {
            let _ = button.focus();
            button.click();
        }
    }
}

/// Calls [`reveal`] once the calling view is in the page, and its slices ([`in_turn`]) are.
pub fn reveal_when_mounted() {
    Effect::new(move |_| {
        if SLICES_DUE.get() == 0 {
            reveal();
        } else {
            REVEAL_DUE.set(true);
        }
    });
}

thread_local! {
    /// How many [`in_turn`] slices are still to be drawn out of sight.
    static SLICES_DUE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Whether a view asked for [`reveal`] while slices were still due.
    static REVEAL_DUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Draws `draw` in a task of its own, after the one that draws the view around it, while the
/// live app is out of sight behind the page's static copy; at once otherwise (and at build
/// time). A whole profile drawn in one task kept a phone from answering the reader for about
/// 250 ms; in slices, it can answer between them. The page goes over to the live app
/// ([`reveal_when_mounted`]) once every slice is drawn, so that the reader never sees a part
/// missing. Once the app is in sight, a view is drawn at once: a slice drawn later could
/// shorten the page under a reader's scroll.
pub fn in_turn(draw: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let later = cfg!(target_arch = "wasm32")
        && web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(PRERENDERED))
            .is_some();
    if !later {
        return draw();
    }
    SLICES_DUE.set(SLICES_DUE.get() + 1);
    // Not a reactive value: the count must come down even where the owner is disposed first.
    let due = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    // No longer due, once: drawn, or gone before it was (the reader went on; the view that
    // would have asked for the reveal is gone with it).
    let settle = move || {
        if due.swap(false, std::sync::atomic::Ordering::Relaxed) {
            SLICES_DUE.set(SLICES_DUE.get().saturating_sub(1));
        }
    };
    on_cleanup(settle.clone());
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    (move || {
        ready.get().then(|| {
            let drawn = draw();
            let settle = settle.clone();
            // Once the slice is in the page.
            Effect::new(move |_| {
                settle();
                if SLICES_DUE.get() == 0 && REVEAL_DUE.replace(false) {
                    reveal();
                }
            });
            drawn
        })
    })
    .into_any()
}
