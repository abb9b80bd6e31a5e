//! The indicators that are real here: computed from SSB's population counts, never modelled.

use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::{Cell, Flag, Indicator};
use oppvekst_core::population::{PopulationSeries, PopulationYear};
use std::collections::BTreeMap;

/// The ids of the indicators this module computes.
pub use oppvekst_core::population::INDICATORS as POPULATION_INDICATORS;

/// How far back «endring_barn_0_17» looks.
const CHANGE_YEARS: u16 = 10;

/// Cells of one population indicator for every area, lined up with its periods; `None` if
/// the indicator is not computed from population.
pub fn population_cells(
    ind: &Indicator,
    population: &BTreeMap<AreaCode, PopulationSeries>,
) -> Option<BTreeMap<AreaCode, Vec<Cell>>> {
    let counts: fn(&PopulationSeries, u16) -> Option<(u32, u32)> = match ind.id.as_str() {
        "barn_0_17" => |p, y| p.get(y).map(|v| (v.age_0_17, v.total)),
        "barn_0_5" => |p, y| p.get(y).map(|v| (v.age_0_5, v.total)),
        "endring_barn_0_17" => |p, y| {
            let then = p.get(y.checked_sub(CHANGE_YEARS)?)?;
            let now: &PopulationYear = p.get(y)?;
            Some((now.age_0_17, then.age_0_17))
        },
        _ => return None,
    };
    let cells = population
        .iter()
        .map(|(code, series)| {
            let row = ind
                .periods
                .iter()
                .map(|p| match counts(series, p.last) {
                    Some((num, den)) if den > 0 => Cell::ok(num, den),
                    Some(_) => Cell::flagged(Flag::NotComputable),
                    None => Cell::flagged(Flag::Missing),
                })
                .collect();
            (code.clone(), row)
        })
        .collect();
    Some(cells)
}
