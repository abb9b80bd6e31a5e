//! Counts checked against the indicator's unit: a share or rate mapped as a count is a problem,
//! not a rounded count.

mod import_support;

use import_support::*;
use oppvekst_core::indicator::{Flag, Unit};
use oppvekst_data::import::{to_cells, ImportOptions, MeasureRole};

/// Made in the shape of FHI's CSV export: MEIS is an age-standardised percentage.
const MEIS_CSV: &str = "GEO;AAR;KJONN;ALDER;TELLER;NEVNER;MEIS;SPVFLAGG\r\n\
                        0301;2021_2023;0;\"0_17\";;;9,9;0\r\n\
                        4601;2021_2023;0;\"0_17\";;;11,4;0\r\n\
                        5001;2021_2023;0;\"0_17\";;;10,3;0\r\n";

#[test]
fn meis_mapped_as_a_count_is_a_problem_not_a_count() {
    let opts = ImportOptions {
        measures: vec![("MEIS".into(), MeasureRole::Num)],
        unit: Some(Unit::Percent),
        standardised: true,
        ..ImportOptions::default()
    };
    let rep = import("meis.csv", MEIS_CSV.as_bytes(), &opts).unwrap();
    // Before, 9,9 became a numerator of 10 with no denominator and 11,4 became 11.
    assert!(
        rep.cells.iter().all(|c| c.num.is_none() && c.den.is_none()),
        "{:?}",
        rep.cells
    );
    let p = period(2021, 2023);
    let cells = to_cells(&rep, &[p], &[code("0301"), code("4601"), code("5001")]);
    assert!(cells.values().all(|row| row[0].flag != Flag::Ok));

    let problems = rows(&rep.problems);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|(r, m)| *r == 2
        && m.contains("numerator 9,9 is not a whole number")
        && m.contains("is a rate mapped as a count?")));
    assert!(problems
        .iter()
        .any(|(r, m)| *r == 3 && m.contains("numerator 11,4 is not a whole number")));
    // 10,3 could be a yearly average (30,9 ≈ 31 over three years), but a share needs both counts.
    assert!(problems
        .iter()
        .any(|(r, m)| *r == 4
            && m.contains("no denominator: a Percent indicator needs counts of both")));
    assert!(rep.problems.iter().all(|p| p.file == "meis.csv"));
}

#[test]
fn without_a_unit_fractional_counts_are_still_caught() {
    let opts = ImportOptions::from_args(&[], &["MEIS=num"]).unwrap();
    let rep = import("meis.csv", MEIS_CSV.as_bytes(), &opts).unwrap();
    assert!(rep
        .cells
        .iter()
        .all(|c| c.num != Some(9.9) && c.num != Some(11.4)));
    assert!(rows(&rep.problems)
        .iter()
        .any(|(r, m)| *r == 3 && m.contains("not a whole number")));
}

const SSB: &str = "ssb_12944_vedvarende_lavinntekt.json";

fn ssb(unit: Unit) -> ImportOptions {
    ImportOptions {
        measures: vec![
            ("Personer1".into(), MeasureRole::Num),
            ("PersonerIAlt".into(), MeasureRole::Den),
            ("Andel".into(), MeasureRole::Value),
        ],
        shares: true,
        unit: Some(unit),
        ..ImportOptions::default()
    }
}

#[test]
fn the_published_value_must_follow_from_the_counts() {
    // Andel 10,2 against 111 500 / 1 098 000 = 10,15 %: right.
    let rep = import(SSB, &fixture(SSB), &ssb(Unit::Percent)).unwrap();
    assert_eq!(rep.problems.len(), 1, "{:?}", rep.problems); // Ålesund's split, as before.
    assert!(rep.cell("0", period(2017, 2019)).is_some());

    // The same table under an indicator per 1000: every value is a problem, its cell dropped.
    let rep = import(SSB, &fixture(SSB), &ssb(Unit::Per1000)).unwrap();
    assert!(rep.cell("0", period(2017, 2019)).is_none());
    assert!(
        rep.cells.iter().all(|c| c.flag != Flag::Ok),
        "{:?}",
        rep.cells
    );
    assert!(rows(&rep.problems).iter().any(|(r, m)| *r == 0
        && m.contains("the value 10,2 looks in percent, the indicator is per 1000")));
}
