//! Pure functions from a view model to a `charming::Chart`. They know nothing of the page or of
//! the renderer, so they are tested natively.

pub mod colours;
pub mod compare;
pub mod map;
pub mod over_time;
pub mod population;

/// Formatter names that the ECharts shim (`tools/echarts-entry.js`) turns into functions
/// writing numbers the Norwegian way; charming itself can only send JSON.
pub const NUMBER: &str = "@fmt:number";
pub const PERCENT: &str = "@fmt:percent";
/// A tooltip of one item: its name and its value.
pub const TIP_NUMBER: &str = "@fmt:tip-number";
pub const TIP_PERCENT: &str = "@fmt:tip-percent";
