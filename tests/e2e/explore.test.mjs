// The explore views beside the trend: compare, map, overview and population. For each, on at
// least two areas: the chart (or the rug) is drawn, its table holds the bundles' numbers (read
// here with the independent decoder), the address opens exactly the view that was shared,
// axe finds nothing, and a 360 px phone does not scroll sideways. Screenshots of every view at
// 1280 and 360 px go to tests/output/explore/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, axe, horizontalOverflow, plain, DIST, OUT } from './harness.mjs';
import { loadData, lastCellOf, nameOf, valueProblem, cellValue, levelOf, expectedMark } from './expected.mjs';

let env;
let data;
const SHOTS = path.join(OUT, 'explore');
before(async () => {
  env = await setup();
  data = loadData(DIST);
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await env?.close(); });

const indicator = (id) => data.context.catalogue.find((i) => i.id === id);
const modelledId = () => data.context.catalogue.find((i) => i.provenance === 'Modelled' && i.test !== 'None').id;
const kommunerOf = (fylke) => data.context.registry.filter((a) => a.code.length === 4 && a.code.startsWith(fylke)).map((a) => a.code);
const bydelerOf = (kommune) => data.context.registry.filter((a) => a.code.length === 6 && a.code.startsWith(kommune)).map((a) => a.code);

/** Opens a view and waits for its article (and its chart's canvas, unless `canvas: false`). */
async function openView(url, { canvas = true, ...opts } = {}) {
  const p = await open(env, opts);
  await p.page.goto(`${env.url}${url}`);
  await p.page.waitForSelector('article.explore', { timeout: 20000 });
  if (canvas) {
    await p.page.locator('article.explore .chart').first().scrollIntoViewIfNeeded();
    await p.page.waitForSelector('article.explore .chart :is(canvas, svg)', { timeout: 20000 });
  }
  return p;
}

/** Opens the first chart table of the page and reads it. */
async function readTable(page, selector = 'article.explore details') {
  const details = page.locator(selector).first();
  await details.locator('summary').click();
  await details.locator('table').waitFor();
  return details.locator('table').evaluate((t) => ({
    headers: [...t.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.innerText.trim())),
  }));
}

/** What the ECharts instance of the page's first chart holds. */
function chartOption(page) {
  return page.evaluate(() => {
    const el = document.querySelector('article.explore .chart');
    const chart = window.echarts.getInstanceByDom(el);
    const o = chart.getOption();
    return { series: o.series.map((s) => ({ type: s.type, map: s.map, data: s.data })) };
  });
}

async function screenshots(url, name) {
  for (const width of [1280, 360]) {
    const p = await openView(url, { width, canvas: !url.includes('oversikt') });
    await p.page.waitForTimeout(600);
    await p.page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    await p.close();
  }
}

/** axe at every impact, and no sideways scroll at 360 px. */
async function accessible(url) {
  const wide = await openView(url, { canvas: !url.includes('oversikt') });
  await axe(wide.page, ['minor', 'moderate', 'serious', 'critical']);
  wide.check();
  await wide.close();
  const phone = await openView(url, { width: 360, height: 740, canvas: !url.includes('oversikt') });
  assert.equal(await horizontalOverflow(phone.page), 0, `${url} scrolls sideways at 360 px`);
  phone.check();
  await phone.close();
}

// ---------------------------------------------------------------------------------------------
// Compare.

/** Checks a comparison table against the bundles: each area row's value is its latest cell. */
function compareProblems(table, codes, ind) {
  const byName = new Map(codes.map((c) => [nameOf(data, c), c]));
  const problems = [];
  let seen = 0;
  for (const row of table.rows) {
    const code = byName.get(row[0]);
    if (!code) continue;
    seen += 1;
    const p = valueProblem(row[1], ind, lastCellOf(data, code, ind), row[0]);
    if (p) problems.push(p);
  }
  if (seen !== codes.length) problems.push(`${seen} of ${codes.length} areas in the table`);
  return problems;
}

test('compare: the fylke\'s kommuner of Bergen and the bydeler of Oslo, as in the bundles', async () => {
  const id = modelledId();
  const ind = indicator(id);
  for (const [url, codes] of [
    [`/kommune/4601/sammenlign?indikator=${id}&sett=fylke`, kommunerOf('46')],
    [`/bydel/030115/sammenlign?indikator=${id}`, bydelerOf('0301')],
  ]) {
    const p = await openView(url);
    const option = await chartOption(p.page);
    assert.equal(option.series[0].type, 'bar');
    assert.equal(option.series[0].data.length, codes.length, url);
    const table = await readTable(p.page);
    assert.deepEqual(compareProblems(table, codes, ind), [], url);
    // Sorted by value, highest first, the areas without a value last.
    const values = table.rows.map((r) => cellValue(ind, lastCellOf(data, [...codes].find((c) => nameOf(data, c) === r[0]) ?? '0', ind)));
    const shown = values.slice(0, -1).filter((v) => v !== null);
    assert.deepEqual(shown, [...shown].sort((a, b) => b - a), `${url}: not sorted by value`);
    // Demodata: the indicator is modelled.
    assert.ok(await p.page.locator('.demodata').isVisible(), `${url}: no demodata notice`);
    p.check();
    await p.close();
  }
});

test('compare: a shared address opens the same view, language, set and order included', async () => {
  const id = modelledId();
  const url = `/kommune/4601/sammenlign?indikator=${id}&sett=like&sorter=navn&lang=en`;
  const p = await openView(url);
  const { page } = p;
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#compare-indicator').inputValue(), id);
  assert.equal(await page.locator('#compare-set').inputValue(), 'like');
  assert.equal(await page.locator('#compare-sort').inputValue(), 'navn');
  // The similar kommuner come with their reasons.
  const reasons = await page.locator('.similar li').allInnerTexts();
  assert.equal(reasons.length, 10);
  assert.ok(reasons.every((r) => /similar in/.test(r)), reasons.join('\n'));
  const table = await readTable(page);
  const names = table.rows.slice(0, -1).map((r) => r[0]);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'nb')), 'sorted by name');
  // Choosing with the form writes the address, and the address reads back.
  await page.selectOption('#compare-set', 'fylke');
  await page.locator('form.picker-group > button').click();
  await page.waitForURL(/sett=fylke/);
  const after = new URL(page.url());
  assert.equal(after.searchParams.get('indikator'), id);
  assert.equal(after.pathname, '/en/kommune/4601/sammenlign', 'the language stays in the path');
  assert.equal(after.searchParams.get('sorter'), 'navn');
  p.check();
  await p.close();
});

test('compare: Oslo\'s områdesatsing against the rest of Oslo sums the bydeler\'s counts', async () => {
  const id = modelledId();
  const ind = indicator(id);
  const p = await openView(`/kommune/0301/sammenlign?indikator=${id}&sett=satsing`);
  const table = await readTable(p.page);
  const satsing = ['030101', '030109', '030110', '030111', '030112', '030115'];
  const sum = (codes) => {
    const cells = codes.map((c) => lastCellOf(data, c, ind)).filter(Boolean);
    if (cells.some((c) => c.flag === 'Suppressed')) return { flag: 'Suppressed' };
    const ok = cells.filter((c) => c.flag === 'Ok');
    return { flag: 'Ok', num: ok.reduce((s, c) => s + c.num, 0), den: ok.reduce((s, c) => s + c.den, 0) };
  };
  const rest = bydelerOf('0301').filter((c) => !satsing.includes(c));
  const row = (name) => table.rows.find((r) => r[0] === name);
  assert.equal(valueProblem(row('Områdesatsingen samlet')[1], ind, sum(satsing), 'satsing'), null);
  assert.equal(valueProblem(row('Resten av Oslo')[1], ind, sum(rest), 'rest'), null);
  p.check();
  await p.close();
});

// ---------------------------------------------------------------------------------------------
// Map.

test('map: the fylke\'s kommuner, all kommuner and Oslo\'s bydeler, as in the bundles', async () => {
  const id = modelledId();
  const ind = indicator(id);
  const all = data.context.registry.filter((a) => a.code.length === 4).map((a) => a.code);
  for (const [url, codes] of [
    [`/kommune/4602/kart?indikator=${id}`, kommunerOf('46')],
    [`/kommune/1151/kart?indikator=${id}&utsnitt=land&klasser=signifikans`, all],
    [`/bydel/030101/kart?indikator=${id}`, bydelerOf('0301')],
  ]) {
    const p = await openView(url);
    const option = await chartOption(p.page);
    assert.equal(option.series[0].type, 'map', url);
    assert.equal(option.series[0].data.length, codes.length, url);
    const table = await readTable(p.page);
    assert.equal(table.rows.length, codes.length);
    assert.deepEqual(compareProblems(table, codes, ind), [], url);
    p.check();
    await p.close();
  }
  assert.equal(all.length, 357);
});

test('map: the keyboard reaches every area, and the legend explains the grey', async () => {
  const id = modelledId();
  const p = await openView(`/kommune/4602/kart?indikator=${id}&klasser=signifikans`);
  const { page } = p;
  await page.evaluate(() => {
    window.shown = [];
    const chart = window.echarts.getInstanceByDom(document.querySelector('article.explore .chart'));
    chart.on('highlight', (e) => window.shown.push(['highlight', e.name]));
    chart.on('showTip', (e) => window.shown.push(['showTip', e.name]));
  });
  await page.locator('article.explore details summary').focus();
  await page.keyboard.press('Enter');
  const button = page.locator('button.point-at', { hasText: 'Askøy' });
  await button.focus();
  await page.keyboard.press('Enter');
  // The map highlights the area and shows its tooltip, as hovering it would.
  await page.waitForFunction(() => window.shown.length >= 2, null, { timeout: 5000 });
  const named = (await page.evaluate(() => window.shown)).filter(([, name]) => name);
  assert.deepEqual(named, [['highlight', 'Askøy'], ['showTip', 'Askøy']]);
  // Hovering draws the tooltip on the canvas: no markup with inline styles for the CSP to block
  // (check() fails on the console error that would give).
  const box = await page.locator('article.explore .chart').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const legend = await page.locator('.map-legend li').allInnerTexts();
  assert.ok(legend.length >= 2, legend.join(' | '));
  p.check();
  await p.close();
});

test('map: switching the indicator keeps the address and redraws the same map', async () => {
  const [a, b] = data.context.catalogue.filter((i) => i.provenance === 'Modelled').map((i) => i.id);
  const p = await openView(`/kommune/4601/kart?indikator=${a}&lang=nn`);
  const { page } = p;
  const before = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('article.explore .chart')).id);
  await page.selectOption('#map-indicator', b);
  await page.locator('form.picker-group > button').click();
  await page.waitForURL(new RegExp(`indikator=${b}`));
  assert.equal(new URL(page.url()).pathname, '/nn/kommune/4601/kart');
  await page.waitForFunction((want) => document.querySelector('figcaption')?.innerText.length > 0 && document.querySelector('#map-indicator').value === want, b);
  const after = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('article.explore .chart')).id);
  assert.equal(after, before, 'the chart instance is reused, not rebuilt');
  p.check();
  await p.close();
});

test('compare: switching the indicator redraws the same chart with the new figures', async () => {
  const [a, b] = data.context.catalogue.filter((i) => i.provenance === 'Modelled').map((i) => i.id);
  const p = await openView(`/kommune/4601/sammenlign?indikator=${a}&sett=fylke`);
  const { page } = p;
  const chart = () => page.evaluate(() => {
    const dom = document.querySelector('article.explore .chart');
    dom.dataset.seen ??= 'before';
    return { id: window.echarts.getInstanceByDom(dom).id, seen: dom.dataset.seen, caption: document.querySelector('figcaption').innerText };
  });
  const before = await chart();
  await page.selectOption('#compare-indicator', b);
  await page.locator('form.picker-group > button').click();
  await page.waitForURL(new RegExp(`indikator=${b}`));
  const label = data.context.catalogue.find((i) => i.id === b).label.nb;
  await page.waitForFunction((l) => document.querySelector('figcaption')?.innerText.startsWith(l), label);
  const after = await chart();
  assert.equal(after.id, before.id, 'the chart instance is reused, not rebuilt');
  assert.equal(after.seen, 'before', 'the same element');
  assert.notEqual(after.caption, before.caption);
  // The table follows the new indicator: its caption is the figure's.
  const caption = await page.locator('article.explore details table caption').first().textContent();
  assert.equal(caption, after.caption);
  p.check();
  await p.close();
});

test("map: the box is as tall as the shape it draws for its width, up to 520 px", async () => {
  for (const [url, width] of [['/landet/kart', 390], ['/kommune/0301/kart', 390], ['/landet/kart', 1280]]) {
    const p = await open(env, { width, height: 900 });
    await p.page.goto(`${env.url}${url}`);
    await p.page.waitForSelector('article.explore .chart canvas');
    const box = await p.page.evaluate(() => {
      const c = document.querySelector('article.explore .chart');
      const r = c.getBoundingClientRect();
      return { w: r.width, h: r.height, ratio: Number(/ratio-(\d+)/.exec(c.className)?.[1]), figure: c.parentElement.getBoundingClientRect().width };
    });
    assert.ok(box.ratio >= 40 && box.ratio <= 200, `${url}: ${JSON.stringify(box)}`);
    const want = Math.min(520, (box.figure * box.ratio) / 100);
    assert.ok(Math.abs(box.h - want) <= 2, `${url} at ${width}: ${JSON.stringify(box)}, expected ${want} px tall`);
    p.check();
    await p.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Overview.

async function readRug(page) {
  await page.waitForSelector('table.rug tbody tr');
  return page.$eval('table.rug', (t) => ({
    headers: [...t.querySelectorAll('thead tr:last-child th')].map((th) => th.innerText.trim()),
    rows: [...t.querySelectorAll('tbody tr[aria-rowindex]')].map((tr) => ({
      cells: [...tr.children].map((c) => c.childNodes[0]?.textContent?.trim() ?? c.innerText.trim()),
      classes: [...tr.children].map((c) => c.className),
    })),
  }));
}

test('overview: Oslo\'s bydeler and Vestland\'s kommuner, every cell as in the bundles', async () => {
  for (const [url, codes] of [
    // A kommune's bydeler come with the kommune itself.
    ['/kommune/0301/oversikt', ['0301', ...bydelerOf('0301')]],
    ['/fylke/46/oversikt', ['46', ...kommunerOf('46')]],
  ]) {
    const p = await openView(url, { canvas: false });
    const rug = await readRug(p.page);
    assert.equal(rug.rows.length, codes.length + 1, `${url}: landet and one row an area`);
    assert.equal(rug.headers.length, data.context.catalogue.length + 1);
    const problems = [];
    rug.rows.slice(1).forEach((row, i) => {
      const code = codes[i];
      data.context.catalogue.forEach((ind, k) => {
        const p2 = valueProblem(row.cells[k + 1], ind, lastCellOf(data, code, ind), `${code} ${ind.id}`);
        if (p2) problems.push(p2);
      });
    });
    assert.deepEqual(problems.slice(0, 10), [], url);
    p.check();
    await p.close();
  }
});

// #18, item 2: on a phone the overview reads without scrolling two ways.
test('overview at 390 px: a line an area with its counts by class, opened to what stands out', async () => {
  const codes = ['0301', ...bydelerOf('0301')];
  const p = await openView('/kommune/0301/oversikt', { width: 390, height: 844, canvas: false });
  const { page } = p;
  await page.waitForSelector('ol.rug-cards > li');
  assert.equal(await page.locator('.rug-wrap').isVisible(), false, 'no table of 31 columns');
  assert.equal(await horizontalOverflow(page), 0, 'nothing scrolls sideways');
  const cards = page.locator('ol.rug-cards > li');
  assert.equal(await cards.count(), codes.length, 'a line an area, landet none');
  // Closed, all areas fit in a couple of screens.
  const height = (await page.locator('.rug-cards').boundingBox()).height;
  assert.ok(height < 44 * 1.2 * codes.length, `${height} px for ${codes.length} areas`);
  const classOf = { better: 'better', worse: 'worse', higher: 'higher', lower: 'lower' };
  for (const [i, code] of codes.entries()) {
    // The counts are the bundles' comparisons with landet.
    const want = { better: 0, worse: 0, higher: 0, lower: 0 };
    for (const ind of data.context.catalogue) {
      const { mark } = expectedMark(ind, lastCellOf(data, code, ind), lastCellOf(data, '0', ind));
      if (classOf[mark]) want[classOf[mark]] += 1;
    }
    const card = cards.nth(i);
    const got = Object.fromEntries(await card.locator('.rug-count').evaluateAll((els) => els.map((e) => [e.className.replace('rug-count rug-', ''), Number(e.childNodes[0].textContent)])));
    assert.deepEqual(got, want, `${code}: counts`);
    if (i < 2) {
      await card.locator('summary').click();
      const items = await card.locator('ul li').count();
      assert.equal(items, want.better + want.worse + want.higher + want.lower, `${code}: what stands out`);
      // Opened, every line (its shape too) inside the screen.
      const wider = await card.locator('ul li').evaluateAll((lis) => lis
        .filter((li) => li.getBoundingClientRect().right > document.documentElement.clientWidth - 16 + 0.5 || li.scrollWidth > li.clientWidth)
        .map((li) => li.innerText.replace(/\s+/g, ' ')));
      assert.deepEqual(wider, [], `${code}: lines wider than the screen`);
      assert.equal(await card.locator('.rug-card-rest a').getAttribute('href'), `/${levelOf(code)}/${code}`);
    }
  }
  await page.locator('.rug-cards-wrap').screenshot({ path: path.join(OUT, 'overview-cards-390.png') });
  await axe(page, ['minor', 'moderate', 'serious', 'critical']);
  p.check();
  await p.close();
  // A wide screen has the table, and no cards.
  const wide = await openView('/kommune/0301/oversikt', { canvas: false });
  await wide.page.waitForSelector('table.rug tbody tr');
  assert.equal(await wide.page.locator('.rug-cards-wrap').isVisible(), false);
  wide.check();
  await wide.close();
});

test('overview: all 357 kommuner, virtualised, and the address round-trips', async () => {
  const p = await openView('/fylke/46/oversikt?sett=land', { canvas: false });
  const { page } = p;
  await page.waitForSelector('table.rug tbody tr[aria-rowindex]');
  // Every row counts for assistive technology; only a window of them is in the page.
  assert.equal(await page.getAttribute('table.rug', 'aria-rowcount'), '360');
  const drawn = await page.locator('table.rug tbody tr[aria-rowindex]').count();
  assert.ok(drawn > 0 && drawn < 100, `${drawn} rows drawn`);
  // Scrolled to the end, the last kommune's row is drawn, with its place in the whole.
  const kommuner = data.context.registry.filter((a) => a.code.length === 4);
  const last = kommuner[kommuner.length - 1];
  await page.locator('.rug-wrap').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction(() => document.querySelector('table.rug tbody tr[aria-rowindex="360"]'));
  const lastRow = await page.locator('table.rug tbody tr[aria-rowindex="360"] th').innerText();
  assert.equal(lastRow.trim(), nameOf(data, last.code));
  // Its cells hold the bundles' numbers.
  const cells = await page.locator('table.rug tbody tr[aria-rowindex="360"] td').evaluateAll((tds) => tds.map((c) => c.childNodes[0]?.textContent?.trim() ?? ''));
  const problems = data.context.catalogue
    .map((ind, k) => valueProblem(cells[k], ind, lastCellOf(data, last.code, ind), `${last.code} ${ind.id}`))
    .filter(Boolean);
  assert.deepEqual(problems, []);
  p.check();
  await p.close();
  const en = await openView('/fylke/46/oversikt?sett=land&lang=en', { canvas: false });
  assert.equal(await en.page.locator('#overview-set').inputValue(), 'land');
  assert.equal(await en.page.getAttribute('html', 'lang'), 'en');
  en.check();
  await en.close();
});

// ---------------------------------------------------------------------------------------------
// Population.

test('population: the age profile of Oslo and Ringsaker is SSB\'s single-year counts', async () => {
  for (const code of ['0301', '3411']) {
    const bundle = data.areaBundle(code);
    const p = await openView(`/${levelOf(code)}/${code}/befolkning`);
    const table = await readTable(p.page);
    assert.equal(table.rows.length, 25);
    const ages = bundle.ages;
    const year = ages.first_year + ages.years.length - 1;
    const row = ages.years[ages.years.length - 1];
    const total = bundle.population.years[year - bundle.population.first_year].total;
    table.rows.forEach((r, age) => {
      assert.equal(Number(r[1].replace(/\s/g, '')), row[age], `${code} age ${age}`);
      const share = Number(r[2].replace(/\s|%/g, '').replace(',', '.'));
      assert.ok(Math.abs(share - (100 * row[age]) / total) < 0.006, `${code} age ${age}: ${r[2]}`);
    });
    // Real figures: no demodata.
    assert.equal(await p.page.locator('.demodata').count(), 0);
    p.check();
    await p.close();
  }
  // The address round-trips, language included.
  const en = await openView('/kommune/1151/befolkning?lang=en');
  assert.equal(await en.page.getAttribute('html', 'lang'), 'en');
  assert.match(await en.page.locator('h1').innerText(), /Population by age/);
  assert.equal(await en.page.locator('.explore-nav a[aria-current="page"]').innerText(), 'Population');
  en.check();
  await en.close();
});

test('population: Ålesund\'s and Haram\'s years before 2024 are apportioned, and say so', async () => {
  const split = data.context.apportioned.find((a) => a.parts.includes('1508'));
  assert.deepEqual(split, { parts: ['1508', '1580'], until: 2023, by: 2024 });
  const note = 'Tallene for Haram til og med 2023 er anslått: Haram og Ålesund var én kommune, og SSBs '
    + 'tall for den kommunen er fordelt mellom dem etter andelene i 2024.';
  const p = await openView('/kommune/1580/befolkning');
  assert.equal(await p.page.locator('p.note.apportioned').innerText(), note);
  // The children over time: no break at 2024 (the source had 6 955 in 2023, then 1 929).
  const pop = data.areaBundle('1580').population;
  const at = (y) => pop.years[y - pop.first_year].age_0_17;
  assert.ok(Math.abs(at(2024) / at(2023) - 1) < 0.05, `${at(2023)} → ${at(2024)}`);
  await p.page.screenshot({ path: `${OUT}/population-1580.png` });
  p.check();
  await p.close();
  // The profile's row for the change in children says it too; Oslo's does not.
  for (const [code, count] of [['1508', 1], ['0301', 0]]) {
    const q = await open(env);
    await q.page.goto(`${env.url}/kommune/${code}`);
    const row = q.page.locator('tbody.indicator[data-indicator="endring_barn_0_17"]');
    await row.locator('button.row-toggle').click();
    await row.locator('.row-detail').waitFor();
    assert.equal(await row.locator('.row-detail p.note.apportioned').count(), count, code);
    q.check();
    await q.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Breakdowns.

test('breakdown: Oslo and Bergen by sex and immigrant background, as in the bundles', async () => {
  const id = 'mobbing_7';
  const ind = indicator(id);
  const landet = data.areaBundle('0');
  for (const code of ['0301', '4601']) {
    const bundle = data.areaBundle(code);
    const p = await openView(`/kommune/${code}/fordeling?indikator=${id}`);
    const { page } = p;
    const sections = page.locator('section.breakdown');
    const dims = data.context.dimensions;
    const mine = bundle.breakdowns.filter((b) => b.indicator === id);
    assert.equal(await sections.count(), mine.length, `${code}: one section a dimension`);
    for (let k = 0; k < mine.length; k++) {
      const b = mine[k];
      const dim = dims[b.dimension];
      const section = sections.nth(k);
      assert.equal((await section.locator('h2').innerText()).trim(), dim.label.nb);
      const table = await readTable(page, `section.breakdown:nth-of-type(${k + 1}) details`);
      const ref = landet.breakdowns.find((x) => x.indicator === id && x.dimension === b.dimension);
      const problems = [];
      table.rows.forEach((row, c) => {
        if (row[0] !== dim.categories[c].nb) problems.push(`category ${c}: «${row[0]}»`);
        const a = valueProblem(row[1], ind, b.cells[c], `${code} ${dim.id} ${c}`);
        const l = valueProblem(row[3], ind, ref.cells[c], `landet ${dim.id} ${c}`);
        for (const x of [a, l]) if (x) problems.push(x);
      });
      assert.deepEqual(problems, []);
      assert.equal(table.rows.length, dim.categories.length);
    }
    // Every category adds up to the published total where all are shown.
    const total = bundle.series.find((s) => s.indicator === id).cells.at(-1);
    for (const b of mine) {
      if (b.cells.every((c) => c.flag === 'Ok') && total.flag === 'Ok') {
        assert.equal(b.cells.reduce((s, c) => s + c.den, 0), total.den, `${code}: categories sum to the total`);
      }
    }
    assert.ok(await page.locator('.demodata').isVisible());
    p.check();
    await p.close();
  }
});

test("the profile's theme has Oslo's figures by immigrant background, as in the bundle", async () => {
  const p = await open(env);
  const { page } = p;
  await page.goto(`${env.url}/kommune/0301`);
  await page.waitForSelector('.theme-figures table');
  const dim = data.context.dimensions.findIndex((d) => d.id === 'innvandring');
  const bundle = data.areaBundle('0301');
  const landet = data.areaBundle('0');
  // The catalogue's order, as the profile lists indicators.
  const mine = data.context.catalogue
    .map((ind) => bundle.breakdowns.find((b) => b.dimension === dim && b.indicator === ind.id))
    .filter(Boolean);
  const rows = await page.$$eval('.theme-figures tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, mine.length, 'one row an indicator with the breakdown');
  const problems = [];
  mine.forEach((b, k) => {
    const ind = indicator(b.indicator);
    if (!rows[k][0].startsWith(ind.label.nb)) problems.push(`row ${k}: «${rows[k][0]}» is not ${ind.label.nb}`);
    // The two groups in Oslo, then in all of Norway.
    const inLandet = landet.breakdowns.find((l) => l.dimension === dim && l.indicator === b.indicator);
    for (let c = 0; c < 2; c++) {
      const x = valueProblem(rows[k][1 + c], ind, b.cells[c], `${b.indicator} ${c}`)
        ?? valueProblem(rows[k][3 + c], ind, inLandet?.cells[c], `${b.indicator} landet ${c}`);
      if (x) problems.push(x);
    }
  });
  assert.deepEqual(problems, []);
  const heads = await page.$$eval('.theme-figures thead th', (ths) => ths.map((th) => th.textContent.trim()));
  const groups = data.context.dimensions[dim].categories.map((c) => c.nb);
  assert.deepEqual(heads.slice(1, 5), [...groups, ...groups.map((g) => `${g}, hele landet`)]);
  p.check();
  await p.close();
});

/**
 * The sentence the theme's direction part allows for `code`, recomputed from the bundle: the
 * others against the group (the table's comparison), «better» for the others being «worse» for
 * the group. Null where nothing can be compared.
 */
function expectedDirection(code) {
  const dir = data.context.themes.immigrant_direction;
  const dim = data.context.dimensions.findIndex((d) => d.id === 'innvandring');
  const bundle = data.areaBundle(code);
  const worse = []; const better = []; const compared = [];
  for (const id of dir.indicators) {
    const ind = indicator(id);
    const b = bundle.breakdowns.find((x) => x.dimension === dim && x.indicator === id);
    const mark = b ? expectedMark(ind, b.cells[1], b.cells[0]).mark : 'no-data';
    if (mark === 'better') worse.push(ind);
    else if (mark === 'worse') better.push(ind);
    else if (mark !== 'similar') continue;
    compared.push(ind);
  }
  if (compared.length === 0) return null;
  const [text, named] = worse.length && !better.length ? [dir.worse, worse]
    : better.length && !worse.length ? [dir.better, better] : [dir.unclear, compared];
  const labels = named.map((i) => i.label.nb.charAt(0).toLowerCase() + i.label.nb.slice(1));
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} og ${labels.at(-1)}` : labels[0];
  return text.nb.replace('{area}', nameOf(data, code)).replace('{indicators}', list);
}

test("the theme's direction sentence follows the area's own figures (Oslo, Karasjok)", async () => {
  for (const code of ['0301', '5610']) {
    const p = await open(env);
    await p.page.goto(`${env.url}/kommune/${code}`);
    await p.page.waitForSelector('.theme-figures table');
    const want = expectedDirection(code);
    const shown = await p.page.$$eval('.theme-direction', (ps) => ps.map((e) => e.textContent.trim()));
    assert.deepEqual(shown, want === null ? [] : [want], code);
    // The fixed text no longer claims the national direction for the area.
    const body = await p.page.locator('#tema-innvandrerbarn').innerText();
    assert.ok(!body.includes('I gjennomsnitt viser tallene'), `${code}: the old paragraph`);
    p.check();
    await p.close();
  }
});

test('breakdown: a shared address opens the same indicator and language', async () => {
  const p = await openView('/kommune/0301/fordeling?indikator=trivsel_10&lang=nn');
  assert.equal(await p.page.locator('#breakdown-indicator').inputValue(), 'trivsel_10');
  assert.equal(await p.page.getAttribute('html', 'lang'), 'nn');
  assert.equal((await p.page.locator('section.breakdown h2').first().innerText()).trim(), 'Kjønn');
  await p.page.selectOption('#breakdown-indicator', 'mobbing_10');
  await p.page.locator('#breakdown-indicator ~ button').click();
  await p.page.waitForURL(/indikator=mobbing_10/);
  assert.equal(new URL(p.page.url()).pathname, '/nn/kommune/0301/fordeling');
  p.check();
  await p.close();
});

// ---------------------------------------------------------------------------------------------
// Every view: axe at every impact, 360 px, and the screenshots.

const VIEWS = [
  ['compare-4601', '/kommune/4601/sammenlign'],
  ['compare-0301-satsing', '/kommune/0301/sammenlign?sett=satsing'],
  ['map-4602', '/kommune/4602/kart'],
  ['map-4601-bydeler', '/kommune/4601/kart'],
  ['map-landet', '/landet/kart?klasser=signifikans'],
  ['map-0301', '/kommune/0301/kart'],
  ['overview-0301', '/kommune/0301/oversikt'],
  ['overview-46', '/fylke/46/oversikt'],
  ['breakdown-0301', '/kommune/0301/fordeling?indikator=mobbing_7'],
  ['breakdown-1103', '/kommune/1103/fordeling'],
  ['population-0301', '/kommune/0301/befolkning'],
  ['population-1151', '/kommune/1151/befolkning'],
];

test('every explore view passes axe and fits a phone', async () => {
  for (const [, url] of VIEWS) await accessible(url);
});

test('screenshots of every view at 1280 and 360 px', async () => {
  for (const [name, url] of VIEWS) await screenshots(url, name);
  assert.equal(fs.readdirSync(SHOTS).filter((f) => f.endsWith('.png')).length >= VIEWS.length * 2, true);
});

// ---------------------------------------------------------------------------------------------
// Choices applied together: a view's selects are one form with one «Vis». Before, each had its
// own, and choosing an indicator and then pressing the area select's «Vis» dropped the
// indicator while its select still showed it.

/** Chooses, in `order`, a value other than the shown one in each select; returns them. */
async function chooseAll(page, order) {
  const chosen = {};
  for (const id of order) {
    const [current, options] = await page.$eval(`#${id}`, (s) => [s.value, [...s.options].map((o) => o.value)]);
    const other = options.find((v) => v && v !== current);
    await page.selectOption(`#${id}`, other);
    chosen[id] = other;
  }
  return chosen;
}

for (const width of [390, 1280]) {
  for (const [view, keys] of [
    ['kart', { 'map-indicator': 'indikator', 'map-scope': 'utsnitt', 'map-classes': 'klasser' }],
    ['sammenlign', { 'compare-indicator': 'indikator', 'compare-set': 'sett', 'compare-sort': 'sorter' }],
  ]) {
    test(`${view} at ${width} px: every choice applies together, in any order, and the address, the selects and the figure agree`, async () => {
      const ids = Object.keys(keys);
      for (const order of [ids, [...ids].reverse()]) {
        const p = await openView(`/kommune/0301/${view}`, { width, height: 844 });
        const { page } = p;
        assert.equal(await page.locator('form.picker-group button').count(), 1, 'one button for all the choices');
        const chosen = await chooseAll(page, order);
        await page.locator('form.picker-group > button').click();
        const indicator = chosen[ids[0]];
        await page.waitForURL((u) => u.searchParams.get('indikator') === indicator);
        await page.waitForFunction(() => document.querySelector('figcaption')?.innerText.length > 0);
        const url = new URL(page.url());
        // The address holds every choice (a default may be written by leaving the key out).
        for (const [id, key] of Object.entries(keys)) {
          const value = url.searchParams.get(key);
          assert.ok(value === chosen[id] || (value === null && ['kvantil', 'verdi'].includes(chosen[id])), `${order}: ${key}=${value}, chosen ${chosen[id]}`);
          assert.equal(await page.locator(`#${id}`).inputValue(), chosen[id], `${order}: the select #${id}`);
        }
        // The figure is of what was chosen: its caption names the indicator.
        const label = data.context.catalogue.find((i) => i.id === indicator).label.nb;
        const caption = plain(await page.locator('figcaption').first().innerText());
        assert.ok(caption.toLowerCase().includes(label.toLowerCase().slice(0, 20)), `«${caption}» is not of ${label}`);
        // Read back from the address alone: the same choices.
        await page.reload();
        // The live app's form, not the static copy's (the view as it opens), which this
        // address hides and drops.
        await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
        await page.waitForSelector('article.explore form.picker-group');
        for (const id of ids) assert.equal(await page.locator(`#${id}`).inputValue(), chosen[id], `reloaded: #${id}`);
        if (width === 390) assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling');
        await page.screenshot({ path: path.join(OUT, `choices-${view}-${width}.png`) });
        p.check();
        await p.close();
      }
    });
  }
}

// The reader's own set: the area to add is one of the view's choices, so an indicator chosen
// beside it holds (before, its own «Legg til» dropped the indicator).
for (const [view, other] of [['sammenlign', 'compare-indicator'], ['oversikt', null]]) {
  test(`${view}, own set: an area added and the other choices apply together, in either order`, async () => {
    const orders = other ? [['chosen-add', other], [other, 'chosen-add']] : [['chosen-add']];
    for (const order of orders) {
      const p = await openView(`/kommune/0301/${view}?sett=valgt&med=4601`, { width: 390, height: 844, canvas: view !== 'oversikt' });
      const { page } = p;
      assert.equal(await page.locator('form.picker-group button').count(), 1, 'one button');
      assert.equal(await page.locator('.chosen-areas form').count(), 0, 'no second form');
      let indicator = null;
      for (const id of order) {
        if (id === 'chosen-add') await page.selectOption('#chosen-add', '5001');
        else indicator = (await chooseAll(page, [id]))[id];
      }
      await page.locator('form.picker-group > button').click();
      await page.waitForURL((u) => u.searchParams.get('med') === '4601,5001');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('sett'), 'valgt');
      if (indicator) assert.equal(url.searchParams.get('indikator'), indicator, `${order}: the indicator holds`);
      await page.waitForFunction(() => document.querySelectorAll('.chosen-areas li').length === 2);
      const names = (await page.locator('.chosen-areas li').allInnerTexts()).map((t) => t.replace('×', '').trim());
      assert.ok(names[0] === 'Bergen' && names[1].startsWith('Trondheim'), `${names}`);
      assert.equal(await page.locator('#chosen-add').inputValue(), '', 'the adder is ready for the next');
      p.check();
      await p.close();
    }
  });
}

// Charts that read on a phone, and never by colour alone (#18, items 3 and 4).
test('at 390 px: no chart legend pages, and the comparison names each bar\'s class by shape and in a legend', async () => {
  const id = modelledId();
  for (const url of [
    `/bydel/030101/utvikling?indikator=${id}&med=4601,5610,1103`,
    `/kommune/0301/sammenlign?indikator=${id}&sett=bydeler`,
    // Troms: «Storfjord – Omasvuotna – Omasvuono» and other long names.
    `/kommune/5538/sammenlign?indikator=${id}`,
    `/kommune/0301/fordeling?indikator=lavinntekt_vedvarende`,
    '/kommune/0301/befolkning',
    `/kommune/4601/kart?indikator=${id}&klasser=signifikans`,
  ]) {
    const p = await openView(url, { width: 390, height: 844 });
    const { page } = p;
    const legends = await page.evaluate(() => [...document.querySelectorAll('article.explore .chart')]
      .map((el) => window.echarts.getInstanceByDom(el)?.getOption().legend ?? [])
      .flat().map((l) => l.type ?? 'plain'));
    assert.ok(!legends.includes('scroll'), `${url}: a paged legend`);
    if (url.includes('kart')) {
      // A hovered area keeps its colour: ECharts' gold is the colour of «not significant».
      const items = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('article.explore .chart')).getOption().series[0].data);
      const coloured = items.filter((d) => d?.itemStyle?.areaColor);
      assert.ok(coloured.length > 0, "coloured areas");
      for (const d of coloured) assert.equal(d.emphasis?.itemStyle?.areaColor, d.itemStyle.areaColor, d.name);
    }
    if (url.includes('sammenlign')) {
      const y = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('article.explore .chart')).getOption().yAxis[0]);
      const names = y.data;
      // A long name takes at most 38 % of the chart and is cut with «…», never the bars' room.
      assert.equal(y.axisLabel.overflow, 'truncate', url);
      assert.ok(y.axisLabel.width <= Math.round(390 * 0.38), `${url}: names ${y.axisLabel.width} px wide`);
      const shapes = { 'Bedre enn landet': '●', 'Dårligere enn landet': '◆', 'Ikke signifikant forskjellig fra landet': '■', 'Høyere enn landet': '▲', 'Lavere enn landet': '▼', 'Ikke testet': '○' };
      const legend = (await page.locator('.mark-legend li').allInnerTexts()).map((s) => s.trim());
      assert.ok(legend.length > 0, 'a legend');
      for (const l of legend) assert.ok(l in shapes || l === 'Ingen sammenligning', `legend entry «${l}»`);
      // The shape first: a name cut at its end keeps it.
      const glyphs = new Set(names.map((n) => n.slice(0, 1)).filter((g) => Object.values(shapes).includes(g)));
      assert.deepEqual([...glyphs].sort(), legend.filter((l) => l in shapes).map((l) => shapes[l]).sort(), `bars ${names}`);
      await axe(page);
    }
    p.check();
    await p.close();
  }
});

// On a phone the first screen shows the figure (#15): the header in two lines, the tabs in one
// that scrolls sideways, the demodata notice in one, the choices after the figure.
test('at 390 × 844 the figure of every explore view starts within the first 400 px', async () => {
  const views = [
    ['utvikling?indikator=mobbing_7', 'figure.chart-figure'],
    ['sammenlign', 'figure.chart-figure'],
    ['kart', 'figure.chart-figure'],
    ['oversikt', '.rug-cards-wrap'],
    ['fordeling', 'figure.chart-figure'],
    ['befolkning', 'figure.chart-figure'],
  ];
  for (const [view, figure] of views) {
    const p = await openView(`/kommune/0301/${view}`, { width: 390, height: 844, canvas: false });
    const { page } = p;
    await page.waitForSelector(`article.explore ${figure}`);
    // The header's search has come (its line is kept for it before, so nothing moves).
    await page.waitForSelector('.header-search input');
    const m = await page.evaluate((sel) => {
      const top = (el) => el.getBoundingClientRect().top + scrollY;
      const fig = document.querySelector(`article.explore ${sel}`);
      const nav = document.querySelector('.explore-nav ul').getBoundingClientRect();
      const tab = document.querySelector('.explore-nav [aria-current=page]').getBoundingClientRect();
      const demo = document.querySelector('.demodata');
      const picker = document.querySelector('article.explore :is(form.picker-group, .explore-controls)');
      return {
        figure: Math.round(top(fig)),
        tabInSight: tab.left >= nav.left - 1 && tab.right <= nav.right + 1,
        navHeight: Math.round(nav.height),
        demo: demo && Math.round(demo.getBoundingClientRect().height),
        pickerAfter: picker ? top(picker) > top(fig) : null,
      };
    }, figure);
    assert.ok(m.figure <= 400, `${view}: the figure starts ${m.figure} px down`);
    assert.ok(m.tabInSight, `${view}: the current tab is out of sight`);
    assert.ok(m.navHeight <= 60, `${view}: the tabs take ${m.navHeight} px`);
    if (m.demo !== null) assert.ok(m.demo <= 50, `${view}: the demodata notice is ${m.demo} px tall`);
    if (m.pickerAfter !== null) assert.ok(m.pickerAfter, `${view}: the choices come before the figure`);
    assert.equal(await horizontalOverflow(page), 0, `${view}: sideways scrolling`);
    // The figure drawn, so that the screenshot shows the first screen as a reader sees it.
    await page.waitForSelector(figure === '.rug-cards-wrap' ? '.rug-cards > li details' : 'article.explore .chart :is(canvas, svg)', { timeout: 20000 });
    await page.screenshot({ path: path.join(OUT, `first-screen-${view.split('?')[0]}-390.png`) });
    p.check();
    await p.close();
  }
});

test('ECharts comes as its entry and parts (tools/echarts/), each asked for once; a part that cannot be loaded leaves the table\'s message where the chart would be, and the next chart tries again', async () => {
  const files = fs.readdirSync(path.join(DIST, 'vendor')).filter((f) => f.endsWith('.js')).map((f) => `/vendor/${f}`).sort();
  assert.ok(files.length > 2, `the entry and its parts: ${files}`);
  const p = await open(env, { width: 390, height: 844, allow: [/Failed to load resource/, /Failed to fetch dynamically imported module/] });
  const asked = [];
  p.page.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/vendor/')) asked.push(u.pathname); });
  // The part that sets `window.echarts` is the entry's last import: without it, nothing draws.
  const entry = fs.readFileSync(path.join(DIST, 'vendor/echarts.js'), 'utf8');
  const last = [...entry.matchAll(/import\("\.\/(echarts-[0-9a-f]+\.js)"\)/g)].at(-1)[1];
  await p.page.route(`**/vendor/${last}`, (route) => route.abort());
  await p.page.goto(`${env.url}/kommune/0301/utvikling`);
  const failed = p.page.locator('article.explore .chart-failed');
  await failed.waitFor({ timeout: 20000 });
  assert.match(await failed.innerText(), /Diagrammet kunne ikke tegnes\. Tallene står i tabellen\./);
  assert.equal(await p.page.locator('article.explore .chart :is(svg, canvas)').count(), 0);
  assert.deepEqual([...new Set(asked)].sort(), files, 'every file asked for');
  // Each once; the aborted part may be asked for again, by the import after its preload failed.
  for (const file of files) {
    const n = asked.filter((a) => a === file).length;
    if (file.endsWith(last)) assert.ok(n === 1 || n === 2, `${file}: ${n}`);
    else assert.equal(n, 1, `${file}, once: ${asked}`);
  }
  // Back online: the next view's chart loads ECharts again and draws.
  await p.page.unroute(`**/vendor/${last}`);
  await p.page.locator('.explore-nav a[href$="/sammenlign?indikator=barn_0_17"], .explore-nav a[href*="/sammenlign"]').first().click();
  await p.page.waitForSelector('article.explore .chart :is(svg, canvas)', { timeout: 20000 });
  assert.equal(await p.page.locator('article.explore .chart-failed').count(), 0);
  p.check();
  await p.close();
});
