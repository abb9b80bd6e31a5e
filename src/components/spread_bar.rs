//! The small spread graphic of a barometer row, drawn as inline SVG by Leptos so that the
//! barometer paints without waiting for ECharts: the range over all kommuner, the middle half,
//! the ten best, landet's value and the area's own mark.

use leptos::prelude::*;
use oppvekst_core::numfmt::fixed;
use oppvekst_core::stats::spread::Spread;

/// Maps a value to the 0–100 width of the graphic (2–98, so that marks at the ends show).
fn scale(s: &Spread, v: f64) -> f64 {
    let span = s.max - s.min;
    if span <= 0.0 {
        return 50.0;
    }
    2.0 + 96.0 * ((v - s.min) / span).clamp(0.0, 1.0)
}

#[component]
pub fn SpreadBar(
    spread: Spread,
    landet: Option<f64>,
    area: Option<f64>,
    /// The class of the area's mark (`better`, `worse` …).
    mark: &'static str,
    /// Text for screen readers; the graphic itself is decorative.
    #[prop(into)]
    summary: String,
) -> impl IntoView {
    let x = move |v: f64| fixed(scale(&spread, v), 2);
    let best = spread.best.map(|b| {
        let (a, c) = (scale(&spread, b.lo), scale(&spread, b.hi));
        view! { <rect class="best" x=fixed(a.min(c), 2) y="3" width=fixed((c - a).abs().max(0.8), 2) height="14" /> }
    });
    let landet_line =
        landet.map(|v| view! { <line class="landet" x1=x(v) x2=x(v) y1="1" y2="19" /> });
    // The area's circle is drawn in a second SVG without a viewBox laid over the stretched one,
    // so that it stays round; the stylesheet insets that SVG by the circle's radius, so that a
    // circle at either end is never cut in half. Attributes only, no inline style: the page's
    // CSP forbids style attributes in prerendered HTML.
    let area_mark = area.map(|v| {
        let cx = format!("{}%", fixed((scale(&spread, v) - 2.0) / 96.0 * 100.0, 2));
        view! {
            <svg class="dots" aria-hidden="true">
                <circle class=format!("area-dot mark-{mark}") cx=cx cy="10" r="6.5" />
            </svg>
        }
    });
    view! {
        <span class="spread">
            <svg viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true">
                <line class="range" x1=x(spread.min) x2=x(spread.max) y1="10" y2="10" />
                {best}
                <rect class="iqr" x=x(spread.p25) y="6" width=fixed((scale(&spread, spread.p75) - scale(&spread, spread.p25)).max(0.8), 2) height="8" />
                {landet_line}
            </svg>
            {area_mark}
            <span class="sr-only">{summary}</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_the_range_inside_the_box() {
        let s = Spread {
            n: 3,
            min: 10.0,
            p25: 12.0,
            median: 15.0,
            p75: 18.0,
            max: 20.0,
            best: None,
        };
        assert_eq!(scale(&s, 10.0), 2.0);
        assert_eq!(scale(&s, 20.0), 98.0);
        assert_eq!(scale(&s, 15.0), 50.0);
        assert_eq!(scale(&s, 99.0), 98.0);
    }
}
