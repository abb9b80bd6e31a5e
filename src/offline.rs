//! Offline: registers the service worker (`dist/sw.js`, see `tools/sw.js`), tells the page when
//! it shows saved figures, and when a new version is ready.
//!
//! - The worker keeps the app's shell and every bundle a page loads, so a profile seen once
//!   opens again without a network.
//! - On the first visit the page loaded its files before the worker existed, so the page asks
//!   the worker to keep what it loaded (`oppvekst:keep`).
//! - A new version's worker waits; the page offers «Last inn på nytt», which asks it to take
//!   over (`oppvekst:take-over`) and reloads once it has. Until then the page keeps working
//!   with the files it started with.

use leptos::prelude::*;

/// The state the notices show. Created once by the shell and given as context.
#[derive(Clone, Copy)]
pub struct OfflineState {
    /// The browser says it has no network, or a file came from the worker's cache because the
    /// network failed.
    pub offline: RwSignal<bool>,
    /// A new version's worker is installed and waiting.
    pub update_ready: RwSignal<bool>,
}

impl OfflineState {
    pub fn new() -> OfflineState {
        OfflineState {
            offline: RwSignal::new(false),
            update_ready: RwSignal::new(false),
        }
    }
}

impl Default for OfflineState {
    fn default() -> Self {
        Self::new()
    }
}

/// Starts the worker and the watches (once; nothing outside the browser).
pub fn start(state: OfflineState) {
    #[cfg(target_arch = "wasm32")]
    browser::start(state);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

/// Whether a worker answers this page's requests now. A request that starts while one does
/// passes through it and is kept there; only the others need [`keep`].
pub fn worker_in_charge() -> bool {
    #[cfg(target_arch = "wasm32")]
    return browser::worker_in_charge();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Asks the worker to keep a file the page loaded past it: a request that began before the
/// worker took charge of the page (the first visit). The map of all kommuner loads 357
/// bundles, so the caller asks only for those, not for every file.
pub fn keep(url: &str) {
    #[cfg(target_arch = "wasm32")]
    browser::keep(url);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = url;
}

/// What came of the reader's choice to keep the profiles for offline use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// The browser keeps them until the reader clears them.
    Persisted,
    /// Kept, but the browser may clear them when it runs short of space.
    MayBeCleared,
    /// No worker in this browser (an insecure context, some embedded browsers).
    Unsupported,
}

/// The reader chose to keep the profiles seen for offline use: only now is the browser asked
/// to keep our storage for good (`navigator.storage.persist()`), since asking unprompted may
/// show a permission prompt for something the reader never wanted.
pub async fn keep_for_offline() -> Kept {
    #[cfg(target_arch = "wasm32")]
    return browser::keep_for_offline().await;
    #[cfg(not(target_arch = "wasm32"))]
    Kept::Unsupported
}

/// Asks the waiting worker to take over; the page reloads when it has.
pub fn take_over() {
    #[cfg(target_arch = "wasm32")]
    browser::take_over();
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::OfflineState;
    use leptos::prelude::*;
    use std::cell::Cell;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

    /// Where the worker is: at the root, so that it serves every page of the app.
    const WORKER: &str = "/sw.js";

    thread_local! {
        static STARTED: Cell<bool> = const { Cell::new(false) };
        static TAKING_OVER: Cell<bool> = const { Cell::new(false) };
        /// The active worker, once there is one.
        static ACTIVE: std::cell::RefCell<Option<ServiceWorker>> = const { std::cell::RefCell::new(None) };
        /// Files loaded before the worker was active, sent when it is.
        static PENDING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    fn post_keep(worker: &ServiceWorker, urls: &js_sys::Array) {
        let msg = message("oppvekst:keep");
        let _ = js_sys::Reflect::set(&msg, &"urls".into(), urls);
        let _ = worker.post_message(&msg);
    }

    pub fn worker_in_charge() -> bool {
        container().is_some_and(|c| c.controller().is_some())
    }

    pub fn keep(url: &str) {
        let sent = ACTIVE.with(|a| {
            a.borrow().as_ref().map(|w| {
                post_keep(w, &js_sys::Array::of1(&url.into()));
            })
        });
        if sent.is_none() {
            PENDING.with(|p| p.borrow_mut().push(url.to_string()));
        }
    }

    fn container() -> Option<ServiceWorkerContainer> {
        let nav = web_sys::window()?.navigator();
        // Absent in an insecure context and in some embedded browsers.
        js_sys::Reflect::has(&nav, &"serviceWorker".into())
            .ok()
            .filter(|has| *has)?;
        Some(nav.service_worker())
    }

    fn message(kind: &str) -> js_sys::Object {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
        msg
    }

    /// The same-origin files this page has loaded (the shell and the bundles), and the page.
    fn loaded_urls() -> js_sys::Array {
        let urls = js_sys::Array::new();
        let Some(w) = web_sys::window() else {
            return urls;
        };
        let origin = w.location().origin().unwrap_or_default();
        if let Ok(path) = w.location().pathname() {
            urls.push(&path.into());
        }
        if let Some(perf) = w.performance() {
            for entry in perf.get_entries_by_type("resource").iter() {
                let name = js_sys::Reflect::get(&entry, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .unwrap_or_default();
                if name.starts_with(&origin) && urls.length() < 200 {
                    urls.push(&name.into());
                }
            }
        }
        urls
    }

    /// Notes a worker that has installed while another controls the page: a new version.
    fn watch_installing(reg: &ServiceWorkerRegistration, state: OfflineState) {
        let Some(worker) = reg.installing() else {
            return;
        };
        let w = worker.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            let controlled = super::browser::container()
                .and_then(|c| c.controller())
                .is_some();
            if w.state() == web_sys::ServiceWorkerState::Installed && controlled {
                state.update_ready.try_set(true);
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    }

    pub fn start(state: OfflineState) {
        if STARTED.with(|s| s.replace(true)) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        // The browser's own idea of the network, kept up to date.
        state.offline.set(!window.navigator().on_line());
        for (event, offline) in [("online", false), ("offline", true)] {
            let on = Closure::<dyn Fn()>::new(move || {
                state.offline.try_set(offline);
            });
            let _ = window.add_event_listener_with_callback(event, on.as_ref().unchecked_ref());
            on.forget();
        }
        crate::api::on_offline_copy(move || {
            state.offline.try_set(true);
        });
        let Some(container) = container() else {
            return;
        };
        // Reload once the new worker controls the page, and only when the reader asked.
        let on_change = Closure::<dyn Fn()>::new(|| {
            if TAKING_OVER.with(Cell::get) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let registering = container.register(WORKER);
        leptos::task::spawn_local(async move {
            // Not a registration where a browser (or a test harness) blocks workers.
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(registering).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            let controlled = container.controller().is_some();
            if reg.waiting().is_some() && controlled {
                state.update_ready.try_set(true);
            }
            watch_installing(&reg, state);
            let on_found = {
                let reg = reg.clone();
                Closure::<dyn Fn()>::new(move || watch_installing(&reg, state))
            };
            reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
            on_found.forget();
            // Once a worker is active, it keeps what this page loaded before it was there.
            if let Ok(ready) = container.ready() {
                let ready = wasm_bindgen_futures::JsFuture::from(ready).await;
                if let Ok(reg) = ready.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>()) {
                    if let Some(active) = reg.active() {
                        let urls = loaded_urls();
                        // The worker takes at most 200 at a time.
                        for url in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
                            if urls.length() < 200 {
                                urls.push(&url.into());
                            }
                        }
                        post_keep(&active, &urls);
                        ACTIVE.with(|a| *a.borrow_mut() = Some(active));
                    }
                }
            }
        });
    }

    pub async fn keep_for_offline() -> super::Kept {
        if container().is_none() {
            return super::Kept::Unsupported;
        }
        let Some(window) = web_sys::window() else {
            return super::Kept::Unsupported;
        };
        // Through Reflect: `navigator.storage` is absent in some browsers and contexts.
        let storage = js_sys::Reflect::get(&window.navigator(), &"storage".into())
            .ok()
            .filter(|s| s.is_object());
        let persist = storage.as_ref().and_then(|s| {
            js_sys::Reflect::get(s, &"persist".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        });
        let (Some(storage), Some(persist)) = (storage, persist) else {
            return super::Kept::MayBeCleared;
        };
        let granted = match persist.call0(&storage).map(js_sys::Promise::from) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        if granted.is_ok_and(|g| g.as_bool() == Some(true)) {
            super::Kept::Persisted
        } else {
            super::Kept::MayBeCleared
        }
    }

    pub fn take_over() {
        let Some(container) = container() else {
            return;
        };
        TAKING_OVER.with(|t| t.set(true));
        leptos::task::spawn_local(async move {
            let reg = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await;
            let waiting = reg
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting());
            match waiting {
                Some(worker) => {
                    let worker: ServiceWorker = worker;
                    let _ = worker.post_message(&JsValue::from(message("oppvekst:take-over")));
                }
                // Nothing waits (another tab took over already): a reload gets the new version.
                None => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
            }
        });
    }
}
