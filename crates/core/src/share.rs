//! Sharing a page: the address of its embed, and the code a kommune pastes into its own site
//! to embed it (an iframe that `embed.js` sizes to its content).

use crate::html::escape;
use crate::route::Embed;

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

/// The iframe and the sizing script for the embed at `origin` + `address` (from
/// [`crate::route::Embed::address`]), titled `title` (screen readers announce a frame by its
/// title). The frame starts at about its content's height, so that little moves, and loads
/// lazily; `embed.js` then sets its height to the content's.
pub fn embed_code(origin: &str, address: &str, title: &str) -> String {
    let origin = origin.trim_end_matches('/');
    let start = match crate::route::parse_query(address.split_once('?').map_or("", |a| a.1)).embed {
        Some(Embed::Figure) => 520,
        Some(Embed::Card) => 480,
        _ => 800,
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-oppvekst loading=\"lazy\" \
         style=\"width: 100%; height: {start}px; border: 0\"></iframe>\n\
         <script src=\"{}/embed.js\" defer></script>",
        escape(&format!("{origin}{address}")),
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
        let address = Embed::Page
            .address(
                "/kommune/4601/sammenlign",
                "?indikator=mobbing_7&sett=fylke&lang=nn",
            )
            .unwrap();
        let code = embed_code(
            "https://oppvekst.example.no/",
            &address,
            "Oppvekstprofil for \"Bergen\" & co",
        );
        assert_eq!(
            code,
            "<iframe src=\"https://oppvekst.example.no/kommune/4601/sammenlign?embed=1&amp;\
             indikator=mobbing_7&amp;sett=fylke\" title=\"Oppvekstprofil for \
             &quot;Bergen&quot; &amp; co\" data-oppvekst loading=\"lazy\" style=\"width: 100%; \
             height: 800px; border: 0\"></iframe>\n<script \
             src=\"https://oppvekst.example.no/embed.js\" defer></script>"
        );
    }
}

#[cfg(test)]
mod compact {
    use super::*;

    #[test]
    fn a_compact_frame_starts_near_its_height() {
        let card = Embed::Card.address("/kommune/0301/kart", "").unwrap();
        assert!(embed_code("https://o.no", &card, "Oslo")
            .starts_with("<iframe src=\"https://o.no/kommune/0301?embed=kort\" title=\"Oslo\" data-oppvekst loading=\"lazy\" style=\"width: 100%; height: 480px;"));
        let figure = Embed::Figure.address("/kommune/0301/kart", "").unwrap();
        assert!(embed_code("https://o.no", &figure, "Oslo").contains("height: 520px;"));
    }
}
