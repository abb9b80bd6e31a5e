// Sharing: a chart saved as PNG and SVG with its title, source and demodata mark drawn in; the
// «Bygg inn» dialog's code and its copy to the clipboard; an embed that stays an embed when the
// reader follows a link or picks an indicator; and a page title that says what the page is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, axe, OUT } from './harness.mjs';
import { readPng, inkIn, hasColour } from './png.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function save(page, scope, kind) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`${scope} button[data-save="${kind}"]`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('a trend chart saves as a PNG of twice its size with title, chart, source and demodata drawn in', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301/utvikling?indikator=mobbing_7`);
  await page.locator('article.explore .chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('article.explore .chart svg');
  const box = await page.locator('article.explore .chart').boundingBox();
  const { name, bytes } = await save(page, 'article.explore', 'png');
  assert.equal(name, 'utvikling_0301_mobbing_7.png');
  fs.writeFileSync(path.join(OUT, name), bytes);
  const png = readPng(bytes);
  // Twice the chart's width; its height plus the title above and the two lines below.
  assert.equal(png.width, Math.round(box.width) * 2);
  assert.ok(png.height > Math.round(box.height) * 2 + 2 * 60, `height ${png.height} for a chart of ${box.height}`);
  const chartTop = png.height - 2 * Math.round(box.height) - 2 * 60;
  // Ink in the title band, in the chart and in the footer; the rest of the picture is white.
  assert.ok(inkIn(png, 0, Math.max(chartTop, 40)) > 50, 'the title is drawn');
  assert.ok(inkIn(png, chartTop, chartTop + 2 * Math.round(box.height)) > 500, 'the chart is drawn');
  const footer = [png.height - 2 * 50, png.height];
  assert.ok(inkIn(png, ...footer) > 50, 'the source and the demodata mark are drawn');
  assert.ok(hasColour(png, ...footer, [0x8a, 0x3b, 0x00]), 'the demodata mark in its colour');
  const [r, g, b] = png.pixel(1, 1);
  assert.deepEqual([r, g, b], [255, 255, 255], 'a white background, not a transparent one');
  p.check();
  await p.close();
});

test('a picture asked for before ECharts has come is saved once the chart is drawn, not dropped', async () => {
  const p = await open(env);
  const page = p.page;
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/vendor\/echarts\.js/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.url}/kommune/0301/utvikling?indikator=mobbing_7`);
  await page.locator('article.explore .chart').scrollIntoViewIfNeeded();
  let downloads = 0;
  page.on('download', () => downloads++);
  const download = page.waitForEvent('download', { timeout: 20000 });
  await page.locator('article.explore button[data-save="png"]').click();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('article.explore .chart svg').count(), 0, 'no chart yet');
  assert.equal(downloads, 0, 'nothing to save yet');
  release();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'utvikling_0301_mobbing_7.png');
  assert.ok(fs.statSync(await file.path()).size > 10000, 'a picture of the chart');
  await page.waitForTimeout(300);
  assert.equal(downloads, 1, 'once');
  p.check();
  await p.close();
});

test('the map saves as SVG with the map, its title, source and demodata mark as text', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/fylke/46/kart?indikator=mobbing_7`);
  await page.locator('article.explore .chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('article.explore .chart canvas');
  const caption = (await page.locator('article.explore figcaption').first().textContent()).trim();
  const { name, bytes } = await save(page, 'article.explore', 'svg');
  assert.equal(name, 'kart_46_mobbing_7_fylke.svg');
  const svg = bytes.toString('utf8');
  fs.writeFileSync(path.join(OUT, name), svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  assert.ok(text.replace(/&amp;/g, '&').includes(caption.split(':')[0]), `the title «${caption}» in ${text}`);
  assert.ok(text.includes('Kilde: '), 'the source line');
  assert.ok(text.includes('DEMODATA'), 'the demodata mark');
  // The map itself: one path per kommune of Vestland at least.
  const paths = (svg.match(/<path /g) ?? []).length;
  assert.ok(paths >= 43, `${paths} paths`);
  p.check();
  await p.close();
});

test('«Bygg inn» gives a titled iframe of the page as it is, copies it, and closes with Escape', async () => {
  const p = await open(env);
  const { page, context } = p;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const where = '/kommune/4601/sammenlign?indikator=mobbing_7&sett=like&lang=nn';
  await page.goto(`${env.url}${where}`);
  await page.waitForSelector('article.explore .chart svg');
  const title = await page.title();
  assert.equal(title, 'Samanlikn område: Bergen – Oppvekstprofil');
  const opener = page.getByRole('button', { name: 'Bygg inn' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Bygg inn på eigne nettsider' });
  assert.ok(await dialog.isVisible());
  const code = await page.locator('#embed-code').inputValue();
  const src = `${env.url}/nn/kommune/4601/sammenlign?embed=1&amp;indikator=mobbing_7&amp;sett=like`;
  assert.equal(code, `<iframe src="${src}" title="${title}" data-oppvekst loading="lazy" style="width: 100%; height: 800px; border: 0"></iframe>\n<script src="${env.url}/embed.js" defer></script>`);
  await axe(page, ['minor', 'moderate', 'serious', 'critical']);
  await dialog.getByRole('button', { name: 'Kopier koden' }).click();
  await page.waitForFunction(() => document.querySelector('.embed-dialog [role=status]')?.textContent.includes('kopiert'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bygg inn', 'the focus is back on the button');
  // The link, without embed.
  await page.getByRole('button', { name: 'Kopier lenka' }).click();
  await page.waitForFunction(() => document.querySelector('.share > [role=status]')?.textContent.includes('kopiert'));
  // The older link's `lang=nn` has become the path form.
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.url}/nn/kommune/4601/sammenlign?indikator=mobbing_7&sett=like`);
  p.check();
  await p.close();
});

test('«Bygg inn» offers the figure or a card for a view and the barometer or a card for a profile, with a preview of each', async () => {
  const p = await open(env, { width: 390, height: 844 });
  const { page } = p;
  await page.goto(`${env.url}/nn/kommune/0301/utvikling?indikator=mobbing_7`);
  await page.waitForSelector('article.explore .chart svg');
  const title = await page.title();
  await page.getByRole('button', { name: 'Bygg inn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bygg inn på eigne nettsider' });
  const kinds = dialog.getByRole('group', { name: 'Kva vil du byggje inn?' }).getByRole('radio');
  assert.deepEqual(await kinds.evaluateAll((rs) => rs.map((r) => [r.value, r.checked])),
    [['1', true], ['figur', false], ['kort', false]]);
  const preview = () => page.locator('iframe.embed-preview').getAttribute('src');
  assert.equal(await preview(), '/nn/kommune/0301/utvikling?embed=1&indikator=mobbing_7');
  // The figure alone, by keyboard: the code and the preview follow the choice.
  await dialog.getByRole('radio', { name: 'Berre figuren' }).focus();
  await page.keyboard.press('Space');
  const code = await page.locator('#embed-code').inputValue();
  // Titled after what the frame shows: the part, then the page.
  assert.equal(code, `<iframe src="${env.url}/nn/kommune/0301/utvikling?embed=figur&amp;indikator=mobbing_7" title="Figur: ${title}" data-oppvekst loading="lazy" style="width: 100%; height: 520px; border: 0"></iframe>\n<script src="${env.url}/embed.js" defer></script>`);
  assert.equal(await preview(), '/nn/kommune/0301/utvikling?embed=figur&indikator=mobbing_7');
  const frame = page.frameLocator('iframe.embed-preview');
  // Its chart draws when it nears the screen.
  await page.locator('iframe.embed-preview').scrollIntoViewIfNeeded();
  await frame.locator('figure .chart svg').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('.explore-nav').isVisible(), false);
  assert.equal(await frame.locator('form').first().isVisible(), false);
  assert.equal(await frame.locator('figcaption').first().isVisible(), true);
  // A card is the area's profile.
  await dialog.getByRole('radio', { name: /Eit kort/ }).check();
  assert.equal(await preview(), '/nn/kommune/0301?embed=kort');
  // A card is the profile's, and titled so, from any of the area's pages.
  assert.match(await page.locator('#embed-code').inputValue(), / title="Kort: Oslo – Oppvekstprofil" /);
  await frame.locator('.key-sentences li').first().waitFor({ timeout: 20000 });
  await page.screenshot({ path: `${OUT}/embed-dialog-card-390.png` });
  await axe(page, ['minor', 'moderate', 'serious', 'critical']);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('iframe.embed-preview').count(), 0, 'the preview goes with the dialog');
  // A profile offers its barometer.
  await page.goto(`${env.url}/kommune/0301`);
  await page.getByRole('button', { name: 'Bygg inn' }).click();
  const radios = page.getByRole('dialog').getByRole('radio');
  assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.value)), ['1', 'barometer', 'kort']);
  await page.getByRole('radio', { name: 'Barometeret med forklaring' }).check();
  assert.match(await page.locator('#embed-code').inputValue(), /src="[^"]+\/kommune\/0301\?embed=barometer" title="Barometer: Oslo – Oppvekstprofil"/);
  p.check();
  await p.close();
});

test('inside an embed, a picked indicator and a followed link stay in the embed', async () => {
  const p = await open(env);
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301/kart?embed=1&lang=en`);
  await page.waitForSelector('article.explore .chart canvas');
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.equal(await page.locator('.share').count(), 0, 'no share bar inside an embed');
  const other = await page.$$eval('#map-indicator option', (os) => os.map((o) => o.value).find((v) => v !== document.querySelector('#map-indicator').value));
  await page.selectOption('#map-indicator', other);
  await page.locator('form.picker-group > button').click();
  await page.waitForURL((u) => u.searchParams.get('indikator') === other);
  assert.equal(new URL(page.url()).searchParams.get('embed'), '1');
  assert.equal(new URL(page.url()).pathname, '/en/kommune/0301/kart', 'the language stays in the path');
  // Every link of the app in the frame says `embed=1` in its own address (the app's link
  // builder writes it; nothing rewrites a link when it is clicked), but the one that leaves.
  const links = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => [a.getAttribute('href'), a.target]));
  assert.ok(links.length >= 8, JSON.stringify(links));
  for (const [href, target] of links) {
    if (target === '_blank') assert.ok(!href.includes('embed'), href);
    else assert.match(href, /[?&]embed=1(&|#|$)/, href);
  }
  // The link back to the profile, a plain link in the page.
  await page.locator('p.back a').click();
  await page.waitForURL((u) => u.pathname === '/en/kommune/0301');
  await page.waitForSelector('tbody.indicator');
  assert.equal(new URL(page.url()).searchParams.get('embed'), '1');
  assert.equal(await page.locator('.site-header').count(), 0, 'still no site header');
  assert.equal(await page.title(), 'Oslo – Growing-up profile');
  p.check();
  await p.close();
});
