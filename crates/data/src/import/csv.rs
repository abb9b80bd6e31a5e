//! CSV as the publishers export it, read with the `csv` crate: a chosen separator, quoted fields
//! with `""` escapes, LF or CRLF line ends, a UTF-8 BOM, and Latin-1 where the bytes are not
//! UTF-8. Each record keeps the line it starts on, for the problems.

use std::borrow::Cow;

/// One record and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why the text cannot be split into records, and the line of the record where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
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

/// Appended after the text to tell an unterminated quote: the csv crate reads an open quote to
/// the end of the input without complaint, so the end marker becomes a record of its own only
/// when every quote was closed. It holds no separator, quote or line end.
const END: &str = "\u{0}oppvekst-csv-end\u{0}";

/// Splits text into records (`sep` is an ASCII separator); blank lines are skipped. The
/// records may differ in length: the callers report a short row with its line.
pub fn records(text: &str, sep: u8) -> Result<Vec<Record>, CsvError> {
    let input = format!("{text}\n{END}");
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(input.as_bytes());
    let starts = line_starts(&input);
    let line_of = |p: Option<&::csv::Position>| p.map_or(0, |p| start_line(&input, &starts, p));
    let mut out = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| CsvError {
            line: line_of(e.position()),
            message: e.to_string(),
        })?;
        let line = line_of(record.position());
        out.push(Record {
            line,
            fields: record.iter().map(str::to_string).collect(),
        });
    }
    match out.pop() {
        Some(last) if last.fields.len() == 1 && last.fields[0] == END => Ok(out),
        // The marker was swallowed by a quoted field that never closed.
        last => Err(CsvError {
            line: last.map_or(1, |r| r.line),
            message: "a quoted field is not closed".into(),
        }),
    }
}

/// Where each line starts, as byte offsets: after `\n`, and after a `\r` that no `\n` follows
/// (old Mac line ends), so that a CRLF is one line end.
fn line_starts(input: &str) -> Vec<usize> {
    let bytes = input.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// The 1-based line a record starts on. csv's position is where the read began, which can be
/// before the rest of the previous line end and any blank lines (after the `\r` of a CRLF it has
/// not yet seen the `\n`), and its line count knows only `\n`; so the line is found from the
/// record's first byte instead.
fn start_line(input: &str, starts: &[usize], p: &::csv::Position) -> usize {
    let bytes = input.as_bytes();
    let from = usize::try_from(p.byte())
        .unwrap_or(bytes.len())
        .min(bytes.len());
    let first = from
        + bytes[from..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
    starts.partition_point(|&s| s <= first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text, b';')
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
    fn lines_count_blank_lines_and_every_kind_of_line_end() {
        let got = fields("h\r\n\r\n\r\nx\ry\n\nz");
        let lines: Vec<usize> = got.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 4, 5, 7]);
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
            records("a;b\n1;\"open\n2;3\n", b';'),
            Err(CsvError {
                line: 2,
                message: "a quoted field is not closed".into()
            })
        );
        assert_eq!(records("\"", b';').unwrap_err().line, 1);
        // A quote inside an unquoted field is text, as it was.
        assert_eq!(
            fields("a\"b;c\n"),
            vec![(1, vec!["a\"b".into(), "c".into()])]
        );
    }

    #[test]
    fn bom_is_dropped_and_latin1_is_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFGEO"), "GEO");
        assert_eq!(decode(b"Kj\xf8nn"), "Kjønn");
    }
}
