//! Whether an area's indicator is rising or falling: a test for a linear trend over the last
//! periods.
//!
//! **Model.** Each period's value is transformed to the scale on which its sampling variance is
//! known from the counts alone: the log of the rate for a Poisson indicator and the logit of
//! the share for a binomial one. Both use the empirical (Haldane–Anscombe) correction of ½ so
//! that a zero count stays finite: `y = ln((x + ½)/n)` with variance `1/(x + ½)`, and
//! `y = ln((x + ½)/(n − x + ½))` with variance `1/(x + ½) + 1/(n − x + ½)` (delta method).
//! The slope of `y` on time (the middle of each period, in years) is estimated by weighted least
//! squares with weights `1/variance`, and tested against zero with a two-sided z-test at 5 %.
//!
//! **Overdispersion.** Yearly values vary more than counting alone explains (small cohorts,
//! real year-to-year changes), and for a large kommune the counting variance is tiny, so the
//! bare test would call every wobble a trend. As in quasi-Poisson regression, the slope's
//! standard error is multiplied by `√φ`, with `φ = X²/(k − 2)` the Pearson statistic of the
//! fitted line over its degrees of freedom, whenever `φ > 1`. The test is never made less
//! strict than the counts alone allow.
//!
//! **Periods.** The last `periods` periods of the indicator are used (default
//! [`DEFAULT_PERIODS`]); cells without counts in that window are left out, and at least
//! [`MIN_POINTS`] are needed. Overlapping periods are not independent (two 3-year rolling sums
//! share two years of counts), so for rolling and pooled periods only non-overlapping ones are
//! used: walking back from the latest, a period is taken only if it ends before the one taken
//! after it. For 3-year rolling periods that is every third period, and `periods` counts the
//! periods taken.
//!
//! **Reading.** `slope_per_year` is on the transformed scale: `e^slope − 1` is the relative
//! change per year of a rate, and of the odds of a share ([`Trend::change_percent_per_year`]).

use super::compare::Comparison;
use super::special::normal_two_sided_p;
use crate::indicator::{Cell, Indicator, Polarity, TestKind};

/// How many periods a trend covers unless asked otherwise.
pub const DEFAULT_PERIODS: usize = 5;
/// The fewest periods with counts that a trend is tested on.
pub const MIN_POINTS: usize = 3;
/// The two-sided significance level.
pub const ALPHA: f64 = 0.05;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrendDirection {
    Rising,
    Falling,
    /// No significant trend.
    Stable,
    /// Too few periods with counts, or an indicator without a test: nothing to say.
    Insufficient,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    pub direction: TrendDirection,
    /// The slope of the log rate or the logit share per year; `NaN` when insufficient.
    pub slope_per_year: f64,
    /// The two-sided p-value of the slope; `NaN` when insufficient.
    pub p_value: f64,
    /// How many periods with counts the fit used.
    pub periods_used: usize,
}

impl Trend {
    fn insufficient(periods_used: usize) -> Trend {
        Trend {
            direction: TrendDirection::Insufficient,
            slope_per_year: f64::NAN,
            p_value: f64::NAN,
            periods_used,
        }
    }

    /// `100 · (e^slope − 1)`: the change per year in percent, of the rate or of the odds.
    pub fn change_percent_per_year(&self) -> f64 {
        100.0 * self.slope_per_year.exp_m1()
    }

    /// The trend as good or bad news: rising is better where higher is better, worse where
    /// higher is worse, and only higher for an indicator without a direction. A stable trend is
    /// [`Comparison::Similar`] and an insufficient one [`Comparison::NoData`].
    pub fn judged(&self, polarity: Polarity) -> Comparison {
        match self.direction {
            TrendDirection::Rising => Comparison::Higher.polarised(polarity),
            TrendDirection::Falling => Comparison::Lower.polarised(polarity),
            TrendDirection::Stable => Comparison::Similar,
            TrendDirection::Insufficient => Comparison::NoData,
        }
    }
}

/// The indices of the last `periods` non-overlapping periods, oldest first.
pub fn trend_periods(ind: &Indicator, periods: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(periods);
    for (i, p) in ind.periods.iter().enumerate().rev() {
        if chosen.len() == periods {
            break;
        }
        let after = chosen.last().map(|&j| ind.periods[j].first);
        if after.is_none_or(|first| p.last < first) {
            chosen.push(i);
        }
    }
    chosen.reverse();
    chosen
}

/// A point of the fit: time, transformed value, weight.
fn point(test: TestKind, t: f64, cell: &Cell) -> Option<(f64, f64, f64)> {
    if !cell.is_ok() || cell.den == 0 {
        return None;
    }
    let x = cell.num as f64 + 0.5;
    let n = cell.den as f64;
    let (y, var) = match test {
        TestKind::Poisson => ((x / n).ln(), 1.0 / x),
        TestKind::Binomial => {
            if cell.num > cell.den {
                return None;
            }
            let rest = n - cell.num as f64 + 0.5;
            ((x / rest).ln(), 1.0 / x + 1.0 / rest)
        }
        TestKind::None => return None,
    };
    Some((t, y, 1.0 / var))
}

/// The trend of `cells` (lined up with `ind.periods`) over the last `periods` periods.
pub fn trend(ind: &Indicator, cells: &[Cell], periods: usize) -> Trend {
    if ind.test == TestKind::None {
        return Trend::insufficient(0);
    }
    let points: Vec<(f64, f64, f64)> = trend_periods(ind, periods)
        .into_iter()
        .filter_map(|i| {
            let p = ind.periods[i];
            let t = 0.5 * (p.first as f64 + p.last as f64);
            point(ind.test, t, cells.get(i)?)
        })
        .collect();
    let k = points.len();
    if k < MIN_POINTS {
        return Trend::insufficient(k);
    }
    let w: f64 = points.iter().map(|p| p.2).sum();
    let t_bar = points.iter().map(|p| p.2 * p.0).sum::<f64>() / w;
    let y_bar = points.iter().map(|p| p.2 * p.1).sum::<f64>() / w;
    let stt: f64 = points.iter().map(|p| p.2 * (p.0 - t_bar).powi(2)).sum();
    let sty: f64 = points
        .iter()
        .map(|p| p.2 * (p.0 - t_bar) * (p.1 - y_bar))
        .sum();
    if stt <= 0.0 || !stt.is_finite() {
        return Trend::insufficient(k);
    }
    let slope = sty / stt;
    let pearson: f64 = points
        .iter()
        .map(|p| p.2 * (p.1 - y_bar - slope * (p.0 - t_bar)).powi(2))
        .sum();
    let phi = (pearson / (k - 2) as f64).max(1.0);
    let se = (phi / stt).sqrt();
    let p_value = normal_two_sided_p(slope / se);
    let direction = if p_value >= ALPHA {
        TrendDirection::Stable
    } else if slope > 0.0 {
        TrendDirection::Rising
    } else {
        TrendDirection::Falling
    };
    Trend {
        direction,
        slope_per_year: slope,
        p_value,
        periods_used: k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Flag, Period, PeriodKind, Unit};
    use crate::stats::testutil::indicator;

    fn rate() -> Indicator {
        let mut i = indicator(
            "r",
            Unit::Per1000,
            TestKind::Poisson,
            Polarity::HigherIsWorse,
        );
        i.periods = (2014..=2024).map(Period::year).collect();
        i
    }

    fn share() -> Indicator {
        let mut i = indicator(
            "s",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsBetter,
        );
        i.periods = (2014..=2024).map(Period::year).collect();
        i
    }

    fn cells(nums: &[u32], den: u32) -> Vec<Cell> {
        nums.iter().map(|&n| Cell::ok(n, den)).collect()
    }

    #[test]
    fn a_clear_rise_is_rising() {
        let c = cells(&[0, 0, 0, 0, 0, 0, 100, 120, 140, 160, 180], 10_000);
        let t = trend(&rate(), &c, DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Rising);
        assert_eq!(t.periods_used, 5);
        assert!(t.p_value < 0.001);
        // 100 → 180 over four years is about +15,8 % a year.
        assert!((t.change_percent_per_year() - 15.8).abs() < 1.5, "{t:?}");
        assert_eq!(t.judged(Polarity::HigherIsWorse), Comparison::Worse);
        assert_eq!(t.judged(Polarity::HigherIsBetter), Comparison::Better);
        assert_eq!(t.judged(Polarity::NoDirection), Comparison::Higher);
    }

    #[test]
    fn a_falling_share_is_falling() {
        let c = cells(&[0, 0, 0, 0, 0, 0, 500, 450, 400, 350, 300], 1000);
        let t = trend(&share(), &c, DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Falling);
        assert_eq!(t.judged(Polarity::HigherIsBetter), Comparison::Worse);
    }

    #[test]
    fn small_numbers_are_stable() {
        let c = cells(&[0, 0, 0, 0, 0, 0, 3, 4, 4, 5, 6], 2_000);
        let t = trend(&rate(), &c, DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Stable);
        assert!(t.p_value > ALPHA);
    }

    #[test]
    fn zigzag_around_a_slope_is_not_a_trend() {
        // Huge counts, a slight rise, but swings far beyond counting noise: the overdispersion
        // scale keeps this from being called a trend.
        let c = cells(
            &[0, 0, 0, 0, 0, 0, 10_000, 13_000, 9_800, 13_500, 10_600],
            100_000,
        );
        let t = trend(&rate(), &c, DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Stable, "{t:?}");
    }

    #[test]
    fn missing_and_suppressed_periods_are_left_out() {
        let mut c = cells(&[0, 0, 0, 0, 0, 0, 100, 120, 140, 160, 180], 10_000);
        c[7] = Cell::flagged(Flag::Suppressed);
        let t = trend(&rate(), &c, DEFAULT_PERIODS);
        assert_eq!(t.periods_used, 4);
        assert_eq!(t.direction, TrendDirection::Rising);
        c[8] = Cell::flagged(Flag::Missing);
        c[9] = Cell::flagged(Flag::Suppressed);
        let t = trend(&rate(), &c, DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Insufficient);
        assert_eq!(t.periods_used, 2);
        assert!(t.slope_per_year.is_nan());
    }

    #[test]
    fn rolling_periods_do_not_overlap() {
        let mut r = rate();
        r.period_kind = PeriodKind::Rolling3;
        r.periods = (2014..=2024)
            .map(|y| Period {
                first: y - 2,
                last: y,
            })
            .collect();
        let chosen = trend_periods(&r, DEFAULT_PERIODS);
        assert_eq!(chosen, [1, 4, 7, 10]);
        for w in chosen.windows(2) {
            assert!(r.periods[w[0]].last < r.periods[w[1]].first);
        }
        let c = cells(&[0, 300, 0, 0, 360, 0, 0, 420, 0, 0, 480], 30_000);
        let t = trend(&r, &c, DEFAULT_PERIODS);
        assert_eq!(t.periods_used, 4);
        assert_eq!(t.direction, TrendDirection::Rising);
        // The slope is per year, not per period: 300 → 480 over 9 years.
        let per_year = (480f64.ln() - 300f64.ln()) / 9.0;
        assert!((t.slope_per_year - per_year).abs() < 0.005, "{t:?}");
    }

    #[test]
    fn untested_indicators_have_no_trend() {
        let i = indicator("n", Unit::Count, TestKind::None, Polarity::NoDirection);
        let t = trend(&i, &cells(&[1, 2, 3, 4, 5], 0), DEFAULT_PERIODS);
        assert_eq!(t.direction, TrendDirection::Insufficient);
    }
}
