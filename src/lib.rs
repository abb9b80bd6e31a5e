//! oppvekst: oppvekstprofiler in the browser. A thin Leptos UI over `oppvekst-core`:
//! `api` fetches and decodes the bundles, `state` holds what is loaded, `views` are the pages,
//! `components` the reusable parts and `charts` the pure chart builders.

pub mod api;
pub mod app;
pub mod bench;
pub mod charts;
pub mod components;
pub mod i18n;
pub mod panic;
pub mod state;
pub mod views;
