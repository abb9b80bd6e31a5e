// The prerendered profiles: every area page ships with its profile drawn at build time by the
// app's own components (src/ssr.rs), so that the barometer paints before the wasm loads. These
// tests prove that the static copy is the whole barometer, that it breaks no rule of the CSP,
// and that it says exactly what the live app then says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const ROWS = 31;

/** What a profile says: its text, and each barometer row's indicator and mark. */
async function profileOf(page) {
  await page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  return page.evaluate(() => {
    const article = document.querySelector('article.profile');
    return {
      h1: article.querySelector('h1').textContent,
      rows: [...article.querySelectorAll('tbody.indicator')].map((b) => `${b.dataset.indicator}:${b.dataset.mark}`),
      sentences: [...article.querySelectorAll('.key-sentences li')].map((li) => li.textContent),
      // The text of everything but the charts, whose canvases only the live app draws.
      text: [...article.children].map((el) => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('.chart').forEach((c) => c.remove());
        return copy.textContent.replace(/\s+/g, ' ').trim();
      }),
    };
  });
}

test('the page as served holds the whole barometer, without inline styles or scripts', async () => {
  const res = await fetch(`${env.url}/kommune/1151`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes('<div id="prerendered">'), 'a prerendered copy');
  assert.equal(html.match(/<tbody[^>]*class="indicator"/g)?.length, ROWS, 'every indicator row');
  assert.match(html, /<h1>Utsira<\/h1>/);
  // The CSP forbids inline styles and scripts: the copy must need neither.
  assert.doesNotMatch(html, /\sstyle="/, 'no style attribute');
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handler');
});

for (const route of ['/kommune/0301', '/kommune/1151', '/bydel/030115', '/fylke/50', '/landet']) {
  test(`${route}: the static copy says what the live app says`, async () => {
    const still = await open(env, { javaScriptEnabled: false });
    // Without JavaScript there is no handover to wait for.
    await still.page.goto(`${env.url}${route}`, { handover: false });
    const copy = await profileOf(still.page);
    assert.equal(copy.rows.length, ROWS);
    assert.ok(copy.sentences.length >= 1, 'key sentences in the copy');
    still.check();
    await still.close();

    const live = await open(env);
    await live.page.goto(`${env.url}${route}`);
    // The handover: the copy is gone, the app is shown, and there is one main.
    assert.equal(await live.page.locator('#prerendered').count(), 0);
    assert.equal(await live.page.locator('#app').isVisible(), true);
    assert.equal(await live.page.locator('main').count(), 1);
    const app = await profileOf(live.page);
    assert.deepEqual(app, copy);
    live.check();
    await live.close();
  });
}

test('a row opened in the live app works: the copy was only ever a picture of it', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/0301`);
  const toggle = p.page.locator('tbody.indicator').first().locator('button.row-toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await p.page.locator('tr.detail:not([hidden]) .row-detail').first().waitFor();
  p.check();
  await p.close();
});
