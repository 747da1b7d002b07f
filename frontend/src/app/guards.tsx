import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import type { Permission } from '@/gql/graphql';
import { loginPathFor, safeNextPath } from '@/features/identity/lib/next-path';
import { useMessages } from '@/shared/i18n';
import { appMessages } from './messages';
import { NoAccessPage } from './no-access-page';
import type { Viewer } from './session';

/** Signed out: any page but the public ones goes to the sign-in page, which returns here after. */
export function RedirectToLogin() {
  const { pathname, search, hash } = useLocation();
  return <Navigate to={loginPathFor(pathname + search + hash)} replace />;
}

/** Signed in and on /login (e.g. a bookmark): go where `next` says, or to the start. */
export function RedirectFromLogin() {
  const [searchParams] = useSearchParams();
  return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
}

/**
 * Shows `children` only when the viewer has `permission`; otherwise a "no access" page. The menu
 * hides such pages already; this answers a typed or bookmarked address. The server checks every
 * request anyway: this is presentation, not security.
 */
export function RequirePermission({
  viewer,
  permission,
  children,
}: {
  viewer: Viewer;
  permission: Permission;
  children: ReactNode;
}) {
  return viewer.permissions.includes(permission) ? children : <NoAccessPage />;
}

/**
 * A page about one client company needs the session to have one. With client companies to choose
 * from and none chosen, it asks to choose (the switcher is in the header and the banner above).
 */
export function RequireTenant({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const t = useMessages(appMessages);
  if (viewer.activeTenant) {
    return children;
  }
  if (viewer.tenants.length === 0) {
    return <NoAccessPage />;
  }
  return (
    <Result
      status="info"
      title={t.chooseTenantTitle}
      subTitle={t.chooseTenantText}
      data-testid="choose-tenant"
    />
  );
}
