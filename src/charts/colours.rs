//! The colours the charts share with the stylesheet: the comparison marks, the map's
//! quantile scale, and one colour (and line style) per role of an area, so that a bar, a map
//! area, a line and a legend swatch always agree from chart to chart.

use charming::element::LineStyleType;
use oppvekst_core::explore::trend::Role;
use oppvekst_core::stats::compare::Comparison;

/// The view's own area: the app's accent.
pub const AREA: &str = "#0b5a8a";
/// A bydel's kommune (Okabe–Ito vermilion, darkened to 3:1 on white).
pub const KOMMUNE: &str = "#c2410c";
/// The fylke (Okabe–Ito bluish green, darkened).
pub const FYLKE: &str = "#00775a";
/// Landet: near black, and dashed where it is a line.
pub const LANDET: &str = "#1b1f24";
/// Areas the reader added, in the order added: hues apart from the roles above and from each
/// other, each at least 3:1 on white.
pub const ADDED: [&str; 5] = ["#9c2f6b", "#6a4c93", "#8a5a00", "#3f6e1d", "#b0306a"];

/// The colour of an area's line or bar by its role; `nth` counts the added areas.
pub fn role_colour(role: Role, nth: usize) -> &'static str {
    match role {
        Role::Area => AREA,
        Role::Kommune => KOMMUNE,
        Role::Fylke => FYLKE,
        Role::Landet => LANDET,
        Role::Added => ADDED[nth % ADDED.len()],
    }
}

/// The line style of a role, so that lines differ by more than colour: the area thick, the
/// fylke dotted, landet dashed.
pub fn role_dash(role: Role) -> (f64, LineStyleType) {
    match role {
        Role::Area => (3.0, LineStyleType::Solid),
        Role::Kommune => (2.0, LineStyleType::Solid),
        Role::Fylke => (2.0, LineStyleType::Dotted),
        Role::Landet => (2.0, LineStyleType::Dashed),
        Role::Added => (2.0, LineStyleType::Solid),
    }
}

/// The point symbols of added areas, which share the solid line: a shape each.
pub const ADDED_SYMBOLS: [&str; 5] = ["rect", "triangle", "diamond", "roundRect", "pin"];

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

/// A comparison's shape as a character, for chart labels: the barometer's shapes (and the
/// overview's, `public/style.css`), so that a bar's class is not told by colour alone.
pub fn mark_glyph(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "●",
        Comparison::Worse => "◆",
        Comparison::Similar => "■",
        Comparison::Higher => "▲",
        Comparison::Lower => "▼",
        Comparison::NotTested => "○",
        Comparison::NoData => "",
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

/// WCAG's contrast ratio of a `#rrggbb` colour against white.
#[cfg(test)]
pub fn contrast_on_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_its_own_colour_readable_on_white() {
        let mut all = vec![AREA, KOMMUNE, FYLKE, LANDET];
        all.extend(ADDED);
        for c in &all {
            assert!(
                contrast_on_white(c) >= 3.0,
                "{c}: {:.2}:1",
                contrast_on_white(c)
            );
        }
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "a colour used for two roles");
    }

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
