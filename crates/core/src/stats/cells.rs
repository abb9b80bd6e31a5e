//! Finding an indicator's cells in the bundles' series: the lookups that the spread, the ranks,
//! the similar kommuner and the full pass share.

use crate::area::AreaCode;
use crate::codec::{cell_at, ContextBundle, SeriesSet};

/// The series of a comparator (landet or a fylke) in the context.
pub fn comparator<'a>(ctx: &'a ContextBundle, code: &AreaCode) -> Option<&'a SeriesSet> {
    ctx.comparators
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, s)| s)
}

/// Landet's series: the reference of every comparison.
pub fn landet(ctx: &ContextBundle) -> Option<&SeriesSet> {
    ctx.comparators
        .iter()
        .find(|(c, _)| c.as_str() == AreaCode::LANDET)
        .map(|(_, s)| s)
}

/// A kommune's series in the context.
pub fn kommune<'a>(ctx: &'a ContextBundle, code: &AreaCode) -> Option<&'a SeriesSet> {
    ctx.kommuner.iter().find(|(c, _)| c == code).map(|(_, s)| s)
}

/// The place of an indicator in the catalogue.
pub fn catalogue_index(ctx: &ContextBundle, id: &str) -> Option<usize> {
    ctx.catalogue.iter().position(|i| i.id == id)
}

/// The values of every kommune with a usable cell for catalogue entry `ind` and period index
/// `period`, as `(index in ctx.kommuner, value)`. Cells without counts are left out. The
/// context may hold only the latest periods of a kommune (its cells line up with the *last*
/// periods of the indicator), so the period index is counted from the end.
pub fn kommune_values(ctx: &ContextBundle, ind: usize, period: usize) -> Vec<(usize, f64)> {
    let Some(indicator) = ctx.catalogue.get(ind) else {
        return Vec::new();
    };
    ctx.kommuner
        .iter()
        .enumerate()
        .filter_map(|(k, (_, series))| {
            let cells = series.get(ind)?;
            let cell = cell_at(cells, period, indicator.periods.len())?;
            let v = cell.value(indicator.unit)?;
            v.is_finite().then_some((k, v))
        })
        .collect()
}
