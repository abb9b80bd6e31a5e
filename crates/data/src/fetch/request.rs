//! The requests `fetch` sends, built from a catalogue entry's fetch spec: pure, so that golden
//! tests can hold them against the bodies FHI's and SSB's APIs are known to answer.

use crate::catalogue::{FetchSource, FetchSpec, GeoLevels};
use oppvekst_core::area::Level;
use oppvekst_core::Registry;
use serde_json::{json, Value};

/// One HTTP request, as sent and as kept in the cache's manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    /// The JSON body of a POST, compact, as sent.
    pub body: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

impl Request {
    pub fn get(url: String) -> Request {
        Request {
            method: Method::Get,
            url,
            body: None,
        }
    }
}

/// The API's dimension names for geo, time and measure.
pub fn dimension_names(spec: &FetchSpec) -> (&str, &str, &'static str) {
    let (geo, time, measure) = match spec.source {
        FetchSource::Fhi => ("GEO", "AAR", "MEASURE_TYPE"),
        FetchSource::Ssb => ("Region", "Tid", "ContentsCode"),
    };
    (
        spec.geo_dimension.as_deref().unwrap_or(geo),
        spec.time_dimension.as_deref().unwrap_or(time),
        measure,
    )
}

/// Every area code the table is asked for, in the registry's order: landet (`0`), the fylker,
/// the kommuner and the bydeler, or the kommuner alone.
pub fn geo_codes(reg: &Registry, levels: GeoLevels) -> Vec<String> {
    reg.areas()
        .iter()
        .filter(|a| levels == GeoLevels::All || a.level() == Level::Kommune)
        .map(|a| a.code.as_str().to_string())
        .collect()
}

/// The GEO list cut so that no answer holds more than `max_rows` values: each area brings
/// `periods × measures` values, since every other dimension is narrowed to one category.
pub fn chunks(geo: &[String], periods: usize, measures: usize, max_rows: usize) -> Vec<&[String]> {
    let per_area = periods.max(1) * measures.max(1);
    let size = (max_rows / per_area).max(1);
    geo.chunks(size).collect()
}

/// What a request asks of one dimension: these categories, or the latest periods.
enum Values {
    Items(Vec<String>),
    Latest,
}

/// Every dimension a data request names, in the order FHI's own `/query` template uses: geo,
/// time, the selections, then the measures. Both APIs' bodies are this list in their words.
fn selection(spec: &FetchSpec, geo: &[String], measures: &[&str]) -> Vec<(String, Values)> {
    let (geo_dim, time_dim, measure_dim) = dimension_names(spec);
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    let mut out = vec![
        (geo_dim.to_string(), Values::Items(geo.to_vec())),
        (time_dim.to_string(), Values::Latest),
    ];
    for (code, value) in spec.selections() {
        out.push((code.to_string(), Values::Items(vec![value.to_string()])));
    }
    out.push((measure_dim.to_string(), Values::Items(strings(measures))));
    out
}

/// The data request for `geo`, the latest `periods` and `measures`, in the API of the spec's
/// source: [`fhi_data`] or [`ssb_data`].
pub fn data(
    base: &str,
    spec: &FetchSpec,
    geo: &[String],
    periods: usize,
    measures: &[&str],
) -> Request {
    let dims = selection(spec, geo, measures);
    match spec.source {
        FetchSource::Fhi => fhi_data(base, spec, dims, periods),
        FetchSource::Ssb => ssb_data(base, spec, dims, periods),
    }
}

/// `POST {base}/{source}/Table/{id}/data` with a json-stat2 body in the dimension order FHI's own
/// `/query` template uses: geo, time (the latest `periods`), the selections, then the measures.
fn fhi_data(base: &str, spec: &FetchSpec, dims: Vec<(String, Values)>, periods: usize) -> Request {
    let dims: Vec<Value> = dims
        .into_iter()
        .map(|(code, values)| match values {
            Values::Latest => {
                json!({"filter": "bottom", "values": [periods.to_string()], "code": code})
            }
            Values::Items(v) => json!({"filter": "item", "values": v, "code": code}),
        })
        .collect();
    let body = json!({"response": {"format": "json-stat2"}, "dimensions": dims});
    Request {
        method: Method::Post,
        url: format!(
            "{}/{}/data",
            base.trim_end_matches('/'),
            fhi_table_path(spec)
        ),
        body: Some(body.to_string()),
    }
}

/// `GET {base}/{source}/Table/{id}/dimension`: every dimension's categories, from which `fetch`
/// learns which measures the table offers.
pub fn fhi_dimensions(base: &str, spec: &FetchSpec) -> Request {
    Request::get(format!(
        "{}/{}/dimension",
        base.trim_end_matches('/'),
        fhi_table_path(spec)
    ))
}

/// `GET {base}/{source}/Table?modifiedAfter=DATE`: the tables of a source changed since then.
pub fn fhi_modified(base: &str, source: &str, since: &str) -> Request {
    Request::get(format!(
        "{}/{source}/Table?modifiedAfter={since}",
        base.trim_end_matches('/')
    ))
}

fn fhi_table_path(spec: &FetchSpec) -> String {
    let (source, id) = spec.table.split_once('/').unwrap_or(("", &spec.table));
    format!("{source}/Table/{id}")
}

/// `POST {base}/tables/{id}/data?lang=no&outputFormat=json-stat2` with PxWebApi v2's selection
/// body; the time dimension takes the latest `periods` with `top(n)`.
fn ssb_data(base: &str, spec: &FetchSpec, dims: Vec<(String, Values)>, periods: usize) -> Request {
    let selection: Vec<Value> = dims
        .into_iter()
        .map(|(code, values)| {
            let codes = match values {
                Values::Latest => vec![format!("top({periods})")],
                Values::Items(v) => v,
            };
            json!({"variableCode": code, "valueCodes": codes})
        })
        .collect();
    Request {
        method: Method::Post,
        url: format!(
            "{}/tables/{}/data?lang=no&outputFormat=json-stat2",
            base.trim_end_matches('/'),
            spec.table
        ),
        body: Some(json!({ "selection": selection }).to_string()),
    }
}

/// `GET {base}/tables/{id}?lang=no`: the table's metadata, whose `updated` `--since` reads.
pub fn ssb_table(base: &str, spec: &FetchSpec) -> Request {
    Request::get(format!(
        "{}/tables/{}?lang=no",
        base.trim_end_matches('/'),
        spec.table
    ))
}

/// The measure codes FHI's `/dimension` answer offers for the table (the categories of
/// `MEASURE_TYPE`), or an error that says what the answer lacks.
pub fn offered_measures(answer: &Value, measure_dim: &str) -> Result<Vec<String>, String> {
    let dims = answer
        .get("dimensions")
        .and_then(Value::as_array)
        .ok_or("the /dimension answer has no `dimensions` list")?;
    let dim = dims
        .iter()
        .find(|d| d.get("code").and_then(Value::as_str) == Some(measure_dim))
        .ok_or_else(|| format!("the table has no {measure_dim} dimension"))?;
    Ok(categories(dim))
}

/// Checks that every selected dimension and category exists in FHI's `/dimension` answer, so
/// that a wrong spec fails before any data is asked for, with the categories there are.
pub fn check_selections(answer: &Value, spec: &FetchSpec) -> Result<(), String> {
    let dims = answer
        .get("dimensions")
        .and_then(Value::as_array)
        .ok_or("the /dimension answer has no `dimensions` list")?;
    for (code, value) in spec.selections() {
        let dim = dims
            .iter()
            .find(|d| d.get("code").and_then(Value::as_str) == Some(code))
            .ok_or_else(|| format!("the table has no dimension {code}"))?;
        let cats = categories(dim);
        if !cats.iter().any(|c| c == value) {
            let mut shown: Vec<&str> = cats.iter().map(String::as_str).take(12).collect();
            if cats.len() > 12 {
                shown.push("…");
            }
            return Err(format!(
                "dimension {code} has no category {value} (it has {})",
                shown.join(", ")
            ));
        }
    }
    Ok(())
}

/// The category values of one dimension, children included (FHI nests GEO by fylke).
fn categories(dim: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        for c in v.as_array().into_iter().flatten() {
            if let Some(code) = c.get("value").and_then(Value::as_str) {
                out.push(code.to_string());
            }
            if let Some(children) = c.get("children") {
                walk(children, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dim.get("categories").unwrap_or(&Value::Null), &mut out);
    out
}

/// The spec's measures that the table offers, in the spec's order. Counts (num, den) are only
/// useful together, so one without the other is left out.
pub fn choose_measures<'a>(spec: &'a FetchSpec, offered: &[String]) -> Vec<(&'a str, &'a str)> {
    let has = |code: &str| offered.iter().any(|o| o.eq_ignore_ascii_case(code));
    let roles = spec.measure_roles();
    let both = ["num", "den"]
        .iter()
        .all(|r| roles.iter().any(|(c, role)| role == r && has(c)));
    roles
        .into_iter()
        .filter(|(c, role)| has(c) && (*role == "value" || both))
        .collect()
}
