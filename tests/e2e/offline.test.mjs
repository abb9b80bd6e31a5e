// Offline: the service worker keeps a profile seen once, so that it opens again with the
// network gone, saying so; and a new deploy never leaves a reader with a broken app.
//
// Each test runs its own server on 127.0.0.1, which it can stop (the network gone for real:
// the worker's own requests fail too, not only the page's) and which can play a new deploy:
// a new service worker and a renamed boot script, the old one gone, as a real deploy of new
// content-hashed files would leave the host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { setup, open, DIST } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Files named with their content hash, which the README has hosts cache for a year. */
const HASHED = /-[0-9a-f]{8,16}\.(js|wasm|css|bin|json)$/;

/**
 * A host for dist/ whose content can change (`deploy`) and which can go away (`stop`). With
 * `spa`, it answers an unknown path as many hosts do for single-page apps: its page, with 200.
 * Its caching headers are the README's (hashed files for a year, the rest `no-cache` with an
 * ETag, answered with 304 when unchanged), and it logs every request as `[path, status]`.
 */
async function host({ spa = false } = {}) {
  const root = path.resolve(DIST);
  let rewrite = (p, body) => body;
  let gone = new Set();
  let added = new Map();
  const sockets = new Set();
  const log = [];
  /** Answers `body` with the README's caching headers, or 304 if the browser has it. */
  const send = (req, res, p, body) => {
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const caching = HASHED.test(p) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const type = TYPES[path.extname(p)] ?? 'application/octet-stream';
    const status = req.headers['if-none-match'] === etag ? 304 : 200;
    log.push([req.url, status]);
    res.writeHead(status, { 'content-type': type, 'cache-control': caching, etag });
    return res.end(status === 304 ? undefined : body);
  };
  let down = false;
  const server = http.createServer((req, res) => {
    // The network gone for a while: every connection drops, the worker's too.
    if (down) return req.socket.destroy();
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const isGone = gone.has(p);
    if (added.has(p)) return send(req, res, p, added.get(p));
    if (p.endsWith('/')) p += 'index.html';
    let file = path.join(root, path.normalize(p));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (spa && !isGone && file.startsWith(root) && !fs.existsSync(file)) file = path.join(root, 'index.html');
    if (isGone || !file.startsWith(root) || !fs.existsSync(file)) {
      log.push([req.url, 404]);
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // The rewrite sees the file served (`/kommune/0301/index.html` for `/kommune/0301`).
    const body = rewrite(`/${path.relative(root, file)}`, fs.readFileSync(file));
    return send(req, res, file, body);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    /** A new deploy: `fn` rewrites served files, `removed` are gone, `extra` are new files. */
    deploy(fn, removed = [], extra = {}) { rewrite = fn; gone = new Set(removed); added = new Map(Object.entries(extra)); },
    /** The network gone (`true`) or back (`false`), the host keeping its deploy. */
    offline(gone) {
      down = gone;
      if (gone) for (const s of sockets) s.destroy();
    },
    stop() {
      for (const s of sockets) s.destroy();
      return server.listening ? new Promise((ok) => server.close(ok)) : Promise.resolve();
    },
  };
}

/** The names of the worker's caches and, for each, the paths it holds. */
/**
 * Every cache and the paths it keeps. A cache the worker deleted since `keys()` is skipped:
 * `caches.open` would make it anew, and the test would see the very stale cache it looks for.
 */
const cached = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    if (!(await caches.has(name))) continue;
    const c = await caches.open(name);
    out[name] = (await c.keys()).map((r) => new URL(r.url).pathname);
  }
  return out;
});

/**
 * Waits until a worker controls the page and has kept the page and its area bundle. Asks
 * `caches.match`, which looks in every cache and opens none: this runs while an update's
 * carry-over deletes the old cache, and must not make it anew.
 */
async function kept(page, area) {
  for (let i = 0; i < 100; i++) {
    const ok = await page.evaluate(async (a) => {
      const bundle = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).find((p) => p.startsWith(`/data/area/${a}-`));
      return Boolean(navigator.serviceWorker.controller && bundle && (await caches.match(`/kommune/${a}/`)) && (await caches.match(bundle)));
    }, area);
    if (ok) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the worker never kept /kommune/${area}: ${JSON.stringify(await cached(page))}`);
}

/** Waits until `name` is the worker's only cache: what the old ones kept has come over. */
async function onlyCache(page, name) {
  const names = () => page.evaluate(() => caches.keys());
  for (let i = 0; i < 150; i++) {
    const now = await names();
    if (now.length === 1 && now[0] === name) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`caches never came down to ${name}: ${await names()}`);
}

const OFFLINE_ERRORS = [/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to load resource|Failed to fetch/];

/**
 * A data release made from this build, as the next build with new figures would be: every
 * bundle under a new name, both manifests naming them (the server's `manifest.json` and the
 * versioned one the pages name), and a new worker precaching them; the old bundles gone.
 */
function dataRelease() {
  const dist = (f) => path.join(DIST, f);
  const manifest = JSON.parse(fs.readFileSync(dist('data/manifest.json'), 'utf8'));
  const oldName = fs.readFileSync(dist('index.html'), 'utf8').match(/<meta name="oppvekst-manifest" content="([^"]+)"/)[1];
  const renamed = (f) => f.replace(/-([0-9a-f]{8})\.bin$/, (_, h) => `-${((parseInt(h, 16) ^ 0x5a5a5a5a) >>> 0).toString(16).padStart(8, '0')}.bin`);
  const removed = [];
  const extra = {};
  /** Each moved file's old path to its new one. */
  const names = new Map();
  const move = (f) => {
    removed.push(`/data/${f}`);
    names.set(`/data/${f}`, `/data/${renamed(f)}`);
    extra[`/data/${renamed(f)}`] = fs.readFileSync(dist(`data/${f}`));
    return renamed(f);
  };
  const next = {
    ...manifest,
    context: Object.fromEntries(Object.entries(manifest.context).map(([lang, f]) => [lang, move(f)])),
    areas: Object.fromEntries(Object.entries(manifest.areas).map(([code, f]) => [code, move(f)])),
    geometry: Object.fromEntries(Object.entries(manifest.geometry ?? {}).map(([k, f]) => [k, move(f)])),
  };
  const json = `${JSON.stringify(next, null, 2)}\n`;
  const name = `manifest-${crypto.createHash('sha1').update(json).digest('hex').slice(0, 8)}.json`;
  removed.push(`/data/${oldName}`);
  extra[`/data/${name}`] = json;
  const version = 'release2';
  const rewrite = (p, body) => {
    if (p === '/data/manifest.json') return json;
    if (p === '/sw.js') {
      return body.toString().replace(`/data/${oldName}`, `/data/${name}`)
        .replace(`/data/${manifest.context.nb}`, `/data/${next.context.nb}`)
        .replace(`/data/${manifest.context.nn}`, `/data/${next.context.nn}`)
        .replace(`/data/${manifest.context.en}`, `/data/${next.context.en}`)
        .replace(/const VERSION = '[^']*'/, `const VERSION = '${version}'`);
    }
    // A page names its manifest, and the data files it preloads (`oppvekst-preload`): a build
    // of the new release names the new ones.
    if (p.endsWith('.html')) return body.toString().replaceAll(oldName, name).replace(/\/data\/[^"\s]+\.bin/g, (f) => names.get(f) ?? f);
    return body;
  };
  return { rewrite, removed, extra, version, manifest: name, areas: next.areas };
}

/** Waits until the worker has kept each of `paths` (a path ending in `-` is a prefix). */
async function keptAll(page, paths) {
  for (let i = 0; i < 150; i++) {
    const all = Object.values(await cached(page)).flat();
    if (paths.every((p) => all.some((k) => (p.endsWith('-') ? k.startsWith(p) : k === p)))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`not all of ${paths} kept: ${JSON.stringify(await cached(page))}`);
}

/**
 * A host of its own (`host`'s options; stopped after the test) and a page on it, with the
 * service worker allowed unless `serviceWorkers` says otherwise.
 */
async function hosted(t, { allow = OFFLINE_ERRORS, serviceWorkers = 'allow', ...options } = {}) {
  const h = await host(options);
  t.after(() => h.stop());
  const p = await open({ ...env, url: h.url }, { allow, serviceWorkers });
  return { h, p, page: p.page, context: p.context };
}

/** `hosted`, with 0301 loaded. */
async function openProfile(t) {
  const opened = await hosted(t);
  await opened.page.goto(`${opened.h.url}/kommune/0301`);
  await opened.page.waitForSelector('tbody.indicator');
  return opened;
}

test('a profile seen once opens again offline, with the offline notice', async (t) => {
  const { h, p, page, context } = await openProfile(t);
  assert.equal(await page.locator('.offline-notice').count(), 0, 'no notice online');
  await kept(page, '0301');
  // The network gone: the host stops and the browser says it is offline.
  await h.stop();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('tbody.indicator', { timeout: 20000 });
  assert.equal(await page.locator('tbody.indicator').count(), 31, 'the whole barometer');
  // The live app takes over from the page's static copy (a reload does not wait for it).
  await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  await page.waitForSelector('.offline-notice');
  assert.match(await page.locator('.offline-notice').textContent(), /frakoblet/);
  // Another area, never seen: a clear message, not a blank page.
  await page.goto(`${h.url}/kommune/1151`);
  await page.waitForSelector('[data-error]', { timeout: 20000 });
  assert.equal(await page.locator('[data-error]').first().getAttribute('data-error'), 'offline');
  p.check();
  await p.close();
});

test('after a deploy the new version loads at once, waits to take over, and then works offline', async (t) => {
  const { h, p, page, context } = await openProfile(t);
  await kept(page, '0301');
  const [v1] = Object.keys(await cached(page));
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const boot = fs.readdirSync(DIST).find((f) => /^boot-[0-9a-f]{8}\.js$/.test(f));
  assert.ok(boot && sw.includes(`/${boot}`), 'the worker precaches the boot script');
  // The deploy: a new boot script (new name, the old one gone), a new worker naming it.
  const next = 'boot-0123cafe.js';
  const v2 = 'deploy2';
  h.deploy((p2, body) => {
    if (p2 === '/sw.js') return sw.replaceAll(`/${boot}`, `/${next}`).replace(/const VERSION = '[^']*'/, `const VERSION = '${v2}'`);
    if (p2.endsWith('.html')) return body.toString().replaceAll(`/${boot}`, `/${next}`);
    return body;
  }, [`/${boot}`], { [`/${next}`]: fs.readFileSync(path.join(DIST, boot)) });
  // Reloaded online: the new page from the network, with the new boot script; the old worker
  // still in charge, the new one waiting, and the reader told.
  await page.reload();
  await page.waitForSelector('tbody.indicator');
  assert.ok(await page.evaluate((n) => [...document.scripts].some((s) => s.src.endsWith(n)), next), 'the new boot script runs');
  await page.waitForSelector('.update-notice button', { timeout: 20000 }).catch(async (e) => {
    // Say where the new worker got to (an install fails when a precached file is missing).
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { active: r?.active?.state, waiting: r?.waiting?.state, installing: r?.installing?.state };
    });
    throw new Error(`${e.message}\nworker: ${JSON.stringify(state)}\ncaches: ${JSON.stringify(await cached(page))}`);
  });
  assert.deepEqual(Object.keys(await cached(page)).sort(), [`oppvekst-${v2}`, v1].sort(), 'both caches while the new worker waits');
  // «Last inn på nytt»: the new worker takes over, the page reloads, the old cache goes.
  await Promise.all([page.waitForEvent('load'), page.locator('.update-notice button').click()]);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  await onlyCache(page, `oppvekst-${v2}`);
  assert.equal(await page.locator('.update-notice').count(), 0);
  // And the new version opens offline.
  await h.stop();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('tbody.indicator', { timeout: 20000 });
  await page.waitForSelector('.offline-notice');
  assert.ok(await page.evaluate((n) => [...document.scripts].some((s) => s.src.endsWith(n)), next));
  p.check();
  await p.close();
});

/** Every kept answer as [cache key, content type]. */
const keptTypes = (page) => page.evaluate(async () => {
  const out = [];
  for (const name of await caches.keys()) {
    if (!(await caches.has(name))) continue;
    const c = await caches.open(name);
    for (const r of await c.keys()) {
      out.push([new URL(r.url).pathname, (await c.match(r)).headers.get('content-type') ?? '']);
    }
  }
  return out;
});

test('on a host that answers unknown paths with its page (200, HTML), nothing but pages is kept as HTML', async (t) => {
  const { h, p, page } = await hosted(t, { spa: true });
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  // Files a deploy removed, asked for through the worker (each kind of file it keeps) and
  // handed to it to keep, as the app does after a first visit.
  const junk = ['/data/area/1103-0badcafe.bin', '/data/context-0badcafe.bin', '/oppvekst-0badcafe.js', '/data/manifest-old.json'];
  const answers = await page.evaluate((paths) => Promise.all(paths.map(async (u) => {
    const r = await fetch(u);
    return [r.status, r.headers.get('content-type')];
  })), junk);
  assert.ok(answers.every(([s, type]) => s === 200 && type.startsWith('text/html')), `the host answers with its page: ${answers}`);
  await page.evaluate((urls) => navigator.serviceWorker.controller.postMessage({ type: 'oppvekst:keep', urls }), junk);
  await page.waitForTimeout(1000);
  const all = await keptTypes(page);
  assert.ok(all.some(([k]) => k.startsWith('/data/area/0301-')), 'the real bundle is kept');
  const html = all.filter(([k, type]) => !k.endsWith('/') && type.startsWith('text/html')).map(([k]) => k);
  assert.deepEqual(html, [], 'HTML kept under a file\'s name');
  for (const j of junk) assert.ok(!all.some(([k]) => k === j), `${j} is kept`);
  p.check();
  await p.close();
});


/** Views that load many bundles through the worker: all kommuner on a map, every kommune compared. */
const HEAVY_VIEWS = [
  '/kommune/4602/kart?indikator=mobbing_10&utsnitt=land',
  '/kommune/0301/sammenlign?indikator=lavinntekt_vedvarende&sett=alle',
  '/kommune/4601',
  '/kommune/5001/utvikling?indikator=mobbing_7',
];

/** Opens each of HEAVY_VIEWS and checks that it shows its figure, not an error. */
async function visitHeavyViews(page, url) {
  for (const view of HEAVY_VIEWS) {
    await page.goto(`${url}${view}`);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.querySelector('[data-error], .chart svg, .chart canvas, tbody.indicator'), null, { timeout: 30000 });
    assert.equal(await page.locator('[data-error]').count(), 0, `${view}: ${await page.locator('[data-error]').allInnerTexts()}`);
  }
}

/** The worker's shell (`PRECACHE` in dist/sw.js), which it never lets go. */
const SHELL = JSON.parse(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/const PRECACHE = (\[[^\]]*\]);/)[1]);

test('with the storage quota nearly full, every view keeps working online', async (t) => {
  const { h, p, page } = await hosted(t);
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 20000 });
  // Room for what the worker keeps now (its shell, and what the browser stores beside it, such
  // as the wasm's compiled code once it is served from the cache) and a little more: the first
  // bundles fill it. Chrome's count of the room is its own (a replaced or deleted entry still
  // counts for a while), so this test holds the answers and the shell, and the next one what
  // making room lets go.
  await page.waitForTimeout(2000);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  const cdp = await p.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.url, quotaSize: usage + 150_000 });
  await visitHeavyViews(page, h.url);
  const all = Object.values(await cached(page)).flat();
  assert.deepEqual(SHELL.filter((k) => !all.includes(k)), [], 'the shell is whole');
  p.check();
  await p.close();
});

/**
 * A storage quota of `room` bytes for what the worker keeps beside its shell, appended to the
 * worker: a put that would pass it fails as a full quota's does (`QuotaExceededError`). Unlike
 * Chrome's own (see the test above), it counts exactly what the cache holds at each put.
 */
const quotaOf = (room) => `
// Made by tests/e2e/offline.test.mjs: a quota of ${room} bytes for pages and bundles.
{
  const put = Cache.prototype.put;
  const held = async (cache) => {
    let bytes = 0;
    for (const r of await cache.keys()) {
      if (!PRECACHE.includes(new URL(r.url).pathname)) bytes += (await (await cache.match(r)).arrayBuffer()).byteLength;
    }
    return bytes;
  };
  Cache.prototype.put = async function (request, response) {
    const bytes = (await response.clone().arrayBuffer()).byteLength;
    if ((await held(this)) + bytes > ${room}) throw new DOMException('the quota is full', 'QuotaExceededError');
    return put.call(this, request, response);
  };
}
`;

test('a full quota lets the oldest kept pages go for what the reader saw last', async (t) => {
  const { h, p, page } = await hosted(t);
  h.deploy((file, body) => (file === '/sw.js' ? `${body}${quotaOf(150_000)}` : body));
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  // 0301's page is 93 KB, the map's shapes 95 KB: the map view already fills the room.
  await visitHeavyViews(page, h.url);
  await keptAll(page, ['/kommune/5001/utvikling/', '/data/area/5001-']);
  const all = Object.values(await cached(page)).flat();
  assert.ok(!all.includes('/kommune/0301/'), `the oldest page made room: ${all}`);
  assert.ok(!all.some((k) => k.startsWith('/data/area/0301-')), `its bundle too: ${all}`);
  assert.deepEqual(SHELL.filter((k) => !all.includes(k)), [], 'the shell is whole');
  // What the room holds now opens offline: the last view, with its figure.
  await p.context.setOffline(true);
  await page.goto(`${h.url}${HEAVY_VIEWS.at(-1)}`);
  await page.waitForSelector('.trend-view .chart svg, [data-error]', { timeout: 20000 });
  assert.deepEqual(await page.locator('[data-error]').allInnerTexts(), [], 'the last view offline');
  await p.context.setOffline(false);
  p.check();
  await p.close();
});

test('a tab left open across a deploy gets the new-version notice and a reload that keeps the address', async (t) => {
  const { h, p, page } = await hosted(t, { allow: [/status of 404/], serviceWorkers: 'block' });
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  // The deploy: new data, every bundle under a new name, the old ones gone.
  const release = dataRelease();
  h.deploy(release.rewrite, release.removed, release.extra);
  // In the open tab, to Stavanger through the search: the manifest in memory is the old one.
  await page.fill('#header-search-input', 'Stavanger');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kommune\/1103$/);
  const notice = page.locator('[role=alert][data-error="new-version"]');
  await notice.waitFor({ timeout: 20000 });
  assert.match(await notice.innerText(), /En ny versjon er ute/);
  assert.doesNotMatch(await notice.innerText(), /Prøv igjen|finnes ikke/);
  // «Last inn på nytt»: the same address, now with the new version's files.
  await Promise.all([page.waitForEvent('load'), notice.locator('button', { hasText: 'Last inn på nytt' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/kommune/1103');
  await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.locator('[data-error]').count(), 0);
  assert.equal(await page.getAttribute('meta[name="oppvekst-manifest"]', 'content'), release.manifest);
  p.check();
  await p.close();
});

test('a first visit downloads each file once', async (t) => {
  const { h, p, page } = await hosted(t);
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  // The worker's install and its keeping of what the page loaded before it, all settled.
  await page.waitForTimeout(1500);
  const downloads = new Map();
  for (const [url, status] of h.log) {
    if (status === 200) downloads.set(url, (downloads.get(url) ?? 0) + 1);
  }
  const twice = [...downloads].filter(([, n]) => n > 1);
  // The log saw the visit: the page, the app, the worker's shell and the area's bundle.
  const seen = [...downloads.keys()];
  for (const file of [/^\/kommune\/0301$/, /_bg\.wasm$/, /^\/data\/manifest-[0-9a-f]{8}\.json$/, /^\/data\/area\/0301-/, /^\/vendor\/echarts\.js$/, /^\/$/]) {
    assert.ok(seen.some((u) => file.test(u)), `${file} was downloaded: ${seen}`);
  }
  assert.deepEqual(twice, [], `downloaded more than once: ${JSON.stringify(twice)}`);
  p.check();
  await p.close();
});

test('profiles kept under one version open offline after a new data release, before and after «Last inn på nytt»', async (t) => {
  const { h, p, page } = await hosted(t);
  const trend = '/kommune/4601/utvikling?indikator=mobbing_7';
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  await page.goto(`${h.url}${trend}`);
  await page.waitForSelector('.trend-view .chart svg', { timeout: 20000 });
  await keptAll(page, ['/kommune/4601/utvikling/', '/data/area/4601-']);
  const release = dataRelease();
  h.deploy(release.rewrite, release.removed, release.extra);
  // A page of the new release, opened online while the old worker is in charge: it keeps the
  // new page, its manifest and bundles in the old cache, next to the old ones.
  await page.goto(`${h.url}/kommune/5001`);
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.getAttribute('meta[name="oppvekst-manifest"]', 'content'), release.manifest);
  await page.waitForSelector('.update-notice button', { timeout: 20000 });
  /** With the network gone, both pages seen open with their figures and the offline notice. */
  const bothOpenOffline = async (when) => {
    h.offline(true);
    await p.context.setOffline(true);
    for (const [at, shown] of [['/kommune/0301', 'tbody.indicator'], [trend, '.trend-view .chart svg']]) {
      await page.goto(`${h.url}${at}`);
      await page.waitForSelector(`${shown}, [data-error]`, { timeout: 20000 });
      const errors = await page.locator('[data-error]').allInnerTexts();
      assert.deepEqual(errors, [], `${when}, ${at}`);
      await page.waitForSelector('.offline-notice', { timeout: 15000 }).catch(async (e) => {
        // Where the page got to, and what the caches held.
        const text = await page.evaluate(() => document.body.innerText.slice(0, 300));
        throw new Error(`${e.message}\n${text}\n${JSON.stringify(await cached(page))}`);
      });
    }
    h.offline(false);
    await p.context.setOffline(false);
  };
  await bothOpenOffline('before the update');
  // «Last inn på nytt»: the new worker takes over and carries the pages kept over to the new
  // release (its pages, its bundles), and only then lets the old cache go.
  await page.goto(`${h.url}/kommune/5001`);
  await page.waitForSelector('.update-notice button', { timeout: 20000 });
  await Promise.all([page.waitForEvent('load'), page.locator('.update-notice button').click()]);
  await page.waitForSelector('tbody.indicator');
  await onlyCache(page, `oppvekst-${release.version}`);
  const all = Object.values(await cached(page)).flat();
  for (const key of ['/kommune/0301/', '/kommune/4601/utvikling/', `/data/${release.areas['0301']}`, `/data/${release.areas['4601']}`, `/data/${release.manifest}`]) {
    assert.ok(all.includes(key), `${key} came over: ${all}`);
  }
  assert.deepEqual(all.filter((k) => release.removed.includes(k)), [], 'nothing of the old release is left');
  await bothOpenOffline('after the update');
  assert.equal(await page.getAttribute('meta[name="oppvekst-manifest"]', 'content'), release.manifest, 'the new release\'s page');
  p.check();
  await p.close();
});

test('the worker keeps the 200 most recently seen pages and lets older ones go', async (t) => {
  const { p, page } = await openProfile(t);
  await kept(page, '0301');
  // 210 pages more, kept as a first visit hands them over (at most 200 in one message).
  const codes = Object.keys(JSON.parse(fs.readFileSync(path.join(DIST, 'data/manifest.json'), 'utf8')).areas)
    .filter((c) => c.length === 4 && c !== '0301').slice(0, 210);
  const pages = codes.map((c) => `/kommune/${c}/utvikling`);
  for (const batch of [pages.slice(0, 105), pages.slice(105)]) {
    await page.evaluate((urls) => navigator.serviceWorker.controller.postMessage({ type: 'oppvekst:keep', urls }), batch);
    await keptAll(page, batch.map((u) => `${u}/`));
  }
  // The trim follows the last batch's keeping.
  let kept200 = [];
  for (let i = 0; i < 100; i++) {
    kept200 = Object.values(await cached(page)).flat().filter((k) => k.endsWith('/') && k !== '/');
    if (kept200.length <= 200) break;
    await page.waitForTimeout(100);
  }
  assert.equal(kept200.length, 200, 'pages kept');
  assert.ok(!kept200.includes('/kommune/0301/'), 'the oldest page went');
  for (const u of pages.slice(105)) assert.ok(kept200.includes(`${u}/`), `${u} (among the newest) is kept`);
  const shell = Object.values(await cached(page)).flat();
  assert.ok(shell.includes('/'), 'the shell stays');
  p.check();
  await p.close();
});

test('the browser is asked to keep the storage only when the reader chooses to', async (t) => {
  const { h, p, page } = await hosted(t);
  await page.addInitScript(() => {
    window.persistAsked = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.persistAsked += 1; return persist(); };
  });
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await kept(page, '0301');
  assert.equal(await page.evaluate(() => window.persistAsked), 0, 'not asked unprompted');
  await page.locator('button.keep-offline').click();
  await page.waitForFunction(() => document.querySelector('.keep-status')?.textContent.trim());
  assert.equal(await page.evaluate(() => window.persistAsked), 1);
  assert.match(await page.locator('.keep-status').innerText(), /kan åpnes uten nett/);
  p.check();
  await p.close();
});
