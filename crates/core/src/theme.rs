//! The theme section and the kommune's levers: authored texts in nb, nn and en, shipped in the
//! context bundle so that the app holds no prose of its own beyond the UI strings.
//!
//! Fixed texts state no direction about the area: what they say of a group's figures they say
//! of Norway as a whole. A claim about the area is a [`Direction`], whose sentence is chosen
//! from the area's own figures ([`direction::choose`]).

pub mod direction;

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
    /// What the area's own figures say about immigrant children against the rest (format 5).
    pub immigrant_direction: Direction,
    /// Where the advice comes from (public guidance this text draws on).
    pub sources: Text,
}

/// A sentence about the area whose direction is chosen from its own figures: one text for each
/// outcome, so that a fixed text never claims a direction the area's table contradicts.
///
/// The texts may hold `{area}` (the area's name) and `{indicators}` (the indicators that show
/// the direction, named by the app); the loader refuses any other placeholder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Direction {
    /// Catalogue ids of the indicators the sentence may speak of, each with a polarity.
    pub indicators: Vec<String>,
    /// The group is significantly worse on at least one of them and better on none.
    pub worse: Text,
    /// The group is significantly better on at least one of them and worse on none.
    pub better: Text,
    /// They point both ways, or no difference is significant: a sentence with no direction.
    pub unclear: Text,
}

impl Section {
    /// Its texts, in a fixed order (`ContextBundle::texts_mut`).
    pub fn texts_mut(&mut self) -> [&mut Text; 2] {
        [&mut self.title, &mut self.body]
    }
}

impl Direction {
    /// Its texts, in a fixed order (`ContextBundle::texts_mut`).
    pub fn texts_mut(&mut self) -> [&mut Text; 3] {
        [&mut self.worse, &mut self.better, &mut self.unclear]
    }
}

impl Themes {
    /// Every text, in a fixed order (`ContextBundle::texts_mut`).
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        let groups = self.groups.iter_mut().flat_map(|g| g.section.texts_mut());
        let levers = self.levers.iter_mut().flat_map(Section::texts_mut);
        groups
            .chain(levers)
            .chain(self.immigrant.texts_mut())
            .chain(self.immigrant_direction.texts_mut())
            .chain([&mut self.sources])
    }
}
