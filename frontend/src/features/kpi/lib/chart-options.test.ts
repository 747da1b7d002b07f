import { describe, expect, it } from 'vitest';
import { attainmentOption, sortByAttainment, volumePlanOption } from './chart-options';

describe('chart options', () => {
  it('orders managers by attainment, best first, comparing numbers not strings', () => {
    const rows = [
      { name: 'Ольга', attainment: '46.9136' },
      { name: 'Иван', attainment: '100.0000' },
      { name: 'Пётр', attainment: '9.5000' },
    ];
    expect(sortByAttainment(rows).map((r) => r.name)).toEqual(['Иван', 'Ольга', 'Пётр']);
    // A category y-axis is drawn bottom-up: the data is reversed so the best is on top.
    const option = attainmentOption(rows, 'ru-RU', 'Выполнение, %') as {
      yAxis: { data: string[] };
      series: { data: { value: number }[]; markLine: { data: { xAxis: number }[] } }[];
    };
    expect(option.yAxis.data).toEqual(['Пётр', 'Ольга', 'Иван']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([9.5, 46.9136, 100]);
    expect(option.series[0]!.markLine.data).toEqual([{ xAxis: 100 }]);
  });

  it('draws volume as bars and plan as a line, a missing plan as a gap', () => {
    const option = volumePlanOption(
      [
        { label: 'окт 26', value: '900000.50', plan: null },
        { label: 'ноя 26', value: '1234567.89', plan: '1500000' },
      ],
      'RUB',
      'ru-RU',
      { value: 'Объём', plan: 'План' },
    ) as { series: { type: string; data: (number | null)[] }[] };
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(option.series[0]!.data).toEqual([900000.5, 1234567.89]);
    expect(option.series[1]!.data).toEqual([null, 1500000]);
  });
});
