//! Reads a GeoJSON FeatureCollection of areas: the code from one property, the Polygon or
//! MultiPolygon as open rings of lon/lat.

use oppvekst_core::area::{AreaCode, Level};
use oppvekst_core::geometry::simplify::Point;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One area of a source map: polygons of rings, the outer ring first. Rings are open (the
/// closing point is dropped) and have no repeated consecutive points.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceArea {
    pub code: AreaCode,
    pub polygons: Vec<Vec<Vec<Point>>>,
}

fn point(v: &Value) -> Option<Point> {
    let a = v.as_array()?;
    let (x, y) = (a.first()?.as_f64()?, a.get(1)?.as_f64()?);
    (x.is_finite() && y.is_finite()).then_some([x, y])
}

fn ring(v: &Value) -> Option<Vec<Point>> {
    let mut pts: Vec<Point> = v.as_array()?.iter().map(point).collect::<Option<_>>()?;
    pts.dedup();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    Some(pts)
}

fn polygon(v: &Value) -> Option<Vec<Vec<Point>>> {
    v.as_array()?.iter().map(ring).collect()
}

fn polygons(geometry: &Value) -> Result<Vec<Vec<Vec<Point>>>, String> {
    let coords = &geometry["coordinates"];
    let parsed = match geometry["type"].as_str() {
        Some("Polygon") => polygon(coords).map(|p| vec![p]),
        Some("MultiPolygon") => coords
            .as_array()
            .and_then(|ps| ps.iter().map(polygon).collect()),
        other => return Err(format!("geometry of type {other:?}, not a (Multi)Polygon")),
    };
    parsed.ok_or_else(|| "coordinates are not rings of [lon, lat]".to_string())
}

/// Parses a FeatureCollection whose features carry the code of a `level` area in `property`.
/// Features of the same code (an area cut in pieces) are merged; areas come sorted by code.
pub fn parse_areas(text: &str, property: &str, level: Level) -> Result<Vec<SourceArea>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let features = doc["features"]
        .as_array()
        .ok_or("not a FeatureCollection")?;
    let mut areas: BTreeMap<AreaCode, Vec<Vec<Vec<Point>>>> = BTreeMap::new();
    for (i, f) in features.iter().enumerate() {
        let raw = f["properties"][property]
            .as_str()
            .ok_or_else(|| format!("feature {i}: no text property {property:?}"))?;
        let code = AreaCode::parse_at(level, raw)
            .map_err(|e| format!("feature {i}: {raw:?} is not a {} code: {e}", level.slug()))?;
        let polys = polygons(&f["geometry"]).map_err(|e| format!("{code}: {e}"))?;
        areas.entry(code).or_default().extend(polys);
    }
    Ok(areas
        .into_iter()
        .map(|(code, polygons)| SourceArea { code, polygons })
        .collect())
}

/// Reads and parses one source file.
pub fn read_areas(path: &Path, property: &str, level: Level) -> Result<Vec<SourceArea>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_areas(&text, property, level).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"kommunenummer":"4601"},"geometry":{"type":"Polygon",
        "coordinates":[[[5,60],[6,60],[6,60],[6,61],[5,60]]]}},
      {"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"MultiPolygon",
        "coordinates":[[[[10,59],[11,59],[11,60],[10,59]]],[[[12,59],[13,59],[13,60],[12,59]]]]}},
      {"type":"Feature","properties":{"kommunenummer":"4601"},"geometry":{"type":"Polygon",
        "coordinates":[[[7,60],[8,60],[8,61],[7,60]]]}}
    ]}"#;

    #[test]
    fn areas_are_sorted_merged_and_open() {
        let a = parse_areas(DOC, "kommunenummer", Level::Kommune).unwrap();
        let codes: Vec<&str> = a.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["0301", "4601"]);
        assert_eq!(a[0].polygons.len(), 2);
        assert_eq!(a[1].polygons.len(), 2, "the two 4601 features are one area");
        // The repeated [6,60] and the closing point are gone.
        assert_eq!(
            a[1].polygons[0][0],
            vec![[5.0, 60.0], [6.0, 60.0], [6.0, 61.0]]
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let wrong_level = parse_areas(DOC, "kommunenummer", Level::Fylke).unwrap_err();
        assert!(wrong_level.contains("not a fylke code"), "{wrong_level}");
        let missing = parse_areas(DOC, "fylkesnummer", Level::Fylke).unwrap_err();
        assert!(missing.contains("no text property"), "{missing}");
        for bad in [
            "",
            "{}",
            r#"{"features":[{"properties":{"k":"0301"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#,
            r#"{"features":[{"properties":{"k":"0301"},"geometry":{"type":"Polygon","coordinates":[[[1,"x"]]]}}]}"#,
            r#"{"features":[{"properties":{"k":"0301"},"geometry":{"type":"Polygon","coordinates":[[1,2]]}}]}"#,
        ] {
            assert!(parse_areas(bad, "k", Level::Kommune).is_err(), "{bad}");
        }
    }
}
