//! From the cells a parser read to cells on 2024 borders: periods parsed, flags settled, counts
//! checked against the unit, codes mapped and checked against the registry, merged areas summed,
//! and every loss reported.

use super::checks;
use super::codes::{normalise_code, CodeMap, Resolution};
use super::period::{display, parse_period};
use super::reading::Reading;
use super::{ImportOptions, ImportReport, ImportedCell, Problem};
use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::{Flag, Period};
use std::collections::{BTreeMap, HashMap};

/// One (area, period) as a parser found it, before any mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct RawCell {
    /// The CSV line, or the JSON-stat position of the cell's first measure.
    pub row: usize,
    pub geo: String,
    pub time: String,
    /// The time category's label, tried when the code is not a period.
    pub time_label: Option<String>,
    pub num: Option<Reading>,
    pub den: Option<Reading>,
    pub value: Option<Reading>,
}

/// What a parser hands on: the cells, and the rows it could not make cells of.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub cells: Vec<RawCell>,
    pub problems: Vec<(usize, String)>,
}

/// A cell's numbers once its readings agree, or its flag.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Settled {
    flag: Flag,
    num: Option<f64>,
    den: Option<f64>,
    value: Option<f64>,
}

impl Settled {
    fn flagged(flag: Flag) -> Settled {
        Settled {
            flag,
            num: None,
            den: None,
            value: None,
        }
    }

    /// A missing cell has nothing to lose when it cannot be placed.
    fn has_content(&self) -> bool {
        self.flag != Flag::Missing
    }
}

struct Part {
    row: usize,
    source: AreaCode,
    in_use: bool,
    cell: Settled,
}

struct Reporter<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Reporter<'_> {
    fn add(&mut self, row: usize, message: String) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            row,
            message,
        });
    }
}

pub fn assemble(
    file: &str,
    parsed: Parsed,
    opts: &ImportOptions,
    codes: &CodeMap,
    known: &dyn Fn(&AreaCode) -> bool,
) -> ImportReport {
    let mut rep = Reporter {
        file,
        problems: Vec::new(),
    };
    for (row, message) in parsed.problems {
        rep.add(row, message);
    }
    let mut seen: HashMap<(AreaCode, Period), usize> = HashMap::new();
    let mut parts: BTreeMap<(AreaCode, Period), Vec<Part>> = BTreeMap::new();
    for cell in parsed.cells {
        let row = cell.row;
        let period =
            parse_period(&cell.time).or_else(|| cell.time_label.as_deref().and_then(parse_period));
        let Some(period) = period else {
            rep.add(row, format!("«{}» is not a period", cell.time));
            continue;
        };
        let settled = match settle(&cell, opts, period) {
            Ok(s) => s,
            Err(m) => {
                rep.add(
                    row,
                    format!("{} {}: {m}; cell dropped", cell.geo.trim(), display(period)),
                );
                continue;
            }
        };
        let source = match normalise_code(&cell.geo) {
            Ok(c) => c,
            Err(e) => {
                if settled.has_content() {
                    rep.add(row, format!("«{}» is not an area code ({e})", cell.geo));
                }
                continue;
            }
        };
        let at = format!("{source} {}", display(period));
        if let Some(first) = seen.get(&(source.clone(), period)) {
            rep.add(
                row,
                format!("{at} appears again (first at {first}); the first is kept"),
            );
            continue;
        }
        seen.insert((source.clone(), period), row);
        let (target, in_use) = match codes.resolve(&source, period) {
            Resolution::Mapped { to, in_use } => (to, in_use),
            Resolution::Unmapped => (source.clone(), true),
            Resolution::Split { year, parts } => {
                if settled.has_content() {
                    let shares: Vec<String> = parts
                        .iter()
                        .map(|(c, w)| format!("{c} {:.0} %", w * 100.0))
                        .collect();
                    rep.add(
                        row,
                        format!(
                            "{at}: the area was split after {year} ({}); its counts cannot be \
                             divided without inventing numbers, so the cell is dropped",
                            shares.join(", ")
                        ),
                    );
                }
                continue;
            }
            Resolution::Retired { name, from, until } => {
                if settled.has_content() {
                    rep.add(
                        row,
                        format!(
                            "{at}: bydel {name} ({from}–{until}) has no successor on 2024 \
                             borders; cell dropped"
                        ),
                    );
                }
                continue;
            }
        };
        if !known(&target) {
            if settled.has_content() {
                let what = if target == source {
                    format!("unknown area code {source}")
                } else {
                    format!("{source} maps to {target}, which is not in the registry")
                };
                rep.add(row, format!("{at}: {what}; cell dropped"));
            }
            continue;
        }
        parts.entry((target, period)).or_default().push(Part {
            row,
            source,
            in_use,
            cell: settled,
        });
    }

    let mut cells = Vec::with_capacity(parts.len());
    for ((area, period), parts) in parts {
        let (row, s) = merge(&mut rep, &area, period, parts);
        if s.flag == Flag::Ok && s.num.is_none() {
            rep.add(
                row,
                format!(
                    "{area} {}: no numerator (only a rate or a denominator), so no counts; \
                     the cell will be missing",
                    display(period)
                ),
            );
        }
        cells.push(ImportedCell {
            area,
            period,
            num: s.num,
            den: s.den,
            value: s.value,
            flag: s.flag,
        });
    }
    ImportReport {
        cells,
        problems: rep.problems,
    }
}

/// How bad a flag is when measures or merged areas disagree: suppression wins, so that no
/// suppressed number leaks through a sum.
fn severity(f: Flag) -> u8 {
    match f {
        Flag::Ok => 0,
        Flag::Missing => 1,
        Flag::NotComputable => 2,
        Flag::Suppressed => 3,
    }
}

fn settle(cell: &RawCell, opts: &ImportOptions, period: Period) -> Result<Settled, String> {
    let readings = [&cell.num, &cell.den, &cell.value];
    let mut flag = None;
    for r in readings.iter().copied().flatten() {
        match r {
            Reading::Invalid(m) => return Err(m.clone()),
            Reading::Flag(f) if flag.is_none_or(|g| severity(*f) > severity(g)) => flag = Some(*f),
            _ => {}
        }
    }
    if readings.iter().all(|r| r.is_none()) {
        return Ok(Settled::flagged(Flag::Missing));
    }
    if let Some(f) = flag {
        return Ok(Settled::flagged(f));
    }
    let number = |r: &Option<Reading>| match r {
        Some(Reading::Number(v)) => Some(*v),
        _ => None,
    };
    let (num, den) = (number(&cell.num), number(&cell.den));
    for (name, v) in [("numerator", num), ("denominator", den)] {
        match v {
            Some(v) if v < 0.0 => return Err(format!("negative {name} {v}")),
            Some(v) if v.round() > u32::MAX as f64 => {
                return Err(format!("{name} {v} is too large for a count"))
            }
            Some(v) => checks::whole_count(name, v, period)?,
            None => {}
        }
    }
    if let (true, Some(n), Some(d)) = (opts.shares, num, den) {
        if n > d {
            return Err(format!("numerator {n} is larger than denominator {d}"));
        }
    }
    let value = number(&cell.value);
    checks::against_unit(num, den, value, opts.unit, opts.standardised)?;
    Ok(Settled {
        flag: Flag::Ok,
        num,
        den,
        value,
    })
}

/// The one cell for a 2024 area and period, from every published cell that lands there.
///
/// Codes in use during the period are what the publisher counted then; a code not in use then
/// (4601 in 2019, 1201 in 2023) usually holds `..`, and is only used when nothing else is there.
fn merge(
    rep: &mut Reporter,
    area: &AreaCode,
    period: Period,
    parts: Vec<Part>,
) -> (usize, Settled) {
    let at = format!("{area} {}", display(period));
    let (live, mut stale): (Vec<Part>, Vec<Part>) = parts.into_iter().partition(|p| p.in_use);
    let chosen = if !live.is_empty() {
        for p in stale.iter().filter(|p| p.cell.has_content()) {
            rep.add(
                p.row,
                format!(
                    "{} was not in use in {}; its value is not added to {at}, which has values \
                     from the codes in use then",
                    p.source,
                    display(period)
                ),
            );
        }
        live
    } else {
        if stale.iter().any(|p| p.cell.has_content()) {
            stale.retain(|p| p.cell.has_content());
        }
        match stale.iter().position(|p| &p.source == area) {
            Some(own) if stale.len() > 1 => {
                let own = stale.swap_remove(own);
                let others: Vec<String> = stale.iter().map(|p| p.source.to_string()).collect();
                rep.add(
                    own.row,
                    format!(
                        "{at} has a value of its own; the values of {} are not added to it",
                        others.join(", ")
                    ),
                );
                vec![own]
            }
            _ => stale,
        }
    };
    let row = chosen.iter().map(|p| p.row).min().unwrap_or(0);
    if let [only] = chosen.as_slice() {
        return (row, only.cell);
    }
    let worst = chosen
        .iter()
        .map(|p| p.cell.flag)
        .max_by_key(|f| severity(*f))
        .unwrap_or(Flag::Missing);
    if worst != Flag::Ok {
        let flagged: Vec<String> = chosen
            .iter()
            .filter(|p| p.cell.flag != Flag::Ok)
            .map(|p| p.source.to_string())
            .collect();
        if flagged.len() < chosen.len() {
            rep.add(
                row,
                format!(
                    "{at} is a sum of several codes, and {} has no value ({worst:?}), so the sum \
                     has none either",
                    flagged.join(", ")
                ),
            );
        }
        return (row, Settled::flagged(worst));
    }
    let sum = |get: fn(&Settled) -> Option<f64>| -> Option<f64> {
        chosen.iter().map(|p| get(&p.cell)).sum::<Option<f64>>()
    };
    (
        row,
        Settled {
            flag: Flag::Ok,
            num: sum(|s| s.num),
            den: sum(|s| s.den),
            // A rate of a sum is not the sum of the rates.
            value: None,
        },
    )
}
