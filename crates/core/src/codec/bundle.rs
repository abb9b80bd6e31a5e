//! The data bundles: the shared context (registry, catalogue, texts), the cells of landet, the
//! fylker and every kommune (for the views that set areas side by side), and one bundle per
//! area. Each knows the rules its data must keep, checked after every decode.

use super::series::SeriesSet;
use super::{Bundle, DecodeError, Kind};
use crate::area::{AreaCode, Level, Registry};
use crate::breakdown::{self, Breakdown, Dimension};
use crate::indicator::Indicator;
use crate::lang::Lang;
use crate::population::{AgeProfile, PopulationSeries};
use crate::search::OldCode;
use crate::stats::rank::AreaRank;
use crate::stats::spread::Spread;
use crate::theme::Themes;
use serde::{Deserialize, Serialize};

/// Everything an area page needs besides the area itself: loaded once per language (a file each,
/// [`ContextBundle::in_lang`]), shared by all pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContextBundle {
    /// The registry of every area (landet, fylker, kommuner, bydeler) with SSB's names.
    pub registry: Registry,
    /// The indicator catalogue, in barometer order.
    pub catalogue: Vec<Indicator>,
    /// Cells of every indicator for landet and each fylke, every period: the comparators.
    /// They travel with the kommuner's ([`CellsBundle`], [`ContextBundle::with_cells`]); a
    /// profile takes landet's and its fylke's from their own bundles
    /// ([`ContextBundle::with_comparators`]). **Empty in a context as loaded.**
    #[serde(skip)]
    pub comparators: Vec<(AreaCode, SeriesSet)>,
    /// Cells of every indicator for every kommune (latest period only), for ranks, similar
    /// kommuner, comparisons, maps and overviews. They travel in a file of their own
    /// ([`CellsBundle`], with the comparators over half the context's bytes), loaded only by
    /// the views that set areas side by side ([`ContextBundle::with_cells`]): **empty in a
    /// context as loaded**. A profile takes what it needs of them from [`Self::spreads`] and its
    /// bundle's ranks ([`AreaBundle::ranks`]).
    #[serde(skip)]
    pub kommuner: Vec<(AreaCode, SeriesSet)>,
    /// The spread over all kommuner of each catalogue entry's latest period, in catalogue order
    /// (`barometer::spreads`, computed from the kommuner's cells by the build).
    pub spreads: Vec<Option<Spread>>,
    /// The theme texts and the kommune's levers: in nb, nn and en as built, in one language in
    /// each file ([`ContextBundle::in_lang`]).
    pub themes: Themes,
    /// Old kommune numbers and the 2024 kommuner they became, for search.
    pub old_codes: Vec<OldCode>,
    /// The dimensions the areas' breakdowns split indicators by (sex, immigrant background).
    pub dimensions: Vec<Dimension>,
    /// Kommuner whose population before a 2024 division is apportioned, an estimate.
    pub apportioned: Vec<crate::population::Apportioned>,
}

/// One area's own figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaBundle {
    pub code: AreaCode,
    pub population: PopulationSeries,
    pub ages: AgeProfile,
    pub series: SeriesSet,
    /// Latest values split by the context's dimensions, where the data has them.
    pub breakdowns: Vec<Breakdown>,
    /// A kommune's rank among the kommuner, nationally and in its fylke, for each catalogue
    /// entry's latest period, in catalogue order (`barometer::ranks`); empty for other areas.
    pub ranks: Vec<AreaRank>,
}

/// The cells the views that set areas side by side need beside the context: landet's and the
/// fylker's, every period ([`ContextBundle::comparators`]), and every kommune's latest
/// ([`ContextBundle::kommuner`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellsBundle {
    pub comparators: Vec<(AreaCode, SeriesSet)>,
    pub kommuner: Vec<(AreaCode, SeriesSet)>,
}

fn invalid(msg: impl Into<String>) -> DecodeError {
    DecodeError::Invalid(msg.into())
}

/// `context` with every text empty: what the languages' contexts of one build share.
fn without_texts(context: &ContextBundle) -> ContextBundle {
    let mut out = context.clone();
    for text in out.texts_mut() {
        *text = crate::lang::Text::default();
    }
    out
}

/// Yearly rows from `first` must stay within years a population table can have.
fn check_years(code: &AreaCode, what: &str, first: u16, rows: usize) -> Result<(), DecodeError> {
    if rows > 0 && (first < 1900 || first as usize + rows > 2200) {
        return Err(invalid(format!("{code}: {what} years out of range")));
    }
    Ok(())
}

fn check_population(code: &AreaCode, p: &PopulationSeries) -> Result<(), DecodeError> {
    if p.years.is_empty() {
        return Err(invalid(format!("{code}: no population")));
    }
    check_years(code, "population", p.first_year, p.years.len())?;
    if let Some(y) = p.years.iter().position(|y| !y.is_consistent()) {
        return Err(invalid(format!(
            "{code}: age groups do not nest in {}",
            p.first_year as usize + y
        )));
    }
    Ok(())
}

/// The rows have their width by type; their years must stay in range like the population's.
fn check_ages(code: &AreaCode, a: &AgeProfile) -> Result<(), DecodeError> {
    check_years(code, "age profile", a.first_year, a.years.len())
}

/// Checks that every series names a catalogue indicator and lines up with its periods. (That a
/// flagged cell carries no counts needs no check: the packed cells have no room for them.)
fn check_series(
    code: &AreaCode,
    series: &SeriesSet,
    catalogue: &[Indicator],
    all_periods: bool,
) -> Result<(), DecodeError> {
    for s in series.iter() {
        let Some(ind) = catalogue.get(usize::from(s.indicator)) else {
            return Err(invalid(format!(
                "{code}: indicator index {} beyond the catalogue",
                s.indicator
            )));
        };
        let fits = if all_periods {
            s.cells.len() == ind.periods.len()
        } else {
            s.cells.len() <= ind.periods.len()
        };
        if !fits {
            return Err(invalid(format!(
                "{code}: {} has {} cells for {} periods",
                ind.id,
                s.cells.len(),
                ind.periods.len()
            )));
        }
    }
    Ok(())
}

impl Bundle for ContextBundle {
    const KIND: Kind = Kind::Context;

    fn validate(&self) -> Result<(), DecodeError> {
        let reg = &self.registry;
        // Re-run the registry's own checks: postcard built it without going through `new`.
        reg.check().map_err(|e| invalid(e.to_string()))?;
        for a in &self.apportioned {
            if a.parts.len() < 2 || a.parts.iter().any(|c| reg.get(c).is_none()) || a.until >= a.by
            {
                return Err(invalid(format!("apportioned parts {:?}", a.parts)));
            }
        }
        let mut ids: Vec<&str> = self.catalogue.iter().map(|i| i.id.as_str()).collect();
        crate::order::sort_by(&mut ids, |a, b| a.cmp(b));
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(invalid("an indicator id appears twice"));
        }
        if let Some(o) = self.old_codes.iter().find(|o| reg.get(&o.to).is_none()) {
            return Err(invalid(format!(
                "old code {} leads to unknown area {}",
                o.code, o.to
            )));
        }
        if let Some(d) = self.dimensions.iter().find(|d| d.categories.len() < 2) {
            return Err(invalid(format!(
                "dimension {} has fewer than two categories",
                d.id
            )));
        }
        if self.dimensions.len() > usize::from(u8::MAX) {
            return Err(invalid("too many dimensions"));
        }
        for ind in &self.catalogue {
            if ind.periods.windows(2).any(|w| w[0] >= w[1])
                || ind.periods.iter().any(|p| p.first > p.last)
            {
                return Err(invalid(format!("{}: periods out of order", ind.id)));
            }
        }
        if self.spreads.len() != self.catalogue.len() {
            return Err(invalid(format!(
                "{} spreads for {} indicators",
                self.spreads.len(),
                self.catalogue.len()
            )));
        }
        Ok(())
    }
}

impl ContextBundle {
    /// The context with every text in `lang` alone: the file a reader of that language loads
    /// (the build writes one per language, `Manifest::context`). The texts are two thirds of a
    /// context's bytes; a reader never needs the languages they do not read.
    pub fn in_lang(&self, lang: Lang) -> ContextBundle {
        let mut out = self.clone();
        for text in out.texts_mut() {
            *text = text.only(lang);
        }
        out
    }

    /// The contexts of the three languages made one again, each text in all three: what the
    /// prerenderer draws every language's pages from. Fails where they are not of one build
    /// (other areas, other numbers, another count of texts).
    pub fn joined(
        mut nb: ContextBundle,
        mut nn: ContextBundle,
        mut en: ContextBundle,
    ) -> Result<ContextBundle, DecodeError> {
        for (lang, other) in [(Lang::Nn, &mut nn), (Lang::En, &mut en)] {
            if without_texts(&nb) != without_texts(other) {
                return Err(invalid(format!(
                    "the {} context is of another build than the bokmål one",
                    lang.code()
                )));
            }
            for (mine, theirs) in nb.texts_mut().into_iter().zip(other.texts_mut()) {
                *mine.get_mut(lang) = std::mem::take(theirs.get_mut(lang));
            }
        }
        Ok(nb)
    }

    /// Every text of the context, in a fixed order: the one list [`Self::in_lang`] and
    /// [`Self::joined`] walk, so that a text field added to the catalogue, a dimension or the
    /// themes is named here once.
    fn texts_mut(&mut self) -> Vec<&mut crate::lang::Text> {
        let catalogue = self.catalogue.iter_mut().flat_map(Indicator::texts_mut);
        let dimensions = self.dimensions.iter_mut().flat_map(Dimension::texts_mut);
        catalogue
            .chain(dimensions)
            .chain(self.themes.texts_mut())
            .collect()
    }

    /// Checks that every area of `cells` is in the registry and that its series line up with
    /// the catalogue: every period (`all_periods`), or the latest ones.
    fn check_cells(
        &self,
        cells: &[(AreaCode, SeriesSet)],
        all_periods: bool,
    ) -> Result<(), DecodeError> {
        for (code, series) in cells {
            if self.registry.get(code).is_none() {
                return Err(invalid(format!("cells for unknown area {code}")));
            }
            check_series(code, series, &self.catalogue, all_periods)?;
        }
        Ok(())
    }

    /// This context with the comparators' and the kommuner's cells, checked against its
    /// registry and catalogue: what the views that set areas side by side read.
    pub fn with_cells(&self, cells: CellsBundle) -> Result<ContextBundle, DecodeError> {
        let at = |list: &[(AreaCode, SeriesSet)], ok: fn(Level) -> bool, what: &str| match list
            .iter()
            .find(|(c, _)| !ok(c.level()))
        {
            Some((code, _)) => Err(invalid(format!("{what} cells for {code}"))),
            None => Ok(()),
        };
        at(
            &cells.comparators,
            |l| matches!(l, Level::Landet | Level::Fylke),
            "comparator",
        )?;
        at(&cells.kommuner, |l| l == Level::Kommune, "kommune")?;
        self.check_cells(&cells.comparators, true)?;
        self.check_cells(&cells.kommuner, false)?;
        Ok(ContextBundle {
            comparators: cells.comparators,
            kommuner: cells.kommuner,
            ..self.clone()
        })
    }

    /// This context with the comparators a profile needs, from their own bundles: landet's and
    /// the area's fylke's, each checked as [`ContextBundle::check_area`] checks a bundle. Any
    /// other bundle is refused.
    pub fn with_comparators(&self, bundles: &[&AreaBundle]) -> Result<ContextBundle, DecodeError> {
        let mut comparators = Vec::with_capacity(bundles.len());
        for b in bundles {
            if !matches!(b.code.level(), Level::Landet | Level::Fylke) {
                return Err(invalid(format!("{} is not a comparator", b.code)));
            }
            self.check_area(b)?;
            comparators.push((b.code.clone(), b.series.clone()));
        }
        Ok(ContextBundle {
            comparators,
            ..self.clone()
        })
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.catalogue.iter().find(|i| i.id == id)
    }

    /// Checks an area bundle against this context: the area exists and its series line up
    /// with this catalogue. The app calls this before it shows an area.
    pub fn check_area(&self, area: &AreaBundle) -> Result<(), DecodeError> {
        if self.registry.get(&area.code).is_none() {
            return Err(invalid(format!(
                "area {} is not in the registry",
                area.code
            )));
        }
        check_series(&area.code, &area.series, &self.catalogue, true)?;
        let ranks_fit = match area.code.level() {
            Level::Kommune => area.ranks.len() == self.catalogue.len(),
            _ => area.ranks.is_empty(),
        };
        let possible = |r: &AreaRank| {
            [r.national, r.fylke]
                .iter()
                .flatten()
                .all(|r| r.is_possible())
        };
        if !ranks_fit || !area.ranks.iter().all(possible) {
            return Err(invalid(format!("{}: ranks do not fit", area.code)));
        }
        breakdown::check(&area.breakdowns, &self.dimensions, self.catalogue.len())
            .map_err(|e| invalid(format!("{}: {e}", area.code)))
    }
}

impl Bundle for CellsBundle {
    const KIND: Kind = Kind::Cells;

    /// The cells are checked against the catalogue by [`ContextBundle::with_cells`].
    fn validate(&self) -> Result<(), DecodeError> {
        Ok(())
    }
}

impl Bundle for AreaBundle {
    const KIND: Kind = Kind::Area;

    fn validate(&self) -> Result<(), DecodeError> {
        check_population(&self.code, &self.population)?;
        check_ages(&self.code, &self.ages)?;
        // The series are checked against the catalogue by `ContextBundle::check_area`.
        Ok(())
    }
}
