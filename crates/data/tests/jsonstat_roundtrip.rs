//! The app's JSON-stat download (`oppvekst_core::jsonstat`) read back through our own importer:
//! every shown value of the shipped bundles comes back for its area and period, and every hidden
//! cell comes back hidden, with no number.

mod shipped_support;

use oppvekst_core::area::AreaCode;
use oppvekst_core::codec::cell_at;
use oppvekst_core::export::Record;
use oppvekst_core::indicator::Flag;
use oppvekst_core::jsonstat::{round, to_jsonstat, Texts};
use oppvekst_data::import::{import_bytes, CodeMap, ImportOptions, MeasureRole};
use shipped_support::Shipped;

const TEXTS: Texts = Texts {
    title: "Utvikling",
    area: "Område",
    period: "Periode",
    indicator: "Indikator",
    credit: "FHI, SSB",
};

#[test]
fn each_indicator_of_a_fylke_round_trips_with_its_hidden_cells() {
    let shipped = Shipped::read();
    // Vestland's kommuner, Utsira (small: many hidden cells), Oslo and landet.
    let areas: Vec<_> = shipped
        .areas()
        .into_iter()
        .filter(|b| {
            let c = b.code.as_str();
            c.len() == 4 && c.starts_with("46") || ["1151", "0301", "0"].contains(&c)
        })
        .collect();
    assert!(areas.len() > 40);
    let (mut checked, mut hidden) = (0, 0);
    for (index, ind) in shipped.ctx.catalogue.iter().enumerate() {
        let mut records = Vec::new();
        for b in &areas {
            let Some(cells) = b.series.get(index) else {
                continue;
            };
            for (p, period) in ind.periods.iter().enumerate() {
                let Some(cell) = cell_at(cells, p, ind.periods.len()) else {
                    continue;
                };
                let value = cell.value(ind.unit);
                records.push(Record {
                    area_code: b.code.to_string(),
                    area_name: b.code.to_string(),
                    indicator_id: ind.id.clone(),
                    indicator: ind.id.clone(),
                    period_code: period.code(),
                    period: period.label(ind.period_kind),
                    value,
                    ci: None,
                    flag: cell.flag,
                    flag_text: if value.is_some() {
                        String::new()
                    } else {
                        "skjult".into()
                    },
                    fylke: None,
                    landet: None,
                    unit: String::new(),
                    source: ind.source_line(),
                    provenance: String::new(),
                    decimals: ind.decimals as usize + 1,
                });
            }
        }
        if records.is_empty() {
            continue;
        }
        let text = to_jsonstat(&records, &TEXTS);
        let opts = ImportOptions {
            measures: vec![(ind.id.clone(), MeasureRole::Value)],
            ..ImportOptions::default()
        };
        let known = |c: &AreaCode| areas.iter().any(|b| &b.code == c);
        let report = import_bytes(
            "download.json",
            text.as_bytes(),
            &opts,
            &CodeMap::identity(),
            &known,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", ind.id));
        for r in &records {
            let period = *ind
                .periods
                .iter()
                .find(|p| p.code() == r.period_code)
                .unwrap();
            let back = report.cell(&r.area_code, period);
            match r.value {
                Some(v) => {
                    let back =
                        back.unwrap_or_else(|| panic!("{} {} {}", ind.id, r.area_code, r.period));
                    assert_eq!(
                        (back.value, back.flag),
                        (Some(round(v, r.decimals)), Flag::Ok),
                        "{} {}",
                        ind.id,
                        r.area_code
                    );
                    checked += 1;
                }
                None => {
                    // Hidden or missing: no number comes back, and a hidden cell says so.
                    if let Some(back) = back {
                        assert_eq!((back.value, back.num, back.den), (None, None, None));
                        if r.flag == Flag::Suppressed {
                            assert_eq!(back.flag, Flag::Suppressed, "{} {}", ind.id, r.area_code);
                            hidden += 1;
                        }
                    } else {
                        assert_ne!(
                            r.flag,
                            Flag::Suppressed,
                            "{} {}: a hidden cell lost",
                            ind.id,
                            r.area_code
                        );
                    }
                }
            }
        }
    }
    assert!(
        checked > 10_000 && hidden > 50,
        "{checked} values, {hidden} hidden"
    );
}
