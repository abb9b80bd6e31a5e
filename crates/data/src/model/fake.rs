//! A small invented country for the model's tests: a registry with cities, bydeler and tiny
//! kommuner, and a population that follows from it. Nothing here is read from the sources.

use super::Population;
use oppvekst_core::area::{Area, AreaCode, Level, Registry};
use oppvekst_core::indicator::{
    Group, Indicator, Period, PeriodKind, Polarity, Provenance, TestKind, Unit,
};
use oppvekst_core::lang::Text;
use oppvekst_core::population::PopulationYear;
use std::collections::BTreeMap;

/// Kommune sizes, cycled through each fylke: many small ones, a few large ones.
const SIZES: [u32; 15] = [
    180, 250, 320, 420, 480, 900, 1_500, 2_500, 4_000, 7_000, 12_000, 20_000, 35_000, 60_000,
    110_000,
];

/// The cities, their sizes and their bydeler's weights; the bydeler hold 90 % of the city.
const CITIES: [(&str, u32, &[u32]); 2] = [
    ("0301", 700_000, &[5, 8, 3, 6, 4]),
    ("1103", 145_000, &[3, 2, 4]),
];

const BYDEL_SHARE: f64 = 0.9;

pub struct FakeCountry {
    pub reg: Registry,
    /// Total population in 2015 of every kommune and bydel.
    sizes: BTreeMap<AreaCode, u32>,
}

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).expect("test codes are valid")
}

fn area(c: &AreaCode) -> Area {
    Area {
        code: c.clone(),
        name: format!("Sted {c}"),
    }
}

impl FakeCountry {
    pub fn new() -> FakeCountry {
        let mut areas = vec![area(&AreaCode::landet())];
        let mut sizes = BTreeMap::new();
        for f in ["03", "11", "15", "18", "46"] {
            areas.push(area(&code(f)));
        }
        for (city, size, weights) in CITIES {
            let k = code(city);
            areas.push(area(&k));
            sizes.insert(k.clone(), size);
            let total: u32 = weights.iter().sum();
            for (i, w) in weights.iter().enumerate() {
                let b = code(&format!("{city}{:02}", i + 1));
                areas.push(area(&b));
                let share = BYDEL_SHARE * *w as f64 / total as f64;
                sizes.insert(b, (size as f64 * share).round() as u32);
            }
        }
        for f in ["11", "15", "18", "46"] {
            for (i, size) in SIZES.iter().enumerate() {
                let k = code(&format!("{f}{:02}", 20 + i));
                areas.push(area(&k));
                sizes.insert(k, *size);
            }
        }
        FakeCountry {
            reg: Registry::new(areas).expect("the fake registry is consistent"),
            sizes,
        }
    }

    /// The kommuner with their 2015 size.
    pub fn kommune_sizes(&self) -> Vec<(AreaCode, u32)> {
        self.sizes
            .iter()
            .filter(|(c, _)| c.level() == Level::Kommune)
            .map(|(c, s)| (c.clone(), *s))
            .collect()
    }

    fn single(&self, c: &AreaCode, year: u16, age: u8) -> Option<u32> {
        if !(2005..=2026).contains(&year) || age > 24 {
            return None;
        }
        let grow = 1.0 + 0.004 * (year as f64 - 2015.0);
        let by_age = 0.0125 - 0.0001 * age as f64;
        if let Some(size) = self.sizes.get(c) {
            return Some((*size as f64 * grow * by_age).round() as u32);
        }
        // Fylke and landet: the sum of their kommuner.
        let kommuner = self.sizes.keys().filter(|k| {
            k.level() == Level::Kommune
                && (c.level() == Level::Landet || k.fylke().as_ref() == Some(c))
        });
        Some(kommuner.filter_map(|k| self.single(k, year, age)).sum())
    }
}

impl Population for FakeCountry {
    fn year(&self, c: &AreaCode, year: u16) -> Option<PopulationYear> {
        let ages = |from, to| self.ages(c, year, from, to);
        let age_0_24 = ages(0, 24)?;
        Some(PopulationYear {
            total: age_0_24 * 3,
            age_0_5: ages(0, 5)?,
            age_6_15: ages(6, 15)?,
            age_0_17: ages(0, 17)?,
            age_0_24,
            age_16_24: ages(16, 24)?,
        })
    }

    fn ages(&self, c: &AreaCode, year: u16, from: u8, to: u8) -> Option<u32> {
        (from..=to).map(|a| self.single(c, year, a)).sum()
    }
}

/// An indicator as the catalogue would have it, with the given unit and periods.
pub fn indicator(id: &str, unit: Unit, periods: Vec<Period>) -> Indicator {
    let text = |s: &str| Text {
        nb: s.into(),
        nn: s.into(),
        en: s.into(),
    };
    Indicator {
        id: id.into(),
        group: Group::Levekar,
        label: text(id),
        definition: text(id),
        subject: text(id),
        unit,
        age: text("0–17 år"),
        period_kind: PeriodKind::Year,
        polarity: Polarity::HigherIsWorse,
        test: if unit == Unit::Per1000 {
            TestKind::Poisson
        } else {
            TestKind::Binomial
        },
        decimals: 1,
        standardised: false,
        source_org: "demo".into(),
        source_table: "demo".into(),
        provenance: Provenance::Modelled,
        origin: None,
        periods,
    }
}

pub fn years(first: u16, last: u16) -> Vec<Period> {
    (first..=last).map(Period::year).collect()
}

pub fn rolling3(first_end: u16, last_end: u16) -> Vec<Period> {
    (first_end..=last_end)
        .map(|y| Period {
            first: y - 2,
            last: y,
        })
        .collect()
}
