//! The 404 page's copy in the reader's language. One file, `404.html`, answers every address a
//! host does not know, `/nn/…` and `/en/…` ones too; its copy is in bokmål, which the language
//! script hides on such an address (`data-relang`). Until the app drew the page, about 3 s on a
//! phone, a nynorsk or English reader saw a blank page. The prerenderer now puts the page's
//! copy in the other languages after it, as templates (`ssr::with_other_langs`), and the first
//! lines of the boot script, run once the page is parsed, put the one in the page's language in
//! the bokmål copy's place, before the boot script's other parts read the copy.

/// The script, for the very top of the boot module. Every name it uses is inside a block.
pub fn script() -> String {
    "{ const root = document.documentElement, \
     other = document.getElementById(`prerendered-${root.lang}`); \
     if (other && root.hasAttribute('data-relang')) { \
     document.getElementById('prerendered')?.replaceWith(other.content); \
     root.removeAttribute('data-relang'); } }"
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_puts_the_copy_in_the_pages_language_in_place_in_a_block_of_its_own() {
        let s = script();
        assert!(s.contains("document.getElementById(`prerendered-${root.lang}`)"));
        assert!(s.contains("replaceWith(other.content)"));
        crate::assert_block(&s);
    }
}
