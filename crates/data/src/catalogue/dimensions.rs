//! The breakdown dimensions of `data/dimensions.toml`: each with its categories in nb, nn
//! and en, and the indicators it does not split (`not_for`) with the reason.

use oppvekst_core::breakdown::Dimension;
use oppvekst_core::lang::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    dimension: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    label: Text,
    categories: Vec<Text>,
    /// Indicators the dimension says nothing about: a household's measure has no sex, a
    /// kindergarten's staffing no child's background, and a share of immigrants is the split.
    #[serde(default)]
    not_for: Vec<String>,
    #[serde(default)]
    why_not: String,
}

/// Per dimension id, the indicators it is not applied to.
pub type Scopes = BTreeMap<String, Vec<String>>;

/// The scopes of the dimensions in `data/dimensions.toml`.
pub fn load_scopes(path: &Path) -> Result<Scopes, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file
        .dimension
        .into_iter()
        .map(|d| (d.id, d.not_for))
        .collect())
}

pub fn load_dimensions(path: &Path) -> Result<Vec<Dimension>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_dimensions(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads and checks the dimensions: unique ids, two categories at least, every text in all
/// three languages.
pub fn parse_dimensions(toml: &str) -> Result<Vec<Dimension>, String> {
    let file: File = toml::from_str(toml).map_err(|e| e.to_string())?;
    if let Some(d) = file
        .dimension
        .iter()
        .find(|d| !d.not_for.is_empty() && d.why_not.trim().is_empty())
    {
        return Err(format!(
            "dimension {}: `not_for` needs its reason in `why_not`",
            d.id
        ));
    }
    let mut ids = std::collections::HashSet::new();
    for d in &file.dimension {
        if !ids.insert(d.id.as_str()) {
            return Err(format!("dimension {} appears twice", d.id));
        }
        if d.categories.len() < 2 {
            return Err(format!("dimension {} needs two categories at least", d.id));
        }
        let texts = std::iter::once(&d.label).chain(&d.categories);
        if texts
            .flat_map(|t| [&t.nb, &t.nn, &t.en])
            .any(|s| s.trim().is_empty())
        {
            return Err(format!("dimension {} lacks a text", d.id));
        }
    }
    if file.dimension.len() > usize::from(u8::MAX) {
        return Err("too many dimensions".into());
    }
    Ok(file
        .dimension
        .into_iter()
        .map(|d| Dimension {
            id: d.id,
            label: d.label,
            categories: d.categories,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_dimensions_read() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/dimensions.toml");
        let d = load_dimensions(&path).unwrap();
        let ids: Vec<&str> = d.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["kjonn", "innvandring"]);
        assert_eq!(d[0].categories[1].en, "Girls");
    }

    #[test]
    fn bad_dimensions_are_refused() {
        let one = "[[dimension]]\nid = \"x\"\nlabel = { nb = \"X\", nn = \"X\", en = \"X\" }\ncategories = [{ nb = \"a\", nn = \"a\", en = \"a\" }]\n";
        assert!(parse_dimensions(one)
            .unwrap_err()
            .contains("two categories"));
        let blank = one.replace(
            "categories = [",
            "categories = [{ nb = \"b\", nn = \"\", en = \"b\" }, ",
        );
        assert!(parse_dimensions(&blank)
            .unwrap_err()
            .contains("lacks a text"));
        let twice = format!(
            "{}{}",
            blank.replace("nn = \"\"", "nn = \"b\""),
            blank.replace("nn = \"\"", "nn = \"b\"")
        );
        assert!(parse_dimensions(&twice).unwrap_err().contains("twice"));
        assert!(parse_dimensions("[[dimension]]\nid = \"x\"\nfoo = 1\n").is_err());
    }
}
