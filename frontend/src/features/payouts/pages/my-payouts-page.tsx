import { useQuery } from '@apollo/client/react';
import { Alert, Card, Flex, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import type { StatementSummaryFieldsFragment } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useI18n, useMessages } from '@/shared/i18n';
import { Money, MoneyDelta } from '@/shared/money';
import { subtractDecimals } from '@/shared/numbers';
import { periodLabel } from '@/shared/period';
import { myPayoutsQuery } from '../api/my-payouts';
import { statementSummaryFieldsFragment } from '../api/statement-summary-fields';
import { EstimateCard } from '../components/estimate-card';
import { InquiriesCard } from '../components/inquiries-card';
import { RunStatusTag } from '../components/run-status-tag';
import { TotalsChart } from '../components/totals-chart';
import { useRefetchOnFocus } from '../lib/use-refetch-on-focus';
import { payoutMessages } from '../messages';

/** How often the live estimate is asked for again while the page is open. */
export const ESTIMATE_POLL_MS = 15_000;

type Summary = StatementSummaryFieldsFragment;

/**
 * «Мои выплаты»: the manager's live estimate of the running month (asked for again every 15 s and
 * when he comes back to the tab), his totals by month as a line, his statements (each opening its
 * page) and his inquiries.
 */
export function MyPayoutsPage({
  statementPath,
  timeZone,
  currency,
}: {
  statementPath: (id: string) => string;
  timeZone: string;
  currency: string;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  const { data, loading, error, refetch } = useQuery(myPayoutsQuery, {
    pollInterval: ESTIMATE_POLL_MS,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  useRefetchOnFocus(refetch);
  const mine = data?.myPayouts;
  const statements = mine ? unmask(statementSummaryFieldsFragment, mine.statements) : [];

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.myTitle}
      </Typography.Title>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !mine && <Skeleton active />}
      {mine && !mine.employee && (
        <Alert type="info" showIcon title={t.notLinked} data-testid="not-linked" />
      )}
      {mine && mine.employee && (
        <>
          <EstimateCard estimate={mine.estimate} currency={currency} timeZone={timeZone} />
          <TotalsChart
            items={statements}
            type="line"
            title={t.myChart}
            seriesName={t.seriesTotal}
            currency={currency}
            emptyText={t.noStatementsMine}
            testId="my-chart"
          />
          <Card size="small" title={t.myStatements}>
            <Table<Summary>
              size="small"
              rowKey="id"
              dataSource={statements as Summary[]}
              pagination={statements.length > 24 ? { pageSize: 24 } : false}
              locale={{ emptyText: t.noStatementsMine }}
              data-testid="my-statements"
              columns={[
                {
                  title: t.colPeriod,
                  key: 'period',
                  render: (_, s) => (
                    <Link to={statementPath(s.id)} data-testid="my-statement-link">
                      {periodLabel(s.period, language)}
                    </Link>
                  ),
                },
                {
                  title: t.colStatus,
                  key: 'status',
                  render: (_, s) => <RunStatusTag status={s.runStatus} />,
                },
                {
                  title: t.colTotal,
                  key: 'total',
                  align: 'right',
                  render: (_, s) => (
                    <Money value={s.total} currency={currency} testId="my-statement-total" />
                  ),
                },
                {
                  title: t.colChange,
                  key: 'change',
                  align: 'right',
                  render: (_, s) =>
                    s.previousTotal === null ? (
                      '—'
                    ) : (
                      <MoneyDelta
                        value={subtractDecimals(s.total, s.previousTotal)}
                        currency={currency}
                        testId="my-statement-change"
                      />
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {mine && (
        <InquiriesCard
          statementPath={statementPath}
          currency={currency}
          timeZone={timeZone}
          showEmployee={false}
        />
      )}
    </Flex>
  );
}
