//! Cutting, snapping and assembling a layer, on small made-up maps.

use super::*;
use oppvekst_core::area::AreaCode;
use oppvekst_core::codec::{decode, encode};

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

/// An open axis-aligned rectangle, anticlockwise, `w` × `h` degrees from `at`.
fn rect(at: Point, w: f64, h: f64) -> Vec<Point> {
    let [x, y] = at;
    vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]]
}

const CUT: Simplification = Simplification {
    tolerance: 0.001,
    min_area_km2: 1.0,
    grid: 0.001,
};

fn twice_area(ring: &[[i32; 2]]) -> i64 {
    ring.windows(2)
        .map(|w| i64::from(w[0][0]) * i64::from(w[1][1]) - i64::from(w[1][0]) * i64::from(w[0][1]))
        .sum()
}

const T: Transform = Transform {
    scale: [0.002, 0.001],
    translate: [10.0, 60.0],
};

#[test]
fn snapping_closes_orients_and_cleans_rings() {
    // Clockwise, with a repeated point and a spike out to [10.1, 60.2] and back.
    let ring = [
        [10.0, 60.0],
        [10.0, 60.1],
        [10.0, 60.1],
        [10.1, 60.1],
        [10.1, 60.2],
        [10.1, 60.1],
        [10.1, 60.0],
    ];
    let outer = snap(&ring, &T, true).unwrap();
    assert_eq!(outer, vec![[50, 0], [50, 100], [0, 100], [0, 0], [50, 0]]);
    assert!(twice_area(&outer) > 0, "outer rings turn anticlockwise");
    let hole = snap(&ring, &T, false).unwrap();
    assert!(twice_area(&hole) < 0, "holes turn clockwise");
    assert_eq!(hole.first(), hole.last());
}

#[test]
fn a_ring_inside_one_grid_cell_or_on_a_line_is_gone() {
    let tiny = rect([10.0101, 60.0101], 0.0002, 0.0002);
    assert_eq!(snap(&tiny, &T, true), None);
    let flat = [[10.0, 60.0], [10.1, 60.0], [10.2, 60.0]];
    assert_eq!(snap(&flat, &T, true), None);
}

#[test]
fn small_islands_and_holes_go_but_every_area_keeps_its_largest_part() {
    // 0.1° × 0.1° at 60°N is ≈ 62 km²; 0.005° × 0.005° ≈ 0.15 km².
    let big = vec![
        rect([10.0, 60.0], 0.1, 0.1),
        rect([10.02, 60.02], 0.005, 0.005),
    ];
    let islet = vec![rect([10.3, 60.0], 0.005, 0.005)];
    let island = vec![rect([10.5, 60.0], 0.05, 0.05)];
    let area = SourceArea {
        code: code("4601"),
        polygons: vec![islet.clone(), big.clone(), island.clone()],
    };
    let kept = kept_polygons(&area, 1.0);
    assert_eq!(
        kept,
        vec![vec![big[0].clone()], island],
        "largest first, hole and islet gone"
    );
    let only_islet = SourceArea {
        code: code("1151"),
        polygons: vec![islet.clone()],
    };
    assert_eq!(kept_polygons(&only_islet, 1.0), vec![islet]);
}

fn two_neighbours_and_an_islet() -> Vec<SourceArea> {
    vec![
        SourceArea {
            code: code("4602"),
            polygons: vec![
                vec![rect([10.1, 60.0], 0.1, 0.1)],
                vec![rect([10.4, 60.0], 0.003, 0.003)],
            ],
        },
        SourceArea {
            code: code("4601"),
            polygons: vec![vec![rect([10.0, 60.0], 0.1, 0.1)]],
        },
    ]
}

#[test]
fn a_layer_is_sorted_cut_and_decodes() {
    let mut areas = two_neighbours_and_an_islet();
    areas.sort_by(|a, b| a.code.cmp(&b.code));
    let layer = build_layer(Layer::KOMMUNER, &areas, &CUT).unwrap();
    let codes: Vec<&str> = layer.features.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["4601", "4602"]);
    assert_eq!(layer.features[1].polygons.len(), 1, "the islet went");
    assert_eq!(layer.transform.translate, [10.0, 60.0]);
    assert_eq!(layer.transform.scale, [0.002, 0.001]);
    let bundle = GeometryBundle {
        layers: vec![layer],
    };
    let bytes = encode(&bundle);
    assert_eq!(decode::<GeometryBundle>(&bytes).unwrap(), bundle);
    // The shared side x = 10.1 is grid x = 50 in both squares.
    let xs = |i: usize| -> Vec<i64> {
        bundle.layers[0].features[i].polygons[0].rings[0]
            .points()
            .map(|p| p[0])
            .collect()
    };
    assert!(xs(0).contains(&50) && xs(1).contains(&50));
}

#[test]
fn an_area_smaller_than_the_grid_is_an_error() {
    let areas = vec![SourceArea {
        code: code("0301"),
        polygons: vec![vec![rect([10.0, 60.0], 0.0001, 0.0001)]],
    }];
    let e = build_layer(Layer::KOMMUNER, &areas, &CUT).unwrap_err();
    assert!(e.contains("0301: smaller than the grid"), "{e}");
    assert!(build_layer(Layer::KOMMUNER, &[], &CUT).is_err());
}

#[test]
fn a_largest_part_that_simplifies_away_falls_back_to_its_source_points() {
    // A thin sliver: the tolerance flattens it to a line, but it is the area's only part.
    let sliver = vec![[10.0, 60.0], [10.2, 60.0], [10.2, 60.0015], [10.1, 60.0025]];
    let areas = vec![SourceArea {
        code: code("0301"),
        polygons: vec![vec![sliver]],
    }];
    let cut = Simplification {
        tolerance: 0.01,
        ..CUT
    };
    let layer = build_layer(Layer::KOMMUNER, &areas, &cut).unwrap();
    assert_eq!(layer.features[0].polygons[0].rings[0].len(), 5);
}
