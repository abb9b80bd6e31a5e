//! Reusable parts of the pages.

pub mod apportioned;
pub mod barometer;
pub mod chart;
pub mod chart_figure;
pub mod data_table;
pub mod demodata;
pub mod download;
pub mod error_view;
pub mod explore_nav;
pub mod key_sentences;
pub mod lang_switch;
pub mod layout;
pub mod mark;
pub mod offline_notice;
pub mod picker;
pub mod retired;
pub mod rug;
pub mod search_box;
pub mod set_picker;
pub mod share;
pub mod spread_bar;
pub mod theme_direction;
pub mod theme_figures;
pub mod themes;
pub mod words;
