//! The URL is the state: parsing of the app's routes and query parameters, kept pure so that
//! it is tested natively and fuzzed. Whatever the URL holds, the result is a value, never a panic.

use crate::area::{AreaCode, Level};
use crate::lang::Lang;

/// What a path asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    About,
    Profile(AreaCode),
    /// A route that names an area we cannot read: the page says so and offers search.
    BadArea {
        level: String,
        code: String,
    },
    NotFound,
}

/// Parses a path such as `/kommune/0301`, `/landet` or `/om` (trailing slash allowed).
pub fn parse_path(path: &str) -> Page {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        [] => Page::Home,
        ["om"] => Page::About,
        ["landet"] => Page::Profile(AreaCode::landet()),
        [level, code] => parse_area(level, code),
        _ => Page::NotFound,
    }
}

/// Parses the two segments of an area route; the level must agree with the code's length.
pub fn parse_area(level: &str, code: &str) -> Page {
    match Level::from_slug(level) {
        Some(Level::Landet) | None => Page::NotFound,
        Some(l) => match AreaCode::parse_at(l, code) {
            Ok(c) => Page::Profile(c),
            Err(_) => Page::BadArea {
                level: level.to_string(),
                code: code.chars().take(16).collect(),
            },
        },
    }
}

/// The path of an area's profile.
pub fn area_path(code: &AreaCode) -> String {
    match code.level() {
        Level::Landet => "/landet".to_string(),
        l => format!("/{}/{}", l.slug(), code),
    }
}

/// The query parameters every view understands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub lang: Option<Lang>,
    pub embed: bool,
}

/// Parses `?lang=nn&embed=1`. Unknown keys and bad values are ignored, not fatal.
pub fn parse_query(search: &str) -> Query {
    let mut q = Query::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "lang" => q.lang = Lang::parse(v).or(q.lang),
            "embed" => q.embed = matches!(v, "1" | "true"),
            _ => {}
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paths() {
        assert_eq!(parse_path("/"), Page::Home);
        assert_eq!(parse_path("/om/"), Page::About);
        assert_eq!(parse_path("/landet"), Page::Profile(AreaCode::landet()));
        assert_eq!(
            parse_path("/kommune/0301"),
            Page::Profile(AreaCode::parse("0301").unwrap())
        );
        assert_eq!(
            parse_path("/bydel/030101"),
            Page::Profile(AreaCode::parse("030101").unwrap())
        );
        assert!(matches!(parse_path("/kommune/03x1"), Page::BadArea { .. }));
        assert!(matches!(parse_path("/kommune/03"), Page::BadArea { .. }));
        assert_eq!(parse_path("/planet/0301"), Page::NotFound);
        assert_eq!(parse_path("/a/b/c"), Page::NotFound);
    }

    #[test]
    fn area_paths_round_trip() {
        for c in ["0", "03", "0301", "030101"] {
            let code = AreaCode::parse(c).unwrap();
            assert_eq!(parse_path(&area_path(&code)), Page::Profile(code));
        }
    }

    #[test]
    fn queries() {
        assert_eq!(parse_query("?lang=nn").lang, Some(Lang::Nn));
        assert_eq!(parse_query("lang=xx").lang, None);
        assert!(parse_query("?embed=1&lang=en").embed);
        assert_eq!(parse_query("?=&&lang").lang, None);
    }

    proptest! {
        #[test]
        fn any_url_parses_without_panic(p in ".{0,60}", q in ".{0,60}") {
            let _ = parse_path(&p);
            let _ = parse_query(&q);
        }
    }
}
