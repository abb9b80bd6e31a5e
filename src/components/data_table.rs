//! A plain, accessible data table: the alternative to every chart, and the home of figures.

use leptos::prelude::*;

/// A table whose first column names the row and whose other columns hold numbers.
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    // A table wider than a phone scrolls inside its own region, which must then be reachable
    // and named for keyboard and screen-reader users.
    let region = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|h| view! { <th scope="col">{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let mut cells = row.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{head}</th>
                                    {cells.map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
