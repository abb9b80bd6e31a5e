//! The barometer's «Vis bare det som skiller seg ut» on the static copy. The box is the
//! address's (`?utvalg=skiller`, `route::OUTSTANDING`), and until the app took the page over,
//! two to three seconds after the copy painted on a phone, the copy ignored both: a shared link
//! asking for the filter painted every row, which went away under the reader when the app came,
//! and a box ticked on the copy did nothing and was unticked again by the app. A few lines of
//! the boot script make the copy's box the app's: it stands as the address says, hides the
//! rows as the app does (the stylesheet hides them by the section's `outstanding` class), and a
//! tick changes the address as the app's does, without a new history entry. The app's box
//! follows the copy's when it takes the page over (`prerender::reveal`).
//!
//! The names it uses are the barometer's (`src/components/barometer.rs`), from
//! `route::BAROMETER_SECTION` and `route::OUTSTANDING_BOX`, which `prerender::reveal` reads too.

use oppvekst_core::route::{BAROMETER_SECTION, OUTSTANDING, OUTSTANDING_BOX};

/// The script, for the top of the boot module. Every name it uses is inside a block.
pub fn script() -> String {
    let (key, value) = OUTSTANDING;
    format!(
        "{{ const section = document.querySelector('#prerendered {BAROMETER_SECTION}'), \
         box = section?.querySelector('{OUTSTANDING_BOX}'); \
         if (box) {{ const show = (on) => {{ box.checked = on; section.classList.toggle('outstanding', on); }}; \
         show(new URLSearchParams(location.search).getAll('{key}').includes('{value}')); \
         box.addEventListener('change', () => {{ show(box.checked); \
         const query = new URLSearchParams(location.search); query.delete('{key}'); \
         if (box.checked) query.append('{key}', '{value}'); \
         const search = query.toString(); \
         history.replaceState(history.state, '', location.pathname + (search ? `?${{search}}` : '') + location.hash); \
         }}); }} }}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_sets_the_copys_box_by_the_address_in_a_block_of_its_own() {
        let s = script();
        assert!(s.starts_with(
            "{ const section = document.querySelector('#prerendered .barometer-section'),"
        ));
        assert!(s.ends_with("}); } }"));
        // The address's pair, as the app reads and writes it, sits in the strings as it is.
        let (key, value) = OUTSTANDING;
        assert!(!format!("{key}{value}").contains(['\'', '\\', '`', '$']));
        assert!(s.contains(&format!("getAll('{key}').includes('{value}')")));
        assert!(s.contains(&format!("query.append('{key}', '{value}')")));
        assert!(s.contains("section?.querySelector('.outstanding-filter input')"));
        crate::assert_block(&s);
    }
}
