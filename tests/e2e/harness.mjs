// The browser-test harness: the real release build in Debian's headless Chromium, served by
// nginx with the repository's configuration (deploy/nginx.conf), as a host serves it. Every page
// opened through it fails its test on a console error, an uncaught exception, or a request to
// any host but the app's own; `axe` runs axe-core on the page.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';
import { startNginx } from './nginx.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(process.env.OPPVEKST_DIST ?? 'dist');
export const OUT = path.resolve('tests/output');

/**
 * Serves dist/ and starts Chromium. `frameAncestors`: the sites nginx lets frame the pages
 * (the embed tests' host page). `OPPVEKST_SERVER=node` serves with tests/e2e/server.mjs instead
 * (no headers beyond the type, for a machine without nginx).
 */
export async function setup({ frameAncestors = [] } = {}) {
  const srv = process.env.OPPVEKST_SERVER === 'node'
    ? await startServer(DIST)
    : await startNginx(DIST, { frameAncestors });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(OUT, { recursive: true });
  return {
    url: srv.url, browser,
    async close() { await browser.close(); await srv.close(); },
  };
}

/**
 * Opens a guarded page. `allow` lists console-error patterns a test expects (a 404 it
 * provoked, say); anything else fails the test in `check()`.
 */
export async function open(env, {
  width = 1280, height = 900, allow = [], javaScriptEnabled = true, serviceWorkers = 'block',
} = {}) {
  // The service worker is blocked unless a test asks for it (tests/e2e/offline.test.mjs):
  // Playwright's request routing, which the fault tests use, does not see what a worker answers.
  const context = await env.browser.newContext({ viewport: { width, height }, javaScriptEnabled, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(env.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow.some((re) => re.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) {
      problems.push(`third-party request: ${u}`);
    }
  });
  // A profile page first shows its prerendered copy, then the live app takes over. Tests act on
  // the live app: `goto` waits for the handover (a page that never hands over is left to the
  // test's own assertions, which then see the static copy or the error).
  // `{ handover: false }` returns as soon as the page has loaded, to look at the copy itself.
  const goto = page.goto.bind(page);
  page.goto = async (url, { handover = true, ...opts } = {}) => {
    const response = await goto(url, opts);
    if (handover) {
      await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 })
        .catch(() => {});
    }
    return response;
  };
  return {
    page, context,
    check() { assert.deepEqual(problems, [], problems.join('\n')); },
    async close() { await context.close(); },
  };
}

/** axe-core on the page; fails on violations of the given impacts. */
export async function axe(page, impacts = ['serious', 'critical']) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => impacts.includes(v.impact));
  assert.deepEqual(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
  );
  return result;
}

/** Whether the page scrolls sideways. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Text with no-break spaces and minus signs made plain, for comparing numbers. */
export const plain = (s) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');
