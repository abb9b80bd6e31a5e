//! A view's static copy standing in for the same view with other choices. Each area's views
//! are prerendered as they open (`/kommune/0301/utvikling`); a shared link names more
//! (`?indikator=mobbing_7`, `?sett=fylke`), and the language script hides such a copy's content
//! until the app has drawn the page (`data-stale`), three to four seconds on a phone. Most of
//! the copy's top holds for any choice, though: the way back, the heading, the tabs, the lead,
//! and the trend's caption for any indicator. The lead and the caption name the indicator; they
//! are marked `data-names` (by `ExploreHeader` and the trend view) with the keys they do not
//! hold for (the caption names the areas, which `med` changes).
//!
//! A few lines at the start of the boot script, run once the page is parsed and before the app
//! is fetched, let that part show (`data-holds`). They put the asked indicator's name, read from
//! the copy's own picker, where the copy's is; point the tabs at it; show or drop what is only
//! for some indicators (`data-for`: the demodata notice, for the modelled ones, which a copy
//! carries hidden where its own figures are real; the estimate of a divided kommune's
//! population, for the population's), as the app will; and mark the page `data-standin`. The
//! figures stay hidden until the app draws the right ones, and nothing moves when it does.
//!
//! They also clear `data-stale` where the address only names what the copy shows
//! (`?indikator=barn_0_17`, as the app's own tabs write it): the copy is that page. The app reads
//! the verdict (`prerender::mount`): a page still `data-stale` drops its copy. The 404 page's
//! copy stands in for nothing: they leave it as the language script marked it.

use oppvekst_core::route::VIEW_KEYS;

/// The script, for the top of the boot module. Every name it uses is inside a block.
pub fn script() -> String {
    let list = |keys: &[&str]| {
        keys.iter()
            .map(|k| format!("'{k}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{{ const root = document.documentElement, copy = document.getElementById('prerendered'); \
         if (copy && root.hasAttribute('data-stale') && !root.hasAttribute('{catch_all}')) {{ \
         const select = (key) => copy.querySelector(`select[name=\"${{key}}\"]`); \
         const asked = [...new URLSearchParams(location.search)] \
         .filter(([key, value]) => [{keys}].includes(key) && value !== select(key)?.dataset.shown); \
         const keys = asked.map(([key]) => key), id = asked.find(([key]) => key === 'indikator')?.[1]; \
         const options = [...(select('indikator')?.options ?? [])]; \
         const from = options.find((o) => o.value === select('indikator')?.dataset.shown), \
         to = options.find((o) => o.value === id); \
         const names = copy.querySelectorAll('[data-names]'); \
         if (!asked.length) root.removeAttribute('data-stale'); \
         else if (names.length && (id === undefined || (from && to)) && keys.every((key) => [{stand_in}].includes(key))) {{ \
         for (const el of names) {{ \
         if (el.dataset.names.split(' ').some((key) => keys.includes(key))) continue; \
         if (to) for (const text of el.childNodes) \
         if (text.nodeType === Node.TEXT_NODE) text.data = text.data.replace(from.text, () => to.text); \
         el.setAttribute('data-holds', ''); }} \
         if (to) {{ \
         for (const a of copy.querySelectorAll('.explore-nav a[href*=\"indikator=\"]')) {{ \
         const url = new URL(a.href); url.searchParams.set('indikator', to.value); \
         a.setAttribute('href', url.pathname + url.search); }} \
         select('indikator').value = to.value; \
         for (const el of copy.querySelectorAll('[data-for]')) el.hidden = !el.dataset.for.split(' ').includes(to.value); }} \
         root.removeAttribute('data-stale'); root.setAttribute('data-standin', ''); }} }} }}",
        keys = list(&VIEW_KEYS),
        // The 404 page's copy stands in for nothing: on an area's address the app says what
        // the address is (`page_lang::CATCH_ALL`).
        catch_all = crate::page_lang::CATCH_ALL,
        // Not an embed: it is drawn without the header (a compact one as the copy's part
        // alone: `data-embed`, which the language script sets).
        stand_in = list(&VIEW_KEYS.into_iter().filter(|k| *k != "embed").collect::<Vec<_>>()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_knows_the_views_keys_and_which_it_stands_in_for() {
        let s = script();
        assert!(s.contains(
            "['indikator', 'med', 'sett', 'sorter', 'utsnitt', 'klasser', 'embed'].includes(key)"
        ));
        assert!(s.contains(
            "['indikator', 'med', 'sett', 'sorter', 'utsnitt', 'klasser'].includes(key)"
        ));
        assert!(s.contains("copy.querySelectorAll('[data-names]')"));
        assert!(s.contains("&& !root.hasAttribute('data-catch-all')) {"));
        // A block: its names never meet the boot's own.
        crate::assert_block(&s);
    }
}
