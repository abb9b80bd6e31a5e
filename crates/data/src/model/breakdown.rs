//! Modelled breakdowns («demodata»): an indicator's latest true cell split by sex or by
//! immigrant background, so that the breakdown view has figures to show. `data/MODEL.md`
//! describes the model.
//!
//! The split is drawn where the model draws its counts: for the smallest parts (kommuner
//! without bydeler, bydeler, and the part of a city that no bydel holds), and every larger
//! area is the sum of its parts. So a kommune's boys are its bydeler's boys, as published
//! totals add up at FHI, and the breakdowns' suppression can reason about parents and
//! children as for any indicator.
//!
//! For a part with counts `num / den` and a dimension with categories `k`:
//! - the denominator is split by each category's share `s_k` of the population (boys 51,3 %;
//!   the immigrant share is the part's own modelled share of children with immigrant
//!   background), drawn as sequential binomials;
//! - the numerator is split in proportion to `den_k · r_k`, where `r_k` is the category's rate
//!   relative to the first category: `r_1 = 1`, `r_2 = exp(0,3 · z)` with `z` standard normal,
//!   one draw per indicator and dimension (so boys may be bullied more than girls everywhere in
//!   the demo, and in one direction only), or `1 / ratio` where `data/model.toml` gives the
//!   first category's ratio from published differences (immigrant children and low income);
//! - a share never gets more cases than persons: what would overflow goes to the next category.

use super::rng::Rng;
use oppvekst_core::area::{AreaCode, Level, Registry};
use oppvekst_core::breakdown::Dimension;
use oppvekst_core::indicator::{Cell, Indicator, Unit};
use std::collections::BTreeMap;

/// Boys' share of children, about as in SSB's population.
pub const BOYS_SHARE: f64 = 0.513;

/// The spread of the rate ratio between categories on the log scale.
pub const RATIO_SD: f64 = 0.3;

/// The indicator whose modelled share splits by immigrant background.
pub const IMMIGRANT_SHARE: &str = "innvandrere_0_17";

/// Whether a dimension applies to an indicator: only to shares and rates, and not to those
/// `data/dimensions.toml` lists for it (`not_for`: household and kindergarten measures, and the
/// shares that are the split themselves).
pub fn applies(ind: &Indicator, not_for: &[String]) -> bool {
    matches!(ind.unit, Unit::Percent | Unit::Per1000) && !not_for.contains(&ind.id)
}

/// Splits `n` by `weights` as sequential binomials: each category gets its share of what the
/// ones before left; the last gets the rest.
fn split(rng: &mut Rng, n: u32, weights: &[f64]) -> Vec<u32> {
    let mut out = Vec::with_capacity(weights.len());
    let mut left = n;
    let mut rest: f64 = weights.iter().sum();
    for (i, &w) in weights.iter().enumerate() {
        if i + 1 == weights.len() {
            out.push(left);
            break;
        }
        let p = if rest > 0.0 { w / rest } else { 0.0 };
        let k = rng.binomial(left, p.clamp(0.0, 1.0));
        out.push(k);
        left -= k;
        rest -= w;
    }
    out
}

/// One part's categories.
fn split_cell(
    rng: &mut Rng,
    ind: &Indicator,
    cell: Cell,
    shares: &[f64],
    ratios: &[f64],
) -> Vec<Cell> {
    if !cell.is_ok() {
        return vec![cell; shares.len()];
    }
    let dens = split(rng, cell.den, shares);
    let weights: Vec<f64> = dens
        .iter()
        .zip(ratios)
        .map(|(&d, r)| f64::from(d) * r)
        .collect();
    let mut nums = split(rng, cell.num, &weights);
    if ind.unit == Unit::Percent {
        // No more cases than persons: pass the overflow on (it fits, as num ≤ den).
        for k in 0..nums.len() {
            let over = nums[k].saturating_sub(dens[k]);
            if over > 0 {
                nums[k] -= over;
                let next = (k + 1) % nums.len();
                nums[next] += over;
            }
        }
    }
    nums.iter()
        .zip(&dens)
        .map(|(&n, &d)| Cell::ok(n, d))
        .collect()
}

fn sum(a: &[Cell], b: &[Cell]) -> Vec<Cell> {
    a.iter()
        .zip(b)
        .map(|(x, y)| Cell::ok(x.num + y.num, x.den + y.den))
        .collect()
}

/// The true categories of every area with a latest cell in `latest`, for one indicator and
/// dimension. `share` gives a part's population share of each category.
pub fn model_breakdown(
    reg: &Registry,
    ind: &Indicator,
    dim: &Dimension,
    latest: &BTreeMap<AreaCode, Cell>,
    share: &dyn Fn(&AreaCode) -> Vec<f64>,
    first_over_others: Option<f64>,
    seed: u64,
) -> BTreeMap<AreaCode, Vec<Cell>> {
    let mut ratios = vec![1.0];
    let mut r = Rng::keyed(
        seed,
        &[b"breakdown-ratio", ind.id.as_bytes(), dim.id.as_bytes()],
    );
    ratios.extend((1..dim.categories.len()).map(|_| {
        let drawn = (RATIO_SD * r.normal()).exp();
        first_over_others.map_or(drawn, |ratio| 1.0 / ratio)
    }));
    let mut out: BTreeMap<AreaCode, Vec<Cell>> = BTreeMap::new();
    // Bottom-up: bydeler, kommuner, fylker, landet, so that children are split before parents.
    let mut codes: Vec<&AreaCode> = latest.keys().collect();
    codes.sort_by_key(|c| std::cmp::Reverse(c.level()));
    for code in codes {
        let cell = latest[code];
        let mut rng = Rng::keyed(
            seed,
            &[
                b"breakdown",
                ind.id.as_bytes(),
                dim.id.as_bytes(),
                code.as_str().as_bytes(),
            ],
        );
        let children: Vec<&Vec<Cell>> = reg
            .children(code)
            .filter_map(|a| out.get(&a.code))
            .collect();
        let split_here = |rng: &mut Rng, c: Cell| split_cell(rng, ind, c, &share(code), &ratios);
        let cats = if children.is_empty()
            || !cell.is_ok()
            || children.iter().any(|c| c.iter().any(|x| !x.is_ok()))
        {
            split_here(&mut rng, cell)
        } else {
            let parts = children
                .iter()
                .skip(1)
                .fold(children[0].clone(), |acc, c| sum(&acc, c));
            let (num, den) = parts
                .iter()
                .fold((0u32, 0u32), |(n, d), c| (n + c.num, d + c.den));
            // The part no child holds (a city's unassigned residents); a parent whose children
            // hold more than it does is not a sum of them, and is split on its own.
            match (cell.num.checked_sub(num), cell.den.checked_sub(den)) {
                (Some(rn), Some(rd)) if level_sums(code) => {
                    if rd == 0 && rn == 0 {
                        parts
                    } else {
                        sum(&parts, &split_here(&mut rng, Cell::ok(rn, rd)))
                    }
                }
                _ => split_here(&mut rng, cell),
            }
        };
        out.insert(code.clone(), cats);
    }
    out
}

/// Whether an area's counts are the sums of its children's in the model (all but the
/// smallest parts).
fn level_sums(code: &AreaCode) -> bool {
    code.level() != Level::Bydel
}

/// The share of each category in a part's population: the boys' share for sex; for immigrant
/// background, the part's modelled share from [`IMMIGRANT_SHARE`] (15 % where it has none).
pub fn shares(dim: &Dimension, immigrant: Option<Cell>) -> Vec<f64> {
    match dim.id.as_str() {
        "kjonn" => vec![BOYS_SHARE, 1.0 - BOYS_SHARE],
        "innvandring" => {
            let s = immigrant
                .filter(|c| c.is_ok() && c.den > 0)
                .map_or(0.15, |c| f64::from(c.num) / f64::from(c.den));
            vec![s, 1.0 - s]
        }
        _ => {
            let n = dim.categories.len() as f64;
            vec![1.0 / n; dim.categories.len()]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oppvekst_core::area::Area;
    use oppvekst_core::lang::Text;

    fn t(s: &str) -> Text {
        Text {
            nb: s.into(),
            nn: s.into(),
            en: s.into(),
        }
    }

    fn dim(id: &str) -> Dimension {
        Dimension {
            id: id.into(),
            label: t(id),
            categories: vec![t("a"), t("b")],
        }
    }

    fn code(s: &str) -> AreaCode {
        AreaCode::parse(s).unwrap()
    }

    #[test]
    fn parts_add_up_to_their_parents_and_shares_stay_shares() {
        let a = |c: &str| Area {
            code: code(c),
            name: c.into(),
        };
        let reg = Registry::new(vec![
            a("0"),
            a("03"),
            a("0301"),
            a("030101"),
            a("030102"),
            a("46"),
            a("4601"),
        ])
        .unwrap();
        let latest: BTreeMap<AreaCode, Cell> = [
            ("0", Cell::ok(1000, 10_000)),
            ("03", Cell::ok(400, 4000)),
            ("0301", Cell::ok(400, 4000)),
            ("030101", Cell::ok(150, 1500)),
            ("030102", Cell::ok(200, 2000)),
            ("46", Cell::ok(600, 6000)),
            ("4601", Cell::ok(600, 6000)),
        ]
        .into_iter()
        .map(|(c, x)| (code(c), x))
        .collect();
        let ind = super::super::fake::indicator(
            "mobbing_7",
            Unit::Percent,
            super::super::fake::years(2020, 2024),
        );
        let d = dim("kjonn");
        let out = model_breakdown(&reg, &ind, &d, &latest, &|_| shares(&d, None), None, 7);
        for (c, cats) in &out {
            let total = latest[c];
            assert_eq!(cats.iter().map(|x| x.num).sum::<u32>(), total.num, "{c}");
            assert_eq!(cats.iter().map(|x| x.den).sum::<u32>(), total.den, "{c}");
            assert!(cats.iter().all(|x| x.num <= x.den), "{c}: {cats:?}");
        }
        // The kommune is its bydeler plus the part no bydel holds; the fylke its kommune.
        assert_eq!(out[&code("03")], out[&code("0301")]);
        let boys: u32 = ["030101", "030102"]
            .iter()
            .map(|c| out[&code(c)][0].den)
            .sum();
        assert!(out[&code("0301")][0].den >= boys);
        // Deterministic.
        assert_eq!(
            out,
            model_breakdown(&reg, &ind, &d, &latest, &|_| shares(&d, None), None, 7)
        );
        // About 51 % boys.
        let share = f64::from(out[&code("0")][0].den) / 10_000.0;
        assert!((share - BOYS_SHARE).abs() < 0.02, "{share}");
    }

    #[test]
    fn a_dimension_is_not_applied_to_itself() {
        let ind = |id: &str| {
            super::super::fake::indicator(id, Unit::Percent, super::super::fake::years(2020, 2024))
        };
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/dimensions.toml");
        let scopes = crate::catalogue::load_scopes(&path).unwrap();
        let applies = |d: &str, i: &str| applies(&ind(i), &scopes[d]);
        assert!(!applies("innvandring", "innvandrere_0_17"));
        assert!(!applies("innvandring", "barnehage_minoritet"));
        assert!(applies("kjonn", "innvandrere_0_17"));
        assert!(applies("innvandring", "mobbing_7"));
        // Household measures have no sex; a kindergarten's staffing neither sex nor background.
        for household in ["lavinntekt_vedvarende", "trangbodd", "enslige_forsorgere"] {
            assert!(!applies("kjonn", household) && applies("innvandring", household));
        }
        assert!(!applies("kjonn", "pedagognorm") && !applies("innvandring", "pedagognorm"));
        assert_eq!(
            shares(&dim("innvandring"), Some(Cell::ok(30, 100))),
            [0.3, 0.7]
        );
    }
}
