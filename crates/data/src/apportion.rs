//! Kommuner divided in 2024 whose earlier population the source splits evenly among the parts.
//!
//! SSB's figures on 2024 borders (as compiled in csdata) give Ålesund (1508) and Haram (1580) the
//! same history 2005–2023: each half of the kommune they were together. Shown as it is, Ålesund's
//! children grow by 68 % in one year and Haram's fall by 74 %. The build finds such series (two
//! areas with the same figures for three years or more, or a change of over 20 % in a year where
//! more than 300 children live) and fails unless `data/population.toml` handles them: the years
//! before the division are then apportioned by the parts' own shares in their first year, per age
//! group and per single year of age, and the app marks those years as estimates.

use oppvekst_core::area::{AreaCode, Level};
use oppvekst_core::population::{AgeProfile, Apportioned, PopulationSeries, PopulationYear};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A year-to-year change in the number of children beyond this share is a break in a series…
const JUMP: f64 = 0.20;
/// …where at least this many children live.
const JUMP_CHILDREN: u32 = 300;
/// Identical figures in two areas for this many years are a split, not a coincidence.
const SAME_YEARS: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    apportion: Vec<Entry>,
    #[serde(default)]
    accept: Vec<Accepted>,
}

/// A change that is in the source and is no split: looked at, and kept as it is.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub area: String,
    pub year: u16,
    pub reason: String,
}

/// What `data/population.toml` says: divisions to apportion, and changes looked at and kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handled {
    pub apportion: Vec<Apportioned>,
    pub accept: Vec<Accepted>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    parts: Vec<String>,
    until: u16,
    by: u16,
}

/// Reads `data/population.toml`; no file means no area is handled.
pub fn load(path: &Path) -> Result<Handled, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Handled::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(a) = file.accept.iter().find(|a| a.reason.trim().is_empty()) {
        return Err(format!(
            "{}: accepting {} {} needs a reason",
            path.display(),
            a.area,
            a.year
        ));
    }
    let apportion = file
        .apportion
        .into_iter()
        .map(|e| {
            let parts = e
                .parts
                .iter()
                .map(|c| {
                    AreaCode::parse(c).map_err(|err| format!("{}: «{c}»: {err}", path.display()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if parts.len() < 2 || e.until >= e.by {
                return Err(format!(
                    "{}: an apportioned division needs two parts or more and `until` before `by`",
                    path.display()
                ));
            }
            Ok(Apportioned {
                parts,
                until: e.until,
                by: e.by,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Handled {
        apportion,
        accept: file.accept,
    })
}

/// A series that looks split or broken, in words, with the area and year it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub area: AreaCode,
    pub year: u16,
    pub why: String,
}

/// Series of kommuner and bydeler that share their figures with another area for
/// [`SAME_YEARS`] years or more, or change by more than [`JUMP`] in a year.
pub fn suspects(population: &BTreeMap<AreaCode, PopulationSeries>) -> Vec<Suspect> {
    let local = |c: &AreaCode| matches!(c.level(), Level::Kommune | Level::Bydel);
    let mut out = Vec::new();
    // Same figures: group the areas by each year's figures, and count the years two areas share.
    let mut shared: BTreeMap<(&AreaCode, &AreaCode), Vec<u16>> = BTreeMap::new();
    type Key = (u16, [u32; 6]);
    let mut by_year: BTreeMap<Key, Vec<&AreaCode>> = BTreeMap::new();
    for (code, s) in population.iter().filter(|(c, _)| local(c)) {
        for (year, y) in (s.first_year..).zip(&s.years) {
            if y.total > 0 {
                let figures = [
                    y.total,
                    y.age_0_5,
                    y.age_6_15,
                    y.age_0_17,
                    y.age_0_24,
                    y.age_16_24,
                ];
                by_year.entry((year, figures)).or_default().push(code);
            }
        }
    }
    for ((year, _), codes) in &by_year {
        for (i, a) in codes.iter().enumerate() {
            for b in &codes[i + 1..] {
                shared.entry((a, b)).or_default().push(*year);
            }
        }
    }
    for ((a, b), years) in shared {
        if years.len() >= SAME_YEARS {
            let span = format!("{}–{}", years[0], years[years.len() - 1]);
            for (x, y) in [(a, b), (b, a)] {
                out.push(Suspect {
                    area: x.clone(),
                    year: years[0],
                    why: format!(
                        "has the same figures as {y} in {} years ({span})",
                        years.len()
                    ),
                });
            }
        }
    }
    // Jumps in the number of children.
    for (code, s) in population.iter().filter(|(c, _)| local(c)) {
        for (year, w) in (s.first_year + 1..).zip(s.years.windows(2)) {
            let (then, now) = (w[0].age_0_17, w[1].age_0_17);
            if then.max(now) > JUMP_CHILDREN && then > 0 {
                let change = now as f64 / then as f64 - 1.0;
                if change.abs() > JUMP {
                    out.push(Suspect {
                        area: code.clone(),
                        year,
                        why: format!(
                            "has {then} children in {} and {now} in {year} ({:+.0} %)",
                            year - 1,
                            change * 100.0
                        ),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.area, &a.why).cmp(&(&b.area, &b.why)));
    out
}

/// Apportions the handled divisions in both population tables, then checks that no suspect
/// series is left: a build with one fails, naming the area and what is wrong with it.
pub fn apply(
    handled: &Handled,
    population: &mut BTreeMap<AreaCode, PopulationSeries>,
    ages: &mut BTreeMap<AreaCode, AgeProfile>,
) -> Result<(), String> {
    for a in &handled.apportion {
        apportion_groups(a, population)?;
        apportion_ages(a, ages)?;
    }
    let left: Vec<Suspect> = suspects(population)
        .into_iter()
        .filter(|s| {
            !handled
                .accept
                .iter()
                .any(|a| a.area == s.area.as_str() && a.year == s.year)
        })
        .collect();
    if left.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = left
        .iter()
        .map(|s| format!("{} {}", s.area, s.why))
        .collect();
    Err(format!(
        "population series that look split or broken:\n  {}\nname the parts of a divided kommune \
         in data/population.toml ([[apportion]] parts, until, by), accept a change that is \
         real ([[accept]] area, year, reason), or correct the source",
        lines.join("\n  ")
    ))
}

/// Divides `total` among the parts in proportion to `weights`, in whole numbers that add up to
/// it (largest remainder); equal weights where every weight is 0.
fn divide(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    let exact: Vec<f64> = weights
        .iter()
        .map(|&w| match sum {
            0 => total as f64 / weights.len() as f64,
            _ => total as f64 * w as f64 / sum as f64,
        })
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let mut rest = total - out.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&i, &j| (exact[j] - exact[j].floor()).total_cmp(&(exact[i] - exact[i].floor())));
    for i in order.into_iter().cycle() {
        if rest == 0 {
            break;
        }
        out[i] += 1;
        rest -= 1;
    }
    out
}

fn parts_of<'a, T>(
    a: &Apportioned,
    table: &'a BTreeMap<AreaCode, T>,
    what: &str,
) -> Result<Vec<&'a T>, String> {
    a.parts
        .iter()
        .map(|c| {
            table
                .get(c)
                .ok_or_else(|| format!("data/population.toml: {c} has no {what} in the source"))
        })
        .collect()
}

fn apportion_groups(
    a: &Apportioned,
    population: &mut BTreeMap<AreaCode, PopulationSeries>,
) -> Result<(), String> {
    let parts: Vec<PopulationSeries> = parts_of(a, population, "population")?
        .into_iter()
        .cloned()
        .collect();
    let base: Vec<PopulationYear> = parts
        .iter()
        .map(|p| {
            p.get(a.by).copied().ok_or_else(|| {
                format!("data/population.toml: no figures for {} in the parts", a.by)
            })
        })
        .collect::<Result<_, _>>()?;
    type Field = fn(&mut PopulationYear) -> &mut u32;
    let fields: [Field; 6] = [
        |y| &mut y.total,
        |y| &mut y.age_0_5,
        |y| &mut y.age_6_15,
        |y| &mut y.age_0_17,
        |y| &mut y.age_0_24,
        |y| &mut y.age_16_24,
    ];
    let first = parts.iter().map(|p| p.first_year).max().unwrap_or(a.until);
    let mut fixed = parts.clone();
    for year in first..=a.until {
        let idx = |p: &PopulationSeries| (year - p.first_year) as usize;
        for field in fields {
            let whole: u32 = parts
                .iter()
                .map(|p| *field(&mut p.years[idx(p)].clone()))
                .sum();
            let weights: Vec<u32> = base.iter().map(|b| *field(&mut b.clone())).collect();
            for (k, v) in divide(whole, &weights).into_iter().enumerate() {
                let i = idx(&fixed[k]);
                *field(&mut fixed[k].years[i]) = v;
            }
        }
        for (k, p) in fixed.iter().enumerate() {
            if !p.years[idx(p)].is_consistent() {
                return Err(format!(
                    "{} {year}: the apportioned age groups do not nest",
                    a.parts[k]
                ));
            }
        }
    }
    for (code, series) in a.parts.iter().zip(fixed) {
        population.insert(code.clone(), series);
    }
    Ok(())
}

fn apportion_ages(
    a: &Apportioned,
    ages: &mut BTreeMap<AreaCode, AgeProfile>,
) -> Result<(), String> {
    let parts: Vec<AgeProfile> = parts_of(a, ages, "ages")?.into_iter().cloned().collect();
    let row = |p: &AgeProfile, year: u16| {
        year.checked_sub(p.first_year)
            .and_then(|i| p.years.get(i as usize))
            .copied()
    };
    let base: Vec<_> = parts
        .iter()
        .map(|p| {
            row(p, a.by).ok_or(format!(
                "data/population.toml: no ages for {} in the parts",
                a.by
            ))
        })
        .collect::<Result<_, _>>()?;
    let first = parts.iter().map(|p| p.first_year).max().unwrap_or(a.until);
    let mut fixed = parts.clone();
    for year in first..=a.until {
        for age in 0..=AgeProfile::MAX_AGE {
            let whole: u32 = parts
                .iter()
                .filter_map(|p| row(p, year))
                .map(|r| r[age])
                .sum();
            let weights: Vec<u32> = base.iter().map(|r| r[age]).collect();
            for (k, v) in divide(whole, &weights).into_iter().enumerate() {
                let i = (year - fixed[k].first_year) as usize;
                fixed[k].years[i][age] = v;
            }
        }
    }
    for (code, profile) in a.parts.iter().zip(fixed) {
        ages.insert(code.clone(), profile);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_is_divided_in_whole_numbers_that_add_up() {
        assert_eq!(divide(100, &[86, 14]), [86, 14]);
        assert_eq!(divide(10, &[1, 1, 1]).iter().sum::<u32>(), 10);
        assert_eq!(divide(7, &[0, 0]), [4, 3]);
        assert_eq!(divide(0, &[5, 5]), [0, 0]);
    }
}
