//! A synthetic context for tests and benchmarks: **test and benchmark data, never to be shown
//! as real data.** Every area is named «Syntetisk …» and every indicator is marked
//! [`Provenance::Modelled`] with the source «syntetisk».
//!
//! The shape is that of the real context, so that timings and tests mean something: 357
//! kommuner in the 15 fylker of 2024 (with the real number of kommuner per fylke), populations
//! from 200 to 700 000, 30 indicators of every unit, test and period kind with 11 periods each,
//! counts drawn around a national level with kommune effects and trends, small counts
//! suppressed as FHI does, a few missing cells, and landet and the fylker as sums of the
//! kommuner's counts. The same seed gives the same context, on every platform (the generator
//! is a SplitMix64 of our own), so the app can run the benchmark in the browser too.

use crate::area::{Area, AreaCode, Registry};
use crate::codec::{ContextBundle, Series};
use crate::indicator::{
    Cell, Flag, Group, Indicator, Period, PeriodKind, Polarity, Provenance, TestKind, Unit,
};
use crate::lang::Text;

/// The fylker of 2024 with their number of kommuner (357 in all).
const FYLKER: [(&str, usize); 15] = [
    ("03", 1),
    ("11", 23),
    ("15", 27),
    ("18", 41),
    ("31", 12),
    ("32", 21),
    ("33", 18),
    ("34", 46),
    ("39", 6),
    ("40", 17),
    ("42", 25),
    ("46", 43),
    ("50", 38),
    ("55", 21),
    ("56", 18),
];

const FIRST_YEAR: u16 = 2014;
const LAST_YEAR: u16 = 2024;
const INDICATORS: usize = 30;

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1].
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal by Box–Muller.
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Poisson: Knuth's product method for small means, a rounded normal for large ones.
    fn poisson(&mut self, mean: f64) -> u32 {
        if mean <= 0.0 {
            return 0;
        }
        if mean < 30.0 {
            let limit = (-mean).exp();
            let mut k = 0;
            let mut p = self.uniform();
            while p > limit {
                k += 1;
                p *= self.uniform();
            }
            return k;
        }
        (mean + mean.sqrt() * self.normal()).round().max(0.0) as u32
    }

    /// Binomial, by the Poisson limit at either tail and a normal in the middle.
    fn binomial(&mut self, n: u32, p: f64) -> u32 {
        let nf = n as f64;
        if nf * p < 30.0 {
            self.poisson(nf * p).min(n)
        } else if nf * (1.0 - p) < 30.0 {
            n - self.poisson(nf * (1.0 - p)).min(n)
        } else {
            let sd = (nf * p * (1.0 - p)).sqrt();
            (nf * p + sd * self.normal()).round().clamp(0.0, nf) as u32
        }
    }
}

/// The population an indicator counts in.
#[derive(Clone, Copy)]
enum Base {
    Total,
    Children,
    Young,
    School,
    Youth,
}

/// How one synthetic indicator is drawn.
#[derive(Clone, Copy)]
struct Template {
    unit: Unit,
    test: TestKind,
    polarity: Polarity,
    kind: PeriodKind,
    base: Base,
    /// The national level: a share, or events per person and year.
    level: f64,
    /// The standard deviation of the kommune effects on the log (rate) or logit (share) scale.
    spread: f64,
    /// The national trend per year on the same scale.
    trend: f64,
    group: Group,
}

const TEMPLATES: [Template; 8] = [
    Template {
        unit: Unit::Percent,
        test: TestKind::Binomial,
        polarity: Polarity::HigherIsWorse,
        kind: PeriodKind::Year,
        base: Base::Children,
        level: 0.10,
        spread: 0.35,
        trend: 0.01,
        group: Group::Levekar,
    },
    Template {
        unit: Unit::Percent,
        test: TestKind::Binomial,
        polarity: Polarity::HigherIsBetter,
        kind: PeriodKind::SchoolYear,
        base: Base::Youth,
        level: 0.80,
        spread: 0.25,
        trend: 0.02,
        group: Group::BarnehageSkole,
    },
    Template {
        unit: Unit::Per1000,
        test: TestKind::Poisson,
        polarity: Polarity::HigherIsWorse,
        kind: PeriodKind::Rolling3,
        base: Base::Children,
        level: 0.004,
        spread: 0.3,
        trend: -0.01,
        group: Group::Helse,
    },
    Template {
        unit: Unit::Percent,
        test: TestKind::Binomial,
        polarity: Polarity::HigherIsWorse,
        kind: PeriodKind::Rolling3,
        base: Base::School,
        level: 0.07,
        spread: 0.25,
        trend: 0.05,
        group: Group::BarnehageSkole,
    },
    Template {
        unit: Unit::Percent,
        test: TestKind::Binomial,
        polarity: Polarity::HigherIsBetter,
        kind: PeriodKind::UngdataPooled,
        base: Base::Youth,
        level: 0.70,
        spread: 0.2,
        trend: 0.0,
        group: Group::FritidNaermiljo,
    },
    Template {
        unit: Unit::Index,
        test: TestKind::Poisson,
        polarity: Polarity::HigherIsWorse,
        kind: PeriodKind::Year,
        base: Base::Total,
        level: 0.01,
        spread: 0.15,
        trend: 0.0,
        group: Group::Helse,
    },
    Template {
        unit: Unit::Count,
        test: TestKind::None,
        polarity: Polarity::NoDirection,
        kind: PeriodKind::Year,
        base: Base::Children,
        level: 0.02,
        spread: 0.2,
        trend: 0.0,
        group: Group::Befolkning,
    },
    Template {
        unit: Unit::Per1000,
        test: TestKind::Poisson,
        polarity: Polarity::NoDirection,
        kind: PeriodKind::Year,
        base: Base::Children,
        level: 0.03,
        spread: 0.2,
        trend: 0.01,
        group: Group::Levekar,
    },
];

/// The structural indicators the similar-kommuner search reads, drawn as such.
#[derive(Clone, Copy)]
enum Kind {
    Children,
    YoungChildren,
    ChildChange,
    Immigrant,
    Drawn(Template),
}

fn text(nb: String, nn: String, en: String) -> Text {
    Text { nb, nn, en }
}

fn periods(kind: PeriodKind) -> Vec<Period> {
    (FIRST_YEAR..=LAST_YEAR)
        .map(|y| Period {
            first: y + 1 - kind.span(),
            last: y,
        })
        .collect()
}

fn indicator(id: &str, n: usize, t: &Template) -> Indicator {
    let same = |s: String| text(s.clone(), s.clone(), s);
    Indicator {
        id: id.to_string(),
        group: t.group,
        label: text(
            format!("Syntetisk indikator {n}"),
            format!("Syntetisk indikator {n}"),
            format!("Synthetic indicator {n}"),
        ),
        definition: same("Syntetiske testdata, ikke virkelige tall.".into()),
        subject: text(
            format!("Verdien av syntetisk indikator {n}"),
            format!("Verdien av syntetisk indikator {n}"),
            format!("The value of synthetic indicator {n}"),
        ),
        unit: t.unit,
        age: same("0–17 år".into()),
        period_kind: t.kind,
        polarity: t.polarity,
        test: t.test,
        decimals: 1,
        standardised: t.unit == Unit::Index,
        source_org: "syntetisk".into(),
        source_table: "syntetisk".into(),
        provenance: Provenance::Modelled,
        origin: None,
        periods: periods(t.kind),
    }
}

fn catalogue() -> Vec<(Indicator, Kind)> {
    let structural = |id: &str, unit, test, kind| {
        let t = Template {
            unit,
            test,
            polarity: Polarity::NoDirection,
            kind: PeriodKind::Year,
            base: Base::Total,
            level: 0.0,
            spread: 0.0,
            trend: 0.0,
            group: Group::Befolkning,
        };
        (indicator(id, 0, &t), kind)
    };
    let mut out = vec![
        structural("barn_0_17", Unit::Percent, TestKind::None, Kind::Children),
        structural(
            "barn_0_5",
            Unit::Percent,
            TestKind::None,
            Kind::YoungChildren,
        ),
        structural(
            "endring_barn_0_17",
            Unit::ChangePercent,
            TestKind::None,
            Kind::ChildChange,
        ),
        structural(
            "innvandrere_0_17",
            Unit::Percent,
            TestKind::Binomial,
            Kind::Immigrant,
        ),
    ];
    for n in out.len()..INDICATORS {
        let t = TEMPLATES[n % TEMPLATES.len()];
        out.push((
            indicator(&format!("syntetisk_{n:02}"), n, &t),
            Kind::Drawn(t),
        ));
    }
    out
}

/// One kommune's structure: its population in the last year and how it changes.
struct Profile {
    pop: f64,
    growth: f64,
    child_share: f64,
    child_growth: f64,
    young_share: f64,
    youth_share: f64,
    immigrant_share: f64,
}

impl Profile {
    fn draw(rng: &mut Rng, pop: f64) -> Profile {
        Profile {
            pop,
            growth: 0.004 + 0.008 * rng.normal(),
            child_share: 0.21 * (0.1 * rng.normal()).exp(),
            child_growth: -0.004 + 0.01 * rng.normal(),
            young_share: 0.062 * (0.12 * rng.normal()).exp(),
            youth_share: 0.11 * (0.1 * rng.normal()).exp(),
            immigrant_share: 0.06 * (0.7 * rng.normal()).exp(),
        }
    }

    fn population(&self, year: u16) -> f64 {
        self.pop * (1.0 + self.growth).powf(year as f64 - LAST_YEAR as f64)
    }

    fn children(&self, year: u16) -> f64 {
        let t = year as f64 - LAST_YEAR as f64;
        self.population(LAST_YEAR) * self.child_share * (1.0 + self.child_growth).powf(t)
    }

    fn base(&self, base: Base, year: u16) -> f64 {
        let children = self.children(year);
        match base {
            Base::Total => self.population(year),
            Base::Children => children,
            Base::Young => children * self.young_share / self.child_share,
            Base::School => children * 0.56,
            Base::Youth => self.population(year) * self.youth_share,
        }
    }
}

fn code_of(s: &str) -> AreaCode {
    AreaCode::parse(s).expect("the synthetic codes are well formed")
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The true counts of one kommune for one indicator, before suppression.
fn draw_cells(rng: &mut Rng, p: &Profile, kind: Kind, ind: &Indicator) -> Vec<(u32, u32)> {
    let effect = rng.normal();
    ind.periods
        .iter()
        .map(|period| {
            let y = period.last;
            match kind {
                Kind::Children => (p.children(y).round() as u32, p.population(y).round() as u32),
                Kind::YoungChildren => (
                    p.base(Base::Young, y).round() as u32,
                    p.population(y).round() as u32,
                ),
                Kind::ChildChange => (
                    p.children(y).round() as u32,
                    p.children(y - 10).round() as u32,
                ),
                Kind::Immigrant => {
                    let n = p.children(y).round() as u32;
                    (rng.binomial(n, p.immigrant_share.min(0.6)), n)
                }
                Kind::Drawn(t) => {
                    let years = period.years() as f64;
                    let mid = 0.5 * (period.first as f64 + period.last as f64);
                    let dt = mid - LAST_YEAR as f64;
                    let n = (p.base(t.base, y) * years).round() as u32;
                    let shift = t.spread * effect + t.trend * dt;
                    match (t.test, t.unit) {
                        (TestKind::Binomial, _) => {
                            let logit = (t.level / (1.0 - t.level)).ln();
                            (rng.binomial(n, logistic(logit + shift)), n)
                        }
                        (_, Unit::Index) => {
                            let expected = (n as f64 * t.level).round();
                            (rng.poisson(expected * shift.exp()), expected as u32)
                        }
                        _ => (rng.poisson(n as f64 * t.level * shift.exp()), n),
                    }
                }
            }
        })
        .collect()
}

/// FHI-like privacy: counts of 1 or 2 events are suppressed (tested indicators only), a zero
/// denominator cannot be computed, and one drawn cell in two hundred is missing (population
/// figures have no gaps).
fn publish(rng: &mut Rng, ind: &Indicator, kind: Kind, (num, den): (u32, u32)) -> Cell {
    if matches!(kind, Kind::Drawn(_)) && rng.uniform() < 0.005 {
        return Cell::flagged(Flag::Missing);
    }
    if den == 0 && ind.unit != Unit::Count {
        return Cell::flagged(Flag::NotComputable);
    }
    if ind.test != TestKind::None && (1..=2).contains(&num) {
        return Cell::flagged(Flag::Suppressed);
    }
    Cell::ok(num, den)
}

/// A synthetic context of the real context's shape (see the module's doc). Test and benchmark
/// data only: never show it as real data.
pub fn synthetic_context(seed: u64) -> ContextBundle {
    let mut rng = Rng(seed);
    let mut areas = vec![Area {
        code: AreaCode::landet(),
        name: "Syntetisk landet".into(),
    }];
    let mut profiles: Vec<(AreaCode, Profile)> = Vec::new();
    for (f, count) in FYLKER {
        areas.push(Area {
            code: code_of(f),
            name: format!("Syntetisk fylke {f}"),
        });
        for k in 1..=count {
            let code = format!("{f}{k:02}");
            // Log-normal sizes around 5 000, as Norway's kommuner, with the extremes pinned.
            let pop = match code.as_str() {
                "0301" => 700_000.0,
                "1123" => 200.0,
                _ => (5_000f64.ln() + 1.1 * rng.normal())
                    .exp()
                    .clamp(200.0, 320_000.0),
            };
            areas.push(Area {
                code: code_of(&code),
                name: format!("Syntetisk kommune {code}"),
            });
            profiles.push((code_of(&code), Profile::draw(&mut rng, pop)));
        }
    }
    let registry = Registry::new(areas).expect("the synthetic registry is well formed");
    let catalogue = catalogue();
    let fylker: Vec<AreaCode> = FYLKER.iter().map(|(f, _)| code_of(f)).collect();
    // Comparator sums, per area (landet first, then the fylker), indicator and period.
    let mut sums: Vec<Vec<Vec<(u64, u64)>>> = (0..=fylker.len())
        .map(|_| {
            catalogue
                .iter()
                .map(|(i, _)| vec![(0, 0); i.periods.len()])
                .collect()
        })
        .collect();
    let mut kommuner = Vec::with_capacity(profiles.len());
    for (code, profile) in &profiles {
        let fylke = fylker
            .iter()
            .position(|f| Some(f) == code.fylke().as_ref())
            .map_or(0, |i| i + 1);
        let mut series = Vec::with_capacity(catalogue.len());
        for (i, (ind, kind)) in catalogue.iter().enumerate() {
            let counts = draw_cells(&mut rng, profile, *kind, ind);
            for (p, &(n, d)) in counts.iter().enumerate() {
                for area in [0, fylke] {
                    let s = &mut sums[area][i][p];
                    *s = (s.0 + n as u64, s.1 + d as u64);
                }
            }
            series.push(Series {
                indicator: i as u16,
                cells: counts
                    .iter()
                    .map(|&c| publish(&mut rng, ind, *kind, c))
                    .collect(),
            });
        }
        kommuner.push((code.clone(), series.into()));
    }
    let comparators = std::iter::once(AreaCode::landet())
        .chain(fylker.iter().cloned())
        .zip(&sums)
        .map(|(code, per_ind)| {
            let series = catalogue
                .iter()
                .zip(per_ind)
                .enumerate()
                .map(|(i, (_, cells))| Series {
                    indicator: i as u16,
                    cells: cells
                        .iter()
                        .map(|&(n, d)| {
                            Cell::ok(n.min(u32::MAX as u64) as u32, d.min(u32::MAX as u64) as u32)
                        })
                        .collect(),
                })
                .collect();
            (code, series)
        })
        .collect();
    let mut ctx = ContextBundle {
        registry,
        catalogue: catalogue.into_iter().map(|(i, _)| i).collect(),
        comparators,
        kommuner,
        spreads: Vec::new(),
        themes: Default::default(),
        old_codes: Vec::new(),
        dimensions: Vec::new(),
        apportioned: Vec::new(),
    };
    // As the build does (`data::build`).
    ctx.spreads = crate::barometer::spreads(&ctx);
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Level;
    use crate::codec::{decode, encode, CellsBundle};

    #[test]
    fn has_the_shape_of_the_real_context() {
        let ctx = synthetic_context(1);
        assert_eq!(ctx.registry.at_level(Level::Fylke).count(), 15);
        assert_eq!(ctx.registry.at_level(Level::Kommune).count(), 357);
        assert_eq!(ctx.kommuner.len(), 357);
        assert_eq!(ctx.catalogue.len(), INDICATORS);
        assert!(ctx.catalogue.iter().all(|i| i.periods.len() == 11));
        assert!(ctx
            .catalogue
            .iter()
            .all(|i| i.provenance == Provenance::Modelled));
        for unit in [
            Unit::Percent,
            Unit::Per1000,
            Unit::Count,
            Unit::Index,
            Unit::ChangePercent,
        ] {
            assert!(ctx.catalogue.iter().any(|i| i.unit == unit), "{unit:?}");
        }
        let dens: Vec<u32> = ctx
            .kommuner
            .iter()
            .map(|(_, s)| s.get(0).unwrap().last().unwrap().den)
            .collect();
        assert_eq!(dens.iter().max(), Some(&700_000));
        assert_eq!(dens.iter().min(), Some(&200));
        let flags = |f: Flag| {
            ctx.kommuner
                .iter()
                .flat_map(|(_, s)| s.iter().flat_map(|s| s.cells))
                .filter(|c| c.flag == f)
                .count()
        };
        let cells = 357 * INDICATORS * 11;
        assert!(flags(Flag::Suppressed) > cells / 200 && flags(Flag::Suppressed) < cells / 5);
        assert!(flags(Flag::Missing) > 0);
    }

    #[test]
    fn is_a_valid_bundle_and_deterministic() {
        let ctx = synthetic_context(9);
        let bytes = encode(&ctx);
        // The comparators' and the kommuner's cells travel in a file of their own.
        let kommuner = encode(&CellsBundle {
            comparators: ctx.comparators.clone(),
            kommuner: ctx.kommuner.clone(),
        });
        let read = decode::<ContextBundle>(&bytes).unwrap();
        assert!(read.kommuner.is_empty() && read.comparators.is_empty());
        let whole = read.with_cells(decode(&kommuner).unwrap()).unwrap();
        assert_eq!(whole, ctx);
        assert_eq!(encode(&synthetic_context(9)), bytes);
        assert_ne!(encode(&synthetic_context(10)), bytes);
    }

    #[test]
    fn landet_is_the_sum_of_the_kommuner_where_nothing_is_hidden() {
        let ctx = synthetic_context(2);
        let landet = &ctx.comparators[0];
        assert_eq!(landet.0, AreaCode::landet());
        // barn_0_17 is never flagged: its sums can be checked cell by cell.
        for p in 0..11 {
            let (num, den) = ctx.kommuner.iter().fold((0, 0), |acc, (_, s)| {
                let c = s.get(0).unwrap()[p];
                assert!(c.is_ok());
                (acc.0 + c.num, acc.1 + c.den)
            });
            assert_eq!(landet.1.get(0).unwrap()[p], Cell::ok(num, den));
        }
        assert!(landet.1.iter().all(|s| s.cells.iter().all(Cell::is_ok)));
    }
}
