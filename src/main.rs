//! Entry point of the wasm app: installs the panic fallback and mounts the app (beside the
//! page's prerendered copy, where there is one).

fn main() {
    oppvekst::panic::install();
    oppvekst::prerender::mount(oppvekst::app::App);
}

/// For `./x bench`: the statistics core's full pass in wasm (`oppvekst::bench`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_full_pass(runs: u32) -> f64 {
    oppvekst::bench::full_pass_ms(runs)
}
