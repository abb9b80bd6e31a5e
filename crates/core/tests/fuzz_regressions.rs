//! Replays every input a fuzz target once crashed on (`tests/fuzz_regressions/`) through every
//! parser, so that a fixed crash stays fixed in the plain `cargo test`.

use oppvekst_core::codec::{
    decode, encode, AreaBundle, Bundle, CellsBundle, ContextBundle, DecodeError, Manifest, Series,
    HEADER_LEN,
};
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_core::indicator::{Cell, Flag};
use oppvekst_core::population::{AgeProfile, PopulationSeries, PopulationYear};
use oppvekst_core::route::{parse_path, parse_query};
use oppvekst_core::AreaCode;
use std::path::{Path, PathBuf};

/// `payload` behind a valid header for `B`, as the fuzz targets build it (fuzz/src/lib.rs):
/// most crashes sit behind the checksum, which the fuzzer cannot forge by mutation.
fn in_envelope<B: Bundle>(payload: &[u8]) -> Vec<u8> {
    oppvekst_core::codec::envelope(B::KIND, payload)
}

/// The file as it is and with its header made valid, the two ways the fuzz targets decode.
fn decode_both<B: Bundle>(bytes: &[u8]) {
    let _ = decode::<B>(bytes);
    let body = bytes.get(HEADER_LEN..).unwrap_or(&[]);
    if let Ok(value) = decode::<B>(&in_envelope::<B>(body)) {
        let again = encode(&value);
        assert_eq!(encode(&decode::<B>(&again).unwrap()), again);
    }
}

fn replay(bytes: &[u8]) {
    decode_both::<ContextBundle>(bytes);
    decode_both::<AreaBundle>(bytes);
    decode_both::<CellsBundle>(bytes);
    decode_both::<GeometryBundle>(bytes);
    let text = String::from_utf8_lossy(bytes);
    let _ = Manifest::parse(&text);
    let _ = parse_path(&text);
    let _ = parse_query(&text);
}

fn saved_inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_saved_crash_is_handled() {
    for path in saved_inputs() {
        let bytes = std::fs::read(&path).unwrap();
        // A panic here names the file that brought it back.
        eprintln!("replaying {}", path.display());
        replay(&bytes);
    }
}

fn area() -> AreaBundle {
    AreaBundle {
        code: AreaCode::parse("4601").unwrap(),
        population: PopulationSeries {
            first_year: 2024,
            years: vec![PopulationYear {
                total: 300_000,
                age_0_5: 18_000,
                age_6_15: 33_000,
                age_0_17: 58_000,
                age_0_24: 90_000,
                age_16_24: 32_000,
            }],
        },
        ages: AgeProfile {
            first_year: 2024,
            years: vec![[3_500; 25]],
        },
        series: vec![Series {
            indicator: 0,
            cells: vec![Cell::ok(120, 1000), Cell::flagged(Flag::Suppressed)],
        }]
        .into(),
        breakdowns: vec![],
        ranks: vec![],
    }
}

#[test]
fn the_replay_envelope_reaches_the_payload() {
    // A broken checksum is refused as it is, and read once the replay rebuilds the header:
    // proof that the replay exercises the payload parser and not only the envelope.
    let mut bytes = encode(&area());
    bytes[12] ^= 0xff;
    assert!(matches!(
        decode::<AreaBundle>(&bytes),
        Err(DecodeError::Checksum { .. })
    ));
    let rebuilt = in_envelope::<AreaBundle>(&bytes[HEADER_LEN..]);
    assert_eq!(decode::<AreaBundle>(&rebuilt), Ok(area()));
    replay(&bytes);
}
