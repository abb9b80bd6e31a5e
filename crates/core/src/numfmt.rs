//! Numbers written the Norwegian way: `12 345,6` and `3,4 %`.
//!
//! The thousands separator and the space before `%` are no-break spaces (U+00A0), so that a
//! number never wraps across two lines on a phone; negative numbers take a real minus (U+2212).

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

/// A decimal number with a fixed number of decimals: `12 345,6`. Not-a-number gives `–`.
pub fn dec(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", decimals, v.abs());
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
