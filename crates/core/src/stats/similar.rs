//! Similar kommuner: the nearest neighbours of a kommune in a few structural variables, so that
//! a kommune can be set beside others in the same situation rather than only beside landet.
//!
//! **Variables** ([`Feature`]), each from the latest period of its indicator in the context's
//! kommune series: the log of the total population (the denominator of `barn_0_17`; the log
//! because a kommune of 2 000 is more like one of 4 000 than 400 000 is like 402 000), the share
//! of children 0–17 (`barn_0_17`), the share of children 0–5 (`barn_0_5`), the 10-year change
//! in the number of children (`endring_barn_0_17`) and the share of immigrant children
//! (`innvandrere_0_17`).
//!
//! **Distance.** Each variable is standardised to a z-score over all kommuner that have every
//! variable (mean 0, standard deviation 1, the population standard deviation), so that no
//! variable weighs more for its unit; the distance is Euclidean over the five z-scores. The `k`
//! nearest (default [`DEFAULT_K`]) are the neighbours, ties broken by kommune code.
//!
//! **Left out.** A kommune whose latest cell of any variable has no counts (suppressed,
//! missing) is left out of the standardisation and is neither given nor shown as a neighbour:
//! imputing a value would make it look similar on a variable we know nothing about.
//!
//! **Reasons.** Each neighbour carries the two variables where it is closest to the kommune
//! (smallest difference in z-score), for a line such as «lik i folketall og andel barn».

use super::cells::catalogue_index;
use crate::area::AreaCode;
use crate::codec::ContextBundle;
use crate::lang::{Lang, Text};

/// How many neighbours unless asked otherwise.
pub const DEFAULT_K: usize = 10;

/// A structural variable of the neighbour search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// The log of the total population.
    Population,
    /// The share of children 0–17.
    ChildShare,
    /// The share of children 0–5.
    YoungChildShare,
    /// The 10-year change in the number of children 0–17.
    ChildChange,
    /// The share of immigrant children 0–17.
    ImmigrantShare,
}

impl Feature {
    pub const ALL: [Feature; 5] = [
        Feature::Population,
        Feature::ChildShare,
        Feature::YoungChildShare,
        Feature::ChildChange,
        Feature::ImmigrantShare,
    ];

    /// The indicator the variable is read from.
    pub fn indicator_id(self) -> &'static str {
        match self {
            Feature::Population | Feature::ChildShare => "barn_0_17",
            Feature::YoungChildShare => "barn_0_5",
            Feature::ChildChange => "endring_barn_0_17",
            Feature::ImmigrantShare => "innvandrere_0_17",
        }
    }

    /// The variable as it reads after «lik i»: «folketall», «andel barn».
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Feature::Population, Lang::Nb) => "folketall",
            (Feature::Population, Lang::Nn) => "folketal",
            (Feature::Population, Lang::En) => "population",
            (Feature::ChildShare, Lang::Nb) => "andel barn",
            (Feature::ChildShare, Lang::Nn) => "del barn",
            (Feature::ChildShare, Lang::En) => "share of children",
            (Feature::YoungChildShare, Lang::Nb) => "andel barn 0–5 år",
            (Feature::YoungChildShare, Lang::Nn) => "del barn 0–5 år",
            (Feature::YoungChildShare, Lang::En) => "share of children aged 0–5",
            (Feature::ChildChange, Lang::Nb) => "endring i antall barn",
            (Feature::ChildChange, Lang::Nn) => "endring i talet på barn",
            (Feature::ChildChange, Lang::En) => "change in the number of children",
            (Feature::ImmigrantShare, Lang::Nb) => "andel innvandrerbarn",
            (Feature::ImmigrantShare, Lang::Nn) => "del innvandrarbarn",
            (Feature::ImmigrantShare, Lang::En) => "share of immigrant children",
        }
    }
}

/// «lik i folketall og andel barn» / «lik i folketal og del barn» / «similar in population and
/// share of children»; empty for no reasons.
pub fn reasons_text(reasons: &[Feature], lang: Lang) -> String {
    let labels: Vec<&str> = reasons.iter().map(|f| f.label(lang)).collect();
    let (lead, and) = match lang {
        Lang::Nb | Lang::Nn => ("lik i", "og"),
        Lang::En => ("similar in", "and"),
    };
    match labels.as_slice() {
        [] => String::new(),
        [one] => format!("{lead} {one}"),
        [init @ .., last] => format!("{lead} {} {and} {last}", init.join(", ")),
    }
}

/// One similar kommune.
#[derive(Clone, Debug, PartialEq)]
pub struct Neighbour {
    pub code: AreaCode,
    /// Euclidean distance over the standardised variables.
    pub distance: f64,
    /// The two variables where it is closest, the closest first.
    pub reasons: [Feature; 2],
}

impl Neighbour {
    /// The reasons in all three languages: «lik i folketall og andel barn».
    pub fn reasons_text(&self) -> Text {
        Text {
            nb: reasons_text(&self.reasons, Lang::Nb),
            nn: reasons_text(&self.reasons, Lang::Nn),
            en: reasons_text(&self.reasons, Lang::En),
        }
    }
}

/// The standardised variables of every kommune that has all of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Profiles {
    pub codes: Vec<AreaCode>,
    pub z: Vec<[f64; 5]>,
}

/// The raw variables of one kommune from its series, in the order of [`Feature::ALL`].
fn raw_features(ctx: &ContextBundle, series: &crate::codec::SeriesSet) -> Option<[f64; 5]> {
    let mut out = [0.0; 5];
    for (slot, f) in out.iter_mut().zip(Feature::ALL) {
        let id = f.indicator_id();
        let idx = catalogue_index(ctx, id)?;
        let ind = &ctx.catalogue[idx];
        let cell = series.get(idx)?.last()?;
        *slot = match f {
            Feature::Population => {
                (cell.is_ok() && cell.den > 0).then(|| (cell.den as f64).ln())?
            }
            _ => cell.value(ind.unit)?,
        };
        if !slot.is_finite() {
            return None;
        }
    }
    Some(out)
}

/// Standardises the variables of every kommune that has all of them.
pub fn profiles(ctx: &ContextBundle) -> Profiles {
    let mut codes = Vec::new();
    let mut raw = Vec::new();
    for (code, series) in &ctx.kommuner {
        if let Some(x) = raw_features(ctx, series) {
            codes.push(code.clone());
            raw.push(x);
        }
    }
    let n = raw.len() as f64;
    let mut z = raw.clone();
    for j in 0..5 {
        let mean = raw.iter().map(|x| x[j]).sum::<f64>() / n;
        let var = raw.iter().map(|x| (x[j] - mean).powi(2)).sum::<f64>() / n;
        let sd = var.sqrt();
        for row in z.iter_mut() {
            // A variable that does not vary cannot tell kommuner apart: it counts for nothing.
            row[j] = if sd > 0.0 { (row[j] - mean) / sd } else { 0.0 };
        }
    }
    Profiles { codes, z }
}

impl Profiles {
    /// The `k` kommuner nearest to `code`, nearest first; empty when `code` has no profile.
    pub fn neighbours(&self, code: &AreaCode, k: usize) -> Vec<Neighbour> {
        let Some(me) = self.codes.iter().position(|c| c == code) else {
            return Vec::new();
        };
        let own = self.z[me];
        let mut all: Vec<(f64, usize)> = self
            .z
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != me)
            .map(|(i, row)| {
                let d2: f64 = row.iter().zip(&own).map(|(a, b)| (a - b).powi(2)).sum();
                (d2.sqrt(), i)
            })
            .collect();
        crate::order::sort_by(&mut all, |a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| self.codes[a.1].cmp(&self.codes[b.1]))
        });
        all.truncate(k);
        all.into_iter()
            .map(|(distance, i)| {
                let mut by_gap: Vec<(f64, Feature)> = Feature::ALL
                    .iter()
                    .enumerate()
                    .map(|(j, &f)| ((self.z[i][j] - own[j]).abs(), f))
                    .collect();
                // A stable sort keeps the order of Feature::ALL among equal gaps.
                crate::order::sort_by(&mut by_gap, |a, b| a.0.total_cmp(&b.0));
                Neighbour {
                    code: self.codes[i].clone(),
                    distance,
                    reasons: [by_gap[0].1, by_gap[1].1],
                }
            })
            .collect()
    }
}

/// The `k` kommuner most similar to `code` (see the module's doc for the method).
pub fn similar_kommuner(ctx: &ContextBundle, code: &AreaCode, k: usize) -> Vec<Neighbour> {
    profiles(ctx).neighbours(code, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Cell, Flag};
    use crate::stats::synthetic::synthetic_context;

    #[test]
    fn reasons_read_in_three_languages() {
        let r = [Feature::Population, Feature::ChildShare];
        assert_eq!(reasons_text(&r, Lang::Nb), "lik i folketall og andel barn");
        assert_eq!(reasons_text(&r, Lang::Nn), "lik i folketal og del barn");
        assert_eq!(
            reasons_text(&r, Lang::En),
            "similar in population and share of children"
        );
        assert_eq!(
            reasons_text(&[Feature::ImmigrantShare], Lang::Nb),
            "lik i andel innvandrerbarn"
        );
        assert_eq!(reasons_text(&[], Lang::En), "");
    }

    #[test]
    fn standardised_variables_have_mean_0_and_sd_1() {
        let ctx = synthetic_context(7);
        let p = profiles(&ctx);
        assert!(p.codes.len() > 300);
        for j in 0..5 {
            let n = p.z.len() as f64;
            let mean = p.z.iter().map(|r| r[j]).sum::<f64>() / n;
            let var = p.z.iter().map(|r| (r[j] - mean).powi(2)).sum::<f64>() / n;
            assert!(mean.abs() < 1e-9 && (var - 1.0).abs() < 1e-9, "feature {j}");
        }
    }

    #[test]
    fn neighbours_are_the_nearest_and_deterministic() {
        let ctx = synthetic_context(7);
        let p = profiles(&ctx);
        let code = p.codes[40].clone();
        let n = p.neighbours(&code, DEFAULT_K);
        assert_eq!(n.len(), DEFAULT_K);
        assert!(n.iter().all(|x| x.code != code));
        assert!(n.windows(2).all(|w| w[0].distance <= w[1].distance));
        // No kommune outside the list is nearer than the last one in it.
        let own = p.z[40];
        let last = n[DEFAULT_K - 1].distance;
        let nearer =
            p.z.iter()
                .filter(|row| {
                    let d: f64 = row.iter().zip(&own).map(|(a, b)| (a - b).powi(2)).sum();
                    d.sqrt() < last
                })
                .count();
        assert_eq!(nearer, DEFAULT_K); // the kommune itself and the nine before the last
        assert_eq!(similar_kommuner(&ctx, &code, DEFAULT_K), n);
        for x in &n {
            assert_ne!(x.reasons[0], x.reasons[1]);
            assert!(x.reasons_text().nn.starts_with("lik i "));
            // The reasons are the two smallest gaps in z-score.
            let i = p.codes.iter().position(|c| c == &x.code).unwrap();
            let gap = |f: Feature| {
                let j = Feature::ALL.iter().position(|&g| g == f).unwrap();
                (p.z[i][j] - own[j]).abs()
            };
            let second = gap(x.reasons[1]);
            assert!(gap(x.reasons[0]) <= second);
            let smaller = Feature::ALL.iter().filter(|&&f| gap(f) < second).count();
            assert!(smaller <= 1);
        }
    }

    #[test]
    fn ties_are_broken_by_code() {
        let mut ctx = synthetic_context(7);
        // Give two kommuner the very same series: they tie with any third kommune.
        let twin = ctx.kommuner[10].1.clone();
        ctx.kommuner[11].1 = twin.clone();
        ctx.kommuner[12].1 = twin;
        let me = ctx.kommuner[10].0.clone();
        let n = similar_kommuner(&ctx, &me, 2);
        assert_eq!(n[0].distance, 0.0);
        assert_eq!(n[1].distance, 0.0);
        assert!(n[0].code < n[1].code);
    }

    #[test]
    fn kommuner_lacking_a_variable_are_skipped() {
        let mut ctx = synthetic_context(7);
        let victim = ctx.kommuner[3].0.clone();
        let index = catalogue_index(&ctx, "innvandrere_0_17").unwrap();
        let cells = ctx.kommuner[3].1.get_mut(index).unwrap();
        *cells.last_mut().unwrap() = Cell::flagged(Flag::Suppressed);
        let p = profiles(&ctx);
        assert!(!p.codes.contains(&victim));
        assert!(similar_kommuner(&ctx, &victim, 5).is_empty());
        let other = ctx.kommuner[4].0.clone();
        assert!(similar_kommuner(&ctx, &other, 400)
            .iter()
            .all(|n| n.code != victim));
    }
}
