//! Small builders for the tests of the statistics modules.

use crate::indicator::{
    Group, Indicator, Period, PeriodKind, Polarity, Provenance, TestKind, Unit,
};
use crate::lang::Text;

pub fn text(s: &str) -> Text {
    Text {
        nb: s.to_string(),
        nn: s.to_string(),
        en: s.to_string(),
    }
}

/// An indicator with yearly periods 2020–2024.
pub fn indicator(id: &str, unit: Unit, test: TestKind, polarity: Polarity) -> Indicator {
    Indicator {
        id: id.to_string(),
        group: Group::Levekar,
        label: text(id),
        definition: text(id),
        subject: text(id),
        unit,
        age: text("0–17 år"),
        period_kind: PeriodKind::Year,
        polarity,
        test,
        decimals: 1,
        standardised: false,
        source_org: "test".into(),
        source_table: "test".into(),
        provenance: Provenance::Modelled,
        periods: (2020..=2024).map(Period::year).collect(),
    }
}
