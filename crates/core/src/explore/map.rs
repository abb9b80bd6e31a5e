//! The map view: one indicator's latest value for every area of a map, each put in a class,
//! either by quantile (five classes with about as many areas in each) or by its comparison
//! with landet, as the barometer marks it. An area without a value has no class: the map greys
//! it and says why.

use super::sets::Cells;
use crate::area::AreaCode;
use crate::barometer::Value;
use crate::codec::{AreaBundle, ContextBundle};
use crate::indicator::Indicator;
use crate::route::Classes;
use crate::stats::ci::Confidence;
use crate::stats::compare::{compare, Comparison};
use crate::stats::spread::quantile;

/// How many quantile classes a map has at most.
pub const QUANTILE_CLASSES: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct MapArea {
    pub code: AreaCode,
    pub value: Option<Value>,
    pub vs_landet: Comparison,
    /// The area's class in the legend; `None` without a value.
    pub class: Option<usize>,
}

/// The classes of a map, in legend order.
#[derive(Clone, Debug, PartialEq)]
pub enum Legend {
    /// `(from, to)` of each class, lowest first; the last class includes its `to`.
    Quantile(Vec<(f64, f64)>),
    /// The comparisons that occur on the map, in [`Comparison::LEGEND`] order.
    Significance(Vec<Comparison>),
}

impl Legend {
    pub fn len(&self) -> usize {
        match self {
            Legend::Quantile(c) => c.len(),
            Legend::Significance(c) => c.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapView<'a> {
    pub indicator: &'a Indicator,
    pub index: usize,
    pub areas: Vec<MapArea>,
    pub legend: Legend,
    pub landet: Option<Value>,
}

/// The limits of up to `k` quantile classes of `sorted` (ascending, finite): `(from, to)` of
/// each, with classes that would be empty (ties) merged away.
pub fn quantile_classes(sorted: &[f64], k: usize) -> Vec<(f64, f64)> {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let mut cuts: Vec<f64> = (1..k)
        .filter_map(|i| quantile(sorted, i as f64 / k as f64))
        .collect();
    cuts.dedup();
    cuts.retain(|&c| c > min && c < max);
    let mut edges = vec![min];
    edges.extend(cuts);
    edges.push(max);
    edges.dedup();
    if edges.len() == 1 {
        return vec![(min, max)];
    }
    edges.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The class of `v`: the class whose range holds it, a value on a limit going to the upper
/// class (the last class holds its upper limit too).
pub fn class_of(classes: &[(f64, f64)], v: f64) -> Option<usize> {
    let last = classes.len().checked_sub(1)?;
    Some(classes.iter().position(|&(_, to)| v < to).unwrap_or(last))
}

/// The map of catalogue entry `index` over `codes`. `bundles` are the loaded bydel bundles.
pub fn map_view<'a>(
    ctx: &'a ContextBundle,
    bundles: &[&AreaBundle],
    codes: &[AreaCode],
    index: usize,
    classes: Classes,
    conf: Confidence,
) -> Option<MapView<'a>> {
    let ind = ctx.catalogue.get(index)?;
    let cells = Cells::new(ctx, bundles);
    let landet_cell = cells.latest(index, &AreaCode::landet());
    let mut areas: Vec<MapArea> = codes
        .iter()
        .map(|c| {
            let cell = cells.latest(index, c);
            MapArea {
                code: c.clone(),
                value: cell.map(|x| Value::of(ind, x, conf)),
                vs_landet: match (cell, landet_cell) {
                    (Some(a), Some(l)) => compare(ind, &a, &l, conf),
                    _ => Comparison::NoData,
                },
                class: None,
            }
        })
        .collect();
    let shown = |a: &MapArea| a.value.and_then(|v| v.value);
    let legend = match classes {
        Classes::Quantile => {
            let mut sorted: Vec<f64> = areas.iter().filter_map(shown).collect();
            sorted.sort_unstable_by(f64::total_cmp);
            let limits = quantile_classes(&sorted, QUANTILE_CLASSES);
            for a in &mut areas {
                a.class = shown(a).and_then(|v| class_of(&limits, v));
            }
            Legend::Quantile(limits)
        }
        Classes::Significance => {
            let present: Vec<Comparison> = Comparison::LEGEND
                .into_iter()
                .filter(|c| {
                    areas
                        .iter()
                        .any(|a| shown(a).is_some() && a.vs_landet == *c)
                })
                .collect();
            for a in &mut areas {
                a.class = shown(a).and_then(|_| present.iter().position(|c| *c == a.vs_landet));
            }
            Legend::Significance(present)
        }
    };
    Some(MapView {
        indicator: ind,
        index,
        areas,
        legend,
        landet: landet_cell.map(|c| Value::of(ind, c, conf)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Level;
    use crate::stats::synthetic::synthetic_context;

    #[test]
    fn quantile_classes_split_evenly_and_merge_ties() {
        let v: Vec<f64> = (0..100).map(f64::from).collect();
        let c = quantile_classes(&v, 5);
        assert_eq!(c.len(), 5);
        assert_eq!(c[0].0, 0.0);
        assert_eq!(c[4].1, 99.0);
        let counts: Vec<usize> = (0..5)
            .map(|k| v.iter().filter(|&&x| class_of(&c, x) == Some(k)).count())
            .collect();
        assert_eq!(counts, [20, 20, 20, 20, 20]);
        // Half the values equal: fewer classes, none empty.
        let mut ties = vec![0.0; 50];
        ties.extend((1..=50).map(f64::from));
        let c = quantile_classes(&ties, 5);
        assert!(c.len() < 5);
        for k in 0..c.len() {
            assert!(ties.iter().any(|&x| class_of(&c, x) == Some(k)));
        }
        assert_eq!(quantile_classes(&[3.0, 3.0], 5), [(3.0, 3.0)]);
        assert_eq!(class_of(&quantile_classes(&[3.0], 5), 3.0), Some(0));
        assert!(quantile_classes(&[], 5).is_empty());
        assert_eq!(class_of(&[], 1.0), None);
    }

    #[test]
    fn every_kommune_gets_its_class_or_none() {
        let ctx = synthetic_context(7);
        let codes: Vec<AreaCode> = ctx
            .registry
            .at_level(Level::Kommune)
            .map(|a| a.code.clone())
            .collect();
        for index in 0..ctx.catalogue.len() {
            let q = map_view(&ctx, &[], &codes, index, Classes::Quantile, Confidence::P95).unwrap();
            assert_eq!(q.areas.len(), codes.len());
            let Legend::Quantile(limits) = &q.legend else {
                panic!()
            };
            for a in &q.areas {
                match a.value.and_then(|v| v.value) {
                    Some(v) => {
                        let (from, to) = limits[a.class.unwrap()];
                        assert!(from <= v && v <= to, "{v} not in {from}–{to}");
                    }
                    None => assert_eq!(a.class, None),
                }
            }
            let s = map_view(
                &ctx,
                &[],
                &codes,
                index,
                Classes::Significance,
                Confidence::P95,
            )
            .unwrap();
            let Legend::Significance(present) = &s.legend else {
                panic!()
            };
            for a in s.areas.iter().filter(|a| a.class.is_some()) {
                assert_eq!(present[a.class.unwrap()], a.vs_landet);
            }
        }
    }
}
