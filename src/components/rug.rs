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
use crate::i18n::{t, tf, Msg};
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
    rug_head(&mut h, rug);
    h.push_str("<tbody>");
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

/// The table's caption and its two header rows: the groups, and a column an indicator.
fn rug_head(h: &mut String, rug: &Rug) {
    use std::fmt::Write;
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
    h.push_str("</tr></thead>");
}

/// The rug as its static page has it (`src/ssr.rs`): the caption, the column heads, and an
/// empty row for each row the app then draws, a row's height each, so that nothing moves when
/// the cells come. The cells themselves are not in the page: for a fylke's 47 kommuner the
/// table is 90 kB of HTML and its cards 140 kB more, and there are 1 233 overview pages.
pub fn rug_skeleton_html(rug: &Rug) -> String {
    let mut h = String::new();
    rug_head(&mut h, rug);
    // As short as a row can be: a byte more a row is some 30 kB more over the 1 233 pages.
    h.push_str("<tbody aria-hidden=\"true\">");
    h.push_str(&"<tr><td></td></tr>".repeat(window(rug.rows.len(), 0.0).len()));
    h.push_str("</tbody>");
    h
}

/// The cards as the static page has them: each area's name and its counts, as the app's closed
/// card shows them, at the same size, so that a phone shows what stands out where before the
/// app has come, and nothing moves when it does. Only what is seen: the copy is hidden from
/// assistive technology (`aria-hidden`, as the table's places), which reads the app's cards,
/// and the cards' insides would be 140 kB more for a fylke's 47 kommuner. About 10 MB over the
/// 1 233 overview pages.
pub fn rug_cards_copy_html(rug: &Rug) -> String {
    let mut h = String::with_capacity(256 * rug.rows.len());
    for (r, _) in carded(rug) {
        h.push_str("<li><div class=\"rug-card-copy\">");
        write_card_face(&mut h, r, &standing_out(r), None);
        h.push_str("</div></li>");
    }
    h
}

/// The cells of a row that a card lists: those that stand out.
fn standing_out(r: &RugRow) -> Vec<usize> {
    (0..r.cells.len())
        .filter(|&i| stands_out(&r.cells[i].1))
        .collect()
}

/// A card's closed face: the area's name and how many of its indicators (`out`, those that
/// stand out) are worse, better, higher and lower than landet, each with what it counts in
/// words for a screen reader where `lang` is given.
fn write_card_face(h: &mut String, r: &RugRow, out: &[usize], lang: Option<Lang>) {
    use std::fmt::Write;
    let _ = write!(
        h,
        "<span class=\"rug-card-name\">{}</span><span class=\"rug-counts\">",
        escape(&r.name)
    );
    for c in [
        Comparison::Worse,
        Comparison::Better,
        Comparison::Higher,
        Comparison::Lower,
    ] {
        // Every class, none left out, so that the counts line up from area to area.
        let n = out.iter().filter(|&&i| r.cells[i].1 == Some(c)).count();
        let _ = write!(h, "<span class=\"rug-count rug-{}\">{n}", mark_class(c));
        if let Some(lang) = lang {
            let _ = write!(
                h,
                "<span class=\"vh\"> {}</span>",
                escape(mark_text(c, lang))
            );
        }
        h.push_str("</span>");
    }
    h.push_str("</span>");
}

/// The rows a narrow screen lists as cards, each with its profile's address: every area's,
/// not landet's reference row.
fn carded(rug: &Rug) -> impl Iterator<Item = (&RugRow, &String)> {
    rug.rows
        .iter()
        .filter_map(|r| r.href.as_ref().map(|h| (r, h)))
}

/// Whether a comparison stands out: the cells a narrow screen lists.
fn stands_out(c: &Option<Comparison>) -> bool {
    matches!(
        c,
        Some(Comparison::Better | Comparison::Worse | Comparison::Higher | Comparison::Lower)
    )
}

/// The rug for a narrow screen, where 31 columns cannot be read: an area a line that opens,
/// saying how many indicators are better, worse, higher or lower than landet (with the rug's
/// colours and shapes); opened, what stands out (the indicator, the area's value, landet's in
/// brackets) and a link to the profile. Every area is there, with nothing to scroll sideways.
/// One string, as [`rug_html`], for the same reason.
pub fn rug_cards_html(rug: &Rug, lang: Lang) -> String {
    use std::fmt::Write;
    let landet = rug.rows.iter().find(|r| r.href.is_none());
    let mut h = String::with_capacity(256 * rug.rows.len());
    for (r, href) in carded(rug) {
        let out = standing_out(r);
        h.push_str("<li><details><summary>");
        write_card_face(&mut h, r, &out, Some(lang));
        h.push_str("</summary>");
        if !out.is_empty() {
            h.push_str("<ul>");
            for &i in &out {
                let (text, cmp) = &r.cells[i];
                let Some(c) = cmp else { continue };
                let _ = write!(
                    h,
                    "<li class=\"rug-{}\"><span class=\"rug-card-label\">{}</span> <span class=\"rug-card-value\"><strong>{}</strong><span class=\"vh\"> {}</span>",
                    mark_class(*c),
                    escape(&rug.columns[i].label),
                    escape(text),
                    escape(mark_text(*c, lang))
                );
                if let Some((landet_text, _)) = landet.and_then(|l| l.cells.get(i)) {
                    let _ = write!(h, " ({})", escape(landet_text));
                }
                h.push_str("</span></li>");
            }
            h.push_str("</ul>");
        }
        let rest = r.cells.len() - out.len();
        let _ = write!(
            h,
            "<p class=\"rug-card-rest\">{} <a href=\"{}\">{}</a></p></details></li>",
            escape(&tf(lang, Msg::RugCardsRest, &[&rest.to_string()])),
            escape(href),
            escape(&tf(lang, Msg::RugCardsProfile, &[&r.name]))
        );
    }
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
    // The cards for a narrow screen: the stylesheet shows them or the table, never both (a
    // hidden one is out of the accessibility tree too).
    let cards = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |_| {
        let Some(el) = cards.get() else { return };
        el.set_inner_html(&rug.with(|r| rug_cards_html(r, lang.get())));
    });
    let note = move || t(lang.get(), Msg::RugCardsNote);
    // The static page's places for the rows and cards (effects do not run when prerendering);
    // the app draws into empty elements.
    let (rows_html, cards_html, cards_hidden) = if cfg!(feature = "ssr") {
        rug.with_untracked(|r| {
            (
                Some(rug_skeleton_html(r)),
                Some(rug_cards_copy_html(r)),
                Some("true"),
            )
        })
    } else {
        (None, None, None)
    };
    view! {
        <div class="table-wrap rug-wrap" tabindex="0" role="region" aria-label=label on:scroll=on_scroll>
            <table class="rug" node_ref=table aria-rowcount=rowcount inner_html=rows_html></table>
        </div>
        <div class="rug-cards-wrap">
            <p class="rug-cards-note">{note}</p>
            <ol class="rug-cards" node_ref=cards aria-label=label aria-hidden=cards_hidden inner_html=cards_html></ol>
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

    /// Landet's reference row and Oslo's, worse, similar and hidden in three columns.
    fn landet_and_oslo(href: &str) -> Vec<RugRow> {
        vec![
            RugRow {
                name: "Hele landet".into(),
                href: None,
                cells: vec![("1,0".into(), None); 3],
            },
            RugRow {
                name: "Oslo".into(),
                href: Some(href.into()),
                cells: vec![
                    ("2,0".into(), Some(Comparison::Worse)),
                    ("3,0".into(), Some(Comparison::Similar)),
                    ("Skjult".into(), Some(Comparison::NoData)),
                ],
            },
        ]
    }

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
            rows: landet_and_oslo("/kommune/0301?lang=en&x=\""),
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
    fn a_card_an_area_with_what_stands_out_and_landets_value() {
        let rug = Rug {
            caption: "Oversikt".into(),
            corner: "Område".into(),
            columns: ["A & B", "C", "D"]
                .map(|l| RugColumn {
                    label: l.into(),
                    group: "Helse".into(),
                })
                .to_vec(),
            rows: landet_and_oslo("/kommune/0301"),
        };
        let h = rug_cards_html(&rug, Lang::Nb);
        assert_eq!(h.matches("<details>").count(), 1, "landet is no card");
        // Closed: the name and how many stand out, by class, in words for a screen reader.
        assert!(h.contains(
            "<summary><span class=\"rug-card-name\">Oslo</span><span class=\"rug-counts\">\
             <span class=\"rug-count rug-worse\">1<span class=\"vh\"> Dårligere enn landet</span></span>\
             <span class=\"rug-count rug-better\">0<span class=\"vh\"> Bedre enn landet</span></span>"
        ));
        // Open: what stands out, with landet's value; the rest counted; the profile linked.
        assert!(h.contains(
            "<li class=\"rug-worse\"><span class=\"rug-card-label\">A &amp; B</span> \
             <span class=\"rug-card-value\"><strong>2,0</strong><span class=\"vh\"> Dårligere enn landet</span> (1,0)</span></li>"
        ));
        assert!(!h.contains("3,0"), "only what stands out");
        assert!(h.contains("2 andre indikatorer skiller seg ikke ut"));
        assert!(h.contains("<a href=\"/kommune/0301\">Profilen for Oslo</a>"));
    }

    #[test]
    fn the_static_page_has_the_heads_a_place_for_each_row_and_each_cards_face() {
        let rug = Rug {
            caption: "Oversikt <alle>".into(),
            corner: "Område".into(),
            columns: ["A & B", "C"]
                .map(|l| RugColumn {
                    label: l.into(),
                    group: "Helse".into(),
                })
                .to_vec(),
            rows: landet_and_oslo("/kommune/0301"),
        };
        let h = rug_skeleton_html(&rug);
        // The heads as the app draws them, then empty rows: landet's and Oslo's.
        let full = rug_html(&rug, Lang::Nb, 0..2);
        let head = &full[..full.find("<tbody>").unwrap()];
        assert_eq!(
            h,
            format!(
                "{head}<tbody aria-hidden=\"true\"><tr><td></td></tr><tr><td></td></tr></tbody>"
            )
        );
        assert!(!h.contains("Oslo") && !h.contains("2,0"), "no cells");
        // A card for Oslo, none for landet: its closed face as the app's, less the words for a
        // screen reader (the copy is aria-hidden).
        let copy = rug_cards_copy_html(&rug);
        let live = rug_cards_html(&rug, Lang::Nb);
        let face = &live["<li><details><summary>".len()..live.find("</summary>").unwrap()];
        let mut unspoken = face.to_string();
        while let Some(at) = unspoken.find("<span class=\"vh\">") {
            let end = at + unspoken[at..].find("</span>").unwrap() + "</span>".len();
            unspoken.replace_range(at..end, "");
        }
        assert_eq!(
            copy,
            format!("<li><div class=\"rug-card-copy\">{unspoken}</div></li>")
        );
        assert!(
            copy.contains(">Oslo<") && copy.contains("rug-count rug-worse"),
            "{copy}"
        );
        // A long table: the rows the app draws first.
        let long = Rug {
            rows: vec![rug.rows[1].clone(); 358],
            ..rug
        };
        assert_eq!(
            rug_skeleton_html(&long)
                .matches("<tr><td></td></tr>")
                .count(),
            WINDOW
        );
        assert_eq!(rug_cards_copy_html(&long).matches("<li>").count(), 358);
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
