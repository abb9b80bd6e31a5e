//! The number of children 0–17 over the years.

use charming::component::{Axis, Grid};
use charming::element::{AxisLabel, AxisType, Formatter, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;

/// What the chart shows: one area's children 0–17 per year.
#[derive(Clone, Debug, PartialEq)]
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
                .show_symbol(false),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

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
