//! JSON parsed into `serde_json::Value`, but with a repeated key in any object as an error.
//!
//! `serde_json::Value` keeps the last of two equal keys without a word, so a file with `"value"`
//! twice (a botched hand edit, two answers pasted together) would import whichever came last.
//! The publishers never repeat a key, so a repeat means the file is not what it seems.

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::{Map, Number, Value};
use std::fmt;

/// Parses `bytes` as one JSON document; a repeated key is an error naming the key and where it
/// is (`dataset`, `dimension.GEO.category`).
pub fn from_slice(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = Strict {
        path: String::new(),
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Whether an error from [`from_slice`] is a repeated key rather than broken JSON: serde_json
/// files the errors a visitor raises under `Data`, and this visitor raises no other.
pub fn is_repeated_key(e: &serde_json::Error) -> bool {
    e.classify() == serde_json::error::Category::Data
}

/// A value at `path` (dotted keys and `[i]`, empty at the top).
struct Strict {
    path: String,
}

impl Strict {
    fn child(&self, step: &str) -> Strict {
        Strict {
            path: if self.path.is_empty() {
                step.to_string()
            } else {
                format!("{}.{step}", self.path)
            },
        }
    }
}

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so only a non-finite float from elsewhere becomes null.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(self.child(&format!("[{}]", out.len())))? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let within = if self.path.is_empty() {
                    "the top-level object".to_string()
                } else {
                    format!("`{}`", self.path)
                };
                return Err(A::Error::custom(format!(
                    "the key \"{key}\" appears twice in one object ({within})"
                )));
            }
            let value = map.next_value_seed(self.child(&key))?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true], "b": {"c": {}}, "d": []}"#;
        assert_eq!(
            from_slice(text.as_bytes()).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(from_slice(b" 12 ").unwrap(), json!(12));
    }

    #[test]
    fn a_repeated_key_is_an_error_with_its_path() {
        let e = from_slice(br#"{"dimension": {"GEO": {"label": "a", "label": "b"}}}"#).unwrap_err();
        assert!(is_repeated_key(&e));
        let m = e.to_string();
        assert!(
            m.contains("the key \"label\" appears twice in one object"),
            "{m}"
        );
        assert!(m.contains("`dimension.GEO`"), "{m}");
        // The same key in two objects is fine.
        assert!(from_slice(br#"[{"a": 1}, {"a": 2}]"#).is_ok());
    }

    #[test]
    fn broken_json_is_not_a_repeated_key() {
        let e = from_slice(br#"{"a": 1"#).unwrap_err();
        assert!(!is_repeated_key(&e));
        assert!(from_slice(b"{} x").is_err());
    }
}
