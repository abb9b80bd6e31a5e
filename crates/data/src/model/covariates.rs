//! The covariates of the demo model: real facts about each area (how many immigrants live there,
//! how densely it is settled, Oslo's områdesatsing, a bydel's share of children) that move its
//! invented values the way such places' real values move, so that the demo is shaped like the
//! country. `crate::geography` reads them from the sources; `data/MODEL.md` says how each is
//! scaled.

use oppvekst_core::area::AreaCode;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One covariate, named as `data/model.toml` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Covariate {
    /// The kommune's immigrants as a share of its population in 2014 (IMDi/SSB), on the logit
    /// scale, centred on landet's share: +1 is one logit above landet.
    Innvandrere,
    /// How densely the kommune is settled: ln(persons per km²), as a z-score over kommuner.
    Tetthet,
    /// A bydel of Oslo's områdesatsing is 1 above the city's others, centred on the city's
    /// children (1 − p and −p, p the children's share in the satsing); 0 elsewhere.
    Satsing,
    /// A bydel's share of children 0–17, as a z-score over its city's bydeler; 0 elsewhere.
    Barneandel,
}

impl Covariate {
    pub const ALL: [Covariate; 4] = [
        Covariate::Innvandrere,
        Covariate::Tetthet,
        Covariate::Satsing,
        Covariate::Barneandel,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// The covariates' values per kommune and bydel. A bydel holds its kommune's kommune-level
/// values (immigrants, density: known per kommune only) with its own satsing and share of
/// children; a city's population outside its bydeler takes the kommune's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Covariates {
    values: BTreeMap<AreaCode, [f64; 4]>,
}

impl Covariates {
    /// No covariates: every area is at 0, so the model is its random effects alone.
    pub fn none() -> Covariates {
        Covariates::default()
    }

    /// Sets one covariate of one area.
    pub fn set(&mut self, code: &AreaCode, c: Covariate, value: f64) {
        self.values.entry(code.clone()).or_default()[c.index()] = value;
    }

    /// One covariate of an area; 0 where it is not known.
    pub fn get(&self, code: &AreaCode, c: Covariate) -> f64 {
        self.values.get(code).map_or(0.0, |v| v[c.index()])
    }

    /// The areas that have values.
    pub fn areas(&self) -> impl Iterator<Item = &AreaCode> {
        self.values.keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_areas_and_unset_covariates_are_zero() {
        let oslo = AreaCode::parse("0301").unwrap();
        let mut c = Covariates::none();
        assert_eq!(c.get(&oslo, Covariate::Innvandrere), 0.0);
        c.set(&oslo, Covariate::Innvandrere, 1.25);
        assert_eq!(c.get(&oslo, Covariate::Innvandrere), 1.25);
        assert_eq!(c.get(&oslo, Covariate::Satsing), 0.0);
    }
}
