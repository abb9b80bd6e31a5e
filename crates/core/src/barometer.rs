//! The oppvekstbarometer as data: one row per indicator with the area's latest value, the
//! values it is set against (kommune for a bydel, fylke, landet), the comparison with landet,
//! the spread over all kommuner, the ranks and the trend. The UI only draws what this holds.

use crate::area::{AreaCode, Level};
use crate::codec::{AreaBundle, ContextBundle, SeriesSet};
use crate::indicator::{Cell, Group, Indicator, Period, Provenance};
use crate::stats::cells::comparator;
use crate::stats::ci::{cell_ci, Confidence, Interval};
use crate::stats::compare::{compare, Comparison};
use crate::stats::rank::{kommune_rank, AreaRank};
use crate::stats::spread::{kommune_spread, Spread};
use crate::stats::trend::{trend, Trend, DEFAULT_PERIODS};

/// One value with what the UI needs to show and explain it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    pub cell: Cell,
    /// `None` for a flagged cell: the UI shows the flag's reason, never a number.
    pub value: Option<f64>,
    pub ci: Option<Interval>,
}

impl Value {
    /// A cell as shown: its value and interval in the indicator's unit.
    pub fn of(ind: &Indicator, cell: Cell, conf: Confidence) -> Value {
        Value {
            cell,
            value: cell.value(ind.unit),
            ci: cell_ci(ind, &cell, conf),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub indicator: &'a Indicator,
    /// The indicator's place in the catalogue (and, by the pipeline's order, in the series).
    pub index: usize,
    /// Index of the period shown in `indicator.periods` (the latest).
    pub period_index: usize,
    pub period: Period,
    pub area: Option<Value>,
    /// The kommune of a bydel.
    pub kommune: Option<Value>,
    /// The fylke of a kommune or bydel.
    pub fylke: Option<Value>,
    pub landet: Option<Value>,
    /// `None` on landet's own page.
    pub vs_landet: Option<Comparison>,
    /// A bydel against its kommune.
    pub vs_kommune: Option<Comparison>,
    pub spread: Option<Spread>,
    pub rank: Option<AreaRank>,
    pub trend: Trend,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Barometer<'a> {
    pub groups: Vec<(Group, Vec<Row<'a>>)>,
}

/// Whether the area's profile shows any modelled value: a modelled indicator with at least one
/// cell that carries a value. The UI must then say «demodata».
pub fn shows_modelled(ctx: &ContextBundle, area: &AreaBundle) -> bool {
    area.series.iter().any(|s| {
        ctx.catalogue
            .get(usize::from(s.indicator))
            .is_some_and(|i| i.provenance == Provenance::Modelled)
            && s.cells.iter().any(Cell::is_ok)
    })
}

impl Barometer<'_> {
    pub fn rows(&self) -> impl Iterator<Item = &Row<'_>> {
        self.groups.iter().flat_map(|(_, rows)| rows.iter())
    }
}

/// The cells of indicator `i` in `series`, if they reach the latest period.
fn latest(series: Option<&SeriesSet>, ind: &Indicator, i: usize) -> Option<Cell> {
    let cells = series?.get(i)?;
    // Comparators and areas hold every period; the last cell is the latest.
    (cells.len() == ind.periods.len()).then(|| cells.last().copied())?
}

/// The latest value of indicator `i` in `series`, as shown.
fn latest_value(
    series: Option<&SeriesSet>,
    ind: &Indicator,
    i: usize,
    conf: Confidence,
) -> Option<Value> {
    latest(series, ind, i).map(|c| Value::of(ind, c, conf))
}

/// The barometer row of catalogue entry `i` for `area`; `kommune` is the kommune bundle of a
/// bydel. `None` for an indicator without periods.
pub fn row<'a>(
    ctx: &'a ContextBundle,
    area: &AreaBundle,
    kommune: Option<&AreaBundle>,
    i: usize,
    conf: Confidence,
) -> Option<Row<'a>> {
    let ind = ctx.catalogue.get(i)?;
    let period_index = ind.periods.len().checked_sub(1)?;
    let level = area.code.level();
    let fylke_code = area.code.fylke_above();
    let fylke_series = fylke_code.as_ref().and_then(|c| comparator(ctx, c));
    let landet_series = comparator(ctx, &AreaCode::landet());
    let kommune_series = kommune.filter(|_| level == Level::Bydel).map(|k| &k.series);
    let value = |s: Option<&SeriesSet>| latest_value(s, ind, i, conf);
    let area_value = value(Some(&area.series));
    let landet = value(landet_series);
    let kommune = value(kommune_series);
    let versus = |reference: &Option<Value>| versus(ind, &area_value, reference, conf);
    let area_cells = area.series.get(i).unwrap_or(&[]);
    Some(Row {
        indicator: ind,
        index: i,
        period_index,
        period: ind.periods[period_index],
        vs_landet: (level != Level::Landet).then(|| versus(&landet)),
        vs_kommune: kommune_series.map(|_| versus(&kommune)),
        area: area_value,
        kommune,
        fylke: value(fylke_series),
        landet,
        spread: ctx.spreads.get(i).copied().flatten(),
        rank: (level == Level::Kommune)
            .then(|| area.ranks.get(i).copied())
            .flatten(),
        trend: trend(ind, area_cells, DEFAULT_PERIODS),
    })
}

/// The spread over all kommuner of each catalogue entry's latest period, in catalogue order:
/// what the build puts in the context (`ContextBundle::spreads`) from a context that holds
/// the kommuner's cells, so that a profile shows it without them.
pub fn spreads(ctx: &ContextBundle) -> Vec<Option<Spread>> {
    ctx.catalogue
        .iter()
        .map(|ind| kommune_spread(ctx, &ind.id, ind.periods.len().checked_sub(1)?))
        .collect()
}

/// A kommune's ranks for each catalogue entry's latest period, in catalogue order: what the
/// build puts in its bundle (`AreaBundle::ranks`) from a context that holds the kommuner's
/// cells. Empty for an area that is not a kommune.
pub fn ranks(ctx: &ContextBundle, code: &AreaCode) -> Vec<AreaRank> {
    if code.level() != Level::Kommune {
        return Vec::new();
    }
    let none = AreaRank {
        national: None,
        fylke: None,
    };
    ctx.catalogue
        .iter()
        .map(|ind| match ind.periods.len().checked_sub(1) {
            Some(latest) => kommune_rank(ctx, &ind.id, latest, code),
            None => none,
        })
        .collect()
}

/// The catalogue entries the barometer shows (those with a period), by group in the
/// barometer's order, leaving out a group with none: the rows [`barometer`] builds, before
/// they are built. A view can draw a group's rows when it comes to them.
pub fn group_indices(ctx: &ContextBundle) -> Vec<(Group, Vec<usize>)> {
    Group::ALL
        .iter()
        .map(|&g| {
            let indices = ctx
                .catalogue
                .iter()
                .enumerate()
                .filter(|(_, ind)| ind.group == g && !ind.periods.is_empty())
                .map(|(i, _)| i)
                .collect();
            (g, indices)
        })
        .filter(|(_, indices): &(Group, Vec<usize>)| !indices.is_empty())
        .collect()
}

/// Builds the barometer of `area`; `kommune` is the kommune bundle of a bydel.
pub fn barometer<'a>(
    ctx: &'a ContextBundle,
    area: &AreaBundle,
    kommune: Option<&AreaBundle>,
    conf: Confidence,
) -> Barometer<'a> {
    let groups = group_indices(ctx)
        .into_iter()
        .map(|(g, indices)| {
            let rows = indices
                .into_iter()
                .filter_map(|i| row(ctx, area, kommune, i, conf))
                .collect();
            (g, rows)
        })
        .collect();
    Barometer { groups }
}

/// Each row's comparison with landet ([`Row::vs_landet`]), in the barometer's order, without
/// the spread over all kommuner and the ranks that a whole row computes: what the barometer's
/// filter counts before the rows are drawn. Empty on landet's own page.
pub fn landet_comparisons(
    ctx: &ContextBundle,
    area: &AreaBundle,
    conf: Confidence,
) -> Vec<Comparison> {
    if area.code.level() == Level::Landet {
        return Vec::new();
    }
    let landet_series = comparator(ctx, &AreaCode::landet());
    group_indices(ctx)
        .into_iter()
        .flat_map(|(_, indices)| indices)
        .map(|i| {
            let ind = &ctx.catalogue[i];
            let area_value = latest_value(Some(&area.series), ind, i, conf);
            versus(
                ind,
                &area_value,
                &latest_value(landet_series, ind, i, conf),
                conf,
            )
        })
        .collect()
}

/// The comparison of an area's value with a reference's (landet's, a bydel's kommune's).
fn versus(
    ind: &Indicator,
    area: &Option<Value>,
    reference: &Option<Value>,
    conf: Confidence,
) -> Comparison {
    match (area, reference) {
        (Some(a), Some(r)) => compare(ind, &a.cell, &r.cell, conf),
        _ => Comparison::NoData,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::tests::context_bundle;
    use crate::indicator::{Polarity, TestKind, Unit};
    use crate::stats::testutil::{area_with, indicator};

    fn area(cells: Vec<Cell>) -> AreaBundle {
        area_with("0301", cells)
    }

    #[test]
    fn modelled_values_are_flagged_only_when_shown() {
        let mut ctx = context_bundle();
        ctx.catalogue = vec![indicator(
            "x",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        )];
        let suppressed = vec![Cell::flagged(crate::indicator::Flag::Suppressed); 5];
        assert!(!shows_modelled(&ctx, &area(suppressed)));
        let mut shown = vec![Cell::flagged(crate::indicator::Flag::Missing); 4];
        shown.push(Cell::ok(3, 40));
        assert!(shows_modelled(&ctx, &area(shown.clone())));
        ctx.catalogue[0].provenance = Provenance::Real;
        assert!(!shows_modelled(&ctx, &area(shown.clone())));
        // Rows know their place in the catalogue.
        let b = barometer(&ctx, &area(shown), None, Confidence::P95);
        assert_eq!(b.rows().map(|r| r.index).collect::<Vec<_>>(), [0]);
    }
}
