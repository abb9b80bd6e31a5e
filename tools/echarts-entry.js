// The ECharts the app needs, and nothing more: only the charts and components that the
// charts/ modules use. charming expects a global `echarts` with `init`.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, MapChart, HeatmapChart, ScatterChart, CustomChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent,
  MarkAreaComponent, VisualMapComponent, GeoComponent, AriaComponent, DatasetComponent,
  GraphicComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, MapChart, HeatmapChart, ScatterChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent,
  MarkAreaComponent, VisualMapComponent, GeoComponent, AriaComponent, DatasetComponent,
  GraphicComponent, CanvasRenderer, SVGRenderer,
]);

// Numbers the Norwegian way in every chart (`135 000`, `3,4 %`). charming can only send JSON,
// so a chart asks for a formatter by name ("@fmt:number") and this shim swaps in the function
// before ECharts sees the option: no eval, nothing inline, so a strict CSP holds.
const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const num = (v) => (typeof v === 'number' ? nb.format(v) : v == null ? '–' : String(v));
const FORMATTERS = {
  '@fmt:number': num,
  '@fmt:percent': (v) => (typeof v === 'number' ? `${num(v)}\u00a0%` : num(v)),
};
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
function init(...args) {
  const chart = echarts.init(...args);
  const setOption = chart.setOption.bind(chart);
  chart.setOption = (option, ...rest) => setOption(hydrate(option), ...rest);
  return chart;
}
window.echarts = { ...echarts, init };
