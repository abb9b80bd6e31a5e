//! Checks that a cell's numbers are counts in the indicator's unit, so that a share or rate
//! mapped as a count (MEIS as `num`) is caught instead of rounded into a plausible count.

use oppvekst_core::indicator::{Period, Unit};

/// A count must be whole. FHI publishes yearly averages over multi-year periods (one decimal:
/// 118 234,7 for 2020–2022), so a count for a period of `n` years also passes when `count × n`
/// is whole within what the published rounding allows: `n` times half a unit in its last
/// decimal (±0,15 for one decimal over three years), and at least 1e-6 for float noise.
pub fn whole_count(name: &str, v: f64, period: Period) -> Result<(), String> {
    if is_whole(v, 1e-6) {
        return Ok(());
    }
    let years = f64::from(period.last.saturating_sub(period.first)) + 1.0;
    if years > 1.0 {
        let rounding = 0.5 * 10f64.powi(-decimals(v));
        if is_whole(v * years, 1e-6 + years * rounding) {
            return Ok(());
        }
        return Err(format!(
            "{name} {} is not a whole number, nor a yearly average over {years} years: is a \
             rate mapped as a count?",
            comma(v)
        ));
    }
    Err(format!(
        "{name} {} is not a whole number: is a rate mapped as a count?",
        comma(v)
    ))
}

/// The counts against the indicator's unit: a share or rate needs a denominator, and a
/// published value must follow from the counts.
pub fn against_unit(
    num: Option<f64>,
    den: Option<f64>,
    value: Option<f64>,
    unit: Option<Unit>,
    standardised: bool,
) -> Result<(), String> {
    let Some(unit) = unit else { return Ok(()) };
    if matches!(unit, Unit::Percent | Unit::Per1000 | Unit::Index) && num.is_some() && den.is_none()
    {
        return Err(format!(
            "no denominator: a {unit:?} indicator needs counts of both"
        ));
    }
    // A count indicator's published value is often a rate beside the count, not the count.
    if unit == Unit::Count {
        return Ok(());
    }
    let (Some(n), Some(d), Some(v)) = (num, den, value) else {
        return Ok(());
    };
    let Some(expected) = unit.value(n, d) else {
        return Ok(());
    };
    // Age-standardised values (MEIS) differ from the crude num/den by design; how much depends
    // on the age mix, so only a gross mismatch (a wrong mapping) is caught for them.
    let tolerance = if standardised {
        (0.15 * v.abs()).max(1.0)
    } else {
        (0.01 * v.abs()).max(0.15)
    };
    if (v - expected).abs() <= tolerance {
        return Ok(());
    }
    let other_scale = [(100.0, "in percent"), (1000.0, "per 1000")]
        .into_iter()
        .filter(|_| unit != Unit::ChangePercent)
        .filter(|(scale, _)| *scale != unit.scale())
        .find(|(scale, _)| (v - scale * n / d).abs() <= tolerance);
    Err(match other_scale {
        Some((_, looks)) => format!(
            "the value {} looks {looks}, the indicator is {}",
            comma(v),
            unit_words(unit)
        ),
        None => format!(
            "the value {} does not follow from {} / {} ({} {})",
            comma(v),
            comma(n),
            comma(d),
            comma((expected * 10.0).round() / 10.0),
            unit_words(unit)
        ),
    })
}

fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "in percent",
        Unit::Per1000 => "per 1000",
        Unit::Count => "a count",
        Unit::Index => "an index (100 = reference)",
        Unit::ChangePercent => "a change in percent",
    }
}

fn is_whole(x: f64, tolerance: f64) -> bool {
    (x - x.round()).abs() <= tolerance
}

/// The decimals the number was published with, as its shortest form shows them.
fn decimals(v: f64) -> i32 {
    let text = v.to_string();
    text.split_once('.')
        .map_or(0, |(_, f)| i32::try_from(f.len()).unwrap_or(i32::MAX))
}

/// As the publishers write numbers: with a decimal comma.
fn comma(v: f64) -> String {
    v.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(first: u16, last: u16) -> Period {
        Period { first, last }
    }

    #[test]
    fn counts_are_whole_or_yearly_averages() {
        assert!(whole_count("numerator", 12.0, p(2023, 2023)).is_ok());
        let e = whole_count("numerator", 11.4, p(2023, 2023)).unwrap_err();
        assert_eq!(
            e,
            "numerator 11,4 is not a whole number: is a rate mapped as a count?"
        );
        // 354 704 / 3 published as 118 234,7; 9 152 / 3 as 3 050,7; 100 / 3 as 33,33.
        assert!(whole_count("numerator", 118234.7, p(2020, 2022)).is_ok());
        assert!(whole_count("numerator", 3050.7, p(2021, 2023)).is_ok());
        assert!(whole_count("numerator", 33.33, p(2021, 2023)).is_ok());
        assert!(whole_count("numerator", 100.0 / 3.0, p(2021, 2023)).is_ok());
        // No third of a whole number ends in ,1, ,2, ,4, ,5 …
        let e = whole_count("denominator", 11.4, p(2021, 2023)).unwrap_err();
        assert!(e.contains("nor a yearly average over 3 years"), "{e}");
        assert!(whole_count("numerator", 9.9, p(2021, 2023)).is_err());
        assert!(whole_count("numerator", 12.5, p(2022, 2023)).is_ok());
        assert!(whole_count("numerator", 12.25, p(2022, 2023)).is_err());
    }

    #[test]
    fn shares_need_both_counts() {
        let e = against_unit(Some(10.0), None, None, Some(Unit::Percent), false).unwrap_err();
        assert_eq!(
            e,
            "no denominator: a Percent indicator needs counts of both"
        );
        assert!(against_unit(Some(10.0), None, None, Some(Unit::Count), false).is_ok());
        assert!(against_unit(Some(10.0), None, None, None, false).is_ok());
    }

    #[test]
    fn the_value_must_follow_from_the_counts() {
        let pct = Some(Unit::Percent);
        assert!(against_unit(Some(105.0), Some(1000.0), Some(10.5), pct, false).is_ok());
        assert!(against_unit(Some(105.0), Some(1000.0), Some(10.6), pct, false).is_ok());
        let e = against_unit(Some(105.0), Some(1000.0), Some(12.0), pct, false).unwrap_err();
        assert!(
            e.contains("does not follow from 105 / 1000 (10,5 in percent)"),
            "{e}"
        );
        let e = against_unit(Some(99.0), Some(1000.0), Some(99.0), pct, false).unwrap_err();
        assert_eq!(
            e,
            "the value 99 looks per 1000, the indicator is in percent"
        );
        let e = against_unit(
            Some(5.0),
            Some(100.0),
            Some(5.0),
            Some(Unit::Per1000),
            false,
        )
        .unwrap_err();
        assert_eq!(e, "the value 5 looks in percent, the indicator is per 1000");
        // Age-standardised: 12 against a crude 10,5 is within 15 %.
        assert!(against_unit(Some(105.0), Some(1000.0), Some(12.0), pct, true).is_ok());
        assert!(against_unit(Some(105.0), Some(1000.0), Some(14.0), pct, true).is_err());
        // A count's published value is not compared.
        assert!(against_unit(
            Some(105.0),
            Some(1000.0),
            Some(3.0),
            Some(Unit::Count),
            false
        )
        .is_ok());
    }
}
