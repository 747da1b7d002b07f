import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TenantUsersQuery } from '@/gql/graphql';
import {
  accessRoleMessages,
  isTenantRole,
  MEMBERSHIP_STATUS_COLORS,
  membershipStatusMessages,
} from '@/shared/access';
import { formatDate } from '@/shared/date-time';
import { useI18n, useMessages } from '@/shared/i18n';
import { tenantUserMessages } from '../messages';
import { DeactivateButton, RoleSelect } from './tenant-user-actions';

export type TenantUserRow = TenantUsersQuery['tenantUsers']['edges'][number]['node'];

const NONE = '—';

export function TenantUsersTable({
  users,
  loading,
  currentUserId,
}: {
  users: readonly TenantUserRow[];
  loading: boolean;
  /** The viewer's own row offers no role change and no deactivation: nobody locks himself out. */
  currentUserId: string | undefined;
}) {
  const t = useMessages(tenantUserMessages);
  const roles = useMessages(accessRoleMessages);
  const statuses = useMessages(membershipStatusMessages);
  const { locale } = useI18n();

  const name = (u: TenantUserRow) => u.user.displayName || u.user.email;
  const editable = (u: TenantUserRow) =>
    u.status !== 'DEACTIVATED' && u.user.id !== currentUserId && isTenantRole(u.accessRole);

  const columns: TableColumnsType<TenantUserRow> = [
    {
      key: 'name',
      title: t.name,
      render: (_, u) => (
        <span data-testid="user-name">
          {u.user.displayName || NONE}
          {u.user.id === currentUserId && (
            <Typography.Text type="secondary"> ({t.you})</Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'email',
      title: t.email,
      render: (_, u) => <span data-testid="user-email">{u.user.email}</span>,
    },
    {
      key: 'role',
      title: t.role,
      render: (_, u) =>
        editable(u) && isTenantRole(u.accessRole) ? (
          <RoleSelect tenantUserId={u.id} name={name(u)} role={u.accessRole} />
        ) : (
          <span data-testid="user-role">{roles[u.accessRole]}</span>
        ),
    },
    {
      key: 'status',
      title: t.status,
      render: (_, u) => (
        <Tag color={MEMBERSHIP_STATUS_COLORS[u.status]} data-testid="user-status">
          {statuses[u.status]}
        </Tag>
      ),
    },
    {
      key: 'invitedAt',
      title: t.invitedAt,
      render: (_, u) => (
        <time dateTime={u.invitedAt} data-testid="user-invited-at">
          {formatDate(u.invitedAt, locale)}
        </time>
      ),
    },
    {
      key: 'joinedAt',
      title: t.joinedAt,
      render: (_, u) =>
        u.joinedAt ? (
          <time dateTime={u.joinedAt} data-testid="user-joined-at">
            {formatDate(u.joinedAt, locale)}
          </time>
        ) : (
          NONE
        ),
    },
    {
      key: 'actions',
      title: t.actions,
      render: (_, u) =>
        editable(u) ? <DeactivateButton tenantUserId={u.id} name={name(u)} /> : null,
    },
  ];

  return (
    <Table<TenantUserRow>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      size="small"
      locale={{ emptyText: t.empty }}
      scroll={{ x: 'max-content' }}
    />
  );
}
