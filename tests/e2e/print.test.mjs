// Printing: the profile as FHI's four-page profile on A4, as a planner would take it to a
// meeting. The test prints /kommune/0301 to PDF with Chromium's own print path, reads each page
// back with poppler (pdftotext) and renders the pages as pictures (pdftoppm) into
// tests/output/print/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setup, open, horizontalOverflow, DIST, OUT } from './harness.mjs';
import { loadData } from './expected.mjs';

let env;
let data;
before(async () => {
  env = await setup();
  data = loadData(DIST);
});
after(async () => { await env.close(); });

// A4 at 96 dpi: 210 × 297 mm.
const A4 = { width: 794, height: 1123 };
const pageText = (file, n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']).toString();
const squash = (s) => s.replace(/\s+/g, ' ');

test('/kommune/0301 prints as four A4 pages: key sentences, theme, levers, barometer', async () => {
  const p = await open(env, A4);
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301`);
  await page.locator('.population .chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('.population .chart svg');
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.lang-switch', '.skip', '.explore-nav', '.share', '.downloads', '.chart-save']) {
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is not printed`);
  }
  assert.ok((await horizontalOverflow(page)) <= 0, 'nothing runs off the side of the page');
  const dir = path.join(OUT, 'print');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'profile-0301-a4.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  p.check();
  await p.close();

  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
  assert.ok(pages >= 1 && pages <= 4, `four pages or fewer, not ${pages}`);
  assert.match(info, /Page size:.*pts \(A4\)/, "A4");

  // Each page holds its part, in FHI's order.
  const [one, two, three, four] = [1, 2, 3, 4].map((n) => squash(pageText(file, n)));
  assert.ok(one.includes('Oslo') && one.includes('Dette skiller seg ut'), 'page 1: the area and its key sentences');
  assert.ok(one.includes('Demodata'), 'page 1: the demodata notice');
  assert.ok(one.includes('Barn 0–17 år i Oslo'), 'page 1: the children over time');
  assert.ok(two.includes('Tema') && two.includes('Barn som har innvandret eller har innvandrerforeldre'), 'page 2: the theme');
  assert.ok(two.includes('Oslo: indikatorene etter innvandringsbakgrunn (demodata)'), "page 2: the theme's figures");
  assert.ok(three.includes('Dette kan kommunen gjøre'), 'page 3: the levers');
  assert.ok(four.includes('Oppvekstbarometer'), 'page 4: the barometer');
  // Every indicator of the barometer, with its row, is on the barometer's page.
  for (const ind of data.context.catalogue) {
    const label = squash(ind.label.nb);
    assert.ok(four.includes(label), `page 4 has «${label}»`);
  }
  assert.ok(!one.includes('Oppvekstbarometer') && !two.includes('Oppvekstbarometer'), 'the barometer is not split over pages');

  // Pictures of the pages, to look at; each is a real page with ink on it.
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(dir, 'profile-0301-page')]);
  const pictures = fs.readdirSync(dir).filter((f) => f.startsWith('profile-0301-page') && f.endsWith('.png'));
  assert.equal(pictures.length, pages);
});
