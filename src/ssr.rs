//! Build-time prerendering (feature `ssr`, run by `src/bin/prerender.rs`): each area's profile
//! and its trend, population, breakdown, comparison, map and overview views as they open, in
//! each language, each retired number's profile (its notice, over the top of the profile it
//! became), the front page, «Om tallene» and the 404 page rendered to HTML natively, by the app's own components, and written into their
//! pages, so that a reader sees them before the wasm has loaded (and nothing moves when it has).

use crate::api::{BreakdownData, ProfileData, SetData, TrendData};
use crate::app::Shell;
use crate::components::retired::RetiredCopy;
use crate::prerender::Preloaded;
use crate::views::about::About;
use crate::views::breakdown::BreakdownBody;
use crate::views::compare::CompareBody;
use crate::views::home::{HomeBody, Intro};
use crate::views::map::MapBody;
use crate::views::not_found::NotFound;
use crate::views::overview::OverviewBody;
use crate::views::population::PopulationBody;
use crate::views::profile::ProfileBody;
use crate::views::trend::TrendBody;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use oppvekst_core::codec::{decode, AreaBundle, ContextBundle, Manifest};
use oppvekst_core::explore::sets::{bundles_needed, view_set};
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_core::lang::Text;
use oppvekst_core::route::{area_path, lang_path, view_url, Query, View};
use oppvekst_core::search::retired_numbers;
use oppvekst_core::{AreaCode, Lang, Level};
use std::path::Path;
use std::rc::Rc;

/// Where the static copy goes: the one element the route pages have in `<body>` before it.
const NOSCRIPT: &str = "<noscript>";

/// A page as the app draws it at `path` (in the path's language: `/nn/kommune/4602`) with
/// `data`, with the context bundle at hand for the views that would fetch it.
fn render<D: Clone + 'static>(
    path: &str,
    context: &Rc<ContextBundle>,
    data: D,
    body: fn(D) -> AnyView,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(Preloaded(StoredValue::new_local(context.clone())));
        // Children must be `Send` for SSR, and the bundles are behind `Rc`: the children
        // capture a handle to them instead.
        let data = StoredValue::new_local(data);
        view! {
            <Router>
                <Shell>{body(data.get_value())}</Shell>
            </Router>
        }
        .to_html()
    });
    drop(owner);
    without_markers(&html)
}

/// `html` without the comments Leptos writes for hydration (`<!>`, `<!--<() />-->`): the app
/// mounts its own copy and never hydrates this one, and on 8 600 pages they are 2,5 MB. Text
/// never holds them, since it is escaped.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}

/// The profile of one area as the app would draw it in `lang`.
pub fn profile_html(data: ProfileData, lang: Lang) -> String {
    let context = data.context.clone();
    let path = lang_path(&area_path(&data.area.code), lang);
    render(&path, &context, data, |data| {
        view! { <ProfileBody data /> }.into_any()
    })
}

/// Puts `html` into `page` as the static copy of the address `path` (empty: of any address, as
/// the 404 page) in `lang`, before `<noscript>`. The app keeps a copy only for its own address
/// and language (`prerender::mount`).
pub fn insert(page: &str, html: &str, path: &str, lang: Lang) -> Result<String, String> {
    let at = page
        .find(NOSCRIPT)
        .ok_or("the page has no <noscript> to put the static copy before")?;
    Ok(format!(
        "{}<div id=\"prerendered\" data-path=\"{}\" lang=\"{}\">{html}</div>{}",
        &page[..at],
        oppvekst_core::html::escape(path),
        lang.code(),
        &page[at..]
    ))
}

/// Names in `page`'s head (`<meta name="oppvekst-preload">`) the data files (under `data/`)
/// the app fetches first there. The boot script (`oppvekst-data routes`) preloads them after the
/// first paint, beside the wasm: without that, those fetches start only once the wasm has loaded
/// and read the manifest, two round trips after the 460 kB download on a phone. Not as
/// `<link rel="preload">` in the page: the browser would fetch them before the first paint, and
/// the profile's LCP under Lighthouse's phone went from 1,10 s to 1,66 s.
pub fn with_preloads(page: &str, files: &[String]) -> Result<String, String> {
    if files.is_empty() {
        return Ok(page.to_string());
    }
    let at = page
        .find("</head>")
        .ok_or("the page has no </head> to name its data in")?;
    let paths: Vec<String> = files.iter().map(|f| format!("/data/{f}")).collect();
    Ok(format!(
        "{}<meta name=\"{}\" content=\"{}\" />{}",
        &page[..at],
        oppvekst_core::codec::PRELOAD_META,
        oppvekst_core::html::escape(&paths.join(" ")),
        &page[at..]
    ))
}

/// The pages that are not an area's: the front page, «Om tallene» and the 404 page, each as
/// (address, file under dist, its view).
type Body = fn(Rc<ContextBundle>) -> AnyView;
const PAGES: [(&str, &str, Body); 3] = [
    ("/", "index.html", |ctx| {
        view! { <Intro /> <HomeBody ctx /> }.into_any()
    }),
    ("/om", "om/index.html", |_| view! { <About /> }.into_any()),
    ("", "404.html", |_| view! { <NotFound /> }.into_any()),
];

/// Prerenders the front page and «Om tallene» in every language, and the 404 page (one file
/// for every address: its copy in bokmål, and in the other languages as templates,
/// [`with_other_langs`]), under `dist`. Returns how many.
pub fn write_pages(
    dist: &Path,
    context: &Rc<ContextBundle>,
    preload: &Preload,
) -> Result<usize, String> {
    let mut n = 0;
    for (path, file, body) in PAGES {
        if path.is_empty() {
            // The 404 page is drawn at an address no route has. Its app fetches nothing until
            // the reader searches.
            let copy = |lang| render(&lang_path("/404", lang), context, context.clone(), body);
            let at = dist.join(file);
            write_copy_at(&at, "", Lang::Nb, &copy(Lang::Nb), &[])?;
            let others: Vec<(Lang, String)> = [Lang::Nn, Lang::En]
                .into_iter()
                .map(|lang| (lang, copy(lang)))
                .collect();
            let page = std::fs::read_to_string(&at).map_err(|e| e.to_string())?;
            let page =
                with_other_langs(&page, &others).map_err(|e| format!("{}: {e}", at.display()))?;
            std::fs::write(&at, page).map_err(|e| format!("{}: {e}", at.display()))?;
            n += 1;
            continue;
        }
        for lang in Lang::ALL {
            let at = lang_path(path, lang);
            let file = format!("{}{file}", lang_dir(lang));
            let html = render(&at, context, context.clone(), body);
            write_copy_at(&dist.join(file), &at, lang, &html, &preload.in_lang(lang))?;
            n += 1;
        }
    }
    Ok(n)
}

/// `page` (the 404 page, which answers every address) with its copy in the other languages
/// `others` as templates after its own (`<template id="prerendered-nn">`): on a `/nn/…` address
/// the boot script puts the nynorsk copy in the bokmål one's place (`oppvekst-data`'s
/// `copy_in_lang`), so that the page says nynorsk from its first paint after it, not nothing
/// until the app has drawn.
pub fn with_other_langs(page: &str, others: &[(Lang, String)]) -> Result<String, String> {
    let at = page
        .find(NOSCRIPT)
        .ok_or("the page has no <noscript> to put the other languages' copies before")?;
    let templates: String = others
        .iter()
        .map(|(lang, html)| {
            let copy = insert(NOSCRIPT, html, "", *lang)?;
            Ok(format!(
                "<template id=\"{PRERENDERED}-{}\">{}</template>",
                lang.code(),
                &copy[..copy.len() - NOSCRIPT.len()]
            ))
        })
        .collect::<Result<_, String>>()?;
    Ok(format!("{}{templates}{}", &page[..at], &page[at..]))
}

/// The id of a page's static copy (`prerender::mount` looks for it).
const PRERENDERED: &str = "prerendered";

/// The directory under `dist` of a language's pages: `nn/`, or none for bokmål.
fn lang_dir(lang: Lang) -> String {
    lang_path("/", lang).trim_start_matches('/').to_string()
}

/// The message the boot script shows when the app's own files fail to load (a 404 for the
/// wasm, a dropped connection, a broken glue file): hidden, in `langs`, since the boot script
/// cannot read our catalogue; it shows the reader's (or the first) and wires the button.
pub fn boot_failure_html(langs: &[Lang]) -> String {
    use crate::i18n::{t, Msg};
    use oppvekst_core::html::escape;
    let parts: String = langs
        .iter()
        .map(|&lang| {
            format!(
                "<div data-lang=\"{}\" lang=\"{}\" hidden><p><strong>{}</strong></p><p>{}</p>\
                 <p><button type=\"button\">{}</button></p></div>",
                lang.code(),
                lang.code(),
                escape(t(lang, Msg::BootFailedTitle)),
                escape(t(lang, Msg::BootFailedBody)),
                escape(t(lang, Msg::Retry)),
            )
        })
        .collect();
    // No role until shown: the boot script makes it an alert when it shows it.
    format!("<section id=\"{BOOT_FAILED}\" class=\"boot-failed\" hidden>{parts}</section>")
}

/// The id the boot script looks for (`oppvekst-data routes` writes the script).
const BOOT_FAILED: &str = "boot-failed";

/// Puts the boot failure message first in `<body>`, where a reader sees it at once; a page
/// that has it already is left as it is.
pub fn insert_boot_failure(page: &str, html: &str) -> Result<String, String> {
    if page.contains(&format!("id=\"{BOOT_FAILED}\"")) {
        return Ok(page.to_string());
    }
    let at = page
        .find("<body>")
        .ok_or("the page has no <body> to put the boot failure message in")?
        + "<body>".len();
    Ok(format!("{}{html}{}", &page[..at], &page[at..]))
}

/// The languages a page under `dist` (`rel`, its path there) needs the boot failure message
/// in: its address's, except on the pages a host or the service worker may answer any address
/// with (the front page, 404.html), which have all three. One language a page instead of
/// three is 4,7 MB less on 8 600 pages.
fn boot_failure_langs(rel: &Path) -> Vec<Lang> {
    if rel == Path::new("index.html") || rel == Path::new("404.html") {
        return Lang::ALL.to_vec();
    }
    let first = rel.components().next().and_then(|c| c.as_os_str().to_str());
    let lang = Lang::ALL
        .into_iter()
        .find(|l| first == Some(lang_dir(*l).trim_end_matches('/')))
        .unwrap_or(Lang::Nb);
    vec![lang]
}

/// Adds the boot failure message to every page under `dist` (the route pages, the front page,
/// «Om tallene», 404.html). Returns how many pages it wrote.
pub fn write_boot_failure_all(dist: &Path) -> Result<usize, String> {
    let mut stack = vec![dist.to_path_buf()];
    let mut n = 0;
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                let page = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let html = boot_failure_html(&boot_failure_langs(
                    path.strip_prefix(dist).unwrap_or(&path),
                ));
                let page = insert_boot_failure(&page, &html)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                std::fs::write(&path, page).map_err(|e| format!("{}: {e}", path.display()))?;
                n += 1;
            }
        }
    }
    Ok(n)
}

/// The address of an area's view as it opens in `lang`: no query.
fn view_path(code: &AreaCode, view: View, lang: Lang) -> String {
    view_url(code, view, &Query::default(), lang)
}

/// Puts `html` into the route page of `path` (in `lang`) under `dist` as its static copy.
fn write_copy(
    dist: &Path,
    path: &str,
    lang: Lang,
    html: &str,
    preload: &[String],
) -> Result<(), String> {
    write_copy_at(
        &dist.join(path.trim_start_matches('/')).join("index.html"),
        path,
        lang,
        html,
        preload,
    )
}

/// Puts `html` into the page `at` as the static copy of the address `path` in `lang`, with
/// preloads of the data files `preload` ([`with_preloads`]).
fn write_copy_at(
    at: &Path,
    path: &str,
    lang: Lang,
    html: &str,
    preload: &[String],
) -> Result<(), String> {
    let page = std::fs::read_to_string(at)
        .map_err(|e| format!("{}: {e} (run `oppvekst-data routes` first)", at.display()))?;
    if page.contains("id=\"prerendered\"") {
        return Err(format!("{}: already prerendered", at.display()));
    }
    let page = insert(&page, html, path, lang)
        .and_then(|page| with_preloads(&page, preload))
        .map_err(|e| format!("{}: {e}", at.display()))?;
    std::fs::write(at, page).map_err(|e| format!("{}: {e}", at.display()))
}

/// The data files a page's app fetches first, whatever its language: the page's own manifest,
/// the context (a file per language) and the bundles of its area.
#[derive(Clone)]
pub struct Preload {
    manifest: String,
    context: Text,
    bundles: Vec<String>,
}

impl Preload {
    /// The files in the order the app asks for them, with `lang`'s context.
    fn in_lang(&self, lang: Lang) -> Vec<String> {
        [self.manifest.as_str(), self.context.get(lang)]
            .into_iter()
            .chain(self.bundles.iter().map(String::as_str))
            .map(str::to_string)
            .collect()
    }
}

/// What an area's prerendered pages are drawn from: its profile, and the data of its views as
/// they open (their default indicator and set).
struct AreaPages {
    profile: ProfileData,
    /// The data files the profile loads (the manifest, the context, the area's bundles), the
    /// kommuner's cells and the map's shapes: preloaded by the area's pages that load them.
    files: Preload,
    cells: String,
    shapes: String,
    breakdown: BreakdownData,
    /// The comparison's set as it opens, which is the overview's too.
    compare: SetData,
    map: SetData,
}

/// Prerenders an area's profile and its views as they open, in `lang`. Returns how many pages
/// it wrote. The overview's page has its frame, its rug's places, not the cells
/// (`components::rug::rug_skeleton_html` says why), and its cards' faces.
fn write_area(
    dist: &Path,
    context: &Rc<ContextBundle>,
    data: &AreaPages,
    lang: Lang,
) -> Result<usize, String> {
    let code = &data.profile.area.code;
    let path = lang_path(&area_path(code), lang);
    write_copy(
        dist,
        &path,
        lang,
        &profile_html(data.profile.clone(), lang),
        &data.files.in_lang(lang),
    )?;
    let trend = TrendData {
        profile: data.profile.clone(),
        added: Vec::new(),
    };
    let at = |view| view_path(code, view, lang);
    let views = [
        (
            View::Trend,
            render(&at(View::Trend), context, trend, |data| {
                view! { <TrendBody data indicator=None /> }.into_any()
            }),
        ),
        (
            View::Population,
            render(
                &at(View::Population),
                context,
                data.profile.clone(),
                |data| view! { <PopulationBody data /> }.into_any(),
            ),
        ),
        (
            View::Breakdown,
            render(
                &at(View::Breakdown),
                context,
                data.breakdown.clone(),
                |data| view! { <BreakdownBody data /> }.into_any(),
            ),
        ),
        (
            View::Compare,
            render(&at(View::Compare), context, data.compare.clone(), |data| {
                let query = Memo::new(|_| Query::default());
                view! { <CompareBody data query /> }.into_any()
            }),
        ),
        (
            View::Map,
            render(&at(View::Map), context, data.map.clone(), |data| {
                let query = Memo::new(|_| Query::default());
                view! { <MapBody data query /> }.into_any()
            }),
        ),
        // The overview opens with the comparison's set.
        (
            View::Overview,
            render(&at(View::Overview), context, data.compare.clone(), |data| {
                let query = Memo::new(|_| Query::default());
                view! { <OverviewBody data query /> }.into_any()
            }),
        ),
    ];
    for (view, html) in &views {
        // As `api::set` loads them: the kommuner's cells for a view of a set, and the shapes
        // for a map.
        let extra = match view {
            View::Compare | View::Overview => vec![data.cells.clone()],
            View::Map => vec![data.cells.clone(), data.shapes.clone()],
            _ => Vec::new(),
        };
        let files = [data.files.in_lang(lang), extra].concat();
        write_copy(dist, &at(*view), lang, html, &files)?;
    }
    Ok(1 + views.len())
}

/// Prerenders every area with a route page under `dist`, and the pages that are not an area's
/// (`write_pages`), from the bundles in `dist/data`: exactly what the app would fetch. Returns
/// how many pages it wrote.
pub fn write_all(dist: &Path) -> Result<usize, String> {
    let data = dist.join("data");
    let read = |name: &str| {
        std::fs::read(data.join(name)).map_err(|e| format!("{}/{name}: {e}", data.display()))
    };
    let bytes = read("manifest.json")?;
    // What every page's app fetches first: the manifest by the name its page gives it, and
    // the context.
    let text = String::from_utf8(bytes.clone()).map_err(|e| e.to_string())?;
    let manifest = Manifest::parse(&text).map_err(|e| e.to_string())?;
    // Each language's texts travel in a file of their own; the pages of all three are drawn
    // from them made one.
    let [nb, nn, en] = Lang::ALL.map(|lang| {
        let file = manifest.context.get(lang);
        decode::<ContextBundle>(&read(file)?).map_err(|e| format!("{file}: {e}"))
    });
    let context = ContextBundle::joined(nb?, nn?, en?).map_err(|e| e.to_string())?;
    // With the kommuner's cells, which a comparison, a map or an overview loads (`api::set`);
    // a profile shows none of them.
    let kommuner = decode(&read(&manifest.cells)?)
        .and_then(|k| context.with_cells(k))
        .map_err(|e| format!("{}: {e}", manifest.cells))?;
    let context = Rc::new(kommuner);
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
    let landet = load(&AreaCode::landet())?;
    let shared = Preload {
        manifest: oppvekst_core::codec::versioned_name(&bytes),
        context: manifest.context.clone(),
        bundles: Vec::new(),
    };
    let file = |code: &AreaCode| manifest.areas.get(code).cloned();
    let shapes = manifest
        .geometry
        .get("maps")
        .ok_or("the manifest names no map shapes")?;
    let geometry: Rc<GeometryBundle> =
        Rc::new(decode(&read(shapes)?).map_err(|e| format!("{shapes}: {e}"))?);
    let mut n = 0;
    // Each profile, and its first data files, for the pages of the numbers that became it.
    let mut profiles = std::collections::HashMap::new();
    for a in context.registry.areas() {
        let code = &a.code;
        let kommune = match (code.level(), code.kommune()) {
            (Level::Bydel, Some(k)) => Some(load(&k)?),
            _ => None,
        };
        let profile = ProfileData {
            context: context.clone(),
            area: load(code)?,
            kommune,
            fylke: code.fylke_above().map(|f| load(&f)).transpose()?,
            landet: (code.level() != Level::Landet).then(|| landet.clone()),
        };
        // A view's set as the app would load it (`api::set`): the bydeler's bundles, and for
        // a map the shapes.
        let set = |map: bool| -> Result<SetData, String> {
            let (preset, set) = view_set(&context, code, None, &[], map);
            let bundles = bundles_needed(&set.codes)
                .iter()
                .map(&load)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(SetData {
                profile: profile.clone(),
                preset,
                set,
                bundles,
                geometry: map.then(|| geometry.clone()),
            })
        };
        // The profile's bundles, as `api::profile` loads them.
        let bundles = file(code)
            .into_iter()
            .chain(
                code.kommune()
                    .filter(|_| code.level() == Level::Bydel)
                    .and_then(|k| file(&k)),
            )
            .chain(
                (code.level() != Level::Landet)
                    .then(|| file(&AreaCode::landet()))
                    .flatten(),
            )
            // Its fylke's, whose cells are a comparator.
            .chain(code.fylke_above().and_then(|f| file(&f)))
            .collect::<Vec<_>>();
        let files = Preload {
            bundles,
            ..shared.clone()
        };
        profiles.insert(code.clone(), (profile.clone(), files.clone()));
        let pages = AreaPages {
            files,
            cells: manifest.cells.clone(),
            shapes: shapes.clone(),
            breakdown: BreakdownData {
                profile: profile.clone(),
                landet: landet.clone(),
            },
            compare: set(false)?,
            map: set(true)?,
            profile,
        };
        for lang in Lang::ALL {
            n += write_area(dist, &context, &pages, lang)?;
        }
    }
    n += write_retired(dist, &context, &profiles, &shared)?;
    Ok(n + write_pages(dist, &context, &shared)?)
}

/// Prerenders the page of each retired number's profile (`/kommune/1201`) in each language: the
/// notice and the top of the profile of the area it became, whose data files it preloads
/// (`profiles`), or the areas a split number became. Returns how many pages.
fn write_retired(
    dist: &Path,
    context: &Rc<ContextBundle>,
    profiles: &std::collections::HashMap<AreaCode, (ProfileData, Preload)>,
    shared: &Preload,
) -> Result<usize, String> {
    let mut n = 0;
    for (code, to) in retired_numbers(&context.old_codes) {
        let became = match to.as_slice() {
            [one] => profiles.get(&one.to),
            _ => None,
        };
        let files = became.map_or(shared, |(_, files)| files);
        let profile = became.map(|(profile, _)| profile.clone());
        for lang in Lang::ALL {
            let path = lang_path(&area_path(&code), lang);
            let data = (code.clone(), profile.clone());
            let html = render(&path, context, data, |(code, profile)| {
                view! { <RetiredCopy code profile /> }.into_any()
            });
            write_copy(dist, &path, lang, &html, &files.in_lang(lang))?;
            n += 1;
        }
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
            insert(page, "<p>hi</p>", "/nn/kommune/0301", Lang::Nn).unwrap(),
            "<html><body><div id=\"prerendered\" data-path=\"/nn/kommune/0301\" lang=\"nn\"><p>hi</p></div><noscript>x</noscript></body></html>"
        );
        assert!(insert("<body></body>", "x", "/", Lang::Nb).is_err());
    }

    #[test]
    fn the_404_page_carries_its_copy_in_the_other_languages_as_templates() {
        let page = "<body><div id=\"prerendered\" data-path=\"\" lang=\"nb\">x</div><noscript>n</noscript></body>";
        let others = [
            (Lang::Nn, "<p>nn</p>".to_string()),
            (Lang::En, "<p>en</p>".to_string()),
        ];
        assert_eq!(
            with_other_langs(page, &others).unwrap(),
            "<body><div id=\"prerendered\" data-path=\"\" lang=\"nb\">x</div>\
             <template id=\"prerendered-nn\"><div id=\"prerendered\" data-path=\"\" lang=\"nn\"><p>nn</p></div></template>\
             <template id=\"prerendered-en\"><div id=\"prerendered\" data-path=\"\" lang=\"en\"><p>en</p></div></template>\
             <noscript>n</noscript></body>"
        );
        assert!(with_other_langs("<body></body>", &others).is_err());
    }

    #[test]
    fn a_page_names_its_first_data_files_in_its_head() {
        let page = "<html><head><title>t</title></head><body></body></html>";
        let files = ["context-1.bin".to_string(), "area/0301-2.bin".to_string()];
        assert_eq!(
            with_preloads(page, &files).unwrap(),
            "<html><head><title>t</title><meta name=\"oppvekst-preload\" content=\"/data/context-1.bin /data/area/0301-2.bin\" /></head><body></body></html>"
        );
        assert_eq!(with_preloads(page, &[]).unwrap(), page);
        assert!(with_preloads("<body></body>", &files).is_err());
    }

    #[test]
    fn the_boot_failure_message_comes_first_once_in_every_language() {
        let html = boot_failure_html(&Lang::ALL);
        for text in ["Prøv igjen", "Sida kunne ikkje lastast ferdig", "Try again"] {
            assert!(html.contains(text), "{text}");
        }
        let nn = boot_failure_html(&[Lang::Nn]);
        assert!(nn.contains("Sida kunne ikkje lastast ferdig") && !nn.contains("Try again"));
        let page = "<html><body><noscript>x</noscript></body></html>";
        let once = insert_boot_failure(page, &html).unwrap();
        assert!(once.starts_with("<html><body><section id=\"boot-failed\""));
        assert_eq!(insert_boot_failure(&once, &html).unwrap(), once);
        assert!(insert_boot_failure("<html></html>", &html).is_err());
    }

    #[test]
    fn a_page_has_the_boot_failure_message_in_its_address_language_the_catch_alls_in_all() {
        let langs = |p: &str| boot_failure_langs(Path::new(p));
        assert_eq!(langs("kommune/0301/index.html"), [Lang::Nb]);
        assert_eq!(langs("nn/kommune/0301/kart/index.html"), [Lang::Nn]);
        assert_eq!(langs("en/index.html"), [Lang::En]);
        assert_eq!(langs("en/om/index.html"), [Lang::En]);
        assert_eq!(langs("index.html"), Lang::ALL);
        assert_eq!(langs("404.html"), Lang::ALL);
    }

    #[test]
    fn the_copy_has_no_hydration_markers() {
        assert_eq!(
            without_markers("<p>a<!>b</p><!--<() />--><!-- kept -->&lt;!&gt;"),
            "<p>ab</p><!-- kept -->&lt;!&gt;"
        );
    }
}
