//! The pure domain of oppvekst: areas and codes, the indicator catalogue, the bundle codec and
//! the statistics. Nothing here knows about the web, so all of it is tested natively.

pub mod area;
pub mod barometer;
pub mod breakdown;
pub mod case;
pub mod codec;
pub mod explore;
pub mod export;
pub mod geometry;
pub mod html;
pub mod indicator;
pub mod jsonstat;
pub mod lang;
pub mod numfmt;
pub mod order;
pub mod population;
pub mod route;
pub mod search;
pub mod share;
pub mod stats;
pub mod summary;
pub mod suppress;
pub mod theme;

pub use area::{Area, AreaCode, Level, Registry};
pub use lang::Lang;
