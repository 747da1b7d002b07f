import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { serverInfoQuery } from '../api/server-info';
import { ServerStatusCard } from '../components/server-status-card';
import { overviewMessages } from '../messages';

export function OverviewPage() {
  const t = useMessages(overviewMessages);
  const { data, loading, error, refetch } = useQuery(serverInfoQuery, {
    notifyOnNetworkStatusChange: true,
  });
  const retry = () => void refetch().catch(() => {}); // the error shows through `error`
  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Typography.Title level={2}>{t.title}</Typography.Title>
      {error ? (
        <ErrorDisplay error={error} onRetry={retry} />
      ) : data ? (
        <ServerStatusCard
          serverInfo={data.serverInfo}
          extra={
            <Button icon={<ReloadOutlined />} loading={loading} onClick={retry}>
              {t.refresh}
            </Button>
          }
        />
      ) : (
        <Card title={t.serverStatus} aria-busy="true">
          <Skeleton active paragraph={{ rows: 5 }} />
        </Card>
      )}
    </Flex>
  );
}
