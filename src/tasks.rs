//! Yielding to the browser between long pieces of work, so that no one task keeps a phone
//! from answering the reader (Lighthouse counts each task over 50 ms as blocking).

/// Resolves in a later task, so that the browser can answer the reader in between. Where
/// there is no window (the prerenderer), at once.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
