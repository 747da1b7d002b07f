import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { tenantUsersQuery } from '../api/tenant-users';
import { InviteUserModal } from '../components/invite-user-modal';
import { TenantUsersTable } from '../components/tenant-users-table';
import { tenantUserMessages } from '../messages';

export const PAGE_SIZE = 50;

/**
 * Settings → Users: the people of the active tenant, 50 at a time ("load more" appends the next
 * page), with invitations, role changes and deactivation.
 */
export function TenantUsersPage({ currentUserId }: { currentUserId?: string }) {
  const t = useMessages(tenantUserMessages);
  const { data, loading, error, refetch, fetchMore } = useQuery(tenantUsersQuery, {
    variables: { first: PAGE_SIZE },
  });
  const [inviting, setInviting] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const connection = data?.tenantUsers;
  const users = connection?.edges.map((edge) => edge.node) ?? [];

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) {
      return;
    }
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { first: PAGE_SIZE, after: connection.pageInfo.endCursor } });
    } catch {
      // shown through `error`
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setInviting(true)}
          data-testid="invite-user"
        >
          {t.invite}
        </Button>
      </Flex>
      {error && !connection ? (
        <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />
      ) : (
        <>
          {error && <ErrorDisplay error={error} />}
          <TenantUsersTable
            users={users}
            loading={loading && !loadingMore}
            currentUserId={currentUserId}
          />
          {connection && (
            <Flex align="center" gap="middle">
              <Typography.Text type="secondary" data-testid="users-shown">
                {interpolate(t.shown, { shown: users.length, total: connection.totalCount })}
              </Typography.Text>
              {connection.pageInfo.hasNextPage && (
                <Button
                  onClick={() => void loadMore()}
                  loading={loadingMore}
                  data-testid="load-more"
                >
                  {t.loadMore}
                </Button>
              )}
            </Flex>
          )}
        </>
      )}
      <InviteUserModal open={inviting} onClose={() => setInviting(false)} />
    </Flex>
  );
}
