//! Area codes as published, mapped to the 2024 codes the profile uses.
//!
//! The mapping comes from csdata's redistricting table (old code as of a calendar year → 2024
//! code, with a weight) and FHI's list of retired bydeler. A weight of 1 means the old area lies
//! wholly inside the new one, so its counts are added there (a merge: 1201 Bergen → 4601). A
//! weight below 1 means the old area was split; the weights are population shares, and using
//! them would invent counts, so such cells are reported and dropped instead.
//!
//! A code that is still valid in 2024 is taken as it is, whatever the period: FHI publishes on
//! current borders, and for every kommune code still in use the table has no split. (It has one
//! for fylke 15 and 18 before 2020, about 1 % of their people; as-is is the lesser error.)

use super::csv;
use oppvekst_core::area::{AreaCode, CodeError};
use oppvekst_core::indicator::Period;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

/// The borders the profile is drawn on.
pub const BORDERS_YEAR: u16 = 2024;

/// The redistricting table's file name in the sources directory.
pub const REDISTRICTING_FILE: &str = "csdata_nor_locations_redistricting_b2024.csv";
/// FHI's retired bydeler, in the sources directory.
pub const GAMLE_BYDELER_FILE: &str = "helseprofil_backend_gamlebydeler.csv";

/// Weights this close to 1 are merges; the table writes them as `1.0`.
const WHOLE: f64 = 0.999_999;

/// Old code (as of a year) → 2024 code. Load it once: the table has ~41 000 rows.
#[derive(Clone, Debug, Default)]
pub struct CodeMap {
    /// Original code → year → 2024 codes with weights.
    by_code: HashMap<AreaCode, BTreeMap<u16, Vec<(AreaCode, f64)>>>,
    /// Codes valid in [`BORDERS_YEAR`].
    current: HashSet<AreaCode>,
    /// Retired bydeler: name and the years they were in use.
    retired: HashMap<AreaCode, (String, u16, u16)>,
}

/// Where a published code lands on 2024 borders.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    /// One 2024 area. `in_use` says whether the code was in use during the period: a code
    /// that was not (4601 in 2019) has values only where a publisher recast old figures.
    Mapped { to: AreaCode, in_use: bool },
    /// The old area went to several 2024 areas.
    Split {
        year: u16,
        parts: Vec<(AreaCode, f64)>,
    },
    /// A bydel that no longer exists and has no place in the 2024 table.
    Retired { name: String, from: u16, until: u16 },
    /// Not in the tables: the code itself, for the registry to judge.
    Unmapped,
}

/// A source table that cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeMapError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CodeMapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for CodeMapError {}

/// A code as the profile writes it: SSB's `K-0301`/`F-03` prefixes and csdata's
/// `municip_nor0301` are removed, and `0`, `00`, `0000` (landet in various tables) become `0`.
pub fn normalise_code(raw: &str) -> Result<AreaCode, CodeError> {
    let mut s = raw.trim();
    if let Some((_, rest)) = s.split_once("_nor") {
        s = if rest.is_empty() { "0" } else { rest };
    }
    if let Some((prefix, rest)) = s.split_once('-') {
        if (1..=3).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_alphabetic()) {
            s = rest;
        }
    }
    if matches!(s.len(), 1 | 2 | 4 | 6) && s.bytes().all(|b| b == b'0') {
        return Ok(AreaCode::landet());
    }
    AreaCode::parse(s)
}

impl CodeMap {
    /// A map that knows no history: every code stands for itself.
    pub fn identity() -> CodeMap {
        CodeMap::default()
    }

    /// Loads both tables from the sources directory.
    pub fn from_sources_dir(dir: &Path) -> Result<CodeMap, CodeMapError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| CodeMapError {
                file: name.to_string(),
                line: 0,
                message: e.to_string(),
            })
        };
        let redistricting = read(REDISTRICTING_FILE)?;
        let bydeler = read(GAMLE_BYDELER_FILE)?;
        CodeMap::load(&csv::decode(&redistricting), &csv::decode(&bydeler))
    }

    /// Builds the map from the text of the redistricting table (`location_code_current,
    /// location_code_original,calyear,weighting,granularity_geo`) and of the retired bydeler
    /// (`GEO,NAVN,FRA,TIL,GEOniv`).
    pub fn load(redistricting: &str, gamle_bydeler: &str) -> Result<CodeMap, CodeMapError> {
        let mut map = CodeMap::default();
        let table = Table::read(
            REDISTRICTING_FILE,
            redistricting,
            &[
                "location_code_current",
                "location_code_original",
                "calyear",
                "weighting",
            ],
        )?;
        for (line, f) in table.rows {
            let err = |message: String| CodeMapError {
                file: REDISTRICTING_FILE.to_string(),
                line,
                message,
            };
            let current = normalise_code(&f[0]).map_err(|e| err(format!("«{}»: {e}", f[0])))?;
            let original = normalise_code(&f[1]).map_err(|e| err(format!("«{}»: {e}", f[1])))?;
            let year =
                f[2].trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|y| (1000.0..3000.0).contains(y))
                    .ok_or_else(|| err(format!("not a year: «{}»", f[2])))? as u16;
            let weight = f[3]
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|w| *w > 0.0 && *w <= 1.0 + 1e-9)
                .ok_or_else(|| err(format!("not a weight: «{}»", f[3])))?;
            if year == BORDERS_YEAR && original == current && weight >= WHOLE {
                map.current.insert(current.clone());
            }
            map.by_code
                .entry(original)
                .or_default()
                .entry(year)
                .or_default()
                .push((current, weight));
        }
        let table = Table::read(
            GAMLE_BYDELER_FILE,
            gamle_bydeler,
            &["GEO", "NAVN", "FRA", "TIL"],
        )?;
        for (line, f) in table.rows {
            let err = |message: String| CodeMapError {
                file: GAMLE_BYDELER_FILE.to_string(),
                line,
                message,
            };
            let code = normalise_code(&f[0]).map_err(|e| err(format!("«{}»: {e}", f[0])))?;
            let year = |s: &str| {
                s.trim()
                    .parse::<u16>()
                    .map_err(|_| err(format!("not a year: «{s}»")))
            };
            let (from, until) = (year(&f[2])?, year(&f[3])?);
            map.retired
                .insert(code, (f[1].trim().to_string(), from, until));
        }
        Ok(map)
    }

    /// How many (code, year) entries the map holds.
    pub fn len(&self) -> usize {
        self.by_code.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty() && self.retired.is_empty()
    }

    /// Where `code`, as published for `period`, lies on 2024 borders.
    ///
    /// The period's years are tried from the last back, since a 3-year window is published
    /// under the codes of its last year; failing those, the nearest year the code was in use.
    pub fn resolve(&self, code: &AreaCode, period: Period) -> Resolution {
        let years = self.by_code.get(code);
        let in_use = years.is_some_and(|y| y.range(period.first..=period.last).next().is_some())
            || self
                .retired
                .get(code)
                .is_some_and(|(_, from, until)| *from <= period.last && period.first <= *until);
        if self.current.contains(code) {
            return Resolution::Mapped {
                to: code.clone(),
                in_use,
            };
        }
        let Some(years) = years else {
            return match self.retired.get(code) {
                Some((name, from, until)) => Resolution::Retired {
                    name: name.clone(),
                    from: *from,
                    until: *until,
                },
                None => Resolution::Unmapped,
            };
        };
        let within = years.range(period.first..=period.last).next_back();
        let nearest = || {
            years.iter().min_by_key(|(y, _)| {
                let d = if **y < period.first {
                    period.first - **y
                } else {
                    **y - period.last
                };
                // Ties go to the later year.
                (d, u16::MAX - **y)
            })
        };
        let Some((&year, parts)) = within.or_else(nearest) else {
            return Resolution::Unmapped;
        };
        match parts.as_slice() {
            [(to, w)] if *w >= WHOLE => Resolution::Mapped {
                to: to.clone(),
                in_use,
            },
            _ => Resolution::Split {
                year,
                parts: parts.clone(),
            },
        }
    }
}

/// A comma-separated source table with named columns, read into the columns asked for.
struct Table {
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(file: &str, text: &str, columns: &[&str]) -> Result<Table, CodeMapError> {
        let err = |line: usize, message: String| CodeMapError {
            file: file.to_string(),
            line,
            message,
        };
        let records = csv::records(text, b',').map_err(|e| err(e.line, e.message))?;
        let mut records = records.into_iter();
        let header = records.next().ok_or_else(|| err(1, "empty".to_string()))?;
        let index: Vec<usize> = columns
            .iter()
            .map(|c| {
                header
                    .fields
                    .iter()
                    .position(|h| h.trim() == *c)
                    .ok_or_else(|| err(header.line, format!("no column {c}")))
            })
            .collect::<Result<_, _>>()?;
        let rows = records
            .map(|r| {
                let fields = index
                    .iter()
                    .map(|&i| {
                        r.fields
                            .get(i)
                            .cloned()
                            .ok_or_else(|| err(r.line, format!("only {} fields", r.fields.len())))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((r.line, fields))
            })
            .collect::<Result<_, _>>()?;
        Ok(Table { rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> AreaCode {
        AreaCode::parse(s).unwrap()
    }

    #[test]
    fn prefixes_and_landet_forms() {
        assert_eq!(normalise_code("K-0301").unwrap().as_str(), "0301");
        assert_eq!(normalise_code("F-03").unwrap().as_str(), "03");
        assert_eq!(normalise_code(" 0301 ").unwrap().as_str(), "0301");
        for landet in ["0", "00", "0000", "nation_nor"] {
            assert_eq!(normalise_code(landet).unwrap(), AreaCode::landet());
        }
        assert_eq!(
            normalise_code("wardoslo_nor030101").unwrap().as_str(),
            "030101"
        );
        assert_eq!(normalise_code("county_nor03").unwrap().as_str(), "03");
        assert!(normalise_code("K-EAK").is_err());
        assert!(normalise_code("Oslo").is_err());
        assert!(normalise_code("030").is_err());
    }

    const TABLE: &str =
        "location_code_current,location_code_original,calyear,weighting,granularity_geo\n\
        municip_nor4601,municip_nor1201,2019.0,1.0,municip\n\
        municip_nor4601,municip_nor4601,2020.0,1.0,municip\n\
        municip_nor4601,municip_nor4601,2024.0,1.0,municip\n\
        municip_nor1508,municip_nor1507,2021.0,0.5,municip\n\
        municip_nor1580,municip_nor1507,2021.0,0.5,municip\n\
        wardbergen_nor460101,wardbergen_nor120101,2019.0,1.0,wardbergen\n";
    const BYDELER: &str =
        "GEO,NAVN,FRA,TIL,GEOniv\n120101,Arna,1980,2019,B\n190201,Tromsøya sør,1980,2019,B\n";

    #[test]
    fn resolves_merges_splits_and_retired_codes() {
        let m = CodeMap::load(TABLE, BYDELER).unwrap();
        assert_eq!(
            m.resolve(&code("1201"), Period::year(2019)),
            Resolution::Mapped {
                to: code("4601"),
                in_use: true
            }
        );
        // Outside the table's years, the nearest year decides; the code was not in use then.
        assert_eq!(
            m.resolve(
                &code("1201"),
                Period {
                    first: 2021,
                    last: 2023
                }
            ),
            Resolution::Mapped {
                to: code("4601"),
                in_use: false
            }
        );
        assert_eq!(
            m.resolve(&code("4601"), Period::year(2017)),
            Resolution::Mapped {
                to: code("4601"),
                in_use: false
            }
        );
        assert!(matches!(
            m.resolve(&code("1507"), Period::year(2021)),
            Resolution::Split { year: 2021, ref parts } if parts.len() == 2
        ));
        // The bydel list says 120101 was in use in 2004, before the table's rows start.
        assert_eq!(
            m.resolve(&code("120101"), Period::year(2004)),
            Resolution::Mapped {
                to: code("460101"),
                in_use: true
            }
        );
        assert!(matches!(
            m.resolve(&code("190201"), Period::year(2015)),
            Resolution::Retired { ref name, until: 2019, .. } if name == "Tromsøya sør"
        ));
        assert_eq!(
            m.resolve(&code("9998"), Period::year(2024)),
            Resolution::Unmapped
        );
    }

    #[test]
    fn malformed_tables_are_errors_with_lines() {
        let bad = "location_code_current,location_code_original,calyear,weighting\nmunicip_nor4601,municip_nor1201,twenty,1.0\n";
        let e = CodeMap::load(bad, BYDELER).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), (REDISTRICTING_FILE, 2));
        let e = CodeMap::load("a,b\n", BYDELER).unwrap_err();
        assert!(e.message.contains("location_code_current"));
    }
}
