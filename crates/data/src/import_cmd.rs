//! `oppvekst-data import`: turns a real table (FHI's json-stat2 or CSV, SSB's JSON-stat 2.0)
//! into the normalised file `data/real/ID.csv`, which the next build uses instead of the
//! demo model's values for that indicator (its provenance becomes `real`).

use crate::catalogue;
use crate::import::{import_bytes, outside, to_cells, write_normalised, CodeMap, ImportOptions};
use crate::sources;
use oppvekst_core::area::AreaCode;
use std::path::{Path, PathBuf};

/// What one import did.
pub struct Imported {
    pub written: PathBuf,
    pub cells: usize,
    /// Unknown codes, malformed cells, splits: every cell that was not used, with file and row.
    pub problems: Vec<String>,
}

pub fn run(
    sources_dir: &Path,
    data_dir: &Path,
    indicator: &str,
    file: &Path,
    opts: &ImportOptions,
) -> Result<Imported, String> {
    let cat =
        catalogue::load_catalogue(&data_dir.join("catalogue.toml")).map_err(|e| e.to_string())?;
    let ind = cat
        .iter()
        .find(|i| i.id == indicator)
        .ok_or_else(|| format!("no indicator {indicator} in data/catalogue.toml"))?;
    let reg = sources::read_registry(sources_dir).map_err(|e| e.to_string())?;
    let codes = CodeMap::from_sources_dir(sources_dir).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let name = file.display().to_string();
    let known = |c: &AreaCode| reg.get(c).is_some();
    let report =
        import_bytes(&name, &bytes, opts, &codes, &known).map_err(|e| format!("{name}: {e}"))?;
    let areas: Vec<AreaCode> = reg.areas().iter().map(|a| a.code.clone()).collect();
    let cells = to_cells(&report, &ind.periods, &areas);
    let mut problems: Vec<String> = report
        .problems
        .iter()
        .chain(outside(&name, &report, &ind.periods, &areas).iter())
        .map(|p| format!("{}:{}: {}", p.file, p.row, p.message))
        .collect();
    problems.sort();
    problems.dedup();
    let dir = data_dir.join("real");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let written = dir.join(format!("{indicator}.csv"));
    std::fs::write(&written, write_normalised(indicator, &cells, &ind.periods))
        .map_err(|e| format!("{}: {e}", written.display()))?;
    Ok(Imported {
        written,
        cells: report.cells.len(),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_normalised;
    use oppvekst_core::indicator::Flag;

    #[test]
    fn an_fhi_csv_becomes_the_indicators_real_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sources = root.join("../../../shared/data/sources");
        if !sources.exists() {
            eprintln!("skipped: {} not found", sources.display());
            return;
        }
        let data = std::env::temp_dir().join(format!("oppvekst-import-{}", std::process::id()));
        std::fs::create_dir_all(&data).unwrap();
        std::fs::copy(
            root.join("../../data/catalogue.toml"),
            data.join("catalogue.toml"),
        )
        .unwrap();
        let opts = ImportOptions::from_args(&["KJONN=0", "ALDER=0_17", "INNVKAT=0"], &[]).unwrap();
        let fixture = root.join("tests/fixtures/fhi_lavinntekt.csv");
        let out = run(&sources, &data, "lavinntekt_vedvarende", &fixture, &opts).unwrap();
        let n = read_normalised(&std::fs::read_to_string(&out.written).unwrap()).unwrap();
        assert_eq!(n.indicator_id, "lavinntekt_vedvarende");
        let last = n.periods.len() - 1;
        let oslo = &n.cells[&AreaCode::parse("0301").unwrap()][last];
        assert_eq!((oslo.num, oslo.den, oslo.flag), (24100, 141000, Flag::Ok));
        // The suppressed bydel stays suppressed, and the bad rows are reported, not dropped.
        let gamle = &n.cells[&AreaCode::parse("030101").unwrap()][last];
        assert_eq!(gamle.flag, Flag::Suppressed);
        assert!(run(&sources, &data, "no_such", &fixture, &opts).is_err());
        std::fs::remove_dir_all(&data).unwrap();
    }
}
