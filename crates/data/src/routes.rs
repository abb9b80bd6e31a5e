//! Static routes: one `index.html` per area route (`dist/kommune/0301/index.html`, and its
//! views' `dist/kommune/0301/utvikling/index.html`), in each language under its path
//! (`dist/nn/kommune/0301/index.html`), so that a deep link works on any static host, with the
//! area's name in the page title for search engines and browser tabs. A retired number's
//! profile (`/kommune/1201`, Bergen before 2020) has its page too, so that an old link answers
//! 200 and paints what became of the number. Unknown paths fall to `404.html`, which boots the
//! same app.

use oppvekst_core::codec::{self, ContextBundle, Manifest};
// Names are data: they never become markup.
use crate::page_lang;
use oppvekst_core::html::escape;
use oppvekst_core::route::{self, area_path, lang_path, view_path, View};
use oppvekst_core::search::{retired_numbers, split_title};
use oppvekst_core::Lang;
use std::path::Path;

/// Waits until the first contentful paint is on the screen, so that the prerendered page is
/// painted before the app's code competes with it for the network and the CPU. The paint
/// timing entry comes once the frame is presented; a frame's own callbacks (requestAnimationFrame
/// and a task after it) come before that, and a download started there was, to the browser and
/// to Lighthouse, part of what the page needed to paint. A browser without paint timing waits
/// for a frame; a hidden page (a background tab, an iframe off screen) paints nothing, and there
/// the timeout starts the app.
///
/// On a page whose copy stands in for other choices (`stand_in`), the lines before this one
/// showed the copy's top. Where the first paint came before they ran, that top is painted in a
/// later frame and is the page's largest paint: the app then waits for the frame after it
/// (two animation frames, at most 100 ms). A download started sooner counted, to Lighthouse, as
/// needed for that paint: the LCP of a shared comparison's link came out at 1,25–1,53 s in one
/// run of two, 0,94 s otherwise.
const AFTER_FIRST_PAINT: &str = "const shownAt = document.documentElement.hasAttribute('data-standin') ? performance.now() : -1; \
    await new Promise((painted) => { setTimeout(painted, 500); \
    try { new PerformanceObserver((list, observer) => { \
    if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); painted(); } \
    }).observe({ type: 'paint', buffered: true }); } \
    catch { requestAnimationFrame(() => setTimeout(painted, 0)); } }); \
    if (shownAt >= 0 && !(performance.getEntriesByName('first-contentful-paint')[0]?.startTime >= shownAt)) \
    await new Promise((shown) => { setTimeout(shown, 100); requestAnimationFrame(() => requestAnimationFrame(shown)); });";

/// Preloads the data files the page names (`codec::PRELOAD_META`, written by the prerenderer)
/// as the app will fetch them (`crossorigin`: mode cors, same-origin credentials), so that the
/// app's fetches take the answers instead of asking again. After the first paint, so that they
/// do not compete with it.
fn preload_data() -> String {
    format!(
        "for (const href of (document.querySelector('meta[name=\"{}\"]')?.content ?? '').split(' ').filter(Boolean)) {{ \
         const link = document.createElement('link'); link.rel = 'preload'; link.as = 'fetch'; \
         link.crossOrigin = 'anonymous'; link.href = href; document.head.append(link); }}",
        codec::PRELOAD_META
    )
}

/// Shows the page's boot failure message (written by the prerenderer, `src/ssr.rs`, in the
/// page's language, or all three on a page that may stand for any address) in the reader's
/// language (the page's, which the language script sets from the address: `page_lang`), or the
/// one there is, with a retry: a failed wasm or glue load, a dropped connection, must never
/// leave a blank page.
const BOOT_FAILED: &str = "const bootFailed = (error) => { console.error(error); \
    const box = document.getElementById('boot-failed'); if (!box) return; \
    const parts = [...box.querySelectorAll('[data-lang]')]; \
    const mine = parts.find((p) => p.dataset.lang === document.documentElement.lang) ?? parts[0]; \
    for (const part of parts) part.hidden = part !== mine; \
    for (const b of box.querySelectorAll('button')) b.addEventListener('click', () => location.reload()); \
    box.setAttribute('role', 'alert'); box.hidden = false; };";

/// The profile app (`app::ProfileApp`), which the boot script loads on every page but an
/// explore view's.
pub const PROFILE_APP: &str = "oppvekst-profile";

/// The charts module (the app's `src/bin/charts.rs`), which both apps load beside ECharts.
pub const CHARTS_MODULE: &str = "oppvekst-charts";

/// The glue and wasm of a module Trunk builds as a "worker" ([`PROFILE_APP`], [`CHARTS_MODULE`]),
/// which it names without a hash, each under a name with the content's hash, as Trunk names the
/// whole app's: a hashed file never changes under its name, so any cache may keep it (see
/// `tools/sw.js`). Returns their paths, or None for a build without it. A second run finds the
/// names given by the first.
pub fn name_module(dist: &Path, name: &str) -> std::io::Result<Option<HashedModule>> {
    let (js, wasm) = (
        dist.join(format!("{name}.js")),
        dist.join(format!("{name}_bg.wasm")),
    );
    if js.is_file() && wasm.is_file() {
        let mut both = std::fs::read(&wasm)?;
        both.extend(std::fs::read(&js)?);
        let named = format!("{name}-{}", codec::content_hash(&both));
        std::fs::rename(&js, dist.join(format!("{named}.js")))?;
        std::fs::rename(&wasm, dist.join(format!("{named}_bg.wasm")))?;
    }
    for entry in std::fs::read_dir(dist)? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        if let Some(hash) = file
            .strip_prefix(&format!("{name}-"))
            .and_then(|rest| rest.strip_suffix("_bg.wasm"))
        {
            return Ok(Some(HashedModule {
                module: format!("/{name}-{hash}.js"),
                wasm: format!("/{name}-{hash}_bg.wasm"),
            }));
        }
    }
    Ok(None)
}

/// Where a module's files are (see [`name_module`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashedModule {
    pub module: String,
    pub wasm: String,
}

/// Trunk's loader imports the app's glue statically (`import init, * as bindings from 'X';`),
/// which the browser fetches before it paints anything. The same, loaded after the first paint,
/// with the wasm's download started beside the glue's rather than after it (`init` takes the
/// response's promise): on a phone that is a round trip less before the app runs. The promise
/// is marked handled at once, so that a failed download is reported once, by `bootFailed`.
/// Where the build has the profile app, the page's path chooses which app it loads
/// (`route::EXPLORE_PATHS`): one boot script for every page, so that a host that answers any
/// address with one page still gets the right app.
fn load_after_first_paint(
    body: &str,
    profile: Option<&HashedModule>,
    charts: Option<&HashedModule>,
) -> String {
    let Some(start) = body.find("import init, * as bindings from '") else {
        return body.to_string();
    };
    let from = start + "import init, * as bindings from '".len();
    let Some(len) = body[from..].find("';") else {
        return body.to_string();
    };
    let module = &body[from..from + len];
    let mut rest = body[from + len + 2..].trim_end().to_string();
    let mut download = format!("\nconst bindings = await import('{module}');");
    if let Some(at) = rest.find("module_or_path: '") {
        let path_from = at + "module_or_path: '".len();
        if let Some(n) = rest[path_from..].find('\'') {
            let wasm = rest[path_from..path_from + n].to_string();
            // Which app: the page's path chooses where the build has both.
            let (choice, module, wasm) = match profile {
                Some(p) => (
                    format!(
                        "\nconst app = new RegExp('{}').test(location.pathname)\n  \
                         ? {{ module: '{module}', wasm: '{wasm}' }}\n  \
                         : {{ module: '{}', wasm: '{}' }};",
                        route::EXPLORE_PATHS,
                        p.module,
                        p.wasm
                    ),
                    "app.module".to_string(),
                    "app.wasm".to_string(),
                ),
                None => (String::new(), format!("'{module}'"), format!("'{wasm}'")),
            };
            download = format!(
                "{choice}\nconst wasmResponse = fetch({wasm});\nwasmResponse.catch(() => {{}});\n\
                 const bindings = await import({module});"
            );
            rest.replace_range(at..path_from + n + 1, "module_or_path: wasmResponse");
        }
    }
    let preload = preload_data();
    // First: the others read the copy this one may put in place.
    let copy_in_lang = crate::copy_in_lang::script();
    let stand_in = crate::stand_in::script();
    let current_tab = crate::current_tab::script();
    let opened_rows = crate::opened_rows::script();
    let outstanding = crate::outstanding_filter::script();
    let pressed = crate::pressed_button::script();
    let charts = charts.map_or(String::new(), |c| {
        format!("{}\n", crate::charts_module::script(c))
    });
    format!(
        "{}{BOOT_FAILED}\n{copy_in_lang}\n{stand_in}\n{current_tab}\n{opened_rows}\n{outstanding}\n{pressed}\n{charts}{AFTER_FIRST_PAINT}\n{preload}\ntry {{{download}\nconst init = bindings.default;{rest}\n}} catch (error) {{ bootFailed(error); }}",
        &body[..start],
    )
}

/// Drops the `<link rel="…">` tags of the given kinds: Trunk's `preload` and `modulepreload`
/// for the wasm and its glue (they would start those downloads before the first paint), and a
/// page's `alternate` and `canonical` links, which each page gets anew ([`in_lang`]).
fn drop_links(page: &str, rels: &[&str]) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("<link rel=\"") {
        let tag_len = rest[start..]
            .find('>')
            .map_or(rest.len() - start, |n| n + 1);
        let tag = &rest[start..start + tag_len];
        out.push_str(&rest[..start]);
        if !rels
            .iter()
            .any(|rel| tag.starts_with(&format!("<link rel=\"{rel}\"")))
        {
            out.push_str(tag);
        }
        rest = &rest[start + tag_len..];
    }
    out.push_str(rest);
    out
}

/// `page` without its comments: `index.html`'s notes are for its readers, not for the
/// 8 600 pages made from it (3 MB).
fn without_comments(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + "-->".len()..]);
    }
    out.push_str(rest);
    out
}

/// Moves Trunk's inline module loader into a file of its own (`boot-HASH.js`), so that the
/// page runs under a Content-Security-Policy without `'unsafe-inline'`, and makes it load the
/// app after the first paint and say so if it cannot (see [`load_after_first_paint`]). Returns
/// the new page.
pub fn externalise_boot(dist: &Path, index: &str) -> std::io::Result<String> {
    const OPEN: &str = "<script type=\"module\">";
    let index = drop_links(index, &["preload", "modulepreload"]);
    let Some(start) = index.find(OPEN) else {
        return Ok(index);
    };
    let body_start = start + OPEN.len();
    let Some(len) = index[body_start..].find("</script>") else {
        return Ok(index);
    };
    let profile = name_module(dist, PROFILE_APP)?;
    let charts = name_module(dist, CHARTS_MODULE)?;
    let body = load_after_first_paint(
        index[body_start..body_start + len].trim(),
        profile.as_ref(),
        charts.as_ref(),
    );
    let name = format!("boot-{}.js", codec::content_hash(body.as_bytes()));
    std::fs::write(dist.join(&name), &body)?;
    let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
    Ok(format!(
        "{}{tag}{}",
        &index[..start],
        &index[body_start + len + "</script>".len()..]
    ))
}

/// Serves `dist/data/manifest.json` also under its versioned name (see `codec::manifest`) and
/// names that file in `page`'s head, so that the page only ever meets its own version's data.
/// Running it again on the new page changes nothing.
pub fn name_manifest(dist: &Path, page: &str) -> std::io::Result<String> {
    let json = std::fs::read(dist.join("data/manifest.json"))?;
    let name = codec::versioned_name(&json);
    std::fs::write(dist.join("data").join(&name), &json)?;
    let meta = format!(
        "<meta name=\"{}\" content=\"{name}\" />",
        codec::VERSION_META
    );
    let start = format!("<meta name=\"{}\"", codec::VERSION_META);
    // A page named before (a second run) names the manifest anew.
    let page = match page.find(&start) {
        Some(at) => {
            let end = at + page[at..].find("/>").map_or(0, |n| n + 2);
            format!("{}{}", &page[..at], &page[end..])
        }
        None => page.to_string(),
    };
    let head = page.find("</head>").ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "index.html has no </head>")
    })?;
    Ok(format!("{}{meta}{}", &page[..head], &page[head..]))
}

/// Writes the route pages under `dist`, from the built `dist/index.html`, in each language
/// under its path (`dist/nn/kommune/0301/index.html`): each area's profile and views, and each
/// retired number's profile ([`retired_pages`]). Where the build knows its `origin`
/// ([`origin`]), the pages' language links and their canonical address are whole addresses
/// under it, and `sitemap.xml` and `robots.txt` lead search engines to the profiles. Returns
/// how many areas.
pub fn write_routes(
    dist: &Path,
    context: &ContextBundle,
    origin: Option<&str>,
) -> std::io::Result<usize> {
    let reg = &context.registry;
    crate::stylesheet::compact(dist)?;
    let index = without_comments(&std::fs::read_to_string(dist.join("index.html"))?);
    let index = externalise_boot(dist, &index)?;
    let index = name_manifest(dist, &index)?;
    let index = page_lang::insert(&drop_links(&index, &["alternate", "canonical"]))
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    // The 404 page answers every address a host does not know (its copy is in bokmål, with the
    // other languages' for the boot script to put in its place: `copy_in_lang`), and says so
    // to the language script ([`page_lang::CATCH_ALL`]); the front page is `index.html` in each
    // language's directory.
    let catch_all = index.replacen(
        "<html lang=\"nb\">",
        &format!("<html lang=\"nb\" {}>", page_lang::CATCH_ALL),
        1,
    );
    std::fs::write(dist.join("404.html"), catch_all)?;
    let write = |path: &str, lang: Lang, page: &str, canonical: Option<&str>| {
        let dir = dist.join(lang_path(path, lang).trim_start_matches('/'));
        std::fs::create_dir_all(&dir)?;
        let links = Links {
            path,
            canonical,
            origin,
        };
        std::fs::write(dir.join("index.html"), in_lang(page, &links, lang))
    };
    let titled = |name: &str, lang: Lang| {
        let title = format!("<title>{} – {}</title>", escape(name), app_name(lang));
        index.replacen("<title>oppvekst</title>", &title, 1)
    };
    let retired = retired_pages(context);
    for lang in Lang::ALL {
        write("/", lang, &index, Some("/"))?;
        write("/om", lang, &index, Some("/om"))?;
        for area in reg.areas() {
            let page = titled(&area.name, lang);
            let path = area_path(&area.code);
            write(&path, lang, &page, Some(&path))?;
            // The explore views of the area: the same app, so that a shared link opens with
            // status 200 on any static host.
            for view in View::ALL {
                let path = view_path(&area.code, view);
                write(&path, lang, &page, Some(&path))?;
            }
        }
        for old in &retired {
            write(
                &old.path,
                lang,
                &titled(&old.title, lang),
                old.canonical.as_deref(),
            )?;
        }
    }
    if let Some(origin) = origin {
        let mut profiles = vec!["/".to_string(), "/om".to_string()];
        profiles.extend(reg.areas().iter().map(|a| area_path(&a.code)));
        std::fs::write(dist.join("sitemap.xml"), sitemap(origin, &profiles))?;
        std::fs::write(
            dist.join("robots.txt"),
            format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"),
        )?;
    }
    Ok(reg.areas().len())
}

/// The page of a retired number's profile, as `write_routes` writes it.
#[derive(Debug, PartialEq)]
pub struct RetiredPage {
    /// `/kommune/1201`: in bokmål; each language has its own under its path.
    pub path: String,
    /// The page's title before the app sets its own: the one area the number became, or
    /// where it was split, the number's old name, or the number with the areas it became
    /// («5012: Heim, Hitra, Orkland»).
    pub title: String,
    /// The page search engines should read instead: the one area's profile. A split number's
    /// page is its own.
    pub canonical: Option<String>,
}

/// The pages of the retired numbers' profiles, one per number. Only profiles: an old link is
/// to a profile, and an explore view's old address still opens, from the 404 page.
pub fn retired_pages(context: &ContextBundle) -> Vec<RetiredPage> {
    retired_numbers(&context.old_codes)
        .into_iter()
        .filter_map(|(code, to)| {
            let path = area_path(&code);
            Some(match to.as_slice() {
                [one] => RetiredPage {
                    path,
                    title: context.registry.get(&one.to)?.name.clone(),
                    canonical: Some(area_path(&one.to)),
                },
                many => RetiredPage {
                    path,
                    title: split_title(&context.registry, many.iter().copied()),
                    canonical: None,
                },
            })
        })
        .collect()
}

/// The sitemap of `paths` (each in every language) under `origin`: the pages a reader should
/// find from a search engine. The explore views are left out: they open on one indicator of
/// many, and a profile links to them.
fn sitemap(origin: &str, paths: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for lang in Lang::ALL {
        for path in paths {
            xml.push_str(&format!(
                "<url><loc>{}{}</loc></url>\n",
                escape(origin),
                escape(&lang_path(path, lang))
            ));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The app's name in a page's title before the app sets its own.
fn app_name(lang: Lang) -> &'static str {
    // As the app's `Msg::AppName` spells it, which sets the title when it takes over: the
    // tab's title must not change under the reader.
    match lang {
        Lang::En => "Growing-up profile",
        Lang::Nb | Lang::Nn => "Oppvekstprofil",
    }
}

/// What search engines show under a page's title, in each language (`index.html` has
/// bokmål's).
fn description(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Oppvekstprofiler for alle kommuner, bydeler og fylker: statistikk om barn og unge 0–24 år.",
        Lang::Nn => "Oppvekstprofilar for alle kommunar, bydelar og fylke: statistikk om barn og unge 0–24 år.",
        Lang::En => "Growing-up profiles for every Norwegian municipality, city district and county: statistics on children and young people aged 0–24.",
    }
}

/// The site's origin as the pages name it (`https://oppvekst.example.no`), from what a deployer
/// gives: http or https, a host, and no path, query or fragment (a slash at the end is dropped).
pub fn origin(given: &str) -> Result<String, String> {
    let trimmed = given.trim().trim_end_matches('/');
    let host = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("{given:?} does not start with https:// or http://"))?;
    if host.is_empty() || host.contains(['/', '?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "{given:?} is not an origin: a scheme and a host (and port), nothing after"
        ));
    }
    Ok(trimmed.to_string())
}

/// Where a page is and what it links to, for [`in_lang`].
struct Links<'a> {
    /// The page's address, in bokmål.
    path: &'a str,
    /// The address (in bokmål) search engines should read for it: its own, or, for a retired
    /// number's, the area it became; `None` for none.
    canonical: Option<&'a str>,
    /// The site's origin, where the build was given one.
    origin: Option<&'a str>,
}

/// `page` as the page of `links.path` in `lang`: its `<html lang>` and description, and links
/// to the same page in the other languages for search engines, which read them only as whole
/// addresses: under the origin where the build was given one, as paths otherwise.
fn in_lang(page: &str, links: &Links, lang: Lang) -> String {
    let page = page
        .replacen(
            "<html lang=\"nb\">",
            &format!("<html lang=\"{}\">", lang.code()),
            1,
        )
        .replacen(description(Lang::Nb), description(lang), 1);
    let mut tags: String = Lang::ALL
        .iter()
        .map(|&l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}{}\" />",
                l.code(),
                links.origin.unwrap_or(""),
                lang_path(links.path, l)
            )
        })
        .collect();
    // The page's address for search engines: one for all the queries that open it.
    if let (Some(origin), Some(canonical)) = (links.origin, links.canonical) {
        tags.push_str(&format!(
            "<link rel=\"canonical\" href=\"{origin}{}\" />",
            lang_path(canonical, lang)
        ));
    }
    match page.find("</head>") {
        Some(at) => format!("{}{tags}{}", &page[..at], &page[at..]),
        None => page,
    }
}

/// Reads the context bundle from the bundles in `bundles` (the manifest names its files): the
/// bokmål one, for the areas and the retired numbers, which every language's context holds
/// alike.
pub fn context_of(bundles: &Path) -> Result<ContextBundle, String> {
    let read = |name: &str| {
        std::fs::read(bundles.join(name)).map_err(|e| format!("{}/{name}: {e}", bundles.display()))
    };
    let manifest = Manifest::parse(&String::from_utf8_lossy(&read("manifest.json")?))
        .map_err(|e| e.to_string())?;
    codec::decode(&read(&manifest.context.nb)?).map_err(|e| e.to_string())
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The file name of the boot script a page loads.
    fn boot_name(page: &str) -> &str {
        let after = page.split("src=\"/").nth(1).expect("a script with a src");
        after.split('"').next().unwrap()
    }

    #[test]
    fn each_retired_number_has_one_profile_page_naming_what_it_became() {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/bundles");
        let context = context_of(&shipped).unwrap();
        let pages = retired_pages(&context);
        let page = |path: &str| pages.iter().find(|p| p.path == path);
        // Bergen's number before 2020: one area, which search engines should read instead.
        assert_eq!(
            page("/kommune/1201"),
            Some(&RetiredPage {
                path: "/kommune/1201".into(),
                title: "Bergen".into(),
                canonical: Some("/kommune/4601".into()),
            })
        );
        // Snillfjord went to three kommuner in 2020: a page of its own, under its name before
        // 2018 where SSB's list of old names has it, and its number and today's kommuner
        // otherwise.
        let split = |path| page(path).map(|p| (p.title.as_str(), p.canonical.as_deref()));
        assert_eq!(split("/kommune/1613"), Some(("Snillfjord", None)));
        assert_eq!(
            split("/kommune/5012"),
            Some(("5012: Heim, Hitra, Orkland", None))
        );
        assert!(page("/bydel/120101").is_some() && page("/fylke/12").is_some());
        // One page per number, never one of today's areas.
        let mut codes: Vec<&str> = context.old_codes.iter().map(|o| o.code.as_str()).collect();
        codes.dedup();
        assert_eq!(pages.len(), codes.len());
        assert!(context
            .registry
            .areas()
            .iter()
            .all(|a| page(&area_path(&a.code)).is_none()));
    }

    #[test]
    fn a_retired_number_names_the_area_it_became_as_its_address() {
        let page = "<html lang=\"nb\"><head></head><body></body></html>";
        let links = Links {
            path: "/kommune/1201",
            canonical: Some("/kommune/4601"),
            origin: Some("https://oppvekst.example.no"),
        };
        let out = in_lang(page, &links, Lang::En);
        assert!(
            out.contains("hreflang=\"nn\" href=\"https://oppvekst.example.no/nn/kommune/1201\"")
        );
        assert!(out.contains(
            "<link rel=\"canonical\" href=\"https://oppvekst.example.no/en/kommune/4601\" />"
        ));
        let own = Links {
            canonical: None,
            ..links
        };
        assert!(!in_lang(page, &own, Lang::En).contains("canonical"));
    }

    #[test]
    fn a_page_links_its_other_languages_by_whole_address_under_the_origin_given() {
        let page = "<html lang=\"nb\"><head><title>t</title></head><body></body></html>";
        let links = |origin| {
            let path = "/kommune/4602/kart";
            let links = Links {
                path,
                canonical: Some(path),
                origin,
            };
            let out = in_lang(page, &links, Lang::Nn);
            assert!(out.starts_with("<html lang=\"nn\">"), "{out}");
            let head = &out[out.find("<link").unwrap()..out.find("</head>").unwrap()];
            head.to_string()
        };
        assert_eq!(
            links(Some("https://oppvekst.example.no")),
            "<link rel=\"alternate\" hreflang=\"nb\" href=\"https://oppvekst.example.no/kommune/4602/kart\" />\
             <link rel=\"alternate\" hreflang=\"nn\" href=\"https://oppvekst.example.no/nn/kommune/4602/kart\" />\
             <link rel=\"alternate\" hreflang=\"en\" href=\"https://oppvekst.example.no/en/kommune/4602/kart\" />\
             <link rel=\"canonical\" href=\"https://oppvekst.example.no/nn/kommune/4602/kart\" />"
        );
        // Without one, paths: the page works on any host; no canonical address.
        assert!(links(None).contains("hreflang=\"nn\" href=\"/nn/kommune/4602/kart\""));
        assert!(!links(None).contains("canonical"));
    }

    #[test]
    fn the_sitemap_lists_each_profile_in_each_language_under_the_origin() {
        let xml = sitemap(
            "https://oppvekst.example.no",
            &["/".to_string(), "/kommune/4602".to_string()],
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"));
        let locs: Vec<&str> = xml
            .lines()
            .filter_map(|l| l.strip_prefix("<url><loc>")?.strip_suffix("</loc></url>"))
            .collect();
        assert_eq!(
            locs,
            [
                "https://oppvekst.example.no/",
                "https://oppvekst.example.no/kommune/4602",
                "https://oppvekst.example.no/nn/",
                "https://oppvekst.example.no/nn/kommune/4602",
                "https://oppvekst.example.no/en/",
                "https://oppvekst.example.no/en/kommune/4602",
            ]
        );
        assert!(xml.ends_with("</urlset>\n"));
    }

    #[test]
    fn an_origin_is_a_scheme_and_a_host_and_nothing_after() {
        assert_eq!(
            origin("https://oppvekst.example.no/").unwrap(),
            "https://oppvekst.example.no"
        );
        assert_eq!(
            origin(" http://127.0.0.1:8080 ").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "oppvekst.example.no",
            "ftp://x.no",
            "https://",
            "https://x.no/sti",
            "https://x.no?a=1",
            "https://x.no\"><script>",
        ] {
            let e = origin(bad).unwrap_err();
            assert!(e.contains(&format!("{bad:?}")), "{bad}: {e}");
        }
    }

    #[test]
    fn the_pages_carry_no_comments() {
        assert_eq!(
            without_comments("<head><!-- a\n note --><meta /><!--b--></head><p>&lt;!--</p>"),
            "<head><meta /></head><p>&lt;!--</p>"
        );
        assert_eq!(without_comments("<p>x</p><!-- open"), "<p>x</p>");
    }

    #[test]
    fn the_inline_loader_moves_to_a_file() {
        let dir = std::env::temp_dir().join(format!("oppvekst-routes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = "<head><script type=\"module\">\nimport init from '/a.js';\n</script></head>";
        let out = externalise_boot(&dir, page).unwrap();
        assert!(!out.contains("import init"), "{out}");
        let name = boot_name(&out);
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        let js = std::fs::read_to_string(dir.join(name)).unwrap();
        assert_eq!(js, "import init from '/a.js';");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_app_loads_after_the_first_paint() {
        let dir = std::env::temp_dir().join(format!("oppvekst-boot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = concat!(
            "<head><link rel=\"stylesheet\" href=\"/s.css\"/>",
            "<script type=\"module\">\nimport init, * as bindings from '/app.js';\n",
            "const wasm = await init({ module_or_path: '/app_bg.wasm' });\n</script>",
            "<link rel=\"modulepreload\" href=\"/app.js\"><link rel=\"preload\" href=\"/app_bg.wasm\" as=\"fetch\"></head>"
        );
        let out = externalise_boot(&dir, page).unwrap();
        assert!(!out.contains("preload"), "{out}");
        assert!(
            out.contains("<link rel=\"stylesheet\" href=\"/s.css\"/>"),
            "{out}"
        );
        let name = boot_name(&out);
        let js = std::fs::read_to_string(dir.join(name)).unwrap();
        assert_eq!(
            js,
            format!(
                "{BOOT_FAILED}\n{}\n{}\n{}\n{}\n{}\n{}\n{AFTER_FIRST_PAINT}\n{}\ntry {{\n\
                 const wasmResponse = fetch('/app_bg.wasm');\n\
                 wasmResponse.catch(() => {{}});\n\
                 const bindings = await import('/app.js');\n\
                 const init = bindings.default;\n\
                 const wasm = await init({{ module_or_path: wasmResponse }});\n\
                 }} catch (error) {{ bootFailed(error); }}",
                crate::copy_in_lang::script(),
                crate::stand_in::script(),
                crate::current_tab::script(),
                crate::opened_rows::script(),
                crate::outstanding_filter::script(),
                crate::pressed_button::script(),
                preload_data()
            )
        );
        // Running it again on the new page changes nothing.
        assert_eq!(externalise_boot(&dir, &out).unwrap(), out);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_boot_chooses_the_profile_app_or_the_whole_app_by_the_path() {
        let dir = std::env::temp_dir().join(format!("oppvekst-two-apps-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("oppvekst-profile.js"), "glue").unwrap();
        std::fs::write(dir.join("oppvekst-profile_bg.wasm"), "wasm").unwrap();
        std::fs::write(dir.join("oppvekst-charts.js"), "charts glue").unwrap();
        std::fs::write(dir.join("oppvekst-charts_bg.wasm"), "charts wasm").unwrap();
        let page = concat!(
            "<head><script type=\"module\">\nimport init, * as bindings from '/app.js';\n",
            "const wasm = await init({ module_or_path: '/app_bg.wasm' });\n</script></head>"
        );
        let out = externalise_boot(&dir, page).unwrap();
        // The profile app's files are named by their content, as the whole app's are.
        let hash = codec::content_hash(b"wasmglue");
        let (module, wasm) = (
            format!("oppvekst-profile-{hash}.js"),
            format!("oppvekst-profile-{hash}_bg.wasm"),
        );
        assert!(dir.join(&module).is_file() && dir.join(&wasm).is_file());
        assert!(!dir.join("oppvekst-profile.js").exists());
        let js = std::fs::read_to_string(dir.join(boot_name(&out))).unwrap();
        // The pattern sits in a JavaScript string as it is.
        assert!(!route::EXPLORE_PATHS.contains(['\'', '\\']));
        assert!(
            js.contains(&format!(
                "const app = new RegExp('{}').test(location.pathname)\n  \
                 ? {{ module: '/app.js', wasm: '/app_bg.wasm' }}\n  \
                 : {{ module: '/{module}', wasm: '/{wasm}' }};\n\
                 const wasmResponse = fetch(app.wasm);",
                route::EXPLORE_PATHS
            )),
            "{js}"
        );
        assert!(
            js.contains("const bindings = await import(app.module);"),
            "{js}"
        );
        // The charts module's loader, under its files' hashed names, before the wait for the
        // first paint.
        let charts = name_module(&dir, CHARTS_MODULE).unwrap().unwrap();
        let hash = codec::content_hash(b"charts wasmcharts glue");
        assert_eq!(charts.module, format!("/oppvekst-charts-{hash}.js"));
        let loader = js
            .find(&crate::charts_module::script(&charts))
            .expect("the loader");
        assert!(loader < js.find("await new Promise((painted)").unwrap());
        // A second run finds the names the first gave.
        assert_eq!(
            name_module(&dir, PROFILE_APP).unwrap().unwrap().wasm,
            format!("/{wasm}")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn every_page_names_its_own_manifest_which_is_served_under_that_name() {
        let dir = std::env::temp_dir().join(format!("oppvekst-named-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let v1 = b"{\"v\": 1}";
        std::fs::write(dir.join("data/manifest.json"), v1).unwrap();
        let page = "<head><title>oppvekst</title></head><body></body>";
        let out = name_manifest(&dir, page).unwrap();
        let name = codec::versioned_name(v1);
        assert!(codec::is_versioned_name(&name), "{name}");
        assert_eq!(
            out,
            format!("<head><title>oppvekst</title><meta name=\"oppvekst-manifest\" content=\"{name}\" /></head><body></body>")
        );
        assert_eq!(std::fs::read(dir.join("data").join(&name)).unwrap(), v1);
        // Again: the same page. New data: the new name, and only it.
        assert_eq!(name_manifest(&dir, &out).unwrap(), out);
        std::fs::write(dir.join("data/manifest.json"), b"{\"v\": 2}").unwrap();
        let again = name_manifest(&dir, &out).unwrap();
        let name2 = codec::versioned_name(b"{\"v\": 2}");
        assert_ne!(name, name2);
        assert!(again.contains(&name2) && !again.contains(&name), "{again}");
        assert_eq!(again.matches("oppvekst-manifest").count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
