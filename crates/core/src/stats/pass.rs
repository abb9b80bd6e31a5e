//! The full pass: every statistic the barometer, the spread and the maps need, over every
//! kommune, indicator and period at once. It is what the app would redo on a change of level
//! or confidence, and what the benchmark times.

use super::cells::landet;
use super::ci::{cell_ci, Confidence};
use super::compare::{compare_ci, Comparison};
use super::rank::{rank_into, Ranking};
use super::spread::spread_sorted;
use crate::codec::ContextBundle;
use crate::indicator::Cell;

/// What a pass found: small, so the caller can look at it, and a function of every result, so
/// that no part of the pass can be optimised away.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PassSummary {
    /// Kommune cells visited (kommuner × indicators × periods).
    pub cells: usize,
    /// Cells that got a confidence interval.
    pub intervals: usize,
    /// How many cells got each comparison, in the order of [`Comparison::ALL`].
    pub comparisons: [usize; 7],
    /// Indicator-periods with a spread.
    pub spreads: usize,
    /// Kommune cells with a national rank.
    pub ranked: usize,
    /// A sum over the intervals, spreads and ranks: equal for equal inputs.
    pub checksum: f64,
}

impl PassSummary {
    pub fn count(&self, c: Comparison) -> usize {
        let i = Comparison::ALL.iter().position(|&x| x == c).unwrap_or(0);
        self.comparisons[i]
    }
}

fn slot(c: Comparison) -> usize {
    match c {
        Comparison::Better => 0,
        Comparison::Worse => 1,
        Comparison::Similar => 2,
        Comparison::Higher => 3,
        Comparison::Lower => 4,
        Comparison::NotTested => 5,
        Comparison::NoData => 6,
    }
}

/// The full pass at 95 %.
pub fn full_pass(ctx: &ContextBundle) -> PassSummary {
    full_pass_at(ctx, Confidence::P95)
}

/// For every kommune × indicator × period: the confidence interval and the comparison with
/// landet (`ctx.comparators` under code `0`); for every indicator × period: the spread of the
/// kommuner and their national ranks.
pub fn full_pass_at(ctx: &ContextBundle, conf: Confidence) -> PassSummary {
    let mut sum = PassSummary::default();
    let landet = landet(ctx);
    let mut kommune_cells: Vec<Option<&[Cell]>> = Vec::with_capacity(ctx.kommuner.len());
    let mut values: Vec<f64> = Vec::with_capacity(ctx.kommuner.len());
    let mut ranking = Ranking::default();
    for (i, ind) in ctx.catalogue.iter().enumerate() {
        let reference = landet.and_then(|l| l.get(i));
        kommune_cells.clear();
        kommune_cells.extend(ctx.kommuner.iter().map(|(_, s)| s.get(i)));
        for p in 0..ind.periods.len() {
            let ref_value = reference
                .and_then(|c| c.get(p))
                .and_then(|c| c.value(ind.unit));
            values.clear();
            for cells in &kommune_cells {
                sum.cells += 1;
                let Some(cell) = cells.and_then(|c| c.get(p)) else {
                    sum.comparisons[slot(Comparison::NoData)] += 1;
                    continue;
                };
                let ci = cell_ci(ind, cell, conf);
                if let Some(ci) = ci {
                    sum.intervals += 1;
                    sum.checksum += ci.width();
                }
                sum.comparisons[slot(compare_ci(ind, cell, ci, ref_value))] += 1;
                if let Some(v) = cell.value(ind.unit).filter(|v| v.is_finite()) {
                    values.push(v);
                }
            }
            rank_into(&values, ind.polarity, &mut ranking);
            if let Some(s) = spread_sorted(&ranking.sorted, ind.polarity) {
                sum.spreads += 1;
                sum.checksum += s.median + s.best.map_or(0.0, |b| b.hi - b.lo);
            }
            sum.ranked += ranking.ranks.len();
            sum.checksum += ranking.ranks.iter().sum::<usize>() as f64;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare::compare;
    use crate::stats::rank::national_ranks;
    use crate::stats::spread::kommune_spread;
    use crate::stats::synthetic::synthetic_context;

    #[test]
    fn the_pass_agrees_with_the_single_functions() {
        let ctx = synthetic_context(3);
        let s = full_pass(&ctx);
        let cells: usize = ctx.catalogue.iter().map(|i| i.periods.len()).sum::<usize>() * 357;
        assert_eq!(s.cells, cells);
        assert_eq!(s.comparisons.iter().sum::<usize>(), cells);
        assert_eq!(
            s.spreads,
            ctx.catalogue.iter().map(|i| i.periods.len()).sum::<usize>()
        );
        // Recount the comparisons one cell at a time.
        let landet = landet(&ctx).unwrap();
        let mut counts = [0usize; 7];
        let mut ranked = 0;
        for (i, ind) in ctx.catalogue.iter().enumerate() {
            let reference = landet.get(i).unwrap();
            for p in 0..ind.periods.len() {
                for (_, series) in &ctx.kommuner {
                    let cell = &series.get(i).unwrap()[p];
                    counts[slot(compare(ind, cell, &reference[p], Confidence::P95))] += 1;
                }
                ranked += national_ranks(&ctx, &ind.id, p).len();
                assert!(kommune_spread(&ctx, &ind.id, p).is_some());
            }
        }
        assert_eq!(s.comparisons, counts);
        assert_eq!(s.ranked, ranked);
        // Every kind of comparison occurs in a realistic context.
        for c in Comparison::ALL {
            assert!(s.count(c) > 0, "{c:?}");
        }
        assert_eq!(full_pass(&ctx), s);
    }

    #[test]
    fn the_stricter_level_finds_fewer_differences() {
        let ctx = synthetic_context(3);
        let a = full_pass_at(&ctx, Confidence::P95);
        let b = full_pass_at(&ctx, Confidence::P998);
        let sig = |s: &PassSummary| {
            Comparison::ALL
                .iter()
                .filter(|c| c.is_significant())
                .map(|&c| s.count(c))
                .sum::<usize>()
        };
        assert!(sig(&b) < sig(&a));
        assert_eq!(a.intervals, b.intervals);
    }
}
