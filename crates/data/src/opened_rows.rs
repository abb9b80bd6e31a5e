//! Barometer rows opened on the static copy. A profile's copy paints in about a second on a
//! phone, the app takes it over two to three seconds later, and a row's button does nothing
//! until then: a reader who tapped a row in between saw nothing happen, and the row was closed
//! when the app came. A few lines of the boot script let the copy's buttons answer at once: the
//! row opens (or closes again) as it does in the app, with the page's «Laster inn …» where its
//! details will be. The app opens the same rows when it takes the page over, and puts the focus
//! on the same button (`prerender::reveal`).
//!
//! The names it uses are the barometer's (`src/components/barometer.rs`): a row is a
//! `tbody.indicator` whose `.row-toggle` button says with `aria-expanded` whether it is open,
//! and whose `tr.detail` holds the details; the copy's loading line is `.stale-loading`.

/// The script, for the top of the boot module. Every name it uses is inside a block.
pub fn script() -> String {
    "{ const copy = document.getElementById('prerendered'); \
     copy?.addEventListener('click', (event) => { \
     const toggle = event.target.closest?.('tbody.indicator .row-toggle'); if (!toggle) return; \
     const open = toggle.getAttribute('aria-expanded') !== 'true'; \
     toggle.setAttribute('aria-expanded', String(open)); \
     const row = toggle.closest('tbody'); row.classList.toggle('open', open); \
     const detail = row.querySelector('tr.detail'), cell = detail?.querySelector('td'); \
     if (detail) detail.hidden = !open; \
     if (cell) cell.textContent = open ? (copy.querySelector('.stale-loading')?.textContent ?? '') : ''; \
     }); }"
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_answers_only_the_copys_row_buttons_in_a_block_of_its_own() {
        let s = script();
        assert!(s.starts_with("{ const copy = document.getElementById('prerendered');"));
        assert!(s.ends_with("}); }"));
        assert!(s.contains("closest?.('tbody.indicator .row-toggle')"));
        crate::assert_block(&s);
    }
}
