//! The spread of the kommuner for one indicator and period: the five-number summary and the
//! range of «de ti beste».
//!
//! Only kommuner with a usable cell take part (suppressed, missing and not computable cells are
//! left out, and `n` says how many remain), so the spread describes the kommuner that have a
//! value, not all 357.
//!
//! **Quantiles** are Hyndman & Fan's type 7 (the default of R and of NumPy, Excel's
//! `PERSENTIL.INK`): for sorted values `x₁ ≤ … ≤ xₙ` and `h = (n − 1)·p`, the `p`-quantile is
//! `x⌊h⌋+1 + (h − ⌊h⌋)(x⌊h⌋+2 − x⌊h⌋+1)`, a linear interpolation between the order statistics;
//! the minimum and maximum are the 0- and 1-quantiles.
//!
//! **De ti beste** is the range of values of the ten kommuner with the best values: the ten
//! highest where higher is better, the ten lowest where higher is worse, and nothing for an
//! indicator without a direction. With fewer than ten kommuner it covers all of them (and
//! `count` says so). Ties at the tenth place do not widen the range, since they share its value.

use super::cells::{catalogue_index, kommune_values};
use crate::codec::ContextBundle;
use crate::indicator::Polarity;
use serde::{Deserialize, Serialize};

/// How many kommuner «de ti beste» holds.
pub const BEST_COUNT: usize = 10;

/// The range of the values of the best kommuner.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BestRange {
    pub lo: f64,
    pub hi: f64,
    /// How many kommuner the range covers: [`BEST_COUNT`], or all when there are fewer.
    pub count: usize,
}

/// The spread of the kommuner's values. The context carries each indicator's latest one
/// (`ContextBundle::spreads`), so that a profile need not load every kommune's cells.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub n: usize,
    pub min: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub max: f64,
    /// `None` for an indicator without a direction.
    pub best: Option<BestRange>,
}

/// The type 7 `p`-quantile of values sorted in ascending order; `None` for no values or a `p`
/// outside `[0, 1]`.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let i = h.floor() as usize;
    let lo = sorted[i];
    let frac = h - i as f64;
    Some(match sorted.get(i + 1) {
        Some(&hi) if frac > 0.0 => lo + frac * (hi - lo),
        _ => lo,
    })
}

/// The spread of values already sorted in ascending order (finite values only).
pub fn spread_sorted(sorted: &[f64], polarity: Polarity) -> Option<Spread> {
    let n = sorted.len();
    let (&min, &max) = (sorted.first()?, sorted.last()?);
    let count = n.min(BEST_COUNT);
    let best = match polarity {
        Polarity::HigherIsBetter => Some(BestRange {
            lo: sorted[n - count],
            hi: max,
            count,
        }),
        Polarity::HigherIsWorse => Some(BestRange {
            lo: min,
            hi: sorted[count - 1],
            count,
        }),
        Polarity::NoDirection => None,
    };
    Some(Spread {
        n,
        min,
        p25: quantile(sorted, 0.25)?,
        median: quantile(sorted, 0.5)?,
        p75: quantile(sorted, 0.75)?,
        max,
        best,
    })
}

/// The spread of values in any order; values that are not finite are left out.
pub fn spread_of(values: &[f64], polarity: Polarity) -> Option<Spread> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_unstable_by(f64::total_cmp);
    spread_sorted(&sorted, polarity)
}

/// The spread over all kommuner of indicator `id` in period index `period`.
pub fn kommune_spread(ctx: &ContextBundle, id: &str, period: usize) -> Option<Spread> {
    let ind = catalogue_index(ctx, id)?;
    let values: Vec<f64> = kommune_values(ctx, ind, period)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    spread_of(&values, ctx.catalogue[ind].polarity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn type_7_quantiles() {
        // R: quantile(c(1, 2, 3, 4), c(.25, .5, .75)) = 1.75 2.5 3.25
        let s = spread_of(&[4.0, 1.0, 3.0, 2.0], Polarity::NoDirection).unwrap();
        assert_eq!(
            (s.min, s.p25, s.median, s.p75, s.max),
            (1.0, 1.75, 2.5, 3.25, 4.0)
        );
        assert_eq!(s.n, 4);
        assert_eq!(s.best, None);
        assert_eq!(quantile(&[7.0], 0.3), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[1.0, 2.0], 1.5), None);
    }

    #[test]
    fn the_ten_best_respect_polarity() {
        let values: Vec<f64> = (1..=30).map(f64::from).collect();
        let up = spread_of(&values, Polarity::HigherIsBetter).unwrap();
        assert_eq!(
            up.best,
            Some(BestRange {
                lo: 21.0,
                hi: 30.0,
                count: 10
            })
        );
        let down = spread_of(&values, Polarity::HigherIsWorse).unwrap();
        assert_eq!(
            down.best,
            Some(BestRange {
                lo: 1.0,
                hi: 10.0,
                count: 10
            })
        );
        let few = spread_of(&[3.0, 1.0, 2.0], Polarity::HigherIsWorse).unwrap();
        assert_eq!(
            few.best,
            Some(BestRange {
                lo: 1.0,
                hi: 3.0,
                count: 3
            })
        );
    }

    #[test]
    fn no_values_no_spread() {
        assert_eq!(spread_of(&[], Polarity::HigherIsBetter), None);
        assert_eq!(spread_of(&[f64::NAN], Polarity::HigherIsBetter), None);
    }

    proptest! {
        #[test]
        fn quantiles_are_ordered(values in proptest::collection::vec(-1e6f64..1e6, 1..400),
                                 up in any::<bool>()) {
            let p = if up { Polarity::HigherIsBetter } else { Polarity::HigherIsWorse };
            let s = spread_of(&values, p).unwrap();
            prop_assert!(s.min <= s.p25 && s.p25 <= s.median && s.median <= s.p75 && s.p75 <= s.max);
            prop_assert_eq!(s.n, values.len());
            let b = s.best.unwrap();
            prop_assert!(s.min <= b.lo && b.lo <= b.hi && b.hi <= s.max);
            // Exactly `count` values are at least as good as the range's worst end.
            let inside = values.iter().filter(|&&v| if up { v >= b.lo } else { v <= b.hi }).count();
            prop_assert!(inside >= b.count);
        }
    }
}
