//! The stylesheet as served: without its comments. `public/style.css` explains its rules at
//! length, for its readers; a browser needs none of that, and it was a third of the file as
//! every first load downloads it (8,7 → 5,8 KB brotli). Trunk names the file by the hash of
//! what it copied, so a changed stylesheet still gets a new name.

use std::path::Path;

/// `css` without its comments and the blank lines they leave. Text inside quotes stays as it
/// is; an unclosed comment runs to the end, as it does for a browser.
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    let mut quote: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        match quote {
            Some(q) => {
                // An escaped character inside a string, the quote included, stays with it.
                if c == '\\' {
                    let n = rest[1..].chars().next().map_or(0, char::len_utf8);
                    out.push_str(&rest[..1 + n]);
                    rest = &rest[1 + n..];
                    continue;
                }
                if c == q {
                    quote = None;
                }
            }
            None if rest.starts_with("/*") => {
                rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]);
                // A comment parts two words (`a/**/b` is not `ab`).
                let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
                if out.chars().next_back().is_some_and(word)
                    && rest.chars().next().is_some_and(word)
                {
                    out.push(' ');
                }
                continue;
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n") + "\n"
}

/// Rewrites each stylesheet Trunk put at the top of `dist` (`style-HASH.css`) without its
/// comments, and gives its link in `dist/index.html` the integrity of what it now holds (Trunk
/// wrote the old file's; a browser refuses a stylesheet whose hash is another). Returns how
/// many; running it again changes nothing.
pub fn compact(dist: &Path) -> std::io::Result<usize> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    let mut n = 0;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
        if !(name.starts_with("style-") && name.ends_with(".css")) {
            continue;
        }
        let compact = without_comments(&std::fs::read_to_string(&path)?);
        std::fs::write(&path, &compact)?;
        index = with_integrity(&index, name, &integrity(compact.as_bytes()));
        n += 1;
    }
    std::fs::write(&index_path, index)?;
    Ok(n)
}

/// Subresource integrity as Trunk writes it: `sha384-` and the digest in base64.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `page` with the `integrity` of the link to `file` set to `value`.
fn with_integrity(page: &str, file: &str, value: &str) -> String {
    let Some(at) = page.find(&format!("href=\"/{file}\"")) else {
        return page.to_string();
    };
    let start = page[..at].rfind('<').unwrap_or(at);
    let end = page[at..].find('>').map_or(page.len(), |e| at + e);
    let tag = &page[start..end];
    let Some(i) = tag.find("integrity=\"") else {
        return page.to_string();
    };
    let from = i + "integrity=\"".len();
    let to = tag[from..].find('"').map_or(tag.len(), |e| from + e);
    format!(
        "{}{}{value}{}{}",
        &page[..start],
        &tag[..from],
        &tag[to..],
        &page[end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_strings_stay() {
        let css = "/* why */\na { color: red; } /* more\n   lines */\n\n\
                   b::after { content: \"/* not a comment */\"; }\n\
                   c::before { content: '\\'/*' }\n";
        assert_eq!(
            without_comments(css),
            "a { color: red; } \nb::after { content: \"/* not a comment */\"; }\n\
             c::before { content: '\\'/*' }\n"
        );
    }

    #[test]
    fn an_unclosed_comment_runs_to_the_end_and_a_second_pass_changes_nothing() {
        assert_eq!(without_comments("a { } /* open"), "a { } \n");
        assert_eq!(without_comments("a/**/b{}"), "a b{}\n");
        let once = without_comments(include_str!("../../../public/style.css"));
        assert_eq!(without_comments(&once), once);
        assert!(!once.contains("/*"));
        // Every rule is still there: as many braces as before.
        let css = include_str!("../../../public/style.css");
        assert_eq!(once.matches('{').count(), css.matches('{').count());
    }

    #[test]
    fn the_stylesheet_in_dist_is_rewritten_once_with_its_new_integrity() {
        let dir = std::env::temp_dir().join(format!("oppvekst-css-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("style-0123abcd.css");
        std::fs::write(&file, "/* x */\na{}\n").unwrap();
        std::fs::write(dir.join("other.css"), "/* kept */").unwrap();
        let page = "<head><link rel=\"stylesheet\" href=\"/style-0123abcd.css\" integrity=\"sha384-old\"/></head>";
        std::fs::write(dir.join("index.html"), page).unwrap();
        let expected = format!(
            "<head><link rel=\"stylesheet\" href=\"/style-0123abcd.css\" integrity=\"{}\"/></head>",
            integrity(b"a{}\n")
        );
        for _ in 0..2 {
            assert_eq!(compact(&dir).unwrap(), 1);
            assert_eq!(std::fs::read_to_string(&file).unwrap(), "a{}\n");
            assert_eq!(
                std::fs::read_to_string(dir.join("index.html")).unwrap(),
                expected
            );
        }
        assert_eq!(
            std::fs::read_to_string(dir.join("other.css")).unwrap(),
            "/* kept */"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // `printf '' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
