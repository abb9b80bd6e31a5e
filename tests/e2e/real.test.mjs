// Real data end to end: `oppvekst-data fetch` (the release CLI) asks a local server that answers
// like FHI Statistikk for table 403 (made answers in FHI's json-stat2 shape, labelled as made),
// keeps the answers, imports them and builds the bundles; the app, given those bundles, shows
// vedvarende lavinntekt as real figures with the counts the server sent, names its producer,
// table and day fetched in the barometer's detail, «Om tallene» and the CSV's `opphav`, and
// drops its «demodata» badge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setup, open, OUT } from './harness.mjs';
import { loadData, shownAs } from './expected.mjs';

const ID = 'lavinntekt_vedvarende';
const SOURCES = path.resolve(process.env.OPPVEKST_SOURCES ?? '../shared/data/sources');
const CLI = path.resolve('target/release/oppvekst-data');
const WORK = path.join(OUT, 'real');
const DATA = path.join(WORK, 'data');

let env;
let data;
let fhi;
/** What the fake FHI sent for each area's latest period: [num, den]. */
const sent = new Map();

/** FHI's /dimension answer for table 403, made for this test. */
const dimensions = {
  dimensions: [
    { code: 'GEO', label: 'Geografi', categories: [{ label: 'Hele landet', value: '0', children: [] }] },
    { code: 'AAR', label: 'År', categories: [{ label: '2021-2023', value: '2021_2023', children: [] }] },
    { code: 'ALDER', label: 'Alder', categories: [{ label: '0-17 år', value: '0_17', children: [] }] },
    { code: 'INNVKAT', label: 'Innvandringskategori', categories: [{ label: 'Alle', value: '0', children: [] }] },
    { code: 'MAAL', label: 'Inntektsmål', categories: [{ label: 'EU60', value: 'ant_eu60', children: [] }] },
    { code: 'MEASURE_TYPE', label: 'Måltall', categories: ['TELLER', 'NEVNER', 'RATE'].map((m) => ({ label: m, value: m, children: [] })) },
  ],
};

/** A json-stat2 answer in FHI's shape for the GEO and measures asked. */
function answer(body) {
  const dim = (code) => body.dimensions.find((d) => d.code === code).values;
  const geo = dim('GEO');
  const measures = dim('MEASURE_TYPE');
  const aar = [];
  for (let y = 2015; y <= 2023; y++) aar.push(`${y - 2}_${y}`);
  const value = [];
  geo.forEach((code, g) => aar.forEach((_, t) => {
    const den = 500 + ((g * 53 + t * 7) % 4000);
    const num = Math.floor((den * (6 + (g % 11))) / 100);
    if (t === aar.length - 1) sent.set(code, [num, den]);
    for (const m of measures) value.push(m === 'TELLER' ? num : m === 'NEVNER' ? den : Math.round((num * 1000) / den) / 10);
  }));
  const category = (codes) => ({ index: codes, label: Object.fromEntries(codes.map((c) => [c, c])) });
  return {
    class: 'dataset', version: '2.0', href: null,
    label: 'Vedvarende lavinntekt (MADE FOR TESTS: not FHI\'s figures)',
    updated: '2026-11-20T08:00:00.0000000+00:00', source: null,
    id: ['GEO', 'AAR', 'ALDER', 'INNVKAT', 'MAAL', 'MEASURE_TYPE'],
    size: [geo.length, aar.length, 1, 1, 1, measures.length], role: null,
    dimension: {
      GEO: { label: 'Geografi', category: category(geo) },
      AAR: { label: 'År', category: category(aar) },
      ALDER: { label: 'Alder', category: category(['0_17']) },
      INNVKAT: { label: 'Innvandringskategori', category: category(['0']) },
      MAAL: { label: 'Inntektsmål', category: category(['ant_eu60']) },
      MEASURE_TYPE: { label: 'Måltall', category: category(measures) },
    },
    value, status: '',
  };
}

function fakeFhi() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const reply = (status, obj) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(obj));
      };
      if (req.url.endsWith('/nokkel/Table/403/dimension')) return reply(200, dimensions);
      if (req.url.endsWith('/nokkel/Table/403/data') && req.method === 'POST') return reply(200, answer(JSON.parse(body)));
      return reply(404, { status: 'no such table' });
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    base: `http://127.0.0.1:${server.address().port}/api/open/v1`,
    close: () => new Promise((r) => server.close(r)),
  })));
}

const haveSources = fs.existsSync(SOURCES);

before(async () => {
  if (!haveSources) return;
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  for (const f of ['catalogue.toml', 'model.toml', 'themes.toml', 'dimensions.toml', 'population.toml']) {
    fs.copyFileSync(path.join('data', f), path.join(DATA, f));
  }
  fhi = await fakeFhi();
  // Asynchronously: the fake FHI answers from this very process.
  const run = await new Promise((ok) => {
    const child = spawn(CLI, ['fetch', '--only', ID, '--fhi-url', fhi.base, '--sources', SOURCES,
      '--data', DATA, '--pace-ms', '0', '--backoff-ms', '1', '--timeout', '30']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => ok({ status, stdout, stderr }));
  });
  assert.equal(run.status, 0, `fetch failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, new RegExp(`${ID}: read \\d+ of \\d+ expected cells`));
  // The app's bundles, laid out as dist/data for the independent decoder.
  fs.mkdirSync(path.join(WORK, 'dist'), { recursive: true });
  fs.symlinkSync(path.join(DATA, 'bundles'), path.join(WORK, 'dist', 'data'));
  data = loadData(path.join(WORK, 'dist'));
  env = await setup();
});
after(async () => { await env?.close(); await fhi?.close(); });

/**
 * A page whose /data/ requests get the fetched bundles instead of the shipped ones. The page
 * names the files it preloads (`oppvekst-preload`); a build of the fetched data would name
 * that data's files, so the page here does too.
 */
async function openWithRealData(url) {
  const p = await open(env);
  const manifest = JSON.parse(fs.readFileSync(path.join(DATA, 'bundles', 'manifest.json'), 'utf8'));
  await p.context.route((u) => !u.pathname.startsWith('/data/') && !path.extname(u.pathname), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /(<meta name="oppvekst-preload" content=")([^"]*)"/,
      (_, head, files) => `${head}${files.split(' ').map((f) => {
        const area = /^\/data\/area\/([0-9]+)-[0-9a-f]+\.bin$/.exec(f);
        if (area) return `/data/${manifest.areas[area[1]]}`;
        const context = /^\/data\/context-([a-z]{2})-/.exec(f);
        if (context) return `/data/${manifest.context[context[1]]}`;
        return f;
      }).join(' ')}"`,
    );
    return route.fulfill({ response, body });
  });
  await p.context.route('**/data/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/data\//, '');
    // The page names its manifest by version (`manifest-HASH.json`); here the fetched data's.
    const file = path.join(DATA, 'bundles', /^manifest-[0-9a-f]{8}\.json$/.test(name) ? 'manifest.json' : name);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      body: fs.readFileSync(file),
    });
  });
  await p.page.goto(env.url + url);
  return p;
}

function today(fetched) {
  const [y, m, d] = fetched.split('-');
  return `${d}.${m}.${y}`;
}

test('a fetched indicator is real in the bundles, with its origin', { skip: !haveSources }, () => {
  const ind = data.context.catalogue.find((i) => i.id === ID);
  assert.equal(ind.provenance, 'Real');
  assert.equal(ind.origin.producer, 'FHI Statistikk');
  assert.equal(ind.origin.table, 'nokkel/403');
  assert.equal(ind.origin.fetched, new Date().toISOString().slice(0, 10));
  // The cache holds every answer with its manifest line.
  const lines = fs.readFileSync(path.join(DATA, 'cache', 'manifest.jsonl'), 'utf8').trim().split('\n');
  assert.equal(lines.length, 2, 'the dimensions and one data answer');
  assert.ok(lines.every((l) => JSON.parse(l).status === 200));
});

test('the profile shows the fetched figures as real, with producer, table and day', { skip: !haveSources }, async () => {
  const ind = data.context.catalogue.find((i) => i.id === ID);
  const p = await openWithRealData('/kommune/0301');
  const row = p.page.locator(`tbody.indicator[data-indicator="${ID}"]`);
  await row.waitFor();
  assert.equal(await row.locator('.badge-demo').count(), 0, 'no demodata badge on a real row');
  // The value is the counts the server sent for Oslo.
  const [num, den] = sent.get('0301');
  const shown = await row.locator('td.num').first().innerText();
  assert.equal(shownAs(shown, ind, (100 * num) / den), null, `Oslo shows ${shown} for ${num}/${den}`);
  // A modelled row keeps its badge.
  assert.equal(await p.page.locator('tbody.indicator[data-indicator="trangbodd"] .badge-demo').count(), 1);
  await row.locator('button.row-toggle').click();
  const provenance = await row.locator('.row-detail dd.provenance').innerText();
  assert.equal(provenance, `Ekte tall: FHI Statistikk, tabell nokkel/403, hentet ${today(ind.origin.fetched)}`);
  await p.page.screenshot({ path: path.join(OUT, 'real-profile-0301.png'), fullPage: false });

  // The CSV says the same in `opphav`.
  const [file] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-csv="excel"]')]);
  const text = fs.readFileSync(await file.path(), 'utf8');
  const line = text.split('\r\n').find((l) => l.split(';')[2] === ID);
  assert.ok(line?.endsWith(`;${provenance}`), line);
  const modelled = text.split('\r\n').find((l) => l.split(';')[2] === 'trangbodd');
  assert.ok(modelled.endsWith(';Modellert (demodata)'), modelled);
  p.check();
  await p.close();
});

test('«Om tallene» lists every indicator with its source and provenance', { skip: !haveSources }, async () => {
  const ind = data.context.catalogue.find((i) => i.id === ID);
  const p = await openWithRealData('/om?lang=nn');
  const rows = p.page.locator('table.indicator-sources tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), data.context.catalogue.length);
  const real = p.page.locator(`table.indicator-sources tr[data-indicator="${ID}"] td.provenance`);
  assert.equal(await real.innerText(), `Ekte tal: FHI Statistikk, tabell nokkel/403, henta ${today(ind.origin.fetched)}`);
  const other = p.page.locator('table.indicator-sources tr[data-indicator="mobbing_7"] td.provenance');
  assert.equal(await other.innerText(), 'Modellert (demodata)');
  p.check();
  await p.close();
});
