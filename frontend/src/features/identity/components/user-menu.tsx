import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { AccessRole } from '@/gql/graphql';
import { accessRoleMessages } from '@/shared/access';
import { useMessages } from '@/shared/i18n';
import { identityPaths, SIGN_OUT_STATE } from '../lib/paths';
import { identityMessages } from '../messages';

/** The signed-in user's name in the header; its menu says who he is and signs him out. */
export function UserMenu({
  displayName,
  email,
  accessRole,
}: {
  displayName: string;
  email: string;
  accessRole: AccessRole | null | undefined;
}) {
  const t = useMessages(identityMessages);
  const roles = useMessages(accessRoleMessages);
  const navigate = useNavigate();

  // Signing out happens on its own route, once this page (and its queries) is gone.
  const onSignOut = () => navigate(identityPaths.signOut, { state: SIGN_OUT_STATE });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <span data-testid="user-menu-who">
                <Typography.Text>{email}</Typography.Text>
                {accessRole && (
                  <>
                    <br />
                    <Typography.Text type="secondary">{roles[accessRole]}</Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          { type: 'divider' },
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t.signOut}</span>,
            onClick: onSignOut,
          },
        ],
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        aria-haspopup="menu"
        title={t.userMenu}
        data-testid="user-menu"
      >
        {displayName}
      </Button>
    </Dropdown>
  );
}
