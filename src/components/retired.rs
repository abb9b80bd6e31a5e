//! An address with a retired area number: `/kommune/1201` (Bergen before 2020), a bydel of the
//! old Trondheim, the fylke Viken. Old links in documents and bookmarks keep working: a number
//! that went to one area opens that area with a line saying what became of it, and a split
//! number lists today's areas, each link keeping the page's view and choices.

use crate::api::{self, ProfileData};
use crate::components::error_view::error_section;
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::area_name;
use crate::views::profile::profile_top;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::codec::ContextBundle;
use oppvekst_core::route::for_area;
use oppvekst_core::search::{split_title, successors, OldCode};
use oppvekst_core::{AreaCode, Lang, Level};

/// «Kommunenummer 1201 ble til 4601 Bergen i 2020.», in the words of the number's level.
/// `to` is the new area as the sentence names it.
pub fn old_code_notice(o: &OldCode, to: &str, lang: Lang) -> String {
    let msg = match o.to.level() {
        Level::Bydel => Msg::OldBydelNotice,
        Level::Fylke => Msg::OldFylkeNotice,
        _ => Msg::OldCodeNotice,
    };
    tf(lang, msg, &[&o.code, to, &(o.until + 1).to_string()])
}

/// «Nøtterøy ble en del av Færder i 2018.»: for an area found by the name it had.
pub fn old_name_notice(o: &OldCode, to: &str, lang: Lang) -> String {
    tf(
        lang,
        Msg::OldNameNotice,
        &[&o.name, to, &(o.until + 1).to_string()],
    )
}

/// «4601 Bergen»: the new area as the notice names it.
fn numbered(ctx: &ContextBundle, code: &AreaCode, lang: Lang) -> String {
    let name = ctx
        .registry
        .get(code)
        .map(|a| area_name(a, lang))
        .unwrap_or_default();
    format!("{code} {name}")
}

/// What a page for `code` shows when the manifest has no such area: the page for the one area
/// the number became (drawn by `page`, under the notice), the list of areas a split number
/// became, or the «no such area» message.
#[component]
pub fn Retired<P, V>(code: AreaCode, page: P) -> impl IntoView
where
    P: Fn(AreaCode) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let context = api::context_resource(lang, false);
    move || {
        let ctx = context.get()?.ok()?;
        Some(retired(&ctx, &code, lang.get(), |to| page(to).into_any()))
    }
}

/// The static copy of a retired number's profile, written at build time (`crate::ssr`) with the
/// context at hand: what the app draws there, with the top of the profile of the one area the
/// number became (`profile`: its first screen; the app draws the rest once it has loaded) and
/// a link to that profile.
#[component]
pub fn RetiredCopy(code: AreaCode, profile: Option<ProfileData>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let ctx = crate::prerender::preloaded()?;
    let path = use_location().pathname.get_untracked();
    Some(retired(&ctx, &code, lang, |to| {
        let link = for_area(&path, "", &to, lang);
        let top =
            profile.map(|d| view! { <article class="profile">{profile_top(&d, lang)}</article> });
        view! { {top} <p><a href=link>{numbered(&ctx, &to, lang)}</a></p> }.into_any()
    }))
}

/// [`Retired`] for a loaded context.
fn retired(
    ctx: &ContextBundle,
    code: &AreaCode,
    lang: Lang,
    page: impl FnOnce(AreaCode) -> AnyView,
) -> AnyView {
    let old: Vec<OldCode> = successors(&ctx.old_codes, code.as_str())
        .into_iter()
        .cloned()
        .collect();
    match old.as_slice() {
        [] => error_section(
            api::LoadError::UnknownArea(code.clone()),
            Callback::new(|_| {}),
        )
        .into_any(),
        [one] => view! {
            <p class="retired-notice" role="note">
                {old_code_notice(one, &numbered(ctx, &one.to, lang), lang)}
            </p>
            {page(one.to.clone())}
        }
        .into_any(),
        many => split(ctx, many, lang).into_any(),
    }
}

/// A link to the page at hand for today's area `to`: its view, with the reader's choices.
#[component]
pub fn SameViewLink(to: AreaCode) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let context = api::context_resource(lang, false);
    move || {
        let lang = lang.get();
        let ctx = context.get()?.ok()?;
        let link = for_area(&location.pathname.get(), &location.search.get(), &to, lang)?;
        Some(view! { <p><a href=link>{numbered(&ctx, &to, lang)}</a></p> })
    }
}

/// A number split between several of today's areas: each, with the page's view and choices.
fn split(ctx: &ContextBundle, old: &[OldCode], lang: Lang) -> impl IntoView {
    let location = use_location();
    let (path, search) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    let items = old
        .iter()
        .filter_map(|o| {
            let link = for_area(&path, &search, &o.to, lang)?;
            let name = numbered(ctx, &o.to, lang);
            Some(view! { <li><a href=link>{name}</a></li> })
        })
        .collect_view();
    // The title the page has when loaded at this address (`oppvekst-data routes`), also when
    // the app comes here from another page.
    crate::state::set_document_title(&format!(
        "{} – {}",
        split_title(&ctx.registry, old),
        t(lang, Msg::AppName)
    ));
    // An error replaces the prerendered copy too: the reader must see it.
    crate::prerender::reveal_when_mounted();
    view! {
        <section class="retired" data-error="retired">
            <h1>{tf(lang, Msg::RetiredSplitTitle, &[&old[0].code])}</h1>
            <p>{tf(lang, Msg::RetiredSplitBody, &[&(old[0].until + 1).to_string()])}</p>
            <ul>{items}</ul>
        </section>
    }
}
