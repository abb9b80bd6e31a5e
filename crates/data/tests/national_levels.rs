//! Over the shipped bundles: landet's modelled value follows the published national value (FHI,
//! Udir, NOVA, SSB; `sources/real/landet_reference_values.csv`) in every period the catalogue
//! shares with the publication, within max(0,3 percentage points, 2 × its 95 % interval's
//! half-width): the demo's national levels are the country's, only its areas are invented.

mod shipped_support;

use oppvekst_core::stats::ci::{cell_ci, Confidence};
use oppvekst_data::model::published;
use std::path::Path;

#[test]
fn landet_follows_the_published_national_values() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = root.join("../shared/data/sources").join(published::FILE);
    if !file.exists() {
        eprintln!("skipped: {} not found", file.display());
        return;
    }
    let reference = published::read(&file).unwrap();
    let ctx = shipped_support::Shipped::read().ctx;
    let (_, landet) = ctx
        .comparators
        .iter()
        .find(|(c, _)| c.as_str() == "0")
        .unwrap();
    let mut compared = Vec::new();
    let mut off = Vec::new();
    for (i, ind) in ctx.catalogue.iter().enumerate() {
        let Some(list) = reference.get(&ind.id) else {
            continue;
        };
        let series = landet.iter().find(|s| s.indicator as usize == i).unwrap();
        for p in list {
            let Some(k) = ind.periods.iter().position(|q| *q == p.period) else {
                continue;
            };
            let cell = series.cells[k];
            let value = cell.value(ind.unit).unwrap();
            let half = cell_ci(ind, &cell, Confidence::P95).map_or(0.0, |ci| (ci.hi - ci.lo) / 2.0);
            let allowed = f64::max(0.3, 2.0 * half);
            compared.push(format!("{} {:?}", ind.id, p.period));
            if (value - p.value).abs() > allowed {
                off.push(format!(
                    "{} {}–{}: modelled {value:.2}, published {} (± {allowed:.2})",
                    ind.id, p.period.first, p.period.last, p.value
                ));
            }
        }
    }
    assert!(off.is_empty(), "{}", off.join("\n"));
    // Every indicator the file shares a period with is checked: trivsel and overweight too, now
    // that the catalogue pools them as FHI publishes them (3 school years, 4 years).
    for id in [
        "mobbing_7",
        "trivsel_10",
        "overvekt",
        "barnevern_tiltak",
        "barnehage_dekning",
        "lavinntekt_vedvarende",
        "trangbodd",
        "lesing_5",
        "regning_5",
    ] {
        assert!(
            compared.iter().any(|c| c.starts_with(&format!("{id} "))),
            "{id} not compared: {compared:?}"
        );
    }
}
