//! The real geography the demo model leans on (`model::Covariates`), read from the sources:
//! IMDi's immigrants per kommune in 2014 mapped to 2024 kommuner through SSB's redistricting
//! table, the density of every kommune from SSB's population and Kartverket's polygons, and per
//! bydel Oslo's områdesatsing and the bydel's share of children.

use crate::geometry::source::read_areas;
use crate::geometry::KOMMUNER_FILE;
use crate::model::{Covariate, Covariates};
use crate::sources::{location_code, REDISTRICTING};
use oppvekst_core::area::{AreaCode, Level, Registry};
use oppvekst_core::explore::sets::SATSING;
use oppvekst_core::geometry::simplify::area_km2;
use oppvekst_core::population::PopulationSeries;
use std::collections::BTreeMap;
use std::path::Path;

/// IMDi's working file of immigrants per kommune, beside the other real files.
pub const IMDI_FILE: &str = "real/imdi_innvandrere_kommune_2014.csv";
/// The year of IMDi's figures, and so of the borders its kommune numbers belong to.
const IMDI_YEAR: u16 = 2014;
/// Densities and shares of children are of the year of the borders.
const BORDERS_YEAR: u16 = 2024;

/// Immigrants and all persons of an area.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Immigrants {
    pub immigrants: f64,
    pub persons: f64,
}

impl Immigrants {
    pub fn share(self) -> f64 {
        self.immigrants / self.persons
    }
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

/// IMDi's 2014 file: per 2014 kommune number, its immigrants and persons.
fn read_imdi(path: &Path) -> Result<BTreeMap<String, Immigrants>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l.trim()).unwrap_or("");
    if header != "k_nr;k_navn;alle;innvandrere;flyktninger" {
        return Err(format!(
            "{}:1: expected the header k_nr;k_navn;alle;innvandrere;flyktninger, found «{header}»",
            path.display()
        ));
    }
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| format!("{}:{}: {what}: «{line}»", path.display(), i + 1);
        let f: Vec<&str> = line.split(';').collect();
        if f.len() != 5 {
            return Err(bad("expected 5 fields"));
        }
        let code = f[0]
            .strip_prefix('K')
            .filter(|c| c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| bad("the kommune number is not K and four digits"))?;
        let count = |s: &str| s.trim().parse::<u32>().map(f64::from);
        let (Ok(persons), Ok(immigrants)) = (count(f[2]), count(f[3])) else {
            return Err(bad("persons and immigrants must be whole numbers"));
        };
        if persons == 0.0 || immigrants > persons {
            return Err(bad("immigrants must be a part of a population above 0"));
        }
        if out
            .insert(
                code.to_string(),
                Immigrants {
                    immigrants,
                    persons,
                },
            )
            .is_some()
        {
            return Err(bad("a second row for the kommune"));
        }
    }
    Ok(out)
}

/// IMDi's 2014 figures on 2024 borders: each 2024 kommune gets the parts of the 2014 kommuner
/// that went to it, weighted as SSB's redistricting table weighs them.
pub fn immigrants_2024(
    sources: &Path,
    reg: &Registry,
) -> Result<BTreeMap<AreaCode, Immigrants>, String> {
    let imdi_path = sources.join(IMDI_FILE);
    let imdi = read_imdi(&imdi_path)?;
    let path = sources.join(REDISTRICTING);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out: BTreeMap<AreaCode, Immigrants> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 5 || f[4] != "municip" {
            continue;
        }
        let bad = |what: &str| format!("{}:{}: {what}", path.display(), i + 1);
        let year: f64 = f[2].parse().map_err(|_| bad("bad year"))?;
        if year as u16 != IMDI_YEAR {
            continue;
        }
        let (Some(to), Some(from)) = (location_code(f[0]), location_code(f[1])) else {
            continue;
        };
        if reg.get(&to).is_none() {
            continue;
        }
        let weight: f64 = f[3]
            .parse()
            .ok()
            .filter(|w: &f64| (0.0..=1.0).contains(w))
            .ok_or_else(|| bad("the weight is not within 0–1"))?;
        let old = imdi.get(from.as_str()).ok_or_else(|| {
            format!(
                "{}: no row for {from}, which {}:{} maps to {to}",
                imdi_path.display(),
                path.display(),
                i + 1
            )
        })?;
        let e = out.entry(to).or_default();
        e.immigrants += weight * old.immigrants;
        e.persons += weight * old.persons;
    }
    for k in reg.at_level(Level::Kommune) {
        if !out.get(&k.code).is_some_and(|v| v.persons > 0.0) {
            return Err(format!(
                "{}: no {IMDI_YEAR} kommune maps to {} {}",
                path.display(),
                k.code,
                k.name
            ));
        }
    }
    Ok(out)
}

/// Persons per km² of every kommune in the year of the borders.
pub fn densities(
    sources: &Path,
    reg: &Registry,
    population: &BTreeMap<AreaCode, PopulationSeries>,
) -> Result<BTreeMap<AreaCode, f64>, String> {
    let path = sources.join(KOMMUNER_FILE);
    let areas = read_areas(&path, "kommunenummer", Level::Kommune)?;
    let km2: BTreeMap<AreaCode, f64> = areas
        .iter()
        .map(|a| {
            // The outer ring first, then its holes (lakes of another kommune, enclaves).
            let area: f64 = a
                .polygons
                .iter()
                .map(|p| {
                    let outer = p.first().map_or(0.0, |r| area_km2(r));
                    outer - p.iter().skip(1).map(|r| area_km2(r)).sum::<f64>()
                })
                .sum();
            (a.code.clone(), area)
        })
        .collect();
    reg.at_level(Level::Kommune)
        .map(|k| {
            let area = km2
                .get(&k.code)
                .copied()
                .filter(|a| *a > 0.0)
                .ok_or_else(|| {
                    format!("{}: no polygon for {} {}", path.display(), k.code, k.name)
                })?;
            let persons = population
                .get(&k.code)
                .and_then(|s| s.get(BORDERS_YEAR))
                .map(|p| p.total)
                .ok_or_else(|| format!("no population of {} in {BORDERS_YEAR}", k.code))?;
            Ok((k.code.clone(), f64::from(persons) / area))
        })
        .collect()
}

/// z-scores: mean 0, SD 1 over the values given.
fn z_scores(values: &BTreeMap<AreaCode, f64>) -> BTreeMap<AreaCode, f64> {
    let n = values.len() as f64;
    let mean = values.values().sum::<f64>() / n;
    let sd = (values.values().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    values
        .iter()
        .map(|(c, v)| (c.clone(), if sd > 0.0 { (v - mean) / sd } else { 0.0 }))
        .collect()
}

/// Every covariate of every kommune and bydel.
pub fn read(
    sources: &Path,
    reg: &Registry,
    population: &BTreeMap<AreaCode, PopulationSeries>,
) -> Result<Covariates, String> {
    let immigrants = immigrants_2024(sources, reg)?;
    let total = immigrants
        .values()
        .fold(Immigrants::default(), |a, v| Immigrants {
            immigrants: a.immigrants + v.immigrants,
            persons: a.persons + v.persons,
        });
    let landet = logit(total.share());
    let density: BTreeMap<AreaCode, f64> = densities(sources, reg, population)?
        .into_iter()
        .map(|(c, d)| (c, d.ln()))
        .collect();
    let density = z_scores(&density);
    let mut cov = Covariates::none();
    for k in reg.at_level(Level::Kommune) {
        let code = &k.code;
        // A kommune without immigrants would have an infinite logit: half a person instead.
        let share = immigrants[code].share().max(0.5 / immigrants[code].persons);
        let kommune_values = [
            (Covariate::Innvandrere, logit(share) - landet),
            (Covariate::Tetthet, density[code]),
        ];
        let bydeler: Vec<&AreaCode> = reg.children(code).map(|b| &b.code).collect();
        let child_share: BTreeMap<AreaCode, f64> = bydeler
            .iter()
            .filter_map(|b| {
                let p = population.get(b)?.get(BORDERS_YEAR)?;
                (p.total > 0).then(|| ((*b).clone(), f64::from(p.age_0_17) / f64::from(p.total)))
            })
            .collect();
        let child_share = z_scores(&child_share);
        for area in std::iter::once(code).chain(bydeler.iter().copied()) {
            for (c, v) in kommune_values {
                cov.set(area, c, v);
            }
        }
        // Centred on the city's children, so that the satsing moves children between the city's
        // bydeler and not the city as a whole, which its kommune facts already place.
        let children = |b: &AreaCode| {
            population
                .get(b)
                .and_then(|p| p.get(BORDERS_YEAR))
                .map_or(0.0, |p| f64::from(p.age_0_17))
        };
        let in_satsing: f64 = bydeler
            .iter()
            .filter(|b| in_oslo_satsing(b))
            .map(|b| children(b))
            .sum();
        let all: f64 = bydeler.iter().map(|b| children(b)).sum();
        let satsing_share = if all > 0.0 { in_satsing / all } else { 0.0 };
        for b in bydeler {
            let satsing = f64::from(u8::from(in_oslo_satsing(b))) - satsing_share;
            cov.set(b, Covariate::Satsing, satsing);
            cov.set(
                b,
                Covariate::Barneandel,
                child_share.get(b).copied().unwrap_or(0.0),
            );
        }
    }
    Ok(cov)
}

fn in_oslo_satsing(b: &AreaCode) -> bool {
    SATSING.contains(&b.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imdi_rows_are_read_and_bad_rows_named() {
        let dir = std::env::temp_dir().join(format!("oppvekst-imdi-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("imdi.csv");
        let header = "k_nr;k_navn;alle;innvandrere;flyktninger\n";
        std::fs::write(&path, format!("{header}K0101;Halden;30132;2985;980\n")).unwrap();
        let rows = read_imdi(&path).unwrap();
        assert!((rows["0101"].share() - 2985.0 / 30132.0).abs() < 1e-12);
        for bad in [
            "0101;Halden;30132;2985;980",
            "K0101;Halden;30132;2985",
            "K0101;Halden;tretti;2985;980",
            "K0101;Halden;100;2985;980",
        ] {
            std::fs::write(&path, format!("{header}{bad}\n")).unwrap();
            let e = read_imdi(&path).unwrap_err();
            assert!(e.contains("imdi.csv:2:"), "{e}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn z_scores_have_mean_0_and_sd_1() {
        let v: BTreeMap<AreaCode, f64> = [("0301", 1.0), ("1103", 2.0), ("4601", 6.0)]
            .into_iter()
            .map(|(c, x)| (AreaCode::parse(c).unwrap(), x))
            .collect();
        let z = z_scores(&v);
        let mean = z.values().sum::<f64>() / 3.0;
        let var = z.values().map(|x| x * x).sum::<f64>() / 3.0;
        assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-12);
    }
}
