import { Tooltip } from 'antd';
import type { KpiUnit } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import { formatKpiValue } from '../lib/format-kpi';
import { kpiMessages } from '../messages';

/** A KPI value in its unit, or «—» with the reason it is undefined in a tooltip. */
export function KpiValueText({
  unit,
  value,
  currency,
  reason,
  testId,
}: {
  unit: KpiUnit;
  value: string | null | undefined;
  currency: string;
  reason?: string | null | undefined;
  testId?: string;
}) {
  const { locale } = useI18n();
  const t = useMessages(kpiMessages);
  const text = formatKpiValue(unit, value, currency, locale);
  if (text === null) {
    return (
      <Tooltip title={reason || t.undefinedValue}>
        <span data-testid={testId} data-undefined="true" aria-label={reason || t.undefinedValue}>
          —
        </span>
      </Tooltip>
    );
  }
  return <span data-testid={testId}>{text}</span>;
}
