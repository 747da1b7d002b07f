import { useApolloClient } from '@apollo/client/react';
import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ClientCompaniesPage } from '@/features/client-companies/pages/client-companies-page';
import { CurrenciesPage } from '@/features/currencies/pages/currencies-page';
import { viewerQuery } from '@/features/identity/api/viewer';
import { AcceptInvitationPage } from '@/features/identity/pages/accept-invitation-page';
import { LoginPage } from '@/features/identity/pages/login-page';
import { RequestPasswordResetPage } from '@/features/identity/pages/request-password-reset-page';
import { ResetPasswordPage } from '@/features/identity/pages/reset-password-page';
import { SignOutPage } from '@/features/identity/pages/sign-out-page';
import { IntegrationPage } from '@/features/integration/pages/integration-page';
import { OverviewPage } from '@/features/overview/pages/overview-page';
import { payoutAccess } from '@/features/payouts/lib/access';
import { regulationsAccess } from '@/features/regulations/lib/access';
import { TenantUsersPage } from '@/features/tenant-users/pages/tenant-users-page';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { RedirectFromLogin, RedirectToLogin, RequirePermission, RequireTenant } from './guards';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { appMessages } from './messages';
import { NoAccessPage } from './no-access-page';
import { NotFoundPage } from './not-found-page';
import { paths } from './paths';
import { useSession, type Viewer } from './session';

// The KPI pages carry the charts library (ADR 0021): loaded when first opened, not with the app.
const KpiOverviewPage = lazy(() =>
  import('@/features/kpi/pages/kpi-overview-page').then((m) => ({ default: m.KpiOverviewPage })),
);
const KpiCardPage = lazy(() =>
  import('@/features/kpi/pages/kpi-card-page').then((m) => ({ default: m.KpiCardPage })),
);
const KpiPlansPage = lazy(() =>
  import('@/features/kpi/pages/kpi-plans-page').then((m) => ({ default: m.KpiPlansPage })),
);

// The compensation pages carry their own charts (what-if): loaded when first opened too.
const SchemesPage = lazy(() =>
  import('@/features/compensation/pages/schemes-page').then((m) => ({ default: m.SchemesPage })),
);
const SchemePage = lazy(() =>
  import('@/features/compensation/pages/scheme-page').then((m) => ({ default: m.SchemePage })),
);
const LibraryPage = lazy(() =>
  import('@/features/compensation/pages/library-page').then((m) => ({ default: m.LibraryPage })),
);
const TemplatePage = lazy(() =>
  import('@/features/compensation/pages/template-page').then((m) => ({ default: m.TemplatePage })),
);

// The payout pages draw charts too: loaded when first opened.
const PayoutRunsPage = lazy(() =>
  import('@/features/payouts/pages/payout-runs-page').then((m) => ({
    default: m.PayoutRunsPage,
  })),
);
const PayoutRunPage = lazy(() =>
  import('@/features/payouts/pages/payout-run-page').then((m) => ({ default: m.PayoutRunPage })),
);
const StatementPage = lazy(() =>
  import('@/features/payouts/pages/statement-page').then((m) => ({ default: m.StatementPage })),
);
const PayrollProfilesPage = lazy(() =>
  import('@/features/payouts/pages/payroll-profiles-page').then((m) => ({
    default: m.PayrollProfilesPage,
  })),
);
const MyPayoutsPage = lazy(() =>
  import('@/features/payouts/pages/my-payouts-page').then((m) => ({ default: m.MyPayoutsPage })),
);

// The regulations pages: loaded when first opened too.
const RegulationsPage = lazy(() =>
  import('@/features/regulations/pages/regulations-page').then((m) => ({
    default: m.RegulationsPage,
  })),
);
const RegulationsDiffPage = lazy(() =>
  import('@/features/regulations/pages/regulations-diff-page').then((m) => ({
    default: m.RegulationsDiffPage,
  })),
);
const MyRegulationsPage = lazy(() =>
  import('@/features/regulations/pages/my-regulations-page').then((m) => ({
    default: m.MyRegulationsPage,
  })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin data-testid="page-loading" />}>{children}</Suspense>;
}

/**
 * The app composes the features; features never import each other. Who is signed in (`viewer`)
 * decides which routes exist: signed out, only the public pages, and any other address goes to
 * /login?next=<address>.
 */
export function AppRoutes() {
  const session = useSession();
  const t = useMessages(appMessages);
  if (session.status === 'loading') {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t.loading} data-testid="session-loading" />
      </Flex>
    );
  }
  if (session.status === 'error') {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 24 }}>
        <div style={{ maxWidth: 560 }}>
          <ErrorDisplay error={session.error} onRetry={session.retry} />
        </div>
      </Flex>
    );
  }
  return session.viewer ? <SignedInRoutes viewer={session.viewer} /> : <SignedOutRoutes />;
}

/** Pages a stranger may open: sign-in, invitation, password reset. */
function publicRoutes() {
  return (
    <Route element={<PublicLayout />}>
      <Route path={paths.invitation} element={<AcceptInvitationPage />} />
      <Route path={paths.requestPasswordReset} element={<RequestPasswordResetPage />} />
      <Route path={paths.resetPassword} element={<ResetPasswordPage />} />
    </Route>
  );
}

function SignedOutRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path={paths.login} element={<LoginPage />} />
      </Route>
      {publicRoutes()}
      {/* Where signing out ends: the sign-in page, with no ?next= back to the last page. */}
      <Route path={paths.signOut} element={<Navigate to={paths.login} replace />} />
      <Route path="*" element={<RedirectToLogin />} />
    </Routes>
  );
}

function SignedInRoutes({ viewer }: { viewer: Viewer }) {
  const client = useApolloClient();
  // The viewer names a consultancy role only while a tenant is active; else the page finds out.
  const consultancyRole =
    viewer.accessRole === 'CONSULTANCY_OWNER' || viewer.accessRole === 'CONSULTANT'
      ? viewer.accessRole
      : null;
  // A manager (sees only his own data) starts on his own KPI card.
  const isManager = viewer.accessRole === 'MANAGER' && viewer.activeTenant !== null;
  const timeZone = viewer.activeTenant?.timeZone ?? 'Europe/Moscow';
  const currency = viewer.activeTenant?.currencyCode ?? 'RUB';
  const canSeeAll = viewer.permissions.includes('VIEW_ALL_EMPLOYEES');
  const cardPath = (employeeId: string) =>
    `${paths.kpiEmployees}/${encodeURIComponent(employeeId)}`;
  const schemePath = (schemeId: string) => `${paths.schemes}/${encodeURIComponent(schemeId)}`;
  const templatePath = (templateId: string) => `${paths.library}/${encodeURIComponent(templateId)}`;
  const manageSchemes = viewer.permissions.includes('MANAGE_SCHEMES');
  const payouts = payoutAccess(viewer.accessRole, viewer.permissions);
  const runPath = (runId: string) => `${paths.payouts}/${encodeURIComponent(runId)}`;
  const statementPath = (statementId: string) =>
    `${paths.payoutStatements}/${encodeURIComponent(statementId)}`;
  const regulations = regulationsAccess(
    viewer.accessRole,
    viewer.permissions,
    viewer.activeTenant !== null,
  );
  const diffPath = (fromId: string, toId: string) =>
    `${paths.regulationsDiff}?${new URLSearchParams({ from: fromId, to: toId }).toString()}`;
  const refetchViewer = () =>
    void Promise.resolve(client.refetchQueries({ include: [viewerQuery] })).catch(() => {});

  return (
    <Routes>
      <Route path={paths.login} element={<RedirectFromLogin />} />
      <Route path={paths.signOut} element={<SignOutPage />} />
      {/* An invitation or a reset link also works for someone signed in: it signs in its user. */}
      {publicRoutes()}
      <Route element={<AppLayout viewer={viewer} />}>
        <Route
          index
          element={isManager ? <Navigate to={paths.myKpis} replace /> : <OverviewPage />}
        />
        <Route
          path={paths.kpi}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <KpiOverviewPage timeZone={timeZone} currency={currency} cardPath={cardPath} />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.myKpis}
          element={
            <RequireTenant viewer={viewer}>
              <Lazy>
                <KpiCardPage mine timeZone={timeZone} overviewPath={canSeeAll ? paths.kpi : null} />
              </Lazy>
            </RequireTenant>
          }
        />
        <Route
          path={`${paths.kpiEmployees}/:employeeId`}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <KpiCardPage mine={false} timeZone={timeZone} overviewPath={paths.kpi} />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.kpiPlans}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <KpiPlansPage
                    timeZone={timeZone}
                    currency={currency}
                    canEdit={viewer.permissions.includes('MANAGE_KPI_PLANS')}
                  />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.schemes}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <SchemesPage
                    schemePath={schemePath}
                    canEdit={manageSchemes}
                    canApplyTemplates={manageSchemes && consultancyRole !== null}
                  />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={`${paths.schemes}/:schemeId`}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <SchemePage
                    schemesPath={paths.schemes}
                    canEdit={manageSchemes}
                    timeZone={timeZone}
                    currency={currency}
                  />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.library}
          element={
            <RequirePermission viewer={viewer} permission="MANAGE_TEMPLATE_LIBRARY">
              <Lazy>
                <LibraryPage templatePath={templatePath} />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path={`${paths.library}/:templateId`}
          element={
            <RequirePermission viewer={viewer} permission="MANAGE_TEMPLATE_LIBRARY">
              <Lazy>
                <TemplatePage libraryPath={paths.library} />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path={paths.payouts}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <PayoutRunsPage
                    runPath={runPath}
                    statementPath={statementPath}
                    profilesPath={paths.payrollProfiles}
                    canPrepare={payouts.canPrepare}
                    timeZone={timeZone}
                    currency={currency}
                  />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.payrollProfiles}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <PayrollProfilesPage payoutsPath={paths.payouts} />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={`${paths.payoutStatements}/:statementId`}
          element={
            <RequireTenant viewer={viewer}>
              <Lazy>
                <StatementPage
                  runPath={canSeeAll ? runPath : null}
                  myPayoutsPath={isManager ? paths.myPayouts : null}
                  canRaise={payouts.canRaise}
                  canAnswer={payouts.canAnswer}
                  timeZone={timeZone}
                  currency={currency}
                />
              </Lazy>
            </RequireTenant>
          }
        />
        <Route
          path={`${paths.payouts}/:runId`}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <PayoutRunPage
                    payoutsPath={paths.payouts}
                    statementPath={statementPath}
                    canPrepare={payouts.canPrepare}
                    canMarkPaid={payouts.canMarkPaid}
                    me={{ name: viewer.user.displayName, email: viewer.user.email }}
                    timeZone={timeZone}
                    currency={currency}
                  />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.myPayouts}
          element={
            <RequireTenant viewer={viewer}>
              {isManager ? (
                <Lazy>
                  <MyPayoutsPage
                    statementPath={statementPath}
                    timeZone={timeZone}
                    currency={currency}
                  />
                </Lazy>
              ) : (
                <NoAccessPage />
              )}
            </RequireTenant>
          }
        />
        <Route
          path={paths.regulations}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <RegulationsPage diffPath={diffPath} timeZone={timeZone} />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.regulationsDiff}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_ALL_EMPLOYEES">
                <Lazy>
                  <RegulationsDiffPage regulationsPath={paths.regulations} />
                </Lazy>
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.myRegulations}
          element={
            <RequireTenant viewer={viewer}>
              {regulations.canAcknowledge ? (
                <Lazy>
                  <MyRegulationsPage timeZone={timeZone} />
                </Lazy>
              ) : (
                <NoAccessPage />
              )}
            </RequireTenant>
          }
        />
        <Route path="reference" element={<Navigate to={paths.currencies} replace />} />
        <Route path={paths.currencies} element={<CurrenciesPage />} />
        <Route path="console" element={<Navigate to={paths.clientCompanies} replace />} />
        <Route
          path={paths.clientCompanies}
          element={
            <RequirePermission viewer={viewer} permission="MANAGE_CLIENT_COMPANIES">
              <ClientCompaniesPage
                role={consultancyRole}
                onClientCompaniesChanged={refetchViewer}
              />
            </RequirePermission>
          }
        />
        <Route path="settings" element={<Navigate to={paths.users} replace />} />
        <Route
          path={paths.users}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="MANAGE_USERS">
                <TenantUsersPage currentUserId={viewer.user.id} />
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route
          path={paths.integration}
          element={
            <RequireTenant viewer={viewer}>
              <RequirePermission viewer={viewer} permission="VIEW_INTEGRATION">
                <IntegrationPage canManage={viewer.permissions.includes('MANAGE_INTEGRATION')} />
              </RequirePermission>
            </RequireTenant>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
