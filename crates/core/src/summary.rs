//! The profile's key figures: children 0–17 and their share of the population in the latest
//! year, for the area and the areas above it that it is compared with.

use crate::area::AreaCode;
use crate::codec::AreaBundle;
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

/// The area first, then the areas it is compared with (`above`: a bydel's kommune, the fylke,
/// landet; their bundles), each once.
pub fn children_figures(area: &AreaBundle, above: &[&AreaBundle]) -> Vec<ChildrenFigure> {
    let mut out: Vec<ChildrenFigure> = figure(&area.code, &area.population).into_iter().collect();
    for b in above {
        if out.iter().all(|f| f.code != b.code) {
            out.extend(figure(&b.code, &b.population));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population::{AgeProfile, PopulationYear};

    #[test]
    fn kommune_gets_fylke_and_landet() {
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
        let above = |code: &str, children: u32| {
            let mut b = area.clone();
            b.code = AreaCode::parse(code).unwrap();
            b.population.years[0].age_0_17 = children;
            b
        };
        let (fylke, landet) = (above("03", 50), above("0", 1_000));
        let f = children_figures(&area, &[&fylke, &landet]);
        let codes: Vec<&str> = f.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["0301", "03", "0"]);
        assert_eq!(f[0].children, 50);
        assert_eq!(f[0].share, Some(25.0));
        assert_eq!(f[0].year, 2025);
        assert_eq!(f[2].children, 1_000);
        // Landet's own page shows landet once.
        assert_eq!(children_figures(&landet, &[&landet]).len(), 1);
    }
}
