//! The authored indicator catalogue (`data/catalogue.toml`) and theme texts (`data/themes.toml`):
//! reading them, checking them and turning them into the core's [`Indicator`] and `Themes`.
//!
//! Both files are written and reviewed by hand, so every error names the entry and the field.

mod dimensions;
mod direction;
mod entry;
mod error;
mod fetch_spec;
mod fields;
mod periods;
mod text;
mod themes;

pub use dimensions::{load_dimensions, load_scopes, parse_dimensions, Scopes};
pub use direction::check_direction;
pub use entry::IndicatorToml;
pub use error::CatalogueError;
pub use fetch_spec::{FetchSource, FetchSpec, GeoLevels};
pub use periods::{PeriodError, PeriodSpec};
pub use themes::{load_themes, parse_themes, LEVERS};

use fields::Fields;
use oppvekst_core::indicator::Indicator;
use std::collections::HashSet;
use std::path::Path;
use toml::{Table, Value};

pub fn load_catalogue(path: &Path) -> Result<Vec<Indicator>, CatalogueError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogueError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_catalogue(&text)
}

/// Reads and checks the catalogue; the indicators keep the order of the file, which is the
/// order of the barometer rows.
pub fn parse_catalogue(toml: &str) -> Result<Vec<Indicator>, CatalogueError> {
    Ok(parse_with_fetch(toml)?
        .into_iter()
        .map(|(i, _)| i)
        .collect())
}

/// The catalogue with each indicator's fetch spec, for `oppvekst-data fetch`.
pub fn load_with_fetch(path: &Path) -> Result<Vec<(Indicator, Option<FetchSpec>)>, CatalogueError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogueError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_with_fetch(&text)
}

fn parse_with_fetch(toml: &str) -> Result<Vec<(Indicator, Option<FetchSpec>)>, CatalogueError> {
    let table: Table = toml::from_str(toml).map_err(CatalogueError::Syntax)?;
    let mut top = Fields::new(Value::Table(table), "catalogue".to_owned(), "")?;
    let entries: Vec<Value> = top.take("indicator")?;
    top.finish()?;
    if entries.is_empty() {
        return Err(CatalogueError::NoIndicators);
    }
    let mut seen = HashSet::new();
    let mut indicators = Vec::with_capacity(entries.len());
    for (position, value) in entries.into_iter().enumerate() {
        let mut entry = IndicatorToml::read(value, position)?;
        let fetch = entry.fetch.take();
        let indicator = entry.into_indicator()?;
        if !seen.insert(indicator.id.clone()) {
            return Err(CatalogueError::DuplicateId { id: indicator.id });
        }
        indicators.push((indicator, fetch));
    }
    Ok(indicators)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oppvekst_core::indicator::{
        Group, Period, PeriodKind, Polarity, Provenance, TestKind, Unit,
    };
    use oppvekst_core::Lang;
    use Group::*;
    use Polarity::*;

    const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalogue.toml");

    /// The contract with the rest of the app: ids (other code looks indicators up by them), in
    /// barometer order, with their group and polarity.
    const CONTRACT: [(&str, Group, Polarity); 31] = [
        ("barn_0_17", Befolkning, NoDirection),
        ("endring_barn_0_17", Befolkning, NoDirection),
        ("barn_0_5", Befolkning, NoDirection),
        ("innvandrere_0_17", Befolkning, NoDirection),
        ("lavinntekt_vedvarende", Levekar, HigherIsWorse),
        ("trangbodd", Levekar, HigherIsWorse),
        ("enslige_forsorgere", Levekar, HigherIsWorse),
        ("neet_16_25", Levekar, HigherIsWorse),
        ("barnevern_tiltak", Levekar, NoDirection),
        ("barnehage_dekning", BarnehageSkole, HigherIsBetter),
        ("barnehage_minoritet", BarnehageSkole, HigherIsBetter),
        ("pedagognorm", BarnehageSkole, HigherIsBetter),
        ("trivsel_7", BarnehageSkole, HigherIsBetter),
        ("trivsel_10", BarnehageSkole, HigherIsBetter),
        ("mobbing_7", BarnehageSkole, HigherIsWorse),
        ("mobbing_10", BarnehageSkole, HigherIsWorse),
        ("lesing_5", BarnehageSkole, HigherIsWorse),
        ("regning_5", BarnehageSkole, HigherIsWorse),
        ("gjennomforing_vgs", BarnehageSkole, HigherIsBetter),
        ("fornoyd_lokalmiljo", FritidNaermiljo, HigherIsBetter),
        ("trygg_nabolag", FritidNaermiljo, HigherIsBetter),
        ("organisasjon", FritidNaermiljo, HigherIsBetter),
        ("fysisk_inaktiv", FritidNaermiljo, HigherIsWorse),
        ("skjermtid", FritidNaermiljo, HigherIsWorse),
        ("psykiske_plager", Helse, HigherIsWorse),
        ("ensomhet", Helse, HigherIsWorse),
        ("fornoyd_helse", Helse, HigherIsBetter),
        ("overvekt", Helse, HigherIsWorse),
        ("mmr_vaksine", Helse, HigherIsBetter),
        ("psykiske_primaer", Helse, HigherIsWorse),
        ("kariesfri_12", Helse, HigherIsBetter),
    ];

    const UNGDATA: [&str; 8] = [
        "fornoyd_lokalmiljo",
        "trygg_nabolag",
        "organisasjon",
        "fysisk_inaktiv",
        "skjermtid",
        "psykiske_plager",
        "ensomhet",
        "fornoyd_helse",
    ];

    fn shipped() -> Vec<Indicator> {
        match load_catalogue(Path::new(SHIPPED)) {
            Ok(c) => c,
            Err(e) => panic!("{SHIPPED}: {e}"),
        }
    }

    fn find<'a>(catalogue: &'a [Indicator], id: &str) -> &'a Indicator {
        match catalogue.iter().find(|i| i.id == id) {
            Some(i) => i,
            None => panic!("no indicator `{id}`"),
        }
    }

    #[test]
    fn the_shipped_catalogue_keeps_the_contract() {
        let catalogue = shipped();
        let found: Vec<(&str, Group, Polarity)> = catalogue
            .iter()
            .map(|i| (i.id.as_str(), i.group, i.polarity))
            .collect();
        assert_eq!(found, CONTRACT.to_vec());
    }

    #[test]
    fn every_group_has_at_least_four_indicators_in_one_run() {
        let catalogue = shipped();
        for group in Group::ALL {
            let n = catalogue.iter().filter(|i| i.group == group).count();
            assert!(n >= 4, "{group:?} has {n}");
        }
        assert!(catalogue.windows(2).all(|w| w[0].group <= w[1].group));
    }

    #[test]
    fn only_the_population_indicators_are_real() {
        for i in shipped() {
            let population =
                ["barn_0_17", "endring_barn_0_17", "barn_0_5"].contains(&i.id.as_str());
            let expected = match population {
                true => Provenance::Real,
                false => Provenance::Modelled,
            };
            assert_eq!(i.provenance, expected, "{}", i.id);
        }
    }

    #[test]
    fn the_shipped_population_indicators_run_2015_to_2026() {
        let catalogue = shipped();
        for id in ["barn_0_17", "endring_barn_0_17", "barn_0_5"] {
            let periods = &find(&catalogue, id).periods;
            let expected: Vec<Period> = (2015..=2026).map(Period::year).collect();
            assert_eq!(periods, &expected, "{id}");
        }
        let change = find(&catalogue, "endring_barn_0_17");
        assert_eq!(
            (change.unit, change.test),
            (Unit::ChangePercent, TestKind::None)
        );
    }

    #[test]
    fn the_shipped_ungdata_indicators_pool_four_surveys() {
        let catalogue = shipped();
        for id in UNGDATA {
            let i = find(&catalogue, id);
            assert_eq!(i.period_kind, PeriodKind::UngdataPooled, "{id}");
            let ends: Vec<u16> = i.periods.iter().map(|p| p.last).collect();
            assert_eq!(ends, vec![2016, 2019, 2022, 2025], "{id}");
        }
    }

    #[test]
    fn the_shipped_rates_and_shares_carry_the_matching_test() {
        for i in shipped() {
            match i.unit {
                Unit::Percent if i.id != "endring_barn_0_17" => {
                    assert_eq!(i.test, TestKind::Binomial, "{}", i.id)
                }
                Unit::Per1000 => assert_eq!(i.test, TestKind::Poisson, "{}", i.id),
                _ => assert_eq!(i.test, TestKind::None, "{}", i.id),
            }
        }
    }

    /// Catches a text pasted into the wrong language, which the parser cannot see.
    #[test]
    fn the_shipped_texts_differ_between_languages() {
        for i in shipped() {
            for (name, text) in [("definition", &i.definition), ("subject", &i.subject)] {
                assert_ne!(text.nb, text.nn, "{} {name}", i.id);
                assert_ne!(text.nb, text.en, "{} {name}", i.id);
            }
            for lang in Lang::ALL {
                let label = i.label.get(lang);
                assert!(!label.ends_with('.'), "{} label {lang:?}", i.id);
                assert!(i.definition.get(lang).ends_with('.'), "{} {lang:?}", i.id);
                assert!(!i.definition.get(lang).contains('\n'), "{} {lang:?}", i.id);
            }
        }
    }

    const ENTRY: &str = r#"
[[indicator]]
id = "trangbodd"
group = "Levekar"
label = { nb = "Trangboddhet", nn = "Trongbuddheit", en = "Crowded housing" }
definition.nb = """
Barn som bor trangt,
i prosent av alle barn."""
definition.nn = "Barn som bur trongt, i prosent av alle barn."
definition.en = "Children in crowded housing, as a percentage of all children."
subject = { nb = "Andelen barn som bor trangt", nn = "Delen barn som bur trongt", en = "The share of children living in crowded housing" }
unit = "Percent"
age = { nb = "0–17 år", nn = "0–17 år", en = "aged 0–17" }
period_kind = "Year"
polarity = "HigherIsWorse"
test = "Binomial"
decimals = 1
standardised = false
source_org = "SSB"
source_table = "Boforholdsregisteret"
provenance = "Modelled"
periods = { first = 2015, last = 2024 }
"#;

    fn with(from: &str, to: &str) -> String {
        assert!(ENTRY.contains(from), "the fixture has no `{from}`");
        ENTRY.replacen(from, to, 1)
    }

    #[test]
    fn a_complete_entry_becomes_an_indicator() {
        let catalogue = parse_catalogue(ENTRY).unwrap();
        let i = &catalogue[0];
        assert_eq!(i.id, "trangbodd");
        assert_eq!(i.group, Group::Levekar);
        assert_eq!(i.subject.nn, "Delen barn som bur trongt");
        assert_eq!(
            (i.unit, i.test, i.polarity),
            (Unit::Percent, TestKind::Binomial, HigherIsWorse)
        );
        assert_eq!(i.periods.len(), 10);
        assert_eq!(i.periods[9], Period::year(2024));
    }

    #[test]
    fn a_wrapped_text_is_joined_into_one_line() {
        let catalogue = parse_catalogue(ENTRY).unwrap();
        assert_eq!(
            catalogue[0].definition.nb,
            "Barn som bor trangt, i prosent av alle barn."
        );
    }

    #[test]
    fn a_duplicate_id_is_refused() {
        let twice = format!("{ENTRY}{ENTRY}");
        match parse_catalogue(&twice) {
            Err(CatalogueError::DuplicateId { id }) => assert_eq!(id, "trangbodd"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_nynorsk_text_names_indicator_field_and_language() {
        let toml = with(r#"nn = "Trongbuddheit", "#, "");
        match parse_catalogue(&toml) {
            Err(CatalogueError::MissingText { at, field, lang }) => {
                assert_eq!(
                    (at.as_str(), field.as_str(), lang),
                    ("trangbodd", "label", Lang::Nn)
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_blank_text_counts_as_missing() {
        let toml = with(
            r#"definition.en = "Children in crowded housing, as a percentage of all children.""#,
            r#"definition.en = " \n ""#,
        );
        match parse_catalogue(&toml) {
            Err(CatalogueError::MissingText { field, lang, .. }) => {
                assert_eq!((field.as_str(), lang), ("definition", Lang::En))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binomial_with_per_1000_is_refused() {
        let toml = with(r#"unit = "Percent""#, r#"unit = "Per1000""#);
        match parse_catalogue(&toml) {
            Err(CatalogueError::TestUnitMismatch { at, test, unit }) => {
                assert_eq!(at, "trangbodd");
                assert_eq!((test, unit), (TestKind::Binomial, Unit::Per1000));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_change_cannot_carry_a_test() {
        let toml = with(r#"unit = "Percent""#, r#"unit = "ChangePercent""#);
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::TestUnitMismatch {
                unit: Unit::ChangePercent,
                ..
            })
        ));
        let untested = toml.replacen(r#"test = "Binomial""#, r#"test = "None""#, 1);
        assert!(parse_catalogue(&untested).is_ok());
    }

    #[test]
    fn an_unknown_enum_value_names_the_field_and_the_value() {
        let toml = with(r#"unit = "Percent""#, r#"unit = "Prosent""#);
        match parse_catalogue(&toml) {
            Err(CatalogueError::InvalidField { at, field, message }) => {
                assert_eq!((at.as_str(), field.as_str()), ("trangbodd", "unit"));
                assert!(message.contains("Prosent"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // The Norwegian spelling of a group is not its variant name.
        let toml = with(r#"group = "Levekar""#, r#"group = "Levekår""#);
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::InvalidField { field, .. }) if field == "group"
        ));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_refused() {
        let toml = with("decimals = 1", r#"decimals = "1""#);
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::InvalidField { field, .. }) if field == "decimals"
        ));
        let toml = with("decimals = 1", "decimals = 300");
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::InvalidField { field, .. }) if field == "decimals"
        ));
    }

    #[test]
    fn a_missing_field_is_named() {
        let toml = with("standardised = false\n", "");
        match parse_catalogue(&toml) {
            Err(CatalogueError::MissingField { at, field }) => {
                assert_eq!((at.as_str(), field.as_str()), ("trangbodd", "standardised"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_entry_without_id_is_named_by_its_position() {
        let toml = format!("{ENTRY}{}", with("id = \"trangbodd\"\n", ""));
        match parse_catalogue(&toml) {
            Err(CatalogueError::MissingField { at, field }) => {
                assert_eq!((at.as_str(), field.as_str()), ("indicator #2", "id"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_unknown_field_is_refused_rather_than_ignored() {
        let toml = with("decimals = 1", "decimals = 1\ndesimaler = 1");
        match parse_catalogue(&toml) {
            Err(CatalogueError::UnknownField { at, field }) => {
                assert_eq!((at.as_str(), field.as_str()), ("trangbodd", "desimaler"))
            }
            other => panic!("{other:?}"),
        }
        let toml = with(
            r#"en = "Crowded housing" }"#,
            r#"en = "Crowded housing", se = "x" }"#,
        );
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::UnknownField { field, .. }) if field == "label.se"
        ));
        let toml = with("last = 2024 }", "last = 2024, step = 1 }");
        assert!(matches!(
            parse_catalogue(&toml),
            Err(CatalogueError::InvalidField { field, .. }) if field == "periods"
        ));
    }

    #[test]
    fn descending_periods_are_refused() {
        let toml = with("first = 2015, last = 2024", "first = 2024, last = 2015");
        match parse_catalogue(&toml) {
            Err(CatalogueError::Periods { at, error }) => {
                assert_eq!(at, "trangbodd");
                assert_eq!(
                    error,
                    PeriodError::Descending {
                        first: 2024,
                        last: 2015
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_period_kind_decides_the_expansion() {
        let rolling = with(r#"period_kind = "Year""#, r#"period_kind = "Rolling3""#);
        let periods = &parse_catalogue(&rolling).unwrap()[0].periods;
        assert_eq!(
            periods[0],
            Period {
                first: 2013,
                last: 2015
            }
        );
        assert_eq!(periods.len(), 10);
        let pooled = with(
            r#"period_kind = "Year""#,
            r#"period_kind = "UngdataPooled""#,
        );
        let ends: Vec<u16> = parse_catalogue(&pooled).unwrap()[0]
            .periods
            .iter()
            .map(|p| p.last)
            .collect();
        assert_eq!(ends, vec![2015, 2018, 2021, 2024]);
        let off_beat = pooled.replacen("last = 2024", "last = 2023", 1);
        assert!(matches!(
            parse_catalogue(&off_beat),
            Err(CatalogueError::Periods {
                error: PeriodError::PoolStep { .. },
                ..
            })
        ));
    }

    #[test]
    fn an_id_that_is_not_url_safe_is_refused() {
        let toml = with(r#"id = "trangbodd""#, r#"id = "Trang bodd""#);
        match parse_catalogue(&toml) {
            Err(CatalogueError::InvalidField { at, field, .. }) => {
                assert_eq!((at.as_str(), field.as_str()), ("indicator #1", "id"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn broken_toml_and_empty_catalogues_are_refused() {
        assert!(matches!(
            parse_catalogue("[[indicator]\nid = 1"),
            Err(CatalogueError::Syntax(_))
        ));
        assert!(matches!(
            parse_catalogue("indicator = []"),
            Err(CatalogueError::NoIndicators)
        ));
        assert!(matches!(
            parse_catalogue(""),
            Err(CatalogueError::MissingField { field, .. }) if field == "indicator"
        ));
        assert!(matches!(
            parse_catalogue("indicator = [1]"),
            Err(CatalogueError::InvalidField { .. })
        ));
    }

    #[test]
    fn the_error_message_points_at_indicator_and_field() {
        let toml = with(r#"unit = "Percent""#, r#"unit = "Prosent""#);
        let message = parse_catalogue(&toml).unwrap_err().to_string();
        assert!(
            message.starts_with("trangbodd: field `unit`: "),
            "{message}"
        );
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let path = Path::new("/nonexistent/oppvekst/catalogue.toml");
        match load_catalogue(path) {
            Err(CatalogueError::Io { path: p, .. }) => assert_eq!(p, path),
            other => panic!("{other:?}"),
        }
    }
}
