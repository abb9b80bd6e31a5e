//! The geometry bundle: the kommune, fylke and bydel maps, quantised and delta-encoded.
//!
//! Coordinates stay WGS84 longitude/latitude, because that is what ECharts' `geo` component
//! reads. Each layer has a [`Transform`] that turns grid integers into degrees
//! (`lon = translate[0] + x * scale[0]`), and each ring holds its first grid point followed by
//! the steps to each next point, which postcard writes as zigzag varints: one or two bytes for
//! most steps of a simplified border.
//!
//! Lon/lat is not an equal-area display: at Norway's latitudes a degree of longitude is about
//! half a degree of latitude. The app corrects for it with the geo component's `aspectScale`,
//! for which [`Layer::aspect_scale`] gives cos(mid-latitude) of what is drawn (≈ 0.44 for the
//! whole country, ≈ 0.5 for Oslo).

mod geojson;
pub mod simplify;

pub use geojson::Detail;

use crate::area::{AreaCode, Level};
use crate::codec::{Bundle, DecodeError, Kind};
use serde::{Deserialize, Serialize};

/// Every map layer, each of which the app registers with ECharts on first use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeometryBundle {
    pub layers: Vec<Layer>,
}

/// One map: all kommuner, all fylker or all bydeler.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layer {
    /// [`Layer::KOMMUNER`], [`Layer::FYLKER`] or [`Layer::BYDELER`].
    pub name: String,
    pub transform: Transform,
    pub features: Vec<Feature>,
}

/// Grid integers to degrees: `lon = translate[0] + x * scale[0]`, `lat = translate[1] + y * scale[1]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

/// One area's shape: one or more polygons (islands count as polygons of their own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    pub code: AreaCode,
    pub polygons: Vec<Polygon>,
}

/// An outer ring followed by its holes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Polygon {
    pub rings: Vec<Ring>,
}

/// A closed ring on the layer's grid: `x0, y0` of the first point, then `dx, dy` to each next
/// point. The last point repeats the first, as in GeoJSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ring {
    pub steps: Vec<i32>,
}

/// Where every map of the bundle must lie, in degrees: mainland Norway with a wide margin. A
/// point outside is a broken transform or corrupt steps, not a real border.
pub const BOUNDS: [f64; 4] = [-5.0, 50.0, 40.0, 80.0];

impl Ring {
    /// Encodes grid points; the caller closes the ring (last point = first).
    pub fn from_points(points: &[[i32; 2]]) -> Ring {
        let mut steps = Vec::with_capacity(points.len() * 2);
        let mut prev = [0i32; 2];
        for p in points {
            steps.push(p[0].wrapping_sub(prev[0]));
            steps.push(p[1].wrapping_sub(prev[1]));
            prev = *p;
        }
        Ring { steps }
    }

    /// The grid points, summed up in `i64` so that no sequence of steps can overflow.
    pub fn points(&self) -> impl Iterator<Item = [i64; 2]> + '_ {
        self.steps.chunks_exact(2).scan([0i64; 2], |at, d| {
            at[0] += i64::from(d[0]);
            at[1] += i64::from(d[1]);
            Some(*at)
        })
    }

    pub fn len(&self) -> usize {
        self.steps.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

impl Transform {
    /// Degrees of a grid point: `[lon, lat]`.
    pub fn apply(&self, p: [i64; 2]) -> [f64; 2] {
        [
            self.translate[0] + p[0] as f64 * self.scale[0],
            self.translate[1] + p[1] as f64 * self.scale[1],
        ]
    }
}

impl Layer {
    pub const KOMMUNER: &'static str = "kommuner";
    pub const FYLKER: &'static str = "fylker";
    pub const BYDELER: &'static str = "bydeler";

    /// The level of the areas a layer of this name holds.
    pub fn level_of(name: &str) -> Option<Level> {
        match name {
            Self::KOMMUNER => Some(Level::Kommune),
            Self::FYLKER => Some(Level::Fylke),
            Self::BYDELER => Some(Level::Bydel),
            _ => None,
        }
    }

    pub fn feature(&self, code: &AreaCode) -> Option<&Feature> {
        self.features.iter().find(|f| &f.code == code)
    }
}

impl GeometryBundle {
    pub fn layer(&self, name: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.name == name)
    }
}

fn invalid(msg: impl Into<String>) -> DecodeError {
    DecodeError::Invalid(msg.into())
}

fn check_ring(layer: &Layer, code: &AreaCode, ring: &Ring) -> Result<(), DecodeError> {
    if !ring.steps.len().is_multiple_of(2) {
        return Err(invalid(format!(
            "{code}: a ring has an odd number of steps"
        )));
    }
    if ring.len() < 4 {
        return Err(invalid(format!(
            "{code}: a ring of {} points (at least 4)",
            ring.len()
        )));
    }
    let mut first = None;
    let mut last = [0i64; 2];
    for p in ring.points() {
        let [lon, lat] = layer.transform.apply(p);
        let inside =
            (BOUNDS[0]..=BOUNDS[2]).contains(&lon) && (BOUNDS[1]..=BOUNDS[3]).contains(&lat);
        if !inside {
            return Err(invalid(format!("{code}: point {lon},{lat} outside Norway")));
        }
        first.get_or_insert(p);
        last = p;
    }
    if first != Some(last) {
        return Err(invalid(format!("{code}: a ring is not closed")));
    }
    Ok(())
}

fn check_layer(layer: &Layer) -> Result<(), DecodeError> {
    let Some(level) = Layer::level_of(&layer.name) else {
        return Err(invalid(format!("unknown map layer {:?}", layer.name)));
    };
    let t = &layer.transform;
    let sane = |v: f64| v.is_finite();
    if !t.scale.iter().all(|&s| sane(s) && s > 0.0 && s <= 1.0)
        || !t.translate.iter().all(|&v| sane(v))
    {
        return Err(invalid(format!("{}: broken transform", layer.name)));
    }
    if layer.features.is_empty() {
        return Err(invalid(format!("{}: no features", layer.name)));
    }
    let mut codes: Vec<&AreaCode> = layer.features.iter().map(|f| &f.code).collect();
    codes.sort_unstable();
    if let Some(w) = codes.windows(2).find(|w| w[0] == w[1]) {
        return Err(invalid(format!("{}: {} appears twice", layer.name, w[0])));
    }
    for f in &layer.features {
        if f.code.level() != level {
            return Err(invalid(format!(
                "{}: {} is not a {}",
                layer.name,
                f.code,
                level.slug()
            )));
        }
        if f.polygons.is_empty() || f.polygons.iter().any(|p| p.rings.is_empty()) {
            return Err(invalid(format!("{}: {} has no shape", layer.name, f.code)));
        }
        for ring in f.polygons.iter().flat_map(|p| &p.rings) {
            check_ring(layer, &f.code, ring)?;
        }
    }
    Ok(())
}

impl Bundle for GeometryBundle {
    const KIND: Kind = Kind::Geometry;

    fn validate(&self) -> Result<(), DecodeError> {
        let mut names: Vec<&str> = self.layers.iter().map(|l| l.name.as_str()).collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Err(invalid("a map layer appears twice"));
        }
        self.layers.iter().try_for_each(check_layer)
    }
}

#[cfg(test)]
mod tests;
