//! Fuzzes the URL parsers: any path and query gives a page, and an area page's path leads back
//! to the same area.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oppvekst_core::route::{area_path, parse_path, parse_query, Page};

fuzz_target!(|data: &[u8]| {
    let url = String::from_utf8_lossy(data);
    let url: &str = &url;
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    match parse_path(path) {
        Page::Profile(code) => assert_eq!(parse_path(&area_path(&code)), Page::Profile(code)),
        Page::BadArea { code, .. } => assert!(code.chars().count() <= 16),
        _ => {}
    }
    let _ = parse_query(query);
    // The whole URL as a path and as a query, too: the app must survive a mangled split.
    let _ = parse_path(url);
    let _ = parse_query(url);
});
