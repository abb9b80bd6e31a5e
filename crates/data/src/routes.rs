//! Static routes: one `index.html` per area route (`dist/kommune/0301/index.html`), so that a
//! deep link works on any static host, with the area's name in the page title for search
//! engines and browser tabs. Unknown paths fall to `404.html`, which boots the same app.

use oppvekst_core::area::Registry;
use oppvekst_core::codec::{self, ContextBundle, Manifest};
use oppvekst_core::route::area_path;
use std::path::Path;

/// Escapes text for an HTML title (names are data: they never become markup).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes the route pages under `dist`, from the built `dist/index.html`.
pub fn write_routes(dist: &Path, reg: &Registry) -> std::io::Result<usize> {
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    let mut n = 0;
    for area in reg.areas() {
        let dir = dist.join(area_path(&area.code).trim_start_matches('/'));
        std::fs::create_dir_all(&dir)?;
        let title = format!("<title>{} – oppvekstprofil</title>", escape(&area.name));
        let page = index.replacen("<title>oppvekst</title>", &title, 1);
        std::fs::write(dir.join("index.html"), page)?;
        n += 1;
    }
    let om = dist.join("om");
    std::fs::create_dir_all(&om)?;
    std::fs::write(om.join("index.html"), &index)?;
    std::fs::write(dist.join("404.html"), &index)?;
    Ok(n)
}

/// Reads the registry from the bundles in `bundles` (the manifest names the context file).
pub fn registry_of(bundles: &Path) -> Result<Registry, String> {
    let read = |name: &str| {
        std::fs::read(bundles.join(name)).map_err(|e| format!("{}/{name}: {e}", bundles.display()))
    };
    let manifest = Manifest::parse(&String::from_utf8_lossy(&read("manifest.json")?))
        .map_err(|e| e.to_string())?;
    let context: ContextBundle =
        codec::decode(&read(&manifest.context)?).map_err(|e| e.to_string())?;
    Ok(context.registry)
}
