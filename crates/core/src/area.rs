//! Areas (landet, fylke, kommune, bydel), their codes and the registry that ties them together.
//!
//! Codes follow SSB's 2024 classification: landet is `0`, a fylke has 2 digits, a kommune 4 and a
//! bydel 6. The first digits of a code are its parent's code, which the registry checks on load.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The four levels of the profile, from the largest to the smallest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Landet,
    Fylke,
    Kommune,
    Bydel,
}

impl Level {
    /// The path segment of the level's route (`/kommune/0301`).
    pub fn slug(self) -> &'static str {
        match self {
            Level::Landet => "landet",
            Level::Fylke => "fylke",
            Level::Kommune => "kommune",
            Level::Bydel => "bydel",
        }
    }

    pub fn from_slug(s: &str) -> Option<Level> {
        match s {
            "landet" => Some(Level::Landet),
            "fylke" => Some(Level::Fylke),
            "kommune" => Some(Level::Kommune),
            "bydel" => Some(Level::Bydel),
            _ => None,
        }
    }

    /// How many digits a code of this level has.
    pub fn code_len(self) -> usize {
        match self {
            Level::Landet => 1,
            Level::Fylke => 2,
            Level::Kommune => 4,
            Level::Bydel => 6,
        }
    }
}

/// A syntactically valid area code. Whether the area exists is the registry's business.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AreaCode(String);

/// Why a string is not an area code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    NotDigits,
    WrongLength(usize),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "empty area code"),
            CodeError::NotDigits => write!(f, "an area code has only digits"),
            CodeError::WrongLength(n) => write!(f, "an area code has 1, 2, 4 or 6 digits, not {n}"),
        }
    }
}

impl std::error::Error for CodeError {}

impl AreaCode {
    pub const LANDET: &'static str = "0";

    pub fn landet() -> AreaCode {
        AreaCode(Self::LANDET.to_string())
    }

    /// Parses a code; the level follows from its length.
    pub fn parse(s: &str) -> Result<AreaCode, CodeError> {
        if s.is_empty() {
            return Err(CodeError::Empty);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits);
        }
        match s.len() {
            1 if s == Self::LANDET => Ok(AreaCode(s.to_string())),
            2 | 4 | 6 => Ok(AreaCode(s.to_string())),
            n => Err(CodeError::WrongLength(n)),
        }
    }

    /// Parses a code that must be of the given level (the route says which).
    pub fn parse_at(level: Level, s: &str) -> Result<AreaCode, CodeError> {
        let code = Self::parse(s)?;
        if code.level() != level {
            return Err(CodeError::WrongLength(s.len()));
        }
        Ok(code)
    }

    pub fn level(&self) -> Level {
        match self.0.len() {
            1 => Level::Landet,
            2 => Level::Fylke,
            4 => Level::Kommune,
            _ => Level::Bydel,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code of the fylke that holds this area (itself for a fylke, none for landet).
    pub fn fylke(&self) -> Option<AreaCode> {
        (self.0.len() >= 2).then(|| AreaCode(self.0[..2].to_string()))
    }

    /// The fylke a kommune or a bydel is set against; `None` for a fylke and for landet.
    pub fn fylke_above(&self) -> Option<AreaCode> {
        self.fylke()
            .filter(|_| matches!(self.level(), Level::Kommune | Level::Bydel))
    }

    /// The code of the kommune that holds a bydel (itself for a kommune).
    pub fn kommune(&self) -> Option<AreaCode> {
        (self.0.len() >= 4).then(|| AreaCode(self.0[..4].to_string()))
    }

    /// The next level up: bydel → kommune → fylke → landet.
    pub fn parent(&self) -> Option<AreaCode> {
        match self.level() {
            Level::Landet => None,
            Level::Fylke => Some(AreaCode::landet()),
            Level::Kommune => self.fylke(),
            Level::Bydel => self.kommune(),
        }
    }
}

impl TryFrom<String> for AreaCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        AreaCode::parse(&s)
    }
}

impl From<AreaCode> for String {
    fn from(c: AreaCode) -> String {
        c.0
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One area with SSB's official name. Sami and Kven forms are part of the official name
/// («Kárášjohka - Karasjok»); [`Area::name_forms`] splits them for search and headings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: AreaCode,
    pub name: String,
}

impl Area {
    pub fn level(&self) -> Level {
        self.code.level()
    }

    /// The parallel name forms, in SSB's order («Kárášjohka», «Karasjok»).
    pub fn name_forms(&self) -> Vec<&str> {
        self.name.split(" - ").map(str::trim).collect()
    }
}

/// Every area, sorted by code, with lookups by code and by parent.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Registry {
    areas: Vec<Area>,
}

/// Why a list of areas is not a valid registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryError {
    NoLandet,
    Duplicate(String),
    OrphanArea(String),
    EmptyName(String),
    /// Only from [`Registry::check`] on a registry that was not built by `new`.
    Unsorted(String),
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::NoLandet => write!(f, "the registry has no landet"),
            RegistryError::Duplicate(c) => write!(f, "area {c} appears twice"),
            RegistryError::OrphanArea(c) => write!(f, "area {c} has no parent in the registry"),
            RegistryError::EmptyName(c) => write!(f, "area {c} has no name"),
            RegistryError::Unsorted(c) => write!(f, "area {c} is out of code order"),
        }
    }
}

impl Registry {
    /// Builds a registry and checks it: one landet, unique codes, names, and a parent for all.
    pub fn new(mut areas: Vec<Area>) -> Result<Registry, RegistryError> {
        crate::order::sort_by(&mut areas, |a, b| a.code.cmp(&b.code));
        let reg = Registry { areas };
        reg.check()?;
        Ok(reg)
    }

    /// The checks of [`Registry::new`] on a registry as it stands, without copying it: the
    /// codec runs them on a registry that deserialisation built without `new`. A registry out
    /// of code order would break every lookup, so that is an error here too.
    pub fn check(&self) -> Result<(), RegistryError> {
        let areas = &self.areas;
        if areas.first().map(|a| a.level()) != Some(Level::Landet) {
            return Err(RegistryError::NoLandet);
        }
        for pair in areas.windows(2) {
            match pair[0].code.cmp(&pair[1].code) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    return Err(RegistryError::Duplicate(pair[0].code.to_string()))
                }
                std::cmp::Ordering::Greater => {
                    return Err(RegistryError::Unsorted(pair[1].code.to_string()))
                }
            }
        }
        // In code order, siblings follow one another: remembering the last parent found spares
        // most of the lookups (this runs on every decode of the context).
        let mut known_parent: Option<AreaCode> = None;
        for a in areas {
            if a.name.trim().is_empty() {
                return Err(RegistryError::EmptyName(a.code.to_string()));
            }
            if let Some(p) = a.code.parent() {
                if known_parent.as_ref() != Some(&p) {
                    if self.get(&p).is_none() {
                        return Err(RegistryError::OrphanArea(a.code.to_string()));
                    }
                    known_parent = Some(p);
                }
            }
        }
        Ok(())
    }

    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    pub fn get(&self, code: &AreaCode) -> Option<&Area> {
        self.areas
            .binary_search_by(|a| a.code.cmp(code))
            .ok()
            .map(|i| &self.areas[i])
    }

    pub fn get_str(&self, code: &str) -> Option<&Area> {
        AreaCode::parse(code).ok().and_then(|c| self.get(&c))
    }

    pub fn landet(&self) -> &Area {
        &self.areas[0]
    }

    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.level() == level)
    }

    /// The areas one level below `code`, in code order.
    pub fn children<'a>(&'a self, code: &'a AreaCode) -> impl Iterator<Item = &'a Area> + 'a {
        self.areas
            .iter()
            .filter(move |a| a.code.parent().as_ref() == Some(code))
    }

    /// The chain of areas above `code`, nearest first (bydel → kommune, fylke, landet).
    pub fn ancestors(&self, code: &AreaCode) -> Vec<&Area> {
        let mut out = Vec::new();
        let mut cur = code.parent();
        while let Some(c) = cur {
            if let Some(a) = self.get(&c) {
                out.push(a);
            }
            cur = c.parent();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, name: &str) -> Area {
        Area {
            code: AreaCode::parse(code).unwrap(),
            name: name.into(),
        }
    }

    #[test]
    fn code_levels_and_parents() {
        let c = AreaCode::parse("030101").unwrap();
        assert_eq!(c.level(), Level::Bydel);
        assert_eq!(c.parent().unwrap().as_str(), "0301");
        assert_eq!(c.fylke().unwrap().as_str(), "03");
        assert_eq!(
            AreaCode::parse("03").unwrap().parent().unwrap().as_str(),
            "0"
        );
        assert_eq!(AreaCode::landet().parent(), None);
        // The fylke an area is set against: a kommune's and a bydel's, none above them.
        let above = |c: &str| AreaCode::parse(c).unwrap().fylke_above();
        assert_eq!(above("030101").unwrap().as_str(), "03");
        assert_eq!(above("4601").unwrap().as_str(), "46");
        assert_eq!((above("46"), above("0")), (None, None));
    }

    #[test]
    fn bad_codes_are_typed_errors() {
        assert_eq!(AreaCode::parse(""), Err(CodeError::Empty));
        assert_eq!(AreaCode::parse("03x1"), Err(CodeError::NotDigits));
        assert_eq!(AreaCode::parse("030"), Err(CodeError::WrongLength(3)));
        assert_eq!(AreaCode::parse("1"), Err(CodeError::WrongLength(1)));
        assert!(AreaCode::parse_at(Level::Kommune, "03").is_err());
        assert!(AreaCode::parse_at(Level::Kommune, "0301").is_ok());
    }

    #[test]
    fn registry_checks_hierarchy() {
        let ok = Registry::new(vec![
            area("0301", "Oslo"),
            area("0", "Landet"),
            area("03", "Oslo"),
            area("030101", "Gamle Oslo"),
        ])
        .unwrap();
        assert_eq!(ok.landet().name, "Landet");
        let oslo = AreaCode::parse("0301").unwrap();
        assert_eq!(ok.children(&oslo).count(), 1);
        let names: Vec<_> = ok
            .ancestors(&AreaCode::parse("030101").unwrap())
            .iter()
            .map(|a| a.code.to_string())
            .collect();
        assert_eq!(names, ["0301", "03", "0"]);
        assert_eq!(
            Registry::new(vec![area("0", "L"), area("0301", "Oslo")]),
            Err(RegistryError::OrphanArea("0301".into()))
        );
        assert_eq!(
            Registry::new(vec![area("03", "Oslo")]),
            Err(RegistryError::NoLandet)
        );
        // A registry that did not come through `new` (a decoded one) must be in code order,
        // and its parents found even where siblings share them.
        let unsorted = Registry {
            areas: vec![area("0", "L"), area("03", "Oslo"), area("02", "Akershus")],
        };
        assert_eq!(unsorted.check(), Err(RegistryError::Unsorted("02".into())));
        let orphan_after_sibling = Registry {
            areas: vec![
                area("0", "L"),
                area("03", "Oslo"),
                area("0301", "Oslo"),
                area("030101", "Gamle Oslo"),
                area("030102", "Grünerløkka"),
                area("030201", "Nowhere"),
            ],
        };
        assert_eq!(
            orphan_after_sibling.check(),
            Err(RegistryError::OrphanArea("030201".into()))
        );
    }

    #[test]
    fn sami_name_forms() {
        let a = area("5610", "Kárášjohka - Karasjok");
        assert_eq!(a.name_forms(), ["Kárášjohka", "Karasjok"]);
    }
}
