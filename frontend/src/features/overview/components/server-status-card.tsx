import { Card, Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ServerInfoQuery } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { useI18n, useMessages } from '@/shared/i18n';
import { overviewMessages } from '../messages';

type ServerInfo = ServerInfoQuery['serverInfo'];

const PROFILE_COLORS: Record<string, string> = { dev: 'blue', test: 'orange', prod: 'green' };

export function ServerStatusCard({
  serverInfo,
  extra,
}: {
  serverInfo: ServerInfo;
  extra?: ReactNode;
}) {
  const t = useMessages(overviewMessages);
  const { locale } = useI18n();
  return (
    <Card title={t.serverStatus} extra={extra} data-testid="server-status">
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t.name, children: serverInfo.name },
          {
            key: 'version',
            label: t.version,
            children: <span data-testid="server-version">{serverInfo.version}</span>,
          },
          {
            key: 'profile',
            label: t.profile,
            children: (
              <Tag color={PROFILE_COLORS[serverInfo.profile]} data-testid="server-profile">
                {serverInfo.profile}
              </Tag>
            ),
          },
          {
            key: 'serverTime',
            label: t.serverTime,
            children: (
              <time dateTime={serverInfo.serverTime} data-testid="server-time">
                {formatDateTime(serverInfo.serverTime, locale)}
              </time>
            ),
          },
          {
            key: 'databaseVersion',
            label: t.databaseVersion,
            children: <span data-testid="database-version">{serverInfo.databaseVersion}</span>,
          },
          {
            key: 'appliedMigrations',
            label: t.appliedMigrations,
            children: (
              <span data-testid="applied-migrations">
                {serverInfo.appliedMigrations.toLocaleString(locale)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
