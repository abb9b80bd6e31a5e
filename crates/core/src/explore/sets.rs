//! The sets of areas that the comparison, the map and the overview show, and the latest cell
//! of any area in them: kommuner from the context, fylker and landet from the comparators,
//! bydeler from their own bundles (which the app loads for the set).

use crate::area::{AreaCode, Level, Registry};
use crate::codec::{cell_at, AreaBundle, ContextBundle, SeriesSet};
use crate::indicator::Cell;
use crate::route::Preset;
use crate::stats::similar::{similar_kommuner, Neighbour};

/// Oslo's bydeler in the områdesatsing (Alna, Bjerke, Gamle Oslo, Grorud, Stovner, Søndre
/// Nordstrand): the state's and Oslo's joint effort for living conditions in these districts.
pub const SATSING: [&str; 6] = ["030101", "030109", "030110", "030111", "030112", "030115"];

/// The kommune of the områdesatsing.
pub const OSLO: &str = "0301";

/// How many similar kommuner a comparison shows.
pub const SIMILAR: usize = 10;

/// A set's areas, and for the similar kommuner why each is similar.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AreaSet {
    pub codes: Vec<AreaCode>,
    pub neighbours: Vec<Neighbour>,
}

/// The kommune whose bydeler a set of bydeler means: the area's own (a kommune with bydeler,
/// or a bydel's kommune).
pub fn city(reg: &Registry, code: &AreaCode) -> Option<AreaCode> {
    let k = code.kommune()?;
    let has_bydeler = reg.children(&k).next().is_some();
    has_bydeler.then_some(k)
}

/// Which presets make sense for an area: a set that would be empty is not offered.
pub fn presets_for(reg: &Registry, code: &AreaCode) -> Vec<Preset> {
    let level = code.level();
    let oslo = code.kommune().is_some_and(|k| k.as_str() == OSLO);
    Preset::ALL
        .into_iter()
        .filter(|p| match p {
            Preset::Fylke => true,
            Preset::Similar => matches!(level, Level::Kommune | Level::Bydel),
            Preset::Bydeler => city(reg, code).is_some(),
            Preset::Satsing => oslo,
            Preset::Land | Preset::Chosen => true,
        })
        .collect()
}

/// The preset a view opens with when the address names none: the bydeler of a city (for the
/// city itself and its bydeler), otherwise the fylke (landet's: the fylker).
pub fn default_preset(reg: &Registry, code: &AreaCode) -> Preset {
    let wanted = if city(reg, code).is_some() {
        Preset::Bydeler
    } else {
        Preset::Fylke
    };
    if presets_for(reg, code).contains(&wanted) {
        wanted
    } else {
        Preset::Land
    }
}

/// The preset asked for in the address if it makes sense for the area, its default otherwise.
pub fn resolve_preset(reg: &Registry, code: &AreaCode, asked: Option<Preset>) -> Preset {
    asked
        .filter(|p| presets_for(reg, code).contains(p))
        .unwrap_or_else(|| default_preset(reg, code))
}

/// The extents a map offers: the kommuner of the fylke (landet's: the fylker), the bydeler of
/// the city, all kommuner.
pub fn scopes_for(reg: &Registry, code: &AreaCode) -> Vec<Preset> {
    presets_for(reg, code)
        .into_iter()
        .filter(|p| matches!(p, Preset::Fylke | Preset::Bydeler | Preset::Land))
        .collect()
}

/// The map's extent asked for if offered; otherwise the bydeler for a bydel, all kommuner for
/// landet, the fylke's kommuner for the rest.
pub fn resolve_scope(reg: &Registry, code: &AreaCode, asked: Option<Preset>) -> Preset {
    let offered = scopes_for(reg, code);
    asked
        .filter(|p| offered.contains(p))
        .unwrap_or(match code.level() {
            Level::Landet => Preset::Land,
            _ => default_preset(reg, code),
        })
}

/// The areas of `preset` for the view of `code`. `chosen` are the reader's areas (`med=`).
/// For the fylke set, landet's view shows the fylker; for the similar set, a bydel's view
/// uses its kommune. The view's own area is always in the set, first where the set does not
/// order it by itself.
pub fn area_set(
    ctx: &ContextBundle,
    code: &AreaCode,
    preset: Preset,
    chosen: &[AreaCode],
) -> AreaSet {
    let reg = &ctx.registry;
    let known = |c: &AreaCode| reg.get(c).is_some();
    let mut set = AreaSet::default();
    match preset {
        Preset::Fylke => match code.fylke() {
            Some(f) => {
                set.codes = reg
                    .at_level(Level::Kommune)
                    .filter(|a| a.code.fylke().as_ref() == Some(&f))
                    .map(|a| a.code.clone())
                    .collect();
            }
            None => set.codes = reg.at_level(Level::Fylke).map(|a| a.code.clone()).collect(),
        },
        Preset::Similar => {
            if let Some(k) = code.kommune() {
                set.neighbours = similar_kommuner(ctx, &k, SIMILAR);
                set.codes = std::iter::once(k)
                    .chain(set.neighbours.iter().map(|n| n.code.clone()))
                    .collect();
            }
        }
        Preset::Bydeler => {
            if let Some(k) = city(reg, code) {
                set.codes = reg.children(&k).map(|a| a.code.clone()).collect();
            }
        }
        Preset::Satsing => {
            let oslo = AreaCode::parse(OSLO).expect("a valid code");
            set.codes = reg.children(&oslo).map(|a| a.code.clone()).collect();
        }
        Preset::Land => {
            set.codes = reg
                .at_level(Level::Kommune)
                .map(|a| a.code.clone())
                .collect()
        }
        Preset::Chosen => set.codes = chosen.iter().filter(|c| known(c)).cloned().collect(),
    }
    if !set.codes.contains(code) && preset != Preset::Satsing && preset != Preset::Land {
        set.codes.insert(0, code.clone());
    }
    set
}

/// The areas of a map of `scope` for the view of `code`: the set without the view's own area
/// where that lies on another map layer (the kommune Oslo on the map of its bydeler).
pub fn map_set(ctx: &ContextBundle, code: &AreaCode, scope: Preset) -> AreaSet {
    let mut set = area_set(ctx, code, scope, &[]);
    let level = match scope {
        Preset::Bydeler => Level::Bydel,
        Preset::Fylke if code.level() == Level::Landet => Level::Fylke,
        _ => Level::Kommune,
    };
    set.codes.retain(|c| c.level() == level);
    set
}

/// What a comparison, an overview or (`map`) a map of `code` shows for an address's `asked`
/// set (a map's extent) and `chosen` areas: the preset in force and its areas. The app loads
/// by it and the prerenderer draws by it.
pub fn view_set(
    ctx: &ContextBundle,
    code: &AreaCode,
    asked: Option<Preset>,
    chosen: &[AreaCode],
    map: bool,
) -> (Preset, AreaSet) {
    let reg = &ctx.registry;
    if map {
        let scope = resolve_scope(reg, code, asked);
        (scope, map_set(ctx, code, scope))
    } else {
        let preset = resolve_preset(reg, code, asked);
        (preset, area_set(ctx, code, preset, chosen))
    }
}

/// The bydeler among `codes`: the bundles the app must load for a set.
pub fn bundles_needed(codes: &[AreaCode]) -> Vec<AreaCode> {
    codes
        .iter()
        .filter(|c| c.level() == Level::Bydel)
        .cloned()
        .collect()
}

/// Where each area's series are: kommuner in the context, fylker and landet in the
/// comparators, bydeler in their bundles. Indexed once, because a map or an overview of all
/// kommuner asks for thousands of cells.
pub struct Cells<'a> {
    ctx: &'a ContextBundle,
    /// Sorted by code, for binary search (a sorted list is less code in the wasm than a map).
    series: Vec<(&'a AreaCode, &'a SeriesSet)>,
}

impl<'a> Cells<'a> {
    pub fn new(ctx: &'a ContextBundle, bundles: &[&'a AreaBundle]) -> Cells<'a> {
        let mut series: Vec<(&AreaCode, &SeriesSet)> = ctx
            .comparators
            .iter()
            .chain(&ctx.kommuner)
            .map(|(c, s)| (c, s))
            .chain(
                bundles
                    .iter()
                    .filter(|b| b.code.level() == Level::Bydel)
                    .map(|b| (&b.code, &b.series)),
            )
            .collect();
        // Stable: where a code came twice, the first (the context's) stays.
        crate::order::sort_by(&mut series, |a, b| a.0.cmp(b.0));
        series.dedup_by(|b, a| a.0 == b.0);
        Cells { ctx, series }
    }

    /// The latest cell of catalogue entry `index` for `code`; `None` where the area's series
    /// does not reach the latest period, or its bundle is not loaded.
    pub fn latest(&self, index: usize, code: &AreaCode) -> Option<Cell> {
        let n = self.ctx.catalogue.get(index)?.periods.len();
        let at = self.series.binary_search_by(|(c, _)| (*c).cmp(code)).ok()?;
        let series = self.series[at].1;
        cell_at(series.get(index)?, n.checked_sub(1)?, n).copied()
    }
}

/// The latest cell of catalogue entry `index` for `code`: a kommune's from the context, a
/// fylke's or landet's from the comparators, a bydel's from its bundle in `bundles` (see
/// [`Cells`], which a view that asks for many cells builds once).
pub fn latest_cell(
    ctx: &ContextBundle,
    bundles: &[&AreaBundle],
    index: usize,
    code: &AreaCode,
) -> Option<Cell> {
    Cells::new(ctx, bundles).latest(index, code)
}

/// A sort key for names in Norwegian order: æ, ø, å after z, and Sami letters with their
/// base letter («Kárášjohka» with the k's). Byte order would put Å before Æ and Ø.
pub fn name_key(name: &str) -> Vec<u32> {
    crate::case::lowercase(name)
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => 'z' as u32 + 1,
            'ø' | 'ö' => 'z' as u32 + 2,
            'å' => 'z' as u32 + 3,
            'á' | 'à' => 'a' as u32,
            'č' => 'c' as u32,
            'đ' => 'd' as u32,
            'ŋ' => 'n' as u32,
            'š' => 's' as u32,
            'ŧ' => 't' as u32,
            'ž' => 'z' as u32,
            c => c as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Area;
    use crate::stats::synthetic::synthetic_context;
    use crate::stats::testutil::area_with;

    fn code(s: &str) -> AreaCode {
        AreaCode::parse(s).unwrap()
    }

    #[test]
    fn norwegian_name_order() {
        let mut names = [
            "Åfjord",
            "Ørland",
            "Ærøy",
            "Zeta",
            "Alta",
            "Kárášjohka",
            "Kautokeino",
        ];
        names.sort_by_key(|n| name_key(n));
        assert_eq!(
            names,
            [
                "Alta",
                "Kárášjohka",
                "Kautokeino",
                "Zeta",
                "Ærøy",
                "Ørland",
                "Åfjord"
            ]
        );
    }

    #[test]
    fn sets_of_a_kommune() {
        let ctx = synthetic_context(3);
        let k = ctx.kommuner[0].0.clone();
        let f = k.fylke().unwrap();
        let fylke = area_set(&ctx, &k, Preset::Fylke, &[]);
        assert!(fylke.codes.contains(&k));
        assert!(fylke.codes.iter().all(|c| c.fylke() == Some(f.clone())));
        assert_eq!(
            fylke.codes.len(),
            ctx.registry
                .at_level(Level::Kommune)
                .filter(|a| a.code.fylke() == Some(f.clone()))
                .count()
        );
        let similar = area_set(&ctx, &k, Preset::Similar, &[]);
        assert_eq!(similar.codes[0], k);
        assert_eq!(similar.codes.len(), similar.neighbours.len() + 1);
        assert!(!similar.neighbours.is_empty());
        let land = area_set(&ctx, &k, Preset::Land, &[]);
        assert_eq!(
            land.codes.len(),
            ctx.registry.at_level(Level::Kommune).count()
        );
        // The reader's set keeps known codes only, with the view's own area first.
        let other = ctx.kommuner[1].0.clone();
        let chosen = area_set(&ctx, &k, Preset::Chosen, &[other.clone(), code("9999")]);
        assert_eq!(chosen.codes, [k.clone(), other]);
        // Landet's «fylke» set is the fylker.
        let landet = area_set(&ctx, &AreaCode::landet(), Preset::Fylke, &[]);
        assert!(landet
            .codes
            .iter()
            .skip(1)
            .all(|c| c.level() == Level::Fylke));
        assert_eq!(
            default_preset(&ctx.registry, &AreaCode::landet()),
            Preset::Fylke
        );
        let reg = &ctx.registry;
        assert_eq!(resolve_preset(reg, &k, Some(Preset::Land)), Preset::Land);
        // Asked for what the area does not have: its default.
        assert_eq!(
            resolve_preset(reg, &AreaCode::landet(), Some(Preset::Similar)),
            Preset::Fylke
        );
        assert_eq!(resolve_scope(reg, &AreaCode::landet(), None), Preset::Land);
        assert_eq!(resolve_scope(reg, &k, Some(Preset::Similar)), Preset::Fylke);
    }

    #[test]
    fn bydeler_and_the_satsing() {
        let reg = Registry::new(vec![
            Area {
                code: code("0"),
                name: "Norge".into(),
            },
            Area {
                code: code("03"),
                name: "Oslo".into(),
            },
            Area {
                code: code("0301"),
                name: "Oslo".into(),
            },
            Area {
                code: code("030101"),
                name: "Gamle Oslo".into(),
            },
            Area {
                code: code("030102"),
                name: "Grünerløkka".into(),
            },
            Area {
                code: code("46"),
                name: "Vestland".into(),
            },
            Area {
                code: code("4601"),
                name: "Bergen".into(),
            },
        ])
        .unwrap();
        let oslo = code("0301");
        assert_eq!(city(&reg, &code("030102")), Some(oslo.clone()));
        assert_eq!(city(&reg, &code("4601")), None);
        let p = presets_for(&reg, &code("030102"));
        assert!(p.contains(&Preset::Bydeler) && p.contains(&Preset::Satsing));
        let p = presets_for(&reg, &code("4601"));
        assert!(!p.contains(&Preset::Bydeler) && !p.contains(&Preset::Satsing));
        assert_eq!(default_preset(&reg, &code("030102")), Preset::Bydeler);
        assert_eq!(default_preset(&reg, &oslo), Preset::Bydeler);
        assert_eq!(default_preset(&reg, &code("4601")), Preset::Fylke);
        assert!(!presets_for(&reg, &code("46")).contains(&Preset::Similar));
        let mut ctx = synthetic_context(1);
        ctx.registry = reg;
        let set = area_set(&ctx, &code("030102"), Preset::Bydeler, &[]);
        assert_eq!(set.codes, [code("030101"), code("030102")]);
        // The kommune's own comparison shows the kommune beside its bydeler; its map does not.
        let set = area_set(&ctx, &oslo, Preset::Bydeler, &[]);
        assert_eq!(set.codes, [oslo.clone(), code("030101"), code("030102")]);
        let map = map_set(&ctx, &oslo, Preset::Bydeler);
        assert_eq!(map.codes, [code("030101"), code("030102")]);
        assert_eq!(bundles_needed(&set.codes).len(), 2);
    }

    #[test]
    fn latest_cells_come_from_where_each_level_keeps_them() {
        let ctx = synthetic_context(2);
        let k = ctx.kommuner[0].0.clone();
        let n = ctx.catalogue[0].periods.len();
        let from_ctx = latest_cell(&ctx, &[], 0, &k);
        assert_eq!(
            from_ctx,
            ctx.kommuner[0].1.get(0).and_then(|c| c.last()).copied()
        );
        let landet = latest_cell(&ctx, &[], 0, &AreaCode::landet());
        assert!(landet.is_some());
        let bydel = area_with(&format!("{k}01"), vec![Cell::ok(3, 30); n]);
        assert_eq!(
            latest_cell(&ctx, &[&bydel], 0, &bydel.code),
            Some(Cell::ok(3, 30))
        );
        // A bydel whose bundle is not loaded has no cell, rather than a wrong one.
        assert_eq!(latest_cell(&ctx, &[], 0, &bydel.code), None);
        assert_eq!(latest_cell(&ctx, &[], 999, &k), None);
    }
}
