//! Reactive state shared by the pages: the language, read from the URL, and names of areas in
//! the reader's language.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use oppvekst_core::area::{Area, Level};
use oppvekst_core::Lang;

/// The language memo: `?lang=` in the URL, bokmål when it is absent or unknown.
pub fn lang_from_url() -> Memo<Lang> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get("lang").and_then(|l| Lang::parse(&l)))
            .unwrap_or_default()
    })
}

/// An area's name as shown: landet in the reader's language, other areas with all their
/// official name forms («Kárášjohka – Karasjok»).
pub fn area_name(area: &Area, lang: Lang) -> String {
    match area.level() {
        Level::Landet => t(lang, Msg::Landet).to_string(),
        _ => area.name_forms().join(" – "),
    }
}

/// The level's name in the reader's language.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    t(
        lang,
        match level {
            Level::Landet => Msg::LevelLandet,
            Level::Fylke => Msg::LevelFylke,
            Level::Kommune => Msg::LevelKommune,
            Level::Bydel => Msg::LevelBydel,
        },
    )
}
