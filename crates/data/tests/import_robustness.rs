//! No input makes an importer panic: random bytes, and damaged versions of every fixture.

mod import_support;

use import_support::*;
use oppvekst_core::area::AreaCode;
use oppvekst_data::import::{import_as, CodeMap, Format, ImportOptions, MeasureRole};
use proptest::prelude::*;
use std::sync::OnceLock;

const FIXTURES: [&str; 6] = [
    "ssb_12944_vedvarende_lavinntekt.json",
    "fhi_trangboddhet.json",
    "fhi_trangboddhet_bad.json",
    "fhi_lavinntekt.csv",
    "fhi_lavinntekt_bad.csv",
    "ssb_12944_truncated.json",
];

fn codes() -> &'static CodeMap {
    static CODES: OnceLock<CodeMap> = OnceLock::new();
    CODES.get_or_init(sample_codes)
}

fn opts() -> ImportOptions {
    ImportOptions {
        filters: vec![],
        measures: vec![
            ("TELLER".into(), MeasureRole::Num),
            ("NEVNER".into(), MeasureRole::Den),
            ("Personer1".into(), MeasureRole::Num),
            ("PersonerIAlt".into(), MeasureRole::Den),
        ],
        shares: true,
        ..ImportOptions::default()
    }
}

/// Both parsers on the same bytes; an `Err` is fine, a panic is not.
fn both(bytes: &[u8], opts: &ImportOptions) {
    let reg = registry();
    let known = |c: &AreaCode| reg.contains(c);
    for f in [Format::JsonStat, Format::FhiCsv] {
        let _ = import_as(f, "fuzz", bytes, opts, codes(), &known);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        both(&bytes, &opts());
    }

    #[test]
    fn random_csv_bodies(body in "[0-9;,.:\"\r\n_ -]{0,400}") {
        let text = format!("GEO;AAR;KJONN;TELLER;NEVNER;RATE;SPVFLAGG\n{body}");
        both(text.as_bytes(), &opts());
        both(text.as_bytes(), &ImportOptions::from_args(&["KJONN=0"], &[]).unwrap());
    }

    #[test]
    fn damaged_fixtures(
        which in 0..FIXTURES.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = fixture(FIXTURES[which]);
        for (at, b) in &edits {
            let i = at.index(bytes.len());
            bytes[i] = *b;
        }
        both(&bytes, &opts());
        both(&bytes, &ImportOptions::from_args(&["KJONN=0"], &[]).unwrap());
        let keep = cut.index(bytes.len() + 1);
        both(&bytes[..keep], &opts());
    }

    /// JSON-stat documents whose structure is right but whose numbers are anything.
    #[test]
    fn json_stat_with_wild_sizes_and_values(
        sizes in proptest::collection::vec(0usize..4, 3),
        values in proptest::collection::vec(prop_oneof![
            Just("null".to_string()),
            any::<f64>().prop_map(|v| if v.is_finite() { v.to_string() } else { "1e308".into() }),
            Just("\"..\"".to_string()),
            Just("-1".to_string()),
        ], 0..30),
        status in "[.:*#-]{0,3}",
    ) {
        let cat = |prefix: &str, n: usize| {
            let codes: Vec<String> = (0..n).map(|i| format!("\"{prefix}{i}\"")).collect();
            format!("{{\"category\":{{\"index\":[{}]}}}}", codes.join(","))
        };
        let doc = format!(
            "{{\"id\":[\"GEO\",\"AAR\",\"MEASURE_TYPE\"],\"size\":[{},{},{}],\
             \"dimension\":{{\"GEO\":{},\"AAR\":{},\"MEASURE_TYPE\":{{\"category\":{{\"index\":[\"TELLER\",\"NEVNER\",\"RATE\"]}}}}}},\
             \"value\":[{}],\"status\":\"{}\"}}",
            sizes[0], sizes[1], sizes[2],
            cat("03", sizes[0]), cat("202", sizes[1]),
            values.join(","), status
        );
        both(doc.as_bytes(), &opts());
    }
}
