//! Round trips, every rule of the geometry bundle, and the GeoJSON the app hands to ECharts.

use super::*;
use crate::codec::{decode, encode, DecodeError, FORMAT_VERSION, HEADER_LEN, MAGIC};
use proptest::prelude::*;
use serde_json::json;

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

/// A closed square of side `n` grid steps with its lower left corner at `at`.
fn square(at: [i32; 2], n: i32) -> Ring {
    let [x, y] = at;
    Ring::from_points(&[[x, y], [x + n, y], [x + n, y + n], [x, y + n], [x, y]])
}

fn layer(name: &str, codes: &[&str]) -> Layer {
    Layer {
        name: name.into(),
        transform: Transform {
            scale: [0.002, 0.001],
            translate: [4.0, 57.0],
        },
        features: codes
            .iter()
            .enumerate()
            .map(|(i, c)| Feature {
                code: code(c),
                polygons: vec![Polygon {
                    rings: vec![
                        square([100 * i as i32, 0], 50),
                        square([100 * i as i32 + 10, 10], 5),
                    ],
                }],
            })
            .collect(),
    }
}

fn bundle() -> GeometryBundle {
    GeometryBundle {
        layers: vec![
            layer(Layer::KOMMUNER, &["0301", "4601"]),
            layer(Layer::FYLKER, &["03", "46"]),
            layer(Layer::BYDELER, &["030101"]),
        ],
    }
}

fn invalid_after(change: impl FnOnce(&mut GeometryBundle)) -> DecodeError {
    let mut b = bundle();
    change(&mut b);
    decode::<GeometryBundle>(&encode(&b)).unwrap_err()
}

#[test]
fn round_trip() {
    let b = bundle();
    assert_eq!(decode::<GeometryBundle>(&encode(&b)).unwrap(), b);
}

#[test]
fn encoding_is_deterministic_and_compact() {
    let bytes = encode(&bundle());
    assert_eq!(bytes, encode(&bundle()));
    // Ten rings of ten steps: as fixed i32s the steps alone would take 400 bytes; as zigzag
    // varints the whole file, layers and codes included, must take less.
    let b = bundle();
    let rings: usize = b.layers.iter().map(|l| l.features.len() * 2).sum();
    assert_eq!(rings, 10);
    assert!(
        bytes.len() < HEADER_LEN + rings * 10 * 4,
        "{} bytes",
        bytes.len()
    );
}

#[test]
fn an_open_ring_is_rejected() {
    let e = invalid_after(|b| {
        b.layers[0].features[0].polygons[0].rings[0] =
            Ring::from_points(&[[0, 0], [5, 0], [5, 5], [0, 5], [1, 0]]);
    });
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("not closed")),
        "{e}"
    );
}

#[test]
fn a_ring_of_three_points_is_rejected() {
    let e = invalid_after(|b| {
        b.layers[0].features[0].polygons[0].rings[1] = Ring::from_points(&[[0, 0], [5, 0], [0, 0]]);
    });
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("at least 4")),
        "{e}"
    );
}

#[test]
fn an_odd_number_of_steps_is_rejected() {
    let e = invalid_after(|b| b.layers[2].features[0].polygons[0].rings[0].steps.push(0));
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("odd")),
        "{e}"
    );
}

#[test]
fn a_code_of_the_wrong_level_is_rejected() {
    let e = invalid_after(|b| b.layers[1].features[1].code = code("4601"));
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("4601 is not a fylke")),
        "{e}"
    );
    let e = invalid_after(|b| b.layers[2].features[0].code = code("0301"));
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("not a bydel")),
        "{e}"
    );
}

#[test]
fn an_unknown_or_repeated_layer_is_rejected() {
    let e = invalid_after(|b| b.layers[0].name = "grunnkretser".into());
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("unknown map layer")),
        "{e}"
    );
    let e = invalid_after(|b| b.layers[2] = layer(Layer::KOMMUNER, &["0301"]));
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("twice")),
        "{e}"
    );
}

#[test]
fn empty_features_and_repeated_codes_are_rejected() {
    let e = invalid_after(|b| b.layers[0].features[1].polygons.clear());
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("4601 has no shape")),
        "{e}"
    );
    let e = invalid_after(|b| b.layers[0].features[1].polygons[0].rings.clear());
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("no shape")),
        "{e}"
    );
    let e = invalid_after(|b| b.layers[0].features[1].code = code("0301"));
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("0301 appears twice")),
        "{e}"
    );
    let e = invalid_after(|b| b.layers[1].features.clear());
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("no features")),
        "{e}"
    );
}

#[test]
fn points_outside_norway_and_broken_transforms_are_rejected() {
    let e = invalid_after(|b| b.layers[0].transform.translate = [-80.0, 40.0]);
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("outside Norway")),
        "{e}"
    );
    // A huge first step puts a point far out even though the transform is fine.
    let e = invalid_after(|b| b.layers[0].features[0].polygons[0].rings[0].steps[1] = 1 << 30);
    assert!(
        matches!(&e, DecodeError::Invalid(m) if m.contains("outside")),
        "{e}"
    );
    for scale in [0.0, -0.001, f64::NAN, f64::INFINITY] {
        let e = invalid_after(|b| b.layers[1].transform.scale[0] = scale);
        assert!(
            matches!(&e, DecodeError::Invalid(m) if m.contains("transform")),
            "{e}"
        );
    }
}

#[test]
fn truncated_and_foreign_bytes_are_typed_errors() {
    let bytes = encode(&bundle());
    for cut in [1, HEADER_LEN - 1, HEADER_LEN, bytes.len() - 1] {
        let e = decode::<GeometryBundle>(&bytes[..cut]).unwrap_err();
        assert!(matches!(e, DecodeError::Truncated { .. }), "cut {cut}: {e}");
    }
    let area_kind = {
        let mut b = bytes.clone();
        b[6] = Kind::Area as u8;
        b
    };
    assert_eq!(
        decode::<GeometryBundle>(&area_kind).unwrap_err(),
        DecodeError::WrongKind {
            expected: Kind::Geometry as u8,
            found: Kind::Area as u8
        }
    );
}

#[test]
fn geojson_has_the_shape_echarts_reads() {
    let l = layer(Layer::KOMMUNER, &["0301", "4601", "4602"]);
    let gj = parsed(&l.to_geojson(|c| (c.as_str() != "4601").then(|| format!("Area \"{c}\""))));
    assert_eq!(gj["type"], "FeatureCollection");
    let fs = gj["features"].as_array().unwrap();
    let names: Vec<&str> = fs
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Area \"0301\"", "Area \"4602\""],
        "with JSON's escapes"
    );
    let f = &fs[1];
    assert_eq!(f["properties"]["code"], "4602");
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["geometry"]["type"], "MultiPolygon");
    let polys = f["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(polys.len(), 1);
    let rings = polys[0].as_array().unwrap();
    assert_eq!(rings.len(), 2, "outer ring and hole");
    let outer = rings[0].as_array().unwrap();
    assert_eq!(outer.len(), 5);
    assert_eq!(outer[0], outer[4], "closed as GeoJSON wants");
    // The third feature's square starts at grid x = 200: 4 + 200 * 0.002 degrees.
    assert_eq!(outer[0], json!([4.4, 57.0]));
    assert_eq!(outer[2], json!([4.5, 57.05]));
    assert!(parsed(&l.to_geojson(|_| None))["features"]
        .as_array()
        .unwrap()
        .is_empty());
}

/// GeoJSON's text as serde_json reads it: valid JSON, or the test fails.
fn parsed(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The points of every ring of a GeoJSON feature, per polygon.
fn ring_lengths(feature: &serde_json::Value) -> Vec<Vec<usize>> {
    feature["geometry"]["coordinates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_array().unwrap().len())
                .collect()
        })
        .collect()
}

#[test]
fn a_drawn_map_gets_only_the_detail_it_can_show() {
    // 0301: a 500 × 500-step square (1° × 0.5°) whose bottom edge has a 1-step bump every 100
    // steps, a 5-step hole, and a 4-step island. 4601: only a 3-step island.
    let mut bumpy = vec![[0, 0]];
    for x in (50..500).step_by(100) {
        bumpy.extend([[x, 0], [x + 1, -1], [x + 2, 0]]);
    }
    bumpy.extend([[500, 0], [500, 500], [0, 500], [0, 0]]);
    let mut l = layer(Layer::KOMMUNER, &["0301", "4601"]);
    l.features[0].polygons = vec![
        Polygon {
            rings: vec![Ring::from_points(&bumpy), square([100, 100], 5)],
        },
        Polygon {
            rings: vec![square([600, 0], 4)],
        },
    ];
    l.features[1].polygons = vec![Polygon {
        rings: vec![square([800, 0], 3)],
    }];
    let name = |c: &AreaCode| Some(c.to_string());
    let full = parsed(&l.to_geojson(name));
    assert_eq!(full, parsed(&l.to_geojson_at(Detail::FULL, name)));
    assert_eq!(ring_lengths(&full["features"][0]), [vec![20, 5], vec![5]]);

    // A map 100 px tall of these 0,5° of latitude: a pixel is 0,005°, so the 0,001° bumps,
    // the hole and the island (each far under 2 × 2 px) go. 4601's island is its largest
    // part, so it stays, whole, although simplifying would flatten it.
    let detail = l.detail_for(|_| true, 100.0);
    // (The bumps reach 0,001° below the square, so the span is 0,501°.)
    assert!((detail.tolerance - 0.002505).abs() < 1e-9, "{detail:?}");
    let cut = parsed(&l.to_geojson_at(detail, name));
    assert_eq!(ring_lengths(&cut["features"][0]), [vec![5]]);
    assert_eq!(ring_lengths(&cut["features"][1]), [vec![5]]);
    assert_eq!(
        cut["features"][0]["geometry"]["coordinates"][0][0],
        json!([
            [4.0, 57.0],
            [5.0, 57.0],
            [5.0, 57.5],
            [4.0, 57.5],
            [4.0, 57.0]
        ])
    );

    // A map 10 000 px tall shows the bumps (0,001° is 20 px) and keeps everything.
    assert_eq!(
        ring_lengths(
            &parsed(&l.to_geojson_at(l.detail_for(|_| true, 10_000.0), name))["features"][0]
        ),
        [vec![20, 5], vec![5]]
    );
}

#[test]
fn bbox_and_aspect_follow_the_filter() {
    let l = layer(Layer::KOMMUNER, &["0301", "4601"]);
    let b = l.bbox(|c| c.as_str() == "4601").unwrap();
    let want = [4.2, 57.0, 4.3, 57.05];
    for (got, want) in b.iter().zip(want) {
        assert!((got - want).abs() < 1e-9, "{b:?}");
    }
    let a = l.aspect_scale(|c| c.as_str() == "4601");
    assert!((a - 57.025f64.to_radians().cos()).abs() < 1e-9);
    assert_eq!(l.bbox(|_| false), None);
    assert_eq!(l.aspect_scale(|_| false), 1.0);
}

fn envelope(payload: &[u8]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&[Kind::Geometry as u8, 0]);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode::<GeometryBundle>(&bytes);
    }

    #[test]
    fn arbitrary_payload_behind_a_valid_envelope_never_panics(
        payload in proptest::collection::vec(any::<u8>(), 0..400)
    ) {
        if let Ok(b) = decode::<GeometryBundle>(&envelope(&payload)) {
            // Whatever passes validation must also convert without trouble, into valid JSON
            // (a float such as NaN would not be).
            for l in &b.layers {
                let text = l.to_geojson(|c| Some(c.to_string()));
                prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{text}");
            }
        }
    }

    #[test]
    fn mutated_real_payload_never_panics(at in 0usize..10_000, byte in any::<u8>()) {
        let bytes = encode(&bundle());
        let mut payload = bytes[HEADER_LEN..].to_vec();
        let i = at % payload.len();
        payload[i] = byte;
        if let Ok(b) = decode::<GeometryBundle>(&envelope(&payload)) {
            for l in &b.layers {
                let text = l.to_geojson(|c| Some(c.to_string()));
                prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{text}");
            }
        }
    }

    #[test]
    fn grid_points_round_trip(pts in proptest::collection::vec((-1_000_000i32..1_000_000, -1_000_000i32..1_000_000), 0..50)) {
        let pts: Vec<[i32; 2]> = pts.into_iter().map(|(x, y)| [x, y]).collect();
        let back: Vec<[i64; 2]> = Ring::from_points(&pts).points().collect();
        let want: Vec<[i64; 2]> = pts.iter().map(|p| [p[0] as i64, p[1] as i64]).collect();
        prop_assert_eq!(back, want);
    }
}

#[test]
fn a_map_box_follows_the_shape() {
    let l = layer(Layer::KOMMUNER, &["0301", "4601"]);
    // 4601 is 0.1° of longitude by 0.05° of latitude at 57°N.
    let r = l.height_ratio(|c| c.as_str() == "4601");
    assert!(
        (r - 0.05 / (0.1 * 57.025f64.to_radians().cos())).abs() < 1e-9,
        "{r}"
    );
    assert_eq!(l.height_ratio(|_| false), 1.0);
}
