//! Which direction sentence an area's own figures allow. A theme text that says «these children
//! more often live in low income» was true of Norway and false of some kommuner (issue #17), so
//! the claim about the area is chosen here from the same comparison the theme's table shows:
//! the breakdown's second category against its first ([`breakdown_view`]'s `vs_first`), at
//! 95 %, with the indicator's polarity. Nothing is said where nothing can be compared.

use super::Direction;
use crate::codec::{AreaBundle, ContextBundle};
use crate::explore::breakdown::breakdown_view;
use crate::lang::Text;
use crate::stats::ci::Confidence;
use crate::stats::compare::Comparison;

/// The breakdown dimension the immigrant theme is about (`data/dimensions.toml`). Its first
/// category is the group the theme speaks of; the theme's table sets the others against it.
pub const IMMIGRANT_DIMENSION: &str = "innvandring";

/// The placeholders a direction text may hold; the loader refuses any other.
pub const PLACEHOLDERS: [&str; 2] = ["{area}", "{indicators}"];

/// Which way the area's figures lean for the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Significantly worse on at least one listed indicator and better on none.
    Worse,
    /// Significantly better on at least one and worse on none.
    Better,
    /// Both ways, or no significant difference on any indicator that could be compared.
    Unclear,
}

/// The outcome and the indicators behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    pub lean: Lean,
    /// Catalogue indices, in the order of the direction's list: for worse and better the
    /// indicators that show it, for unclear every indicator that could be compared.
    pub indicators: Vec<usize>,
}

impl Direction {
    /// The text for an outcome.
    pub fn text(&self, lean: Lean) -> &Text {
        match lean {
            Lean::Worse => &self.worse,
            Lean::Better => &self.better,
            Lean::Unclear => &self.unclear,
        }
    }
}

/// The first category of `dimension` against the rest on catalogue entry `index`, as the
/// theme's table shows it but seen from the first category: the table's «the others are
/// better than the group» is the group's «worse». `NoData` where the area has no such split or
/// a category is hidden.
pub fn group_comparison(
    ctx: &ContextBundle,
    area: &AreaBundle,
    dimension: &str,
    index: usize,
) -> Comparison {
    let Some(view) = breakdown_view(ctx, area, None, index, Confidence::P95) else {
        return Comparison::NoData;
    };
    let others = view
        .dimensions
        .iter()
        .find(|d| d.dimension.id == dimension)
        .and_then(|d| d.vs_first.first().copied())
        .unwrap_or(Comparison::NoData);
    match others {
        Comparison::Better => Comparison::Worse,
        Comparison::Worse => Comparison::Better,
        Comparison::Higher => Comparison::Lower,
        Comparison::Lower => Comparison::Higher,
        c => c,
    }
}

/// The sentence the area's own figures allow, or `None` when none of the direction's
/// indicators can be compared (no split, hidden categories, an id not in the catalogue).
/// A difference without polarity (higher, lower) states no better or worse, so it is left out.
pub fn choose(
    ctx: &ContextBundle,
    area: &AreaBundle,
    direction: &Direction,
    dimension: &str,
) -> Option<Chosen> {
    let (mut worse, mut better, mut compared) = (Vec::new(), Vec::new(), Vec::new());
    for id in &direction.indicators {
        let Some(index) = ctx.catalogue.iter().position(|i| &i.id == id) else {
            continue;
        };
        match group_comparison(ctx, area, dimension, index) {
            Comparison::Worse => worse.push(index),
            Comparison::Better => better.push(index),
            Comparison::Similar => {}
            _ => continue,
        }
        compared.push(index);
    }
    let (lean, indicators) = match (worse.is_empty(), better.is_empty()) {
        _ if compared.is_empty() => return None,
        (false, true) => (Lean::Worse, worse),
        (true, false) => (Lean::Better, better),
        _ => (Lean::Unclear, compared),
    };
    Some(Chosen { lean, indicators })
}

/// A direction text with its placeholders filled.
pub fn fill(template: &str, area: &str, indicators: &str) -> String {
    template
        .replace(PLACEHOLDERS[0], area)
        .replace(PLACEHOLDERS[1], indicators)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakdown::{Breakdown, Dimension};
    use crate::indicator::{Cell, Flag, Polarity, TestKind, Unit};
    use crate::stats::synthetic::synthetic_context;
    use crate::stats::testutil::{area_with, indicator, text};

    /// Low income and crowding (higher is worse), and a share where higher is better.
    fn context() -> ContextBundle {
        let mut ctx = synthetic_context(1);
        let share = |id, polarity| indicator(id, Unit::Percent, TestKind::Binomial, polarity);
        ctx.catalogue = vec![
            share("lavinntekt", Polarity::HigherIsWorse),
            share("trangbodd", Polarity::HigherIsWorse),
            share("fullfort", Polarity::HigherIsBetter),
            share("nøytral", Polarity::NoDirection),
        ];
        ctx.dimensions = vec![
            Dimension {
                id: "kjonn".into(),
                label: text("Kjønn"),
                categories: vec![text("Gutter"), text("Jenter")],
            },
            Dimension {
                id: IMMIGRANT_DIMENSION.into(),
                label: text("Innvandringsbakgrunn"),
                categories: vec![text("Innvandrere"), text("Øvrige")],
            },
        ];
        ctx
    }

    fn direction(ids: &[&str]) -> Direction {
        Direction {
            indicators: ids.iter().map(|s| s.to_string()).collect(),
            worse: text("worse"),
            better: text("better"),
            unclear: text("unclear"),
        }
    }

    /// Group (first category) and others as counts out of 1000, by immigrant background.
    fn area(splits: &[(u16, Cell, Cell)]) -> AreaBundle {
        let mut a = area_with("5610", vec![Cell::ok(100, 1000); 5]);
        a.breakdowns = splits
            .iter()
            .map(|&(indicator, group, others)| Breakdown {
                dimension: 1,
                indicator,
                cells: vec![group, others],
            })
            .collect();
        a
    }

    // 30 % and 10 % of 1000 differ significantly; 10,5 % and 10 % do not.
    fn high() -> Cell {
        Cell::ok(300, 1000)
    }
    fn low() -> Cell {
        Cell::ok(100, 1000)
    }
    fn near_low() -> Cell {
        Cell::ok(105, 1000)
    }

    fn chosen(splits: &[(u16, Cell, Cell)], ids: &[&str]) -> Option<Chosen> {
        choose(
            &context(),
            &area(splits),
            &direction(ids),
            IMMIGRANT_DIMENSION,
        )
    }

    const BOTH: [&str; 2] = ["lavinntekt", "trangbodd"];

    #[test]
    fn worse_on_one_and_similar_on_the_other_is_worse_naming_only_that_one() {
        let c = chosen(&[(0, high(), low()), (1, near_low(), low())], &BOTH).unwrap();
        assert_eq!((c.lean, c.indicators), (Lean::Worse, vec![0]));
    }

    #[test]
    fn better_on_both_is_better() {
        let c = chosen(&[(0, low(), high()), (1, low(), high())], &BOTH).unwrap();
        assert_eq!((c.lean, c.indicators), (Lean::Better, vec![0, 1]));
    }

    /// Karasjok in issue #17: worse on one, better on the other. Neither sentence may be said.
    #[test]
    fn worse_on_one_and_better_on_the_other_is_unclear() {
        let c = chosen(&[(0, high(), low()), (1, low(), high())], &BOTH).unwrap();
        assert_eq!((c.lean, c.indicators), (Lean::Unclear, vec![0, 1]));
    }

    #[test]
    fn no_significant_difference_is_unclear() {
        let c = chosen(&[(0, near_low(), low()), (1, low(), near_low())], &BOTH).unwrap();
        assert_eq!(c.lean, Lean::Unclear);
    }

    #[test]
    fn no_split_says_nothing() {
        assert_eq!(chosen(&[], &BOTH), None);
        // A split by sex is not a split by immigrant background.
        let mut a = area(&[]);
        a.breakdowns = vec![Breakdown {
            dimension: 0,
            indicator: 0,
            cells: vec![high(), low()],
        }];
        let d = direction(&BOTH);
        assert_eq!(choose(&context(), &a, &d, IMMIGRANT_DIMENSION), None);
    }

    #[test]
    fn a_suppressed_category_is_never_compared() {
        let hidden = Cell::flagged(Flag::Suppressed);
        // Hidden low income: the sentence rests on crowding alone.
        let c = chosen(&[(0, hidden, low()), (1, high(), low())], &BOTH).unwrap();
        assert_eq!((c.lean, c.indicators), (Lean::Worse, vec![1]));
        // A hidden «better» does not turn a worse into unclear: it cannot be seen.
        let c = chosen(&[(0, high(), low()), (1, low(), hidden)], &BOTH).unwrap();
        assert_eq!(c.lean, Lean::Worse);
        assert_eq!(
            chosen(&[(0, hidden, low()), (1, low(), hidden)], &BOTH),
            None
        );
        let missing = Cell::flagged(Flag::Missing);
        assert_eq!(chosen(&[(0, missing, missing)], &BOTH), None);
    }

    #[test]
    fn worse_follows_the_indicators_polarity() {
        // Higher completion is better: the group's higher share is «better».
        let c = chosen(&[(2, high(), low())], &["fullfort"]).unwrap();
        assert_eq!(c.lean, Lean::Better);
        // With no polarity a difference is neither, and nothing is said.
        assert_eq!(chosen(&[(3, high(), low())], &["nøytral"]), None);
    }

    #[test]
    fn only_the_listed_indicators_count_and_unknown_ids_are_skipped() {
        let splits = [(0, high(), low()), (2, low(), high())];
        let c = chosen(&splits, &["lavinntekt", "finnes_ikke"]).unwrap();
        assert_eq!(c.lean, Lean::Worse);
        assert_eq!(chosen(&splits, &["finnes_ikke"]), None);
    }

    #[test]
    fn the_texts_and_their_placeholders() {
        let d = direction(&BOTH);
        assert_eq!(d.text(Lean::Better).nb, "better");
        assert_eq!(
            fill(
                "I {area}: {indicators}.",
                "Karasjok",
                "lavinntekt og trangboddhet"
            ),
            "I Karasjok: lavinntekt og trangboddhet."
        );
    }
}
