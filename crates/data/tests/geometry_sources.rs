//! The geometry bundle built from the real maps (when they are on this machine): every area of
//! SSB's classification has a shape, neighbours still share their borders, and it fits the
//! budget.

use oppvekst_core::area::{AreaCode, Level};
use oppvekst_core::codec::{decode, encode};
use oppvekst_core::geometry::{GeometryBundle, Layer};
use oppvekst_data::geometry::{read_areas, read_geometry, MAPS};
use oppvekst_data::sources::read_registry;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

fn sources_dir() -> PathBuf {
    std::env::var_os("OPPVEKST_SOURCES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sources")
        })
}

/// The bundle, built once for all tests; `None` (with a note) when the sources are absent.
fn bundle() -> Option<&'static GeometryBundle> {
    static BUNDLE: OnceLock<Option<GeometryBundle>> = OnceLock::new();
    BUNDLE
        .get_or_init(|| {
            let dir = sources_dir();
            if !dir.join(MAPS[0].file).exists() {
                eprintln!("skipped: no source maps in {}", dir.display());
                return None;
            }
            Some(read_geometry(&dir).expect("the real maps build"))
        })
        .as_ref()
}

fn codes(layer: &Layer) -> BTreeSet<AreaCode> {
    layer.features.iter().map(|f| f.code.clone()).collect()
}

#[test]
fn every_area_of_the_classification_has_a_shape() {
    let Some(b) = bundle() else { return };
    let registry = read_registry(&sources_dir()).unwrap();
    let names: Vec<&str> = b.layers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, [Layer::KOMMUNER, Layer::FYLKER, Layer::BYDELER]);
    for (name, level, count) in [
        (Layer::KOMMUNER, Level::Kommune, 357),
        (Layer::FYLKER, Level::Fylke, 15),
        (Layer::BYDELER, Level::Bydel, 38),
    ] {
        let layer = b.layer(name).unwrap();
        let want: BTreeSet<AreaCode> = registry
            .areas()
            .iter()
            .filter(|a| a.level() == level)
            .map(|a| a.code.clone())
            .collect();
        assert_eq!(want.len(), count, "{name} in the classification");
        assert_eq!(codes(layer), want, "{name}");
    }
    let bydeler = codes(b.layer(Layer::BYDELER).unwrap());
    for c in ["030116", "030117", "110309", "460108", "500104"] {
        assert!(bydeler.contains(&AreaCode::parse(c).unwrap()), "{c}");
    }
}

#[test]
fn areas_lie_inside_their_parents() {
    // A crossed code would put a kommune in the wrong fylke's box, or a bydel in the wrong
    // city's. Bydeler reach into the sea, hence the margin.
    let Some(b) = bundle() else { return };
    let [kommuner, fylker, bydeler] =
        [Layer::KOMMUNER, Layer::FYLKER, Layer::BYDELER].map(|n| b.layer(n).unwrap());
    let inside = |child: &Layer, c: &AreaCode, parent: &Layer, p: &AreaCode, margin: f64| {
        let cb = child.bbox(|x| x == c).unwrap();
        let pb = parent.bbox(|x| x == p).unwrap();
        let mid = [(cb[0] + cb[2]) / 2.0, (cb[1] + cb[3]) / 2.0];
        mid[0] >= pb[0] - margin
            && mid[0] <= pb[2] + margin
            && mid[1] >= pb[1] - margin
            && mid[1] <= pb[3] + margin
    };
    for f in &kommuner.features {
        let fylke = f.code.fylke().unwrap();
        assert!(inside(kommuner, &f.code, fylker, &fylke, 0.0), "{}", f.code);
    }
    for f in &bydeler.features {
        let kommune = f.code.kommune().unwrap();
        assert!(
            inside(bydeler, &f.code, kommuner, &kommune, 0.05),
            "{}",
            f.code
        );
    }
    // Oslo's aspect: cos(≈60°).
    let a = bydeler.aspect_scale(|c| c.as_str().starts_with("0301"));
    assert!((0.45..0.55).contains(&a), "{a}");
}

#[test]
fn neighbours_still_share_their_borders() {
    // Every point a simplified area keeps on a border it shares with a neighbour (a point of
    // both in the source), the neighbour keeps too. Simplifying each ring alone breaks this
    // for a large share of the border points.
    let Some(b) = bundle() else { return };
    for m in [&MAPS[0], &MAPS[2]] {
        let layer = b.layer(m.layer).unwrap();
        let t = layer.transform;
        let grid = |p: &[f64; 2]| {
            [
                ((p[0] - t.translate[0]) / t.scale[0]).round() as i64,
                ((p[1] - t.translate[1]) / t.scale[1]).round() as i64,
            ]
        };
        let source = read_areas(&sources_dir().join(m.file), m.property, m.level).unwrap();
        let mut owners: HashMap<[i64; 2], BTreeSet<&AreaCode>> = HashMap::new();
        for a in &source {
            for p in a.polygons.iter().flatten().flatten() {
                owners.entry(grid(p)).or_default().insert(&a.code);
            }
        }
        let kept: HashMap<&AreaCode, HashSet<[i64; 2]>> = layer
            .features
            .iter()
            .map(|f| {
                let pts = f
                    .polygons
                    .iter()
                    .flat_map(|p| &p.rings)
                    .flat_map(|r| r.points());
                (&f.code, pts.collect())
            })
            .collect();
        let (mut checked, mut lost) = (0, 0);
        for (code, points) in &kept {
            for p in points {
                let Some(o) = owners.get(p).filter(|o| o.len() > 1 && o.contains(code)) else {
                    continue;
                };
                for other in o.iter().filter(|c| *c != code) {
                    checked += 1;
                    lost += usize::from(!kept[other].contains(p));
                }
            }
        }
        assert!(checked > 1000, "{}: {checked} border points", m.layer);
        assert!(
            lost * 1000 <= checked,
            "{}: {lost} of {checked} lost",
            m.layer
        );
        eprintln!("{}: {lost} of {checked} border points lost", m.layer);
    }
}

#[test]
fn the_bundle_is_deterministic_valid_and_within_budget() {
    let Some(b) = bundle() else { return };
    let bytes = encode(b);
    assert_eq!(decode::<GeometryBundle>(&bytes).as_ref(), Ok(b));
    let again = read_geometry(&sources_dir()).unwrap();
    assert_eq!(encode(&again), bytes, "same sources, same bytes");
    // Brotli only shrinks this file (≈ 77 KB measured by hand), so a raw size within the
    // 150 KB budget is within it after compression too.
    assert!(bytes.len() <= 150_000, "{} bytes", bytes.len());
    eprintln!("geometry bundle: {} bytes raw", bytes.len());
}
