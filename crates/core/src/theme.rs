//! The theme section and the kommune's levers: authored texts in nb, nn and en, shipped in the
//! context bundle so that the app holds no prose of its own beyond the UI strings.

use crate::indicator::Group;
use crate::lang::Text;
use serde::{Deserialize, Serialize};

/// One titled piece of text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    /// Paragraphs, separated by blank lines.
    pub body: Text,
}

/// A theme text for one barometer group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupTheme {
    pub group: Group,
    pub section: Section,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Themes {
    /// One text per barometer group.
    pub groups: Vec<GroupTheme>,
    /// What a kommune can do.
    pub levers: Vec<Section>,
    /// Immigrant children compared with the rest.
    pub immigrant: Section,
    /// Where the advice comes from (public guidance this text draws on).
    pub sources: Text,
}
