//! One indicator over its periods for the area and the areas it is compared with.

use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisLabel, AxisType, Formatter, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorTrend {
    pub periods: Vec<String>,
    /// One line per area; `None` where the area has no value (suppressed or missing).
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    pub percent: bool,
}

pub fn indicator_trend(vm: &IndicatorTrend) -> Chart {
    let fmt = if vm.percent {
        super::PERCENT
    } else {
        super::NUMBER
    };
    let mut chart = Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(36)
                .bottom(24)
                .contain_label(true),
        )
        .legend(Legend::new().top(0))
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .value_formatter(Formatter::String(fmt.into())),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(vm.periods.clone()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(AxisLabel::new().formatter(Formatter::String(fmt.into()))),
        );
    for (name, values) in &vm.lines {
        chart = chart.series(
            Line::new()
                .name(name.clone())
                .data(values.clone())
                .connect_nulls(false),
        );
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_stay_gaps() {
        let vm = IndicatorTrend {
            periods: vec!["2023".into(), "2024".into()],
            lines: vec![
                ("Utsira".into(), vec![None, Some(12.5)]),
                ("Landet".into(), vec![Some(10.0), Some(11.0)]),
            ],
            percent: true,
        };
        let v = serde_json::to_value(indicator_trend(&vm)).unwrap();
        assert_eq!(v["series"].as_array().unwrap().len(), 2);
        assert!(v["series"][0]["data"][0].is_null());
        assert_eq!(v["series"][0]["data"][1], 12.5);
        let y = if v["yAxis"].is_array() {
            &v["yAxis"][0]
        } else {
            &v["yAxis"]
        };
        assert_eq!(y["axisLabel"]["formatter"], crate::charts::PERCENT);
    }
}
