//! Readers for SSB's public source files in `../shared/data/sources/`: the 2024 area
//! classification and the population by age group and by single year of age.

use flate2::read::GzDecoder;
use oppvekst_core::area::{Area, AreaCode, Level, Registry};
use oppvekst_core::population::{AgeProfile, AgeRow, PopulationSeries, PopulationYear};
use oppvekst_core::search::OldCode;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub const CLASSIFICATION: &str = "norgeo_ssb_klass_2024_fylke_kommune_bydel.csv";
pub const POPULATION: &str = "csdata_population_agegroups_b2024.csv";
pub const POPULATION_BY_AGE: &str = "csdata_population_by_age_b2024_single_year.csv.gz";
pub const REDISTRICTING: &str = "csdata_nor_locations_redistricting_b2024.csv";

/// The first and last year of population the bundles carry (the source's kommune range).
pub const FIRST_YEAR: u16 = 2005;
pub const LAST_YEAR: u16 = 2026;

/// What went wrong reading a source file: which file, which line, what.
#[derive(Debug)]
pub struct SourceError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for SourceError {}

fn err(file: &Path, line: usize, message: impl Into<String>) -> SourceError {
    SourceError {
        file: file.to_path_buf(),
        line,
        message: message.into(),
    }
}

fn read_text(path: &Path) -> Result<String, SourceError> {
    let bytes = std::fs::read(path).map_err(|e| err(path, 0, e.to_string()))?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|e| err(path, 0, e.to_string()))?;
        s
    } else {
        String::from_utf8(bytes).map_err(|e| err(path, 0, e.to_string()))?
    };
    Ok(text)
}

/// The name landet carries in the registry; the app shows a translated name instead.
pub const LANDET_NAME: &str = "Norge";

/// Reads SSB's classification: fylker, kommuner and bydeler valid in 2024, without the
/// «Uoppgitt» codes (`99`, `9999`, `..99`), which hold no population of their own.
pub fn read_registry(dir: &Path) -> Result<Registry, SourceError> {
    let path = dir.join(CLASSIFICATION);
    let text = read_text(&path)?;
    let mut areas = vec![Area {
        code: AreaCode::landet(),
        name: LANDET_NAME.to_string(),
    }];
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() < 4 {
            return Err(err(&path, i + 1, "expected at least 4 columns"));
        }
        let (code, name, level) = (f[0], f[1], f[3]);
        if !matches!(level, "fylke" | "kommune" | "bydel") || code.ends_with("99") {
            continue;
        }
        let code = AreaCode::parse(code).map_err(|e| err(&path, i + 1, e.to_string()))?;
        let expected = match level {
            "fylke" => Level::Fylke,
            "kommune" => Level::Kommune,
            _ => Level::Bydel,
        };
        if code.level() != expected {
            return Err(err(&path, i + 1, format!("{code} is not a {level} code")));
        }
        areas.push(Area {
            code,
            name: name.trim().to_string(),
        });
    }
    Registry::new(areas).map_err(|e| err(&path, 0, e.to_string()))
}

/// Turns csdata's location codes (`municip_nor0301`, `wardoslo_nor030101`, `nation_nor`) into
/// area codes; regions that are not areas of the profile (`georegion_…`) give `None`.
pub fn location_code(s: &str) -> Option<AreaCode> {
    if s == "nation_nor" {
        return Some(AreaCode::landet());
    }
    let (kind, digits) = s.split_once("_nor")?;
    let ok = matches!(kind, "county" | "municip") || kind.contains("ward");
    ok.then(|| AreaCode::parse(digits).ok()).flatten()
}

/// Population by age group for every area and year `FIRST_YEAR..=LAST_YEAR`. A few kommuner
/// (1160 Vindafjord, 1576 Aure) start in 2006, after border changes: their series start later
/// rather than be filled with invented figures. Gaps inside a series are an error.
pub fn read_population(dir: &Path) -> Result<BTreeMap<AreaCode, PopulationSeries>, SourceError> {
    let path = dir.join(POPULATION);
    let text = read_text(&path)?;
    let mut rows: BTreeMap<AreaCode, BTreeMap<u16, PopulationYear>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 9 {
            return Err(err(&path, i + 1, "expected 9 columns"));
        }
        let Some(code) = location_code(f[1]) else {
            continue;
        };
        let year: u16 = f[2].parse().map_err(|_| err(&path, i + 1, "bad year"))?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            continue;
        }
        let n = |k: usize| -> Result<u32, SourceError> {
            f[k].parse()
                .map_err(|_| err(&path, i + 1, format!("bad count {:?}", f[k])))
        };
        let y = PopulationYear {
            total: n(3)?,
            age_0_5: n(4)?,
            age_6_15: n(5)?,
            age_0_17: n(6)?,
            age_0_24: n(7)?,
            age_16_24: n(8)?,
        };
        if !y.is_consistent() {
            return Err(err(&path, i + 1, "age groups do not nest"));
        }
        rows.entry(code).or_default().insert(year, y);
    }
    rows.into_iter()
        .map(|(code, years)| {
            let first = *years.keys().next().unwrap_or(&LAST_YEAR);
            let expected = (LAST_YEAR - first + 1) as usize;
            if years.len() != expected || years.keys().next_back() != Some(&LAST_YEAR) {
                return Err(err(&path, 0, format!("{code}: gaps in the years")));
            }
            let series = PopulationSeries {
                first_year: first,
                years: years.into_values().collect(),
            };
            Ok((code, series))
        })
        .collect()
}

/// Population by single year of age 0–24 for every area and year `FIRST_YEAR..=LAST_YEAR`.
pub fn read_ages(dir: &Path) -> Result<BTreeMap<AreaCode, AgeProfile>, SourceError> {
    let path = dir.join(POPULATION_BY_AGE);
    let text = read_text(&path)?;
    let mut rows: BTreeMap<AreaCode, BTreeMap<u16, AgeRow>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 5 {
            return Err(err(&path, i + 1, "expected 5 columns"));
        }
        let Some(code) = location_code(f[1]) else {
            continue;
        };
        let (Ok(age), Ok(year), Ok(n)) = (
            f[2].parse::<usize>(),
            f[3].parse::<u16>(),
            f[4].parse::<u32>(),
        ) else {
            return Err(err(&path, i + 1, "bad number"));
        };
        if age > AgeProfile::MAX_AGE || !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            continue;
        }
        rows.entry(code)
            .or_default()
            .entry(year)
            .or_insert([0; AgeProfile::MAX_AGE + 1])[age] = n;
    }
    // Like the age groups, a profile starts at the first year the source has for the area.
    rows.into_iter()
        .map(|(code, years)| {
            let first = *years.keys().next().unwrap_or(&LAST_YEAR);
            if years.len() != (LAST_YEAR - first + 1) as usize {
                return Err(err(&path, 0, format!("{code}: gaps in the years")));
            }
            let profile = AgeProfile {
                first_year: first,
                years: years.into_values().collect(),
            };
            Ok((code, profile))
        })
        .collect()
}

/// Old kommune, fylke and bydel numbers (retired by the 2018, 2020 and 2024 reforms, or earlier)
/// and the 2024 areas they went to, with the last year each was in use. Numbers still in use in 2024 are
/// left out, so that a reused number never points anywhere but to its current kommune.
pub fn read_old_codes(dir: &Path, reg: &Registry) -> Result<Vec<OldCode>, SourceError> {
    let path = dir.join(REDISTRICTING);
    let text = read_text(&path)?;
    let mut last: BTreeMap<(String, AreaCode), u16> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 5 {
            return Err(err(&path, i + 1, "expected 5 columns"));
        }
        // Kommuner, fylker and the bydeler of the four cities; not the «missing» and
        // «notmainland» placeholders.
        let kind = f[4];
        let counted =
            matches!(kind, "municip" | "county" | "extrawardoslo") || kind.starts_with("ward");
        if !counted || f[0] == f[1] {
            continue;
        }
        let (Some(to), Some(from)) = (location_code(f[0]), location_code(f[1])) else {
            continue;
        };
        let year = f[2]
            .parse::<f64>()
            .map_err(|_| err(&path, i + 1, "bad year"))? as u16;
        if reg.get(&from).is_some() || reg.get(&to).is_none() || year > LAST_YEAR {
            continue;
        }
        let e = last.entry((from.to_string(), to)).or_insert(year);
        *e = (*e).max(year);
    }
    Ok(last
        .into_iter()
        .map(|((code, to), until)| OldCode { code, to, until })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_codes() {
        assert_eq!(location_code("nation_nor"), Some(AreaCode::landet()));
        assert_eq!(location_code("county_nor03").unwrap().as_str(), "03");
        assert_eq!(location_code("municip_nor0301").unwrap().as_str(), "0301");
        assert_eq!(
            location_code("wardoslo_nor030101").unwrap().as_str(),
            "030101"
        );
        assert_eq!(
            location_code("extrawardoslo_nor030116").unwrap().as_str(),
            "030116"
        );
        assert_eq!(location_code("georegion_nor4"), None);
        assert_eq!(location_code("junk"), None);
    }
}
