//! `oppvekst-data import` as a user runs it: a whole made answer for the country (FHI's exact
//! json-stat2 shape, from `fetch_support`) imports; the same answer read wrongly (the wrong
//! measure, geo and time swapped, numerators taken as denominators) or a foreign table (FHI's own
//! user-guide answer) reads too few cells, exits non-zero and writes nothing. Before, each of
//! these exited 0 and wrote a file that made the indicator real and blank everywhere.

mod fetch_support;

use std::path::{Path, PathBuf};
use std::process::Command;

const ID: &str = "lavinntekt_vedvarende";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the import; `filtered` adds the filters of table 403's other dimensions.
fn import(data: &Path, file: &Path, filtered: bool, extra: &[&str]) -> (bool, String) {
    let sources = root().join("../shared/data/sources");
    let mut args = vec![
        "import".to_string(),
        "--indicator".into(),
        ID.into(),
        "--file".into(),
        file.display().to_string(),
        "--sources".into(),
        sources.display().to_string(),
        "--data".into(),
        data.display().to_string(),
    ];
    if filtered {
        for f in ["ALDER=0_17", "INNVKAT=0", "MAAL=ant_eu60"] {
            args.extend(["--filter".to_string(), f.to_string()]);
        }
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_oppvekst-data"))
        .args(&args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{text}");
    (out.status.success(), text)
}

#[test]
fn an_import_that_reads_too_little_writes_nothing_and_fails() {
    let sources = root().join("../shared/data/sources");
    if !sources.exists() {
        eprintln!("skipped: {} not found", sources.display());
        return;
    }
    let dir = std::env::temp_dir().join(format!("oppvekst-import-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        root().join("data/catalogue.toml"),
        dir.join("catalogue.toml"),
    )
    .unwrap();
    let reg = oppvekst_data::sources::read_registry(&sources).unwrap();
    let geo: Vec<String> = reg
        .areas()
        .iter()
        .map(|a| a.code.as_str().to_string())
        .collect();
    let body = serde_json::json!({"dimensions": [
        {"code": "GEO", "values": geo}, {"code": "MEASURE_TYPE", "values": ["TELLER", "NEVNER", "RATE"]}]});
    let periods: Vec<(u16, u16)> = (2015..=2023).map(|y| (y - 2, y)).collect();
    let file = dir.join("made_fhi_403_whole_country.json");
    std::fs::write(
        &file,
        serde_json::to_vec(&fetch_support::fhi_answer_403(&body, &periods)).unwrap(),
    )
    .unwrap();
    let real = dir.join(format!("real/{ID}.csv"));

    let cases: [(&str, &[&str], &str); 3] = [
        (
            "the rate as the only measure",
            &["--measure", "RATE=value"],
            "expected cells",
        ),
        (
            "geo and time swapped",
            &["--geo-dimension", "AAR", "--time-dimension", "GEO"],
            "is not a period",
        ),
        (
            "numerators larger than denominators",
            &[
                "--measure",
                "TELLER=den",
                "--measure",
                "NEVNER=num",
                "--shares",
            ],
            "larger than",
        ),
    ];
    for (what, extra, says) in cases {
        let (ok, text) = import(&dir, &file, true, extra);
        assert!(!ok, "{what}: {text}");
        assert!(
            text.contains("nothing written") && text.contains(says),
            "{what}: {text}"
        );
        assert!(!real.exists(), "{what} wrote a file");
    }
    // A foreign table: FHI's real user-guide answer (befolkningsvekst, two fylker).
    let foreign = root().join("../shared/data/fixtures/fhi_userguide_befvekst.json");
    let (ok, text) = import(&dir, &foreign, false, &["--measure", "BEFVEKST_ANT=num"]);
    assert!(!ok && text.contains("nothing written"), "{text}");
    assert!(!real.exists());

    // The same answer read rightly imports, names every cell it did not use, and writes.
    let (ok, text) = import(&dir, &file, true, &["--shares"]);
    assert!(ok, "{text}");
    assert!(
        text.contains(&format!("of {} expected cells", geo.len() * 9)),
        "{text}"
    );
    assert!(real.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
