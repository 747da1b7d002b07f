import { StopOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm, Select } from 'antd';
import type { AccessRole } from '@/gql/graphql';
import { accessRoleMessages, TENANT_ROLES, type TenantRole } from '@/shared/access';
import { useApiErrorText } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { changeUserRoleMutation } from '../api/change-user-role';
import { deactivateUserMutation } from '../api/deactivate-user';
import { tenantUserMessages } from '../messages';

/** A user's access role, changed on the spot; the row updates from the normalised cache. */
export function RoleSelect({
  tenantUserId,
  name,
  role,
}: {
  tenantUserId: string;
  name: string;
  role: TenantRole;
}) {
  const t = useMessages(tenantUserMessages);
  const roles = useMessages(accessRoleMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [changeRole, { loading }] = useMutation(changeUserRoleMutation);

  const change = async (accessRole: AccessRole) => {
    const result = await changeRole({ variables: { input: { tenantUserId, accessRole } } }).catch(
      (e: unknown) => {
        void message.error(errorText(e));
        return undefined;
      },
    );
    const payload = result?.data?.changeUserRole;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      void message.error(payload.errors.map((e) => e.message).join(' '));
      return;
    }
    void message.success(interpolate(t.roleChanged, { name, role: roles[accessRole] }));
  };

  return (
    <Select<TenantRole>
      size="small"
      value={role}
      loading={loading}
      disabled={loading}
      aria-label={interpolate(t.changeRole, { name })}
      data-testid="role-select"
      popupMatchSelectWidth={false}
      style={{ width: 220 }}
      options={TENANT_ROLES.map((r) => ({ value: r, label: roles[r] }))}
      onChange={(next) => {
        if (next !== role) {
          void change(next);
        }
      }}
    />
  );
}

/** Takes a user's access away after a confirmation; his history stays. */
export function DeactivateButton({ tenantUserId, name }: { tenantUserId: string; name: string }) {
  const t = useMessages(tenantUserMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [deactivate, { loading }] = useMutation(deactivateUserMutation);

  const confirm = async () => {
    const result = await deactivate({ variables: { input: { tenantUserId } } }).catch(
      (e: unknown) => {
        void message.error(errorText(e));
        return undefined;
      },
    );
    const payload = result?.data?.deactivateUser;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      void message.error(payload.errors.map((e) => e.message).join(' '));
      return;
    }
    void message.success(interpolate(t.deactivated, { name }));
  };

  return (
    <Popconfirm
      title={interpolate(t.deactivateConfirm, { name })}
      description={t.deactivateText}
      okText={t.deactivate}
      okButtonProps={{ danger: true }}
      cancelText={t.cancel}
      onConfirm={confirm}
    >
      <Button
        size="small"
        danger
        icon={<StopOutlined />}
        loading={loading}
        data-testid="deactivate-user"
      >
        {t.deactivate}
      </Button>
    </Popconfirm>
  );
}
