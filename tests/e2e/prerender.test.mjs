// The prerendered profiles: every area page ships with its profile drawn at build time by the
// app's own components (src/ssr.rs), so that the barometer paints before the wasm loads. These
// tests prove that the static copy is the whole barometer, that it breaks no rule of the CSP,
// and that it says exactly what the live app then says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { setup, open, plain } from './harness.mjs';

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
  assert.ok(html.includes('<div id="prerendered" data-path="/kommune/1151" lang="nb">'), 'a prerendered copy of its address and language');
  assert.equal(html.match(/<tbody[^>]*class="indicator"/g)?.length, ROWS, 'every indicator row');
  assert.match(html, /<h1>Utsira<\/h1>/);
  // The CSP forbids inline styles and scripts: the copy must need neither. The page's one
  // inline script, the language script, is allowed by its hash in the policy, and only so.
  assert.doesNotMatch(html, /\sstyle="/, 'no style attribute');
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([^<]*)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one inline script');
  const hash = crypto.createHash('sha256').update(inline[0]).digest('base64');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(policy, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/=]/g, '\\$&')}' 'wasm-unsafe-eval';`));
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

test('the live profile is drawn out of sight group by group, and takes the page over only whole', async () => {
  const p = await open(env, { width: 390, height: 844 });
  // Before any script: note what the hidden app holds each time it changes, and at the moment
  // the copy goes.
  await p.page.addInitScript(() => {
    const seen = { batches: [], atTakeOver: null };
    window.__drawn = seen;
    const what = (app) => ({
      groups: [...app.querySelectorAll('.barometer-group')].map((g) => g.dataset.group),
      rows: app.querySelectorAll('tbody.indicator').length,
      themes: app.querySelectorAll('.themes').length,
      population: app.querySelectorAll('.population').length,
      hidden: app.hidden,
    });
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (!app) return;
      const now = what(app);
      const last = seen.batches.at(-1);
      if (!last || last.groups.length !== now.groups.length) seen.batches.push(now);
      if (!seen.atTakeOver && !document.getElementById('prerendered')) seen.atTakeOver = now;
    }).observe(document, { subtree: true, childList: true });
  });
  await p.page.goto(`${env.url}/kommune/0301`);
  await p.page.waitForFunction(() => window.__drawn.atTakeOver, null, { timeout: 20000 });
  const { batches, atTakeOver } = await p.page.evaluate(() => window.__drawn);
  // The copy went only once the app held everything it shows.
  assert.deepEqual(
    { rows: atTakeOver.rows, themes: atTakeOver.themes, population: atTakeOver.population, hidden: atTakeOver.hidden },
    { rows: ROWS, themes: 1, population: 1, hidden: false },
  );
  const groups = atTakeOver.groups;
  assert.equal(groups.length, 5, `the five groups: ${groups}`);
  // One group more each time: each drawn in a task of its own, in the barometer's order, while
  // the app was out of sight.
  const growing = batches.filter((b) => b.groups.length > 0);
  assert.deepEqual(growing.map((b) => b.groups), groups.map((_, i) => groups.slice(0, i + 1)));
  assert.ok(growing.slice(0, -1).every((b) => b.hidden), 'drawn out of sight');
  p.check();
  await p.close();
});

// The pages that are not an area's (#15): the front page, «Om tallene» and the 404 page are
// prerendered too, and nothing moves when the app takes them over.

/** The sum of the page's layout shifts so far (not those right after input), as CLS counts. */
const layoutShift = (page) => page.evaluate(() => new Promise((resolve) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve(sum), 300);
}));

/** What each page must hold as served, before any script runs. */
const STATIC = [
  ['/', 200, async (page) => {
    assert.equal(await page.locator('main h1').innerText(), 'Oppvekstprofil');
    assert.equal(await page.locator('main #home-search-input').count(), 1, 'the search');
    assert.equal(await page.locator('.browse details').count(), 15, 'a list for every fylke');
    return page.locator('main').innerText();
  }],
  ['/om', 200, async (page) => {
    assert.equal(await page.locator('main h1').innerText(), 'Om tallene');
    assert.ok(await page.locator('table.indicator-sources tbody tr').count() >= 30, 'every indicator\'s source');
    return page.locator('main').innerText();
  }],
  ['/finnes-ikke', 404, async (page) => {
    assert.equal(await page.locator('[data-error=not-found] h1').innerText(), 'Fant ikke siden');
    return page.locator('main').innerText();
  }],
  // A retired number (#15: old links and documents): its own page, with what became of it
  // from the first paint, over the first screen of today's area's profile (its name, tabs,
  // demodata notice and key sentences) and a link to it; the app draws the whole profile
  // under the same line.
  ['/kommune/1201', 200, async (page) => {
    const notice = plain(await page.locator('main .retired-notice').innerText());
    assert.equal(notice, 'Kommunenummer 1201 ble til 4601 Bergen i 2020.');
    if (await page.locator('#prerendered').count() === 1) {
      assert.equal(await page.locator('main a').last().evaluate((a) => `${a.getAttribute('href')} ${a.textContent}`), '/kommune/4601 4601 Bergen');
      assert.equal(await page.locator('main tbody.indicator').count(), 0, 'no barometer in the copy');
    } else {
      await page.waitForSelector('article.profile tbody.indicator', { timeout: 20000 });
    }
    const top = await page.locator('article.profile').evaluate((a) => [
      a.querySelector('h1').textContent,
      [...a.querySelectorAll('.explore-nav a')].map((t) => t.getAttribute('href')).join(' '),
      [...a.querySelectorAll('.key-sentences li')].map((li) => li.textContent).join(' | '),
    ]);
    assert.equal(top[0], 'Bergen');
    assert.match(top[1], /\/kommune\/4601\/utvikling/);
    assert.ok(top[2].length > 100, `the key sentences: ${top[2]}`);
    return [notice, ...top].join('\n');
  }],
  // A split one lists today's areas, in the address's language, copy and app alike.
  ['/nn/kommune/5012', 200, async (page) => {
    const split = page.locator('main section.retired');
    assert.equal(await split.locator('h1').innerText(), 'Nummer 5012 er ikkje i bruk lenger');
    assert.deepEqual(await split.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])), [
      ['/nn/kommune/5055', '5055 Heim'], ['/nn/kommune/5056', '5056 Hitra'], ['/nn/kommune/5059', '5059 Orkland'],
    ]);
    // The tab and a search engine's result say what the number became, not the number alone,
    // and the same in the copy and the app (the tab's title does not change when it takes over).
    assert.equal(await page.title(), '5012: Heim, Hitra, Orkland – Oppvekstprofil');
    return split.innerText();
  }],
  // The overview: its frame, the rug's column heads, a place for each row (the cells are the
  // app's, src/components/rug.rs says why) and each card's face. Innlandet's 46 kommuner and
  // landet.
  ['/kommune/3403/oversikt', 200, async (page) => {
    const live = await page.locator('#prerendered').count() === 0;
    if (live) await page.waitForSelector('.rug-cards > li details', { state: 'attached' });
    assert.equal(await page.locator('main h1').innerText(), 'Oversikt over alle indikatorer');
    assert.equal(await page.locator('.rug-legend li').count(), 7, 'the legend');
    assert.equal(await page.locator('table.rug thead th.rug-col').count(), 31, 'a column an indicator');
    assert.equal(await page.locator('table.rug tbody tr').count(), 47, 'a row for landet and each kommune');
    assert.equal(await page.locator('.rug-cards > li').count(), 46, 'a card for each kommune');
    assert.equal(await page.locator('table.rug tbody td').count(), live ? 47 * 31 : 47, live ? 'the cells' : 'no cells in the copy');
    // The text of all but the rows, which the copy only holds places for, and the cards'
    // faces: each area's name and counts (the copy's without the words for a screen reader,
    // being aria-hidden; the app's are read).
    return page.locator('article.overview-view').evaluate((a) => {
      const copy = a.cloneNode(true);
      const faces = [...copy.querySelectorAll('.rug-cards > li')].map((li) => {
        const face = li.querySelector('summary, .rug-card-copy').cloneNode(true);
        face.querySelectorAll('.vh').forEach((v) => v.remove());
        return face.textContent;
      });
      copy.querySelectorAll('tbody, .rug-cards').forEach((e) => e.remove());
      return `${copy.textContent}${faces.join('|')}`;
    });
  }],
];

for (const [route, status, holds] of STATIC) {
  test(`${route}: served with its main text (JavaScript off), and the app takes it over without a shift`, async () => {
    const still = await open(env, { javaScriptEnabled: false, allow: [/404/] });
    const res = await still.page.goto(`${env.url}${route}`, { handover: false });
    assert.equal(res.status(), status);
    await holds(still.page);
    still.check();
    await still.close();
    // What the app must say is what the copy says to a reader with JavaScript until the app
    // takes over (without it, the copy also says so and leaves out the search: the test
    // of JavaScript off below).
    const held = await open(env, { allow: [/404/] });
    const release = await holdApp(held.page);
    await held.page.goto(`${env.url}${route}`, { handover: false });
    const copy = plain(await holds(held.page));
    release();
    held.check();
    await held.close();
    for (const width of [390, 1280]) {
      const live = await open(env, { width, height: 844, allow: [/404/] });
      await live.page.goto(`${env.url}${route}`);
      assert.equal(await live.page.locator('#prerendered').count(), 0, 'the copy is gone');
      assert.equal(await live.page.locator('#app').isVisible(), true, 'the app is shown');
      // The header's search comes last: after it, the page is the app's.
      await live.page.waitForSelector('.header-search input');
      assert.equal(plain(await holds(live.page)), copy, 'the app says what the copy said');
      const cls = await layoutShift(live.page);
      assert.ok(cls <= 0.02, `${route} at ${width} px: layout shift ${cls.toFixed(3)}`);
      live.check();
      await live.close();
    }
  });
}

test('the explore views move nothing over 0,02 while the app draws them (390 px)', async () => {
  for (const view of ['utvikling?indikator=mobbing_7', 'sammenlign', 'kart', 'oversikt', 'fordeling', 'befolkning']) {
    const p = await open(env, { width: 390, height: 844 });
    await p.page.goto(`${env.url}/kommune/0301/${view}`);
    await p.page.waitForSelector('article.explore', { timeout: 20000 });
    await p.page.waitForSelector('.header-search input');
    await p.page.waitForSelector(view === 'oversikt' ? '.rug-cards > li details' : 'article.explore .chart :is(canvas, svg)', { timeout: 20000 });
    const cls = await layoutShift(p.page);
    assert.ok(cls <= 0.02, `${view}: layout shift ${cls.toFixed(3)}`);
    p.check();
    await p.close();
  }
});

test('with JavaScript off, a page says so in its language and shows no control that could not work: no picker whose choice the static page would ignore, no empty chart box', async () => {
  for (const [route, says] of [
    ['/kommune/0301', /^JavaScript er slått av\. Siden viser tallene/],
    ['/nn/kommune/4601/utvikling', /^JavaScript er slått av\. Sida viser tala/],
    ['/en/kommune/0301/sammenlign', /^JavaScript is off\. The page shows its figures/],
    ['/kommune/0301/fordeling', /^JavaScript er slått av/],
    ['/kommune/3403/oversikt', /^JavaScript er slått av/],
    ['/', /^JavaScript er slått av/],
  ]) {
    const still = await open(env, { javaScriptEnabled: false, width: 390, height: 844 });
    await still.page.goto(`${env.url}${route}`, { handover: false });
    const seen = await still.page.evaluate(() => {
      const visible = (e) => e.checkVisibility();
      return {
        notes: [...document.querySelectorAll('.noscript-note')].filter(visible).map((e) => e.innerText),
        // The page template's two-language line, for a page without a copy.
        template: [...document.querySelectorAll('body > noscript')].some(visible),
        controls: [...document.querySelectorAll('button, select, input, form')].filter(visible)
          .map((e) => `${e.localName}.${e.className}`),
        charts: [...document.querySelectorAll('.chart')].filter(visible).length,
        // The overview's copy holds only places for the table's rows, which the app fills.
        places: [...document.querySelectorAll('table.rug tbody tr')].filter(visible).length,
        // Its cards, for a phone, show each area's name and counts.
        cards: [...document.querySelectorAll('.rug-cards > li')].filter(visible).map((e) => e.innerText.replace(/\s+/g, ' ').trim()),
        toggles: [...document.querySelectorAll('.row-toggle')].map((e) => getComputedStyle(e))
          .filter((s) => s.textDecorationLine !== 'none' || s.pointerEvents !== 'none').length,
        tables: document.querySelectorAll('main table').length,
      };
    });
    assert.equal(seen.notes.length, 1, `${route}: one note`);
    assert.match(seen.notes[0], says, route);
    assert.equal(seen.template, false, `${route}: not the template's line besides`);
    // The barometer's rows are buttons in the app; here they read as plain text.
    assert.deepEqual(seen.controls.filter((c) => c !== 'button.row-toggle'), [], `${route}: no control that needs the app`);
    assert.equal(seen.toggles, 0, `${route}: the rows' names are not links`);
    assert.equal(seen.charts, 0, `${route}: no chart box that never fills`);
    assert.equal(seen.places, 0, `${route}: no empty row`);
    if (route.endsWith('/oversikt')) {
      assert.ok(seen.cards.length > 5, `${route}: the cards: ${seen.cards}`);
      for (const card of seen.cards) assert.match(card, /^\S.*( \d+){4}$/, `${route}: a name and four counts`);
    } else assert.deepEqual(seen.cards, [], route);
    if (route !== '/') assert.ok(seen.tables > 0, `${route}: the figures are there, in tables`);
    still.check();
    await still.close();
  }
});

test('what a reader typed into a copy\'s search before the app took over is kept, with the focus: the front page\'s and the header\'s, which stands where the app\'s will', async () => {
  for (const [path, id, name] of [
    ['/', 'home-search', 'Bergen'],
    ['/kommune/0301', 'header-search', 'Bergen'],
    ['/nn/kommune/4602/utvikling', 'header-search', 'Tromsø'],
  ]) {
    // The app waits until the reader has typed.
    const { p, release } = await openHeld(path, { width: 390, height: 844 });
    const copy = p.page.locator(`#prerendered #${id}-input`);
    assert.ok(await copy.isVisible(), `${path}: the copy has the search`);
    const before = await copy.boundingBox();
    await copy.fill(name);
    assert.equal(await p.page.locator('#prerendered').count(), 1, `${path}: typed into the copy`);
    release();
    await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
    const search = p.page.locator(`#${id}-input`);
    assert.equal(await search.inputValue(), name, `${path}: the text went over`);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), `${id}-input`, `${path}: so did the focus`);
    assert.deepEqual(await search.boundingBox(), before, `${path}: the app's search stands where the copy's stood`);
    await p.page.waitForSelector(`#${id}-list li`);
    assert.match(await p.page.locator(`#${id}-list li`).first().innerText(), new RegExp(name));
    p.check();
    await p.close();
  }
});

test('what a reader chose in a view\'s pickers on the copy, not yet applied, is in the app\'s, with the focus, and its button applies it', async () => {
  const { p, release } = await openHeld('/kommune/0301/utvikling', { width: 390, height: 844 });
  const select = (within, id) => p.page.locator(`${within} #${id}`);
  // The first area the copy offers to add, and an indicator that is not the one shown.
  const added = await select('#prerendered', 'trend-add').evaluate((s) => [...s.options].find((o) => o.value)?.value);
  assert.ok(added, 'the copy offers areas to add');
  await select('#prerendered', 'trend-indicator').selectOption('mobbing_7');
  await select('#prerendered', 'trend-add').selectOption(added);
  await select('#prerendered', 'trend-add').focus();
  release();
  await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  assert.equal(await select('#app', 'trend-indicator').inputValue(), 'mobbing_7', 'the indicator went over');
  assert.equal(await select('#app', 'trend-add').inputValue(), added, 'so did the area');
  assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'trend-add', 'and the focus');
  // Not applied until the reader says so: the view still shows what its address says.
  assert.equal(new URL(p.page.url()).search, '');
  await p.page.locator('#app form.picker-group button[type=submit]').click();
  await p.page.waitForURL((u) => u.searchParams.get('indikator') === 'mobbing_7' && u.search.includes(added));
  p.check();
  await p.close();
});

test('rows a reader opened on a profile\'s copy before the app took over answer at once, and are open in the app, with the focus on the same button', async () => {
  const { p, release } = await openHeld('/nn/kommune/4602', { width: 390, height: 844 });
  const toggles = p.page.locator('#prerendered tbody.indicator .row-toggle');
  const ids = await p.page.locator('#prerendered tbody.indicator').evaluateAll((rows) => rows.map((r) => r.dataset.indicator));
  assert.ok(ids.length > 20, `the copy's rows: ${ids}`);
  // Opened, opened and closed again, opened: the last one with the focus (a tap, then a key).
  await toggles.nth(0).click();
  await toggles.nth(2).click();
  await toggles.nth(2).click();
  await toggles.nth(4).focus();
  await p.page.keyboard.press('Enter');
  const shown = (within) => p.page.locator(`${within} tbody.indicator`).evaluateAll((rows) => rows
    .map((r) => [r.dataset.indicator, r.querySelector('.row-toggle').getAttribute('aria-expanded'), !r.querySelector('tr.detail').hidden, r.querySelector('tr.detail').innerText.trim()]));
  const copy = await shown('#prerendered');
  assert.deepEqual(copy.filter(([, expanded]) => expanded === 'true').map(([id]) => id), [ids[0], ids[4]], 'the copy answered each tap');
  for (const [id, expanded, visible, text] of copy) {
    if (expanded === 'true') assert.deepEqual([visible, text], [true, 'Lastar inn …'], `${id}: open, waiting for its details, in nynorsk`);
    else assert.deepEqual([visible, text], [false, ''], `${id}: closed`);
  }
  assert.equal(await p.page.locator('#prerendered').count(), 1, 'still the copy');
  release();
  await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  await p.page.locator('tbody.indicator.open .row-detail dl').first().waitFor({ timeout: 20000 });
  const app = await shown('#app');
  assert.deepEqual(app.filter(([, expanded]) => expanded === 'true').map(([id]) => id), [ids[0], ids[4]], 'the same rows are open in the app');
  for (const [id, expanded, visible, text] of app.filter(([, e]) => e === 'true')) {
    assert.ok(visible, `${id}: its details show`);
    assert.match(text, /Definisjon/, `${id}: the details, not the loading line`);
  }
  assert.equal(await p.page.evaluate(() => document.activeElement?.closest('tbody.indicator')?.dataset.indicator), ids[4], 'the focus is on the same button');
  assert.equal(await p.page.evaluate(() => document.activeElement?.classList.contains('row-toggle')), true);
  // The app's buttons work on from there: the focused one closes its row.
  await p.page.keyboard.press('Enter');
  assert.equal(await p.page.locator(`tbody.indicator[data-indicator="${ids[4]}"] .row-toggle`).getAttribute('aria-expanded'), 'false');
  p.check();
  await p.close();
});

test('the barometer\'s «only what stands out» answers on the copy: as the address asks from the first paint, and a tick before the app came is the app\'s, in the address, with the focus', async () => {
  const visible = (within) => p.page.locator(`${within} tbody.indicator`).evaluateAll((rows) => rows.filter((r) => r.offsetParent).map((r) => r.dataset.mark));
  const stands = (mark) => ['better', 'worse', 'higher', 'lower'].includes(mark);
  // A shared link asking for the filter: the copy shows only the rows that stand out, as the
  // app then does, and its box is ticked.
  let { p, release } = await openHeld('/kommune/0301?utvalg=skiller', { width: 390, height: 844 });
  const box = (within) => p.page.locator(`${within} .outstanding-filter input`);
  const copyRows = await visible('#prerendered');
  assert.ok(copyRows.length > 0 && copyRows.length < 31 && copyRows.every(stands), `the copy's rows: ${copyRows}`);
  assert.equal(await box('#prerendered').isChecked(), true);
  release();
  await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  assert.deepEqual(await visible('#app'), copyRows, 'the app shows the same rows');
  assert.equal(await box('#app').isChecked(), true);
  p.check();
  await p.close();
  // A reader ticks the box on the copy, by keyboard: the rows go at once, and the address says so.
  ({ p, release } = await openHeld('/nn/kommune/4602', { width: 390, height: 844 }));
  assert.equal((await visible('#prerendered')).length, 31);
  await box('#prerendered').focus();
  await p.page.keyboard.press('Space');
  const ticked = await visible('#prerendered');
  assert.ok(ticked.length < 31 && ticked.every(stands), `the copy's rows once ticked: ${ticked}`);
  assert.equal(new URL(p.page.url()).search, '?utvalg=skiller');
  release();
  await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  assert.deepEqual(await visible('#app'), ticked, 'the app keeps the choice');
  assert.equal(await box('#app').isChecked(), true);
  assert.equal(await p.page.evaluate(() => document.activeElement?.closest('.outstanding-filter') !== null), true, 'the focus is on the app\'s box');
  assert.equal(new URL(p.page.url()).search, '?utvalg=skiller');
  // And the app's box works on from there: unticked, every row, and an address without it.
  await p.page.keyboard.press('Space');
  await p.page.waitForFunction(() => [...document.querySelectorAll('tbody.indicator')].filter((r) => r.offsetParent).length === 31);
  assert.equal(new URL(p.page.url()).search, '');
  p.check();
  await p.close();
});

test('a button only the app answers, pressed on the copy before the app came, says it waits and is pressed by the app: the last one pressed, with the focus', async () => {
  // A download: the file comes once the app is there.
  let { p, release } = await openHeld('/kommune/0301', { width: 390, height: 844 });
  const csv = p.page.locator('#prerendered button[data-csv="excel"]');
  await csv.click();
  assert.equal(await csv.getAttribute('aria-busy'), 'true', 'the button says it waits');
  assert.match(await csv.evaluate((b) => getComputedStyle(b, '::after').content), /…/);
  const download = p.page.waitForEvent('download', { timeout: 20000 });
  release();
  const file = await download;
  assert.match(file.suggestedFilename(), /^oppvekstprofil_0301_oslo_\d{4}\.csv$/);
  assert.equal(await p.page.evaluate(() => document.activeElement?.dataset.csv), 'excel', 'the focus is on the app\'s button');
  p.check();
  await p.close();
  // Two buttons: only the last is pressed (the embed dialog opens, no file comes), in nynorsk.
  ({ p, release } = await openHeld('/nn/kommune/4602', { width: 390, height: 844 }));
  let downloads = 0;
  p.page.on('download', () => downloads++);
  await p.page.locator('#prerendered button[data-csv="plain"]').click();
  await p.page.locator('#prerendered button[aria-haspopup="dialog"]').click();
  assert.deepEqual(await p.page.locator('#prerendered [aria-busy="true"]').evaluateAll((bs) => bs.map((b) => b.textContent.trim())), ['Bygg inn']);
  release();
  const dialog = p.page.getByRole('dialog', { name: 'Bygg inn på eigne nettsider' });
  await dialog.waitFor({ timeout: 20000 });
  assert.ok(await dialog.isVisible());
  assert.equal(await p.page.locator('[aria-busy="true"]').count(), 0, 'no button waits in the app');
  assert.equal(downloads, 0, 'the first press was let go');
  p.check();
  await p.close();
});

test('on an area\'s address the 404 page answers (an old number\'s view, a number no area has), its copy never says «Fant ikke siden» before the app says what the address is', async () => {
  for (const [path, then] of [
    ['/kommune/1201/kart?indikator=mobbing_10', '.retired-notice'],
    ['/kommune/9997', '[role=alert][data-error="unknown-area"]'],
    ['/finnes-ikke', null],
  ]) {
    const { p, release } = await openHeld(path, { width: 390, height: 844, allow: [/404/] });
    const notFound = p.page.locator('#prerendered [data-error=not-found] h1');
    const loading = p.page.locator('#prerendered .stale-loading');
    if (then) {
      assert.equal(await notFound.isVisible(), false, `${path}: no «Fant ikke siden»`);
      assert.equal(await loading.isVisible(), true, `${path}: «Laster inn …» instead`);
      release();
      await p.page.locator(then).waitFor({ timeout: 20000 });
      assert.equal(await p.page.getByText('Fant ikke siden').count(), 0, `${path}: nor after`);
    } else {
      // An address that is no area's: the copy says so from the first paint.
      assert.equal(await notFound.innerText(), 'Fant ikke siden');
      assert.equal(await loading.isVisible(), false);
      release();
    }
    p.check();
    await p.close();
  }
});

test('the 404 page on a /nn/ or /en/ address paints its copy in that language before the app, never bokmål nor a blank page, and the app takes it over without a shift', async () => {
  for (const [path, says, loading] of [
    ['/en/no-such-page', 'Page not found', null],
    ['/nn/finst/ikkje', 'Fann ikkje sida', null],
    // An area's address: the app says what it is; meanwhile the copy waits, in English.
    ['/en/kommune/1201/kart', null, 'Loading …'],
  ]) {
    const { p, release } = await openHeld(path, { width: 390, height: 844, allow: [/404/] });
    const copy = p.page.locator('#prerendered');
    assert.equal(await copy.getAttribute('lang'), path.slice(1, 3), `${path}: the copy in the address's language`);
    assert.ok(await copy.locator('.site-header').isVisible(), `${path}: its header shows`);
    if (says) assert.equal(await copy.locator('[data-error=not-found] h1').innerText(), says);
    else assert.equal(await copy.locator('.stale-loading').innerText(), loading);
    assert.equal(await p.page.getByText(/Fant ikke siden|Laster inn/).count(), 0, `${path}: no bokmål`);
    release();
    await p.page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
    await p.page.locator(says ? '[data-error=not-found] h1' : '.retired-notice').waitFor({ timeout: 20000 });
    if (says) {
      assert.equal(await p.page.locator('[data-error=not-found] h1').innerText(), says);
      const cls = await layoutShift(p.page);
      assert.ok(cls <= 0.02, `${path}: layout shift ${cls.toFixed(3)}`);
    }
    p.check();
    await p.close();
  }
});

test('a page served for another address drops its copy (the front page for a view, as an offline cache or a catch-all host does)', async () => {
  const p = await open(env);
  const front = await (await fetch(`${env.url}/`)).text();
  await p.page.route((u) => u.pathname === '/kommune/0301/utvikling', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: front }));
  await p.page.goto(`${env.url}/kommune/0301/utvikling`);
  await p.page.waitForSelector('article.trend-view', { timeout: 20000 });
  assert.equal(await p.page.locator('#prerendered').count(), 0, 'the front page\'s copy is gone');
  assert.equal(await p.page.locator('section.intro').count(), 0, 'no front page under the view');
  assert.ok(await p.page.locator('article.trend-view').isVisible());
  p.check();
  await p.close();
});

test('a page\'s data is on its way while the wasm loads: preloaded after the first paint as the app fetches it, each file asked for once', async () => {
  for (const [route, extra] of [['/bydel/030115', []], ['/nn/kommune/4601/kart', ['geometry-']]]) {
    const p = await open(env);
    const asked = [];
    p.page.on('request', (r) => { if (r.url().includes('/data/')) asked.push(new URL(r.url()).pathname); });
    await p.page.goto(`${env.url}${route}`);
    await p.page.waitForSelector('main h1', { timeout: 20000 });
    const html = await (await fetch(`${env.url}${route}`)).text();
    const preloads = html.match(/<meta name="oppvekst-preload" content="([^"]+)" \/>/)[1].split(' ');
    assert.doesNotMatch(html, /<link rel="preload"/, 'nothing fetched before the first paint but the page\'s own files');
    // The manifest by the page's own name, the context, the area's, its kommune's (a bydel)
    // and landet's bundles; the map's shapes on a map.
    assert.ok(preloads.some((f) => /^\/data\/manifest-[0-9a-f]+\.json$/.test(f)), `${route}: ${preloads}`);
    // The context of the page's language alone.
    const lang = route.match(/^\/(nn|en)\//)?.[1] ?? 'nb';
    assert.deepEqual(preloads.filter((f) => f.startsWith('/data/context-')).map((f) => f.slice(14, 16)), [lang], `${route}: ${preloads}`);
    const area = route.match(/(\d{4,6})/)[1];
    for (const code of [area, area.slice(0, 4), '0']) {
      assert.ok(preloads.some((f) => f.startsWith(`/data/area/${code}-`)), `${route}: the bundle of ${code} in ${preloads}`);
    }
    for (const part of extra) assert.ok(preloads.some((f) => f.includes(part)), `${route}: ${part} in ${preloads}`);
    const timing = await p.page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, by: e.initiatorType })));
    const wasm = timing.find((e) => e.path.endsWith('_bg.wasm'));
    // The app's download starts once the first paint is on the screen, not in the frame that
    // paints it: what starts before is, to the browser and to Lighthouse, needed for that paint.
    const fcp = await p.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    assert.ok(fcp > 0 && wasm.start >= fcp, `${route}: the wasm started at ${wasm.start} ms, the first paint at ${fcp} ms`);
    for (const file of preloads) {
      // Asked for once: the app's fetch took the preload's answer instead of asking again.
      assert.equal(asked.filter((a) => a === file).length, 1, `${route}: ${file} asked for ${asked.filter((a) => a === file).length} times`);
      const entry = timing.find((e) => e.path === file);
      assert.equal(entry?.by, 'link', `${route}: ${file} came by the preload`);
      assert.ok(entry.start < wasm.end, `${route}: ${file} started (${entry.start} ms) while the wasm loaded (until ${wasm.end} ms)`);
    }
    p.check();
    await p.close();
  }
});

test('the comparison and the map as they open are served drawn: the figures\' table, the chart\'s box at its size', async () => {
  for (const [route, figures] of [['/kommune/4601/sammenlign', 'table'], ['/bydel/030101/kart', 'figure']]) {
    // As served, with the app held back (without JavaScript the box is not drawn at all).
    const { p: still, release } = await openHeld(route, { width: 390, height: 844 });
    assert.equal(await still.page.getAttribute('#prerendered', 'data-path'), route);
    const copy = {
      h1: await still.page.locator('main h1').innerText(),
      box: await still.page.locator('article.explore .chart').boundingBox(),
      rows: await still.page.locator(`article.explore ${figures} tbody tr`).allInnerTexts(),
    };
    release();
    still.check();
    await still.close();
    const live = await open(env, { width: 390, height: 844 });
    await live.page.goto(`${env.url}${route}`);
    await live.page.waitForSelector('article.explore .chart :is(canvas, svg)', { timeout: 20000 });
    assert.equal(await live.page.locator('#prerendered').count(), 0);
    assert.equal(await live.page.locator('main h1').innerText(), copy.h1);
    assert.deepEqual(await live.page.locator('article.explore .chart').boundingBox(), copy.box, `${route}: the chart's box`);
    assert.deepEqual(await live.page.locator(`article.explore ${figures} tbody tr`).allInnerTexts(), copy.rows, `${route}: the figures`);
    live.check();
    await live.close();
  }
});

/** Holds the app back (its wasm) until `release` is called. */
async function holdApp(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** Opens `path` with the app held back (`holdApp`): the page as served, with the boot's work. */
async function openHeld(path, viewport) {
  const p = await open(env, viewport);
  const release = await holdApp(p.page);
  await p.page.goto(`${env.url}${path}`, { handover: false });
  return { p, release };
}

/** Lets the held app load, and waits until it has taken the page over and drawn its chart. */
async function handOver(page, release) {
  release();
  await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
  await page.waitForSelector('article.explore .chart :is(canvas, svg)', { timeout: 20000 });
}

/** Where the parts of a view's top are, and what its lead and caption say. */
const topOf = (page, within) => page.evaluate((within) => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
  const main = document.querySelector(`${within} main`);
  return {
    lead: main.querySelector('.lead').textContent,
    caption: main.querySelector('figcaption').textContent,
    boxes: ['h1', '.explore-nav', '.lead', '.demodata', 'figcaption', '.chart'].map((s) => box(main.querySelector(s))),
  };
}, within);

// A shared link's page shows the copy's top once the boot script's stand-in has run, in a paint
// after the first: that paint is the page's largest, and a download started before it was, to
// the browser and to Lighthouse, part of what it needed (its LCP went from 0,94 to 1,53 s).
test('on a stand-in page the app\'s download starts after the copy\'s largest paint, not only after the first', async () => {
  for (const route of ['/kommune/4601/sammenlign?indikator=mobbing_7&sett=fylke', '/kommune/0301/utvikling?indikator=mobbing_7']) {
    const p = await open(env, { width: 390, height: 844 });
    await p.page.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp.push({ copy: !!e.element?.closest('#prerendered'), at: e.startTime });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await p.page.goto(`${env.url}${route}`);
    const { lcp, wasm, standin } = await p.page.evaluate(() => ({
      lcp: window.__lcp.filter((e) => e.copy).map((e) => e.at),
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'))?.startTime,
      standin: document.documentElement.hasAttribute('data-standin'),
    }));
    assert.ok(standin, `${route} is a stand-in`);
    assert.ok(lcp.length > 0 && wasm > 0, `${route}: ${JSON.stringify({ lcp, wasm })}`);
    assert.ok(wasm >= Math.max(...lcp), `${route}: the wasm started at ${wasm} ms, the copy's largest paint was at ${Math.max(...lcp)} ms`);
    p.check();
    await p.close();
  }
});

test('an address with another indicator shows the copy\'s top renamed for it at once, never the copy\'s figures, and the app\'s own lands on it', async () => {
  const p = await open(env, { width: 390, height: 844 });
  await p.page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ copy: !!e.element?.closest('#prerendered'), text: e.element?.textContent });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const release = await holdApp(p.page);
  await p.page.goto(`${env.url}/kommune/0301/utvikling?indikator=mobbing_7`, { handover: false });
  const copy = p.page.locator('#prerendered main');
  await p.page.waitForFunction(() => document.documentElement.hasAttribute('data-standin'));
  // What holds for mobbing_7 shows, in its name: the heading, the tabs, the lead, the caption,
  // and the demodata notice, since its figures are modelled (barn_0_17's are not: the copy's
  // notice was hidden).
  assert.equal(await copy.locator('h1').isVisible(), true);
  const top = await topOf(p.page, '#prerendered');
  assert.equal(top.lead, 'Mobbing på skolen, 7. trinn for Oslo, sammenlignet med andre områder.');
  assert.equal(top.caption, 'Mobbing på skolen, 7. trinn: Oslo, Oslo (fylke), Hele landet');
  assert.equal(await copy.locator('.demodata').isVisible(), true, 'the figures asked for are modelled');
  assert.match(await copy.locator('.explore-nav a', { hasText: 'Kart' }).getAttribute('href'), /^\/kommune\/0301\/kart\?indikator=mobbing_7$/);
  assert.equal(await copy.locator('#trend-indicator').inputValue(), 'mobbing_7');
  // No figure of barn_0_17's: the chart, its table, the trend sentence are unseen; no loading line.
  for (const hidden of ['.chart', 'details', '.trend-test', '.chart-source', 'form', '.stale-loading']) {
    assert.equal(await copy.locator(hidden).first().isVisible(), false, hidden);
  }
  const seen = await copy.evaluate((m) => m.innerText);
  assert.doesNotMatch(seen, /Barn i befolkningen|%|\d,\d|Signifikant/, seen);
  await handOver(p.page, release);
  // The app says the same at the same places: nothing moved.
  assert.deepEqual(await topOf(p.page, 'body'), top);
  assert.equal(await p.page.locator('#trend-indicator').inputValue(), 'mobbing_7');
  // The largest text the reader saw first was the copy's: the app's, drawn later, is no larger.
  const lcp = await p.page.evaluate(() => window.__lcp);
  assert.deepEqual(lcp.at(-1), { copy: true, text: top.caption }, JSON.stringify(lcp));
  p.check();
  await p.close();
});

test('the breakdown, the map and the comparison stand in too, and for other sets, scopes, orders and areas: the lead in the asked indicator\'s name where the app then draws it, the figures unseen', async () => {
  for (const [path, lead] of [
    ['/kommune/0301/fordeling?indikator=mobbing_7', 'Mobbing på skolen, 7. trinn i Oslo, fordelt på kategorier og sammenlignet med samme kategori i landet.'],
    ['/kommune/4602/kart?indikator=mobbing_10&utsnitt=land', /^Mobbing på skolen, 10\. trinn i hvert område/],
    ['/kommune/0301/sammenlign?sorter=navn', /^Barn i befolkningen i hvert område\. Fargen viser/],
    ['/kommune/4601/sammenlign?indikator=mobbing_7&sett=fylke', /^Mobbing på skolen, 7\. trinn i hvert område\. Fargen viser/],
    // The lead holds for other areas; the caption, which names them, waits for the app.
    ['/kommune/0301/utvikling?indikator=mobbing_7&med=4601', 'Mobbing på skolen, 7. trinn for Oslo, sammenlignet med andre områder.'],
    // Real figures for real ones: no demodata notice.
    ['/kommune/0301/kart?indikator=barn_0_5', /^Småbarn i befolkningen i hvert område/],
  ]) {
    const { p, release } = await openHeld(path, { width: 390, height: 844 });
    await p.page.waitForFunction(() => document.documentElement.hasAttribute('data-standin'));
    const copy = p.page.locator('#prerendered main');
    assert.ok(await copy.locator('h1').isVisible(), path);
    const seen = await copy.locator('.lead').innerText();
    if (typeof lead === 'string') assert.equal(seen, lead, path); else assert.match(seen, lead, path);
    // The demodata notice where the asked indicator's figures are modelled, as the app shows it.
    const demo = await copy.locator('.demodata').isVisible();
    assert.equal(demo, !seen.startsWith('Barn') && !seen.startsWith('Småbarn'), `${path}: the demodata notice`);
    for (const hidden of ['figure', 'figcaption', '.summary', 'form']) assert.equal(await copy.locator(hidden).first().isVisible(), false, `${path}: ${hidden}`);
    const box = await copy.locator('.lead').boundingBox();
    await handOver(p.page, release);
    assert.equal(await p.page.locator('main .lead').innerText(), seen, `${path}: the app's lead`);
    assert.deepEqual(await p.page.locator('main .lead').boundingBox(), box, `${path}: at the same place`);
    assert.equal(await p.page.locator('main .demodata').isVisible(), demo, `${path}: the app's notice`);
    p.check();
    await p.close();
  }
});

test('a note only for some indicators (a divided kommune\'s estimated population) is dropped from a copy standing in for another, as the app draws it', async () => {
  // Ålesund's trend opens with the children in the population, whose figures before 2024 are
  // apportioned: the copy has the note above the figure; a bullying trend has none.
  const { p, release } = await openHeld('/kommune/1508/utvikling?indikator=mobbing_7', { width: 390, height: 844 });
  await p.page.waitForFunction(() => document.documentElement.hasAttribute('data-standin'));
  assert.equal(await p.page.locator('#prerendered .apportioned').count(), 1, 'the copy has the note');
  assert.equal(await p.page.locator('#prerendered .apportioned').boundingBox(), null, 'and takes no room for it');
  const caption = p.page.locator('#prerendered figcaption');
  assert.match(await caption.innerText(), /^Mobbing på skolen, 7\. trinn: Ålesund/);
  const box = await caption.boundingBox();
  await handOver(p.page, release);
  assert.equal(await p.page.locator('.apportioned').count(), 0);
  assert.deepEqual(await p.page.locator('figcaption').first().boundingBox(), box, 'the caption stands where it stood');
  p.check();
  await p.close();
});

test('on a phone the copy\'s tabs stand scrolled to the current one as the app\'s do, so that the line does not jump when the app takes over', async () => {
  for (const path of ['/kommune/0301/kart', '/kommune/0301/fordeling?indikator=mobbing_7']) {
    const { p, release } = await openHeld(path, { width: 390, height: 844 });
    const tabs = () => p.page.evaluate(() => {
      const ul = document.querySelector('.explore-nav ul');
      return { scroll: ul.scrollLeft, current: ul.querySelector('[aria-current=page]').getBoundingClientRect().toJSON() };
    });
    const copy = await tabs();
    assert.ok(copy.scroll > 0, `${path}: the copy's line is scrolled`);
    assert.ok(copy.current.right <= 390 - 16, `${path}: its current tab is in sight: ${JSON.stringify(copy.current)}`);
    await handOver(p.page, release);
    assert.deepEqual(await tabs(), copy, `${path}: the app's line stands where the copy's stood`);
    p.check();
    await p.close();
  }
});

test('an address naming what the copy shows (the tabs\' `?indikator=` of the view as it opens) is the copy\'s page', async () => {
  for (const path of ['/kommune/0301/sammenlign?indikator=barn_0_17', '/kommune/0301/kart?indikator=barn_0_17&utsnitt=bydeler']) {
    const { p, release } = await openHeld(path);
    assert.equal(await p.page.evaluate(() => document.documentElement.hasAttribute('data-stale') || document.documentElement.hasAttribute('data-standin')), false, path);
    // The whole copy shows, figures and all.
    assert.ok(await p.page.locator('#prerendered main .chart').isVisible(), path);
    assert.ok(await p.page.locator('#prerendered main .summary').isVisible(), path);
    await handOver(p.page, release);
    p.check();
    await p.close();
  }
});

test('an address the copy cannot stand in for (an indicator it does not know) never shows the copy\'s content before the app draws its own', async () => {
  const { p, release } = await openHeld('/kommune/0301/utvikling?indikator=finnes_ikke', { width: 390, height: 844 });
  // The copy cannot say what the app will draw there: its content is unseen, the header is there.
  assert.equal(await p.page.evaluate(() => document.documentElement.hasAttribute('data-stale')), true);
  assert.equal(await p.page.locator('#prerendered main h1').isVisible(), false, 'the copy\'s content is hidden');
  assert.equal(await p.page.locator('#prerendered .site-header').isVisible(), true, 'the header is not');
  assert.equal(await p.page.locator('#prerendered .stale-loading').isVisible(), true, 'a loading line, not an empty page');
  await handOver(p.page, release);
  assert.ok(await p.page.locator('main h1').isVisible());
  assert.equal(await p.page.locator('.stale-loading').isVisible(), false, 'the live app has no such line');
  p.check();
  await p.close();
});
