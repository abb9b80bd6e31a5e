//! Finding an area by name or number: accent-tolerant matching on every name form (Sami and
//! Kven forms included) and on the code, forgiving a slip of a key or two («stovnr» finds
//! Stovner), and through the numbers and names areas had before the reforms («nøtterøy» finds
//! Færder, «os hordaland» Bjørnafjorden).

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
    /// The name the area had under that number («Os (Hordaland)»); empty where not known.
    pub name: String,
}

/// A search hit: an area, found by its name or code, or through what it was before.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    pub area: &'a Area,
    pub via: Option<Via<'a>>,
}

/// How a hit was found through the past: the number it had, or the name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Via<'a> {
    Number(&'a OldCode),
    Name(&'a OldCode),
}

impl<'a> Via<'a> {
    pub fn old(self) -> &'a OldCode {
        match self {
            Via::Number(o) | Via::Name(o) => o,
        }
    }
}

/// Folds a name for matching: lower case, and Sami/Norwegian letters to plain ones
/// («Kárášjohka» → «karasjohka», «Bærum» → «baerum»), so that a reader without those keys
/// still finds the area.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::case::lowercase(s).chars() {
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
            c if crate::case::is_alnum(c) => out.push(c),
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
    area.name_forms()
        .into_iter()
        .filter_map(|form| score_name(&fold(form), q))
        .min()
}

/// How well folded name `f` matches folded query `q`: 0 the name itself, 1 its start, 2 a
/// word's start, 3 inside it, then a slip of the keys (4 + the distance); `None` no match.
fn score_name(f: &str, q: &str) -> Option<u32> {
    if f == q {
        Some(0)
    } else if f.starts_with(q) {
        Some(1)
    } else if f.split(' ').any(|w| w.starts_with(q)) {
        Some(2)
    } else if f.contains(q) {
        Some(3)
    } else {
        typo(f, q).map(|d| 4 + d)
    }
}

/// How many slips of the keys (a letter wrong, missing, extra or swapped) make `q` the name
/// `f`, one of its words, or the start of either, within what the query's length allows.
fn typo(f: &str, q: &str) -> Option<u32> {
    let allowed = tolerance(q.chars().count());
    if allowed == 0 {
        return None;
    }
    let n = q.chars().count();
    let start = |s: &str| s.chars().take(n).collect::<String>();
    std::iter::once(f)
        .chain(f.split(' '))
        .flat_map(|w| [w.to_string(), start(w)])
        .map(|w| strsim::osa_distance(&w, q))
        .filter(|&d| d <= allowed)
        .min()
        .map(|d| d as u32)
}

/// Slips forgiven for a query of `len` letters: none in the shortest, where every name would be
/// one slip away, one in a short name, two in a longer.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Whether every word of folded query `q` starts a word of folded name `f` (punctuation aside,
/// «i» ignored): «os hordaland» and «os i hordaland» match «Os (Hordaland)».
fn words_match(f: &str, q: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !crate::case::is_alnum(c))
            .filter(|w| !w.is_empty() && *w != "i")
            .map(str::to_string)
            .collect()
    };
    let (fw, qw) = (words(f), words(q));
    !qw.is_empty()
        && qw
            .iter()
            .all(|w| fw.iter().any(|x| x.starts_with(w.as_str())))
}

/// Up to `limit` hits for `query`, best first: areas by name or code as in [`search`], the areas
/// an old number became («1201» → Bergen, 4601), and those an old name became («nøtterøy» →
/// Færder), which rank above a mere slip of the keys (a name typed right beats a typo).
pub fn search_with_old<'a>(
    reg: &'a Registry,
    old: &'a [OldCode],
    query: &str,
    limit: usize,
) -> Vec<Hit<'a>> {
    let q = fold(query);
    let mut ranked: Vec<(u32, u8, &Area, Option<Via>)> = ranked(reg, &q)
        .into_iter()
        .map(|(s, l, a)| (s, l, a, None))
        .collect();
    let by_number = successors(old, query.trim())
        .into_iter()
        .map(|o| (0, Via::Number(o)));
    let by_name = old
        .iter()
        .filter(|o| !o.name.is_empty() && !q.is_empty() && words_match(&fold(&o.name), &q))
        .map(|o| (WHOLE_WORD, Via::Name(o)));
    for (s, via) in by_number.chain(by_name) {
        if let Some(area) = reg.get(&via.old().to) {
            ranked.push((s, level_order(area.level()), area, Some(via)));
        }
    }
    // Stable: at equal rank, today's name before an old one.
    crate::order::sort_by_key(&mut ranked, |x| (x.0, x.1));
    let mut hits: Vec<Hit<'a>> = Vec::new();
    for (_, _, area, via) in ranked {
        if hits.len() < limit && hits.iter().all(|h| h.area.code != area.code) {
            hits.push(Hit { area, via });
        }
    }
    hits
}

/// The rank of a name matched word for word, as an old name is.
const WHOLE_WORD: u32 = 2;

/// The names nearest to a query that found nothing, nearest first: what the reader may have
/// meant, shown with the «no match» message.
pub fn nearest<'a>(reg: &'a Registry, query: &str, limit: usize) -> Vec<&'a Area> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut by_likeness: Vec<(f64, &Area)> = reg
        .areas()
        .iter()
        .filter(|a| matches!(a.level(), Level::Kommune | Level::Bydel))
        .map(|a| {
            // Jaro–Winkler weighs the start of a name, where readers type most surely.
            let likeness = a
                .name_forms()
                .into_iter()
                .map(|f| strsim::jaro_winkler(&fold(f), &q))
                .fold(0.0, f64::max);
            (likeness, a)
        })
        .collect();
    crate::order::sort_by(&mut by_likeness, |x, y| {
        y.0.total_cmp(&x.0).then_with(|| x.1.name.cmp(&y.1.name))
    });
    by_likeness
        .into_iter()
        .take(limit)
        .map(|(_, a)| a)
        .collect()
}

/// What a retired number (kommune, bydel or fylke) became: one entry per area it went to, so a
/// split number has several. Empty for a number that was never retired, or is not one.
pub fn successors<'a>(old: &'a [OldCode], code: &str) -> Vec<&'a OldCode> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    old.iter().filter(|o| o.code == code).collect()
}

/// What a split number's page is titled with (before the app's name): the name the number
/// had, where SSB's list of old names has it, or the number and the areas it became
/// («5012: Heim, Hitra, Orkland»), not the number alone. Empty for no entries.
pub fn split_title<'a>(reg: &Registry, old: impl IntoIterator<Item = &'a OldCode>) -> String {
    let old: Vec<&OldCode> = old.into_iter().collect();
    let Some(first) = old.first() else {
        return String::new();
    };
    if !first.name.is_empty() {
        return first.name.clone();
    }
    let mut names: Vec<&str> = old
        .iter()
        .filter_map(|o| reg.get(&o.to))
        .map(|a| a.name.as_str())
        .collect();
    crate::order::sort_by(&mut names, |a, b| a.cmp(b));
    format!("{}: {}", first.code, names.join(", "))
}

/// Each retired number, with what it became (one entry per area it went to): the numbers that
/// have a page of their own (`/kommune/1201`). One that is not a number is left out.
pub fn retired_numbers(old: &[OldCode]) -> std::collections::BTreeMap<AreaCode, Vec<&OldCode>> {
    let mut by_number: std::collections::BTreeMap<AreaCode, Vec<&OldCode>> = Default::default();
    for o in old {
        if let Ok(code) = AreaCode::parse(&o.code) {
            by_number.entry(code).or_default().push(o);
        }
    }
    by_number
}

/// Up to `limit` areas matching `query`, best first; ties go kommune, fylke, bydel, then name.
pub fn search<'a>(reg: &'a Registry, query: &str, limit: usize) -> Vec<&'a Area> {
    ranked(reg, &fold(query))
        .into_iter()
        .take(limit)
        .map(|(_, _, a)| a)
        .collect()
}

/// Every area folded query `q` matches, with its score and level order, best first.
fn ranked<'a>(reg: &'a Registry, q: &str) -> Vec<(u32, u8, &'a Area)> {
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u32, u8, &Area)> = reg
        .areas()
        .iter()
        .filter(|a| a.level() != Level::Landet)
        .filter_map(|a| score(a, q).map(|s| (s, level_order(a.level()), a)))
        .collect();
    crate::order::sort_by(&mut hits, |x, y| {
        (x.0, x.1, &x.2.name).cmp(&(y.0, y.1, &y.2.name))
    });
    hits
}

/// Ties go kommune, fylke, bydel.
fn level_order(l: Level) -> u8 {
    match l {
        Level::Kommune => 0,
        Level::Fylke => 1,
        Level::Bydel => 2,
        Level::Landet => 3,
    }
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
    fn a_slip_of_the_keys_is_forgiven_in_proportion() {
        let r = reg();
        // One letter missing, one swapped, one wrong; an accent never counts.
        assert_eq!(codes(search(&r, "baerm", 5)), ["3201"]);
        assert_eq!(codes(search(&r, "bearum", 5)), ["3201"]);
        assert_eq!(codes(search(&r, "karasjik", 5)), ["5610"]);
        assert_eq!(codes(search(&r, "gamle olso", 5)), ["030101"]);
        // Two letters off in a short query find nothing rather than everything.
        assert!(search(&r, "osx", 5).is_empty());
        assert!(search(&r, "xyzzy", 5).is_empty());
        // An exact match still comes first.
        assert_eq!(codes(search(&r, "oslo", 5))[..2], ["0301", "03"]);
    }

    #[test]
    fn old_names_lead_to_todays_area() {
        let r = reg();
        let old = vec![
            OldCode {
                code: "0219".into(),
                to: AreaCode::parse("3201").unwrap(),
                until: 2019,
                name: "Bærum (Akershus)".into(),
            },
            OldCode {
                code: "2021".into(),
                to: AreaCode::parse("5610").unwrap(),
                until: 2019,
                name: "Karasjok".into(),
            },
        ];
        let hit = |q: &str| -> Vec<(String, Option<String>)> {
            search_with_old(&r, &old, q, 5)
                .iter()
                .map(|h| (h.area.code.to_string(), h.via.map(|v| v.old().code.clone())))
                .collect()
        };
        assert_eq!(
            hit("bærum akershus"),
            [("3201".into(), Some("0219".into()))]
        );
        assert_eq!(
            hit("Bærum i Akershus"),
            [("3201".into(), Some("0219".into()))]
        );
        assert!(matches!(
            search_with_old(&r, &old, "bærum akershus", 5)[0].via,
            Some(Via::Name(_))
        ));
        // Found by today's name: no notice about the old one.
        assert_eq!(hit("karasjok"), [("5610".into(), None)]);
        assert!(hit("akershus bærum x").is_empty());
    }

    #[test]
    fn a_query_that_finds_nothing_has_nearest_names() {
        let r = reg();
        let names: Vec<&str> = nearest(&r, "Gamle Osla", 2)
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["Gamle Oslo", "Oslo"]);
        assert!(nearest(&r, "  ", 3).is_empty());
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
            name: "Bergen".into(),
        }];
        let hits = search_with_old(&reg, &old, "1201", 5);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].area.name, "Bergen");
        assert_eq!(hits[0].via.unwrap().old().until, 2019);
        assert!(matches!(hits[0].via, Some(Via::Number(_))));
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
            name: String::new(),
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
        // One page each: a split number once, with both areas; a code that is no number, none.
        let bad = [old.clone(), vec![to("4601", "12x1")]].concat();
        let pages: Vec<(String, usize)> = retired_numbers(&bad)
            .into_iter()
            .map(|(code, to)| (code.to_string(), to.len()))
            .collect();
        let want = [("1201", 1), ("120101", 1), ("1850", 2)];
        assert_eq!(pages, want.map(|(c, n)| (c.to_string(), n)));
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
    #[test]
    fn a_split_number_is_titled_by_its_old_name_or_by_what_it_became() {
        let r = reg();
        let to = |code: &str, into: &str, name: &str| OldCode {
            code: code.into(),
            to: AreaCode::parse(into).unwrap(),
            until: 2019,
            name: name.into(),
        };
        // No old name: the number and today's areas, in name order.
        let split = [to("3099", "3201", ""), to("3099", "0301", "")];
        assert_eq!(split_title(&r, &split), "3099: Bærum, Oslo");
        // An old name says it all.
        let named = [
            to("0219", "3201", "Bærum (Akershus)"),
            to("0219", "0301", ""),
        ];
        assert_eq!(split_title(&r, &named), "Bærum (Akershus)");
        assert_eq!(split_title(&r, &[]), "");
    }
}
