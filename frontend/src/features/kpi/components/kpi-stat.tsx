import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { compareDecimals } from '@/shared/numbers';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { formatKpiValue } from '../lib/format-kpi';
import type { KpiDefinition } from '../lib/use-catalogue';
import { kpiMessages } from '../messages';
import { AttainmentBar } from './attainment-bar';
import { KpiName } from './kpi-name';
import { KpiValueText } from './kpi-value-text';

export interface StatValue {
  value: string | null;
  undefinedReason?: string | null;
  plan?: string | null;
  attainment?: string | null;
  facts?: number;
  errors?: number;
}

/**
 * One KPI as a card: its name (definition in the tooltip), the value, the plan with attainment
 * and, when given, the change against the previous period. `onOpen` makes the value a button
 * that opens the drill-down.
 */
export function KpiStat({
  code,
  kpi,
  value,
  previous,
  currency,
  onOpen,
}: {
  code: string;
  kpi: KpiDefinition | undefined;
  value: StatValue | undefined;
  previous?: { value: string | null } | undefined;
  currency: string;
  onOpen?: (() => void) | undefined;
}) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const unit = kpi?.unit ?? 'COUNT';
  const shown = (
    <Typography.Title level={3} style={{ margin: 0 }}>
      <KpiValueText
        unit={unit}
        value={value?.value}
        currency={currency}
        reason={value ? value.undefinedReason : t.noData}
        testId={`kpi-value-${code}`}
      />
    </Typography.Title>
  );
  let body: ReactNode = shown;
  if (onOpen && value) {
    body = (
      <button
        type="button"
        onClick={onOpen}
        data-testid={`kpi-open-${code}`}
        title={t.drillDownHint}
        style={{ all: 'unset', cursor: 'pointer' }}
      >
        {shown}
      </button>
    );
  }
  return (
    <Card size="small" data-testid={`kpi-card-${code}`} style={{ height: '100%' }}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          <KpiName kpi={kpi} code={code} />
        </Typography.Text>
        {kpi ? body : <Skeleton.Input active size="small" />}
        {value?.plan != null && (
          <>
            <Typography.Text type="secondary" data-testid={`kpi-plan-${code}`}>
              {t.plan}: {formatKpiValue(unit, value.plan, currency, locale)}
            </Typography.Text>
            <AttainmentBar attainment={value.attainment} testId={`kpi-attainment-${code}`} />
          </>
        )}
        {previous !== undefined && (
          <Delta
            unit={unit}
            value={value?.value ?? null}
            previous={previous.value}
            currency={currency}
            testId={`kpi-delta-${code}`}
          />
        )}
        {value?.errors ? (
          <Typography.Text type="warning">
            {interpolate(t.errorsCount, { count: value.errors })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The change against the previous period: an arrow and the previous value. */
function Delta({
  unit,
  value,
  previous,
  currency,
  testId,
}: {
  unit: KpiDefinition['unit'];
  value: string | null;
  previous: string | null;
  currency: string;
  testId: string;
}) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  if (previous === null || value === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-direction="none">
        {previous === null ? t.noPrevious : '—'}
      </Typography.Text>
    );
  }
  const direction = compareDecimals(value, previous);
  const icon =
    direction > 0 ? (
      <ArrowUpOutlined style={{ color: '#52c41a' }} />
    ) : direction < 0 ? (
      <ArrowDownOutlined style={{ color: '#ff4d4f' }} />
    ) : (
      <MinusOutlined />
    );
  return (
    <Typography.Text
      type="secondary"
      data-testid={testId}
      data-direction={direction > 0 ? 'up' : direction < 0 ? 'down' : 'same'}
    >
      {icon} {t.vsPrevious}: {formatKpiValue(unit, previous, currency, locale)}
    </Typography.Text>
  );
}
