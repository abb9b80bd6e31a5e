//! A choice as a form: a labelled select and a button. Not a select that navigates on change:
//! arrowing through the options must not reload the view (WCAG 3.2.2), and the button is the
//! keyboard's clear way to apply the choice.
//!
//! A view with several choices puts them in one [`picker_group`]: one form, one button, and
//! every select applied together. Separate forms would each apply only their own select and
//! silently drop what the reader had chosen in the others.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::indicator::{Group, Indicator};
use oppvekst_core::Lang;

/// A group of options (an `<optgroup>` when it has a label): `(value, text)` pairs.
pub type Options = Vec<(Option<String>, Vec<(String, String)>)>;

/// The choices of a [`picker_group`] as they stand when it is applied: `(key, value)`, each
/// select's `key` being its key in the address (`Query::with_choices` applies them).
pub type Chosen = Vec<(String, String)>;

/// Several pickers (each with `grouped`) in one form with one button; `on_apply` gets every
/// select's value at once. A function, not a component: the pickers are built where the view's
/// data is borrowed, which a component's `children` (sent across threads) would not allow.
pub fn picker_group(
    lang: Lang,
    on_apply: Callback<Chosen>,
    pickers: impl IntoView,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(selects) = form.query_selector_all("select") else {
            return;
        };
        let chosen = (0..selects.length())
            .filter_map(|i| selects.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok())
            // Only what the reader changed: a select left as shown adds nothing to the address
            // (a default written out would be another address for the same view).
            .filter(|s| s.get_attribute("data-shown").as_deref() != Some(s.value().as_str()))
            .map(|s| (s.name(), s.value()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        on_apply.run(chosen);
    };
    view! {
        <form class="explore-controls picker-group" on:submit=submit>
            {pickers}
            <button type="submit">{t(lang, Msg::Show)}</button>
        </form>
    }
}

/// The select with its label and button; `on_pick` gets the chosen value. In a
/// [`picker_group`] (`grouped` with the select's key), only the label and the select: the
/// group applies them.
#[component]
pub fn Picker(
    /// The select's id, which its label points at.
    id: &'static str,
    label: String,
    options: Options,
    selected: String,
    lang: Lang,
    #[prop(optional)] on_pick: Option<Callback<String>>,
    /// The button's text; «Vis» by default.
    #[prop(optional)]
    button: Option<String>,
    #[prop(optional)] disabled: bool,
    /// In a [`picker_group`]: the select's key in the address (`indikator`, `utsnitt` …).
    #[prop(optional)]
    grouped: Option<&'static str>,
    /// Alone: the select's key in the address all the same, so that a static copy of the view
    /// knows what it shows (`data-shown`) and can stand in for another choice
    /// (`oppvekst-data`'s `stand_in`).
    #[prop(optional)]
    key: Option<&'static str>,
) -> impl IntoView {
    let select = NodeRef::<leptos::html::Select>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(s) = select.get() {
            let v = s.value();
            if let (false, Some(pick)) = (v.is_empty(), on_pick) {
                pick.run(v);
            }
        }
    };
    let option = |(value, text): (String, String)| {
        let is = value == selected;
        view! { <option value=value selected=is>{text}</option> }
    };
    let groups = options
        .into_iter()
        .map(|(group, opts)| {
            let opts = opts.into_iter().map(option).collect_view();
            match group {
                Some(g) => view! { <optgroup label=g>{opts}</optgroup> }.into_any(),
                None => opts.into_any(),
            }
        })
        .collect_view();
    if let Some(key) = grouped {
        return view! {
            <div class="picker">
                <label for=id>{label}</label>
                <select id=id name=key data-shown=selected.clone() node_ref=select disabled=disabled>{groups}</select>
            </div>
        }
        .into_any();
    }
    view! {
        <form class="picker" on:submit=submit>
            <label for=id>{label}</label>
            <select id=id name=key data-shown=key.map(|_| selected.clone()) node_ref=select disabled=disabled>{groups}</select>
            <button type="submit" disabled=disabled>
                {button.unwrap_or_else(|| t(lang, Msg::Show).to_string())}
            </button>
        </form>
    }
    .into_any()
}

/// The catalogue as options, grouped as the barometer is.
pub fn indicator_options(catalogue: &[Indicator], lang: Lang) -> Options {
    Group::ALL
        .iter()
        .map(|g| {
            let opts = catalogue
                .iter()
                .filter(|i| i.group == *g)
                .map(|i| (i.id.clone(), i.label.get(lang).to_string()))
                .collect();
            (
                Some(crate::components::barometer::group_name(*g, lang).to_string()),
                opts,
            )
        })
        .collect()
}
