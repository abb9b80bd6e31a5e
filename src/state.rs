//! Reactive state shared by the pages: the language, read from the URL, and names of areas in
//! the reader's language.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::area::{Area, Level, Registry};
use oppvekst_core::case;
use oppvekst_core::AreaCode;
use oppvekst_core::Lang;

/// Sets the document's title, which the browser's tab, its history, bookmarks and screen
/// readers show, and which an embed's iframe takes as its title. No-op when prerendering:
/// the prerenderer writes the title into the page itself.
pub fn set_document_title(title: &str) {
    crate::embed::name_landmark(title);
    #[cfg(target_arch = "wasm32")]
    document().set_title(title);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Sets the title of the page's area's profile (`Oslo – Oppvekstprofil`), which a card or a
/// barometer embedded from any of the area's pages is titled with.
pub fn set_profile_title(area_label: &str, lang: Lang) {
    crate::embed::name_profile(&format!(
        "{area_label} – {}",
        crate::i18n::t(lang, crate::i18n::Msg::AppName)
    ));
}

/// The language memo: the path's (`/nn/kommune/4602`), else an older link's `?lang=nn`, else
/// bokmål (`route::page_lang`).
pub fn lang_from_url() -> Memo<Lang> {
    let location = use_location();
    Memo::new(move |_| {
        oppvekst_core::route::page_lang(&location.pathname.get(), &location.search.get())
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

/// The names of areas shown side by side. Where two share a name, the one that is not a
/// kommune gets its level («Oslo (fylke)»), and two kommuner (Herøy, Våler) their fylke's
/// name: a map registers its shapes under these names, so they must be unique.
pub fn distinct_names(reg: &Registry, codes: &[AreaCode], lang: Lang) -> Vec<String> {
    let base: Vec<String> = codes
        .iter()
        .map(|c| {
            reg.get(c)
                .map(|a| area_name(a, lang))
                .unwrap_or_else(|| c.to_string())
        })
        .collect();
    // Who shares each name, from the names in sorted order: a map of all kommuner has 357.
    let order = oppvekst_core::order::positions(base.len(), |a, b| base[a].cmp(&base[b]));
    base.iter()
        .zip(codes)
        .enumerate()
        .map(|(i, (n, c))| {
            let first = order.partition_point(|&j| base[j] < *n);
            let twins: Vec<&AreaCode> = order[first..]
                .iter()
                .take_while(|&&j| base[j] == *n)
                .filter(|&&j| j != i)
                .map(|&j| &codes[j])
                .collect();
            if twins.is_empty() {
                n.clone()
            } else if twins.iter().any(|d| d.level() == c.level()) {
                let fylke = c
                    .fylke()
                    .and_then(|f| reg.get(&f))
                    .map(|f| area_name(f, lang));
                format!("{n} ({})", fylke.unwrap_or_else(|| c.to_string()))
            } else if c.level() == Level::Kommune {
                n.clone()
            } else {
                format!("{n} ({})", case::lowercase(level_name(c.level(), lang)))
            }
        })
        .collect()
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
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_side_by_side_are_unique() {
        let area = |c: &str, n: &str| Area {
            code: AreaCode::parse(c).unwrap(),
            name: n.into(),
        };
        let reg = Registry::new(vec![
            area("0", "Norge"),
            area("03", "Oslo"),
            area("0301", "Oslo"),
            area("15", "Møre og Romsdal"),
            area("1515", "Herøy"),
            area("18", "Nordland"),
            area("1818", "Herøy"),
        ])
        .unwrap();
        let codes: Vec<AreaCode> = ["0301", "03", "1515", "1818", "0"]
            .iter()
            .map(|c| AreaCode::parse(c).unwrap())
            .collect();
        assert_eq!(
            distinct_names(&reg, &codes, Lang::Nb),
            [
                "Oslo",
                "Oslo (fylke)",
                "Herøy (Møre og Romsdal)",
                "Herøy (Nordland)",
                "Hele landet"
            ]
        );
    }
}

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
