//! Round trips and every way a file can be broken.

use super::*;
use crate::area::{Area, AreaCode, Registry};
use crate::indicator::{Cell, Flag};
use crate::population::{AgeProfile, PopulationSeries, PopulationYear};
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
            years: vec![vec![3; 25]],
        },
        series: vec![Series {
            indicator: "x".into(),
            cells: vec![Cell::ok(3, 40), Cell::flagged(Flag::Suppressed)],
        }],
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
        population: vec![
            (AreaCode::landet(), pop(5000)),
            (AreaCode::parse("03").unwrap(), pop(1000)),
        ],
        landet_ages: AgeProfile {
            first_year: 2024,
            years: vec![vec![1; 25]],
        },
        catalogue: vec![],
        comparators: vec![],
        kommuner: vec![],
        themes: Default::default(),
        old_codes: vec![],
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
fn flagged_cells_with_counts_are_rejected() {
    let mut a = area_bundle();
    a.series[0].cells[1] = Cell {
        num: 2,
        den: 5,
        flag: Flag::Suppressed,
    };
    assert!(matches!(
        decode::<AreaBundle>(&encode(&a)),
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
