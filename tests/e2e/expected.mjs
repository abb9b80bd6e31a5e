// Expected values for the browser tests, computed independently of the Rust core: the bundles
// are decoded here by a small postcard reader written for exactly the bundle types, and the
// comparisons with landet are recomputed (Wilson for shares, Garwood/Byar for rates). A test
// that read the app's own numbers back could never catch the app computing them wrongly.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { plain } from './harness.mjs';

// ---------------------------------------------------------------------------------------------
// The envelope: `OPVK`, u16 version, u8 kind, u8 reserved, u32 payload length, u32 CRC-32.

export const HEADER_LEN = 16;
export const FORMAT_VERSION = 8;
export const KIND = { context: 1, area: 2, geometry: 3, cells: 4 };

/** Opens a bundle's envelope; throws on anything the app must refuse. */
export function openEnvelope(bytes, kind) {
  const b = Buffer.from(bytes);
  if (b.length < HEADER_LEN || b.toString('latin1', 0, 4) !== 'OPVK') throw new Error('not a bundle');
  const version = b.readUInt16LE(4);
  if (version !== FORMAT_VERSION) throw new Error(`version ${version}`);
  if (b[6] !== kind) throw new Error(`kind ${b[6]}, expected ${kind}`);
  const len = b.readUInt32LE(8);
  if (b.length !== HEADER_LEN + len) throw new Error(`length ${b.length - HEADER_LEN}, header says ${len}`);
  const payload = b.subarray(HEADER_LEN);
  const crc = zlib.crc32(payload) >>> 0;
  if (crc !== b.readUInt32LE(12)) throw new Error('checksum');
  return payload;
}

// ---------------------------------------------------------------------------------------------
// Postcard: unsigned integers above u8 as LEB128 varints, u8 and bool as one byte, strings and
// sequences as a varint length then the items, Option as a 0/1 byte, enums as a varint variant
// index, structs and tuples as their fields in order, f64 as 8 bytes little endian.

class Reader {
  constructor(buf) { this.b = buf; this.i = 0; }
  byte() {
    if (this.i >= this.b.length) throw new Error(`postcard: end of input at ${this.i}`);
    return this.b[this.i++];
  }
  u8() { return this.byte(); }
  bool() {
    const v = this.byte();
    if (v > 1) throw new Error(`postcard: bool ${v}`);
    return v === 1;
  }
  varint() {
    let v = 0n; let shift = 0n;
    for (;;) {
      const b = this.byte();
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7n;
      if (shift > 70n) throw new Error('postcard: varint too long');
    }
    return v;
  }
  u16() { return Number(this.varint()); }
  u32() { return Number(this.varint()); }
  u64() { return Number(this.varint()); }
  i64() { const z = this.varint(); return Number((z >> 1n) ^ -(z & 1n)); }
  f64() { const v = this.b.readDoubleLE(this.i); this.i += 8; return v; }
  str() {
    const n = this.u32();
    if (this.i + n > this.b.length) throw new Error('postcard: string past the end');
    const s = this.b.toString('utf8', this.i, this.i + n);
    this.i += n;
    return s;
  }
  vec(item) { const n = this.u32(); const out = []; for (let k = 0; k < n; k++) out.push(item(this)); return out; }
  option(item) { const tag = this.byte(); if (tag > 1) throw new Error(`postcard: option tag ${tag}`); return tag ? item(this) : null; }
  enumOf(names) {
    const i = this.u32();
    if (i >= names.length) throw new Error(`postcard: variant ${i} of ${names}`);
    return names[i];
  }
  /** A byte string (postcard: length, then the bytes), as a reader of its own. */
  bytes() {
    const n = this.u32();
    if (this.i + n > this.b.length) throw new Error('postcard: bytes past the end');
    const sub = new Reader(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return sub;
  }
  done() { if (this.i !== this.b.length) throw new Error(`postcard: ${this.b.length - this.i} bytes left`); }
}

// ---------------------------------------------------------------------------------------------
// Format 2 packs the bulk of a bundle into byte strings (crates/core/src/codec/packed.rs): rows
// of counts, each count the zigzag varint of its difference from the same column one row up
// (zero above the first row). Read here from that description, not from the Rust code.

function packedRows(r, n, cols) {
  const rows = [];
  let above = new Array(cols).fill(0);
  for (let k = 0; k < n; k++) {
    const row = above.map((a) => a + r.i64());
    if (row.some((v) => v < 0 || v > 0xffffffff)) throw new Error('packed: count out of range');
    rows.push(row);
    above = row;
  }
  return rows;
}

/** Cells: count, flagged cells as (gap, flag byte), then the Ok cells' denominators, then numerators. */
function packedCells(r) {
  const n = r.u32();
  const cells = Array.from({ length: n }, () => ({ num: 0, den: 0, flag: 'Ok' }));
  const flagged = r.u32();
  let next = 0;
  for (let k = 0; k < flagged; k++) {
    const i = next + r.u32();
    if (i >= n) throw new Error('packed: flag beyond the cells');
    const f = r.byte();
    if (f < 1 || f > 3) throw new Error(`packed: flag ${f}`);
    cells[i].flag = FLAGS[f];
    next = i + 1;
  }
  const ok = cells.filter((c) => c.flag === 'Ok');
  packedRows(r, ok.length, 1).forEach(([d], k) => { ok[k].den = d; });
  packedRows(r, ok.length, 1).forEach(([m], k) => { ok[k].num = m; });
  return cells;
}

// The bundle types, field by field as the Rust structs declare them.
const FLAGS = ['Ok', 'Missing', 'NotComputable', 'Suppressed'];
const UNITS = ['Percent', 'Per1000', 'Count', 'Index', 'ChangePercent'];
const POLARITIES = ['HigherIsBetter', 'HigherIsWorse', 'NoDirection'];
const TESTS = ['Binomial', 'Poisson', 'None'];
const PERIOD_KINDS = ['Year', 'Rolling3', 'SchoolYear', 'UngdataPooled', 'Rolling4', 'SchoolRolling3'];
const GROUPS = ['Befolkning', 'Levekar', 'BarnehageSkole', 'FritidNaermiljo', 'Helse'];
const PROVENANCES = ['Real', 'Modelled'];

const text = (r) => ({ nb: r.str(), nn: r.str(), en: r.str() });
const area = (r) => ({ code: r.str(), name: r.str() });
/** A SeriesSet: the number of series, then each one's catalogue index and packed cells. */
const seriesSet = (r0) => {
  const r = r0.bytes();
  const out = r.vec((r2) => ({ indicator: r2.u16(), cells: packedCells(r2) }));
  r.done();
  return out;
};
const period = (r) => ({ first: r.u16(), last: r.u16() });
const populationYear = (r) => ({
  total: r.u32(), age_0_5: r.u32(), age_6_15: r.u32(), age_0_17: r.u32(), age_0_24: r.u32(), age_16_24: r.u32(),
});
const GROUP_FIELDS = ['total', 'age_0_5', 'age_6_15', 'age_0_17', 'age_0_24', 'age_16_24'];
const packed = (r0, cols) => {
  const r = r0.bytes();
  const rows = packedRows(r, r.u32(), cols);
  r.done();
  return rows;
};
const populationSeries = (r) => ({
  first_year: r.u16(),
  years: packed(r, 6).map((row) => Object.fromEntries(GROUP_FIELDS.map((f, k) => [f, row[k]]))),
});
const ageProfile = (r) => ({ first_year: r.u16(), years: packed(r, 25) });
const indicator = (r) => ({
  id: r.str(),
  group: r.enumOf(GROUPS),
  label: text(r),
  definition: text(r),
  subject: text(r),
  unit: r.enumOf(UNITS),
  age: text(r),
  period_kind: r.enumOf(PERIOD_KINDS),
  polarity: r.enumOf(POLARITIES),
  test: r.enumOf(TESTS),
  decimals: r.u8(),
  standardised: r.bool(),
  source_org: r.str(),
  source_table: r.str(),
  provenance: r.enumOf(PROVENANCES),
  origin: r.option((o) => ({ producer: o.str(), table: o.str(), fetched: o.str() })),
  periods: r.vec(period),
});
const section = (r) => ({ id: r.str(), title: text(r), body: text(r) });
const themes = (r) => ({
  groups: r.vec((r2) => ({ group: r2.enumOf(GROUPS), section: section(r2) })),
  levers: r.vec(section),
  immigrant: section(r),
  // Format 5: the sentences the app chooses from the area's own figures.
  immigrant_direction: { indicators: r.vec((r2) => r2.str()), worse: text(r), better: text(r), unclear: text(r) },
  sources: text(r),
});
const codeSeries = (r) => [r.str(), seriesSet(r)];
// Format 7: the spread over the kommuner of each indicator's latest period, and a kommune's ranks.
const spread = (r) => ({
  n: r.u64(), min: r.f64(), p25: r.f64(), median: r.f64(), p75: r.f64(), max: r.f64(),
  best: r.option((r2) => ({ lo: r2.f64(), hi: r2.f64(), count: r2.u64() })),
});
const rank = (r) => ({ rank: r.u16(), of: r.u16() });

export function decodeContext(bytes) {
  const r = new Reader(openEnvelope(bytes, KIND.context));
  const ctx = {
    registry: r.vec(area), // Registry { areas: Vec<Area> }
    // Format 7: landet's and the fylker's population and ages are in their own bundles only.
    catalogue: r.vec(indicator),
    // Format 7: the comparators' and the kommuner's cells are a file of their own (`decodeCells`).
    spreads: r.vec((r2) => r2.option(spread)),
    themes: themes(r),
    // Added after format 1 first shipped, at the end: read it when the file has it.
    old_codes: r.vec((r2) => ({ code: r2.str(), to: r2.str(), until: r2.u16(), name: r2.str() })),
    // Format 3: the breakdown dimensions, each with its categories.
    dimensions: r.vec((r2) => ({ id: r2.str(), label: text(r2), categories: r2.vec(text) })),
    apportioned: r.vec((r2) => ({ parts: r2.vec((r3) => r3.str()), until: r2.u16(), by: r2.u16() })),
  };
  r.done();
  return ctx;
}

/**
 * Landet's and the fylker's cells, every period, and every kommune's latest (format 7), their
 * series named by the context's catalogue.
 */
export function decodeCells(bytes, catalogue) {
  const r = new Reader(openEnvelope(bytes, KIND.cells));
  const cells = { comparators: r.vec(codeSeries), kommuner: r.vec(codeSeries) };
  r.done();
  for (const [, list] of [...cells.comparators, ...cells.kommuner]) named(list, catalogue);
  return cells;
}

/** Series name their indicator by catalogue index; the tests look them up by id. */
function named(list, catalogue) {
  for (const s of list) {
    if (!catalogue[s.indicator]) throw new Error(`indicator index ${s.indicator} beyond the catalogue`);
    s.indicator = catalogue[s.indicator].id;
  }
  return list;
}

export function decodeArea(bytes, catalogue) {
  const r = new Reader(openEnvelope(bytes, KIND.area));
  const a = { code: r.str(), population: populationSeries(r), ages: ageProfile(r), series: named(seriesSet(r), catalogue) };
  // Format 3: breakdowns, plain postcard: dimension (u8), indicator (varint), cells.
  a.breakdowns = r.vec((r2) => ({
    dimension: r2.u8(),
    indicator: catalogue[r2.u16()]?.id,
    cells: r2.vec((r3) => ({ num: r3.u32(), den: r3.u32(), flag: r3.enumOf(FLAGS) })),
  }));
  if (a.breakdowns.some((b) => !b.indicator)) throw new Error('breakdown of an indicator beyond the catalogue');
  a.ranks = r.vec((r2) => ({ national: r2.option(rank), fylke: r2.option(rank) }));
  r.done();
  return a;
}

// ---------------------------------------------------------------------------------------------
// Statistics, written from the textbook formulas.

export const Z95 = 1.959964;

/** Wilson's score interval for num/den, as proportions. */
export function wilson(num, den, z = Z95) {
  if (!(den > 0 && num >= 0 && num <= den)) return null;
  const p = num / den;
  const z2 = z * z;
  const centre = (p + z2 / (2 * den)) / (1 + z2 / den);
  const half = (z / (1 + z2 / den)) * Math.sqrt((p * (1 - p)) / den + z2 / (4 * den * den));
  return { lo: num === 0 ? 0 : Math.max(0, centre - half), hi: num === den ? 1 : Math.min(1, centre + half) };
}

/** P(X ≤ k) for X ~ Poisson(mu), summed term by term (k is small here). */
function poissonCdf(k, mu) {
  let term = Math.exp(-mu);
  let sum = term;
  for (let i = 1; i <= k; i++) { term *= mu / i; sum += term; }
  return sum;
}

/** The μ in [lo, hi] where the decreasing function f(μ) crosses `target`, by bisection. */
function solveDecreasing(f, target, lo, hi) {
  for (let n = 0; n < 200; n++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The exact (Garwood) interval for a Poisson mean: the μ with P(X ≥ x; μ) = α/2 and the μ with
 * P(X ≤ x; μ) = α/2 — below 100 events; from 100 on Byar's approximation, as FHI does.
 */
export function poissonInterval(x, z = Z95, alpha = 0.05) {
  if (x >= 100) {
    const x1 = x + 1;
    return {
      lo: Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3),
      hi: x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3,
    };
  }
  const top = x + 20 + 10 * Math.sqrt(x + 1);
  const hi = solveDecreasing((mu) => poissonCdf(x, mu), alpha / 2, 0, top);
  const lo = x === 0 ? 0 : solveDecreasing((mu) => poissonCdf(x - 1, mu), 1 - alpha / 2, 0, top);
  return { lo, hi };
}

/** A cell's value in the indicator's unit, or null when it has none. */
export function cellValue(ind, c) {
  if (!c || c.flag !== 'Ok') return null;
  if (ind.unit === 'Count') return c.num;
  if (c.den <= 0) return null;
  switch (ind.unit) {
    case 'Percent': case 'Index': return (100 * c.num) / c.den;
    case 'Per1000': return (1000 * c.num) / c.den;
    case 'ChangePercent': return 100 * (c.num / c.den - 1);
    default: throw new Error(ind.unit);
  }
}

/** The 95 % interval of a cell in the indicator's unit, or null. */
export function cellInterval(ind, c) {
  if (!c || c.flag !== 'Ok' || c.den === 0 || ind.test === 'None') return null;
  const unit = (count) => ({
    Count: count,
    Percent: (100 * count) / c.den,
    Index: (100 * count) / c.den,
    Per1000: (1000 * count) / c.den,
    ChangePercent: 100 * (count / c.den - 1),
  })[ind.unit];
  if (ind.test === 'Binomial') {
    const w = wilson(c.num, c.den);
    return w && { lo: unit(w.lo * c.den), hi: unit(w.hi * c.den) };
  }
  const m = poissonInterval(c.num);
  return { lo: unit(m.lo), hi: unit(m.hi) };
}

/**
 * The barometer's mark for an area cell against a reference cell, as `data-mark` spells it:
 * the reference outside the area's interval is significantly higher or lower, which the
 * polarity turns into better or worse. `margin` is how far the reference lies from the nearer
 * limit, relative to the interval's width, to point out borderline cases.
 */
export function expectedMark(ind, areaCell, refCell) {
  const a = cellValue(ind, areaCell);
  const ref = cellValue(ind, refCell);
  if (a === null || ref === null || !Number.isFinite(ref)) return { mark: 'no-data' };
  if (ind.test === 'None') return { mark: 'not-tested' };
  const ci = cellInterval(ind, areaCell);
  if (!ci) return { mark: 'not-tested' };
  const margin = Math.min(Math.abs(ref - ci.lo), Math.abs(ref - ci.hi)) / Math.max(ci.hi - ci.lo, 1e-12);
  let raw = 'similar';
  if (ref < ci.lo) raw = 'higher';
  else if (ref > ci.hi) raw = 'lower';
  const mark = {
    HigherIsBetter: { higher: 'better', lower: 'worse' },
    HigherIsWorse: { higher: 'worse', lower: 'better' },
    NoDirection: { higher: 'higher', lower: 'lower' },
  }[ind.polarity][raw] ?? raw;
  return { mark, ci, ref, value: a, margin };
}

// ---------------------------------------------------------------------------------------------
// The shipped data.

/** Puts `other`'s texts in `lang` (objects of `nb`, `nn`, `en` strings) into `into`'s, which
 * must have the same shape. */
function joinTexts(into, other, lang) {
  if (into === null || typeof into !== 'object') return;
  const keys = Object.keys(into);
  if (keys.length === 3 && ['nb', 'nn', 'en'].every((k) => typeof into[k] === 'string')) {
    into[lang] = other[lang];
    return;
  }
  for (const k of keys) joinTexts(into[k], other[k], lang);
}

export function loadData(dist) {
  const dir = path.join(dist, 'data');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  // A context file per language, each with its own texts alone: made one, as the prerenderer
  // makes them (`ContextBundle::joined`), so that a test can read any language's text.
  const [context, nn, en] = ['nb', 'nn', 'en'].map((lang) => decodeContext(fs.readFileSync(path.join(dir, manifest.context[lang]))));
  joinTexts(context, nn, 'nn');
  joinTexts(context, en, 'en');
  Object.assign(context, decodeCells(fs.readFileSync(path.join(dir, manifest.cells)), context.catalogue));
  const areas = new Map();
  const areaBundle = (code) => {
    if (!areas.has(code)) areas.set(code, decodeArea(fs.readFileSync(path.join(dir, manifest.areas[code])), context.catalogue));
    return areas.get(code);
  };
  return { manifest, context, areaBundle };
}

export function levelOf(code) {
  return { 1: 'landet', 2: 'fylke', 4: 'kommune', 6: 'bydel' }[code.length];
}

/** The latest cell of indicator `ind` in a list of series, when it spans every period. */
export function latestCell(seriesList, ind) {
  const s = seriesList?.find((x) => x.indicator === ind.id);
  if (!s || s.cells.length !== ind.periods.length) return null;
  return s.cells[s.cells.length - 1] ?? null;
}

/**
 * What the barometer must show for `code`: per catalogue indicator, the latest cells of the
 * area and of each comparator column, and the expected mark against landet.
 */
export function expectedProfile(data, code) {
  const { context } = data;
  const level = levelOf(code);
  const area = data.areaBundle(code);
  const comparator = (c) => context.comparators.find(([k]) => k === c)?.[1];
  const landet = comparator('0');
  const columns = ['area'];
  if (level === 'bydel') columns.push('kommune');
  if (level === 'kommune' || level === 'bydel') columns.push('fylke');
  if (level !== 'landet') columns.push('landet');
  const kommune = level === 'bydel' ? data.areaBundle(code.slice(0, 4)).series : null;
  const fylke = level === 'kommune' || level === 'bydel' ? comparator(code.slice(0, 2)) : null;
  const rows = context.catalogue
    .filter((ind) => ind.periods.length > 0)
    .map((ind) => {
      const cells = {
        area: latestCell(area.series, ind),
        kommune: kommune && latestCell(kommune, ind),
        fylke: fylke && latestCell(fylke, ind),
        landet: latestCell(landet, ind),
      };
      const expected = level === 'landet' ? { mark: 'no-data' } : expectedMark(ind, cells.area, cells.landet);
      return { ind, cells, ...expected };
    });
  return { code, level, columns, rows, area };
}

// ---------------------------------------------------------------------------------------------
// Numbers as the page shows them.

/**
 * A shown number as FHI writes it: «12 345,6 %», «4,1 per 1 000», «−20». Returns the value and
 * its number of decimals, or null when the text is not such a number.
 */
export function parseShown(text, unit) {
  let t = plain(text).trim();
  const suffix = { Percent: ' %', Per1000: ' per 1 000', ChangePercent: ' %' }[unit];
  // A change shows its sign: «+1,6 %».
  if (unit === 'ChangePercent' && t.startsWith('+')) t = t.slice(1);
  if (suffix) {
    if (!t.endsWith(suffix)) return null;
    t = t.slice(0, -suffix.length);
  }
  const m = /^(-?)(\d{1,3}(?: \d{3})*)(?:,(\d+))?$/.exec(t);
  if (!m) return null;
  const v = Number(`${m[1]}${m[2].replace(/ /g, '')}.${m[3] ?? '0'}`);
  return { value: v, decimals: m[3]?.length ?? 0 };
}

/** Whether a shown number is `expected` rounded to FHI's decimals for the indicator. */
export function shownAs(text, ind, expected) {
  const s = parseShown(text, ind.unit);
  if (!s) return `«${text}» is not a number in ${ind.unit}`;
  const decimals = Math.abs(expected) >= 10 ? 0 : ind.decimals;
  if (s.decimals !== decimals) return `«${text}» has ${s.decimals} decimals, FHI's rule gives ${decimals} for ${expected}`;
  if (Math.abs(s.value - expected) > 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(expected))) {
    return `«${text}» is not ${expected}`;
  }
  return null;
}

// The texts the barometer shows for a cell without a value (src/i18n.rs, bokmål).
export const FLAG_TEXT = {
  Suppressed: 'Skjult: for få tilfeller',
  Missing: 'Mangler tall',
  NotComputable: 'Kan ikke beregnes',
};

// ---------------------------------------------------------------------------------------------
// The explore views' figures.

/**
 * The cell of the latest period of indicator `ind` for `code`, as the explore views read it:
 * a kommune's from the context (which may hold its latest cells only, aligned to the end), a
 * fylke's or landet's from the comparators, a bydel's from its own bundle.
 */
export function lastCellOf(data, code, ind) {
  const { context } = data;
  const level = levelOf(code);
  const list = level === 'kommune'
    ? context.kommuner.find(([c]) => c === code)?.[1]
    : level === 'bydel'
      ? data.areaBundle(code).series
      : context.comparators.find(([c]) => c === code)?.[1];
  const s = list?.find((x) => x.indicator === ind.id);
  return s && s.cells.length > 0 ? s.cells[s.cells.length - 1] : null;
}

/** The registry's name of an area as the views show it («Hele landet» for landet). */
export function nameOf(data, code) {
  if (code === '0') return 'Hele landet';
  return data.context.registry.find((a) => a.code === code)?.name.split(' - ').map((s) => s.trim()).join(' – ');
}

/** Problems where a table's value text does not show `cell` of `ind`. */
export function valueProblem(text, ind, cell, where) {
  const v = cellValue(ind, cell);
  if (v === null) {
    const want = cell ? (FLAG_TEXT[cell.flag] ?? FLAG_TEXT.Missing) : FLAG_TEXT.Missing;
    return text === want ? null : `${where}: «${text}», expected «${want}»`;
  }
  const p = shownAs(text, ind, v);
  return p && `${where}: ${p}`;
}
