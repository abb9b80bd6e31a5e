// The trend view: one indicator over time for an area, its comparators and the areas a reader
// adds. The tests check the chart is drawn, that its table holds the bundles' numbers (read
// here with the independent decoder), that the address opens exactly the view that was shared
// (indicator, added areas, language), and that the page passes axe and fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, horizontalOverflow, DIST, OUT } from './harness.mjs';
import { loadData, cellValue, shownAs, FLAG_TEXT } from './expected.mjs';

let env;
let data;
before(async () => {
  env = await setup();
  data = loadData(DIST);
});
after(async () => { await env?.close(); });

const indicator = (id) => data.context.catalogue.find((i) => i.id === id);

/** The cells of indicator `id` for `code`: from its bundle, or for a fylke from the context. */
function cellsOf(code, id) {
  const list = code.length === 2
    ? data.context.comparators.find(([c]) => c === code)[1]
    : data.areaBundle(code).series;
  return list.find((s) => s.indicator === id).cells;
}

/** Opens a trend view and waits for its chart and table. */
async function openTrend(url, opts = {}) {
  const p = await open(env, opts);
  await p.page.goto(`${env.url}${url}`);
  await p.page.waitForSelector('article.trend-view', { timeout: 20000 });
  await p.page.locator('.trend-view .chart').scrollIntoViewIfNeeded();
  await p.page.waitForSelector('.trend-view .chart svg', { timeout: 20000 });
  return p;
}

/** The chart's table: header texts and rows of cell texts. */
async function readTable(page) {
  await page.locator('.trend-view details summary').click();
  return page.$eval('.trend-view details table', (t) => ({
    headers: [...t.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.innerText.trim())),
  }));
}

/** Problems where a column of the table does not show `code`'s cells of indicator `id`. */
function columnProblems(table, column, code, id) {
  const ind = indicator(id);
  const cells = cellsOf(code, id);
  const n = ind.periods.length;
  const problems = [];
  table.rows.forEach((row, p) => {
    const cell = cells[p - (n - cells.length)];
    const text = row[column];
    const v = cellValue(ind, cell);
    if (v === null) {
      const want = cell ? (FLAG_TEXT[cell.flag] ?? FLAG_TEXT.Missing) : '–';
      if (text !== want) problems.push(`${code} ${row[0]}: «${text}», expected «${want}»`);
    } else {
      const bad = shownAs(text, ind, v);
      if (bad) problems.push(`${code} ${row[0]}: ${bad}`);
    }
  });
  return problems;
}

for (const { code, route, id, added } of [
  { code: '0301', route: '/kommune/0301', id: 'mobbing_7', added: ['4601'] },
  { code: '1151', route: '/kommune/1151', id: 'trangbodd', added: ['46'] },
]) {
  test(`${route}/utvikling: chart, table with the bundles' numbers, axe, 360 px`, async () => {
    const url = `${route}/utvikling?indikator=${id}&med=${added.join(',')}`;
    const p = await openTrend(url);
    const ind = indicator(id);
    assert.equal(await p.page.locator('#trend-indicator').inputValue(), id);
    const table = await readTable(p.page);
    assert.equal(table.rows.length, ind.periods.length, 'a row per period');
    // Period, the area, its fylke, landet, the added areas, then the interval.
    const fylke = code.slice(0, 2);
    const columns = [code, fylke, '0', ...added.filter((a) => a !== fylke)];
    assert.equal(table.headers.length, 1 + columns.length + 1, table.headers.join(' | '));
    const problems = columns.flatMap((c, k) => columnProblems(table, k + 1, c, id));
    assert.deepEqual(problems, []);
    if (ind.provenance === 'Modelled') {
      assert.equal(await p.page.locator('.trend-view .demodata').count(), 1, 'demodata is said');
    }
    assert.ok((await p.page.locator('.trend-test').innerText()).length > 10, 'the trend in words');
    await axe(p.page, ['minor', 'moderate', 'serious', 'critical']);
    p.check();
    await p.close();

    const phone = await openTrend(url, { width: 360, height: 740 });
    assert.ok((await horizontalOverflow(phone.page)) <= 0, 'nothing scrolls sideways at 360 px');
    phone.check();
    await phone.close();
  });
}

test('Utsira\'s table says why a cell has no value, never 0', async () => {
  // An indicator where Utsira has suppressed cells.
  const ids = data.context.catalogue.map((i) => i.id);
  const id = ids.find((x) => cellsOf('1151', x).some((c) => c.flag === 'Suppressed'));
  assert.ok(id, 'Utsira has a suppressed cell somewhere');
  const p = await openTrend(`/kommune/1151/utvikling?indikator=${id}`);
  const table = await readTable(p.page);
  assert.ok(table.rows.some((r) => r[1] === FLAG_TEXT.Suppressed), 'a suppressed cell says so');
  assert.deepEqual(columnProblems(table, 1, '1151', id), []);
  p.check();
  await p.close();
});

// #18, item 3: a hidden value is a visible gap, with a mark in the chart and a note under it.
test('a small kommune\'s hidden values are gaps marked in the chart and named in a note', async () => {
  // Small kommuner, and an indicator where one has both values and hidden cells.
  const found = ['1151', '1144', '1818', '1515', '4622']
    .filter((code) => data.manifest.areas[code])
    .flatMap((code) => data.context.catalogue.map((ind) => ({ code, ind, cells: cellsOf(code, ind.id) })))
    .find(({ ind, cells }) => cells.some((c) => cellValue(ind, c) === null) && cells.some((c) => cellValue(ind, c) !== null));
  assert.ok(found, 'a kommune with values and hidden cells in one indicator');
  const { code, ind, cells } = found;
  const n = ind.periods.length;
  const p = await openTrend(`/kommune/${code}/utvikling?indikator=${ind.id}`, { width: 390, height: 844 });
  const series = await p.page.evaluate(() => window.echarts
    .getInstanceByDom(document.querySelector('.trend-view .chart')).getOption().series);
  const own = series.find((s) => s.markLine?.data?.length);
  assert.ok(own, 'a line with marks');
  const periods = (await readTable(p.page)).rows.map((r) => r[0]);
  const wanted = cells.map((c, i) => (cellValue(ind, c) === null ? periods[i + (n - cells.length)] : null)).filter(Boolean);
  assert.deepEqual(own.markLine.data.map((d) => d.xAxis), wanted, 'a mark at every gap, and only there');
  assert.equal(own.markLine.lineStyle.color, own.lineStyle.color, 'in the line\'s colour');
  const note = await p.page.locator('.trend-view .gap-note').innerText();
  assert.match(note, /^Der en linje har et brudd, er verdien ikke vist: /);
  for (const c of cells.filter((c) => cellValue(ind, c) === null)) {
    assert.ok(note.includes((FLAG_TEXT[c.flag] ?? FLAG_TEXT.Missing).toLowerCase()), `${note} says why (${c.flag})`);
  }
  await p.page.locator('.trend-view figure').screenshot({ path: `${OUT}/trend-gaps-390.png` });
  p.check();
  await p.close();
});

// #18, item 1: an indicator chosen and an area added apply together, in either order.
for (const width of [390, 1280]) {
  test(`trend at ${width} px: an indicator and an added area, chosen in either order, both apply with one «Vis»`, async () => {
    for (const order of [['trend-indicator', 'trend-add'], ['trend-add', 'trend-indicator']]) {
      const p = await openTrend('/kommune/0301/utvikling?indikator=mobbing_7&med=4601', { width, height: 844 });
      const { page } = p;
      assert.equal(await page.locator('form.picker-group button[type=submit]').count(), 1, 'one button');
      for (const id of order) await page.locator(`#${id}`).selectOption(id === 'trend-add' ? '46' : 'ensomhet');
      await page.locator('form.picker-group button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('indikator') === 'ensomhet' && u.searchParams.get('med') === '4601,46');
      // The view is drawn again once the added fylke's bundle is in (its cells are no longer
      // in the context): both added areas listed.
      await page.waitForFunction(() => document.querySelectorAll('.trend-added li').length === 2);
      // A chart draws once it is in sight.
      await page.locator('.trend-view .chart').scrollIntoViewIfNeeded();
      await page.waitForSelector('.trend-view .chart svg');
      // The select, the caption and the drawn lines agree with the address.
      assert.equal(await page.locator('#trend-indicator').inputValue(), 'ensomhet');
      assert.equal(await page.locator('#trend-add').inputValue(), '', 'the adder is ready for the next');
      const caption = await page.locator('.trend-view figcaption').innerText();
      assert.ok(caption.startsWith(`${indicator('ensomhet').label.nb}:`), caption);
      const names = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.trend-view .chart'))
        .getOption().series.map((s) => s.name).filter(Boolean));
      for (const n of ['Bergen', 'Vestland']) assert.ok(names.some((x) => x.startsWith(n)), `${n} drawn: ${names}`);
      // Pooled periods on two lines that do not overlap (the default line height drew them
      // over each other).
      const x = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('.trend-view .chart')).getOption().xAxis[0]);
      assert.ok(x.axisLabel.lineHeight >= 14, `line height ${x.axisLabel.lineHeight}`);
      p.check();
      await p.close();
    }
  });
}

test('the address is the view: indicator, added areas and language survive a reload and a switch', async () => {
  const p = await openTrend('/kommune/0301/utvikling?indikator=mobbing_7');
  const page = p.page;
  // Another indicator, from the keyboard: pick it and press the button.
  await page.locator('#trend-indicator').selectOption('ensomhet');
  await page.locator('form.picker-group button[type=submit]').press('Enter');
  await page.waitForURL(/indikator=ensomhet/);
  // Add the fylke Vestland.
  await page.locator('#trend-add').selectOption('46');
  await page.locator('form.picker-group button[type=submit]').click();
  await page.waitForURL(/med=46/);
  await page.locator('.lang-switch a[hreflang="en"]').click();
  await page.waitForURL((u) => u.pathname.startsWith('/en/'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/en/kommune/0301/utvikling');
  assert.equal(url.searchParams.get('indikator'), 'ensomhet');
  assert.equal(url.searchParams.get('med'), '46');
  await page.waitForSelector('html[lang="en"]');
  const before = await page.locator('.trend-view .lead').innerText();
  // Opened afresh, the same address gives the same view.
  const again = await openTrend(`${url.pathname}${url.search}`);
  assert.equal(await again.page.locator('.trend-view .lead').innerText(), before);
  assert.equal(await again.page.locator('#trend-indicator').inputValue(), 'ensomhet');
  assert.ok((await again.page.locator('.trend-added li').innerText()).includes('Vestland'));
  // Removing the added area takes it out of the address.
  await again.page.locator('.trend-added a.remove').click();
  await again.page.waitForURL((u) => !u.searchParams.has('med'));
  assert.equal(await again.page.locator('.trend-added').count(), 0);
  again.check();
  await again.close();
  p.check();
  await p.close();
});

test('a hand-edited address opens what it can', async () => {
  const p = await openTrend('/kommune/0301/utvikling?indikator=finnes_ikke&med=xx,9999,4601');
  // An unknown indicator falls back to the first; unknown areas are left out.
  assert.equal(await p.page.locator('#trend-indicator').inputValue(), data.context.catalogue[0].id);
  const added = await p.page.locator('.trend-added li').allInnerTexts();
  assert.equal(added.length, 1);
  assert.ok(added[0].includes('Bergen'));
  p.check();
  await p.close();
});

test('a barometer row links to its trend view', async () => {
  const p = await open(env);
  await p.page.goto(`${env.url}/kommune/0301`);
  const row = p.page.locator('tbody.indicator[data-indicator="mobbing_7"]');
  await row.locator('button.row-toggle').click();
  await row.locator('.see-trend a').click();
  await p.page.waitForSelector('article.trend-view');
  assert.equal(new URL(p.page.url()).pathname, '/kommune/0301/utvikling');
  assert.equal(await p.page.locator('#trend-indicator').inputValue(), 'mobbing_7');
  p.check();
  await p.close();
});
