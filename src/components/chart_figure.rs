//! A chart as every view shows it: a caption, the chart (whose accessible name holds the
//! caption and the summary in words), an optional note, and the chart's figures as a table
//! behind a disclosure.

use crate::components::chart::{Drawing, EChart, SaveAs};
use crate::components::data_table::DataTable;
use crate::i18n::{t, tf, use_lang, Msg};
use leptos::prelude::*;
use oppvekst_core::export::file_stem;
use oppvekst_core::indicator::{Indicator, Provenance};
use oppvekst_core::Lang;

/// The texts a saved picture of a chart carries: `title`, the source in words, the demodata
/// mark when `modelled`, and a file name from `file`'s parts.
pub fn save_as(lang: Lang, title: String, source: &str, modelled: bool, file: &[&str]) -> SaveAs {
    SaveAs {
        title,
        source: tf(lang, Msg::ImageSource, &[source]),
        demodata: if modelled {
            t(lang, Msg::ImageDemodata).to_string()
        } else {
            String::new()
        },
        file: file_stem(file),
    }
}

/// Whether a chart of `ind` shows modelled figures.
pub fn is_modelled(ind: &Indicator) -> bool {
    ind.provenance == Provenance::Modelled
}

/// The chart's table, as [`DataTable`] takes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A view that redraws its figure for another indicator passes signals: the chart keeps its
/// instance and only takes the new option (as the map does), and the caption and table follow.
#[component]
pub fn ChartFigure(
    #[prop(into)] title: Signal<String>,
    /// The chart's message in words, for screen readers (and in the chart's name).
    #[prop(into)]
    summary: Signal<String>,
    #[prop(into)] chart: Signal<Drawing>,
    #[prop(into)] table: Signal<Table>,
    /// The chart's height in pixels, where its content sets it.
    #[prop(default = None)]
    height: Option<u32>,
    #[prop(optional, into)] note: Signal<Option<String>>,
    /// What a saved picture of the chart carries; no save buttons without it.
    #[prop(default = None)]
    save: Option<Signal<SaveAs>>,
) -> impl IntoView {
    let lang = use_lang();
    let label = Signal::derive(move || format!("{}. {}", title.get(), summary.get()));
    let drawn = match (height, save) {
        (Some(h), Some(save)) => view! { <EChart chart label height=h save /> }.into_any(),
        (Some(h), None) => view! { <EChart chart label height=h /> }.into_any(),
        (None, Some(save)) => view! { <EChart chart label save /> }.into_any(),
        (None, None) => view! { <EChart chart label /> }.into_any(),
    };
    view! {
        <figure class="chart-figure">
            <figcaption>{move || title.get()}</figcaption>
            {drawn}
            {move || note.get().map(|n| view! { <p class="chart-note">{n}</p> })}
            <details>
                <summary>{move || t(lang.get(), Msg::ChartAsTable)}</summary>
                {move || table.with(|tb| view! {
                    <DataTable caption=title.get() headers=tb.headers.clone() rows=tb.rows.clone() />
                })}
            </details>
        </figure>
    }
}
