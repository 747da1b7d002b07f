import {
  DisconnectOutlined,
  FilterOutlined,
  ReloadOutlined,
  SyncOutlined,
  AuditOutlined,
} from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { PortalConnectionFieldsFragment, SyncMode } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { useApiErrorText } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { disconnectPortalMutation } from '../api/disconnect-portal';
import { syncPortalMutation } from '../api/sync-portal';
import { PORTAL_STATUS_COLORS } from '../lib/colors';
import {
  integrationMessages,
  portalModeMessages,
  portalStatusMessages,
  syncModeMessages,
} from '../messages';
import { ConfigurePipelinesModal } from './configure-pipelines-modal';

type Connection = Omit<PortalConnectionFieldsFragment, 'sync'>;

/**
 * The tenant's portal connection: how and where it connects, its status, the pipelines synced
 * and the last error. With `canManage`, the actions: sync now (changes, full, reconciliation),
 * change pipelines, disconnect.
 */
export function ConnectionCard({
  connection,
  running,
  canManage,
  onDisconnected,
}: {
  connection: Connection;
  /** A pass runs now: no other can start. */
  running: boolean;
  canManage: boolean;
  onDisconnected: () => void;
}) {
  const t = useMessages(integrationMessages);
  const modes = useMessages(portalModeMessages);
  const statuses = useMessages(portalStatusMessages);
  const { locale } = useI18n();
  const [configuring, setConfiguring] = useState(false);
  const none = t.none;

  const selected = connection.pipelines.filter((p) => p.selected);
  const pipelines =
    selected.length === 0 || selected.length === connection.pipelines.length
      ? t.allPipelines
      : selected.map((p) => p.name).join(', ');
  const active = connection.status !== 'DISCONNECTED';

  return (
    <Card
      title={t.connection}
      data-testid="portal-connection"
      extra={
        canManage &&
        active && (
          <Flex gap="small" wrap justify="end">
            <SyncButton mode="INCREMENTAL" running={running} />
            <SyncButton mode="FULL" running={running} />
            <SyncButton mode="RECONCILE" running={running} />
            <Button
              icon={<FilterOutlined />}
              onClick={() => setConfiguring(true)}
              data-testid="configure-portal"
            >
              {t.configure}
            </Button>
            <DisconnectButton domain={connection.domain} onDisconnected={onDisconnected} />
          </Flex>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'domain',
            label: t.portal,
            children: <span data-testid="connection-domain">{connection.domain}</span>,
          },
          {
            key: 'status',
            label: t.status,
            children: (
              <Tag color={PORTAL_STATUS_COLORS[connection.status]} data-testid="connection-status">
                {statuses[connection.status]}
              </Tag>
            ),
          },
          {
            key: 'mode',
            label: t.mode,
            children: <span data-testid="connection-mode">{modes[connection.mode]}</span>,
          },
          {
            key: 'memberId',
            label: t.memberId,
            children: <span data-testid="connection-member-id">{connection.memberId ?? none}</span>,
          },
          {
            key: 'plan',
            label: t.plan,
            children: connection.enterprise ? (
              <Tag color="purple">{t.enterprise}</Tag>
            ) : (
              t.standardPlan
            ),
          },
          {
            key: 'connectedAt',
            label: t.connectedAt,
            children: (
              <time dateTime={connection.connectedAt}>
                {formatDateTime(connection.connectedAt, locale)}
              </time>
            ),
          },
          {
            key: 'pipelines',
            label: t.selectedPipelines,
            children: <span data-testid="connection-pipelines">{pipelines}</span>,
          },
          {
            key: 'nps',
            label: t.npsField,
            children: <Typography.Text code>{connection.npsField}</Typography.Text>,
          },
          {
            key: 'lastError',
            label: t.lastError,
            span: 'filled',
            children: connection.lastError ? (
              <Typography.Text type="danger" data-testid="connection-last-error">
                {connection.lastError}
              </Typography.Text>
            ) : (
              none
            ),
          },
        ]}
      />
      {canManage && (
        <ConfigurePipelinesModal
          open={configuring}
          onClose={() => setConfiguring(false)}
          pipelines={connection.pipelines}
          npsField={connection.npsField}
        />
      )}
    </Card>
  );
}

const SYNC_BUTTONS: Record<SyncMode, { icon: ReactNode; testId: string }> = {
  INCREMENTAL: { icon: <SyncOutlined />, testId: 'sync-incremental' },
  FULL: { icon: <ReloadOutlined />, testId: 'sync-full' },
  RECONCILE: { icon: <AuditOutlined />, testId: 'sync-reconcile' },
};

/** Starts a pass of `mode`; the answer (sync running) reaches the page through the cache. */
function SyncButton({ mode, running }: { mode: SyncMode; running: boolean }) {
  const t = useMessages(integrationMessages);
  const modes = useMessages(syncModeMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [sync, { loading }] = useMutation(syncPortalMutation);
  const label = { INCREMENTAL: t.syncIncremental, FULL: t.syncFull, RECONCILE: t.syncReconcile }[
    mode
  ];

  const start = async () => {
    const result = await sync({ variables: { input: { mode } } }).catch((e: unknown) => {
      void message.error(errorText(e));
      return undefined;
    });
    const payload = result?.data?.syncPortal;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      void message.error(payload.errors.map((e) => e.message).join(' '));
      return;
    }
    void message.success(interpolate(t.syncStarted, { mode: modes[mode] }));
  };

  return (
    <Button
      type={mode === 'INCREMENTAL' ? 'primary' : 'default'}
      icon={SYNC_BUTTONS[mode].icon}
      loading={loading}
      disabled={running && !loading}
      onClick={() => void start()}
      data-testid={SYNC_BUTTONS[mode].testId}
    >
      {label}
    </Button>
  );
}

/** Disconnects after a confirmation: secrets are erased, synced data stays. */
function DisconnectButton({
  domain,
  onDisconnected,
}: {
  domain: string;
  onDisconnected: () => void;
}) {
  const t = useMessages(integrationMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [disconnect, { loading }] = useMutation(disconnectPortalMutation);

  const confirm = async () => {
    const result = await disconnect().catch((e: unknown) => {
      void message.error(errorText(e));
      return undefined;
    });
    const payload = result?.data?.disconnectPortal;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      void message.error(payload.errors.map((e) => e.message).join(' '));
      return;
    }
    void message.success(interpolate(t.disconnected, { domain }));
    onDisconnected();
  };

  return (
    <Popconfirm
      title={interpolate(t.disconnectConfirm, { domain })}
      description={t.disconnectText}
      okText={t.disconnect}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      onConfirm={confirm}
    >
      <Button
        danger
        icon={<DisconnectOutlined />}
        loading={loading}
        data-testid="disconnect-portal"
      >
        {t.disconnect}
      </Button>
    </Popconfirm>
  );
}
