//! The manifest: the one file with a fixed name. It maps each bundle to its content-hashed file
//! name, so a browser cache can never mix files of two data versions.
//!
//! A build serves it twice: as `manifest.json`, which always says what the server has now, and
//! under its own content hash ([`versioned_name`]), which every page names in a meta tag
//! ([`VERSION_META`]). A page kept for offline use thus only ever meets the manifest it was
//! built with, and with it only bundles of its own version, whatever was deployed since.

use crate::area::AreaCode;
use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u16,
    /// The context file of each language (`ContextBundle::in_lang`), relative to `data/`: a
    /// name per language, held as the catalogue holds a text in each.
    pub context: Text,
    /// Every kommune's latest cells (`CellsBundle`), relative to `data/`: loaded by the
    /// views that set kommuner side by side, never by a profile.
    pub cells: String,
    /// One file per area, relative to `data/`.
    pub areas: BTreeMap<AreaCode, String>,
    /// Geometry files by name (`kommuner`, `fylker`, `bydeler`), relative to `data/`.
    #[serde(default)]
    pub geometry: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestError {
    Json(String),
    WrongVersion { expected: u16, found: u16 },
    BadPath(String),
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ManifestError::Json(e) => write!(f, "unreadable manifest: {e}"),
            ManifestError::WrongVersion { expected, found } => {
                write!(f, "data format {found}, this app reads {expected}")
            }
            ManifestError::BadPath(p) => write!(f, "bad file name in manifest: {p}"),
        }
    }
}

impl std::error::Error for ManifestError {}

/// The `name` of the `<meta>` whose `content` is the page's own manifest, [`versioned_name`].
pub const VERSION_META: &str = "oppvekst-manifest";

/// The `name` of the `<meta>` whose `content` lists, space-separated, the data files the page's
/// app fetches first (its manifest, the context, its area's bundles): the boot script preloads
/// them after the first paint, beside the wasm.
pub const PRELOAD_META: &str = "oppvekst-preload";

/// The name a build serves a manifest's bytes under: `manifest-HASH.json`.
pub fn versioned_name(json: &[u8]) -> String {
    format!("manifest-{}.json", super::content_hash(json))
}

/// Whether `name` is a name [`versioned_name`] gives (and so a plain file in `data/`): what a
/// page's meta tag may name, and nothing else.
pub fn is_versioned_name(name: &str) -> bool {
    name.strip_prefix("manifest-")
        .and_then(|n| n.strip_suffix(".json"))
        .is_some_and(|h| {
            h.len() == 8
                && h.bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        })
}

impl Manifest {
    /// Parses and checks a manifest ([`Manifest::checked`]).
    pub fn parse(json: &str) -> Result<Manifest, ManifestError> {
        serde_json::from_str::<Manifest>(json)
            .map_err(|e| ManifestError::Json(e.to_string()))?
            .checked()
    }

    /// Checks a manifest, however it was read (the app reads it with the browser's JSON parser,
    /// so as to carry no parser of its own): our format version, and only plain relative file
    /// names (a manifest must never send the app to another host or up the tree).
    pub fn checked(self) -> Result<Manifest, ManifestError> {
        let m = self;
        if m.format_version != super::FORMAT_VERSION {
            return Err(ManifestError::WrongVersion {
                expected: super::FORMAT_VERSION,
                found: m.format_version,
            });
        }
        let paths = [&m.context.nb, &m.context.nn, &m.context.en, &m.cells]
            .into_iter()
            .chain(m.areas.values())
            .chain(m.geometry.values());
        for p in paths {
            let ok = !p.is_empty()
                && !p.starts_with('/')
                && !p.contains("..")
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
            if !ok {
                return Err(ManifestError::BadPath(p.clone()));
            }
        }
        Ok(m)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a manifest serialises") + "\n"
    }
}
