//! A choropleth: one colour per area of a registered map, with a tooltip of each area's name
//! and value.
//!
//! charming 0.6 cannot write ECharts' map series (its `Map` series has no fields and `Chart`
//! has no `geo`), so the map travels as a custom series whose `renderItem` names
//! [`MAP_SERIES`] and whose id names the registered map; the ECharts shim
//! (`tools/echarts/app.js`) turns it into a map series. Everything else is plain charming.

use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{Formatter, ItemStyle, Tooltip, Trigger};
use charming::series::Custom;
use charming::Chart;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The `renderItem` that marks a custom series as a map for the shim.
pub const MAP_SERIES: &str = "@series:map";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapArea {
    /// The area's name as its shape is named in the registered map.
    pub name: String,
    pub value: Option<f64>,
    pub colour: Cow<'static, str>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapChart {
    /// The name the shapes are registered under.
    pub map: String,
    pub title: String,
    pub areas: Vec<MapArea>,
    pub percent: bool,
}

pub fn map_chart(vm: &MapChart) -> Chart {
    let tip = if vm.percent {
        super::TIP_PERCENT
    } else {
        super::TIP_NUMBER
    };
    let data: Vec<DataPoint> = vm
        .areas
        .iter()
        .map(|a| {
            DataPointItem::new(CompositeValue::from(a.value))
                .name(a.name.clone())
                .item_style(ItemStyle::new().color(&*a.colour))
                .into()
        })
        .collect();
    Chart::new()
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                .formatter(Formatter::String(tip.into())),
        )
        .series(
            Custom::new()
                .id(vm.map.clone())
                .name(vm.title.clone())
                .render_item(MAP_SERIES)
                .data(data),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_series_for_the_shim() {
        let vm = MapChart {
            map: "kommuner-46-nb".into(),
            title: "Mobbing".into(),
            areas: vec![
                MapArea {
                    name: "Bergen".into(),
                    value: Some(7.5),
                    colour: "#0b4f85".into(),
                },
                MapArea {
                    name: "Askøy".into(),
                    value: None,
                    colour: "#e4e7ea".into(),
                },
            ],
            percent: true,
        };
        let v = serde_json::to_value(map_chart(&vm)).unwrap();
        let s = &v["series"][0];
        assert_eq!(s["type"], "custom");
        assert_eq!(s["id"], "kommuner-46-nb");
        // charming wraps a raw string in its marks; the shim strips them.
        assert!(s["renderItem"].as_str().unwrap().contains(MAP_SERIES));
        assert_eq!(s["data"][0]["name"], "Bergen");
        assert_eq!(s["data"][0]["value"], 7.5);
        assert_eq!(s["data"][0]["itemStyle"]["color"], "#0b4f85");
        assert!(s["data"][1]["value"].is_null());
        let tip = if v["tooltip"].is_array() {
            &v["tooltip"][0]
        } else {
            &v["tooltip"]
        };
        assert_eq!(tip["formatter"], crate::charts::TIP_PERCENT);
    }
}
