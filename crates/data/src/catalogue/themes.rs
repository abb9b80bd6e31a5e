//! The theme texts of `data/themes.toml`: one per barometer group, the kommune's six levers, the
//! section on immigrant children with its direction part ([`super::direction`]) and the list of
//! public guidance the texts draw on.

use super::direction::read_direction;
use super::entry::check_id;
use super::error::CatalogueError;
use super::fields::Fields;
use oppvekst_core::indicator::Group;
use oppvekst_core::theme::{GroupTheme, Section, Themes};
use std::collections::HashSet;
use std::path::Path;
use toml::{Table, Value};

/// The app lays the levers out as a fixed grid of six.
pub const LEVERS: usize = 6;

pub fn load_themes(path: &Path) -> Result<Themes, CatalogueError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogueError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_themes(&text)
}

/// Reads and checks the theme texts; the group texts come out in barometer order.
pub fn parse_themes(toml: &str) -> Result<Themes, CatalogueError> {
    let table: Table = toml::from_str(toml).map_err(CatalogueError::Syntax)?;
    let mut top = Fields::new(Value::Table(table), "themes".to_owned(), "")?;
    let groups: Vec<Value> = top.take("group")?;
    let levers: Vec<Value> = top.take("lever")?;
    let mut immigrant = top.take_value("immigrant")?;
    let sources = top.take_text("sources")?;
    top.finish()?;

    let groups = groups
        .into_iter()
        .enumerate()
        .map(|(i, value)| read_group(value, i))
        .collect::<Result<Vec<_>, _>>()?;
    let groups = in_barometer_order(groups)?;

    if levers.len() != LEVERS {
        return Err(CatalogueError::LeverCount {
            found: levers.len(),
        });
    }
    let levers = levers
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let at = format!("lever #{}", i + 1);
            read_section(Fields::new(value, at, "lever")?)
        })
        .collect::<Result<Vec<_>, _>>()?;

    // The section proper takes only id, title and body; its direction is a table of its own.
    let direction = immigrant.as_table_mut().and_then(|t| t.remove("direction"));
    let immigrant = read_section(Fields::new(immigrant, "immigrant".to_owned(), "immigrant")?)?;
    let immigrant_direction = read_direction(direction.ok_or(CatalogueError::MissingField {
        at: "immigrant".to_owned(),
        field: "direction".to_owned(),
    })?)?;

    let themes = Themes {
        groups,
        levers,
        immigrant,
        immigrant_direction,
        sources,
    };
    check_unique_ids(&themes)?;
    Ok(themes)
}

fn read_group(value: Value, position: usize) -> Result<GroupTheme, CatalogueError> {
    let mut f = Fields::new(value, format!("group #{}", position + 1), "group")?;
    let group: Group = f.take("group")?;
    f.rename(&format!("group {group:?}"));
    Ok(GroupTheme {
        group,
        section: read_section(f)?,
    })
}

/// Reads `id`, `title` and `body`, and nothing else. The id becomes a page anchor, so it keeps
/// to the same characters as an indicator id.
fn read_section(mut f: Fields) -> Result<Section, CatalogueError> {
    let id = f.take_string("id")?;
    if let Err(message) = check_id(&id) {
        return Err(CatalogueError::InvalidField {
            at: f.at().to_owned(),
            field: "id".to_owned(),
            message,
        });
    }
    f.rename(&format!("{} `{id}`", f.at()));
    let section = Section {
        id,
        title: f.take_text("title")?,
        body: f.take_text("body")?,
    };
    f.finish()?;
    Ok(section)
}

/// One text per group, in [`Group::ALL`] order whatever the order in the file.
fn in_barometer_order(mut groups: Vec<GroupTheme>) -> Result<Vec<GroupTheme>, CatalogueError> {
    let mut seen = HashSet::new();
    for g in &groups {
        if !seen.insert(g.group) {
            return Err(CatalogueError::DuplicateGroup { group: g.group });
        }
    }
    if let Some(&group) = Group::ALL.iter().find(|g| !seen.contains(g)) {
        return Err(CatalogueError::MissingGroup { group });
    }
    groups.sort_by_key(|g| g.group);
    Ok(groups)
}

/// Section ids become anchors in the page, so no two may be the same.
fn check_unique_ids(themes: &Themes) -> Result<(), CatalogueError> {
    let sections = themes
        .groups
        .iter()
        .map(|g| &g.section)
        .chain(&themes.levers)
        .chain([&themes.immigrant]);
    let mut seen = HashSet::new();
    for s in sections {
        if !seen.insert(s.id.as_str()) {
            return Err(CatalogueError::DuplicateId { id: s.id.clone() });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oppvekst_core::Lang;

    const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/themes.toml");

    fn shipped() -> Themes {
        match load_themes(Path::new(SHIPPED)) {
            Ok(t) => t,
            Err(e) => panic!("{SHIPPED}: {e}"),
        }
    }

    fn paragraphs(text: &str) -> usize {
        text.split("\n\n").count()
    }

    #[test]
    fn the_shipped_themes_cover_every_group_in_barometer_order() {
        let themes = shipped();
        let groups: Vec<Group> = themes.groups.iter().map(|g| g.group).collect();
        assert_eq!(groups, Group::ALL.to_vec());
    }

    #[test]
    fn the_shipped_group_texts_have_two_to_four_paragraphs_in_every_language() {
        for g in shipped().groups {
            for lang in Lang::ALL {
                let n = paragraphs(g.section.body.get(lang));
                assert!(
                    (2..=4).contains(&n),
                    "{:?} {lang:?}: {n} paragraphs",
                    g.group
                );
            }
        }
    }

    #[test]
    fn the_shipped_themes_have_six_levers_and_the_other_sections() {
        let themes = shipped();
        let ids: Vec<&str> = themes.levers.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "planlegg_forebygging",
                "trygt_skolemiljo",
                "fritid_for_alle",
                "psykisk_helsehjelp",
                "foreldrestotte",
                "familieokonomi"
            ]
        );
        assert!(paragraphs(&themes.immigrant.body.nn) >= 2);
        assert!(themes.sources.en.contains("Ungdata"));
    }

    /// Catches a text pasted into the wrong language, which the parser cannot see.
    #[test]
    fn the_shipped_texts_differ_between_languages() {
        let themes = shipped();
        let sections = themes
            .groups
            .iter()
            .map(|g| &g.section)
            .chain(&themes.levers)
            .chain([&themes.immigrant]);
        for s in sections {
            assert_ne!(s.body.nb, s.body.nn, "{}", s.id);
            assert_ne!(s.body.nb, s.body.en, "{}", s.id);
            assert_eq!(
                paragraphs(&s.body.nb),
                paragraphs(&s.body.nn),
                "{}: nb and nn have different paragraphs",
                s.id
            );
            assert_eq!(paragraphs(&s.body.nb), paragraphs(&s.body.en), "{}", s.id);
        }
        assert_ne!(themes.sources.nb, themes.sources.nn);
    }

    const GROUP_NAMES: [&str; 5] = [
        "Befolkning",
        "Levekar",
        "BarnehageSkole",
        "FritidNaermiljo",
        "Helse",
    ];

    fn section(table: &str, id: &str) -> String {
        format!(
            "[[{table}]]\nid = \"{id}\"\ntitle = {{ nb = \"T\", nn = \"T\", en = \"T\" }}\n\
             body = {{ nb = \"B\", nn = \"B\", en = \"B\" }}\n"
        )
    }

    /// A minimal, valid themes file with the given groups (in that order) and number of levers.
    fn themes_toml(groups: &[&str], levers: usize) -> String {
        let mut s = String::new();
        for (i, g) in groups.iter().enumerate() {
            s += &section("group", &format!("g{i}"));
            s += &format!("group = \"{g}\"\n");
        }
        for i in 0..levers {
            s += &section("lever", &format!("l{i}"));
        }
        s += "[immigrant]\nid = \"i\"\ntitle = { nb = \"T\", nn = \"T\", en = \"T\" }\n\
              body = { nb = \"B\", nn = \"B\", en = \"B\" }\n\
              [immigrant.direction]\nindicators = [\"a\", \"b\"]\n\
              worse = { nb = \"W {area}\", nn = \"W\", en = \"W\" }\n\
              better = { nb = \"B {indicators}\", nn = \"B\", en = \"B\" }\n\
              unclear = { nb = \"U\", nn = \"U\", en = \"U\" }\n\
              [sources]\nnb = \"S\"\nnn = \"S\"\nen = \"S\"\n";
        s
    }

    #[test]
    fn a_minimal_file_parses() {
        let themes = parse_themes(&themes_toml(&GROUP_NAMES, LEVERS)).unwrap();
        assert_eq!(themes.levers.len(), 6);
        assert_eq!(themes.immigrant.id, "i");
    }

    #[test]
    fn groups_come_out_in_barometer_order_whatever_the_file_order() {
        let mut reversed = GROUP_NAMES;
        reversed.reverse();
        let themes = parse_themes(&themes_toml(&reversed, LEVERS)).unwrap();
        let groups: Vec<Group> = themes.groups.iter().map(|g| g.group).collect();
        assert_eq!(groups, Group::ALL.to_vec());
    }

    #[test]
    fn five_or_seven_levers_are_refused() {
        for n in [5, 7] {
            match parse_themes(&themes_toml(&GROUP_NAMES, n)) {
                Err(CatalogueError::LeverCount { found }) => assert_eq!(found, n),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_missing_group_is_named() {
        let four = ["Befolkning", "Levekar", "FritidNaermiljo", "Helse"];
        match parse_themes(&themes_toml(&four, LEVERS)) {
            Err(CatalogueError::MissingGroup { group }) => {
                assert_eq!(group, Group::BarnehageSkole)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_group_given_twice_is_refused() {
        let mut six = GROUP_NAMES.to_vec();
        six.push("Helse");
        match parse_themes(&themes_toml(&six, LEVERS)) {
            Err(CatalogueError::DuplicateGroup { group }) => assert_eq!(group, Group::Helse),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_unknown_group_is_an_invalid_field() {
        let toml = themes_toml(&GROUP_NAMES, LEVERS).replacen("\"Levekar\"", "\"Levekår\"", 1);
        match parse_themes(&toml) {
            Err(CatalogueError::InvalidField { at, field, .. }) => {
                assert_eq!((at.as_str(), field.as_str()), ("group #2", "group"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_nynorsk_body_names_the_section() {
        let full = themes_toml(&GROUP_NAMES, LEVERS);
        let g4 =
            "id = \"g4\"\ntitle = { nb = \"T\", nn = \"T\", en = \"T\" }\nbody = { nb = \"B\", ";
        assert!(full.contains(g4), "the fixture has changed");
        let toml = full.replacen(&format!("{g4}nn = \"B\", "), g4, 1);
        match parse_themes(&toml) {
            Err(CatalogueError::MissingText { at, field, lang }) => {
                assert_eq!(at, "group Helse `g4`");
                assert_eq!((field.as_str(), lang), ("body", Lang::Nn));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn section_ids_must_be_unique_across_the_file() {
        let toml = themes_toml(&GROUP_NAMES, LEVERS).replacen("id = \"l3\"", "id = \"g1\"", 1);
        match parse_themes(&toml) {
            Err(CatalogueError::DuplicateId { id }) => assert_eq!(id, "g1"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_sources_and_unknown_sections_are_refused() {
        let full = themes_toml(&GROUP_NAMES, LEVERS);
        let cut = &full[..full.find("[sources]").unwrap()];
        assert!(matches!(
            parse_themes(cut),
            Err(CatalogueError::MissingField { field, .. }) if field == "sources"
        ));
        let extra = format!("{full}[outro]\nid = \"o\"\n");
        assert!(matches!(
            parse_themes(&extra),
            Err(CatalogueError::UnknownField { field, .. }) if field == "outro"
        ));
    }
}
