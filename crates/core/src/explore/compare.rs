//! The comparison view: one indicator's latest value for a set of areas, each with its
//! interval and its comparison with landet, sorted by value or by name. Oslo's
//! områdesatsing adds two pooled bars: the six bydeler together, and the rest of Oslo.

use super::sets::{name_key, AreaSet, Cells, SATSING};
use crate::area::AreaCode;
use crate::barometer::Value;
use crate::codec::{AreaBundle, ContextBundle};
use crate::indicator::{Cell, Flag, Indicator, Unit};
use crate::route::Sort;
use crate::stats::ci::Confidence;
use crate::stats::compare::{compare, Comparison};

/// What a bar stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Member {
    Area(AreaCode),
    /// The områdesatsing bydeler, their counts summed.
    Satsing,
    /// The other bydeler of Oslo, their counts summed.
    RestOfOslo,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub member: Member,
    /// `None` where the area's series does not reach the latest period.
    pub value: Option<Value>,
    pub vs_landet: Comparison,
    /// The view's own area.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareView<'a> {
    pub indicator: &'a Indicator,
    pub index: usize,
    pub bars: Vec<Bar>,
    pub landet: Option<Value>,
}

impl CompareView<'_> {
    /// Whether any bar shows a value: a modelled indicator then needs «demodata».
    pub fn has_values(&self) -> bool {
        self.bars
            .iter()
            .any(|b| b.value.is_some_and(|v| v.value.is_some()))
    }
}

/// The counts of several areas added up, as FHI pools areas: possible for shares, rates and
/// counts. One suppressed part suppresses the sum, because the sum less the parts shown would
/// give the hidden count away. Parts without data hide nothing and are left out.
pub fn sum_cells(ind: &Indicator, parts: impl IntoIterator<Item = Option<Cell>>) -> Cell {
    if !matches!(ind.unit, Unit::Percent | Unit::Per1000 | Unit::Count) {
        return Cell::flagged(Flag::NotComputable);
    }
    let (mut num, mut den, mut any) = (0u64, 0u64, false);
    for c in parts.into_iter().flatten() {
        match c.flag {
            Flag::Suppressed => return Cell::flagged(Flag::Suppressed),
            Flag::Ok => {
                num += u64::from(c.num);
                den += u64::from(c.den);
                any = true;
            }
            Flag::Missing | Flag::NotComputable => {}
        }
    }
    match (any, u32::try_from(num), u32::try_from(den)) {
        (true, Ok(n), Ok(d)) => Cell::ok(n, d),
        (false, _, _) => Cell::flagged(Flag::Missing),
        _ => Cell::flagged(Flag::NotComputable),
    }
}

/// The comparison of catalogue entry `index` over `set`, for the view of `own`. `bundles` are
/// the loaded bydel bundles; `satsing` adds the pooled bars of Oslo's områdesatsing.
pub fn compare_view<'a>(
    ctx: &'a ContextBundle,
    bundles: &[&AreaBundle],
    set: &AreaSet,
    own: &AreaCode,
    index: usize,
    satsing: bool,
    conf: Confidence,
) -> Option<CompareView<'a>> {
    let ind = ctx.catalogue.get(index)?;
    let cells = Cells::new(ctx, bundles);
    let landet_cell = cells.latest(index, &AreaCode::landet());
    let landet = landet_cell.map(|c| Value::of(ind, c, conf));
    let bar = |member: Member, cell: Option<Cell>, is_own: bool| Bar {
        member,
        value: cell.map(|c| Value::of(ind, c, conf)),
        vs_landet: match (cell, landet_cell) {
            (Some(a), Some(l)) => compare(ind, &a, &l, conf),
            _ => Comparison::NoData,
        },
        own: is_own,
    };
    let mut bars: Vec<Bar> = set
        .codes
        .iter()
        .map(|c| bar(Member::Area(c.clone()), cells.latest(index, c), c == own))
        .collect();
    if satsing {
        let (inside, outside): (Vec<&AreaCode>, Vec<&AreaCode>) = set
            .codes
            .iter()
            .partition(|c| SATSING.contains(&c.as_str()));
        let cells = |codes: Vec<&AreaCode>| {
            let cells: Vec<Option<Cell>> =
                codes.into_iter().map(|c| cells.latest(index, c)).collect();
            sum_cells(ind, cells)
        };
        bars.push(bar(Member::Satsing, Some(cells(inside)), false));
        bars.push(bar(Member::RestOfOslo, Some(cells(outside)), false));
    }
    Some(CompareView {
        indicator: ind,
        index,
        bars,
        landet,
    })
}

/// Orders the bars: by value, highest first, with the bars without a value last in name
/// order; or by name. `name` gives a bar's name as shown.
pub fn sort_bars(bars: &mut [Bar], sort: Sort, name: impl Fn(&Member) -> String) {
    let value = |b: &Bar| b.value.and_then(|v| v.value);
    crate::order::sort_by_cached_key(bars, |b| {
        let by_value = match (sort, value(b)) {
            (Sort::Value, Some(v)) => (0, -v),
            (Sort::Value, None) => (1, 0.0),
            (Sort::Name, _) => (0, 0.0),
        };
        (by_value.0, OrdF64(by_value.1), name_key(&name(&b.member)))
    });
}

/// `f64` ordered by `total_cmp`, for sort keys.
#[derive(Clone, Copy, PartialEq)]
struct OrdF64(f64);
impl Eq for OrdF64 {}
impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::sets::{area_set, latest_cell};
    use crate::indicator::{Polarity, TestKind};
    use crate::route::Preset;
    use crate::stats::synthetic::synthetic_context;
    use crate::stats::testutil::{area_with, indicator};

    #[test]
    fn sums_keep_suppression_and_skip_what_is_missing() {
        let ind = indicator(
            "x",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        );
        let ok = Some(Cell::ok(10, 100));
        assert_eq!(sum_cells(&ind, [ok, ok]), Cell::ok(20, 200));
        let missing = Some(Cell::flagged(Flag::Missing));
        assert_eq!(sum_cells(&ind, [ok, missing, None]), Cell::ok(10, 100));
        let hidden = Some(Cell::flagged(Flag::Suppressed));
        assert_eq!(sum_cells(&ind, [ok, hidden]).flag, Flag::Suppressed);
        assert_eq!(sum_cells(&ind, [missing]).flag, Flag::Missing);
        let big = Some(Cell::ok(u32::MAX, u32::MAX));
        assert_eq!(sum_cells(&ind, [big, big]).flag, Flag::NotComputable);
        let index = indicator("i", Unit::Index, TestKind::None, Polarity::NoDirection);
        assert_eq!(sum_cells(&index, [ok]).flag, Flag::NotComputable);
    }

    #[test]
    fn bars_of_the_fylke_with_the_comparison_and_order() {
        let ctx = synthetic_context(4);
        let k = ctx.kommuner[0].0.clone();
        let set = area_set(&ctx, &k, Preset::Fylke, &[]);
        let v = compare_view(&ctx, &[], &set, &k, 0, false, Confidence::P95).unwrap();
        assert_eq!(v.bars.len(), set.codes.len());
        assert_eq!(v.bars.iter().filter(|b| b.own).count(), 1);
        let ind = &ctx.catalogue[0];
        let landet = v.landet.unwrap().cell;
        for b in &v.bars {
            let Member::Area(c) = &b.member else {
                panic!("no pooled bars")
            };
            let cell = latest_cell(&ctx, &[], 0, c);
            assert_eq!(b.value.map(|v| v.cell), cell);
            let expected = cell.map_or(Comparison::NoData, |c| {
                compare(ind, &c, &landet, Confidence::P95)
            });
            assert_eq!(b.vs_landet, expected);
        }
        let mut bars = v.bars.clone();
        sort_bars(&mut bars, Sort::Value, |m| format!("{m:?}"));
        let values: Vec<f64> = bars.iter().filter_map(|b| b.value?.value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        // The bars without a value come last.
        let first_empty = bars
            .iter()
            .position(|b| b.value.and_then(|v| v.value).is_none());
        if let Some(i) = first_empty {
            assert!(bars[i..]
                .iter()
                .all(|b| b.value.and_then(|v| v.value).is_none()));
        }
        sort_bars(&mut bars, Sort::Name, |m| match m {
            Member::Area(c) => c.to_string(),
            _ => String::new(),
        });
        assert!(bars
            .windows(2)
            .all(|w| format!("{:?}", w[0].member) <= format!("{:?}", w[1].member)));
    }

    #[test]
    fn the_satsing_pools_its_bydeler_and_the_rest() {
        let mut ctx = synthetic_context(1);
        ctx.catalogue.truncate(1);
        let ind = &mut ctx.catalogue[0];
        ind.unit = Unit::Percent;
        ind.test = TestKind::Binomial;
        let n = ind.periods.len();
        let bydel = |c: &str, cell: Cell| area_with(c, vec![cell; n]);
        let b = [
            bydel("030101", Cell::ok(10, 100)),
            bydel("030109", Cell::ok(20, 100)),
            bydel("030102", Cell::ok(5, 100)),
            bydel("030103", Cell::ok(7, 100)),
        ];
        let refs: Vec<&AreaBundle> = b.iter().collect();
        let set = AreaSet {
            codes: b.iter().map(|x| x.code.clone()).collect(),
            neighbours: Vec::new(),
        };
        let own = b[0].code.clone();
        let v = compare_view(&ctx, &refs, &set, &own, 0, true, Confidence::P95).unwrap();
        let pooled = |m: Member| {
            v.bars
                .iter()
                .find(|x| x.member == m)
                .unwrap()
                .value
                .unwrap()
        };
        assert_eq!(pooled(Member::Satsing).cell, Cell::ok(30, 200));
        assert_eq!(pooled(Member::RestOfOslo).cell, Cell::ok(12, 200));
        assert_eq!(pooled(Member::Satsing).value, Some(15.0));
        // A suppressed bydel in the rest suppresses the rest, never the satsing.
        let mut b2 = b.clone();
        b2[3] = bydel("030103", Cell::flagged(Flag::Suppressed));
        let refs: Vec<&AreaBundle> = b2.iter().collect();
        let v = compare_view(&ctx, &refs, &set, &own, 0, true, Confidence::P95).unwrap();
        let rest = v
            .bars
            .iter()
            .find(|x| x.member == Member::RestOfOslo)
            .unwrap();
        assert_eq!(rest.value.unwrap().cell.flag, Flag::Suppressed);
        assert_eq!(rest.vs_landet, Comparison::NoData);
    }
}
