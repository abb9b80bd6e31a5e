//! The notices of the offline support: «you are offline and see saved figures», and «a new
//! version is ready» with its reload button. Both sit in live regions that are always in the
//! page, so that a screen reader hears them when they appear.

use crate::i18n::{t, use_lang, Msg};
use crate::offline::{take_over, OfflineState};
use leptos::prelude::*;

#[component]
pub fn OfflineNotices() -> impl IntoView {
    let lang = use_lang();
    let state = expect_context::<OfflineState>();
    view! {
        <div class="notices" role="status">
            <Show when=move || state.offline.get()>
                <p class="offline-notice" data-offline="1">{move || t(lang.get(), Msg::OfflineNotice)}</p>
            </Show>
            <Show when=move || state.update_ready.get()>
                <p class="update-notice">
                    {move || t(lang.get(), Msg::UpdateReady)}
                    " "
                    <button type="button" on:click=|_| take_over()>{move || t(lang.get(), Msg::UpdateReload)}</button>
                </p>
            </Show>
        </div>
    }
}
