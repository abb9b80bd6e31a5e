//! The indicator model: what an indicator is (its catalogue entry) and what one value of it is
//! (a [`Cell`] of counts with a flag).
//!
//! Values travel as counts, never as finished rates: the browser computes rates, confidence
//! intervals and multi-year sums from them, as FHI does. A suppressed cell carries no counts.

use crate::lang::Text;
use serde::{Deserialize, Serialize};

/// FHI's flags for a cell. Only `Ok` cells carry counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum Flag {
    #[default]
    Ok = 0,
    /// No data (`..`).
    Missing = 1,
    /// Cannot be computed (`.`), e.g. a zero denominator.
    NotComputable = 2,
    /// Hidden for privacy (`:`): too few cases, or secondary suppression.
    Suppressed = 3,
}

/// One value: a numerator and a denominator, or a flag that says why there is none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cell {
    pub num: u32,
    pub den: u32,
    pub flag: Flag,
}

impl Cell {
    pub fn ok(num: u32, den: u32) -> Cell {
        Cell {
            num,
            den,
            flag: Flag::Ok,
        }
    }

    /// A cell without counts. Whatever the counts were, they are dropped here.
    pub fn flagged(flag: Flag) -> Cell {
        Cell {
            num: 0,
            den: 0,
            flag,
        }
    }

    pub fn is_ok(&self) -> bool {
        self.flag == Flag::Ok
    }

    /// The value in the indicator's unit, or `None` when the cell has no usable counts.
    pub fn value(&self, unit: Unit) -> Option<f64> {
        if !self.is_ok() {
            return None;
        }
        unit.value(self.num as f64, self.den as f64)
    }
}

/// The unit a value is shown in, which also says how counts become a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// `100 · num / den`.
    Percent,
    /// `1000 · num / den`.
    Per1000,
    /// The numerator itself.
    Count,
    /// `100 · num / den`, an index where the reference is 100.
    Index,
    /// `100 · (num / den − 1)`: the change from `den` (then) to `num` (now), in percent.
    ChangePercent,
}

impl Unit {
    /// The value for the given counts; `None` where the denominator makes it undefined.
    pub fn value(self, num: f64, den: f64) -> Option<f64> {
        match self {
            Unit::Count => Some(num),
            _ if den <= 0.0 => None,
            Unit::Percent | Unit::Index => Some(100.0 * num / den),
            Unit::Per1000 => Some(1000.0 * num / den),
            Unit::ChangePercent => Some(100.0 * (num / den - 1.0)),
        }
    }

    /// The factor from a proportion `num / den` to the shown value (for CI limits).
    pub fn scale(self) -> f64 {
        match self {
            Unit::Per1000 => 1000.0,
            Unit::Count => 1.0,
            _ => 100.0,
        }
    }
}

/// Whether a higher value is good news, bad news, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    HigherIsBetter,
    HigherIsWorse,
    NoDirection,
}

/// How an area's value is tested against landet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TestKind {
    /// A share of persons: Wilson score interval.
    Binomial,
    /// A rate of events: exact Poisson interval.
    Poisson,
    /// No test (counts, changes): shown without a mark of significance.
    None,
}

/// What one period of the indicator covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// One calendar year (or 1 January of it).
    Year,
    /// A 3-year rolling sum of counts.
    Rolling3,
    /// One school year, `2024` meaning 2024/25.
    SchoolYear,
    /// Ungdata surveys pooled over several years.
    UngdataPooled,
    /// A 4-year rolling sum of counts (FHI pools sesjon's overweight over four years).
    Rolling4,
    /// Three school years pooled, ending in each school year: `2022–2024` is 2022/23–2024/25
    /// (FHI pools Elevundersøkelsen so, for small schools' sake).
    SchoolRolling3,
}

impl PeriodKind {
    /// How many years one period spans: the one place this rule lives.
    pub fn span(self) -> u16 {
        match self {
            PeriodKind::Year | PeriodKind::SchoolYear => 1,
            PeriodKind::Rolling3 | PeriodKind::UngdataPooled | PeriodKind::SchoolRolling3 => 3,
            PeriodKind::Rolling4 => 4,
        }
    }

    /// Whether a period's years are school years, named by their autumn.
    fn school(self) -> bool {
        matches!(self, PeriodKind::SchoolYear | PeriodKind::SchoolRolling3)
    }
}

/// A period as first and last year; a single year has `first == last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    pub first: u16,
    pub last: u16,
}

impl Period {
    pub fn year(y: u16) -> Period {
        Period { first: y, last: y }
    }

    pub fn years(&self) -> u16 {
        self.last.saturating_sub(self.first) + 1
    }

    /// The period as readers know it: `2024`, `2022–2024`, school year `2024/25`.
    /// FHI's `AAR` code: `2021_2023`, one year `2024_2024`.
    pub fn code(&self) -> String {
        format!("{}_{}", self.first, self.last)
    }

    pub fn label(&self, kind: PeriodKind) -> String {
        match kind {
            k if k.school() && self.first == self.last => {
                format!("{}/{:02}", self.first, (self.first + 1) % 100)
            }
            k if k.school() => {
                format!(
                    "{}/{:02}–{}/{:02}",
                    self.first,
                    (self.first + 1) % 100,
                    self.last,
                    (self.last + 1) % 100
                )
            }
            _ if self.first == self.last => self.first.to_string(),
            _ => format!("{}–{}", self.first, self.last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_period_of_an_indicator_without_periods_is_empty() {
        let mut ind = crate::stats::testutil::indicator(
            "x",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        );
        assert_eq!(ind.latest_period_label(), "2024");
        ind.period_kind = PeriodKind::SchoolYear;
        assert_eq!(ind.latest_period_label(), "2024/25");
        ind.periods.clear();
        assert_eq!(ind.latest_period_label(), "");
    }

    #[test]
    fn a_source_line_names_the_organisation_once() {
        let mut ind = crate::stats::testutil::indicator(
            "x",
            Unit::Percent,
            TestKind::Binomial,
            Polarity::HigherIsWorse,
        );
        ind.source_org = "Udir".into();
        ind.source_table = "Elevundersøkelsen (Udir)".into();
        assert_eq!(ind.source_line(), "Elevundersøkelsen (Udir)");
        ind.source_org = "NOVA".into();
        ind.source_table = "Ungdata".into();
        assert_eq!(ind.source_line(), "NOVA: Ungdata");
    }

    #[test]
    fn period_labels() {
        assert_eq!(Period::year(2024).label(PeriodKind::Year), "2024");
        assert_eq!(
            Period {
                first: 2022,
                last: 2024
            }
            .label(PeriodKind::Rolling3),
            "2022–2024"
        );
        assert_eq!(Period::year(2024).label(PeriodKind::SchoolYear), "2024/25");
        assert_eq!(Period::year(2099).label(PeriodKind::SchoolYear), "2099/00");
        assert_eq!(
            Period {
                first: 2022,
                last: 2024
            }
            .label(PeriodKind::SchoolYear),
            "2022/23–2024/25"
        );
        assert_eq!(
            Period {
                first: 2022,
                last: 2024
            }
            .label(PeriodKind::SchoolRolling3),
            "2022/23–2024/25"
        );
        assert_eq!(
            Period {
                first: 2021,
                last: 2024
            }
            .label(PeriodKind::Rolling4),
            "2021–2024"
        );
    }
}

/// The five groups of the oppvekstprofil barometer, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    Befolkning,
    Levekar,
    BarnehageSkole,
    FritidNaermiljo,
    Helse,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Befolkning,
        Group::Levekar,
        Group::BarnehageSkole,
        Group::FritidNaermiljo,
        Group::Helse,
    ];
}

/// Where the values of an indicator come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provenance {
    /// From a published table.
    Real,
    /// Generated by the documented demo model: the UI must say «demodata».
    Modelled,
}

/// Where a real indicator's figures were fetched: the producer, the table and the day, shown in
/// the barometer's detail, «Om tallene» and the CSV's `opphav`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// «FHI Statistikk», «SSB».
    pub producer: String,
    /// The table as the producer names it: `nokkel/806`, `12944`.
    pub table: String,
    /// `YYYY-MM-DD`, the day the answer was received.
    pub fetched: String,
}

/// One entry of the indicator catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub group: Group,
    pub label: Text,
    pub definition: Text,
    /// The indicator as the subject of a key sentence: «Andelen barn som bor trangt».
    pub subject: Text,
    pub unit: Unit,
    /// Age group as shown, e.g. `0–17 år`.
    pub age: Text,
    pub period_kind: PeriodKind,
    pub polarity: Polarity,
    pub test: TestKind,
    /// Decimals for values under 10 (FHI: values of 10 or more get none).
    pub decimals: u8,
    pub standardised: bool,
    pub source_org: String,
    pub source_table: String,
    pub provenance: Provenance,
    /// For a real indicator fetched from its producer: the table and the day.
    pub origin: Option<Origin>,
    /// The periods the values cover, oldest first; every area's cells line up with these.
    pub periods: Vec<Period>,
}

impl Indicator {
    /// Its texts, in a fixed order (`ContextBundle::texts_mut`).
    pub fn texts_mut(&mut self) -> [&mut Text; 4] {
        [
            &mut self.label,
            &mut self.definition,
            &mut self.subject,
            &mut self.age,
        ]
    }

    /// The latest period as readers know it (`2024/25`); empty for an indicator without
    /// periods, which the codec accepts and a view must not index into.
    pub fn latest_period_label(&self) -> String {
        self.periods
            .last()
            .map(|p| p.label(self.period_kind))
            .unwrap_or_default()
    }

    /// The source as one line says it: «FHI: Ungdata», or just the table where its name
    /// already names the organisation («Elevundersøkelsen (Udir)»).
    pub fn source_line(&self) -> String {
        if self.source_table.contains(&self.source_org) {
            self.source_table.clone()
        } else {
            format!("{}: {}", self.source_org, self.source_table)
        }
    }
}
