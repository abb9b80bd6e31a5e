//! The parts the model draws counts for: every kommune without bydeler, every bydel, and in the
//! cities the population that no bydel holds. Each part has its persistent effect and its
//! denominator in every year; everything above them is a sum.

use super::covariates::Covariates;
use super::params::{Denominator, IndicatorModel};
use super::rng::Rng;
use super::Population;
use oppvekst_core::area::{AreaCode, Level, Registry};

/// What a part is, which says where its counts are added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// A kommune without bydeler.
    Kommune,
    /// A bydel: counted for itself and for its kommune.
    Bydel,
    /// A city's population without a bydel: counted only for the kommune.
    Rest,
}

#[derive(Clone, Debug)]
pub struct Part {
    /// The kommune or bydel; for the rest, its kommune.
    pub code: AreaCode,
    pub kind: PartKind,
    /// The persistent effect on the link scale: fylke + kommune (+ bydel).
    pub effect: f64,
    /// The denominator in each model year.
    pub den: Vec<u32>,
    /// Whether there is anything to count in each model year (population known; surveyed).
    pub observed: Vec<bool>,
}

impl Part {
    /// The bytes that name the part's random streams.
    pub fn key(&self) -> Vec<u8> {
        let mut key = self.code.as_str().as_bytes().to_vec();
        if self.kind == PartKind::Rest {
            key.extend_from_slice(b"/rest");
        }
        key
    }
}

/// How far to look for the nearest year with population.
const NEAREST_YEAR: u16 = 5;

/// Persons of the denominator's ages in `year`, or in the nearest year with figures.
fn persons(pop: &dyn Population, code: &AreaCode, year: u16, d: &Denominator) -> Option<u32> {
    let [from, to] = d.ages;
    (0..=NEAREST_YEAR).find_map(|step| {
        pop.ages(code, year.saturating_sub(step), from, to)
            .or_else(|| pop.ages(code, year.saturating_add(step), from, to))
    })
}

/// The denominator for a number of persons of the right ages.
fn count(d: &Denominator, persons: u32) -> u32 {
    match d.per {
        Some(_) if persons == 0 => 0,
        Some(per) => ((persons as f64 / per).round() as u32).max(1),
        None => (persons as f64 * d.share).round() as u32,
    }
}

/// A persistent effect: one normal draw per (indicator, area), scaled by the level's SD.
fn effect(seed: u64, id: &str, code: &AreaCode, sd: f64) -> f64 {
    sd * Rng::keyed(seed, &[b"effect", id.as_bytes(), code.as_str().as_bytes()]).normal()
}

/// What the area's real facts add to its effect: Σ effect × covariate. The rest of a city
/// takes its kommune's values, which hold no bydel's satsing or share of children.
fn explained(m: &IndicatorModel, cov: &Covariates, code: &AreaCode) -> f64 {
    m.covariates
        .iter()
        .map(|(c, e)| e.effect * cov.get(code, *c))
        .sum()
}

/// Whether a kommune holds its survey in `year`. The year in the cycle depends on the kommune
/// only, not on the indicator: one Ungdata survey asks all the Ungdata questions.
fn surveyed(seed: u64, kommune: &AreaCode, every: Option<u8>, year: u16) -> bool {
    let Some(every) = every else {
        return true;
    };
    let every = every.max(1) as u64;
    let phase = Rng::keyed(seed, &[b"survey", kommune.as_str().as_bytes()]).next_u64() % every;
    year as u64 % every == phase
}

/// Every part of the registry's kommuner, in code order.
pub fn build(
    m: &IndicatorModel,
    id: &str,
    reg: &Registry,
    pop: &dyn Population,
    cov: &Covariates,
    seed: u64,
    years: &[u16],
) -> Vec<Part> {
    let d = &m.denominator;
    let mut parts = Vec::new();
    for kommune in reg.at_level(Level::Kommune) {
        let k = &kommune.code;
        let fylke_effect = k
            .fylke()
            .map(|f| effect(seed, id, &f, m.sd_fylke))
            .unwrap_or(0.0);
        // The random effects are what no covariate explains: kommuner alike on paper differ.
        let random = fylke_effect + effect(seed, id, k, m.sd_kommune);
        let base = random + explained(m, cov, k);
        let bydeler: Vec<&AreaCode> = reg.children(k).map(|b| &b.code).collect();
        let survey: Vec<bool> = years
            .iter()
            .map(|&y| surveyed(seed, k, m.survey_every, y))
            .collect();
        let kommune_persons: Vec<Option<u32>> =
            years.iter().map(|&y| persons(pop, k, y, d)).collect();
        let make = |code: &AreaCode, kind, effect, persons: &[Option<u32>]| Part {
            code: code.clone(),
            kind,
            effect,
            den: persons
                .iter()
                .zip(&survey)
                .map(|(p, &s)| if s { count(d, p.unwrap_or(0)) } else { 0 })
                .collect(),
            observed: persons
                .iter()
                .zip(&survey)
                .map(|(p, &s)| s && p.is_some())
                .collect(),
        };
        if bydeler.is_empty() {
            parts.push(make(k, PartKind::Kommune, base, &kommune_persons));
            continue;
        }
        let mut assigned = vec![0u32; years.len()];
        for b in bydeler {
            let bydel_persons: Vec<Option<u32>> =
                years.iter().map(|&y| persons(pop, b, y, d)).collect();
            for (sum, p) in assigned.iter_mut().zip(&bydel_persons) {
                *sum += p.unwrap_or(0);
            }
            let own = random + explained(m, cov, b) + effect(seed, id, b, m.sd_bydel);
            parts.push(make(b, PartKind::Bydel, own, &bydel_persons));
        }
        let rest: Vec<Option<u32>> = kommune_persons
            .iter()
            .zip(&assigned)
            .map(|(k, a)| k.map(|k| k.saturating_sub(*a)))
            .collect();
        parts.push(make(k, PartKind::Rest, base, &rest));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn denominator(share: f64, per: Option<f64>) -> Denominator {
        Denominator {
            ages: [1, 5],
            share,
            per,
        }
    }

    #[test]
    fn denominators_round_and_kindergartens_are_at_least_one() {
        assert_eq!(count(&denominator(0.1, None), 1234), 123);
        assert_eq!(count(&denominator(1.0, None), 0), 0);
        assert_eq!(count(&denominator(1.0, Some(60.0)), 0), 0);
        assert_eq!(count(&denominator(1.0, Some(60.0)), 7), 1);
        assert_eq!(count(&denominator(1.0, Some(60.0)), 150), 3);
    }

    #[test]
    fn every_kommune_surveys_once_in_every_cycle() {
        for k in ["0301", "1103", "1506", "5601"] {
            let code = AreaCode::parse(k).unwrap();
            for start in 2010..2020u16 {
                let n = (start..start + 3)
                    .filter(|&y| surveyed(42, &code, Some(3), y))
                    .count();
                assert_eq!(n, 1, "{k} {start}");
            }
            assert!(surveyed(42, &code, None, 2015));
        }
    }
}
