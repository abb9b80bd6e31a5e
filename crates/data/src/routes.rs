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

/// Moves Trunk's inline module loader into a file of its own (`boot-HASH.js`), so that the
/// page runs under a Content-Security-Policy without `'unsafe-inline'`. Returns the new page.
pub fn externalise_boot(dist: &Path, index: &str) -> std::io::Result<String> {
    const OPEN: &str = "<script type=\"module\">";
    let Some(start) = index.find(OPEN) else {
        return Ok(index.to_string());
    };
    let body_start = start + OPEN.len();
    let Some(len) = index[body_start..].find("</script>") else {
        return Ok(index.to_string());
    };
    let body = &index[body_start..body_start + len];
    let name = format!("boot-{}.js", codec::content_hash(body.as_bytes()));
    std::fs::write(dist.join(&name), body.trim())?;
    let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
    Ok(format!(
        "{}{tag}{}",
        &index[..start],
        &index[body_start + len + "</script>".len()..]
    ))
}

/// Writes the route pages under `dist`, from the built `dist/index.html`.
pub fn write_routes(dist: &Path, reg: &Registry) -> std::io::Result<usize> {
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    let index = externalise_boot(dist, &index)?;
    std::fs::write(dist.join("index.html"), &index)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_moves_to_a_file() {
        let dir = std::env::temp_dir().join(format!("oppvekst-routes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = "<head><script type=\"module\">\nimport init from '/a.js';\n</script></head>";
        let out = externalise_boot(&dir, page).unwrap();
        assert!(!out.contains("import init"), "{out}");
        let name = out
            .split("src=\"/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        let js = std::fs::read_to_string(dir.join(name)).unwrap();
        assert_eq!(js, "import init from '/a.js';");
        // Running it again on the new page changes nothing.
        assert_eq!(externalise_boot(&dir, &out).unwrap(), out);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
