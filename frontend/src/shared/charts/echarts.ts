/**
 * The only place that imports ECharts (ADR 0021): the core plus the charts, components and
 * renderer the app's pages use (KPI dashboards, what-if, payouts), so the bundle carries nothing
 * else. SVG renderer: crisp at any zoom, printable, and it draws in jsdom, so unit tests see the
 * chart's text. A chart type or component a page needs is registered here.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
