//! Population on 1 January by year: the real SSB figures behind the Befolkning indicators and
//! the denominators of every modelled indicator.

use crate::area::AreaCode;
use serde::{Deserialize, Serialize};

/// The age groups SSB's compiled table gives for one area and year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationYear {
    pub total: u32,
    pub age_0_5: u32,
    pub age_6_15: u32,
    pub age_0_17: u32,
    pub age_0_24: u32,
    pub age_16_24: u32,
}

impl PopulationYear {
    /// Children 0–17 as a share of all, in percent.
    pub fn share_0_17(&self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * self.age_0_17 as f64 / self.total as f64)
    }

    /// The six groups in the order of the fields, for code that handles them alike (the codec).
    pub fn groups(&self) -> [u32; 6] {
        [
            self.total,
            self.age_0_5,
            self.age_6_15,
            self.age_0_17,
            self.age_0_24,
            self.age_16_24,
        ]
    }

    pub fn from_groups(g: [u32; 6]) -> PopulationYear {
        let [total, age_0_5, age_6_15, age_0_17, age_0_24, age_16_24] = g;
        PopulationYear {
            total,
            age_0_5,
            age_6_15,
            age_0_17,
            age_0_24,
            age_16_24,
        }
    }

    /// Whether the age groups nest as they must (a part is never larger than its whole).
    pub fn is_consistent(&self) -> bool {
        self.age_0_5 <= self.age_0_17
            && self.age_6_15 <= self.age_0_17
            && self.age_0_17 <= self.age_0_24
            && self.age_16_24 <= self.age_0_24
            && self.age_0_24 <= self.total
    }
}

/// One area's population for consecutive years from `first_year`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PopulationSeries {
    pub first_year: u16,
    #[serde(with = "crate::codec::packed::years")]
    pub years: Vec<PopulationYear>,
}

impl PopulationSeries {
    pub fn last_year(&self) -> Option<u16> {
        (!self.years.is_empty()).then(|| self.first_year + self.years.len() as u16 - 1)
    }

    pub fn get(&self, year: u16) -> Option<&PopulationYear> {
        year.checked_sub(self.first_year)
            .and_then(|i| self.years.get(i as usize))
    }

    pub fn latest(&self) -> Option<(u16, &PopulationYear)> {
        Some((self.last_year()?, self.years.last()?))
    }

    /// `(year, value)` pairs of one age group, for charts and tables.
    pub fn points(&self, pick: impl Fn(&PopulationYear) -> u32) -> Vec<(u16, u32)> {
        (self.first_year..)
            .zip(self.years.iter().map(pick))
            .collect()
    }
}

/// The indicators computed from the population itself (SSB's counts, never modelled).
pub const INDICATORS: [&str; 3] = ["barn_0_17", "endring_barn_0_17", "barn_0_5"];

/// The division that makes `code`'s population up to some year an estimate, if any.
pub fn apportioned_for<'a>(list: &'a [Apportioned], code: &AreaCode) -> Option<&'a Apportioned> {
    list.iter().find(|a| a.parts.contains(code))
}

/// Kommuner divided in `by` whose earlier years the source split evenly among the parts: those
/// years are apportioned by the parts' own shares in `by`, per age, and are estimates. The app
/// says so wherever it shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Apportioned {
    pub parts: Vec<AreaCode>,
    /// The last year that is an estimate.
    pub until: u16,
    /// The year whose shares were used: the parts' first year of their own.
    pub by: u16,
}

impl Apportioned {
    /// Whether `year` of `code` is an estimate.
    pub fn covers(&self, code: &AreaCode, year: u16) -> bool {
        year <= self.until && self.parts.contains(code)
    }
}

/// Population by single year of age 0–24 for consecutive years: the age profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgeProfile {
    pub first_year: u16,
    /// One row per year, each with the counts for ages `0..=MAX_AGE`. Fixed-width rows: the
    /// width cannot be wrong, and a profile is one allocation.
    #[serde(with = "crate::codec::packed::ages")]
    pub years: Vec<AgeRow>,
}

/// One year's counts for ages `0..=AgeProfile::MAX_AGE`.
pub type AgeRow = [u32; AgeProfile::MAX_AGE + 1];

impl AgeProfile {
    pub const MAX_AGE: usize = 24;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_lookup_by_year() {
        let s = PopulationSeries {
            first_year: 2005,
            years: vec![
                PopulationYear {
                    total: 100,
                    age_0_17: 20,
                    age_0_24: 30,
                    ..Default::default()
                },
                PopulationYear {
                    total: 200,
                    age_0_17: 50,
                    age_0_24: 60,
                    ..Default::default()
                },
            ],
        };
        assert_eq!(s.last_year(), Some(2006));
        assert_eq!(s.get(2006).unwrap().total, 200);
        assert!(s.get(2004).is_none());
        assert!(s.get(2007).is_none());
        assert_eq!(s.latest().unwrap().1.share_0_17(), Some(25.0));
        assert_eq!(s.points(|p| p.age_0_17), vec![(2005, 20), (2006, 50)]);
        assert!(s.years.iter().all(PopulationYear::is_consistent));
    }
}
