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
/// SSB's kommune names of 2002–2016 (`Kode;Tittel;Generell.note`), for the search's old names.
pub const OLD_NAMES: &str = "ssb_kommuner_navn_2002_2016.csv";

/// The fylker of 2002–2017 by number, for the names SSB wrote with a fylke's abbreviation
/// («Bø (Telem.)», «Os (Hord.)»): a reader types the fylke, not SSB's short form.
const OLD_FYLKER: [(&str, &str); 19] = [
    ("01", "Østfold"),
    ("02", "Akershus"),
    ("03", "Oslo"),
    ("04", "Hedmark"),
    ("05", "Oppland"),
    ("06", "Buskerud"),
    ("07", "Vestfold"),
    ("08", "Telemark"),
    ("09", "Aust-Agder"),
    ("10", "Vest-Agder"),
    ("11", "Rogaland"),
    ("12", "Hordaland"),
    ("14", "Sogn og Fjordane"),
    ("15", "Møre og Romsdal"),
    ("16", "Sør-Trøndelag"),
    ("17", "Nord-Trøndelag"),
    ("18", "Nordland"),
    ("19", "Troms"),
    ("20", "Finnmark"),
];

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
    let names = read_old_names(dir)?;
    Ok(last
        .into_iter()
        .map(|((code, to), until)| OldCode {
            name: names.get(&code).cloned().unwrap_or_default(),
            code,
            to,
            until,
        })
        .collect())
}

/// The kommune names of 2002–2016 by number, as a reader would type them: SSB's years of use
/// dropped («Harstad (-2012)» → «Harstad»), a fylke's abbreviation written out
/// («Os (Hord.)» → «Os (Hordaland)»).
pub fn read_old_names(dir: &Path) -> Result<BTreeMap<String, String>, SourceError> {
    let path = dir.join(OLD_NAMES);
    let text = read_text(&path)?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let mut f = line.splitn(3, ';');
        let (Some(code), Some(title)) = (f.next(), f.next()) else {
            return Err(err(&path, i + 1, "expected `Kode;Tittel;Generell.note`"));
        };
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(
                &path,
                i + 1,
                format!("«{code}» is not a kommune number"),
            ));
        }
        let name = match title.split_once('(') {
            Some((base, rest)) if !rest.bytes().any(|b| b.is_ascii_digit()) => {
                let fylke = OLD_FYLKER
                    .iter()
                    .find(|(c, _)| code.starts_with(c))
                    .map(|(_, n)| *n)
                    .ok_or_else(|| err(&path, i + 1, format!("no fylke {}", &code[..2])))?;
                format!("{} ({fylke})", base.trim())
            }
            Some((base, _)) => base.trim().to_string(),
            None => title.trim().to_string(),
        };
        if name.is_empty() {
            return Err(err(&path, i + 1, "no name"));
        }
        out.insert(code.to_string(), name);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_read_as_readers_type_them() {
        let dir = std::env::temp_dir().join(format!("oppvekst-names-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |body: &str| {
            std::fs::write(
                dir.join(OLD_NAMES),
                format!("Kode;Tittel;Generell.note\n{body}"),
            )
            .unwrap()
        };
        write("0722;Nøtterøy;\n1243;Os (Hord.);\n1901;Harstad  (-2012);1. januar 2013 ble …\n");
        let names = read_old_names(&dir).unwrap();
        assert_eq!(names["0722"], "Nøtterøy");
        assert_eq!(names["1243"], "Os (Hordaland)");
        assert_eq!(names["1901"], "Harstad");
        write("0722;Nøtterøy;\n12x3;Os;\n");
        let e = read_old_names(&dir).unwrap_err().to_string();
        assert!(e.contains(":3") && e.contains("12x3"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

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
