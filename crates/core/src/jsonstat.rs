//! Figures as JSON-stat 2.0 (<https://json-stat.org/format/>), the format FHI's and SSB's own
//! APIs answer in and R's rjstat and Python's pyjstat read: one dataset of the view's records,
//! over the dimensions area (`omrade`, role geo), period (`periode`, role time) and indicator
//! (`indikator`, role metric, each with its unit and decimals).
//!
//! A hidden value stays hidden: its cell is `null` in `value`, and `status` carries FHI's flag
//! (`:` hidden, `..` no data, `.` not computable), as FHI's own answers do; `extension` names
//! each flag's meaning, each indicator's source and whether its figures are real or modelled
//! (demodata). Period ids are FHI's `AAR` codes (`2021_2023`), labels the page's.

use crate::export::{flag_symbol, Record};
use crate::indicator::Flag;
use std::fmt::Write;

/// The dataset's own texts, in the page's language.
pub struct Texts<'a> {
    /// What the dataset is: the view's title.
    pub title: &'a str,
    pub area: &'a str,
    pub period: &'a str,
    pub indicator: &'a str,
    /// The sources and licences in words, as the page's footer says them.
    pub credit: &'a str,
}

/// `s` as a JSON string. Written here rather than with serde_json's serializer, which would add
/// its code to the app's wasm for this one file.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{"k": v, …}` of already written values.
fn object<K: AsRef<str>>(pairs: impl IntoIterator<Item = (K, String)>) -> String {
    let body: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{}: {v}", string(k.as_ref())))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// A number as JSON writes it (Rust's shortest round-trip form, never an exponent), or `null`.
fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => crate::numfmt::shortest(v),
        _ => "null".into(),
    }
}

/// The categories of one dimension in order of first appearance, with their labels.
#[derive(Default)]
struct Categories {
    ids: Vec<String>,
    labels: Vec<String>,
}

impl Categories {
    fn position(&mut self, id: &str, label: &str) -> usize {
        match self.ids.iter().position(|i| i == id) {
            Some(p) => p,
            None => {
                self.ids.push(id.to_string());
                self.labels.push(label.to_string());
                self.ids.len() - 1
            }
        }
    }

    /// The dimension: its label, and its categories' index and labels (and `extra`).
    fn dimension(&self, label: &str, extra: Option<(&str, String)>) -> String {
        let index = object(
            self.ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id, i.to_string())),
        );
        let labels = object(
            self.ids
                .iter()
                .zip(&self.labels)
                .map(|(id, l)| (id, string(l))),
        );
        let mut category = vec![("index", index), ("label", labels)];
        category.extend(extra);
        object([("label", string(label)), ("category", object(category))])
    }
}

/// `v` to `decimals` places.
pub fn round(v: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(12) as i32);
    (v * scale).round() / scale
}

/// The dataset of `records` (a record without an area code, a pooled group such as Oslo's
/// områdesatsing, has no place on the geo dimension and is left out).
pub fn to_jsonstat(records: &[Record], texts: &Texts) -> String {
    let (mut areas, mut periods, mut inds) = (
        Categories::default(),
        Categories::default(),
        Categories::default(),
    );
    // Per indicator, in the order of `inds`: its unit, source and provenance.
    let mut about: Vec<(String, String, String)> = Vec::new();
    let mut meanings: Vec<(&str, String)> = Vec::new();
    let mut cells = Vec::new();
    for r in records.iter().filter(|r| !r.area_code.is_empty()) {
        let a = areas.position(&r.area_code, &r.area_name);
        let p = periods.position(&r.period_code, &r.period);
        let i = inds.position(&r.indicator_id, &r.indicator);
        if i == about.len() {
            let unit = object([
                ("label", string(&r.unit)),
                ("decimals", r.decimals.saturating_sub(1).to_string()),
            ]);
            about.push((unit, string(&r.source), string(&r.provenance)));
        }
        let symbol = flag_symbol(r.flag);
        if r.value.is_none()
            && !r.flag_text.is_empty()
            && !meanings.iter().any(|(s, _)| *s == symbol)
        {
            meanings.push((symbol, string(&r.flag_text)));
        }
        cells.push((a, p, i, r));
    }
    let size = [areas.ids.len(), periods.ids.len(), inds.ids.len()];
    let mut value = vec![None; size.iter().product()];
    let mut status: Vec<(usize, &str)> = Vec::new();
    for (a, p, i, r) in cells {
        let pos = (a * size[1] + p) * size[2] + i;
        // Only a shown value is written, rounded as the CSV is (one decimal more than the page
        // shows): a hidden one never leaves the bundle as a number.
        value[pos] = match (r.value, r.flag) {
            (Some(v), Flag::Ok) => Some(round(v, r.decimals)),
            _ => None,
        };
        if r.value.is_none() || r.flag != Flag::Ok {
            let symbol = match r.flag {
                Flag::Ok => flag_symbol(Flag::Missing),
                f => flag_symbol(f),
            };
            status.push((pos, symbol));
        }
    }
    let ind_ids = || inds.ids.iter();
    let units = object(ind_ids().zip(&about).map(|(id, a)| (id, a.0.clone())));
    let per_ind = |f: fn(&(String, String, String)) -> &String| {
        object(ind_ids().zip(&about).map(|(id, a)| (id, f(a).clone())))
    };
    let values: Vec<String> = value.into_iter().map(number).collect();
    let mut fields = vec![
        ("version", string("2.0")),
        ("class", string("dataset")),
        ("label", string(texts.title)),
        ("source", string(texts.credit)),
        ("id", r#"["omrade", "periode", "indikator"]"#.to_string()),
        ("size", format!("[{}, {}, {}]", size[0], size[1], size[2])),
        (
            "role",
            r#"{"geo": ["omrade"], "time": ["periode"], "metric": ["indikator"]}"#.to_string(),
        ),
        (
            "dimension",
            object([
                ("omrade", areas.dimension(texts.area, None)),
                ("periode", periods.dimension(texts.period, None)),
                (
                    "indikator",
                    inds.dimension(texts.indicator, Some(("unit", units))),
                ),
            ]),
        ),
        ("value", format!("[{}]", values.join(", "))),
    ];
    if !status.is_empty() {
        fields.push((
            "status",
            object(
                status
                    .into_iter()
                    .map(|(pos, s)| (pos.to_string(), string(s))),
            ),
        ));
    }
    fields.push((
        "extension",
        object([(
            "oppvekst",
            object([
                ("kilde", per_ind(|a| &a.1)),
                ("opphav", per_ind(|a| &a.2)),
                ("flagg", object(meanings)),
            ]),
        )]),
    ));
    object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn rec(area: &str, period: (&str, &str), value: Option<f64>, flag: Flag) -> Record {
        Record {
            area_code: area.into(),
            area_name: format!("Område {area}"),
            indicator_id: "mobbing_7".into(),
            indicator: "Mobbing, 7. trinn".into(),
            period_code: period.0.into(),
            period: period.1.into(),
            value,
            ci: None,
            flag,
            flag_text: if value.is_none() {
                "Skjult av personvernhensyn".into()
            } else {
                String::new()
            },
            fylke: None,
            landet: None,
            unit: "prosent".into(),
            source: "Udir: Elevundersøkelsen".into(),
            provenance: "Ekte tall".into(),
            decimals: 2,
        }
    }

    const TEXTS: Texts = Texts {
        title: "Mobbing",
        area: "Område",
        period: "Periode",
        indicator: "Indikator",
        credit: "FHI, SSB",
    };

    #[test]
    fn a_dataset_is_row_major_with_roles_units_and_flags() {
        let records = [
            rec("0301", ("2023_2023", "2023/24"), Some(7.2549), Flag::Ok),
            rec("0301", ("2024_2024", "2024/25"), None, Flag::Suppressed),
            rec("4601", ("2023_2023", "2023/24"), Some(6.5), Flag::Ok),
            rec("", ("2023_2023", "2023/24"), Some(9.0), Flag::Ok),
        ];
        let d: Value = serde_json::from_str(&to_jsonstat(&records, &TEXTS)).unwrap();
        assert_eq!(d["version"], "2.0");
        assert_eq!(d["class"], "dataset");
        assert_eq!(d["size"], json!([2, 2, 1]));
        assert_eq!(d["role"]["geo"], json!(["omrade"]));
        assert_eq!(d["dimension"]["omrade"]["category"]["index"]["4601"], 1);
        assert_eq!(
            d["dimension"]["periode"]["category"]["label"]["2024_2024"],
            "2024/25"
        );
        assert_eq!(
            d["dimension"]["indikator"]["category"]["unit"]["mobbing_7"],
            json!({ "label": "prosent", "decimals": 1 })
        );
        // 0301 × 2023, 0301 × 2024 (hidden), 4601 × 2023, 4601 × 2024 (no record).
        assert_eq!(d["value"], json!([7.25, null, 6.5, null]));
        assert_eq!(d["status"], json!({ "1": ":" }));
        assert_eq!(
            d["extension"]["oppvekst"]["flagg"][":"],
            "Skjult av personvernhensyn"
        );
        assert_eq!(
            d["extension"]["oppvekst"]["kilde"]["mobbing_7"],
            "Udir: Elevundersøkelsen"
        );
    }

    #[test]
    fn a_hidden_value_never_leaves_as_a_number() {
        // Even a record that wrongly carried a number beside its flag.
        let leaky = rec("0301", ("2023_2023", "2023"), Some(3.0), Flag::Suppressed);
        let text = to_jsonstat(&[leaky], &TEXTS);
        let d: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(d["value"], json!([null]));
        assert_eq!(d["status"], json!({ "0": ":" }));
        assert!(!text.contains("3.0"), "{text}");
    }

    #[test]
    fn strings_and_numbers_are_valid_json() {
        let mut r = rec("0301", ("2023_2023", "2023"), Some(0.000_012_5), Flag::Ok);
        r.decimals = 8;
        r.area_name = "«Oslo» \"sentrum\"\\ny\nlinje\t\u{1}".into();
        let d: Value = serde_json::from_str(&to_jsonstat(&[r.clone()], &TEXTS)).unwrap();
        assert_eq!(
            d["dimension"]["omrade"]["category"]["label"]["0301"],
            r.area_name.as_str()
        );
        assert_eq!(d["value"], json!([0.0000125]));
    }
}
