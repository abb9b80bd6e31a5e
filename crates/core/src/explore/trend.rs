//! The trend view: one indicator over all of its periods for an area, the areas it is compared
//! with, and up to five areas the reader adds; with the area's confidence intervals, the cells
//! that have no value and why, the pandemic years, and the trend test of the area's own series.

use crate::area::{AreaCode, Level};
use crate::barometer::Value;
use crate::codec::{cell_at, AreaBundle, ContextBundle, SeriesSet};
use crate::indicator::Indicator;
use crate::stats::cells::comparator;
use crate::stats::ci::Confidence;
use crate::stats::trend::{trend, Trend};

/// The pandemic years, shaded in the chart so that «before, during and after» reads at a glance.
pub const PANDEMIC: (u16, u16) = (2020, 2022);

/// What a line is to the view's area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// The view's own area.
    Area,
    /// The kommune of a bydel.
    Kommune,
    Fylke,
    Landet,
    /// Added by the reader.
    Added,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub code: AreaCode,
    pub role: Role,
    /// One point per period of the indicator, as the barometer shows a cell; `None` where the
    /// series does not reach back to the period.
    pub points: Vec<Option<Value>>,
}

impl Line {
    /// Whether any point has a value to show.
    pub fn has_values(&self) -> bool {
        self.points.iter().flatten().any(|p| p.value.is_some())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrendView<'a> {
    pub indicator: &'a Indicator,
    /// The indicator's place in the catalogue.
    pub index: usize,
    pub lines: Vec<Line>,
    /// The trend test of the view's own area.
    pub trend: Trend,
    /// The first and the last period that overlap the pandemic years, if any do.
    pub pandemic: Option<(usize, usize)>,
}

fn points(
    ind: &Indicator,
    cells: &[crate::indicator::Cell],
    conf: Confidence,
) -> Vec<Option<Value>> {
    let n = ind.periods.len();
    (0..n)
        .map(|p| cell_at(cells, p, n).map(|c| Value::of(ind, *c, conf)))
        .collect()
}

/// The trend view of catalogue entry `index` for `area`. `kommune` is a bydel's kommune;
/// `added` are the reader's areas with their series (from their bundles). An added area
/// already in the view is left out.
pub fn trend_view<'a>(
    ctx: &'a ContextBundle,
    area: &AreaBundle,
    kommune: Option<&AreaBundle>,
    added: &[(AreaCode, &SeriesSet)],
    index: usize,
    conf: Confidence,
) -> Option<TrendView<'a>> {
    let ind = ctx.catalogue.get(index)?;
    let line = |code: &AreaCode, role: Role, set: Option<&SeriesSet>| {
        set.and_then(|s| s.get(index)).map(|cells| Line {
            code: code.clone(),
            role,
            points: points(ind, cells, conf),
        })
    };
    let level = area.code.level();
    let mut lines: Vec<Line> = line(&area.code, Role::Area, Some(&area.series))
        .into_iter()
        .collect();
    if let Some(k) = kommune.filter(|_| level == Level::Bydel) {
        lines.extend(line(&k.code, Role::Kommune, Some(&k.series)));
    }
    if let Some(f) = area.code.fylke_above() {
        lines.extend(line(&f, Role::Fylke, comparator(ctx, &f)));
    }
    if level != Level::Landet {
        let landet = AreaCode::landet();
        lines.extend(line(&landet, Role::Landet, comparator(ctx, &landet)));
    }
    for (code, set) in added {
        if lines.iter().all(|l| &l.code != code) {
            lines.extend(line(code, Role::Added, Some(set)));
        }
    }
    let own = area.series.get(index).unwrap_or(&[]);
    let overlapping: Vec<usize> = ind
        .periods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.first <= PANDEMIC.1 && p.last >= PANDEMIC.0)
        .map(|(i, _)| i)
        .collect();
    Some(TrendView {
        indicator: ind,
        index,
        lines,
        trend: trend(ind, own, ind.periods.len()),
        pandemic: overlapping
            .first()
            .zip(overlapping.last())
            .map(|(a, b)| (*a, *b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Cell, Flag, Period, Polarity, TestKind, Unit};
    use crate::stats::synthetic::synthetic_context;
    use crate::stats::testutil::area_with as bundle;

    #[test]
    fn lines_for_a_kommune_its_fylke_landet_and_the_added() {
        let mut ctx = synthetic_context(5);
        ctx.catalogue.truncate(1);
        let ind = &mut ctx.catalogue[0];
        ind.unit = Unit::Percent;
        ind.test = TestKind::Binomial;
        ind.polarity = Polarity::HigherIsWorse;
        ind.periods = (2018..=2024).map(Period::year).collect();
        let code = ctx.kommuner[0].0.clone();
        let n = ctx.catalogue[0].periods.len();
        let mut cells: Vec<Cell> = (0..n as u32)
            .map(|i| Cell::ok(100 + 10 * i, 1000))
            .collect();
        cells[2] = Cell::flagged(Flag::Suppressed);
        let area = bundle(code.as_str(), cells);
        let other = bundle(ctx.kommuner[1].0.as_str(), vec![Cell::ok(5, 50); n]);
        let fylke = code.fylke().unwrap();
        let added = [
            (other.code.clone(), &other.series),
            // Already in the view as the fylke: not drawn twice.
            (fylke.clone(), comparator(&ctx, &fylke).unwrap()),
        ];
        let v = trend_view(&ctx, &area, None, &added, 0, Confidence::P95).unwrap();
        let roles: Vec<Role> = v.lines.iter().map(|l| l.role).collect();
        // The synthetic comparators may hold fewer periods; each line still has one point a period.
        assert_eq!(roles[0], Role::Area);
        assert!(roles.contains(&Role::Landet) && roles.contains(&Role::Added));
        assert_eq!(v.lines.iter().filter(|l| l.code == fylke).count(), 1);
        assert!(v.lines.iter().all(|l| l.points.len() == n));
        let own: Vec<Value> = v.lines[0].points.iter().map(|p| p.unwrap()).collect();
        assert_eq!(own[0].value, Some(10.0));
        assert!(own[0].ci.unwrap().contains(10.0));
        assert_eq!(own[2].value, None);
        assert_eq!(own[2].cell.flag, Flag::Suppressed);
        // 2020–2022 are periods 2 to 4 of 2018–2024.
        assert_eq!(v.pandemic, Some((2, 4)));
        // A steady rise from 10 % to 16 % over 1 000 a year is a significant trend.
        assert_eq!(
            v.trend.direction,
            crate::stats::trend::TrendDirection::Rising
        );
        assert!(v.lines[0].has_values());
    }

    #[test]
    fn landet_has_no_comparators_and_a_bydel_has_its_kommune() {
        let mut ctx = synthetic_context(2);
        ctx.catalogue.truncate(1);
        let n = ctx.catalogue[0].periods.len();
        let landet = bundle("0", vec![Cell::ok(1, 10); n]);
        let v = trend_view(&ctx, &landet, None, &[], 0, Confidence::P95).unwrap();
        assert_eq!(v.lines.len(), 1);
        let k = ctx.kommuner[0].0.clone();
        let bydel = bundle(&format!("{k}01"), vec![Cell::ok(1, 10); n]);
        let kommune = bundle(k.as_str(), vec![Cell::ok(2, 10); n]);
        let v = trend_view(&ctx, &bydel, Some(&kommune), &[], 0, Confidence::P95).unwrap();
        let roles: Vec<Role> = v.lines.iter().map(|l| l.role).collect();
        assert_eq!(roles[..2], [Role::Area, Role::Kommune]);
        assert!(trend_view(&ctx, &bydel, None, &[], 99, Confidence::P95).is_none());
    }
}
