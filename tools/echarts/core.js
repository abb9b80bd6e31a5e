// A part of ECharts (index.js): the rest of its core.
export * from 'echarts/core';
