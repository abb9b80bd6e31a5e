//! Entry point of the charts module's wasm: charming and the pure `charts` functions, which the
//! app (`components::chart`) loads beside ECharts when its first chart comes near the screen,
//! so that neither app carries them on its first load.

use charming::{Echarts, WasmRenderer};
use oppvekst::charts::Figure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {}

/// Draws `figure` (`Figure::encode`'s bytes) in the element `id`: in `instance`, the ECharts
/// instance an earlier call returned, or in a new one where it is undefined. Returns the
/// instance.
#[wasm_bindgen]
pub fn draw(id: &str, figure: &[u8], instance: JsValue) -> Result<JsValue, JsValue> {
    let chart = Figure::decode(figure)
        .map_err(|e| JsValue::from_str(&format!("figure: {e}")))?
        .chart();
    if instance.is_undefined() {
        return WasmRenderer::new_opt(None, None)
            .render(id, &chart)
            .map(Into::into)
            .map_err(|e| JsValue::from_str(&format!("{e:?}")));
    }
    WasmRenderer::update(instance.unchecked_ref::<Echarts>(), &chart);
    Ok(instance)
}
