// Quality gates under faults: every kind of data file missing (404), failing (500), truncated,
// with flipped bytes or of another format version gives its own translated message with a way to
// retry and a way back, and retrying after the fault is gone shows the page; losing the network
// after the first load, a slow network, an unknown address and malformed query parameters are
// handled without a blank page. Faults are injected with `page.route`; only the console errors a
// test provokes on purpose are allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './harness.mjs';
import { FORMAT_VERSION } from './expected.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The request of each kind of data file, for a profile of Oslo.
const FILES = {
  manifest: /\/data\/manifest(-[0-9a-f]{8})?\.json(\?.*)?$/,
  context: /\/data\/context-[^/]*\.bin(\?.*)?$/,
  area: /\/data\/area\/0301-[^/]*\.bin(\?.*)?$/,
};

// The error texts of src/i18n.rs.
const TEXT = {
  nb: {
    title: 'Tallene kunne ikke vises',
    missing: 'Datafilen finnes ikke på serveren (404).',
    http: (s) => `Serveren svarte med feil ${s}.`,
    corrupt: 'Datafilen er skadet eller av feil versjon, så vi viser ingen tall fra den.',
    offline: 'Du ser ut til å være uten nett. Koble til og prøv igjen.',
    retry: 'Prøv igjen',
    back: 'Tilbake til søket',
    notFound: 'Fant ikke siden',
  },
  nn: {
    title: 'Tala kunne ikkje visast',
    missing: 'Datafila finst ikkje på tenaren (404).',
    http: (s) => `Tenaren svarte med feil ${s}.`,
    corrupt: 'Datafila er skadd eller av feil versjon, så vi viser ingen tal frå henne.',
    retry: 'Prøv igjen',
    back: 'Tilbake til søket',
  },
  en: {
    title: 'The figures could not be shown',
    missing: 'The data file is missing on the server (404).',
    http: (s) => `The server answered with error ${s}.`,
    corrupt: 'The data file is damaged or of the wrong version, so we show no figures from it.',
    retry: 'Try again',
    back: 'Back to search',
  },
};

/** `main` has text: whatever went wrong, the page is never blank. */
async function assertNotBlank(page, what) {
  const text = (await page.locator('main').innerText()).trim();
  assert.ok(text.length > 0, `blank page after ${what}`);
}

/**
 * Checks the error message of `kind` in `lang`: title, message, a retry button and a link back
 * to the search in the same language; no figures.
 */
async function assertError(page, kind, lang, message) {
  const alert = page.locator(`[role=alert][data-error="${kind}"]`);
  await alert.waitFor({ timeout: 20000 });
  const text = await alert.innerText();
  assert.ok(text.includes(TEXT[lang].title), `title in ${lang}: ${text}`);
  assert.ok(text.includes(message), `«${message}» in ${text}`);
  assert.equal(await alert.locator(`button:text-is("${TEXT[lang].retry}")`).count(), 1, 'a retry button');
  const back = alert.locator(`a:text-is("${TEXT[lang].back}")`);
  assert.equal(await back.count(), 1, 'a link back to search');
  assert.equal(await back.getAttribute('href'), lang === 'nb' ? '/' : `/${lang}/`);
  assert.equal(await page.locator('tbody.indicator, .key-figures').count(), 0, 'no figures beside an error');
  await assertNotBlank(page, kind);
  return alert;
}

/** Retries and expects Oslo's profile. */
async function retryShowsOslo(page, lang) {
  await page.locator(`[role=alert] button:text-is("${TEXT[lang].retry}")`).click();
  await page.waitForSelector('h1:text-is("Oslo")', { timeout: 20000 });
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the message is gone');
}

// 404 and 500 for each kind of file, in each language at least once.
const STATUS_CASES = [
  ['manifest', 404, 'nb'], ['manifest', 500, 'en'],
  ['context', 404, 'en'], ['context', 500, 'nn'],
  ['area', 404, 'nb'], ['area', 500, 'en'],
];
for (const [file, status, lang] of STATUS_CASES) {
  test(`${file} answering ${status} gives the ${lang} message, and retry recovers`, async () => {
    const p = await open(env, { allow: [new RegExp(`status of ${status}`)] });
    let fail = true;
    await p.page.route(FILES[file], (route) => (fail
      ? route.fulfill({ status, contentType: 'text/plain', body: `${status}` })
      : route.continue()));
    await p.page.goto(`${env.url}/kommune/0301${lang === 'nb' ? '' : `?lang=${lang}`}`);
    const kind = status === 404 ? 'missing' : 'http';
    const message = status === 404 ? TEXT[lang].missing : TEXT[lang].http(status);
    await assertError(p.page, kind, lang, message);
    fail = false;
    await retryShowsOslo(p.page, lang);
    p.check();
    await p.close();
  });
}

// Damaged files: cut short, a flipped byte, another format version.
const damage = {
  truncated: (b) => b.subarray(0, Math.floor(b.length * 0.6)),
  flipped: (b) => { const c = Buffer.from(b); const i = Math.floor(c.length * 0.7); c[i] ^= 0x5a; c[i + 1] ^= 0xa5; return c; },
  'wrong version': (b) => { const c = Buffer.from(b); c[4] = FORMAT_VERSION + 1; return c; },
};
// The technical detail under the message names the fault, so each case is the fault meant.
const detail = {
  truncated: /truncated|unreadable bundle/,
  flipped: /checksum/,
  'wrong version': new RegExp(`bundle format ${FORMAT_VERSION + 1}, this app reads ${FORMAT_VERSION}`),
};
// The manifest is JSON: the same faults in its terms.
const damageManifest = {
  truncated: (b) => b.subarray(0, Math.floor(b.length * 0.6)),
  flipped: (b) => { const c = Buffer.from(b); c[0] ^= 0x5a; return c; },
  'wrong version': (b) => Buffer.from(b.toString('utf8')
    .replace(/"format_version":\s*\d+/, `"format_version": ${FORMAT_VERSION + 1}`)),
};
for (const file of ['manifest', 'context', 'area']) {
  for (const how of Object.keys(damage)) {
    test(`${file} ${how} gives data-error=corrupt, and retry with a good file recovers`, async () => {
      const p = await open(env);
      let fail = true;
      await p.page.route(FILES[file], async (route) => {
        if (!fail) return route.continue();
        const resp = await route.fetch();
        const body = Buffer.from(await resp.body());
        const bad = (file === 'manifest' ? damageManifest : damage)[how](body);
        assert.notDeepEqual(bad, body);
        return route.fulfill({ response: resp, body: bad });
      });
      await p.page.goto(`${env.url}/kommune/0301`);
      const alert = await assertError(p.page, 'corrupt', 'nb', TEXT.nb.corrupt);
      const technical = await alert.locator('.detail').innerText();
      const named = file === 'manifest'
        ? (how === 'wrong version'
          ? new RegExp(`data format ${FORMAT_VERSION + 1}, this app reads ${FORMAT_VERSION}`)
          : /unreadable manifest/)
        : detail[how];
      assert.match(technical, named);
      fail = false;
      await retryShowsOslo(p.page, 'nb');
      p.check();
      await p.close();
    });
  }
}

// A manifest that is JSON but not a manifest: the app reads it field by field (src/manifest.rs),
// and names the field that is wrong.
const misshapen = {
  'context not an object': [(m) => { m.context = 'context.bin'; }, /unreadable manifest: context: not an object/],
  'no nynorsk context': [(m) => { delete m.context.nn; }, /unreadable manifest: context: nn: not a string/],
  'areas a list': [(m) => { m.areas = []; }, /unreadable manifest: areas: not an object/],
  'an area\'s number not a number': [(m) => { m.areas.oslo = m.areas['0301']; }, /unreadable manifest: areas: oslo: /],
  'no format version': [(m) => { delete m.format_version; }, /unreadable manifest: format_version: not a format number/],
  'a list': [() => [], /unreadable manifest: not an object/],
};
for (const [how, [change, named]] of Object.entries(misshapen)) {
  test(`a manifest with ${how} gives data-error=corrupt naming it, and retry with a good file recovers`, async () => {
    const p = await open(env);
    let fail = true;
    await p.page.route(FILES.manifest, async (route) => {
      if (!fail) return route.continue();
      const resp = await route.fetch();
      const manifest = JSON.parse((await resp.body()).toString('utf8'));
      const bad = change(manifest) ?? manifest;
      return route.fulfill({ response: resp, body: JSON.stringify(bad) });
    });
    await p.page.goto(`${env.url}/kommune/0301`);
    const alert = await assertError(p.page, 'corrupt', 'nb', TEXT.nb.corrupt);
    assert.match(await alert.locator('.detail').innerText(), named);
    fail = false;
    await retryShowsOslo(p.page, 'nb');
    p.check();
    await p.close();
  });
}

// Every kommune's cells are a file of their own, which only the views that set kommuner side by
// side load: a profile never waits for it, and a comparison that cannot read it says so.
test('the kommuner file: a profile never fetches it; damaged or missing, a comparison says so, and retry recovers', async () => {
  const p = await open(env, { allow: [/status of 404/] });
  const page = p.page;
  const CELLS = /\/data\/cells-[^/]*\.bin(\?.*)?$/;
  const asked = [];
  page.on('request', (r) => { if (CELLS.test(r.url())) asked.push(r.url()); });
  await page.goto(`${env.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator .spread');
  await page.locator('tbody.indicator button.row-toggle').first().click();
  await page.waitForSelector('.row-detail dd.rank-national');
  assert.deepEqual(asked, [], 'a profile, with its spreads and ranks, loads no kommuner file');
  let fault = 'flipped';
  await page.route(CELLS, async (route) => {
    if (fault === 'flipped') {
      const resp = await route.fetch();
      return route.fulfill({ response: resp, body: damage.flipped(Buffer.from(await resp.body())) });
    }
    if (fault === 404) return route.fulfill({ status: 404, contentType: 'text/plain', body: '404' });
    return route.continue();
  });
  const view = '/kommune/0301/sammenlign';
  await page.goto(`${env.url}${view}`);
  const alert = await assertError(page, 'corrupt', 'nb', TEXT.nb.corrupt);
  assert.match(await alert.locator('.detail').innerText(), /cells-[0-9a-f]+\.bin: checksum/);
  fault = 404;
  await alert.locator(`button:text-is("${TEXT.nb.retry}")`).click();
  await assertError(page, 'missing', 'nb', TEXT.nb.missing);
  fault = null;
  await page.locator(`[role=alert] button:text-is("${TEXT.nb.retry}")`).click();
  await page.waitForSelector('article.explore .chart :is(canvas, svg)', { timeout: 20000 });
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the message is gone');
  assert.equal(new URL(page.url()).pathname, view);
  assert.ok(asked.length >= 3, `the view asked again on each retry: ${asked.length}`);
  p.check();
  await p.close();
});

test('going offline after the first load: a link to another kommune says offline, retry online shows it', async () => {
  const p = await open(env, { allow: [/ERR_INTERNET_DISCONNECTED/] });
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301`);
  await page.locator('.population .chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('.chart :is(canvas, svg)');
  await p.context.setOffline(true);
  // Within the app: to the front page (its data is loaded already), then to Karasjok.
  await page.locator('a.brand').click();
  await page.waitForSelector('.browse details');
  await assertNotBlank(page, 'going to the front page offline');
  const finnmark = page.locator('.browse details', { has: page.locator('summary:has-text("Finnmark")') });
  await finnmark.locator('summary').click();
  await finnmark.locator('a[href="/kommune/5610"]').click();
  await assertError(page, 'offline', 'nb', TEXT.nb.offline);
  assert.equal(new URL(page.url()).pathname, '/kommune/5610', 'the address is the kommune asked for');
  await p.context.setOffline(false);
  await page.locator(`[role=alert] button:text-is("${TEXT.nb.retry}")`).click();
  await page.waitForSelector('h1:has-text("Karasjok")', { timeout: 20000 });
  await page.waitForSelector('tbody.indicator');
  p.check();
  await p.close();
});

/** Holds Oslo's area bundle back for 3 s; returns when it was let through (0 until then). */
async function delayArea(page) {
  let released = 0;
  await page.route(FILES.area, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    released = Date.now();
    await route.continue();
  });
  return () => released;
}

test('a slow network: the prerendered profile at once, the live app when the data comes', async () => {
  const p = await open(env);
  const page = p.page;
  const released = await delayArea(page);
  const start = Date.now();
  await page.goto(`${env.url}/kommune/0301`, { handover: false });
  // Before the data: the page's own static copy of the profile, never a blank page.
  const copy = page.locator('#prerendered tbody.indicator');
  await copy.first().waitFor({ state: 'visible', timeout: 2500 });
  assert.ok(Date.now() - start < 3000, 'the copy is there before the data');
  assert.equal(await copy.count(), 31);
  assert.equal(await page.locator('#app').isVisible(), false, 'the app waits out of sight');
  // The app takes over once it has the delayed bundle.
  await page.waitForSelector('#prerendered', { state: 'detached', timeout: 20000 });
  assert.ok(released() > 0, 'the handover came after the delayed bundle');
  assert.equal(await page.locator('#app tbody.indicator').count(), 31);
  p.check();
  await p.close();
});

test('a slow network within the app shows a loading state first, then the profile', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/fylke/03`);
  const released = await delayArea(page);
  // From the fylke Oslo to the kommune Oslo, inside the app.
  const start = Date.now();
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/kommune/0301';
    document.querySelector('main').append(a);
    a.click();
    a.remove();
  });
  const loading = page.locator('main .loading[role=status]');
  await loading.waitFor({ state: 'visible', timeout: 2500 });
  assert.ok(Date.now() - start < 3000, 'the loading state is there before the data');
  assert.ok((await loading.innerText()).includes('Laster inn'), 'it says so');
  assert.equal(await page.locator('tbody.indicator').count(), 0, 'no figures yet');
  await page.waitForSelector('tbody.indicator', { timeout: 20000 });
  assert.ok(released() > 0 && Date.now() - start >= 3000, 'the profile came after the delayed bundle');
  assert.equal(await loading.count(), 0, 'the loading state is gone');
  p.check();
  await p.close();
});

test('an unknown address gives data-error=not-found with a way back', async () => {
  // The static host answers an unknown path with the app and status 404.
  const p = await open(env, { allow: [/status of 404/] });
  await p.page.goto(`${env.url}/foo/bar/baz`);
  const alert = p.page.locator('[role=alert][data-error="not-found"]');
  await alert.waitFor();
  assert.ok((await alert.innerText()).includes(TEXT.nb.notFound));
  assert.equal(await alert.locator('a[href="/"]').count(), 1);
  await assertNotBlank(p.page, 'an unknown address');
  p.check();
  await p.close();
});

test('malformed query parameters: the page still renders, in bokmål, without errors', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301?lang=%%%&embed=<script>window.__pwned=1</script>`);
  await page.waitForSelector('h1:text-is("Oslo")', { timeout: 20000 });
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  assert.ok((await page.innerText('main')).includes('Oppvekstbarometer'), 'bokmål texts');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the address ran');
  assert.equal(await page.locator('main script').count(), 0);
  await assertNotBlank(page, 'malformed parameters');
  p.check();
  await p.close();
});

// The Content-Security-Policy holds, and a page that broke it would fail the tests: an inline
// script slipped into the page is refused by the browser, and the harness reports it.
test('a page that breaks the CSP is caught: an inline script is refused and reported', async () => {
  const p = await open(env, { allow: [] });
  const violations = [];
  p.page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await p.page.route(/\/kommune\/0301\/?$/, async (route) => {
    const resp = await route.fetch();
    const html = (await resp.text()).replace('</body>', '<script>window.__inline = 1</script></body>');
    await route.fulfill({ response: resp, body: html });
  });
  await p.page.goto(`${env.url}/kommune/0301`);
  await p.page.waitForSelector('h1');
  assert.equal(await p.page.evaluate(() => window.__inline), undefined, 'the inline script ran');
  assert.ok(violations.length > 0, 'the browser reported the violation');
  // The harness's own check fails on it, as it would for a real page breaking the policy.
  assert.throws(() => p.check(), /Content Security Policy/);
  await p.close();
});

test("the app's files failing to load show a message with a retry, in the reader's language, on every kind of page", async () => {
  for (const [route, lang, title] of [
    ['/', 'nb', 'Siden kunne ikke lastes ferdig'],
    ['/kommune/0301/utvikling?indikator=mobbing_7&lang=nn', 'nn', 'Sida kunne ikkje lastast ferdig'],
    ['/finnes/ikke?lang=en', 'en', 'The page could not finish loading'],
    ['/kommune/0301', 'nb', 'Siden kunne ikke lastes ferdig'],
  ]) {
    for (const broken of [/_bg\.wasm$/, /\/oppvekst-(profile-)?[0-9a-f]+\.js$/]) {
      const p = await open(env, { allow: [/status of 404/, /Failed to fetch|WebAssembly|import|module|404/i] });
      const page = p.page;
      await page.route(broken, (r) => r.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${env.url}${route}`, { handover: false });
      const box = page.locator('#boot-failed');
      await box.waitFor({ state: 'visible', timeout: 20000 });
      const shown = await box.locator('[data-lang]:visible').evaluateAll((ds) => ds.map((d) => d.getAttribute('lang')));
      assert.deepEqual(shown, [lang], `${route}: only the reader's language`);
      assert.match(await box.innerText(), new RegExp(title), route);
      assert.equal(await box.getAttribute('role'), 'alert');
      // The retry loads the page again; with the files back, the app starts.
      await page.unroute(broken);
      await Promise.all([page.waitForEvent('load'), box.locator('button:visible').click()]);
      await page.waitForSelector('main h1', { timeout: 20000 });
      assert.equal(await page.locator('#boot-failed').isVisible(), false, `${route}: the message goes`);
      p.check();
      await p.close();
    }
  }
});
