//! Special functions behind the intervals and tests: log-gamma, the regularised incomplete gamma
//! function and its inverse, and the two-sided normal tail.
//!
//! They are written here rather than taken from a crate so that the core keeps no numeric
//! dependency in the browser. Arguments outside a function's domain give `NaN`, never a panic.

/// Relative tolerance of the series and the continued fraction.
const EPS: f64 = 1e-15;
/// A number near the smallest normal double, to keep Lentz's method away from division by zero.
const FPMIN: f64 = 1e-300;
/// Enough terms for shapes up to about 10⁶; the exact intervals only need shapes up to about 100.
const MAX_TERMS: usize = 100_000;

/// Lanczos coefficients for g = 7, n = 9 (relative error about 1e-15 for x > 0).
const LANCZOS_G: f64 = 7.0;
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// `ln Γ(x)` for `x > 0` by the Lanczos approximation.
pub fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    if x < 0.5 {
        // The reflection formula keeps the accuracy near zero, where Lanczos is weakest.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + LANCZOS_G + 0.5;
    let mut a = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// `x^a e^(−x) / Γ(a)`, the common factor of the series and the continued fraction.
fn prefactor(a: f64, x: f64, gln: f64) -> f64 {
    (a * x.ln() - x - gln).exp()
}

/// `P(a, x)` by its power series; converges quickly for `x < a + 1`.
fn p_series(a: f64, x: f64, gln: f64) -> f64 {
    let mut ap = a;
    let mut del = 1.0 / a;
    let mut sum = del;
    for _ in 0..MAX_TERMS {
        ap += 1.0;
        del *= x / ap;
        sum += del;
        if del.abs() < sum.abs() * EPS {
            break;
        }
    }
    sum * prefactor(a, x, gln)
}

/// `Q(a, x)` by its continued fraction (modified Lentz); converges quickly for `x ≥ a + 1`.
fn q_fraction(a: f64, x: f64, gln: f64) -> f64 {
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / FPMIN;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_TERMS {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < FPMIN {
            d = FPMIN;
        }
        c = b + an / c;
        if c.abs() < FPMIN {
            c = FPMIN;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < EPS {
            break;
        }
    }
    prefactor(a, x, gln) * h
}

/// The regularised lower incomplete gamma function `P(a, x) = γ(a, x) / Γ(a)`, for `a > 0`,
/// `x ≥ 0`: the distribution function of a gamma variable of shape `a` and scale 1.
pub fn gamma_p(a: f64, x: f64) -> f64 {
    if a.is_nan() || x.is_nan() || a <= 0.0 || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return 0.0;
    }
    if x.is_infinite() {
        return 1.0;
    }
    let gln = ln_gamma(a);
    if x < a + 1.0 {
        p_series(a, x, gln)
    } else {
        1.0 - q_fraction(a, x, gln)
    }
}

/// The upper tail `Q(a, x) = 1 − P(a, x)`, computed directly so that small tails keep their
/// precision.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if a.is_nan() || x.is_nan() || a <= 0.0 || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return 1.0;
    }
    if x.is_infinite() {
        return 0.0;
    }
    let gln = ln_gamma(a);
    if x < a + 1.0 {
        1.0 - p_series(a, x, gln)
    } else {
        q_fraction(a, x, gln)
    }
}

/// The inverse of `P(a, ·)`: the `x` with `P(a, x) = p`, i.e. the `p`-quantile of a gamma
/// variable of shape `a` and scale 1. For `0 < p < 1` and `a > 0`.
///
/// A starting value from Wilson–Hilferty (or from the small-`a` expansion), refined by Halley's
/// method, as in Numerical Recipes (3rd ed., §6.2.1), iterated to a relative change of 1e-12.
pub fn gamma_p_inv(p: f64, a: f64) -> f64 {
    if p.is_nan() || a.is_nan() || a <= 0.0 || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return 0.0;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let gln = ln_gamma(a);
    let a1 = a - 1.0;
    let (lna1, afac) = if a > 1.0 {
        let lna1 = a1.ln();
        (lna1, (a1 * (lna1 - 1.0) - gln).exp())
    } else {
        (0.0, 0.0)
    };
    let mut x = if a > 1.0 {
        let pp = if p < 0.5 { p } else { 1.0 - p };
        let t = (-2.0 * pp.ln()).sqrt();
        let mut z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
        if p < 0.5 {
            z = -z;
        }
        (a * (1.0 - 1.0 / (9.0 * a) - z / (3.0 * a.sqrt())).powi(3)).max(1e-3)
    } else {
        let t = 1.0 - a * (0.253 + a * 0.12);
        if p < t {
            (p / t).powf(1.0 / a)
        } else {
            1.0 - (1.0 - (p - t) / (1.0 - t)).ln()
        }
    };
    for _ in 0..100 {
        if x <= 0.0 {
            return 0.0;
        }
        let err = gamma_p(a, x) - p;
        // The density at x, written to avoid overflow for large a.
        let dens = if a > 1.0 {
            afac * (-(x - a1) + a1 * (x.ln() - lna1)).exp()
        } else {
            (-x + a1 * x.ln() - gln).exp()
        };
        if dens == 0.0 {
            break;
        }
        let u = err / dens;
        let step = u / (1.0 - 0.5 * (u * (a1 / x - 1.0)).min(1.0));
        x -= step;
        if x <= 0.0 {
            x = 0.5 * (x + step);
        }
        if step.abs() <= 1e-12 * x {
            break;
        }
    }
    x
}

/// The two-sided tail of the standard normal distribution, `P(|Z| ≥ |z|)`, as `Q(½, z²/2)`.
pub fn normal_two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return f64::NAN;
    }
    gamma_q(0.5, 0.5 * z * z)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        let mut fact = 1.0_f64;
        for n in 1..30 {
            // Γ(n) = (n − 1)!
            let err = (ln_gamma(n as f64) - fact.ln()).abs();
            assert!(err < 1e-13 * (1.0 + fact.ln()), "n = {n}");
            fact *= n as f64;
        }
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-13
        ));
        assert!(ln_gamma(0.0).is_nan());
        assert!(ln_gamma(-1.0).is_nan());
    }

    #[test]
    fn incomplete_gamma_matches_closed_forms() {
        // Shape 1 is the exponential distribution: P(1, x) = 1 − e^(−x).
        for x in [0.01f64, 0.5, 1.0, 3.0, 10.0, 40.0] {
            assert!(close(gamma_p(1.0, x), 1.0 - (-x).exp(), 1e-13), "x = {x}");
            assert!(close(gamma_q(1.0, x), (-x).exp(), 1e-12), "x = {x}");
        }
        // Shape 3: Q(3, x) = e^(−x)(1 + x + x²/2), the Poisson tail P(N ≤ 2).
        for x in [0.2f64, 2.0, 4.5, 12.0] {
            let q = (-x).exp() * (1.0 + x + x * x / 2.0);
            assert!(close(gamma_q(3.0, x), q, 1e-12), "x = {x}");
        }
        assert!(gamma_p(-1.0, 1.0).is_nan());
        assert!(gamma_p(1.0, -1.0).is_nan());
        assert_eq!(gamma_p(2.0, 0.0), 0.0);
    }

    #[test]
    fn inverse_inverts() {
        for &a in &[0.3, 0.5, 1.0, 2.5, 11.0, 100.0, 1000.0, 20_000.0] {
            for &p in &[1e-4, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999] {
                let x = gamma_p_inv(p, a);
                assert!(close(gamma_p(a, x), p, 1e-9), "a = {a}, p = {p}, x = {x}");
            }
        }
        assert_eq!(gamma_p_inv(0.0, 2.0), 0.0);
        assert!(gamma_p_inv(1.5, 2.0).is_nan());
    }

    #[test]
    fn normal_tail() {
        assert!(close(normal_two_sided_p(1.959964), 0.05, 1e-6));
        assert!(close(normal_two_sided_p(-3.090232), 0.002, 1e-5));
        assert!(close(normal_two_sided_p(0.0), 1.0, 1e-15));
    }
}
