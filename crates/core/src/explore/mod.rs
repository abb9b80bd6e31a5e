//! The view models of the explore views: pure functions from the bundles to what a view shows,
//! so that the numbers are tested natively and the views only draw them.

pub mod breakdown;
pub mod compare;
pub mod map;
pub mod overview;
pub mod population;
pub mod sets;
pub mod trend;
