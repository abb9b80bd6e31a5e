//! Over the shipped contexts: a file per language, each with every text of its own language
//! and none of the others', and the same areas, numbers and spreads in all three.

mod shipped_support;

use oppvekst_core::Lang;
use shipped_support::Shipped;

#[test]
fn each_language_has_its_own_context_with_only_its_texts() {
    let shipped = Shipped::read();
    let nb = shipped.context(Lang::Nb);
    for lang in Lang::ALL {
        let ctx = shipped.context(lang);
        // Its texts alone: keeping them leaves it as it is.
        assert_eq!(ctx.in_lang(lang), ctx, "{lang:?}");
        for ind in &ctx.catalogue {
            for text in [&ind.label, &ind.definition, &ind.subject, &ind.age] {
                assert!(!text.get(lang).is_empty(), "{lang:?} {}", ind.id);
            }
        }
        for g in &ctx.themes.groups {
            assert!(
                !g.section.body.get(lang).is_empty(),
                "{lang:?} {:?}",
                g.group
            );
        }
        // The same numbers: only the texts differ.
        assert_eq!(ctx.registry, nb.registry);
        assert_eq!(ctx.spreads, nb.spreads);
        assert_eq!(ctx.old_codes, nb.old_codes);
        assert_eq!(ctx.apportioned, nb.apportioned);
        let ids = |c: &oppvekst_core::codec::ContextBundle| {
            c.catalogue
                .iter()
                .map(|i| (i.id.clone(), i.periods.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&ctx), ids(&nb));
    }
    // Three files, and the nynorsk one is not the bokmål one.
    let names = [
        &shipped.manifest.context.nb,
        &shipped.manifest.context.nn,
        &shipped.manifest.context.en,
    ];
    assert!(names[0] != names[1] && names[1] != names[2] && names[0] != names[2]);
    assert_ne!(
        shipped.context(Lang::Nn).catalogue[0].label.nn,
        shipped.context(Lang::Nb).catalogue[0].label.nn
    );
}
