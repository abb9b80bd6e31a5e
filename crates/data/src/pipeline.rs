//! Reads every input of a build: SSB's sources, the authored catalogue and texts, the model
//! and any imported real tables, and applies suppression before anything leaves the pipeline.
//!
//! Order per indicator: real population cells, or imported real cells (`data/real/ID.csv`), or
//! the demo model; then FHI's suppression rules on the true counts. Only suppressed cells go
//! on to the bundles, so a true value of a suppressed cell is never written.

use crate::build::Inputs;
use crate::catalogue;
use crate::import::{read_normalised, Normalised};
use crate::model::breakdown as breakdown_model;
use crate::model::{self, ModelParams, Population};
use crate::{apportion, geography, real, sources};
use oppvekst_core::area::AreaCode;
use oppvekst_core::breakdown::{self, Breakdown, Dimension};
use oppvekst_core::indicator::{Cell, Indicator, Provenance};
use oppvekst_core::population::{AgeProfile, PopulationSeries, PopulationYear};
use oppvekst_core::suppress::{self, Rules};
use std::collections::BTreeMap;
use std::path::Path;

/// Where the pipeline reads from.
pub struct Paths<'a> {
    /// `../shared/data/sources`: SSB's and Kartverket's files.
    pub sources: &'a Path,
    /// `data/`: the authored catalogue, texts, model parameters and imported real tables.
    pub authored: &'a Path,
}

/// SSB's population, as the demo model reads its denominators.
struct Ssb<'a> {
    groups: &'a BTreeMap<AreaCode, PopulationSeries>,
    ages: &'a BTreeMap<AreaCode, AgeProfile>,
}

impl Population for Ssb<'_> {
    fn year(&self, code: &AreaCode, year: u16) -> Option<PopulationYear> {
        self.groups.get(code)?.get(year).copied()
    }

    fn ages(&self, code: &AreaCode, year: u16, from: u8, to: u8) -> Option<u32> {
        let p = self.ages.get(code)?;
        let row = p.years.get(year.checked_sub(p.first_year)? as usize)?;
        row.get(from as usize..=to as usize).map(|a| a.iter().sum())
    }
}

/// The real cells imported for an indicator, if `data/real/ID.csv` exists.
fn imported(authored: &Path, ind: &Indicator) -> Result<Option<Normalised>, String> {
    let path = authored.join("real").join(format!("{}.csv", ind.id));
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let n = read_normalised(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if n.periods != ind.periods {
        return Err(format!(
            "{}: its periods differ from the catalogue's for {}",
            path.display(),
            ind.id
        ));
    }
    Ok(Some(n))
}

pub fn gather(paths: &Paths) -> Result<Inputs, String> {
    let registry = sources::read_registry(paths.sources).map_err(|e| e.to_string())?;
    let mut population = sources::read_population(paths.sources).map_err(|e| e.to_string())?;
    let mut ages = sources::read_ages(paths.sources).map_err(|e| e.to_string())?;
    // Before anything reads them: a divided kommune's even split becomes its own history.
    let handled = apportion::load(&paths.authored.join("population.toml"))?;
    apportion::apply(&handled, &mut population, &mut ages)?;
    let apportioned = handled.apportion;
    let old_codes = sources::read_old_codes(paths.sources, &registry).map_err(|e| e.to_string())?;
    let mut catalogue = catalogue::load_catalogue(&paths.authored.join("catalogue.toml"))
        .map_err(|e| format!("data/catalogue.toml: {e}"))?;
    let themes = catalogue::load_themes(&paths.authored.join("themes.toml"))
        .map_err(|e| format!("data/themes.toml: {e}"))?;
    let mut params = ModelParams::load(&paths.authored.join("model.toml"))
        .map_err(|e| format!("data/model.toml: {e}"))?;
    follow_published(&mut params, &catalogue, paths.sources)?;
    let covariates = geography::read(paths.sources, &registry, &population)?;
    let ssb = Ssb {
        groups: &population,
        ages: &ages,
    };
    let mut cells = BTreeMap::new();
    // The true latest cells of the modelled indicators, which the breakdowns split.
    let mut truths: BTreeMap<String, BTreeMap<AreaCode, Cell>> = BTreeMap::new();
    for ind in &mut catalogue {
        let (mut c, rules) = if let Some(c) = real::population_cells(ind, &population) {
            // Population counts are published by SSB as they are: nothing to hide.
            (c, None)
        } else if let Some(n) = imported(paths.authored, ind)? {
            ind.provenance = Provenance::Real;
            ind.origin = n.origin;
            (n.cells, Some(params.rules(&ind.id)))
        } else {
            if ind.provenance != Provenance::Modelled {
                return Err(format!("{} is marked real but has no real data", ind.id));
            }
            let c = model::model_indicator(ind, &params, &registry, &ssb, &covariates, params.seed)
                .map_err(|e| format!("model {}: {e}", ind.id))?;
            (c, Some(params.rules(&ind.id)))
        };
        if ind.provenance == Provenance::Modelled {
            truths.insert(ind.id.clone(), latest_cells(&c));
        }
        if let Some(rules) = rules {
            suppress_checked(&registry, ind, &mut c, &rules)?;
        }
        cells.insert(ind.id.clone(), c);
    }
    let dimensions = catalogue::load_dimensions(&paths.authored.join("dimensions.toml"))?;
    let scopes = catalogue::load_scopes(&paths.authored.join("dimensions.toml"))?;
    for id in scopes.values().flatten() {
        if !catalogue.iter().any(|i| &i.id == id) {
            return Err(format!(
                "data/dimensions.toml: not_for names {id}, which is not in the catalogue"
            ));
        }
    }
    check_ratios(&params, &catalogue, &dimensions, &scopes)
        .map_err(|e| format!("data/model.toml: {e}"))?;
    catalogue::check_direction(&themes, &catalogue, &scopes)
        .map_err(|e| format!("data/themes.toml: {e}"))?;
    let breakdowns = model_breakdowns(
        &registry,
        &catalogue,
        &dimensions,
        &scopes,
        &truths,
        &cells,
        &params,
    );
    Ok(Inputs {
        apportioned,
        dimensions,
        breakdowns,
        registry,
        population,
        ages,
        catalogue,
        cells,
        themes,
        old_codes,
        geometry: crate::geometry::read_geometry(paths.sources)?,
    })
}

/// The last cell of every area's series.
fn latest_cells(cells: &BTreeMap<AreaCode, Vec<Cell>>) -> BTreeMap<AreaCode, Cell> {
    cells
        .iter()
        .filter_map(|(code, series)| Some((code.clone(), *series.last()?)))
        .collect()
}

/// A breakdown ratio in `model.toml` must name a dimension that splits its indicator, by the
/// same rule the breakdowns follow ([`breakdown_model::applies`]); one that would never be used
/// is a mistake in the file, not a silent no-op.
fn check_ratios(
    params: &ModelParams,
    catalogue: &[Indicator],
    dimensions: &[Dimension],
    scopes: &catalogue::Scopes,
) -> Result<(), String> {
    for (id, m) in &params.indicator {
        let Some(ind) = catalogue.iter().find(|i| &i.id == id) else {
            continue;
        };
        for d in m.ratios.keys() {
            let not_for = scopes.get(d).map(Vec::as_slice).unwrap_or_default();
            if !dimensions.iter().any(|x| &x.id == d) {
                return Err(format!(
                    "{id}: ratios names {d}, which is not in data/dimensions.toml"
                ));
            }
            if !breakdown_model::applies(ind, not_for) {
                return Err(format!("{id}: ratios names {d}, which does not split {id}"));
            }
        }
    }
    Ok(())
}

/// The modelled breakdowns of every modelled share and rate, by every dimension that applies,
/// suppressed against the published totals (see `oppvekst_core::breakdown::suppress`).
fn model_breakdowns(
    reg: &oppvekst_core::Registry,
    catalogue: &[Indicator],
    dimensions: &[Dimension],
    scopes: &catalogue::Scopes,
    truths: &BTreeMap<String, BTreeMap<AreaCode, Cell>>,
    published: &BTreeMap<String, BTreeMap<AreaCode, Vec<Cell>>>,
    params: &ModelParams,
) -> BTreeMap<AreaCode, Vec<Breakdown>> {
    let immigrant = truths.get(breakdown_model::IMMIGRANT_SHARE);
    let mut out: BTreeMap<AreaCode, Vec<Breakdown>> = BTreeMap::new();
    for (i, ind) in catalogue.iter().enumerate() {
        let (Some(truth), Some(shown)) = (truths.get(&ind.id), published.get(&ind.id)) else {
            continue;
        };
        let totals = latest_cells(shown);
        for (d, dim) in dimensions.iter().enumerate() {
            let not_for = scopes.get(&dim.id).map(Vec::as_slice).unwrap_or_default();
            if !breakdown_model::applies(ind, not_for) {
                continue;
            }
            let share = |c: &AreaCode| {
                breakdown_model::shares(dim, immigrant.and_then(|m| m.get(c).copied()))
            };
            let ratio = params
                .get(&ind.id)
                .and_then(|m| m.ratios.get(&dim.id))
                .map(|r| r.ratio);
            let mut split =
                breakdown_model::model_breakdown(reg, ind, dim, truth, &share, ratio, params.seed);
            breakdown::suppress(reg, ind.unit, &totals, &mut split, &params.rules(&ind.id));
            for (code, cells) in split {
                out.entry(code).or_default().push(Breakdown {
                    dimension: d as u8,
                    indicator: i as u16,
                    cells,
                });
            }
        }
    }
    out
}

/// Applies FHI's suppression and proves it with the audit: a build that would let a suppressed
/// cell be recomputed fails.
fn suppress_checked(
    reg: &oppvekst_core::Registry,
    ind: &Indicator,
    cells: &mut BTreeMap<AreaCode, Vec<Cell>>,
    rules: &Rules,
) -> Result<(), String> {
    let before = cells.clone();
    suppress::apply(reg, ind.unit, cells, rules);
    let leaks = suppress::audit(reg, ind.unit, &before, cells);
    if leaks.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: suppression leaks {:?}",
            ind.id,
            &leaks[..leaks.len().min(5)]
        ))
    }
}

/// Reads every input and writes `DATA/bundles/`; says what it wrote.
pub fn build_and_write(sources: &Path, data: &Path) -> Result<String, String> {
    let inputs = gather(&Paths {
        sources,
        authored: data,
    })?;
    let out = crate::build::build(&inputs)?;
    let bundles = data.join("bundles");
    out.write(&bundles)
        .map_err(|e| format!("{}: {e}", bundles.display()))?;
    let bytes: usize = out.files.values().map(Vec::len).sum();
    Ok(format!(
        "wrote {} files, {bytes} bytes, to {}",
        out.files.len(),
        bundles.display()
    ))
}

/// Sets each modelled indicator's national levels to the published ones, where the reference
/// file has them (`model::published`); a related series under another name is not used.
fn follow_published(
    params: &mut ModelParams,
    catalogue: &[Indicator],
    sources: &Path,
) -> Result<(), String> {
    let path = sources.join(model::published::FILE);
    if !path.exists() {
        return Ok(());
    }
    let published = model::published::read(&path)?;
    for ind in catalogue {
        let (Some(list), Some(m)) = (published.get(&ind.id), params.indicator.get_mut(&ind.id))
        else {
            continue;
        };
        m.published = model::published::yearly(list, ind.unit.scale()).ok_or_else(|| {
            format!(
                "{}: the published values of {} are not one run of periods",
                path.display(),
                ind.id
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_ratio_must_name_a_split_its_indicator_has() {
        let authored = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let params = ModelParams::load(&authored.join("model.toml")).unwrap();
        let cat = catalogue::load_catalogue(&authored.join("catalogue.toml")).unwrap();
        let dims = catalogue::load_dimensions(&authored.join("dimensions.toml")).unwrap();
        let scopes = catalogue::load_scopes(&authored.join("dimensions.toml")).unwrap();
        assert_eq!(check_ratios(&params, &cat, &dims, &scopes), Ok(()));
        let with = |dim: &str| {
            let mut p = params.clone();
            let m = p.indicator.get_mut("lavinntekt_vedvarende").unwrap();
            m.ratios.insert(
                dim.into(),
                model::Ratio {
                    ratio: 2.0,
                    why: "test".into(),
                },
            );
            check_ratios(&p, &cat, &dims, &scopes)
        };
        // Low income is a household's: data/dimensions.toml does not split it by sex.
        assert!(with("kjonn").unwrap_err().contains("does not split"));
        assert!(with("alder")
            .unwrap_err()
            .contains("not in data/dimensions.toml"));
    }
}
