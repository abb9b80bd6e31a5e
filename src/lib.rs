//! oppvekst: oppvekstprofiler in the browser. A thin Leptos UI over `oppvekst-core`:
//! `api` fetches and decodes the bundles, `state` holds what is loaded, `views` are the pages,
//! `components` the reusable parts and `charts` the pure chart builders.

// Leptos' SSR types nest deeply (the row detail and the profile body).
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod bench;
pub mod charts;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod manifest;
pub mod offline;
pub mod panic;
pub mod prerender;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;
pub mod tasks;
pub mod views;
