//! One indicator for a set of areas as horizontal bars, each coloured by its comparison with
//! landet, with its 95 % interval drawn over the bar's end and landet as a vertical line.

use super::colours::{role_dash, LANDET};
use charming::component::{Axis, Grid};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisType, Formatter, ItemStyle, Label, LineStyle, MarkLine, MarkLineData,
    MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::Bar;
use charming::Chart;
use oppvekst_core::explore::trend::Role;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareBar {
    pub name: String,
    pub value: Option<f64>,
    pub interval: Option<(f64, f64)>,
    pub colour: Cow<'static, str>,
    /// The shape of its class before its name (`colours::mark_glyph`), or empty.
    pub glyph: Cow<'static, str>,
    /// The view's own area, drawn with an outline.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareChart {
    /// Top to bottom.
    pub bars: Vec<CompareBar>,
    /// Landet's name and value.
    pub landet: Option<(String, f64)>,
    pub percent: bool,
}

/// Height per bar and for the axes, in pixels: enough for a name on a phone.
pub const BAR_HEIGHT: u32 = 26;
pub const FRAME_HEIGHT: u32 = 70;

/// The chart's height for `n` bars.
pub fn height(n: usize) -> u32 {
    FRAME_HEIGHT + BAR_HEIGHT * n as u32
}

/// Stack name of the interval: an invisible bar to the lower limit, then the interval.
const CI: &str = "ci";

pub fn compare_chart(vm: &CompareChart) -> Chart {
    let (fmt, tip) = if vm.percent {
        (super::PERCENT, super::TIP_PERCENT)
    } else {
        (super::NUMBER, super::TIP_NUMBER)
    };
    // The name with its class's shape: the colour is never the only sign. The shape comes
    // first, since a long name is cut at its end on a narrow chart (`NAMES`).
    let names: Vec<String> = vm
        .bars
        .iter()
        .map(|b| match &*b.glyph {
            "" => b.name.clone(),
            g => format!("{g} {}", b.name),
        })
        .collect();
    let values: Vec<DataPoint> = vm
        .bars
        .iter()
        .map(|b| {
            let mut style = ItemStyle::new().color(&*b.colour);
            if b.own {
                style = style.border_color("#1b1f24").border_width(2);
            }
            DataPointItem::new(CompositeValue::from(b.value))
                .item_style(style)
                .into()
        })
        .collect();
    let lower: Vec<Option<f64>> = vm.bars.iter().map(|b| b.interval.map(|i| i.0)).collect();
    let width: Vec<Option<f64>> = vm
        .bars
        .iter()
        .map(|b| b.interval.map(|(lo, hi)| hi - lo))
        .collect();
    let mut main = Bar::new()
        .data(values)
        .bar_width("60%")
        .bar_gap("-100%")
        .tooltip(Tooltip::new().formatter(Formatter::String(tip.into())));
    if let Some((name, v)) = &vm.landet {
        main = main.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(
                    LineStyle::new()
                        .color(LANDET)
                        .width(2)
                        .type_(role_dash(Role::Landet).1),
                )
                .label(Label::new().formatter(name.as_str()))
                .data(vec![MarkLineVariant::Simple(
                    MarkLineData::new().name(name.as_str()).x_axis(*v),
                )]),
        );
    }
    Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(28)
                .bottom(16)
                .contain_label(true),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .position("top")
                .axis_label(AxisLabel::new().formatter(Formatter::String(fmt.into()))),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .axis_label(AxisLabel::new().formatter(Formatter::String(super::NAMES.into())))
                .data(names),
        )
        .series(main)
        .series(
            Bar::new()
                .stack(CI)
                .data(lower)
                .bar_width("60%")
                .bar_gap("-100%")
                .item_style(ItemStyle::new().color("transparent"))
                .tooltip(Tooltip::new().trigger(Trigger::None)),
        )
        .series(
            Bar::new()
                .stack(CI)
                .data(width)
                .bar_width("60%")
                .bar_gap("-100%")
                .item_style(
                    ItemStyle::new()
                        .color("rgba(27, 31, 36, 0.22)")
                        .border_color("#1b1f24")
                        .border_width(1),
                )
                .tooltip(Tooltip::new().trigger(Trigger::None)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_intervals_and_landet() {
        let vm = CompareChart {
            bars: vec![
                CompareBar {
                    name: "Bergen".into(),
                    value: Some(12.0),
                    interval: Some((11.0, 13.5)),
                    colour: "#b3261e".into(),
                    glyph: "◆".into(),
                    own: true,
                },
                CompareBar {
                    name: "Askøy".into(),
                    value: None,
                    interval: None,
                    colour: "#e4e7ea".into(),
                    glyph: "".into(),
                    own: false,
                },
            ],
            landet: Some(("Hele landet".into(), 10.0)),
            percent: true,
        };
        let v = serde_json::to_value(compare_chart(&vm)).unwrap();
        let s = v["series"].as_array().unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0]["data"][0]["value"], 12.0);
        assert_eq!(s[0]["data"][0]["itemStyle"]["borderWidth"], 2.0);
        assert!(s[0]["data"][1]["value"].is_null(), "no bar without a value");
        assert_eq!(s[0]["markLine"]["data"][0]["xAxis"], 10.0);
        assert_eq!(s[1]["data"][0], 11.0);
        assert_eq!(s[2]["data"][0], 2.5);
        assert!(s[2]["data"][1].is_null());
        assert_eq!(s[1]["stack"], s[2]["stack"]);
        let y = if v["yAxis"].is_array() {
            &v["yAxis"][0]
        } else {
            &v["yAxis"]
        };
        // The class's shape before the name; none without a class.
        assert_eq!(y["data"][0], "◆ Bergen");
        // Long names are fitted to the chart's width by the shim.
        assert_eq!(y["axisLabel"]["formatter"], crate::charts::NAMES);
        assert_eq!(y["data"][1], "Askøy");
        assert_eq!(height(2), FRAME_HEIGHT + 2 * BAR_HEIGHT);
    }
}
