/**
 * The only place that imports ECharts (ADR 0021): the core plus the charts, components and
 * renderer the dashboards use, so the bundle carries nothing else. SVG renderer: crisp at any zoom,
 * printable, and it draws in jsdom, so unit tests see the chart's text.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
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
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
