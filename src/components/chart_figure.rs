//! A chart as every view shows it: a caption, the chart (whose accessible name holds the
//! caption and the summary in words), an optional note, and the chart's figures as a table
//! behind a disclosure.

use crate::components::chart::EChart;
use crate::components::data_table::DataTable;
use crate::i18n::{t, use_lang, Msg};
use charming::Chart;
use leptos::prelude::*;

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
) -> impl IntoView {
    let lang = use_lang();
    let label = Signal::stored(format!("{title}. {summary}"));
    let chart = Signal::stored(chart);
    let drawn = match height {
        Some(h) => view! { <EChart chart label height=h /> }.into_any(),
        None => view! { <EChart chart label /> }.into_any(),
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
