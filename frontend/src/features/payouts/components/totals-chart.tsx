import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '@/shared/charts';
import { useI18n } from '@/shared/i18n';
import { periodLabel, type PeriodRef } from '@/shared/period';
import { totalsOption } from '../lib/chart-options';

/**
 * Totals by period, oldest on the left: bars for a tenant's runs, a line for a manager's own
 * statements. `items` come newest first, as the API lists them.
 */
export function TotalsChart({
  items,
  type,
  title,
  seriesName,
  currency,
  emptyText,
  testId,
}: {
  items: readonly { period: PeriodRef; total: string }[];
  type: 'bar' | 'line';
  title: string;
  seriesName: string;
  currency: string;
  emptyText: string;
  testId: string;
}) {
  const { language, locale } = useI18n();
  const option = useMemo(
    () =>
      totalsOption(
        [...items]
          .sort((a, b) => a.period.start.localeCompare(b.period.start))
          .map((item) => ({ label: periodLabel(item.period, language, true), total: item.total })),
        { type, name: seriesName },
        currency,
        locale,
      ),
    [items, type, seriesName, currency, locale, language],
  );
  return (
    <Card size="small" title={title} data-testid={testId}>
      {items.length === 0 ? (
        <Empty description={emptyText} />
      ) : (
        <EChart option={option} height={260} label={title} />
      )}
    </Card>
  );
}
