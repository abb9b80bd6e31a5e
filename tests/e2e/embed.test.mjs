// The embed modes: a host page on a second 127.0.0.1 origin frames the profile with the
// documented snippet (public/embed.js); the iframe is sized to the content, with no
// scrollbar; a message of the right shape from another frame is ignored; the embed itself
// has no site chrome, links to the whole profile and passes axe. The compact embeds (a
// figure, the barometer, a card) fit a kommune's page at 360 and 1280 px, and the server's
// CSP header (nginx, deploy/nginx.conf) lets only the named site frame the pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, open, axe, OUT } from './harness.mjs';
import { startServer } from './server.mjs';

let env;
let host;
let hostile;
let hostRoot;
const hostDir = () => hostRoot;
before(async () => {
  // The host page's server first: nginx lets its origin, and no other, frame the pages.
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oppvekst-host-'));
  const hostileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oppvekst-hostile-'));
  host = await startServer(hostDir);
  hostRoot = hostDir;
  hostile = await startServer(hostileDir);
  env = await setup({ frameAncestors: [host.url] });
  fs.writeFileSync(path.join(hostileDir, 'index.html'),
    '<!doctype html><title>x</title><script>parent.postMessage({ type: "oppvekst:height", height: 50 }, "*");</script>');
  fs.writeFileSync(path.join(hostileDir, 'frames.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not allowed</title></head>
<body><iframe id="profil" src="${env.url}/kommune/0301?embed=1" title="Oppvekstprofil" data-oppvekst></iframe></body></html>`);
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Kommunens nettside</title></head>
<body>
<h1>Oppvekst i Oslo</h1>
<iframe id="profil" src="${env.url}/kommune/0301?embed=1" title="Oppvekstprofil for Oslo" data-oppvekst style="width: 100%; border: 0; height: 300px"></iframe>
<iframe id="fiende" src="${hostile.url}/" title="Noe annet" style="width: 10px; height: 10px"></iframe>
<script src="${env.url}/embed.js"></script>
</body></html>`);
});
after(async () => { await host?.close(); await hostile?.close(); await env?.close(); });

test('a host on another origin frames the profile at its full height, with no scrollbar', async () => {
  assert.notEqual(new URL(host.url).origin, new URL(env.url).origin);
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${host.url}/`);
  const frame = page.frameLocator('#profil');
  await frame.locator('tbody.indicator').first().waitFor({ timeout: 20000 });
  // Wait for the app to take over and the height to settle.
  await page.waitForFunction(() => {
    const f = document.getElementById('profil');
    return parseFloat(f.style.height) > 2000;
  }, null, { timeout: 20000 });
  await page.waitForTimeout(1500);
  const sizes = await page.evaluate(() => {
    const f = document.getElementById('profil');
    const doc = f.contentDocument;
    return doc ? null : { frame: f.getBoundingClientRect().height, style: f.style.height };
  });
  // The frame's document is another origin's: measure it from inside.
  const inner = await page.frames().find((f) => f.url().includes('/kommune/0301'))
    .evaluate(() => ({
      body: Math.ceil(document.body.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
  assert.ok(Math.abs(sizes.frame - inner.body) <= 2, `frame ${sizes.frame} px, content ${inner.body} px`);
  assert.ok(inner.scroll <= inner.client + 1, `scrolls inside: ${inner.scroll} > ${inner.client}`);
  // The hostile frame's message (right shape, wrong window and origin) did not size it.
  assert.notEqual(sizes.style, '50px');
  // And a message the host posts to itself neither.
  await page.evaluate(() => window.postMessage({ type: 'oppvekst:height', height: 60 }, '*'));
  await page.waitForTimeout(300);
  assert.notEqual(await page.evaluate(() => document.getElementById('profil').style.height), '60px');
  await context.close();
});

test('the embed has no site chrome, links to the whole profile and passes axe', async () => {
  const p = await open(env);
  const { page } = p;
  await page.goto(`${env.url}/kommune/0301?embed=1&lang=nn`);
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.equal(await page.locator('.site-footer').count(), 0);
  const link = page.locator('.embed-bar a');
  assert.equal(await link.getAttribute('href'), '/nn/kommune/0301');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await page.getAttribute('html', 'lang'), 'nn');
  // Every finding, the moderate ones too: the link bar is inside a landmark (axe's `region`).
  await axe(page, ['minor', 'moderate', 'serious', 'critical']);
  p.check();
  await p.close();
});

test("the server's CSP header lets the named site frame the pages, and no other", async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const refused = [];
  page.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
  // The header itself, from nginx with deploy/nginx.conf.
  const answer = await page.request.get(`${env.url}/kommune/0301?embed=1`);
  assert.match(answer.headers()['content-security-policy'], new RegExp(`frame-ancestors 'self' ${host.url}$`));
  // A site that is not named: Chromium refuses to show the page in its frame.
  await page.goto(`${hostile.url}/frames.html`);
  await assert.rejects(
    page.frameLocator('#profil').locator('tbody.indicator').first().waitFor({ timeout: 4000 }),
  );
  assert.ok(refused.some((t) => t.includes(env.url) && t.includes(host.url)), refused.join('\n'));
  // The named one (the test above shows the whole profile sized in it): the same frame loads.
  await page.goto(`${host.url}/`);
  await page.frameLocator('#profil').locator('tbody.indicator').first().waitFor({ timeout: 20000 });
  await context.close();
});

// Each compact embed, as the «Bygg inn» dialog writes it, and the most it may be tall.
const COMPACT = [
  ['figur-trend', '/kommune/0301/utvikling?embed=figur', 600],
  ['figur-compare', '/kommune/4601/sammenlign?embed=figur', 600],
  ['figur-map', '/kommune/0301/kart?embed=figur', 600],
  ['figur-breakdown', '/kommune/0301/fordeling?embed=figur', 600],
  ['figur-population', '/nn/kommune/0301/befolkning?embed=figur', 600],
  ['kort', '/kommune/0301?embed=kort', 700],
  ['kort-nn', '/nn/kommune/1151?embed=kort', 700],
  ['barometer', '/kommune/0301?embed=barometer', Infinity],
];

for (const width of [360, 1280]) {
  test(`compact embeds at ${width} px: a figure ≤ 600 px, a card ≤ 700 px, the barometer as tall as its rows; no scrollbar, axe clean, links open a new tab`, async (t) => {
    fs.writeFileSync(path.join(hostDir(), `compact-${width}.html`), `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Kommunens nettside</title>
<style>body { margin: 0 } main { padding: 0 8px }</style></head>
<body><main><h1>Oppvekst</h1>
${COMPACT.map(([id, url]) => `<iframe id="${id}" src="${env.url}${url}" title="${id}" data-oppvekst style="width: 100%; border: 0; height: 300px"></iframe>`).join('\n')}
<script src="${env.url}/embed.js"></script></main></body></html>`);
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(`${host.url}/compact-${width}.html`);
    const frameOf = (url) => page.frames().find((f) => f.url().startsWith(`${env.url}${url.split('?')[0]}?`) && f.url().includes(url.split('?')[1]));
    // Every frame's app has drawn its part, and each has its height.
    for (const [id, url] of COMPACT) {
      await page.waitForFunction((id) => document.getElementById(id).style.height !== '300px', id, { timeout: 30000 })
        .catch(() => assert.fail(`${id} at ${width} px: the host never sized the frame`));
      const frame = frameOf(url);
      assert.ok(frame, url);
      // A chart draws when it nears the screen (the top page's): bring the frame there.
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await frame.waitForFunction(() => !document.getElementById('prerendered')
        && (document.querySelector('figure .chart svg, figure .chart canvas, .key-sentences li, tbody.indicator')), null, { timeout: 30000 });
    }
    await page.waitForTimeout(1500);
    for (const [id, url, most] of COMPACT) {
      const frame = frameOf(url);
      const outer = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);
      const inner = await frame.evaluate(() => ({
        body: Math.ceil(document.body.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        client: document.documentElement.clientHeight,
        scrollX: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
        // What shows: no tabs, pickers or downloads; the parts the kind promises.
        shown: [...document.querySelectorAll('main *')].filter((e) => e.checkVisibility())
          .map((e) => e.matches('.explore-nav, form, select, .downloads, .chart-save, .site-header, .share, .themes') ? e.className || e.tagName : null)
          .filter(Boolean),
        figures: [...document.querySelectorAll('main figure')].filter((e) => e.checkVisibility()).length,
        source: [...document.querySelectorAll('.chart-source')].some((e) => e.checkVisibility() && /^Kj?[ei]lde: /.test(e.textContent)),
        sentences: [...document.querySelectorAll('.key-sentences li')].filter((e) => e.checkVisibility()).length,
        children: document.querySelector('.children-count')?.checkVisibility() ?? false,
        rows: [...document.querySelectorAll('tbody.indicator')].filter((e) => e.checkVisibility()).length,
        allRows: document.querySelectorAll('tbody.indicator').length,
        legend: [...document.querySelectorAll('.legend, .mark-legend, .map-legend')].some((e) => e.checkVisibility()),
        links: [...document.querySelectorAll('main a[href]')].filter((a) => a.checkVisibility())
          .map((a) => ({ href: a.getAttribute('href'), target: a.target })),
        more: document.querySelector('.embed-more a')?.getAttribute('href'),
      }));
      const label = `${id} at ${width} px`;
      t.diagnostic(`${label}: ${Math.round(outer)} px`);
      assert.ok(Math.abs(outer - inner.body) <= 2, `${label}: frame ${outer} px, content ${inner.body} px`);
      assert.ok(inner.scroll <= inner.client + 1 && !inner.scrollX, `${label}: scrolls inside`);
      assert.ok(outer <= most, `${label}: ${outer} px > ${most} px`);
      assert.deepEqual(inner.shown, [], `${label}: shows ${inner.shown}`);
      for (const l of inner.links) {
        assert.equal(l.target, '_blank', `${label}: ${l.href} opens in the frame`);
        assert.ok(!l.href.includes('embed'), `${label}: ${l.href}`);
      }
      assert.equal(inner.more, url.split('?')[0].replace(/\/(utvikling|sammenlign|kart|fordeling|befolkning)$/, (m) => (id.startsWith('figur') ? m : '')), label);
      if (id.startsWith('figur')) {
        assert.equal(inner.figures, 1, label);
        assert.ok(inner.source, `${label}: no source line`);
        // A comparison's and a map's legends are the page's; the other charts draw their own.
        if (id === 'figur-compare' || id === 'figur-map') assert.ok(inner.legend, `${label}: no legend`);
      } else if (id.startsWith('kort')) {
        // Oslo stands out in many ways, Utsira (35 children) in one.
        assert.ok(inner.sentences >= (id === 'kort' ? 5 : 1) && inner.children, `${label}: ${inner.sentences} sentences`);
        assert.equal(inner.rows, 0, label);
      } else {
        assert.ok(inner.rows > 20 && inner.rows === inner.allRows && inner.legend, label);
        assert.equal(inner.sentences, 0, label);
      }
    }
    await page.screenshot({ path: `${OUT}/embed-compact-${width}.png`, fullPage: true });
    // axe in the host page and inside every frame, every impact.
    await axe(page, ['minor', 'moderate', 'serious', 'critical']);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a compact embed paints from the page's static copy, before the app, with no shift when the app takes over", async () => {
  for (const [url, shown, hidden] of [
    ['/kommune/0301?embed=kort', '.key-sentences li', '.barometer-section'],
    ['/nn/kommune/0301/utvikling?embed=figur', 'figure .chart', 'form'],
  ]) {
    const p = await open(env, { width: 360, height: 700 });
    const { page } = p;
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    // The app arrives late: what shows meanwhile is the copy.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${env.url}${url}`, { handover: false });
    assert.equal(await page.getAttribute('html', 'data-embed'), url.split('embed=')[1]);
    assert.equal(await page.locator('#prerendered').count(), 1, `${url}: the copy`);
    assert.equal(await page.locator(`#prerendered ${shown}`).first().isVisible(), true, `${url}: ${shown}`);
    assert.equal(await page.locator(`#prerendered ${hidden}`).first().isVisible(), false, `${url}: ${hidden}`);
    assert.equal(await page.locator('#prerendered .site-header').isVisible(), false, `${url}: no site header`);
    release();
    await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
    await page.waitForTimeout(500);
    assert.equal(await page.getAttribute('html', 'data-embed'), url.split('embed=')[1]);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.02, `${url}: layout shift ${shift}`);
    p.check();
    await p.close();
  }
});
