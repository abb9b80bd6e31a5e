//! Round trips and every way a file can be broken.

use super::*;
use crate::area::{Area, AreaCode, Registry};
use crate::indicator::{Cell, Flag};
use crate::population::{AgeProfile, PopulationSeries, PopulationYear};
use crate::stats::rank::{AreaRank, Rank};
use proptest::prelude::*;

fn pop(total: u32) -> PopulationSeries {
    PopulationSeries {
        first_year: 2024,
        years: vec![PopulationYear {
            total,
            age_0_5: 10,
            age_6_15: 20,
            age_0_17: 40,
            age_0_24: 55,
            age_16_24: 15,
        }],
    }
}

fn area_bundle() -> AreaBundle {
    AreaBundle {
        code: AreaCode::parse("0301").unwrap(),
        population: pop(1000),
        ages: AgeProfile {
            first_year: 2024,
            years: vec![[3; 25]],
        },
        series: vec![Series {
            indicator: 0,
            cells: vec![Cell::ok(3, 40), Cell::flagged(Flag::Suppressed)],
        }]
        .into(),
        breakdowns: vec![],
        ranks: Vec::new(),
    }
}

pub(crate) fn context_bundle() -> ContextBundle {
    let reg = Registry::new(vec![
        Area {
            code: AreaCode::landet(),
            name: "Landet".into(),
        },
        Area {
            code: AreaCode::parse("03").unwrap(),
            name: "Oslo".into(),
        },
        Area {
            code: AreaCode::parse("0301").unwrap(),
            name: "Oslo".into(),
        },
    ])
    .unwrap();
    ContextBundle {
        registry: reg,
        catalogue: vec![],
        comparators: vec![],
        kommuner: vec![],
        spreads: vec![],
        themes: Default::default(),
        old_codes: vec![],
        dimensions: vec![],
        apportioned: vec![],
    }
}

#[test]
fn round_trip() {
    let a = area_bundle();
    assert_eq!(decode::<AreaBundle>(&encode(&a)).unwrap(), a);
    let c = context_bundle();
    assert_eq!(decode::<ContextBundle>(&encode(&c)).unwrap(), c);
}

#[test]
fn encoding_is_deterministic() {
    assert_eq!(encode(&area_bundle()), encode(&area_bundle()));
}

#[test]
fn header_errors_are_typed() {
    let bytes = encode(&area_bundle());
    assert_eq!(
        decode::<AreaBundle>(b"<!DOCTYPE html>"),
        Err(DecodeError::BadMagic)
    );
    assert_eq!(decode::<AreaBundle>(b""), Err(DecodeError::BadMagic));
    assert!(matches!(
        decode::<AreaBundle>(&bytes[..10]),
        Err(DecodeError::Truncated { .. })
    ));
    assert!(matches!(
        decode::<AreaBundle>(&bytes[..bytes.len() - 1]),
        Err(DecodeError::Truncated { .. })
    ));
    assert!(matches!(
        decode::<ContextBundle>(&bytes),
        Err(DecodeError::WrongKind {
            expected: 1,
            found: 2
        })
    ));
    let mut v2 = bytes.clone();
    v2[4] = 99;
    assert_eq!(
        decode::<AreaBundle>(&v2),
        Err(DecodeError::WrongVersion {
            expected: FORMAT_VERSION,
            found: 99
        })
    );
    let mut long = bytes.clone();
    long.push(0);
    assert_eq!(
        decode::<AreaBundle>(&long),
        Err(DecodeError::TrailingBytes(1))
    );
}

#[test]
fn every_flipped_payload_byte_is_caught() {
    let bytes = encode(&area_bundle());
    for i in HEADER_LEN..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        assert!(
            matches!(decode::<AreaBundle>(&b), Err(DecodeError::Checksum { .. })),
            "byte {i}"
        );
    }
}

#[test]
fn flagged_cells_lose_their_counts_on_the_wire() {
    // The packed cells have no room for the counts of a flagged cell: whatever a bug upstream
    // left in a suppressed cell, the file cannot carry it.
    let mut a = area_bundle();
    a.series.get_mut(0).unwrap()[1] = Cell {
        num: 2,
        den: 5,
        flag: Flag::Suppressed,
    };
    let back = decode::<AreaBundle>(&encode(&a)).unwrap();
    assert_eq!(
        back.series.get(0).unwrap()[1],
        Cell::flagged(Flag::Suppressed)
    );
    assert_eq!(back.series.get(0).unwrap()[0], Cell::ok(3, 40));
}

#[test]
fn an_area_is_checked_against_the_catalogue() {
    let mut ctx = context_bundle();
    let area = area_bundle();
    // The test context has an empty catalogue: index 0 points nowhere.
    assert!(matches!(
        ctx.check_area(&area),
        Err(DecodeError::Invalid(_))
    ));
    ctx.catalogue = vec![crate::stats::testutil::indicator(
        "x",
        crate::indicator::Unit::Percent,
        crate::indicator::TestKind::Binomial,
        crate::indicator::Polarity::HigherIsWorse,
    )];
    ctx.catalogue[0].periods.truncate(2);
    // A kommune's bundle carries a rank for each indicator.
    assert!(matches!(
        ctx.check_area(&area),
        Err(DecodeError::Invalid(_))
    ));
    let mut area = area;
    area.ranks = vec![rank(3, 356)];
    assert_eq!(ctx.check_area(&area), Ok(()));
    for impossible in [rank(0, 356), rank(357, 356)] {
        area.ranks = vec![impossible];
        assert!(ctx.check_area(&area).is_err());
    }
    area.ranks = vec![rank(3, 356)];
    ctx.catalogue[0].periods.truncate(1);
    assert!(matches!(
        ctx.check_area(&area),
        Err(DecodeError::Invalid(_))
    ));
    // Other areas carry none.
    area.code = AreaCode::parse("03").unwrap();
    ctx.catalogue[0].periods = area_bundle_periods();
    assert!(ctx.check_area(&area).is_err());
    area.ranks.clear();
    assert_eq!(ctx.check_area(&area), Ok(()));
}

fn area_bundle_periods() -> Vec<crate::indicator::Period> {
    (2023..=2024).map(crate::indicator::Period::year).collect()
}

/// A national rank of `rank` among `of`, and first in its fylke.
fn rank(rank: usize, of: usize) -> AreaRank {
    AreaRank {
        national: Some(Rank::new(rank, of)),
        fylke: Some(Rank::new(1, 20)),
    }
}

#[test]
fn the_cells_are_checked_against_the_context() {
    let mut ctx = golden_context();
    let kommuner = golden_cells();
    let whole = ctx.with_cells(kommuner.clone()).unwrap();
    assert_eq!(whole.kommuner, kommuner.kommuner);
    assert_eq!(whole.comparators, kommuner.comparators);
    // Only kommuner, only known ones, only as many periods as the catalogue has.
    for code in ["03", "0", "4601"] {
        let mut k = kommuner.clone();
        k.kommuner[0].0 = AreaCode::parse(code).unwrap();
        assert!(ctx.with_cells(k).is_err(), "{code}");
    }
    // Comparators are landet and fylker, with every period.
    let mut k = kommuner.clone();
    k.comparators[0].0 = AreaCode::parse("0301").unwrap();
    assert!(ctx.with_cells(k).is_err());
    let mut k = kommuner.clone();
    k.comparators[0].1 = vec![Series {
        indicator: 0,
        cells: vec![Cell::ok(90, 1000); 4],
    }]
    .into();
    assert!(ctx.with_cells(k).is_err());
    let mut k = kommuner.clone();
    k.kommuner[0].1.push(4, &[Cell::ok(1, 2)]);
    assert!(ctx.with_cells(k).is_err());
    ctx.catalogue[0].periods.clear();
    assert!(ctx.with_cells(kommuner).is_err());
}

#[test]
fn a_profile_takes_its_comparators_from_their_bundles() {
    let ctx = golden_context();
    let mut landet = area_bundle();
    landet.code = AreaCode::landet();
    landet.series = golden_cells().comparators[0].1.clone();
    let with = ctx.with_comparators(&[&landet]).unwrap();
    assert_eq!(with.comparators, golden_cells().comparators);
    assert_eq!(crate::stats::cells::landet(&with), Some(&landet.series));
    // Only landet and fylker, and only bundles that fit the catalogue.
    let kommune = area_bundle();
    assert!(ctx.with_comparators(&[&landet, &kommune]).is_err());
    landet.series = vec![Series {
        indicator: 0,
        cells: vec![Cell::ok(90, 1000); 6],
    }]
    .into();
    assert!(ctx.with_comparators(&[&landet]).is_err());
}

#[test]
fn a_context_has_a_spread_for_each_indicator() {
    let mut c = golden_context();
    assert_eq!(decode::<ContextBundle>(&encode(&c)), Ok(c.clone()));
    c.spreads.push(None);
    assert!(matches!(
        decode::<ContextBundle>(&encode(&c)),
        Err(DecodeError::Invalid(_))
    ));
}

#[test]
fn inconsistent_population_is_rejected() {
    let mut a = area_bundle();
    a.population.years[0].age_0_17 = 5000;
    assert!(matches!(
        decode::<AreaBundle>(&encode(&a)),
        Err(DecodeError::Invalid(_))
    ));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode::<AreaBundle>(&bytes);
        let _ = decode::<ContextBundle>(&bytes);
    }

    #[test]
    fn arbitrary_payload_behind_a_valid_envelope_never_panics(payload in proptest::collection::vec(any::<u8>(), 0..400)) {
        // A valid envelope forces the payload parser and the validation to run on garbage.
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.push(Kind::Area as u8);
        bytes.push(0);
        bytes.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let _ = decode::<AreaBundle>(&bytes);
    }
}

/// The bundles behind the golden files: several years, gaps, flags and a catalogue entry.
fn golden_area() -> AreaBundle {
    let mut a = area_bundle();
    a.population.years.push(PopulationYear {
        total: 1012,
        age_0_5: 9,
        age_6_15: 22,
        age_0_17: 41,
        age_0_24: 57,
        age_16_24: 16,
    });
    a.ages
        .years
        .push(std::array::from_fn(|age| 30 + age as u32));
    a.series.push(
        2,
        &[
            Cell::flagged(Flag::Missing),
            Cell::ok(70_000, 1_200_000),
            Cell::ok(69_500, 1_201_000),
            Cell::flagged(Flag::NotComputable),
        ],
    );
    a.breakdowns = vec![crate::breakdown::Breakdown {
        dimension: 0,
        indicator: 0,
        cells: vec![Cell::ok(40, 500), Cell::flagged(Flag::Suppressed)],
    }];
    // Format 7: a kommune's ranks, one with no value to rank.
    a.ranks = vec![
        rank(3, 356),
        AreaRank {
            national: None,
            fylke: None,
        },
    ];
    a
}

/// The comparators' and kommuner's cells behind their golden file (format 7).
fn golden_cells() -> CellsBundle {
    let series = |cells| -> SeriesSet {
        vec![Series {
            indicator: 0,
            cells,
        }]
        .into()
    };
    CellsBundle {
        comparators: vec![(AreaCode::landet(), series(vec![Cell::ok(90, 1000); 5]))],
        kommuner: vec![(
            AreaCode::parse("0301").unwrap(),
            vec![Series {
                indicator: 0,
                cells: vec![Cell::flagged(Flag::Suppressed)],
            }]
            .into(),
        )],
    }
}

fn golden_context() -> ContextBundle {
    let mut c = context_bundle();
    let mut real = crate::stats::testutil::indicator(
        "x",
        crate::indicator::Unit::Percent,
        crate::indicator::TestKind::Binomial,
        crate::indicator::Polarity::HigherIsWorse,
    );
    // Format 4: a real indicator names the table it was fetched from.
    real.provenance = crate::indicator::Provenance::Real;
    real.origin = Some(crate::indicator::Origin {
        producer: "FHI Statistikk".into(),
        table: "nokkel/403".into(),
        fetched: "2026-12-04".into(),
    });
    c.catalogue = vec![real];
    // Format 7: the spread over the kommuner, without their cells.
    c.spreads = vec![Some(crate::stats::spread::Spread {
        n: 340,
        min: 0.5,
        p25: 2.25,
        median: 3.0,
        p75: 4.125,
        max: 19.0,
        best: Some(crate::stats::spread::BestRange {
            lo: 0.5,
            hi: 1.0,
            count: 10,
        }),
    })];
    let t = crate::stats::testutil::text;
    // Format 4: a kommune's history apportioned among the parts it was divided into.
    c.apportioned = vec![crate::population::Apportioned {
        parts: vec![
            AreaCode::parse("0301").unwrap(),
            AreaCode::parse("03").unwrap(),
        ],
        until: 2023,
        by: 2024,
    }];
    c.dimensions = vec![crate::breakdown::Dimension {
        id: "kjonn".into(),
        label: t("Kjønn"),
        categories: vec![t("Gutter"), t("Jenter")],
    }];
    // Format 6: an old number with the name it had.
    c.old_codes = vec![crate::search::OldCode {
        code: "0302".into(),
        to: AreaCode::parse("0301").unwrap(),
        until: 2019,
        name: "Gamle Oslo (Oslo)".into(),
    }];
    // Format 5: a theme's direction sentences, chosen in the app from the area's figures.
    c.themes.immigrant_direction = crate::theme::Direction {
        indicators: vec!["x".into()],
        worse: t("I {area} oftere: {indicators}."),
        better: t("I {area} sjeldnere: {indicators}."),
        unclear: t("I {area} ingen entydig forskjell."),
    };
    c
}

/// Golden files pin the format: a change to the bytes of a bundle must come with a new
/// `FORMAT_VERSION` (so that old apps refuse new files), and new golden files. Regenerate them
/// with `GOLDEN_UPDATE=1 cargo test -p oppvekst-core golden`.
#[test]
fn golden_files_pin_format_8() {
    assert_eq!(FORMAT_VERSION, 8, "a new format needs new golden files");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/codec/golden");
    let cases: [(&str, Vec<u8>); 3] = [
        ("area-v8.bin", encode(&golden_area())),
        ("context-v8.bin", encode(&golden_context())),
        ("cells-v8.bin", encode(&golden_cells())),
    ];
    for (name, bytes) in &cases {
        let path = dir.join(name);
        if std::env::var_os("GOLDEN_UPDATE").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, bytes).unwrap();
        }
        let golden = std::fs::read(&path).unwrap();
        assert_eq!(
            &golden, bytes,
            "{name}: the format changed without a new version"
        );
    }
    assert_eq!(decode::<AreaBundle>(&cases[0].1), Ok(golden_area()));
    assert_eq!(decode::<ContextBundle>(&cases[1].1), Ok(golden_context()));
    assert_eq!(decode::<CellsBundle>(&cases[2].1), Ok(golden_cells()));
}

#[test]
fn a_page_may_name_only_a_versioned_manifest() {
    let name = super::versioned_name(b"{}");
    assert!(super::is_versioned_name(&name), "{name}");
    for bad in [
        "manifest.json",
        "manifest-0123abcd.js",
        "manifest-0123ABCD.json",
        "manifest-0123abc.json",
        "manifest-0123abcd0.json",
        "../manifest-0123abcd.json",
        "//evil.example/manifest-0123abcd.json",
        "manifest-0123abcg.json",
    ] {
        assert!(!super::is_versioned_name(bad), "{bad}");
    }
}

/// Every text of a context (anything shaped like a `Text`), with the languages other than
/// `lang` emptied: what [`ContextBundle::in_lang`] must give, whatever type holds the text.
fn json_in_lang(value: &mut serde_json::Value, lang: crate::Lang) -> usize {
    use serde_json::Value;
    match value {
        Value::Object(fields) => {
            let langs = crate::Lang::ALL.map(|l| l.code());
            if fields.len() == 3
                && langs
                    .iter()
                    .all(|l| fields.get(*l).is_some_and(Value::is_string))
            {
                for l in langs.into_iter().filter(|l| *l != lang.code()) {
                    fields.insert(l.into(), Value::String(String::new()));
                }
                1
            } else {
                fields.values_mut().map(|v| json_in_lang(v, lang)).sum()
            }
        }
        Value::Array(items) => items.iter_mut().map(|v| json_in_lang(v, lang)).sum(),
        _ => 0,
    }
}

#[test]
fn a_context_in_one_language_carries_no_other() {
    let mut full = golden_context();
    full.themes.levers = vec![crate::theme::Section {
        id: "l".into(),
        title: crate::stats::testutil::text("Tittel"),
        body: crate::stats::testutil::text("Tekst"),
    }];
    for lang in crate::Lang::ALL {
        let mut expected = serde_json::to_value(&full).unwrap();
        let texts = json_in_lang(&mut expected, lang);
        // The catalogue's four, the dimension's three, the themes' (lever, immigrant, direction,
        // sources) at least seven.
        assert!(texts >= 14, "{texts} texts");
        let only = full.in_lang(lang);
        assert_eq!(serde_json::to_value(&only).unwrap(), expected, "{lang:?}");
        assert_eq!(
            only.catalogue[0].label.get(lang),
            full.catalogue[0].label.get(lang)
        );
        assert_eq!(decode::<ContextBundle>(&encode(&only)), Ok(only));
    }
    // And the three make the whole again; contexts of two builds do not.
    let [nb, nn, en] = crate::Lang::ALL.map(|l| full.in_lang(l));
    assert_eq!(
        ContextBundle::joined(nb.clone(), nn.clone(), en.clone()),
        Ok(full.clone())
    );
    let mut other = en;
    other.old_codes.clear();
    assert!(ContextBundle::joined(nb, nn, other).is_err());
}
