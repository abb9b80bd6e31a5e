//! `oppvekst-data fetch` end to end against a local server on 127.0.0.1 that answers like FHI
//! Statistikk (made answers in FHI's exact shape, see `fetch_support`): fetch, cache, import and
//! build; replay from the cache without the network; and every fault a real server shows, each
//! named with its table and leaving `data/real/` and `data/bundles/` as they were.

mod fetch_support;

use fetch_support::*;
use oppvekst_core::codec::{self, ContextBundle, Manifest};
use oppvekst_core::indicator::{Flag, Provenance};
use oppvekst_data::fetch::cache::sha256_hex;
use oppvekst_data::fetch::http::Patience;
use oppvekst_data::fetch::{self, FetchOptions};
use oppvekst_data::import::read_normalised;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const ID: &str = "lavinntekt_vedvarende";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources() -> Option<PathBuf> {
    let s = root().join("../shared/data/sources");
    s.exists().then_some(s)
}

/// A data folder of its own: the authored files and the committed bundles.
fn data_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "oppvekst-fetch-{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bundles/area")).unwrap();
    for f in [
        "catalogue.toml",
        "model.toml",
        "themes.toml",
        "dimensions.toml",
        "population.toml",
    ] {
        std::fs::copy(root().join("data").join(f), dir.join(f)).unwrap();
    }
    copy_tree(&root().join("data/bundles"), &dir.join("bundles"));
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Every file below `dir` and its SHA-256: what «as it was» is checked against.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    fn walk(d: &Path, out: &mut BTreeMap<PathBuf, String>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            if e.file_type().unwrap().is_dir() {
                walk(&e.path(), out);
            } else {
                out.insert(e.path(), sha256_hex(&std::fs::read(e.path()).unwrap()));
            }
        }
    }
    walk(dir, &mut out);
    out
}

fn options(data: &Path, base: &str) -> FetchOptions {
    FetchOptions {
        sources: sources().unwrap(),
        data: data.to_path_buf(),
        cache: data.join("cache"),
        only: vec![ID.to_string()],
        since: None,
        from_cache: false,
        fhi_base: base.to_string(),
        ssb_base: base.to_string(),
        patience: Patience {
            timeout: Duration::from_millis(1500),
            retries: 2,
            backoff: Duration::from_millis(5),
            max_wait: Duration::from_millis(50),
            pace: Duration::ZERO,
        },
        max_rows: 50_000,
        no_build: false,
    }
}

/// The catalogue's periods of the indicator, as FHI codes them (`2021_2023`).
fn periods() -> Vec<(u16, u16)> {
    (2015..=2023).map(|y| (y - 2, y)).collect()
}

/// FHI for table 403: the dimension answer, then the data for whatever GEO was asked.
fn fhi_403(measures: &'static [&'static str]) -> Box<Handler> {
    Box::new(move |req: &Seen, _| {
        if req.path.ends_with("/nokkel/Table/403/dimension") {
            json_reply(&fhi_dimensions_403(measures))
        } else if req.path.ends_with("/nokkel/Table/403/data") && req.method == "POST" {
            let body: Value = serde_json::from_str(&req.body).unwrap();
            json_reply(&fhi_answer_403(&body, &periods()))
        } else {
            Reply::Full(
                404,
                "application/json",
                br#"{"status":"no such table"}"#.to_vec(),
            )
        }
    })
}

#[test]
fn fetch_caches_imports_and_builds_a_real_indicator() {
    if sources().is_none() {
        eprintln!("skipped: ../shared/data/sources not found");
        return;
    }
    let server = Server::start(fhi_403(&["TELLER", "NEVNER", "RATE", "MEIS"]));
    let data = data_dir("e2e");
    let mut opts = options(&data, &server.base);
    // Small enough that the 411 areas take several requests.
    opts.max_rows = 3000;
    let summary = fetch::run(&opts).unwrap();
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!(summary.imported.len(), 1);

    // The requests: the dimensions first, then the data in parts that cover every area once,
    // each asking for the counts and the published rate, never more than max_rows values.
    let seen = server.requests();
    assert!(seen[0].path.ends_with("/nokkel/Table/403/dimension"));
    let bodies: Vec<Value> = seen[1..]
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap())
        .collect();
    assert!(bodies.len() >= 3, "{} data requests", bodies.len());
    let mut geo: Vec<String> = Vec::new();
    for b in &bodies {
        let dims = b["dimensions"].as_array().unwrap();
        let codes: Vec<&str> = dims.iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(
            codes,
            ["GEO", "AAR", "ALDER", "INNVKAT", "MAAL", "MEASURE_TYPE"]
        );
        assert_eq!(
            dims[5]["values"],
            serde_json::json!(["TELLER", "NEVNER", "RATE"])
        );
        let part: Vec<String> = serde_json::from_value(dims[0]["values"].clone()).unwrap();
        assert!(part.len() * 9 * 3 <= 3000);
        geo.extend(part);
    }
    let registry = oppvekst_data::sources::read_registry(&opts.sources).unwrap();
    let all: Vec<String> = registry
        .areas()
        .iter()
        .map(|a| a.code.as_str().to_string())
        .collect();
    assert_eq!(geo, all, "every area, once, in the registry's order");

    // The cache: one manifest line per answer, each naming a file with that SHA-256.
    let manifest = std::fs::read_to_string(data.join("cache/manifest.jsonl")).unwrap();
    assert_eq!(manifest.lines().count(), seen.len());
    for line in manifest.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        assert_eq!(e["status"], 200);
        let sha = e["sha256"].as_str().unwrap();
        let body = std::fs::read(data.join(format!("cache/answers/{sha}.body"))).unwrap();
        assert_eq!(sha256_hex(&body), sha);
        assert_eq!(e["bytes"].as_u64().unwrap() as usize, body.len());
        assert!(e["url"].as_str().unwrap().starts_with(&server.base));
    }

    // The real file: counts, FHI's suppression kept, and where it came from.
    let real = std::fs::read_to_string(data.join(format!("real/{ID}.csv"))).unwrap();
    let n = read_normalised(&real).unwrap();
    let origin = n.origin.clone().unwrap();
    assert_eq!(
        (origin.producer.as_str(), origin.table.as_str()),
        ("FHI Statistikk", "nokkel/403")
    );
    assert_eq!(origin.fetched.len(), 10);
    let suppressed = all.iter().enumerate().find(|(g, _)| g % 37 == 5).unwrap().1;
    let hidden = &n.cells[&oppvekst_core::area::AreaCode::parse(suppressed).unwrap()];
    assert!(hidden
        .iter()
        .all(|c| c.flag == Flag::Suppressed && c.num == 0));

    // The build: the indicator is real in the bundles, and names its origin.
    let bundles = data.join("bundles");
    let m =
        Manifest::parse(&std::fs::read_to_string(bundles.join("manifest.json")).unwrap()).unwrap();
    let ctx: ContextBundle =
        codec::decode(&std::fs::read(bundles.join(&m.context.nb)).unwrap()).unwrap();
    let ind = ctx.catalogue.iter().find(|i| i.id == ID).unwrap();
    assert_eq!(ind.provenance, Provenance::Real);
    assert_eq!(ind.origin.as_ref(), Some(&origin));

    // Replayed from the cache with the server gone: the same requests, the same real file.
    let cache = data.join("cache");
    let base = server.base.clone();
    drop(server);
    let again = data_dir("replay");
    let mut replay = options(&again, &base);
    replay.max_rows = 3000;
    replay.cache = cache;
    replay.from_cache = true;
    replay.no_build = true;
    let s = fetch::run(&replay).unwrap();
    assert!(s.failed.is_empty(), "{:?}", s.failed);
    let replayed = std::fs::read_to_string(again.join(format!("real/{ID}.csv"))).unwrap();
    assert_eq!(replayed, real);
    for d in [data, again] {
        std::fs::remove_dir_all(d).unwrap();
    }
}

/// A fault, the words the failure must hold, and whether the server saw retries.
fn fault(reply: fn(usize) -> Reply, expect: &[&str], tries: usize) {
    let server = Server::start(Box::new(move |req: &Seen, n| {
        if req.path.ends_with("/dimension") {
            json_reply(&fhi_dimensions_403(&["TELLER", "NEVNER", "RATE"]))
        } else {
            reply(n)
        }
    }));
    let data = data_dir("fault");
    // A previous real file of the indicator, which a failed fetch must leave alone.
    std::fs::create_dir_all(data.join("real")).unwrap();
    let previous = data.join(format!("real/{ID}.csv"));
    std::fs::write(&previous, "# the previous real data\n").unwrap();
    let before = snapshot(&data.join("bundles"));
    let opts = options(&data, &server.base);
    let s = fetch::run(&opts).unwrap();
    assert_eq!(s.imported.len(), 0);
    let (id, why) = &s.failed[0];
    assert_eq!(id, ID);
    assert!(why.contains("FHI table nokkel/403"), "{why}");
    for e in expect {
        assert!(why.contains(e), "«{e}» not in «{why}»");
    }
    assert_eq!(
        server.requests().len() - 1,
        tries,
        "data requests for «{why}»"
    );
    assert_eq!(
        snapshot(&data.join("bundles")),
        before,
        "bundles changed by «{why}»"
    );
    assert_eq!(
        std::fs::read_to_string(&previous).unwrap(),
        "# the previous real data\n"
    );
    assert_eq!(std::fs::read_dir(data.join("real")).unwrap().count(), 1);
    std::fs::remove_dir_all(data).unwrap();
}

#[test]
fn every_fault_is_named_with_its_table_and_writes_nothing() {
    if sources().is_none() {
        return;
    }
    const JSON: &str = "application/json";
    // Retried (2 retries: 3 tries), then named.
    fault(
        |_| Reply::Full(429, JSON, br#"{"status":"Too many requests"}"#.to_vec()),
        &["HTTP 429", "3 tries"],
        3,
    );
    fault(
        |_| Reply::Full(500, JSON, br#"{"status":"Internal error"}"#.to_vec()),
        &["HTTP 500", "Internal error"],
        3,
    );
    fault(|_| Reply::Stall(Duration::from_secs(3)), &["in time"], 3);
    fault(
        |_| Reply::CutOff(br#"{"class":"dataset","version":"2.0","id":["GEO"]}"#.to_vec()),
        &["cut off"],
        3,
    );
    // Not retried: the server answered, wrongly.
    fault(
        |_| Reply::Full(200, "text/plain", br#"{"class":"dataset"}"#.to_vec()),
        &["«text/plain», not JSON"],
        1,
    );
    fault(
        |_| {
            Reply::Full(
                200,
                "text/html",
                b"<html><head><title>502 Bad Gateway</title></head></html>".to_vec(),
            )
        },
        &["not JSON", "502 Bad Gateway"],
        1,
    );
    fault(
        |_| {
            Reply::Full(
                400,
                JSON,
                br#"{"status":"Dimension MAAL has no category ant_eu60"}"#.to_vec(),
            )
        },
        &["HTTP 400", "no category ant_eu60"],
        1,
    );
    // A whole JSON-stat answer of another table: named by what it lacks.
    fault(
        |_| {
            json_reply(
                &serde_json::json!({"class": "dataset", "version": "2.0", "id": ["GEO", "AAR", "MEASURE_TYPE"], "size": [1, 1, 1], "role": null,
        "dimension": {"GEO": {"category": {"index": ["0"]}}, "AAR": {"category": {"index": ["2023_2023"]}}, "MEASURE_TYPE": {"category": {"index": ["TELLER"]}}},
        "value": [5], "status": ""}),
            )
        },
        &["no dimension ALDER"],
        1,
    );
}

#[test]
fn a_429_then_an_answer_is_retried_and_imported() {
    if sources().is_none() {
        return;
    }
    let inner = fhi_403(&["TELLER", "NEVNER", "RATE"]);
    let server = Server::start(Box::new(move |req: &Seen, n| match n {
        1 => Reply::Full(
            429,
            "application/json",
            br#"{"status":"slow down"}"#.to_vec(),
        ),
        _ => inner(req, n),
    }));
    let data = data_dir("retry");
    let mut opts = options(&data, &server.base);
    opts.no_build = true;
    let s = fetch::run(&opts).unwrap();
    assert!(s.failed.is_empty(), "{:?}", s.failed);
    assert_eq!(server.requests().len(), 3);
    // Both answers are in the manifest; the replay takes the successful one.
    let manifest = std::fs::read_to_string(data.join("cache/manifest.jsonl")).unwrap();
    let statuses: Vec<u64> = manifest
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["status"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(statuses, [200, 429, 200]);
    std::fs::remove_dir_all(data).unwrap();
}

#[test]
fn a_table_without_counts_is_refused_before_its_data_is_asked_for() {
    if sources().is_none() {
        return;
    }
    let server = Server::start(fhi_403(&["RATE"]));
    let data = data_dir("nocounts");
    let s = fetch::run(&options(&data, &server.base)).unwrap();
    assert!(
        s.failed[0]
            .1
            .contains("offers no counts (TELLER, NEVNER), only RATE"),
        "{:?}",
        s.failed
    );
    assert_eq!(server.requests().len(), 1);
    std::fs::remove_dir_all(data).unwrap();
}

#[test]
fn since_asks_which_tables_changed_and_skips_the_rest() {
    if sources().is_none() {
        return;
    }
    let server = Server::start(Box::new(|req: &Seen, _| {
        assert!(
            req.path.contains("/nokkel/Table?modifiedAfter=2026-11-01"),
            "{}",
            req.path
        );
        // FHI's TableOpenResponse list: table 403 is not among those changed.
        json_reply(
            &serde_json::json!([{"tableId": 806, "title": "Mobbing", "publishedAt": "2026-11-02T00:00:00", "modifiedAt": "2026-11-02T00:00:00"}]),
        )
    }));
    let data = data_dir("since");
    let mut opts = options(&data, &server.base);
    opts.since = Some("2026-11-01".into());
    let s = fetch::run(&opts).unwrap();
    assert_eq!(s.unchanged, [ID]);
    assert!(s.imported.is_empty() && s.failed.is_empty());
    opts.since = Some("2026-13-01".into());
    assert!(fetch::run(&opts).unwrap_err().contains("YYYY-MM-DD"));
    std::fs::remove_dir_all(data).unwrap();
}

/// SSB's PxWebApi v2 for table 12944, made for the test in the shape of SSB's json-stat2 answers
/// (`role` naming Region, Tid and ContentsCode; `index` as an object; periods as `2021-2023`),
/// for the Region codes the request selects.
fn ssb_12944(body: &Value) -> Value {
    let sel = |code: &str| -> Vec<String> {
        body["selection"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["variableCode"] == code)
            .unwrap()["valueCodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let region = sel("Region");
    let measures = sel("ContentsCode");
    assert_eq!(sel("Tid"), ["top(9)"]);
    let tid: Vec<String> = periods().iter().map(|(a, b)| format!("{a}-{b}")).collect();
    let mut value = Vec::new();
    for (g, _) in region.iter().enumerate() {
        for (t, _) in tid.iter().enumerate() {
            let den = 300 + (g * 13 + t * 5) % 2000;
            let num = den * (5 + g % 7) / 100;
            for m in &measures {
                value.push(match m.as_str() {
                    "Personer1" => serde_json::json!(num),
                    "PersonerIAlt" => serde_json::json!(den),
                    _ => serde_json::json!(((num as f64) * 1000.0 / den as f64).round() / 10.0),
                });
            }
        }
    }
    let cat = |codes: &[String]| {
        let index: serde_json::Map<_, _> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), serde_json::json!(i)))
            .collect();
        let label: serde_json::Map<_, _> = codes
            .iter()
            .map(|c| (c.clone(), serde_json::json!(c)))
            .collect();
        serde_json::json!({"index": index, "label": label})
    };
    serde_json::json!({
        "version": "2.0", "class": "dataset",
        "label": "12944: Personer i husholdninger med vedvarende lavinntekt (MADE FOR TESTS: not SSB's figures)",
        "source": "Statistisk sentralbyrå", "updated": "2026-05-28T06:00:00Z",
        "id": ["Region", "Tid", "ContentsCode"],
        "size": [region.len(), tid.len(), measures.len()],
        "role": {"time": ["Tid"], "geo": ["Region"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {"label": "region", "category": cat(&region)},
            "Tid": {"label": "tid", "category": cat(&tid)},
            "ContentsCode": {"label": "statistikkvariabel", "category": cat(&measures)}
        },
        "value": value
    })
}

#[test]
fn an_ssb_table_is_fetched_through_pxwebapi_v2() {
    if sources().is_none() {
        return;
    }
    let server = Server::start(Box::new(|req: &Seen, _| {
        if req
            .path
            .starts_with("/api/open/v1/tables/12944/data?lang=no&outputFormat=json-stat2")
        {
            json_reply(&ssb_12944(&serde_json::from_str(&req.body).unwrap()))
        } else if req.path.starts_with("/api/open/v1/tables/12944?lang=no") {
            json_reply(
                &serde_json::json!({"id": "12944", "label": "Vedvarende lavinntekt", "updated": "2026-05-28T06:00:00Z"}),
            )
        } else {
            Reply::Full(
                404,
                "application/json",
                br#"{"title":"Not found"}"#.to_vec(),
            )
        }
    }));
    let data = data_dir("ssb");
    // The indicator's spec pointed at SSB's table instead of FHI's.
    let cat = std::fs::read_to_string(data.join("catalogue.toml")).unwrap();
    let fhi_spec = cat
        .lines()
        .find(|l| l.starts_with("fetch = ") && l.contains("nokkel/403"))
        .unwrap();
    let ssb_spec = r#"fetch = { source = "Ssb", table = "12944", measures = ["Personer1=num", "PersonerIAlt=den", "Andel=value"], shares = true }"#;
    std::fs::write(data.join("catalogue.toml"), cat.replace(fhi_spec, ssb_spec)).unwrap();
    let mut opts = options(&data, &server.base);
    opts.no_build = true;
    // Changed after the day asked about: fetched.
    opts.since = Some("2026-05-01".into());
    let s = fetch::run(&opts).unwrap();
    assert!(s.failed.is_empty(), "{:?}", s.failed);
    let text = std::fs::read_to_string(data.join(format!("real/{ID}.csv"))).unwrap();
    let n = read_normalised(&text).unwrap();
    let origin = n.origin.unwrap();
    assert_eq!(
        (origin.producer.as_str(), origin.table.as_str()),
        ("SSB", "12944")
    );
    let oslo = *n.cells[&oppvekst_core::area::AreaCode::parse("0301").unwrap()]
        .last()
        .unwrap();
    assert_eq!(oslo.flag, Flag::Ok);
    assert!(oslo.num > 0 && oslo.den > oslo.num);
    // Not changed since a later day: skipped, and the real file stays as it was.
    opts.since = Some("2026-06-01".into());
    let s = fetch::run(&opts).unwrap();
    assert_eq!(s.unchanged, [ID]);
    assert_eq!(
        std::fs::read_to_string(data.join(format!("real/{ID}.csv"))).unwrap(),
        text
    );
    std::fs::remove_dir_all(data).unwrap();
}
