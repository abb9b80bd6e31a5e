//! Sharing a page: the address of its embed, and the code a kommune pastes into its own site
//! to embed it (an iframe that `embed.js` sizes to its content).

use crate::html::escape;

/// The same page as an embed: `search` with `embed=1` (once, first), the rest kept in order.
pub fn with_embed(path: &str, search: &str) -> String {
    let path = crate::route::local_path(path);
    let mut pairs = vec!["embed=1"];
    pairs.extend(
        search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && p.split('=').next() != Some("embed")),
    );
    format!("{path}?{}", pairs.join("&"))
}

/// The iframe and the sizing script for a page at `origin` + `path` + `search`, titled
/// `title` (screen readers announce a frame by its title). The frame starts 800 px tall and
/// loads lazily; `embed.js` then sets its height to the content's.
pub fn embed_code(origin: &str, path: &str, search: &str, title: &str) -> String {
    let origin = origin.trim_end_matches('/');
    let src = format!("{origin}{}", with_embed(path, search));
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-oppvekst loading=\"lazy\" \
         style=\"width: 100%; height: 800px; border: 0\"></iframe>\n\
         <script src=\"{}/embed.js\" defer></script>",
        escape(&src),
        escape(title),
        escape(origin),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embed_keeps_the_view_and_says_embed_once() {
        assert_eq!(
            with_embed("/kommune/0301/kart", "?indikator=mobbing_7&embed=0&lang=en"),
            "/kommune/0301/kart?embed=1&indikator=mobbing_7&lang=en"
        );
        assert_eq!(with_embed("/kommune/0301", ""), "/kommune/0301?embed=1");
        assert_eq!(
            with_embed("/kommune/0301", "?embed=1"),
            "/kommune/0301?embed=1"
        );
    }

    #[test]
    fn the_code_has_a_titled_frame_and_the_sizing_script() {
        let code = embed_code(
            "https://oppvekst.example.no/",
            "/kommune/4601/sammenlign",
            "?indikator=mobbing_7&sett=fylke&lang=nn",
            "Oppvekstprofil for \"Bergen\" & co",
        );
        assert_eq!(
            code,
            "<iframe src=\"https://oppvekst.example.no/kommune/4601/sammenlign?embed=1&amp;\
             indikator=mobbing_7&amp;sett=fylke&amp;lang=nn\" title=\"Oppvekstprofil for \
             &quot;Bergen&quot; &amp; co\" data-oppvekst loading=\"lazy\" style=\"width: 100%; \
             height: 800px; border: 0\"></iframe>\n<script \
             src=\"https://oppvekst.example.no/embed.js\" defer></script>"
        );
    }
}
