//! Golden tests: the request bodies `fetch` builds for the FHI tables behind our indicators equal
//! the bodies a production system sends FHI Statistikk today (`../shared/data/FHI-API.md`: the
//! same dimensions in the same order, filters and categories), with the whole country's GEO list
//! instead of one fylke's and the catalogue's number of periods; and the SSB body is PxWebApi
//! v2's selection.

use oppvekst_data::catalogue::{load_with_fetch, FetchSource, GeoLevels};
use oppvekst_data::fetch::request::{self, Method};
use oppvekst_data::fetch::{FHI_BASE, SSB_BASE};
use serde_json::Value;
use std::path::Path;

/// Indicator, table, and the known-good body's dimensions between AAR and MEASURE_TYPE, with the
/// published measure FHI-API.md names.
const KNOWN_GOOD: [(&str, &str, &str, &str); 11] = [
    (
        "mobbing_7",
        "806",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["479"],"code":"SPM_ID"},{"filter":"item","values":["7"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "mobbing_10",
        "806",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["479"],"code":"SPM_ID"},{"filter":"item","values":["10"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "trivsel_10",
        "805",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["307"],"code":"SPM_ID"},{"filter":"item","values":["10"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "trivsel_7",
        "805",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["307"],"code":"SPM_ID"},{"filter":"item","values":["7"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "lesing_5",
        "670",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["0"],"code":"UTDANN"},{"filter":"item","values":["0"],"code":"INNVKAT"},{"filter":"item","values":["1"],"code":"FERDNIVAA"},{"filter":"item","values":["5"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "regning_5",
        "685",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["0"],"code":"UTDANN"},{"filter":"item","values":["0"],"code":"INNVKAT"},{"filter":"item","values":["1"],"code":"FERDNIVAA"},{"filter":"item","values":["5"],"code":"TRINN"}"#,
        "MEIS",
    ),
    (
        "overvekt",
        "388",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["17_17"],"code":"ALDER"},{"filter":"item","values":["overv_inkl_fedme"],"code":"KMI_KAT"}"#,
        "MEIS",
    ),
    (
        "barnevern_tiltak",
        "337",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["0_17"],"code":"ALDER"}"#,
        "RATE",
    ),
    (
        "lavinntekt_vedvarende",
        "403",
        r#"{"filter":"item","values":["0_17"],"code":"ALDER"},{"filter":"item","values":["0"],"code":"INNVKAT"},{"filter":"item","values":["ant_eu60"],"code":"MAAL"}"#,
        "RATE",
    ),
    (
        "trangbodd",
        "795",
        r#"{"filter":"item","values":["0_17"],"code":"ALDER"},{"filter":"item","values":["0"],"code":"INNVKAT"},{"filter":"item","values":["trangt"],"code":"BODD"}"#,
        "RATE",
    ),
    (
        "mmr_vaksine",
        "395",
        r#"{"filter":"item","values":["0"],"code":"KJONN"},{"filter":"item","values":["9_9"],"code":"ALDER"},{"filter":"item","values":["Meslinger"],"code":"VAKSINE"}"#,
        "RATE",
    ),
];

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn fhi_bodies_equal_the_known_good_ones_for_the_whole_country() {
    let sources = root().join("../shared/data/sources");
    if !sources.exists() {
        eprintln!("skipped: {} not found", sources.display());
        return;
    }
    let reg = oppvekst_data::sources::read_registry(&sources).unwrap();
    let catalogue = load_with_fetch(&root().join("data/catalogue.toml")).unwrap();
    let fhi: Vec<_> = catalogue
        .iter()
        .filter(|(_, s)| s.as_ref().is_some_and(|s| s.source == FetchSource::Fhi))
        .collect();
    assert_eq!(
        fhi.len(),
        KNOWN_GOOD.len(),
        "every FHI table of FHI-API.md, and no other"
    );
    for (id, table, middle, published) in KNOWN_GOOD {
        let (ind, spec) = fhi.iter().find(|(i, _)| i.id == id).unwrap();
        let spec = spec.as_ref().unwrap();
        let geo = request::geo_codes(&reg, spec.geo);
        let n = ind.periods.len();
        // As production asks: the published measure alone (the table's /dimension offers no
        // counts).
        let offered = vec![published.to_string()];
        let measures: Vec<&str> = request::choose_measures(spec, &offered)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        let req = request::data(FHI_BASE, spec, &geo, n, &measures);
        assert_eq!(req.method, Method::Post);
        assert_eq!(
            req.url,
            format!("https://statistikk-data.fhi.no/api/open/v1/nokkel/Table/{table}/data")
        );
        let expected = format!(
            r#"{{"response":{{"format":"json-stat2"}},"dimensions":[{{"filter":"item","values":{},"code":"GEO"}},{{"filter":"bottom","values":["{n}"],"code":"AAR"}},{middle},{{"filter":"item","values":["{published}"],"code":"MEASURE_TYPE"}}]}}"#,
            serde_json::to_string(&geo).unwrap()
        );
        let got: Value = serde_json::from_str(req.body.as_ref().unwrap()).unwrap();
        let want: Value = serde_json::from_str(&expected).unwrap();
        assert_eq!(got, want, "{id}");

        // Where the table offers counts, they are asked for first, with the published value.
        let offered: Vec<String> = ["TELLER", "NEVNER", "RATE", "MEIS", "SMR"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let measures: Vec<&str> = request::choose_measures(spec, &offered)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(measures, ["TELLER", "NEVNER", published], "{id}");
    }
    // The whole country: landet, 15 fylker, 357 kommuner and the bydeler; kommuner only for the
    // vaccination table.
    let all = request::geo_codes(&reg, GeoLevels::All);
    assert_eq!(all[0], "0");
    assert_eq!(all.iter().filter(|c| c.len() == 2).count(), 15);
    assert_eq!(all.iter().filter(|c| c.len() == 4).count(), 357);
    assert!(all.iter().any(|c| c == "030115"));
    let kommuner = request::geo_codes(&reg, GeoLevels::Kommuner);
    assert!(kommuner.len() == 357 && kommuner.iter().all(|c| c.len() == 4));
}

#[test]
fn the_area_list_is_split_to_stay_under_the_row_limit() {
    let geo: Vec<String> = (0..411).map(|i| i.to_string()).collect();
    // 9 periods × 3 measures = 27 values an area.
    let parts = request::chunks(&geo, 9, 3, 50_000);
    assert_eq!(parts.len(), 1);
    let parts = request::chunks(&geo, 9, 3, 1000);
    assert!(parts.iter().all(|p| p.len() * 27 <= 1000));
    assert_eq!(parts.concat(), geo);
    // A limit below one area's values still asks for one area at a time.
    assert_eq!(request::chunks(&geo, 9, 3, 5).len(), 411);
}

#[test]
fn an_ssb_body_is_a_pxwebapi_v2_selection() {
    let spec: oppvekst_data::catalogue::FetchSpec = toml::from_str(
        r#"source = "Ssb"
table = "12944"
select = ["Alder=0-17"]
measures = ["Personer1=num", "PersonerIAlt=den", "Andel=value"]"#,
    )
    .unwrap();
    let geo = vec!["0".to_string(), "0301".to_string()];
    let req = request::data(SSB_BASE, &spec, &geo, 3, &["Personer1", "PersonerIAlt"]);
    assert_eq!(
        req.url,
        "https://data.ssb.no/api/pxwebapi/v2/tables/12944/data?lang=no&outputFormat=json-stat2"
    );
    let got: Value = serde_json::from_str(req.body.as_ref().unwrap()).unwrap();
    let want: Value = serde_json::from_str(
        r#"{"selection":[{"variableCode":"Region","valueCodes":["0","0301"]},{"variableCode":"Tid","valueCodes":["top(3)"]},{"variableCode":"Alder","valueCodes":["0-17"]},{"variableCode":"ContentsCode","valueCodes":["Personer1","PersonerIAlt"]}]}"#,
    )
    .unwrap();
    assert_eq!(got, want);
}

/// The CLI's arguments are clap's: help explains every flag, and a wrong one is clap's error
/// (exit 2), never a panic.
#[test]
fn help_explains_every_flag_and_a_wrong_flag_is_an_error() {
    let bin = env!("CARGO_BIN_EXE_oppvekst-data");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let help = run(&["fetch", "--help"]);
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    for flag in [
        "--only",
        "--since",
        "--from-cache",
        "--cache",
        "--fhi-url",
        "--ssb-url",
        "--timeout",
        "--retries",
        "--backoff-ms",
        "--pace-ms",
        "--max-rows",
        "--no-build",
        "--sources",
        "--data",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(flag))
            .unwrap();
        let at = text.find(line).unwrap() + line.len();
        // Each flag has its own words on the next line.
        let next = text[at..].lines().nth(1).unwrap_or("").trim();
        assert!(next.len() > 10, "{flag} is not explained: {next:?}");
    }
    let import = String::from_utf8(run(&["import", "--help"]).stdout).unwrap();
    for flag in [
        "--indicator",
        "--file",
        "--filter",
        "--measure",
        "--shares",
        "--geo-dimension",
    ] {
        assert!(import.contains(flag), "{flag}");
    }
    assert!(import.contains("half"), "the threshold is said in --help");
    let wrong = run(&["fetch", "--onli", "x"]);
    assert_eq!(wrong.status.code(), Some(2));
    let err = String::from_utf8(wrong.stderr).unwrap();
    assert!(
        err.contains("unexpected argument '--onli'") && err.contains("--only"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let missing = run(&["import", "--file", "x.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("--indicator"));
}
