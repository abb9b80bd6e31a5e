//! The barometer drawn in parts (the app draws a group's rows when it comes to them) is the
//! barometer built whole: over every shipped area, the groups hold the same indicators, and the
//! filter's count of comparisons with landet is the rows' own.

mod shipped_support;

use oppvekst_core::barometer::{barometer, group_indices, landet_comparisons};
use oppvekst_core::stats::ci::Confidence;
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
