//! The data pipeline of oppvekst: reads the public source files, models what cannot be had,
//! applies FHI's suppression rules and writes the compact bundles into `data/`.

pub mod apportion;
pub mod build;
pub mod catalogue;
pub mod charts_module;
pub mod copy_in_lang;
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
pub mod stylesheet;

/// For the tests of the boot script's parts: `script` is one block of its own (its names stay
/// in it), with its brackets in pairs.
#[cfg(test)]
pub(crate) fn assert_block(script: &str) {
    assert!(script.starts_with('{') && script.ends_with('}'), "{script}");
    for (open, close) in [('{', '}'), ('(', ')'), ('[', ']')] {
        assert_eq!(
            script.matches(open).count(),
            script.matches(close).count(),
            "{open}{close} in {script}"
        );
    }
}
