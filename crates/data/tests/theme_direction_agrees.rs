//! Over every shipped area bundle: the immigrant theme's direction sentence agrees with the
//! area's own table (issue #17: a fixed «these children more often live in low income» stood
//! over Karasjok's table, which said the opposite). The table's comparison is read here as the
//! app's table reads it, the others against the group (`vs_first`), and the chosen outcome must
//! follow from it: «worse» only where the group is significantly worse on a listed indicator and
//! better on none, «better» the other way round, nothing where nothing can be compared.

mod shipped_support;

use oppvekst_core::codec::{AreaBundle, ContextBundle};
use oppvekst_core::explore::breakdown::breakdown_view;
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::Comparison;
use oppvekst_core::theme::direction::{choose, Lean, IMMIGRANT_DIMENSION};
use shipped_support::Shipped;
use std::collections::BTreeMap;

/// What the theme's table says about the others against the group on catalogue entry `index`.
fn table_says(ctx: &ContextBundle, area: &AreaBundle, index: usize) -> Comparison {
    breakdown_view(ctx, area, None, index, Confidence::P95)
        .and_then(|v| {
            v.dimensions
                .iter()
                .find(|d| d.dimension.id == IMMIGRANT_DIMENSION)
                .and_then(|d| d.vs_first.first().copied())
        })
        .unwrap_or(Comparison::NoData)
}

#[test]
fn the_direction_sentence_never_contradicts_the_areas_own_table() {
    let shipped = Shipped::read();
    let ctx = &shipped.ctx;
    let direction = &ctx.themes.immigrant_direction;
    let listed: Vec<usize> = direction
        .indicators
        .iter()
        .map(|id| shipped.index(id))
        .collect();
    assert!(!listed.is_empty());

    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for area in shipped.areas() {
        // In the table's words: «the others are better» means the group is worse.
        let (mut group_worse, mut group_better, mut compared) = (vec![], vec![], vec![]);
        for &i in &listed {
            match table_says(ctx, &area, i) {
                Comparison::Better => group_worse.push(i),
                Comparison::Worse => group_better.push(i),
                Comparison::Similar => {}
                _ => continue,
            }
            compared.push(i);
        }
        let chosen = choose(ctx, &area, direction, IMMIGRANT_DIMENSION);
        let code = &area.code;
        let key = match &chosen {
            None => {
                assert!(
                    compared.is_empty(),
                    "{code}: silent, yet {compared:?} compare"
                );
                "none"
            }
            Some(c) => match c.lean {
                Lean::Worse => {
                    assert!(
                        group_better.is_empty(),
                        "{code}: «worse», yet better on {group_better:?}"
                    );
                    assert_eq!(
                        c.indicators, group_worse,
                        "{code}: «worse» names other indicators"
                    );
                    "worse"
                }
                Lean::Better => {
                    assert!(
                        group_worse.is_empty(),
                        "{code}: «better», yet worse on {group_worse:?}"
                    );
                    assert_eq!(
                        c.indicators, group_better,
                        "{code}: «better» names other indicators"
                    );
                    "better"
                }
                Lean::Unclear => {
                    assert!(
                        group_worse.is_empty() == group_better.is_empty(),
                        "{code}: «unclear», yet worse on {group_worse:?} and better on {group_better:?}"
                    );
                    assert_eq!(c.indicators, compared, "{code}");
                    "unclear"
                }
            },
        };
        *outcomes.entry(key.to_owned()).or_default() += 1;
        // `SHOW=1 cargo test … -- --nocapture` lists every area's outcome and its reasons.
        if std::env::var_os("SHOW").is_some() {
            let name = ctx
                .registry
                .get(code)
                .map(|a| a.name.clone())
                .unwrap_or_default();
            eprintln!("{code} {name}: {key} worse {group_worse:?} better {group_better:?}");
        }
    }
    eprintln!("direction sentences over the shipped bundles: {outcomes:?}");
    // The check means something only if the figures lead to more than one outcome.
    assert!(outcomes.len() >= 2, "{outcomes:?}");
    assert!(outcomes.values().sum::<usize>() > 300, "{outcomes:?}");
}
