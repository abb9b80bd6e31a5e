//! Over the shipped context: every kommune, fylke and bydel number retired since the 2018–2024
//! reforms leads to the areas it went to, so that an old link (`/kommune/1201`, Bergen's number
//! before 2020) opens today's area, and a split number lists all of its successors.

mod shipped_support;

use oppvekst_core::search::successors;
use shipped_support::Shipped;

#[test]
fn retired_numbers_lead_to_todays_areas() {
    let ctx = Shipped::read().ctx;
    let went_to = |code: &str| -> Vec<(String, u16)> {
        successors(&ctx.old_codes, code)
            .iter()
            .map(|o| (o.to.to_string(), o.until))
            .collect()
    };
    // A merged kommune, a bydel of the old Bergen, a merged fylke.
    assert_eq!(went_to("1201"), [("4601".to_string(), 2019)]);
    assert_eq!(went_to("120101"), [("460101".to_string(), 2019)]);
    assert_eq!(went_to("12"), [("46".to_string(), 2019)]);
    // Split: Tysfjord to Narvik and Hamarøy; Viken to Akershus, Buskerud and Østfold.
    assert_eq!(
        went_to("1850")
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["1806", "1875"]
    );
    assert_eq!(
        went_to("30")
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["31", "32", "33"]
    );
    // The names they had, as readers type them, lead there too.
    let named = |code: &str| -> Vec<(String, String)> {
        successors(&ctx.old_codes, code)
            .iter()
            .map(|o| {
                (
                    o.name.clone(),
                    ctx.registry.get(&o.to).unwrap().name.clone(),
                )
            })
            .collect()
    };
    assert_eq!(named("0722"), [("Nøtterøy".into(), "Færder".into())]);
    assert_eq!(
        named("1243"),
        [("Os (Hordaland)".into(), "Bjørnafjorden".into())]
    );
    assert_eq!(named("0213"), [("Ski".into(), "Nordre Follo".into())]);
    // A number in use today is never an old one, and every successor is an area of today.
    assert!(went_to("4601").is_empty() && went_to("0301").is_empty());
    for o in &ctx.old_codes {
        assert!(ctx.registry.get(&o.to).is_some(), "{} → {}", o.code, o.to);
        let old = oppvekst_core::AreaCode::parse(&o.code).unwrap();
        assert!(ctx.registry.get(&old).is_none(), "{} is in use", o.code);
    }
}
