//! A choice as a form: a labelled select and a button. Not a select that navigates on change:
//! arrowing through the options must not reload the view (WCAG 3.2.2), and the button is the
//! keyboard's clear way to apply the choice.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::indicator::{Group, Indicator};
use oppvekst_core::Lang;

/// A group of options (an `<optgroup>` when it has a label): `(value, text)` pairs.
pub type Options = Vec<(Option<String>, Vec<(String, String)>)>;

/// The select with its label and button; `on_pick` gets the chosen value.
#[component]
pub fn Picker(
    /// The select's id, which its label points at.
    id: &'static str,
    label: String,
    options: Options,
    selected: String,
    lang: Lang,
    on_pick: Callback<String>,
    /// The button's text; «Vis» by default.
    #[prop(optional)]
    button: Option<String>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let select = NodeRef::<leptos::html::Select>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(s) = select.get() {
            let v = s.value();
            if !v.is_empty() {
                on_pick.run(v);
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
    view! {
        <form class="picker" on:submit=submit>
            <label for=id>{label}</label>
            <select id=id node_ref=select disabled=disabled>{groups}</select>
            <button type="submit" disabled=disabled>
                {button.unwrap_or_else(|| t(lang, Msg::Show).to_string())}
            </button>
        </form>
    }
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
