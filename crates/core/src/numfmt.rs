//! Numbers written the Norwegian way: `12 345,6` and `3,4 %`.
//!
//! The thousands separator and the space before `%` are no-break spaces (U+00A0), so that a
//! number never wraps across two lines on a phone; negative numbers take a real minus (U+2212).

use std::cmp::Ordering;

/// The thousands separator and the space before a unit.
pub const NBSP: char = '\u{a0}';
/// The minus sign of Norwegian typography.
pub const MINUS: char = '\u{2212}';

/// Groups the digits of a non-negative integer string in threes: `"12345"` → `"12 345"`.
fn group(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(ch);
    }
    out
}

/// An integer: `12 345`; `−1 234`.
pub fn int(v: i64) -> String {
    let body = group(&v.unsigned_abs().to_string());
    if v < 0 {
        format!("{MINUS}{body}")
    } else {
        body
    }
}

/// `v` with `decimals` places after a point, exactly as `format!("{v:.decimals$}")` writes it:
/// the value's exact binary fraction, rounded half to even. Written here because the standard
/// library's float formatting (Grisu and Dragon4 with their tables) was 12 KB of the profile
/// app's wasm (5 KB brotli), for numbers of a few digits.
pub fn fixed(v: f64, decimals: usize) -> String {
    let sign = if v.is_sign_negative() && !v.is_nan() {
        "-"
    } else {
        ""
    };
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return format!("{sign}inf");
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut digits = scaled(m, e, decimals);
    if digits.len() <= decimals {
        digits.insert_str(0, &"0".repeat(decimals + 1 - digits.len()));
    }
    let (whole, part) = digits.split_at(digits.len() - decimals);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part}")
    }
}

/// The digits of `m` × 2^`e` × 10^`decimals`, rounded half to even to an integer.
fn scaled(m: u64, e: i32, decimals: usize) -> String {
    // Fast, in 128 bits: m < 2^53 and 10^9 < 2^30.
    if decimals <= 9 {
        let ten = 10u128.pow(decimals as u32);
        if (0..=44).contains(&e) {
            return ((u128::from(m) << e) * ten).to_string();
        }
        if e < 0 {
            let k = e.unsigned_abs();
            if k >= 128 {
                // Below 2^-75: under half of the last place kept.
                return "0".to_string();
            }
            let n = u128::from(m) * ten;
            let q = n >> k;
            let r = n - (q << k);
            let half = 1u128 << (k - 1);
            let up = r > half || (r == half && q & 1 == 1);
            return (q + u128::from(up)).to_string();
        }
    }
    exact_scaled(m, e, decimals)
}

/// [`scaled`] for any exponent and number of decimals, in decimal digits: slow, and only for
/// values no figure of the app comes near.
fn exact_scaled(m: u64, e: i32, decimals: usize) -> String {
    // The exact value's digits, and how many of them are fractional.
    let mut digits = exact_digits(m, e);
    let mut point = if e < 0 { e.unsigned_abs() as usize } else { 0 };
    // × 10^decimals: fewer fractional digits, or more zeros.
    if point >= decimals {
        point -= decimals;
    } else {
        digits.splice(0..0, std::iter::repeat_n(0, decimals - point));
        point = 0;
    }
    // Leading zeros, so that every fractional place has its digit.
    if digits.len() <= point {
        digits.resize(point + 1, 0);
    }
    let mut kept: Vec<u8> = digits[point..].to_vec();
    if point > 0 {
        let first = digits[point - 1];
        let rest = digits[..point - 1].iter().any(|&d| d != 0);
        let odd = kept.first().is_some_and(|d| d % 2 == 1);
        if first > 5 || (first == 5 && (rest || odd)) {
            let mut i = 0;
            loop {
                if i == kept.len() {
                    kept.push(1);
                    break;
                }
                if kept[i] == 9 {
                    kept[i] = 0;
                    i += 1;
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
    }
    while kept.len() > 1 && kept.last() == Some(&0) {
        kept.pop();
    }
    if kept.is_empty() {
        return "0".to_string();
    }
    kept.iter().rev().map(|d| char::from(b'0' + d)).collect()
}

/// `v` as `format!("{v}")` writes it: the fewest digits that read back as `v` (the closest of
/// them to `v`, the upper where two are as close), never an exponent. For the exports, which write figures as data; see
/// [`fixed`] for why it is written here.
pub fn shortest(v: f64) -> String {
    if v.is_nan() || v.is_infinite() {
        return fixed(v, 0);
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let (m, e) = parts(v);
    if m == 0 {
        return format!("{sign}0");
    }
    // The interval of the decimals that read back as v, in quarters of the last place: the
    // gap below a power of two is half as wide. Its ends belong to it where m is even.
    let at_power = m == 1 << 52 && e > -1074;
    let value = Decimal::exact(4 * m, e - 2);
    let low = Decimal::exact(if at_power { 4 * m - 1 } else { 4 * m - 2 }, e - 2);
    let high = Decimal::exact(4 * m + 2, e - 2);
    let closed = m % 2 == 0;
    let inside = |d: &Decimal| {
        let (above, below) = (d.cmp(&low), d.cmp(&high));
        (above.is_gt() || (closed && above.is_eq())) && (below.is_lt() || (closed && below.is_eq()))
    };
    let mut best = value.clone();
    for p in 1..=value.digits.len() {
        let (down, up, tie) = value.around(p);
        let pick = match (inside(&down), inside(&up)) {
            // The closer; halfway, up (as the standard library's Dragon4 does).
            (true, true) => Some(if tie.is_lt() { down } else { up }),
            (true, false) => Some(down),
            (false, true) => Some(up),
            (false, false) => None,
        };
        if let Some(found) = pick {
            best = found;
            break;
        }
    }
    format!("{sign}{}", best.plain())
}

fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// The decimal digits, least significant first, of `n` × 2^`e2` where `e2` ≥ 0, and of
/// `n` × 5^k where `e2` = −k: n × 2^−k is those digits with k of them after the point.
fn exact_digits(n: u64, e2: i32) -> Vec<u8> {
    let mut digits: Vec<u8> = n.to_string().bytes().rev().map(|b| b - b'0').collect();
    let by = if e2 >= 0 { 2 } else { 5 };
    for _ in 0..e2.unsigned_abs() {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let x = *d * by + carry;
            *d = x % 10;
            carry = x / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits
}

/// A non-negative decimal: its digits (most significant first, no leading zero) times
/// 10^`exp`.
#[derive(Clone, Debug)]
struct Decimal {
    digits: Vec<u8>,
    exp: i32,
}

impl Decimal {
    /// `n` × 2^`e2`, exactly.
    fn exact(n: u64, e2: i32) -> Decimal {
        let mut little = exact_digits(n, e2);
        while little.len() > 1 && little.last() == Some(&0) {
            little.pop();
        }
        little.reverse();
        Decimal {
            digits: little,
            exp: e2.min(0),
        }
    }

    /// The power of ten just above the leading digit: 0.d1d2… × 10^top.
    fn top(&self) -> i32 {
        self.digits.len() as i32 + self.exp
    }

    fn cmp(&self, other: &Decimal) -> Ordering {
        let zero = |d: &Decimal| d.digits.iter().all(|&x| x == 0);
        match (zero(self), zero(other)) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        self.top().cmp(&other.top()).then_with(|| {
            let n = self.digits.len().max(other.digits.len());
            let at = |d: &Decimal, i: usize| d.digits.get(i).copied().unwrap_or(0);
            (0..n)
                .map(|i| at(self, i).cmp(&at(other, i)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
    }

    /// This value cut to `p` significant digits, and one unit of the last of them up; and
    /// whether the cut part is less than, exactly or more than half that unit.
    fn around(&self, p: usize) -> (Decimal, Decimal, Ordering) {
        let exp = self.top() - p as i32;
        let down = Decimal {
            digits: self.digits[..p].to_vec(),
            exp,
        };
        let rest = &self.digits[p..];
        let tie = match rest.first() {
            None => Ordering::Less,
            Some(&d) if d != 5 => d.cmp(&5),
            Some(_) if rest[1..].iter().any(|&d| d != 0) => Ordering::Greater,
            Some(_) => Ordering::Equal,
        };
        let mut up = down.digits.clone();
        let mut i = up.len();
        loop {
            if i == 0 {
                up.insert(0, 1);
                break;
            }
            i -= 1;
            if up[i] == 9 {
                up[i] = 0;
            } else {
                up[i] += 1;
                break;
            }
        }
        let up = Decimal {
            exp: exp + (up.len() - p) as i32,
            digits: up[..p].to_vec(),
        };
        (down, up, tie)
    }

    /// Written out without an exponent, trailing zeros after the point dropped.
    fn plain(&self) -> String {
        let mut digits: Vec<u8> = self.digits.clone();
        let mut exp = self.exp;
        while digits.len() > 1 && digits.last() == Some(&0) && exp < 0 {
            digits.pop();
            exp += 1;
        }
        let text: String = digits.iter().map(|&d| char::from(b'0' + d)).collect();
        if exp >= 0 {
            return format!("{text}{}", "0".repeat(exp as usize));
        }
        let point = exp.unsigned_abs() as usize;
        if text.len() > point {
            let (whole, part) = text.split_at(text.len() - point);
            format!("{whole}.{part}")
        } else {
            format!("0.{}{text}", "0".repeat(point - text.len()))
        }
    }
}

/// A decimal number with a fixed number of decimals: `12 345,6`. Not-a-number gives `–`.
pub fn dec(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let s = fixed(v.abs(), decimals);
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::new();
    // "-0,0" reads as a negative zero: only show the minus when a digit is non-zero.
    if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push(MINUS);
    }
    out.push_str(&group(whole));
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A percentage whose value is already in percent: `3,4 %`.
pub fn percent(v: f64, decimals: usize) -> String {
    format!("{}{NBSP}%", dec(v, decimals))
}

/// FHI's rule for how many decimals a value gets: values of 10 or more are shown without
/// decimals, smaller ones with the indicator's own number of decimals.
pub fn fhi_decimals(v: f64, decimals: usize) -> usize {
    if v.abs() >= 10.0 {
        0
    } else {
        decimals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_format_writes_at_the_edges() {
        for v in [
            0.0,
            -0.0,
            0.125,
            0.375,
            2.5,
            3.5,
            -2.5,
            0.35,
            1.005,
            9.995,
            99.95,
            0.5,
            1.5,
            1e-7,
            5e-324,
            f64::MIN_POSITIVE,
            1e15,
            123_456.789,
            1e22,
            1.7e308,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            4_503_599_627_370_495.5,
        ] {
            for d in [0, 1, 2, 3, 9, 10, 17] {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} to {d}");
            }
        }
    }

    #[test]
    fn shortest_writes_what_format_writes_at_the_edges() {
        for v in [
            // 589 530 400 084 747,25: halfway between the two nearest of the fewest digits
            // (…747,2 and …747,3 both read back as it), the upper.
            f64::from_bits(4_828_071_444_114_479_194),
            0.0,
            -0.0,
            0.1,
            0.2,
            0.3,
            1.0,
            2.5,
            100.0,
            1e22,
            1e23,
            1e-7,
            123.456,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            9007199254740993.0,
            0.1 + 0.2,
            1.0 / 3.0,
            2f64.powi(60),
            2f64.powi(-60),
            12.3,
            45.6,
            -7.89,
        ] {
            assert_eq!(shortest(v), format!("{v}"), "{v:e}");
        }
    }

    proptest::proptest! {
        // Fewer: a double far from 1 takes a thousand steps of exact arithmetic.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]
        #[test]
        fn shortest_writes_what_format_writes_for_any_double(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(shortest(v), format!("{v}"));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn fixed_writes_what_format_writes_for_any_double(bits in proptest::prelude::any::<u64>(), d in 0usize..=9) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn shortest_writes_what_format_writes_for_figures(v in -1e7f64..1e7, d in 0i32..=4) {
            let v = (v * 10f64.powi(d)).round() / 10f64.powi(d);
            proptest::prop_assert_eq!(shortest(v), format!("{v}"));
        }

        #[test]
        fn fixed_writes_what_format_writes_for_figures(v in -1e7f64..1e7, d in 0usize..=3) {
            proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }
    }

    fn plain(s: String) -> String {
        s.replace(NBSP, " ").replace(MINUS, "-")
    }

    #[test]
    fn integers_are_grouped_in_threes() {
        assert_eq!(plain(int(0)), "0");
        assert_eq!(plain(int(999)), "999");
        assert_eq!(plain(int(1000)), "1 000");
        assert_eq!(plain(int(12345)), "12 345");
        assert_eq!(plain(int(5_550_203)), "5 550 203");
        assert_eq!(plain(int(-1234)), "-1 234");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(plain(dec(12345.64, 1)), "12 345,6");
        assert_eq!(plain(dec(0.05, 2)), "0,05");
        assert_eq!(plain(dec(-0.04, 1)), "0,0");
        assert_eq!(plain(dec(-2.25, 1)), "-2,2");
        assert_eq!(dec(f64::NAN, 1), "–");
    }

    #[test]
    fn percent_has_a_space() {
        assert_eq!(plain(percent(3.44, 1)), "3,4 %");
        assert_eq!(percent(3.44, 1), "3,4\u{a0}%");
    }

    #[test]
    fn fhi_rule() {
        assert_eq!(fhi_decimals(9.96, 1), 1);
        assert_eq!(fhi_decimals(10.0, 1), 0);
        assert_eq!(fhi_decimals(-12.0, 1), 0);
    }
}
