//! Finding an area by name or number: accent-tolerant matching on every name form (Sami and
//! Kven forms included) and on the code.

use crate::area::{Area, AreaCode, Level, Registry};
use serde::{Deserialize, Serialize};

/// A kommune number that is no longer in use, and the 2024 kommune it became part of. A split
/// kommune has one entry per kommune it went to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OldCode {
    pub code: String,
    pub to: AreaCode,
    /// The last year the old number was in use.
    pub until: u16,
}

/// A search hit: an area, found by its name or code, or through an old number.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    pub area: &'a Area,
    pub via: Option<&'a OldCode>,
}

/// Folds a name for matching: lower case, and Sami/Norwegian letters to plain ones
/// («Kárášjohka» → «karasjohka», «Bærum» → «baerum»), so that a reader without those keys
/// still finds the area.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'å' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ô' => out.push('o'),
            'é' | 'è' | 'ê' => out.push('e'),
            'č' => out.push('c'),
            'đ' => out.push('d'),
            'ŋ' => out.push('n'),
            'š' => out.push('s'),
            'ŧ' => out.push('t'),
            'ž' => out.push('z'),
            'ï' | 'í' => out.push('i'),
            'ü' | 'ú' => out.push('u'),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well an area matches; lower is better.
fn score(area: &Area, q: &str) -> Option<u32> {
    if q.bytes().all(|b| b.is_ascii_digit()) {
        return area.code.as_str().starts_with(q).then_some(0);
    }
    let mut best: Option<u32> = None;
    for form in area.name_forms() {
        let f = fold(form);
        let s = if f == q {
            0
        } else if f.starts_with(q) {
            1
        } else if f.split(' ').any(|w| w.starts_with(q)) {
            2
        } else if f.contains(q) {
            3
        } else {
            continue;
        };
        best = Some(best.map_or(s, |b| b.min(s)));
    }
    best
}

/// Up to `limit` hits for `query`: areas by name or code as in [`search`], then, for a number,
/// the areas that old kommune numbers became («1201» → Bergen, 4601).
pub fn search_with_old<'a>(
    reg: &'a Registry,
    old: &'a [OldCode],
    query: &str,
    limit: usize,
) -> Vec<Hit<'a>> {
    let mut hits: Vec<Hit<'a>> = search(reg, query, limit)
        .into_iter()
        .map(|area| Hit { area, via: None })
        .collect();
    for o in successors(old, query.trim()) {
        let Some(area) = reg.get(&o.to) else { continue };
        if hits.len() < limit && hits.iter().all(|h| h.area.code != area.code) {
            hits.push(Hit { area, via: Some(o) });
        }
    }
    hits
}

/// What a retired number (kommune, bydel or fylke) became: one entry per area it went to, so a
/// split number has several. Empty for a number that was never retired, or is not one.
pub fn successors<'a>(old: &'a [OldCode], code: &str) -> Vec<&'a OldCode> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    old.iter().filter(|o| o.code == code).collect()
}

/// Up to `limit` areas matching `query`, best first; ties go kommune, fylke, bydel, then name.
pub fn search<'a>(reg: &'a Registry, query: &str, limit: usize) -> Vec<&'a Area> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let level_order = |l: Level| match l {
        Level::Kommune => 0,
        Level::Fylke => 1,
        Level::Bydel => 2,
        Level::Landet => 3,
    };
    let mut hits: Vec<(u32, u8, &Area)> = reg
        .areas()
        .iter()
        .filter(|a| a.level() != Level::Landet)
        .filter_map(|a| score(a, &q).map(|s| (s, level_order(a.level()), a)))
        .collect();
    hits.sort_by(|x, y| (x.0, x.1, &x.2.name).cmp(&(y.0, y.1, &y.2.name)));
    hits.into_iter().take(limit).map(|(_, _, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::AreaCode;

    fn reg() -> Registry {
        let a = |c: &str, n: &str| Area {
            code: AreaCode::parse(c).unwrap(),
            name: n.into(),
        };
        Registry::new(vec![
            a("0", "Norge"),
            a("56", "Finnmark - Finnmárku - Finmarkku"),
            a("5610", "Kárášjohka - Karasjok"),
            a("03", "Oslo"),
            a("0301", "Oslo"),
            a("030101", "Gamle Oslo"),
            a("32", "Akershus"),
            a("3201", "Bærum"),
        ])
        .unwrap()
    }

    fn codes(hits: Vec<&Area>) -> Vec<&str> {
        hits.iter().map(|a| a.code.as_str()).collect()
    }

    #[test]
    fn old_numbers_lead_to_their_new_kommune() {
        let mut r = vec![Area {
            code: AreaCode::parse("46").unwrap(),
            name: "Vestland".into(),
        }];
        r.push(Area {
            code: AreaCode::parse("4601").unwrap(),
            name: "Bergen".into(),
        });
        r.push(Area {
            code: AreaCode::landet(),
            name: "Norge".into(),
        });
        let reg = Registry::new(r).unwrap();
        let old = vec![OldCode {
            code: "1201".into(),
            to: AreaCode::parse("4601").unwrap(),
            until: 2019,
        }];
        let hits = search_with_old(&reg, &old, "1201", 5);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].area.name, "Bergen");
        assert_eq!(hits[0].via.unwrap().until, 2019);
        // A current number is found directly, with no notice.
        let hits = search_with_old(&reg, &old, "4601", 5);
        assert_eq!(hits[0].via, None);
        assert!(search_with_old(&reg, &old, "9999", 5).is_empty());
    }

    #[test]
    fn a_retired_number_leads_to_each_area_it_went_to() {
        let to = |c: &str, code: &str| OldCode {
            code: code.into(),
            to: AreaCode::parse(c).unwrap(),
            until: 2019,
        };
        let old = vec![
            to("4601", "1201"),
            to("460101", "120101"),
            to("1806", "1850"),
            to("1875", "1850"),
        ];
        let codes = |c: &str| -> Vec<String> {
            successors(&old, c)
                .iter()
                .map(|o| o.to.to_string())
                .collect()
        };
        assert_eq!(codes("1201"), ["4601"]);
        assert_eq!(codes("120101"), ["460101"]);
        assert_eq!(codes("1850"), ["1806", "1875"]);
        assert!(codes("4601").is_empty());
        assert!(codes("").is_empty());
        assert!(codes("12 01").is_empty());
    }

    #[test]
    fn folds_sami_and_norwegian_letters() {
        assert_eq!(fold("Kárášjohka"), "karasjohka");
        assert_eq!(fold("  Bærum  kommune "), "baerum kommune");
    }

    #[test]
    fn finds_by_any_name_form_and_code() {
        let r = reg();
        assert_eq!(codes(search(&r, "karasjok", 5)), ["5610"]);
        assert_eq!(codes(search(&r, "Kárášjohka", 5)), ["5610"]);
        assert_eq!(codes(search(&r, "karas", 5)), ["5610"]);
        assert_eq!(codes(search(&r, "baerum", 5)), ["3201"]);
        assert_eq!(codes(search(&r, "0301", 5)), ["0301", "030101"]);
        // The kommune comes before the fylke of the same name, and before the bydel.
        assert_eq!(codes(search(&r, "oslo", 5)), ["0301", "03", "030101"]);
        assert!(search(&r, "  ", 5).is_empty());
        assert!(search(&r, "zzz", 5).is_empty());
    }
}
