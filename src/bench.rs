//! An in-browser benchmark of the statistics core, for `./x bench`: the full pass (CI,
//! comparison, spread and ranks for every kommune, indicator and period) on the synthetic
//! context, timed with the browser's clock. Not used by the app itself: the whole app's entry
//! point (`src/main.rs`) exports it, so that the profile app does not carry it.

use oppvekst_core::stats::pass::full_pass;
use oppvekst_core::stats::synthetic::synthetic_context;

/// Runs the full pass `runs` times and returns the median time in milliseconds.
pub fn full_pass_ms(runs: u32) -> f64 {
    let ctx = synthetic_context(1);
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = perf.now();
            let summary = full_pass(&ctx);
            std::hint::black_box(summary);
            perf.now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
