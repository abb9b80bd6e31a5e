// Printing: the profile on A4 paper, as a planner would take it to a meeting. The test prints
// /kommune/0301 to PDF with Chromium's own print path and checks what the print stylesheet
// promises; the PDF is kept in tests/output/ to be looked at (pdftoppm turns it into pictures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, open, horizontalOverflow, OUT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// A4 at 96 dpi: 210 × 297 mm.
const A4 = { width: 794, height: 1123 };

test('/kommune/0301 prints on A4: no site chrome, every row and its mark, nothing cut off', async () => {
  const p = await open(env, A4);
  const page = p.page;
  await page.goto(`${env.url}/kommune/0301`);
  await page.locator('.population .chart').scrollIntoViewIfNeeded();
  await page.waitForSelector('.chart canvas');
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.lang-switch', '.skip']) {
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is not printed`);
  }
  const rows = page.locator('tbody.indicator');
  assert.equal(await rows.count(), 31);
  for (let i = 0; i < 31; i++) {
    assert.ok(await rows.nth(i).isVisible(), `row ${i} is printed`);
  }
  assert.equal(await page.locator('tbody.indicator .mark:visible').count() > 0, true, 'the marks are printed');
  assert.equal(await page.locator('.demodata').isVisible(), true, 'the demodata notice is printed');
  assert.ok((await horizontalOverflow(page)) <= 0, 'nothing runs off the side of the page');
  const file = path.join(OUT, 'profile-0301-a4.pdf');
  const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  assert.ok(pages >= 2 && pages <= 8, `a profile of a few pages, not ${pages}`);
  p.check();
  await p.close();
});
