import { Card, Empty, Flex, Select, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import type { DepartmentKpisQuery } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import { formatCount } from '@/shared/numbers';
import { EChart } from '@/shared/charts';
import { activityOption, attainmentOption, funnelOption } from '../lib/chart-options';
import { kpiMessages } from '../messages';

type Overview = DepartmentKpisQuery['departmentKpis'];

const valueOf = (values: Overview['managers'][number]['values'], code: string) =>
  values.find((v) => v.kpi.code === code);

/** «Выполнение плана по менеджерам»: sales-volume attainment per manager, sorted, 100 % line. */
export function AttainmentChart({ overview }: { overview: Overview }) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const rows = useMemo(
    () =>
      overview.managers.flatMap((m) => {
        const attainment = valueOf(m.values, 'sales_volume')?.attainment;
        return attainment == null ? [] : [{ name: m.employee.name, attainment }];
      }),
    [overview],
  );
  const option = useMemo(() => attainmentOption(rows, locale, t.attainmentAxis), [rows, locale, t]);
  return (
    <Card title={t.attainmentByManager} size="small" data-testid="chart-attainment">
      {rows.length === 0 ? (
        <Empty description={t.chartEmpty} />
      ) : (
        <EChart
          option={option}
          height={Math.max(200, rows.length * 32 + 60)}
          label={t.attainmentByManager}
        />
      )}
    </Card>
  );
}

/** «Воронка по стадиям»: per pipeline, deals that entered each in-progress stage and moved on. */
export function FunnelChart({ overview }: { overview: Overview }) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const pipelines = useMemo(() => {
    const seen = new Map<number, string>();
    for (const s of overview.funnel) {
      seen.set(s.pipelineId, s.pipelineName);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [overview]);
  const [chosen, setChosen] = useState<number | null>(null);
  const pipelineId =
    chosen !== null && pipelines.some((p) => p.value === chosen) ? chosen : pipelines[0]?.value;
  const option = useMemo(() => {
    const rows = overview.funnel
      .filter((s) => s.pipelineId === pipelineId)
      .sort((a, b) => a.sort - b.sort)
      .map((s) => ({
        stageName: s.stageName,
        entered: s.entered,
        converted: s.converted,
        conversion: s.conversion,
      }));
    return funnelOption(rows, locale, { entered: t.entered, converted: t.converted });
  }, [overview, pipelineId, locale, t]);
  return (
    <Card
      title={t.funnel}
      size="small"
      data-testid="chart-funnel"
      extra={
        pipelines.length > 1 && (
          <Select
            size="small"
            style={{ minWidth: 180 }}
            aria-label={t.pipeline}
            value={pipelineId}
            options={pipelines}
            onChange={setChosen}
          />
        )
      }
    >
      {pipelines.length === 0 ? (
        <Empty description={t.chartEmpty} />
      ) : (
        <EChart option={option} label={t.funnel} />
      )}
    </Card>
  );
}

/** «Активность»: the totals, and calls/meetings/e-mails stacked per manager when known. */
export function ActivityChart({ overview }: { overview: Overview }) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const option = useMemo(() => {
    const count = (code: string, values: Overview['managers'][number]['values']) => {
      const v = valueOf(values, code)?.value;
      return v == null ? null : Number(v);
    };
    const perManager = overview.managers.flatMap((m) => {
      const calls = count('activity_calls', m.values);
      const meetings = count('activity_meetings', m.values);
      const emails = count('activity_emails', m.values);
      return calls === null && meetings === null && emails === null
        ? []
        : [
            {
              name: m.employee.name,
              calls: calls ?? 0,
              meetings: meetings ?? 0,
              emails: emails ?? 0,
            },
          ];
    });
    const rows =
      perManager.length > 0 ? perManager : [{ name: t.wholeCompany, ...overview.activity }];
    return activityOption(rows, locale, { calls: t.calls, meetings: t.meetings, emails: t.emails });
  }, [overview, locale, t]);
  const { calls, meetings, emails } = overview.activity;
  return (
    <Card title={t.activity} size="small" data-testid="chart-activity">
      <Flex gap="large" wrap style={{ marginBottom: 8 }}>
        {(
          [
            ['calls', t.calls, calls],
            ['meetings', t.meetings, meetings],
            ['emails', t.emails, emails],
          ] as const
        ).map(([key, title, n]) => (
          <Statistic
            key={key}
            title={title}
            value={n}
            formatter={() => formatCount(String(n), locale)}
            data-testid={`activity-${key}`}
          />
        ))}
      </Flex>
      {calls + meetings + emails === 0 ? (
        <Empty description={t.chartEmpty} />
      ) : (
        <EChart option={option} height={260} label={t.activity} />
      )}
    </Card>
  );
}
