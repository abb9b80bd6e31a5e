//! The words for the statistics' results that several views print: a value, or why a cell has
//! none, and what the trend test found.

use crate::i18n::{t, tf, Msg};
use oppvekst_core::barometer::Value;
use oppvekst_core::indicator::Flag;
use oppvekst_core::indicator::Indicator;
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
