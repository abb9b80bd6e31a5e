// Lighthouse (npm `lighthouse`, pinned in package.json) on the app as a real host serves it, for
// `./x bench`: the mobile preset on every page type (`PAGES`), the desktop preset on the
// profiles. `node tools/lighthouse.mjs` runs it alone on dist/ and prints the table. Each run starts
// Debian's Chromium headless in a fresh profile (CHROME_PATH, flags as the browser tests use).
// Returns, per preset and page, the four category scores and LCP, TBT and CLS, and keeps each
// full JSON report in tests/output/lighthouse/.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BIN = path.resolve('node_modules/.bin/lighthouse');
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function run(url, preset, out) {
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${FLAGS.join(' ')}`];
  // The mobile preset is Lighthouse's default: simulated Slow 4G and a 4× slower CPU.
  if (preset === 'desktop') args.push('--preset=desktop');
  return new Promise((resolve, reject) => {
    execFile(BIN, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } },
      (err, _stdout, stderr) => (err ? reject(new Error(`lighthouse ${url}: ${stderr || err}`)) : resolve()));
  });
}

/**
 * Every page type a reader opens (issue #15's table): the mobile preset runs on each. Not the
 * 404 page: Lighthouse refuses to measure a page answered with 404.
 */
export const PAGES = [
  '/', '/om', '/kommune/0301', '/kommune/1151', '/nn/kommune/0301',
  '/kommune/0301/utvikling', '/kommune/0301/utvikling?indikator=mobbing_7', '/kommune/0301/sammenlign',
  '/kommune/4601/sammenlign?indikator=mobbing_7&sett=fylke', '/kommune/0301/kart',
  '/kommune/4602/kart?indikator=mobbing_10&utsnitt=land', '/kommune/0301/oversikt',
  '/kommune/0301/fordeling', '/kommune/0301/befolkning',
  // The compact embeds, as a kommune's page frames them.
  '/kommune/0301?embed=kort', '/kommune/0301/utvikling?embed=figur',
  // A retired number's page (an old link to Bergen), and a split one's.
  '/kommune/1201', '/nn/kommune/5012',
];

/** One Lighthouse run's figures. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue;
  return {
    ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
    lcp_ms: Math.round(audit('largest-contentful-paint')),
    tbt_ms: Math.round(audit('total-blocking-time')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    fcp_ms: Math.round(audit('first-contentful-paint')),
    bytes: Math.round(audit('total-byte-weight')),
    failed_audits: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  };
}

/**
 * Lighthouse on `origin`: the mobile preset on every page of `pages` (LH_PAGES, comma-separated,
 * narrows it), the desktop preset on the profiles; each the median run by performance score of
 * `runs` (LH_RUNS, 3 by default), as Lighthouse's own documentation advises.
 */
export async function lighthouse(origin, pages = process.env.LH_PAGES?.split(',') ?? PAGES, runs = Number(process.env.LH_RUNS ?? 3)) {
  const dir = path.resolve('tests/output/lighthouse');
  fs.mkdirSync(dir, { recursive: true });
  const results = {};
  for (const preset of ['mobile', 'desktop']) {
    for (const page of pages) {
      if (preset === 'desktop' && !/^\/kommune\/[0-9]+$/.test(page)) continue;
      const all = [];
      for (let i = 0; i < runs; i++) {
        const out = path.join(dir, `${preset}${page.replace(/[/?&=]/g, '-')}-${i}.json`);
        await run(`${origin}${page}`, preset, out);
        all.push(figures(JSON.parse(fs.readFileSync(out, 'utf8'))));
      }
      all.sort((a, b) => a.performance - b.performance);
      results[`${preset} ${page}`] = { ...all[Math.floor(all.length / 2)], runs };
    }
  }
  return results;
}

/** The figures as a table: page, score, LCP, CLS, TBT and bytes. */
export function table(results) {
  const rows = Object.entries(results).map(([k, v]) =>
    `${k.padEnd(62)}${String(v.performance).padStart(4)}${`${(v.lcp_ms / 1000).toFixed(2)} s`.padStart(9)}` +
    `${v.cls.toFixed(3).padStart(7)}${`${v.tbt_ms} ms`.padStart(9)}${`${Math.round(v.bytes / 1024)} KB`.padStart(9)}`);
  return [`${'preset page'.padEnd(62)}perf      LCP    CLS      TBT    bytes`, ...rows].join('\n');
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) {
  const { startServer } = await import('../tests/e2e/server.mjs');
  const srv = await startServer('dist', { compress: true });
  const results = await lighthouse(srv.url);
  await srv.close();
  fs.writeFileSync('tests/output/lighthouse.json', JSON.stringify(results, null, 2));
  console.log(table(results));
}
