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
import { setup, open, DIST } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * A host for dist/ whose content can change (`deploy`) and which can go away (`stop`). With
 * `spa`, it answers an unknown path as many hosts do for single-page apps: its page, with 200.
 */
async function host({ spa = false } = {}) {
  const root = path.resolve(DIST);
  let rewrite = (p, body) => body;
  let gone = new Set();
  let added = new Map();
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const isGone = gone.has(p);
    if (added.has(p)) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      return res.end(added.get(p));
    }
    if (p.endsWith('/')) p += 'index.html';
    let file = path.join(root, path.normalize(p));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (spa && !isGone && file.startsWith(root) && !fs.existsSync(file)) file = path.join(root, 'index.html');
    if (isGone || !file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // The rewrite sees the file served (`/kommune/0301/index.html` for `/kommune/0301`).
    const body = rewrite(`/${path.relative(root, file)}`, fs.readFileSync(file));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    return res.end(body);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** A new deploy: `fn` rewrites served files, `removed` are gone, `extra` are new files. */
    deploy(fn, removed = [], extra = {}) { rewrite = fn; gone = new Set(removed); added = new Map(Object.entries(extra)); },
    stop() {
      for (const s of sockets) s.destroy();
      return server.listening ? new Promise((ok) => server.close(ok)) : Promise.resolve();
    },
  };
}

/** The names of the worker's caches and, for each, the paths it holds. */
const cached = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const c = await caches.open(name);
    out[name] = (await c.keys()).map((r) => new URL(r.url).pathname);
  }
  return out;
});

/** Waits until a worker controls the page and has kept the page and its area bundle. */
async function kept(page, area) {
  for (let i = 0; i < 100; i++) {
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    const all = Object.values(await cached(page)).flat();
    if (controlled && all.includes(`/kommune/${area}/`) && all.some((p) => p.startsWith(`/data/area/${area}-`))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the worker never kept /kommune/${area}: ${JSON.stringify(await cached(page))}`);
}

const OFFLINE_ERRORS = [/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to load resource|Failed to fetch/];

/** A host of its own (stopped after the test), a page with workers allowed, 0301 loaded. */
async function openProfile(t) {
  const h = await host();
  t.after(() => h.stop());
  const p = await open({ ...env, url: h.url }, { allow: OFFLINE_ERRORS, serviceWorkers: 'allow' });
  await p.page.goto(`${h.url}/kommune/0301`);
  await p.page.waitForSelector('tbody.indicator');
  return { h, p, page: p.page, context: p.context };
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
  assert.deepEqual(Object.keys(await cached(page)), [`oppvekst-${v2}`]);
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
    const c = await caches.open(name);
    for (const r of await c.keys()) {
      out.push([new URL(r.url).pathname, (await c.match(r)).headers.get('content-type') ?? '']);
    }
  }
  return out;
});

test('on a host that answers unknown paths with its page (200, HTML), nothing but pages is kept as HTML', async (t) => {
  const h = await host({ spa: true });
  t.after(() => h.stop());
  const p = await open({ ...env, url: h.url }, { allow: OFFLINE_ERRORS, serviceWorkers: 'allow' });
  const page = p.page;
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


test('with the storage quota nearly full, every view keeps working online', async (t) => {
  const h = await host();
  t.after(() => h.stop());
  const p = await open({ ...env, url: h.url }, { allow: OFFLINE_ERRORS, serviceWorkers: 'allow' });
  const page = p.page;
  // Room for the worker's shell and a little more: the first bundles fill it.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const shell = JSON.parse(sw.match(/const PRECACHE = (.*);/)[1])
    .map((u) => path.join(DIST, u === '/' ? 'index.html' : u))
    .reduce((n, f) => n + fs.statSync(f).size, 0);
  const cdp = await p.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.url, quotaSize: shell + 150_000 });
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 20000 });
  // Views that load many bundles through the worker: all kommuner on a map, every kommune compared.
  for (const view of [
    '/kommune/4602/kart?indikator=mobbing_10&utsnitt=land',
    '/kommune/0301/sammenlign?indikator=lavinntekt_vedvarende&sett=alle',
    '/kommune/4601',
    '/kommune/5001/utvikling?indikator=mobbing_7',
  ]) {
    await page.goto(`${h.url}${view}`);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.querySelector('[data-error], .chart svg, .chart canvas, tbody.indicator'), null, { timeout: 30000 });
    assert.equal(await page.locator('[data-error]').count(), 0, `${view}: ${await page.locator('[data-error]').allInnerTexts()}`);
  }
  const { usage, quota } = await page.evaluate(() => navigator.storage.estimate());
  assert.ok(usage <= quota, `${usage} of ${quota}`);
  p.check();
  await p.close();
});

test('a tab left open across a deploy gets the new-version notice and a reload that keeps the address', async (t) => {
  const h = await host();
  t.after(() => h.stop());
  const p = await open({ ...env, url: h.url }, { allow: [/status of 404/] });
  const page = p.page;
  await page.goto(`${h.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  // The deploy: Stavanger's bundle under a new name, the manifest naming it, the old one gone.
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'data/manifest.json'), 'utf8'));
  const old = manifest.areas['1103'];
  const renamed = old.replace(/-[0-9a-f]+\.bin$/, '-0eed0001.bin');
  manifest.areas['1103'] = renamed;
  h.deploy(
    (p2, body) => (p2 === '/data/manifest.json' ? JSON.stringify(manifest) : body),
    [`/data/${old}`],
    { [`/data/${renamed}`]: fs.readFileSync(path.join(DIST, 'data', old)) },
  );
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
  p.check();
  await p.close();
});
