//! Choosing the areas of a comparison, a map or an overview: the presets (the fylke's
//! kommuner, similar kommuner, the city's bydeler, Oslo's områdesatsing, all kommuner) and
//! the reader's own set, whose areas can be added and removed.

use crate::components::picker::{Options, Picker};
use crate::i18n::{t, tf, Msg};
use crate::state::area_name;
use leptos::prelude::*;
use oppvekst_core::area::{Level, Registry};
use oppvekst_core::explore::sets::city;
use oppvekst_core::route::{Preset, ADD_AREA, MAX_CHOSEN_AREAS};
use oppvekst_core::{AreaCode, Lang};

/// A preset's name for the view of `code`: «Kommunene i Vestland», «Bydelene i Oslo».
pub fn preset_label(p: Preset, code: &AreaCode, reg: &Registry, lang: Lang) -> String {
    let name = |c: Option<AreaCode>| {
        c.and_then(|c| reg.get(&c).map(|a| area_name(a, lang)))
            .unwrap_or_default()
    };
    match p {
        Preset::Fylke => match code.fylke() {
            Some(f) => tf(lang, Msg::PresetFylke, &[&name(Some(f))]),
            None => t(lang, Msg::PresetFylker).to_string(),
        },
        Preset::Similar => tf(lang, Msg::PresetSimilar, &[&name(code.kommune())]),
        Preset::Bydeler => tf(lang, Msg::PresetBydeler, &[&name(city(reg, code))]),
        Preset::Satsing => t(lang, Msg::PresetSatsing).to_string(),
        Preset::Land => t(lang, Msg::PresetLand).to_string(),
        Preset::Chosen => t(lang, Msg::PresetChosen).to_string(),
    }
}

/// The select of presets.
#[component]
pub fn PresetPicker(
    id: &'static str,
    label: String,
    code: AreaCode,
    presets: Vec<Preset>,
    selected: Preset,
    reg: Registry,
    lang: Lang,
    #[prop(optional)] on_pick: Option<Callback<Preset>>,
    /// In a `picker_group`, which applies it: its key in the address (see `picker`).
    #[prop(optional)]
    grouped: Option<&'static str>,
) -> impl IntoView {
    let options: Options = vec![(
        None,
        presets
            .iter()
            .map(|p| (p.slug().to_string(), preset_label(*p, &code, &reg, lang)))
            .collect(),
    )];
    let selected = selected.slug().to_string();
    match (grouped, on_pick) {
        (Some(key), _) => {
            view! { <Picker id label options selected lang grouped=key /> }.into_any()
        }
        (None, Some(on_pick)) => {
            let pick = Callback::new(move |v: String| {
                if let Some(p) = Preset::from_slug(&v) {
                    on_pick.run(p);
                }
            });
            view! { <Picker id label options selected lang on_pick=pick /> }.into_any()
        }
        // Neither applied by a group nor by itself: shown, but there is nothing to apply.
        (None, None) => {
            view! { <Picker id label options selected lang disabled=true /> }.into_any()
        }
    }
}

/// The areas a reader can pick: landet, the fylker, every kommune (grouped by fylke) and the
/// bydeler of the area's city; those already chosen are left out.
fn candidates(reg: &Registry, code: &AreaCode, chosen: &[AreaCode], lang: Lang) -> Options {
    let city = city(reg, code);
    let fresh = |c: &AreaCode| !chosen.contains(c) && c != code;
    let mut groups: Options = vec![(
        None,
        reg.areas()
            .iter()
            .filter(|a| matches!(a.level(), Level::Landet | Level::Fylke) && fresh(&a.code))
            .map(|a| (a.code.to_string(), area_name(a, lang)))
            .collect(),
    )];
    for f in reg.at_level(Level::Fylke) {
        let kommuner: Vec<(String, String)> = reg
            .children(&f.code)
            .filter(|a| fresh(&a.code))
            .map(|a| (a.code.to_string(), area_name(a, lang)))
            .collect();
        groups.push((Some(area_name(f, lang)), kommuner));
    }
    if let Some(k) = city {
        let bydeler = reg
            .children(&k)
            .filter(|a| fresh(&a.code))
            .map(|a| (a.code.to_string(), area_name(a, lang)))
            .collect();
        let label = reg.get(&k).map(|a| area_name(a, lang)).unwrap_or_default();
        groups.push((Some(tf(lang, Msg::PresetBydeler, &[&label])), bydeler));
    }
    groups
}

/// The reader's own set: each area with a link that removes it. The picker that adds one is
/// [`chosen_adder`], in the view's [`picker_group`](crate::components::picker::picker_group),
/// so that an area added and an indicator chosen apply together.
/// `url` gives the view's address for a set.
#[component]
pub fn ChosenAreas(
    chosen: Vec<AreaCode>,
    reg: Registry,
    lang: Lang,
    url: Callback<Vec<AreaCode>, String>,
) -> impl IntoView {
    let name = |c: &AreaCode| reg.get(c).map(|a| area_name(a, lang)).unwrap_or_default();
    let items = chosen
        .iter()
        .map(|c| {
            let rest: Vec<AreaCode> = chosen.iter().filter(|x| *x != c).cloned().collect();
            let n = name(c);
            view! {
                <li>
                    {n.clone()}
                    " "
                    <a class="remove" href=url.run(rest) aria-label=tf(lang, Msg::RemoveArea, &[&n])>"×"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="chosen-areas">
            <h2 id="chosen-title">{t(lang, Msg::ChosenAreas)}</h2>
            <ul aria-labelledby="chosen-title">{items}</ul>
        </div>
    }
}

/// The select that adds an area to the reader's own set, for a view's picker group (its key is
/// [`ADD_AREA`]: the area joins `med=`); disabled when the set is full.
pub fn chosen_adder(
    code: &AreaCode,
    chosen: &[AreaCode],
    reg: &Registry,
    lang: Lang,
) -> impl IntoView {
    let mut options = vec![(
        None,
        vec![(String::new(), t(lang, Msg::AddAreaChoose).to_string())],
    )];
    options.extend(candidates(reg, code, chosen, lang));
    let full = chosen.len() >= MAX_CHOSEN_AREAS;
    view! {
        <Picker
            id="chosen-add"
            label=t(lang, Msg::AddChosen).to_string()
            options
            selected=String::new()
            lang
            disabled=full
            grouped=ADD_AREA
        />
    }
}
