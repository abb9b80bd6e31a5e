//! Delta-coded rows: the wire form of the bulk of every bundle (cells, population by age
//! group, population by single year of age).
//!
//! Counts change little from one year to the next, so each count is written as the zigzag
//! varint of its difference from the same column a row (a year) earlier: mostly one or two
//! bytes a number, and similar bytes that brotli squeezes further. Decoding goes row by row in
//! one tight loop, pushing each value in order without allocation per number, which is what
//! makes the codec many times faster than JSON.
//!
//! Only the binary form is packed: a human-readable serializer (JSON, for the codec benchmark
//! and for debugging) sees the plain structs, so both hold the same data. Every reader checks
//! its input and fails with a [`PackError`] instead of panicking: it is reached by the fuzzers.

use crate::indicator::{Cell, Flag};
use crate::population::{AgeProfile, AgeRow, PopulationYear};

const AGES: usize = AgeProfile::MAX_AGE + 1;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Why packed bytes do not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The bytes end inside a number or before a column is complete.
    Truncated,
    /// A varint longer than 64 bits.
    Overlong,
    /// A count leaves the range of `u32`, or a length is larger than the bytes could hold.
    OutOfRange,
    /// A flag that is not one of FHI's.
    BadFlag(u8),
    /// Bytes left over after the last column.
    Trailing,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Truncated => write!(f, "packed column ends early"),
            PackError::Overlong => write!(f, "varint too long"),
            PackError::OutOfRange => write!(f, "count out of range"),
            PackError::BadFlag(b) => write!(f, "unknown flag {b}"),
            PackError::Trailing => write!(f, "bytes after the packed columns"),
        }
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// A cursor over packed bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    fn byte(&mut self) -> Result<u8, PackError> {
        let b = *self.bytes.get(self.pos).ok_or(PackError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    /// A varint; most are one byte, which takes the short path.
    #[inline(always)]
    pub(crate) fn varint(&mut self) -> Result<u64, PackError> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Ok(u64::from(b))
            }
            _ => self.long_varint(),
        }
    }

    fn long_varint(&mut self) -> Result<u64, PackError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(PackError::Overlong)
    }

    /// A length, which can never exceed the bytes left: every item takes at least one byte.
    /// This keeps a forged length from asking for a huge allocation.
    pub(crate) fn len(&mut self) -> Result<usize, PackError> {
        let n = self.varint()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n > left {
            return Err(PackError::OutOfRange);
        }
        Ok(n as usize)
    }

    pub(crate) fn finish(&self) -> Result<(), PackError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(PackError::Trailing)
        }
    }
}

/// Writes `rows × cols` counts row by row, each as its difference from the count above it
/// (the same column in the previous row; zero above the first row).
fn write_rows(out: &mut Vec<u8>, rows: usize, cols: usize, get: impl Fn(usize, usize) -> u32) {
    for r in 0..rows {
        for c in 0..cols {
            let above = if r == 0 { 0 } else { get(r - 1, c) };
            write_varint(out, zigzag(i64::from(get(r, c)) - i64::from(above)));
        }
    }
}

/// Reads one row that [`write_rows`] wrote, given the row above it (zeros for the first), and
/// hands each count to `push`. Row by row, so that the decoder writes each row in order.
#[inline(always)]
fn read_row(rd: &mut Reader, above: &[u32], mut push: impl FnMut(u32)) -> Result<(), PackError> {
    for &a in above {
        // No overflow check needed: a sum past i64::MAX wraps to below zero, out of range too.
        let v = i64::from(a).wrapping_add(unzigzag(rd.varint()?));
        push(u32::try_from(v).map_err(|_| PackError::OutOfRange)?);
    }
    Ok(())
}

/// Cells: the count, the flagged cells as (gap, flag) pairs, then the denominators and the
/// numerators of the cells that are `Ok`, each a column of differences down the cells. A
/// flagged cell has no counts on the wire at all, so a suppressed value cannot travel by
/// mistake.
pub(crate) fn write_cells(out: &mut Vec<u8>, cells: &[Cell]) {
    write_varint(out, cells.len() as u64);
    let flagged = cells.iter().filter(|c| c.flag != Flag::Ok).count();
    write_varint(out, flagged as u64);
    let mut next = 0;
    for (i, c) in cells.iter().enumerate().filter(|(_, c)| c.flag != Flag::Ok) {
        write_varint(out, (i - next) as u64);
        out.push(c.flag as u8);
        next = i + 1;
    }
    // Two columns, the denominators and then the numerators: each runs smoothly over the years,
    // which brotli rewards more than alternating the two.
    let ok: Vec<&Cell> = cells.iter().filter(|c| c.flag == Flag::Ok).collect();
    write_rows(out, ok.len(), 1, |i, _| ok[i].den);
    write_rows(out, ok.len(), 1, |i, _| ok[i].num);
}

/// Reads what [`write_cells`] wrote, appending the cells to `out`: the series of an area share
/// one buffer, which saves an allocation per series.
pub(crate) fn read_cells(rd: &mut Reader, out: &mut Vec<Cell>) -> Result<(), PackError> {
    let n = rd.len()?;
    let start = out.len();
    out.resize(start + n, Cell::default());
    let cells = &mut out[start..];
    let flagged = rd.len()?;
    let mut next = 0usize;
    for _ in 0..flagged {
        let i = usize::try_from(rd.varint()?)
            .ok()
            .and_then(|gap| next.checked_add(gap))
            .filter(|&i| i < n)
            .ok_or(PackError::OutOfRange)?;
        let flag = match rd.byte()? {
            1 => Flag::Missing,
            2 => Flag::NotComputable,
            3 => Flag::Suppressed,
            b => return Err(PackError::BadFlag(b)),
        };
        cells[i].flag = flag;
        next = i + 1;
    }
    let mut above = 0u32;
    for cell in cells.iter_mut().filter(|c| c.flag == Flag::Ok) {
        read_row(rd, &[above], |v| above = v)?;
        cell.den = above;
    }
    above = 0;
    for cell in cells.iter_mut().filter(|c| c.flag == Flag::Ok) {
        read_row(rd, &[above], |v| above = v)?;
        cell.num = above;
    }
    Ok(())
}

/// One list of cells on its own: [`write_cells`] and nothing else (for the tests).
#[cfg(test)]
pub fn pack_cells(cells: &[Cell]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + cells.len() * 3);
    write_cells(&mut out, cells);
    out
}

#[cfg(test)]
pub fn unpack_cells(bytes: &[u8]) -> Result<Vec<Cell>, PackError> {
    let mut rd = Reader::new(bytes);
    let mut cells = Vec::new();
    read_cells(&mut rd, &mut cells)?;
    rd.finish()?;
    Ok(cells)
}

/// Rows of `N` counts: the count of rows, then the rows, each against the row above.
fn pack_rows<const N: usize>(rows: impl Iterator<Item = [u32; N]>) -> Vec<u8> {
    let all: Vec<[u32; N]> = rows.collect();
    let mut out = Vec::with_capacity(2 + all.len() * N);
    write_varint(&mut out, all.len() as u64);
    write_rows(&mut out, all.len(), N, |r, c| all[r][c]);
    out
}

/// Reads what [`pack_rows`] wrote.
fn unpack_rows<const N: usize>(bytes: &[u8]) -> Result<Vec<[u32; N]>, PackError> {
    let mut rd = Reader::new(bytes);
    let n = rd.len()?;
    let mut rows: Vec<[u32; N]> = Vec::with_capacity(n);
    let mut above = [0u32; N];
    for _ in 0..n {
        let mut row = [0u32; N];
        let mut c = 0;
        read_row(&mut rd, &above, |v| {
            row[c] = v;
            c += 1;
        })?;
        rows.push(row);
        above = row;
    }
    rd.finish()?;
    Ok(rows)
}

/// Population years: a row of the six age groups for each year.
pub fn pack_years(years: &[PopulationYear]) -> Vec<u8> {
    pack_rows(years.iter().map(PopulationYear::groups))
}

pub fn unpack_years(bytes: &[u8]) -> Result<Vec<PopulationYear>, PackError> {
    Ok(unpack_rows::<6>(bytes)?
        .into_iter()
        .map(PopulationYear::from_groups)
        .collect())
}

/// Age profile rows, one a year.
pub fn pack_ages(rows: &[AgeRow]) -> Vec<u8> {
    pack_rows(rows.iter().copied())
}

pub fn unpack_ages(bytes: &[u8]) -> Result<Vec<AgeRow>, PackError> {
    unpack_rows::<AGES>(bytes)
}

/// Serde glue: packed bytes for a binary serializer, `readable` (the plain value) for a
/// human-readable one.
pub(crate) fn serialize_packed<S: Serializer, R: Serialize>(
    s: S,
    readable: impl FnOnce() -> R,
    pack: impl FnOnce() -> Vec<u8>,
) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        readable().serialize(s)
    } else {
        s.serialize_bytes(&pack())
    }
}

/// The way back from [`serialize_packed`].
pub(crate) fn deserialize_packed<'de, D: Deserializer<'de>, R: Deserialize<'de>, T>(
    d: D,
    from_readable: impl FnOnce(R) -> T,
    unpack: fn(&[u8]) -> Result<T, PackError>,
) -> Result<T, D::Error> {
    struct Packed<T>(fn(&[u8]) -> Result<T, PackError>);
    impl<T> Visitor<'_> for Packed<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("packed rows")
        }
        fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<T, E> {
            (self.0)(b).map_err(E::custom)
        }
    }
    if d.is_human_readable() {
        R::deserialize(d).map(from_readable)
    } else {
        d.deserialize_bytes(Packed(unpack))
    }
}

/// `#[serde(with = …)]` modules for the packed fields.
macro_rules! packed_field {
    ($module:ident, $ty:ty, $pack:ident, $unpack:ident) => {
        pub mod $module {
            use super::*;

            pub fn serialize<S: Serializer>(v: &$ty, s: S) -> Result<S::Ok, S::Error> {
                serialize_packed(s, || v, || $pack(v))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                deserialize_packed(d, |v: $ty| v, $unpack)
            }
        }
    };
}

packed_field!(years, Vec<PopulationYear>, pack_years, unpack_years);
packed_field!(ages, Vec<AgeRow>, pack_ages, unpack_ages);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            (any::<u32>(), any::<u32>()).prop_map(|(n, d)| Cell::ok(n, d)),
            (1u8..=3).prop_map(|f| Cell::flagged(match f {
                1 => Flag::Missing,
                2 => Flag::NotComputable,
                _ => Flag::Suppressed,
            })),
        ]
    }

    proptest! {
        #[test]
        fn cells_round_trip(cells in prop::collection::vec(cell(), 0..40)) {
            prop_assert_eq!(unpack_cells(&pack_cells(&cells)).unwrap(), cells);
        }

        #[test]
        fn ages_round_trip(rows in prop::collection::vec(any::<[u32; 25]>(), 0..6)) {
            prop_assert_eq!(unpack_ages(&pack_ages(&rows)).unwrap(), rows);
        }

        #[test]
        fn years_round_trip(v in prop::collection::vec(any::<[u32; 6]>(), 0..30)) {
            let years: Vec<PopulationYear> = v.iter().map(|a| PopulationYear {
                total: a[0], age_0_5: a[1], age_6_15: a[2], age_0_17: a[3], age_0_24: a[4], age_16_24: a[5],
            }).collect();
            prop_assert_eq!(unpack_years(&pack_years(&years)).unwrap(), years);
        }

        #[test]
        fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = unpack_cells(&bytes);
            let _ = unpack_years(&bytes);
            let _ = unpack_ages(&bytes);
        }
    }

    #[test]
    fn slowly_changing_counts_take_a_byte_each() {
        let cells: Vec<Cell> = (0..10).map(|i| Cell::ok(500 + i, 10_000 + 3 * i)).collect();
        // count, flagged count, then two columns whose first entries take two or three bytes.
        assert!(
            pack_cells(&cells).len() <= 2 + 3 + 9 + 2 + 9,
            "{:?}",
            pack_cells(&cells)
        );
    }

    #[test]
    fn flagged_cells_carry_no_counts() {
        let cells = vec![
            Cell::ok(1, 2),
            Cell::flagged(Flag::Suppressed),
            Cell::ok(3, 4),
        ];
        let packed = pack_cells(&cells);
        // Three cells, one flagged at 1 (suppressed), then the denominators 2, +2 and the
        // numerators 1, +2, zigzagged.
        assert_eq!(packed, vec![3, 1, 1, 3, 4, 4, 2, 4]);
        assert_eq!(unpack_cells(&packed).unwrap(), cells);
    }

    #[test]
    fn broken_input_is_an_error() {
        assert_eq!(unpack_cells(&[]), Err(PackError::Truncated));
        // A flag at position 5 of 2 cells.
        assert_eq!(unpack_cells(&[2, 1, 5, 3]), Err(PackError::OutOfRange));
        assert_eq!(unpack_cells(&[1, 1, 0, 9]), Err(PackError::BadFlag(9)));
        assert_eq!(unpack_cells(&[0, 0, 0]), Err(PackError::Trailing));
        // A denominator below zero.
        assert_eq!(unpack_cells(&[1, 0, 1, 0]), Err(PackError::OutOfRange));
        // A huge length from ten bytes.
        assert_eq!(
            unpack_ages(&[0xff, 0xff, 0xff, 0xff, 0x0f, 2, 0, 0, 0, 0]),
            Err(PackError::OutOfRange)
        );
        assert_eq!(unpack_cells(&[0x80; 11]), Err(PackError::Overlong));
    }
}
