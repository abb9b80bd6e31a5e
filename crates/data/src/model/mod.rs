//! The demo model: invented, documented, deterministic values («demodata») for the indicators
//! that have no real data here. `data/MODEL.md` describes it in prose and formulas.
//!
//! Counts are drawn for the smallest parts (kommuner, bydeler, and the part of a city that no
//! bydel holds) around a national trajectory with persistent fylke, kommune and bydel effects;
//! kommuner with bydeler, fylker and landet are sums, and multi-year periods sum their years, so
//! every published total adds up as FHI's do. The model returns the true cells: suppression
//! (`oppvekst_core::suppress::apply`) is the caller's next step.

pub mod breakdown;
pub mod covariates;
mod level;
mod params;
mod parts;
pub mod published;
mod rng;

#[cfg(test)]
mod fake;
#[cfg(test)]
mod tests;

pub use covariates::{Covariate, Covariates};
pub use params::{
    Anchor, Denominator, Effect, IndicatorModel, ModelParams, ModelUnit, Ratio, Trajectory,
};

use oppvekst_core::area::{AreaCode, Level, Registry};
use oppvekst_core::indicator::{Cell, Flag, Indicator, Period, Unit};
use oppvekst_core::population::PopulationYear;
use parts::{Part, PartKind};
use rng::Rng;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The population the denominators come from (SSB's files in the CLI, a fake one in tests).
pub trait Population {
    /// SSB age-group population on 1 January (the PopulationYear struct of the core).
    fn year(&self, code: &AreaCode, year: u16) -> Option<PopulationYear>;
    /// Sum of single-year ages from..=to (0–24 available), 1 January.
    fn ages(&self, code: &AreaCode, year: u16, from: u8, to: u8) -> Option<u32>;
}

/// Why the model cannot produce an indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    Io(String),
    Toml(String),
    Invalid {
        id: String,
        msg: String,
    },
    /// `data/model.toml` has no table for the indicator.
    UnknownIndicator(String),
    /// The catalogue and the model disagree on the unit, so the levels would be misread.
    UnitMismatch {
        id: String,
        catalogue: Unit,
        model: Unit,
    },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Io(e) => write!(f, "cannot read the model parameters: {e}"),
            ModelError::Toml(e) => write!(f, "model.toml: {e}"),
            ModelError::Invalid { id, msg } => write!(f, "model.toml, [indicator.{id}]: {msg}"),
            ModelError::UnknownIndicator(id) => write!(f, "model.toml has no [indicator.{id}]"),
            ModelError::UnitMismatch {
                id,
                catalogue,
                model,
            } => write!(
                f,
                "{id}: the catalogue says {catalogue:?}, model.toml says {model:?}"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// Yearly counts of one area, summed from its parts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Tally {
    num: u64,
    den: u64,
    observed: bool,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.num += other.num;
        self.den += other.den;
        self.observed |= other.observed;
    }

    fn cell(self) -> Cell {
        if !self.observed {
            Cell::flagged(Flag::Missing)
        } else if self.den == 0 {
            Cell::flagged(Flag::NotComputable)
        } else {
            // Sums of Norwegian populations fit in u32 many times over.
            let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
            Cell::ok(clamp(self.num), clamp(self.den))
        }
    }
}

/// The model's output before it becomes the map the caller gets: the cities' unassigned part
/// is kept apart so tests can check that bydeler and it add up to the kommune.
pub(crate) struct Modelled {
    pub cells: BTreeMap<AreaCode, Vec<Cell>>,
    /// Per city kommune: the cells of its population without a bydel. Never published (it is
    /// not an area), so only the tests read it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub rests: BTreeMap<AreaCode, Vec<Cell>>,
}

/// The true (unsuppressed) cells of a modelled indicator for landet, every fylke, kommune and
/// bydel of the registry, lined up with `ind.periods`; `cov` holds the areas' real facts that
/// the indicator's covariates read.
pub fn model_indicator(
    ind: &Indicator,
    params: &ModelParams,
    reg: &Registry,
    pop: &dyn Population,
    cov: &Covariates,
    seed: u64,
) -> Result<BTreeMap<AreaCode, Vec<Cell>>, ModelError> {
    Ok(model_parts(ind, params, reg, pop, cov, seed)?.cells)
}

/// Every year any period touches, oldest first.
fn years_of(periods: &[Period]) -> Vec<u16> {
    let years: BTreeSet<u16> = periods.iter().flat_map(|p| p.first..=p.last).collect();
    years.into_iter().collect()
}

pub(crate) fn model_parts(
    ind: &Indicator,
    params: &ModelParams,
    reg: &Registry,
    pop: &dyn Population,
    cov: &Covariates,
    seed: u64,
) -> Result<Modelled, ModelError> {
    let m = params
        .get(&ind.id)
        .ok_or_else(|| ModelError::UnknownIndicator(ind.id.clone()))?;
    if m.unit.unit() != ind.unit {
        return Err(ModelError::UnitMismatch {
            id: ind.id.clone(),
            catalogue: ind.unit,
            model: m.unit.unit(),
        });
    }
    let years = years_of(&ind.periods);
    let parts = parts::build(m, &ind.id, reg, pop, cov, seed, &years);
    let nums = draw(m, &ind.id, &parts, seed, &years);

    // Yearly tallies of every area: parts first, then kommuner into fylker and landet.
    let blank = || vec![Tally::default(); years.len()];
    let mut yearly: BTreeMap<AreaCode, Vec<Tally>> = reg
        .areas()
        .iter()
        .map(|a| (a.code.clone(), blank()))
        .collect();
    let mut rests: BTreeMap<AreaCode, Vec<Tally>> = BTreeMap::new();
    for (part, nums) in parts.iter().zip(&nums) {
        let tallies = (0..years.len()).map(|i| Tally {
            num: nums[i] as u64,
            den: part.den[i] as u64,
            observed: part.observed[i],
        });
        let mut targets = vec![&part.code];
        let kommune = part.code.kommune();
        if part.kind == PartKind::Bydel {
            targets.extend(kommune.as_ref());
        }
        for (i, t) in tallies.enumerate() {
            for code in &targets {
                if let Some(v) = yearly.get_mut(*code) {
                    v[i].add(t);
                }
            }
            if part.kind == PartKind::Rest {
                rests.entry(part.code.clone()).or_insert_with(blank)[i].add(t);
            }
        }
    }
    let kommuner: Vec<(AreaCode, Vec<Tally>)> = yearly
        .iter()
        .filter(|(c, _)| c.level() == Level::Kommune)
        .map(|(c, v)| (c.clone(), v.clone()))
        .collect();
    for (k, tallies) in kommuner {
        for up in [k.fylke(), Some(AreaCode::landet())].into_iter().flatten() {
            if let Some(v) = yearly.get_mut(&up) {
                for (sum, t) in v.iter_mut().zip(&tallies) {
                    sum.add(*t);
                }
            }
        }
    }

    let to_cells = |tallies: &[Tally]| -> Vec<Cell> {
        ind.periods
            .iter()
            .map(|p| {
                let mut sum = Tally::default();
                for (y, t) in years.iter().zip(tallies) {
                    if (p.first..=p.last).contains(y) {
                        sum.add(*t);
                    }
                }
                sum.cell()
            })
            .collect()
    };
    Ok(Modelled {
        cells: yearly
            .iter()
            .map(|(c, t)| (c.clone(), to_cells(t)))
            .collect(),
        rests: rests
            .iter()
            .map(|(c, t)| (c.clone(), to_cells(t)))
            .collect(),
    })
}

/// The numerators of every part and year: a yearly effect per part, the intercept solved for
/// the national target, then binomial (shares) or Poisson (rates) counts.
fn draw(m: &IndicatorModel, id: &str, parts: &[Part], seed: u64, years: &[u16]) -> Vec<Vec<u32>> {
    let keys: Vec<Vec<u8>> = parts.iter().map(Part::key).collect();
    let mut nums = vec![vec![0u32; years.len()]; parts.len()];
    for (i, &year) in years.iter().enumerate() {
        let y = year.to_le_bytes();
        let offsets: Vec<(f64, f64)> = parts
            .iter()
            .zip(&keys)
            .map(|(p, key)| {
                let mut r = Rng::keyed(seed, &[b"year", id.as_bytes(), key, &y]);
                (p.den[i] as f64, p.effect + m.sd_year * r.normal())
            })
            .collect();
        let alpha = level::intercept(m.unit, level::target(m, year), &offsets);
        for (j, ((p, key), (_, offset))) in parts.iter().zip(&keys).zip(&offsets).enumerate() {
            let mut r = Rng::keyed(seed, &[b"count", id.as_bytes(), key, &y]);
            let n = p.den[i];
            let x = level::inv_link(m.unit, alpha + offset);
            nums[j][i] = match m.unit {
                ModelUnit::Percent => r.binomial(n, x),
                // The events are persons with a contact in the year: never more than the
                // persons, which only binds in parts of a handful of people.
                ModelUnit::Per1000 => r.poisson(n as f64 * x).min(n),
            };
        }
    }
    nums
}
