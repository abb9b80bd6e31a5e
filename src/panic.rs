//! The last line of defence: a panic must never leave a frozen page. The hook logs the panic
//! and replaces the page with a plain message and a reload link, written with the DOM directly
//! because the reactive system may be what failed.

use crate::i18n::{t, Msg};
use oppvekst_core::{route, Lang};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fallback();
    }));
}

fn show_fallback() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| route::parse_query(&s).lang)
        .unwrap_or(Lang::Nb);
    let Some(body) = doc.body() else { return };
    // Text only (set_text_content): the message never becomes markup.
    let build = || -> Option<()> {
        let main = doc.create_element("main").ok()?;
        main.set_attribute("role", "alert").ok()?;
        main.set_class_name("panic");
        let h1 = doc.create_element("h1").ok()?;
        h1.set_text_content(Some(t(lang, Msg::PanicTitle)));
        let p = doc.create_element("p").ok()?;
        p.set_text_content(Some(t(lang, Msg::PanicBody)));
        let a = doc.create_element("a").ok()?;
        a.set_attribute("href", "/").ok()?;
        a.set_text_content(Some(t(lang, Msg::BackToStart)));
        main.append_child(&h1).ok()?;
        main.append_child(&p).ok()?;
        main.append_child(&a).ok()?;
        body.set_text_content(None);
        body.append_child(&main).ok()?;
        Some(())
    };
    let _ = build();
}
