//! Ranks of the kommuner for one indicator and period, nationally and within the fylke.
//!
//! **Rank** is competition ranking («1224»): equal values share the best rank of their group,
//! and the next value's rank counts every kommune before it. Rank 1 is the best value by the
//! indicator's polarity (the highest where higher is better, the lowest where higher is worse)
//! and the highest value where the indicator has no direction. Ranks are taken over the exact
//! values computed from the counts, not over the rounded figures shown, and only over kommuner
//! with a usable cell, so `of` may be below 357.
//!
//! **Percentile** is `100 · (n − rank) / (n − 1)`: the share of the other ranked kommuner that
//! the kommune is at least as good as (100 for the best, 0 for the worst; 100 when it is alone).

use super::cells::{catalogue_index, kommune_values};
use crate::area::AreaCode;
use crate::codec::ContextBundle;
use crate::indicator::Polarity;
use serde::{Deserialize, Serialize};

/// A kommune's place among `of` kommuner. It travels as `(rank, of)`: the percentile follows.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "(u16, u16)", from = "(u16, u16)")]
pub struct Rank {
    pub rank: usize,
    pub of: usize,
    pub percentile: f64,
}

impl Rank {
    /// Never panics, so that a decoded rank may be built before it is checked
    /// ([`Rank::is_possible`]): a rank beyond `of` gets percentile 0.
    pub fn new(rank: usize, of: usize) -> Rank {
        let percentile = if of > 1 {
            100.0 * of.saturating_sub(rank) as f64 / (of - 1) as f64
        } else {
            100.0
        };
        Rank {
            rank,
            of,
            percentile,
        }
    }
}

/// A kommune's national rank and its rank within its fylke. A kommune's bundle carries them
/// for each indicator's latest period (`AreaBundle::ranks`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRank {
    pub national: Option<Rank>,
    pub fylke: Option<Rank>,
}

impl From<Rank> for (u16, u16) {
    fn from(r: Rank) -> (u16, u16) {
        // Ranks are among the kommuner: a few hundred.
        let small = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        (small(r.rank), small(r.of))
    }
}

impl From<(u16, u16)> for Rank {
    fn from((rank, of): (u16, u16)) -> Rank {
        Rank::new(usize::from(rank), usize::from(of))
    }
}

impl Rank {
    /// Whether the rank can be a place among `of`: from 1 to `of`.
    pub fn is_possible(&self) -> bool {
        (1..=self.of).contains(&self.rank)
    }
}

/// Competition ranks together with the values sorted in ascending order, from one sort: the
/// full pass needs both the ranks and the spread of each indicator and period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// The rank of each value, in the order of the values given.
    pub ranks: Vec<usize>,
    /// The values in ascending order.
    pub sorted: Vec<f64>,
    keys: Vec<u64>,
}

/// A key whose unsigned order is the order of finite doubles (the IEEE total order): integer
/// sorting is several times faster than sorting by a float comparison.
fn key(v: f64) -> u64 {
    let b = v.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

/// Ranks finite `values` (1 = best by `polarity`) into `out`, reusing its buffers.
pub fn rank_into(values: &[f64], polarity: Polarity, out: &mut Ranking) {
    let n = values.len();
    sort_positions(values, &mut out.keys);
    out.sorted.clear();
    out.sorted
        .extend(out.keys.iter().map(|&k| values[position(k, n)]));
    out.ranks.clear();
    out.ranks.resize(n, 0);
    let sorted = &out.sorted;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && sorted[j + 1] == sorted[i] {
            j += 1;
        }
        // `i` values lie strictly below the group and `n − 1 − j` strictly above it.
        let rank = match polarity {
            Polarity::HigherIsWorse => i + 1,
            Polarity::HigherIsBetter | Polarity::NoDirection => n - j,
        };
        for &k in &out.keys[i..=j] {
            out.ranks[position(k, n)] = rank;
        }
        i = j + 1;
    }
}

/// How many low bits of a packed key hold the position, for `n` values.
fn position_bits(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

fn position(packed: u64, n: usize) -> usize {
    (packed & ((1u64 << position_bits(n)) - 1)) as usize
}

/// Fills `keys` with the positions of `values` in ascending order of value.
///
/// Each key is the value's order key with its lowest bits replaced by the position, so a plain
/// integer sort (the fastest sort there is) orders the positions. Values that differ only in
/// those lowest bits (a relative difference below about 2⁻⁴³ for a few hundred kommuner) may
/// come out of order, always next to each other; a final insertion sort on the exact values,
/// linear on nearly sorted input, puts them right.
fn sort_positions(values: &[f64], keys: &mut Vec<u64>) {
    let n = values.len();
    let bits = position_bits(n);
    let mask = (1u64 << bits) - 1;
    keys.clear();
    keys.extend(
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| (key(v) & !mask) | i as u64),
    );
    keys.sort_unstable();
    for i in 1..n {
        let mut j = i;
        while j > 0 && values[position(keys[j - 1], n)] > values[position(keys[j], n)] {
            keys.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Competition ranks (1 = best by `polarity`) of finite values, in the order of `values`.
pub fn competition_ranks(values: &[f64], polarity: Polarity) -> Vec<usize> {
    let mut out = Ranking::default();
    rank_into(values, polarity, &mut out);
    out.ranks
}

/// Every ranked kommune's national rank for indicator `id` in period index `period`, in the
/// order of `ctx.kommuner`.
pub fn national_ranks(ctx: &ContextBundle, id: &str, period: usize) -> Vec<(AreaCode, Rank)> {
    let Some(ind) = catalogue_index(ctx, id) else {
        return Vec::new();
    };
    let values = kommune_values(ctx, ind, period);
    let plain: Vec<f64> = values.iter().map(|&(_, v)| v).collect();
    let ranks = competition_ranks(&plain, ctx.catalogue[ind].polarity);
    values
        .iter()
        .zip(ranks)
        .map(|(&(k, _), r)| (ctx.kommuner[k].0.clone(), Rank::new(r, plain.len())))
        .collect()
}

/// One kommune's rank nationally and within its fylke; `None` where the kommune has no value.
pub fn kommune_rank(ctx: &ContextBundle, id: &str, period: usize, code: &AreaCode) -> AreaRank {
    let none = AreaRank {
        national: None,
        fylke: None,
    };
    let Some(ind) = catalogue_index(ctx, id) else {
        return none;
    };
    let polarity = ctx.catalogue[ind].polarity;
    let values = kommune_values(ctx, ind, period);
    let Some(&(_, own)) = values.iter().find(|(k, _)| &ctx.kommuner[*k].0 == code) else {
        return none;
    };
    let fylke = code.fylke();
    let in_fylke: Vec<f64> = values
        .iter()
        .filter(|(k, _)| ctx.kommuner[*k].0.fylke() == fylke)
        .map(|&(_, v)| v)
        .collect();
    let rank_among = |vals: &[f64]| {
        let better = vals
            .iter()
            .filter(|&&v| match polarity {
                Polarity::HigherIsWorse => v < own,
                _ => v > own,
            })
            .count();
        Rank::new(better + 1, vals.len())
    };
    let all: Vec<f64> = values.iter().map(|&(_, v)| v).collect();
    AreaRank {
        national: Some(rank_among(&all)),
        fylke: Some(rank_among(&in_fylke)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn competition_ranking_1224() {
        let v = [5.0, 7.0, 7.0, 9.0];
        assert_eq!(
            competition_ranks(&v, Polarity::HigherIsBetter),
            [4, 2, 2, 1]
        );
        assert_eq!(competition_ranks(&v, Polarity::NoDirection), [4, 2, 2, 1]);
        assert_eq!(competition_ranks(&v, Polarity::HigherIsWorse), [1, 2, 2, 4]);
        assert!(competition_ranks(&[], Polarity::HigherIsWorse).is_empty());
    }

    #[test]
    fn sort_keys_keep_the_order_of_doubles() {
        let v = [-1e300, -2.5, -0.0, 0.0, 1e-300, 3.0, 7.5e10];
        for w in v.windows(2) {
            assert!(key(w[0]) < key(w[1]), "{w:?}");
        }
        // Minus zero and zero are equal values: they share a rank.
        assert_eq!(
            competition_ranks(&[0.0, -0.0, 1.0], Polarity::HigherIsWorse),
            [1, 1, 3]
        );
    }

    #[test]
    fn percentiles() {
        assert_eq!(Rank::new(1, 5).percentile, 100.0);
        assert_eq!(Rank::new(5, 5).percentile, 0.0);
        assert_eq!(Rank::new(2, 5).percentile, 75.0);
        assert_eq!(Rank::new(1, 1).percentile, 100.0);
    }

    #[test]
    fn a_kommune_ranks_nationally_and_in_its_fylke() {
        let ctx = crate::stats::synthetic::synthetic_context(5);
        for ind in ctx
            .catalogue
            .iter()
            .filter(|i| i.polarity != Polarity::NoDirection)
            .take(3)
        {
            let all = national_ranks(&ctx, &ind.id, 10);
            assert!(all.len() > 300);
            for (code, r) in all.iter().step_by(7) {
                let k = kommune_rank(&ctx, &ind.id, 10, code);
                assert_eq!(k.national, Some(*r));
                // Within the fylke: the same competition ranking over its kommuner only.
                let in_fylke: Vec<&(AreaCode, Rank)> = all
                    .iter()
                    .filter(|(c, _)| c.fylke() == code.fylke())
                    .collect();
                let better = in_fylke.iter().filter(|(_, x)| x.rank < r.rank).count();
                assert_eq!(k.fylke, Some(Rank::new(better + 1, in_fylke.len())));
            }
        }
        let oslo = AreaCode::parse("0301").unwrap();
        let r = kommune_rank(&ctx, &ctx.catalogue[0].id, 10, &oslo);
        assert_eq!(r.fylke, Some(Rank::new(1, 1)));
        let nowhere = AreaCode::parse("9999").unwrap();
        assert_eq!(
            kommune_rank(&ctx, &ctx.catalogue[0].id, 10, &nowhere).national,
            None
        );
        assert!(national_ranks(&ctx, "no_such_indicator", 0).is_empty());
    }

    /// Rank as the definition says: one more than the number of strictly better values.
    fn naive(values: &[f64], p: Polarity) -> Vec<usize> {
        values
            .iter()
            .map(|&v| {
                let better = values.iter().filter(|&&x| match p {
                    Polarity::HigherIsWorse => x < v,
                    _ => x > v,
                });
                better.count() + 1
            })
            .collect()
    }

    fn polarity(i: u8) -> Polarity {
        [
            Polarity::HigherIsBetter,
            Polarity::HigherIsWorse,
            Polarity::NoDirection,
        ][i as usize % 3]
    }

    proptest! {
        #[test]
        fn ranks_are_consistent_with_ties(values in proptest::collection::vec(0u8..20, 0..300),
                                          p in 0u8..3) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let mut ranks = competition_ranks(&values, polarity(p));
            ranks.sort_unstable();
            // Each rank r appears k times and the next rank is r + k.
            let mut i = 0;
            while i < ranks.len() {
                let r = ranks[i];
                let k = ranks[i..].iter().take_while(|&&x| x == r).count();
                prop_assert_eq!(r, i + 1);
                i += k;
            }
        }

        #[test]
        fn ranks_follow_the_definition_even_for_nearly_equal_values(
            base in proptest::collection::vec(-1e6f64..1e6, 1..200),
            nudges in proptest::collection::vec(0u64..600, 200),
            p in 0u8..3,
        ) {
            // Values a few hundred units in the last place apart: the packed sort keys cannot
            // tell them apart, the exact pass after the sort must.
            let values: Vec<f64> = base
                .iter()
                .zip(&nudges)
                .map(|(&b, &k)| {
                    let b = if k % 3 == 0 { base[0] } else { b };
                    f64::from_bits(b.to_bits().wrapping_add(k % 512))
                })
                .collect();
            let mut r = Ranking::default();
            rank_into(&values, polarity(p), &mut r);
            prop_assert_eq!(&r.ranks, &naive(&values, polarity(p)));
            prop_assert!(r.sorted.windows(2).all(|w| w[0] <= w[1]));
        }

        #[test]
        fn without_ties_ranks_are_a_permutation(values in proptest::collection::hash_set(-100_000i32..100_000, 0..300),
                                                p in 0u8..3) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let ranks = competition_ranks(&values, polarity(p));
            let mut sorted = ranks.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (1..=values.len()).collect::<Vec<_>>());
            // Rank 1 is the best value.
            if let Some(best) = ranks.iter().position(|&r| r == 1) {
                let want = match polarity(p) {
                    Polarity::HigherIsWorse => values.iter().copied().fold(f64::INFINITY, f64::min),
                    _ => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                };
                prop_assert_eq!(values[best], want);
            }
        }
    }
}
