//! One `[[indicator]]` entry of `data/catalogue.toml` as it is written, and the checks on its
//! way to the core's [`Indicator`].

use super::error::CatalogueError;
use super::fetch_spec::FetchSpec;
use super::fields::Fields;
use super::periods::PeriodSpec;
use oppvekst_core::indicator::{
    Group, Indicator, PeriodKind, Polarity, Provenance, TestKind, Unit,
};
use oppvekst_core::lang::Text;
use toml::Value;

/// An entry as authored: everything an [`Indicator`] holds, but with its periods still as a spec.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorToml {
    pub id: String,
    pub group: Group,
    pub label: Text,
    pub definition: Text,
    pub subject: Text,
    pub unit: Unit,
    pub age: Text,
    pub period_kind: PeriodKind,
    pub polarity: Polarity,
    pub test: TestKind,
    pub decimals: u8,
    pub standardised: bool,
    pub source_org: String,
    pub source_table: String,
    pub provenance: Provenance,
    pub periods: PeriodSpec,
    /// Where `oppvekst-data fetch` gets the real table; only the data CLI reads it.
    pub fetch: Option<FetchSpec>,
}

impl IndicatorToml {
    /// Reads the entry at `position` (counted from 0) of the `indicator` array.
    pub fn read(value: Value, position: usize) -> Result<IndicatorToml, CatalogueError> {
        let mut f = Fields::new(value, format!("indicator #{}", position + 1), "indicator")?;
        let id = f.take_string("id")?;
        if let Err(message) = check_id(&id) {
            return Err(CatalogueError::InvalidField {
                at: f.at().to_owned(),
                field: "id".to_owned(),
                message,
            });
        }
        f.rename(&id);
        let entry = IndicatorToml {
            id,
            group: f.take("group")?,
            label: f.take_text("label")?,
            definition: f.take_text("definition")?,
            subject: f.take_text("subject")?,
            unit: f.take("unit")?,
            age: f.take_text("age")?,
            period_kind: f.take("period_kind")?,
            polarity: f.take("polarity")?,
            test: f.take("test")?,
            decimals: f.take("decimals")?,
            standardised: f.take("standardised")?,
            source_org: f.take_string("source_org")?,
            source_table: f.take_string("source_table")?,
            provenance: f.take("provenance")?,
            periods: f.take("periods")?,
            fetch: f.take_opt("fetch")?,
        };
        if let Some(spec) = &entry.fetch {
            spec.check()
                .map_err(|message| CatalogueError::InvalidField {
                    at: entry.id.clone(),
                    field: "fetch".to_owned(),
                    message,
                })?;
        }
        f.finish()?;
        Ok(entry)
    }

    /// Checks what holds across fields and expands the period spec.
    pub fn into_indicator(self) -> Result<Indicator, CatalogueError> {
        if !test_fits_unit(self.test, self.unit) {
            return Err(CatalogueError::TestUnitMismatch {
                at: self.id,
                test: self.test,
                unit: self.unit,
            });
        }
        let periods = match self.periods.expand(self.period_kind) {
            Ok(periods) => periods,
            Err(error) => return Err(CatalogueError::Periods { at: self.id, error }),
        };
        Ok(Indicator {
            id: self.id,
            group: self.group,
            label: self.label,
            definition: self.definition,
            subject: self.subject,
            unit: self.unit,
            age: self.age,
            period_kind: self.period_kind,
            polarity: self.polarity,
            test: self.test,
            decimals: self.decimals,
            standardised: self.standardised,
            source_org: self.source_org,
            source_table: self.source_table,
            provenance: self.provenance,
            origin: None,
            periods,
        })
    }
}

/// Ids go into URLs and file names, so they keep to lower-case ASCII, digits and `_`.
pub(super) fn check_id(id: &str) -> Result<(), String> {
    let starts_with_letter = id.starts_with(|c: char| c.is_ascii_lowercase());
    let plain = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    match starts_with_letter && plain {
        true => Ok(()),
        false => Err(format!(
            "`{id}` must start with a-z and hold only a-z, 0-9 and _"
        )),
    }
}

/// The interval the browser computes must suit the value: a Wilson interval is for a share of
/// persons in percent, an exact Poisson interval for events per 1000, and a change or a bare
/// count has no interval at all.
fn test_fits_unit(test: TestKind, unit: Unit) -> bool {
    match test {
        TestKind::Binomial => unit == Unit::Percent,
        TestKind::Poisson => unit == Unit::Per1000,
        TestKind::None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_safe() {
        assert!(check_id("barn_0_17").is_ok());
        assert!(check_id("Barn").is_err());
        assert!(check_id("0_17").is_err());
        assert!(check_id("barn-0-17").is_err());
        assert!(check_id("trangbodd ").is_err());
    }

    #[test]
    fn changes_and_counts_cannot_be_tested() {
        for unit in [Unit::ChangePercent, Unit::Count] {
            for test in [TestKind::Binomial, TestKind::Poisson] {
                assert!(!test_fits_unit(test, unit), "{test:?} {unit:?}");
            }
            assert!(test_fits_unit(TestKind::None, unit));
        }
    }

    #[test]
    fn each_test_has_its_unit() {
        assert!(test_fits_unit(TestKind::Binomial, Unit::Percent));
        assert!(!test_fits_unit(TestKind::Binomial, Unit::Per1000));
        assert!(test_fits_unit(TestKind::Poisson, Unit::Per1000));
        assert!(!test_fits_unit(TestKind::Poisson, Unit::Percent));
        assert!(!test_fits_unit(TestKind::Poisson, Unit::Index));
    }
}
