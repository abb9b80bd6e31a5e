//! The profile's key figures: children 0–17 and their share of the population in the latest
//! year, for the area and the areas above it that it is compared with.

use crate::area::{AreaCode, Level};
use crate::codec::{AreaBundle, ContextBundle};
use crate::population::PopulationSeries;

/// One row of the key figures.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildrenFigure {
    pub code: AreaCode,
    pub year: u16,
    pub children: u32,
    /// Percent of the population.
    pub share: Option<f64>,
}

fn figure(code: &AreaCode, p: &PopulationSeries) -> Option<ChildrenFigure> {
    let (year, y) = p.latest()?;
    Some(ChildrenFigure {
        code: code.clone(),
        year,
        children: y.age_0_17,
        share: y.share_0_17(),
    })
}

/// The area first, then its kommune (for a bydel), its fylke and landet, each once.
pub fn children_figures(
    ctx: &ContextBundle,
    area: &AreaBundle,
    kommune: Option<&AreaBundle>,
) -> Vec<ChildrenFigure> {
    let mut out: Vec<ChildrenFigure> = figure(&area.code, &area.population).into_iter().collect();
    if area.code.level() == Level::Bydel {
        out.extend(kommune.and_then(|k| figure(&k.code, &k.population)));
    }
    let above = [area.code.fylke(), Some(AreaCode::landet())];
    for code in above.into_iter().flatten() {
        if out.iter().all(|f| f.code != code) {
            out.extend(ctx.population_of(&code).and_then(|p| figure(&code, p)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::tests::context_bundle;
    use crate::population::{AgeProfile, PopulationYear};

    #[test]
    fn kommune_gets_fylke_and_landet() {
        let ctx = context_bundle();
        let area = AreaBundle {
            code: AreaCode::parse("0301").unwrap(),
            population: PopulationSeries {
                first_year: 2025,
                years: vec![PopulationYear {
                    total: 200,
                    age_0_17: 50,
                    age_0_24: 60,
                    ..Default::default()
                }],
            },
            ages: AgeProfile::default(),
            series: Default::default(),
            breakdowns: Vec::new(),
            ranks: Vec::new(),
        };
        let f = children_figures(&ctx, &area, None);
        let codes: Vec<&str> = f.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["0301", "03", "0"]);
        assert_eq!(f[0].children, 50);
        assert_eq!(f[0].share, Some(25.0));
        assert_eq!(f[0].year, 2025);
        // Landet's own page shows landet once.
        let mut landet = area.clone();
        landet.code = AreaCode::landet();
        assert_eq!(children_figures(&ctx, &landet, None).len(), 1);
    }
}
