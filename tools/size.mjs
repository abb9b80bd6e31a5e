// The size report: raw, gzip and brotli sizes of what the browser loads, the first load of
// /kommune/0301 in all, and a check against budgets.json (a budget may not be exceeded; raise
// it in that file, with a reason in the commit, if it must grow).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const budgets = JSON.parse(fs.readFileSync('budgets.json', 'utf8'));
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const files = fs.readdirSync(dist);
const find = (re) => files.find((f) => re.test(f));
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'data/manifest.json'), 'utf8'));

const parts = {
  'index.html': 'kommune/0301/index.html',
  wasm: find(/_bg\.wasm$/),
  js: find(/^oppvekst-.*\.js$/),
  css: find(/\.css$/),
  echarts: 'vendor/echarts.js',
  manifest: 'data/manifest.json',
  context: `data/${manifest.context}`,
  'kommune bundle (0301)': `data/${manifest.areas['0301']}`,
};
const rows = [];
const sizes = {};
for (const [name, rel] of Object.entries(parts)) {
  const b = fs.readFileSync(path.join(dist, rel));
  sizes[name] = { raw: b.length, gzip: gz(b), brotli: br(b) };
  rows.push([name, rel, b.length, sizes[name].gzip, sizes[name].brotli]);
}
const firstLoad = Object.values(sizes).reduce((s, v) => s + v.brotli, 0);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('part                     raw KB  gzip KB  brotli KB  file');
for (const [name, rel, raw, g, b] of rows) console.log(`${name.padEnd(22)}${kb(raw)} ${kb(g)} ${kb(b)}    ${rel}`);
const fullEcharts = path.resolve('node_modules/echarts/dist/echarts.min.js');
if (fs.existsSync(fullEcharts)) {
  const b = fs.readFileSync(fullEcharts);
  console.log(`(full echarts.min.js  ${kb(b.length)} ${kb(gz(b))} ${kb(br(b))}    for comparison)`);
}
console.log(`first load of /kommune/0301, brotli: ${kb(firstLoad)} KB`);

const checks = [
  ['first_load_kommune_0301_brotli', firstLoad],
  ['wasm_brotli', sizes.wasm.brotli],
  ['kommune_bundle_brotli', sizes['kommune bundle (0301)'].brotli],
  ['context_brotli', sizes.context.brotli],
];
let failed = 0;
for (const [key, value] of checks) {
  const limit = budgets[key];
  const ok = value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${key}: ${value} B of ${limit} B`);
}
fs.mkdirSync('tests/output', { recursive: true });
fs.writeFileSync('tests/output/size.json', JSON.stringify({ sizes, firstLoad }, null, 2));
console.log(`size budgets: ${checks.length - failed} within, ${failed} over`);
process.exit(failed ? 1 : 0);
