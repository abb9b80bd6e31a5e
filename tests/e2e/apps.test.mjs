// The app is built twice (route::EXPLORE_PATHS): the profile app, without the explore views, for
// profiles, the front page and «Om tallene», and the whole app for the explore views; both draw
// their charts through a third wasm, the charts module, loaded with the first chart. These
// tests hold each page to its app and the ways between them to working pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const PROFILE_APP = /^\/oppvekst-profile-[0-9a-f]+_bg\.wasm$/;
const WHOLE_APP = /^\/oppvekst-[0-9a-f]+_bg\.wasm$/;
const CHARTS = /^\/oppvekst-charts-[0-9a-f]+_bg\.wasm$/;

/** The wasm files this document has loaded: its apps (`wasmLoaded`), or the charts module's. */
const wasmFetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('_bg.wasm')));
const wasmLoaded = async (page) => (await wasmFetched(page)).filter((p) => !CHARTS.test(p));
const chartsLoaded = async (page) => (await wasmFetched(page)).filter((p) => CHARTS.test(p));

/** The address this document was loaded at (not one the router pushed since). */
const loadedAt = (page) => page.evaluate(() => {
  const u = new URL(performance.getEntriesByType('navigation')[0].name);
  return u.pathname + u.search;
});

/** Waits for the live app to take over from the page's static copy. */
const live = (page) => page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });

test('a profile, the front page and «Om tallene» load the profile app; an explore view loads the whole app', async () => {
  for (const [route, app] of [
    ['/kommune/0301', PROFILE_APP],
    ['/nn/bydel/030115', PROFILE_APP],
    ['/landet', PROFILE_APP],
    ['/', PROFILE_APP],
    ['/en/om', PROFILE_APP],
    ['/kommune/0301/utvikling?indikator=mobbing_7', WHOLE_APP],
    ['/nn/kommune/4601/kart', WHOLE_APP],
    ['/landet/oversikt', WHOLE_APP],
    ['/bydel/030115/befolkning', WHOLE_APP],
  ]) {
    const p = await open(env);
    await p.page.goto(`${env.url}${route}`);
    await p.page.waitForSelector('main h1', { timeout: 20000 });
    const wasm = await wasmLoaded(p.page);
    assert.equal(wasm.length, 1, `${route}: one app, not ${wasm}`);
    assert.match(wasm[0], app, route);
    p.check();
    await p.close();
  }
});

test('a tab from a profile opens the view\'s own page, which loads the whole app; back returns to the profile', async () => {
  const p = await open(env, { width: 390, height: 844 });
  await p.page.goto(`${env.url}/kommune/4601`);
  await p.page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  const h1 = await p.page.locator('main h1').innerText();
  assert.match((await wasmLoaded(p.page))[0], PROFILE_APP);
  await Promise.all([
    p.page.waitForEvent('load'),
    p.page.locator('nav.explore-nav a[href$="/utvikling"]').click(),
  ]);
  assert.equal(await loadedAt(p.page), '/kommune/4601/utvikling', 'a page of its own, not the router\'s');
  await live(p.page);
  await p.page.waitForSelector('article.explore .chart svg', { timeout: 20000 });
  assert.match((await wasmLoaded(p.page))[0], WHOLE_APP);
  // The whole app has every page: from the view back to the profile is the router's.
  await p.page.locator('nav.explore-nav a[href="/kommune/4601"]').click();
  await p.page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  assert.equal(await loadedAt(p.page), '/kommune/4601/utvikling', 'the same document');
  // The history goes back through both pages.
  await p.page.goBack();
  await p.page.waitForSelector('article.explore .chart svg', { timeout: 20000 });
  await p.page.goBack();
  await live(p.page);
  await p.page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  assert.equal(await p.page.locator('main h1').innerText(), h1);
  assert.equal(new URL(p.page.url()).pathname, '/kommune/4601');
  p.check();
  await p.close();
});

test('a view the profile app\'s router is asked for (not a link) loads the view\'s page, its choices kept', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/nn/kommune/0301`);
  await p.page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  const to = '/nn/kommune/0301/sammenlign?indikator=mobbing_10';
  await Promise.all([
    p.page.waitForEvent('load'),
    p.page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, to),
  ]);
  assert.equal(await loadedAt(p.page), to);
  await live(p.page);
  await p.page.waitForSelector('article.explore .chart svg', { timeout: 20000 });
  assert.match((await wasmLoaded(p.page))[0], WHOLE_APP);
  assert.equal(await p.page.locator('html').getAttribute('lang'), 'nn');
  assert.equal(await p.page.locator('select[name="indikator"]').inputValue(), 'mobbing_10');
  p.check();
  await p.close();
});

test('the charts module loads with the first chart drawn, once, and draws every chart of the page', async () => {
  const p = await open(env, { width: 390, height: 844 });
  await p.page.goto(`${env.url}/kommune/0301`);
  await live(p.page);
  await p.page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
  // No chart near the profile's first screen: neither the module nor ECharts is fetched.
  await p.page.waitForTimeout(500);
  assert.deepEqual(await chartsLoaded(p.page), []);
  assert.equal(await p.page.evaluate(() => 'echarts' in window), false);
  // A row's details hold its trend: the first chart fetches the module, and it draws.
  const rows = p.page.locator('article.profile tbody.indicator');
  for (const n of [0, 1]) {
    await rows.nth(n).locator('.row-toggle').click();
    // A chart is drawn as it comes near the screen.
    await rows.nth(n).locator('.row-detail .chart').scrollIntoViewIfNeeded();
    await rows.nth(n).locator('.row-detail .chart svg').waitFor({ timeout: 20000 });
  }
  assert.equal((await chartsLoaded(p.page)).length, 1, 'fetched once for two charts');
  // The page's own chart, further down, through the same module.
  await p.page.locator('article.profile .chart-figure .chart').last().scrollIntoViewIfNeeded();
  await p.page.locator('article.profile .chart-figure .chart').last().locator('svg').waitFor({ timeout: 20000 });
  assert.equal((await chartsLoaded(p.page)).length, 1);
  // An explore view's page: its chart through the module, beside the whole app.
  await p.page.goto(`${env.url}/kommune/0301/kart`);
  await p.page.waitForSelector('article.explore .chart canvas', { timeout: 20000 });
  assert.match((await chartsLoaded(p.page))[0] ?? '', CHARTS);
  assert.match((await wasmLoaded(p.page))[0], WHOLE_APP);
  p.check();
  await p.close();
});
