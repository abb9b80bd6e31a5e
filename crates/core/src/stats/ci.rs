//! Confidence intervals: Wilson's score interval for shares and the exact Poisson interval
//! (Garwood) for rates, with Byar's approximation for large counts.
//!
//! Every interval is computed from the counts of a [`Cell`] and nothing else, so a suppressed
//! cell (which carries no counts) never has one.

use super::special::gamma_p_inv;
use crate::indicator::{Cell, Indicator, TestKind, Unit};
use std::sync::OnceLock;

/// The confidence level of an interval.
///
/// 95 % is the usual level of FHI's statistics; 99,8 % (about three standard errors) is the
/// stricter level Fingertips uses for its outer funnel limits, for pages that compare many
/// areas at once and want fewer chance findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Confidence {
    #[default]
    P95,
    P998,
}

impl Confidence {
    pub const ALL: [Confidence; 2] = [Confidence::P95, Confidence::P998];

    /// The standard normal quantile `z` with `P(|Z| ≤ z)` equal to the level.
    pub fn z(self) -> f64 {
        match self {
            Confidence::P95 => 1.959964,
            Confidence::P998 => 3.090232,
        }
    }

    /// The two-sided tail probability `α`: 0,05 or 0,002.
    pub fn alpha(self) -> f64 {
        match self {
            Confidence::P95 => 0.05,
            Confidence::P998 => 0.002,
        }
    }
}

/// A confidence interval from `lo` to `hi`, both included.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn contains(&self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }

    pub fn width(&self) -> f64 {
        self.hi - self.lo
    }
}

/// Wilson's score interval for a proportion `num / den`, as proportions in `[0, 1]`.
///
/// The interval is the set of proportions `p` that a score test at the given level does not
/// reject: `(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`. Unlike the textbook Wald
/// interval it stays inside `[0, 1]`, is not degenerate at 0 or `n` events, and keeps close to
/// its nominal coverage for the small denominators of small kommuner (Brown, Cai & DasGupta,
/// *Statistical Science* 2001). `None` unless `0 ≤ num ≤ den` and `den > 0`.
pub fn wilson(num: f64, den: f64, conf: Confidence) -> Option<Interval> {
    if !(den > 0.0 && num >= 0.0 && num <= den) {
        return None;
    }
    let z = conf.z();
    // One division and one square root: the full pass runs this for every cell.
    let inv = 1.0 / den;
    let p = num * inv;
    let a = z * z * inv;
    let k = 1.0 / (1.0 + a);
    let centre = (p + 0.5 * a) * k;
    let half = z * k * ((p * (1.0 - p) + 0.25 * a) * inv).sqrt();
    // At 0 or n events the limit equals the estimate; rounding must not move it past it.
    let lo = if num == 0.0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let hi = if num == den {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some(Interval { lo, hi })
}

/// The exact (Garwood, 1936) interval for the mean of a Poisson count `x`:
/// `[χ²(α/2; 2x)/2, χ²(1−α/2; 2x+2)/2]`, written here as gamma quantiles
/// `[G⁻¹(α/2; x), G⁻¹(1−α/2; x+1)]` with the lower limit 0 when `x = 0`.
///
/// "Exact" means the coverage is never below the nominal level, whatever the true mean: the
/// interval to use for the few events of a small kommune.
pub fn poisson_exact(count: u64, conf: Confidence) -> Interval {
    let x = count as f64;
    let a = conf.alpha();
    let lo = if count == 0 {
        0.0
    } else {
        gamma_p_inv(a / 2.0, x)
    };
    Interval {
        lo,
        hi: gamma_p_inv(1.0 - a / 2.0, x + 1.0),
    }
}

/// Byar's approximation to the exact Poisson interval (Breslow & Day 1987, §2.1):
/// `x(1 − 1/9x − z/3√x)³` and `(x+1)(1 − 1/9(x+1) + z/3√(x+1))³`. It is the Wilson–Hilferty
/// cube-root approximation to the same gamma quantiles, so it converges to Garwood's limits as
/// the count grows. Only meaningful for `x ≥ 1`; this module uses it from [`BYAR_THRESHOLD`].
pub fn poisson_byar(count: u64, conf: Confidence) -> Interval {
    let z = conf.z();
    let x = count as f64;
    let lo = if count == 0 {
        0.0
    } else {
        x * (1.0 - 1.0 / (9.0 * x) - z / (3.0 * x.sqrt())).powi(3)
    };
    let x1 = x + 1.0;
    Interval {
        lo: lo.max(0.0),
        hi: x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * x1.sqrt())).powi(3),
    }
}

/// From this count on, Poisson intervals use Byar's approximation; below it they are exact.
///
/// At 100 events Byar's limits agree with Garwood's to within 0,03 % at both levels, and the
/// agreement only improves with the count (the tests check 0,5 %, and 0,05 % for the lower
/// limit, over 100–300 and up to 100 000 events): far inside the rounding of any shown figure.
pub const BYAR_THRESHOLD: u64 = 100;

/// Garwood's limits for the counts below [`BYAR_THRESHOLD`], computed once per level: the
/// inverse gamma takes microseconds, too slow for every cell of every kommune on each
/// interaction, while the table costs a few kilobytes.
fn exact_table(conf: Confidence) -> &'static [Interval] {
    static P95: OnceLock<Vec<Interval>> = OnceLock::new();
    static P998: OnceLock<Vec<Interval>> = OnceLock::new();
    let cell = match conf {
        Confidence::P95 => &P95,
        Confidence::P998 => &P998,
    };
    cell.get_or_init(|| {
        (0..BYAR_THRESHOLD)
            .map(|x| poisson_exact(x, conf))
            .collect()
    })
}

/// The Poisson interval for the mean of a count: exact below [`BYAR_THRESHOLD`], Byar from it.
pub fn poisson(count: u64, conf: Confidence) -> Interval {
    if count < BYAR_THRESHOLD {
        exact_table(conf)[count as usize]
    } else {
        poisson_byar(count, conf)
    }
}

/// The confidence interval of one cell, in the indicator's unit.
///
/// The interval is found for the expected numerator (Wilson for [`TestKind::Binomial`], the
/// Poisson interval above for [`TestKind::Poisson`]) and mapped through the unit exactly as the
/// count is: `100 · limit / den` for a percentage, `1000 · limit / den` per 1 000, the limit
/// itself for a count. `None` for a flagged cell (whatever it holds), for an indicator without
/// a test, for a zero denominator, and for a share whose numerator exceeds its denominator.
pub fn cell_ci(ind: &Indicator, cell: &Cell, conf: Confidence) -> Option<Interval> {
    if !cell.is_ok() || cell.den == 0 {
        return None;
    }
    let inv = 1.0 / cell.den as f64;
    // Limits on the expected numerator, mapped as `Unit::value` maps the numerator itself.
    let to_unit = |count: f64| match ind.unit {
        Unit::Count => count,
        Unit::Percent | Unit::Index => 100.0 * count * inv,
        Unit::Per1000 => 1000.0 * count * inv,
        Unit::ChangePercent => 100.0 * (count * inv - 1.0),
    };
    match ind.test {
        TestKind::None => None,
        TestKind::Binomial => {
            let den = cell.den as f64;
            let p = wilson(cell.num as f64, den, conf)?;
            Some(Interval {
                lo: to_unit(p.lo * den),
                hi: to_unit(p.hi * den),
            })
        }
        TestKind::Poisson => {
            let m = poisson(cell.num as u64, conf);
            Some(Interval {
                lo: to_unit(m.lo),
                hi: to_unit(m.hi),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Flag, Polarity};
    use crate::stats::testutil::indicator;
    use proptest::prelude::*;

    fn near(v: f64, expected: f64, tol: f64) {
        assert!((v - expected).abs() <= tol, "{v} is not {expected} ± {tol}");
    }

    #[test]
    fn wilson_reference_values() {
        // 5 of 100: 2,15 %–11,18 % (Newcombe 1998, table I; also OpenEpi).
        let i = wilson(5.0, 100.0, Confidence::P95).unwrap();
        near(100.0 * i.lo, 2.15, 0.005);
        near(100.0 * i.hi, 11.18, 0.005);
        // 0 of 10: 0–27,75 % (Newcombe 1998).
        let i = wilson(0.0, 10.0, Confidence::P95).unwrap();
        assert_eq!(i.lo, 0.0);
        near(100.0 * i.hi, 27.75, 0.005);
        // 81 of 263: 25,53 %–36,62 % (Newcombe 1998, table I).
        let i = wilson(81.0, 263.0, Confidence::P95).unwrap();
        near(100.0 * i.lo, 25.53, 0.005);
        near(100.0 * i.hi, 36.62, 0.005);
        // 0 of n at level 1 − α has the closed form z²/(n + z²).
        let z = Confidence::P998.z();
        let i = wilson(0.0, 50.0, Confidence::P998).unwrap();
        near(i.hi, z * z / (50.0 + z * z), 1e-12);
    }

    #[test]
    fn wilson_rejects_impossible_counts() {
        assert!(wilson(1.0, 0.0, Confidence::P95).is_none());
        assert!(wilson(11.0, 10.0, Confidence::P95).is_none());
        assert!(wilson(-1.0, 10.0, Confidence::P95).is_none());
        let i = wilson(10.0, 10.0, Confidence::P95).unwrap();
        assert_eq!(i.hi, 1.0);
    }

    #[test]
    fn garwood_reference_values() {
        let c = Confidence::P95;
        let i = poisson_exact(0, c);
        assert_eq!(i.lo, 0.0);
        near(i.hi, 3.689, 0.0005);
        let i = poisson_exact(1, c);
        near(i.lo, 0.0253, 0.00005);
        near(i.hi, 5.572, 0.0005);
        let i = poisson_exact(10, c);
        near(i.lo, 4.795, 0.0005);
        near(i.hi, 18.39, 0.005);
        // 5 events: 1,623–11,668 (Ulm 1990, Am J Epidemiol, table).
        let i = poisson_exact(5, c);
        near(i.lo, 1.623, 0.0005);
        near(i.hi, 11.668, 0.0005);
        // At 99,8 %, zero events has the closed form −ln(0,001) = 6,9078.
        let i = poisson_exact(0, Confidence::P998);
        near(i.hi, -(0.001f64.ln()), 1e-9);
        // One event: the lower limit is −ln(1 − α/2).
        let i = poisson_exact(1, Confidence::P998);
        near(i.lo, -(1.0 - 0.001f64).ln(), 1e-12);
    }

    #[test]
    fn byar_agrees_with_exact_from_the_threshold() {
        let counts =
            (BYAR_THRESHOLD..BYAR_THRESHOLD + 200).chain([500, 1_000, 5_000, 20_000, 100_000]);
        for x in counts {
            for conf in Confidence::ALL {
                let e = poisson_exact(x, conf);
                let b = poisson_byar(x, conf);
                assert!((b.lo / e.lo - 1.0).abs() < 0.005, "x = {x} {conf:?} lo");
                assert!((b.hi / e.hi - 1.0).abs() < 0.005, "x = {x} {conf:?} hi");
                // Far tighter in practice: a tenth of the stated bound.
                assert!((b.lo / e.lo - 1.0).abs() < 0.0005, "x = {x} {conf:?} lo");
            }
        }
    }

    #[test]
    fn the_table_is_the_exact_interval() {
        for x in [0, 1, 7, 99] {
            assert_eq!(
                poisson(x, Confidence::P998),
                poisson_exact(x, Confidence::P998)
            );
        }
        assert_eq!(
            poisson(100, Confidence::P95),
            poisson_byar(100, Confidence::P95)
        );
    }

    #[test]
    fn cell_ci_in_the_unit() {
        let share = indicator(
            "a",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::NoDirection,
        );
        let i = cell_ci(&share, &Cell::ok(5, 100), Confidence::P95).unwrap();
        near(i.lo, 2.15, 0.005);
        near(i.hi, 11.18, 0.005);
        let rate = indicator("b", Unit::Per1000, TestKind::Poisson, Polarity::NoDirection);
        let i = cell_ci(&rate, &Cell::ok(10, 2000), Confidence::P95).unwrap();
        near(i.lo, 4.795 / 2.0, 0.0005);
        near(i.hi, 18.39 / 2.0, 0.005);
        let count = indicator("c", Unit::Count, TestKind::Poisson, Polarity::NoDirection);
        let i = cell_ci(&count, &Cell::ok(10, 1), Confidence::P95).unwrap();
        near(i.hi, 18.39, 0.005);
    }

    #[test]
    fn cell_ci_needs_counts_and_a_test() {
        let share = indicator(
            "a",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::NoDirection,
        );
        let c = Confidence::P95;
        for flag in [Flag::Suppressed, Flag::Missing, Flag::NotComputable] {
            assert_eq!(cell_ci(&share, &Cell::flagged(flag), c), None);
            // Even counts that should never have travelled in a flagged cell are not used.
            let leaked = Cell {
                num: 4,
                den: 50,
                flag,
            };
            assert_eq!(cell_ci(&share, &leaked, c), None);
        }
        assert_eq!(cell_ci(&share, &Cell::ok(0, 0), c), None);
        assert_eq!(cell_ci(&share, &Cell::ok(7, 5), c), None);
        let untested = indicator("d", Unit::Percent, TestKind::None, Polarity::NoDirection);
        assert_eq!(cell_ci(&untested, &Cell::ok(5, 100), c), None);
    }

    proptest! {
        #[test]
        fn a_share_interval_contains_its_estimate(den in 1u32..2_000_000, f in 0.0f64..=1.0,
                                                   strict in any::<bool>()) {
            let num = (f * den as f64).round() as u32;
            let conf = if strict { Confidence::P998 } else { Confidence::P95 };
            let share = indicator("a", Unit::Percent, TestKind::Binomial, Polarity::NoDirection);
            let cell = Cell::ok(num, den);
            let i = cell_ci(&share, &cell, conf).unwrap();
            prop_assert!(i.contains(cell.value(Unit::Percent).unwrap()), "{i:?}");
            prop_assert!(i.lo >= 0.0 && i.hi <= 100.0);
        }

        #[test]
        fn a_rate_interval_contains_its_estimate(num in 0u32..2_000_000, den in 1u32..2_000_000,
                                                  strict in any::<bool>()) {
            let conf = if strict { Confidence::P998 } else { Confidence::P95 };
            let rate = indicator("b", Unit::Per1000, TestKind::Poisson, Polarity::NoDirection);
            let cell = Cell::ok(num, den);
            let i = cell_ci(&rate, &cell, conf).unwrap();
            prop_assert!(i.contains(cell.value(Unit::Per1000).unwrap()), "{i:?}");
            prop_assert!(i.lo >= 0.0);
        }

        #[test]
        fn share_intervals_narrow_as_n_grows(den in 1u32..500, f in 0.0f64..=1.0,
                                              m in 1u32..200, strict in any::<bool>()) {
            let conf = if strict { Confidence::P998 } else { Confidence::P95 };
            let num = (f * den as f64).round() as u32;
            let small = wilson((num * m) as f64, (den * m) as f64, conf).unwrap();
            let large = wilson((num * (m + 1)) as f64, (den * (m + 1)) as f64, conf).unwrap();
            prop_assert!(large.width() < small.width());
        }

        #[test]
        fn rate_intervals_narrow_as_n_grows(num in 0u32..300, den in 1u32..5_000,
                                             m in 1u32..200, strict in any::<bool>()) {
            let conf = if strict { Confidence::P998 } else { Confidence::P95 };
            let rate = indicator("b", Unit::Per1000, TestKind::Poisson, Polarity::NoDirection);
            let small = cell_ci(&rate, &Cell::ok(num * m, den * m), conf).unwrap();
            let large = cell_ci(&rate, &Cell::ok(num * (m + 1), den * (m + 1)), conf).unwrap();
            prop_assert!(large.width() < small.width(), "{small:?} {large:?}");
        }
    }
}
