//! The period spec of a catalogue entry, `periods = { first = 2015, last = 2025 }`, and its
//! expansion into the periods an indicator's values cover.
//!
//! `first` and `last` are the last years of the first and the last period, so a spec reads the
//! same whatever the kind: the latest period always ends in `last`.

use oppvekst_core::indicator::{Period, PeriodKind};
use serde::Deserialize;
use std::fmt;

/// Years outside this range cannot be statistics years; the bound also keeps `y − 2` from
/// underflowing.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// How many years an Ungdata pool spans, and so how far apart pools end.
const SPAN: u16 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSpec {
    pub first: u16,
    pub last: u16,
}

/// Why a period spec cannot be expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// `first` comes after `last`: periods must run oldest first.
    Descending {
        first: u16,
        last: u16,
    },
    YearOutOfRange {
        year: u16,
    },
    /// Ungdata pools end every third year, so `last − first` must be a multiple of three.
    PoolStep {
        first: u16,
        last: u16,
    },
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::Descending { first, last } => {
                write!(f, "first ({first}) is after last ({last})")
            }
            PeriodError::YearOutOfRange { year } => {
                write!(f, "{year} is outside {}–{}", YEARS.start(), YEARS.end())
            }
            PeriodError::PoolStep { first, last } => write!(
                f,
                "Ungdata pools end every {SPAN} years, but {first}–{last} is not a multiple of {SPAN}"
            ),
        }
    }
}

impl PeriodSpec {
    /// The periods, oldest first: one per year (Year, SchoolYear), a window of the kind's span
    /// ending in each year (Rolling3, Rolling4, SchoolRolling3), or a pool `y−2..y` ending every
    /// third year (UngdataPooled).
    pub fn expand(self, kind: PeriodKind) -> Result<Vec<Period>, PeriodError> {
        let PeriodSpec { first, last } = self;
        for year in [first, last] {
            if !YEARS.contains(&year) {
                return Err(PeriodError::YearOutOfRange { year });
            }
        }
        if first > last {
            return Err(PeriodError::Descending { first, last });
        }
        let window = |end: u16| Period {
            first: end - (kind.span() - 1),
            last: end,
        };
        Ok(match kind {
            PeriodKind::Year | PeriodKind::SchoolYear => (first..=last).map(Period::year).collect(),
            PeriodKind::Rolling3 | PeriodKind::Rolling4 | PeriodKind::SchoolRolling3 => {
                (first..=last).map(window).collect()
            }
            PeriodKind::UngdataPooled => {
                if (last - first) % SPAN != 0 {
                    return Err(PeriodError::PoolStep { first, last });
                }
                (first..=last).step_by(SPAN.into()).map(window).collect()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(first: u16, last: u16) -> PeriodSpec {
        PeriodSpec { first, last }
    }

    fn p(first: u16, last: u16) -> Period {
        Period { first, last }
    }

    #[test]
    fn a_year_spec_gives_one_period_per_calendar_year() {
        let periods = spec(2015, 2018).expand(PeriodKind::Year).unwrap();
        assert_eq!(
            periods,
            vec![p(2015, 2015), p(2016, 2016), p(2017, 2017), p(2018, 2018)]
        );
    }

    #[test]
    fn a_school_year_is_named_by_its_autumn() {
        let periods = spec(2023, 2024).expand(PeriodKind::SchoolYear).unwrap();
        assert_eq!(periods, vec![p(2023, 2023), p(2024, 2024)]);
    }

    #[test]
    fn rolling_windows_end_in_each_year_and_span_three() {
        let periods = spec(2018, 2020).expand(PeriodKind::Rolling3).unwrap();
        assert_eq!(periods, vec![p(2016, 2018), p(2017, 2019), p(2018, 2020)]);
        assert!(periods.iter().all(|p| p.years() == 3));
    }

    #[test]
    fn four_year_and_school_year_windows_end_in_each_year() {
        let periods = spec(2023, 2024).expand(PeriodKind::Rolling4).unwrap();
        assert_eq!(periods, vec![p(2020, 2023), p(2021, 2024)]);
        let periods = spec(2023, 2024).expand(PeriodKind::SchoolRolling3).unwrap();
        assert_eq!(periods, vec![p(2021, 2023), p(2022, 2024)]);
    }

    #[test]
    fn ungdata_pools_end_every_third_year() {
        let periods = spec(2016, 2025).expand(PeriodKind::UngdataPooled).unwrap();
        assert_eq!(
            periods,
            vec![p(2014, 2016), p(2017, 2019), p(2020, 2022), p(2023, 2025)]
        );
    }

    #[test]
    fn a_single_period_is_allowed() {
        for kind in [
            PeriodKind::Year,
            PeriodKind::Rolling3,
            PeriodKind::SchoolYear,
            PeriodKind::UngdataPooled,
            PeriodKind::Rolling4,
            PeriodKind::SchoolRolling3,
        ] {
            assert_eq!(spec(2020, 2020).expand(kind).unwrap().len(), 1, "{kind:?}");
        }
    }

    #[test]
    fn a_descending_spec_is_refused() {
        assert_eq!(
            spec(2025, 2015).expand(PeriodKind::Year),
            Err(PeriodError::Descending {
                first: 2025,
                last: 2015
            })
        );
    }

    #[test]
    fn a_pool_spec_off_the_three_year_beat_is_refused() {
        assert_eq!(
            spec(2016, 2024).expand(PeriodKind::UngdataPooled),
            Err(PeriodError::PoolStep {
                first: 2016,
                last: 2024
            })
        );
    }

    #[test]
    fn implausible_years_are_refused_instead_of_underflowing() {
        assert_eq!(
            spec(1, 2020).expand(PeriodKind::Rolling3),
            Err(PeriodError::YearOutOfRange { year: 1 })
        );
        assert_eq!(
            spec(2020, 20250).expand(PeriodKind::Year),
            Err(PeriodError::YearOutOfRange { year: 20250 })
        );
    }
}
