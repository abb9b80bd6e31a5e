//! The pages, one per file.

pub mod about;
pub mod breakdown;
pub mod compare;
pub mod explore;
pub mod home;
pub mod map;
pub mod not_found;
pub mod overview;
pub mod population;
pub mod profile;
pub mod trend;
pub mod whole_app;
