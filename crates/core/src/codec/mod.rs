//! The bundle codec: a small versioned, checksummed envelope around a postcard payload.
//!
//! Layout (little endian): `OPVK` magic, format version `u16`, kind `u8`, reserved `u8`, payload
//! length `u32`, CRC-32 of the payload `u32`, then the payload: postcard, with the bulk (cells
//! and population counts) in delta-coded columns ([`packed`]). Format 2 brought the columns and
//! indicator indices in place of ids, format 5 the themes' direction sentences
//! (`Themes::immigrant_direction`), format 6 the old numbers' names (`OldCode::name`), format 7
//! the comparators' and the kommuner's cells in a file of their own (`CellsBundle`), with the
//! spreads and ranks the profiles show in the context and the areas' bundles, and the context
//! without landet's and the fylker's population (their bundles have it); a file of any other
//! version is refused as `WrongVersion`.
//! [`decode`] checks every part of the envelope before it parses the payload, then validates
//! what it parsed, so that a stale, truncated or corrupt file becomes a typed [`DecodeError`]
//! and never a panic. The decoder is a fuzz target.

mod bundle;
mod manifest;
pub mod packed;
mod series;

pub use bundle::{AreaBundle, CellsBundle, ContextBundle};
pub use manifest::{
    is_versioned_name, versioned_name, Manifest, ManifestError, PRELOAD_META, VERSION_META,
};
pub use series::{cell_at, Series, SeriesRef, SeriesSet};

use serde::{de::DeserializeOwned, Serialize};
use std::fmt;

pub const MAGIC: [u8; 4] = *b"OPVK";
/// Bump on any change to a bundle's payload or to the manifest's shape (format 8: a context file
/// per language); the app only reads its own version.
pub const FORMAT_VERSION: u16 = 8;
pub const HEADER_LEN: usize = 16;

/// Which bundle a file holds; a context file can never be read as an area file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Context = 1,
    Area = 2,
    Geometry = 3,
    Cells = 4,
}

impl Kind {
    fn from_u8(b: u8) -> Option<Kind> {
        match b {
            1 => Some(Kind::Context),
            2 => Some(Kind::Area),
            3 => Some(Kind::Geometry),
            4 => Some(Kind::Cells),
            _ => None,
        }
    }
}

/// Why bytes are not a valid bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Fewer bytes than the header, or than the header says.
    Truncated { expected: usize, found: usize },
    /// Not one of our files at all (an HTML error page, say).
    BadMagic,
    /// Written by another version of the pipeline.
    WrongVersion { expected: u16, found: u16 },
    /// A bundle of another kind, or an unknown kind.
    WrongKind { expected: u8, found: u8 },
    /// Bytes after the payload.
    TrailingBytes(usize),
    /// The payload does not match its checksum: flipped bytes.
    Checksum { expected: u32, found: u32 },
    /// The payload does not parse.
    Payload(String),
    /// The payload parses but breaks a rule of the data (lengths, codes, sums).
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Truncated { expected, found } => {
                write!(f, "truncated bundle: {found} of {expected} bytes")
            }
            DecodeError::BadMagic => write!(f, "not an oppvekst bundle"),
            DecodeError::WrongVersion { expected, found } => {
                write!(f, "bundle format {found}, this app reads {expected}")
            }
            DecodeError::WrongKind { expected, found } => {
                write!(f, "bundle of kind {found}, expected {expected}")
            }
            DecodeError::TrailingBytes(n) => write!(f, "{n} bytes after the bundle"),
            DecodeError::Checksum { expected, found } => {
                write!(f, "checksum {found:08x}, expected {expected:08x}")
            }
            DecodeError::Payload(e) => write!(f, "unreadable bundle: {e}"),
            DecodeError::Invalid(e) => write!(f, "invalid bundle: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A type that travels as a bundle of one kind, and knows how to check itself after decoding.
pub trait Bundle: Serialize + DeserializeOwned {
    const KIND: Kind;
    fn validate(&self) -> Result<(), DecodeError>;
}

/// Writes a bundle with its envelope. The bytes depend only on the value: same data, same file.
pub fn encode<B: Bundle>(bundle: &B) -> Vec<u8> {
    let payload = postcard::to_allocvec(bundle).expect("postcard serialises plain data");
    envelope(B::KIND, &payload)
}

/// `payload` behind a valid header of `kind`. The fuzz targets and their regression tests use
/// it too, to reach the payload parser behind the checksum.
pub fn envelope(kind: Kind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(kind as u8);
    out.push(0);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Reads and validates a bundle of kind `B::KIND`.
pub fn decode<B: Bundle>(bytes: &[u8]) -> Result<B, DecodeError> {
    let payload = open_envelope(bytes, B::KIND)?;
    let value: B =
        postcard::from_bytes(payload).map_err(|e| DecodeError::Payload(e.to_string()))?;
    value.validate()?;
    Ok(value)
}

fn le_u32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Checks the envelope and returns the payload it wraps.
fn open_envelope(bytes: &[u8], kind: Kind) -> Result<&[u8], DecodeError> {
    if bytes.len() < 4 || bytes[..4] != MAGIC {
        // A short file that starts like ours is truncated; anything else is not ours.
        return Err(if MAGIC.starts_with(bytes) && !bytes.is_empty() {
            DecodeError::Truncated {
                expected: HEADER_LEN,
                found: bytes.len(),
            }
        } else {
            DecodeError::BadMagic
        });
    }
    if bytes.len() < HEADER_LEN {
        return Err(DecodeError::Truncated {
            expected: HEADER_LEN,
            found: bytes.len(),
        });
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if version != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion {
            expected: FORMAT_VERSION,
            found: version,
        });
    }
    if Kind::from_u8(bytes[6]) != Some(kind) {
        return Err(DecodeError::WrongKind {
            expected: kind as u8,
            found: bytes[6],
        });
    }
    let len = le_u32(&bytes[8..12]) as usize;
    let body = &bytes[HEADER_LEN..];
    if body.len() < len {
        return Err(DecodeError::Truncated {
            expected: HEADER_LEN.saturating_add(len),
            found: bytes.len(),
        });
    }
    if body.len() > len {
        return Err(DecodeError::TrailingBytes(body.len() - len));
    }
    let expected = le_u32(&bytes[12..16]);
    let found = crc32fast::hash(body);
    if expected != found {
        return Err(DecodeError::Checksum { expected, found });
    }
    Ok(body)
}

/// A short content hash for file names (`area/0301-1a2b3c4d.bin`): the CRC-32 of the file.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:08x}", crc32fast::hash(bytes))
}

#[cfg(test)]
pub(crate) mod tests;
