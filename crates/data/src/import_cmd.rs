//! `oppvekst-data import` (and the import step of `fetch`): turns real tables (FHI's json-stat2
//! or CSV, SSB's JSON-stat 2.0) into the normalised file `data/real/ID.csv`, which the next build
//! uses instead of the demo model's values for that indicator (its provenance becomes `real`).
//!
//! An import that reads too little is refused before anything is written: a file of the wrong
//! table or measure would otherwise mark the indicator real and blank in every area.

use crate::catalogue;
use crate::import::{
    import_bytes, outside, sorted_problems, to_cells, write_normalised, CodeMap, ImportOptions,
    ImportReport, Problem,
};
use crate::{real, sources};
use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::{Cell, Flag, Indicator, Origin, Period};
use oppvekst_core::Registry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An import must read at least this share of the cells it was expected to give (the
/// indicator's areas × the periods the file has), or nothing is written.
pub const MIN_READ_SHARE: f64 = 0.5;

/// What imports need once, however many tables: the catalogue, the areas and the code changes.
pub struct Context {
    pub catalogue: Vec<Indicator>,
    pub registry: Registry,
    pub codes: CodeMap,
}

impl Context {
    pub fn load(sources_dir: &Path, data_dir: &Path) -> Result<Context, String> {
        let catalogue = catalogue::load_catalogue(&data_dir.join("catalogue.toml"))
            .map_err(|e| format!("{}: {e}", data_dir.join("catalogue.toml").display()))?;
        Ok(Context {
            catalogue,
            registry: sources::read_registry(sources_dir).map_err(|e| e.to_string())?,
            codes: CodeMap::from_sources_dir(sources_dir).map_err(|e| e.to_string())?,
        })
    }

    /// The catalogue entry an import may replace: a modelled one, not one computed from SSB's
    /// population (the build would ignore the file).
    pub fn importable(&self, id: &str) -> Result<&Indicator, String> {
        let ind = self
            .catalogue
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| format!("no indicator {id} in data/catalogue.toml"))?;
        if real::POPULATION_INDICATORS.contains(&id) {
            return Err(format!(
                "{id} is computed from SSB's population figures in the sources; it cannot be \
                 imported"
            ));
        }
        Ok(ind)
    }
}

/// An import read and checked, not yet written.
#[derive(Debug)]
pub struct Staged {
    pub indicator: String,
    pub text: String,
    /// Cells usable in the indicator's areas and periods, and how many were expected.
    pub read: usize,
    pub expected: usize,
    /// Every cell that was not used, with file and row, sorted by file and row.
    pub problems: Vec<Problem>,
}

impl Staged {
    /// Writes `DATA/real/ID.csv` through a temporary file and a rename, so that a reader (or a
    /// crash) never meets half a file.
    pub fn commit(&self, data_dir: &Path) -> Result<PathBuf, String> {
        let dir = data_dir.join("real");
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(format!("{}.csv", self.indicator));
        write_atomically(&path, self.text.as_bytes())?;
        Ok(path)
    }
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{}: {e}", path.display())
        })
}

/// Reads one or more answers of the same table (a fetch splits the areas over several) into the
/// indicator's normalised file, refusing an import that reads less than [`MIN_READ_SHARE`].
pub fn stage(
    ctx: &Context,
    indicator: &str,
    answers: &[(String, Vec<u8>)],
    opts: &ImportOptions,
    origin: Option<&Origin>,
) -> Result<Staged, String> {
    let ind = ctx.importable(indicator)?;
    // The catalogue knows the unit, so the importer can tell a rate mapped as a count.
    let opts = &ImportOptions {
        unit: Some(ind.unit),
        standardised: ind.standardised,
        ..opts.clone()
    };
    let known = |c: &AreaCode| ctx.registry.get(c).is_some();
    let mut report = ImportReport::default();
    for (name, bytes) in answers {
        let r = import_bytes(name, bytes, opts, &ctx.codes, &known)
            .map_err(|e| format!("{name}: {e}"))?;
        report.cells.extend(r.cells);
        report.problems.extend(r.problems);
    }
    let areas: Vec<AreaCode> = ctx
        .registry
        .areas()
        .iter()
        .map(|a| a.code.clone())
        .collect();
    let cells = to_cells(&report, &ind.periods, &areas);
    let file_names: Vec<&str> = answers.iter().map(|(n, _)| n.as_str()).collect();
    let problems = sorted_problems(
        report
            .problems
            .iter()
            .cloned()
            .chain(outside(
                &file_names.join(", "),
                &report,
                &ind.periods,
                &areas,
            ))
            .collect(),
    );

    let (read, expected, periods) = coverage(ind, &report, &cells);
    if read == 0 || (read as f64) < MIN_READ_SHARE * expected as f64 {
        let mut why = match periods.is_empty() {
            true => format!(
                "none of the file's periods is among {indicator}'s ({})",
                ind.periods
                    .iter()
                    .map(|p| crate::import::period::display(*p))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            false => format!(
                "only {read} of {expected} expected cells could be read (at least {} % are \
                 needed)",
                (MIN_READ_SHARE * 100.0) as u32
            ),
        };
        let shown: Vec<String> = problems.iter().take(10).map(show).collect();
        if !shown.is_empty() {
            why.push_str(&format!(
                "; the first problems:\n  {}{}",
                shown.join("\n  "),
                match problems.len() > shown.len() {
                    true => format!("\n  … and {} more", problems.len() - shown.len()),
                    false => String::new(),
                }
            ));
        }
        return Err(format!("{indicator}: nothing written: {why}"));
    }
    Ok(Staged {
        indicator: indicator.to_string(),
        text: write_normalised(indicator, &cells, &ind.periods, origin),
        read,
        expected,
        problems,
    })
}

/// How many usable cells landed in the indicator's areas and periods, of how many expected:
/// every area for each catalogue period the file holds. A cell counts when it has counts the
/// unit can use, or a flag the publisher set; a cell that only had a rate does not.
fn coverage(
    ind: &Indicator,
    report: &ImportReport,
    cells: &BTreeMap<AreaCode, Vec<Cell>>,
) -> (usize, usize, Vec<Period>) {
    let in_file: BTreeSet<Period> = report.cells.iter().map(|c| c.period).collect();
    let periods: Vec<Period> = ind
        .periods
        .iter()
        .copied()
        .filter(|p| in_file.contains(p))
        .collect();
    let published: BTreeSet<(&AreaCode, Period)> = report
        .cells
        .iter()
        .filter(|c| c.flag != Flag::Ok || c.num.is_some())
        .map(|c| (&c.area, c.period))
        .collect();
    let read = cells
        .iter()
        .flat_map(|(area, row)| ind.periods.iter().zip(row).map(move |(p, c)| (area, *p, c)))
        .filter(|(area, p, c)| {
            periods.contains(p) && published.contains(&(*area, *p)) && usable(ind, c)
        })
        .count();
    (read, cells.len() * periods.len(), periods)
}

fn usable(ind: &Indicator, c: &Cell) -> bool {
    use oppvekst_core::indicator::Unit;
    match c.flag {
        Flag::Ok => ind.unit == Unit::Count || c.den > 0,
        _ => true,
    }
}

pub fn show(p: &Problem) -> String {
    format!("{}:{}: {}", p.file, p.row, p.message)
}

/// `oppvekst-data import`: one file, read, checked and written.
pub fn run(
    sources_dir: &Path,
    data_dir: &Path,
    indicator: &str,
    file: &Path,
    opts: &ImportOptions,
) -> Result<(Staged, PathBuf), String> {
    let ctx = Context::load(sources_dir, data_dir)?;
    ctx.importable(indicator)?;
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let staged = stage(
        &ctx,
        indicator,
        &[(file.display().to_string(), bytes)],
        opts,
        None,
    )?;
    let written = staged.commit(data_dir)?;
    Ok((staged, written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_normalised;

    fn sources() -> Option<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let s = root.join("../../../shared/data/sources");
        s.exists().then_some(s)
    }

    fn data_dir(tag: &str) -> PathBuf {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let data =
            std::env::temp_dir().join(format!("oppvekst-import-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&data).unwrap();
        std::fs::copy(
            root.join("../../data/catalogue.toml"),
            data.join("catalogue.toml"),
        )
        .unwrap();
        data
    }

    #[test]
    fn an_fhi_csv_becomes_the_indicators_real_file() {
        let Some(sources) = sources() else {
            eprintln!("skipped: ../shared/data/sources not found");
            return;
        };
        let data = data_dir("csv");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let opts = ImportOptions::from_args(&["KJONN=0", "ALDER=0_17", "INNVKAT=0"], &[]).unwrap();
        let fixture = root.join("tests/fixtures/fhi_lavinntekt.csv");
        // The fixture holds a handful of areas: far below half of the country, so it is refused
        // and nothing is written.
        let e = run(&sources, &data, "lavinntekt_vedvarende", &fixture, &opts).unwrap_err();
        assert!(
            e.contains("nothing written") && e.contains("expected cells"),
            "{e}"
        );
        assert!(!data.join("real/lavinntekt_vedvarende.csv").exists());

        let ctx = Context::load(&sources, &data).unwrap();
        let bytes = std::fs::read(&fixture).unwrap();
        let mut ctx_all = ctx;
        // With the registry cut to the fixture's areas it is a whole import.
        let keep: Vec<_> = ctx_all
            .registry
            .areas()
            .iter()
            .filter(|a| ["0", "03", "0301", "030101", "030102"].contains(&a.code.as_str()))
            .cloned()
            .collect();
        ctx_all.registry = Registry::new(keep).unwrap();
        let staged = stage(
            &ctx_all,
            "lavinntekt_vedvarende",
            &[("fhi_lavinntekt.csv".into(), bytes)],
            &opts,
            None,
        )
        .unwrap();
        let n = read_normalised(&staged.text).unwrap();
        assert_eq!(n.indicator_id, "lavinntekt_vedvarende");
        let last = n.periods.len() - 1;
        let oslo = &n.cells[&AreaCode::parse("0301").unwrap()][last];
        assert_eq!((oslo.num, oslo.den, oslo.flag), (24100, 141000, Flag::Ok));
        // The suppressed bydel stays suppressed, and the bad rows are reported, not dropped.
        let gamle = &n.cells[&AreaCode::parse("030101").unwrap()][last];
        assert_eq!(gamle.flag, Flag::Suppressed);
        let rows: Vec<usize> = staged.problems.iter().map(|p| p.row).collect();
        assert!(
            rows.windows(2).all(|w| w[0] <= w[1]),
            "sorted by row: {rows:?}"
        );
        std::fs::remove_dir_all(&data).unwrap();
    }

    #[test]
    fn a_population_indicator_cannot_be_imported() {
        let Some(sources) = sources() else {
            return;
        };
        let data = data_dir("pop");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let fixture = root.join("tests/fixtures/fhi_lavinntekt.csv");
        let opts = ImportOptions::default();
        for id in real::POPULATION_INDICATORS {
            let e = run(&sources, &data, id, &fixture, &opts).unwrap_err();
            assert!(e.contains("computed from SSB's population"), "{e}");
        }
        assert!(run(&sources, &data, "no_such", &fixture, &opts)
            .unwrap_err()
            .contains("no indicator no_such"));
        assert!(!data.join("real").exists());
        std::fs::remove_dir_all(&data).unwrap();
    }
}
