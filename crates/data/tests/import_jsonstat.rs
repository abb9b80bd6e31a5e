//! JSON-stat 2.0 imports: an SSB PxWebApi v2 response (table 12944) and an FHI json-stat2 one.

mod import_support;

use import_support::*;
use oppvekst_core::indicator::{Cell, Flag};
use oppvekst_data::import::{to_cells, ImportError, ImportOptions, MeasureRole};

const SSB: &str = "ssb_12944_vedvarende_lavinntekt.json";
const FHI: &str = "fhi_trangboddhet.json";

fn ssb_opts() -> ImportOptions {
    ImportOptions {
        filters: vec![],
        measures: vec![
            ("Personer1".into(), MeasureRole::Num),
            ("PersonerIAlt".into(), MeasureRole::Den),
            ("Andel".into(), MeasureRole::Value),
        ],
        shares: true,
        ..ImportOptions::default()
    }
}

fn fhi_opts(kjonn: &str) -> ImportOptions {
    ImportOptions::from_args(&[&format!("KJONN={kjonn}")], &[]).unwrap()
}

#[test]
fn ssb_12944_imports_counts_flags_and_old_codes() {
    let rep = import(SSB, &fixture(SSB), &ssb_opts()).unwrap();
    let early = period(2017, 2019);
    let late = period(2021, 2023);

    let landet = rep.cell("0", early).unwrap();
    assert_eq!(
        (landet.num, landet.den, landet.value, landet.flag),
        (Some(111500.0), Some(1098000.0), Some(10.2), Flag::Ok)
    );
    // «*» marks a provisional value, which stands.
    assert_eq!(rep.cell("0", late).unwrap().num, Some(115200.0));
    // «K-0301» is Oslo.
    assert_eq!(rep.cell("0301", late).unwrap().den, Some(139500.0));
    // «:» suppresses, and the counts go with it.
    let utsira = rep.cell("1151", early).unwrap();
    assert_eq!(
        (utsira.flag, utsira.num, utsira.den),
        (Flag::Suppressed, None, None)
    );

    // Bergen's old code 1201 lands on 4601; 4601's own «..» for that period yields to it.
    let bergen = rep.cell("4601", early).unwrap();
    assert_eq!(
        (bergen.num, bergen.den, bergen.flag),
        (Some(7900.0), Some(56800.0), Flag::Ok)
    );
    assert_eq!(rep.cell("4601", late).unwrap().num, Some(8150.0));
    assert!(rep.cells.iter().all(|c| c.area.as_str() != "1201"));

    // Ålesund 1507 was split in 2024: reported at its first value's position, and dropped.
    assert!(rep.cells.iter().all(|c| !c.area.as_str().starts_with("15")));
    let problems = rows(&rep.problems);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, 31);
    assert!(problems[0].1.contains("1507") && problems[0].1.contains("split"));
    assert_eq!(rep.problems[0].file, SSB);
    assert_eq!(rep.cells.len(), 8);
}

#[test]
fn ssb_without_roles_is_read_by_its_dimension_ids() {
    let text = String::from_utf8(fixture(SSB)).unwrap();
    let start = text.find("\"role\"").unwrap();
    let end = start + text[start..].find("},").unwrap() + 2;
    let no_roles = format!("{}{}", &text[..start], &text[end..]);
    assert!(!no_roles.contains("\"role\""));
    let rep = import(SSB, no_roles.as_bytes(), &ssb_opts()).unwrap();
    assert_eq!(
        rep.cell("4601", period(2017, 2019)).unwrap().num,
        Some(7900.0)
    );

    let no_geo = no_roles.replace("\"Region\"", "\"Område\"");
    assert_eq!(
        import(SSB, no_geo.as_bytes(), &ssb_opts()),
        Err(ImportError::MissingDimension("geo"))
    );
}

#[test]
fn ssb_measures_must_be_mapped() {
    let err = import(SSB, &fixture(SSB), &ImportOptions::default()).unwrap_err();
    match &err {
        ImportError::NoMeasure { available } => {
            assert_eq!(available, &["Personer1", "PersonerIAlt", "Andel"])
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("Personer1=num"));
}

#[test]
fn fhi_json_stat2_with_sparse_values() {
    let rep = import(FHI, &fixture(FHI), &fhi_opts("0")).unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    let (a, b) = (period(2020, 2022), period(2021, 2023));
    let landet = rep.cell("0", a).unwrap();
    assert_eq!(
        (landet.num, landet.den, landet.value),
        (Some(118234.7), Some(1110512.0), Some(10.6))
    );
    assert_eq!(rep.cell("030101", a).unwrap().flag, Flag::Suppressed);
    assert_eq!(rep.cell("030101", b).unwrap().num, Some(3050.7));
    // Left out of the sparse `value`: missing.
    assert_eq!(rep.cell("4601", b).unwrap().flag, Flag::Missing);

    let areas = [code("0"), code("030101"), code("4601")];
    let cells = to_cells(&rep, &[a, b], &areas);
    assert_eq!(cells[&code("0")][0], Cell::ok(118235, 1110512));
    assert_eq!(cells[&code("030101")][0], Cell::flagged(Flag::Suppressed));
    assert_eq!(cells[&code("030101")][1], Cell::ok(3051, 9050));
    assert_eq!(cells[&code("4601")][1], Cell::flagged(Flag::Missing));
}

#[test]
fn fhi_filters_choose_the_category() {
    let boys = import(FHI, &fixture(FHI), &fhi_opts("1")).unwrap();
    assert_eq!(
        boys.cell("0", period(2020, 2022)).unwrap().num,
        Some(60512.0)
    );
    assert_eq!(
        boys.cell("03", period(2020, 2022)).unwrap().flag,
        Flag::Missing
    );

    match import(FHI, &fixture(FHI), &ImportOptions::default()) {
        Err(ImportError::AmbiguousDimension {
            dimension,
            categories,
        }) => {
            assert_eq!(dimension, "KJONN");
            assert_eq!(categories, ["0", "1", "2"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        import(FHI, &fixture(FHI), &fhi_opts("9")),
        Err(ImportError::FilterCategory {
            dimension: "KJONN".into(),
            category: "9".into()
        })
    );
    let typo = ImportOptions::from_args(&["KJONN=0", "KJØNN=0"], &[]).unwrap();
    assert_eq!(
        import(FHI, &fixture(FHI), &typo),
        Err(ImportError::UnknownFilter("KJØNN".into()))
    );
}

#[test]
fn a_rate_without_counts_is_reported_and_becomes_missing() {
    let only_rate = ImportOptions {
        filters: vec![("KJONN".into(), "0".into())],
        measures: vec![("RATE".into(), MeasureRole::Value)],
        ..ImportOptions::default()
    };
    let rep = import(FHI, &fixture(FHI), &only_rate).unwrap();
    let landet = rep.cell("0", period(2020, 2022)).unwrap();
    assert_eq!((landet.value, landet.num), (Some(10.6), None));
    let problem = rep
        .problems
        .iter()
        .find(|p| p.message.starts_with("0 2020-2022"))
        .unwrap();
    assert!(problem.message.contains("no numerator"));
    // RATE of landet 2020_2022 sits at position 2.
    assert_eq!(problem.row, 2);
    let cells = to_cells(&rep, &[period(2020, 2022)], &[code("0")]);
    assert_eq!(cells[&code("0")][0], Cell::flagged(Flag::Missing));
}

#[test]
fn bad_fhi_json_gives_problems_at_their_positions() {
    let name = "fhi_trangboddhet_bad.json";
    let rep = import(name, &fixture(name), &fhi_opts("0")).unwrap();
    let problems = rows(&rep.problems);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems
        .iter()
        .any(|(row, m)| *row == 0 && m.contains("not a number: «11x8»")));
    assert!(problems
        .iter()
        .any(|(row, m)| *row == 9 && m.contains("unknown status «#»")));
    assert!(problems
        .iter()
        .any(|(row, m)| *row == 72 && m.contains("unknown area code 9998")));
    // The malformed cells are gone; the rest is there.
    assert!(rep.cell("0", period(2020, 2022)).is_none());
    assert!(rep.cell("0", period(2021, 2023)).is_none());
    assert_eq!(
        rep.cell("03", period(2021, 2023)).unwrap().num,
        Some(31900.0)
    );
}

#[test]
fn broken_json_files_are_errors() {
    let name = "ssb_12944_bad_length.json";
    assert_eq!(
        import(name, &fixture(name), &ssb_opts()),
        Err(ImportError::ValueLength {
            expected: 36,
            found: 35
        })
    );
    let name = "ssb_12944_truncated.json";
    assert!(matches!(
        import(name, &fixture(name), &ssb_opts()),
        Err(ImportError::Json(m)) if m.contains("EOF")
    ));
    assert!(matches!(
        import("x.json", br#"{"class":"collection","link":{}}"#, &ssb_opts()),
        Err(ImportError::NotADataset(m)) if m.contains("collection")
    ));
    assert!(matches!(
        import("x.json", br#"{"error":"not found"}"#, &ssb_opts()),
        Err(ImportError::NotADataset(_))
    ));
    let wrong_size = String::from_utf8(fixture(SSB))
        .unwrap()
        .replace("\"size\": [6, 1, 3, 2]", "\"size\": [6, 2, 3, 2]");
    assert!(matches!(
        import(SSB, wrong_size.as_bytes(), &ssb_opts()),
        Err(ImportError::DimensionShape { dimension, .. }) if dimension == "Alder"
    ));
}

/// `status: [":"]` applies to every value (JSON-stat 2.0), so nothing in the table is published.
/// The fixture is made, in the exact shape of FHI's json-stat2 answer (`role: null`).
#[test]
fn a_status_of_one_symbol_suppresses_every_cell() {
    let name = "made_fhi_status_one.json";
    let rep = import(name, &fixture(name), &ImportOptions::default()).unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    assert_eq!(rep.cells.len(), 2);
    for c in &rep.cells {
        assert_eq!(
            (c.flag, c.num, c.den, c.value),
            (Flag::Suppressed, None, None, None),
            "{c:?}"
        );
    }
}

#[test]
fn a_status_array_of_the_wrong_length_is_an_error() {
    let name = "made_fhi_status_one.json";
    let text = String::from_utf8(fixture(name))
        .unwrap()
        .replace("\":\"\n    ]", "\":\", \"\"\n    ]");
    assert!(matches!(
        import(name, text.as_bytes(), &ImportOptions::default()),
        Err(ImportError::NotADataset(m)) if m.contains("`status` has 2 entries")
    ));
}

/// FHI's own example answer (the user guide of its open API), read from
/// `../shared/data/fixtures/` where it is kept.
const FHI_GUIDE: &str = "fhi_userguide_befvekst.json";

fn befvekst() -> ImportOptions {
    ImportOptions::from_args(&[], &["BEFVEKST_ANT=num"]).unwrap()
}

#[test]
fn fhi_user_guide_answer_imports() {
    let Some(guide) = shared_fixture(FHI_GUIDE) else {
        eprintln!("skipped: ../shared/data/fixtures not found");
        return;
    };
    let rep = import(FHI_GUIDE, &guide, &befvekst()).unwrap();
    let oslo = rep.cell("03", period(2021, 2021)).unwrap();
    assert_eq!((oslo.num, oslo.flag), (Some(2817.0), Flag::Ok));
}

#[test]
fn a_key_given_twice_is_an_error() {
    let Some(guide) = shared_fixture(FHI_GUIDE) else {
        eprintln!("skipped: ../shared/data/fixtures not found");
        return;
    };
    let text = String::from_utf8(guide).unwrap();
    let twice = text.replacen(
        "\"value\": [",
        "\"value\": [1, 2, 3, 4],\n      \"value\": [",
        1,
    );
    assert_ne!(twice, text);
    let err = import(FHI_GUIDE, twice.as_bytes(), &befvekst()).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(&err, ImportError::RepeatedKey(m) if m.contains("the key \"value\" appears twice in one object")),
        "{err:?}"
    );
    assert!(message.contains("line "), "{message}");
}

/// A made SSB-shaped file without `role` whose dimensions have ids the search does not know.
const NO_ROLE: &str = "made_ssb_no_role.json";

fn no_role_opts() -> ImportOptions {
    ImportOptions {
        measures: vec![
            ("Personer1".into(), MeasureRole::Num),
            ("PersonerIAlt".into(), MeasureRole::Den),
        ],
        shares: true,
        ..ImportOptions::default()
    }
}

#[test]
fn the_caller_can_name_the_geo_time_and_measure_dimensions() {
    assert_eq!(
        import(NO_ROLE, &fixture(NO_ROLE), &no_role_opts()),
        Err(ImportError::MissingDimension("geo"))
    );
    let named = ImportOptions {
        geo_dimension: Some("Kommune".into()),
        time_dimension: Some("periode".into()),
        measure_dimension: Some("Maal".into()),
        ..no_role_opts()
    };
    let rep = import(NO_ROLE, &fixture(NO_ROLE), &named).unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    let bergen = rep.cell("4601", period(2023, 2023)).unwrap();
    assert_eq!((bergen.num, bergen.den), (Some(8150.0), Some(56200.0)));
    assert_eq!(
        rep.cell("0301", period(2022, 2022)).unwrap().num,
        Some(23900.0)
    );

    // A name the file lacks is an error that lists what it has, not a silent fallback.
    let typo = ImportOptions {
        time_dimension: Some("Tid".into()),
        ..named.clone()
    };
    let err = import(NO_ROLE, &fixture(NO_ROLE), &typo).unwrap_err();
    assert_eq!(
        err,
        ImportError::NamedDimension {
            role: "time",
            name: "Tid".into(),
            available: vec!["Kommune".into(), "Maal".into(), "Periode".into()],
        }
    );
    assert!(err.to_string().contains("Kommune, Maal, Periode"));

    // The name wins over `role` and the usual ids.
    let ssb = ImportOptions {
        measures: vec![("Andel".into(), MeasureRole::Value)],
        geo_dimension: Some("Region".into()),
        time_dimension: Some("Alder".into()),
        ..ImportOptions::default()
    };
    // Alder took Tid's place, so Tid is an extra dimension with two categories.
    assert!(matches!(
        import(SSB, &fixture(SSB), &ssb),
        Err(ImportError::AmbiguousDimension { dimension, .. }) if dimension == "Tid"
    ));
}
