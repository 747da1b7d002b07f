import { useQuery } from '@apollo/client/react';
import { Alert, Button, Flex } from 'antd';
import { useFragment as unmask } from '@/gql';
import type { PortalConnectionFieldsFragment } from '@/gql/graphql';
import { useMessages } from '@/shared/i18n';
import { portalSyncQuery } from '../api/portal-sync';
import { syncStatusFieldsFragment } from '../api/sync-status-fields';
import { isSyncActive, pollIntervalFor } from '../lib/sync-state';
import { integrationMessages } from '../messages';
import { ConnectionCard } from './connection-card';
import { Quarantine } from './quarantine';
import { SyncProgress } from './sync-progress';

/**
 * A connected portal: the connection, the sync progress and the quarantine. The progress is
 * polled every second while a pass runs and every 10 s otherwise; each answer updates the cached
 * connection this view is drawn from.
 */
export function ConnectedPortal({
  connection,
  canManage,
  onChanged,
  onReconnect,
}: {
  connection: PortalConnectionFieldsFragment;
  canManage: boolean;
  /** The connection was disconnected: the page asks for it again. */
  onChanged: () => void;
  onReconnect: () => void;
}) {
  const t = useMessages(integrationMessages);
  const sync = unmask(syncStatusFieldsFragment, connection.sync);
  const poll = useQuery(portalSyncQuery, { pollInterval: pollIntervalFor(sync) });

  return (
    <Flex vertical gap="middle">
      {connection.status === 'NEEDS_REAUTH' && (
        <Alert
          type="warning"
          showIcon
          data-testid="needs-reauth"
          title={t.needsReauth}
          action={
            canManage && (
              <Button onClick={onReconnect} data-testid="reconnect-portal">
                {t.reconnect}
              </Button>
            )
          }
        />
      )}
      <ConnectionCard
        connection={connection}
        running={isSyncActive(sync)}
        canManage={canManage}
        onDisconnected={onChanged}
      />
      {poll.error && (
        <Alert type="warning" showIcon title={t.pollFailed} data-testid="sync-poll-failed" />
      )}
      <SyncProgress sync={sync} />
      <Quarantine />
    </Flex>
  );
}
