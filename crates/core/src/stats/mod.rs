//! Statistics on the counts in the bundles: confidence intervals, comparison with landet,
//! spread, ranks, trends, similar kommuner and key sentences.
