//! Key sentences: the few indicators where an area differs most from landet (or a bydel from its
//! kommune), each said in one sentence in nb, nn and en.
//!
//! **Choice.** Only the latest period of each indicator is considered, and only indicators whose
//! comparison ([`compare`]) is significant: better, worse, higher or lower. A cell without
//! counts gives no comparison, so a suppressed value never yields a sentence.
//!
//! **Order.** The sentences are ordered by effect size on the scale of the test: for a rate the
//! absolute log rate ratio `|ln(r_area / r_ref)|`, for a share the absolute log odds ratio
//! `|logit p_area − logit p_ref|`. Both are computed from the counts with the empirical
//! correction of ½ (as in the trend), so a zero count has a finite effect. The odds ratio is used
//! for shares because it treats a share and its complement alike: 96 % against 92 % is as large
//! a difference as 4 % against 8 %, which the ratio of the shares would hide. Unlike a
//! standardised difference (`z`), the effect does not grow with the size of the kommune: Oslo's
//! smallest significant difference does not crowd out a small kommune's large one. Equal effects
//! keep the catalogue's order.
//!
//! **Numbers** are written by [`crate::numfmt`] with FHI's rule for decimals
//! ([`crate::numfmt::fhi_decimals`] of the indicator's own decimals). When the two rounded
//! figures would read the same («9,8 % mot 9,8 %») both get one more decimal, up to two more,
//! since the sentence says they differ.

use super::cells::landet;
use super::ci::Confidence;
use super::compare::{compare, Comparison};
use crate::codec::{ContextBundle, SeriesSet};
use crate::indicator::{Cell, Indicator, TestKind, Unit};
use crate::lang::{Lang, Text};
use crate::numfmt;

/// How many sentences unless asked otherwise.
pub const DEFAULT_MAX: usize = 8;

/// What an area is compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reference {
    #[default]
    Landet,
    /// The kommune of a bydel.
    Kommune,
}

/// What a key sentence is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SentenceKind {
    /// The area against a reference (landet, or a bydel's kommune).
    Versus(Reference),
    /// The area's own development over the last periods.
    Trend,
}

/// One key sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct KeySentence {
    pub indicator_id: String,
    /// What the sentence compares: landet, the kommune, or the area's own past.
    pub kind: SentenceKind,
    pub comparison: Comparison,
    /// The effect size it was ranked by (see the module's doc).
    pub effect: f64,
    pub text: Text,
}

/// A value in the indicator's unit with `decimals` decimals: «12,3 %», «4,1 per 1 000», «12».
fn format_with(unit: Unit, v: f64, decimals: usize) -> String {
    match unit {
        Unit::Percent => numfmt::percent(v, decimals),
        Unit::Per1000 => format!(
            "{}{nbsp}per{nbsp}{}",
            numfmt::dec(v, decimals),
            numfmt::int(1000),
            nbsp = numfmt::NBSP
        ),
        // A change says its direction: «+1,6 %», «−2,3 %».
        Unit::ChangePercent if v > 0.0 => format!("+{}", numfmt::percent(v, decimals)),
        Unit::ChangePercent => numfmt::percent(v, decimals),
        _ => numfmt::dec(v, decimals),
    }
}

/// A value with a fixed number of decimals, for confidence limits, which need more precision
/// than the value itself to read as an interval («17,97 % – 18,15 %», not «18 % – 18 %»).
pub fn format_precise(ind: &Indicator, v: f64, decimals: usize) -> String {
    format_with(ind.unit, v, decimals)
}

/// A value as FHI writes it: the indicator's decimals below 10, none from 10.
pub fn format_value(ind: &Indicator, v: f64) -> String {
    format_with(ind.unit, v, numfmt::fhi_decimals(v, ind.decimals as usize))
}

/// The area's and the reference's values, with more decimals if they would read the same.
fn format_pair(ind: &Indicator, area: f64, reference: f64) -> (String, String) {
    let d = ind.decimals as usize;
    let (mut da, mut dr) = (
        numfmt::fhi_decimals(area, d),
        numfmt::fhi_decimals(reference, d),
    );
    let mut out = (
        format_with(ind.unit, area, da),
        format_with(ind.unit, reference, dr),
    );
    for _ in 0..2 {
        if out.0 != out.1 {
            break;
        }
        da = da.max(dr) + 1;
        dr = da;
        out = (
            format_with(ind.unit, area, da),
            format_with(ind.unit, reference, dr),
        );
    }
    out
}

/// One sentence: «{subject} er høyere enn i landet som helhet (12 % mot 9,8 %).»
pub fn sentence(
    ind: &Indicator,
    area_value: f64,
    reference_value: f64,
    higher: bool,
    against: Reference,
) -> Text {
    let (a, r) = format_pair(ind, area_value, reference_value);
    let make = |lang: Lang| {
        let subject = ind.subject.get(lang);
        match lang {
            Lang::Nb => {
                let dir = if higher { "høyere" } else { "lavere" };
                let place = match against {
                    Reference::Landet => "i landet som helhet",
                    Reference::Kommune => "i kommunen",
                };
                format!("{subject} er {dir} enn {place} ({a} mot {r}).")
            }
            Lang::Nn => {
                let dir = if higher { "høgare" } else { "lågare" };
                let place = match against {
                    Reference::Landet => "i landet som heilskap",
                    Reference::Kommune => "i kommunen",
                };
                format!("{subject} er {dir} enn {place} ({a} mot {r}).")
            }
            Lang::En => {
                let dir = if higher { "higher" } else { "lower" };
                let place = match against {
                    Reference::Landet => "in Norway as a whole",
                    Reference::Kommune => "in the municipality",
                };
                format!("{subject} is {dir} than {place} ({a} vs {r}).")
            }
        }
    };
    Text {
        nb: make(Lang::Nb),
        nn: make(Lang::Nn),
        en: make(Lang::En),
    }
}

/// The effect size of an area's cell against the reference's (see the module's doc); `None`
/// when either cell has no counts.
pub fn effect_size(ind: &Indicator, area: &Cell, reference: &Cell) -> Option<f64> {
    let scale = |c: &Cell| -> Option<f64> {
        if !c.is_ok() || c.den == 0 {
            return None;
        }
        let x = c.num as f64 + 0.5;
        match ind.test {
            TestKind::Binomial if c.num <= c.den => {
                Some((x / (c.den as f64 - c.num as f64 + 0.5)).ln())
            }
            TestKind::Binomial => None,
            _ => ind
                .unit
                .value(x, c.den as f64)
                .filter(|v| *v > 0.0)
                .map(f64::ln),
        }
    };
    Some((scale(area)? - scale(reference)?).abs())
}

/// The key sentences of an area (its series) against a reference (its series), at most `max`,
/// the largest effect first.
pub fn key_sentences(
    catalogue: &[Indicator],
    area: &SeriesSet,
    reference: &SeriesSet,
    against: Reference,
    max: usize,
    conf: Confidence,
) -> Vec<KeySentence> {
    let mut found: Vec<(f64, usize, KeySentence)> = Vec::new();
    for (i, ind) in catalogue.iter().enumerate() {
        let Some(last) = ind.periods.len().checked_sub(1) else {
            continue;
        };
        let (Some(a), Some(r)) = (
            area.get(i).and_then(|c| c.get(last)),
            reference.get(i).and_then(|c| c.get(last)),
        ) else {
            continue;
        };
        let comparison = compare(ind, a, r, conf);
        let Some(higher) = comparison.is_higher(ind.polarity) else {
            continue;
        };
        let (Some(av), Some(rv), Some(effect)) =
            (a.value(ind.unit), r.value(ind.unit), effect_size(ind, a, r))
        else {
            continue;
        };
        let text = sentence(ind, av, rv, higher, against);
        found.push((
            effect,
            i,
            KeySentence {
                indicator_id: ind.id.clone(),
                kind: SentenceKind::Versus(against),
                comparison,
                effect,
                text,
            },
        ));
    }
    crate::order::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().take(max).map(|(_, _, s)| s).collect()
}

/// The key sentences of an area against landet, from the context's catalogue and comparators.
pub fn landet_sentences(
    ctx: &ContextBundle,
    area: &SeriesSet,
    max: usize,
    conf: Confidence,
) -> Vec<KeySentence> {
    let Some(reference) = landet(ctx) else {
        return Vec::new();
    };
    key_sentences(
        &ctx.catalogue,
        area,
        reference,
        Reference::Landet,
        max,
        conf,
    )
}

/// Sentences about an area's own development: the indicators with a significant trend over
/// the last periods, the steepest first. Landet's profile has no comparator, so these are its
/// key sentences; other areas get them after the comparisons.
pub fn trend_sentences(catalogue: &[Indicator], area: &SeriesSet, max: usize) -> Vec<KeySentence> {
    use super::trend::{trend, TrendDirection, DEFAULT_PERIODS};
    let mut found: Vec<(f64, usize, KeySentence)> = Vec::new();
    for (i, ind) in catalogue.iter().enumerate() {
        let Some(cells) = area.get(i) else {
            continue;
        };
        let t = trend(ind, cells, DEFAULT_PERIODS);
        let rising = match t.direction {
            TrendDirection::Rising => true,
            TrendDirection::Falling => false,
            _ => continue,
        };
        let n = t.periods_used;
        let make = |lang: Lang| {
            let subject = ind.subject.get(lang);
            match lang {
                Lang::Nb => {
                    let dir = if rising { "økt" } else { "gått ned" };
                    format!("{subject} har {dir} signifikant de siste {n} periodene.")
                }
                Lang::Nn => {
                    let dir = if rising { "auka" } else { "gått ned" };
                    format!("{subject} har {dir} signifikant dei siste {n} periodane.")
                }
                Lang::En => {
                    let dir = if rising { "risen" } else { "fallen" };
                    format!("{subject} has {dir} significantly over the last {n} periods.")
                }
            }
        };
        let comparison = t.judged(ind.polarity);
        let effect = t.slope_per_year.abs();
        found.push((
            effect,
            i,
            KeySentence {
                indicator_id: ind.id.clone(),
                kind: SentenceKind::Trend,
                comparison,
                effect,
                text: Text {
                    nb: make(Lang::Nb),
                    nn: make(Lang::Nn),
                    en: make(Lang::En),
                },
            },
        ));
    }
    crate::order::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().take(max).map(|(_, _, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Series;
    use crate::indicator::{Flag, Polarity};
    use crate::stats::testutil::indicator;

    fn crowded() -> Indicator {
        let mut i = indicator(
            "trangt",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        );
        i.subject = Text {
            nb: "Andelen barn som bor trangt".into(),
            nn: "Delen barn som bur trongt".into(),
            en: "The share of children living in crowded housing".into(),
        };
        i
    }

    /// The series of catalogue entry `index`, ending in `last`.
    fn series(index: u16, last: Cell) -> Series {
        Series {
            indicator: index,
            cells: vec![
                Cell::ok(1, 10),
                Cell::ok(1, 10),
                Cell::ok(1, 10),
                Cell::ok(1, 10),
                last,
            ],
        }
    }

    #[test]
    fn renders_in_three_languages() {
        let t = sentence(&crowded(), 12.3, 9.8, true, Reference::Landet);
        assert_eq!(
            t.nb,
            "Andelen barn som bor trangt er høyere enn i landet som helhet (12\u{a0}% mot 9,8\u{a0}%)."
        );
        assert_eq!(
            t.nn,
            "Delen barn som bur trongt er høgare enn i landet som heilskap (12\u{a0}% mot 9,8\u{a0}%)."
        );
        assert_eq!(
            t.en,
            "The share of children living in crowded housing is higher than in Norway as a whole (12\u{a0}% vs 9,8\u{a0}%)."
        );
        let t = sentence(&crowded(), 7.26, 9.8, false, Reference::Kommune);
        assert_eq!(
            t.nb,
            "Andelen barn som bor trangt er lavere enn i kommunen (7,3\u{a0}% mot 9,8\u{a0}%)."
        );
        assert!(t.nn.contains("er lågare enn i kommunen ("));
        assert!(t.en.contains("is lower than in the municipality ("));
    }

    #[test]
    fn units_are_formatted() {
        let mut rate = crowded();
        rate.unit = Unit::Per1000;
        assert_eq!(format_value(&rate, 4.12), "4,1\u{a0}per\u{a0}1\u{a0}000");
        assert_eq!(format_value(&rate, 41.2), "41\u{a0}per\u{a0}1\u{a0}000");
        let mut plain = crowded();
        plain.unit = Unit::Index;
        plain.decimals = 0;
        assert_eq!(format_value(&plain, 104.4), "104");
    }

    #[test]
    fn equal_looking_figures_get_more_decimals() {
        let t = sentence(&crowded(), 12.3, 11.8, true, Reference::Landet);
        assert!(t.nb.contains("(12,3\u{a0}% mot 11,8\u{a0}%)"), "{}", t.nb);
        let t = sentence(&crowded(), 9.84, 9.76, true, Reference::Landet);
        assert!(t.nb.contains("(9,84\u{a0}% mot 9,76\u{a0}%)"), "{}", t.nb);
    }

    #[test]
    fn chooses_significant_differences_largest_first() {
        let mut cat = vec![crowded()];
        for (id, p) in [
            ("b", Polarity::HigherIsBetter),
            ("c", Polarity::NoDirection),
            ("d", Polarity::HigherIsWorse),
        ] {
            let mut i = indicator(id, Unit::Percent, TestKind::Binomial, p);
            i.subject = crate::stats::testutil::text(id);
            cat.push(i);
        }
        let landet: SeriesSet = (0..4)
            .map(|i| series(i, Cell::ok(98_000, 1_000_000)))
            .collect();
        let area: SeriesSet = vec![
            series(0, Cell::ok(150, 1000)), // 15 % against 9,8 %: worse
            series(1, Cell::ok(300, 1000)), // 30 %: better, the largest effect
            series(2, Cell::ok(100, 1000)), // 10 %: no significant difference
            series(3, Cell::ok(70, 1000)),  // 7 %: better (lower where higher is worse)
        ]
        .into();
        let s = key_sentences(
            &cat,
            &area,
            &landet,
            Reference::Landet,
            DEFAULT_MAX,
            Confidence::P95,
        );
        let ids: Vec<&str> = s.iter().map(|k| k.indicator_id.as_str()).collect();
        assert_eq!(ids, ["b", "trangt", "d"]);
        assert_eq!(s[0].comparison, Comparison::Better);
        assert_eq!(s[1].comparison, Comparison::Worse);
        assert!(s[1].text.nb.contains("høyere"));
        assert!(s[2].text.nb.contains("lavere"));
        assert!(s.windows(2).all(|w| w[0].effect >= w[1].effect));
        let two = key_sentences(&cat, &area, &landet, Reference::Landet, 2, Confidence::P95);
        assert_eq!(two.len(), 2);
    }

    #[test]
    fn a_suppressed_area_gives_no_sentence() {
        let cat = vec![crowded()];
        let landet: SeriesSet = vec![series(0, Cell::ok(98_000, 1_000_000))].into();
        let area: SeriesSet = vec![series(0, Cell::flagged(Flag::Suppressed))].into();
        assert!(
            key_sentences(&cat, &area, &landet, Reference::Landet, 8, Confidence::P95).is_empty()
        );
        // Counts that leaked into a suppressed cell are not used either.
        let leaked = Cell {
            num: 900,
            den: 1000,
            flag: Flag::Suppressed,
        };
        let area: SeriesSet = vec![series(0, leaked)].into();
        assert!(
            key_sentences(&cat, &area, &landet, Reference::Landet, 8, Confidence::P95).is_empty()
        );
        assert_eq!(
            effect_size(&cat[0], &leaked, &Cell::ok(98_000, 1_000_000)),
            None
        );
        // The same counts, not suppressed, do give one.
        let area: SeriesSet = vec![series(0, Cell::ok(900, 1000))].into();
        assert_eq!(
            key_sentences(&cat, &area, &landet, Reference::Landet, 8, Confidence::P95).len(),
            1
        );
    }

    #[test]
    fn effect_is_symmetric_for_a_share_and_its_complement() {
        let ind = crowded();
        let a = effect_size(&ind, &Cell::ok(40, 1000), &Cell::ok(80, 1000)).unwrap();
        let b = effect_size(&ind, &Cell::ok(960, 1000), &Cell::ok(920, 1000)).unwrap();
        assert!((a - b).abs() < 1e-12);
    }
}
