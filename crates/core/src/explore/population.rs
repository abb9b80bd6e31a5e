//! The population view: the age profile 0–24 by single year as shares of the whole
//! population, set against landet's, and the number of children 0–17 over the years. Real
//! figures from SSB, never modelled.

use crate::codec::AreaBundle;
use crate::population::{AgeProfile, PopulationSeries};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgeBar {
    pub age: usize,
    pub count: u32,
    /// Percent of the area's whole population.
    pub share: f64,
    /// Percent of landet's whole population.
    pub landet_share: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgeView {
    pub year: u16,
    pub total: u32,
    pub ages: Vec<AgeBar>,
}

/// The counts by age and the whole population of one year.
fn year_of<'a>(
    ages: &'a AgeProfile,
    population: &PopulationSeries,
    year: u16,
) -> Option<(&'a [u32], u32)> {
    let row = ages
        .years
        .get(usize::from(year.checked_sub(ages.first_year)?))?;
    let total = population.get(year)?.total;
    (total > 0).then_some((row.as_slice(), total))
}

/// The latest year for which the area and landet (its bundle) have both the ages and the
/// whole population.
pub fn age_view(area: &AreaBundle, landet: &AreaBundle) -> Option<AgeView> {
    let last = area.ages.first_year + area.ages.years.len().checked_sub(1)? as u16;
    (area.ages.first_year..=last).rev().find_map(|year| {
        let (own, total) = year_of(&area.ages, &area.population, year)?;
        let (landet, landet_total) = year_of(&landet.ages, &landet.population, year)?;
        Some(AgeView {
            year,
            total,
            ages: own
                .iter()
                .zip(landet)
                .enumerate()
                .map(|(age, (&count, &l))| AgeBar {
                    age,
                    count,
                    share: 100.0 * f64::from(count) / f64::from(total),
                    landet_share: 100.0 * f64::from(l) / f64::from(landet_total),
                })
                .collect(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::PopulationYear;
    use crate::stats::testutil::area_with;

    fn series(first: u16, totals: &[u32]) -> PopulationSeries {
        PopulationSeries {
            first_year: first,
            years: totals
                .iter()
                .map(|&total| PopulationYear {
                    total,
                    ..Default::default()
                })
                .collect(),
        }
    }

    #[test]
    fn shares_of_the_latest_common_year() {
        let mut landet = area_with("0", Vec::new());
        landet.population = series(2024, &[1000, 2000]);
        landet.ages = AgeProfile {
            first_year: 2024,
            years: vec![[10; 25], [20; 25]],
        };
        let mut area = area_with("4601", Vec::new());
        // The area's ages reach 2026, its population 2025: 2025 is the latest common year.
        area.population = series(2024, &[100, 200]);
        let mut row = [0u32; 25];
        row[0] = 4;
        row[24] = 10;
        area.ages = AgeProfile {
            first_year: 2024,
            years: vec![[1; 25], row, [9; 25]],
        };
        let v = age_view(&area, &landet).unwrap();
        assert_eq!(v.year, 2025);
        assert_eq!(v.total, 200);
        assert_eq!(v.ages.len(), 25);
        assert_eq!(v.ages[0].count, 4);
        assert_eq!(v.ages[0].share, 2.0);
        assert_eq!(v.ages[24].share, 5.0);
        assert_eq!(v.ages[3].landet_share, 1.0);
        area.ages = AgeProfile::default();
        assert_eq!(age_view(&area, &landet), None);
    }
}
