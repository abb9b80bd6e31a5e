//! The order problems are shown in: by file, then by row as a number.

use oppvekst_data::import::{sorted_problems, Problem};

fn problem(file: &str, row: usize, message: &str) -> Problem {
    Problem {
        file: file.into(),
        row,
        message: message.into(),
    }
}

#[test]
fn problems_sort_by_row_as_a_number_and_each_comes_once() {
    let got = sorted_problems(vec![
        problem("a.csv", 100, "x"),
        problem("a.csv", 11, "x"),
        problem("a.csv", 2, "y"),
        problem("a.csv", 11, "x"),
        problem("a.csv", 2, "b"),
    ]);
    let rows: Vec<(usize, &str)> = got.iter().map(|p| (p.row, p.message.as_str())).collect();
    assert_eq!(rows, [(2, "b"), (2, "y"), (11, "x"), (100, "x")]);

    let files = sorted_problems(vec![problem("b.json", 1, "x"), problem("a.csv", 9, "x")]);
    assert_eq!(files[0].file, "a.csv");
}
