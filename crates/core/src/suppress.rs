//! FHI's suppression rules: which cells are hidden (`:`) before anything is published.
//!
//! Three steps, in this order:
//!
//! 1. **Primary**: a cell is hidden when its count is small. With the defaults (FHI's usual
//!    numbers for its public health profiles) a cell is hidden when the numerator is 3 or less,
//!    when the denominator is 10 or less, or, for shares of persons (`Unit::Percent`), when the
//!    complement (denominator − numerator) is 3 or less, because «all but 2 of 9 children»
//!    discloses as much as «2 children». FHI uses other numbers for some sources; those are set
//!    per indicator in `data/model.toml` (`suppress = { … }`), and 0 switches a rule off.
//! 2. **Series**: an area's whole series is hidden when more than half of its points are weak
//!    (hidden by the primary rules, or already flagged `:` in the source), because a series that
//!    mostly consists of holes shows noise and its few visible points invite guesses.
//! 3. **Secondary**: published totals must not give a hidden cell back. Within each parent
//!    (landet → fylker, fylke → kommuner, kommune → bydeler) and period, when a hidden child
//!    could be recomputed as «parent − visible children», more children are hidden, smallest
//!    denominator first, until it cannot: see [`apply`].
//!
//! Rates (`Per1000`, `Index`) have no complement rule: events are not bounded by the
//! denominator. A plain `Count` has only the numerator rule. `ChangePercent` (population change)
//! is SSB's open statistics and is never hidden.
//!
//! Pooled values are a risk of their own: a multi-year sum that contains a hidden year gives it
//! back as «pool − visible years». A pool that contains a suppressed year must therefore itself
//! be suppressed; the stats module does that when it pools cells.

use crate::area::{AreaCode, Registry};
use crate::indicator::{Cell, Flag, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The thresholds of the primary and series rules. Each `min_*` is the smallest value that may
/// be shown; 0 switches that rule off.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    /// The smallest numerator shown (4: counts of 3 or less are hidden).
    pub min_num: u32,
    /// The smallest complement (denominator − numerator) shown for shares (4).
    pub min_complement: u32,
    /// The smallest denominator shown (11: denominators of 10 or less are hidden).
    pub min_den: u32,
    /// A series is hidden when more than this share of its points is weak (0.5).
    pub series_max_small_share: f64,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            min_num: 4,
            min_complement: 4,
            min_den: 11,
            series_max_small_share: 0.5,
        }
    }
}

/// What the primary rules guard, which follows from the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Guard {
    /// A share of persons: numerator, complement and denominator.
    Share,
    /// A rate or index: numerator and denominator.
    Rate,
    /// A plain count: the numerator.
    Count,
    /// Open statistics: nothing.
    Open,
}

fn guard(unit: Unit) -> Guard {
    match unit {
        Unit::Percent => Guard::Share,
        Unit::Per1000 | Unit::Index => Guard::Rate,
        Unit::Count => Guard::Count,
        Unit::ChangePercent => Guard::Open,
    }
}

impl Rules {
    /// Whether counts `num` of `den` must be hidden by the primary rules.
    pub fn hides(&self, unit: Unit, num: u32, den: u32) -> bool {
        let small_num = num < self.min_num;
        let small_den = den < self.min_den;
        let small_complement = den.saturating_sub(num) < self.min_complement;
        match guard(unit) {
            Guard::Share => small_num || small_den || small_complement,
            Guard::Rate => small_num || small_den,
            Guard::Count => small_num,
            Guard::Open => false,
        }
    }

    /// Whether a group of hidden cells with these total counts would still give its members
    /// away: the group as one cell must pass the primary rules, and its total must not be 0 or
    /// (for shares) all, which would pin every member whatever the rules are.
    fn group_gives_away(&self, unit: Unit, num: u64, den: u64) -> bool {
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        let share = guard(unit) == Guard::Share;
        self.hides(unit, clamp(num), clamp(den)) || num == 0 || (share && den <= num)
    }
}

/// Hides an area's cells in place by the primary and series rules. Cells already flagged
/// `Suppressed` count as weak; `Missing` and `NotComputable` cells are neither.
pub fn primary_and_series(unit: Unit, cells: &mut [Cell], rules: &Rules) {
    if guard(unit) == Guard::Open {
        return;
    }
    let mut points = 0usize;
    let mut weak = 0usize;
    for cell in cells.iter_mut() {
        match cell.flag {
            Flag::Ok if rules.hides(unit, cell.num, cell.den) => {
                *cell = Cell::flagged(Flag::Suppressed);
                points += 1;
                weak += 1;
            }
            Flag::Ok => points += 1,
            Flag::Suppressed => {
                // Re-flag so that a hidden cell never carries counts, whatever came in.
                *cell = Cell::flagged(Flag::Suppressed);
                points += 1;
                weak += 1;
            }
            Flag::Missing | Flag::NotComputable => {}
        }
    }
    if points > 0 && weak as f64 > rules.series_max_small_share * points as f64 {
        for cell in cells.iter_mut().filter(|c| c.is_ok()) {
            *cell = Cell::flagged(Flag::Suppressed);
        }
    }
}

/// Applies all three rules to one indicator's cells, keyed by area and lined up with the
/// indicator's periods. Parents' cells are published, so secondary suppression only ever hides
/// children. A hidden parent is protected as if it were visible, because its value may be
/// recoverable from the level above; and when a hidden parent's children are all visible, one
/// of them is hidden too, or their sum would give the parent back.
///
/// A bydel set that does not cover its kommune (population without a bydel) is protected as if
/// it did: the unassigned remainder is small and roughly known, so «kommune − visible bydeler»
/// would still come close to a single hidden bydel.
pub fn apply(reg: &Registry, unit: Unit, cells: &mut BTreeMap<AreaCode, Vec<Cell>>, rules: &Rules) {
    if guard(unit) == Guard::Open {
        return;
    }
    let truth = cells.clone();
    for series in cells.values_mut() {
        primary_and_series(unit, series, rules);
    }
    secondary(reg, unit, &truth, cells, rules);
}

/// The secondary step alone: within each parent and period, hides more children until no
/// hidden child is «parent − visible children». `truth` holds the counts before any hiding,
/// which choose the children to hide (smallest denominator first). Breakdowns run it per
/// category (see `crate::breakdown`).
pub fn secondary(
    reg: &Registry,
    unit: Unit,
    truth: &BTreeMap<AreaCode, Vec<Cell>>,
    cells: &mut BTreeMap<AreaCode, Vec<Cell>>,
    rules: &Rules,
) {
    if guard(unit) == Guard::Open {
        return;
    }
    let families = families(reg, cells);
    let periods = cells.values().map(Vec::len).max().unwrap_or(0);
    // Top-down, so that a kommune hidden for its fylke's sake is already hidden when its
    // bydeler are looked at; repeated until nothing changes, as each round only adds flags.
    loop {
        let mut changed = false;
        for (parent, children) in &families {
            for t in 0..periods {
                changed |= protect(unit, rules, parent, children, t, truth, cells);
            }
        }
        if !changed {
            break;
        }
    }
}

/// Every parent with its children among `cells`, parents ordered from landet down.
fn families(
    reg: &Registry,
    cells: &BTreeMap<AreaCode, Vec<Cell>>,
) -> Vec<(AreaCode, Vec<AreaCode>)> {
    let mut out: Vec<(AreaCode, Vec<AreaCode>)> = cells
        .keys()
        .map(|parent| {
            let children = reg
                .children(parent)
                .filter(|a| cells.contains_key(&a.code))
                .map(|a| a.code.clone())
                .collect();
            (parent.clone(), children)
        })
        .filter(|(_, children): &(AreaCode, Vec<AreaCode>)| !children.is_empty())
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        (a.0.level(), &a.0).cmp(&(b.0.level(), &b.0))
    });
    out
}

fn cell_at(map: &BTreeMap<AreaCode, Vec<Cell>>, code: &AreaCode, t: usize) -> Option<Cell> {
    map.get(code).and_then(|v| v.get(t)).copied()
}

/// Hides more children of `parent` in period `t` until no hidden child can be recomputed.
/// Returns whether anything was hidden.
fn protect(
    unit: Unit,
    rules: &Rules,
    parent: &AreaCode,
    children: &[AreaCode],
    t: usize,
    truth: &BTreeMap<AreaCode, Vec<Cell>>,
    cells: &mut BTreeMap<AreaCode, Vec<Cell>>,
) -> bool {
    let Some(p) = cell_at(cells, parent, t) else {
        return false;
    };
    let parent_hidden = match p.flag {
        Flag::Ok => false,
        Flag::Suppressed => true,
        // Nothing published to subtract from.
        Flag::Missing | Flag::NotComputable => return false,
    };
    let mut hidden = 0usize;
    let (mut num, mut den) = (0u64, 0u64);
    let mut visible: Vec<(u32, u32, &AreaCode)> = Vec::new();
    for c in children {
        let (Some(now), Some(was)) = (cell_at(cells, c, t), cell_at(truth, c, t)) else {
            continue;
        };
        match now.flag {
            Flag::Suppressed => {
                hidden += 1;
                num += was.num as u64;
                den += was.den as u64;
            }
            Flag::Ok => visible.push((now.den, now.num, c)),
            Flag::Missing | Flag::NotComputable => {}
        }
    }
    visible.sort();
    let mut changed = false;
    for (d, n, code) in visible {
        let safe = match hidden {
            0 => !parent_hidden,
            1 => false,
            _ => !rules.group_gives_away(unit, num, den),
        };
        if safe {
            break;
        }
        if let Some(cell) = cells.get_mut(code).and_then(|v| v.get_mut(t)) {
            *cell = Cell::flagged(Flag::Suppressed);
        }
        hidden += 1;
        num += n as u64;
        den += d as u64;
        changed = true;
    }
    changed
}

/// How a hidden cell could be given back by what is published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeakKind {
    /// The only hidden child of a visible parent: «parent − visible children» is its count
    /// (up to an unassigned remainder, which is small).
    OnlyHidden(AreaCode),
    /// Several hidden children of a visible parent whose true total numerator is 0, or (for
    /// shares) whose total complement is 0: «parent − visible children» pins every one of them.
    /// Not counted when every child is hidden: nothing more could be hidden, and the residual
    /// then includes the unpublished remainder.
    PinnedTotal,
    /// A hidden parent whose children are all visible: their sum gives it back.
    FromChildren,
}

/// One way a hidden cell can be recomputed from published cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leak {
    pub parent: AreaCode,
    /// The index into the indicator's periods.
    pub period: usize,
    pub kind: LeakKind,
}

/// Checks published cells (`after`) against the true ones (`before`) for every parent and
/// period: a leak is a hidden cell that «parent − visible children» (or «sum of children»)
/// gives back. After [`apply`] this finds nothing.
pub fn audit(
    reg: &Registry,
    unit: Unit,
    before: &BTreeMap<AreaCode, Vec<Cell>>,
    after: &BTreeMap<AreaCode, Vec<Cell>>,
) -> Vec<Leak> {
    let share = guard(unit) == Guard::Share;
    let mut leaks = Vec::new();
    for (parent, children) in families(reg, after) {
        let periods = after.get(&parent).map(Vec::len).unwrap_or(0);
        for t in 0..periods {
            let Some(p) = cell_at(after, &parent, t) else {
                continue;
            };
            let mut hidden: Vec<(&AreaCode, Cell)> = Vec::new();
            let mut visible = 0usize;
            for c in &children {
                let (Some(now), Some(was)) = (cell_at(after, c, t), cell_at(before, c, t)) else {
                    continue;
                };
                match now.flag {
                    Flag::Suppressed => hidden.push((c, was)),
                    Flag::Ok => visible += 1,
                    Flag::Missing | Flag::NotComputable => {}
                }
            }
            let kind = match p.flag {
                Flag::Ok if hidden.len() == 1 => Some(LeakKind::OnlyHidden(hidden[0].0.clone())),
                Flag::Ok if hidden.len() > 1 && visible > 0 => {
                    let num: u64 = hidden.iter().map(|(_, c)| c.num as u64).sum();
                    let den: u64 = hidden.iter().map(|(_, c)| c.den as u64).sum();
                    (num == 0 || (share && den <= num)).then_some(LeakKind::PinnedTotal)
                }
                Flag::Suppressed if hidden.is_empty() && visible > 0 => {
                    Some(LeakKind::FromChildren)
                }
                _ => None,
            };
            if let Some(kind) = kind {
                leaks.push(Leak {
                    parent: parent.clone(),
                    period: t,
                    kind,
                });
            }
        }
    }
    leaks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Area;
    use proptest::prelude::*;

    fn code(s: &str) -> AreaCode {
        AreaCode::parse(s).unwrap()
    }

    fn registry(codes: &[&str]) -> Registry {
        Registry::new(
            codes
                .iter()
                .map(|c| Area {
                    code: code(c),
                    name: format!("område {c}"),
                })
                .collect(),
        )
        .unwrap()
    }

    fn one(cells: &[(&str, Cell)]) -> BTreeMap<AreaCode, Vec<Cell>> {
        cells
            .iter()
            .map(|(c, cell)| (code(c), vec![*cell]))
            .collect()
    }

    fn flag(map: &BTreeMap<AreaCode, Vec<Cell>>, c: &str) -> Flag {
        map[&code(c)][0].flag
    }

    #[test]
    fn primary_numerator_rule() {
        let r = Rules::default();
        assert!(r.hides(Unit::Percent, 3, 100));
        assert!(r.hides(Unit::Percent, 0, 100));
        assert!(!r.hides(Unit::Percent, 4, 100));
        assert!(r.hides(Unit::Per1000, 3, 5000));
        assert!(r.hides(Unit::Count, 2, 0));
        assert!(!r.hides(Unit::Count, 4, 0));
    }

    #[test]
    fn primary_complement_rule_only_for_shares() {
        let r = Rules::default();
        assert!(r.hides(Unit::Percent, 97, 100));
        assert!(!r.hides(Unit::Percent, 96, 100));
        // Events may outnumber persons: no complement for rates.
        assert!(!r.hides(Unit::Per1000, 100, 100));
        assert!(!r.hides(Unit::Per1000, 150, 100));
    }

    #[test]
    fn primary_denominator_rule() {
        let r = Rules::default();
        assert!(r.hides(Unit::Percent, 5, 10));
        assert!(!r.hides(Unit::Percent, 5, 11));
        assert!(r.hides(Unit::Per1000, 5, 10));
        assert!(!r.hides(Unit::Per1000, 5, 11));
    }

    #[test]
    fn zero_switches_a_rule_off_and_open_units_are_never_hidden() {
        let off = Rules {
            min_num: 0,
            min_complement: 0,
            min_den: 0,
            ..Rules::default()
        };
        assert!(!off.hides(Unit::Percent, 0, 1));
        assert!(!off.hides(Unit::Percent, 1, 1));
        assert!(!Rules::default().hides(Unit::ChangePercent, 0, 1));
        let only_den = Rules {
            min_num: 0,
            min_complement: 0,
            ..Rules::default()
        };
        assert!(only_den.hides(Unit::Percent, 0, 10));
        assert!(!only_den.hides(Unit::Percent, 0, 11));
    }

    #[test]
    fn rules_read_partially_from_toml_like_input() {
        let r: Rules = serde_json::from_str(r#"{"min_num": 0}"#).unwrap();
        assert_eq!(r.min_num, 0);
        assert_eq!(r.min_den, Rules::default().min_den);
        assert!(serde_json::from_str::<Rules>(r#"{"min_nums": 0}"#).is_err());
    }

    #[test]
    fn primary_drops_counts() {
        let mut cells = vec![Cell::ok(2, 50), Cell::ok(20, 50), Cell::ok(25, 50)];
        primary_and_series(Unit::Percent, &mut cells, &Rules::default());
        assert_eq!(cells[0], Cell::flagged(Flag::Suppressed));
        assert_eq!(cells[1], Cell::ok(20, 50));
    }

    #[test]
    fn series_rule_hides_mostly_weak_series() {
        let rules = Rules::default();
        // Two of three weak: the whole series goes.
        let mut cells = vec![Cell::ok(2, 50), Cell::ok(3, 50), Cell::ok(25, 50)];
        primary_and_series(Unit::Percent, &mut cells, &rules);
        assert!(cells.iter().all(|c| *c == Cell::flagged(Flag::Suppressed)));
        // Exactly half is not more than half: the strong point stays.
        let mut cells = vec![Cell::ok(2, 50), Cell::ok(25, 50)];
        primary_and_series(Unit::Percent, &mut cells, &rules);
        assert_eq!(cells[1], Cell::ok(25, 50));
        // Already hidden points count as weak; missing ones do not count at all.
        let mut cells = vec![
            Cell::flagged(Flag::Suppressed),
            Cell::flagged(Flag::Missing),
            Cell::flagged(Flag::Missing),
            Cell::ok(2, 50),
            Cell::ok(25, 50),
        ];
        primary_and_series(Unit::Percent, &mut cells, &rules);
        assert_eq!(cells[4], Cell::flagged(Flag::Suppressed));
        assert_eq!(cells[1], Cell::flagged(Flag::Missing));
    }

    #[test]
    fn secondary_hides_the_smallest_sibling() {
        let reg = registry(&["0", "03", "0301", "0302", "0303", "0304"]);
        let before = one(&[
            ("0", Cell::ok(160, 1000)),
            ("03", Cell::ok(160, 1000)),
            ("0301", Cell::ok(2, 100)),
            ("0302", Cell::ok(50, 300)),
            ("0303", Cell::ok(20, 200)),
            ("0304", Cell::ok(88, 400)),
        ]);
        let mut after = before.clone();
        apply(&reg, Unit::Percent, &mut after, &Rules::default());
        assert_eq!(flag(&after, "0301"), Flag::Suppressed);
        assert_eq!(flag(&after, "0303"), Flag::Suppressed);
        assert_eq!(after[&code("0302")][0], Cell::ok(50, 300));
        assert_eq!(after[&code("0304")][0], Cell::ok(88, 400));
        assert_eq!(after[&code("03")][0], Cell::ok(160, 1000));
        assert!(audit(&reg, Unit::Percent, &before, &after).is_empty());
        // Without the secondary step the single hidden kommune leaks.
        let mut primary_only = before.clone();
        for v in primary_only.values_mut() {
            primary_and_series(Unit::Percent, v, &Rules::default());
        }
        assert_eq!(
            audit(&reg, Unit::Percent, &before, &primary_only),
            vec![Leak {
                parent: code("03"),
                period: 0,
                kind: LeakKind::OnlyHidden(code("0301"))
            }]
        );
    }

    #[test]
    fn secondary_keeps_going_while_the_hidden_total_is_small() {
        let reg = registry(&["0", "03", "0301", "0302", "0303", "0304"]);
        // 0301 is hidden; its smallest sibling has 0 cases, so the pair would total 2.
        let before = one(&[
            ("0", Cell::ok(160, 1000)),
            ("03", Cell::ok(160, 1000)),
            ("0301", Cell::ok(2, 100)),
            ("0302", Cell::ok(0, 50)),
            ("0303", Cell::ok(70, 350)),
            ("0304", Cell::ok(88, 500)),
        ]);
        let mut after = before.clone();
        apply(&reg, Unit::Percent, &mut after, &Rules::default());
        // 0302 is hidden by the primary rule (0 cases), which leaves the pair 0301+0302 with a
        // total of 2: too small, so 0303 goes as well.
        assert_eq!(flag(&after, "0303"), Flag::Suppressed);
        assert_eq!(flag(&after, "0304"), Flag::Ok);
        assert!(audit(&reg, Unit::Percent, &before, &after).is_empty());
    }

    #[test]
    fn secondary_considers_the_complement() {
        let reg = registry(&["0", "03", "0301", "0302", "0303", "0304"]);
        // Two kommuner where nearly everyone is counted: numerators are large, complements tiny.
        let before = one(&[
            ("0", Cell::ok(820, 1000)),
            ("03", Cell::ok(820, 1000)),
            ("0301", Cell::ok(98, 100)),
            ("0302", Cell::ok(120, 121)),
            ("0303", Cell::ok(250, 379)),
            ("0304", Cell::ok(352, 400)),
        ]);
        let mut after = before.clone();
        apply(&reg, Unit::Percent, &mut after, &Rules::default());
        // Both are hidden by the complement rule; together they still miss only 3, so a third
        // kommune is hidden to protect the complement.
        assert_eq!(flag(&after, "0301"), Flag::Suppressed);
        assert_eq!(flag(&after, "0302"), Flag::Suppressed);
        assert_eq!(flag(&after, "0303"), Flag::Suppressed);
        assert_eq!(flag(&after, "0304"), Flag::Ok);
        // For a rate there is no complement, and the pair passes.
        let mut rate = before.clone();
        apply(&reg, Unit::Per1000, &mut rate, &Rules::default());
        assert_eq!(flag(&rate, "0301"), Flag::Ok);
    }

    #[test]
    fn bydeler_with_an_unassigned_remainder_are_protected() {
        let reg = registry(&["0", "03", "0301", "030101", "030102", "030103"]);
        let before = one(&[
            ("0", Cell::ok(400, 2000)),
            ("03", Cell::ok(400, 2000)),
            ("0301", Cell::ok(400, 2000)),
            ("030101", Cell::ok(3, 200)),
            ("030102", Cell::ok(150, 800)),
            ("030103", Cell::ok(200, 900)),
            // 47 of 100 without a bydel.
        ]);
        let mut after = before.clone();
        apply(&reg, Unit::Percent, &mut after, &Rules::default());
        assert_eq!(flag(&after, "030101"), Flag::Suppressed);
        assert_eq!(flag(&after, "030102"), Flag::Suppressed);
        assert_eq!(flag(&after, "030103"), Flag::Ok);
        assert!(audit(&reg, Unit::Percent, &before, &after).is_empty());
    }

    #[test]
    fn a_hidden_parent_is_not_given_back_by_its_children() {
        let reg = registry(&["0", "03", "11", "0301", "1101", "110101", "110102"]);
        let before = one(&[
            ("0", Cell::ok(300, 3000)),
            ("03", Cell::ok(298, 2000)),
            ("11", Cell::ok(2, 1000)),
            ("0301", Cell::ok(298, 2000)),
            ("1101", Cell::ok(2, 1000)),
            ("110101", Cell::ok(1, 500)),
            ("110102", Cell::ok(1, 500)),
        ]);
        // Hand-made: kommune 1101 hidden although its bydeler are visible.
        let mut after = before.clone();
        after.get_mut(&code("1101")).unwrap()[0] = Cell::flagged(Flag::Suppressed);
        after.get_mut(&code("11")).unwrap()[0] = Cell::flagged(Flag::Suppressed);
        after.get_mut(&code("03")).unwrap()[0] = Cell::flagged(Flag::Suppressed);
        after.get_mut(&code("0301")).unwrap()[0] = Cell::flagged(Flag::Suppressed);
        for b in ["110101", "110102"] {
            after.get_mut(&code(b)).unwrap()[0] = Cell::ok(1, 500);
        }
        let leaks = audit(&reg, Unit::Per1000, &before, &after);
        assert!(leaks.contains(&Leak {
            parent: code("1101"),
            period: 0,
            kind: LeakKind::FromChildren
        }));
        let mut applied = before.clone();
        apply(&reg, Unit::Per1000, &mut applied, &Rules::default());
        assert!(audit(&reg, Unit::Per1000, &before, &applied).is_empty());
    }

    #[test]
    fn change_percent_is_left_alone() {
        let reg = registry(&["0", "03", "0301"]);
        let before = one(&[
            ("0", Cell::ok(1, 1)),
            ("03", Cell::ok(1, 1)),
            ("0301", Cell::ok(1, 1)),
        ]);
        let mut after = before.clone();
        apply(&reg, Unit::ChangePercent, &mut after, &Rules::default());
        assert_eq!(after, before);
    }

    /// A random hierarchy with counts that add up: landet = Σ fylker, fylke = Σ kommuner,
    /// kommune = Σ bydeler + a remainder without bydel.
    fn hierarchy() -> impl Strategy<Value = (Registry, BTreeMap<AreaCode, Vec<Cell>>, Unit)> {
        let leaf = prop_oneof![3 => 0u32..15, 2 => 0u32..80, 1 => 0u32..2000];
        let cell = (leaf, 0.0f64..=1.0).prop_map(|(den, p)| (den, (den as f64 * p).round() as u32));
        let periods = 1usize..4;
        let kommune = (
            proptest::collection::vec(proptest::collection::vec(cell.clone(), 4), 0..4),
            proptest::collection::vec(cell, 4),
        );
        let fylke = proptest::collection::vec(kommune, 1..5);
        let unit = prop_oneof![Just(Unit::Percent), Just(Unit::Per1000), Just(Unit::Count)];
        (proptest::collection::vec(fylke, 1..4), periods, unit).prop_map(
            |(fylker, periods, unit)| {
                let mut areas = vec![Area {
                    code: AreaCode::landet(),
                    name: "Landet".into(),
                }];
                let mut cells: BTreeMap<AreaCode, Vec<(u32, u32)>> = BTreeMap::new();
                let add = |map: &mut BTreeMap<AreaCode, Vec<(u32, u32)>>,
                           c: &AreaCode,
                           v: &[(u32, u32)]| {
                    let e = map
                        .entry(c.clone())
                        .or_insert_with(|| vec![(0, 0); periods]);
                    for (t, (num, den)) in v.iter().take(periods).enumerate() {
                        e[t].0 += num;
                        e[t].1 += den;
                    }
                };
                for (f, kommuner) in fylker.iter().enumerate() {
                    let fc = code(&format!("{:02}", f + 1));
                    areas.push(Area {
                        code: fc.clone(),
                        name: "Fylke".into(),
                    });
                    for (k, (bydeler, rest)) in kommuner.iter().enumerate() {
                        let kc = code(&format!("{fc}{:02}", k + 1));
                        areas.push(Area {
                            code: kc.clone(),
                            name: "Kommune".into(),
                        });
                        // A single bydel would be its kommune: a real set has at least two.
                        let bydeler = if bydeler.len() == 1 { &[][..] } else { bydeler };
                        for (b, counts) in bydeler.iter().enumerate() {
                            let bc = code(&format!("{kc}{:02}", b + 1));
                            areas.push(Area {
                                code: bc.clone(),
                                name: "Bydel".into(),
                            });
                            for target in [&bc, &kc, &fc, &AreaCode::landet()] {
                                add(&mut cells, target, counts);
                            }
                        }
                        for target in [&kc, &fc, &AreaCode::landet()] {
                            add(&mut cells, target, rest);
                        }
                    }
                }
                let reg = Registry::new(areas).unwrap();
                let cells = cells
                    .into_iter()
                    .map(|(c, v)| (c, v.into_iter().map(|(n, d)| Cell::ok(n, d)).collect()))
                    .collect();
                (reg, cells, unit)
            },
        )
    }

    fn rules() -> impl Strategy<Value = Rules> {
        prop_oneof![
            3 => Just(Rules::default()),
            1 => (0u32..6, 0u32..6, 0u32..20, 0.0f64..1.0).prop_map(|(n, c, d, s)| Rules {
                min_num: n,
                min_complement: c,
                min_den: d,
                series_max_small_share: s,
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn apply_leaves_no_leak((reg, before, unit) in hierarchy(), rules in rules()) {
            let mut after = before.clone();
            apply(&reg, unit, &mut after, &rules);
            let leaks = audit(&reg, unit, &before, &after);
            prop_assert!(leaks.is_empty(), "{leaks:?}");
        }

        #[test]
        fn apply_keeps_the_primary_rules_and_never_alters_a_shown_cell(
            (reg, before, unit) in hierarchy(), rules in rules()
        ) {
            let mut after = before.clone();
            apply(&reg, unit, &mut after, &rules);
            for (c, cells) in &after {
                for (t, cell) in cells.iter().enumerate() {
                    match cell.flag {
                        Flag::Ok => {
                            prop_assert!(!rules.hides(unit, cell.num, cell.den));
                            prop_assert_eq!(*cell, before[c][t]);
                        }
                        _ => prop_assert_eq!((cell.num, cell.den), (0, 0)),
                    }
                }
            }
        }
    }
}
