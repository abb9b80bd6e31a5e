// `./x bench`: performance figures, not pass/fail (timings are noisy on a shared machine).
// Serves dist/ with brotli like a real host, then measures in headless Chromium:
//  - time from navigation to a fully rendered barometer (every indicator row present), on
//    desktop and under Lighthouse's mobile settings (Slow 4G: 150 ms RTT, 1,6 Mbit/s down,
//    750 kbit/s up; 4× CPU slowdown), as the median of RUNS runs each;
//  - the latency of switching area and of switching language (in-app navigation);
//  - the time until the live app has taken over from the page's prerendered copy;
//  - the largest contentful paint of those loads, as the browser reports it under that
//    throttling: Lighthouse's LCP is a simulation from an unthrottled load, which counts every
//    file that finished before the paint there (a wasm started before the paint would be one),
//    so that the two can differ by more than a second;
//  - the statistics core's full pass in wasm (bench_full_pass, exported by the whole app);
//  - the explore views: switching the indicator on the map of all 357 kommuner (until the map
//    has the new data and a frame is drawn), and drawing the overview of all 357 kommuner
//    (switching the set from a fylke's kommuner to all, until every row is in the table and a
//    frame is drawn);
//  ONLY=explore measures the explore views alone; ONLY=profile the profiles' first loads alone.
//  - Lighthouse (tools/lighthouse.mjs): the mobile preset on every page type, the desktop one on
//    the profiles, medians of 3 (SKIP_LIGHTHOUSE=1 leaves it out).
// Writes tests/output/bench.json and prints a short table.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { startServer } from '../tests/e2e/server.mjs';
import { lighthouse, table } from './lighthouse.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const ROWS = 31;
const srv = await startServer('dist', { compress: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const PROFILES = {
  desktop: null,
  mobile: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 },
};

async function page(profile, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.latency,
      downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  return { p, context };
}

// A function, not a string: the app's CSP forbids evaluating strings.
const barometerDone = (rows) => document.querySelectorAll('tbody.indicator').length >= rows;

const appLive = () => !document.getElementById('prerendered');
const report = { runs: RUNS, time_to_barometer_ms: {}, time_to_live_app_ms: {}, largest_paint_ms: {}, switch_area_ms: {}, switch_language_ms: {}, map_switch_indicator_ms: {}, overview_all_kommuner_ms: {} };
const ONLY_EXPLORE = process.env.ONLY === 'explore';
const ONLY_PROFILE = process.env.ONLY === 'profile';

/**
 * Chooses `value` in a picker and clicks its button; resolves with the milliseconds from the
 * click until `done` (evaluated in the page after each animation frame) holds. Timed inside
 * the page, so that the harness's polling adds nothing.
 */
const pickAndTime = (p, select, value, done) => p.evaluate(([sel, v, check]) => new Promise((resolve) => {
  const s = document.querySelector(sel);
  s.value = v;
  const t = performance.now();
  // The view's one form applies every choice with its one button (fc2a01b).
  s.form.querySelector(':scope > button').click();
  const tick = () => {
    if (window[check]()) resolve(performance.now() - t);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}), [select, value, done]);
const frame = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function exploreBench(name, profile) {
  const ids = (await (async () => {
    const { p, context } = await page(null, 1280);
    await p.goto(`${srv.url}/landet/kart`);
    await p.waitForSelector('#map-indicator option', { state: 'attached' });
    const out = await p.$$eval('#map-indicator option', (os) => os.map((o) => [o.value, o.textContent]));
    await context.close();
    return out;
  })()).slice(5, 7);
  // The map of all kommuner: from the click until ECharts has drawn a frame with the new
  // indicator (its «rendered» event after the option changed).
  {
    const { p, context } = await page(profile, 1280);
    await p.goto(`${srv.url}/landet/kart?indikator=${ids[0][0]}`);
    // The live app's map, not the static copy's (which this address hides and drops).
    await p.waitForFunction(appLive, null, { timeout: 120000 });
    await p.locator('article.explore .chart').scrollIntoViewIfNeeded();
    await p.waitForSelector('article.explore .chart canvas', { timeout: 120000 });
    await p.evaluate(() => {
      const chart = window.echarts.getInstanceByDom(document.querySelector('article.explore .chart'));
      // Only cheap reads: `getOption()` deep-copies all 357 items, which the clock would
      // count as the app's work.
      window.benchFrames = 0;
      chart.on('rendered', () => { window.benchFrames += 1; });
      window.benchDrawn = () => chart.getModel().getSeriesByIndex(0)?.name;
    });
    const times = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const [id, label] = ids[(i + 1) % 2];
      await p.evaluate((l) => {
        const seen = window.benchFrames;
        window.benchMapDone = () => window.benchFrames > seen && window.benchDrawn() === l;
      }, label);
      times.push(await pickAndTime(p, '#map-indicator', id, 'benchMapDone'));
      await frame(p);
    }
    report.map_switch_indicator_ms[name] = { median: median(times), all: times };
    await context.close();
  }
  // The overview of all kommuner: from the click until the table holds all 357 and is laid
  // out (offsetHeight forces the layout before the clock stops).
  {
    const { p, context } = await page(profile, 1280);
    await p.goto(`${srv.url}/fylke/46/oversikt`);
    // The live app's rows, not the places the static copy holds for them.
    await p.waitForFunction(appLive, null, { timeout: 120000 });
    await p.waitForSelector('table.rug tbody tr[aria-rowindex]', { timeout: 120000 });
    await p.evaluate(() => {
      window.benchRugDone = () => {
        const t = document.querySelector('table.rug');
        return t?.getAttribute('aria-rowcount') === '360' && t.querySelector('tbody tr[aria-rowindex]') && t.offsetHeight > 0;
      };
      window.benchRugBack = () => document.querySelector('table.rug')?.getAttribute('aria-rowcount') !== '360';
    });
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(await pickAndTime(p, '#overview-set', 'land', 'benchRugDone'));
      await pickAndTime(p, '#overview-set', 'fylke', 'benchRugBack');
      await frame(p);
    }
    report.overview_all_kommuner_ms[name] = { median: median(times), all: times };
    await context.close();
  }
}

for (const [name, profile] of Object.entries(PROFILES)) {
  if (!ONLY_PROFILE) await exploreBench(name, profile);
  if (ONLY_EXPLORE) continue;
  for (const route of ['/kommune/0301', '/kommune/1151']) {
    const times = [];
    const live = [];
    const paints = [];
    for (let i = 0; i < RUNS; i++) {
      const { p, context } = await page(profile, name === 'mobile' ? 412 : 1280);
      await p.addInitScript(() => {
        window.benchLcp = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLcp = e.startTime; })
          .observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await p.goto(`${srv.url}${route}`, { waitUntil: 'commit' });
      await p.waitForFunction(barometerDone, ROWS, { timeout: 60000, polling: 'raf' });
      // performance.now() counts from the navigation's start.
      times.push(await p.evaluate(() => performance.now()));
      await p.waitForFunction(appLive, null, { timeout: 60000, polling: 'raf' });
      live.push(await p.evaluate(() => performance.now()));
      paints.push(await p.evaluate(() => window.benchLcp));
      await context.close();
    }
    report.time_to_barometer_ms[`${name} ${route}`] = { median: median(times), all: times };
    report.time_to_live_app_ms[`${name} ${route}`] = { median: median(live), all: live };
    report.largest_paint_ms[`${name} ${route}`] = { median: median(paints), all: paints };
  }
  if (ONLY_PROFILE) continue;
  // Switching area and language inside the app, after the first load.
  const { p, context } = await page(profile, 1280);
  await p.goto(`${srv.url}/kommune/0301`);
  await p.waitForFunction(barometerDone, ROWS, { timeout: 60000 });
  // The live app's links: the static copy's would load a whole page (and restart the clock).
  await p.waitForFunction(appLive, null, { timeout: 60000 });
  const area = [], language = [];
  for (let i = 0; i < RUNS; i++) {
    const target = i % 2 ? '/kommune/0301' : '/kommune/4601';
    const name_ = i % 2 ? 'Oslo' : 'Bergen';
    const t0 = await p.evaluate((href) => {
      // In the page's language: the language switch below alternates it.
      const lang = location.pathname.match(/^\/(nn|en)\//);
      const a = document.createElement('a'); a.href = (lang ? `/${lang[1]}` : '') + href; document.querySelector('main').append(a);
      const t = performance.now(); a.click(); a.remove(); return t;
    }, target);
    await p.waitForFunction(([n, rows]) => document.querySelector('h1')?.textContent === n
      && document.querySelectorAll('tbody.indicator').length >= rows, [name_, ROWS], { timeout: 60000 });
    area.push((await p.evaluate(() => performance.now())) - t0);
    const lang = i % 2 ? 'nb' : 'nn';
    const t1 = await p.evaluate((l) => { const t = performance.now(); document.querySelector(`.lang-switch a[hreflang="${l}"]`).click(); return t; }, lang);
    await p.waitForFunction((code) => document.documentElement.lang === code && document.querySelectorAll('tbody.indicator').length > 0, lang, { timeout: 60000 });
    language.push((await p.evaluate(() => performance.now())) - t1);
  }
  report.switch_area_ms[name] = { median: median(area), all: area };
  report.switch_language_ms[name] = { median: median(language), all: language };
  if (name === 'desktop') {
    // Exported by the whole app (src/main.rs), which an explore view loads.
    await p.goto(`${srv.url}/kommune/0301/utvikling`);
    await p.waitForFunction(() => window.wasmBindings?.bench_full_pass, null, { timeout: 60000 });
    report.stats_full_pass_wasm_ms = await p.evaluate(() => window.wasmBindings.bench_full_pass(30));
  }
  await context.close();
}
await browser.close();
if (!process.env.SKIP_LIGHTHOUSE && !ONLY_EXPLORE && !ONLY_PROFILE) report.lighthouse = await lighthouse(srv.url);
await srv.close();
fs.mkdirSync('tests/output', { recursive: true });
fs.writeFileSync('tests/output/bench.json', JSON.stringify(report, null, 2));
const f = (v) => `${Math.round(v)} ms`.padStart(9);
console.log(`median of ${RUNS} runs`);
for (const [k, v] of Object.entries(report.time_to_barometer_ms)) console.log(`time to barometer   ${k.padEnd(22)}${f(v.median)}`);
for (const [k, v] of Object.entries(report.time_to_live_app_ms)) console.log(`time to live app    ${k.padEnd(22)}${f(v.median)}`);
for (const [k, v] of Object.entries(report.largest_paint_ms)) console.log(`largest paint       ${k.padEnd(22)}${f(v.median)}`);
for (const k of Object.keys(report.switch_area_ms)) {
  console.log(`switch area         ${k.padEnd(22)}${f(report.switch_area_ms[k].median)}`);
  console.log(`switch language     ${k.padEnd(22)}${f(report.switch_language_ms[k].median)}`);
}
if (report.stats_full_pass_wasm_ms) console.log(`statistics full pass in wasm (median of 30): ${report.stats_full_pass_wasm_ms.toFixed(2)} ms`);
for (const [k, v] of Object.entries(report.map_switch_indicator_ms)) console.log(`map, 357 kommuner, switch indicator  ${k.padEnd(10)}${f(v.median)}`);
for (const [k, v] of Object.entries(report.overview_all_kommuner_ms)) console.log(`overview, 357 kommuner               ${k.padEnd(10)}${f(v.median)}`);
if (report.lighthouse) console.log(`\nLighthouse (median of ${report.lighthouse[Object.keys(report.lighthouse)[0]].runs} runs)\n${table(report.lighthouse)}`);
