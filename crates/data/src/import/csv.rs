//! A small CSV reader for the publishers' exports: a chosen separator, quoted fields with `""`
//! escapes, LF or CRLF line ends, a UTF-8 BOM, and Latin-1 where the bytes are not UTF-8.

use std::borrow::Cow;

/// One record and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// The one thing that makes a CSV unreadable: a quote that never closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnterminatedQuote {
    pub line: usize,
}

/// Text from bytes: UTF-8 without its BOM, else Latin-1 (which every byte string is), because
/// Norwegian exports from older tools are often ISO-8859-1.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| b as char).collect()),
    }
}

/// Splits text into records; blank lines are skipped.
pub fn records(text: &str, sep: char) -> Result<Vec<Record>, UnterminatedQuote> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut in_quotes = false;
    // Whether the record has any content, so that an empty line is not a record of one field.
    let mut touched = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                in_quotes = true;
                touched = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if touched || !field.is_empty() {
                    fields.push(std::mem::take(&mut field));
                    out.push(Record {
                        line: start_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                touched = false;
                line += 1;
                start_line = line;
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                touched = true;
            }
            _ => {
                field.push(c);
                touched = true;
            }
        }
    }
    if in_quotes {
        return Err(UnterminatedQuote { line: start_line });
    }
    if touched || !field.is_empty() {
        fields.push(field);
        out.push(Record {
            line: start_line,
            fields,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text, ';')
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    #[test]
    fn quotes_separators_and_line_ends() {
        let got = fields("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\r\n1;;\"two\nlines\"\n3;4;5");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b;c".into(), "say \"hi\"".into()]),
                (3, vec!["1".into(), "".into(), "two\nlines".into()]),
                (5, vec!["3".into(), "4".into(), "5".into()]),
            ]
        );
    }

    #[test]
    fn trailing_separator_gives_an_empty_last_field() {
        assert_eq!(
            fields("a;b;\n"),
            vec![(1, vec!["a".into(), "b".into(), "".into()])]
        );
    }

    #[test]
    fn unterminated_quote_names_the_record_line() {
        assert_eq!(
            records("a;b\n1;\"open\n2;3\n", ';'),
            Err(UnterminatedQuote { line: 2 })
        );
    }

    #[test]
    fn bom_is_dropped_and_latin1_is_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFGEO"), "GEO");
        assert_eq!(decode(b"Kj\xf8nn"), "Kjønn");
    }
}
