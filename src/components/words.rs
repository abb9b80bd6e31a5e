//! The words for the statistics' results that several views print: why a cell has no value,
//! and what the trend test found.

use crate::i18n::{t, tf, Msg};
use oppvekst_core::indicator::Flag;
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
