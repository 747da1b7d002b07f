import { compactMoney, formatMoney } from '@/shared/money';
import { formatCount, formatPercent } from '@/shared/numbers';
import type { ChartOption } from '@/shared/charts';
import { chartNumber } from './format-kpi';

/**
 * The dashboards' chart options, as pure functions of the data (tested without a chart). Axis
 * labels and tooltips use the UI's locale; tooltips show the exact values from the API strings.
 */

const PLAN_COLOR = '#fa8c16';
const VALUE_COLOR = '#1677ff';
const GOOD = '#52c41a';
const SHORT = '#faad14';
const POOR = '#ff4d4f';

export interface SeriesPoint {
  label: string;
  value: string | null;
  plan: string | null;
}

interface Texts {
  value: string;
  plan: string;
}

/** Volume as bars, plan as a line, one point per period. */
export function volumePlanOption(
  points: readonly SeriesPoint[],
  currency: string,
  locale: string,
  texts: Texts,
): ChartOption {
  const money = (v: string | null) => (v === null ? '—' : formatMoney(v, currency, locale, 2));
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { data: [texts.value, texts.plan], top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const p = points[index];
        return p
          ? `${p.label}<br/>${texts.value}: ${money(p.value)}<br/>${texts.plan}: ${money(p.plan)}`
          : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => compactMoney(v, currency, locale) },
    },
    series: [
      {
        name: texts.value,
        type: 'bar',
        data: points.map((p) => chartNumber(p.value)),
        itemStyle: { color: VALUE_COLOR },
      },
      {
        name: texts.plan,
        type: 'line',
        data: points.map((p) => chartNumber(p.plan)),
        connectNulls: false,
        itemStyle: { color: PLAN_COLOR },
        lineStyle: { color: PLAN_COLOR, width: 2 },
      },
    ],
  };
}

export interface AttainmentRow {
  name: string;
  attainment: string;
}

/** Rows with an attainment, best first (drawn top to bottom). */
export function sortByAttainment(rows: readonly AttainmentRow[]): AttainmentRow[] {
  return [...rows].sort((a, b) => Number(b.attainment) - Number(a.attainment));
}

/** Horizontal bars of plan attainment per manager, best on top, a line at 100 %. */
export function attainmentOption(
  rows: readonly AttainmentRow[],
  locale: string,
  axisName: string,
): ChartOption {
  // ECharts draws a category y-axis bottom-up: reverse so the best is on top.
  const sorted = sortByAttainment(rows).reverse();
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const row = sorted[(p as { dataIndex: number }).dataIndex];
        return row ? `${row.name}: ${formatPercent(row.attainment, locale)}` : '';
      },
    },
    xAxis: { type: 'value', name: axisName, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => {
          const n = Number(r.attainment);
          return {
            value: n,
            itemStyle: { color: n >= 100 ? GOOD : n >= 80 ? SHORT : POOR },
          };
        }),
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const row = sorted[(p as { dataIndex: number }).dataIndex];
            return row ? formatPercent(row.attainment, locale) : '';
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [{ xAxis: 100 }],
          lineStyle: { color: '#595959', type: 'dashed' },
          label: { formatter: formatPercent('100', locale) },
        },
      },
    ],
  };
}

export interface FunnelRow {
  stageName: string;
  entered: number;
  converted: number;
  conversion: string | null;
}

/** Deals that entered each stage (bars) and those that moved on, labelled with the conversion. */
export function funnelOption(
  rows: readonly FunnelRow[],
  locale: string,
  texts: { entered: string; converted: string },
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { data: [texts.entered, texts.converted], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.stageName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: texts.entered,
        type: 'bar',
        data: rows.map((r) => r.entered),
        itemStyle: { color: '#91caff' },
      },
      {
        name: texts.converted,
        type: 'bar',
        data: rows.map((r) => r.converted),
        itemStyle: { color: VALUE_COLOR },
        label: {
          show: true,
          position: 'top',
          formatter: (p: unknown) => {
            const row = rows[(p as { dataIndex: number }).dataIndex];
            return row?.conversion ? formatPercent(row.conversion, locale) : '—';
          },
        },
      },
    ],
  };
}

export interface ActivityRow {
  name: string;
  calls: number;
  meetings: number;
  emails: number;
}

/** Calls, meetings and e-mails stacked, one bar per manager (or one for the totals). */
export function activityOption(
  rows: readonly ActivityRow[],
  locale: string,
  texts: { calls: string; meetings: string; emails: string },
): ChartOption {
  const count = (n: number) => formatCount(String(n), locale);
  const series = (name: string, pick: (r: ActivityRow) => number, color: string) => ({
    name,
    type: 'bar',
    stack: 'activity',
    data: rows.map(pick),
    itemStyle: { color },
  });
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { data: [texts.calls, texts.meetings, texts.emails], top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => count(Number(v)) },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series(texts.calls, (r) => r.calls, '#1677ff'),
      series(texts.meetings, (r) => r.meetings, '#52c41a'),
      series(texts.emails, (r) => r.emails, '#722ed1'),
    ],
  };
}
