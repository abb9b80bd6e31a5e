//! Assembles the bundles: one context file, the kommuner's cells, one file per area and the
//! manifest, all with content-hashed names, written deterministically so that the same sources
//! give the same bytes.

use oppvekst_core::area::{AreaCode, Level, Registry};
use oppvekst_core::barometer;
use oppvekst_core::breakdown::{Breakdown, Dimension};
use oppvekst_core::codec::{
    self, AreaBundle, CellsBundle, ContextBundle, Manifest, Series, SeriesSet,
};
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_core::indicator::{Cell, Indicator};
use oppvekst_core::lang::Text;
use oppvekst_core::population::{AgeProfile, PopulationSeries};
use oppvekst_core::search::OldCode;
use oppvekst_core::theme::Themes;
use oppvekst_core::Lang;
use std::collections::BTreeMap;
use std::path::Path;

/// Every input of a build, already read and checked.
pub struct Inputs {
    pub registry: Registry,
    /// Divided kommuner whose earlier population is apportioned (an estimate).
    pub apportioned: Vec<oppvekst_core::population::Apportioned>,
    /// The breakdown dimensions, and each area's latest values split by them (suppressed).
    pub dimensions: Vec<Dimension>,
    pub breakdowns: BTreeMap<AreaCode, Vec<Breakdown>>,
    pub population: BTreeMap<AreaCode, PopulationSeries>,
    pub ages: BTreeMap<AreaCode, AgeProfile>,
    pub catalogue: Vec<Indicator>,
    /// Cells per indicator id, per area, lined up with the indicator's periods, suppressed.
    pub cells: BTreeMap<String, BTreeMap<AreaCode, Vec<Cell>>>,
    pub themes: Themes,
    pub old_codes: Vec<OldCode>,
    /// The maps, loaded lazily by the app.
    pub geometry: GeometryBundle,
}

/// The files of one build: relative path → bytes.
pub struct Output {
    pub files: BTreeMap<String, Vec<u8>>,
}

fn series_of(inputs: &Inputs, code: &AreaCode, latest_only: bool) -> SeriesSet {
    inputs
        .catalogue
        .iter()
        .enumerate()
        .filter_map(|(i, ind)| {
            let cells = inputs.cells.get(&ind.id)?.get(code)?;
            let cells = if latest_only {
                cells.last().copied().into_iter().collect()
            } else {
                cells.clone()
            };
            Some(Series {
                indicator: u16::try_from(i).expect("a catalogue of fewer than 65 536 indicators"),
                cells,
            })
        })
        .collect()
}

fn hashed(dir: &str, stem: &str, bytes: &[u8]) -> String {
    format!("{dir}{stem}-{}.bin", codec::content_hash(bytes))
}

/// Builds every bundle in memory. Fails if an area of the registry has no population.
pub fn build(inputs: &Inputs) -> Result<Output, String> {
    let reg = &inputs.registry;
    let empty_ages = AgeProfile::default();
    let mut files = BTreeMap::new();
    let context = whole_context(inputs);
    let mut areas = BTreeMap::new();
    for area in reg.areas() {
        let code = &area.code;
        let population = inputs
            .population
            .get(code)
            .ok_or_else(|| format!("no population for {code} {}", area.name))?;
        let bundle = AreaBundle {
            code: code.clone(),
            population: population.clone(),
            ages: inputs.ages.get(code).unwrap_or(&empty_ages).clone(),
            series: series_of(inputs, code, false),
            breakdowns: inputs.breakdowns.get(code).cloned().unwrap_or_default(),
            ranks: barometer::ranks(&context, code),
        };
        let bytes = codec::encode(&bundle);
        let name = hashed("area/", code.as_str(), &bytes);
        areas.insert(code.clone(), name.clone());
        files.insert(name, bytes);
    }
    // Check what we wrote with the app's own decoder: a bundle that the app would reject
    // must never be written.
    // A context file per language: a reader loads only the texts they read.
    let [nb, nn, en] = Lang::ALL.map(|lang| (lang, codec::encode(&context.in_lang(lang))));
    let cells_bytes = codec::encode(&CellsBundle {
        comparators: context.comparators.clone(),
        kommuner: context.kommuner.clone(),
    });
    let mut decoded = Vec::new();
    for (lang, bytes) in [&nb, &nn, &en] {
        decoded.push(
            codec::decode::<ContextBundle>(bytes)
                .map_err(|e| format!("context ({}): {e}", lang.code()))?,
        );
    }
    // The languages' contexts differ in their texts alone: any checks the cells and the
    // areas against the numbers.
    let decoded = &decoded[0];
    codec::decode::<CellsBundle>(&cells_bytes)
        .and_then(|k| decoded.with_cells(k))
        .map_err(|e| format!("cells: {e}"))?;
    for name in areas.values() {
        let area: AreaBundle = codec::decode(&files[name]).map_err(|e| format!("{name}: {e}"))?;
        decoded
            .check_area(&area)
            .map_err(|e| format!("{name}: {e}"))?;
    }
    let [nb, nn, en] = [nb, nn, en].map(|(lang, bytes)| {
        let name = hashed("", &format!("context-{}", lang.code()), &bytes);
        files.insert(name.clone(), bytes);
        name
    });
    let cells_name = hashed("", "cells", &cells_bytes);
    files.insert(cells_name.clone(), cells_bytes);
    let geometry_bytes = codec::encode(&inputs.geometry);
    codec::decode::<GeometryBundle>(&geometry_bytes).map_err(|e| format!("geometry: {e}"))?;
    let geometry_name = hashed("", "geometry", &geometry_bytes);
    files.insert(geometry_name.clone(), geometry_bytes);
    let manifest = Manifest {
        format_version: codec::FORMAT_VERSION,
        context: Text { nb, nn, en },
        cells: cells_name,
        areas,
        geometry: BTreeMap::from([("maps".to_string(), geometry_name)]),
    };
    files.insert("manifest.json".to_string(), manifest.to_json().into_bytes());
    Ok(Output { files })
}

/// The context with the comparators' and the kommuner's cells, and the spreads taken from
/// them: the context file and the cells' file (`CellsBundle`) are its two halves, and the
/// kommuner's ranks come from it.
fn whole_context(inputs: &Inputs) -> ContextBundle {
    let reg = &inputs.registry;
    let comparator_codes = reg
        .areas()
        .iter()
        .filter(|a| matches!(a.level(), Level::Landet | Level::Fylke));
    let mut context = ContextBundle {
        registry: reg.clone(),
        catalogue: inputs.catalogue.clone(),
        comparators: comparator_codes
            .map(|a| (a.code.clone(), series_of(inputs, &a.code, false)))
            .collect(),
        kommuner: reg
            .at_level(Level::Kommune)
            .map(|a| (a.code.clone(), series_of(inputs, &a.code, true)))
            .collect(),
        spreads: Vec::new(),
        themes: inputs.themes.clone(),
        old_codes: inputs.old_codes.clone(),
        dimensions: inputs.dimensions.clone(),
        apportioned: inputs.apportioned.clone(),
    };
    context.spreads = barometer::spreads(&context);
    context
}

impl Output {
    /// Writes the files under `dir`, removing bundles of earlier builds so that `dir` holds
    /// exactly this build.
    /// Writes every file into a fresh folder beside `dir` and then swaps the two, so that a
    /// failure on the way (a full disk) leaves the old bundles whole instead of half of each.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("bundles");
        let sibling =
            |tag: &str| dir.with_file_name(format!(".{name}.{tag}-{}", std::process::id()));
        let (fresh, old) = (sibling("new"), sibling("old"));
        for d in [&fresh, &old] {
            if d.exists() {
                std::fs::remove_dir_all(d)?;
            }
        }
        std::fs::create_dir_all(&fresh)?;
        let written = self.files.iter().try_for_each(|(name, bytes)| {
            let path = fresh.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)
        });
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&fresh);
            return Err(e);
        }
        if dir.exists() {
            std::fs::rename(dir, &old)?;
        }
        std::fs::rename(&fresh, dir)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Compares with what is in `dir`: the names of files that differ, are missing or extra.
    pub fn diff(&self, dir: &Path) -> Vec<String> {
        let mut on_disk = BTreeMap::new();
        collect(dir, dir, &mut on_disk);
        let mut out = Vec::new();
        for (name, bytes) in &self.files {
            match on_disk.remove(name) {
                None => out.push(format!("missing: {name}")),
                Some(b) if &b != bytes => out.push(format!("differs: {name}")),
                Some(_) => {}
            }
        }
        out.extend(on_disk.into_keys().map(|n| format!("extra: {n}")));
        out
    }
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out);
        } else if let (Ok(rel), Ok(bytes)) = (p.strip_prefix(root), std::fs::read(&p)) {
            out.insert(rel.to_string_lossy().replace('\\', "/"), bytes);
        }
    }
}
