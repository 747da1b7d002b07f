import { Flex, Input, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import type { KpiUnit } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import { formatAttainment, formatKpiValue } from '../lib/format-kpi';
import { kpiMessages } from '../messages';

/**
 * One editable target of the plan grid, with the actual value and attainment under it. The text
 * is what the user typed (a Russian comma is fine); `problem` is a local or server error shown on
 * the cell.
 */
export const PlanCell = memo(function PlanCell({
  cellKey,
  kpi,
  unit,
  text,
  changed,
  problem,
  disabled,
  disabledReason,
  actual,
  attainment,
  currency,
  onEdit,
}: {
  cellKey: string;
  kpi: string;
  unit: KpiUnit;
  text: string;
  changed: boolean;
  problem: string | undefined;
  disabled: boolean;
  disabledReason?: string | undefined;
  actual: string | null | undefined;
  attainment: string | null | undefined;
  currency: string;
  onEdit: (key: string, text: string) => void;
}) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const actualText = formatKpiValue(unit, actual, currency, locale);
  const attainmentText = formatAttainment(attainment, locale);
  const input = (
    <Input
      size="small"
      value={text}
      disabled={disabled}
      status={problem ? 'error' : undefined}
      inputMode="decimal"
      aria-invalid={problem ? true : undefined}
      data-testid={`plan-input-${kpi}`}
      data-changed={changed ? 'true' : undefined}
      style={{ width: 130, textAlign: 'right', ...(changed ? { background: '#fffbe6' } : {}) }}
      onChange={(e) => onEdit(cellKey, e.target.value)}
    />
  );
  return (
    <Flex vertical align="end" gap={2} style={{ minWidth: 130 }}>
      {disabled && disabledReason ? <Tooltip title={disabledReason}>{input}</Tooltip> : input}
      {problem && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="plan-cell-error">
          {problem}
        </Typography.Text>
      )}
      {(actualText !== null || attainmentText !== null) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-cell-actual">
          {t.actual} {actualText ?? '—'}
          {attainmentText !== null && (
            <span data-testid={`plan-attainment-${kpi}`}> · {attainmentText}</span>
          )}
        </Typography.Text>
      )}
    </Flex>
  );
});
