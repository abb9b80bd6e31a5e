//! The model's parameters as read from `data/model.toml`: one table per indicator, checked on
//! load so that the model itself never meets a nonsensical number.

use super::covariates::Covariate;
use super::ModelError;
use oppvekst_core::indicator::Unit;
use oppvekst_core::suppress::Rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Every indicator's parameters, with the seed the published demo values were made with.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelParams {
    /// The seed of the published bundles; the CLI may override it.
    pub seed: u64,
    /// By indicator id.
    pub indicator: BTreeMap<String, IndicatorModel>,
}

/// The unit the levels are given in; must match the catalogue's unit of the indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelUnit {
    /// A share of persons in percent: logit scale, binomial counts.
    Percent,
    /// Events per 1000 persons: log scale, Poisson counts.
    Per1000,
}

impl ModelUnit {
    pub fn unit(self) -> Unit {
        match self {
            ModelUnit::Percent => Unit::Percent,
            ModelUnit::Per1000 => Unit::Per1000,
        }
    }

    /// From a level in this unit to a probability (share) or a rate per person.
    pub fn to_proportion(self, level: f64) -> f64 {
        level / self.unit().scale()
    }
}

/// How the national level moves between the two anchors (and beyond them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trajectory {
    /// A straight line in the unit itself.
    Straight,
    /// A straight line on the link scale: logistic for shares, exponential for rates.
    Logistic,
}

/// The national level in one year, in the indicator's unit: `[2017, 5.7]`.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Anchor(pub u16, pub f64);

/// Who is counted in the denominator, from SSB's single-year ages on 1 January.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Denominator {
    /// First and last age, both included (0–24 available).
    pub ages: [u8; 2],
    /// The part of those ages that is counted: one school grade's participation in a survey,
    /// a response rate. 1 when absent.
    #[serde(default = "one")]
    pub share: f64,
    /// When set, the denominator counts units, not persons: one per this many persons, at
    /// least one where anyone lives (kindergartens: one per 60 children 1–5).
    #[serde(default)]
    pub per: Option<f64>,
}

fn one() -> f64 {
    1.0
}

/// One indicator's model. Effects are on the link scale (logit for shares, log for rates).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorModel {
    pub unit: ModelUnit,
    /// The national level at the first anchor year.
    pub from: Anchor,
    /// The national level at the last anchor year.
    pub to: Anchor,
    pub trajectory: Trajectory,
    /// Added on the link scale in 2020, 2021 and 2022 (the pandemic years); missing years are 0.
    #[serde(default)]
    pub pandemic: Vec<f64>,
    /// SD of the persistent fylke effect.
    pub sd_fylke: f64,
    /// SD of the persistent kommune effect within its fylke.
    pub sd_kommune: f64,
    /// SD of the persistent bydel effect within its kommune.
    #[serde(default)]
    pub sd_bydel: f64,
    /// SD of the year-to-year effect of every area, beyond the counting noise.
    #[serde(default)]
    pub sd_year: f64,
    pub denominator: Denominator,
    /// Surveys held in one year of every this many (Ungdata: 3); the year depends on the
    /// kommune, and bydeler answer with their kommune.
    #[serde(default)]
    pub survey_every: Option<u8>,
    /// FHI's rules where they differ from the defaults.
    #[serde(default)]
    pub suppress: Rules,
    /// Where the levels come from, for people; the model does not read it.
    #[serde(default)]
    pub source: String,
    /// What real facts about an area move its value, and how far (`model::covariates`).
    #[serde(default)]
    pub covariates: BTreeMap<Covariate, Effect>,
    /// Per dimension id (`data/dimensions.toml`), how much more often its first category has the
    /// outcome than the others, where the demo should show a known difference in place of a
    /// random one (`model::breakdown`).
    #[serde(default)]
    pub ratios: BTreeMap<String, Ratio>,
    /// Yearly national levels (proportions) from published figures, which the trajectory follows
    /// where they exist (`model::published`); set by the pipeline, not by model.toml.
    #[serde(skip)]
    pub published: std::collections::BTreeMap<u16, f64>,
}

/// A covariate's effect on the link scale per unit of the covariate, with the reason for its
/// sign and strength: the reason is the point, since these effects are chosen, not estimated.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub effect: f64,
    pub why: String,
}

/// A covariate moves an area at most this far on the link scale per unit.
const MAX_EFFECT: f64 = 2.0;

/// The first category's rate over each other category's, with the reason: chosen from published
/// differences, not estimated.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    pub ratio: f64,
    pub why: String,
}

/// A breakdown ratio stays within this factor either way.
const MAX_RATIO: f64 = 10.0;

pub(crate) const PANDEMIC_FIRST_YEAR: u16 = 2020;

impl IndicatorModel {
    /// The pandemic shift of a year on the link scale.
    pub fn pandemic_shift(&self, year: u16) -> f64 {
        year.checked_sub(PANDEMIC_FIRST_YEAR)
            .and_then(|i| self.pandemic.get(i as usize))
            .copied()
            .unwrap_or(0.0)
    }

    fn check(&self) -> Result<(), String> {
        let max_level = self.unit.unit().scale();
        for Anchor(year, level) in [self.from, self.to] {
            if !(level.is_finite() && level > 0.0 && level < max_level) {
                return Err(format!(
                    "level {level} in {year} is outside (0, {max_level})"
                ));
            }
        }
        if self.from.0 >= self.to.0 {
            return Err("`from` must be an earlier year than `to`".into());
        }
        if self.pandemic.len() > 3
            || self
                .pandemic
                .iter()
                .any(|x| !x.is_finite() || x.abs() > 2.0)
        {
            return Err("`pandemic` holds at most 3 shifts (2020–2022), each within ±2".into());
        }
        for (name, sd) in [
            ("sd_fylke", self.sd_fylke),
            ("sd_kommune", self.sd_kommune),
            ("sd_bydel", self.sd_bydel),
            ("sd_year", self.sd_year),
        ] {
            if !(sd.is_finite() && (0.0..=3.0).contains(&sd)) {
                return Err(format!("{name} = {sd} is not within 0–3"));
            }
        }
        let d = &self.denominator;
        if d.ages[0] > d.ages[1] || d.ages[1] > 24 {
            return Err(format!("ages {:?} are not a range within 0–24", d.ages));
        }
        if !(d.share.is_finite() && d.share > 0.0 && d.share <= 1.0) {
            return Err(format!("share {} is not within (0, 1]", d.share));
        }
        if let Some(per) = d.per {
            if !(per.is_finite() && per >= 1.0) {
                return Err(format!("per {per} is not at least 1"));
            }
            if d.share != 1.0 {
                return Err("give `share` or `per`, not both".into());
            }
        }
        for (c, e) in &self.covariates {
            if !(e.effect.is_finite() && e.effect.abs() <= MAX_EFFECT) {
                return Err(format!(
                    "covariate {c:?}: effect {} is not within ±{MAX_EFFECT}",
                    e.effect
                ));
            }
            if e.why.trim().is_empty() {
                return Err(format!("covariate {c:?}: say why (`why`)"));
            }
        }
        for (d, r) in &self.ratios {
            if !(r.ratio.is_finite() && (1.0 / MAX_RATIO..=MAX_RATIO).contains(&r.ratio)) {
                return Err(format!(
                    "ratio {d}: {} is not within 1/{MAX_RATIO}–{MAX_RATIO}",
                    r.ratio
                ));
            }
            if r.why.trim().is_empty() {
                return Err(format!("ratio {d}: say why (`why`)"));
            }
        }
        if matches!(self.survey_every, Some(n) if !(1..=6).contains(&n)) {
            return Err("survey_every must be 1–6".into());
        }
        let s = self.suppress.series_max_small_share;
        if !(s.is_finite() && (0.0..=1.0).contains(&s)) {
            return Err(format!("series_max_small_share {s} is not within 0–1"));
        }
        Ok(())
    }
}

impl ModelParams {
    /// Parses and checks the text of `data/model.toml`.
    pub fn parse(text: &str) -> Result<ModelParams, ModelError> {
        let params: ModelParams =
            toml::from_str(text).map_err(|e| ModelError::Toml(e.to_string()))?;
        for (id, m) in &params.indicator {
            m.check().map_err(|msg| ModelError::Invalid {
                id: id.clone(),
                msg,
            })?;
        }
        Ok(params)
    }

    pub fn load(path: &Path) -> Result<ModelParams, ModelError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ModelError::Io(format!("{}: {e}", path.display())))?;
        Self::parse(&text)
    }

    pub fn get(&self, id: &str) -> Option<&IndicatorModel> {
        self.indicator.get(id)
    }

    /// The suppression rules of an indicator: its overrides, or the defaults.
    pub fn rules(&self, id: &str) -> Rules {
        self.get(id).map(|m| m.suppress).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
seed = 1
[indicator.x]
unit = "percent"
from = [2015, 10.0]
to = [2024, 12.5]
trajectory = "logistic"
sd_fylke = 0.1
sd_kommune = 0.2
denominator = { ages = [6, 15], share = 0.1 }
suppress = { min_den = 20 }
"#;

    #[test]
    fn reads_a_table_with_defaults() {
        let p = ModelParams::parse(GOOD).unwrap();
        let m = p.get("x").unwrap();
        assert_eq!(m.from, Anchor(2015, 10.0));
        assert_eq!(m.sd_bydel, 0.0);
        assert_eq!(m.denominator.per, None);
        assert_eq!(m.pandemic_shift(2021), 0.0);
        assert_eq!(p.rules("x").min_den, 20);
        assert_eq!(p.rules("x").min_num, Rules::default().min_num);
        assert_eq!(p.rules("unknown"), Rules::default());
    }

    #[test]
    fn covariates_are_named_with_a_reason() {
        let text = GOOD.replace(
            "suppress =",
            "covariates = { innvandrere = { effect = 0.5, why = \"the same families\" } }\nsuppress =",
        );
        let m = ModelParams::parse(&text).unwrap().indicator["x"].clone();
        assert_eq!(m.covariates[&Covariate::Innvandrere].effect, 0.5);
        let unknown = GOOD.replace(
            "suppress =",
            "covariates = { hoyde = { effect = 0.5, why = \"x\" } }\nsuppress =",
        );
        assert!(matches!(
            ModelParams::parse(&unknown),
            Err(ModelError::Toml(_))
        ));
        let ratio = GOOD.replace(
            "suppress =",
            "ratios = { innvandring = { ratio = 4.0, why = \"SSB\" } }\nsuppress =",
        );
        let m = ModelParams::parse(&ratio).unwrap().indicator["x"].clone();
        assert_eq!(m.ratios["innvandring"].ratio, 4.0);
    }

    #[test]
    fn pandemic_shifts_by_year() {
        let text = GOOD.replace("sd_fylke", "pandemic = [0.1, 0.2]\nsd_fylke");
        let m = ModelParams::parse(&text).unwrap().indicator["x"].clone();
        assert_eq!(m.pandemic_shift(2019), 0.0);
        assert_eq!(m.pandemic_shift(2020), 0.1);
        assert_eq!(m.pandemic_shift(2021), 0.2);
        assert_eq!(m.pandemic_shift(2022), 0.0);
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert!(matches!(
            ModelParams::parse("seed = "),
            Err(ModelError::Toml(_))
        ));
        assert!(matches!(
            ModelParams::parse(&GOOD.replace("sd_kommune", "sd_komune")),
            Err(ModelError::Toml(_))
        ));
        for (from, to) in [
            ("12.5]", "120.0]"),
            ("[2024, 12.5]", "[2014, 12.5]"),
            ("sd_kommune = 0.2", "sd_kommune = -0.2"),
            ("ages = [6, 15]", "ages = [15, 6]"),
            ("ages = [6, 15]", "ages = [6, 25]"),
            ("share = 0.1", "share = 1.5"),
            ("share = 0.1", "share = 0.1, per = 60"),
            ("min_den = 20", "series_max_small_share = 2.0"),
            (
                "suppress =",
                "covariates = { tetthet = { effect = 3.0, why = \"x\" } }\nsuppress =",
            ),
            (
                "suppress =",
                "covariates = { tetthet = { effect = 0.3, why = \" \" } }\nsuppress =",
            ),
            (
                "suppress =",
                "ratios = { kjonn = { ratio = 0.0, why = \"x\" } }\nsuppress =",
            ),
            (
                "suppress =",
                "ratios = { kjonn = { ratio = 2.0, why = \"\" } }\nsuppress =",
            ),
        ] {
            let text = GOOD.replace(from, to);
            assert_ne!(text, GOOD, "{from}");
            assert!(
                matches!(ModelParams::parse(&text), Err(ModelError::Invalid { ref id, .. }) if id == "x"),
                "{to}"
            );
        }
    }
}
