//! The colours the charts share with the stylesheet: the comparison marks and the map's
//! quantile scale. Kept here so that a bar, a map area and a legend swatch always agree.

use oppvekst_core::stats::compare::Comparison;

/// The fill of a comparison (the barometer's mark colours, `public/style.css`).
pub fn mark_colour(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "#1a7f37",
        Comparison::Worse => "#b3261e",
        Comparison::Similar => "#d8a800",
        // A map has no shapes to tell higher from lower, so they differ in shade.
        Comparison::Higher => "#4a525c",
        Comparison::Lower => "#a9b4bf",
        Comparison::NotTested => "#c9b8dc",
        Comparison::NoData => NO_VALUE,
    }
}

/// An area without a value: light grey, explained beside the map.
pub const NO_VALUE: &str = "#e4e7ea";

/// Five blues from light to dark for quantile classes: a sequential scale that says «more»,
/// not «better».
pub const QUANTILE: [&str; 5] = ["#dbe9f6", "#a6cbe6", "#6aa6d2", "#2f7ab8", "#0b4f85"];

/// The colour of quantile class `k` of `n`, spread over the scale when there are fewer
/// classes than colours.
pub fn quantile_colour(k: usize, n: usize) -> &'static str {
    if n <= 1 {
        return QUANTILE[2];
    }
    QUANTILE[(k * (QUANTILE.len() - 1) / (n - 1)).min(QUANTILE.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_run_from_light_to_dark() {
        assert_eq!(quantile_colour(0, 5), QUANTILE[0]);
        assert_eq!(quantile_colour(4, 5), QUANTILE[4]);
        assert_eq!(quantile_colour(0, 2), QUANTILE[0]);
        assert_eq!(quantile_colour(1, 2), QUANTILE[4]);
        assert_eq!(quantile_colour(0, 1), QUANTILE[2]);
        assert_ne!(
            mark_colour(Comparison::Better),
            mark_colour(Comparison::Worse)
        );
    }
}
