//! Over the shipped bundles: the demodata are shaped like the country. Oslo's områdesatsing
//! bydeler, pooled as the comparison view pools them, are significantly worse off than the rest
//! of Oslo; the west of Oslo has the least persistent low income; and across kommuner the
//! modelled shares rank as the real immigrant share of 2014 (IMDi/SSB) ranks them; and children
//! with an immigrant background are, as SSB publishes, more often in low income and crowded.

mod shipped_support;

use oppvekst_core::area::{AreaCode, Level};
use oppvekst_core::codec::{AreaBundle, ContextBundle};
use oppvekst_core::explore::compare::{compare_view, Member};
use oppvekst_core::explore::sets::{area_set, Cells};
use oppvekst_core::indicator::Polarity;
use oppvekst_core::route::Preset;
use oppvekst_core::stats::ci::Confidence;
use oppvekst_core::stats::compare::{compare, Comparison};
use oppvekst_core::theme::direction::{group_comparison, IMMIGRANT_DIMENSION};
use oppvekst_data::geography;
use shipped_support::Shipped;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shipped context, every area bundle, and Oslo's bydeler among them.
struct Bundles {
    ctx: ContextBundle,
    bydeler: Vec<AreaBundle>,
    all: Vec<AreaBundle>,
}

fn shipped() -> Bundles {
    let s = Shipped::read();
    let all = s.areas();
    let bydeler = all
        .iter()
        .filter(|a| a.code.as_str().starts_with("0301") && a.code.as_str().len() == 6)
        .cloned()
        .collect();
    Bundles {
        ctx: s.ctx,
        bydeler,
        all,
    }
}

fn index(ctx: &ContextBundle, id: &str) -> usize {
    ctx.catalogue.iter().position(|i| i.id == id).unwrap()
}

#[test]
fn the_omradesatsing_is_worse_off_than_the_rest_of_oslo_and_the_west_best() {
    let s = shipped();
    let oslo = AreaCode::parse("0301").unwrap();
    let set = area_set(&s.ctx, &oslo, Preset::Satsing, &[]);
    let bundles: Vec<&AreaBundle> = s.bydeler.iter().collect();
    for id in ["lavinntekt_vedvarende", "trangbodd", "innvandrere_0_17"] {
        let i = index(&s.ctx, id);
        let ind = &s.ctx.catalogue[i];
        let view = compare_view(&s.ctx, &bundles, &set, &oslo, i, true, Confidence::P95).unwrap();
        let pooled = |m: Member| {
            let bar = view.bars.iter().find(|b| b.member == m).unwrap();
            let v = bar.value.unwrap();
            (v.cell, v.value.unwrap_or(f64::NAN))
        };
        let (satsing, sv) = pooled(Member::Satsing);
        let (rest, rv) = pooled(Member::RestOfOslo);
        eprintln!("{id}: områdesatsing {sv:.1}, rest of Oslo {rv:.1}");
        // Significantly above, in the words the test uses for the indicator's polarity.
        let above = match ind.polarity {
            Polarity::HigherIsWorse => Comparison::Worse,
            Polarity::HigherIsBetter => Comparison::Better,
            Polarity::NoDirection => Comparison::Higher,
        };
        assert_eq!(
            compare(ind, &satsing, &rest, Confidence::P95),
            above,
            "{id}: the satsing ({sv:.1}) is not significantly above the rest of Oslo ({rv:.1})"
        );
    }

    let i = index(&s.ctx, "lavinntekt_vedvarende");
    let ind = &s.ctx.catalogue[i];
    let cells = Cells::new(&s.ctx, &bundles);
    let mut by_value: Vec<(f64, String)> = set
        .codes
        .iter()
        .filter_map(|c| {
            let v = cells.latest(i, c)?.value(ind.unit)?;
            Some((v, s.ctx.registry.get(c)?.name.clone()))
        })
        .collect();
    by_value.sort_by(|a, b| a.0.total_cmp(&b.0));
    let lowest: Vec<&str> = by_value.iter().take(5).map(|(_, n)| n.as_str()).collect();
    eprintln!("least persistent low income: {by_value:?}");
    for west in ["Vestre Aker", "Ullern", "Nordre Aker"] {
        assert!(lowest.contains(&west), "{west} is not among {lowest:?}");
    }
}

#[test]
fn immigrant_children_are_more_often_in_low_income_and_crowded_never_less() {
    let s = shipped();
    for id in ["lavinntekt_vedvarende", "trangbodd"] {
        let i = index(&s.ctx, id);
        let mut worse = 0;
        for area in &s.all {
            let c = group_comparison(&s.ctx, area, IMMIGRANT_DIMENSION, i);
            assert_ne!(
                c,
                Comparison::Better,
                "{id}: {} says the group is better off",
                area.code
            );
            if area.code == AreaCode::landet() {
                assert_eq!(c, Comparison::Worse, "{id}: landet");
            }
            worse += usize::from(c == Comparison::Worse);
        }
        eprintln!(
            "{id}: the group significantly worse off in {worse} of {} areas",
            s.all.len()
        );
    }
}

/// Spearman's rank correlation, ties ranked by their mean rank.
fn spearman(pairs: &[(f64, f64)]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        let mut r = vec![0.0; v.len()];
        let mut i = 0;
        while i < order.len() {
            let mut j = i;
            while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
                j += 1;
            }
            for k in i..=j {
                r[order[k]] = (i + j) as f64 / 2.0;
            }
            i = j + 1;
        }
        r
    }
    let (a, b): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
    let (ra, rb) = (ranks(&a), ranks(&b));
    let n = ra.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let cov: f64 = ra
        .iter()
        .zip(&rb)
        .map(|(x, y)| (x - mean) * (y - mean))
        .sum();
    let var = |r: &[f64]| r.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
    cov / (var(&ra) * var(&rb)).sqrt()
}

#[test]
fn spearman_ranks_ties_and_reversals() {
    assert!((spearman(&[(1.0, 10.0), (2.0, 20.0), (3.0, 35.0)]) - 1.0).abs() < 1e-12);
    assert!((spearman(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]) + 1.0).abs() < 1e-12);
    let tied = spearman(&[(1.0, 1.0), (1.0, 2.0), (2.0, 3.0), (3.0, 3.0)]);
    assert!(tied > 0.5 && tied < 1.0, "{tied}");
}

#[test]
fn kommuner_rank_as_their_real_immigrant_share_ranks_them() {
    let sources = root().join("../shared/data/sources");
    if !sources.join(geography::IMDI_FILE).exists() {
        eprintln!("skipped: {} not found", sources.display());
        return;
    }
    let s = shipped();
    let real = geography::immigrants_2024(&sources, &s.ctx.registry).unwrap();
    for (id, least) in [
        ("innvandrere_0_17", 0.8),
        ("lavinntekt_vedvarende", 0.5),
        ("trangbodd", 0.5),
    ] {
        let i = index(&s.ctx, id);
        let ind = &s.ctx.catalogue[i];
        let cells = Cells::new(&s.ctx, &[]);
        let pairs: Vec<(f64, f64)> = s
            .ctx
            .registry
            .at_level(Level::Kommune)
            .filter_map(|k| {
                let v = cells.latest(i, &k.code)?.value(ind.unit)?;
                Some((real[&k.code].share(), v))
            })
            .collect();
        let rho = spearman(&pairs);
        eprintln!("{id}: ρ = {rho:.3} over {} kommuner", pairs.len());
        assert!(pairs.len() > 200, "{id}: only {} kommuner", pairs.len());
        assert!(rho >= least, "{id}: ρ = {rho:.3} < {least}");
    }
}
