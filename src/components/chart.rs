//! The one component that knows the chart renderer. It loads ECharts and the charts module
//! (`src/bin/charts.rs`, charming's side) on first use, so that a page paints before either
//! arrives; has the module make an instance and ECharts' option for a `charts::Figure`, which
//! it sets on the same instance when the figure changes; follows its container's size; and
//! disposes of the instance when it leaves the page.

use crate::charts::Figure;
use crate::i18n::{t, use_lang, Msg};
use crate::tasks::next_task;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use oppvekst_core::route::CHARTS_LOADER;
use std::cell::{Cell, RefCell};
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Where the bundled ECharts' entry is, relative to `<base href>`: our own origin, never a CDN.
const ECHARTS_SRC: &str = "vendor/echarts.js";

/// The one load of the ECharts script that every chart waits on.
type ScriptLoad = Shared<LocalBoxFuture<'static, Result<(), String>>>;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static LOADING: RefCell<Option<ScriptLoad>> = const { RefCell::new(None) };
    /// How many loads of ECharts have failed on this page.
    static FAILED_LOADS: Cell<u32> = const { Cell::new(0) };
}

fn has_echarts() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("echarts")).unwrap_or(false)
}

/// Adds ECharts once and waits for it; every chart on the page shares the wait.
async fn ensure_echarts() -> Result<(), String> {
    if has_echarts() {
        return Ok(());
    }
    let pending = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| {
                // A module runs once per address: after a failure, the entry under another
                // address (`?n=1`), so that it runs again and asks for its parts again.
                let src = match FAILED_LOADS.get() {
                    0 => ECHARTS_SRC.to_string(),
                    n => format!("{ECHARTS_SRC}?n={n}"),
                };
                load_echarts(src).boxed_local().shared()
            })
            .clone()
    });
    let result = pending.await;
    if result.is_err() {
        // Forget the failure so that a later chart (after going online) tries again.
        LOADING.with(|l| l.borrow_mut().take());
        FAILED_LOADS.set(FAILED_LOADS.get() + 1);
    }
    result
}

/// Adds ECharts' entry module and waits until its parts have set `window.echarts`: the entry
/// evaluates them one task each (`tools/echarts/index.js`) and says so through
/// `window.echartsReady`, which fails if a part could not be loaded.
async fn load_echarts(src: String) -> Result<(), String> {
    let doc = document();
    let script: web_sys::HtmlScriptElement = doc
        .create_element("script")
        .map_err(|_| "create script")?
        .unchecked_into();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_type("module");
    script.set_src(&src);
    doc.head()
        .ok_or("no <head>")?
        .append_child(&script)
        .map_err(|_| "append script")?;
    let failed = |_| format!("could not load {src}");
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?;
    let ready = js_sys::Reflect::get(&window(), &JsValue::from_str("echartsReady"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| format!("{src} did not start its parts"))?;
    wasm_bindgen_futures::JsFuture::from(ready)
        .await
        .map(|_| ())
        .map_err(failed)
}

/// The charts module's functions (`src/bin/charts.rs`).
struct ChartsModule {
    /// Figure's bytes -> ECharts' option.
    option: js_sys::Function,
    /// Element id -> a new ECharts instance.
    init: js_sys::Function,
}

/// The charts module, loaded once through the boot script's loader (`route::CHARTS_LOADER`),
/// which knows the module's hashed file names and forgets a failed load, so that a later chart
/// tries again.
async fn charts_module() -> Result<ChartsModule, String> {
    let loader = js_sys::Reflect::get(&window(), &JsValue::from_str(CHARTS_LOADER))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the page has no charts module")?;
    let promise: js_sys::Promise = loader
        .call0(&JsValue::UNDEFINED)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("the charts module's loader failed")?;
    let module = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "could not load the charts module")?;
    let function = |name: &str| {
        js_sys::Reflect::get(&module, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("the charts module has no {name}"))
    };
    Ok(ChartsModule {
        option: function("option")?,
        init: function("init")?,
    })
}

/// Calls a method of the ECharts instance (`resize`, `dispose`, `setOption`), with `arg`.
fn call(instance: &JsValue, method: &str, arg: Option<&JsValue>) {
    if let Ok(f) = js_sys::Reflect::get(instance, &JsValue::from_str(method)) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = match arg {
                None => f.call0(instance),
                Some(a) => f.call1(instance, a),
            };
        }
    }
}

/// What a saved picture of a chart carries besides the chart: its title, its source and,
/// for modelled figures, the demodata mark, all drawn into the image; and the file's name.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveAs {
    pub title: String,
    /// The source line, already worded («Kilde: SSB, tabell 07459»).
    pub source: String,
    /// The demodata line where the chart shows modelled figures; empty otherwise.
    pub demodata: String,
    /// The file's name without its extension.
    pub file: String,
}

/// Draws the chart with its texts as `kind` ("png" or "svg") through the shim's
/// `echarts.chartImage`, and saves the file.
async fn save_image(instance: JsValue, kind: &'static str, save: SaveAs) -> Result<(), JsValue> {
    let echarts = js_sys::Reflect::get(&window(), &JsValue::from_str("echarts"))?;
    let draw: js_sys::Function =
        js_sys::Reflect::get(&echarts, &"chartImage".into())?.dyn_into()?;
    let texts = js_sys::Object::new();
    js_sys::Reflect::set(&texts, &"title".into(), &save.title.into())?;
    js_sys::Reflect::set(&texts, &"source".into(), &save.source.into())?;
    js_sys::Reflect::set(&texts, &"demodata".into(), &save.demodata.into())?;
    let promise: js_sys::Promise = draw
        .call3(&echarts, &instance, &kind.into(), &texts)?
        .dyn_into()?;
    let image = wasm_bindgen_futures::JsFuture::from(promise)
        .await?
        .as_string()
        .unwrap_or_default();
    let name = format!("{}.{kind}", save.file);
    if kind == "svg" {
        crate::components::download::save_text(&name, "image/svg+xml;charset=utf-8", &image);
    } else {
        crate::components::download::save_url(&name, &image);
    }
    Ok(())
}

/// A map's shapes, registered with ECharts under `name` before a chart that names it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MapShape {
    pub name: String,
    /// The shapes as GeoJSON text, parsed by the browser once when registered.
    pub geojson: std::sync::Arc<str>,
}

/// Registers a map once per name (ECharts keeps them for the page).
fn register_map(shape: &MapShape) {
    let echarts = js_sys::Reflect::get(&window(), &JsValue::from_str("echarts"))
        .unwrap_or(JsValue::UNDEFINED);
    let get = |name: &str| {
        js_sys::Reflect::get(&echarts, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let name = JsValue::from_str(&shape.name);
    let known = get("getMap")
        .and_then(|f| f.call1(&echarts, &name).ok())
        .is_some_and(|m| !m.is_undefined() && !m.is_null());
    if known {
        return;
    }
    let json = js_sys::JSON::parse(&shape.geojson).unwrap_or(JsValue::NULL);
    if let Some(f) = get("registerMap") {
        let _ = f.call2(&echarts, &name, &json);
    }
}

/// Highlights the data item named `name` and shows its tooltip, as hovering it would: the
/// keyboard's way into a map.
fn point_at(instance: &JsValue, name: &str) {
    let Ok(f) = js_sys::Reflect::get(instance, &JsValue::from_str("dispatchAction")) else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    for kind in ["downplay", "highlight", "showTip"] {
        let action = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&action, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&action, &"seriesIndex".into(), &0.into());
        if kind != "downplay" {
            let _ = js_sys::Reflect::set(&action, &"name".into(), &name.into());
        }
        let _ = f.call1(instance, &action);
    }
}

/// A chart to draw, shared rather than copied. A signal hands its value out by cloning, and a
/// memo compares it with the last; a map's figure holds every kommune. Two drawings are equal
/// only when they are the same one: a memo that holds one tells its readers of every
/// recompute, and it recomputes only when its inputs change.
#[derive(Clone, Debug, Default)]
pub struct Drawing(Arc<Figure>);

impl PartialEq for Drawing {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Figure> for Drawing {
    fn from(figure: Figure) -> Self {
        Drawing(Arc::new(figure))
    }
}

/// A chart. `label` is its accessible name; the figures themselves are in the table that the
/// caller puts beside it. A map chart passes its shapes in `map`; `focus` names a data item
/// to point at (from a list the keyboard can reach).
#[component]
pub fn EChart(
    #[prop(into)] chart: Signal<Drawing>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] map: Option<Signal<MapShape>>,
    #[prop(optional, into)] focus: Option<Signal<Option<String>>>,
    /// The container's height in pixels where the chart's content sets it (one bar per
    /// area); the stylesheet's otherwise. Set through the CSSOM, which the CSP allows.
    #[prop(optional)]
    height: Option<u32>,
    /// Offers the chart as PNG and SVG, with these texts drawn in.
    #[prop(optional, into)]
    save: Option<Signal<SaveAs>>,
    /// For a chart with a shape of its own (a map): how tall its box is for its width. The
    /// box then follows the shape (the stylesheet's `ratio-N`, N per cent in steps of 5) up to
    /// the stylesheet's largest height, in the static copy as in the app.
    #[prop(optional)]
    ratio: Option<f64>,
) -> impl IntoView {
    let class = match ratio {
        Some(r) => format!(
            "chart ratio-{}",
            ((r * 20.0).round() as u32 * 5).clamp(40, 200)
        ),
        None => "chart".to_string(),
    };
    // SVG prints sharply and is cheap for the app's charts; a map's thousands of points redraw
    // faster on a canvas when the indicator changes.
    let renderer = if map.is_some() { "canvas" } else { "svg" };
    let height_css = height.map(|h| format!("{h}px"));
    let lang = use_lang();
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("chart-{}", n.get())
    });
    let instance: StoredValue<Option<JsValue>, LocalStorage> = StoredValue::new_local(None);
    let failed = RwSignal::new(false);
    // A picture asked for before the chart was drawn (ECharts still loading, or the button
    // pressed on the static copy, which the app presses when it takes over): saved once drawn.
    let pending: StoredValue<Option<&'static str>, LocalStorage> = StoredValue::new_local(None);
    let save_now = save.map(|save| {
        move |kind: &'static str| {
            let Some(e) = instance.with_value(Option::clone) else {
                pending.set_value(Some(kind));
                return;
            };
            let save = save.get_untracked();
            spawn_local(async move {
                if save_image(e, kind, save).await.is_err() {
                    failed.try_set(true);
                }
            });
        }
    });
    let buttons = save.zip(save_now).map(|(save, save_now)| {
        let click = move |kind: &'static str| move |_| save_now(kind);
        view! {
            // The source under the chart, as in the saved picture: a figure embedded alone
            // (`embed=figur`) still says where its figures come from.
            <p class="chart-source">{move || save.with(|s| s.source.clone())}</p>
            <div class="chart-save">
                <button type="button" class="secondary" data-save="png" on:click=click("png")>
                    {move || t(lang.get(), Msg::SavePng)}
                </button>
                <button type="button" class="secondary" data-save="svg" on:click=click("svg")>
                    {move || t(lang.get(), Msg::SaveSvg)}
                </button>
            </div>
        }
    });
    if cfg!(not(target_arch = "wasm32")) {
        // Prerendering (`crate::ssr`) has no browser: the empty container that the browser
        // fills, the buttons (inert until the app takes over, like every button of the copy),
        // and none of the wiring below, which would call into JavaScript.
        // The copy has no script to set a height and the CSP forbids a style attribute, so
        // the box is built of blocks whose heights the stylesheet knows (powers of two): it
        // stands at its final size before the app draws, and nothing moves then.
        let blocks = height.map(|h| {
            (0..12)
                .rev()
                .filter(|b| h & (1 << b) != 0)
                .map(|b| view! { <i class=format!("h{}", 1u32 << b)></i> })
                .collect_view()
        });
        let class = if blocks.is_some() {
            "chart sized".to_string()
        } else {
            class
        };
        return view! {
            <div class=class id=id role="img" aria-label=move || label.get()>{blocks}</div>
            {buttons}
        }
        .into_any();
    }
    let node = NodeRef::<leptos::html::Div>::new();
    // ECharts is fetched only when a chart comes near the screen, so that the page (and the
    // barometer above the charts) paints without waiting for it.
    let visible = RwSignal::new(false);
    type Observer = (
        web_sys::IntersectionObserver,
        Closure<dyn Fn(js_sys::Array)>,
    );
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if observer.with_value(Option::is_some) {
            return;
        }
        let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let seen = entries.iter().any(|e| {
                e.dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if seen {
                visible.try_set(true);
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("200px");
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &init,
        ) {
            Ok(o) => {
                o.observe(&el);
                // Kept with the observer, and dropped with it when the chart leaves the page.
                observer.set_value(Some((o, on_change)));
            }
            // No IntersectionObserver: draw at once.
            Err(_) => visible.set(true),
        }
    });
    let dom_id = id.clone();
    Effect::new(move |_| {
        let chart = chart.get();
        let shape = map.map(|m| m.get());
        if node.get().is_none() || !visible.get() {
            return;
        }
        let id = dom_id.clone();
        spawn_local(async move {
            // Both downloads at once: the module is a fraction of ECharts.
            let (echarts, module) = futures::join!(ensure_echarts(), charts_module());
            let Ok(module) = echarts.and(module) else {
                failed.try_set(true);
                return;
            };
            // A chart's first drawing in a task of its own: ECharts' last part is evaluated in
            // the task that settles the wait, and the charts of a page would otherwise all be
            // drawn there too, one long task (about 570 ms on Lighthouse's phone, when ECharts
            // was one script).
            let first = instance.try_with_value(Option::is_none) == Some(true);
            if first {
                next_task().await;
            }
            let figure = js_sys::Uint8Array::from(&chart.0.encode()[..]);
            let Ok(option) = module.option.call1(&JsValue::UNDEFINED, &figure) else {
                failed.try_set(true);
                return;
            };
            // And its option apart from its drawing: together one task of about 80 ms for the
            // national map on a phone, which Lighthouse counted as blocking.
            if first {
                next_task().await;
            }
            if let Some(shape) = &shape {
                register_map(shape);
            }
            // Gone from the page while loading: nothing to draw in.
            let Some(drawn) = instance.try_with_value(Option::clone) else {
                return;
            };
            let drawn = match drawn {
                Some(e) => e,
                None => match module
                    .init
                    .call1(&JsValue::UNDEFINED, &JsValue::from_str(&id))
                {
                    Ok(e) => e,
                    Err(_) => {
                        failed.try_set(true);
                        return;
                    }
                },
            };
            call(&drawn, "setOption", Some(&option));
            instance.set_value(Some(drawn));
            if let (Some(kind), Some(save_now)) =
                (pending.try_update_value(Option::take).flatten(), save_now)
            {
                save_now(kind);
            }
        });
    });
    if let Some(focus) = focus {
        Effect::new(move |_| {
            let Some(name) = focus.get() else { return };
            instance.try_with_value(|slot| {
                if let Some(e) = slot {
                    point_at(e, &name);
                }
            });
        });
    }
    // Follow the container's width (a phone turned sideways, a resized iframe).
    let on_resize = Closure::<dyn Fn()>::new(move || {
        instance.try_with_value(|slot| {
            if let Some(e) = slot {
                call(e, "resize", None);
            }
        });
    });
    let resize_fn: js_sys::Function = on_resize
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    let _ = window().add_event_listener_with_callback("resize", &resize_fn);
    let on_resize = StoredValue::new_local(Some(on_resize));
    on_cleanup(move || {
        observer.try_update_value(|o| {
            if let Some((o, _callback)) = o.take() {
                o.disconnect();
            }
        });
        let _ = window().remove_event_listener_with_callback("resize", &resize_fn);
        on_resize.try_update_value(|c| c.take());
        instance.try_update_value(|slot| {
            if let Some(e) = slot.take() {
                call(&e, "dispose", None);
            }
        });
    });
    view! {
        <div class=class id=id node_ref=node role="img" aria-label=move || label.get() style:height=height_css data-renderer=renderer></div>
        {buttons}
        <Show when=move || failed.get()>
            <p class="chart-failed">{move || t(lang.get(), Msg::ChartUnavailable)}</p>
        </Show>
    }
    .into_any()
}
