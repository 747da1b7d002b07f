import { Alert, Card, Flex, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { SyncStatusFieldsFragment } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { SYNC_PHASE_COLORS, SYNC_PHASE_PROGRESS } from '../lib/colors';
import { formatCount, formatDuration, formatPercent, formatRate } from '../lib/format';
import { lastFinishedAt, syncOutcome } from '../lib/sync-state';
import {
  crmEntityMessages,
  integrationMessages,
  syncModeMessages,
  syncPhaseMessages,
} from '../messages';

type EntitySync = SyncStatusFieldsFragment['entities'][number];

const TOTAL_STATUS = {
  running: 'active',
  done: 'success',
  failed: 'exception',
  never: 'normal',
} as const;

/**
 * Progress of the sync: the whole pass as one bar, then each entity with its own bar, rows
 * copied of rows expected, rate, time spent waiting for the portal's rate limits and time left.
 */
export function SyncProgress({ sync }: { sync: SyncStatusFieldsFragment }) {
  const t = useMessages(integrationMessages);
  const entities = useMessages(crmEntityMessages);
  const phases = useMessages(syncPhaseMessages);
  const modes = useMessages(syncModeMessages);
  const { locale } = useI18n();
  const outcome = syncOutcome(sync);
  const finished = lastFinishedAt(sync);
  const none = t.none;

  const columns: TableColumnsType<EntitySync> = [
    {
      key: 'entity',
      title: t.entity,
      render: (_, e) => <span data-testid="entity-name">{entities[e.entity]}</span>,
    },
    {
      key: 'phase',
      title: t.phase,
      render: (_, e) => (
        <Tag color={SYNC_PHASE_COLORS[e.phase]} data-testid="entity-phase">
          {phases[e.phase]}
        </Tag>
      ),
    },
    {
      key: 'progress',
      title: t.entityProgress,
      width: 160,
      render: (_, e) => (
        <Progress
          size="small"
          percent={e.percent ?? (e.phase === 'DONE' ? 100 : 0)}
          status={SYNC_PHASE_PROGRESS[e.phase]}
          format={(percent) => (e.percent === null ? none : formatPercent(percent ?? 0, locale))}
          data-testid="entity-progress"
        />
      ),
    },
    {
      key: 'fetched',
      title: t.fetched,
      align: 'right',
      render: (_, e) => (
        <span data-testid="entity-fetched" style={{ whiteSpace: 'nowrap' }}>
          {formatCount(e.fetched, locale)} /{' '}
          {e.total === null ? none : formatCount(e.total, locale)}
        </span>
      ),
    },
    {
      key: 'rate',
      title: t.rate,
      align: 'right',
      render: (_, e) => (
        <span data-testid="entity-rate" style={{ whiteSpace: 'nowrap' }}>
          {e.rowsPerSecond === null
            ? none
            : interpolate(t.rateValue, { rate: formatRate(e.rowsPerSecond, locale) })}
        </span>
      ),
    },
    {
      key: 'throttled',
      title: t.throttled,
      align: 'right',
      render: (_, e) => (
        <span data-testid="entity-throttled" style={{ whiteSpace: 'nowrap' }}>
          {formatDuration(e.throttledMs / 1000, locale)}
        </span>
      ),
    },
    {
      key: 'eta',
      title: t.eta,
      align: 'right',
      render: (_, e) => (
        <span data-testid="entity-eta" style={{ whiteSpace: 'nowrap' }}>
          {e.etaSeconds === null || e.phase !== 'RUNNING'
            ? none
            : formatDuration(e.etaSeconds, locale)}
        </span>
      ),
    },
    // Columns that would stay empty are left out, so the table fits without scrolling.
    ...(sync.entities.some((e) => e.quarantined > 0)
      ? [
          {
            key: 'quarantined',
            title: t.quarantinedCount,
            align: 'right' as const,
            render: (_: unknown, e: EntitySync) => (
              <span data-testid="entity-quarantined">
                {e.quarantined > 0 ? formatCount(e.quarantined, locale) : none}
              </span>
            ),
          },
        ]
      : []),
    ...(sync.entities.some((e) => e.lastError)
      ? [
          {
            key: 'error',
            title: t.error,
            render: (_: unknown, e: EntitySync) =>
              e.lastError ? (
                <Typography.Text type="danger" data-testid="entity-error">
                  {e.lastError}
                </Typography.Text>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t.progress}
      data-testid="sync-progress"
      extra={
        sync.running && (
          <Tag color="processing" data-testid="sync-running">
            {interpolate(t.running, { mode: modes[sync.running] })}
          </Tag>
        )
      }
    >
      <Flex vertical gap="middle">
        <div>
          <Progress
            percent={sync.percent}
            status={TOTAL_STATUS[outcome]}
            format={(percent) => formatPercent(percent ?? 0, locale)}
            data-testid="sync-progress-total"
          />
          <Typography.Text type="secondary" data-testid="sync-fetched">
            {sync.total === null
              ? interpolate(t.fetchedOnly, { fetched: formatCount(sync.fetched, locale) })
              : interpolate(t.fetchedOfTotal, {
                  fetched: formatCount(sync.fetched, locale),
                  total: formatCount(sync.total, locale),
                })}
          </Typography.Text>
        </div>
        {outcome === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="sync-done"
            title={t.syncDone}
            description={
              finished && interpolate(t.syncDoneAt, { at: formatDateTime(finished, locale) })
            }
          />
        )}
        {outcome === 'failed' && (
          <Alert
            type="error"
            showIcon
            data-testid="sync-failed"
            title={t.syncFailed}
            description={t.syncFailedText}
          />
        )}
        {outcome === 'never' ? (
          <Typography.Text type="secondary" data-testid="sync-never">
            {t.neverSynced}
          </Typography.Text>
        ) : (
          <Table<EntitySync>
            rowKey="entity"
            columns={columns}
            dataSource={sync.entities}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
          />
        )}
      </Flex>
    </Card>
  );
}
