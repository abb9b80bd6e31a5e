//! One indicator over its periods for several areas: the trend view's chart (with the first
//! area's 95 % interval as a band under its line, and the pandemic years shaded) and the small
//! one in an opened barometer row (without them).

use super::colours::{role_colour, role_dash, ADDED_SYMBOLS, AREA};
use charming::component::{Axis, Grid, Legend};
use charming::element::{
    AreaStyle, AxisLabel, AxisType, Formatter, ItemStyle, Label, LineStyle, LineStyleType,
    MarkArea, MarkAreaData, MarkLine, MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::Line;
use charming::Chart;
use oppvekst_core::explore::trend::Role;
use serde::{Deserialize, Serialize};

/// The lower and upper limit of an interval.
pub type Bounds = (f64, f64);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverTime {
    pub periods: Vec<String>,
    /// One line per area, the view's own area first.
    pub lines: Vec<Series>,
    /// The first area's interval per period, and the band's name for the legend.
    pub band: Option<(String, Vec<Option<Bounds>>)>,
    /// A stretch of periods to shade (first and last index), with its label.
    pub shade: Option<(usize, usize, String)>,
    pub percent: bool,
}

/// An area's line: its name, its role (which gives its colour and style in every chart) and a
/// value per period, `None` where it has none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub role: Role,
    pub values: Vec<Option<f64>>,
    /// Periods where the area has a cell but no value (hidden, say), with a short label: the
    /// chart marks each with a dashed rule in the line's colour, so that a break never reads as
    /// a line that merely stops. The view says why in a note under the chart.
    pub gaps: Vec<(usize, String)>,
}

/// Series stack name of the band: its lower edge and its width, stacked.
const BAND: &str = "band";

/// The view's own area, and its band: the app's accent, so that the two read as one.
const OWN: &str = AREA;

/// The legend's height in pixels for these names on a phone (about 340 px for the legend):
/// the legend wraps instead of paging, and the plot starts below it. Wider screens get the
/// same room, a little more than they need.
pub fn legend_height(names: &[String]) -> i64 {
    // An entry: its swatch (25 px), a gap (10 px) and about 7 px a character at 12 px.
    let mut rows = 1;
    let mut used = 0;
    for n in names {
        let w = 35 + 7 * n.chars().count() as i64;
        if used > 0 && used + w > 340 {
            rows += 1;
            used = 0;
        }
        used += w;
    }
    rows * 22
}

pub fn over_time(vm: &OverTime) -> Chart {
    let fmt = if vm.percent {
        super::PERCENT
    } else {
        super::NUMBER
    };
    let mut names: Vec<String> = vm.lines.iter().map(|l| l.name.clone()).collect();
    if let Some((name, _)) = &vm.band {
        names.push(name.clone());
    }
    let mut chart = Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(legend_height(&names) + 34)
                .bottom(24)
                .contain_label(true),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .value_formatter(Formatter::String(fmt.into())),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .axis_label(AxisLabel::new().formatter(Formatter::String(super::PERIOD.into())))
                .data(vm.periods.clone()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(AxisLabel::new().formatter(Formatter::String(fmt.into()))),
        );
    if let Some((name, band)) = &vm.band {
        // The lower edge, invisible, then the width stacked on it and filled: ECharts' way of
        // drawing a band between two lines.
        let lower: Vec<Option<f64>> = band.iter().map(|b| b.map(|(lo, _)| lo)).collect();
        let width: Vec<Option<f64>> = band.iter().map(|b| b.map(|(lo, hi)| hi - lo)).collect();
        chart = chart
            .series(
                Line::new()
                    .stack(BAND)
                    .data(lower)
                    .symbol(Symbol::None)
                    .line_style(LineStyle::new().opacity(0.0))
                    .silent(true),
            )
            .series(
                Line::new()
                    .name(name.clone())
                    .stack(BAND)
                    .data(width)
                    .symbol(Symbol::None)
                    .line_style(LineStyle::new().opacity(0.0))
                    .item_style(ItemStyle::new().color(OWN))
                    .area_style(AreaStyle::new().color(OWN).opacity(0.18))
                    .silent(true),
            );
    }
    let mut added = 0;
    for (i, l) in vm.lines.iter().enumerate() {
        let colour = role_colour(l.role, added);
        let (width, dash) = role_dash(l.role);
        let mut line = Line::new()
            .name(l.name.clone())
            .data(l.values.clone())
            .connect_nulls(false)
            .line_style(LineStyle::new().width(width).color(colour).type_(dash))
            .item_style(ItemStyle::new().color(colour));
        if let Some(marks) = gap_marks(l, &vm.periods, colour) {
            line = line.mark_line(marks);
        }
        if l.role == Role::Added {
            line = line.symbol(added_symbol(added));
            added += 1;
        }
        if i == 0 {
            let shade = vm
                .shade
                .as_ref()
                .and_then(|(a, b, label)| Some((vm.periods.get(*a)?, vm.periods.get(*b)?, label)));
            if let Some((from, to, label)) = shade {
                line = line.mark_area(
                    MarkArea::new()
                        .silent(true)
                        .item_style(ItemStyle::new().color("rgba(120, 120, 120, 0.12)"))
                        .label(Label::new().formatter(label.as_str()))
                        .data(vec![(
                            MarkAreaData::new().x_axis(from.as_str()),
                            MarkAreaData::new().x_axis(to.as_str()),
                        )]),
                );
            }
        }
        chart = chart.series(line);
    }
    // A plain legend wraps; the plot starts below it (`legend_height`).
    chart.legend(Legend::new().top(0).data(names))
}

/// A dotted vertical rule at each of a line's gaps, in the line's colour (hidden with it when
/// the reader turns the line off in the legend), labelled once per run of gaps so that labels
/// never pile up. A line with no value at all gets none: there is no line to break, and the
/// note under the chart says it.
fn gap_marks(l: &Series, periods: &[String], colour: &str) -> Option<MarkLine> {
    if l.values.iter().all(Option::is_none) {
        return None;
    }
    let data: Vec<MarkLineVariant> = l
        .gaps
        .iter()
        .enumerate()
        .filter_map(|(n, (i, label))| {
            let period = periods.get(*i)?;
            let first_of_run = n == 0 || l.gaps[n - 1].0 + 1 != *i;
            let mut d = MarkLineData::new()
                .x_axis(period.as_str())
                .name(label.as_str());
            if !first_of_run {
                d = d.label(Label::new().show(false));
            }
            Some(MarkLineVariant::Simple(d))
        })
        .collect();
    (!data.is_empty()).then(|| {
        MarkLine::new()
            .silent(true)
            .symbol(vec![Symbol::None, Symbol::None])
            .line_style(
                LineStyle::new()
                    .color(colour)
                    .type_(LineStyleType::Dotted)
                    .width(1.5),
            )
            .label(Label::new().formatter("{b}").color(colour))
            .data(data)
    })
}

fn added_symbol(nth: usize) -> Symbol {
    match ADDED_SYMBOLS[nth % ADDED_SYMBOLS.len()] {
        "rect" => Symbol::Rect,
        "triangle" => Symbol::Triangle,
        "diamond" => Symbol::Diamond,
        "roundRect" => Symbol::RoundRect,
        _ => Symbol::Pin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vm() -> OverTime {
        OverTime {
            periods: (2019..=2023).map(|y| y.to_string()).collect(),
            lines: vec![
                Series {
                    name: "Oslo".into(),
                    role: Role::Area,
                    values: vec![Some(10.0), None, Some(12.0), Some(13.0), Some(12.5)],
                    gaps: vec![(1, "skjult".into())],
                },
                Series {
                    name: "Hele landet".into(),
                    role: Role::Landet,
                    values: vec![Some(11.0); 5],
                    gaps: vec![],
                },
            ],
            band: Some((
                "95 % KI for Oslo".into(),
                vec![
                    Some((9.0, 11.0)),
                    None,
                    Some((11.0, 13.5)),
                    Some((12.0, 14.0)),
                    Some((11.5, 13.5)),
                ],
            )),
            shade: Some((1, 3, "Pandemi".into())),
            percent: true,
        }
    }

    #[test]
    fn band_lines_and_shade() {
        let v = serde_json::to_value(over_time(&vm())).unwrap();
        let series = v["series"].as_array().unwrap();
        // Lower edge and width of the band, then one line per area.
        assert_eq!(series.len(), 4);
        assert_eq!(series[0]["stack"], BAND);
        assert_eq!(series[1]["data"][0], 2.0);
        assert!(
            series[1]["data"][1].is_null(),
            "no band where there is no value"
        );
        assert_eq!(series[2]["name"], "Oslo");
        assert!(series[2]["data"][1].is_null(), "a gap stays a gap");
        // ... and is marked where it is, in the line's colour, with its label.
        let gap = &series[2]["markLine"];
        assert_eq!(gap["data"][0]["xAxis"], "2020");
        assert_eq!(gap["data"][0]["name"], "skjult");
        assert_eq!(gap["lineStyle"]["color"], series[2]["lineStyle"]["color"]);
        assert!(series[3].get("markLine").is_none(), "landet has no gap");
        let x = if v["xAxis"].is_array() {
            &v["xAxis"][0]
        } else {
            &v["xAxis"]
        };
        assert_eq!(x["axisLabel"]["formatter"], crate::charts::PERIOD);
        let area = &series[2]["markArea"]["data"][0];
        assert_eq!(area[0]["xAxis"], "2020");
        assert_eq!(area[1]["xAxis"], "2022");
        let legend = if v["legend"].is_array() {
            &v["legend"][0]
        } else {
            &v["legend"]
        };
        let names: Vec<&str> = legend["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap_or_else(|| n["name"].as_str().unwrap()))
            .collect();
        assert_eq!(names, ["Oslo", "Hele landet", "95 % KI for Oslo"]);
        let y = if v["yAxis"].is_array() {
            &v["yAxis"][0]
        } else {
            &v["yAxis"]
        };
        assert_eq!(y["axisLabel"]["formatter"], crate::charts::PERCENT);
    }

    #[test]
    fn a_run_of_gaps_is_labelled_once_and_a_line_without_values_gets_no_marks() {
        let mut m = vm();
        m.lines[0].values = vec![Some(10.0), None, None, None, Some(12.5)];
        m.lines[0].gaps = (1..=3).map(|i| (i, "skjult".to_string())).collect();
        let v = serde_json::to_value(over_time(&m)).unwrap();
        let marks = v["series"][2]["markLine"]["data"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(marks.len(), 3, "a rule at every gap");
        assert!(
            marks[0].get("label").is_none(),
            "the run's first is labelled"
        );
        assert_eq!(marks[1]["label"]["show"], false);
        assert_eq!(marks[2]["label"]["show"], false);
        m.lines[0].values = vec![None; 5];
        m.lines[0].gaps = (0..5).map(|i| (i, "skjult".to_string())).collect();
        let v = serde_json::to_value(over_time(&m)).unwrap();
        assert!(v["series"][2].get("markLine").is_none());
    }

    #[test]
    fn without_band_or_shade() {
        let mut m = vm();
        m.band = None;
        m.shade = None;
        let v = serde_json::to_value(over_time(&m)).unwrap();
        assert_eq!(v["series"].as_array().unwrap().len(), 2);
        assert!(v["series"][0].get("markArea").is_none());
    }
}
