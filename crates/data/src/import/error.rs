//! Why a whole file cannot be imported (a bad cell is a [`super::Problem`] instead).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Neither JSON nor a CSV with `;`.
    UnknownFormat,
    /// UTF-16 text (Excel's «Unicode text»), which neither reader takes.
    Utf16,
    /// JSON-stat 1.x (what the APIs send for plain `json-stat`), and what gave it away.
    JsonStat1(&'static str),
    /// Not valid JSON (truncated, not UTF-8 …): serde's message with line and column.
    Json(String),
    /// Valid JSON with a key twice in one object: which one the publisher meant is unknown.
    RepeatedKey(String),
    /// JSON, but not a JSON-stat dataset.
    NotADataset(String),
    /// No dimension with this role: `geo`, `time` or `measure`.
    MissingDimension(&'static str),
    /// The options name a dimension for a role that the file does not have.
    NamedDimension {
        role: &'static str,
        name: String,
        available: Vec<String>,
    },
    /// A dimension's categories disagree with `size`, or are malformed.
    DimensionShape { dimension: String, message: String },
    /// `value` is an array whose length is not the product of `size`.
    ValueLength { expected: usize, found: usize },
    /// A dimension with several categories that no filter selects.
    AmbiguousDimension {
        dimension: String,
        categories: Vec<String>,
    },
    /// A filter names a category the dimension does not have.
    FilterCategory { dimension: String, category: String },
    /// A filter names a dimension the file does not have (a typo would otherwise go unseen).
    UnknownFilter(String),
    /// None of the file's measures has a role.
    NoMeasure { available: Vec<String> },
    /// The CSV cannot be split into records (an unterminated quote).
    Csv { line: usize, message: String },
    /// A column the CSV must have.
    MissingColumn(&'static str),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::UnknownFormat => {
                write!(f, "neither JSON-stat nor a semicolon-separated CSV")
            }
            ImportError::Utf16 => write!(f, "the file is UTF-16; save it as UTF-8"),
            ImportError::JsonStat1(what) => write!(
                f,
                "the file is JSON-stat 1.x ({what}), which this importer does not read; ask the \
                 API for json-stat2 (JSON-stat 2.0) instead"
            ),
            ImportError::Json(m) => write!(f, "not valid JSON: {m}"),
            ImportError::RepeatedKey(m) => write!(f, "{m}; which one is meant is not known"),
            ImportError::NotADataset(m) => write!(f, "not a JSON-stat dataset: {m}"),
            ImportError::MissingDimension(role) => write!(f, "no {role} dimension"),
            ImportError::NamedDimension {
                role,
                name,
                available,
            } => write!(
                f,
                "the file has no dimension {name} to use as the {role} dimension; its dimensions \
                 are {}",
                available.join(", ")
            ),
            ImportError::DimensionShape { dimension, message } => {
                write!(f, "dimension {dimension}: {message}")
            }
            ImportError::ValueLength { expected, found } => write!(
                f,
                "`value` has {found} entries where `size` says {expected}"
            ),
            ImportError::AmbiguousDimension {
                dimension,
                categories,
            } => write!(
                f,
                "dimension {dimension} has {} categories ({}): choose one with a filter, e.g. {dimension}={}",
                categories.len(),
                preview(categories),
                categories.first().map(String::as_str).unwrap_or("")
            ),
            ImportError::FilterCategory {
                dimension,
                category,
            } => write!(f, "dimension {dimension} has no category «{category}»"),
            ImportError::UnknownFilter(d) => write!(f, "the file has no dimension {d} to filter"),
            ImportError::NoMeasure { available } => write!(
                f,
                "no measure has a role; the file has {}: map one, e.g. {}=num",
                preview(available),
                available.first().map(String::as_str).unwrap_or("CODE")
            ),
            ImportError::Csv { line, message } => write!(f, "line {line}: {message}"),
            ImportError::MissingColumn(c) => write!(f, "no {c} column"),
        }
    }
}

impl std::error::Error for ImportError {}

fn preview(items: &[String]) -> String {
    let mut s = items
        .iter()
        .take(8)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > 8 {
        s.push_str(", …");
    }
    s
}
