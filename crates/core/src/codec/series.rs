//! An area's series, one per indicator, with all their cells in one buffer.
//!
//! A bundle holds thousands of short series (the context's kommune table alone has 357 × 31
//! series of one cell). Keeping every cell of an area in one `Vec` makes decoding two
//! allocations an area instead of one a series, which is most of what makes the codec fast.

use super::packed::{
    deserialize_packed, read_cells, serialize_packed, write_cells, write_varint, PackError, Reader,
};
use crate::indicator::Cell;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One indicator's cells, as code builds them and as JSON shows them. The cells line up with
/// the *last* `cells.len()` periods of the indicator in the catalogue: area bundles and
/// comparators hold every period; the context's kommune table holds only the latest, which
/// keeps the context file small.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The indicator's place in the context's catalogue. An index rather than the id: it costs
    /// a byte on the wire and no allocation when decoded, and the context checks every area
    /// bundle against its catalogue before use (`ContextBundle::check_area`).
    pub indicator: u16,
    pub cells: Vec<Cell>,
}

/// A series as [`SeriesSet`] lends it out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesRef<'a> {
    pub indicator: u16,
    pub cells: &'a [Cell],
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    indicator: u16,
    start: usize,
    len: usize,
}

/// The series of one area, in catalogue order, in one buffer of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeriesSet {
    entries: Vec<Entry>,
    cells: Vec<Cell>,
}

/// The cell of period `index` out of `periods` periods in `cells`, which line up with the *last*
/// periods; `None` where the cells do not reach back that far. The one place that knows how a
/// shortened series lines up.
pub fn cell_at(cells: &[Cell], index: usize, periods: usize) -> Option<&Cell> {
    let skip = periods.checked_sub(cells.len())?;
    index.checked_sub(skip).and_then(|i| cells.get(i))
}

impl SeriesSet {
    /// Adds the series of catalogue entry `indicator`.
    pub fn push(&mut self, indicator: u16, cells: &[Cell]) {
        self.entries.push(Entry {
            indicator,
            start: self.cells.len(),
            len: cells.len(),
        });
        self.cells.extend_from_slice(cells);
    }

    /// Where the series of catalogue entry `index` is. The data pipeline writes the series in
    /// catalogue order, so the common case costs one comparison; a set with gaps (an indicator
    /// without data for the area) falls back to a search.
    fn position(&self, index: usize) -> Option<usize> {
        match self.entries.get(index) {
            Some(e) if usize::from(e.indicator) == index => Some(index),
            _ => self
                .entries
                .iter()
                .position(|e| usize::from(e.indicator) == index),
        }
    }

    /// The cells of catalogue entry `index`.
    pub fn get(&self, index: usize) -> Option<&[Cell]> {
        let e = self.entries[self.position(index)?];
        Some(&self.cells[e.start..e.start + e.len])
    }

    /// The cells of catalogue entry `index`, to change in place (tests, the pipeline).
    pub fn get_mut(&mut self, index: usize) -> Option<&mut [Cell]> {
        let e = self.entries[self.position(index)?];
        Some(&mut self.cells[e.start..e.start + e.len])
    }

    pub fn iter(&self) -> impl Iterator<Item = SeriesRef<'_>> {
        self.entries.iter().map(|e| SeriesRef {
            indicator: e.indicator,
            cells: &self.cells[e.start..e.start + e.len],
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The wire form: the number of series, then for each its indicator and its packed cells.
    fn pack(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + self.entries.len() * 2 + self.cells.len() * 3);
        write_varint(&mut out, self.entries.len() as u64);
        for s in self.iter() {
            write_varint(&mut out, u64::from(s.indicator));
            write_cells(&mut out, s.cells);
        }
        out
    }

    fn unpack(bytes: &[u8]) -> Result<SeriesSet, PackError> {
        let mut rd = Reader::new(bytes);
        let n = rd.len()?;
        let mut set = SeriesSet {
            entries: Vec::with_capacity(n),
            cells: Vec::new(),
        };
        for _ in 0..n {
            let indicator = u16::try_from(rd.varint()?).map_err(|_| PackError::OutOfRange)?;
            let start = set.cells.len();
            read_cells(&mut rd, &mut set.cells)?;
            set.entries.push(Entry {
                indicator,
                start,
                len: set.cells.len() - start,
            });
        }
        rd.finish()?;
        Ok(set)
    }
}

impl From<Vec<Series>> for SeriesSet {
    fn from(series: Vec<Series>) -> Self {
        series.into_iter().collect()
    }
}

impl FromIterator<Series> for SeriesSet {
    fn from_iter<I: IntoIterator<Item = Series>>(iter: I) -> Self {
        let mut set = SeriesSet::default();
        for s in iter {
            set.push(s.indicator, &s.cells);
        }
        set
    }
}

impl Serialize for SeriesSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = || {
            self.iter()
                .map(|s| Series {
                    indicator: s.indicator,
                    cells: s.cells.to_vec(),
                })
                .collect::<Vec<_>>()
        };
        serialize_packed(s, readable, || self.pack())
    }
}

impl<'de> Deserialize<'de> for SeriesSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_packed(d, |v: Vec<Series>| v.into(), SeriesSet::unpack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::Flag;

    fn set() -> SeriesSet {
        vec![
            Series {
                indicator: 0,
                cells: vec![Cell::ok(1, 2)],
            },
            Series {
                indicator: 2,
                cells: vec![Cell::ok(3, 4), Cell::flagged(Flag::Suppressed)],
            },
        ]
        .into()
    }

    #[test]
    fn finds_series_in_place_or_after_a_gap() {
        let s = set();
        assert_eq!(s.get(0), Some(&[Cell::ok(1, 2)][..]));
        assert_eq!(s.get(2).unwrap()[0], Cell::ok(3, 4));
        assert!(s.get(1).is_none());
        assert!(s.get(7).is_none());
        assert_eq!(s.iter().map(|r| r.indicator).collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn packs_and_unpacks() {
        let s = set();
        assert_eq!(SeriesSet::unpack(&s.pack()), Ok(s.clone()));
        // Also as JSON, which sees plain series.
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            json.starts_with(r#"[{"indicator":0,"cells":[{"num":1"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<SeriesSet>(&json).unwrap(), s);
    }

    #[test]
    fn broken_bytes_are_errors() {
        let bytes = set().pack();
        for end in 0..bytes.len() {
            assert!(SeriesSet::unpack(&bytes[..end]).is_err(), "cut at {end}");
        }
        // An indicator index beyond u16.
        assert_eq!(
            SeriesSet::unpack(&[1, 0xff, 0xff, 0x04, 0, 0]),
            Err(PackError::OutOfRange)
        );
    }
}
