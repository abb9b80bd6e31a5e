// The reader's language from the first paint: each language's pages live under its path
// (`/nn/kommune/4602`, `/en/`) and are prerendered in it; an older link's `?lang=nn` is moved to
// that path by the page's head script before anything paints (crates/data/src/page_lang.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, plain } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** What each language's pages hold as served, before any script runs. */
const SERVED = [
  ['/nn/kommune/4602', 'nn', 'article.profile h2', 'Dette skil seg ut'],
  ['/en/kommune/4602', 'en', 'article.profile h2', 'What stands out'],
  ['/nn/', 'nn', 'main h1', 'Oppvekstprofil'],
  ['/en/', 'en', 'main h1', 'Growing-up profile'],
  ['/nn/om', 'nn', 'main h1', 'Om tala'],
  ['/en/om', 'en', 'main h1', 'About the figures'],
  ['/nn/kommune/4602/utvikling', 'nn', 'main', 'Barn i folketalet'],
  ['/en/fylke/46/befolkning', 'en', 'main', 'Population'],
  ['/nn/kommune/4601/sammenlign', 'nn', 'main h1', 'Samanlikn område'],
  ['/en/fylke/46/kart', 'en', 'main h1', 'Map'],
];

for (const [route, lang, where, says] of SERVED) {
  test(`${route}: served in ${lang} (JavaScript off), and the app keeps it without a shift`, async () => {
    const still = await open(env, { javaScriptEnabled: false });
    const res = await still.page.goto(`${env.url}${route}`, { handover: false });
    assert.equal(res.status(), 200);
    assert.equal(await still.page.getAttribute('html', 'lang'), lang);
    assert.equal(await still.page.getAttribute('#prerendered', 'lang'), lang);
    const copy = plain(await still.page.locator(where).first().innerText());
    assert.ok(copy.includes(says), `${route}: «${says}» in «${copy.slice(0, 200)}»`);
    const description = await still.page.getAttribute('meta[name=description]', 'content');
    assert.match(description, lang === 'nn' ? /^Oppvekstprofilar for alle kommunar/ : /^Growing-up profiles for every/);
    // Search engines learn the page's other languages.
    const alternates = await still.page.$$eval('link[rel=alternate]', (ls) => ls.map((l) => `${l.hreflang} ${l.getAttribute('href')}`));
    const bare = route.replace(/^\/(nn|en)/, '') || '/';
    assert.deepEqual(alternates, [`nb ${bare}`, `nn ${bare === '/' ? '/nn/' : `/nn${bare}`}`, `en ${bare === '/' ? '/en/' : `/en${bare}`}`]);
    still.check();
    await still.close();

    const live = await open(env, { width: 390, height: 844 });
    await live.page.goto(`${env.url}${route}`);
    assert.equal(await live.page.locator('#prerendered').count(), 0, 'the copy is gone');
    await live.page.waitForSelector('.header-search input');
    assert.equal(await live.page.getAttribute('html', 'lang'), lang);
    assert.ok(plain(await live.page.locator(where).first().innerText()).includes(says), 'the app says it too');
    const shift = await live.page.evaluate(() => new Promise((resolve) => {
      let sum = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) sum += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(sum), 300);
    }));
    assert.ok(shift <= 0.02, `layout shift ${shift.toFixed(3)}`);
    live.check();
    await live.close();
  });
}

/** Records, in the tab's session storage, each document's first contentful paint by its path. */
function recordPaints() {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint') sessionStorage.setItem(`painted ${location.pathname}`, String(e.startTime));
    }
  }).observe({ type: 'paint', buffered: true });
}

test('an older ?lang=nn link paints nynorsk first: the bokmål page is hidden until its path has loaded', async () => {
  const p = await open(env);
  await p.page.addInitScript(recordPaints);
  // The nynorsk page comes a second late, so that a bokmål paint in between would happen.
  await p.page.route((u) => u.pathname === '/nn/kommune/4602/utvikling', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  // The instrument works: the bokmål page, asked for as such, paints within that time.
  await p.page.goto(`${env.url}/kommune/4602/befolkning`, { handover: false });
  await p.page.waitForFunction(() => sessionStorage.getItem('painted /kommune/4602/befolkning'));
  await p.page.evaluate(() => sessionStorage.clear());

  await p.page.goto(`${env.url}/kommune/4602/utvikling?lang=nn&indikator=mobbing_7`, { waitUntil: 'commit', handover: false });
  await p.page.waitForURL((u) => u.pathname === '/nn/kommune/4602/utvikling');
  // The rest of the address is kept, without its `lang`.
  assert.equal(new URL(p.page.url()).search, '?indikator=mobbing_7');
  await p.page.waitForSelector('article.trend-view .chart :is(canvas, svg)', { timeout: 20000 });
  assert.equal(await p.page.getAttribute('html', 'lang'), 'nn');
  assert.match(await p.page.locator('main').innerText(), /Mobbing/);
  const painted = await p.page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('painted')));
  assert.deepEqual(painted, ['painted /nn/kommune/4602/utvikling'], 'the bokmål page painted nothing');
  p.check();
  await p.close();
});

test('?lang=en on the front page and ?lang=nn on «Om tallene» land on their paths', async () => {
  for (const [from, to, h1] of [['/?lang=en', '/en/', 'Growing-up profile'], ['/om?lang=nn', '/nn/om', 'Om tala']]) {
    const p = await open(env);
    await p.page.goto(`${env.url}${from}`);
    assert.equal(new URL(p.page.url()).pathname + new URL(p.page.url()).search, to);
    assert.equal(await p.page.locator('main h1').innerText(), h1);
    p.check();
    await p.close();
  }
});

test('the app\'s links, the language switch and the share codes use the path form', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/0301/utvikling?indikator=mobbing_7`);
  await p.page.waitForSelector('article.trend-view .chart :is(canvas, svg)', { timeout: 20000 });
  const reloads = [];
  p.page.on('framenavigated', (f) => { if (f === p.page.mainFrame()) reloads.push(f.url()); });
  await p.page.locator('.lang-switch a[hreflang="nn"]').click();
  await p.page.waitForURL((u) => u.pathname === '/nn/kommune/0301/utvikling' && u.search === '?indikator=mobbing_7');
  await p.page.waitForSelector('html[lang="nn"]');
  // Within the app: no page load.
  assert.equal(await p.page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
  const hrefs = await p.page.$$eval('main a[href^="/"], header a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 5, hrefs.join(' '));
  for (const h of hrefs) {
    if (h.startsWith('/kommune/0301/utvikling?indikator=mobbing_7') || h === '/') continue; // the switch to bokmål
    if (/^\/en\//.test(h)) continue; // the switch to English
    assert.match(h, /^\/nn\//, `a link that keeps nynorsk: ${h}`);
    assert.doesNotMatch(h, /lang=/, h);
  }
  // The embed code names the nynorsk page.
  await p.page.getByRole('button', { name: 'Bygg inn' }).click();
  const code = await p.page.locator('dialog textarea').inputValue();
  assert.match(code, /src="http:\/\/[^"]+\/nn\/kommune\/0301\/utvikling\?embed=1&amp;indikator=mobbing_7"/);
  p.check();
  await p.close();
});

test('an unknown /nn/ address: the one 404 page\'s bokmål copy never shows, and what the page says is nynorsk', async () => {
  // Without the app (its wasm fails), the page must still not say bokmål: its nynorsk copy
  // shows, and the boot failure message, in nynorsk.
  const p = await open(env, { allow: [/404/, /Failed to load|failed|wasm/i] });
  await p.page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
  const res = await p.page.goto(`${env.url}/nn/finst-ikkje`, { handover: false });
  assert.equal(res.status(), 404);
  assert.equal(await p.page.getAttribute('html', 'lang'), 'nn');
  assert.equal(await p.page.locator('#prerendered').getAttribute('lang'), 'nn', 'the nynorsk copy in its place');
  assert.equal(await p.page.locator('#prerendered [data-error=not-found] h1').innerText(), 'Fann ikkje sida');
  assert.equal(await p.page.getByText('Fant ikke siden').count(), 0, 'no bokmål');
  await p.page.waitForSelector('#boot-failed:not([hidden])', { timeout: 20000 });
  assert.match(await p.page.locator('#boot-failed').innerText(), /Sida kunne ikkje lastast ferdig/);
  await p.close();

  const live = await open(env, { allow: [/404/] });
  await live.page.goto(`${env.url}/nn/finst-ikkje`);
  await live.page.waitForSelector('[data-error=not-found] h1');
  assert.equal(await live.page.locator('[data-error=not-found] h1').innerText(), 'Fann ikkje sida');
  live.check();
  await live.close();
});

test('a reader loads their own language\'s texts alone; the switch fetches the next as the pointer comes to it, and changes language without a loading frame', async () => {
  const p = await open(env);
  const contexts = [];
  p.page.on('request', (r) => { const m = /\/data\/context-([a-z]{2})-[0-9a-f]{8}\.bin$/.exec(new URL(r.url()).pathname); if (m) contexts.push(m[1]); });
  await p.page.goto(`${env.url}/nn/kommune/0301`);
  await p.page.waitForSelector('.lang-switch a[hreflang="en"]');
  await p.page.waitForFunction(() => !document.getElementById('prerendered'));
  assert.deepEqual(contexts, ['nn'], 'the first load: nynorsk\'s texts alone');
  // Each frame from here on: the page's language and whether it shows its loading line.
  await p.page.evaluate(() => {
    window.frames_ = [];
    const look = () => {
      window.frames_.push(`${document.documentElement.lang}${document.querySelector('main p.loading:not(.stale-loading)') ? ' loading' : ''}`);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const link = p.page.locator('.lang-switch a[hreflang="en"]');
  const answered = p.page.waitForResponse((r) => /\/data\/context-en-/.test(r.url()));
  await link.hover();
  await answered;
  assert.deepEqual(contexts, ['nn', 'en'], 'English\'s texts, asked for on the pointer\'s coming');
  await link.click();
  await p.page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('article.profile h2'));
  assert.equal(await p.page.locator('article.profile h2').first().innerText(), 'What stands out');
  await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const frames = await p.page.evaluate(() => window.frames_);
  assert.ok(frames.includes('en'), frames.join(', '));
  assert.deepEqual(frames.filter((f) => f.endsWith('loading')), [], `no frame of loading: ${frames.join(', ')}`);
  // Nor is any file fetched twice: the switch took what the pointer asked for.
  assert.deepEqual(contexts, ['nn', 'en']);
  p.check();
  await p.close();
});
