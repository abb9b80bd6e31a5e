//! Build-time prerendering (feature `ssr`, run by `src/bin/prerender.rs`): each area's profile
//! rendered to HTML natively, by the app's own components, and written into the area's route
//! page, so that a reader sees the barometer before the wasm has loaded.

use crate::api::ProfileData;
use crate::app::Shell;
use crate::views::profile::ProfileBody;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use oppvekst_core::codec::{decode, AreaBundle, ContextBundle, Manifest};
use oppvekst_core::route::area_path;
use oppvekst_core::{AreaCode, Level};
use std::path::Path;
use std::rc::Rc;

/// Where the static copy goes: the one element the route pages have in `<body>` before it.
const NOSCRIPT: &str = "<noscript>";

/// The profile of one area as the app would draw it at `path`, in bokmål (a reader who asked
/// for another language gets it when the app takes over).
pub fn profile_html(data: ProfileData) -> String {
    let path = area_path(&data.area.code);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&path));
        // Children must be `Send` for SSR, and the bundles are behind `Rc`: the children
        // capture a handle to them instead.
        let data = StoredValue::new_local(data);
        view! {
            <Router>
                <Shell>
                    <ProfileBody data=data.get_value() />
                </Shell>
            </Router>
        }
        .to_html()
    });
    drop(owner);
    html
}

/// Puts `html` into `page` as the static copy, before `<noscript>`.
pub fn insert(page: &str, html: &str) -> Result<String, String> {
    let at = page
        .find(NOSCRIPT)
        .ok_or("the route page has no <noscript> to put the profile before")?;
    Ok(format!(
        "{}<div id=\"prerendered\">{html}</div>{}",
        &page[..at],
        &page[at..]
    ))
}

/// Prerenders every area with a route page under `dist`, from the bundles in `dist/data`:
/// exactly what the app would fetch. Returns how many pages it wrote.
pub fn write_all(dist: &Path) -> Result<usize, String> {
    let data = dist.join("data");
    let read = |name: &str| {
        std::fs::read(data.join(name)).map_err(|e| format!("{}/{name}: {e}", data.display()))
    };
    let text = String::from_utf8(read("manifest.json")?).map_err(|e| e.to_string())?;
    let manifest = Manifest::parse(&text).map_err(|e| e.to_string())?;
    let context: Rc<ContextBundle> =
        Rc::new(decode(&read(&manifest.context)?).map_err(|e| e.to_string())?);
    let load = |code: &AreaCode| -> Result<Rc<AreaBundle>, String> {
        let file = manifest
            .areas
            .get(code)
            .ok_or_else(|| format!("no bundle for {code}"))?;
        let area: AreaBundle = decode(&read(file)?).map_err(|e| format!("{file}: {e}"))?;
        context
            .check_area(&area)
            .map_err(|e| format!("{file}: {e}"))?;
        Ok(Rc::new(area))
    };
    let mut n = 0;
    for a in context.registry.areas() {
        let code = &a.code;
        let page_path = dist
            .join(area_path(code).trim_start_matches('/'))
            .join("index.html");
        let page = std::fs::read_to_string(&page_path).map_err(|e| {
            format!(
                "{}: {e} (run `oppvekst-data routes` first)",
                page_path.display()
            )
        })?;
        if page.contains("id=\"prerendered\"") {
            return Err(format!("{}: already prerendered", page_path.display()));
        }
        let kommune = match (code.level(), code.kommune()) {
            (Level::Bydel, Some(k)) => Some(load(&k)?),
            _ => None,
        };
        let data = ProfileData {
            context: context.clone(),
            area: load(code)?,
            kommune,
        };
        std::fs::write(&page_path, insert(&page, &profile_html(data))?)
            .map_err(|e| format!("{}: {e}", page_path.display()))?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_goes_before_noscript() {
        let page = "<html><body><noscript>x</noscript></body></html>";
        assert_eq!(
            insert(page, "<p>hi</p>").unwrap(),
            "<html><body><div id=\"prerendered\"><p>hi</p></div><noscript>x</noscript></body></html>"
        );
        assert!(insert("<body></body>", "x").is_err());
    }
}
