import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useFragment as unmask } from '@/gql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { portalConnectionQuery } from '../api/portal-connection';
import { portalConnectionFieldsFragment } from '../api/portal-connection-fields';
import { ConnectPortal } from '../components/connect-portal';
import { ConnectedPortal } from '../components/connected-portal';
import { integrationMessages } from '../messages';

/**
 * Bitrix24: the active tenant's portal. Without a connection, whoever may manage it gets the
 * connect wizard and everyone else a note that none is connected; with one, its card, the sync
 * progress and the quarantine (actions only for those who may manage it). A disconnected portal
 * is offered for connecting again.
 */
export function IntegrationPage({ canManage }: { canManage: boolean }) {
  const t = useMessages(integrationMessages);
  const { data, previousData, error, refetch } = useQuery(portalConnectionQuery);
  const [reconnecting, setReconnecting] = useState(false);
  const current = data ?? previousData;
  const connection = unmask(portalConnectionFieldsFragment, current?.portalConnection);
  const reload = () => void refetch().catch(() => {});

  const content = () => {
    if (!current) {
      return error ? (
        <ErrorDisplay error={error} onRetry={reload} />
      ) : (
        <Skeleton active data-testid="portal-loading" />
      );
    }
    const disconnected = connection?.status === 'DISCONNECTED';
    if (canManage && (!connection || disconnected || reconnecting)) {
      return (
        <Flex vertical gap="middle">
          {connection && disconnected && (
            <Alert
              type="info"
              showIcon
              data-testid="portal-disconnected"
              title={interpolate(t.disconnectedNotice, { domain: connection.domain })}
            />
          )}
          {reconnecting && (
            <Flex justify="end">
              <Button icon={<CloseOutlined />} onClick={() => setReconnecting(false)}>
                {t.cancel}
              </Button>
            </Flex>
          )}
          <ConnectPortal
            onConnected={() => {
              setReconnecting(false);
              reload();
            }}
          />
        </Flex>
      );
    }
    if (!connection) {
      return (
        <Result
          status="info"
          title={t.notConnectedTitle}
          subTitle={t.notConnectedText}
          data-testid="portal-not-connected"
        />
      );
    }
    return (
      <ConnectedPortal
        connection={connection}
        canManage={canManage}
        onChanged={reload}
        onReconnect={() => setReconnecting(true)}
      />
    );
  };

  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      {current && error && <ErrorDisplay error={error} onRetry={reload} />}
      {content()}
    </Flex>
  );
}
