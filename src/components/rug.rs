//! The overview's «tartan rug»: a table with an area a row and an indicator a column, each
//! cell holding the latest value on the colour of its comparison with landet.
//!
//! With all 357 kommuner the table has over 11 000 cells. Built node by node it takes the
//! browser far too long on a phone, so it is written as one HTML string (every text escaped)
//! and handed to the browser's parser in one go. Even so, laying out 11 000 cells takes a
//! phone most of a second, so a long table is virtualised: only the rows near the scrolled
//! window are in the page, between two spacer rows as tall as the rows they stand for (rows
//! have a fixed height in the stylesheet). It stays a real table: a screen reader walks it by
//! row and column headers, `aria-rowcount` and `aria-rowindex` give every row its place in
//! the whole, and the significant cells say their comparison in words.

use crate::components::mark::{mark_class, mark_text};
use leptos::prelude::*;
use oppvekst_core::html::escape;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::Lang;

/// One indicator column.
#[derive(Clone, Debug, PartialEq)]
pub struct RugColumn {
    pub label: String,
    /// The group the column belongs to; a new group opens a spanning header.
    pub group: String,
}

/// One area row: its name, the link to its profile, and a cell per column.
#[derive(Clone, Debug, PartialEq)]
pub struct RugRow {
    pub name: String,
    pub href: Option<String>,
    /// The value as shown, and its comparison (`None` on landet's reference row).
    pub cells: Vec<(String, Option<Comparison>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rug {
    pub caption: String,
    pub corner: String,
    pub columns: Vec<RugColumn>,
    pub rows: Vec<RugRow>,
}

/// A row's height in pixels: `table.rug tbody tr` in `public/style.css` says the same.
pub const ROW_PX: f64 = 28.0;
/// How many rows a virtualised table has in the page at a time: the rows its region shows at
/// most (`max-height` in the stylesheet: 44rem, some 20 rows below the heads) and a margin
/// above and below. Each row more costs layout time on a phone.
pub const WINDOW: usize = 40;
/// Tables up to this many rows are drawn whole.
pub const WHOLE_UP_TO: usize = 120;
/// The two header rows, counted in `aria-rowindex`.
const HEAD_ROWS: usize = 2;

/// The rows to draw when the table is scrolled `scroll_top` pixels down: all of a short
/// table, otherwise a window that starts a little above what shows.
pub fn window(rows: usize, scroll_top: f64) -> std::ops::Range<usize> {
    if rows <= WHOLE_UP_TO {
        return 0..rows;
    }
    let first_seen = (scroll_top.max(0.0) / ROW_PX) as usize;
    let start = first_seen
        .saturating_sub(WINDOW / 4)
        .min(rows.saturating_sub(WINDOW));
    start..(start + WINDOW).min(rows)
}

/// The table's markup, with the rows of `range` and spacer rows for the others. Colours come
/// from the stylesheet's classes, never from `style=`, which the CSP forbids; the spacers get
/// their heights through the CSSOM ([`RugTable`]).
pub fn rug_html(rug: &Rug, lang: Lang, range: std::ops::Range<usize>) -> String {
    use std::fmt::Write;
    let range = range.start.min(rug.rows.len())..range.end.min(rug.rows.len());
    let mut h = String::with_capacity(64 * range.len() * (rug.columns.len() + 1));
    let _ = write!(
        h,
        "<caption>{}</caption><thead><tr><td></td>",
        escape(&rug.caption)
    );
    let mut i = 0;
    while i < rug.columns.len() {
        let g = &rug.columns[i].group;
        let span = rug.columns[i..]
            .iter()
            .take_while(|c| &c.group == g)
            .count();
        let _ = write!(
            h,
            "<th scope=\"colgroup\" colspan=\"{span}\" class=\"rug-group\">{}</th>",
            escape(g)
        );
        i += span;
    }
    let _ = write!(h, "</tr><tr><th scope=\"col\">{}</th>", escape(&rug.corner));
    for c in &rug.columns {
        let _ = write!(
            h,
            "<th scope=\"col\" class=\"rug-col\"><span>{}</span></th>",
            escape(&c.label)
        );
    }
    h.push_str("</tr></thead><tbody>");
    let spacer = |h: &mut String, at: &str, rows: usize| {
        if rows > 0 {
            let _ = write!(
                h,
                "<tr class=\"rug-spacer\" aria-hidden=\"true\" data-at=\"{at}\" data-rows=\"{rows}\"><td colspan=\"{}\"></td></tr>",
                rug.columns.len() + 1
            );
        }
    };
    spacer(&mut h, "top", range.start);
    for (i, r) in rug.rows[range.clone()].iter().enumerate() {
        let _ = write!(
            h,
            "<tr aria-rowindex=\"{}\"><th scope=\"row\">",
            HEAD_ROWS + range.start + i + 1
        );
        match &r.href {
            Some(href) => {
                let _ = write!(h, "<a href=\"{}\">{}</a>", escape(href), escape(&r.name));
            }
            None => h.push_str(&escape(&r.name)),
        }
        h.push_str("</th>");
        for (text, cmp) in &r.cells {
            match cmp {
                Some(c) => {
                    let _ = write!(h, "<td class=\"rug-{}\">{}", mark_class(*c), escape(text));
                    if matches!(
                        c,
                        Comparison::Better
                            | Comparison::Worse
                            | Comparison::Higher
                            | Comparison::Lower
                    ) {
                        let _ = write!(
                            h,
                            "<span class=\"vh\"> ({})</span>",
                            escape(mark_text(*c, lang))
                        );
                    }
                    h.push_str("</td>");
                }
                None => {
                    let _ = write!(h, "<td class=\"rug-reference\">{}</td>", escape(text));
                }
            }
        }
        h.push_str("</tr>");
    }
    spacer(&mut h, "bottom", rug.rows.len() - range.end);
    h.push_str("</tbody>");
    h
}

/// The rug in a scrolling region that the keyboard can reach (arrow keys and page keys
/// scroll it, and the rows follow).
#[component]
pub fn RugTable(#[prop(into)] rug: Signal<Rug>, lang: Signal<Lang>) -> impl IntoView {
    let table = NodeRef::<leptos::html::Table>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let rows = Memo::new(move |_| rug.with(|r| r.rows.len()));
    // Only a move of a quarter window redraws: scrolling within it costs nothing.
    let range = Memo::new(move |_| window(rows.get(), scroll_top.get()));
    Effect::new(move |_| {
        let Some(el) = table.get() else { return };
        let range = range.get();
        let html = rug.with(|r| rug_html(r, lang.get(), range));
        el.set_inner_html(&html);
        size_spacers(&el);
    });
    let label = move || rug.with(|r| r.caption.clone());
    let rowcount = move || (rows.get() + HEAD_ROWS).to_string();
    let on_scroll = move |ev: leptos::ev::Event| {
        let top = event_target::<web_sys::Element>(&ev).scroll_top();
        scroll_top.set(f64::from(top));
    };
    view! {
        <div class="table-wrap rug-wrap" tabindex="0" role="region" aria-label=label on:scroll=on_scroll>
            <table class="rug" node_ref=table aria-rowcount=rowcount></table>
        </div>
    }
}

/// Gives the spacer rows their heights, through the CSSOM (which the CSP allows).
fn size_spacers(table: &web_sys::HtmlTableElement) {
    use wasm_bindgen::JsCast;
    let Ok(spacers) = table.query_selector_all("tr.rug-spacer") else {
        return;
    };
    for i in 0..spacers.length() {
        let Some(row) = spacers
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let n: f64 = row
            .get_attribute("data-rows")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        let _ = row
            .style()
            .set_property("height", &format!("{}px", n * ROW_PX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_with_groups_escaped_text_and_marks() {
        let rug = Rug {
            caption: "Oversikt <alle>".into(),
            corner: "Område".into(),
            columns: vec![
                RugColumn {
                    label: "A".into(),
                    group: "Levekår".into(),
                },
                RugColumn {
                    label: "B".into(),
                    group: "Levekår".into(),
                },
                RugColumn {
                    label: "C & D".into(),
                    group: "Helse".into(),
                },
            ],
            rows: vec![
                RugRow {
                    name: "Hele landet".into(),
                    href: None,
                    cells: vec![("1,0".into(), None); 3],
                },
                RugRow {
                    name: "Oslo".into(),
                    href: Some("/kommune/0301?lang=en&x=\"".into()),
                    cells: vec![
                        ("2,0".into(), Some(Comparison::Worse)),
                        ("3,0".into(), Some(Comparison::Similar)),
                        ("Skjult".into(), Some(Comparison::NoData)),
                    ],
                },
            ],
        };
        let h = rug_html(&rug, Lang::Nb, 0..rug.rows.len());
        assert!(h.contains("<caption>Oversikt &lt;alle&gt;</caption>"));
        assert!(h.contains("colspan=\"2\" class=\"rug-group\">Levekår"));
        assert!(h.contains("colspan=\"1\" class=\"rug-group\">Helse"));
        assert!(h.contains("C &amp; D"));
        assert!(h.contains("href=\"/kommune/0301?lang=en&amp;x=&quot;\""));
        assert!(h.contains(
            "<td class=\"rug-worse\">2,0<span class=\"vh\"> (Dårligere enn landet)</span></td>"
        ));
        assert!(h.contains("<td class=\"rug-similar\">3,0</td>"));
        assert!(h.contains("<td class=\"rug-reference\">1,0</td>"));
        assert_eq!(h.matches("<tr>").count(), 2);
        assert_eq!(h.matches("<tr aria-rowindex=").count(), 2);
        assert!(h.contains("<tr aria-rowindex=\"4\"><th scope=\"row\"><a"));
        assert_eq!(h.matches("<td").count(), 1 + 3 + 3);
        assert!(!h.contains("rug-spacer"));
        // A window: the rows before and after it stand as spacers.
        let h = rug_html(&rug, Lang::Nb, 1..2);
        assert!(h.contains("data-at=\"top\" data-rows=\"1\""));
        assert!(!h.contains("data-at=\"bottom\""));
        assert!(!h.contains("Hele landet"));
    }

    #[test]
    fn short_tables_are_whole_and_long_ones_follow_the_scroll() {
        assert_eq!(window(45, 5000.0), 0..45);
        assert_eq!(window(358, 0.0), 0..WINDOW);
        // Scrolled to row 100: the window starts a quarter window above it.
        let w = window(358, 100.0 * ROW_PX);
        assert_eq!(w.start, 100 - WINDOW / 4);
        assert_eq!(w.len(), WINDOW);
        // At the bottom, the last rows.
        assert_eq!(window(358, 1e9), (358 - WINDOW)..358);
    }
}
