//! Authored text as it is written in the TOML files (hard-wrapped, with blank lines between
//! paragraphs) turned into text as the app shows it.

/// Joins the lines of each paragraph with single spaces and separates paragraphs with one blank
/// line, so that authors can wrap long texts in the TOML without the wrapping reaching the app.
pub fn tidy(raw: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn wrapped_lines_become_one_paragraph() {
        assert_eq!(
            tidy("Andelen barn\n  som bor trangt.\n"),
            "Andelen barn som bor trangt."
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs_however_many_there_are() {
        assert_eq!(
            tidy("\nFørste.\n\n\n  \nAndre\nlinje.\n\n"),
            "Første.\n\nAndre linje."
        );
    }

    #[test]
    fn no_break_spaces_inside_a_line_survive() {
        assert_eq!(tidy("12\u{a0}345 barn"), "12\u{a0}345 barn");
    }

    #[test]
    fn blank_text_stays_blank() {
        assert_eq!(tidy(" \n\t\n"), "");
    }
}
