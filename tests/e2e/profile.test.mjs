// The profile: for a large kommune, a tiny one with many suppressed cells, a bydel, a kommune
// with a Sami name, a fylke and landet, the barometer shows every indicator with its values or
// the reason there is none, and its marks agree with a comparison recomputed here from the
// bundles' counts; the key sentences are there in bokmål and nynorsk; the page passes axe at
// every impact level, fits 360 px and has touch-sized targets; a row opens to its details; the
// search works from the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, open, axe, horizontalOverflow, plain, DIST, OUT } from './harness.mjs';
import {
  loadData, expectedProfile, expectedMark, cellValue, cellInterval, latestCell, parseShown, shownAs, FLAG_TEXT,
} from './expected.mjs';

let env;
let data;
before(async () => {
  env = await setup();
  data = loadData(DIST);
});
after(async () => { await env?.close(); });

const AREAS = [
  { code: '0301', route: '/kommune/0301' },
  { code: '1151', route: '/kommune/1151' },
  { code: '030115', route: '/bydel/030115' },
  { code: '5610', route: '/kommune/5610' },
  { code: '50', route: '/fylke/50' },
  { code: '0', route: '/landet' },
];


/** Opens a profile and waits until its barometer is drawn. */
async function openProfile(route, opts = {}) {
  const p = await open(env, opts);
  await p.page.goto(`${env.url}${route}`);
  await p.page.waitForSelector('tbody.indicator', { timeout: 20000 });
  return p;
}

/** The name forms of an area in the registry («Kárášjohka - Karasjok» → both forms). */
function nameForms(code) {
  // Landet's page is headed with the UI's name for it, not the registry's «Norge».
  if (code === '0') return ['Hele landet'];
  const a = data.context.registry.find((x) => x.code === code);
  return a.name.split(' - ').map((s) => s.trim());
}

/** What the barometer's rows hold, read from the page. */
function readRows(page) {
  return page.$$eval('tbody.indicator', (bodies) => bodies.map((b) => {
    const first = b.querySelector('tr');
    return {
      id: b.dataset.indicator,
      mark: b.dataset.mark,
      compareMark: first.querySelector('td.compare [data-mark]')?.dataset.mark ?? null,
      compareText: first.querySelector('td.compare')?.innerText.trim() ?? null,
      cells: [...first.querySelectorAll('td.num')].map((td) => ({
        cls: td.className, text: td.innerText.trim(), label: td.dataset.label,
      })),
    };
  }));
}

for (const { code, route } of AREAS) {
  test(`${route}: every indicator with its values, and marks that agree with the counts`, async (t) => {
    const want = expectedProfile(data, code);
    const p = await openProfile(route);
    const h1 = await p.page.innerText('h1');
    assert.ok(nameForms(code).some((n) => h1.includes(n)), `h1 «${h1}» names ${code}`);
    const rows = await readRows(p.page);
    // Every catalogue indicator, each once, in its group in catalogue order.
    const groupOrder = ['Befolkning', 'Levekar', 'BarnehageSkole', 'FritidNaermiljo', 'Helse'];
    const order = [...want.rows]
      .sort((a, b) => groupOrder.indexOf(a.ind.group) - groupOrder.indexOf(b.ind.group))
      .map((r) => r.ind.id);
    assert.deepEqual(rows.map((r) => r.id), order);
    // The column heads: indicator, the area and its comparators, comparison (not for landet,
    // which is not compared with itself), spread.
    const headCount = await p.page.locator('table.barometer').first().locator('thead th').count();
    assert.equal(headCount, 1 + want.columns.length + (code === '0' ? 1 : 2), `columns ${want.columns}`);

    const problems = [];
    const disagreements = [];
    for (const row of rows) {
      const exp = want.rows.find((r) => r.ind.id === row.id);
      const ind = exp.ind;
      if (row.cells.length !== want.columns.length) {
        problems.push(`${row.id}: ${row.cells.length} value cells, want ${want.columns.join(', ')}`);
        continue;
      }
      want.columns.forEach((col, k) => {
        const c = exp.cells[col];
        const shown = row.cells[k];
        const where = `${row.id} ${col} (${shown.label})`;
        if (shown.text === '') problems.push(`${where}: empty cell`);
        const v = cellValue(ind, c);
        if (v === null) {
          // No value: the reason in words, marked as flagged; never a number.
          const reason = c && c.flag !== 'Ok' ? FLAG_TEXT[c.flag] : FLAG_TEXT.Missing;
          if (shown.text !== reason) problems.push(`${where}: «${shown.text}», want «${reason}»`);
          if (!shown.cls.split(' ').includes('flagged')) problems.push(`${where}: not marked flagged`);
          if (c?.flag === 'Suppressed' && !shown.cls.split(' ').includes('suppressed')) {
            problems.push(`${where}: suppressed cell without class suppressed`);
          }
          if (/\d/.test(shown.text)) problems.push(`${where}: a number «${shown.text}» for a cell without value`);
        } else {
          if (shown.cls.split(' ').includes('flagged')) problems.push(`${where}: class «${shown.cls}» on a value`);
          const bad = shownAs(shown.text, ind, v);
          if (bad) problems.push(`${where}: ${bad}`);
        }
      });
      if (row.mark !== exp.mark) {
        const detail = exp.ci
          ? `value ${exp.value.toFixed(4)}, CI ${exp.ci.lo.toFixed(4)}–${exp.ci.hi.toFixed(4)}, landet ${exp.ref.toFixed(4)}, margin ${exp.margin.toExponential(2)}`
          : `cells ${JSON.stringify(exp.cells)}`;
        disagreements.push(`${row.id} (${ind.test}, ${ind.polarity}): page ${row.mark}, expected ${exp.mark}: ${detail}`);
      }
      // The mark in the comparison column says the same as the row's data-mark.
      if (code === '0') {
        if (row.compareMark !== null) problems.push(`${row.id}: landet is compared with itself`);
      } else if (row.compareMark !== row.mark) {
        problems.push(`${row.id}: comparison cell ${row.compareMark}, row ${row.mark}`);
      }
    }
    // Borderline cases are listed, so that a rounding disagreement can be looked at.
    for (const r of want.rows.filter((r) => r.margin !== undefined && r.margin < 0.01)) {
      t.diagnostic(`borderline: ${r.ind.id} landet ${r.ref} is ${r.margin.toExponential(2)} of the CI width from a limit`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(disagreements, []);
    p.check();
    await p.close();
  });
}

// The barometer's marks must be exercised by the data, or the comparison above proves little.
test('the chosen areas exercise every mark, suppressed cells included', () => {
  const marks = new Set();
  let suppressed = 0;
  for (const { code } of AREAS) {
    const want = expectedProfile(data, code);
    want.rows.forEach((r) => marks.add(r.mark));
    suppressed += want.rows.filter((r) => r.cells.area?.flag === 'Suppressed').length;
  }
  for (const m of ['better', 'worse', 'similar', 'higher', 'lower', 'not-tested', 'no-data']) {
    assert.ok(marks.has(m), `no area shows ${m}`);
  }
  assert.ok(suppressed >= 10, `only ${suppressed} suppressed cells`);
});

// Key sentences: bokmål and nynorsk words that the other language does not use.
const LANGS = {
  nb: {
    says: /(høyere|lavere) enn i (landet som helhet|kommunen) \(|har (økt|gått ned) signifikant de siste \d+ periodene/,
    never: /høgare|lågare|heilskap|\bdei\b|periodane|\bikkje\b|\bauka\b/,
  },
  nn: {
    says: /(høgare|lågare) enn i (landet som heilskap|kommunen) \(|har (auka|gått ned) signifikant dei siste \d+ periodane/,
    never: /høyere|lavere|helhet|\bde siste\b|periodene|\bikke\b|\bøkt\b/,
  },
};

/** The key sentences as shown: indicator, mark, mark text and sentence. */
function readSentences(page) {
  return page.$$eval('.key-sentences li', (ls) => ls.map((l) => ({
    id: l.dataset.indicator,
    mark: l.dataset.mark,
    markText: l.querySelector('.mark-text')?.innerText.trim() ?? '',
    text: l.querySelector('.sentence')?.innerText.trim() ?? '',
  })));
}

for (const { code, route } of AREAS) {
  for (const lang of ['nb', 'nn']) {
    test(`${route}?lang=${lang}: 1–8 key sentences in ${lang}, with the barometer's marks`, async () => {
      const want = expectedProfile(data, code);
      const p = await openProfile(`${route}?lang=${lang}`);
      assert.equal(await p.page.getAttribute('html', 'lang'), lang);
      const sentences = await readSentences(p.page);
      assert.ok(sentences.length >= 1 && sentences.length <= 8, `${sentences.length} sentences`);
      const rows = await readRows(p.page);
      const problems = [];
      for (const s of sentences) {
        const text = plain(s.text);
        if (!LANGS[lang].says.test(text)) problems.push(`not a ${lang} key sentence: «${text}»`);
        if (LANGS[lang].never.test(text)) problems.push(`other language in ${lang}: «${text}»`);
        const exp = want.rows.find((r) => r.ind.id === s.id);
        if (!exp) { problems.push(`unknown indicator ${s.id}`); continue; }
        // The subject is the indicator's own, in the page's language.
        if (!text.startsWith(plain(exp.ind.subject[lang]))) problems.push(`«${text}» does not start with the subject of ${s.id}`);
        const vsLandet = /enn i landet som (helhet|heilskap) \(/.test(text);
        const vsKommune = /enn i kommunen \(/.test(text);
        if (vsLandet) {
          const row = rows.find((r) => r.id === s.id);
          if (s.mark !== row.mark) problems.push(`${s.id}: sentence ${s.mark}, barometer ${row.mark}`);
          if (s.mark !== exp.mark) problems.push(`${s.id}: sentence ${s.mark}, counts say ${exp.mark}`);
        }
        if (vsKommune) {
          const kommune = data.areaBundle(code.slice(0, 4));
          const { mark } = expectedMark(exp.ind, exp.cells.area, latestCell(kommune.series, exp.ind));
          if (s.mark !== mark) problems.push(`${s.id} vs kommunen: sentence ${s.mark}, counts say ${mark}`);
        }
        if (vsLandet || vsKommune) {
          // «(21 % mot 12 %)»: the area's value and the reference's, as computed from the counts.
          const m = /\(([^()]+) mot ([^()]+)\)\.$/.exec(text);
          const refCell = vsLandet ? exp.cells.landet : latestCell(data.areaBundle(code.slice(0, 4)).series, exp.ind);
          if (!m) problems.push(`no «(x mot y)» in «${text}»`);
          else {
            for (const [shown, cell] of [[m[1], exp.cells.area], [m[2], refCell]]) {
              const v = cellValue(exp.ind, cell);
              const parsed = parseShown(shown, exp.ind.unit);
              if (!parsed || Math.abs(parsed.value - v) > 0.5 * 10 ** -parsed.decimals + 1e-9) {
                problems.push(`${s.id}: «${shown}» is not ${v}`);
              }
            }
          }
        }
      }
      assert.deepEqual(problems, []);
      p.check();
      await p.close();
    });
  }
}

test('no two key sentences of a page read the same', async () => {
  const problems = [];
  const p = await open(env);
  for (const { route } of AREAS) {
    await p.page.goto(`${env.url}${route}`);
    await p.page.waitForSelector('tbody.indicator');
    const texts = (await readSentences(p.page)).map((s) => `${s.id}: ${s.text}`);
    const seen = new Map();
    for (const t of texts) {
      const sentence = t.slice(t.indexOf(': ') + 2);
      if (seen.has(sentence)) problems.push(`${route}: «${sentence}» for ${seen.get(sentence)} and ${t.split(':')[0]}`);
      seen.set(sentence, t.split(':')[0]);
    }
  }
  assert.deepEqual(problems, []);
  p.check();
  await p.close();
});

// Two indicators with one label (7. and 10. trinn, say) need their difference in the button's
// name, or a screen reader lists «Vis detaljer om Mobbing på skolen» twice.
test('every barometer row button has its own accessible name', async () => {
  const p = await openProfile('/kommune/0301');
  const names = await p.page.$$eval('button.row-toggle', (bs) => bs.map((b) => b.innerText.replace(/\s+/g, ' ').trim()));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, []);
  p.check();
  await p.close();
});

test('/landet: a key sentence never compares landet with itself', async () => {
  const p = await openProfile('/landet');
  const sentences = await readSentences(p.page);
  const selfCompared = sentences.filter((s) => /enn landet/.test(s.markText) || /enn i landet/.test(s.text));
  assert.deepEqual(selfCompared.map((s) => `${s.id}: [${s.markText}] ${s.text}`), []);
  p.check();
  await p.close();
});

for (const { route } of AREAS) {
  for (const width of [1280, 360]) {
    test(`${route} at ${width} px: axe finds no violation of any impact`, async () => {
      const p = await openProfile(route, { width, height: width === 360 ? 740 : 900 });
      await p.page.locator('.population .chart').scrollIntoViewIfNeeded();
      await p.page.waitForSelector('.chart :is(canvas, svg)');
      await axe(p.page, ['minor', 'moderate', 'serious', 'critical']);
      p.check();
      await p.close();
    });
  }
}

/**
 * Interactive elements in `main` lower than 44 px. Links inside a paragraph of the theme
 * section are inline text, which WCAG 2.5.8 exempts: they are left out. A checkbox inside its
 * label is hit anywhere on the label, so the label's box is what is measured.
 */
function smallTargets(page) {
  return page.$$eval('main a, main button, main summary, main input', (els) => els
    .filter((e) => {
      const r = (e.tagName === 'INPUT' && e.closest('label') || e).getBoundingClientRect();
      const visible = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      const inlineThemeLink = e.tagName === 'A' && e.closest('.themes p, .levers p');
      return visible && !inlineThemeLink && r.height < 44;
    })
    .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ''} «${e.innerText.trim().slice(0, 40)}» ${e.getBoundingClientRect().height.toFixed(1)} px high`));
}

for (const { route } of AREAS) {
  test(`${route} at 360 px: no sideways scroll, and touch targets of 44 px`, async () => {
    const p = await openProfile(route, { width: 360, height: 740 });
    await p.page.locator('.population .chart').scrollIntoViewIfNeeded();
      await p.page.waitForSelector('.chart :is(canvas, svg)');
    const over = await horizontalOverflow(p.page);
    const culprits = over > 0 ? await p.page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible')
        .slice(-3).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${e.scrollWidth} > ${e.clientWidth}, viewport ${w})`);
    }) : [];
    assert.ok(over <= 0, `${route} scrolls ${over} px sideways: ${culprits.join('; ')}`);
    assert.deepEqual(await smallTargets(p.page), []);
    p.check();
    await p.close();
  });
  test(`${route} at 1280 px: touch targets of 44 px`, async () => {
    const p = await openProfile(route);
    assert.deepEqual(await smallTargets(p.page), []);
    p.check();
    await p.close();
  });
}

test('at 360 px a closed detail row takes no space', async () => {
  const p = await openProfile('/kommune/1151', { width: 360, height: 740 });
  const shown = await p.page.$$eval('tr.detail[hidden]', (trs) => trs
    .filter((tr) => tr.getBoundingClientRect().height > 0)
    .map((tr) => `${tr.id}: display ${getComputedStyle(tr).display}, ${tr.getBoundingClientRect().height.toFixed(1)} px`));
  assert.deepEqual(shown, []);
  p.check();
  await p.close();
});

// The «30 seconds» task on a phone: what stands out must be seen without opening anything.
// Karasjok's barometer was 24 248 px of cards at 390 px; FHI fits it on one page.
test('/kommune/5610 at 390 px: the barometer within 2 600 px, every value and mark seen without opening a row', async () => {
  const p = await openProfile('/kommune/5610', { width: 390, height: 844 });
  const { page } = p;
  const height = await page.locator('.barometer-section').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height <= 2600, `the barometer is ${Math.round(height)} px tall`);
  const rows = await page.$$eval('tbody.indicator', (bodies) => bodies.map((b) => {
    const seen = (e) => { const r = e?.getBoundingClientRect(); return Boolean(r && r.width > 0 && r.height > 0 && r.right <= innerWidth); };
    return {
      id: b.dataset.indicator,
      area: seen(b.querySelector('td.area')) && b.querySelector('td.area').innerText.trim(),
      landet: seen(b.querySelector('td.landet')) && b.querySelector('td.landet').innerText.trim(),
      mark: seen(b.querySelector('td.compare .mark svg')),
      fylke: seen(b.querySelector('td.fylke')),
    };
  }));
  assert.equal(rows.length, 31);
  for (const r of rows) {
    assert.ok(r.area && r.landet, `${r.id}: the values (${r.area} / ${r.landet})`);
    assert.ok(r.mark, `${r.id}: the mark`);
    assert.ok(!r.fylke, `${r.id}: the fylke waits for the row to open`);
  }
  // The heads say whose values they are.
  const heads = await page.locator('.barometer-group').first().locator('thead th')
    .evaluateAll((ths) => ths.filter((th) => th.getBoundingClientRect().width > 2).map((th) => th.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(heads, ['Indikator', 'Kárášjohka – Karasjok', 'Hele landet']);
  console.log(`barometer of 5610 at 390 px: ${Math.round(height)} px`);
  // Opened, a row has the fylke's value, the comparison in words and the spread.
  const first = page.locator('tbody.indicator').first();
  await first.locator('.row-toggle').click();
  await first.locator('td.fylke').waitFor();
  assert.match(await first.locator('td.fylke').getAttribute('data-label'), /^Finnmark/);
  assert.match(await first.locator('td.fylke').innerText(), /\d\s%/);
  assert.match(await first.locator('td.fylke').evaluate((td) => getComputedStyle(td, '::before').content), /Finnmark/, 'named on the screen');
  assert.ok(await first.locator('td.compare .mark-text').isVisible());
  assert.ok(await first.locator('.spread').isVisible());
  assert.equal(await horizontalOverflow(page), 0);
  await page.locator('.barometer-section').screenshot({ path: path.join(OUT, 'barometer-5610-390.png') });
  p.check();
  await p.close();
});

// The spread bar's circle is the area (its legend says so): it must read as a circle, and stay
// inside the bar also for the kommune with the lowest or highest value (Utsira has the lowest
// share of small children).
for (const width of [1280, 360]) {
  test(`/kommune/1151 at ${width} px: the spread bar's circle is round and drawn whole`, async () => {
    const p = await openProfile('/kommune/1151', { width, height: 900 });
    // On a phone the spread shows in an opened row.
    if (width < 768) await p.page.$$eval('.row-toggle', (bs) => bs.forEach((b) => b.click()));
    await p.page.waitForFunction(() => [...document.querySelectorAll('tbody.indicator .spread')].every((s) => s.getBoundingClientRect().width > 0));
    const bad = await p.page.$$eval('tbody.indicator', (bodies) => bodies.flatMap((b) => {
      const svg = b.querySelector('.spread');
      const c = svg?.querySelector('.area-dot');
      if (!c) return [];
      const s = svg.getBoundingClientRect();
      const r = c.getBoundingClientRect();
      const out = [];
      if (Math.abs(r.width - r.height) > 1.5) out.push(`${b.dataset.indicator}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px, not round`);
      if (r.left < s.left - 0.5 || r.right > s.right + 0.5) out.push(`${b.dataset.indicator}: circle ${r.left.toFixed(1)}–${r.right.toFixed(1)} cut by the bar ${s.left.toFixed(1)}–${s.right.toFixed(1)}`);
      return out;
    }));
    assert.deepEqual(bad, []);
    p.check();
    await p.close();
  });
}

for (const code of ['0301', '1151']) {
  test(`screenshots of ${code} at 1280 and 360 px`, async () => {
    for (const width of [1280, 360]) {
      const p = await openProfile(`/kommune/${code}`, { width, height: width === 360 ? 740 : 900 });
      await p.page.locator('.population .chart').scrollIntoViewIfNeeded();
      await p.page.waitForSelector('.chart :is(canvas, svg)');
      // ECharts animates its first drawing.
      await p.page.waitForTimeout(1200);
      await p.page.screenshot({ path: path.join(OUT, `profile-${code}-${width}.png`), fullPage: true });
      p.check();
      await p.close();
    }
  });
}

test('keyboard only: from / to Karasjok through the search combobox', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/`);
  await page.waitForSelector('main h1');
  await page.waitForSelector('input[role=combobox], input[type=search]');
  // Tab until the search box has the focus; no mouse anywhere in this test.
  let focused = null;
  for (let i = 0; i < 30 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const e = document.activeElement;
      return e?.tagName === 'INPUT' && (e.getAttribute('role') === 'combobox' || e.type === 'search')
        ? { id: e.id, role: e.getAttribute('role') } : null;
    });
  }
  assert.ok(focused, 'Tab never reaches the search box');
  assert.equal(focused.role, 'combobox', `the search box #${focused.id} is not an ARIA combobox`);
  const input = page.locator(`[id="${focused.id}"]`);
  await page.keyboard.type('Karasjok');
  await page.waitForFunction((id) => document.getElementById(id).getAttribute('aria-expanded') === 'true', focused.id);
  const listId = await input.getAttribute('aria-controls');
  assert.ok(listId, 'aria-controls names the list');
  const list = page.locator(`[id="${listId}"]`);
  assert.equal(await list.getAttribute('role'), 'listbox');
  assert.ok(await list.isVisible(), 'the listbox is shown');
  const options = list.locator('[role=option]');
  assert.ok((await options.count()) >= 1, 'the list has options');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.ok(active, 'ArrowDown makes an option active (aria-activedescendant)');
  const option = page.locator(`[id="${active}"]`);
  assert.equal(await option.getAttribute('role'), 'option');
  assert.match(await option.innerText(), /Karasjok/);
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.pathname === '/kommune/5610');
  await page.waitForSelector('h1:has-text("Karasjok")');
  p.check();
  await p.close();
});

/** The CI text «lo – hi» read back as numbers. */
function parseInterval(text, unit) {
  const [lo, hi] = plain(text).split(' – ');
  return [parseShown(lo, unit), parseShown(hi, unit)];
}

test('a barometer row opens to definition, source, CI, rank and a trend chart with its table', async () => {
  const code = '0301';
  const want = expectedProfile(data, code);
  const exp = want.rows.find((r) => r.ind.id === 'lavinntekt_vedvarende');
  const { ind } = exp;
  assert.equal(exp.cells.area.flag, 'Ok', 'the chosen row has a value');
  const p = await openProfile(`/kommune/${code}`);
  const page = p.page;
  const body = page.locator(`tbody.indicator[data-indicator="${ind.id}"]`);
  const toggle = body.locator('button.row-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Enter on the focused toggle, as a keyboard user opens it.
  await toggle.focus();
  await page.keyboard.press('Enter');
  const detail = body.locator('.row-detail');
  await detail.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const controls = await toggle.getAttribute('aria-controls');
  assert.ok(await page.locator(`[id="${controls}"]`).isVisible(), 'aria-controls names the open row');
  const dd = async (sel) => (await detail.locator(sel).innerText()).trim();
  const text = await detail.innerText();
  assert.ok(text.includes(ind.definition.nb), 'the definition');
  // The organisation is named once: a table that names it («… (SSB)») stands alone.
  const source = ind.source_table.includes(ind.source_org) ? ind.source_table : `${ind.source_org}: ${ind.source_table}`;
  assert.ok(text.includes(source), 'the source');
  // The 95 % interval, recomputed from the counts.
  const ci = cellInterval(ind, exp.cells.area);
  const [lo, hi] = parseInterval(await dd('dd.ci'), ind.unit);
  assert.ok(lo && hi, `CI «${await dd('dd.ci')}»`);
  assert.ok(Math.abs(lo.value - ci.lo) <= 0.5 * 10 ** -lo.decimals + 1e-9, `CI low ${lo.value} vs ${ci.lo}`);
  assert.ok(Math.abs(hi.value - ci.hi) <= 0.5 * 10 ** -hi.decimals + 1e-9, `CI high ${hi.value} vs ${ci.hi}`);
  // The national rank among the kommuner with a value: competition ranking, 1 is best.
  const values = data.context.kommuner
    .map(([, series]) => series.find((s) => s.indicator === ind.id)?.cells.at(-1))
    .map((c) => cellValue(ind, c))
    .filter((v) => v !== null);
  const own = cellValue(ind, exp.cells.area);
  const better = values.filter((v) => (ind.polarity === 'HigherIsWorse' ? v < own : v > own)).length;
  const rank = plain(await dd('dd.rank-national'));
  assert.equal(rank, `${better + 1} av ${values.length} (1 er best)`);
  assert.ok(rank.includes('av 357') === (values.length === 357), rank);
  // The trend chart is drawn, and its table has a row per period.
  await detail.locator('.chart').scrollIntoViewIfNeeded();
  await detail.locator('.chart :is(canvas, svg)').waitFor();
  const size = await detail.locator('.chart :is(canvas, svg)').evaluate((c) => {
    const r = c.getBoundingClientRect();
    return [r.width, r.height];
  });
  assert.ok(size[0] > 0 && size[1] > 0, `chart ${size}`);
  assert.equal(await detail.locator('table tbody tr').count(), ind.periods.length);
  assert.equal(await detail.locator('table thead th').count(), 1 + 3, 'period, Oslo, fylke, landet');
  // A click closes it again.
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator(`[id="${controls}"]`).isVisible(), false);
  p.check();
  await p.close();
});

test('a confidence interval reads as two different limits, also for large counts', async () => {
  // Oslo's counts are large: the interval is narrow, and rounded to FHI's decimals for values
  // of 10 or more both limits can read the same («10 % – 10 %»), which says nothing.
  const want = expectedProfile(data, '0301');
  const p = await openProfile('/kommune/0301');
  const same = [];
  for (const r of want.rows.filter((r) => r.ci)) {
    const body = p.page.locator(`tbody.indicator[data-indicator="${r.ind.id}"]`);
    await body.locator('button.row-toggle').click();
    const ci = plain(await body.locator('.row-detail dd.ci').innerText());
    const [lo, hi] = ci.split(' – ');
    if (lo === hi && r.ci.hi > r.ci.lo) same.push(`${r.ind.id}: «${ci}» for ${r.ci.lo.toFixed(3)}–${r.ci.hi.toFixed(3)}`);
    await body.locator('button.row-toggle').click();
  }
  assert.deepEqual(same, []);
  p.check();
  await p.close();
});

test('a real indicator ranks all 357 kommuner; a suppressed value has no CI', async () => {
  const p = await openProfile('/kommune/1151');
  const page = p.page;
  const want = expectedProfile(data, '1151');
  // barn_0_17 is SSB's population: every kommune has it.
  const real = page.locator('tbody.indicator[data-indicator="barn_0_17"]');
  await real.locator('button.row-toggle').click();
  const rank = plain(await real.locator('.row-detail dd.rank-national').innerText());
  assert.match(rank, /^\d+ av 357 \(1 er høyest\)$/);
  assert.ok((await real.locator('.row-detail dd.ci').count()) === 1);
  const hidden = want.rows.find((r) => r.cells.area?.flag === 'Suppressed');
  assert.ok(hidden, 'Utsira has a suppressed cell');
  const row = page.locator(`tbody.indicator[data-indicator="${hidden.ind.id}"]`);
  await row.locator('button.row-toggle').click();
  await row.locator('.row-detail').waitFor();
  assert.equal(await row.locator('.row-detail dd.ci').count(), 0, 'no CI from a suppressed value');
  assert.equal(await row.locator('.row-detail dd.rank-national').count(), 0, 'no rank from a suppressed value');
  p.check();
  await p.close();
});

// Words a reader understands (#18, item 6): each of these read wrong to a new user.
test('wording: «i Oslo» once, the kommune named, landet not set against itself, flags explained, a front-page title, no sample figures, an embed help for web editors', async () => {
  const p = await openProfile('/bydel/030101');
  const { page } = p;
  assert.equal((await page.locator('.profile-head .parents').innerText()).trim(), 'i Oslo');
  const vs = [...new Set(await page.locator('.vs-kommune').allInnerTexts())];
  assert.ok(vs.length > 0 && vs.every((s) => /(enn|fra) Oslo$/.test(s)), `against the kommune: ${vs}`);
  assert.ok(!vs.includes('som kommunen'));
  assert.match(await page.locator('.barometer-section .legend').innerText(), /«Kan ikke beregnes» at tallgrunnlaget ikke gir noen verdi/);
  await page.locator('button', { hasText: 'Bygg inn' }).click();
  const help = await page.locator('dialog.embed-dialog .embed-host').innerText();
  assert.doesNotMatch(help, /frame-ancestors/);
  assert.match(help, /redigeringsverktøy/);
  await page.goto(`${env.url}/landet`);
  await page.waitForSelector('tbody.indicator');
  assert.deepEqual(await page.locator('table.barometer').first().locator('thead th').allInnerTexts(),
    ['Indikator', 'Hele landet', 'Spredning i kommunene']);
  assert.equal(await page.locator('td.compare').count(), 0, 'no empty comparison cells');
  await page.goto(`${env.url}/kommune/0301`);
  await page.waitForSelector('tbody.indicator');
  assert.equal(await page.locator('.profile-head .parents').count(), 0, 'Oslo is not «i Oslo»');
  await page.goto(`${env.url}/`);
  await page.waitForFunction(() => document.title !== 'oppvekst');
  assert.equal(await page.title(), 'Oppvekstprofil – Statistikk om barn og unge 0–24 år i alle kommuner, bydeler og fylker');
  await page.goto(`${env.url}/kommune/0301/oversikt`);
  await page.waitForSelector('.rug-legend li');
  const swatches = await page.locator('.rug-legend .rug-swatch').allInnerTexts();
  assert.ok(swatches.every((s) => !/\d/.test(s)), `legend swatches: ${swatches}`);
  p.check();
  await p.close();
});

test('«Vis bare det som skiller seg ut» keeps the rows that differ from landet, in the address', async () => {
  const p = await openProfile('/kommune/5610', { width: 390, height: 844 });
  const { page } = p;
  const standOut = ['better', 'worse', 'higher', 'lower'];
  const marks = await page.$$eval('tbody.indicator', (bs) => bs.map((b) => b.dataset.mark));
  const expected = marks.filter((m) => standOut.includes(m)).length;
  assert.ok(expected > 0 && expected < 31, `${expected} stand out`);
  assert.match(plain(await page.locator('.outstanding-count').innerText()), new RegExp(`\\(${expected} av 31\\)`));
  const box = page.getByLabel('Vis bare det som skiller seg ut');
  await box.check();
  await page.waitForURL(/utvalg=skiller/);
  const shown = async () => page.$$eval('tbody.indicator', (bs) => bs.filter((b) => b.getBoundingClientRect().height > 0).map((b) => b.dataset.mark));
  let visible = await shown();
  assert.equal(visible.length, expected);
  assert.ok(visible.every((m) => standOut.includes(m)), `shown: ${visible}`);
  // A group with nothing that stands out goes with its rows.
  const emptyGroups = await page.$$eval('.barometer-group', (gs) => gs.filter((g) => g.getBoundingClientRect().height > 0
    && ![...g.querySelectorAll('tbody.indicator')].some((b) => b.getBoundingClientRect().height > 0)).length);
  assert.equal(emptyGroups, 0);
  // The address carries it: through the language switch and a reload.
  await page.locator('.lang-switch a', { hasText: 'Nynorsk' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/nn/'));
  assert.match(page.url(), /utvalg=skiller/);
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  await page.waitForSelector('tbody.indicator');
  assert.ok(await page.getByLabel('Vis berre det som skil seg ut').isChecked());
  assert.equal((await shown()).length, expected);
  await page.getByLabel('Vis berre det som skil seg ut').uncheck();
  await page.waitForURL((u) => !u.search.includes('utvalg'));
  assert.equal((await shown()).length, 31);
  p.check();
  await p.close();
});
