// The embed mode: a host page on a second 127.0.0.1 origin frames the profile with the
// documented snippet (public/embed.js); the iframe is sized to the content, with no
// scrollbar; a message of the right shape from another frame is ignored; the embed itself
// has no site chrome, links to the whole profile and passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, open, axe } from './harness.mjs';
import { startServer } from './server.mjs';

let env;
let host;
let hostile;
before(async () => {
  env = await setup();
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oppvekst-host-'));
  const hostileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oppvekst-hostile-'));
  hostile = await startServer(hostileDir);
  fs.writeFileSync(path.join(hostileDir, 'index.html'),
    '<!doctype html><title>x</title><script>parent.postMessage({ type: "oppvekst:height", height: 50 }, "*");</script>');
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Kommunens nettside</title></head>
<body>
<h1>Oppvekst i Oslo</h1>
<iframe id="profil" src="${env.url}/kommune/0301?embed=1" title="Oppvekstprofil for Oslo" data-oppvekst style="width: 100%; border: 0; height: 300px"></iframe>
<iframe id="fiende" src="${hostile.url}/" title="Noe annet" style="width: 10px; height: 10px"></iframe>
<script src="${env.url}/embed.js"></script>
</body></html>`);
  host = await startServer(hostDir);
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
