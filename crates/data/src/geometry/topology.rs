//! Simplifies every border once, so that neighbours keep sharing it exactly.
//!
//! Simplifying each ring on its own moves a shared border differently on each side and leaves
//! slivers and gaps between neighbours. Instead, as TopoJSON does, rings are cut at their
//! junctions (points where a border meets another, or turns from a neighbour to the coast),
//! and each piece between two junctions is simplified in a canonical direction: both copies of
//! a shared border are the same points in opposite orders, so they simplify to the same points.
//! The sources share border points exactly (same coordinates), which this relies on.

use oppvekst_core::geometry::simplify::{douglas_peucker, farthest_from_first, Point};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

type Key = [u64; 2];

fn key(p: &Point) -> Key {
    [p[0].to_bits(), p[1].to_bits()]
}

fn cmp_point(a: &Point, b: &Point) -> Ordering {
    a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1]))
}

/// Points whose neighbours differ between the rings that pass through them. Rings are open
/// (the first point is not repeated at the end).
fn junctions(rings: &[Vec<Point>]) -> HashSet<Key> {
    // `None` marks a junction; `Some` holds the unordered pair of neighbours seen so far.
    let mut seen: HashMap<Key, Option<[Key; 2]>> = HashMap::new();
    for ring in rings {
        let n = ring.len();
        for (i, p) in ring.iter().enumerate() {
            let (a, b) = (key(&ring[(i + n - 1) % n]), key(&ring[(i + 1) % n]));
            let pair = if a <= b { [a, b] } else { [b, a] };
            seen.entry(key(p))
                .and_modify(|s| {
                    if *s != Some(pair) {
                        *s = None;
                    }
                })
                .or_insert(Some(pair));
        }
    }
    seen.into_iter()
        .filter_map(|(k, s)| s.is_none().then_some(k))
        .collect()
}

/// Simplifies a piece between two junctions the same way whichever way it is walked.
fn simplify_piece(piece: &[Point], tolerance: f64) -> Vec<Point> {
    let n = piece.len();
    let reverse = match cmp_point(&piece[0], &piece[n - 1]) {
        Ordering::Greater => true,
        Ordering::Less => false,
        // A loop from a junction back to itself: the second points decide.
        Ordering::Equal => n > 2 && cmp_point(&piece[1], &piece[n - 2]) == Ordering::Greater,
    };
    if !reverse {
        return douglas_peucker(piece, tolerance);
    }
    let mut canonical = piece.to_vec();
    canonical.reverse();
    let mut out = douglas_peucker(&canonical, tolerance);
    out.reverse();
    out
}

/// A ring without junctions (an island, or an enclave and the hole it fills): start at its
/// smallest point, walk towards the smaller neighbour, and anchor at the farthest point.
fn simplify_loop(ring: &[Point], tolerance: f64) -> Vec<Point> {
    let n = ring.len();
    let Some(start) = (0..n).min_by(|&a, &b| cmp_point(&ring[a], &ring[b])) else {
        return Vec::new();
    };
    let (next, prev) = (&ring[(start + 1) % n], &ring[(start + n - 1) % n]);
    let forward = cmp_point(next, prev) != Ordering::Greater;
    let mut canonical: Vec<Point> = (0..=n)
        .map(|i| {
            let j = if forward { start + i } else { start + n - i };
            ring[j % n]
        })
        .collect();
    let far = farthest_from_first(&canonical);
    if far == 0 {
        return ring.to_vec();
    }
    let mut out = douglas_peucker(&canonical[..=far], tolerance);
    out.pop();
    let tail = canonical.split_off(far);
    out.extend(douglas_peucker(&tail, tolerance));
    out.pop();
    out
}

fn simplify_ring(ring: &[Point], junctions: &HashSet<Key>, tolerance: f64) -> Vec<Point> {
    let n = ring.len();
    let Some(first) = (0..n).find(|&i| junctions.contains(&key(&ring[i]))) else {
        return simplify_loop(ring, tolerance);
    };
    // Rotate to start at a junction and close, so that every piece lies in one slice.
    let closed: Vec<Point> = (0..=n).map(|i| ring[(first + i) % n]).collect();
    let mut cuts: Vec<usize> = (0..n)
        .filter(|&i| junctions.contains(&key(&closed[i])))
        .collect();
    cuts.push(n);
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let piece = simplify_piece(&closed[w[0]..=w[1]], tolerance);
        out.extend_from_slice(&piece[..piece.len() - 1]);
    }
    out
}

/// Simplifies open rings at `tolerance` degrees of latitude, every shared border once. The
/// rings come back open, each possibly starting at another of its points.
pub fn simplify_shared(rings: &[Vec<Point>], tolerance: f64) -> Vec<Vec<Point>> {
    let junctions = junctions(rings);
    rings
        .iter()
        .map(|r| {
            if r.len() < 3 {
                r.clone()
            } else {
                simplify_ring(r, &junctions, tolerance)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line from `a` to `b` with `n` inner points: three smooth bends of `amp` degrees
    /// across it, which simplification keeps, and a jitter of 2 % of that, which it drops.
    fn wiggle(a: Point, b: Point, n: usize, amp: f64) -> Vec<Point> {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = dx.hypot(dy);
        let (nx, ny) = (-dy / len, dx / len);
        (0..=n + 1)
            .map(|i| {
                let t = i as f64 / (n + 1) as f64;
                let jitter = 0.02 * ((i * 7 % 5) as f64 - 2.0);
                let off = amp * ((t * std::f64::consts::PI * 3.0).sin() + jitter);
                let off = if i == 0 || i == n + 1 { 0.0 } else { off };
                [a[0] + t * dx + off * nx, a[1] + t * dy + off * ny]
            })
            .collect()
    }

    /// Two squares sharing a wiggly side, their rings walked in opposite directions there,
    /// and the right one starting at a different point.
    fn neighbours() -> (Vec<Point>, Vec<Point>) {
        let shared = wiggle([11.0, 60.0], [11.0, 61.0], 40, 0.04);
        let mut left = vec![[10.0, 60.0]];
        left.extend(wiggle([10.0, 60.0], [11.0, 60.0], 20, 0.02)[1..].iter());
        left.extend(shared[1..].iter());
        left.extend(wiggle([11.0, 61.0], [10.0, 61.0], 20, 0.02)[1..].iter());
        let mut right: Vec<Point> = shared.iter().rev().copied().collect();
        right.extend(wiggle([11.0, 60.0], [12.0, 60.5], 30, 0.03)[1..].iter());
        right.extend(wiggle([12.0, 60.5], [11.0, 61.0], 30, 0.03)[1..].iter());
        right.pop();
        right.rotate_left(13);
        (left, right)
    }

    fn shared_points(a: &[Point], b: &[Point]) -> Vec<Point> {
        let keys: HashSet<Key> = b.iter().map(key).collect();
        let mut s: Vec<Point> = a
            .iter()
            .filter(|p| keys.contains(&key(p)))
            .copied()
            .collect();
        s.sort_by(cmp_point);
        s
    }

    #[test]
    fn a_shared_border_simplifies_to_the_same_points_on_both_sides() {
        let (left, right) = neighbours();
        let before = shared_points(&left, &right);
        assert_eq!(before.len(), 42);
        let out = simplify_shared(&[left.clone(), right.clone()], 0.005);
        assert!(
            out[0].len() < left.len() / 2,
            "{} of {}",
            out[0].len(),
            left.len()
        );
        // Every point the left ring keeps on the shared side, the right one keeps too.
        let on_border = |p: &Point| before.iter().any(|q| key(q) == key(p));
        let mut l: Vec<Point> = out[0].iter().filter(|p| on_border(p)).copied().collect();
        let mut r: Vec<Point> = out[1].iter().filter(|p| on_border(p)).copied().collect();
        l.sort_by(cmp_point);
        r.sort_by(cmp_point);
        assert_eq!(l, r);
        assert!(l.len() > 2 && l.len() < before.len());
        // The corners where the border meets the outside stay.
        assert!(l.contains(&[11.0, 60.0]) && l.contains(&[11.0, 61.0]));
    }

    #[test]
    fn simplifying_each_ring_alone_would_not_share_the_border() {
        // The check above is not vacuous: without the cut at junctions the sides differ.
        let (left, right) = neighbours();
        let before = shared_points(&left, &right);
        let on_border = |p: &Point| before.iter().any(|q| key(q) == key(p));
        let alone = |r: &Vec<Point>| {
            let mut closed = r.clone();
            closed.push(r[0]);
            let mut s: Vec<Point> = douglas_peucker(&closed, 0.005)
                .into_iter()
                .filter(|p| on_border(p))
                .collect();
            s.sort_by(cmp_point);
            s.dedup();
            s
        };
        assert_ne!(alone(&left), alone(&right));
    }

    #[test]
    fn an_enclave_and_its_hole_simplify_alike() {
        let mut island: Vec<Point> = (0..60)
            .map(|i| {
                let a = i as f64 / 60.0 * std::f64::consts::TAU;
                let r = 0.1 + 0.01 * (5.0 * a).sin();
                [10.0 + 2.0 * r * a.cos(), 60.0 + r * a.sin()]
            })
            .collect();
        let mut hole = island.clone();
        hole.reverse();
        hole.rotate_left(17);
        let out = simplify_shared(&[island.clone(), hole], 0.002);
        assert!(out[0].len() >= 4 && out[0].len() < 30, "{}", out[0].len());
        let mut a = out[0].clone();
        let mut b = out[1].clone();
        a.sort_by(cmp_point);
        b.sort_by(cmp_point);
        assert_eq!(a, b);
        island.sort_by(cmp_point);
        assert!(a
            .iter()
            .all(|p| island.binary_search_by(|q| cmp_point(q, p)).is_ok()));
    }

    fn reversed(mut v: Vec<Point>) -> Vec<Point> {
        v.reverse();
        v
    }

    fn sorted(mut v: Vec<Point>) -> Vec<Point> {
        v.sort_by(cmp_point);
        v
    }

    #[test]
    fn ties_break_the_same_way_in_both_directions() {
        // (1,1) and (2,1) are exactly as far from the chord: plain Douglas–Peucker keeps
        // whichever it meets first, so the two sides of a border would differ.
        let piece = vec![[0.0, 0.0], [1.0, 1.0], [2.0, 1.0], [3.0, 0.0]];
        let back = reversed(piece.clone());
        assert_ne!(
            douglas_peucker(&piece, 0.5),
            reversed(douglas_peucker(&back, 0.5))
        );
        assert_eq!(
            simplify_piece(&piece, 0.5),
            reversed(simplify_piece(&back, 0.5))
        );
        // The same for a ring without junctions walked both ways from different starts.
        let ring = vec![
            [0.0, 0.0],
            [1.0, 1.0],
            [2.0, 1.0],
            [3.0, 0.0],
            [2.0, -1.0],
            [1.0, -1.0],
        ];
        let mut other = reversed(ring.clone());
        other.rotate_left(2);
        let (a, b) = (simplify_loop(&ring, 0.5), simplify_loop(&other, 0.5));
        assert_eq!(a.len(), 4);
        assert_eq!(sorted(a), sorted(b));
    }

    #[test]
    fn junctions_are_where_borders_meet() {
        let (left, right) = neighbours();
        let j = junctions(&[left, right]);
        let want: HashSet<Key> = [[11.0, 60.0], [11.0, 61.0]].iter().map(key).collect();
        assert_eq!(j, want);
    }
}
