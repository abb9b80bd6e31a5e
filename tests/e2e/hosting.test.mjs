// What the README's «Hosting» asks of a server, checked on nginx with deploy/nginx.conf (the
// server every browser suite runs against): the caching rules a deploy relies on, 404 for what
// is not there, the precompressed files, and the CSP header with the language script's hash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './harness.mjs';
import { startNginx } from './nginx.mjs';

let srv;
before(async () => { srv = await startNginx(DIST); });
after(async () => { await srv?.close(); });

const get = (url, encoding = 'identity') => fetch(`${srv.url}${url}`, { headers: { 'accept-encoding': encoding } });
const manifest = () => JSON.parse(fs.readFileSync(path.join(DIST, 'data/manifest.json'), 'utf8'));
const shell = (re) => `/${fs.readdirSync(DIST).find((f) => re.test(f))}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A part of ECharts (tools/echarts/build.mjs names them by their content). */
const echartsPart = () => `/vendor/${fs.readdirSync(path.join(DIST, 'vendor')).find((f) => /^echarts-[0-9a-f]{10}\.js$/.test(f))}`;

test('content-hashed files are cached for good; pages, sw.js and the manifest are asked again', async () => {
  const m = manifest();
  const versioned = fs.readdirSync(path.join(DIST, 'data')).find((f) => /^manifest-[0-9a-f]+\.json$/.test(f));
  const hashed = [shell(/_bg\.wasm$/), shell(/^oppvekst-.*\.js$/), shell(/^style-.*\.css$/),
    ...Object.values(m.context).map((f) => `/data/${f}`), `/data/${m.areas['0301']}`, `/data/${versioned}`, echartsPart()];
  for (const url of hashed) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.equal(r.headers.get('cache-control'), IMMUTABLE, url);
  }
  for (const url of ['/', '/kommune/0301', '/nn/kommune/0301/utvikling', '/sw.js', '/data/manifest.json', '/embed.js', '/vendor/echarts.js']) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.equal(r.headers.get('cache-control'), 'no-cache', url);
  }
  assert.equal((await get('/sw.js')).headers.get('content-type').split(';')[0], 'application/javascript');
  assert.equal((await get(shell(/_bg\.wasm$/))).headers.get('content-type'), 'application/wasm');
});

test('an unknown path and a removed bundle answer 404 with the app, never 200', async () => {
  const page = fs.readFileSync(path.join(DIST, '404.html'), 'utf8');
  // An old number's view has no page of its own: the app, from the 404 page, opens it.
  for (const url of ['/kommune/9998', '/kommune/1201/kart', '/finnes/ikke', '/data/area/0301-0000000000000000.bin']) {
    const r = await get(url);
    assert.equal(r.status, 404, url);
    assert.equal(await r.text(), page, url);
    assert.equal(r.headers.get('cache-control'), 'no-cache', url);
  }
});

test("an old number's profile answers 200 with a page of its own, as a link checker or a search engine needs", async () => {
  for (const [url, says] of [['/kommune/1201', '4601 Bergen'], ['/en/bydel/120101', '460101 Arna'], ['/nn/fylke/30', '33 Buskerud']]) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.equal(r.headers.get('cache-control'), 'no-cache', url);
    const html = await r.text();
    assert.ok(html.includes(`data-path="${url}"`) && html.includes(says), url);
  }
});

test("the build's brotli copies are served as they are; pages are compressed on the fly", async () => {
  for (const url of [shell(/_bg\.wasm$/), '/vendor/echarts.js', echartsPart(), `/data/${manifest().areas['0301']}`]) {
    const br = fs.statSync(path.join(DIST, `${url}.br`)).size;
    const r = await get(url, 'br');
    assert.equal(r.headers.get('content-encoding'), 'br', url);
    assert.equal(Number(r.headers.get('content-length')), br, url);
    assert.ok(br < fs.statSync(path.join(DIST, url)).size, url);
    await r.arrayBuffer();
  }
  // No page has a .br copy: one that changed in place would be served stale.
  assert.ok(!fs.existsSync(path.join(DIST, 'sw.js.br')) && !fs.existsSync(path.join(DIST, 'index.html.br')));
  const page = await fetch(`${srv.url}/kommune/0301/`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(page.headers.get('content-encoding'), 'gzip');
  assert.match(page.headers.get('vary'), /Accept-Encoding/);
});

test("the CSP header is the page's own policy with frame-ancestors", async () => {
  const r = await get('/kommune/0301');
  const html = await r.text();
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(r.headers.get('content-security-policy'), `${meta}; frame-ancestors 'self' https://www.your-kommune.no`);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
});
