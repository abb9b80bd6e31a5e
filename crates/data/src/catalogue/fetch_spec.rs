//! Where `oppvekst-data fetch` gets an indicator's real table: the `fetch` table of a catalogue
//! entry. It names the source (FHI Statistikk's open API or SSB's PxWebApi v2), the table, the one
//! category of every other dimension, and what each measure contributes.
//!
//! ```toml
//! fetch = { source = "Fhi", table = "nokkel/806", select = ["KJONN=0", "SPM_ID=479", "TRINN=7"],
//!           measures = ["TELLER=num", "NEVNER=den", "MEIS=value"] }
//! ```
//!
//! `select` and `measures` are lists, not tables, because their order is the order of the
//! dimensions in the request body, which must match what the API's own `/query` template says.

use serde::Deserialize;

/// The two APIs `fetch` speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum FetchSource {
    /// FHI Statistikk open API: `POST {base}/{source}/Table/{id}/data`, json-stat2.
    Fhi,
    /// SSB PxWebApi v2: `POST {base}/tables/{id}/data?outputFormat=json-stat2`.
    Ssb,
}

/// Which areas a table covers: some FHI tables hold kommuner only (vaccination).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum GeoLevels {
    /// Landet, the fylker, the kommuner and the bydeler.
    #[default]
    All,
    Kommuner,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchSpec {
    pub source: FetchSource,
    /// FHI: `{source}/{tableId}` (`nokkel/806`); SSB: the table number (`12944`).
    pub table: String,
    /// `DIM=CODE` for every dimension besides geo, time and measure, in the table's order.
    #[serde(default)]
    pub select: Vec<String>,
    /// `CODE=num|den|value`. FHI's counts (`TELLER=num`, `NEVNER=den`) are asked for only when
    /// the table's `/dimension` answer offers them; the value is always asked for, as a check.
    pub measures: Vec<String>,
    #[serde(default)]
    pub geo: GeoLevels,
    /// The numerator counts a subset of the denominator (a share of persons).
    #[serde(default)]
    pub shares: bool,
    /// The API's names of the geo and time dimensions, where they are not FHI's `GEO`/`AAR` or
    /// SSB's `Region`/`Tid`.
    #[serde(default)]
    pub geo_dimension: Option<String>,
    #[serde(default)]
    pub time_dimension: Option<String>,
}

impl FetchSpec {
    /// Checks what serde cannot: the `KEY=VALUE` shapes and the table's form.
    pub fn check(&self) -> Result<(), String> {
        for s in self.select.iter().chain(&self.measures) {
            match s.split_once('=') {
                Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {}
                _ => return Err(format!("«{s}» is not KEY=VALUE")),
            }
        }
        for m in &self.measures {
            let role = m.split_once('=').map(|(_, r)| r.trim()).unwrap_or("");
            if !matches!(role, "num" | "den" | "value") {
                return Err(format!("measure «{m}»: the role must be num, den or value"));
            }
        }
        let ok = match self.source {
            FetchSource::Fhi => self
                .table
                .split_once('/')
                .is_some_and(|(s, id)| !s.is_empty() && id.parse::<u32>().is_ok()),
            FetchSource::Ssb => {
                !self.table.is_empty() && self.table.bytes().all(|b| b.is_ascii_alphanumeric())
            }
        };
        if !ok {
            return Err(format!(
                "table «{}» is not of the form {}",
                self.table,
                match self.source {
                    FetchSource::Fhi => "SOURCE/ID (nokkel/806)",
                    FetchSource::Ssb => "a table number (12944)",
                }
            ));
        }
        if self.measures.is_empty() {
            return Err("measures is empty".into());
        }
        Ok(())
    }

    /// The measure codes with a role, in the listed order.
    pub fn measure_roles(&self) -> Vec<(&str, &str)> {
        pairs(&self.measures)
    }

    /// The `DIM=CODE` selections as pairs.
    pub fn selections(&self) -> Vec<(&str, &str)> {
        pairs(&self.select)
    }
}

/// `KEY=VALUE` strings as pairs; [`FetchSpec::check`] has made sure each has its `=`.
fn pairs(list: &[String]) -> Vec<(&str, &str)> {
    list.iter()
        .filter_map(|m| m.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(toml: &str) -> Result<FetchSpec, String> {
        let s: FetchSpec = toml::from_str(toml).map_err(|e| e.to_string())?;
        s.check().map(|_| s)
    }

    #[test]
    fn a_spec_is_checked_for_shape() {
        let ok = spec(
            r#"source = "Fhi"
table = "nokkel/806"
select = ["KJONN=0", "TRINN=7"]
measures = ["TELLER=num", "NEVNER=den", "MEIS=value"]"#,
        )
        .unwrap();
        assert_eq!(ok.selections(), [("KJONN", "0"), ("TRINN", "7")]);
        assert_eq!(ok.geo, GeoLevels::All);
        assert!(
            spec("source = \"Fhi\"\ntable = \"806\"\nmeasures = [\"MEIS=value\"]")
                .unwrap_err()
                .contains("SOURCE/ID")
        );
        assert!(
            spec("source = \"Fhi\"\ntable = \"nokkel/806\"\nmeasures = [\"MEIS=rate\"]")
                .unwrap_err()
                .contains("num, den or value")
        );
        assert!(
            spec("source = \"Ssb\"\ntable = \"12944\"\nmeasures = [\"x\"]")
                .unwrap_err()
                .contains("KEY=VALUE")
        );
        // A misspelt key is refused, not ignored.
        assert!(
            spec("source = \"Ssb\"\ntable = \"1\"\nmeasures = [\"a=num\"]\nselekt = []")
                .unwrap_err()
                .contains("selekt")
        );
    }
}
