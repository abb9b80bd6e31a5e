//! What can be wrong with the catalogue or the theme texts, said precisely enough that the person
//! editing the TOML by hand can find the line.

use super::periods::PeriodError;
use oppvekst_core::indicator::{Group, TestKind, Unit};
use oppvekst_core::Lang;
use std::fmt;
use std::path::PathBuf;

/// An error in `data/catalogue.toml` or `data/themes.toml`.
///
/// `at` names the place: an indicator's id (or `indicator #3` while its id is unknown), or a
/// theme section such as `lever #2`.
#[derive(Debug)]
pub enum CatalogueError {
    /// The file could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    Syntax(toml::de::Error),
    MissingField {
        at: String,
        field: String,
    },
    /// A key the format does not know, most often a typo that would otherwise be ignored.
    UnknownField {
        at: String,
        field: String,
    },
    /// A value of the wrong type, or an enum value that is not a Rust variant name.
    InvalidField {
        at: String,
        field: String,
        message: String,
    },
    /// A text is missing or blank in one language.
    MissingText {
        at: String,
        field: String,
        lang: Lang,
    },
    DuplicateId {
        id: String,
    },
    /// The statistical test does not fit the unit (Binomial needs Percent, Poisson needs
    /// Per1000, changes and counts cannot be tested).
    TestUnitMismatch {
        at: String,
        test: TestKind,
        unit: Unit,
    },
    Periods {
        at: String,
        error: PeriodError,
    },
    NoIndicators,
    /// A barometer group has no theme text.
    MissingGroup {
        group: Group,
    },
    DuplicateGroup {
        group: Group,
    },
    /// The app lays out exactly six levers.
    LeverCount {
        found: usize,
    },
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CatalogueError::*;
        match self {
            Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Syntax(e) => write!(f, "not valid TOML: {e}"),
            MissingField { at, field } => write!(f, "{at}: field `{field}` is missing"),
            UnknownField { at, field } => write!(f, "{at}: unknown field `{field}`"),
            InvalidField { at, field, message } => {
                write!(f, "{at}: field `{field}`: {message}")
            }
            MissingText { at, field, lang } => {
                write!(f, "{at}: `{field}` has no text in `{}`", lang.code())
            }
            DuplicateId { id } => write!(f, "id `{id}` is used more than once"),
            TestUnitMismatch { at, test, unit } => {
                write!(f, "{at}: test {test:?} does not fit unit {unit:?}")
            }
            Periods { at, error } => write!(f, "{at}: periods: {error}"),
            NoIndicators => write!(f, "the catalogue has no indicators"),
            MissingGroup { group } => write!(f, "no theme text for group {group:?}"),
            DuplicateGroup { group } => write!(f, "group {group:?} has more than one theme text"),
            LeverCount { found } => write!(f, "expected 6 levers, found {found}"),
        }
    }
}

impl std::error::Error for CatalogueError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CatalogueError::Io { source, .. } => Some(source),
            CatalogueError::Syntax(e) => Some(e),
            _ => None,
        }
    }
}
