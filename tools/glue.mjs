// `./x build`, after Trunk: wasm-bindgen's JS glue of each wasm (the whole app, the profile app,
// the charts module) minified in place by esbuild, before `oppvekst-data routes` names the
// modules by their content. wasm-bindgen writes it with its comments and long local names: the
// profile app's is 72 KB raw, 9 433 B brotli, which every first load carries; minified, 7 578 B.
// What the glue's callers see is kept: its exports (an ES module's names are never renamed)
// and the wasm's imports, which it names as object keys.
import { transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
// Trunk's names: `oppvekst-HASH.js` for the whole app; `oppvekst-profile.js` and
// `oppvekst-charts.js` for the modules it builds as workers, which routes names later.
const GLUE = /^oppvekst(-[0-9a-f]{16}|-profile|-charts)\.js$/;
const files = fs.readdirSync(dist).filter((f) => GLUE.test(f));
if (files.length === 0) throw new Error(`${dist}: no wasm-bindgen glue to minify`);
for (const file of files) {
  const at = path.join(dist, file);
  const source = fs.readFileSync(at, 'utf8');
  const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2022', charset: 'utf8' });
  fs.writeFileSync(at, code);
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
