//! Times the full statistics pass over a synthetic context of the real context's shape:
//! `cargo run --release -p oppvekst-core --example bench_stats`. The goal is a median of at
//! most 5 ms natively, so that the browser can redo it on an interaction.

use oppvekst_core::stats::pass::full_pass;
use oppvekst_core::stats::synthetic::synthetic_context;
use std::hint::black_box;
use std::time::Instant;

const RUNS: usize = 50;

fn main() {
    let built = Instant::now();
    let ctx = synthetic_context(2024);
    let cells: usize =
        ctx.catalogue.iter().map(|i| i.periods.len()).sum::<usize>() * ctx.kommuner.len();
    println!(
        "synthetic context: {} kommuner, {} indicators, {cells} kommune cells (built in {:.1} ms)",
        ctx.kommuner.len(),
        ctx.catalogue.len(),
        built.elapsed().as_secs_f64() * 1e3
    );
    // One pass to warm the caches and the table of exact Poisson limits.
    let summary = full_pass(black_box(&ctx));
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let s = full_pass(black_box(&ctx));
            let t = start.elapsed().as_secs_f64() * 1e3;
            assert_eq!(black_box(s), summary);
            t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{summary:?}");
    println!(
        "full_pass × {RUNS}: min {:.2} ms, median {:.2} ms, max {:.2} ms",
        times[0],
        times[RUNS / 2],
        times[RUNS - 1]
    );
}
