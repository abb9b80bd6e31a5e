//! Shared pieces of the importer tests: fixtures, a small registry and the sample code map.

#![allow(dead_code)]

use oppvekst_core::area::AreaCode;
use oppvekst_core::indicator::Period;
use oppvekst_data::import::{CodeMap, ImportError, ImportOptions, ImportReport, Problem};
use std::collections::HashSet;
use std::path::PathBuf;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A real answer kept in `../shared/data/fixtures/` (never copied into the project), or `None`
/// where that folder is not beside the checkout.
pub fn shared_fixture(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/fixtures")
        .join(name);
    std::fs::read(path).ok()
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The hand-made code map in the source tables' formats.
pub fn sample_codes() -> CodeMap {
    let text = |n: &str| String::from_utf8(fixture(n)).unwrap();
    CodeMap::load(
        &text("redistricting_sample.csv"),
        &text("gamlebydeler_sample.csv"),
    )
    .unwrap()
}

/// The 2024 areas the tests know of.
pub fn registry() -> HashSet<AreaCode> {
    [
        "0", "03", "0301", "030101", "030102", "11", "1151", "15", "1508", "1580", "46", "4601",
        "460101", "460102", "50", "5001", "500101",
    ]
    .iter()
    .map(|c| AreaCode::parse(c).unwrap())
    .collect()
}

pub fn period(first: u16, last: u16) -> Period {
    Period { first, last }
}

pub fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

/// Imports a fixture (or any bytes) against the sample code map and the small registry.
pub fn import(name: &str, bytes: &[u8], opts: &ImportOptions) -> Result<ImportReport, ImportError> {
    let reg = registry();
    let known = |c: &AreaCode| reg.contains(c);
    oppvekst_data::import::import_bytes(name, bytes, opts, &sample_codes(), &known)
}

/// The problems as (row, message) pairs, for readable assertions.
pub fn rows(problems: &[Problem]) -> Vec<(usize, &str)> {
    problems
        .iter()
        .map(|p| (p.row, p.message.as_str()))
        .collect()
}
