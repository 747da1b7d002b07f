import { Flex, Layout, Typography, theme } from 'antd';
import { Outlet } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { appMessages } from '../messages';
import { LanguageSwitch } from './language-switch';

/** The signed-out shell: product name and language above a centred card (sign-in, invitation, reset). */
export function PublicLayout() {
  const t = useMessages(appMessages);
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: token.paddingLG,
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="product-name">
          {t.productName}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: token.paddingLG }}>
        <Flex justify="center" style={{ paddingTop: token.paddingXL }}>
          <Outlet />
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
