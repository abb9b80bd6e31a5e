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
        origin: None,
        periods: (2020..=2024).map(Period::year).collect(),
    }
}

/// An area bundle with one series (catalogue entry 0) of `cells`, and a token population.
pub fn area_with(code: &str, cells: Vec<crate::indicator::Cell>) -> crate::codec::AreaBundle {
    use crate::population::{AgeProfile, PopulationSeries, PopulationYear};
    crate::codec::AreaBundle {
        code: crate::area::AreaCode::parse(code).unwrap(),
        population: PopulationSeries {
            first_year: 2024,
            years: vec![PopulationYear {
                total: 10,
                ..Default::default()
            }],
        },
        ages: AgeProfile::default(),
        series: vec![crate::codec::Series {
            indicator: 0,
            cells,
        }]
        .into(),
        breakdowns: Vec::new(),
        ranks: Vec::new(),
    }
}
