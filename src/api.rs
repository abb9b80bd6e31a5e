//! The only module that touches the network. It fetches the manifest and the bundles, decodes
//! them with the core codec, and turns every failure into a [`LoadError`] value: offline, a
//! missing file, a server error or a corrupt file each get their own message in the page.
//!
//! Loaded files are kept for the session (the same context serves every page), and a failure
//! is never kept, so that «try again» really tries again.

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::{Get, GetUntracked, LocalResource, Memo};
use oppvekst_core::area::{AreaCode, Level};
use oppvekst_core::codec::{
    self, AreaBundle, Bundle, CellsBundle, ContextBundle, DecodeError, Manifest,
};
use oppvekst_core::explore::sets::{bundles_needed, view_set, AreaSet};
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_core::route::Preset;
use oppvekst_core::Lang;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::rc::Rc;
use std::thread::LocalKey;

/// Where the bundles are, relative to the document's `<base href>`.
const DATA_DIR: &str = "data/";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The browser says it has no network.
    Offline,
    /// The request failed for another reason (server down, blocked).
    Network(String),
    /// The file is not on the server.
    NotFound(String),
    Http {
        status: u16,
        url: String,
    },
    /// The file arrived but is not a valid bundle (or manifest) of our version.
    Corrupt {
        url: String,
        detail: String,
    },
    /// The code is well formed but names no area of the 2024 division.
    UnknownArea(AreaCode),
    /// A file the manifest in memory names is gone, and the server's manifest is another: a
    /// new version was deployed while this page was open. A reload (same address) gets it.
    NewVersion(String),
}

impl LoadError {
    /// A short technical description, shown under the translated message.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Offline => "navigator.onLine = false".into(),
            LoadError::Network(e) => e.clone(),
            LoadError::NotFound(url) => format!("404 {url}"),
            LoadError::Http { status, url } => format!("{status} {url}"),
            LoadError::Corrupt { url, detail } => format!("{url}: {detail}"),
            LoadError::UnknownArea(c) => c.to_string(),
            LoadError::NewVersion(url) => format!("404 {url}, manifest changed"),
        }
    }
}

thread_local! {
    static OFFLINE_COPY: RefCell<Vec<Box<dyn Fn()>>> = RefCell::new(Vec::new());
}

/// Calls `f` whenever a file arrives from the service worker's cache because the network
/// failed (the worker marks such answers with `x-oppvekst-offline: 1`).
pub fn on_offline_copy(f: impl Fn() + 'static) {
    OFFLINE_COPY.with(|l| l.borrow_mut().push(Box::new(f)));
}

fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Fetches a file's bytes. The server's `manifest.json` must never come from a stale cache (it
/// names the hashed files of the current data), the hashed files may.
async fn get_bytes(url: &str, revalidate: bool) -> Result<Vec<u8>, LoadError> {
    let mut req = Request::get(url);
    if revalidate {
        req = req.cache(web_sys::RequestCache::NoCache);
    }
    // Asked before the request starts: one that starts with a worker in charge passes through
    // it and is kept there.
    let past_worker = !crate::offline::worker_in_charge();
    let resp = req.send().await.map_err(|e| {
        if is_offline() {
            LoadError::Offline
        } else {
            LoadError::Network(e.to_string())
        }
    })?;
    if resp.headers().get("x-oppvekst-offline").as_deref() == Some("1") {
        OFFLINE_COPY.with(|l| l.borrow().iter().for_each(|f| f()));
    }
    match resp.status() {
        // For offline use (see `offline::keep`).
        200 if past_worker => crate::offline::keep(url),
        200 => {}
        404 => return Err(LoadError::NotFound(url.to_string())),
        status => {
            return Err(LoadError::Http {
                status,
                url: url.to_string(),
            })
        }
    }
    resp.binary()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))
}

async fn get_bundle<B: Bundle>(file: &str) -> Result<B, LoadError> {
    let url = format!("{DATA_DIR}{file}");
    let bytes = match get_bytes(&url, false).await {
        Err(LoadError::NotFound(url)) if deployed_since().await => {
            return Err(LoadError::NewVersion(url))
        }
        other => other?,
    };
    let bundle = codec::decode(&bytes).map_err(|e: DecodeError| LoadError::Corrupt {
        url,
        detail: e.to_string(),
    })?;
    // What waits for a large file (the context, the cells, a map) goes on in a task of its own:
    // on the national map, decoding them and drawing the view were one task of about 140 ms on
    // a phone.
    if bytes.len() > BIG_FILE {
        crate::tasks::next_task().await;
    }
    Ok(bundle)
}

/// A file whose decoding takes a phone over about 10 ms (a language's context is 44 kB, an
/// area's bundle 3 kB).
const BIG_FILE: usize = 16 * 1024;

type Pending<T> = Shared<LocalBoxFuture<'static, Result<Rc<T>, LoadError>>>;

thread_local! {
    static MANIFEST: Cache<(), Manifest> = RefCell::new(HashMap::new());
    static CONTEXT: Cache<Lang, ContextBundle> = RefCell::new(HashMap::new());
    static WITH_KOMMUNER: Cache<Lang, ContextBundle> = RefCell::new(HashMap::new());
    static AREAS: Cache<AreaCode, AreaBundle> = RefCell::new(HashMap::new());
}

type Cache<K, T> = RefCell<HashMap<K, Pending<T>>>;

/// Runs `load` once per key and shares its result with every caller, also with callers that
/// come while it is still loading; a failure is forgotten so that the next call loads again.
async fn once<K: Eq + Hash + Clone + 'static, T: 'static>(
    cache: &'static LocalKey<Cache<K, T>>,
    key: K,
    load: impl FnOnce() -> LocalBoxFuture<'static, Result<Rc<T>, LoadError>>,
) -> Result<Rc<T>, LoadError> {
    let pending = cache.with(|c| {
        c.borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| load().shared())
            .clone()
    });
    let result = pending.await;
    if result.is_err() {
        cache.with(|c| c.borrow_mut().remove(&key));
    }
    result
}

/// Whether the server's manifest differs from the one this page loaded: a deploy replaced the
/// files it names. A manifest that cannot be read says nothing.
async fn deployed_since() -> bool {
    let Ok(current) = manifest().await else {
        return false;
    };
    let url = format!("{DATA_DIR}manifest.json");
    let Ok(bytes) = get_bytes(&url, true).await else {
        return false;
    };
    crate::manifest::read(&bytes).is_ok_and(|fresh| fresh != *current)
}

/// The page's own manifest, as its meta tag names it (see `codec::manifest`): content-hashed,
/// so it may come from any cache. A page without the tag (a development build) takes the
/// server's current one, revalidated.
fn own_manifest() -> (String, bool) {
    let named = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{}\"]", codec::VERSION_META))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|name| codec::is_versioned_name(name));
    match named {
        Some(name) => (format!("{DATA_DIR}{name}"), false),
        None => (format!("{DATA_DIR}manifest.json"), true),
    }
}

pub async fn manifest() -> Result<Rc<Manifest>, LoadError> {
    once(&MANIFEST, (), || {
        async {
            let (url, revalidate) = own_manifest();
            let bytes = get_bytes(&url, revalidate).await?;
            crate::manifest::read(&bytes)
                .map(Rc::new)
                .map_err(|e| LoadError::Corrupt {
                    url,
                    detail: e.to_string(),
                })
        }
        .boxed_local()
    })
    .await
}

/// The context in `lang`: each language's texts travel in a file of their own
/// (`ContextBundle::in_lang`), which holds no text in the others.
pub async fn context(lang: Lang) -> Result<Rc<ContextBundle>, LoadError> {
    once(&CONTEXT, lang, || {
        async move {
            let m = manifest().await?;
            get_bundle::<ContextBundle>(m.context.get(lang))
                .await
                .map(Rc::new)
        }
        .boxed_local()
    })
    .await
}

/// The context as a resource of a view, in the page's language: `follow` for a view that
/// shows its texts, which loads the new language's when the reader switches; a view that reads
/// only the registry and the old numbers (alike in every language) keeps the one it has. One
/// function for every view, so that the wasm has one copy of a resource's machinery for all.
pub fn context_resource(
    lang: Memo<Lang>,
    follow: bool,
) -> LocalResource<Result<Rc<ContextBundle>, LoadError>> {
    LocalResource::new(move || {
        context(match follow {
            true => lang.get(),
            false => lang.get_untracked(),
        })
    })
}

/// The context with the cells of landet, every fylke and every kommune
/// ([`ContextBundle::with_cells`]): what the views that set areas side by side read. A profile
/// never waits for them.
pub async fn context_with_cells(lang: Lang) -> Result<Rc<ContextBundle>, LoadError> {
    once(&WITH_KOMMUNER, lang, || {
        async move {
            let m = manifest().await?;
            let (context, kommuner) =
                futures::join!(context(lang), get_bundle::<CellsBundle>(&m.cells));
            context?
                .with_cells(kommuner?)
                .map(Rc::new)
                .map_err(|e| LoadError::Corrupt {
                    url: format!("{DATA_DIR}{}", m.cells),
                    detail: e.to_string(),
                })
        }
        .boxed_local()
    })
    .await
}

pub async fn area(code: &AreaCode) -> Result<Rc<AreaBundle>, LoadError> {
    once(&AREAS, code.clone(), || {
        let code = code.clone();
        async move {
            let m = manifest().await?;
            let file = m
                .areas
                .get(&code)
                .ok_or_else(|| LoadError::UnknownArea(code.clone()))?;
            let bundle = get_bundle::<AreaBundle>(file).await?;
            if bundle.code != code {
                return Err(LoadError::Corrupt {
                    url: file.clone(),
                    detail: format!("holds area {}, not {code}", bundle.code),
                });
            }
            Ok(Rc::new(bundle))
        }
        .boxed_local()
    })
    .await
}

/// Everything one profile page shows: the shared context, the area, and for a bydel its
/// kommune (a bydel is set against its kommune as well as landet).
#[derive(Clone)]
pub struct ProfileData {
    /// The context with at least landet's and the area's fylke's cells as comparators
    /// (`ContextBundle::with_comparators`).
    pub context: Rc<ContextBundle>,
    pub area: Rc<AreaBundle>,
    pub kommune: Option<Rc<AreaBundle>>,
    /// The fylke's bundle of a kommune or a bydel (its cells are a comparator, its population
    /// one of the key figures).
    pub fylke: Option<Rc<AreaBundle>>,
    /// Landet's bundle (3 kB): the comparator of every page, its population and ages, and its
    /// groups beside the area's in the theme's figures; `None` for landet's own profile.
    pub landet: Option<Rc<AreaBundle>>,
}

impl ProfileData {
    /// Landet's bundle, which is the area's own on landet's page.
    pub fn landet_bundle(&self) -> &AreaBundle {
        self.landet.as_deref().unwrap_or(&self.area)
    }

    /// The bundles the area is compared with, in order: a bydel's kommune, the fylke, landet.
    pub fn above(&self) -> Vec<&AreaBundle> {
        [&self.kommune, &self.fylke, &self.landet]
            .into_iter()
            .filter_map(|b| b.as_deref())
            .collect()
    }
}

/// Loads a profile; the context and the bundles load in parallel. Its comparators come from
/// landet's and the fylke's own bundles (6 kB), not from the cells of every fylke (54 kB).
pub async fn profile(code: &AreaCode, lang: Lang) -> Result<ProfileData, LoadError> {
    profile_in(code, context(lang), true).await
}

/// A bundle a profile needs beside its area's, as `Some`, or `None` where `code` is `None`.
async fn bundle_of(code: Option<AreaCode>) -> Result<Option<Rc<AreaBundle>>, LoadError> {
    match code {
        Some(c) => area(&c).await.map(Some),
        None => Ok(None),
    }
}

/// Loads a profile with the context `context` gives, all in parallel; `own_comparators` sets
/// the comparators from landet's and the fylke's bundles, for a context without them.
async fn profile_in(
    code: &AreaCode,
    context: impl std::future::Future<Output = Result<Rc<ContextBundle>, LoadError>>,
    own_comparators: bool,
) -> Result<ProfileData, LoadError> {
    let level = code.level();
    let kommune = bundle_of(code.kommune().filter(|_| level == Level::Bydel));
    let landet = bundle_of((level != Level::Landet).then(AreaCode::landet));
    let fylke = bundle_of(code.fylke_above());
    let (context, area, kommune, landet, fylke) =
        futures::join!(context, area(code), kommune, landet, fylke);
    let (context, area, kommune, landet, fylke) = (context?, area?, kommune?, landet?, fylke?);
    let corrupt = |e: DecodeError| LoadError::Corrupt {
        url: code.to_string(),
        detail: e.to_string(),
    };
    context.check_area(&area).map_err(corrupt)?;
    let context = if own_comparators {
        // Landet's and the fylke's, or the area's own where it is one of them.
        let mut own: Vec<&AreaBundle> = vec![landet.as_deref().unwrap_or(&area)];
        own.extend(
            fylke
                .as_deref()
                .or((level == Level::Fylke).then_some(&*area)),
        );
        Rc::new(context.with_comparators(&own).map_err(corrupt)?)
    } else {
        context
    };
    Ok(ProfileData {
        context,
        area,
        kommune,
        fylke,
        landet,
    })
}

/// A trend view's data: the profile's, and the bundles of the areas the reader added. An added
/// area that does not exist is left out rather than failing the view: the address may be old
/// or edited by hand.
#[derive(Clone)]
pub struct TrendData {
    pub profile: ProfileData,
    pub added: Vec<Rc<AreaBundle>>,
}

pub async fn trend(
    code: &AreaCode,
    added: &[AreaCode],
    lang: Lang,
) -> Result<TrendData, LoadError> {
    let profile = profile(code, lang).await?;
    let known = added
        .iter()
        .filter(|c| profile.context.registry.get(c).is_some());
    // The added areas' bundles load together: on a slow phone network, one after the other
    // would cost a round trip each.
    let added = futures::future::join_all(known.map(area))
        .await
        .into_iter()
        .collect::<Result<_, LoadError>>()?;
    Ok(TrendData { profile, added })
}

thread_local! {
    static GEOMETRY: Cache<(), GeometryBundle> = RefCell::new(HashMap::new());
}

/// The map shapes, loaded once and only by a view that draws a map.
pub async fn geometry() -> Result<Rc<GeometryBundle>, LoadError> {
    once(&GEOMETRY, (), || {
        async {
            let m = manifest().await?;
            let file = m
                .geometry
                .get("maps")
                .ok_or_else(|| LoadError::NotFound("geometry".into()))?
                .clone();
            get_bundle::<GeometryBundle>(&file).await.map(Rc::new)
        }
        .boxed_local()
    })
    .await
}

/// The bundles of several areas, loaded together (a city's bydeler for a comparison or a
/// map): on a phone network, one after the other would cost a round trip each.
pub async fn areas(codes: &[AreaCode]) -> Result<Vec<Rc<AreaBundle>>, LoadError> {
    futures::future::join_all(codes.iter().map(area))
        .await
        .into_iter()
        .collect()
}

/// What a comparison, a map or an overview shows: the profile's data with every area's cells in
/// its context (`context_with_cells`), the set's areas, the bundles of the bydeler among them
/// (kommuner and fylker are in the context), and for a map the shapes.
#[derive(Clone)]
pub struct SetData {
    pub profile: ProfileData,
    /// The preset shown: the one asked for, or the area's default.
    pub preset: Preset,
    pub set: AreaSet,
    pub bundles: Vec<Rc<AreaBundle>>,
    pub geometry: Option<Rc<GeometryBundle>>,
}

impl SetData {
    pub fn bundle_refs(&self) -> Vec<&AreaBundle> {
        self.bundles.iter().map(Rc::as_ref).collect()
    }
}

/// Loads a set's data; the shapes load beside the bundles. A map (`with_map`) reads `asked`
/// as its extent.
pub async fn set(
    code: &AreaCode,
    asked: Option<Preset>,
    chosen: &[AreaCode],
    with_map: bool,
    lang: Lang,
) -> Result<SetData, LoadError> {
    let profile = profile_in(code, context_with_cells(lang), false).await?;
    let (preset, set) = view_set(&profile.context, code, asked, chosen, with_map);
    let needed = bundles_needed(&set.codes);
    let shapes = async {
        if with_map {
            geometry().await.map(Some)
        } else {
            Ok(None)
        }
    };
    let (bundles, geometry) = futures::join!(areas(&needed), shapes);
    Ok(SetData {
        profile,
        preset,
        set,
        bundles: bundles?,
        geometry: geometry?,
    })
}

/// A breakdown view's data: the profile's, and landet's bundle, whose categories the area's
/// are set against.
#[derive(Clone)]
pub struct BreakdownData {
    pub profile: ProfileData,
    pub landet: Rc<AreaBundle>,
}

pub async fn breakdown(code: &AreaCode, lang: Lang) -> Result<BreakdownData, LoadError> {
    let landet_code = AreaCode::landet();
    let (profile, landet) = futures::join!(profile(code, lang), area(&landet_code));
    Ok(BreakdownData {
        profile: profile?,
        landet: landet?,
    })
}
