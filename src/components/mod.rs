//! Reusable parts of the pages.

pub mod chart;
pub mod data_table;
pub mod error_view;
pub mod lang_switch;
pub mod layout;
pub mod search_box;
