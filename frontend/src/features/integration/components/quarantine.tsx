import { useQuery } from '@apollo/client/react';
import { Badge, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { QuarantinedRowsQuery } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { useI18n, useMessages } from '@/shared/i18n';
import { quarantinedRowsQuery } from '../api/quarantined-rows';
import { formatCount } from '../lib/format';
import { POLL_IDLE_MS } from '../lib/sync-state';
import { crmEntityMessages, integrationMessages } from '../messages';

type QuarantinedRow = QuarantinedRowsQuery['quarantinedRows'][number];

/** How many refused rows the page lists (newest first). */
export const QUARANTINE_PAGE = 50;

/**
 * Rows the portal answered with that could not be trusted: which entity, the portal's id, why,
 * how often. Refreshed every 10 s, since a running sync may add to it.
 */
export function Quarantine() {
  const t = useMessages(integrationMessages);
  const entities = useMessages(crmEntityMessages);
  const { locale } = useI18n();
  const { data, previousData, loading, error, refetch } = useQuery(quarantinedRowsQuery, {
    variables: { first: QUARANTINE_PAGE },
    pollInterval: POLL_IDLE_MS,
  });
  const rows = (data ?? previousData)?.quarantinedRows;
  const count = rows?.length ?? 0;

  const columns: TableColumnsType<QuarantinedRow> = [
    {
      key: 'entity',
      title: t.entity,
      render: (_, r) => <span data-testid="quarantine-entity">{entities[r.entity]}</span>,
    },
    {
      key: 'rawId',
      title: t.rawId,
      render: (_, r) => (
        <Typography.Text code data-testid="quarantine-raw-id">
          {r.rawId}
        </Typography.Text>
      ),
    },
    {
      key: 'reason',
      title: t.reason,
      render: (_, r) => <span data-testid="quarantine-reason">{r.reason}</span>,
    },
    {
      key: 'occurrences',
      title: t.occurrences,
      align: 'right',
      render: (_, r) => (
        <span data-testid="quarantine-occurrences">{formatCount(r.occurrences, locale)}</span>
      ),
    },
    {
      key: 'lastSeenAt',
      title: t.lastSeenAt,
      render: (_, r) => <time dateTime={r.lastSeenAt}>{formatDateTime(r.lastSeenAt, locale)}</time>,
    },
  ];

  return (
    <Card
      data-testid="quarantine"
      title={
        <Flex align="center" gap="small">
          {t.quarantine}
          <Badge
            count={count >= QUARANTINE_PAGE ? `${QUARANTINE_PAGE}+` : count}
            showZero
            color={count > 0 ? 'orange' : 'green'}
            data-testid="quarantine-count"
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t.quarantineText}</Typography.Paragraph>
      {error && !rows ? (
        <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />
      ) : (
        <Table<QuarantinedRow>
          rowKey={(r) => `${r.entity}:${r.rawId}`}
          columns={columns}
          dataSource={rows ?? []}
          loading={loading && !rows}
          pagination={false}
          size="small"
          locale={{ emptyText: t.quarantineEmpty }}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (r) => r.rawExcerpt !== null,
            expandedRowRender: (r) => (
              <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {r.rawExcerpt}
              </Typography.Text>
            ),
          }}
        />
      )}
    </Card>
  );
}
