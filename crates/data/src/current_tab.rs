//! The current tab in sight. An explore view's tabs are one line that scrolls sideways on a
//! phone (`explore_nav` in the app); the current one must be in sight, with a little of the
//! next, which says that the line scrolls. The rule is here, in the boot script, so that it is
//! the same for the static copy's tabs, which it scrolls as soon as the page is parsed, and for
//! the app's, which call it by its global name ([`SHOW_CURRENT_TAB`]): when the app takes the
//! page over, the line stands where it stood. Before, the copy's line stood at its start and
//! jumped sideways at the handover.

use oppvekst_core::route::SHOW_CURRENT_TAB;

/// How much of the next tab shows, in CSS pixels.
const NEXT_TAB_PX: u32 = 48;

/// The script, for the top of the boot module: defines the function and applies it to the
/// static copy's tabs. Where the line does not scroll (a wide screen) it does nothing.
pub fn script() -> String {
    format!(
        "globalThis.{SHOW_CURRENT_TAB} = (ul) => {{ const tab = ul.querySelector('[aria-current=page]'); \
         if (!tab) return; const right = tab.offsetLeft - ul.offsetLeft + tab.offsetWidth; \
         if (right + {NEXT_TAB_PX} > ul.clientWidth) ul.scrollLeft = right - ul.clientWidth + {NEXT_TAB_PX}; }}; \
         for (const ul of document.querySelectorAll('#prerendered .explore-nav ul')) {SHOW_CURRENT_TAB}(ul);"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_defines_the_function_the_app_calls_and_scrolls_the_copys_tabs() {
        let s = script();
        assert!(s.starts_with("globalThis.oppvekstShowCurrentTab = (ul) => {"));
        assert!(s.ends_with(
            "for (const ul of document.querySelectorAll('#prerendered .explore-nav ul')) oppvekstShowCurrentTab(ul);"
        ));
        assert_eq!(s.matches('{').count(), s.matches('}').count());
    }
}
