//! The model's own random numbers: xoshiro256** seeded by splitmix64 from a key, with the
//! normal, binomial and Poisson draws the model needs. No crate, so that the demo values can
//! never change under a dependency update.

/// A random stream named by a key. Every (seed, indicator, area, purpose) gets its own stream,
/// so adding an indicator, an area or a year never shifts the numbers of another.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over the parts, each prefixed with its length so that ("ab", "c") ≠ ("a", "bc").
fn hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    };
    for part in parts {
        for b in (part.len() as u32).to_le_bytes() {
            eat(b);
        }
        for &b in *part {
            eat(b);
        }
    }
    h
}

/// Draws with a mean of the rarer outcome below this are exact; above it the normal
/// approximation is within a fraction of a count and much cheaper.
const EXACT_BELOW: f64 = 30.0;

impl Rng {
    pub fn keyed(seed: u64, parts: &[&[u8]]) -> Rng {
        let mut x = seed ^ hash(parts).rotate_left(29);
        let s = [
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
        ];
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform on [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal by Box–Muller (one of the pair is thrown away: simplicity over speed).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]: ln never sees 0
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Binomial(n, p), always in 0..=n. Exact by inversion when the rarer outcome is expected
    /// fewer than 30 times, otherwise the rounded normal approximation, clamped into range.
    pub fn binomial(&mut self, n: u32, p: f64) -> u32 {
        if n == 0 || p.is_nan() || p <= 0.0 {
            return 0;
        }
        if p >= 1.0 {
            return n;
        }
        let q = p.min(1.0 - p);
        let mean = n as f64 * q;
        let k = if mean < EXACT_BELOW {
            let ratio = q / (1.0 - q);
            let mut pmf = (n as f64 * (-q).ln_1p()).exp();
            let mut u = self.uniform();
            let mut k = 0u32;
            while u > pmf && k < n {
                u -= pmf;
                pmf *= (n - k) as f64 / (k + 1) as f64 * ratio;
                k += 1;
            }
            k
        } else {
            let draw = mean + (mean * (1.0 - q)).sqrt() * self.normal();
            draw.round().clamp(0.0, n as f64) as u32
        };
        if q < p {
            n - k
        } else {
            k
        }
    }

    /// Poisson(λ). Exact by inversion for λ < 30, otherwise the rounded normal approximation.
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda.is_nan() || lambda <= 0.0 {
            return 0;
        }
        if lambda < EXACT_BELOW {
            let mut pmf = (-lambda).exp();
            let mut u = self.uniform();
            let mut k = 0u32;
            // The tail beyond 1000 has no mass for λ < 30 in double precision.
            while u > pmf && k < 1000 {
                u -= pmf;
                k += 1;
                pmf *= lambda / k as f64;
            }
            k
        } else {
            let draw = lambda + lambda.sqrt() * self.normal();
            draw.round().clamp(0.0, u32::MAX as f64) as u32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean_var(xs: &[f64]) -> (f64, f64) {
        let m = xs.iter().sum::<f64>() / xs.len() as f64;
        let v = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
        (m, v)
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4)
            .scan(Rng::keyed(7, &[b"x", b"0301"]), |r, _| Some(r.next_u64()))
            .collect();
        let b: Vec<u64> = (0..4)
            .scan(Rng::keyed(7, &[b"x", b"0301"]), |r, _| Some(r.next_u64()))
            .collect();
        assert_eq!(a, b);
        let mut other = Rng::keyed(7, &[b"x0", b"301"]);
        assert_ne!(a[0], other.next_u64());
        let mut seeded = Rng::keyed(8, &[b"x", b"0301"]);
        assert_ne!(a[0], seeded.next_u64());
    }

    #[test]
    fn normal_has_mean_0_and_variance_1() {
        let mut r = Rng::keyed(1, &[b"normal"]);
        let xs: Vec<f64> = (0..20_000).map(|_| r.normal()).collect();
        let (m, v) = mean_var(&xs);
        assert!(m.abs() < 0.03, "{m}");
        assert!((v - 1.0).abs() < 0.05, "{v}");
    }

    #[test]
    fn binomial_moments_on_both_branches_and_bounds() {
        let mut r = Rng::keyed(2, &[b"binomial"]);
        for &(n, p) in &[(10u32, 0.3), (40, 0.97), (5_000, 0.2), (200_000, 0.0001)] {
            let xs: Vec<f64> = (0..5_000).map(|_| r.binomial(n, p) as f64).collect();
            assert!(xs.iter().all(|&x| x <= n as f64));
            let (m, v) = mean_var(&xs);
            let (em, ev) = (n as f64 * p, n as f64 * p * (1.0 - p));
            assert!(
                (m - em).abs() < 4.0 * (ev / 5_000.0).sqrt() + 1e-9,
                "{n} {p}: {m}"
            );
            assert!((v / ev - 1.0).abs() < 0.1, "{n} {p}: {v} vs {ev}");
        }
        assert_eq!(r.binomial(0, 0.5), 0);
        assert_eq!(r.binomial(9, 1.0), 9);
        assert_eq!(r.binomial(9, f64::NAN), 0);
    }

    #[test]
    fn poisson_moments_on_both_branches() {
        let mut r = Rng::keyed(3, &[b"poisson"]);
        for &lambda in &[0.4, 7.0, 29.0, 400.0] {
            let xs: Vec<f64> = (0..5_000).map(|_| r.poisson(lambda) as f64).collect();
            let (m, v) = mean_var(&xs);
            assert!(
                (m - lambda).abs() < 4.0 * (lambda / 5_000.0).sqrt(),
                "{lambda}: {m}"
            );
            assert!((v / lambda - 1.0).abs() < 0.1, "{lambda}: {v}");
        }
        assert_eq!(r.poisson(0.0), 0);
    }
}
