//! Downloads of a view's figures as CSV, for Excel (`;`, decimal comma) or for anything else
//! (`,`, decimal point), and as JSON-stat 2.0; the files themselves are written by
//! `oppvekst_core::export` and `oppvekst_core::jsonstat`. The file is
//! made in the browser from the figures on the page: no server.

use crate::components::words::{flag_text, provenance_text};
use crate::i18n::{t, Msg};
use leptos::prelude::*;
use oppvekst_core::barometer::Value;
use oppvekst_core::codec::{AreaBundle, ContextBundle};
use oppvekst_core::explore::sets::Cells;
use oppvekst_core::export::{file_stem, to_csv, Record, Style};
use oppvekst_core::indicator::{Indicator, Period, Unit};
use oppvekst_core::jsonstat::{to_jsonstat, Texts};
use oppvekst_core::{AreaCode, Lang};

/// The unit in words, for the file's `enhet` column.
fn unit_text(unit: Unit, lang: Lang) -> &'static str {
    t(
        lang,
        match unit {
            Unit::Percent => Msg::UnitPercent,
            Unit::Per1000 => Msg::UnitPer1000,
            Unit::Count => Msg::UnitCount,
            Unit::Index => Msg::UnitIndex,
            Unit::ChangePercent => Msg::UnitChange,
        },
    )
}

/// One record: `value` of `ind` for an area in the period `period`, with its comparators.
pub fn record(
    ind: &Indicator,
    (code, name): (&AreaCode, &str),
    period: Period,
    value: &Option<Value>,
    (fylke, landet): (Option<f64>, Option<f64>),
    lang: Lang,
) -> Record {
    let flag = value
        .map(|v| v.cell.flag)
        .unwrap_or(oppvekst_core::indicator::Flag::Missing);
    let shown = value.and_then(|v| v.value);
    Record {
        area_code: code.to_string(),
        area_name: name.to_string(),
        indicator_id: ind.id.clone(),
        indicator: ind.label.get(lang).to_string(),
        period_code: period.code(),
        period: period.label(ind.period_kind),
        value: shown,
        ci: value.and_then(|v| v.value.and(v.ci)).map(|c| (c.lo, c.hi)),
        flag,
        flag_text: if shown.is_some() {
            String::new()
        } else {
            flag_text(flag, lang).to_string()
        },
        fylke,
        landet,
        unit: unit_text(ind.unit, lang).to_string(),
        source: ind.source_line(),
        provenance: provenance_text(ind, lang),
        decimals: ind.decimals as usize + 1,
    }
}

/// Records of one indicator's latest value for several areas (a comparison, a map), each with
/// its fylke's and landet's values. `areas` are `(code, name as shown, value)`.
pub fn latest_records(
    ctx: &ContextBundle,
    bundles: &[&AreaBundle],
    index: usize,
    areas: &[(Option<AreaCode>, String, Option<Value>)],
    lang: Lang,
) -> Vec<Record> {
    let Some(ind) = ctx.catalogue.get(index) else {
        return Vec::new();
    };
    let cells = Cells::new(ctx, bundles);
    let value = |c: Option<AreaCode>| c.and_then(|c| cells.latest(index, &c)?.value(ind.unit));
    let Some(&period) = ind.periods.last() else {
        return Vec::new();
    };
    let landet = value(Some(AreaCode::landet()));
    areas
        .iter()
        .map(|(code, name, v)| {
            let fylke = code
                .as_ref()
                .and_then(AreaCode::fylke)
                .filter(|f| Some(f) != code.as_ref());
            let mut r = record(
                ind,
                (code.as_ref().unwrap_or(&AreaCode::landet()), name),
                period,
                v,
                (value(fylke), landet),
                lang,
            );
            if code.is_none() {
                // A pooled group (Oslo's områdesatsing) has no code of its own.
                r.area_code.clear();
            }
            r
        })
        .collect()
}

/// Saves the file at `url` (a blob or data URL) as `name`, through a link that is clicked and
/// let go.
pub fn save_url(name: &str, url: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(url);
    a.set_download(name);
    doc.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    Some(())
}

/// Saves `text` of the given MIME type as a file named `name`, from a blob.
pub fn save_text(name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    save_url(name, &url);
    web_sys::Url::revoke_object_url(&url).ok()
}

/// What a view's download holds, computed on a click.
pub type Records = std::rc::Rc<dyn Fn() -> Vec<Record>>;

/// The download buttons: CSV for Excel, CSV for the rest, and JSON-stat 2.0 for R, Python and
/// the APIs' readers. `records` is called on a click, so that a page does not write files
/// nobody asks for; `name` are the parts of the file name.
#[component]
pub fn CsvDownload(records: Records, name: Vec<String>, lang: Lang) -> impl IntoView {
    let stem = {
        let parts: Vec<&str> = name.iter().map(String::as_str).collect();
        file_stem(&parts)
    };
    let download = {
        let stem = stem.clone();
        let records = records.clone();
        move |style: Style| {
            let file = format!("{stem}.csv");
            let records = records.clone();
            move |_| {
                let csv = to_csv(&records(), style);
                let _ = save_text(&file, "text/csv;charset=utf-8", &csv);
            }
        }
    };
    let (excel, plain) = (download(Style::Excel), download(Style::Plain));
    let jsonstat = move |_| {
        let title = document().title();
        let texts = Texts {
            title: &title,
            area: t(lang, Msg::Area),
            period: t(lang, Msg::Period),
            indicator: t(lang, Msg::Indicator),
            credit: t(lang, Msg::SourcesCredit),
        };
        let text = to_jsonstat(&records(), &texts);
        let _ = save_text(&format!("{stem}.json"), "application/json", &text);
    };
    view! {
        <div class="downloads">
            <button type="button" class="download" data-csv="excel" on:click=excel>
                {t(lang, Msg::DownloadCsvExcel)}
            </button>
            <button type="button" class="download" data-csv="plain" on:click=plain>
                {t(lang, Msg::DownloadCsvPlain)}
            </button>
            <button type="button" class="download" data-jsonstat on:click=jsonstat>
                {t(lang, Msg::DownloadJsonStat)}
            </button>
        </div>
    }
}
