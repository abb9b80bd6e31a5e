//! A chart as every view shows it: a caption, the chart (whose accessible name holds the
//! caption and the summary in words), an optional note, and the chart's figures as a table
//! behind a disclosure.

use crate::components::chart::{EChart, SaveAs};
use crate::components::data_table::DataTable;
use crate::i18n::{t, tf, use_lang, Msg};
use charming::Chart;
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

#[component]
pub fn ChartFigure(
    title: String,
    /// The chart's message in words, for screen readers (and in the chart's name).
    summary: String,
    chart: Chart,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The chart's height in pixels, where its content sets it.
    #[prop(default = None)]
    height: Option<u32>,
    #[prop(default = None)] note: Option<String>,
    /// What a saved picture of the chart carries; no save buttons without it.
    #[prop(default = None)]
    save: Option<SaveAs>,
) -> impl IntoView {
    let lang = use_lang();
    let label = Signal::stored(format!("{title}. {summary}"));
    let chart = Signal::stored(chart);
    let save = save.map(Signal::stored);
    let drawn = match (height, save) {
        (Some(h), Some(save)) => view! { <EChart chart label height=h save /> }.into_any(),
        (Some(h), None) => view! { <EChart chart label height=h /> }.into_any(),
        (None, Some(save)) => view! { <EChart chart label save /> }.into_any(),
        (None, None) => view! { <EChart chart label /> }.into_any(),
    };
    view! {
        <figure class="chart-figure">
            <figcaption>{title.clone()}</figcaption>
            {drawn}
            {note.map(|n| view! { <p class="chart-note">{n}</p> })}
            <details>
                <summary>{move || t(lang.get(), Msg::ChartAsTable)}</summary>
                <DataTable caption=title headers rows />
            </details>
        </figure>
    }
}
