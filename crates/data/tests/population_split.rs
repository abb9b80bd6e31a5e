//! Ålesund (1508) and Haram (1580): SSB's population on 2024 borders gives both the same history
//! 2005–2023 (each half of the kommune they were together). The build refuses that series unless
//! `data/population.toml` handles it; handled, the years before 2024 are apportioned by the
//! parts' 2024 shares, and the change in the number of children has no break.

mod shipped_support;

use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::Unit;
use oppvekst_data::apportion::{self, Handled};
use oppvekst_data::sources;
use shipped_support::Shipped;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn code(c: &str) -> AreaCode {
    AreaCode::parse(c).unwrap()
}

#[test]
fn the_even_split_in_the_source_fails_the_build_until_it_is_handled() {
    let dir = root().join("../shared/data/sources");
    if !dir.exists() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let source = sources::read_population(&dir).unwrap();
    let source_ages = sources::read_ages(&dir).unwrap();
    // The source as it is: the same figures, and a jump of +71 % and −72 % in 2024.
    let (mut p, mut a) = (source.clone(), source_ages.clone());
    let e = apportion::apply(&Handled::default(), &mut p, &mut a).unwrap_err();
    assert!(
        e.contains("1508 has the same figures as 1580 in 19 years (2005–2023)"),
        "{e}"
    );
    assert!(
        e.contains("1580 has 6955 children in 2023 and 1929 in 2024"),
        "{e}"
    );

    // Handled as the shipped file says.
    let handled = apportion::load(&root().join("data/population.toml")).unwrap();
    let (mut p, mut a) = (source.clone(), source_ages.clone());
    apportion::apply(&handled, &mut p, &mut a).unwrap();
    let (alesund, haram) = (&p[&code("1508")], &p[&code("1580")]);
    for year in 2005..=2023 {
        let whole = source[&code("1508")].get(year).unwrap().age_0_17 * 2;
        let (x, y) = (alesund.get(year).unwrap(), haram.get(year).unwrap());
        // Together they are the kommune they were; apart, as they share in 2024 (86 : 14).
        assert_eq!(x.age_0_17 + y.age_0_17, whole, "{year}");
        let share = x.age_0_17 as f64 / whole as f64;
        assert!((share - 11890.0 / 13819.0).abs() < 0.001, "{year}: {share}");
        assert!(x.is_consistent() && y.is_consistent());
    }
    // No year-to-year break any more, for the age groups and for the single years of age.
    for s in [alesund, haram] {
        for w in s.years.windows(2) {
            let change = w[1].age_0_17 as f64 / w[0].age_0_17 as f64 - 1.0;
            assert!(change.abs() < 0.05, "{change}");
        }
    }
    let ages = &a[&code("1580")];
    let i = (2023 - ages.first_year) as usize;
    let children_2023: u32 = ages.years[i][..=17].iter().sum();
    assert!((children_2023 as i64 - haram.get(2023).unwrap().age_0_17 as i64).abs() < 25);
    // Every other area is as SSB gives it.
    for (c, s) in &source {
        if !["1508", "1580"].contains(&c.as_str()) {
            assert_eq!(&p[c], s, "{c}");
        }
    }
}

/// Over the shipped bundles: the ten-year change in the number of children of Ålesund and Haram
/// is free of the split, and the spread of the change over all kommuner is no longer theirs.
#[test]
fn the_bundles_change_in_children_is_free_of_the_split() {
    let shipped = Shipped::read();
    let ctx = &shipped.ctx;
    let index = shipped.index("endring_barn_0_17");
    let unit = ctx.catalogue[index].unit;
    assert_eq!(unit, Unit::ChangePercent);
    let change = |c: &str| -> f64 {
        let (_, series) = ctx.kommuner.iter().find(|(k, _)| k.as_str() == c).unwrap();
        let s = series
            .iter()
            .find(|s| s.indicator as usize == index)
            .unwrap();
        s.cells.last().unwrap().value(unit).unwrap()
    };
    let (alesund, haram) = (change("1508"), change("1580"));
    assert!(
        alesund.abs() < 15.0 && haram.abs() < 15.0,
        "{alesund} {haram}"
    );
    let all: Vec<f64> = ctx
        .kommuner
        .iter()
        .filter_map(|(_, series)| {
            let s = series.iter().find(|s| s.indicator as usize == index)?;
            s.cells.last()?.value(unit)
        })
        .collect();
    let max = all.iter().cloned().fold(f64::MIN, f64::max);
    let min = all.iter().cloned().fold(f64::MAX, f64::min);
    assert!(max < 60.0 && min > -60.0, "spread {min} .. {max}");
    // The app is told which years are estimates.
    let a = &ctx.apportioned[0];
    assert_eq!((a.until, a.by), (2023, 2024));
    assert!(a.covers(&code("1508"), 2016) && !a.covers(&code("1508"), 2024));
}
