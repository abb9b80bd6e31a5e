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

/// The areas the reader opened last, newest first, kept in the browser's local storage (and
/// nowhere else). Storage may be off (private mode, an iframe): then nothing is remembered.
pub mod recent {
    use oppvekst_core::AreaCode;

    const KEY: &str = "oppvekst.recent";
    const MAX: usize = 5;

    fn storage() -> Option<web_sys::Storage> {
        // The prerenderer draws profiles natively, where there is no browser to remember in.
        if cfg!(not(target_arch = "wasm32")) {
            return None;
        }
        web_sys::window()?.local_storage().ok()?
    }

    pub fn list() -> Vec<AreaCode> {
        storage()
            .and_then(|s| s.get_item(KEY).ok()?)
            .map(|v| {
                v.split(',')
                    .filter_map(|c| AreaCode::parse(c).ok())
                    .take(MAX)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn visit(code: &AreaCode) {
        let mut codes = list();
        codes.retain(|c| c != code);
        codes.insert(0, code.clone());
        codes.truncate(MAX);
        let value: Vec<&str> = codes.iter().map(AreaCode::as_str).collect();
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, &value.join(","));
        }
    }
}
