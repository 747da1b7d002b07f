import { useQuery } from '@apollo/client/react';
import { Card, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import type { KpiSubjectInput } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useI18n, useMessages } from '@/shared/i18n';
import { EChart } from '@/shared/charts';
import { periodLabel, type PeriodRef } from '@/shared/period';
import { kpiSeriesQuery } from '../api/kpi-series';
import { volumePlanOption } from '../lib/chart-options';
import { kpiMessages } from '../messages';

/** «Объём продаж и план»: sales volume (bars) and its plan (line) over the last 12 periods. */
export function VolumePlanChart({
  subject,
  period,
  currency,
  height = 300,
}: {
  /** null: no single subject (a company with several root departments): asks to choose one. */
  subject: KpiSubjectInput | null;
  period: PeriodRef;
  currency: string;
  height?: number;
}) {
  const t = useMessages(kpiMessages);
  const { language, locale } = useI18n();
  const { data, error, refetch } = useQuery(kpiSeriesQuery, {
    variables: {
      kpi: 'sales_volume',
      subject: subject ?? {},
      periodKind: period.kind,
      to: period.start,
      count: 12,
    },
    skip: subject === null,
  });
  const option = useMemo(
    () =>
      data &&
      volumePlanOption(
        data.kpiSeries.map((p) => ({
          label: periodLabel(p.period, language, true),
          value: p.value,
          plan: p.plan,
        })),
        currency,
        locale,
        { value: t.volume, plan: t.plan },
      ),
    [data, currency, locale, language, t],
  );
  const empty = data && data.kpiSeries.every((p) => p.value === null && p.plan === null);
  return (
    <Card title={t.volumeVsPlan} size="small" data-testid="chart-volume-plan">
      {subject === null ? (
        <Empty description={t.chooseDepartment} />
      ) : error ? (
        <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />
      ) : !option ? (
        <Skeleton active />
      ) : empty ? (
        <Empty description={t.chartEmpty} />
      ) : (
        <EChart option={option} height={height} label={t.volumeVsPlan} />
      )}
    </Card>
  );
}
