//! Pure functions from a view model to a `charming::Chart`. They know nothing of the page or of
//! the renderer, so they are tested natively.

pub mod colours;
pub mod compare;
pub mod map;
pub mod over_time;
pub mod population;

use serde::{Deserialize, Serialize};

/// A chart to draw, as its view model: what the app hands the charts module (`src/bin/charts.rs`),
/// which alone holds charming and builds the `charming::Chart` there. The profile and the whole
/// app thus carry no chart code, only these models and their encoding; the module loads beside
/// ECharts, when the first chart comes near the screen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    /// Nothing yet: a view whose figures are still loading.
    #[default]
    Empty,
    OverTime(over_time::OverTime),
    AgeProfile(population::AgeProfileChart),
    ChildrenTrend(population::ChildrenTrend),
    Compare(compare::CompareChart),
    Map(map::MapChart),
}

impl Figure {
    pub fn chart(&self) -> charming::Chart {
        match self {
            Figure::Empty => charming::Chart::new(),
            Figure::OverTime(vm) => over_time::over_time(vm),
            Figure::AgeProfile(vm) => population::age_profile(vm),
            Figure::ChildrenTrend(vm) => population::children_trend(vm),
            Figure::Compare(vm) => compare::compare_chart(vm),
            Figure::Map(vm) => map::map_chart(vm),
        }
    }

    /// The bytes the app passes to the charts module: both are built from this crate at once,
    /// so the encoding needs no version of its own.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a figure encodes")
    }

    pub fn decode(bytes: &[u8]) -> Result<Figure, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// Formatter names that the ECharts shim (`tools/echarts/app.js`) turns into functions
/// writing numbers the Norwegian way; charming itself can only send JSON.
pub const NUMBER: &str = "@fmt:number";
pub const PERCENT: &str = "@fmt:percent";
/// A tooltip of one item: its name and its value.
pub const TIP_NUMBER: &str = "@fmt:tip-number";
pub const TIP_PERCENT: &str = "@fmt:tip-percent";
/// A time axis's periods: a pooled period («2022/23–2024/25») on two lines.
pub const PERIOD: &str = "@fmt:period";
/// Area names on a category axis: the shim fits them to the chart's width, cutting a long one
/// with «…» (the tooltip and the table name it whole).
pub const NAMES: &str = "@fmt:names";

/// One colour per role in every chart: the series colours are read back from each chart's
/// option, as ECharts gets it.
#[cfg(test)]
mod roles {
    use super::colours::{self, contrast_on_white};
    use super::compare::{compare_chart, CompareBar, CompareChart};
    use super::over_time::{over_time, OverTime, Series};
    use super::population::{age_profile, children_trend, AgeProfileChart, ChildrenTrend};
    use oppvekst_core::explore::trend::Role;
    use std::collections::BTreeMap;

    /// Every named series' colour, and the landet line of a comparison.
    fn colours_of(chart: charming::Chart, into: &mut BTreeMap<String, Vec<String>>) {
        let v = serde_json::to_value(chart).unwrap();
        for s in v["series"].as_array().unwrap() {
            let colour = s["lineStyle"]["color"]
                .as_str()
                .or_else(|| s["itemStyle"]["color"].as_str());
            if let (Some(name), Some(c)) = (s["name"].as_str(), colour) {
                into.entry(name.to_string())
                    .or_default()
                    .push(c.to_string());
            }
            // A line's gap marks are its own; the comparison's landet rule (on the unnamed bars)
            // is named by its data.
            let mark = &s["markLine"];
            let owner = s["name"]
                .as_str()
                .or_else(|| mark["data"][0]["name"].as_str());
            if let (Some(owner), Some(c)) = (owner, mark["lineStyle"]["color"].as_str()) {
                into.entry(owner.to_string())
                    .or_default()
                    .push(c.to_string());
            }
        }
    }

    fn line(name: &str, role: Role) -> Series {
        Series {
            name: name.into(),
            role,
            values: vec![Some(1.0), None, Some(2.0)],
            gaps: vec![],
        }
    }

    #[test]
    fn every_chart_gives_a_role_the_same_colour_and_no_two_roles_one() {
        let mut seen = BTreeMap::new();
        let periods = vec!["2022".into(), "2023".into(), "2024".into()];
        // The trend view: the band after the area, which once moved every later line's colour.
        colours_of(
            over_time(&OverTime {
                periods: periods.clone(),
                lines: vec![
                    // A hidden value: its mark is in the line's colour.
                    Series {
                        gaps: vec![(1, "skjult".into())],
                        ..line("Gamle Oslo", Role::Area)
                    },
                    line("Oslo", Role::Kommune),
                    line("Oslo (fylke)", Role::Fylke),
                    line("Hele landet", Role::Landet),
                    line("Bergen", Role::Added),
                    line("Tromsø", Role::Added),
                ],
                band: Some((
                    "95 % KI".into(),
                    vec![Some((0.5, 1.5)), None, Some((1.5, 2.5))],
                )),
                shade: None,
                percent: true,
            }),
            &mut seen,
        );
        // An opened barometer row: no band, no kommune.
        colours_of(
            over_time(&OverTime {
                periods,
                lines: vec![
                    line("Gamle Oslo", Role::Area),
                    line("Oslo (fylke)", Role::Fylke),
                    line("Hele landet", Role::Landet),
                ],
                band: None,
                shade: None,
                percent: true,
            }),
            &mut seen,
        );
        colours_of(
            age_profile(&AgeProfileChart {
                area: "Gamle Oslo".into(),
                landet: "Hele landet".into(),
                ages: vec!["0".into()],
                shares: vec![1.0],
                landet_shares: vec![1.1],
            }),
            &mut seen,
        );
        colours_of(
            children_trend(&ChildrenTrend {
                area: "Gamle Oslo".into(),
                points: vec![(2024, 10), (2025, 11)],
            }),
            &mut seen,
        );
        colours_of(
            compare_chart(&CompareChart {
                bars: vec![CompareBar {
                    name: "Gamle Oslo".into(),
                    value: Some(1.0),
                    interval: None,
                    colour: colours::AREA.into(),
                    glyph: "".into(),
                    own: true,
                }],
                landet: Some(("Hele landet".into(), 1.0)),
                percent: true,
            }),
            &mut seen,
        );
        let one = |name: &str| {
            let cs = &seen[name];
            assert!(
                cs.iter().all(|c| c == &cs[0]),
                "{name} in several colours: {cs:?}"
            );
            cs[0].clone()
        };
        assert_eq!(
            seen["Gamle Oslo"].len(),
            5,
            "the area in four charts, and its gap mark"
        );
        assert_eq!(seen["Hele landet"].len(), 4, "landet in four charts");
        let roles = [
            one("Gamle Oslo"),
            one("Oslo"),
            one("Oslo (fylke)"),
            one("Hele landet"),
            one("Bergen"),
            one("Tromsø"),
        ];
        assert_eq!(roles[0], colours::AREA);
        assert_eq!(roles[3], colours::LANDET);
        for (i, a) in roles.iter().enumerate() {
            assert!(contrast_on_white(a) >= 3.0, "{a} on white");
            for b in &roles[i + 1..] {
                assert_ne!(a, b, "two roles in one colour");
            }
        }
    }
}

/// What the app encodes is what the charts module draws.
#[cfg(test)]
mod encoding {
    use super::map::{MapArea, MapChart};
    use super::over_time::{OverTime, Series};
    use super::Figure;
    use oppvekst_core::explore::trend::Role;

    fn figures() -> Vec<Figure> {
        vec![
            Figure::Empty,
            Figure::OverTime(OverTime {
                periods: vec!["2022/23–2024/25".into(), "2023/24–2025/26".into()],
                lines: vec![Series {
                    name: "Gamle Oslo".into(),
                    role: Role::Area,
                    values: vec![None, Some(12.5)],
                    gaps: vec![(0, "skjult".into())],
                }],
                band: Some(("95 %".into(), vec![None, Some((10.25, 14.75))])),
                shade: Some((0, 1, "Pandemien".into())),
                percent: true,
            }),
            Figure::Map(MapChart {
                map: "kommuner".into(),
                title: "Mobbing".into(),
                areas: vec![MapArea {
                    name: "Bø (Nordland)".into(),
                    value: None,
                    colour: "#e4e7ea".into(),
                }],
                percent: false,
            }),
        ]
    }

    #[test]
    fn a_figure_comes_through_its_encoding_whole_and_draws_the_same_chart() {
        for figure in figures() {
            let back = Figure::decode(&figure.encode()).unwrap();
            assert_eq!(back, figure);
            assert_eq!(
                serde_json::to_value(back.chart()).unwrap(),
                serde_json::to_value(figure.chart()).unwrap()
            );
        }
    }

    #[test]
    fn cut_bytes_are_an_error_not_a_figure() {
        let bytes = figures()[1].encode();
        assert!(Figure::decode(&bytes[..bytes.len() - 3]).is_err());
        assert!(Figure::decode(&[200]).is_err());
    }
}
