//! The population's charts: the number of children 0–17 over the years, and the age profile
//! 0–24 as shares of the population against landet's.

use super::colours::{role_dash, AREA, LANDET};
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisLabel, AxisType, Formatter, ItemStyle, LineStyle, Tooltip, Trigger};
use charming::series::{Bar, Line};
use charming::Chart;
use oppvekst_core::explore::trend::Role;
use serde::{Deserialize, Serialize};

/// The age profile: per single year of age, the area's and landet's share of the population.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgeProfileChart {
    pub area: String,
    pub landet: String,
    pub ages: Vec<String>,
    pub shares: Vec<f64>,
    pub landet_shares: Vec<f64>,
}

pub fn age_profile(vm: &AgeProfileChart) -> Chart {
    let fmt = super::PERCENT;
    Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(super::over_time::legend_height(&[vm.area.clone(), vm.landet.clone()]) + 18)
                .bottom(24)
                .contain_label(true),
        )
        .legend(
            Legend::new()
                .top(0)
                .data(vec![vm.area.clone(), vm.landet.clone()]),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .value_formatter(Formatter::String(fmt.into())),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(vm.ages.clone()))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(AxisLabel::new().formatter(Formatter::String(fmt.into()))),
        )
        .series(
            Bar::new()
                .name(vm.area.clone())
                .data(vm.shares.clone())
                .item_style(ItemStyle::new().color(AREA)),
        )
        .series(
            Line::new()
                .name(vm.landet.clone())
                .data(vm.landet_shares.clone())
                .show_symbol(false)
                .line_style(
                    LineStyle::new()
                        .width(3)
                        .color(LANDET)
                        .type_(role_dash(Role::Landet).1),
                )
                .item_style(ItemStyle::new().color(LANDET)),
        )
}

/// What the chart shows: one area's children 0–17 per year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildrenTrend {
    pub area: String,
    pub points: Vec<(u16, u32)>,
}

pub fn children_trend(vm: &ChildrenTrend) -> Chart {
    let years: Vec<String> = vm.points.iter().map(|(y, _)| y.to_string()).collect();
    let values: Vec<i64> = vm.points.iter().map(|&(_, v)| v as i64).collect();
    Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(16)
                .bottom(24)
                .contain_label(true),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .value_formatter(Formatter::String(super::NUMBER.into())),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(years))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(AxisLabel::new().formatter(Formatter::String(super::NUMBER.into()))),
        )
        .series(
            Line::new()
                .name(vm.area.clone())
                .data(values)
                .show_symbol(false)
                .line_style(LineStyle::new().width(3).color(AREA))
                .item_style(ItemStyle::new().color(AREA)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_as_bars_and_landet_as_a_line() {
        let vm = AgeProfileChart {
            area: "Oslo".into(),
            landet: "Hele landet".into(),
            ages: vec!["0".into(), "1".into()],
            shares: vec![1.2, 1.1],
            landet_shares: vec![1.0, 1.05],
        };
        let v = serde_json::to_value(age_profile(&vm)).unwrap();
        assert_eq!(v["series"][0]["type"], "bar");
        assert_eq!(v["series"][0]["data"][1], 1.1);
        assert_eq!(v["series"][1]["type"], "line");
        assert_eq!(v["series"][1]["name"], "Hele landet");
    }

    #[test]
    fn one_line_with_every_year() {
        let vm = ChildrenTrend {
            area: "Oslo".into(),
            points: vec![(2005, 100), (2006, 120)],
        };
        let v = serde_json::to_value(children_trend(&vm)).unwrap();
        assert_eq!(v["series"][0]["type"], "line");
        assert_eq!(v["series"][0]["name"], "Oslo");
        assert_eq!(v["series"][0]["data"][1], 120);
        let x = if v["xAxis"].is_array() {
            &v["xAxis"][0]
        } else {
            &v["xAxis"]
        };
        assert_eq!(x["data"][0], "2005");
        let y = if v["yAxis"].is_array() {
            &v["yAxis"][0]
        } else {
            &v["yAxis"]
        };
        assert_eq!(y["axisLabel"]["formatter"], super::super::NUMBER);
    }
}
