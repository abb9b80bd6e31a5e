// Lighthouse (npm `lighthouse`, pinned in package.json) on the app as a real host serves it, for
// `./x bench`: the mobile and desktop presets on /kommune/0301 and /kommune/1151. Each run starts
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

export async function lighthouse(origin, pages = ['/kommune/0301', '/kommune/1151']) {
  const dir = path.resolve('tests/output/lighthouse');
  fs.mkdirSync(dir, { recursive: true });
  const results = {};
  for (const preset of ['mobile', 'desktop']) {
    for (const page of pages) {
      const out = path.join(dir, `${preset}${page.replaceAll('/', '-')}.json`);
      await run(`${origin}${page}`, preset, out);
      const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
      const audit = (id) => lhr.audits[id]?.numericValue;
      results[`${preset} ${page}`] = {
        ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
        lcp_ms: Math.round(audit('largest-contentful-paint')),
        tbt_ms: Math.round(audit('total-blocking-time')),
        cls: Number(audit('cumulative-layout-shift').toFixed(3)),
        fcp_ms: Math.round(audit('first-contentful-paint')),
        failed_audits: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id),
      };
    }
  }
  return results;
}
