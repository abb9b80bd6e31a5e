//! The manifest as the browser's JSON parser reads it, taken field by field into a `Manifest`.
//! Not through serde: its reader of a parsed value (serde-wasm-bindgen) was the last thing in
//! the profile app that used it, and its error messages kept the standard library's whole
//! float formatting in the wasm; a JSON parser of the app's own was 7 KB (brotli) more still.

use js_sys::{Array, Object, Reflect, JSON};
use oppvekst_core::area::AreaCode;
use oppvekst_core::codec::{Manifest, ManifestError};
use oppvekst_core::lang::Text;
use oppvekst_core::Lang;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

/// A manifest's bytes, parsed and checked (`Manifest::checked`).
pub fn read(bytes: &[u8]) -> Result<Manifest, ManifestError> {
    let value = JSON::parse(&String::from_utf8_lossy(bytes)).map_err(|e| {
        bad(e
            .dyn_into::<js_sys::Error>()
            .map_or_else(|_| "not JSON".into(), |e| e.message().into()))
    })?;
    if !value.is_object() || Array::is_array(&value) {
        return Err(bad("not an object".into()));
    }
    let version = field(&value, "format_version")
        .as_f64()
        .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(v))
        .ok_or_else(|| bad("format_version: not a format number".into()))?;
    let areas = table(&value, "areas", false)?
        .into_iter()
        .map(|(code, file)| {
            AreaCode::parse(&code)
                .map(|code| (code, file))
                .map_err(|e| bad(format!("areas: {code}: {e}")))
        })
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    Manifest {
        format_version: version as u16,
        context: by_lang(&value, "context")?,
        cells: text(&value, "cells")?,
        areas,
        geometry: table(&value, "geometry", true)?.into_iter().collect(),
    }
    .checked()
}

fn bad(why: String) -> ManifestError {
    ManifestError::Json(why)
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, name: &str) -> Result<String, ManifestError> {
    field(object, name)
        .as_string()
        .ok_or_else(|| bad(format!("{name}: not a string")))
}

/// An object with a string for each language (`{"nb": …, "nn": …, "en": …}`).
fn by_lang(object: &JsValue, name: &str) -> Result<Text, ManifestError> {
    let value = field(object, name);
    if !value.is_object() || Array::is_array(&value) {
        return Err(bad(format!("{name}: not an object")));
    }
    let file = |lang: Lang| {
        field(&value, lang.code())
            .as_string()
            .ok_or_else(|| bad(format!("{name}: {}: not a string", lang.code())))
    };
    Ok(Text {
        nb: file(Lang::Nb)?,
        nn: file(Lang::Nn)?,
        en: file(Lang::En)?,
    })
}

/// The entries of an object of strings; an absent one is empty where it may be absent.
fn table(
    object: &JsValue,
    name: &str,
    optional: bool,
) -> Result<Vec<(String, String)>, ManifestError> {
    let value = field(object, name);
    if optional && value.is_undefined() {
        return Ok(Vec::new());
    }
    if !value.is_object() || Array::is_array(&value) {
        return Err(bad(format!("{name}: not an object")));
    }
    Object::entries(value.unchecked_ref())
        .iter()
        .map(|entry| {
            let entry: Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            entry
                .get(1)
                .as_string()
                .map(|file| (key.clone(), file))
                .ok_or_else(|| bad(format!("{name}: {key}: not a string")))
        })
        .collect()
}
