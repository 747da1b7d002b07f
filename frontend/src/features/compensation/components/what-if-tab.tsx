import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Statistic,
  Table,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { WhatIfRunQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { Money, moneyText } from '@/shared/money';
import { INTL_LOCALE, useI18n, useMessages } from '@/shared/i18n';
import { formatPercent } from '@/shared/numbers';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { EChart } from '@/shared/charts';
import { startWhatIfMutation, whatIfRunQuery } from '../api/what-if';
import { costChartOption, shareChartOption } from '../lib/what-if-chart';
import { compensationMessages } from '../messages';
import { WhatIfProgress } from './what-if-progress';

/** How often a running replay is asked for its progress. */
export const WHAT_IF_POLL_MS = 1_000;

type Run = NonNullable<WhatIfRunQuery['whatIfRun']>;
type EmployeeRow = Run['employees'][number];

export interface ReplayableVersion {
  id: string;
  number: number;
  draft: boolean;
}

/**
 * Replays a version over the last N closed months as a job: a progress bar while it runs (polled
 * every second), then the cost per month beside the schemes in force, the bonus as a share of base
 * salary against the 20–30 % guideline, totals and a table per employee.
 */
export function WhatIfTab({
  versions,
  currency,
}: {
  versions: readonly ReplayableVersion[];
  currency: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const [versionId, setVersionId] = useState<string | undefined>(versions[0]?.id);
  const [months, setMonths] = useState(12);
  const [runId, setRunId] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [start, starting] = useMutation(startWhatIfMutation);

  const run = useQuery(whatIfRunQuery, {
    variables: { id: runId ?? '' },
    skip: !runId,
    pollInterval: WHAT_IF_POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const data = run.data?.whatIfRun ?? null;
  const finished = data?.status === 'DONE' || data?.status === 'FAILED';
  const { stopPolling } = run;
  useEffect(() => {
    if (finished) {
      stopPolling();
    }
  }, [finished, stopPolling]);

  const doStart = async () => {
    if (!versionId) {
      return;
    }
    const { data: started } = await start({ variables: { input: { versionId, months } } });
    const payload = started?.startWhatIf;
    if (!payload?.run) {
      setErrors(payload?.errors ?? []);
      return;
    }
    setErrors([]);
    setRunId(payload.run.id);
  };

  const cost = useMemo(
    () =>
      data?.status === 'DONE'
        ? costChartOption(
            data.monthly,
            { replayed: t.seriesReplayed, current: t.seriesCurrent },
            locale,
            currency,
          )
        : null,
    [data, t, locale, currency],
  );
  const share = useMemo(
    () =>
      data?.status === 'DONE'
        ? shareChartOption(
            data.monthly,
            { replayed: t.seriesReplayed, current: t.seriesCurrent, guideline: t.guideline },
            locale,
          )
        : null,
    [data, t, locale],
  );

  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t.whatIfHint} />
      <Form layout="inline" onFinish={() => void doStart()}>
        <Form.Item label={t.whatIfVersion}>
          <Select<string>
            value={versionId}
            onChange={setVersionId}
            style={{ width: 200 }}
            options={versions.map((v) => ({
              value: v.id,
              label: `${v.number}${v.draft ? ` (${t.whatIfDraft})` : ''}`,
            }))}
            data-testid="what-if-version"
          />
        </Form.Item>
        <Form.Item label={t.whatIfMonths}>
          <InputNumber
            min={1}
            max={36}
            value={months}
            onChange={(v) => setMonths(v ?? 12)}
            data-testid="what-if-months"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlayCircleOutlined />}
          loading={starting.loading || (runId !== null && !finished)}
          disabled={!versionId}
          data-testid="what-if-start"
        >
          {t.startWhatIf}
        </Button>
      </Form>
      <FormErrors errors={errors} />
      {starting.error && <ErrorDisplay error={starting.error} />}
      {run.error && <ErrorDisplay error={run.error} onRetry={() => void run.refetch()} />}
      {data && (
        <WhatIfProgress
          status={data.status}
          done={data.progressDone}
          total={data.progressTotal}
          error={data.error}
        />
      )}
      {data?.status === 'DONE' && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Statistic
                title={t.totalCost}
                value={data.totalCost ? moneyText(data.totalCost, currency, locale) : '—'}
                data-testid="what-if-total"
              />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic
                title={t.currentCost}
                value={data.currentCost ? moneyText(data.currentCost, currency, locale) : '—'}
              />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic
                title={t.baseSalaryTotal}
                value={
                  data.baseSalaryTotal ? moneyText(data.baseSalaryTotal, currency, locale) : '—'
                }
              />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic
                title={t.bonusShare}
                value={data.bonusSharePercent ? formatPercent(data.bonusSharePercent, locale) : '—'}
                data-testid="what-if-share"
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t.costChart}>
                {cost && <EChart option={cost} label={t.costChart} testId="what-if-cost-chart" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t.shareChart}>
                {share && (
                  <EChart option={share} label={t.shareChart} testId="what-if-share-chart" />
                )}
              </Card>
            </Col>
          </Row>
          <Table<EmployeeRow>
            rowKey={(r) => r.employee.id}
            size="small"
            dataSource={data.employees}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="what-if-employees"
            columns={[
              { title: t.colEmployee, key: 'name', render: (_, r) => r.employee.name },
              {
                title: t.colVariable,
                key: 'variable',
                align: 'right',
                render: (_, r) => <Money value={r.variablePay} currency={currency} />,
              },
              {
                title: t.colCurrentVariable,
                key: 'current',
                align: 'right',
                render: (_, r) => <Money value={r.currentVariablePay} currency={currency} />,
              },
              {
                title: t.colBase,
                key: 'base',
                align: 'right',
                render: (_, r) => <Money value={r.baseSalary} currency={currency} />,
              },
              {
                title: t.colShare,
                key: 'share',
                align: 'right',
                render: (_, r) =>
                  r.bonusSharePercent ? formatPercent(r.bonusSharePercent, locale) : '—',
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
