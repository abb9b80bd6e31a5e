//! The reader's language before the first paint. Each language's pages live under its own path
//! (`/nn/kommune/4602`, prerendered in nynorsk), but older links say `?lang=nn`, which a static
//! host cannot choose a file by. A few lines in every page's `<head>`, run before `<body>` is
//! parsed, move such a link to its path (hiding the bokmål page meanwhile, so that no bokmål
//! shows), and hide a static copy in the wrong language (the one 404 page on a `/nn/…` address)
//! until the boot script puts the page's copy in its language in its place (`copy_in_lang`).
//! Inline, since a script file would cost the phone a round trip before anything paints;
//! allowed by its hash in the Content-Security-Policy.

use oppvekst_core::route::{Embed, AREA_PATHS, VIEW_KEYS};
use sha2::{Digest, Sha256};

/// The script: it moves an older link's `?lang=` to the path; marks a page served in another
/// language than its address's (`data-relang`: the stylesheet hides the static copy); names an
/// embed (`data-embed="figur"`: the stylesheet draws the copy as that embed, so a figure, a
/// barometer or a card in a kommune's page paints from the copy, not after the app); and marks
/// a page whose address asks for more than the copy shows (another indicator, set or area, a
/// whole-page embed, an area's address on the 404 page ([`CATCH_ALL`]): `data-stale`, and the
/// stylesheet hides the copy's content, keeping its place, so that no wrong figure shows before
/// the app draws the right one; once the page is parsed, the boot script's `stand_in` shows
/// what of it holds). Its text is hashed into the CSP exactly as built here: the README's
/// header names the same hash (a test checks it).
pub fn script() -> String {
    let keys: Vec<&str> = VIEW_KEYS.into_iter().filter(|k| *k != "embed").collect();
    let compact: Vec<&str> = Embed::ALL
        .into_iter()
        .filter(|e| e.is_compact())
        .map(Embed::slug)
        .collect();
    format!(
        "(function(){{var d=document.documentElement,p=location.pathname,s=location.search,\
m=/^\\/(nb|nn|en)(\\/|$)/.exec(p),q=/[?&]lang=(nb|nn|en)(&|$)/.exec(s);\
if(!m&&q&&q[1]!=='nb'){{d.style.display='none';\
var r=s.slice(1).split('&').filter(function(x){{return x.split('=')[0]!=='lang'}}).join('&');\
location.replace('/'+q[1]+p+(r?'?'+r:'')+location.hash);return}}\
var l=m?m[1]:q?q[1]:'nb';if(l!==d.lang){{d.lang=l;d.setAttribute('data-relang','')}}\
var e=/[?&]embed=({})(&|$)/.exec(s);if(e)d.setAttribute('data-embed',e[1]);\
if(/[?&]({})=/.test(s)||/[?&]embed=(1|true)(&|$)/.test(s)||\
d.hasAttribute('{CATCH_ALL}')&&new RegExp('{AREA_PATHS}').test(p))d.setAttribute('data-stale','')}})();",
        compact.join("|"),
        keys.join("|")
    )
}

/// The attribute of the 404 page's `<html>`: the page that answers every address a host does
/// not know. On an area's address (`route::AREA_PATHS`: an old number's view, a number no area
/// has) the app says what the address is, and the script marks the page `data-stale`, so that
/// its copy's «Fant ikke siden» does not say otherwise first.
pub const CATCH_ALL: &str = "data-catch-all";

/// The script's CSP source: `'sha256-…'`.
pub fn csp_hash() -> String {
    use base64::Engine;
    let digest = Sha256::digest(script().as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// `page` with the script right after its CSP meta tag (a policy must come before what it
/// allows) and the script's hash in that policy's `script-src`. A page that has it is returned
/// as it is.
pub fn insert(page: &str) -> Result<String, String> {
    let tag = format!("<script>{}</script>", script());
    if page.contains(&tag) {
        return Ok(page.to_string());
    }
    let meta = page
        .find(CSP)
        .ok_or("the page has no Content-Security-Policy meta tag")?;
    let end = meta
        + page[meta..]
            .find("/>")
            .ok_or("the CSP meta tag is not closed")?
        + 2;
    let policy = &page[meta..end];
    let with_hash = policy.replacen(
        "script-src 'self'",
        &format!("script-src 'self' {}", csp_hash()),
        1,
    );
    if with_hash == policy {
        return Err("the CSP meta tag has no \"script-src 'self'\"".into());
    }
    Ok(format!("{}{with_hash}{tag}{}", &page[..meta], &page[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<head><meta charset=\"utf-8\" /><meta http-equiv=\"Content-Security-Policy\" \
        content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\" />\
        <title>x</title></head>";

    #[test]
    fn the_script_follows_the_policy_that_allows_it_once() {
        let out = insert(PAGE).unwrap();
        let hash = csp_hash();
        assert!(hash.starts_with("'sha256-") && hash.len() == 53, "{hash}");
        assert!(out.contains(&format!(
            "script-src 'self' {hash} 'wasm-unsafe-eval'; style-src 'self'\" /><script>{}</script><title>",
            script()
        )));
        assert_eq!(insert(&out).unwrap(), out);
        assert!(insert("<head></head>").is_err());
        // Nothing that would end the script early.
        assert!(!script().contains("</"));
        assert!(script().contains("[?&](indikator|med|sett|sorter|utsnitt|klasser)="));
        // A compact embed's copy is drawn as that embed; a whole-page embed's waits.
        assert!(script().contains("[?&]embed=(figur|barometer|kort)(&|$)"));
        assert!(script().contains("[?&]embed=(1|true)(&|$)"));
        // On the 404 page only, an area's address: the pattern sits in a string as it is.
        assert!(!AREA_PATHS.contains(['\'', '\\']));
        assert!(script().contains(&format!(
            "d.hasAttribute('data-catch-all')&&new RegExp('{AREA_PATHS}').test(p)"
        )));
    }

    #[test]
    fn the_readme_and_the_nginx_configuration_send_the_pages_policy() {
        // The header a host sends is the pages' own policy (index.html's meta tag with the
        // script's hash, as `insert` writes it) plus `frame-ancestors`.
        let page = insert(include_str!("../../../index.html")).unwrap();
        let start = page.find(CSP).unwrap() + CSP.len();
        let policy = &page[start..start + page[start..].find('"').unwrap()];
        assert!(policy.contains(&csp_hash()));
        let header = format!("{policy}; frame-ancestors 'self' https://www.your-kommune.no");
        let readme = include_str!("../../../README.md");
        assert!(
            readme.contains(&format!("Content-Security-Policy: {header}\n")),
            "README.md's header must be: {header}"
        );
        let nginx = include_str!("../../../deploy/nginx.conf");
        assert!(
            nginx.contains(&format!(
                "add_header Content-Security-Policy \"{header}\" always;"
            )),
            "deploy/nginx.conf's header must be: {header}"
        );
    }
}
