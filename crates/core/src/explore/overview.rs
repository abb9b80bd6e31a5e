//! The overview («tartan rug»): every indicator for a set of areas, each cell with its latest
//! value and its comparison with landet. Landet's own values head the table as the reference.

use super::sets::Cells;
use crate::area::AreaCode;
use crate::barometer::Value;
use crate::codec::{AreaBundle, ContextBundle};
use crate::indicator::Provenance;
use crate::stats::ci::Confidence;
use crate::stats::compare::{compare, Comparison};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverviewCell {
    pub value: Option<Value>,
    pub vs_landet: Comparison,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    pub code: AreaCode,
    /// One cell per catalogue entry, in catalogue order.
    pub cells: Vec<OverviewCell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// Landet's latest value of each indicator.
    pub landet: Vec<Option<Value>>,
    pub rows: Vec<OverviewRow>,
    /// Whether a modelled indicator shows a value anywhere: the view must say «demodata».
    pub modelled: bool,
}

/// The overview of `codes`; `bundles` are the loaded bydel bundles.
pub fn overview(
    ctx: &ContextBundle,
    bundles: &[&AreaBundle],
    codes: &[AreaCode],
    conf: Confidence,
) -> Overview {
    let cells = Cells::new(ctx, bundles);
    let landet_cells: Vec<_> = (0..ctx.catalogue.len())
        .map(|i| cells.latest(i, &AreaCode::landet()))
        .collect();
    let mut modelled = false;
    let rows = codes
        .iter()
        .map(|code| OverviewRow {
            code: code.clone(),
            cells: ctx
                .catalogue
                .iter()
                .enumerate()
                .map(|(i, ind)| {
                    let cell = cells.latest(i, code);
                    let value = cell.map(|c| Value::of(ind, c, conf));
                    modelled |= ind.provenance == Provenance::Modelled
                        && value.is_some_and(|v| v.value.is_some());
                    OverviewCell {
                        value,
                        vs_landet: match (cell, landet_cells[i]) {
                            (Some(a), Some(l)) => compare(ind, &a, &l, conf),
                            _ => Comparison::NoData,
                        },
                    }
                })
                .collect(),
        })
        .collect();
    Overview {
        landet: ctx
            .catalogue
            .iter()
            .zip(&landet_cells)
            .map(|(ind, c)| c.map(|c| Value::of(ind, c, conf)))
            .collect(),
        rows,
        modelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Level;
    use crate::barometer::row;
    use crate::codec::AreaBundle;
    use crate::population::{AgeProfile, PopulationSeries};
    use crate::stats::synthetic::synthetic_context;

    #[test]
    fn each_cell_is_what_the_barometer_shows() {
        let ctx = synthetic_context(9);
        let codes: Vec<AreaCode> = ctx
            .registry
            .at_level(Level::Kommune)
            .map(|a| a.code.clone())
            .collect();
        let o = overview(&ctx, &[], &codes, Confidence::P95);
        assert_eq!(o.rows.len(), codes.len());
        assert_eq!(o.landet.len(), ctx.catalogue.len());
        // A kommune's cells agree with its barometer's marks where the context holds the full
        // series (the barometer reads the area's own bundle).
        for (k, (code, series)) in ctx.kommuner.iter().enumerate().take(20) {
            let area = AreaBundle {
                code: code.clone(),
                population: PopulationSeries::default(),
                ages: AgeProfile::default(),
                series: series.clone(),
                breakdowns: Vec::new(),
                ranks: Vec::new(),
            };
            let r = o.rows.iter().find(|r| &r.code == code).unwrap();
            for (i, cell) in r.cells.iter().enumerate() {
                let Some(b) = row(&ctx, &area, None, i, Confidence::P95) else {
                    continue;
                };
                if b.area.is_some() {
                    assert_eq!(cell.value, b.area, "kommune {k}, indicator {i}");
                    assert_eq!(Some(cell.vs_landet), b.vs_landet);
                }
            }
        }
        assert!(o.modelled);
    }
}
