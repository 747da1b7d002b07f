import { FileAddOutlined, IdcardOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { App, Button, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PayoutRunsQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { Money } from '@/shared/money';
import { periodLabel } from '@/shared/period';
import { payoutRunsQuery } from '../api/payout-runs';
import { InquiriesCard } from '../components/inquiries-card';
import { PrepareRunModal } from '../components/prepare-run-modal';
import { RunStatusTag } from '../components/run-status-tag';
import { TotalsChart } from '../components/totals-chart';
import { payoutMessages } from '../messages';

type Run = PayoutRunsQuery['payoutRuns'][number];

/**
 * «Выплаты»: the tenant's runs, newest first — period, status, employees, totals — with the totals
 * by month as bars; those who manage runs prepare the run of a closed month from here. The header
 * links to «Табельные номера». Below, the tenant's inquiries.
 */
export function PayoutRunsPage({
  runPath,
  statementPath,
  profilesPath,
  canPrepare,
  timeZone,
  currency,
}: {
  runPath: (id: string) => string;
  statementPath: (id: string) => string;
  profilesPath: string;
  canPrepare: boolean;
  timeZone: string;
  currency: string;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(payoutRunsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [preparing, setPreparing] = useState(false);
  const runs = data?.payoutRuns ?? [];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t.runsTitle}
        </Typography.Title>
        <Flex gap="small" wrap>
          <Link to={profilesPath} data-testid="profiles-link" style={{ alignSelf: 'center' }}>
            <IdcardOutlined /> {t.profilesLink}
          </Link>
          {canPrepare && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => setPreparing(true)}
              data-testid="prepare-run"
            >
              {t.prepareRun}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t.runsIntro}</Typography.Paragraph>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <TotalsChart
            items={runs}
            type="bar"
            title={t.totalsChart}
            seriesName={t.seriesTotal}
            currency={currency}
            emptyText={t.noRuns}
            testId="runs-chart"
          />
          <Table<Run>
            rowKey="id"
            dataSource={runs}
            pagination={runs.length > 24 ? { pageSize: 24 } : false}
            locale={{ emptyText: t.noRuns }}
            data-testid="runs-table"
            columns={[
              {
                title: t.colPeriod,
                key: 'period',
                render: (_, run) => (
                  <Link to={runPath(run.id)} data-testid="run-link">
                    {periodLabel(run.period, language)}
                  </Link>
                ),
              },
              {
                title: t.colStatus,
                key: 'status',
                render: (_, run) => <RunStatusTag status={run.status} />,
              },
              { title: t.colEmployees, key: 'employees', align: 'right', dataIndex: 'employees' },
              ...(
                [
                  ['base', t.colBase, 'baseTotal'],
                  ['variable', t.colVariable, 'variableTotal'],
                  ['adjustments', t.colAdjustments, 'adjustmentTotal'],
                  ['total', t.colTotal, 'total'],
                ] as const
              ).map(([key, title, field]) => ({
                title,
                key,
                align: 'right' as const,
                render: (_: unknown, run: Run) => (
                  <Money value={run[field]} currency={currency} testId={`run-${key}`} />
                ),
              })),
            ]}
          />
        </>
      )}
      <InquiriesCard
        statementPath={statementPath}
        currency={currency}
        timeZone={timeZone}
        showEmployee
      />
      {canPrepare && (
        <PrepareRunModal
          open={preparing}
          timeZone={timeZone}
          onClose={() => setPreparing(false)}
          onPrepared={(run) => {
            setPreparing(false);
            message.success(
              interpolate(t.prepared, {
                month: periodLabel(run.period, language),
                revision: run.revision,
              }),
            );
            navigate(runPath(run.id));
          }}
        />
      )}
    </Flex>
  );
}
