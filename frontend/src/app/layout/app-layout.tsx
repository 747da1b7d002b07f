import {
  ApartmentOutlined,
  AimOutlined,
  BarChartOutlined,
  BookOutlined,
  IdcardOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DollarOutlined,
  FileTextOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Alert, Flex, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { TenantSwitcher } from '@/features/identity/components/tenant-switcher';
import { UserMenu } from '@/features/identity/components/user-menu';
import { identityMessages } from '@/features/identity/messages';
import { RegulationsPendingNotice } from '@/features/regulations/components/pending-notice';
import { regulationsAccess } from '@/features/regulations/lib/access';
import { useMessages } from '@/shared/i18n';
import { appMessages } from '../messages';
import { paths } from '../paths';
import type { Viewer } from '../session';
import { LanguageSwitch } from './language-switch';

// The more specific address first: /kpi/plans before /kpi.
const MENU_PAGES = [
  paths.myRegulations,
  paths.regulations,
  paths.myPayouts,
  paths.payouts,
  paths.schemes,
  paths.library,
  paths.currencies,
  paths.clientCompanies,
  paths.users,
  paths.integration,
  paths.kpiPlans,
  paths.myKpis,
  paths.kpi,
];

function selectedKey(pathname: string): string {
  return MENU_PAGES.find((page) => pathname.startsWith(page)) ?? paths.overview;
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/**
 * The signed-in shell: product name, client company, language and user in the header; navigation
 * on the left, showing only what the viewer's permissions allow; the page in the middle.
 */
export function AppLayout({ viewer }: { viewer: Viewer }) {
  const t = useMessages(appMessages);
  const identity = useMessages(identityMessages);
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const can = (permission: Viewer['permissions'][number]) =>
    viewer.permissions.includes(permission);
  const regulations = regulationsAccess(
    viewer.accessRole,
    viewer.permissions,
    viewer.activeTenant !== null,
  );

  const settings: MenuItem[] = can('MANAGE_USERS')
    ? [
        {
          key: paths.users,
          icon: <TeamOutlined />,
          label: <Link to={paths.users}>{t.users}</Link>,
        },
      ]
    : [];

  const items: MenuItem[] = [
    {
      key: paths.overview,
      icon: <DashboardOutlined />,
      label: <Link to={paths.overview}>{t.overview}</Link>,
    },
    ...(can('MANAGE_CLIENT_COMPANIES')
      ? [
          {
            key: paths.clientCompanies,
            icon: <ApartmentOutlined />,
            label: <Link to={paths.clientCompanies}>{t.console}</Link>,
          },
        ]
      : []),
    ...(viewer.activeTenant && can('VIEW_ALL_EMPLOYEES')
      ? [
          {
            key: paths.kpi,
            icon: <BarChartOutlined />,
            label: <Link to={paths.kpi}>{t.kpis}</Link>,
          },
          {
            key: paths.kpiPlans,
            icon: <AimOutlined />,
            label: <Link to={paths.kpiPlans}>{t.kpiPlans}</Link>,
          },
        ]
      : []),
    ...(viewer.activeTenant && can('VIEW_ALL_EMPLOYEES')
      ? [
          {
            key: paths.schemes,
            icon: <SolutionOutlined />,
            label: <Link to={paths.schemes}>{t.schemes}</Link>,
          },
        ]
      : []),
    ...(viewer.activeTenant && can('VIEW_ALL_EMPLOYEES')
      ? [
          {
            key: paths.payouts,
            icon: <WalletOutlined />,
            label: <Link to={paths.payouts}>{t.payouts}</Link>,
          },
        ]
      : []),
    ...(regulations.canManage
      ? [
          {
            key: paths.regulations,
            icon: <FileTextOutlined />,
            label: <Link to={paths.regulations}>{t.regulations}</Link>,
          },
        ]
      : []),
    ...(can('MANAGE_TEMPLATE_LIBRARY')
      ? [
          {
            key: paths.library,
            icon: <BookOutlined />,
            label: <Link to={paths.library}>{t.library}</Link>,
          },
        ]
      : []),
    ...(viewer.activeTenant && viewer.accessRole === 'MANAGER'
      ? [
          {
            key: paths.myKpis,
            icon: <IdcardOutlined />,
            label: <Link to={paths.myKpis}>{t.myKpis}</Link>,
          },
          {
            key: paths.myPayouts,
            icon: <WalletOutlined />,
            label: <Link to={paths.myPayouts}>{t.myPayouts}</Link>,
          },
        ]
      : []),
    ...(regulations.canAcknowledge
      ? [
          {
            key: paths.myRegulations,
            icon: <FileTextOutlined />,
            label: <Link to={paths.myRegulations}>{t.myRegulations}</Link>,
          },
        ]
      : []),
    ...(can('VIEW_INTEGRATION')
      ? [
          {
            key: paths.integration,
            icon: <CloudSyncOutlined />,
            label: <Link to={paths.integration}>{t.integration}</Link>,
          },
        ]
      : []),
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
    ...(settings.length > 0
      ? [{ key: 'settings', icon: <SettingOutlined />, label: t.settings, children: settings }]
      : []),
  ];

  const mustChooseTenant = !viewer.activeTenant && viewer.tenants.length > 0;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token.margin,
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
        <Flex align="center" gap="middle">
          {viewer.tenants.length > 0 && (
            <TenantSwitcher
              tenants={viewer.tenants}
              activeTenantId={viewer.activeTenant?.id}
              chooseSole
            />
          )}
          <LanguageSwitch />
          <UserMenu
            displayName={viewer.user.displayName}
            email={viewer.user.email}
            accessRole={viewer.accessRole}
          />
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
              defaultOpenKeys={['reference', 'settings']}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: token.paddingLG }}>
          {mustChooseTenant && (
            <Alert
              type="warning"
              showIcon
              data-testid="choose-tenant-banner"
              title={identity.chooseTenantPrompt}
              action={
                <TenantSwitcher
                  tenants={viewer.tenants}
                  activeTenantId={null}
                  testId="choose-tenant-switcher"
                />
              }
              style={{ marginBottom: token.marginLG }}
            />
          )}
          {regulations.canAcknowledge && (
            <RegulationsPendingNotice
              key={viewer.activeTenant?.id}
              myRegulationsPath={paths.myRegulations}
            />
          )}
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
