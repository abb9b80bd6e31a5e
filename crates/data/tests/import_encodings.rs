//! Files the importers cannot read, named for what they are: UTF-16 text and JSON-stat 1.x.

mod import_support;

use import_support::*;
use oppvekst_core::area::AreaCode;
use oppvekst_data::import::{import_as, is_utf16, Format, ImportError, ImportOptions};

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for u in units {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf16_files_are_named_as_such() {
    let csv = String::from_utf8(fixture("fhi_lavinntekt.csv")).unwrap();
    let json = String::from_utf8(fixture("fhi_trangboddhet.json")).unwrap();
    let opts = ImportOptions::from_args(&["KJONN=0"], &[]).unwrap();
    for (text, format) in [(&csv, Format::FhiCsv), (&json, Format::JsonStat)] {
        for (little, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            let bytes = utf16(text, little, bom);
            assert!(is_utf16(&bytes));
            // Not «neither JSON-stat nor CSV»: the format is seen through the encoding.
            assert_eq!(Format::detect(&bytes), Some(format), "{little} {bom}");
            let err = import("u16", &bytes, &opts).unwrap_err();
            assert_eq!(err, ImportError::Utf16);
            assert_eq!(err.to_string(), "the file is UTF-16; save it as UTF-8");
            let reg = registry();
            let known = |c: &AreaCode| reg.contains(c);
            assert_eq!(
                import_as(format, "u16", &bytes, &opts, &sample_codes(), &known),
                Err(ImportError::Utf16)
            );
        }
    }
    assert!(!is_utf16(&fixture("fhi_lavinntekt.csv")));
    assert!(!is_utf16(b"GEO;AAR\n"));
}

/// Made in the shape of JSON-stat 1.x (what the APIs answer to plain `json-stat`): a bundle
/// whose dataset keeps `id`, `size` and `role` inside `dimension`.
const V1_DATASET: &str = r#"{
    "label": "Befolkningsvekst (B)",
    "source": "Folkehelseinstituttet",
    "updated": "2022-12-20",
    "value": [3516, 2817],
    "dimension": {
        "id": ["GEO", "AAR"],
        "size": [1, 2],
        "role": {"geo": ["GEO"], "time": ["AAR"]},
        "GEO": {"label": "Geografi", "category": {"index": {"03": 0}, "label": {"03": "Oslo"}}},
        "AAR": {"label": "År", "category": {"index": {"2020": 0, "2021": 1}}}
    }
}"#;

#[test]
fn json_stat_1_is_named_with_the_fix() {
    let opts = ImportOptions::default();
    let bundle = format!("{{\"dataset\": {V1_DATASET}}}");
    let with_class = format!("{{\"class\": \"bundle\", \"dataset\": {V1_DATASET}}}");
    let other_name = format!("{{\"befvekst\": {V1_DATASET}}}");
    for doc in [&bundle, &with_class, &other_name, &V1_DATASET.to_string()] {
        let err = import("v1.json", doc.as_bytes(), &opts).unwrap_err();
        assert!(matches!(err, ImportError::JsonStat1(_)), "{err:?}");
        let m = err.to_string();
        assert!(
            m.contains("JSON-stat 1.x") && m.contains("json-stat2"),
            "{m}"
        );
    }
}
