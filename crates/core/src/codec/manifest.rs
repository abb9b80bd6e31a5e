//! The manifest: the one file with a fixed name. It maps each bundle to its content-hashed file
//! name, so a browser cache can never mix files of two data versions.

use crate::area::AreaCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u16,
    /// The context file, relative to `data/`.
    pub context: String,
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

impl Manifest {
    /// Parses and checks a manifest: our format version, and only plain relative file names
    /// (a manifest must never send the app to another host or up the tree).
    pub fn parse(json: &str) -> Result<Manifest, ManifestError> {
        let m: Manifest =
            serde_json::from_str(json).map_err(|e| ManifestError::Json(e.to_string()))?;
        if m.format_version != super::FORMAT_VERSION {
            return Err(ManifestError::WrongVersion {
                expected: super::FORMAT_VERSION,
                found: m.format_version,
            });
        }
        let paths = std::iter::once(&m.context)
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
