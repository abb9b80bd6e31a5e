// Foundation: every area has a page with real population figures, a chart and its table;
// bad input gives a clear message; the page works at 360 px and passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { setup, open, axe, horizontalOverflow, plain, DIST, OUT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The expected figures come from the shipped bundle's source, SSB's population file.
function population(code) {
  const src = path.resolve('../shared/data/sources/csdata_population_agegroups_b2024.csv');
  if (!fs.existsSync(src)) return null;
  const key = { 4: `municip_nor${code}`, 2: `county_nor${code}`, 1: 'nation_nor' }[code.length];
  const row = fs.readFileSync(src, 'utf8').split('\n').find((l) => l.includes(`,${key},2026,`));
  const f = row.split(',');
  return { total: Number(f[3]), children: Number(f[6]) };
}
const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

test('/kommune/0301 shows Oslo, real figures, a rendered chart and its table', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/0301`);
  await p.page.waitForSelector('h1:text("Oslo")');
  const text = plain(await p.page.innerText('.key-figures'));
  const oslo = population('0301');
  if (oslo) {
    assert.ok(text.includes(group(oslo.children)), `Oslo's children ${group(oslo.children)} in ${text}`);
    const landet = population('0');
    assert.ok(text.includes(group(landet.children)), 'landet beside it');
    const share = ((100 * oslo.children) / oslo.total).toFixed(1).replace('.', ',');
    assert.ok(text.includes(`${share} %`), `share ${share} % in ${text}`);
  }
  assert.ok(text.includes('Oslo') && text.includes('Hele landet'));
  // The chart: an ECharts drawing (SVG, which prints sharply) with a non-zero size, drawn with
  // every year. Charts load ECharts only when they come near the screen.
  await p.page.locator('.population .chart').scrollIntoViewIfNeeded();
  await p.page.waitForSelector('.chart :is(canvas, svg)');
  const size = await p.page.evaluate(() => {
    const r = document.querySelector('.chart svg').getBoundingClientRect();
    return [r.width, r.height];
  });
  assert.ok(size[0] > 0 && size[1] > 0, `chart ${size}`);
  const points = await p.page.evaluate(() => {
    const inst = echarts.getInstanceByDom(document.querySelector('.chart'));
    return inst.getOption().series[0].data.length;
  });
  assert.equal(points, 22, '2005–2026');
  const rows = await p.page.locator('.chart-figure table tbody tr').count();
  assert.equal(rows, 22);
  await p.page.screenshot({ path: path.join(OUT, 'foundation-0301-1280.png'), fullPage: true });
  p.check();
  await p.close();
});

test('/kommune/5610 shows the name with its Sami form', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/5610`);
  const h1 = await p.page.locator('h1').textContent({ timeout: 20000 });
  await p.page.waitForSelector('h1:has-text("Karasjok")');
  const name = await p.page.locator('h1').textContent();
  assert.ok(name.includes('Kárášjohka') && name.includes('Karasjok'), name ?? h1);
  assert.match(await p.page.innerText('.parents'), /Finnmark/);
  p.check();
  await p.close();
});

test('/bydel/030101 shows Gamle Oslo inside Oslo', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/bydel/030101`);
  await p.page.waitForSelector('h1:text("Gamle Oslo")');
  const parents = await p.page.innerText('.parents');
  assert.match(parents, /Oslo/);
  assert.equal(await p.page.getAttribute('.parents a >> nth=0', 'href'), '/kommune/0301');
  // A bydel is set against its kommune too.
  assert.equal(await p.page.locator('.key-figures tbody tr').count(), 4);
  p.check();
  await p.close();
});

test('/fylke/46 and /landet have pages', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/fylke/46`);
  await p.page.waitForSelector('h1:text("Vestland")');
  await p.page.goto(`${env.url}/landet?lang=en`);
  await p.page.waitForSelector('h1:text("Norway")');
  assert.equal(await p.page.getAttribute('html', 'lang'), 'en');
  p.check();
  await p.close();
});

test('/kommune/9998 shows a not-found message with a way back', async () => {
  const p = await open(env, { allow: [/404/] });
  await p.page.goto(`${env.url}/kommune/9998`);
  const alert = p.page.locator('[role=alert][data-error="unknown-area"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Fant ikke området/);
  assert.match(await alert.innerText(), /9998/);
  await p.page.goto(`${env.url}/kommune/12ab?lang=nn`);
  await p.page.waitForSelector('[role=alert]:has-text("Fann ikkje området")');
  await p.page.click('text=Tilbake til søket');
  await p.page.waitForSelector('#home-search-input');
  p.check();
  await p.close();
});

test("old numbers: /kommune/1201 opens Bergen with a line about its number; a split one lists today's areas", async () => {
  const p = await open(env, { allow: [/404/] });
  const page = p.page;
  // Bergen's number before 2020, in many old links: today's profile, under the line.
  await page.goto(`${env.url}/kommune/1201`);
  await page.waitForSelector('tbody.indicator', { timeout: 20000 });
  assert.equal(plain(await page.locator('.retired-notice').innerText()), 'Kommunenummer 1201 ble til 4601 Bergen i 2020.');
  assert.equal(await page.locator('main h1').first().innerText(), 'Bergen');
  assert.match(await page.title(), /^Bergen/);
  // A split number reached inside the app: its list, under the title its own page has.
  await page.evaluate(() => { history.pushState(null, '', '/kommune/5012'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.locator('section.retired').waitFor();
  assert.equal(await page.title(), '5012: Heim, Hitra, Orkland – Oppvekstprofil');
  // A bydel of the old Bergen, in nynorsk.
  await page.goto(`${env.url}/bydel/120101?lang=nn`);
  await page.waitForSelector('tbody.indicator', { timeout: 20000 });
  assert.equal(plain(await page.locator('.retired-notice').innerText()), 'Bydelsnummer 120101 vart til 460101 Arna i 2020.');
  // A view of a split fylke (Viken): each of today's fylker, with the view and its choices.
  await page.goto(`${env.url}/fylke/30/utvikling?indikator=mobbing_7`);
  const split = page.locator('section.retired');
  await split.waitFor();
  assert.match(await split.locator('h1').innerText(), /Nummer 30 er ikke i bruk lenger/);
  const links = await split.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(links, [
    ['/fylke/31/utvikling?indikator=mobbing_7', '31 Østfold'],
    ['/fylke/32/utvikling?indikator=mobbing_7', '32 Akershus'],
    ['/fylke/33/utvikling?indikator=mobbing_7', '33 Buskerud'],
  ]);
  await split.locator('a').nth(1).click();
  await page.waitForURL(/\/fylke\/32\/utvikling/);
  // A view of a merged kommune links on to the same view of today's kommune.
  await page.goto(`${env.url}/kommune/1201/kart?indikator=mobbing_10`);
  await page.waitForSelector('.retired-notice');
  assert.equal(await page.locator('main a[href="/kommune/4601/kart?indikator=mobbing_10"]').count(), 1);
  // A number that never was one is still «not found».
  await page.goto(`${env.url}/kommune/9997`);
  await page.locator('[role=alert][data-error="unknown-area"]').waitFor();
  p.check();
  await p.close();
});

test('a crafted address (//evil.example/) yields no link off our origin', async () => {
  const p = await open(env, { allow: [/404/] });
  const page = p.page;
  const origin = new URL(env.url).origin;
  for (const crafted of ['//evil.example/', '//evil.example/kommune/0301?lang=nn', '/%5Cevil.example/']) {
    await page.goto(`${env.url}${crafted}`);
    await page.waitForSelector('main h1');
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 3, crafted);
    const away = hrefs.filter((h) => new URL(h).origin !== origin);
    assert.deepEqual(away, [], `${crafted}: links off the origin`);
    // The language switch stays on the same (not found) page, on our host.
    assert.ok(hrefs.includes(`${origin}/en/evil.example/`) || crafted !== '//evil.example/', `${crafted}: ${hrefs}`);
  }
  p.check();
  await p.close();
});

test('search forgives: a slip of the keys, old names, and a visible «no match» with the nearest names', async () => {
  const p = await open(env, { width: 390, height: 844 });
  const page = p.page;
  await page.goto(`${env.url}/`);
  const input = page.locator('#home-search-input');
  await input.waitFor();
  const first = async (q) => {
    await input.fill(q);
    const hit = page.locator('#home-search-list li').first();
    await hit.waitFor();
    return [await hit.locator('.name').innerText(), await hit.locator('.notice').allInnerTexts()];
  };
  assert.deepEqual(await first('stovnr'), ['Stovner', []]);
  assert.deepEqual(await first('nøtterøy'), ['Færder', ['Nøtterøy ble en del av Færder i 2018.']]);
  assert.deepEqual(await first('os hordaland'), ['Bjørnafjorden', ['Os (Hordaland) ble en del av Bjørnafjorden i 2020.']]);
  assert.deepEqual(await first('bø i telemark'), ['Midt-Telemark', ['Bø (Telemark) ble en del av Midt-Telemark i 2020.']]);
  // Nothing like it: said on the screen, not only to screen readers, with names to try.
  await input.fill('xyzzy');
  const none = page.locator('.search-none');
  await none.waitFor({ state: 'visible' });
  assert.match(await none.innerText(), /^Ingen treff på «xyzzy»\. Mente du: .+\?$/);
  assert.equal(await none.locator('a').count(), 3);
  await page.screenshot({ path: path.join(OUT, 'search-none-390.png') });
  const [target, name] = await none.locator('a').first().evaluate((a) => [a.getAttribute('href'), a.textContent]);
  await none.locator('a').first().click();
  await page.waitForURL((u) => u.pathname === target);
  await page.waitForSelector(`main h1:text("${name}")`);
  // The header's search says it too, with names that can be read (its links were white on the
  // white box).
  const header = page.locator('.site-header input').first();
  await header.fill('xyzzy');
  const inHeader = page.locator('.site-header .search-none');
  await inHeader.waitFor({ state: 'visible' });
  const colours = await inHeader.locator('a').evaluateAll((as) => as.map((a) => getComputedStyle(a).color));
  assert.equal(colours.length, 3);
  for (const c of colours) assert.notEqual(c, 'rgb(255, 255, 255)', 'a name in white on the white box');
  p.check();
  await p.close();
});

test('a corrupted bundle shows an error message, not figures', async () => {
  const p = await open(env);
  await p.page.route(/\/data\/area\/0301-.*\.bin$/, async (route) => {
    const resp = await route.fetch();
    const body = Buffer.from(await resp.body());
    body[body.length - 5] ^= 0xff;
    await route.fulfill({ response: resp, body });
  });
  await p.page.goto(`${env.url}/kommune/0301`);
  const alert = p.page.locator('[role=alert][data-error="corrupt"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /skadet eller av feil versjon/);
  assert.equal(await p.page.locator('.key-figures').count(), 0);
  p.check();
  await p.close();
});

test('a missing bundle (404) shows an error message with retry', async () => {
  const p = await open(env, { allow: [/404/] });
  let fail = true;
  await p.page.route(/\/data\/area\/4601-.*\.bin$/, (route) =>
    fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue());
  await p.page.goto(`${env.url}/kommune/4601?lang=en`);
  const alert = p.page.locator('[role=alert][data-error="missing"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /missing on the server/);
  fail = false;
  await alert.locator('button:text("Try again")').click();
  await p.page.waitForSelector('h1:text("Bergen")');
  p.check();
  await p.close();
});

test('the page works at 360 px with no horizontal scroll', async () => {
  const p = await open(env, { width: 360, height: 740 });
  for (const route of ['/kommune/0301', '/kommune/5610', '/', '/bydel/030101']) {
    await p.page.goto(`${env.url}${route}`);
    await p.page.waitForSelector(route === '/' ? '#home-search-input' : '.key-figures');
    assert.ok((await horizontalOverflow(p.page)) <= 0, `${route} scrolls sideways`);
  }
  await p.page.goto(`${env.url}/kommune/0301`);
  await p.page.locator('.population .chart').scrollIntoViewIfNeeded();
  await p.page.waitForSelector('.chart :is(canvas, svg)');
  await p.page.screenshot({ path: path.join(OUT, 'foundation-0301-360.png'), fullPage: true });
  p.check();
  await p.close();
});

test('axe-core finds no serious or critical violation', async () => {
  const p = await open(env, { allow: [/404/] });
  for (const route of ['/', '/kommune/0301', '/bydel/030101', '/om?lang=nn', '/kommune/9998', '/no/such/page']) {
    await p.page.goto(`${env.url}${route}`);
    await p.page.waitForSelector('h1');
    await axe(p.page);
  }
  p.check();
  await p.close();
});

test('search finds an area by its Sami name and opens it', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/`);
  await p.page.fill('#home-search-input', 'karasjok');
  await p.page.click('#home-search-list [role=option] >> nth=0');
  await p.page.waitForSelector('h1:has-text("Karasjok")');
  assert.equal(new URL(p.page.url()).pathname, '/kommune/5610');
  p.check();
  await p.close();
});

test('every area of the registry has a route page and a bundle', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'data/manifest.json'), 'utf8'));
  const codes = Object.keys(manifest.areas);
  assert.equal(codes.length, 1 + 15 + 357 + 38);
  const level = { 1: 'landet', 2: 'fylke', 4: 'kommune', 6: 'bydel' };
  for (const c of codes) {
    const route = c === '0' ? 'landet' : `${level[c.length]}/${c}`;
    assert.ok(fs.existsSync(path.join(DIST, route, 'index.html')), route);
    assert.ok(fs.existsSync(path.join(DIST, 'data', manifest.areas[c])), manifest.areas[c]);
  }
  // Compressed sizes stay small: one kommune bundle.
  const oslo = fs.readFileSync(path.join(DIST, 'data', manifest.areas['0301']));
  assert.ok(zlib.brotliCompressSync(oslo).length < 8 * 1024);
});
