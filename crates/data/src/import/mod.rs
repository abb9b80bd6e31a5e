//! Importers for the formats FHI and SSB publish: real indicator values that replace modelled ones.
//!
//! A file (JSON-stat 2.0 from SSB or FHI, or an FHI CSV export) becomes an [`ImportReport`]: cells
//! on 2024 borders, keyed by area and period, plus every [`Problem`] met on the way. Nothing is
//! dropped without a problem that names the file and the row, except cells that carry nothing
//! (`..`, null) for a code that cannot be placed: they have no value to lose.
//!
//! A file that cannot be read at all is an [`ImportError`] instead.

mod assemble;
mod checks;
pub mod codes;
mod csv;
mod error;
mod fhi_csv;
mod jsonstat;
pub mod normalised;
pub mod period;
mod reading;
mod strict_json;

pub use codes::{normalise_code, CodeMap, CodeMapError, Resolution};
pub use error::ImportError;
pub use normalised::{read_normalised, write_normalised, Normalised, NormalisedError};
pub use period::parse_period;

use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::{Cell, Flag, Period, Unit};
use std::collections::BTreeMap;
use std::str::FromStr;

/// One imported value on 2024 borders. Flagged cells carry no numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedCell {
    pub area: AreaCode,
    pub period: Period,
    pub num: Option<f64>,
    pub den: Option<f64>,
    /// The published rate (RATE, MEIS, a percentage), kept for checks: the bundles use counts.
    pub value: Option<f64>,
    pub flag: Flag,
}

/// Something in a file that could not be used as it stands.
///
/// Ordered by file, then row as a number, then message (the derived order follows the fields),
/// so that row 11 comes before row 100 as it does in the file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    /// The 1-based line for CSV; for JSON-stat the 0-based position in `value` (as in its
    /// keys); 0 for a problem that is about no single row.
    pub row: usize,
    pub message: String,
}

/// What an import produced: the cells (sorted by area, then period) and the problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub cells: Vec<ImportedCell>,
    pub problems: Vec<Problem>,
}

impl ImportReport {
    pub fn cell(&self, area: &str, period: Period) -> Option<&ImportedCell> {
        self.cells
            .iter()
            .find(|c| c.area.as_str() == area && c.period == period)
    }
}

/// The problems in file order (file, then row as a number, then message), each once.
///
/// Sorting the formatted `file:row: message` lines instead would put row 100 before row 11.
pub fn sorted_problems(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort();
    problems.dedup();
    problems
}

/// The two kinds of file the importers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    JsonStat,
    FhiCsv,
}

impl Format {
    /// JSON-stat starts with `{`; an FHI CSV has a `;` in its header line.
    ///
    /// UTF-16 text is looked at as the text it holds, so that the import can say what is wrong
    /// with it (its encoding) rather than that it is neither format.
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        match utf16_text(bytes) {
            Some(text) => Format::detect_utf8(text.as_bytes()),
            None => Format::detect_utf8(bytes),
        }
    }

    fn detect_utf8(bytes: &[u8]) -> Option<Format> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = &bytes[start..];
        if rest[0] == b'{' {
            return Some(Format::JsonStat);
        }
        let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        rest[..line_end].contains(&b';').then_some(Format::FhiCsv)
    }
}

/// How many leading bytes are enough to tell UTF-16 without a BOM.
const UTF16_SAMPLE: usize = 256;

/// Whether the bytes are UTF-16: a BOM (FF FE, FE FF), or every other byte 0 as ASCII text in
/// UTF-16 has. Excel's «Unicode text» export is UTF-16, and a user may save a table that way.
pub fn is_utf16(bytes: &[u8]) -> bool {
    utf16_order(bytes).is_some()
}

/// `Some(true)` for little-endian, `Some(false)` for big-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(true);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(false);
    }
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zero_at = |odd: bool| {
        sample
            .chunks_exact(2)
            .all(|p| p[usize::from(odd)] == 0 && p[usize::from(!odd)] != 0)
    };
    if zero_at(true) {
        Some(true)
    } else if zero_at(false) {
        Some(false)
    } else {
        None
    }
}

/// The start of a UTF-16 file as text (enough to tell the format), else `None`.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    let little = utf16_order(bytes)?;
    // The first line is all that detection looks at.
    let head = &bytes[..bytes.len().min(8192)];
    let units = head.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Some(text.trim_start_matches('\u{feff}').to_string())
}

/// What a measure (a JSON-stat metric category, or a CSV column) contributes to a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureRole {
    Num,
    Den,
    Value,
}

impl FromStr for MeasureRole {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "num" | "teller" => Ok(MeasureRole::Num),
            "den" | "nevner" => Ok(MeasureRole::Den),
            "value" | "rate" | "verdi" => Ok(MeasureRole::Value),
            _ => Err(format!("unknown measure role «{s}»: use num, den or value")),
        }
    }
}

/// FHI's measure codes; used when the caller names none.
pub const DEFAULT_MEASURES: [(&str, MeasureRole); 4] = [
    ("TELLER", MeasureRole::Num),
    ("NEVNER", MeasureRole::Den),
    ("MEIS", MeasureRole::Value),
    ("RATE", MeasureRole::Value),
];

/// How to read a file: which category of each extra dimension, and what each measure means.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// `("KJONN", "0")`: keep that category of the dimension (matched without regard to case).
    pub filters: Vec<(String, String)>,
    /// Measure code → role. Empty means [`DEFAULT_MEASURES`]; a non-empty list replaces them.
    /// Where two measures have the same role, the first listed that the file has is used.
    pub measures: Vec<(String, MeasureRole)>,
    /// The numerator counts a subset of the denominator (a share of persons), so `num > den` is
    /// an error in the file. Off for rates of events and for changes.
    pub shares: bool,
    /// The indicator's unit, from the catalogue: with it, a share or rate needs both counts and
    /// a published value must follow from them. `None` checks only that counts are whole.
    pub unit: Option<Unit>,
    /// The published value is age-standardised (MEIS), so it is compared with num/den loosely.
    pub standardised: bool,
    /// The dimension (JSON-stat) that holds the areas, the periods and the measures, for a file
    /// without `role` whose ids are not the usual ones (`Kommune`, `Periode`, `Maal`). Set, it
    /// replaces the search by role and id; the file must have it.
    pub geo_dimension: Option<String>,
    pub time_dimension: Option<String>,
    pub measure_dimension: Option<String>,
}

impl ImportOptions {
    /// Parses `KEY=VALUE` arguments as the CLI gets them (`KJONN=0`, `Personer1=num`).
    pub fn from_args(filters: &[&str], measures: &[&str]) -> Result<ImportOptions, String> {
        let pair = |s: &&str| -> Result<(String, String), String> {
            let (k, v) = s
                .split_once('=')
                .ok_or_else(|| format!("«{s}» is not KEY=VALUE"))?;
            Ok((k.trim().to_string(), v.trim().to_string()))
        };
        let filters = filters.iter().map(pair).collect::<Result<_, _>>()?;
        let measures = measures
            .iter()
            .map(|s| {
                let (k, v) = pair(s)?;
                Ok((k, v.parse()?))
            })
            .collect::<Result<_, String>>()?;
        Ok(ImportOptions {
            filters,
            measures,
            ..ImportOptions::default()
        })
    }

    /// The role of a measure code, if it has one.
    pub(crate) fn role_of(&self, code: &str) -> Option<MeasureRole> {
        if self.measures.is_empty() {
            DEFAULT_MEASURES
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(code))
                .map(|(_, r)| *r)
        } else {
            self.measures
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(code))
                .map(|(_, r)| *r)
        }
    }

    /// The listed order of a measure code, for choosing between measures of the same role.
    pub(crate) fn rank_of(&self, code: &str) -> usize {
        let pos = if self.measures.is_empty() {
            DEFAULT_MEASURES
                .iter()
                .position(|(c, _)| c.eq_ignore_ascii_case(code))
        } else {
            self.measures
                .iter()
                .position(|(c, _)| c.eq_ignore_ascii_case(code))
        };
        pos.unwrap_or(usize::MAX)
    }

    pub(crate) fn filter_for(&self, dimension: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(d, _)| d.eq_ignore_ascii_case(dimension))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one file of either format and places its cells on 2024 borders.
///
/// `known` says whether an area (after mapping) is in the registry.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    codes: &CodeMap,
    known: &dyn Fn(&AreaCode) -> bool,
) -> Result<ImportReport, ImportError> {
    if is_utf16(bytes) {
        return Err(ImportError::Utf16);
    }
    let format = Format::detect(bytes).ok_or(ImportError::UnknownFormat)?;
    import_as(format, name, bytes, opts, codes, known)
}

/// As [`import_bytes`], for a caller that knows the format.
pub fn import_as(
    format: Format,
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    codes: &CodeMap,
    known: &dyn Fn(&AreaCode) -> bool,
) -> Result<ImportReport, ImportError> {
    // Read as UTF-8 or Latin-1, UTF-16 would come out as text with a NUL between letters.
    if is_utf16(bytes) {
        return Err(ImportError::Utf16);
    }
    let parsed = match format {
        Format::JsonStat => jsonstat::read(bytes, opts)?,
        Format::FhiCsv => fhi_csv::read(bytes, opts)?,
    };
    Ok(assemble::assemble(name, parsed, opts, codes, known))
}

/// Lines the imported cells up with an indicator's periods for the given areas.
///
/// Counts are rounded to whole numbers (FHI publishes yearly averages over 3-year periods). A cell
/// that is absent, or has no numerator (only a rate), becomes [`Flag::Missing`]; the import has
/// already reported the latter as a problem.
pub fn to_cells(
    report: &ImportReport,
    periods: &[Period],
    areas: &[AreaCode],
) -> BTreeMap<AreaCode, Vec<Cell>> {
    let by_key: BTreeMap<(&AreaCode, Period), &ImportedCell> = report
        .cells
        .iter()
        .map(|c| ((&c.area, c.period), c))
        .collect();
    areas
        .iter()
        .map(|area| {
            let cells = periods
                .iter()
                .map(|p| match by_key.get(&(area, *p)) {
                    Some(c) => to_cell(c),
                    None => Cell::flagged(Flag::Missing),
                })
                .collect();
            (area.clone(), cells)
        })
        .collect()
}

fn to_cell(c: &ImportedCell) -> Cell {
    if c.flag != Flag::Ok {
        return Cell::flagged(c.flag);
    }
    match c.num {
        Some(num) => Cell::ok(count(num), c.den.map(count).unwrap_or(0)),
        None => Cell::flagged(Flag::Missing),
    }
}

/// Counts were checked to be within `0..=u32::MAX` on import; the clamp keeps a hand-built
/// report from wrapping.
fn count(v: f64) -> u32 {
    v.round().clamp(0.0, u32::MAX as f64) as u32
}

/// The imported cells that [`to_cells`] leaves out because their area or period is not asked
/// for, as problems, so that a caller can show what was not used.
pub fn outside(
    name: &str,
    report: &ImportReport,
    periods: &[Period],
    areas: &[AreaCode],
) -> Vec<Problem> {
    report
        .cells
        .iter()
        .filter(|c| !periods.contains(&c.period) || !areas.contains(&c.area))
        .map(|c| Problem {
            file: name.to_string(),
            row: 0,
            message: format!(
                "{} {}: not among the indicator's areas and periods, not used",
                c.area,
                period::display(c.period)
            ),
        })
        .collect()
}
