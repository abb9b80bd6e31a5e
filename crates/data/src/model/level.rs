//! The national level of a modelled indicator: its trajectory between the two anchors, and the
//! yearly intercept that makes the population-weighted expectation over all areas hit it.

use super::params::{Anchor, IndicatorModel, ModelUnit, Trajectory};

/// Shares never reach 0 or 1 on a straight trajectory: the logit would be infinite.
const SHARE_FLOOR: f64 = 1e-4;
/// Rates stay above this many events per person.
const RATE_FLOOR: f64 = 1e-6;

/// From a probability (share) or a rate per person to the link scale.
pub fn link(unit: ModelUnit, p: f64) -> f64 {
    match unit {
        ModelUnit::Percent => {
            let p = p.clamp(SHARE_FLOOR, 1.0 - SHARE_FLOOR);
            (p / (1.0 - p)).ln()
        }
        ModelUnit::Per1000 => p.max(RATE_FLOOR).ln(),
    }
}

/// Back from the link scale.
pub fn inv_link(unit: ModelUnit, x: f64) -> f64 {
    match unit {
        ModelUnit::Percent => 1.0 / (1.0 + (-x).exp()),
        ModelUnit::Per1000 => x.exp(),
    }
}

/// The national target of a year on the link scale: a published level where there is one
/// (the pandemic is in it already); else the trajectory with its pandemic shift, moved to meet
/// the nearest published year so that its slope is kept.
pub fn target(m: &IndicatorModel, year: u16) -> f64 {
    if let Some(p) = m.published.get(&year) {
        return link(m.unit, *p);
    }
    let nearest = m
        .published
        .iter()
        .min_by_key(|(y, _)| (i32::from(**y) - i32::from(year)).abs());
    let shift = nearest.map_or(0.0, |(y, p)| link(m.unit, *p) - trajectory(m, *y));
    trajectory(m, year) + shift
}

/// The model's own trajectory between its anchors, pandemic shift included.
fn trajectory(m: &IndicatorModel, year: u16) -> f64 {
    let Anchor(y0, l0) = m.from;
    let Anchor(y1, l1) = m.to;
    let (p0, p1) = (m.unit.to_proportion(l0), m.unit.to_proportion(l1));
    // Beyond the anchors the line goes on: it is a trend, not a plateau.
    let t = (year as f64 - y0 as f64) / (y1 as f64 - y0 as f64);
    let base = match m.trajectory {
        Trajectory::Straight => link(m.unit, p0 + t * (p1 - p0)),
        Trajectory::Logistic => {
            let (a, b) = (link(m.unit, p0), link(m.unit, p1));
            a + t * (b - a)
        }
    };
    base + m.pandemic_shift(year)
}

/// The intercept α with Σ wᵢ·g⁻¹(α + oᵢ) = g⁻¹(target)·Σ wᵢ: the parts' persistent and yearly
/// effects are drawn first, then the intercept is solved, so the national expectation is the
/// trajectory exactly and only counting noise is left at the national level.
pub fn intercept(unit: ModelUnit, target: f64, parts: &[(f64, f64)]) -> f64 {
    let total: f64 = parts.iter().map(|(w, _)| w).sum();
    if total <= 0.0 {
        return target;
    }
    let goal = inv_link(unit, target) * total;
    match unit {
        ModelUnit::Per1000 => {
            let at_zero: f64 = parts.iter().map(|(w, o)| w * o.exp()).sum();
            (goal / at_zero).ln()
        }
        ModelUnit::Percent => {
            // The weighted mean of logistic curves rises with α: bisection cannot miss.
            let expected =
                |a: f64| -> f64 { parts.iter().map(|(w, o)| w * inv_link(unit, a + o)).sum() };
            let (mut lo, mut hi) = (target - 30.0, target + 30.0);
            for _ in 0..100 {
                let mid = 0.5 * (lo + hi);
                if expected(mid) < goal {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            0.5 * (lo + hi)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::ModelParams;

    fn model(trajectory: &str) -> IndicatorModel {
        let text = format!(
            "seed = 1\n[indicator.x]\nunit = \"percent\"\nfrom = [2010, 10.0]\nto = [2020, 30.0]\n\
             trajectory = \"{trajectory}\"\nsd_fylke = 0.0\nsd_kommune = 0.0\n\
             denominator = {{ ages = [0, 17] }}\n"
        );
        ModelParams::parse(&text).unwrap().indicator["x"].clone()
    }

    #[test]
    fn trajectories_pass_through_the_anchors() {
        for kind in ["straight", "logistic"] {
            let m = model(kind);
            assert!((inv_link(m.unit, target(&m, 2010)) - 0.10).abs() < 1e-12);
            // 2020 carries no pandemic shift here.
            assert!((inv_link(m.unit, target(&m, 2020)) - 0.30).abs() < 1e-12);
        }
        let straight = inv_link(ModelUnit::Percent, target(&model("straight"), 2015));
        let logistic = inv_link(ModelUnit::Percent, target(&model("logistic"), 2015));
        assert!((straight - 0.20).abs() < 1e-12);
        // Halfway on the logit scale lies below the straight midpoint when rising from 10 %.
        assert!(logistic < 0.195, "{logistic}");
    }

    #[test]
    fn published_years_are_followed_and_the_slope_kept_beyond_them() {
        let mut m = model("straight");
        m.published = [(2012, 0.15), (2013, 0.16)].into_iter().collect();
        assert!((inv_link(m.unit, target(&m, 2012)) - 0.15).abs() < 1e-12);
        assert!((inv_link(m.unit, target(&m, 2013)) - 0.16).abs() < 1e-12);
        // Beyond: the trajectory's own change from 2013, on the link scale.
        let step = trajectory(&m, 2014) - trajectory(&m, 2013);
        assert!((target(&m, 2014) - (link(m.unit, 0.16) + step)).abs() < 1e-12);
    }

    #[test]
    fn intercept_hits_the_weighted_target() {
        let parts = [(100.0, -1.0), (5_000.0, 0.4), (20.0, 2.5), (0.0, 9.0)];
        for unit in [ModelUnit::Percent, ModelUnit::Per1000] {
            let goal = link(unit, 0.07);
            let a = intercept(unit, goal, &parts);
            let total: f64 = parts.iter().map(|p| p.0).sum();
            let mean: f64 = parts
                .iter()
                .map(|(w, o)| w * inv_link(unit, a + o))
                .sum::<f64>()
                / total;
            assert!((mean - 0.07).abs() < 1e-9, "{unit:?}: {mean}");
        }
    }
}
