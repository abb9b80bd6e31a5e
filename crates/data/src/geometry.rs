//! Builds the geometry bundle from Kartverket's kommune and fylke maps and Geonorge's bydel map.
//!
//! Each map is cut down to what a choropleth needs: islands and holes under a size threshold
//! go (every area keeps at least its largest polygon), shared borders are simplified once so
//! that neighbours still meet (see [`topology`]), and the points are snapped to a grid of
//! whole numbers that [`oppvekst_core::geometry`] stores as varint steps. The same sources
//! always give the same bytes.
//!
//! The bydel map is not clipped to the coastline (its polygons reach into the sea, unlike the
//! kommune map): clipping needs a robust polygon intersection, which is not worth its code for
//! four cities' sea margins. The map views show bydeler on their own, so the margins only
//! make the coastal bydeler a little larger on screen.

use oppvekst_core::geometry::simplify;
pub mod source;
mod topology;

pub use simplify::Point;
pub use source::{parse_areas, read_areas, SourceArea};

use oppvekst_core::area::Level;
use oppvekst_core::geometry::{Feature, GeometryBundle, Layer, Polygon, Ring, Transform};
use std::path::Path;

pub const KOMMUNER_FILE: &str = "Kommuner-S.geojson";
pub const FYLKER_FILE: &str = "Fylker-S.geojson";
pub const BYDELER_FILE: &str = "bydeler_oslo_bergen_stavanger_trondheim_mapnorway.geojson";

/// How far one map is cut down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Simplification {
    /// Douglas–Peucker tolerance in degrees of latitude (0.001° ≈ 111 m).
    pub tolerance: f64,
    /// Islands and holes smaller than this go, unless an island is its area's largest part.
    pub min_area_km2: f64,
    /// Grid step in degrees of latitude; longitude steps are twice as long, which is about
    /// square at 60°N (cos 60° = ½).
    pub grid: f64,
}

/// One source map and the layer it becomes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapSource {
    pub layer: &'static str,
    pub file: &'static str,
    /// The feature property that holds the area code.
    pub property: &'static str,
    pub level: Level,
    pub simplification: Simplification,
}

/// The three maps and their cuts. Tolerances and grids are at most about a pixel of the smallest
/// view each map is drawn at: kommuner one fylke at a time (Vestfold, ≈ 1° on 600 px), fylker
/// only for all of Norway, bydeler one city at a time (Oslo, ≈ 0.4°). The kommune and fylke
/// sources are already simplified by Kartverket (≈ 1–2 km between points), so these cuts take
/// little more from them. Islands under 1.5 km² go: the smallest island kommune (Træna, whose
/// largest island has 1.8 km² in the source) still shows in its fylke. In all ≈ 77 KB
/// brotli, half the 150 KB budget.
pub const MAPS: [MapSource; 3] = [
    MapSource {
        layer: Layer::KOMMUNER,
        file: KOMMUNER_FILE,
        property: "kommunenummer",
        level: Level::Kommune,
        simplification: Simplification {
            tolerance: 0.002,
            min_area_km2: 1.5,
            grid: 0.001,
        },
    },
    MapSource {
        layer: Layer::FYLKER,
        file: FYLKER_FILE,
        property: "fylkesnummer",
        level: Level::Fylke,
        simplification: Simplification {
            tolerance: 0.008,
            min_area_km2: 1.5,
            grid: 0.002,
        },
    },
    MapSource {
        layer: Layer::BYDELER,
        file: BYDELER_FILE,
        property: "bydelnr",
        level: Level::Bydel,
        simplification: Simplification {
            tolerance: 0.00015,
            min_area_km2: 0.01,
            grid: 0.00005,
        },
    },
];

/// Reads the three maps from the sources directory into one bundle.
pub fn read_geometry(sources: &Path) -> Result<GeometryBundle, String> {
    read_geometry_with(sources, &MAPS)
}

/// Reads the given maps, for trying other cuts.
pub fn read_geometry_with(sources: &Path, maps: &[MapSource]) -> Result<GeometryBundle, String> {
    let layers = maps
        .iter()
        .map(|m| {
            let areas = read_areas(&sources.join(m.file), m.property, m.level)?;
            build_layer(m.layer, &areas, &m.simplification).map_err(|e| format!("{}: {e}", m.file))
        })
        .collect::<Result<_, String>>()?;
    Ok(GeometryBundle { layers })
}

/// An area's polygons that stay, largest first, with the holes that stay.
fn kept_polygons(area: &SourceArea, min_area_km2: f64) -> Vec<Vec<Vec<Point>>> {
    let mut sized: Vec<(f64, &Vec<Vec<Point>>)> = area
        .polygons
        .iter()
        .filter(|p| p.first().is_some_and(|outer| outer.len() >= 3))
        .map(|p| (simplify::area_km2(&p[0]), p))
        .collect();
    sized.sort_by(|a, b| b.0.total_cmp(&a.0));
    sized
        .iter()
        .enumerate()
        .filter(|(i, (km2, _))| *i == 0 || *km2 >= min_area_km2)
        .map(|(_, (_, p))| {
            let holes = p[1..]
                .iter()
                .filter(|h| h.len() >= 3 && simplify::area_km2(h) >= min_area_km2);
            std::iter::once(&p[0]).chain(holes).cloned().collect()
        })
        .collect()
}

/// Snaps a ring to the grid, drops repeated points and spikes, and closes it with the
/// orientation GeoJSON asks for (outer rings anticlockwise, holes clockwise). `None` when
/// nothing with an area is left.
fn snap(ring: &[Point], t: &Transform, outer: bool) -> Option<Vec<[i32; 2]>> {
    let mut pts: Vec<[i32; 2]> = Vec::with_capacity(ring.len() + 1);
    for p in ring {
        let q = [
            ((p[0] - t.translate[0]) / t.scale[0]).round() as i32,
            ((p[1] - t.translate[1]) / t.scale[1]).round() as i32,
        ];
        // A point equal to the one before, or one that goes back where we were (a spike).
        if pts.last() == Some(&q) {
            continue;
        }
        if pts.len() >= 2 && pts[pts.len() - 2] == q {
            pts.pop();
            continue;
        }
        pts.push(q);
    }
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    let twice_area: i64 = (0..pts.len())
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            i64::from(a[0]) * i64::from(b[1]) - i64::from(b[0]) * i64::from(a[1])
        })
        .sum();
    if pts.len() < 3 || twice_area == 0 {
        return None;
    }
    if (twice_area > 0) != outer {
        pts.reverse();
    }
    pts.push(pts[0]);
    Some(pts)
}

/// One map layer: cut, simplified, snapped, features sorted by code.
pub fn build_layer(name: &str, areas: &[SourceArea], s: &Simplification) -> Result<Layer, String> {
    let kept: Vec<Vec<Vec<Vec<Point>>>> = areas
        .iter()
        .map(|a| kept_polygons(a, s.min_area_km2))
        .collect();
    let rings: Vec<Vec<Point>> = kept.iter().flatten().flatten().cloned().collect();
    let (mut min_lon, mut min_lat) = (f64::INFINITY, f64::INFINITY);
    for p in rings.iter().flatten() {
        min_lon = min_lon.min(p[0]);
        min_lat = min_lat.min(p[1]);
    }
    if !min_lon.is_finite() {
        return Err("no polygons".into());
    }
    let transform = Transform {
        scale: [2.0 * s.grid, s.grid],
        translate: [min_lon.floor(), min_lat.floor()],
    };
    let mut simplified = topology::simplify_shared(&rings, s.tolerance).into_iter();
    let mut features = Vec::with_capacity(areas.len());
    for (area, polygons) in areas.iter().zip(&kept) {
        let mut out = Vec::new();
        for (i, polygon) in polygons.iter().enumerate() {
            let mut rings = Vec::new();
            let mut outer_gone = false;
            for (j, source) in polygon.iter().enumerate() {
                let simple = simplified.next().ok_or("rings out of step")?;
                if outer_gone {
                    // Holes of a dropped island go with it (but are still consumed above).
                    continue;
                }
                let snapped = snap(&simple, &transform, j == 0)
                    // The largest part of an area is never simplified away: it falls back
                    // to its source points.
                    .or_else(|| (i == 0 && j == 0).then(|| snap(source, &transform, true))?);
                match snapped {
                    Some(pts) => rings.push(Ring::from_points(&pts)),
                    None if i == 0 && j == 0 => {
                        return Err(format!("{}: smaller than the grid", area.code))
                    }
                    None => outer_gone = j == 0,
                }
            }
            if !rings.is_empty() {
                out.push(Polygon { rings });
            }
        }
        features.push(Feature {
            code: area.code.clone(),
            polygons: out,
        });
    }
    Ok(Layer {
        name: name.to_string(),
        transform,
        features,
    })
}

#[cfg(test)]
mod tests;
