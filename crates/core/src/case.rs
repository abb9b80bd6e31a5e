//! Letter case, and what is a letter, for the Latin script the app's names and texts are
//! written in: Norwegian, the Sami languages, Kven and English all lie within U+0000–U+017F.
//! The standard library's `char::to_lowercase`, `to_uppercase`, `is_lowercase` and
//! `is_alphanumeric` carry Unicode's tables for every script, which the browser would download
//! with the app; these answer as they do for every character in that range (a test compares
//! each one), and beyond it they see no letter and no case: a character there stays as it is.

/// The lower case of `c`, where `c` is an upper-case Latin letter with a one-letter lower case.
fn lower_of(c: char) -> Option<char> {
    let n = u32::from(c);
    let to = match n {
        0x41..=0x5A => n + 0x20,
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        _ => return None,
    };
    char::from_u32(to)
}

/// The upper case of `c`, where `c` is a lower-case Latin letter with a one-letter upper case.
fn upper_of(c: char) -> Option<char> {
    let n = u32::from(c);
    let to = match n {
        0x61..=0x7A => n - 0x20,
        0xE0..=0xFE if n != 0xF7 => n - 0x20,
        0xFF => 0x178,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 if n % 2 == 1 => n - 1,
        0x13A..=0x148 | 0x17A..=0x17E if n % 2 == 0 => n - 1,
        // ı, ſ and µ (whose upper case is Greek).
        0x131 => 0x49,
        0x17F => 0x53,
        0xB5 => 0x39C,
        _ => return None,
    };
    char::from_u32(to)
}

/// `c` in lower case onto `out`, as `char::to_lowercase` gives it (İ is two characters).
pub fn push_lower(out: &mut String, c: char) {
    match c {
        'İ' => out.push_str("i\u{307}"),
        _ => out.push(lower_of(c).unwrap_or(c)),
    }
}

/// `c` in upper case onto `out`, as `char::to_uppercase` gives it (ß is «SS»).
pub fn push_upper(out: &mut String, c: char) {
    match c {
        'ß' => out.push_str("SS"),
        'ŉ' => out.push_str("\u{2BC}N"),
        _ => out.push(upper_of(c).unwrap_or(c)),
    }
}

/// Whether `c` is a lower-case letter, as `char::is_lowercase` says.
pub fn is_lower(c: char) -> bool {
    upper_of(c).is_some() || matches!(c, 'ª' | 'º' | 'ß' | 'ĸ' | 'ŉ')
}

/// Whether `c` is a letter or a digit, as `char::is_alphanumeric` says.
pub fn is_alnum(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾' => true,
        '\u{C0}'..='\u{17F}' => c != '×' && c != '÷',
        _ => false,
    }
}

/// `s` in lower case, as `str::to_lowercase` gives it.
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_lower(&mut out, c);
    }
    out
}

/// `s` with its first character in lower case: «Gutter» → «gutter».
pub fn lower_first(s: &str) -> String {
    with_first(s, push_lower)
}

/// `s` with its first character in upper case: «bedre» → «Bedre».
pub fn upper_first(s: &str) -> String {
    with_first(s, push_upper)
}

/// `s` with its first character as `push` writes it.
fn with_first(s: &str, push: fn(&mut String, char)) -> String {
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(first) = chars.next() {
        push(&mut out, first);
    }
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_latin_character_is_answered_as_the_standard_library_answers() {
        for c in (0..=0x17F).filter_map(char::from_u32) {
            let mut lower = String::new();
            push_lower(&mut lower, c);
            assert_eq!(
                lower,
                c.to_lowercase().collect::<String>(),
                "lower of {c:?}"
            );
            let mut upper = String::new();
            push_upper(&mut upper, c);
            assert_eq!(
                upper,
                c.to_uppercase().collect::<String>(),
                "upper of {c:?}"
            );
            assert_eq!(is_lower(c), c.is_lowercase(), "is_lower {c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "is_alnum {c:?}");
        }
    }

    #[test]
    fn beyond_latin_a_character_stays_as_it_is() {
        for c in ['Σ', 'ж', 'Ǩ', '–', '…', '€', '漢'] {
            assert_eq!(lowercase(&c.to_string()), c.to_string());
            assert_eq!(upper_first(&c.to_string()), c.to_string());
            assert!(!is_lower(c) && !is_alnum(c), "{c:?}");
        }
    }

    #[test]
    fn names_and_words_change_case_as_in_the_app() {
        assert_eq!(lowercase("KÁRÁŠJOHKA – Ŋ"), "kárášjohka – ŋ");
        assert_eq!(lower_first("Øvrige"), "øvrige");
        assert_eq!(lower_first(""), "");
        assert_eq!(upper_first("åpen"), "Åpen");
        assert_eq!(upper_first("ßx"), "SSx");
    }
}
