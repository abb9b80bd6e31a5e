//! Published national values (landet) that the demo model's national trajectory follows: FHI's,
//! Udir's, NOVA's and SSB's own figures in `sources/real/landet_reference_values.csv`.
//!
//! A published value covers a period: one year, or a window of several (three school years for
//! Elevundersøkelsen, four sesjon years for overweight). The model draws yearly counts, so a
//! window's value is turned into yearly levels whose window means are the published values; the
//! years before the first window take its value. Beyond the published years the model's own
//! trajectory goes on, shifted to meet the nearest published year: its slope is kept.

use oppvekst_core::indicator::Period;
use std::collections::BTreeMap;
use std::path::Path;

/// The reference file, beside the other sources.
pub const FILE: &str = "real/landet_reference_values.csv";

/// One published national value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Published {
    pub period: Period,
    /// In the indicator's unit (percent).
    pub value: f64,
}

/// Reads the file: per indicator id, its published values. An id that is not a catalogue id
/// (a related series, written with a space) is kept; the caller uses only the ids it knows.
pub fn read(path: &Path) -> Result<BTreeMap<String, Vec<Published>>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no column «{name}»", path.display()))
    };
    let (id, period, value) = (col("indicator")?, col("period")?, col("value")?);
    let mut out: BTreeMap<String, Vec<Published>> = BTreeMap::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 2;
        let rec = rec.map_err(|e| format!("{}:{row}: {e}", path.display()))?;
        let at = |k: usize| rec.get(k).unwrap_or("").trim();
        let p = parse_period(at(period))
            .ok_or_else(|| format!("{}:{row}: «{}» is not a period", path.display(), at(period)))?;
        let v: f64 = at(value)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v > 0.0 && *v < 100.0)
            .ok_or_else(|| {
                format!(
                    "{}:{row}: «{}» is not a percentage",
                    path.display(),
                    at(value)
                )
            })?;
        out.entry(at(id).to_string()).or_default().push(Published {
            period: p,
            value: v,
        });
    }
    for list in out.values_mut() {
        list.sort_by_key(|p| p.period);
    }
    Ok(out)
}

/// `2015`, `2013-2016`, or school years `2016/17-2018/19` (a school year is named by the
/// calendar year it starts in, as the catalogue does).
pub fn parse_period(s: &str) -> Option<Period> {
    let year = |t: &str| -> Option<u16> {
        let y = t.split('/').next()?.trim();
        (y.len() == 4).then(|| y.parse().ok()).flatten()
    };
    let (first, last) = match s.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => (year(s)?, year(s)?),
    };
    (first <= last).then_some(Period { first, last })
}

/// Yearly levels (as proportions of the unit's scale, e.g. 0.057) whose means over each
/// published period are the published values. `None` where the values do not form one run of
/// periods of the same length stepping a year at a time.
pub fn yearly(published: &[Published], scale: f64) -> Option<BTreeMap<u16, f64>> {
    let first = published.first()?;
    let len = first.period.years();
    let stepwise = published
        .windows(2)
        .all(|w| w[1].period.years() == len && w[1].period.last == w[0].period.last + 1);
    if !stepwise {
        return None;
    }
    let mut x: BTreeMap<u16, f64> = BTreeMap::new();
    // The years before the first window's last take its value…
    for y in first.period.first..first.period.last {
        x.insert(y, first.value / scale);
    }
    // …and each window's last year is what makes its mean the published value.
    for p in published {
        let earlier: f64 = (p.period.first..p.period.last).map(|y| x[&y]).sum();
        let level = p.value / scale * len as f64 - earlier;
        x.insert(p.period.last, level.clamp(1e-4, 1.0 - 1e-4));
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_published() {
        assert_eq!(parse_period("2015"), Some(Period::year(2015)));
        assert_eq!(
            parse_period("2013-2016"),
            Some(Period {
                first: 2013,
                last: 2016
            })
        );
        assert_eq!(
            parse_period("2016/17-2018/19"),
            Some(Period {
                first: 2016,
                last: 2018
            })
        );
        assert_eq!(parse_period("2019-2017"), None);
        assert_eq!(parse_period("x"), None);
    }

    #[test]
    fn window_means_are_the_published_values() {
        let p = |first: u16, last: u16, value: f64| Published {
            period: Period { first, last },
            value,
        };
        let published = [
            p(2016, 2018, 5.7),
            p(2017, 2019, 5.7),
            p(2018, 2020, 5.9),
            p(2019, 2021, 6.2),
        ];
        let x = yearly(&published, 100.0).unwrap();
        for w in &published {
            let mean: f64 = (w.period.first..=w.period.last).map(|y| x[&y]).sum::<f64>() / 3.0;
            assert!((mean * 100.0 - w.value).abs() < 1e-9);
        }
        // A gap in the run is no run.
        assert!(yearly(&[p(2016, 2018, 5.7), p(2018, 2020, 5.9)], 100.0).is_none());
        let single = yearly(&[p(2024, 2024, 18.0)], 100.0).unwrap();
        assert_eq!(single.len(), 1);
    }
}
