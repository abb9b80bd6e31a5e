//! Tests of the demo model on the invented country of `fake.rs`, with the shipped parameters.

use super::fake::{indicator, rolling3, years, FakeCountry};
use super::*;
use oppvekst_core::indicator::Period;

const SHIPPED: &str = include_str!("../../../../data/model.toml");

/// The indicators the brief lists as modelled.
const MODELLED: [&str; 28] = [
    "innvandrere_0_17",
    "lavinntekt_vedvarende",
    "trangbodd",
    "enslige_forsorgere",
    "neet_16_25",
    "barnevern_tiltak",
    "barnehage_dekning",
    "barnehage_minoritet",
    "pedagognorm",
    "trivsel_7",
    "trivsel_10",
    "mobbing_7",
    "mobbing_10",
    "lesing_5",
    "regning_5",
    "gjennomforing_vgs",
    "fornoyd_lokalmiljo",
    "trygg_nabolag",
    "organisasjon",
    "fysisk_inaktiv",
    "skjermtid",
    "psykiske_plager",
    "ensomhet",
    "fornoyd_helse",
    "overvekt",
    "mmr_vaksine",
    "psykiske_primaer",
    "kariesfri_12",
];

fn shipped() -> ModelParams {
    ModelParams::parse(SHIPPED).expect("data/model.toml parses")
}

fn pooled() -> Vec<Period> {
    [(2012, 2014), (2015, 2017), (2018, 2020), (2021, 2023)]
        .map(|(first, last)| Period { first, last })
        .to_vec()
}

/// An indicator for a shipped id with periods of a kind that fits it.
fn shipped_indicator(params: &ModelParams, id: &str) -> Indicator {
    let m = params.get(id).expect("listed ids are in model.toml");
    let periods = if m.survey_every.is_some() {
        pooled()
    } else if id.starts_with("mobbing") || id == "lavinntekt_vedvarende" {
        rolling3(2012, 2024)
    } else {
        years(2010, 2024)
    };
    indicator(id, m.unit.unit(), periods)
}

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

fn value(c: &Cell) -> Option<f64> {
    c.is_ok().then(|| c.num as f64 / c.den as f64)
}

#[test]
fn shipped_parameters_cover_every_modelled_indicator() {
    let params = shipped();
    for id in MODELLED {
        assert!(
            params.get(id).is_some(),
            "{id} is missing from data/model.toml"
        );
    }
    assert_eq!(params.indicator.len(), MODELLED.len());
    assert_eq!(
        params.get("psykiske_primaer").unwrap().unit,
        ModelUnit::Per1000
    );
    assert_eq!(params.rules("pedagognorm").min_den, 0);
    assert_eq!(params.rules("mobbing_7"), Default::default());
}

#[test]
fn same_seed_same_cells_other_seed_other_cells() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let ind = shipped_indicator(&params, "trangbodd");
    let a = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 7).unwrap();
    let b = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 7).unwrap();
    let c = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 8).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Every area of the registry is there, lined up with the periods.
    assert_eq!(a.len(), fake.reg.areas().len());
    assert!(a.values().all(|v| v.len() == ind.periods.len()));
}

#[test]
fn adding_an_indicator_changes_no_other() {
    let (fake, all) = (FakeCountry::new(), shipped());
    let mut alone = all.clone();
    alone.indicator.retain(|id, _| id == "mobbing_7");
    let ind = shipped_indicator(&all, "mobbing_7");
    assert_eq!(
        model_indicator(&ind, &all, &fake.reg, &fake, &Covariates::none(), 3).unwrap(),
        model_indicator(&ind, &alone, &fake.reg, &fake, &Covariates::none(), 3).unwrap()
    );
}

fn correlation(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let vy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

#[test]
fn other_ids_get_independent_area_effects() {
    let fake = FakeCountry::new();
    let mut params = shipped();
    // The same parameters under two ids, with strong kommune effects and no fylke effect,
    // so that the kommune values mostly show the effects.
    let mut m = params.get("innvandrere_0_17").unwrap().clone();
    m.sd_fylke = 0.0;
    m.sd_kommune = 1.0;
    params.indicator.insert("a".into(), m.clone());
    params.indicator.insert("b".into(), m);
    let run = |id: &str| {
        let ind = indicator(id, Unit::Percent, years(2020, 2024));
        model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 11).unwrap()
    };
    let (a, b, a_again) = (run("a"), run("b"), run("a"));
    let big: Vec<AreaCode> = fake
        .kommune_sizes()
        .into_iter()
        .filter(|(_, s)| *s >= 2_500)
        .map(|(c, _)| c)
        .collect();
    let logit = |map: &BTreeMap<AreaCode, Vec<Cell>>| -> Vec<f64> {
        big.iter()
            .map(|c| {
                let (n, d) = map[c]
                    .iter()
                    .fold((0.0, 0.0), |(n, d), x| (n + x.num as f64, d + x.den as f64));
                ((n + 0.5) / (d - n + 0.5)).ln()
            })
            .collect()
    };
    let r = correlation(&logit(&a), &logit(&b));
    eprintln!(
        "correlation of kommune values between two ids: {r:.3} over {} kommuner",
        big.len()
    );
    assert!(r.abs() < 0.35, "{r}");
    assert!(correlation(&logit(&a), &logit(&a_again)) > 0.999);
}

#[test]
fn totals_are_sums_and_counts_stay_within_denominators() {
    let (fake, params) = (FakeCountry::new(), shipped());
    for id in MODELLED {
        let ind = shipped_indicator(&params, id);
        let cells =
            model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 5).unwrap();
        for parent in fake.reg.at_level(Level::Fylke).chain([fake.reg.landet()]) {
            for (t, p) in cells[&parent.code].iter().enumerate() {
                let (mut num, mut den) = (0u32, 0u32);
                for k in fake.reg.areas().iter().filter(|a| {
                    a.level() == Level::Kommune
                        && (parent.level() == Level::Landet
                            || a.code.fylke() == Some(parent.code.clone()))
                }) {
                    let c = cells[&k.code][t];
                    num += c.num;
                    den += c.den;
                }
                assert_eq!((p.num, p.den), (num, den), "{id} {} {t}", parent.code);
            }
        }
        for (c, v) in &cells {
            for cell in v {
                assert!(cell.num <= cell.den, "{id} {c}: {cell:?}");
                if let Some(p) = value(cell) {
                    assert!((0.0..=1.0).contains(&p), "{id} {c}: {p}");
                }
            }
        }
        // Landet always has a value.
        assert!(cells[&AreaCode::landet()].iter().all(Cell::is_ok), "{id}");
    }
}

#[test]
fn bydeler_and_the_rest_add_up_to_their_kommune() {
    let (fake, params) = (FakeCountry::new(), shipped());
    for id in [
        "psykiske_plager",
        "mobbing_7",
        "psykiske_primaer",
        "pedagognorm",
    ] {
        let ind = shipped_indicator(&params, id);
        let out = model_parts(&ind, &params, &fake.reg, &fake, &Covariates::none(), 9).unwrap();
        for city in ["0301", "1103"] {
            let k = code(city);
            let rest = &out.rests[&k];
            for (t, r) in rest.iter().enumerate() {
                let (mut num, mut den) = (r.num, r.den);
                for b in fake.reg.children(&k) {
                    num += out.cells[&b.code][t].num;
                    den += out.cells[&b.code][t].den;
                }
                assert_eq!(
                    (num, den),
                    (out.cells[&k][t].num, out.cells[&k][t].den),
                    "{id} {city}"
                );
                // The fake bydeler hold 90 %: the rest is a real part of the city.
                assert!(r.den > 0 && r.den < out.cells[&k][t].den / 5, "{id} {city}");
            }
        }
    }
}

#[test]
fn mobbing_7_hits_the_published_national_levels() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let ind = indicator("mobbing_7", Unit::Percent, rolling3(2018, 2024));
    let landet = &model_indicator(
        &ind,
        &params,
        &fake.reg,
        &fake,
        &Covariates::none(),
        params.seed,
    )
    .unwrap()[&AreaCode::landet()];
    let first = 100.0 * value(&landet[0]).unwrap();
    let last = 100.0 * value(landet.last().unwrap()).unwrap();
    eprintln!("mobbing_7 landet: {first:.2} % (2016–2018), {last:.2} % (2022–2024)");
    assert!((first - 5.7).abs() <= 0.5, "{first}");
    assert!((last - 9.6).abs() <= 0.5, "{last}");
}

#[test]
fn national_levels_follow_every_trajectory() {
    let (fake, params) = (FakeCountry::new(), shipped());
    for id in MODELLED {
        let m = params.get(id).unwrap();
        let ind = indicator(
            id,
            m.unit.unit(),
            vec![Period::year(m.from.0), Period::year(m.to.0)],
        );
        let cells =
            model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 1).unwrap();
        for (cell, Anchor(year, level)) in cells[&AreaCode::landet()].iter().zip([m.from, m.to]) {
            let want = m.unit.to_proportion(level);
            let got = value(cell).unwrap();
            // Counting noise only: four binomial standard errors (Poisson for rates).
            let se = (want * (1.0 - want.min(1.0)) / cell.den as f64)
                .sqrt()
                .max((want / cell.den as f64).sqrt());
            assert!(
                (got - want).abs() < 4.0 * se + 1e-9,
                "{id} {year}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn small_kommuner_vary_more_from_year_to_year() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let ind = shipped_indicator(&params, "trangbodd");
    let cells = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 2).unwrap();
    let spread = |keep: &dyn Fn(u32) -> bool| -> f64 {
        let mut steps = Vec::new();
        for (k, size) in fake.kommune_sizes() {
            if !keep(size) {
                continue;
            }
            let values: Vec<f64> = cells[&k].iter().filter_map(value).collect();
            steps.extend(values.windows(2).map(|w| 100.0 * (w[1] - w[0]).abs()));
        }
        steps.iter().sum::<f64>() / steps.len() as f64
    };
    let small = spread(&|s| s < 500);
    let large = spread(&|s| s >= 20_000);
    eprintln!("trangbodd, mean year-to-year change: {small:.2} pp (< 500 inhabitants), {large:.2} pp (≥ 20 000)");
    assert!(small > 4.0 * large, "{small} vs {large}");
}

#[test]
fn ungdata_pools_hold_one_survey_per_kommune() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let ind = shipped_indicator(&params, "ensomhet");
    let pooled = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 4).unwrap();
    let kommuner: Vec<_> = fake.kommune_sizes();
    for (k, _) in &kommuner {
        assert!(pooled[k].iter().all(Cell::is_ok), "{k}");
    }
    // In single years about a third of the kommuner survey; the others have no data.
    let single = indicator("ensomhet", Unit::Percent, years(2015, 2017));
    let cells =
        model_indicator(&single, &params, &fake.reg, &fake, &Covariates::none(), 4).unwrap();
    for (k, _) in &kommuner {
        let surveyed = cells[k].iter().filter(|c| c.is_ok()).count();
        assert_eq!(surveyed, 1, "{k}");
        assert!(cells[k]
            .iter()
            .all(|c| c.is_ok() || c.flag == Flag::Missing));
    }
    // Bydeler answer with their kommune.
    for b in fake.reg.children(&code("0301")) {
        let flags: Vec<Flag> = cells[&b.code].iter().map(|c| c.flag).collect();
        let city: Vec<Flag> = cells[&code("0301")].iter().map(|c| c.flag).collect();
        assert_eq!(flags, city);
    }
}

#[test]
fn kindergartens_are_counted_one_per_sixty_children() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let ind = shipped_indicator(&params, "pedagognorm");
    let cells = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 6).unwrap();
    for (k, _) in fake.kommune_sizes() {
        let children = fake.ages(&k, 2024, 1, 5).unwrap();
        let last = cells[&k].last().unwrap();
        if fake.reg.children(&k).next().is_none() {
            assert_eq!(
                last.den,
                ((children as f64 / 60.0).round() as u32).max(1),
                "{k}"
            );
        }
    }
}

#[test]
fn unknown_ids_and_unit_mismatches_are_errors() {
    let (fake, params) = (FakeCountry::new(), shipped());
    let unknown = indicator("finnes_ikke", Unit::Percent, years(2020, 2021));
    assert_eq!(
        model_indicator(&unknown, &params, &fake.reg, &fake, &Covariates::none(), 1),
        Err(ModelError::UnknownIndicator("finnes_ikke".into()))
    );
    let wrong = indicator("mobbing_7", Unit::Per1000, years(2020, 2021));
    assert!(matches!(
        model_indicator(&wrong, &params, &fake.reg, &fake, &Covariates::none(), 1),
        Err(ModelError::UnitMismatch { .. })
    ));
}

#[test]
fn periods_outside_the_population_years_use_the_nearest_year() {
    let (fake, params) = (FakeCountry::new(), shipped());
    // The fake population ends in 2026; 2028 borrows 2026's, 2040 is too far away.
    let ind = indicator(
        "trangbodd",
        Unit::Percent,
        vec![Period::year(2028), Period::year(2040)],
    );
    let cells = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 1).unwrap();
    let landet = &cells[&AreaCode::landet()];
    assert!(landet[0].is_ok());
    assert_eq!(landet[1].flag, Flag::Missing);
}

#[test]
fn covariates_move_areas_by_their_sign_and_landet_stays_on_target() {
    let fake = FakeCountry::new();
    let mut params = shipped();
    let id = "lavinntekt_vedvarende";
    let m = params.indicator.get_mut(id).unwrap();
    (m.sd_fylke, m.sd_kommune, m.sd_bydel, m.sd_year) = (0.0, 0.0, 0.0, 0.0);
    m.covariates = [(
        Covariate::Innvandrere,
        Effect {
            effect: 0.8,
            why: "test".into(),
        },
    )]
    .into_iter()
    .collect();
    let ind = indicator(id, Unit::Percent, years(2020, 2020));
    // Every other kommune one logit above landet's immigrant share, the others one below.
    let mut cov = Covariates::none();
    let sizes = fake.kommune_sizes();
    for (i, (k, _)) in sizes.iter().enumerate() {
        let x = if i % 2 == 0 { 1.0 } else { -1.0 };
        cov.set(k, Covariate::Innvandrere, x);
        for b in fake.reg.children(k) {
            cov.set(&b.code, Covariate::Innvandrere, x);
        }
    }
    let with = model_indicator(&ind, &params, &fake.reg, &fake, &cov, 3).unwrap();
    let without = model_indicator(&ind, &params, &fake.reg, &fake, &Covariates::none(), 3).unwrap();
    let pooled = |cells: &BTreeMap<AreaCode, Vec<Cell>>, even: bool| {
        let (mut num, mut den) = (0u64, 0u64);
        for (i, (k, _)) in sizes.iter().enumerate() {
            if (i % 2 == 0) == even {
                num += u64::from(cells[k][0].num);
                den += u64::from(cells[k][0].den);
            }
        }
        num as f64 / den as f64
    };
    let (high, low) = (pooled(&with, true), pooled(&with, false));
    // 1,6 logits apart: about 2,6 times the odds at the model's level of some 10 %.
    assert!(high > 3.0 * low, "{high} vs {low}");
    let flat = (pooled(&without, true), pooled(&without, false));
    assert!((flat.0 - flat.1).abs() < 0.01, "{flat:?}");
    // The intercept absorbs the covariates: landet is where it was.
    let landet =
        |cells: &BTreeMap<AreaCode, Vec<Cell>>| value(&cells[&AreaCode::landet()][0]).unwrap();
    assert!(
        (landet(&with) - landet(&without)).abs() < 0.003,
        "{} {}",
        landet(&with),
        landet(&without)
    );
}
