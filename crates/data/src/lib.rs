//! The data pipeline of oppvekst: reads the public source files, models what cannot be had,
//! applies FHI's suppression rules and writes the compact bundles into `data/`.

pub mod apportion;
pub mod build;
pub mod catalogue;
pub mod current_tab;
pub mod fetch;
pub mod geography;
pub mod geometry;
pub mod import;
pub mod import_cmd;
pub mod model;
pub mod offline;
pub mod opened_rows;
pub mod outstanding_filter;
pub mod page_lang;
pub mod pipeline;
pub mod pressed_button;
pub mod real;
pub mod routes;
pub mod sources;
pub mod stand_in;
