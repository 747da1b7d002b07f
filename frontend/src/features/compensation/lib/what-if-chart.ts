import type { WhatIfRunQuery } from '@/gql/graphql';
import { formatMoney } from '@/shared/money';
import { formatPercent } from '@/shared/numbers';
import type { ChartOption } from '@/shared/charts';
import { formatMonth } from './months';

type Month = NonNullable<WhatIfRunQuery['whatIfRun']>['monthly'][number];

/** The seed's guideline for bonus as a share of base salary, percent. */
export const GUIDELINE_BAND = { from: 20, to: 30 } as const;

/**
 * Bonus ÷ base salary × 100 of a month, as a chart number (a chart needs no kopeck; the totals in
 * the table are the server's exact figures). null without base salary.
 */
export function sharePercent(variablePay: string, baseSalary: string): number | null {
  const base = Number(baseSalary);
  return base > 0 ? Math.round((Number(variablePay) / base) * 1000) / 10 : null;
}

/** Variable pay per month: the replayed version's bars beside the schemes in force. */
export function costChartOption(
  monthly: readonly Month[],
  texts: { replayed: string; current: string },
  locale: string,
  currency: string,
): ChartOption {
  const money = (value: number) => formatMoney(String(value), currency, locale, 0);
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => money(Number(value)),
    },
    legend: { data: [texts.replayed, texts.current] },
    grid: { left: 90, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: monthly.map((m) => formatMonth(m.month.start, locale)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => money(value) } },
    series: [
      { name: texts.replayed, type: 'bar', data: monthly.map((m) => Number(m.variablePay)) },
      {
        name: texts.current,
        type: 'bar',
        data: monthly.map((m) => Number(m.currentVariablePay)),
      },
    ],
  };
}

/** Bonus as a share of base salary per month, with the 20–30 % guideline as a shaded band. */
export function shareChartOption(
  monthly: readonly Month[],
  texts: { replayed: string; current: string; guideline: string },
  locale: string,
): ChartOption {
  const percent = (value: number) => formatPercent(String(value), locale);
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (value === null ? '—' : percent(Number(value))),
    },
    legend: { data: [texts.replayed, texts.current] },
    grid: { left: 60, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: monthly.map((m) => formatMonth(m.month.start, locale)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => percent(value) } },
    series: [
      {
        name: texts.replayed,
        type: 'line',
        data: monthly.map((m) => sharePercent(m.variablePay, m.baseSalary)),
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(82, 196, 26, 0.12)' },
          label: { show: true, position: 'insideTopLeft', formatter: texts.guideline },
          data: [[{ yAxis: GUIDELINE_BAND.from }, { yAxis: GUIDELINE_BAND.to }]],
        },
      },
      {
        name: texts.current,
        type: 'line',
        lineStyle: { type: 'dashed' },
        data: monthly.map((m) => sharePercent(m.currentVariablePay, m.baseSalary)),
      },
    ],
  };
}
