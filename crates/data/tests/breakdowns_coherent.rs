//! Over every shipped area bundle: no breakdown splits what the split says nothing about (a
//! household's low income, crowding or single parent by sex; a kindergarten's staffing by sex
//! or by the child's background; the share of immigrant children by immigrant background), and
//! every total lies between its groups' values.

mod shipped_support;

use shipped_support::Shipped;

#[test]
fn breakdowns_split_only_what_they_can_and_totals_lie_between_groups() {
    let shipped = Shipped::read();
    let ctx = &shipped.ctx;
    let never = [
        ("kjonn", "lavinntekt_vedvarende"),
        ("kjonn", "trangbodd"),
        ("kjonn", "enslige_forsorgere"),
        ("kjonn", "pedagognorm"),
        ("innvandring", "pedagognorm"),
        ("innvandring", "innvandrere_0_17"),
        ("innvandring", "barnehage_minoritet"),
    ];
    let (mut splits, mut checked) = (0, 0);
    for area in shipped.areas() {
        for b in &area.breakdowns {
            splits += 1;
            let dim = ctx.dimensions[b.dimension as usize].id.as_str();
            let ind = &ctx.catalogue[b.indicator as usize];
            assert!(
                !never.contains(&(dim, ind.id.as_str())),
                "{} splits {} by {dim}",
                area.code,
                ind.id
            );
            let total = area
                .series
                .iter()
                .find(|s| s.indicator == b.indicator)
                .and_then(|s| s.cells.last().copied());
            let values: Vec<f64> = b.cells.iter().filter_map(|c| c.value(ind.unit)).collect();
            let (Some(total), true) = (
                total.and_then(|c| c.value(ind.unit)),
                values.len() == b.cells.len(),
            ) else {
                continue;
            };
            checked += 1;
            let lo = values.iter().cloned().fold(f64::MAX, f64::min);
            let hi = values.iter().cloned().fold(f64::MIN, f64::max);
            // The groups' counts add up to the total's, so it is their weighted mean.
            assert!(
                total >= lo - 1e-9 && total <= hi + 1e-9,
                "{} {} by {dim}: total {total} outside {lo}..{hi}",
                area.code,
                ind.id
            );
        }
    }
    assert!(
        splits > 1000 && checked > 1000,
        "{splits} splits, {checked} checked"
    );
}
