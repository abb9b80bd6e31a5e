//! A layer as GeoJSON for ECharts' `registerMap`, and the extent and aspect of what is drawn.
//!
//! ECharts matches a series' data to regions by the feature's `properties.name`, and shows that
//! name in its tooltip, so the caller names each feature as the reader should see it (and
//! leaves out the features it does not draw).

use super::simplify::{area_km2, douglas_peucker, Point, KM_PER_DEGREE};
use super::{Feature, Layer, Ring, Transform};
use crate::area::AreaCode;
use serde_json::Value;

/// How much of a layer's detail a drawn map can show. ECharts rebuilds and paints every point
/// of every shape on each update, so detail finer than a pixel costs time on every switch of
/// indicator and shows nothing: the map of all kommuner is ≈ 500 px for 13° of latitude, so a
/// pixel there is ≈ 3 km, while the layer keeps points ≈ 200 m apart for a fylke's map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detail {
    /// Douglas–Peucker tolerance in degrees of latitude.
    pub tolerance: f64,
    /// Parts smaller than this go, except each area's largest, so that every area shows.
    pub min_area_km2: f64,
}

impl Detail {
    /// Every point the layer has.
    pub const FULL: Detail = Detail {
        tolerance: 0.0,
        min_area_km2: 0.0,
    };

    /// For a map `height_px` tall that shows `lat_span` degrees of latitude: points within half
    /// a pixel of the line go, and so do islands smaller than 2 × 2 pixels. A map that fits
    /// its width shows less per pixel than this assumes, so the cut is never too coarse.
    pub fn for_view(lat_span: f64, height_px: f64) -> Detail {
        let pixel = lat_span.max(0.0) / height_px.max(1.0);
        let side_km = 2.0 * pixel * KM_PER_DEGREE;
        Detail {
            tolerance: pixel / 2.0,
            min_area_km2: side_km * side_km,
        }
    }

    fn is_full(&self) -> bool {
        self.tolerance <= 0.0 && self.min_area_km2 <= 0.0
    }
}

/// Rounds degrees to one decimal finer than the grid, so that the JSON carries no float noise
/// (`10.700000000000001`) and no false precision.
fn rounder(t: &Transform) -> impl Fn(f64) -> f64 {
    let finest = t.scale[0].min(t.scale[1]);
    let decimals = (-finest.log10()).ceil().clamp(0.0, 8.0) + 1.0;
    let factor = 10f64.powf(decimals);
    move |v| (v * factor).round() / factor
}

/// Writes `ring` as a GeoJSON ring (`[[lon,lat],…]`). A float's `Debug` is its shortest
/// round-trip form with a decimal point (`57.0`, `4.45`): as serde_json writes it, without the
/// tree of values, which cost more time than everything else when the map of all kommuner was
/// drawn on a phone.
fn write_ring(out: &mut String, round: &impl Fn(f64) -> f64, ring: &[Point]) {
    use std::fmt::Write;
    out.push('[');
    for (i, [lon, lat]) in ring.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "[{:?},{:?}]", round(*lon), round(*lat));
    }
    out.push(']');
}

/// A feature's polygons in degrees (outer ring first, then holes), cut to `detail`. The
/// largest part always stays, and so does its outer ring when simplifying would flatten it:
/// a small island kommune must still show.
fn drawn_polygons(t: &Transform, f: &Feature, detail: Detail) -> Vec<Vec<Vec<Point>>> {
    let polygons: Vec<Vec<Vec<Point>>> = f
        .polygons
        .iter()
        .map(|p| {
            p.rings
                .iter()
                .map(|r| r.points().map(|q| t.apply(q)).collect())
                .collect()
        })
        .collect();
    if detail.is_full() {
        return polygons;
    }
    let areas: Vec<f64> = polygons
        .iter()
        .map(|p| p.first().map_or(0.0, |r| area_km2(r)))
        .collect();
    let largest = (0..areas.len())
        .max_by(|&a, &b| areas[a].total_cmp(&areas[b]))
        .unwrap_or(0);
    polygons
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i == largest || areas[*i] >= detail.min_area_km2)
        .map(|(_, rings)| {
            rings
                .into_iter()
                .enumerate()
                .filter_map(|(k, ring)| {
                    let cut = douglas_peucker(&ring, detail.tolerance);
                    // A closed ring needs four points; a hole may vanish, an outer ring not.
                    if cut.len() >= 4 && (k == 0 || area_km2(&ring) >= detail.min_area_km2) {
                        Some(cut)
                    } else {
                        (k == 0).then_some(ring)
                    }
                })
                .collect()
        })
        .collect()
}

impl Layer {
    /// The features that `name` names, as the text of a GeoJSON FeatureCollection of
    /// MultiPolygons with `properties: {"name": …, "code": …}`; `name` returns `None` for a
    /// feature to leave out.
    pub fn to_geojson(&self, name: impl Fn(&AreaCode) -> Option<String>) -> String {
        self.to_geojson_at(Detail::FULL, name)
    }

    /// As [`Layer::to_geojson`], with the shapes cut to what a drawn map can show.
    pub fn to_geojson_at(
        &self,
        detail: Detail,
        name: impl Fn(&AreaCode) -> Option<String>,
    ) -> String {
        use std::fmt::Write;
        let round = rounder(&self.transform);
        let mut out = String::from(r#"{"type":"FeatureCollection","features":["#);
        let named = self
            .features
            .iter()
            .filter_map(|f| Some((name(&f.code)?, f)));
        for (i, (name, f)) in named.enumerate() {
            if i > 0 {
                out.push(',');
            }
            // serde_json's `Value` writes a string with JSON's escapes.
            let _ = write!(
                out,
                r#"{{"type":"Feature","properties":{{"name":{},"code":{}}},"geometry":{{"type":"MultiPolygon","coordinates":["#,
                Value::from(name),
                Value::from(f.code.as_str())
            );
            for (k, polygon) in drawn_polygons(&self.transform, f, detail)
                .iter()
                .enumerate()
            {
                out.push_str(if k > 0 { ",[" } else { "[" });
                for (r, ring) in polygon.iter().enumerate() {
                    if r > 0 {
                        out.push(',');
                    }
                    write_ring(&mut out, &round, ring);
                }
                out.push(']');
            }
            out.push_str("]}}");
        }
        out.push_str("]}");
        out
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

    /// The detail a map `height_px` tall of the features that pass `filter` can show.
    pub fn detail_for(&self, filter: impl Fn(&AreaCode) -> bool, height_px: f64) -> Detail {
        self.bbox(filter)
            .map(|b| Detail::for_view(b[3] - b[1], height_px))
            .unwrap_or(Detail::FULL)
    }

    /// How tall the features that pass `filter` are drawn for their width (lon/lat with
    /// [`Self::aspect_scale`]): a map's box with this ratio holds them with no empty bands.
    /// 1 when nothing passes.
    pub fn height_ratio(&self, filter: impl Fn(&AreaCode) -> bool) -> f64 {
        self.bbox(&filter)
            .filter(|b| b[2] > b[0] && b[3] > b[1])
            .map(|b| (b[3] - b[1]) / ((b[2] - b[0]) * ((b[1] + b[3]) / 2.0).to_radians().cos()))
            .unwrap_or(1.0)
    }

    /// cos(mid-latitude) of the features that pass `filter`: the `aspectScale` that makes
    /// ECharts draw lon/lat with roughly true proportions there. 1 when nothing passes.
    pub fn aspect_scale(&self, filter: impl Fn(&AreaCode) -> bool) -> f64 {
        self.bbox(filter)
            .map(|b| ((b[1] + b[3]) / 2.0).to_radians().cos())
            .unwrap_or(1.0)
    }
}
