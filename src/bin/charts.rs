//! Entry point of the charts module's wasm: charming and the pure `charts` functions, which the
//! app (`components::chart`) loads beside ECharts when its first chart comes near the screen,
//! so that neither app carries them on its first load.

use charming::{Chart, WasmRenderer};
use oppvekst::charts::Figure;
use wasm_bindgen::prelude::*;

fn main() {}

/// ECharts' option for `figure` (`Figure::encode`'s bytes), as charming's renderer passes it to
/// `setOption`. Apart from the drawing, so that the app can let the browser in between: on a
/// phone each is about 40 ms for the national map.
#[wasm_bindgen]
pub fn option(figure: &[u8]) -> Result<JsValue, JsValue> {
    let chart = Figure::decode(figure)
        .map_err(|e| JsValue::from_str(&format!("figure: {e}")))?
        .chart();
    serde_wasm_bindgen::to_value(&chart).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// A new ECharts instance in the element `id`, as charming's renderer makes one (its theme,
/// the element's size), with nothing drawn yet.
#[wasm_bindgen]
pub fn init(id: &str) -> Result<JsValue, JsValue> {
    WasmRenderer::new_opt(None, None)
        .render(id, &Chart::new())
        .map(Into::into)
        .map_err(|e| JsValue::from_str(&format!("{e:?}")))
}
