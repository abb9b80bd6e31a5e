//! The pages, one per file.

pub mod about;
pub mod home;
pub mod not_found;
pub mod profile;
pub mod trend;
