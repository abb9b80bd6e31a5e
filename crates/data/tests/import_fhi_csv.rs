//! FHI CSV imports: semicolons, decimal commas, a BOM, CRLF, quotes and the flag column.

mod import_support;

use import_support::*;
use oppvekst_core::indicator::{Cell, Flag};
use oppvekst_data::import::{outside, to_cells, Format, ImportError, ImportOptions, MeasureRole};

const GOOD: &str = "fhi_lavinntekt.csv";
const BAD: &str = "fhi_lavinntekt_bad.csv";

fn shares() -> ImportOptions {
    ImportOptions {
        shares: true,
        ..ImportOptions::default()
    }
}

#[test]
fn detects_both_formats() {
    assert_eq!(Format::detect(&fixture(GOOD)), Some(Format::FhiCsv));
    assert_eq!(
        Format::detect(&fixture("fhi_trangboddhet.json")),
        Some(Format::JsonStat)
    );
    assert_eq!(Format::detect(b"\xEF\xBB\xBF  \n{"), Some(Format::JsonStat));
    assert_eq!(Format::detect(b"just text\n1;2"), None);
    assert_eq!(Format::detect(b""), None);
    assert_eq!(
        import("x", b"hello", &shares()),
        Err(ImportError::UnknownFormat)
    );
}

#[test]
fn fhi_csv_imports_counts_and_flags() {
    let rep = import(GOOD, &fixture(GOOD), &shares()).unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    let now = period(2021, 2023);
    let landet = rep.cell("0", now).unwrap();
    assert_eq!(
        (landet.num, landet.den, landet.value, landet.flag),
        (Some(115234.3), Some(1098765.0), Some(10.5), Flag::Ok)
    );
    // A quoted code.
    assert_eq!(rep.cell("0301", now).unwrap().num, Some(24100.0));
    // `:` in the flag column.
    assert_eq!(rep.cell("030101", now).unwrap().flag, Flag::Suppressed);
    assert_eq!(rep.cell("030102", now).unwrap().num, Some(1210.7));
    assert_eq!(rep.cell("4601", now).unwrap().den, Some(56200.0));
    assert_eq!(rep.cells.len(), 10);
}

#[test]
fn old_codes_land_on_2024_codes() {
    let rep = import(GOOD, &fixture(GOOD), &shares()).unwrap();
    // Old Bergen bydel Arna 120101 → 460101; «..» in the flag column for 120102.
    assert_eq!(
        rep.cell("460101", period(2017, 2019)).unwrap().num,
        Some(1020.0)
    );
    assert_eq!(
        rep.cell("460102", period(2017, 2019)).unwrap().flag,
        Flag::Missing
    );
    // Trondheim 1601 and Klæbu 1662 became 5001 in 2018: their counts are added.
    let trondheim = rep.cell("5001", period(2015, 2017)).unwrap();
    assert_eq!(
        (trondheim.num, trondheim.den, trondheim.value),
        (Some(4510.0), Some(40600.0), None)
    );
    assert!(rep
        .cells
        .iter()
        .all(|c| !["1601", "1662", "120101"].contains(&c.area.as_str())));
}

#[test]
fn every_bad_row_is_a_problem_with_its_line() {
    let rep = import(BAD, &fixture(BAD), &shares()).unwrap();
    let problems = rows(&rep.problems);
    let expect = [
        (3, "unknown area code 9998"),
        (4, "not a number: «24x00»"),
        (5, "negative numerator"),
        (6, "unknown flag «#»"),
        (7, "7 fields where the header has 9"),
        (8, "numerator 9100 is larger than denominator 8000"),
        (10, "appears again (first at 9)"),
        (11, "«2024M01» is not a period"),
    ];
    for (row, text) in expect {
        assert!(
            problems.iter().any(|(r, m)| *r == row && m.contains(text)),
            "no problem «{text}» at line {row} in {problems:?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:?}");
    assert!(rep.problems.iter().all(|p| p.file == BAD));
    // Only landet and the first 030102 survive.
    let areas: Vec<&str> = rep.cells.iter().map(|c| c.area.as_str()).collect();
    assert_eq!(areas, ["0", "030102"]);
    assert_eq!(
        rep.cell("030102", period(2021, 2023)).unwrap().num,
        Some(12.0)
    );
}

#[test]
fn num_above_den_is_fine_when_not_a_share() {
    let rep = import(BAD, &fixture(BAD), &ImportOptions::default()).unwrap();
    assert_eq!(
        rep.cell("030101", period(2021, 2023)).unwrap().num,
        Some(9100.0)
    );
    assert!(!rep.problems.iter().any(|p| p.row == 8));
}

#[test]
fn labelled_csv2_headings_and_area_labels() {
    let text = "Geografi;År;Kjønn;Teller;Nevner;Rate\n\
                0301 Oslo;2019-2021;Kjønn samlet;120;4000;3,0\n\
                Bergen (4601);2019-2021;Kjønn samlet;80;2000;4,0\n\
                Oslo;2019-2021;Kjønn samlet;1;2;50,0\n";
    let rep = import("csv2.csv", text.as_bytes(), &shares()).unwrap();
    assert_eq!(
        rep.cell("0301", period(2019, 2021)).unwrap().num,
        Some(120.0)
    );
    assert_eq!(
        rep.cell("4601", period(2019, 2021)).unwrap().den,
        Some(2000.0)
    );
    assert_eq!(rows(&rep.problems).len(), 1);
    assert_eq!(rep.problems[0].row, 4);
    assert!(rep.problems[0]
        .message
        .contains("«Oslo» is not an area code"));
}

#[test]
fn extra_dimensions_need_a_filter() {
    let text = "GEO;AAR;KJONN;TELLER;NEVNER\n0;2020_2020;0;10;100\n0;2020_2020;1;4;50\n0;2020_2020;2;6;50\n";
    match import("k.csv", text.as_bytes(), &shares()) {
        Err(ImportError::AmbiguousDimension {
            dimension,
            categories,
        }) => {
            assert_eq!(dimension, "KJONN");
            assert_eq!(categories, ["0", "1", "2"]);
        }
        other => panic!("{other:?}"),
    }
    let girls = ImportOptions::from_args(&["kjonn=2"], &[]).unwrap();
    let rep = import("k.csv", text.as_bytes(), &girls).unwrap();
    assert_eq!(rep.cells.len(), 1);
    assert_eq!(rep.cell("0", period(2020, 2020)).unwrap().num, Some(6.0));
}

#[test]
fn measures_can_be_renamed_and_a_merge_with_a_hidden_part_is_hidden() {
    let text = "GEO;AAR;Antall;Befolkning\n1601;2016;400;3000\n1662;2016;:;300\n";
    let opts = ImportOptions {
        measures: vec![
            ("Antall".into(), MeasureRole::Num),
            ("Befolkning".into(), MeasureRole::Den),
        ],
        ..ImportOptions::default()
    };
    let rep = import("m.csv", text.as_bytes(), &opts).unwrap();
    let trondheim = rep.cell("5001", period(2016, 2016)).unwrap();
    assert_eq!((trondheim.flag, trondheim.num), (Flag::Suppressed, None));
    assert_eq!(rep.problems.len(), 1);
    assert_eq!(rep.problems[0].row, 2);
    assert!(rep.problems[0].message.contains("1662"));
}

#[test]
fn broken_csv_files_are_errors() {
    assert_eq!(
        import("q.csv", b"GEO;AAR;TELLER\n0;2020;\"12\n", &shares()),
        Err(ImportError::Csv {
            line: 2,
            message: "a quoted field is not closed".into()
        })
    );
    assert_eq!(
        import("q.csv", b"AAR;TELLER\n2020;12\n", &shares()),
        Err(ImportError::MissingColumn("GEO"))
    );
    assert!(matches!(
        import("q.csv", b"GEO;AAR;ANTALL\n0;2020;12\n", &shares()),
        Err(ImportError::NoMeasure { .. })
    ));
}

#[test]
fn to_cells_lines_up_areas_and_periods() {
    let rep = import(GOOD, &fixture(GOOD), &shares()).unwrap();
    let periods = [period(2020, 2022), period(2021, 2023)];
    let areas = [code("0"), code("030101"), code("11")];
    let cells = to_cells(&rep, &periods, &areas);
    assert_eq!(cells.len(), 3);
    assert_eq!(
        cells[&code("0")],
        [Cell::flagged(Flag::Missing), Cell::ok(115234, 1098765)]
    );
    assert_eq!(cells[&code("030101")][1], Cell::flagged(Flag::Suppressed));
    assert_eq!(cells[&code("11")], [Cell::flagged(Flag::Missing); 2]);
    // The imported cells left out are listed, so that nothing goes unseen.
    let left = outside(GOOD, &rep, &periods, &areas);
    assert_eq!(left.len(), rep.cells.len() - 2);
    assert!(left
        .iter()
        .any(|p| p.message.starts_with("460101 2017-2019")));
}

/// Columns with names the reader does not know can be named as the geo and time columns; a
/// name the file lacks, or a measure dimension (a CSV has its measures as columns), is an error.
#[test]
fn the_geo_and_time_columns_can_be_named() {
    let text =
        String::from_utf8(fixture(GOOD))
            .unwrap()
            .replacen("GEO;AAR;", "Kommunenr;Periode;", 1);
    // Unnamed, neither column is found.
    assert!(matches!(
        import(GOOD, text.as_bytes(), &shares()),
        Err(ImportError::MissingColumn(_))
    ));
    let named = ImportOptions {
        geo_dimension: Some("kommunenr".into()),
        time_dimension: Some("Periode".into()),
        ..shares()
    };
    let rep = import(GOOD, text.as_bytes(), &named).unwrap();
    assert_eq!(
        rep.cell("0301", period(2021, 2023)).unwrap().num,
        Some(24100.0)
    );
    assert_eq!(rep.cells.len(), 10);
    let wrong = ImportOptions {
        geo_dimension: Some("Region".into()),
        ..named.clone()
    };
    let e = import(GOOD, text.as_bytes(), &wrong)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("no dimension Region") && e.contains("Kommunenr"),
        "{e}"
    );
    let measure = ImportOptions {
        measure_dimension: Some("MEASURE_TYPE".into()),
        ..named
    };
    let e = import(GOOD, text.as_bytes(), &measure)
        .unwrap_err()
        .to_string();
    assert!(e.contains("--measure"), "{e}");
}
