//! The barometer drawn in parts (the app draws a group's rows when it comes to them) is the
//! barometer built whole: over every shipped area, the groups hold the same indicators, and the
//! filter's count of comparisons with landet is the rows' own. And the spreads and ranks a
//! profile shows without the kommuner's cells are those the cells give.

mod shipped_support;

use oppvekst_core::barometer::{barometer, group_indices, landet_comparisons};
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::rank::kommune_rank;
use oppvekst_core::stats::spread::kommune_spread;
use oppvekst_core::Level;
use shipped_support::Shipped;

#[test]
fn the_parts_make_the_whole_barometer_of_every_area() {
    let shipped = Shipped::read();
    let ctx = &shipped.ctx;
    let groups = group_indices(ctx);
    assert!(groups.len() >= 5, "the five groups: {groups:?}");
    let areas = shipped.areas();
    assert!(areas.len() > 400);
    for area in &areas {
        let kommune = area
            .code
            .kommune()
            .filter(|_| area.code.level() == Level::Bydel)
            .map(|k| shipped.area(k.as_str()));
        let whole = barometer(ctx, area, kommune.as_ref(), Confidence::P95);
        let parts: Vec<_> = whole
            .groups
            .iter()
            .map(|(g, rows)| (*g, rows.iter().map(|r| r.index).collect::<Vec<_>>()))
            .collect();
        assert_eq!(parts, groups, "{}", area.code);
        let vs: Vec<_> = whole.rows().filter_map(|r| r.vs_landet).collect();
        assert_eq!(
            landet_comparisons(ctx, area, Confidence::P95),
            vs,
            "{}",
            area.code
        );
    }
}

#[test]
fn the_spreads_and_ranks_shown_are_those_of_the_kommuners_cells() {
    let shipped = Shipped::read();
    let ctx = &shipped.ctx;
    let latest = |i: usize| ctx.catalogue[i].periods.len() - 1;
    let mut shown = 0;
    for (i, ind) in ctx.catalogue.iter().enumerate() {
        let spread = kommune_spread(ctx, &ind.id, latest(i));
        assert!(spread.is_some_and(|s| s.n > 100), "{}: {spread:?}", ind.id);
        assert_eq!(ctx.spreads[i], spread, "{}", ind.id);
    }
    for area in shipped.areas() {
        let b = barometer(ctx, &area, None, Confidence::P95);
        for row in b.rows() {
            assert_eq!(row.spread, ctx.spreads[row.index]);
            let cells = (area.code.level() == Level::Kommune)
                .then(|| kommune_rank(ctx, &row.indicator.id, latest(row.index), &area.code));
            assert_eq!(row.rank, cells, "{} {}", area.code, row.indicator.id);
            shown += usize::from(row.rank.is_some_and(|r| r.national.is_some()));
        }
    }
    // Most kommuner have a value, and so a rank, for most indicators.
    assert!(shown > 357 * ctx.catalogue.len() / 2, "{shown} ranks");
}
