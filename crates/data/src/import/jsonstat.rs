//! JSON-stat 2.0 datasets, as SSB's PxWebApi v2 and FHI Statistikk (`json-stat2`) send them.
//!
//! The geo, time and measure dimensions are the ones the options name, else found by `role` or by
//! their usual ids (`Region`/`GEO`, `Tid`/`AAR`, `ContentsCode`/`MEASURE_TYPE`); every other
//! dimension must be narrowed to one category by a filter, unless it has only one. `value` is
//! row-major over `id`, dense or sparse; `status` holds the symbols that stand for, or beside, a
//! value.

use super::assemble::{Parsed, RawCell};
use super::reading::{self, Reading, Symbol};
use super::strict_json;
use super::{ImportError, ImportOptions, MeasureRole};
use oppvekst_core::indicator::Flag;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// More area × period cells than any profile table has; a file beyond it is a mistake (or an
/// attack on memory through a sparse `value`).
const MAX_CELLS: usize = 5_000_000;

struct Dimension {
    id: String,
    codes: Vec<String>,
    labels: Vec<Option<String>>,
}

/// A per-position lookup into `value` or `status`, dense or sparse.
enum Cells<'a> {
    None,
    All(&'a Value),
    Dense(&'a [Value]),
    Sparse(HashMap<usize, &'a Value>),
}

impl<'a> Cells<'a> {
    fn get(&self, pos: usize) -> Option<&'a Value> {
        match self {
            Cells::None => None,
            Cells::All(v) => Some(v),
            Cells::Dense(a) => a.get(pos),
            Cells::Sparse(m) => m.get(&pos).copied(),
        }
    }
}

pub(crate) fn read(bytes: &[u8], opts: &ImportOptions) -> Result<Parsed, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = strict_json::from_slice(bytes).map_err(|e| {
        if strict_json::is_repeated_key(&e) {
            ImportError::RepeatedKey(e.to_string())
        } else {
            ImportError::Json(e.to_string())
        }
    })?;
    let ds = dataset(&doc)?;
    let ids: Vec<&str> = ds
        .get("id")
        .and_then(Value::as_array)
        .ok_or_else(|| not_dataset("no `id` array"))?
        .iter()
        .map(|v| {
            v.as_str()
                .ok_or_else(|| not_dataset("`id` holds a non-string"))
        })
        .collect::<Result<_, _>>()?;
    let sizes: Vec<usize> = ds
        .get("size")
        .and_then(Value::as_array)
        .ok_or_else(|| not_dataset("no `size` array"))?
        .iter()
        .map(|v| {
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| not_dataset("`size` holds a non-count"))
        })
        .collect::<Result<_, _>>()?;
    if ids.len() != sizes.len() {
        return Err(not_dataset("`id` and `size` differ in length"));
    }
    let dim_obj = ds
        .get("dimension")
        .and_then(Value::as_object)
        .ok_or_else(|| not_dataset("no `dimension` object"))?;
    let dims: Vec<Dimension> = ids
        .iter()
        .zip(&sizes)
        .map(|(id, &size)| dimension(id, dim_obj.get(*id), size))
        .collect::<Result<_, _>>()?;
    let total = sizes
        .iter()
        .try_fold(1usize, |a, &b| a.checked_mul(b))
        .ok_or_else(|| not_dataset("`size` multiplies beyond any file"))?;

    let geo = find_role(
        ds,
        &dims,
        ("geo", opts.geo_dimension.as_deref()),
        &["region", "geo"],
    )?
    .ok_or(ImportError::MissingDimension("geo"))?;
    let time = find_role(
        ds,
        &dims,
        ("time", opts.time_dimension.as_deref()),
        &["tid", "aar", "år"],
    )?
    .ok_or(ImportError::MissingDimension("time"))?;
    let measure = find_role(
        ds,
        &dims,
        ("metric", opts.measure_dimension.as_deref()),
        &["contentscode", "measure_type"],
    )?
    .ok_or(ImportError::MissingDimension("measure"))?;
    if geo == time || geo == measure || time == measure {
        return Err(ImportError::DimensionShape {
            dimension: dims[geo.max(time).max(measure)].id.clone(),
            message: "plays two roles among geo, time and measure".into(),
        });
    }
    let fixed = fixed_categories(&dims, [geo, time, measure], opts)?;
    let roles = measure_roles(&dims[measure], opts)?;
    if dims[geo].codes.len().saturating_mul(dims[time].codes.len()) > MAX_CELLS {
        return Err(not_dataset(
            "more area × period cells than one import takes",
        ));
    }

    let values = cells(ds.get("value"), total, "value")?;
    if let Cells::None | Cells::All(_) = values {
        return Err(not_dataset("`value` is neither an array nor an object"));
    }
    let status = cells(ds.get("status"), total, "status")?;

    // Row-major: the last dimension varies fastest.
    let mut strides = vec![1usize; dims.len()];
    for i in (0..dims.len().saturating_sub(1)).rev() {
        strides[i] = strides[i + 1].saturating_mul(sizes[i + 1]);
    }
    let base: usize = fixed
        .iter()
        .zip(&strides)
        .map(|(c, s)| c.unwrap_or(0) * s)
        .sum();

    let mut out = Parsed::default();
    for (g, geo_code) in dims[geo].codes.iter().enumerate() {
        for (t, time_code) in dims[time].codes.iter().enumerate() {
            let at = base + g * strides[geo] + t * strides[time];
            let mut cell = RawCell {
                row: at,
                geo: geo_code.clone(),
                time: time_code.clone(),
                time_label: dims[time].labels[t].clone(),
                num: None,
                den: None,
                value: None,
            };
            let mut first = usize::MAX;
            for (role, m) in &roles {
                let pos = at + m * strides[measure];
                first = first.min(pos);
                let r = Some(combine(values.get(pos), status.get(pos)));
                match role {
                    MeasureRole::Num => cell.num = r,
                    MeasureRole::Den => cell.den = r,
                    MeasureRole::Value => cell.value = r,
                }
            }
            cell.row = first;
            out.cells.push(cell);
        }
    }
    Ok(out)
}

fn not_dataset(m: &str) -> ImportError {
    ImportError::NotADataset(m.to_string())
}

fn dataset(doc: &Value) -> Result<&Map<String, Value>, ImportError> {
    let obj = doc
        .as_object()
        .ok_or_else(|| not_dataset("the JSON is not an object"))?;
    // JSON-stat 1.x is what an API sends when asked for plain `json-stat`: a bundle of
    // datasets under free names (usually `dataset`), each with `id` and `size` inside
    // `dimension`. Naming the version tells the user the one fix, asking for json-stat2.
    match obj.get("class").and_then(Value::as_str) {
        Some("dataset") | None => {}
        Some("bundle") => return Err(ImportError::JsonStat1("a bundle of datasets")),
        Some(other) => return Err(not_dataset(&format!("its class is «{other}»"))),
    }
    if !obj.contains_key("id") {
        if obj.get("dimension").and_then(|d| d.get("id")).is_some() {
            return Err(ImportError::JsonStat1("`id` and `size` inside `dimension`"));
        }
        if !obj.contains_key("class")
            && obj
                .values()
                .any(|v| v.get("dimension").is_some() && v.get("value").is_some())
        {
            return Err(ImportError::JsonStat1("a bundle of datasets"));
        }
    }
    Ok(obj)
}

fn dimension(id: &str, v: Option<&Value>, size: usize) -> Result<Dimension, ImportError> {
    let shape = |message: String| ImportError::DimensionShape {
        dimension: id.to_string(),
        message,
    };
    let category = v
        .and_then(|v| v.get("category"))
        .and_then(Value::as_object)
        .ok_or_else(|| shape("no `category` in `dimension`".into()))?;
    let labels = category.get("label").and_then(Value::as_object);
    let codes: Vec<String> = match category.get("index") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|c| {
                c.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| shape("`index` holds a non-string".into()))
            })
            .collect::<Result<_, _>>()?,
        Some(Value::Object(o)) => {
            // Checked before allocating: `size` comes from the file.
            if o.len() != size {
                return Err(shape(format!("{} categories, `size` says {size}", o.len())));
            }
            let mut slots: Vec<Option<String>> = vec![None; size];
            for (code, p) in o {
                let slot = p
                    .as_u64()
                    .and_then(|p| usize::try_from(p).ok())
                    .and_then(|p| slots.get_mut(p))
                    .filter(|s| s.is_none())
                    .ok_or_else(|| shape(format!("category {code} has a bad position")))?;
                *slot = Some(code.clone());
            }
            slots.into_iter().flatten().collect()
        }
        None => match labels {
            Some(l) if l.len() == 1 => l.keys().cloned().collect(),
            _ => return Err(shape("no `index`".into())),
        },
        Some(_) => return Err(shape("`index` is neither an array nor an object".into())),
    };
    if codes.len() != size {
        return Err(shape(format!(
            "{} categories, `size` says {size}",
            codes.len()
        )));
    }
    let labels = codes
        .iter()
        .map(|c| {
            labels
                .and_then(|l| l.get(c))
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect();
    Ok(Dimension {
        id: id.to_string(),
        codes,
        labels,
    })
}

/// The dimension with a role: the one the caller names, else the one named in `role`, else the
/// one with a usual id.
fn find_role(
    ds: &Map<String, Value>,
    dims: &[Dimension],
    (role, chosen): (&'static str, Option<&str>),
    usual: &[&str],
) -> Result<Option<usize>, ImportError> {
    if let Some(name) = chosen {
        // The caller knows the file better than `role` and the usual ids; a name the file lacks
        // is a typo, and falling back to the search would hide it.
        return dims
            .iter()
            .position(|d| d.id.eq_ignore_ascii_case(name))
            .map(Some)
            .ok_or_else(|| ImportError::NamedDimension {
                role: if role == "metric" { "measure" } else { role },
                name: name.to_string(),
                available: dims.iter().map(|d| d.id.clone()).collect(),
            });
    }
    let named: Vec<usize> = ds
        .get("role")
        .and_then(|r| r.get(role))
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(Value::as_str)
                .filter_map(|id| dims.iter().position(|d| d.id == id))
                .collect()
        })
        .unwrap_or_default();
    match named.as_slice() {
        [one] => Ok(Some(*one)),
        [] => Ok(dims
            .iter()
            .position(|d| usual.contains(&d.id.to_lowercase().as_str()))),
        [first, ..] => Err(ImportError::DimensionShape {
            dimension: dims[*first].id.clone(),
            message: format!("several dimensions have the role {role}"),
        }),
    }
}

/// The one category of each dimension besides geo, time and measure (`None` for those three).
fn fixed_categories(
    dims: &[Dimension],
    roles: [usize; 3],
    opts: &ImportOptions,
) -> Result<Vec<Option<usize>>, ImportError> {
    for (name, _) in &opts.filters {
        match dims.iter().position(|d| d.id.eq_ignore_ascii_case(name)) {
            None => return Err(ImportError::UnknownFilter(name.clone())),
            Some(i) if roles.contains(&i) => {
                return Err(ImportError::DimensionShape {
                    dimension: dims[i].id.clone(),
                    message: "is the geo, time or measure dimension, which cannot be filtered"
                        .into(),
                })
            }
            Some(_) => {}
        }
    }
    dims.iter()
        .enumerate()
        .map(|(i, d)| {
            if roles.contains(&i) {
                return Ok(None);
            }
            match opts.filter_for(&d.id) {
                Some(want) => d
                    .codes
                    .iter()
                    .position(|c| c.eq_ignore_ascii_case(want))
                    .map(Some)
                    .ok_or_else(|| ImportError::FilterCategory {
                        dimension: d.id.clone(),
                        category: want.to_string(),
                    }),
                None if d.codes.len() == 1 => Ok(Some(0)),
                None => Err(ImportError::AmbiguousDimension {
                    dimension: d.id.clone(),
                    categories: d.codes.clone(),
                }),
            }
        })
        .collect()
}

/// For each role, the measure category that fills it (the first listed in the options).
fn measure_roles(
    dim: &Dimension,
    opts: &ImportOptions,
) -> Result<Vec<(MeasureRole, usize)>, ImportError> {
    let mut out: Vec<(MeasureRole, usize)> = Vec::new();
    for role in [MeasureRole::Num, MeasureRole::Den, MeasureRole::Value] {
        let best = dim
            .codes
            .iter()
            .enumerate()
            .filter(|(_, c)| opts.role_of(c) == Some(role))
            .min_by_key(|(_, c)| opts.rank_of(c));
        if let Some((i, _)) = best {
            out.push((role, i));
        }
    }
    if out.is_empty() {
        return Err(ImportError::NoMeasure {
            available: dim.codes.clone(),
        });
    }
    Ok(out)
}

fn cells<'a>(v: Option<&'a Value>, total: usize, what: &str) -> Result<Cells<'a>, ImportError> {
    Ok(match v {
        None | Some(Value::Null) => Cells::None,
        Some(Value::Array(a)) if a.len() == total => Cells::Dense(a),
        // JSON-stat 2.0 lets `status` be an array of one symbol that applies to every value
        // (FHI sends `[":"]` for a fully suppressed table); reading it as the first cell's
        // status alone would publish the other cells' numbers. The spec gives `value` no such
        // rule, so a short `value` stays an error.
        Some(Value::Array(a)) if what == "status" && a.len() == 1 => Cells::All(&a[0]),
        Some(Value::Array(a)) if what == "value" => {
            return Err(ImportError::ValueLength {
                expected: total,
                found: a.len(),
            })
        }
        // A `status` array of another length leaves some cells without their symbol, and a
        // missing `:` would let a suppressed number through.
        Some(Value::Array(a)) => {
            return Err(not_dataset(&format!(
                "`{what}` has {} entries where `size` says {total} (or 1 for all)",
                a.len()
            )))
        }
        Some(Value::Object(o)) => {
            let mut m = HashMap::with_capacity(o.len());
            for (k, v) in o {
                let pos = k
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|p| *p < total)
                    .ok_or_else(|| {
                        not_dataset(&format!(
                            "`{what}` key «{k}» is not a position below {total}"
                        ))
                    })?;
                m.insert(pos, v);
            }
            Cells::Sparse(m)
        }
        Some(other) => Cells::All(other),
    })
}

/// A value and its status symbol, as one reading. A null or absent value is missing.
fn combine(value: Option<&Value>, status: Option<&Value>) -> Reading {
    let symbol = status.and_then(Value::as_str).map(str::trim);
    let value = match value {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(match n.as_f64() {
            Some(v) if v.is_finite() => Reading::Number(v),
            _ => Reading::Invalid(format!("not a number: {n}")),
        }),
        Some(Value::String(s)) => reading::from_text(s),
        Some(other) => Some(Reading::Invalid(format!("not a number: {other}"))),
    };
    match symbol.filter(|s| !s.is_empty()) {
        None => value.unwrap_or(Reading::Flag(Flag::Missing)),
        Some(s) => match reading::symbol(s) {
            Some(Symbol::Flag(f)) => Reading::Flag(f),
            Some(Symbol::Nil) => Reading::Number(0.0),
            Some(Symbol::Provisional) => value.unwrap_or(Reading::Flag(Flag::Missing)),
            None => Reading::Invalid(format!("unknown status «{s}»")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_and_status_symbols() {
        let v = json!(12.5);
        let null = Value::Null;
        let s = |x: &str| json!(x);
        assert_eq!(combine(Some(&v), None), Reading::Number(12.5));
        assert_eq!(combine(Some(&null), None), Reading::Flag(Flag::Missing));
        assert_eq!(combine(None, None), Reading::Flag(Flag::Missing));
        assert_eq!(combine(Some(&v), Some(&s("*"))), Reading::Number(12.5));
        assert_eq!(combine(Some(&null), Some(&s("-"))), Reading::Number(0.0));
        assert_eq!(
            combine(Some(&v), Some(&s(":"))),
            Reading::Flag(Flag::Suppressed)
        );
        assert_eq!(
            combine(Some(&null), Some(&s("."))),
            Reading::Flag(Flag::NotComputable)
        );
        assert_eq!(
            combine(Some(&null), Some(&s("..."))),
            Reading::Flag(Flag::Missing)
        );
        assert!(matches!(
            combine(Some(&v), Some(&s("#"))),
            Reading::Invalid(_)
        ));
        assert!(matches!(
            combine(Some(&json!(true)), None),
            Reading::Invalid(_)
        ));
        assert_eq!(combine(Some(&json!("3,5")), None), Reading::Number(3.5));
    }
}
