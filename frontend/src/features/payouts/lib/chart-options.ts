import type { ChartOption } from '@/shared/charts';
import { compactMoney, formatMoney } from '@/shared/money';

/** One period's total: its label and the exact amount from the API. */
export interface TotalPoint {
  label: string;
  total: string;
}

/**
 * Totals by period as bars (a tenant's runs) or a line (a manager's own statements), oldest on the
 * left. The bars are floats (a chart needs no kopeck); the tooltip shows the API's exact amount.
 */
export function totalsOption(
  points: readonly TotalPoint[],
  { type, name }: { type: 'bar' | 'line'; name: string },
  currency: string,
  locale: string,
): ChartOption {
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 24, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const p = points[index];
        return p ? `${p.label}<br/>${name}: ${formatMoney(p.total, currency, locale, 2)}` : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => compactMoney(v, currency, locale) },
    },
    series: [
      {
        name,
        type,
        data: points.map((p) => Number(p.total)),
        ...(type === 'line' ? { symbolSize: 8 } : { barMaxWidth: 48 }),
      },
    ],
  };
}
