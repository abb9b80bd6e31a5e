//! The normalised file: an indicator's imported cells as plain CSV, committed to the repository so
//! that the bundles can be rebuilt offline from real data.
//!
//! ```text
//! # oppvekst normalised 1
//! # indikator=vedvarende_lavinntekt
//! # perioder=2019-2021 2020-2022
//! area;first;last;num;den;flag
//! 0301;2019;2021;12345;98765;ok
//! 0301;2020;2022;;;suppressed
//! ```
//!
//! Every area has one line per period, in the order of `perioder`; flagged cells leave the
//! counts empty. A fetched table adds, before the header, where it came from:
//! `# produsent=FHI Statistikk`, `# tabell=nokkel/806` and `# hentet=2026-12-04`.

use super::csv;
use super::period::{display, parse_period};
use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::{Cell, Flag, Origin, Period};
use std::collections::BTreeMap;
use std::fmt;

const MAGIC: &str = "# oppvekst normalised 1";
const HEADER: &str = "area;first;last;num;den;flag";

/// An indicator's cells as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalised {
    pub indicator_id: String,
    pub periods: Vec<Period>,
    pub cells: BTreeMap<AreaCode, Vec<Cell>>,
    /// Where a fetched table came from; `None` for a file imported by hand.
    pub origin: Option<Origin>,
}

/// A line of a normalised file that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalisedError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for NormalisedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for NormalisedError {}

fn flag_word(f: Flag) -> &'static str {
    match f {
        Flag::Ok => "ok",
        Flag::Missing => "missing",
        Flag::NotComputable => "not_computable",
        Flag::Suppressed => "suppressed",
    }
}

fn word_flag(s: &str) -> Option<Flag> {
    [
        Flag::Ok,
        Flag::Missing,
        Flag::NotComputable,
        Flag::Suppressed,
    ]
    .into_iter()
    .find(|f| flag_word(*f) == s)
}

/// Writes the cells; each area's cells are paired with `periods` in order.
pub fn write_normalised(
    indicator_id: &str,
    cells: &BTreeMap<AreaCode, Vec<Cell>>,
    periods: &[Period],
    origin: Option<&Origin>,
) -> String {
    let mut out = String::new();
    let periods_text: Vec<String> = periods.iter().map(|p| display(*p)).collect();
    out.push_str(MAGIC);
    out.push('\n');
    // The id goes on a line of its own, so it must not break one.
    let id: String = indicator_id.chars().filter(|c| !c.is_control()).collect();
    out.push_str(&format!("# indikator={id}\n"));
    out.push_str(&format!("# perioder={}\n", periods_text.join(" ")));
    if let Some(o) = origin {
        // Each goes on a line of its own, so none may break one.
        let clean = |s: &str| -> String { s.chars().filter(|c| !c.is_control()).collect() };
        out.push_str(&format!("# produsent={}\n", clean(&o.producer)));
        out.push_str(&format!("# tabell={}\n", clean(&o.table)));
        out.push_str(&format!("# hentet={}\n", clean(&o.fetched)));
    }
    out.push_str(HEADER);
    out.push('\n');
    for (area, row) in cells {
        for (p, c) in periods.iter().zip(row) {
            let (num, den) = if c.is_ok() {
                (c.num.to_string(), c.den.to_string())
            } else {
                (String::new(), String::new())
            };
            out.push_str(&format!(
                "{area};{};{};{num};{den};{}\n",
                p.first,
                p.last,
                flag_word(c.flag)
            ));
        }
    }
    out
}

/// Reads a normalised file; any line out of place is an error, since the file is ours.
pub fn read_normalised(text: &str) -> Result<Normalised, NormalisedError> {
    let err = |line: usize, message: String| NormalisedError { line, message };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end()));
    let mut next = |what: &str| {
        lines
            .next()
            .ok_or_else(|| err(0, format!("the file ends before {what}")))
    };
    let (n, magic) = next("its first line")?;
    if magic != MAGIC {
        return Err(err(n, format!("expected «{MAGIC}»")));
    }
    let (n, id_line) = next("the indicator")?;
    let indicator_id = id_line
        .strip_prefix("# indikator=")
        .ok_or_else(|| err(n, "expected «# indikator=…»".into()))?
        .to_string();
    let (n, period_line) = next("the periods")?;
    let periods: Vec<Period> = period_line
        .strip_prefix("# perioder=")
        .ok_or_else(|| err(n, "expected «# perioder=…»".into()))?
        .split_whitespace()
        .map(|s| parse_period(s).ok_or_else(|| err(n, format!("«{s}» is not a period"))))
        .collect::<Result<_, _>>()?;
    let (mut n, mut header) = next("the header")?;
    let mut found: Vec<(&str, String)> = Vec::new();
    for key in ["produsent", "tabell", "hentet"] {
        if let Some(v) = header.strip_prefix(&format!("# {key}=")) {
            found.push((key, v.to_string()));
            (n, header) = next("the header")?;
        }
    }
    let origin = match found.as_slice() {
        [] => None,
        [(_, producer), (_, table), (_, fetched)] => Some(Origin {
            producer: producer.clone(),
            table: table.clone(),
            fetched: fetched.clone(),
        }),
        _ => {
            return Err(err(
                n,
                "«# produsent=», «# tabell=» and «# hentet=» come together, in that order".into(),
            ))
        }
    };
    if header != HEADER {
        return Err(err(n, format!("expected «{HEADER}»")));
    }
    let body: String = lines.map(|(_, l)| format!("{l}\n")).collect();
    let records = csv::records(&body, b';').map_err(|e| err(e.line + n, e.message))?;

    let mut cells: BTreeMap<AreaCode, Vec<Cell>> = BTreeMap::new();
    for r in records {
        let line = r.line + n;
        let [area, first, last, num, den, flag] = r.fields.as_slice() else {
            return Err(err(line, format!("{} fields, not 6", r.fields.len())));
        };
        let area = AreaCode::parse(area).map_err(|e| err(line, format!("«{area}»: {e}")))?;
        let year = |s: &str| {
            s.parse::<u16>()
                .map_err(|_| err(line, format!("«{s}» is not a year")))
        };
        let period = Period {
            first: year(first)?,
            last: year(last)?,
        };
        let flag = word_flag(flag).ok_or_else(|| err(line, format!("«{flag}» is not a flag")))?;
        let cell = if flag == Flag::Ok {
            let count = |s: &str| {
                s.parse::<u32>()
                    .map_err(|_| err(line, format!("«{s}» is not a count")))
            };
            Cell::ok(count(num)?, count(den)?)
        } else if num.is_empty() && den.is_empty() {
            Cell::flagged(flag)
        } else {
            return Err(err(line, "a flagged cell has counts".into()));
        };
        let row = cells.entry(area.clone()).or_default();
        // Lines come in the order of `perioder`, so the next one is the only one that fits.
        match periods.get(row.len()) {
            Some(p) if *p == period => row.push(cell),
            _ => {
                return Err(err(
                    line,
                    format!(
                        "{area} {}: out of order or not a listed period",
                        display(period)
                    ),
                ))
            }
        }
    }
    if let Some((area, row)) = cells.iter().find(|(_, r)| r.len() != periods.len()) {
        return Err(err(
            0,
            format!("{area} has {} of {} periods", row.len(), periods.len()),
        ));
    }
    Ok(Normalised {
        indicator_id,
        periods,
        cells,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Vec<Period>, BTreeMap<AreaCode, Vec<Cell>>) {
        let periods = vec![
            Period {
                first: 2019,
                last: 2021,
            },
            Period::year(2022),
        ];
        let mut cells = BTreeMap::new();
        cells.insert(
            AreaCode::parse("0301").unwrap(),
            vec![Cell::ok(120, 4000), Cell::flagged(Flag::Suppressed)],
        );
        cells.insert(
            AreaCode::landet(),
            vec![Cell::flagged(Flag::Missing), Cell::ok(0, 0)],
        );
        (periods, cells)
    }

    #[test]
    fn round_trip() {
        let (periods, cells) = sample();
        let text = write_normalised("vedvarende_lavinntekt", &cells, &periods, None);
        assert!(text.contains("0301;2019;2021;120;4000;ok\n"));
        assert!(text.contains("0301;2022;2022;;;suppressed\n"));
        let back = read_normalised(&text).unwrap();
        assert_eq!(back.indicator_id, "vedvarende_lavinntekt");
        assert_eq!(back.periods, periods);
        assert_eq!(back.cells, cells);
        assert_eq!(back.origin, None);
        let origin = Origin {
            producer: "FHI Statistikk".into(),
            table: "nokkel/403".into(),
            fetched: "2026-12-04".into(),
        };
        let text = write_normalised("x", &cells, &periods, Some(&origin));
        assert!(text.contains("# tabell=nokkel/403\n# hentet=2026-12-04\narea;"));
        let back = read_normalised(&text).unwrap();
        assert_eq!((back.origin, back.cells), (Some(origin), cells));
        let half = text.replace("# tabell=nokkel/403\n", "");
        assert!(read_normalised(&half)
            .unwrap_err()
            .message
            .contains("together"));
    }

    #[test]
    fn errors_name_the_line() {
        let (periods, cells) = sample();
        let text = write_normalised("x", &cells, &periods, None);
        let bad = text.replace("120;4000;ok", "12x;4000;ok");
        let e = read_normalised(&bad).unwrap_err();
        let line = bad.lines().position(|l| l.contains("12x")).unwrap() + 1;
        assert_eq!(e.line, line);
        let missing_line: String = text
            .lines()
            .filter(|l| !l.starts_with("0301;2022"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(read_normalised(&missing_line)
            .unwrap_err()
            .message
            .contains("1 of 2"));
        assert!(read_normalised(&text.replace(";ok\n", ";fine\n")).is_err());
        assert!(read_normalised(&text.replace(";;;suppressed", ";5;9;suppressed")).is_err());
        assert!(read_normalised("").is_err());
    }
}
