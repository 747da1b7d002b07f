import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Tooltip, Typography } from 'antd';
import type { PeriodKind } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import {
  currentPeriod,
  periodContaining,
  periodLabel,
  samePeriod,
  shiftPeriod,
  type PeriodRef,
} from '@/shared/period';
import { kpiMessages } from '../messages';

/**
 * Month, quarter or year; the previous and next one; back to the current one. Changing the kind
 * keeps the period that contains the shown one's first day (November → IV quarter → the year).
 */
export function PeriodPicker({
  period,
  onChange,
  timeZone,
}: {
  period: PeriodRef;
  onChange: (next: PeriodRef) => void;
  timeZone: string;
}) {
  const t = useMessages(kpiMessages);
  const { language } = useI18n();
  const current = currentPeriod(period.kind, timeZone);
  return (
    <Flex align="center" gap="small" wrap data-testid="period-picker">
      <Segmented<PeriodKind>
        value={period.kind}
        onChange={(kind) => onChange(periodContaining(kind, period.start))}
        options={[
          { value: 'MONTH', label: t.month },
          { value: 'QUARTER', label: t.quarter },
          { value: 'YEAR', label: t.year },
        ]}
        data-testid="period-kind"
      />
      <Tooltip title={t.previousPeriod}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t.previousPeriod}
          data-testid="period-previous"
          onClick={() => onChange(shiftPeriod(period, -1))}
        />
      </Tooltip>
      <Typography.Text
        strong
        data-testid="period-label"
        style={{ minWidth: 140, textAlign: 'center', display: 'inline-block' }}
      >
        {periodLabel(period, language)}
      </Typography.Text>
      <Tooltip title={t.nextPeriod}>
        <Button
          icon={<RightOutlined />}
          aria-label={t.nextPeriod}
          data-testid="period-next"
          onClick={() => onChange(shiftPeriod(period, 1))}
        />
      </Tooltip>
      <Button
        disabled={samePeriod(period, current)}
        data-testid="period-current"
        onClick={() => onChange(current)}
      >
        {t.currentPeriod}
      </Button>
    </Flex>
  );
}
