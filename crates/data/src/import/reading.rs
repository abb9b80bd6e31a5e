//! One published number as read: a value, a flag symbol in its place, or something malformed.
//!
//! The symbols are FHI's and SSB's: `..` missing, `.` cannot be computed, `:` suppressed, `-` nil
//! (a true zero), `*` provisional (the value stands). SSB's `...` (not reported yet) is missing.

use oppvekst_core::indicator::Flag;

#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Number(f64),
    Flag(Flag),
    Invalid(String),
}

/// What a symbol says about the value it stands beside (or in place of).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Symbol {
    Flag(Flag),
    Nil,
    Provisional,
}

pub fn symbol(s: &str) -> Option<Symbol> {
    match s.trim() {
        ".." | "..." => Some(Symbol::Flag(Flag::Missing)),
        "." => Some(Symbol::Flag(Flag::NotComputable)),
        ":" => Some(Symbol::Flag(Flag::Suppressed)),
        "-" => Some(Symbol::Nil),
        "*" => Some(Symbol::Provisional),
        _ => None,
    }
}

/// FHI's SPVFLAGG column: `0` none, `1` missing, `2` cannot be computed, `3` suppressed; the
/// symbols themselves are accepted too. `Ok(None)` means no flag.
pub fn flag_column(s: &str) -> Result<Option<Flag>, String> {
    match s.trim() {
        "" | "0" => Ok(None),
        "1" => Ok(Some(Flag::Missing)),
        "2" => Ok(Some(Flag::NotComputable)),
        "3" => Ok(Some(Flag::Suppressed)),
        other => match symbol(other) {
            Some(Symbol::Flag(f)) => Ok(Some(f)),
            Some(Symbol::Nil | Symbol::Provisional) => Ok(None),
            None => Err(format!("unknown flag «{other}»")),
        },
    }
}

/// A CSV cell: a number with a decimal comma or point, or a symbol. `None` for an empty cell.
pub fn from_text(s: &str) -> Option<Reading> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(sym) = symbol(t) {
        return Some(match sym {
            Symbol::Flag(f) => Reading::Flag(f),
            Symbol::Nil => Reading::Number(0.0),
            Symbol::Provisional => Reading::Flag(Flag::Missing),
        });
    }
    // A provisional mark may follow the number («123*»): the number stands.
    let t = t.strip_suffix('*').unwrap_or(t).trim_end();
    Some(match number(t) {
        Some(v) => Reading::Number(v),
        None if looks_like_symbol(t) => Reading::Invalid(format!("unknown flag «{t}»")),
        None => Reading::Invalid(format!("not a number: «{t}»")),
    })
}

/// Parses `12,5`, `12.5`, `-3`, `12 345` (space or no-break space between thousands).
pub fn number(s: &str) -> Option<f64> {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.contains(',') && cleaned.contains('.') {
        return None;
    }
    let cleaned = cleaned.replace(',', ".");
    // Rust accepts «inf» and «NaN»; publishers never mean them.
    if !cleaned
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn looks_like_symbol(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_punctuation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_decimal_comma_and_spaces() {
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("12.5"), Some(12.5));
        assert_eq!(number("12\u{a0}345"), Some(12345.0));
        assert_eq!(number("-3"), Some(-3.0));
        assert_eq!(number("1.234,5"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
        assert_eq!(number("12x"), None);
    }

    #[test]
    fn symbols_in_value_cells() {
        assert_eq!(from_text(""), None);
        assert_eq!(from_text(".."), Some(Reading::Flag(Flag::Missing)));
        assert_eq!(from_text("."), Some(Reading::Flag(Flag::NotComputable)));
        assert_eq!(from_text(":"), Some(Reading::Flag(Flag::Suppressed)));
        assert_eq!(from_text("-"), Some(Reading::Number(0.0)));
        assert_eq!(from_text("17*"), Some(Reading::Number(17.0)));
        assert!(matches!(from_text("#"), Some(Reading::Invalid(m)) if m.contains("flag")));
        assert!(matches!(from_text("1,2,3"), Some(Reading::Invalid(m)) if m.contains("number")));
    }

    #[test]
    fn flag_column_codes_and_symbols() {
        assert_eq!(flag_column("0"), Ok(None));
        assert_eq!(flag_column("3"), Ok(Some(Flag::Suppressed)));
        assert_eq!(flag_column(":"), Ok(Some(Flag::Suppressed)));
        assert_eq!(flag_column(".."), Ok(Some(Flag::Missing)));
        assert!(flag_column("9").is_err());
    }
}
