// A chart as a picture to paste into a report: the chart with its title above it and the
// source line (and, for modelled figures, the demodata mark) below it, drawn into the image
// so that the picture never travels without them.
//
// The chart is drawn once more by a hidden server-side-style ECharts instance with the SVG
// renderer, whatever the live chart uses, so that PNG and SVG come from one drawing: the SVG is
// that drawing inside a frame with the texts; the PNG is the same SVG rasterised at twice the
// size on a canvas. Everything stays in the browser.

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const PAD = 16;
const TITLE = { size: 18, line: 24, weight: 700, colour: '#1b1f24' };
const SMALL = { size: 12, line: 17, weight: 400, colour: '#4a525c' };
const DEMO = { size: 12, line: 17, weight: 700, colour: '#8a3b00' };

const xml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Breaks `text` into lines no wider than `width` in the given style (measured on a canvas). */
function lines(text, style, width) {
  if (!text) return [];
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${style.weight} ${style.size}px ${FONT}`;
  const out = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      out.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) out.push(line);
  return out;
}

/** The chart alone as SVG text, `width` × `height`, drawn from the live chart's option. */
function chartSvg(echarts, chart, width, height) {
  const copy = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    copy.setOption({ ...chart.getOption(), animation: false });
    return copy.renderToSVGString();
  } finally {
    copy.dispose();
  }
}

/**
 * The chart with its texts as one SVG document. `texts` = { title, source, demodata } (the
 * last empty when the figures are real).
 */
export function chartImageSvg(echarts, chart, texts) {
  const width = Math.round(chart.getWidth());
  const height = Math.round(chart.getHeight());
  const inner = width - 2 * PAD;
  const head = lines(texts.title, TITLE, inner);
  const foot = [
    ...lines(texts.source, SMALL, inner).map((l) => [l, SMALL]),
    ...lines(texts.demodata, DEMO, inner).map((l) => [l, DEMO]),
  ];
  const top = PAD + head.length * TITLE.line + PAD / 2;
  const total = top + height + PAD / 2 + foot.reduce((h, [, s]) => h + s.line, 0) + PAD;
  const text = (t, s, y) => `<text x="${PAD}" y="${y}" font-family="${xml(FONT)}" font-size="${s.size}" font-weight="${s.weight}" fill="${s.colour}">${xml(t)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
  ];
  head.forEach((l, i) => parts.push(text(l, TITLE, PAD + (i + 1) * TITLE.line - 6)));
  // The chart's own <svg>, placed below the title as a nested viewport.
  parts.push(chartSvg(echarts, chart, width, height).replace(/^<svg\b/, `<svg x="0" y="${top}"`));
  let y = top + height + PAD / 2;
  for (const [l, s] of foot) {
    y += s.line;
    parts.push(text(l, s, y - 4));
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The same picture as a PNG data URL, at `scale` × the chart's size (sharp in print). */
export function chartImagePng(echarts, chart, texts, scale = 2) {
  const svg = chartImageSvg(echarts, chart, texts);
  const [, w, h] = svg.match(/^<svg[^>]* width="(\d+)" height="(\d+)"/) ?? [];
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Number(w) * scale;
      canvas.height = Number(h) * scale;
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, Number(w), Number(h));
      URL.revokeObjectURL(url);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as a picture'));
    };
    img.src = url;
  });
}
