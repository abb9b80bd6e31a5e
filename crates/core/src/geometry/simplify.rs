//! Douglas–Peucker line simplification and ring areas, measured on a sinusoidal plane. The
//! data CLI cuts the source maps with it once; the app cuts a layer further to the detail a
//! drawn map can show ([`super::Detail`]).
//!
//! Lon/lat degrees are not square at Norway's latitudes, so both the tolerance and the areas
//! are taken after scaling longitude by cos(latitude): the sinusoidal projection, which is
//! equal-area, in degrees of latitude (≈ 111 km).

pub type Point = [f64; 2];

/// Kilometres per degree of latitude, for turning areas into km².
pub const KM_PER_DEGREE: f64 = 111.2;

fn project(p: &Point) -> [f64; 2] {
    [p[0] * p[1].to_radians().cos(), p[1]]
}

/// Distance from `p` to the segment `a`–`b`, all projected.
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (ex * ex + ey * ey).sqrt()
}

/// The points of `line` that Douglas–Peucker keeps at `tolerance` degrees of latitude; the
/// first and last always stay. Of two equally far points the earlier wins, so the result
/// depends on the direction of the line: callers that need the same result both ways
/// canonicalise the direction first.
pub fn douglas_peucker(line: &[Point], tolerance: f64) -> Vec<Point> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let projected: Vec<[f64; 2]> = line.iter().map(project).collect();
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    // An explicit stack: a long coastline must not recurse thousands deep.
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut far = (0.0, a);
        for i in a + 1..b {
            let d = segment_distance(projected[i], projected[a], projected[b]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// The index of the point farthest from `line[0]`, the earliest of equals.
pub fn farthest_from_first(line: &[Point]) -> usize {
    let Some(first) = line.first().map(project) else {
        return 0;
    };
    let mut far = (0.0, 0);
    for (i, p) in line.iter().enumerate().skip(1) {
        let q = project(p);
        let d = (q[0] - first[0]).hypot(q[1] - first[1]);
        if d > far.0 {
            far = (d, i);
        }
    }
    far.1
}

/// The area of an open or closed ring in km², whatever its orientation.
pub fn area_km2(ring: &[Point]) -> f64 {
    let p: Vec<[f64; 2]> = ring.iter().map(project).collect();
    let twice: f64 = (0..p.len())
        .map(|i| {
            let (a, b) = (p[i], p[(i + 1) % p.len()]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    (twice / 2.0).abs() * KM_PER_DEGREE * KM_PER_DEGREE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_keeps_its_ends_only() {
        let line: Vec<Point> = (0..10).map(|i| [10.0, 60.0 + i as f64 * 0.01]).collect();
        assert_eq!(douglas_peucker(&line, 1e-4), vec![line[0], line[9]]);
    }

    #[test]
    fn a_bump_above_the_tolerance_stays_and_one_below_goes() {
        let line = [
            [10.0, 60.0],
            [10.1, 60.002],
            [10.2, 60.0],
            [10.3, 60.0005],
            [10.4, 60.0],
        ];
        assert_eq!(
            douglas_peucker(&line, 0.001),
            vec![line[0], line[1], line[2], line[4]]
        );
        assert_eq!(douglas_peucker(&line, 0.0001), line.to_vec());
        assert_eq!(douglas_peucker(&line, 0.01), vec![line[0], line[4]]);
    }

    #[test]
    fn longitude_counts_for_less_in_the_north() {
        // 0.002° of longitude sideways is ≈ 0.001° of latitude at 60°N: under a tolerance of
        // 0.0015 it goes; the same offset in latitude stays.
        let east = [[10.0, 60.0], [10.002, 60.05], [10.0, 60.1]];
        let north = [[10.0, 60.0], [10.05, 60.002], [10.1, 60.0]];
        assert_eq!(douglas_peucker(&east, 0.0015).len(), 2);
        assert_eq!(douglas_peucker(&north, 0.0015).len(), 3);
    }

    #[test]
    fn area_of_a_square_degree_at_60_north() {
        let sq = [[10.0, 60.0], [11.0, 60.0], [11.0, 61.0], [10.0, 61.0]];
        // One degree by one degree at 60.5°N: 111.2 km × 111.2 km × cos(≈60.5°).
        let want = 111.2 * 111.2 * 60.5f64.to_radians().cos();
        assert!(
            (area_km2(&sq) - want).abs() / want < 0.01,
            "{}",
            area_km2(&sq)
        );
        let mut rev = sq;
        rev.reverse();
        assert_eq!(area_km2(&sq), area_km2(&rev));
    }

    #[test]
    fn farthest_point_is_found() {
        let line = [[10.0, 60.0], [10.0, 60.5], [10.0, 61.0], [10.0, 60.2]];
        assert_eq!(farthest_from_first(&line), 2);
        assert_eq!(farthest_from_first(&[]), 0);
    }
}
