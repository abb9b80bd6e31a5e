// Downloads: the profile's and the views' figures as CSV and as JSON-stat 2.0. The test downloads the file for 0301, parses it
// back and checks that the columns are as named, that the values equal the bundles' (read
// with the independent decoder), that a hidden value stays hidden, and that the variant for
// Norwegian Excel has `;` and decimal commas while the plain one has `,` and decimal points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, open, DIST } from './harness.mjs';
import { loadData, expectedProfile, cellValue, cellInterval, lastCellOf } from './expected.mjs';
import JSONstat from 'jsonstat-toolkit';

let env;
let data;
before(async () => {
  env = await setup();
  data = loadData(DIST);
});
after(async () => { await env?.close(); });

const COLUMNS = ['omrade_kode', 'omrade_navn', 'indikator_id', 'indikator', 'periode', 'verdi', 'ki_nedre',
  'ki_ovre', 'flagg', 'flagg_betydning', 'fylke', 'landet', 'enhet', 'kilde', 'opphav'];
const FLAG_SYMBOL = { Ok: '', Missing: '..', NotComputable: '.', Suppressed: ':' };

/** RFC 4180 lines and fields: quotes around fields that hold the separator, "" for a quote. */
function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, which) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-csv="${which}"]`)]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

/** Problems where a number field does not hold `expected` at the file's decimals. */
function numberProblem(text, expected, decimals, comma, where) {
  if (expected === null || expected === undefined) return text === '' ? null : `${where}: «${text}», expected empty`;
  const shown = comma ? text.replace(',', '.') : text;
  if (comma && text.includes('.')) return `${where}: «${text}» has a decimal point`;
  if (!comma && text.includes(',')) return `${where}: «${text}» has a decimal comma`;
  const v = Number(shown);
  if (!Number.isFinite(v)) return `${where}: «${text}» is not a number`;
  if ((shown.split('.')[1] ?? '').length !== decimals) return `${where}: «${text}» has not ${decimals} decimals`;
  return Math.abs(v - expected) <= 0.5 * 10 ** -decimals + 1e-9 ? null : `${where}: «${text}» is not ${expected}`;
}

test('the profile of 0301 downloads as CSV for Excel and as plain CSV, with the bundles\' values', async () => {
  const p = await open(env);
  const { page } = p;
  await page.goto(`${env.url}/kommune/0301`);
  await page.waitForSelector('button[data-csv="excel"]');
  const expected = expectedProfile(data, '0301');
  for (const [which, sep, comma] of [['excel', ';', true], ['plain', ',', false]]) {
    const { name, bytes } = await download(page, which);
    assert.match(name, /^oppvekstprofil_0301_oslo_\d{4}\.csv$/);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
    const rows = parseCsv(bytes.toString('utf8').slice(1), sep);
    assert.deepEqual(rows[0], COLUMNS);
    const records = rows.slice(1);
    assert.equal(records.length, expected.rows.length);
    const problems = [];
    for (const r of expected.rows) {
      const ind = r.ind;
      const rec = records.find((x) => x[2] === ind.id);
      if (!rec) { problems.push(`${ind.id}: no record`); continue; }
      const d = ind.decimals + 1;
      const where = `${which} ${ind.id}`;
      if (rec[0] !== '0301' || rec[1] !== 'Oslo') problems.push(`${where}: area ${rec[0]} ${rec[1]}`);
      const cell = r.cells.area;
      const v = cellValue(ind, cell);
      const ci = v === null ? null : cellInterval(ind, cell);
      for (const x of [
        numberProblem(rec[5], v, d, comma, `${where} verdi`),
        numberProblem(rec[6], ci?.lo ?? null, d, comma, `${where} ki_nedre`),
        numberProblem(rec[7], ci?.hi ?? null, d, comma, `${where} ki_ovre`),
        numberProblem(rec[10], cellValue(ind, r.cells.fylke), d, comma, `${where} fylke`),
        numberProblem(rec[11], cellValue(ind, r.cells.landet), d, comma, `${where} landet`),
      ]) if (x) problems.push(x);
      const flag = cell?.flag ?? 'Missing';
      if (rec[8] !== FLAG_SYMBOL[flag]) problems.push(`${where}: flag «${rec[8]}» for ${flag}`);
      if (flag === 'Suppressed') {
        if (rec[5] !== '' || rec[9] !== 'Skjult: for få tilfeller') problems.push(`${where}: a hidden value shows`);
      }
      const provenance = ind.provenance === 'Modelled' ? 'Modellert (demodata)' : 'Ekte tall';
      if (rec[14] !== provenance) problems.push(`${where}: provenance «${rec[14]}»`);
    }
    assert.deepEqual(problems, []);
    // The Excel variant really has decimal commas (a share of children, say).
    if (comma) assert.ok(records.some((x) => /^\d+,\d+$/.test(x[5])), 'decimal commas');
    else assert.ok(records.some((x) => /^\d+\.\d+$/.test(x[5])), 'decimal points');
  }
  p.check();
  await p.close();
});

test('a hidden value stays hidden in the file: Utsira', async () => {
  const p = await open(env);
  const { page } = p;
  await page.goto(`${env.url}/kommune/1151`);
  await page.waitForSelector('button[data-csv="excel"]');
  const { name, bytes } = await download(page, 'excel');
  assert.match(name, /^oppvekstprofil_1151_utsira_\d{4}\.csv$/);
  const records = parseCsv(bytes.toString('utf8').slice(1), ';').slice(1);
  const expected = expectedProfile(data, '1151');
  const suppressed = expected.rows.filter((r) => r.cells.area?.flag === 'Suppressed').map((r) => r.ind.id);
  assert.ok(suppressed.length > 0, 'Utsira has hidden cells');
  for (const id of suppressed) {
    const rec = records.find((x) => x[2] === id);
    assert.deepEqual([rec[5], rec[6], rec[7], rec[8], rec[9]], ['', '', '', ':', 'Skjult: for få tilfeller'], id);
  }
  p.check();
  await p.close();
});

test('a comparison, a map and a trend download their figures too', async () => {
  const { lastCellOf, levelOf } = await import('./expected.mjs');
  const id = 'mobbing_7';
  const ind = data.context.catalogue.find((i) => i.id === id);
  const d = ind.decimals + 1;
  const kommuner = data.context.registry.filter((a) => a.code.length === 4).map((a) => a.code);
  for (const [url, name, codes] of [
    [`/kommune/4601/sammenlign?indikator=${id}&sett=fylke`, /^sammenligning_4601_mobbing_7_fylke\.csv$/, kommuner.filter((c) => c.startsWith('46'))],
    [`/landet/kart?indikator=${id}`, /^kart_0_mobbing_7_land\.csv$/, kommuner],
  ]) {
    const p = await open(env);
    await p.page.goto(`${env.url}${url}`);
    await p.page.waitForSelector('article.explore button[data-csv="excel"]');
    const file = await download(p.page, 'excel');
    assert.match(file.name, name);
    const records = parseCsv(file.bytes.toString('utf8').slice(1), ';').slice(1);
    const problems = [];
    for (const code of codes) {
      const rec = records.find((r) => r[0] === code);
      if (!rec) { problems.push(`${url}: no record for ${code}`); continue; }
      const fylke = lastCellOf(data, code.slice(0, 2), ind);
      for (const x of [
        numberProblem(rec[5], cellValue(ind, lastCellOf(data, code, ind)), d, true, `${code} verdi`),
        numberProblem(rec[10], cellValue(ind, fylke), d, true, `${code} fylke`),
        numberProblem(rec[11], cellValue(ind, lastCellOf(data, '0', ind)), d, true, `${code} landet`),
      ]) if (x) problems.push(x);
    }
    assert.deepEqual(problems.slice(0, 10), [], url);
    assert.equal(levelOf(codes[0]), 'kommune');
    p.check();
    await p.close();
  }
  // The trend: a record a line and period.
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/0301/utvikling?indikator=${id}`);
  await p.page.waitForSelector('article.explore button[data-csv="plain"]');
  const file = await download(p.page, 'plain');
  assert.match(file.name, /^utvikling_0301_mobbing_7\.csv$/);
  const records = parseCsv(file.bytes.toString('utf8').slice(1), ',').slice(1);
  const areas = [...new Set(records.map((r) => r[0]))];
  assert.deepEqual(areas, ['0301', '03', '0']);
  assert.equal(records.length, 3 * ind.periods.length);
  const own = data.areaBundle('0301').series.find((s) => s.indicator === id).cells;
  const problems = records
    .filter((r) => r[0] === '0301')
    .map((r, i) => numberProblem(r[5], cellValue(ind, own[i]), d, false, `0301 ${r[4]}`))
    .filter(Boolean);
  assert.deepEqual(problems, []);
  p.check();
  await p.close();
});

/** The view's JSON-stat download, read by jsonstat-toolkit (the format author's own reader). */
async function jsonstat(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[data-jsonstat]')]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text, ds: JSONstat(JSON.parse(text)) };
}

/** Problems where the dataset's cell for `code` is not `cell` of `ind`: its value at the file's
 * decimals, or no value with FHI's flag in `status`. */
function jsonstatProblem(ds, code, period, ind, cell, where) {
  const got = ds.Data({ omrade: code, periode: period, indikator: ind.id });
  if (!got) return `${where}: no cell`;
  const want = cellValue(ind, cell);
  if (want === null) {
    const flag = FLAG_SYMBOL[cell?.flag ?? 'Missing'] || '..';
    if (got.value !== null) return `${where}: ${got.value} where the bundle has no value (${cell?.flag})`;
    return got.status === flag ? null : `${where}: status ${got.status}, expected ${flag}`;
  }
  if (got.status !== null) return `${where}: status ${got.status} beside a value`;
  const d = ind.decimals + 1;
  return Math.abs(got.value - want) <= 0.5 * 10 ** -d + 1e-9 ? null : `${where}: ${got.value}, expected ${want}`;
}

test('JSON-stat 2.0 beside each CSV: jsonstat-toolkit reads every value and flag of the bundles, in the page\'s language', async () => {
  const id = 'mobbing_7';
  const ind = data.context.catalogue.find((i) => i.id === id);
  const kommuner = data.context.registry.filter((a) => a.code.length === 4).map((a) => a.code);
  // The map of every kommune, in English: small kommuner have hidden cells.
  let p = await open(env);
  await p.page.goto(`${env.url}/en/landet/kart?indikator=${id}`);
  await p.page.waitForSelector('article.explore button[data-jsonstat]');
  let file = await jsonstat(p.page);
  assert.match(file.name, /^kart_0_mobbing_7_land\.json$/);
  let ds = file.ds;
  assert.equal(ds.class, 'dataset');
  assert.deepEqual(ds.id, ['omrade', 'periode', 'indikator']);
  assert.deepEqual(ds.role, { geo: ['omrade'], time: ['periode'], metric: ['indikator'], classification: null });
  assert.equal(ds.Dimension('omrade').label, 'Area');
  assert.equal(ds.Dimension('periode').label, 'Period');
  assert.equal(ds.Dimension('indikator').Category(id).label, ind.label.en);
  assert.equal(ds.Dimension('indikator').Category(id).unit.decimals, ind.decimals);
  const latest = ind.periods[ind.periods.length - 1];
  const period = `${latest.first}_${latest.last}`;
  assert.deepEqual(ds.Dimension('periode').id, [period]);
  assert.equal(ds.n, ds.Dimension('omrade').length, 'one value an area');
  const problems = kommuner.map((c) => jsonstatProblem(ds, c, period, ind, lastCellOf(data, c, ind), c)).filter(Boolean);
  assert.deepEqual(problems.slice(0, 10), []);
  const hidden = kommuner.filter((c) => lastCellOf(data, c, ind)?.flag === 'Suppressed');
  assert.ok(hidden.length > 0, 'the map has hidden cells to check');
  const raw = JSON.parse(file.text);
  assert.ok(Object.values(raw.status).includes(':'));
  assert.match(raw.extension.oppvekst.flagg[':'], /Hidden/);
  assert.ok(raw.extension.oppvekst.kilde[id].length > 3);
  assert.match(raw.source, /CC BY 4\.0/);
  p.check();
  await p.close();
  // The profile of Utsira: every indicator at its latest period, hidden ones hidden.
  p = await open(env);
  await p.page.goto(`${env.url}/nn/kommune/1151`);
  await p.page.waitForSelector('button[data-jsonstat]');
  file = await jsonstat(p.page);
  ds = file.ds;
  assert.equal(ds.Dimension('omrade').Category('1151').label, 'Utsira');
  const rows = expectedProfile(data, '1151').rows;
  assert.equal(ds.Dimension('indikator').length, rows.length);
  const profileProblems = [];
  let flagged = 0;
  for (const { ind, cells } of rows) {
    const last = ind.periods[ind.periods.length - 1];
    if (cellValue(ind, cells.area) === null) flagged += 1;
    const x = jsonstatProblem(ds, '1151', `${last.first}_${last.last}`, ind, cells.area, ind.id);
    if (x) profileProblems.push(x);
  }
  assert.deepEqual(profileProblems, []);
  assert.ok(flagged > 0, 'Utsira has cells without a value');
  assert.equal(ds.Dimension('omrade').label, 'Område');
  p.check();
  await p.close();
});
