//! A layer as GeoJSON for ECharts' `registerMap`, and the extent and aspect of what is drawn.
//!
//! ECharts matches a series' data to regions by the feature's `properties.name`, and shows that
//! name in its tooltip, so the caller names each feature as the reader should see it (and
//! leaves out the features it does not draw).

use super::{Layer, Ring, Transform};
use crate::area::AreaCode;
use serde_json::{json, Value};

/// Rounds degrees to one decimal finer than the grid, so that the JSON carries no float noise
/// (`10.700000000000001`) and no false precision.
fn rounder(t: &Transform) -> impl Fn(f64) -> f64 {
    let finest = t.scale[0].min(t.scale[1]);
    let decimals = (-finest.log10()).ceil().clamp(0.0, 8.0) + 1.0;
    let factor = 10f64.powf(decimals);
    move |v| (v * factor).round() / factor
}

fn ring_json(t: &Transform, round: &impl Fn(f64) -> f64, ring: &Ring) -> Value {
    Value::Array(
        ring.points()
            .map(|p| {
                let [lon, lat] = t.apply(p);
                json!([round(lon), round(lat)])
            })
            .collect(),
    )
}

impl Layer {
    /// The features that `name` names, as a GeoJSON FeatureCollection of MultiPolygons with
    /// `properties: {"name": …, "code": …}`; `name` returns `None` for a feature to leave out.
    pub fn to_geojson(&self, name: impl Fn(&AreaCode) -> Option<String>) -> Value {
        let round = rounder(&self.transform);
        let features: Vec<Value> = self
            .features
            .iter()
            .filter_map(|f| Some((name(&f.code)?, f)))
            .map(|(name, f)| {
                let polygons: Vec<Value> = f
                    .polygons
                    .iter()
                    .map(|p| {
                        Value::Array(
                            p.rings
                                .iter()
                                .map(|r| ring_json(&self.transform, &round, r))
                                .collect(),
                        )
                    })
                    .collect();
                json!({
                    "type": "Feature",
                    "properties": { "name": name, "code": f.code.as_str() },
                    "geometry": { "type": "MultiPolygon", "coordinates": polygons },
                })
            })
            .collect();
        json!({ "type": "FeatureCollection", "features": features })
    }

    /// `[min lon, min lat, max lon, max lat]` of the features that pass `filter`, if any.
    pub fn bbox(&self, filter: impl Fn(&AreaCode) -> bool) -> Option<[f64; 4]> {
        let mut b: Option<[f64; 4]> = None;
        let outer_rings = self
            .features
            .iter()
            .filter(|f| filter(&f.code))
            .flat_map(|f| &f.polygons)
            .filter_map(|p| p.rings.first());
        for p in outer_rings.flat_map(Ring::points) {
            let [x, y] = self.transform.apply(p);
            let e = b.get_or_insert([x, y, x, y]);
            *e = [e[0].min(x), e[1].min(y), e[2].max(x), e[3].max(y)];
        }
        b
    }

    /// cos(mid-latitude) of the features that pass `filter`: the `aspectScale` that makes
    /// ECharts draw lon/lat with roughly true proportions there. 1 when nothing passes.
    pub fn aspect_scale(&self, filter: impl Fn(&AreaCode) -> bool) -> f64 {
        self.bbox(filter)
            .map(|b| ((b[1] + b[3]) / 2.0).to_radians().cos())
            .unwrap_or(1.0)
    }
}
