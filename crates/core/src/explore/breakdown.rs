//! The breakdown view: an indicator's latest value for an area split by each dimension that
//! has it (sex, immigrant background), each category beside landet's same category, and the
//! categories compared with each other, with the same test as the barometer.

use crate::barometer::Value;
use crate::breakdown::{Breakdown, Dimension};
use crate::codec::{AreaBundle, ContextBundle};
use crate::indicator::{Cell, Indicator};
use crate::stats::ci::Confidence;
use crate::stats::compare::{compare, Comparison};

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryRow {
    pub value: Value,
    /// Landet's same category.
    pub landet: Option<Value>,
    pub vs_landet: Comparison,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionView<'a> {
    pub dimension: &'a Dimension,
    /// One row per category, in the dimension's order.
    pub rows: Vec<CategoryRow>,
    /// Each category after the first against the first (girls against boys): significantly
    /// higher, lower or not, with the indicator's polarity.
    pub vs_first: Vec<Comparison>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownView<'a> {
    pub indicator: &'a Indicator,
    pub index: usize,
    pub dimensions: Vec<DimensionView<'a>>,
}

impl BreakdownView<'_> {
    /// Whether any category shows a value (modelled values then need «demodata»).
    pub fn has_values(&self) -> bool {
        self.dimensions
            .iter()
            .flat_map(|d| &d.rows)
            .any(|r| r.value.value.is_some())
    }
}

/// The catalogue entries for which `area` has a breakdown, in catalogue order.
pub fn indicators_with_breakdowns(area: &AreaBundle) -> Vec<usize> {
    let mut out: Vec<usize> = area
        .breakdowns
        .iter()
        .map(|b| usize::from(b.indicator))
        .collect();
    crate::order::sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

fn find(bundle: Option<&AreaBundle>, dim: usize, index: usize) -> Option<&Breakdown> {
    bundle?
        .breakdowns
        .iter()
        .find(|b| usize::from(b.dimension) == dim && usize::from(b.indicator) == index)
}

/// The view of catalogue entry `index` for `area`; `landet` is landet's bundle, whose
/// categories the area's are set against (`None` on landet's own view).
pub fn breakdown_view<'a>(
    ctx: &'a ContextBundle,
    area: &AreaBundle,
    landet: Option<&AreaBundle>,
    index: usize,
    conf: Confidence,
) -> Option<BreakdownView<'a>> {
    let ind = ctx.catalogue.get(index)?;
    let landet = landet.filter(|l| l.code != area.code);
    let dimensions = ctx
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, dimension)| {
            let own = find(Some(area), d, index)?;
            let reference = find(landet, d, index);
            let rows = own
                .cells
                .iter()
                .enumerate()
                .map(|(k, &cell)| {
                    let l: Option<Cell> = reference.and_then(|r| r.cells.get(k).copied());
                    CategoryRow {
                        value: Value::of(ind, cell, conf),
                        landet: l.map(|c| Value::of(ind, c, conf)),
                        vs_landet: match l {
                            Some(l) => compare(ind, &cell, &l, conf),
                            None => Comparison::NoData,
                        },
                    }
                })
                .collect();
            let first = own.cells.first().copied()?;
            let vs_first = own
                .cells
                .iter()
                .skip(1)
                .map(|c| compare(ind, c, &first, conf))
                .collect();
            Some(DimensionView {
                dimension,
                rows,
                vs_first,
            })
        })
        .collect();
    Some(BreakdownView {
        indicator: ind,
        index,
        dimensions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Flag, Polarity, TestKind, Unit};
    use crate::stats::synthetic::synthetic_context;
    use crate::stats::testutil::{area_with, indicator, text};

    #[test]
    fn categories_against_landet_and_each_other() {
        let mut ctx = synthetic_context(1);
        ctx.catalogue = vec![indicator(
            "x",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        )];
        ctx.dimensions = vec![Dimension {
            id: "kjonn".into(),
            label: text("Kjønn"),
            categories: vec![text("Gutter"), text("Jenter")],
        }];
        let split = |cells: Vec<Cell>| {
            vec![Breakdown {
                dimension: 0,
                indicator: 0,
                cells,
            }]
        };
        let mut area = area_with("4601", vec![Cell::ok(300, 2000); 5]);
        // Boys 20 %, girls 10 %: girls significantly lower, and with higher-is-worse, better.
        area.breakdowns = split(vec![Cell::ok(200, 1000), Cell::ok(100, 1000)]);
        let mut landet = area_with("0", vec![Cell::ok(30_000, 200_000); 5]);
        landet.breakdowns = split(vec![Cell::ok(15_000, 100_000), Cell::ok(15_000, 100_000)]);
        let v = breakdown_view(&ctx, &area, Some(&landet), 0, Confidence::P95).unwrap();
        assert_eq!(v.dimensions.len(), 1);
        let d = &v.dimensions[0];
        assert_eq!(d.rows[0].value.value, Some(20.0));
        assert_eq!(d.rows[0].landet.unwrap().value, Some(15.0));
        assert_eq!(d.rows[0].vs_landet, Comparison::Worse);
        assert_eq!(d.rows[1].vs_landet, Comparison::Better);
        assert_eq!(d.vs_first, [Comparison::Better]);
        assert!(v.has_values());
        assert_eq!(indicators_with_breakdowns(&area), [0]);
        // A hidden category compares with nothing.
        area.breakdowns = split(vec![Cell::flagged(Flag::Suppressed); 2]);
        let v = breakdown_view(&ctx, &area, Some(&landet), 0, Confidence::P95).unwrap();
        assert_eq!(v.dimensions[0].rows[0].vs_landet, Comparison::NoData);
        assert_eq!(v.dimensions[0].vs_first, [Comparison::NoData]);
        assert!(!v.has_values());
        // Landet's own view has no reference.
        let v = breakdown_view(&ctx, &landet, Some(&landet), 0, Confidence::P95).unwrap();
        assert!(v.dimensions[0].rows.iter().all(|r| r.landet.is_none()));
    }
}
