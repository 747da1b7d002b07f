import { DashboardOutlined, DatabaseOutlined, DollarOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { appMessages } from '../messages';
import { paths } from '../paths';
import { LanguageSwitch } from './language-switch';

function selectedKey(pathname: string): string {
  return pathname.startsWith(paths.currencies) ? paths.currencies : paths.overview;
}

/** The shell: product name and language in the header, navigation on the left, the page in the middle. */
export function AppLayout() {
  const t = useMessages(appMessages);
  const { pathname } = useLocation();
  const { token } = theme.useToken();

  const items: MenuProps['items'] = [
    {
      key: paths.overview,
      icon: <DashboardOutlined />,
      label: <Link to={paths.overview}>{t.overview}</Link>,
    },
    {
      key: 'reference',
      icon: <DatabaseOutlined />,
      label: t.reference,
      children: [
        {
          key: paths.currencies,
          icon: <DollarOutlined />,
          label: <Link to={paths.currencies}>{t.currencies}</Link>,
        },
      ],
    },
  ];

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
        <Link to={paths.overview}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="product-name">
            {t.productName}
          </Typography.Title>
        </Link>
        <Flex align="center" gap="small">
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={240}
          breakpoint="lg"
          collapsible
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t.productName}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={[selectedKey(pathname)]}
              defaultOpenKeys={['reference']}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: token.paddingLG }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
