//! Text made safe for HTML, for the few places that write markup as a string: the overview's
//! table (written whole for speed) and the embed code a reader copies into another site.

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Bø & 'Ås'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Bø &amp; &#39;Ås&#39;&lt;/a&gt;"
        );
    }
}
