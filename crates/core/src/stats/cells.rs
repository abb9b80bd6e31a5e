//! Finding an indicator's cells in the bundles' series: the lookups that the spread, the ranks,
//! the similar kommuner and the full pass share.

use crate::area::AreaCode;
use crate::codec::{cell_at, ContextBundle, Series};
use crate::indicator::Cell;

/// The cells of indicator `id` among one area's series. `hint` is where the series usually is
/// (its place in the catalogue, which the data pipeline keeps), so that the common case costs
/// one comparison instead of a search.
pub fn series_cells<'a>(series: &'a [Series], id: &str, hint: usize) -> Option<&'a [Cell]> {
    match series.get(hint) {
        Some(s) if s.indicator == id => Some(&s.cells),
        _ => series
            .iter()
            .find(|s| s.indicator == id)
            .map(|s| s.cells.as_slice()),
    }
}

/// The series of a comparator (landet or a fylke) in the context.
pub fn comparator<'a>(ctx: &'a ContextBundle, code: &AreaCode) -> Option<&'a [Series]> {
    ctx.comparators
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, s)| s.as_slice())
}

/// Landet's series: the reference of every comparison.
pub fn landet(ctx: &ContextBundle) -> Option<&[Series]> {
    ctx.comparators
        .iter()
        .find(|(c, _)| c.as_str() == AreaCode::LANDET)
        .map(|(_, s)| s.as_slice())
}

/// A kommune's series in the context.
pub fn kommune<'a>(ctx: &'a ContextBundle, code: &AreaCode) -> Option<&'a [Series]> {
    ctx.kommuner
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, s)| s.as_slice())
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
            let cells = series_cells(series, &indicator.id, ind)?;
            let cell = cell_at(cells, period, indicator.periods.len())?;
            let v = cell.value(indicator.unit)?;
            v.is_finite().then_some((k, v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_series_with_or_without_the_hint() {
        let series = vec![
            Series {
                indicator: "a".into(),
                cells: vec![Cell::ok(1, 2)],
            },
            Series {
                indicator: "b".into(),
                cells: vec![Cell::ok(3, 4)],
            },
        ];
        assert_eq!(series_cells(&series, "b", 1).unwrap()[0], Cell::ok(3, 4));
        assert_eq!(series_cells(&series, "b", 0).unwrap()[0], Cell::ok(3, 4));
        assert_eq!(series_cells(&series, "a", 7).unwrap()[0], Cell::ok(1, 2));
        assert!(series_cells(&series, "c", 0).is_none());
    }
}
