//! The charts module's loader. Both apps draw their charts through a third wasm, the charts
//! module (the app's `src/bin/charts.rs`: charming and the pure chart functions), which is
//! fetched beside ECharts when the first chart comes near the screen, so that neither app carries
//! it on its first load. The app cannot import a module itself, nor know the names the build
//! gave its files; the boot script defines the loader under a global name
//! ([`CHARTS_LOADER`]) with those names in it, and the app calls it.

use crate::routes::HashedModule;
use oppvekst_core::route::CHARTS_LOADER;

/// The script, for the boot module. The loader fetches the module's glue and wasm side by side,
/// runs it once and resolves to its exports; a failed load is forgotten, so that a later chart
/// (after going online) tries again. Every name it uses but the global is inside a block.
pub fn script(charts: &HashedModule) -> String {
    let HashedModule { module, wasm } = charts;
    format!(
        "{{ let loading; \
         globalThis.{CHARTS_LOADER} = () => loading ??= Promise.all([import('{module}'), fetch('{wasm}')]) \
         .then(async ([m, wasm]) => {{ await m.default({{ module_or_path: wasm }}); return m; }}) \
         .catch((error) => {{ loading = undefined; throw error; }}); }}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_names_the_builds_files_and_forgets_a_failure() {
        let s = script(&HashedModule {
            module: "/oppvekst-charts-0a1b2c3d.js".into(),
            wasm: "/oppvekst-charts-0a1b2c3d_bg.wasm".into(),
        });
        crate::assert_block(&s);
        assert!(s.contains(
            "globalThis.oppvekstCharts = () => loading ??= Promise.all([import('/oppvekst-charts-0a1b2c3d.js'), fetch('/oppvekst-charts-0a1b2c3d_bg.wasm')])"
        ));
        assert!(s.contains("await m.default({ module_or_path: wasm }); return m;"));
        assert!(s.contains(".catch((error) => { loading = undefined; throw error; })"));
    }
}
