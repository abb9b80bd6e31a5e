//! The service worker of a build (`dist/sw.js`), from the template `tools/sw.js`: the worker
//! learns which files make up the app's shell, and its version is a hash of those files, so
//! that every change of the shell is a new worker with a cache of its own. The worker's rules
//! (pages and unhashed files from the network first, hashed files from the cache first) are
//! explained in the template.

use oppvekst_core::codec::{content_hash, versioned_name, Manifest};
use std::path::Path;

const TEMPLATE: &str = include_str!("../../../tools/sw.js");

/// Whether a top-level file of `dist` is part of the shell: the wasm and glue of both apps and
/// of the charts module (every `oppvekst-HASH`), the styles and the boot script, each named with
/// its content hash by Trunk or `routes`.
fn is_shell_file(name: &str) -> bool {
    let hashed = |prefix: &str, ext: &str| name.starts_with(prefix) && name.ends_with(ext);
    hashed("oppvekst-", ".js")
        || hashed("oppvekst-", "_bg.wasm")
        || hashed("style-", ".css")
        || hashed("boot-", ".js")
}

/// The shell's URLs: the front page (which boots the app for any route), the files above,
/// ECharts (its entry and every part, `vendor/`), the icon, the manifest under its versioned
/// name (the one the pages name, written by `routes`), each language's context (a page needs
/// its own; the reader may switch offline) and the kommuner's cells that the views of sets
/// need.
pub fn shell_urls(dist: &Path) -> Result<Vec<String>, String> {
    let read_dir = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut files: Vec<String> = read_dir
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_shell_file(n))
        .map(|n| format!("/{n}"))
        .collect();
    files.sort();
    let json = std::fs::read(dist.join("data/manifest.json"))
        .map_err(|e| format!("{}/data/manifest.json: {e}", dist.display()))?;
    let manifest = Manifest::parse(&String::from_utf8_lossy(&json)).map_err(|e| e.to_string())?;
    let named = versioned_name(&json);
    if !dist.join("data").join(&named).is_file() {
        return Err(format!(
            "{}/data/{named} is missing: run `oppvekst-data routes` first",
            dist.display()
        ));
    }
    let mut urls = vec!["/".to_string()];
    urls.extend(files);
    urls.extend(echarts_urls(dist)?);
    urls.extend([
        "/favicon.svg".to_string(),
        format!("/data/{named}"),
        // Every language's context: the reader may switch language offline.
        format!("/data/{}", manifest.context.nb),
        format!("/data/{}", manifest.context.nn),
        format!("/data/{}", manifest.context.en),
        // The kommuner's cells, without which no comparison, map or overview draws.
        format!("/data/{}", manifest.cells),
    ]);
    Ok(urls)
}

/// ECharts' entry and, in name order, the parts it loads (`tools/echarts/build.mjs`): a chart
/// offline needs them all.
fn echarts_urls(dist: &Path) -> Result<Vec<String>, String> {
    let vendor = dist.join("vendor");
    let read_dir = std::fs::read_dir(&vendor).map_err(|e| format!("{}: {e}", vendor.display()))?;
    let mut parts: Vec<String> = read_dir
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("echarts-") && n.ends_with(".js"))
        .map(|n| format!("/vendor/{n}"))
        .collect();
    parts.sort();
    if !vendor.join("echarts.js").is_file() {
        return Err(format!("{}/echarts.js is missing", vendor.display()));
    }
    Ok(std::iter::once("/vendor/echarts.js".to_string())
        .chain(parts)
        .collect())
}

/// The worker's source for these shell URLs, whose files are read from `dist` for the version.
pub fn service_worker(dist: &Path, urls: &[String]) -> Result<String, String> {
    let mut all = Vec::new();
    for url in urls {
        let file = if url == "/" {
            "index.html"
        } else {
            url.trim_start_matches('/')
        };
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        all.extend_from_slice(url.as_bytes());
        all.extend_from_slice(&bytes);
    }
    let version = content_hash(&all);
    let list = serde_json::to_string(urls).map_err(|e| e.to_string())?;
    Ok(TEMPLATE
        .replacen("'__VERSION__'", &format!("'{version}'"), 1)
        .replacen("__PRECACHE__", &list, 1))
}

/// Writes `dist/sw.js`; returns the number of shell files and the version.
pub fn write_service_worker(dist: &Path) -> Result<(usize, String), String> {
    let urls = shell_urls(dist)?;
    let source = service_worker(dist, &urls)?;
    std::fs::write(dist.join("sw.js"), &source).map_err(|e| format!("sw.js: {e}"))?;
    let version = source
        .split("const VERSION = '")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap_or_default()
        .to_string();
    Ok((urls.len(), version))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dist of a few files, with a manifest naming its contexts.
    fn dist(dir: &Path, app: &str) {
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::create_dir_all(dir.join("vendor")).unwrap();
        for (name, body) in [
            ("index.html", "<html>"),
            ("oppvekst-1a2b3c4d.js", app),
            ("oppvekst-1a2b3c4d_bg.wasm", "wasm"),
            ("style-0123abcd.css", "css"),
            ("boot-deadbeef.js", "boot"),
            ("embed.js", "not the shell"),
            ("favicon.svg", "<svg/>"),
            ("vendor/echarts.js", "echarts"),
            ("vendor/echarts-0a1b2c3d4e.js", "a part"),
            ("vendor/echarts-00aa11bb22.js", "another"),
            ("data/context-nb-00aa11bb.bin", "ctx"),
            ("data/context-nn-00aa11cc.bin", "ctx nn"),
            ("data/context-en-00aa11dd.bin", "ctx en"),
            ("data/cells-11bb22cc.bin", "cells"),
        ] {
            std::fs::write(dir.join(name), body).unwrap();
        }
        let json = format!(
            r#"{{"format_version": {}, "context": {{"nb": "context-nb-00aa11bb.bin", "nn": "context-nn-00aa11cc.bin", "en": "context-en-00aa11dd.bin"}}, "cells": "cells-11bb22cc.bin", "areas": {{}}}}"#,
            oppvekst_core::codec::FORMAT_VERSION
        );
        std::fs::write(dir.join("data/manifest.json"), &json).unwrap();
        std::fs::write(
            dir.join("data").join(versioned_name(json.as_bytes())),
            &json,
        )
        .unwrap();
    }

    #[test]
    fn the_worker_knows_the_shell_and_a_new_shell_is_a_new_worker() {
        let tmp = std::env::temp_dir().join(format!("oppvekst-sw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        dist(&tmp, "app v1");
        let urls = shell_urls(&tmp).unwrap();
        assert_eq!(
            urls,
            [
                "/",
                "/boot-deadbeef.js",
                "/oppvekst-1a2b3c4d.js",
                "/oppvekst-1a2b3c4d_bg.wasm",
                "/style-0123abcd.css",
                "/vendor/echarts.js",
                "/vendor/echarts-00aa11bb22.js",
                "/vendor/echarts-0a1b2c3d4e.js",
                "/favicon.svg",
                format!(
                    "/data/{}",
                    versioned_name(&std::fs::read(tmp.join("data/manifest.json")).unwrap())
                )
                .as_str(),
                "/data/context-nb-00aa11bb.bin",
                "/data/context-nn-00aa11cc.bin",
                "/data/context-en-00aa11dd.bin",
                "/data/cells-11bb22cc.bin",
            ]
        );
        let (n, v1) = write_service_worker(&tmp).unwrap();
        assert_eq!(n, 14);
        let sw = std::fs::read_to_string(tmp.join("sw.js")).unwrap();
        assert!(sw.contains(&format!("const VERSION = '{v1}';")));
        assert!(sw.contains(r#"const PRECACHE = ["/","/boot-deadbeef.js""#));
        assert!(!sw.contains("__VERSION__") && !sw.contains("__PRECACHE__"));
        // The same files give the same worker; one changed byte gives another.
        assert_eq!(write_service_worker(&tmp).unwrap().1, v1);
        std::fs::write(tmp.join("oppvekst-1a2b3c4d.js"), "app v2").unwrap();
        let v2 = write_service_worker(&tmp).unwrap().1;
        assert_ne!(v2, v1);
        // So does a part of ECharts.
        std::fs::write(tmp.join("vendor/echarts-0a1b2c3d4e.js"), "a part, v2").unwrap();
        assert_ne!(write_service_worker(&tmp).unwrap().1, v2);
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
