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
    /// One indicator over time for an area (`/kommune/0301/utvikling?indikator=…&med=…`).
    Trend(AreaCode),
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
        ["landet", TREND] => Page::Trend(AreaCode::landet()),
        [level, code] => parse_area(level, code),
        [level, code, TREND] => match parse_area(level, code) {
            Page::Profile(c) => Page::Trend(c),
            other => other,
        },
        _ => Page::NotFound,
    }
}

/// The last segment of a trend view's path.
pub const TREND: &str = "utvikling";

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

/// The path of an area's trend view.
pub fn trend_path(code: &AreaCode) -> String {
    format!("{}/{TREND}", area_path(code))
}

/// How many areas a reader can add to a trend view.
pub const MAX_EXTRA_AREAS: usize = 5;

/// The query parameters the views understand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub lang: Option<Lang>,
    pub embed: bool,
    /// The indicator of a trend view (`indikator=mobbing_7`): an id's characters only.
    pub indicator: Option<String>,
    /// Areas added to a trend view (`med=4601,5001`): valid codes, each once, at most
    /// [`MAX_EXTRA_AREAS`].
    pub extra: Vec<AreaCode>,
}

/// Parses `?lang=nn&embed=1&indikator=…&med=…`. Unknown keys and bad values are ignored, not
/// fatal: a link that was cut or edited by hand still opens what it can.
pub fn parse_query(search: &str) -> Query {
    let mut q = Query::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "lang" => q.lang = Lang::parse(v).or(q.lang),
            "embed" => q.embed = matches!(v, "1" | "true"),
            "indikator" => q.indicator = indicator_id(v).or(q.indicator),
            "med" => q.extra = extra_areas(v),
            _ => {}
        }
    }
    q
}

/// An indicator id as the catalogue writes them (`mobbing_7`), or nothing.
fn indicator_id(v: &str) -> Option<String> {
    let ok = !v.is_empty()
        && v.len() <= 40
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then(|| v.to_string())
}

/// `4601,5001` (or `%2C` for the comma, as some tools write it): the valid codes, in order,
/// each once, at most [`MAX_EXTRA_AREAS`].
pub fn extra_areas(v: &str) -> Vec<AreaCode> {
    let mut out: Vec<AreaCode> = Vec::new();
    for part in v.replace("%2C", ",").replace("%2c", ",").split(',') {
        if let Ok(c) = AreaCode::parse(part.trim()) {
            if !out.contains(&c) && out.len() < MAX_EXTRA_AREAS {
                out.push(c);
            }
        }
    }
    out
}

/// A trend view's address: path, indicator, added areas and language (bokmål, the default,
/// is left out), so that the view opens exactly as shared.
pub fn trend_url(code: &AreaCode, indicator: &str, extra: &[AreaCode], lang: Lang) -> String {
    let mut url = format!("{}?indikator={indicator}", trend_path(code));
    if !extra.is_empty() {
        let codes: Vec<&str> = extra.iter().map(AreaCode::as_str).collect();
        url.push_str(&format!("&med={}", codes.join(",")));
    }
    if lang != Lang::Nb {
        url.push_str(&format!("&lang={}", lang.code()));
    }
    url
}

/// The same page in another language: `search` kept but for its `lang`, which is set (or, for
/// bokmål, dropped). The language switch uses it, so that a view keeps its state.
pub fn with_lang(path: &str, search: &str, lang: Lang) -> String {
    let mut pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("lang"))
        .collect();
    let lang_pair = format!("lang={}", lang.code());
    if lang != Lang::Nb {
        pairs.push(&lang_pair);
    }
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
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
    fn trend_routes() {
        let oslo = AreaCode::parse("0301").unwrap();
        assert_eq!(
            parse_path("/kommune/0301/utvikling"),
            Page::Trend(oslo.clone())
        );
        assert_eq!(
            parse_path("/landet/utvikling/"),
            Page::Trend(AreaCode::landet())
        );
        assert!(matches!(
            parse_path("/kommune/03x1/utvikling"),
            Page::BadArea { .. }
        ));
        assert_eq!(parse_path("/kommune/0301/annet"), Page::NotFound);
        let extra = [
            AreaCode::parse("4601").unwrap(),
            AreaCode::parse("46").unwrap(),
        ];
        let url = trend_url(&oslo, "mobbing_7", &extra, Lang::En);
        assert_eq!(
            url,
            "/kommune/0301/utvikling?indikator=mobbing_7&med=4601,46&lang=en"
        );
        // The address opens the same view.
        let (path, search) = url.split_once('?').unwrap();
        assert_eq!(parse_path(path), Page::Trend(oslo.clone()));
        let q = parse_query(search);
        assert_eq!(q.indicator.as_deref(), Some("mobbing_7"));
        assert_eq!(q.extra, extra);
        assert_eq!(q.lang, Some(Lang::En));
        assert_eq!(
            trend_url(&oslo, "x", &[], Lang::Nb),
            "/kommune/0301/utvikling?indikator=x"
        );
    }

    #[test]
    fn trend_query_keeps_what_is_valid() {
        let q = parse_query("?indikator=<script>&med=4601,xx,4601,03,0,5001,1151,1103,1106");
        assert_eq!(q.indicator, None);
        let codes: Vec<&str> = q.extra.iter().map(AreaCode::as_str).collect();
        assert_eq!(codes, ["4601", "03", "0", "5001", "1151"]);
        assert_eq!(parse_query("med=4601%2C5001").extra.len(), 2);
    }

    #[test]
    fn the_language_switch_keeps_the_view() {
        let s = "?indikator=mobbing_7&lang=nn&med=4601";
        assert_eq!(
            with_lang("/kommune/0301/utvikling", s, Lang::En),
            "/kommune/0301/utvikling?indikator=mobbing_7&med=4601&lang=en"
        );
        assert_eq!(
            with_lang("/kommune/0301/utvikling", s, Lang::Nb),
            "/kommune/0301/utvikling?indikator=mobbing_7&med=4601"
        );
        assert_eq!(with_lang("/om", "", Lang::Nn), "/om?lang=nn");
        assert_eq!(with_lang("/om", "?lang=en", Lang::Nb), "/om");
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
            let _ = with_lang(&p, &q, Lang::En);
        }
    }
}
