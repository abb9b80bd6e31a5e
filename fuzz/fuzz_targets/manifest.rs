//! Fuzzes the manifest parser, the first file the app reads, and what it lets through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oppvekst_core::codec::Manifest;

fuzz_target!(|data: &[u8]| {
    // The app reads the manifest as text; invalid UTF-8 still gets a go, lossily decoded.
    let text = String::from_utf8_lossy(data);
    if let Ok(m) = Manifest::parse(&text) {
        for path in std::iter::once(&m.context)
            .chain(m.areas.values())
            .chain(m.geometry.values())
        {
            // The rule the app relies on to stay on its own host and under `data/`.
            assert!(!path.is_empty() && !path.starts_with('/') && !path.contains(".."));
            assert!(!path.contains("://"), "{path}");
        }
        assert_eq!(Manifest::parse(&m.to_json()).as_ref(), Ok(&m));
    }
});
