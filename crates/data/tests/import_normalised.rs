//! Imported data written to the normalised file and read back, as the offline rebuild does.

mod import_support;

use import_support::*;
use oppvekst_core::indicator::{Cell, Flag};
use oppvekst_data::import::{read_normalised, to_cells, write_normalised, ImportOptions};

#[test]
fn imported_cells_round_trip_through_the_normalised_file() {
    let name = "fhi_lavinntekt.csv";
    let rep = import(name, &fixture(name), &ImportOptions::default()).unwrap();
    let periods = [period(2017, 2019), period(2021, 2023)];
    let areas = [code("0"), code("030101"), code("460101"), code("4601")];
    let cells = to_cells(&rep, &periods, &areas);
    let text = write_normalised("barn_lavinntekt", &cells, &periods, None);
    assert!(text.contains("\n460101;2017;2019;1020;13200;ok\n"));
    assert!(text.contains("\n030101;2021;2023;;;suppressed\n"));

    let back = read_normalised(&text).unwrap();
    assert_eq!(back.indicator_id, "barn_lavinntekt");
    assert_eq!(back.periods, periods);
    assert_eq!(back.cells, cells);
    assert_eq!(back.cells[&code("0")][1], Cell::ok(115234, 1098765));
    assert_eq!(back.cells[&code("0")][0], Cell::flagged(Flag::Missing));
}
