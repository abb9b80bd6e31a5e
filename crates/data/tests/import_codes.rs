//! The code map on the real source tables (when they are on this machine) and on the sample.

mod import_support;

use import_support::*;
use oppvekst_core::area::AreaCode;
use oppvekst_data::import::{normalise_code, CodeMap, Resolution};
use std::path::PathBuf;
use std::time::Instant;

fn sources_dir() -> PathBuf {
    std::env::var_os("OPPVEKST_SOURCES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sources")
        })
}

fn mapped(to: &str, in_use: bool) -> Resolution {
    Resolution::Mapped {
        to: code(to),
        in_use,
    }
}

#[test]
fn sample_map_follows_the_reforms() {
    let m = sample_codes();
    assert_eq!(
        m.resolve(&code("1201"), period(2017, 2019)),
        mapped("4601", true)
    );
    assert_eq!(
        m.resolve(&code("1601"), period(2017, 2017)),
        mapped("5001", true)
    );
    assert_eq!(
        m.resolve(&code("120101"), period(2019, 2019)),
        mapped("460101", true)
    );
    assert!(matches!(
        m.resolve(&code("1507"), period(2021, 2023)),
        Resolution::Split { year: 2023, .. }
    ));
    assert!(matches!(
        m.resolve(&code("540101"), period(2021, 2021)),
        Resolution::Retired { .. }
    ));
}

/// The real table: the cases the brief names, read from the file as it is.
#[test]
fn real_redistricting_table() {
    let dir = sources_dir();
    if !dir
        .join(oppvekst_data::import::codes::REDISTRICTING_FILE)
        .exists()
    {
        eprintln!("skipped: no source tables in {}", dir.display());
        return;
    }
    let start = Instant::now();
    let m = CodeMap::from_sources_dir(&dir).unwrap();
    eprintln!(
        "loaded {} (code, year) entries in {:?}",
        m.len(),
        start.elapsed()
    );
    assert!(m.len() > 30_000);
    let n = |s: &str| normalise_code(s).unwrap();
    assert_eq!(
        m.resolve(&n("K-1201"), period(2019, 2019)),
        mapped("4601", true)
    );
    assert_eq!(
        m.resolve(&n("1601"), period(2015, 2017)),
        mapped("5001", true)
    );
    assert_eq!(
        m.resolve(&n("120101"), period(2019, 2019)),
        mapped("460101", true)
    );
    assert_eq!(
        m.resolve(&n("160101"), period(2010, 2010)),
        mapped("500101", true)
    );
    assert_eq!(m.resolve(&n("0000"), period(2024, 2024)), mapped("0", true));
    assert_eq!(
        m.resolve(&n("F-03"), period(2010, 2010)),
        mapped("03", true)
    );
    // Ålesund 1507 (2020–2023) was split into 1508 and 1580 in 2024.
    match m.resolve(&n("1507"), period(2021, 2023)) {
        Resolution::Split { parts, .. } => {
            let mut to: Vec<&str> = parts.iter().map(|(c, _)| c.as_str()).collect();
            to.sort();
            assert_eq!(to, ["1508", "1580"]);
        }
        other => panic!("{other:?}"),
    }
    // Tromsø's bydeler have no place on 2024 borders.
    assert!(matches!(
        m.resolve(&n("190201"), period(2015, 2015)),
        Resolution::Retired { until: 2019, .. }
    ));
    // Every 2024 kommune and bydel (but «uoppgitt») stands for itself in 2024.
    let klass =
        std::fs::read_to_string(dir.join("norgeo_ssb_klass_2024_fylke_kommune_bydel.csv")).unwrap();
    let mut kommuner = 0;
    for line in klass.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[3] == "kommune" && f[0] != "9999" {
            let c = f[0];
            let c = AreaCode::parse(c).unwrap();
            assert_eq!(m.resolve(&c, period(2024, 2024)), mapped(c.as_str(), true));
            kommuner += 1;
        }
        if f[3] == "bydel" && !f[0].ends_with("99") {
            let c = AreaCode::parse(f[0]).unwrap();
            assert_eq!(
                m.resolve(&c, period(2024, 2024)),
                mapped(f[0], true),
                "{line}"
            );
        }
    }
    assert_eq!(kommuner, 357);
}
