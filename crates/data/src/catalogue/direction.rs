//! A theme's direction part (`[immigrant.direction]` in `data/themes.toml`): the indicators the
//! sentence speaks of and one text per outcome, which the app chooses from the area's own
//! figures. Read with the theme texts; checked against the catalogue and the dimensions once
//! those are read, since an id the breakdowns never split could never choose a sentence.

use super::error::CatalogueError;
use super::fields::Fields;
use super::Scopes;
use oppvekst_core::indicator::{Indicator, Polarity, TestKind};
use oppvekst_core::lang::Text;
use oppvekst_core::theme::direction::{IMMIGRANT_DIMENSION, PLACEHOLDERS};
use oppvekst_core::theme::{Direction, Themes};
use oppvekst_core::Lang;
use std::collections::HashSet;
use toml::Value;

/// Where the direction sits in the file, as the errors name it.
pub const AT: &str = "immigrant.direction";

pub fn read_direction(value: Value) -> Result<Direction, CatalogueError> {
    let mut f = Fields::new(value, AT.to_owned(), "direction")?;
    let indicators: Vec<String> = f.take("indicators")?;
    let invalid = |message: String| CatalogueError::InvalidField {
        at: AT.to_owned(),
        field: "indicators".to_owned(),
        message,
    };
    if indicators.is_empty() {
        return Err(invalid("names no indicator".to_owned()));
    }
    let mut seen = HashSet::new();
    if let Some(twice) = indicators.iter().find(|id| !seen.insert(id.as_str())) {
        return Err(invalid(format!("`{twice}` is named twice")));
    }
    let mut text = |field: &str| -> Result<Text, CatalogueError> {
        let t = f.take_text(field)?;
        check_placeholders(&t, field)?;
        Ok(t)
    };
    let direction = Direction {
        indicators,
        worse: text("worse")?,
        better: text("better")?,
        unclear: text("unclear")?,
    };
    f.finish()?;
    Ok(direction)
}

/// Only `{area}` and `{indicators}`: a misspelt placeholder would reach the reader verbatim.
fn check_placeholders(text: &Text, field: &str) -> Result<(), CatalogueError> {
    for lang in Lang::ALL {
        let mut rest = text.get(lang);
        while let Some(start) = rest.find('{') {
            rest = &rest[start..];
            let end = rest.find('}').map_or(rest.len(), |e| e + 1);
            if !PLACEHOLDERS.contains(&&rest[..end]) {
                return Err(CatalogueError::InvalidField {
                    at: AT.to_owned(),
                    field: format!("{field}.{}", lang.code()),
                    message: format!(
                        "unknown placeholder `{}` (known: {})",
                        &rest[..end],
                        PLACEHOLDERS.join(", ")
                    ),
                });
            }
            rest = &rest[end..];
        }
    }
    Ok(())
}

/// Every indicator the direction names is in the catalogue, has a polarity and a test (so that
/// «worse» means something) and is split by immigrant background.
pub fn check_direction(
    themes: &Themes,
    catalogue: &[Indicator],
    scopes: &Scopes,
) -> Result<(), CatalogueError> {
    let not_split = scopes.get(IMMIGRANT_DIMENSION);
    for id in &themes.immigrant_direction.indicators {
        let why = match catalogue.iter().find(|i| &i.id == id) {
            None => "is not an indicator of data/catalogue.toml",
            Some(i) if i.polarity == Polarity::NoDirection => {
                "has no polarity, so no difference is better or worse"
            }
            Some(i) if i.test == TestKind::None => "has no test, so no difference is significant",
            Some(_) if not_split.is_some_and(|n| n.contains(id)) => {
                "is not split by immigrant background (data/dimensions.toml, not_for)"
            }
            Some(_) => continue,
        };
        return Err(CatalogueError::InvalidField {
            at: AT.to_owned(),
            field: "indicators".to_owned(),
            message: format!("`{id}` {why}"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{load_catalogue, load_scopes, load_themes};
    use std::path::Path;

    fn authored(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data")
            .join(name)
    }

    fn parse(toml: &str) -> Result<Direction, CatalogueError> {
        read_direction(Value::Table(toml::from_str(toml).unwrap()))
    }

    const TEXTS: &str = "worse = { nb = \"W {area}\", nn = \"W\", en = \"W {indicators}\" }\n\
                         better = { nb = \"B\", nn = \"B\", en = \"B\" }\n\
                         unclear = { nb = \"U\", nn = \"U\", en = \"U\" }\n";

    fn message(e: CatalogueError) -> String {
        e.to_string()
    }

    #[test]
    fn the_shipped_direction_reads_and_fits_the_catalogue() {
        let themes = load_themes(&authored("themes.toml")).unwrap();
        let catalogue = load_catalogue(&authored("catalogue.toml")).unwrap();
        let scopes = load_scopes(&authored("dimensions.toml")).unwrap();
        let d = &themes.immigrant_direction;
        assert_eq!(d.indicators, ["lavinntekt_vedvarende", "trangbodd"]);
        check_direction(&themes, &catalogue, &scopes).unwrap();
        for lang in Lang::ALL {
            assert_ne!(d.worse.get(lang), d.better.get(lang));
        }
    }

    #[test]
    fn a_valid_direction_parses() {
        let d = parse(&format!("indicators = [\"a\"]\n{TEXTS}")).unwrap();
        assert_eq!(d.indicators, ["a"]);
        assert_eq!(d.worse.en, "W {indicators}");
    }

    #[test]
    fn an_unknown_placeholder_is_named_with_its_language() {
        let toml = format!("indicators = [\"a\"]\n{TEXTS}").replace("W {area}", "W {omrade}");
        let m = message(parse(&toml).unwrap_err());
        assert!(
            m.contains("immigrant.direction") && m.contains("worse.nb"),
            "{m}"
        );
        assert!(m.contains("{omrade}"), "{m}");
    }

    #[test]
    fn no_indicators_twice_the_same_or_a_missing_text_are_refused() {
        let m = message(parse(&format!("indicators = []\n{TEXTS}")).unwrap_err());
        assert!(m.contains("names no indicator"), "{m}");
        let m = message(parse(&format!("indicators = [\"a\", \"a\"]\n{TEXTS}")).unwrap_err());
        assert!(m.contains("`a` is named twice"), "{m}");
        let cut = format!("indicators = [\"a\"]\n{TEXTS}").replace("unclear", "uklar");
        assert!(matches!(
            parse(&cut),
            Err(CatalogueError::MissingField { .. })
        ));
    }

    /// The error the build reports names the file, the key and the id.
    #[test]
    fn ids_outside_the_catalogue_or_the_split_are_refused() {
        let mut themes = load_themes(&authored("themes.toml")).unwrap();
        let catalogue = load_catalogue(&authored("catalogue.toml")).unwrap();
        let scopes = load_scopes(&authored("dimensions.toml")).unwrap();
        for (id, why) in [
            (
                "lavinntekt_vedvarnde",
                "is not an indicator of data/catalogue.toml",
            ),
            ("innvandrere_0_17", "has no polarity"),
            (
                "barnehage_minoritet",
                "is not split by immigrant background",
            ),
        ] {
            themes.immigrant_direction.indicators = vec![id.to_owned()];
            let e = check_direction(&themes, &catalogue, &scopes).unwrap_err();
            let m = format!("data/themes.toml: {e}");
            assert!(
                m.starts_with("data/themes.toml: immigrant.direction: field `indicators`: "),
                "{m}"
            );
            assert!(m.contains(&format!("`{id}` {why}")), "{m}");
        }
    }
}
