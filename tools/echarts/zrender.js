// A part of ECharts (index.js): zrender, the drawing library under it.
export * from 'zrender/lib/zrender.js';
