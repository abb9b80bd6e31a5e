//! The words for the statistics' results that several views print: a value, or why a cell has
//! none, and what the trend test found.

use crate::i18n::{t, tf, Msg};
use oppvekst_core::barometer::Value;
use oppvekst_core::case;
use oppvekst_core::indicator::Indicator;
use oppvekst_core::indicator::{Cell, Flag, Provenance, Unit};
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::stats::sentences::{format_precise, format_value};
use oppvekst_core::stats::trend::{Trend, TrendDirection};
use oppvekst_core::Lang;

/// Why a cell shows no value: «Skjult: for få tilfeller», never a 0 or a blank.
pub fn flag_text(flag: Flag, lang: Lang) -> &'static str {
    t(
        lang,
        match flag {
            Flag::Suppressed => Msg::FlagSuppressed,
            Flag::NotComputable => Msg::FlagNotComputable,
            Flag::Ok | Flag::Missing => Msg::FlagMissing,
        },
    )
}

/// Periods where a line has a cell but no value (hidden, not computable, missing): the period's
/// index and the cell's flag. A period the series does not reach is no gap.
pub fn gaps(cells: impl IntoIterator<Item = Option<Cell>>, unit: Unit) -> Vec<(usize, Flag)> {
    cells
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| c.filter(|c| c.value(unit).is_none()).map(|c| (i, c.flag)))
        .collect()
}

/// The short label a gap gets in the chart: «skjult» for a hidden value, else «ingen verdi».
pub fn gap_label(flag: Flag, lang: Lang) -> String {
    let msg = if flag == Flag::Suppressed {
        Msg::GapHidden
    } else {
        Msg::GapNoValue
    };
    t(lang, msg).to_string()
}

/// The note under a chart whose lines break: each area's runs of periods without a value, and
/// why («Utsira 2019 til 2021 (skjult: for få tilfeller)», «Utsira alle perioder (…)»); `None`
/// where no line breaks.
pub fn gap_note(
    lines: &[(&str, &[(usize, Flag)])],
    periods: &[String],
    lang: Lang,
) -> Option<String> {
    let label = |i: usize| periods.get(i).map(String::as_str).unwrap_or_default();
    let mut items = Vec::new();
    for (name, gaps) in lines {
        // Consecutive periods with the same reason make one run.
        let mut runs: Vec<(usize, usize, Flag)> = Vec::new();
        for &(i, flag) in gaps.iter() {
            match runs.last_mut() {
                Some((_, last, f)) if *last + 1 == i && *f == flag => *last = i,
                _ => runs.push((i, i, flag)),
            }
        }
        for (first, last, flag) in runs {
            let when = if first == 0 && last + 1 == periods.len() && periods.len() > 1 {
                t(lang, Msg::GapAll).to_string()
            } else if first == last {
                label(first).to_string()
            } else {
                tf(lang, Msg::GapRun, &[label(first), label(last)])
            };
            let why = flag_text(flag, lang);
            let why = case::lower_first(why);
            items.push(format!("{name} {when} ({why})"));
        }
    }
    (!items.is_empty()).then(|| tf(lang, Msg::GapNote, &[&items.join(", ")]))
}

/// Where an indicator's figures come from, in one line: «Modellert (demodata)», «Ekte tall», or
/// for a fetched table «Ekte tall: FHI Statistikk, tabell nokkel/806, hentet 04.12.2026». The
/// barometer's detail, «Om tallene» and the CSV's `opphav` all say it this way.
pub fn provenance_text(ind: &Indicator, lang: Lang) -> String {
    match (ind.provenance, &ind.origin) {
        (Provenance::Modelled, _) => t(lang, Msg::ProvenanceModelled).to_string(),
        (Provenance::Real, None) => t(lang, Msg::ProvenanceReal).to_string(),
        (Provenance::Real, Some(o)) => {
            let day = match (lang, o.fetched.split('-').collect::<Vec<_>>().as_slice()) {
                (Lang::Nb | Lang::Nn, [y, m, d]) => format!("{d}.{m}.{y}"),
                _ => o.fetched.clone(),
            };
            tf(lang, Msg::ProvenanceFetched, &[&o.producer, &o.table, &day])
        }
    }
}

/// The trend test in a sentence: «Signifikant økende de siste 5 periodene».
pub fn trend_sentence(trend: &Trend, lang: Lang) -> String {
    let n = trend.periods_used.to_string();
    match trend.direction {
        TrendDirection::Rising => tf(lang, Msg::TrendRising, &[&n]),
        TrendDirection::Falling => tf(lang, Msg::TrendFalling, &[&n]),
        TrendDirection::Stable => tf(lang, Msg::TrendStable, &[&n]),
        TrendDirection::Insufficient => t(lang, Msg::TrendInsufficient).to_string(),
    }
}

/// A value's 95 % interval as the tables show it («12,3 – 14,1», one decimal finer than the
/// value), or a dash where the value has none.
pub fn interval_text(ind: &Indicator, v: &Option<Value>) -> String {
    let precise = ind.decimals as usize + 1;
    v.and_then(|v| v.value.and(v.ci))
        .map(|c| {
            format!(
                "{} – {}",
                format_precise(ind, c.lo, precise),
                format_precise(ind, c.hi, precise)
            )
        })
        .unwrap_or_else(|| "–".into())
}

/// A value as the barometer shows it: the number, or why there is none.
pub fn value_text(ind: &Indicator, v: &Option<Value>, lang: Lang) -> String {
    match v {
        Some(Value { value: Some(x), .. }) => format_value(ind, *x),
        Some(Value { cell, .. }) => flag_text(cell.flag, lang).to_string(),
        None => t(lang, Msg::FlagMissing).to_string(),
    }
}

/// One category against another in words: «Jenter har signifikant dårligere verdi enn
/// gutter.»
pub fn between(c: Comparison, this: &str, first: &str, lang: Lang) -> String {
    let msg = match c {
        Comparison::Better => Msg::BetweenBetter,
        Comparison::Worse => Msg::BetweenWorse,
        Comparison::Higher => Msg::BetweenHigher,
        Comparison::Lower => Msg::BetweenLower,
        Comparison::Similar | Comparison::NotTested => Msg::BetweenSimilar,
        Comparison::NoData => Msg::BetweenNoData,
    };
    tf(lang, msg, &[this, &case::lower_first(first)])
}

/// The same comparison in a word, for a column whose head names the two groups (print).
pub fn between_short(c: Comparison, lang: Lang) -> &'static str {
    t(
        lang,
        match c {
            Comparison::Better => Msg::BetweenShortBetter,
            Comparison::Worse => Msg::BetweenShortWorse,
            Comparison::Higher => Msg::BetweenShortHigher,
            Comparison::Lower => Msg::BetweenShortLower,
            Comparison::Similar | Comparison::NotTested => Msg::BetweenShortSimilar,
            Comparison::NoData => Msg::BetweenShortNoData,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use oppvekst_core::indicator::Origin;
    use oppvekst_core::stats::synthetic::synthetic_context;

    #[test]
    fn gaps_are_found_in_cells_and_told_as_runs() {
        let hidden = Cell::flagged(Flag::Suppressed);
        let cells = [
            None,
            Some(Cell::ok(1, 10)),
            Some(hidden),
            Some(hidden),
            Some(Cell::flagged(Flag::NotComputable)),
            Some(hidden),
        ];
        let found = gaps(cells, Unit::Percent);
        assert_eq!(
            found,
            [
                (2, Flag::Suppressed),
                (3, Flag::Suppressed),
                (4, Flag::NotComputable),
                (5, Flag::Suppressed)
            ],
            "a period the series does not reach is no gap"
        );
        let periods: Vec<String> = (2019..=2024).map(|y| y.to_string()).collect();
        assert_eq!(
            gap_note(&[("Utsira", &found)], &periods, Lang::Nb).unwrap(),
            "Der en linje har et brudd, er verdien ikke vist: Utsira 2021 til 2022 (skjult: for få \
             tilfeller), Utsira 2023 (kan ikke beregnes), Utsira 2024 (skjult: for få tilfeller)."
        );
        let all: Vec<(usize, Flag)> = (0..6).map(|i| (i, Flag::Suppressed)).collect();
        assert_eq!(
            gap_note(&[("Utsira", &all), ("Rogaland", &[])], &periods, Lang::En).unwrap(),
            "Where a line breaks, the value is not shown: Utsira every period (hidden: too few cases)."
        );
        assert_eq!(gap_note(&[("Rogaland", &[])], &periods, Lang::Nb), None);
    }

    #[test]
    fn a_fetched_indicator_names_its_producer_table_and_day() {
        let mut ind = synthetic_context(1).catalogue[0].clone();
        assert_eq!(provenance_text(&ind, Lang::Nb), "Modellert (demodata)");
        ind.provenance = Provenance::Real;
        assert_eq!(provenance_text(&ind, Lang::Nn), "Ekte tal");
        ind.origin = Some(Origin {
            producer: "FHI Statistikk".into(),
            table: "nokkel/806".into(),
            fetched: "2026-12-04".into(),
        });
        assert_eq!(
            provenance_text(&ind, Lang::Nb),
            "Ekte tall: FHI Statistikk, tabell nokkel/806, hentet 04.12.2026"
        );
        assert_eq!(
            provenance_text(&ind, Lang::En),
            "Real figures: FHI Statistikk, table nokkel/806, fetched 2026-12-04"
        );
    }
}
