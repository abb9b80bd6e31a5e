//! Multi-year values built from sums of counts, as FHI builds its 3- and 10-year figures: the
//! numerators of consecutive years are added, and so are the denominators.
//!
//! Summing counts (rather than averaging yearly rates) weights each year by its denominator and
//! gives a cell that the intervals and tests treat like any other.
//!
//! **Suppression.** A pool is computed only from cells that carry counts, and *if any year in
//! the window is suppressed, the pool is suppressed*, whatever [`PoolRule::min_years`] says.
//! A pool over the other years would hold nothing secret by itself, but it would carry the
//! label of a window that includes the suppressed year and be read as the full multi-year
//! value; wherever the full sum is known (FHI's own multi-year figure, say), the difference is
//! exactly the suppressed count. So every pool shown is a sum over a window free of
//! suppression, and no combination of shown values can recompute a suppressed cell.
//!
//! **Missing years.** A missing or not computable year hides nothing, so it is merely left out:
//! the pool is still computed when at least [`PoolRule::min_years`] years of the window carry
//! counts, and says how many it used. With fewer it is [`Flag::NotComputable`]. The default
//! rule asks for every year of the window.

use crate::indicator::{Cell, Flag, Indicator, Period, PeriodKind, Unit};

/// How many consecutive periods a pool covers, and how many of them must carry counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolRule {
    pub window: usize,
    pub min_years: usize,
}

impl Default for PoolRule {
    /// Three years, all of them needed: FHI's usual multi-year figure.
    fn default() -> PoolRule {
        PoolRule {
            window: 3,
            min_years: 3,
        }
    }
}

/// One pooled value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pooled {
    /// The summed counts, or a flag when there are none to show.
    pub cell: Cell,
    /// From the first year of the window to the last.
    pub period: Period,
    /// How many years the sums cover (0 for a flagged pool).
    pub years_used: usize,
}

/// Whether an indicator's values can be pooled by summing counts: single years (or school
/// years) of a share, a rate or a count. Rolling and Ungdata periods already overlap or pool,
/// and an index or a change is not a ratio of summable counts.
pub fn poolable(ind: &Indicator) -> bool {
    matches!(ind.period_kind, PeriodKind::Year | PeriodKind::SchoolYear)
        && matches!(ind.unit, Unit::Percent | Unit::Per1000 | Unit::Count)
}

/// The pool of the `rule.window` periods that end with period index `end`.
///
/// `None` when the request itself cannot be met: the indicator is not [`poolable`], the window
/// is empty or reaches before the first period, `end` is out of range, `min_years` exceeds the
/// window, or the periods of the window are not consecutive years.
pub fn pool_at(ind: &Indicator, cells: &[Cell], end: usize, rule: PoolRule) -> Option<Pooled> {
    if !poolable(ind) || rule.window == 0 || rule.min_years > rule.window {
        return None;
    }
    let start = (end + 1).checked_sub(rule.window)?;
    let periods = ind.periods.get(start..=end)?;
    let cells = cells.get(start..=end)?;
    if periods
        .windows(2)
        .any(|w| w[1].first != w[0].last.saturating_add(1))
    {
        return None;
    }
    let period = Period {
        first: periods[0].first,
        last: periods[periods.len() - 1].last,
    };
    let flagged = |flag| Pooled {
        cell: Cell::flagged(flag),
        period,
        years_used: 0,
    };
    if cells.iter().any(|c| c.flag == Flag::Suppressed) {
        return Some(flagged(Flag::Suppressed));
    }
    let (mut num, mut den, mut used) = (0u32, 0u32, 0usize);
    for c in cells.iter().filter(|c| c.is_ok()) {
        // Sums beyond u32 cannot travel in a cell; they do not occur in Norwegian counts.
        let (Some(n), Some(d)) = (num.checked_add(c.num), den.checked_add(c.den)) else {
            return Some(flagged(Flag::NotComputable));
        };
        (num, den, used) = (n, d, used + 1);
    }
    if used == 0 || used < rule.min_years {
        return Some(flagged(Flag::NotComputable));
    }
    Some(Pooled {
        cell: Cell::ok(num, den),
        period,
        years_used: used,
    })
}

/// The rolling pools of a whole series: entry `i` is the pool ending at period `i`, `None`
/// where the window does not fit (the first `window − 1` periods, or a gap in the years).
pub fn pool_series(ind: &Indicator, cells: &[Cell], rule: PoolRule) -> Vec<Option<Pooled>> {
    (0..cells.len().min(ind.periods.len()))
        .map(|end| pool_at(ind, cells, end, rule))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Polarity, TestKind};
    use crate::stats::testutil::indicator;
    use proptest::prelude::*;

    fn rate() -> Indicator {
        indicator(
            "r",
            Unit::Per1000,
            TestKind::Poisson,
            Polarity::HigherIsWorse,
        )
    }

    #[test]
    fn sums_counts_over_the_window() {
        let cells = [
            Cell::ok(1, 100),
            Cell::ok(2, 110),
            Cell::ok(3, 120),
            Cell::ok(4, 130),
            Cell::ok(5, 140),
        ];
        let p = pool_at(&rate(), &cells, 4, PoolRule::default()).unwrap();
        assert_eq!(p.cell, Cell::ok(12, 390));
        assert_eq!(
            p.period,
            Period {
                first: 2022,
                last: 2024
            }
        );
        assert_eq!(p.years_used, 3);
        let all = pool_series(&rate(), &cells, PoolRule::default());
        assert_eq!(all[0], None);
        assert_eq!(all[1], None);
        assert_eq!(all[2].unwrap().cell, Cell::ok(6, 330));
    }

    #[test]
    fn a_suppressed_year_suppresses_the_pool() {
        let cells = [
            Cell::ok(9, 100),
            Cell::flagged(Flag::Suppressed),
            Cell::ok(9, 100),
            Cell::ok(9, 100),
            Cell::ok(9, 100),
        ];
        let lenient = PoolRule {
            window: 3,
            min_years: 1,
        };
        for rule in [PoolRule::default(), lenient] {
            for end in 2..=3 {
                let p = pool_at(&rate(), &cells, end, rule).unwrap();
                assert_eq!(p.cell, Cell::flagged(Flag::Suppressed));
                assert_eq!((p.cell.num, p.cell.den, p.years_used), (0, 0, 0));
            }
            // The window that has moved past the suppressed year is computed again.
            assert!(pool_at(&rate(), &cells, 4, rule).unwrap().cell.is_ok());
        }
    }

    #[test]
    fn missing_years_follow_min_years() {
        let cells = [
            Cell::ok(1, 100),
            Cell::flagged(Flag::Missing),
            Cell::ok(3, 100),
            Cell::ok(4, 100),
            Cell::ok(5, 100),
        ];
        let strict = pool_at(&rate(), &cells, 2, PoolRule::default()).unwrap();
        assert_eq!(strict.cell.flag, Flag::NotComputable);
        let rule = PoolRule {
            window: 3,
            min_years: 2,
        };
        let lenient = pool_at(&rate(), &cells, 2, rule).unwrap();
        assert_eq!(lenient.cell, Cell::ok(4, 200));
        assert_eq!(lenient.years_used, 2);
        assert_eq!(
            lenient.period,
            Period {
                first: 2020,
                last: 2022
            }
        );
    }

    #[test]
    fn impossible_requests_are_none() {
        let cells = [Cell::ok(1, 10); 5];
        let r = rate();
        assert_eq!(pool_at(&r, &cells, 9, PoolRule::default()), None);
        assert_eq!(pool_at(&r, &cells[..2], 4, PoolRule::default()), None);
        let bad = PoolRule {
            window: 2,
            min_years: 3,
        };
        assert_eq!(pool_at(&r, &cells, 4, bad), None);
        let mut gap = rate();
        gap.periods[3] = Period::year(2030);
        gap.periods[4] = Period::year(2031);
        assert_eq!(pool_at(&gap, &cells, 3, PoolRule::default()), None);
        let mut rolling = rate();
        rolling.period_kind = PeriodKind::Rolling3;
        assert_eq!(pool_at(&rolling, &cells, 4, PoolRule::default()), None);
        let index = indicator("i", Unit::Index, TestKind::Poisson, Polarity::HigherIsWorse);
        assert_eq!(pool_at(&index, &cells, 4, PoolRule::default()), None);
    }

    proptest! {
        #[test]
        fn pooled_counts_equal_sums(counts in proptest::collection::vec((0u32..100_000, 0u32..100_000), 5),
                                    window in 1usize..=5) {
            let cells: Vec<Cell> = counts.iter().map(|&(n, d)| Cell::ok(n, d)).collect();
            let rule = PoolRule { window, min_years: window };
            for (end, pool) in pool_series(&rate(), &cells, rule).into_iter().enumerate() {
                if end + 1 < window {
                    prop_assert!(pool.is_none());
                    continue;
                }
                let pool = pool.unwrap();
                let slice = &counts[end + 1 - window..=end];
                let num: u32 = slice.iter().map(|c| c.0).sum();
                let den: u32 = slice.iter().map(|c| c.1).sum();
                prop_assert_eq!(pool.cell, Cell::ok(num, den));
                prop_assert_eq!(pool.years_used, window);
            }
        }
    }
}
