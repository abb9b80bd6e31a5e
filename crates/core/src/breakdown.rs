//! Breakdowns: an indicator's latest value split by a dimension (sex; immigrant background,
//! IMDi's concern), one cell per category. The dimensions are data, not code: the catalogue
//! names them with their categories in three languages, so any new dimension works in the
//! codec, the statistics and the view without a change here.
//!
//! The categories of an area add up to its total. That makes a breakdown a suppression risk
//! of its own: a hidden category is «total − the other categories», and a category of a
//! hidden kommune is «the fylke's category − the visible kommuner's». [`suppress`] closes
//! both holes.

use crate::area::{AreaCode, Registry};
use crate::indicator::{Cell, Flag, Unit};
use crate::lang::Text;
use crate::suppress::{self, Rules};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A dimension and its categories, in the order the cells follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub label: Text,
    pub categories: Vec<Text>,
}

impl Dimension {
    /// Its texts, in a fixed order (`ContextBundle::texts_mut`).
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        std::iter::once(&mut self.label).chain(self.categories.iter_mut())
    }

    /// The categories' names in `lang`, in their order.
    pub fn category_names(&self, lang: crate::Lang) -> Vec<String> {
        self.categories
            .iter()
            .map(|c| c.get(lang).to_string())
            .collect()
    }
}

/// One indicator's latest cells for an area, one per category of a dimension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// Index into the context's dimensions.
    pub dimension: u8,
    /// Index into the catalogue.
    pub indicator: u16,
    pub cells: Vec<Cell>,
}

/// Why an area's breakdowns do not fit the context's dimensions and catalogue.
pub fn check(
    breakdowns: &[Breakdown],
    dimensions: &[Dimension],
    indicators: usize,
) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for b in breakdowns {
        let dim = dimensions
            .get(usize::from(b.dimension))
            .ok_or_else(|| format!("breakdown by unknown dimension {}", b.dimension))?;
        if usize::from(b.indicator) >= indicators {
            return Err(format!("breakdown of unknown indicator {}", b.indicator));
        }
        if b.cells.len() != dim.categories.len() {
            return Err(format!(
                "breakdown by {} has {} cells for {} categories",
                dim.id,
                b.cells.len(),
                dim.categories.len()
            ));
        }
        if !seen.insert((b.dimension, b.indicator)) {
            return Err(format!("breakdown by {} given twice", dim.id));
        }
    }
    Ok(())
}

/// Hides what a breakdown would give away, for one indicator and dimension over all areas.
/// `totals` are the areas' published (already suppressed) latest cells; `split` the true
/// categories of each area, which are suppressed in place:
///
/// 1. the primary rules on each category;
/// 2. an area whose total is hidden, or that has any hidden category, has all its categories
///    hidden (the total less the shown categories would give the hidden one back);
/// 3. the secondary rule within each parent, per category, as for any indicator;
///
/// and 2 and 3 again until nothing changes, since each can hide cells the other must answer.
pub fn suppress(
    reg: &Registry,
    unit: Unit,
    totals: &BTreeMap<AreaCode, Cell>,
    split: &mut BTreeMap<AreaCode, Vec<Cell>>,
    rules: &Rules,
) {
    let truth = split.clone();
    let hide_all = |cells: &mut Vec<Cell>| {
        for c in cells.iter_mut() {
            *c = Cell::flagged(Flag::Suppressed);
        }
    };
    for cells in split.values_mut() {
        for c in cells.iter_mut() {
            if c.is_ok() && rules.hides(unit, c.num, c.den) {
                *c = Cell::flagged(Flag::Suppressed);
            }
        }
    }
    let categories = split.values().map(Vec::len).max().unwrap_or(0);
    loop {
        let mut changed = false;
        for (code, cells) in split.iter_mut() {
            let total_hidden = totals.get(code).is_none_or(|t| !t.is_ok());
            let any_hidden = cells.iter().any(|c| c.flag == Flag::Suppressed);
            let all_hidden = cells.iter().all(|c| c.flag == Flag::Suppressed);
            if (total_hidden || any_hidden) && !all_hidden {
                hide_all(cells);
                changed = true;
            }
        }
        let column =
            |m: &BTreeMap<AreaCode, Vec<Cell>>, k: usize| -> BTreeMap<AreaCode, Vec<Cell>> {
                m.iter()
                    .filter_map(|(c, cells)| Some((c.clone(), vec![*cells.get(k)?])))
                    .collect()
            };
        for k in 0..categories {
            let mut one = column(split, k);
            let before = one.clone();
            suppress::secondary(reg, unit, &column(&truth, k), &mut one, rules);
            for (code, cell) in &one {
                if before.get(code) != Some(cell) {
                    if let Some(cells) = split.get_mut(code) {
                        cells[k] = cell[0];
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Area;

    fn code(s: &str) -> AreaCode {
        AreaCode::parse(s).unwrap()
    }

    fn reg() -> Registry {
        let a = |c: &str| Area {
            code: code(c),
            name: c.into(),
        };
        Registry::new(vec![a("0"), a("46"), a("4601"), a("4602"), a("4603")]).unwrap()
    }

    fn dims() -> Vec<Dimension> {
        let t = |s: &str| Text {
            nb: s.into(),
            nn: s.into(),
            en: s.into(),
        };
        vec![Dimension {
            id: "kjonn".into(),
            label: t("Kjønn"),
            categories: vec![t("Gutter"), t("Jenter")],
        }]
    }

    #[test]
    fn breakdowns_must_fit_the_dimensions() {
        let ok = Breakdown {
            dimension: 0,
            indicator: 1,
            cells: vec![Cell::ok(1, 10); 2],
        };
        assert_eq!(check(std::slice::from_ref(&ok), &dims(), 2), Ok(()));
        assert!(check(&[ok.clone(), ok.clone()], &dims(), 2).is_err());
        let wrong = Breakdown {
            cells: vec![Cell::ok(1, 10)],
            ..ok.clone()
        };
        assert!(check(&[wrong], &dims(), 2).is_err());
        assert!(check(
            &[Breakdown {
                dimension: 3,
                ..ok.clone()
            }],
            &dims(),
            2
        )
        .is_err());
        assert!(check(&[Breakdown { indicator: 2, ..ok }], &dims(), 2).is_err());
    }

    /// Whether any hidden category can be recomputed: from its area's total and shown
    /// categories, or from its parent's category and the shown siblings.
    fn leaks(totals: &BTreeMap<AreaCode, Cell>, split: &BTreeMap<AreaCode, Vec<Cell>>) -> bool {
        for (code, cells) in split {
            let hidden = cells.iter().filter(|c| !c.is_ok()).count();
            if hidden == 1 && totals.get(code).is_some_and(Cell::is_ok) {
                return true;
            }
        }
        for k in 0..2 {
            let parent = split.get(&code("46")).map(|c| c[k]);
            let kids: Vec<Cell> = ["4601", "4602", "4603"]
                .iter()
                .filter_map(|c| split.get(&code(c)).map(|x| x[k]))
                .collect();
            if parent.is_some_and(|p| p.is_ok()) && kids.iter().filter(|c| !c.is_ok()).count() == 1
            {
                return true;
            }
        }
        false
    }

    #[test]
    fn a_small_category_hides_its_sibling_and_a_cousin() {
        let reg = reg();
        let totals: BTreeMap<AreaCode, Cell> = [
            ("46", Cell::ok(300, 3000)),
            ("4601", Cell::ok(200, 2000)),
            ("4602", Cell::ok(90, 900)),
            ("4603", Cell::ok(10, 100)),
        ]
        .into_iter()
        .map(|(c, x)| (code(c), x))
        .collect();
        let mut split: BTreeMap<AreaCode, Vec<Cell>> = [
            ("46", [Cell::ok(160, 1500), Cell::ok(140, 1500)]),
            ("4601", [Cell::ok(105, 1000), Cell::ok(95, 1000)]),
            ("4602", [Cell::ok(52, 450), Cell::ok(38, 450)]),
            // Three boys: hidden by the primary rule.
            ("4603", [Cell::ok(3, 50), Cell::ok(7, 50)]),
        ]
        .into_iter()
        .map(|(c, x)| (code(c), x.to_vec()))
        .collect();
        assert!(!leaks(&totals, &split));
        suppress(&reg, Unit::Percent, &totals, &mut split, &Rules::default());
        // 4603's girls go with its boys; and then, per category, a second kommune must hide
        // so that «fylke − the shown kommuner» gives nothing away.
        assert!(split[&code("4603")]
            .iter()
            .all(|c| c.flag == Flag::Suppressed));
        assert!(!leaks(&totals, &split), "{split:?}");
        assert!(split[&code("46")].iter().all(Cell::is_ok));
        let hidden = split
            .values()
            .filter(|c| c[0].flag == Flag::Suppressed)
            .count();
        assert_eq!(hidden, 2, "the smallest other kommune hides too: {split:?}");
    }

    #[test]
    fn a_hidden_total_hides_every_category() {
        let reg = reg();
        let totals: BTreeMap<AreaCode, Cell> = [(code("4601"), Cell::flagged(Flag::Suppressed))]
            .into_iter()
            .collect();
        let mut split: BTreeMap<AreaCode, Vec<Cell>> =
            [(code("4601"), vec![Cell::ok(50, 500), Cell::ok(50, 500)])]
                .into_iter()
                .collect();
        suppress(&reg, Unit::Percent, &totals, &mut split, &Rules::default());
        assert!(split[&code("4601")].iter().all(|c| !c.is_ok()));
    }
}
