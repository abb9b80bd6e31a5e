//! FHI's CSV exports: `;` between fields, decimal comma, one row per area and period with the
//! measures as columns (`GEO;AAR;KJONN;ALDER;TELLER;NEVNER;RATE;SPVFLAGG`), or the same with
//! readable headings (`Geografi;År;Kjønn;…`).
//!
//! Columns are sorted out by name: area, period, the flag column, the measures (by the options'
//! roles), and dimensions. A column of unknown name is a dimension if it holds text, and an
//! unused measure if it holds only numbers and symbols. A dimension with more than one value
//! must be narrowed by a filter, as in JSON-stat.

use super::assemble::{Parsed, RawCell};
use super::csv;
use super::reading::{self, Reading};
use super::{ImportError, ImportOptions, MeasureRole};

const GEO: &[&str] = &["geo", "geografi", "sted", "område", "region"];
const TIME: &[&str] = &["aar", "år", "periode", "tid", "year"];
const FLAG: &[&str] = &["spvflagg", "flagg", "flag"];
/// FHI's dimensions whose categories are numbers (`KJONN` 0/1/2) and so would pass for values.
const DIMENSIONS: &[&str] = &[
    "kjonn",
    "kjønn",
    "alder",
    "utdann",
    "utdanning",
    "innvkat",
    "innvandringskategori",
    "landbak",
    "landbakgrunn",
    "trinn",
    "soes",
    "indikator",
];

enum Column {
    Geo,
    Time,
    Flag,
    Measure(MeasureRole),
    Dimension,
    Unused,
}

pub(crate) fn read(bytes: &[u8], opts: &ImportOptions) -> Result<Parsed, ImportError> {
    let text = csv::decode(bytes);
    let records = csv::records(&text, b';').map_err(|e| ImportError::Csv {
        line: e.line,
        message: e.message,
    })?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(ImportError::MissingColumn("GEO"))?;
    let names: Vec<String> = header.fields.iter().map(|h| h.trim().to_string()).collect();
    let rows: Vec<csv::Record> = records.collect();
    let columns = classify(&names, &rows, opts)?;
    let find = |want: fn(&Column) -> bool| columns.iter().position(want);
    let geo = find(|c| matches!(c, Column::Geo)).ok_or(ImportError::MissingColumn("GEO"))?;
    let time = find(|c| matches!(c, Column::Time)).ok_or(ImportError::MissingColumn("AAR"))?;
    let flag = find(|c| matches!(c, Column::Flag));
    let measures: Vec<(MeasureRole, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Measure(r) => Some((*r, i)),
            _ => None,
        })
        .collect();
    if measures.is_empty() {
        return Err(ImportError::NoMeasure {
            available: names.clone(),
        });
    }
    let selection = select(&names, &columns, &rows, opts)?;

    let mut out = Parsed::default();
    for r in &rows {
        if r.fields.len() != names.len() {
            out.problems.push((
                r.line,
                format!(
                    "{} fields where the header has {}; row dropped",
                    r.fields.len(),
                    names.len()
                ),
            ));
            continue;
        }
        if !selection
            .iter()
            .all(|(i, want)| r.fields[*i].trim().eq_ignore_ascii_case(want))
        {
            continue;
        }
        let row_flag = match flag.map(|i| reading::flag_column(&r.fields[i])) {
            None | Some(Ok(None)) => None,
            Some(Ok(Some(f))) => Some(f),
            Some(Err(m)) => {
                out.problems.push((r.line, format!("{m}; row dropped")));
                continue;
            }
        };
        let mut cell = RawCell {
            row: r.line,
            geo: code_in_label(&r.fields[geo]).to_string(),
            time: r.fields[time].trim().to_string(),
            time_label: None,
            num: None,
            den: None,
            value: None,
        };
        for (role, i) in &measures {
            let reading = match row_flag {
                Some(f) => Some(Reading::Flag(f)),
                None => reading::from_text(&r.fields[*i]),
            };
            match role {
                MeasureRole::Num => cell.num = reading,
                MeasureRole::Den => cell.den = reading,
                MeasureRole::Value => cell.value = reading,
            }
        }
        out.cells.push(cell);
    }
    Ok(out)
}

fn classify(
    names: &[String],
    rows: &[csv::Record],
    opts: &ImportOptions,
) -> Result<Vec<Column>, ImportError> {
    // A CSV has its measures as columns, so only the geo and time columns can be named.
    if let Some(name) = &opts.measure_dimension {
        return Err(ImportError::NamedDimension {
            role: "measure",
            name: name.clone(),
            available: vec![
                "none: in a CSV the measures are columns; map them with --measure".into(),
            ],
        });
    }
    for (role, named) in [("geo", &opts.geo_dimension), ("time", &opts.time_dimension)] {
        if let Some(name) = named {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                return Err(ImportError::NamedDimension {
                    role,
                    name: name.clone(),
                    available: names.to_vec(),
                });
            }
        }
    }
    // A named column takes the role; the usual names are then only guesses for the other one.
    let role_of = |named: &Option<String>, usual: &[&str], name: &str| match named {
        Some(n) => n.eq_ignore_ascii_case(name),
        None => usual.contains(&name.to_lowercase().as_str()),
    };
    let is = |list: &[&str], name: &str| list.contains(&name.to_lowercase().as_str());
    let mut columns: Vec<Column> = Vec::with_capacity(names.len());
    let taken = |columns: &Vec<Column>, pred: fn(&Column) -> bool| columns.iter().any(pred);
    for (i, name) in names.iter().enumerate() {
        let col = if role_of(&opts.geo_dimension, GEO, name)
            && !taken(&columns, |c| matches!(c, Column::Geo))
        {
            Column::Geo
        } else if role_of(&opts.time_dimension, TIME, name)
            && !taken(&columns, |c| matches!(c, Column::Time))
        {
            Column::Time
        } else if is(FLAG, name) && !taken(&columns, |c| matches!(c, Column::Flag)) {
            Column::Flag
        } else if let Some(role) = opts.role_of(name) {
            Column::Measure(role)
        } else if is(DIMENSIONS, name) || opts.filter_for(name).is_some() {
            Column::Dimension
        } else if rows.iter().all(|r| {
            r.fields
                .get(i)
                .and_then(|f| reading::from_text(f))
                .is_none_or(|v| !matches!(v, Reading::Invalid(_)))
        }) {
            Column::Unused
        } else {
            Column::Dimension
        };
        columns.push(col);
    }
    // Where two columns have the same role, the first listed in the options is used.
    for role in [MeasureRole::Num, MeasureRole::Den, MeasureRole::Value] {
        let best = names
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(columns[*i], Column::Measure(r) if r == role))
            .min_by_key(|(_, n)| opts.rank_of(n))
            .map(|(i, _)| i);
        for (i, c) in columns.iter_mut().enumerate() {
            if matches!(c, Column::Measure(r) if *r == role) && Some(i) != best {
                *c = Column::Unused;
            }
        }
    }
    Ok(columns)
}

/// The (column, category) each dimension is narrowed to.
fn select(
    names: &[String],
    columns: &[Column],
    rows: &[csv::Record],
    opts: &ImportOptions,
) -> Result<Vec<(usize, String)>, ImportError> {
    for (name, _) in &opts.filters {
        match names.iter().position(|n| n.eq_ignore_ascii_case(name)) {
            None => return Err(ImportError::UnknownFilter(name.clone())),
            Some(i) if !matches!(columns[i], Column::Dimension) => {
                return Err(ImportError::DimensionShape {
                    dimension: names[i].clone(),
                    message: "is not a dimension, so it cannot be filtered".into(),
                })
            }
            Some(_) => {}
        }
    }
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !matches!(columns[i], Column::Dimension) {
            continue;
        }
        let mut categories: Vec<String> = Vec::new();
        for r in rows.iter().filter(|r| r.fields.len() == names.len()) {
            let v = r.fields[i].trim();
            if !categories.iter().any(|c| c == v) {
                categories.push(v.to_string());
            }
        }
        match opts.filter_for(name) {
            Some(want) if categories.iter().any(|c| c.eq_ignore_ascii_case(want)) => {
                out.push((i, want.to_string()))
            }
            Some(want) => {
                return Err(ImportError::FilterCategory {
                    dimension: name.clone(),
                    category: want.to_string(),
                })
            }
            None if categories.len() <= 1 => {}
            None => {
                return Err(ImportError::AmbiguousDimension {
                    dimension: name.clone(),
                    categories,
                })
            }
        }
    }
    Ok(out)
}

/// The code in a readable area label: `0301 Oslo` or `Oslo (0301)`; otherwise the text itself,
/// which the code check then reports.
fn code_in_label(s: &str) -> &str {
    let s = s.trim();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if let Some((first, _)) = s.split_once(char::is_whitespace) {
        if digits(first) {
            return first;
        }
    }
    if let Some(inner) = s
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, c)| c.trim())
    {
        if digits(inner) {
            return inner;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_labels() {
        assert_eq!(code_in_label("0301 Oslo"), "0301");
        assert_eq!(code_in_label("Oslo (0301)"), "0301");
        assert_eq!(code_in_label(" 4601 "), "4601");
        assert_eq!(code_in_label("K-4601"), "K-4601");
        assert_eq!(code_in_label("Oslo"), "Oslo");
    }
}
