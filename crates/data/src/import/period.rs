//! Period codes as FHI and SSB write them, read into a [`Period`] of first and last year.
//!
//! - FHI `AAR` codes are `FROM_TO`: `2020_2020` one year, `2019_2021` three; taken literally.
//! - SSB `Tid` and FHI labels: `2024`, and `2021-2023` (also with an en dash) for a window.
//! - A school year is written with its two calendar years, `2023/2024`, `2023/24` or
//!   `2023-2024`, and is the period of the year it *starts* in: 2023/24 = `Period::year(2023)`,
//!   matching [`oppvekst_core::indicator::PeriodKind::SchoolYear`]. So a dash between two
//!   consecutive years reads as a school year, never as a two-year window.
//! - A run of school years, `2022/2023-2024/2025` or `2022/23-2024/25`, is `2022..=2024`.

use oppvekst_core::indicator::Period;

/// Years outside this range are typos, not periods.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// The period a code or label stands for, or `None` if it is not one.
pub fn parse_period(s: &str) -> Option<Period> {
    let s = s.trim().replace('\u{2013}', "-");
    if let Some((a, b)) = s.split_once('_') {
        return range(year(a)?, year(b)?);
    }
    if let Some((a, b)) = s.split_once('-') {
        if a.contains('/') || b.contains('/') {
            // A run of school years: each end is a school year.
            return range(school_year(a)?.first, school_year(b)?.first);
        }
        let (first, last) = (year(a)?, year(b)?);
        if last == first + 1 {
            return Some(Period::year(first));
        }
        return range(first, last);
    }
    if s.contains('/') {
        return school_year(&s);
    }
    year(&s).map(Period::year)
}

/// `2019-2021`, `2024`: how a period is written in messages and in the normalised file's notes.
pub fn display(p: Period) -> String {
    if p.first == p.last {
        p.first.to_string()
    } else {
        format!("{}-{}", p.first, p.last)
    }
}

fn range(first: u16, last: u16) -> Option<Period> {
    (first <= last).then_some(Period { first, last })
}

fn year(s: &str) -> Option<u16> {
    let s = s.trim();
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|y| YEARS.contains(y))
}

/// `2023/2024` or `2023/24`: the second year must follow the first.
fn school_year(s: &str) -> Option<Period> {
    let (a, b) = s.trim().split_once('/')?;
    let first = year(a)?;
    let b = b.trim();
    let follows = match b.len() {
        4 => year(b)? == first + 1,
        2 if b.bytes().all(|c| c.is_ascii_digit()) => b.parse::<u16>().ok()? == (first + 1) % 100,
        _ => false,
    };
    follows.then_some(Period::year(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(first: u16, last: u16) -> Option<Period> {
        Some(Period { first, last })
    }

    #[test]
    fn fhi_codes_and_labels() {
        assert_eq!(parse_period("2019_2021"), p(2019, 2021));
        assert_eq!(parse_period("2020_2020"), p(2020, 2020));
        assert_eq!(parse_period("2019-2021"), p(2019, 2021));
        assert_eq!(parse_period("2019\u{2013}2021"), p(2019, 2021));
        assert_eq!(parse_period("2021_2019"), None);
    }

    #[test]
    fn ssb_years_and_windows() {
        assert_eq!(parse_period("2024"), p(2024, 2024));
        assert_eq!(parse_period("2021-2023"), p(2021, 2023));
        assert_eq!(parse_period("2024M01"), None);
        assert_eq!(parse_period("2024K1"), None);
        assert_eq!(parse_period("24"), None);
        assert_eq!(parse_period("1850"), None);
    }

    #[test]
    fn school_years_are_the_year_they_start() {
        assert_eq!(parse_period("2023/2024"), p(2023, 2023));
        assert_eq!(parse_period("2023/24"), p(2023, 2023));
        assert_eq!(parse_period("2023-2024"), p(2023, 2023));
        assert_eq!(parse_period("1999/00"), p(1999, 1999));
        assert_eq!(parse_period("2023/2025"), None);
        assert_eq!(parse_period("2022/2023-2024/2025"), p(2022, 2024));
        assert_eq!(parse_period("2022/23-2024/25"), p(2022, 2024));
    }

    #[test]
    fn display_round_trips() {
        for s in ["2024", "2019-2021"] {
            assert_eq!(display(parse_period(s).unwrap()), s);
        }
    }
}
