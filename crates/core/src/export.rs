//! Figures as CSV, for Excel and for everything else: UTF-8 with a byte order mark (Excel
//! reads the letters æ, ø, å right only with it), one record a line, fixed column names.
//!
//! Norwegian Excel splits lines on `;` and reads `3,4` as a number, so [`Style::Excel`] writes
//! that; [`Style::Plain`] writes `,` and `3.4` for R, Python and the rest. A cell without a
//! value is empty, with FHI's flag and its meaning beside it: a suppressed value stays
//! suppressed in the file.

use crate::indicator::Flag;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `;` between fields, decimal comma.
    Excel,
    /// `,` between fields, decimal point.
    Plain,
}

impl Style {
    fn separator(self) -> char {
        match self {
            Style::Excel => ';',
            Style::Plain => ',',
        }
    }
}

/// The columns, in order. The names are fixed (not translated), so that a script that reads
/// one download reads every other; the texts in the rows are in the reader's language.
pub const COLUMNS: [&str; 15] = [
    "omrade_kode",
    "omrade_navn",
    "indikator_id",
    "indikator",
    "periode",
    "verdi",
    "ki_nedre",
    "ki_ovre",
    "flagg",
    "flagg_betydning",
    "fylke",
    "landet",
    "enhet",
    "kilde",
    "opphav",
];

/// One line of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub area_code: String,
    pub area_name: String,
    pub indicator_id: String,
    pub indicator: String,
    /// FHI's `AAR` code of the period (`2021_2023`, a school year `2023_2023`): what a script
    /// reads; `period` is its label in the reader's language.
    pub period_code: String,
    pub period: String,
    pub value: Option<f64>,
    /// The 95 % interval.
    pub ci: Option<(f64, f64)>,
    pub flag: Flag,
    pub flag_text: String,
    /// The comparators' values in the same period.
    pub fylke: Option<f64>,
    pub landet: Option<f64>,
    pub unit: String,
    pub source: String,
    /// «Modellert (demodata)» or «Ekte tall».
    pub provenance: String,
    /// Decimals to write: one more than the indicator shows, as FHI's downloads do.
    pub decimals: usize,
}

/// FHI's flag symbols: `..` no data, `.` not computable, `:` hidden; nothing for a value.
pub fn flag_symbol(flag: Flag) -> &'static str {
    match flag {
        Flag::Ok => "",
        Flag::Missing => "..",
        Flag::NotComputable => ".",
        Flag::Suppressed => ":",
    }
}

fn number(v: Option<f64>, decimals: usize, style: Style) -> String {
    match v {
        Some(x) if x.is_finite() => {
            // Half away from zero, as FHI rounds (format! alone rounds half to even).
            let f = 10f64.powi(decimals as i32);
            let s = crate::numfmt::fixed((x * f).round() / f, decimals);
            match style {
                Style::Excel => s.replace('.', ","),
                Style::Plain => s,
            }
        }
        _ => String::new(),
    }
}

/// A field, quoted when it holds the separator, a quote or a line break.
fn field(s: &str, style: Style) -> String {
    if s.contains([style.separator(), '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The file: byte order mark, the column names, then one line a record, each ending in CRLF
/// as RFC 4180 (and Excel) expect.
pub fn to_csv(records: &[Record], style: Style) -> String {
    let sep = style.separator().to_string();
    let mut out = String::from('\u{feff}');
    out.push_str(&COLUMNS.join(&sep));
    out.push_str("\r\n");
    for r in records {
        let d = r.decimals;
        let (lo, hi) = r.ci.map_or((None, None), |(lo, hi)| (Some(lo), Some(hi)));
        let fields = [
            field(&r.area_code, style),
            field(&r.area_name, style),
            field(&r.indicator_id, style),
            field(&r.indicator, style),
            field(&r.period, style),
            number(r.value, d, style),
            number(lo, d, style),
            number(hi, d, style),
            flag_symbol(r.flag).to_string(),
            field(&r.flag_text, style),
            number(r.fylke, d, style),
            number(r.landet, d, style),
            field(&r.unit, style),
            field(&r.source, style),
            field(&r.provenance, style),
        ];
        out.push_str(&fields.join(&sep));
        out.push_str("\r\n");
    }
    out
}

/// A CSV file's name that says what is inside: `oppvekstprofil_0301_oslo_2025.csv`.
pub fn file_name(parts: &[&str]) -> String {
    format!("{}.csv", file_stem(parts))
}

/// A file name without its extension, from its parts: letters are folded to ASCII (æ → ae,
/// ø → o, å → a) and everything else becomes `_`, so that the name survives every file system
/// and mail program.
pub fn file_stem(parts: &[&str]) -> String {
    let slug: Vec<String> = parts
        .iter()
        .map(|p| {
            let mut s = String::new();
            for c in crate::case::lowercase(p).chars() {
                match c {
                    'æ' => s.push_str("ae"),
                    'ø' | 'ö' => s.push('o'),
                    'å' | 'á' | 'ä' => s.push('a'),
                    'č' => s.push('c'),
                    'đ' => s.push('d'),
                    'ŋ' => s.push('n'),
                    'š' => s.push('s'),
                    'ŧ' => s.push('t'),
                    'ž' => s.push('z'),
                    c if c.is_ascii_alphanumeric() => s.push(c),
                    _ => {
                        if !s.ends_with('_') {
                            s.push('_');
                        }
                    }
                }
            }
            s.trim_matches('_').to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    slug.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            area_code: "0301".into(),
            area_name: "Oslo".into(),
            indicator_id: "mobbing_7".into(),
            indicator: "Mobbing på skolen; 7. trinn".into(),
            period_code: "2024_2024".into(),
            period: "2024/25".into(),
            value: Some(7.25),
            ci: Some((6.5, 8.125)),
            flag: Flag::Ok,
            flag_text: String::new(),
            fylke: Some(7.0),
            landet: Some(6.4),
            unit: "prosent".into(),
            source: "Udir, \"Elevundersøkelsen\"".into(),
            provenance: "Modellert (demodata)".into(),
            decimals: 2,
        }
    }

    #[test]
    fn excel_gets_semicolons_and_decimal_commas() {
        let hidden = Record {
            value: None,
            ci: None,
            flag: Flag::Suppressed,
            flag_text: "Skjult: for få tilfeller".into(),
            ..record()
        };
        let csv = to_csv(&[record(), hidden], Style::Excel);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], COLUMNS.join(";"));
        assert_eq!(
            lines[1],
            "0301;Oslo;mobbing_7;\"Mobbing på skolen; 7. trinn\";2024/25;7,25;6,50;8,13;;;7,00;6,40;prosent;\"Udir, \"\"Elevundersøkelsen\"\"\";Modellert (demodata)"
        );
        // The hidden value stays hidden: empty fields, the flag and why.
        assert!(lines[2].contains(";2024/25;;;;:;Skjult: for få tilfeller;7,00;6,40;"));
        assert_eq!(lines[3], "");
    }

    #[test]
    fn plain_gets_commas_and_decimal_points() {
        let csv = to_csv(&[record()], Style::Plain);
        let line = csv.split("\r\n").nth(1).unwrap();
        assert!(line.starts_with(
            "0301,Oslo,mobbing_7,Mobbing på skolen; 7. trinn,2024/25,7.25,6.50,8.13,,,7.00,6.40,"
        ));
        assert!(line.contains("\"Udir, \"\"Elevundersøkelsen\"\"\""));
    }

    #[test]
    fn file_names_say_what_is_inside() {
        assert_eq!(
            file_name(&["oppvekstprofil", "0301", "Oslo", "2025"]),
            "oppvekstprofil_0301_oslo_2025.csv"
        );
        assert_eq!(
            file_name(&["oppvekstprofil", "5436", "Porsáŋgu – Porsanki – Porsanger"]),
            "oppvekstprofil_5436_porsangu_porsanki_porsanger.csv"
        );
        assert_eq!(file_name(&["kart", "Bærum", "Ål"]), "kart_baerum_al.csv");
    }
}
