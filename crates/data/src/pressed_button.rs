//! A button of the static copy that only the app can answer (a download, «Kopier lenken»,
//! «Bygg inn», «Skriv ut», «Ta vare på for bruk uten nett», a chart's «Lagre som PNG»). The copy
//! paints two to three seconds before the app on a phone, and its buttons did nothing until then:
//! a tap was lost, and the reader had to guess that the page was not ready. A few lines of the
//! boot script keep the last such tap: the button says it is busy (`aria-busy`, which the
//! stylesheet shows), and when the app takes the page over it presses the same button of its
//! own (`prerender::reveal`), with the focus on it.
//!
//! Not a row's button, which the copy answers itself (`opened_rows`), nor a form's submit
//! button, which the browser answers by loading the chosen page.

use oppvekst_core::route::{APP_BUTTONS, PRESSED_BUTTON as PRESSED};

/// The script, for the top of the boot module. Every name it uses is inside a block.
pub fn script() -> String {
    format!(
        "{{ const copy = document.getElementById('prerendered'); \
         copy?.addEventListener('click', (event) => {{ \
         const button = event.target.closest?.('{APP_BUTTONS}'); \
         if (!button || !copy.contains(button)) return; \
         for (const b of copy.querySelectorAll('[{PRESSED}]')) {{ b.removeAttribute('{PRESSED}'); b.removeAttribute('aria-busy'); }} \
         button.setAttribute('{PRESSED}', ''); button.setAttribute('aria-busy', 'true'); \
         }}); }}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_keeps_the_last_button_pressed_on_the_copy_in_a_block_of_its_own() {
        let s = script();
        assert!(s.starts_with("{ const copy = document.getElementById('prerendered');"));
        assert!(s.ends_with("}); }"));
        assert!(!APP_BUTTONS.contains(['\'', '\\']));
        assert!(s.contains("closest?.('button[type=button]:not(.row-toggle)')"));
        assert!(s.contains("button.setAttribute('data-pressed', '')"));
        crate::assert_block(&s);
    }
}
