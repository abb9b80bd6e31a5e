//! Reads one TOML table field by field, so that every error names the entry and the field it is
//! about. A derived `Deserialize` on the whole entry reports only a line and column, and the
//! person fixing the catalogue wants to hear «`trangbodd`: field `unit`».

use super::error::CatalogueError;
use super::text::tidy;
use oppvekst_core::lang::Text;
use oppvekst_core::Lang;
use serde::de::DeserializeOwned;
use toml::{Table, Value};

/// The fields of one table not yet read, and the name of the place they belong to.
pub struct Fields {
    at: String,
    table: Table,
}

impl Fields {
    /// `field` names the value in its parent, for the error when it is not a table.
    pub fn new(value: Value, at: String, field: &str) -> Result<Fields, CatalogueError> {
        match value {
            Value::Table(table) => Ok(Fields { at, table }),
            other => Err(CatalogueError::InvalidField {
                at,
                field: field.to_owned(),
                message: format!("expected a table, found {}", other.type_str()),
            }),
        }
    }

    pub fn at(&self) -> &str {
        &self.at
    }

    /// Names the place anew, once the entry's id is known.
    pub fn rename(&mut self, at: &str) {
        self.at = at.to_owned();
    }

    /// Removes and converts one field; the conversion is serde's, so enum values must be the
    /// Rust variant names.
    pub fn take<T: DeserializeOwned>(&mut self, field: &str) -> Result<T, CatalogueError> {
        let value = self.take_value(field)?;
        value
            .try_into()
            .map_err(|e: toml::de::Error| CatalogueError::InvalidField {
                at: self.at.clone(),
                field: field.to_owned(),
                message: e.message().to_owned(),
            })
    }

    /// Removes and converts a field that may be absent.
    pub fn take_opt<T: DeserializeOwned>(
        &mut self,
        field: &str,
    ) -> Result<Option<T>, CatalogueError> {
        match self.table.contains_key(field) {
            true => self.take(field).map(Some),
            false => Ok(None),
        }
    }

    /// Removes a field that must be present, whatever its type.
    pub fn take_value(&mut self, field: &str) -> Result<Value, CatalogueError> {
        self.table
            .remove(field)
            .ok_or_else(|| CatalogueError::MissingField {
                at: self.at.clone(),
                field: field.to_owned(),
            })
    }

    /// A string that must not be blank.
    pub fn take_string(&mut self, field: &str) -> Result<String, CatalogueError> {
        let s: String = self.take(field)?;
        let s = s.trim().to_owned();
        if s.is_empty() {
            return Err(CatalogueError::InvalidField {
                at: self.at.clone(),
                field: field.to_owned(),
                message: "must not be blank".to_owned(),
            });
        }
        Ok(s)
    }

    /// A text in all three languages, each tidied and none blank.
    pub fn take_text(&mut self, field: &str) -> Result<Text, CatalogueError> {
        let value = self.take_value(field)?;
        let mut langs = Fields::new(value, self.at.clone(), field)?;
        let text = Text {
            nb: langs.take_lang(field, Lang::Nb)?,
            nn: langs.take_lang(field, Lang::Nn)?,
            en: langs.take_lang(field, Lang::En)?,
        };
        langs.finish_as(field)?;
        Ok(text)
    }

    /// One language of the text `field`, from the table holding its languages.
    fn take_lang(&mut self, field: &str, lang: Lang) -> Result<String, CatalogueError> {
        let text = match self.table.remove(lang.code()) {
            None => String::new(),
            Some(value) => {
                let raw: String = value.try_into().map_err(|e: toml::de::Error| {
                    CatalogueError::InvalidField {
                        at: self.at.clone(),
                        field: format!("{field}.{}", lang.code()),
                        message: e.message().to_owned(),
                    }
                })?;
                tidy(&raw)
            }
        };
        if text.is_empty() {
            return Err(CatalogueError::MissingText {
                at: self.at.clone(),
                field: field.to_owned(),
                lang,
            });
        }
        Ok(text)
    }

    /// Refuses any field left unread: a misspelt key would otherwise vanish silently.
    pub fn finish(self) -> Result<(), CatalogueError> {
        self.finish_as("")
    }

    /// As [`Fields::finish`], for a table nested under `parent`.
    fn finish_as(self, parent: &str) -> Result<(), CatalogueError> {
        match self.table.keys().next() {
            None => Ok(()),
            Some(key) => Err(CatalogueError::UnknownField {
                field: match parent {
                    "" => key.clone(),
                    _ => format!("{parent}.{key}"),
                },
                at: self.at,
            }),
        }
    }
}
