//! Comparison of an area with a reference (landet, or the kommune of a bydel): the marks of the
//! barometer.
//!
//! The method is the one of FHI's folkehelsebarometer and of Fingertips (OHID): the area's value
//! is *significantly different* from the reference when the reference's value lies outside the
//! area's confidence interval ([`cell_ci`]: Wilson for shares, exact Poisson for rates). The
//! reference is treated as a fixed value: landet's counts are so large that its own uncertainty
//! is negligible next to a kommune's, and the test then reads as «could the area's true value be
//! the national one?». The area is *higher* when the reference lies below the interval and
//! *lower* when it lies above it; the indicator's polarity turns higher and lower into better
//! and worse. An indicator without a test is shown without a mark.
//!
//! The comparison uses an area's cell only when it carries counts: a suppressed, missing or
//! not computable cell gives [`Comparison::NoData`], so nothing is ever inferred from a
//! suppressed value.

use super::ci::{cell_ci, Confidence, Interval};
use crate::indicator::{Cell, Indicator, Polarity, TestKind};

/// The outcome of comparing an area with its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// Significantly better than the reference.
    Better,
    /// Significantly worse than the reference.
    Worse,
    /// No significant difference.
    Similar,
    /// Significantly higher, for an indicator where higher is neither good nor bad.
    Higher,
    /// Significantly lower, for an indicator where lower is neither good nor bad.
    Lower,
    /// The indicator has no test (a count, a change): the value is shown without a mark.
    NotTested,
    /// The area or the reference has no value (suppressed, missing, not computable).
    NoData,
}

/// The colour of a comparison in the barometer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Green,
    Red,
    Yellow,
    /// A significant difference with no better or worse: a neutral colour.
    Neutral,
    /// Nothing to mark.
    None,
}

impl Comparison {
    pub const ALL: [Comparison; 7] = [
        Comparison::Better,
        Comparison::Worse,
        Comparison::Similar,
        Comparison::Higher,
        Comparison::Lower,
        Comparison::NotTested,
        Comparison::NoData,
    ];

    /// The order of the marks in every legend (barometer, map, overview): the colours that
    /// judge first, then the neutral ones.
    pub const LEGEND: [Comparison; 6] = [
        Comparison::Better,
        Comparison::Similar,
        Comparison::Worse,
        Comparison::Higher,
        Comparison::Lower,
        Comparison::NotTested,
    ];

    pub fn mark(self) -> Mark {
        match self {
            Comparison::Better => Mark::Green,
            Comparison::Worse => Mark::Red,
            Comparison::Similar => Mark::Yellow,
            Comparison::Higher | Comparison::Lower => Mark::Neutral,
            Comparison::NotTested | Comparison::NoData => Mark::None,
        }
    }

    /// Whether the difference is significant (better, worse, higher or lower).
    pub fn is_significant(self) -> bool {
        matches!(
            self,
            Comparison::Better | Comparison::Worse | Comparison::Higher | Comparison::Lower
        )
    }

    /// Turns `Higher`/`Lower` into `Better`/`Worse` by the indicator's polarity; any other
    /// comparison is returned as it is.
    pub fn polarised(self, polarity: Polarity) -> Comparison {
        match (self, polarity) {
            (Comparison::Higher, Polarity::HigherIsBetter)
            | (Comparison::Lower, Polarity::HigherIsWorse) => Comparison::Better,
            (Comparison::Higher, Polarity::HigherIsWorse)
            | (Comparison::Lower, Polarity::HigherIsBetter) => Comparison::Worse,
            (c, _) => c,
        }
    }

    /// Whether the area is higher (`Some(true)`) or lower (`Some(false)`) than the reference,
    /// undoing the polarity; `None` when there is no significant difference.
    pub fn is_higher(self, polarity: Polarity) -> Option<bool> {
        match (self, polarity) {
            (Comparison::Higher, _) => Some(true),
            (Comparison::Lower, _) => Some(false),
            (Comparison::Better, Polarity::HigherIsBetter)
            | (Comparison::Worse, Polarity::HigherIsWorse) => Some(true),
            (Comparison::Better, Polarity::HigherIsWorse)
            | (Comparison::Worse, Polarity::HigherIsBetter) => Some(false),
            _ => None,
        }
    }
}

/// Compares an area's cell with the reference's value (already in the indicator's unit).
pub fn compare_with_value(
    ind: &Indicator,
    area: &Cell,
    reference: Option<f64>,
    conf: Confidence,
) -> Comparison {
    compare_ci(ind, area, cell_ci(ind, area, conf), reference)
}

/// As [`compare_with_value`], for a caller that already holds the area's interval
/// (`cell_ci(ind, area, conf)`), so that a pass over every cell computes it once.
pub fn compare_ci(
    ind: &Indicator,
    area: &Cell,
    area_ci: Option<Interval>,
    reference: Option<f64>,
) -> Comparison {
    if !area.is_ok() || area.value(ind.unit).is_none() {
        return Comparison::NoData;
    }
    let Some(reference) = reference.filter(|v| v.is_finite()) else {
        return Comparison::NoData;
    };
    if ind.test == TestKind::None {
        return Comparison::NotTested;
    }
    let Some(ci) = area_ci else {
        // Counts a test cannot use (a share above 100 %): nothing to say about significance.
        return Comparison::NotTested;
    };
    let raw = if reference < ci.lo {
        Comparison::Higher
    } else if reference > ci.hi {
        Comparison::Lower
    } else {
        Comparison::Similar
    };
    raw.polarised(ind.polarity)
}

/// Compares an area's cell with the reference's cell for the same indicator and period.
pub fn compare(ind: &Indicator, area: &Cell, reference: &Cell, conf: Confidence) -> Comparison {
    compare_with_value(ind, area, reference.value(ind.unit), conf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Flag, Unit};
    use crate::stats::testutil::indicator;
    use proptest::prelude::*;

    fn share(p: Polarity) -> Indicator {
        indicator("a", Unit::Percent, TestKind::Binomial, p)
    }

    const LANDET: Cell = Cell {
        num: 98_000,
        den: 1_000_000,
        flag: Flag::Ok,
    };

    #[test]
    fn reference_outside_the_interval_is_significant() {
        let c = Confidence::P95;
        // 5 of 100: 2,15–11,18 %; landet 9,8 % lies inside.
        let bad = share(Polarity::HigherIsWorse);
        assert_eq!(
            compare(&bad, &Cell::ok(5, 100), &LANDET, c),
            Comparison::Similar
        );
        // 50 of 1000: 3,8–6,5 %; landet 9,8 % lies above: lower, which is better here.
        assert_eq!(
            compare(&bad, &Cell::ok(50, 1000), &LANDET, c),
            Comparison::Better
        );
        let good = share(Polarity::HigherIsBetter);
        assert_eq!(
            compare(&good, &Cell::ok(50, 1000), &LANDET, c),
            Comparison::Worse
        );
        let neutral = share(Polarity::NoDirection);
        assert_eq!(
            compare(&neutral, &Cell::ok(50, 1000), &LANDET, c),
            Comparison::Lower
        );
        assert_eq!(
            compare(&neutral, &Cell::ok(200, 1000), &LANDET, c),
            Comparison::Higher
        );
    }

    #[test]
    fn the_stricter_level_marks_fewer_areas() {
        // 14,4 % of 1000: the 95 % interval (12,3–16,7 %) excludes 12 %, the 99,8 % one does not.
        let landet = Cell::ok(120_000, 1_000_000);
        let ind = share(Polarity::HigherIsWorse);
        let area = Cell::ok(144, 1000);
        assert_eq!(
            compare(&ind, &area, &landet, Confidence::P95),
            Comparison::Worse
        );
        assert_eq!(
            compare(&ind, &area, &landet, Confidence::P998),
            Comparison::Similar
        );
    }

    #[test]
    fn suppressed_cells_give_no_data() {
        let ind = share(Polarity::HigherIsWorse);
        let c = Confidence::P95;
        for flag in [Flag::Suppressed, Flag::Missing, Flag::NotComputable] {
            assert_eq!(
                compare(&ind, &Cell::flagged(flag), &LANDET, c),
                Comparison::NoData
            );
            // Counts that leaked into a flagged cell are not used either.
            let leaked = Cell {
                num: 900,
                den: 1000,
                flag,
            };
            assert_eq!(compare(&ind, &leaked, &LANDET, c), Comparison::NoData);
            assert_eq!(
                compare(&ind, &Cell::ok(5, 100), &Cell::flagged(flag), c),
                Comparison::NoData
            );
        }
        assert_eq!(
            compare(&ind, &Cell::ok(0, 0), &LANDET, c),
            Comparison::NoData
        );
        assert_eq!(Comparison::NoData.mark(), Mark::None);
    }

    #[test]
    fn untested_indicators_are_not_marked() {
        let ind = indicator("n", Unit::Count, TestKind::None, Polarity::HigherIsBetter);
        let r = compare(&ind, &Cell::ok(5, 0), &Cell::ok(900, 0), Confidence::P95);
        assert_eq!(r, Comparison::NotTested);
        assert_eq!(r.mark(), Mark::None);
    }

    #[test]
    fn marks() {
        assert_eq!(Comparison::Better.mark(), Mark::Green);
        assert_eq!(Comparison::Worse.mark(), Mark::Red);
        assert_eq!(Comparison::Similar.mark(), Mark::Yellow);
        assert_eq!(Comparison::Higher.mark(), Mark::Neutral);
        assert_eq!(Comparison::Lower.mark(), Mark::Neutral);
        assert_eq!(Comparison::NotTested.mark(), Mark::None);
    }

    #[test]
    fn is_higher_undoes_the_polarity() {
        for p in [
            Polarity::HigherIsBetter,
            Polarity::HigherIsWorse,
            Polarity::NoDirection,
        ] {
            assert_eq!(Comparison::Higher.polarised(p).is_higher(p), Some(true));
            assert_eq!(Comparison::Lower.polarised(p).is_higher(p), Some(false));
        }
        assert_eq!(
            Comparison::Similar.is_higher(Polarity::HigherIsBetter),
            None
        );
    }

    fn flip(p: Polarity) -> Polarity {
        match p {
            Polarity::HigherIsBetter => Polarity::HigherIsWorse,
            Polarity::HigherIsWorse => Polarity::HigherIsBetter,
            Polarity::NoDirection => Polarity::NoDirection,
        }
    }

    proptest! {
        #[test]
        fn flipping_the_polarity_swaps_better_and_worse(num in 0u32..5_000, den in 1u32..5_000,
                                                        rnum in 0u32..1_000, poisson in any::<bool>(),
                                                        higher_better in any::<bool>()) {
            let num = num.min(den);
            let p = if higher_better { Polarity::HigherIsBetter } else { Polarity::HigherIsWorse };
            let test = if poisson { TestKind::Poisson } else { TestKind::Binomial };
            let a = indicator("a", Unit::Percent, test, p);
            let b = indicator("a", Unit::Percent, test, flip(p));
            let reference = Cell::ok(rnum, 1_000);
            let ra = compare(&a, &Cell::ok(num, den), &reference, Confidence::P95);
            let rb = compare(&b, &Cell::ok(num, den), &reference, Confidence::P95);
            let swapped = match ra {
                Comparison::Better => Comparison::Worse,
                Comparison::Worse => Comparison::Better,
                other => other,
            };
            prop_assert_eq!(rb, swapped);
            let colour = match ra.mark() {
                Mark::Green => Mark::Red,
                Mark::Red => Mark::Green,
                other => other,
            };
            prop_assert_eq!(rb.mark(), colour);
            // Without a direction the same test says only higher or lower.
            let n = indicator("a", Unit::Percent, test, Polarity::NoDirection);
            let rn = compare(&n, &Cell::ok(num, den), &reference, Confidence::P95);
            prop_assert_eq!(rn.polarised(p), ra);
            prop_assert!(!matches!(rn, Comparison::Better | Comparison::Worse));
        }
    }
}
