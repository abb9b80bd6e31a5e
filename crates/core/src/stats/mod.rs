//! Statistics on the counts in the bundles: confidence intervals, comparison with landet,
//! pooled values, spread, ranks, trends, similar kommuner and key sentences.
//!
//! Every function here is pure and works from the counts of cells that carry them: a
//! suppressed cell (which carries none) gets no interval, no comparison, no rank and no
//! sentence, and no value shown can be combined with others to recompute it.

pub mod cells;
pub mod ci;
pub mod compare;
pub mod pass;
pub mod pooled;
pub mod rank;
pub mod sentences;
pub mod similar;
pub mod special;
pub mod spread;
pub mod synthetic;
pub mod trend;

#[cfg(test)]
pub(crate) mod testutil;
