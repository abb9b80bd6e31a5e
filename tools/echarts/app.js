// The ECharts the app needs, and nothing more: only the charts and components that the
// charts/ modules use. charming expects a global `echarts` with `init`.
import * as echarts from 'echarts/core';
// No heatmap, scatter, title, visual map, dataset or graphic: no chart of src/charts/ uses them,
// and they were 15 kB of the 195 kB (brotli) that every explore view loads and evaluates.
import { LineChart, BarChart, MapChart, CustomChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent,
  GeoComponent, AriaComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { chartImagePng, chartImageSvg } from './image.js';

echarts.use([
  LineChart, BarChart, MapChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent,
  GeoComponent, AriaComponent, CanvasRenderer, SVGRenderer,
]);

// Numbers the Norwegian way in every chart (`135 000`, `3,4 %`). charming can only send JSON,
// so a chart asks for a formatter by name ("@fmt:number") and this shim swaps in the function
// before ECharts sees the option: no eval, nothing inline, so a strict CSP holds.
const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const num = (v) => (typeof v === 'number' ? nb.format(v) : v == null ? '–' : String(v));
const pct = (v) => (typeof v === 'number' && !Number.isNaN(v) ? `${num(v)}\u00a0%` : '–');
const FORMATTERS = {
  '@fmt:number': num,
  '@fmt:percent': (v) => (typeof v === 'number' ? `${num(v)}\u00a0%` : num(v)),
  // A map's tooltip: the area's name and its value (or a dash where it has none).
  '@fmt:tip-number': (p) => `${p.name}: ${typeof p.value === 'number' && !Number.isNaN(p.value) ? num(p.value) : '–'}`,
  '@fmt:tip-percent': (p) => `${p.name}: ${pct(p.value)}`,
  // A pooled period on a time axis on two lines («2022/23–» over «2024/25»): on one line it is
  // wider than its tick's room on a phone, and the last one was cut at the chart's edge.
  '@fmt:period': (v) => String(v).replace('–', '–\n'),
};

// charming 0.6 has no map series (its `Map` is an empty struct) and no `geo` component, so a
// choropleth travels as a custom series whose renderItem is '@series:map' and whose id names
// a map the app registered; here it becomes ECharts' own map series. A map series fills an
// area with `itemStyle.areaColor`, so each item's colour moves there. The aspect is
// cos(mid-latitude) of the shapes, so that lon/lat keeps roughly true proportions.
const RAW = '#*#*#*#';
function isMapSeries(s) {
  return s && s.type === 'custom' && typeof s.renderItem === 'string'
    && s.renderItem.replaceAll(RAW, '') === '@series:map';
}
const bounds = new Map();
/** The registered map's extent: its `aspectScale` (cos of the mid-latitude) and its drawn
 * width for its height. */
function boundsOf(name) {
  if (!bounds.has(name)) bounds.set(name, measure(name));
  return bounds.get(name);
}
function measure(name) {
  const shapes = echarts.getMap(name);
  let [west, east, south, north] = [180, -180, 90, -90];
  for (const f of shapes?.geoJSON?.features ?? []) {
    for (const poly of f.geometry.coordinates) {
      for (const [lon, lat] of poly[0]) {
        west = Math.min(west, lon); east = Math.max(east, lon);
        south = Math.min(south, lat); north = Math.max(north, lat);
      }
    }
  }
  if (south > north || west >= east) return { aspectScale: 0.75, widthForHeight: 1 };
  const aspectScale = Math.cos(((south + north) / 2) * Math.PI / 180);
  return { aspectScale, widthForHeight: ((east - west) * aspectScale) / (north - south) };
}
/** ECharts' `layoutSize` (the map's longer side, in per cent of the box's shorter one) that
 * fits the map into a `width` × `height` box with a 2 % margin: the box follows the map's
 * shape (src/components/chart.rs), so the map fills it. */
function layoutSize({ widthForHeight: a }, width, height) {
  if (!(width > 0 && height > 0)) return '96%';
  const w = Math.min(0.96 * width, 0.96 * height * a);
  return `${(100 * Math.max(w, w / a)) / Math.min(width, height)}%`;
}
function mapSeries(s, chart) {
  const { renderItem, coordinateSystem, ...rest } = s;
  const data = (s.data ?? []).map((d) => {
    if (!d || typeof d !== 'object' || !d.itemStyle) return d;
    const { color, ...style } = d.itemStyle;
    // Hovered, an area keeps its own colour (ECharts would paint it gold, the colour of «not
    // significantly different» on our maps) and gets a dark outline.
    return { ...d, itemStyle: { ...style, areaColor: color }, emphasis: { itemStyle: { areaColor: color } } };
  });
  return {
    ...rest,
    type: 'map',
    map: s.id,
    data,
    aspectScale: boundsOf(s.id).aspectScale,
    // Fill the box: by default ECharts leaves a wide margin, and the country came out at two
    // thirds of the height it was given.
    layoutCenter: ['50%', '50%'],
    layoutSize: layoutSize(boundsOf(s.id), chart.getWidth(), chart.getHeight()),
    selectedMode: false,
    itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#e4e7ea', ...(s.itemStyle ?? {}) },
    emphasis: { label: { show: false }, itemStyle: { borderColor: '#1b1f24', borderWidth: 2, areaColor: '#e4e7ea' } },
    label: { show: false },
  };
}
// ECharts' map layout (mapSymbolLayout) flags every region for a label wherever no legend
// symbol sits on it, and the map then builds each region's label styles on every update even
// with labels off: a third of the time of redrawing all 357 kommuner on a switch of
// indicator. Our maps never label regions (the tooltip and the table name them), so a layout
// step just after ECharts' own clears the flag when the series shows no label.
echarts.registerLayout(echarts.PRIORITY.VISUAL.LAYOUT + 1, (ecModel) => {
  ecModel.eachSeriesByType('map', (series) => {
    if (series.get(['label', 'show']) || series.get(['emphasis', 'label', 'show'])) return;
    const data = series.getData();
    data.each((idx) => {
      const layout = data.getItemLayout(idx);
      if (layout) layout.showLabel = false;
    });
  });
});

function hydrate(value) {
  if (typeof value === 'string') return FORMATTERS[value] ?? value;
  if (Array.isArray(value)) return value.map(hydrate);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = hydrate(v);
    return out;
  }
  return value;
}
// Area names on a category axis (`axisLabel.formatter: '@fmt:names'`) get at most 38 % of the
// chart's width, and a longer one is cut with «…»: «Storfjord – Omasvuotna – Omasvuono» took
// half of a 390 px chart and squeezed the bars. The tooltip and the chart's table name it whole.
// charming 0.6 has no `width`/`overflow` for axis labels, so the shim sets them, knowing the
// chart's width.
const NAMES = '@fmt:names';
function withNameLabels(option, width) {
  const fit = (axis) => {
    if (!axis || axis.axisLabel?.formatter !== NAMES) return axis;
    const { formatter, ...label } = axis.axisLabel;
    return { ...axis, axisLabel: { ...label, width: Math.max(96, Math.round(width * 0.38)), overflow: 'truncate', ellipsis: '…' } };
  };
  const each = (axes) => (Array.isArray(axes) ? axes.map(fit) : fit(axes));
  if (!option) return option;
  const out = { ...option };
  for (const key of ['xAxis', 'yAxis']) if (out[key]) out[key] = each(out[key]);
  return out;
}
// A two-line period label needs a line height: ECharts' default drew the two lines over each
// other.
function withPeriodLines(option) {
  const fit = (axis) => (axis?.axisLabel?.formatter === '@fmt:period'
    ? { ...axis, axisLabel: { lineHeight: 14, ...axis.axisLabel } }
    : axis);
  if (!option?.xAxis) return option;
  return { ...option, xAxis: Array.isArray(option.xAxis) ? option.xAxis.map(fit) : fit(option.xAxis) };
}
function withMaps(option, chart) {
  if (!option || !Array.isArray(option.series)) return option;
  return { ...option, series: option.series.map((s) => (isMapSeries(s) ? mapSeries(s, chart) : s)) };
}

// ECharts writes an HTML tooltip with `style="…"` attributes (its colour markers, the arrow),
// which the app's CSP (`style-src 'self'`) blocks. Tooltips are therefore drawn on the canvas
// (`renderMode: 'richText'`): no markup, nothing to block. The figures are in each chart's
// table for screen readers and keyboards.
function withCanvasTooltips(option) {
  if (!option || !option.tooltip) return option;
  const canvas = (t) => ({ ...t, renderMode: 'richText' });
  const tooltip = Array.isArray(option.tooltip) ? option.tooltip.map(canvas) : canvas(option.tooltip);
  return { ...option, tooltip };
}
// The container says which renderer draws it (`data-renderer="svg"`): SVG prints sharply and
// is the default of the app's charts; a map of 357 kommuner is faster on a canvas.
function init(dom, theme, opts) {
  const renderer = dom?.dataset?.renderer === 'svg' ? 'svg' : 'canvas';
  const chart = echarts.init(dom, theme, { ...(opts ?? {}), renderer });
  const setOption = chart.setOption.bind(chart);
  // No animations: a chart is read, not watched, and a chart printed, saved or captured mid-way
  // through its entrance would show half its line. (It also spares a phone's CPU.)
  // Drawn in the next frame (`lazyUpdate`), not in the task that hands over the option: one
  // long task of 270-290 ms on Lighthouse's phone becomes two of about 100, and the page answers
  // in between (TBT of /kommune/0301/utvikling 405 -> 279 ms, median of 5).
  chart.setOption = (option, ...rest) => setOption(
    { animation: false, ...withCanvasTooltips(withMaps(withNameLabels(hydrate(withPeriodLines(option)), chart.getWidth()), chart)) },
    ...(rest.length ? rest : [{ lazyUpdate: true }]),
  );
  return chart;
}
// A chart as a picture with its title, source and demodata mark drawn in: resolves with SVG
// text (`type` 'svg') or a PNG data URL ('png').
function chartImage(chart, type, texts) {
  return type === 'svg'
    ? Promise.resolve(chartImageSvg(echarts, chart, texts))
    : chartImagePng(echarts, chart, texts);
}
window.echarts = { ...echarts, init, chartImage };
