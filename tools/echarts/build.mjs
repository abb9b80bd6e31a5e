// Builds public/vendor/ from this folder (`npm run echarts`, which ./x runs when a file here is
// newer than the bundle): ECharts' parts as ES modules split by esbuild, their shared code in
// chunks, and the entry (`echarts.js`, index.js) told every file's name, which it preloads.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.join(here, '../../public/vendor');
fs.rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: { echarts: path.join(here, 'index.js') },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  outdir: out,
  chunkNames: 'echarts-[hash]',
  metafile: true,
  logLevel: 'warning',
});
// esbuild names a chunk by a hash in base32 capitals (`echarts-254PRUEM.js`); the same hash in
// hex (`echarts-b57b8e8d19.js`) gives the name the form of every content-hashed file of dist/,
// which the host caches for good and the build precompresses (deploy/nginx.conf, ./x).
const hex = (name) => name.replace(/^echarts-([A-Z2-7]+)\.js$/, (_, b32) => {
  let bits = '';
  for (const c of b32) bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
  return `echarts-${BigInt(`0b${bits}`).toString(16).padStart(Math.ceil(bits.length / 4), '0')}.js`;
});
const names = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
const renamed = new Map(names.map((n) => [n, n === 'echarts.js' ? n : hex(n)]));
for (const [from, to] of renamed) {
  if (from !== 'echarts.js' && to === from) throw new Error(`${from}: not a chunk name esbuild writes`);
}
const files = [...renamed.values()].filter((f) => f !== 'echarts.js').sort();
const placeholder = /(["'])@files\1/;
for (const [from, to] of renamed) {
  let code = fs.readFileSync(path.join(out, from), 'utf8');
  for (const [a, b] of renamed) code = code.replaceAll(`./${a}`, `./${b}`);
  if (from === 'echarts.js') {
    if (!placeholder.test(code)) throw new Error(`${from}: the list of files ('@files') is not in the entry`);
    code = code.replace(placeholder, JSON.stringify(files));
  }
  fs.rmSync(path.join(out, from));
  fs.writeFileSync(path.join(out, to), code);
}
console.log(`public/vendor: echarts.js and ${files.length} parts`);
