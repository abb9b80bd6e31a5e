// ECharts for the app's charts, evaluated in parts, each in a task of its own. Evaluated as one
// script, it was one task of about 130 ms on a phone (4× CPU; about twice that under Lighthouse),
// the longest of the page's load; in three parts, none is over about 75 ms, and the page can
// answer the reader in between. More parts cut the tasks further (six: about 50 ms) but cost
// bytes, since each part is compressed without the others' context: six parts were 16 KB
// (brotli) over the single file, three are 5 KB. Each part is a module of its own (this folder);
// what they share is evaluated by the first that imports it. All are fetched at once, as module
// preloads (fetched and compiled, not run), so that the parts cost no round trip each.
//
// `window.echartsReady` settles when the last part has set `window.echarts`
// (src/components/chart.rs waits for it), or fails if a part could not be loaded.

// The parts' file names, which only the build knows (tools/echarts/build.mjs writes them in).
const FILES = '@files';

for (const file of FILES) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = new URL(file, import.meta.url).href;
  document.head.append(link);
}

const nextTask = () => new Promise((resolve) => { setTimeout(resolve); });

window.echartsReady = (async () => {
  // In the order they build on each other, so that each evaluates only its own.
  await import('./zrender.js');
  await nextTask();
  await import('./core.js');
  await nextTask();
  await import('./app.js');
})();
