export { EChart } from './echart';
export { echarts, type ChartOption } from './echarts';
