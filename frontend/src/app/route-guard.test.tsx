import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currenciesQuery } from '@/features/currencies/api/currencies';
import { signInMutation } from '@/features/identity/api/sign-in';
import { signOutMutation } from '@/features/identity/api/sign-out';
import { portalConnectionQuery } from '@/features/integration/api/portal-connection';
import { serverInfoQuery } from '@/features/overview/api/server-info';
import { renderWithProviders } from '@/test/render';
import { accountantViewer, consultantViewer, viewer, viewerMock } from '@/test/viewer';
import { AppRoutes } from './routes';

const serverInfo: MockedResponse = {
  request: { query: serverInfoQuery },
  result: {
    data: {
      serverInfo: {
        __typename: 'ServerInfo',
        name: 'Premia',
        version: '0.1.0-SNAPSHOT',
        profile: 'dev',
        serverTime: '2026-11-27T09:30:00+03:00',
        databaseVersion: 'PostgreSQL 17.6',
        appliedMigrations: 12,
      },
    },
  },
  maxUsageCount: 5,
};

const location = () => screen.getByTestId('location').textContent;
const menuItem = (name: RegExp) => screen.queryByRole('menuitem', { name });

describe('route guard', () => {
  it('sends a stranger to the sign-in page and remembers where he was going', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/settings/users?page=2',
      mocks: [viewerMock(null)],
    });
    await waitFor(() => expect(location()).toBe('/login?next=%2Fsettings%2Fusers%3Fpage%3D2'));
    expect(screen.getByTestId('login-form')).toBeTruthy();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('sends a stranger from the start page to /login without a next parameter', async () => {
    renderWithProviders(<AppRoutes />, { route: '/', mocks: [viewerMock(null)] });
    await waitFor(() => expect(location()).toBe('/login'));
  });

  it('lets a stranger open the public pages', async () => {
    renderWithProviders(<AppRoutes />, { route: '/reset-password', mocks: [viewerMock(null)] });
    expect(await screen.findByRole('heading', { name: 'Сброс пароля' })).toBeTruthy();
    expect(location()).toBe('/reset-password');
  });

  it('shows "no access" at an address the viewer has no permission for, and no menu item', async () => {
    const manager = viewer({
      user: { __typename: 'User', id: 'u-m1', email: 'manager1@alfa.demo', displayName: 'Мария' },
      accessRole: 'MANAGER',
      permissions: [],
    });
    renderWithProviders(<AppRoutes />, { route: '/settings/users', mocks: [viewerMock(manager)] });
    expect(await screen.findByText('Нет доступа')).toBeTruthy();
    expect(screen.getByTestId('no-access')).toBeTruthy();
    expect(location()).toBe('/settings/users');
    expect(menuItem(/Пользователи/)).toBeNull();
    expect(menuItem(/Консоль консультанта/)).toBeNull();
    expect(menuItem(/Обзор/)).toBeTruthy();
    expect(menuItem(/Валюты/)).toBeTruthy();
  });

  it('shows "no access" at the console without MANAGE_CLIENT_COMPANIES', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/console/client-companies',
      mocks: [viewerMock(viewer())],
    });
    expect(await screen.findByTestId('no-access')).toBeTruthy();
    expect(menuItem(/Пользователи/)).toBeTruthy();
  });

  it('offers the console to a consultant and asks him to choose a client for the users page', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/settings/users',
      mocks: [viewerMock(consultantViewer())],
    });
    expect(await screen.findByTestId('choose-tenant')).toBeTruthy();
    expect(screen.getByTestId('choose-tenant-banner')).toBeTruthy();
    expect(menuItem(/Консоль консультанта/)).toBeTruthy();
    expect(screen.getByTestId('user-menu').textContent).toContain('Константин Консультантов');
  });

  it('hides Bitrix24 from a manager and answers its address with "no access"', async () => {
    const manager = viewer({ accessRole: 'MANAGER', permissions: [] });
    renderWithProviders(<AppRoutes />, { route: '/integration', mocks: [viewerMock(manager)] });
    expect(await screen.findByTestId('no-access')).toBeTruthy();
    expect(menuItem(/Битрикс24/)).toBeNull();
  });

  it('offers Bitrix24 to an accountant, read-only', async () => {
    const noPortal: MockedResponse = {
      request: { query: portalConnectionQuery },
      result: { data: { portalConnection: null } },
    };
    renderWithProviders(<AppRoutes />, {
      route: '/integration',
      mocks: [viewerMock(accountantViewer()), noPortal],
    });
    expect(await screen.findByTestId('portal-not-connected')).toBeTruthy();
    expect(menuItem(/Битрикс24/)).toBeTruthy();
    expect(screen.queryByTestId('connect-portal')).toBeNull();
  });

  it('offers the head of sales the Bitrix24 connect wizard from the menu', async () => {
    const noPortal: MockedResponse = {
      request: { query: portalConnectionQuery },
      result: { data: { portalConnection: null } },
    };
    renderWithProviders(<AppRoutes />, { mocks: [viewerMock(viewer()), serverInfo, noPortal] });
    fireEvent.click(await screen.findByRole('link', { name: 'Битрикс24' }));
    await waitFor(() => expect(location()).toBe('/integration'));
    expect(await screen.findByTestId('connect-portal')).toBeTruthy();
  });

  it('asks a consultant to choose a client before Bitrix24', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/integration',
      mocks: [viewerMock(consultantViewer())],
    });
    expect(await screen.findByTestId('choose-tenant')).toBeTruthy();
    expect(menuItem(/Битрикс24/)).toBeNull();
  });

  it('sends a signed-in user from /login to next', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/login?next=%2F',
      mocks: [viewerMock(viewer()), serverInfo],
    });
    await waitFor(() => expect(location()).toBe('/'));
    expect(await screen.findByTestId('applied-migrations')).toBeTruthy();
  });
});

describe('signing in and out', () => {
  it('signs in from a deep link and returns to it', async () => {
    const signIn: MockedResponse = {
      request: {
        query: signInMutation,
        variables: { input: { email: 'admin@alfa.demo', password: 'Premia-demo-2026' } },
      },
      result: {
        data: {
          signIn: {
            __typename: 'SignInPayload',
            viewer: { __typename: 'Viewer', user: { __typename: 'User', id: 'u-admin-alfa' } },
            errors: [],
          },
        },
      },
    };
    const currencies: MockedResponse = {
      request: { query: currenciesQuery },
      result: {
        data: {
          currencies: [
            {
              __typename: 'Currency',
              code: 'EUR',
              numericCode: 978,
              minorUnits: 2,
              symbol: '€',
              nameRu: 'Евро',
              nameEn: 'Euro',
              sampleAmount: '1234567.89',
            },
          ],
        },
      },
    };
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies?q=EUR',
      mocks: [viewerMock(null), signIn, viewerMock(viewer()), currencies],
    });
    await waitFor(() => expect(location()).toBe('/login?next=%2Freference%2Fcurrencies%3Fq%3DEUR'));
    fireEvent.change(screen.getByTestId('login-email'), { target: { value: 'admin@alfa.demo' } });
    fireEvent.change(screen.getByTestId('login-password'), {
      target: { value: 'Premia-demo-2026' },
    });
    fireEvent.click(screen.getByTestId('login-submit'));

    await waitFor(() => expect(location()).toBe('/reference/currencies?q=EUR'));
    expect(await screen.findByTestId('currency-name')).toBeTruthy();
    expect(screen.getByTestId('user-menu').textContent).toContain('Анна Админова');
  });

  it('signs out to the sign-in page, with no way back to the last page', async () => {
    const signOut: MockedResponse = {
      request: { query: signOutMutation },
      result: { data: { signOut: { __typename: 'SignOutPayload', errors: [] } } },
    };
    renderWithProviders(<AppRoutes />, {
      route: '/settings/users',
      mocks: [viewerMock(viewer({ permissions: [] })), signOut, viewerMock(null, 2)],
    });
    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByTestId('sign-out'));

    await waitFor(() => expect(location()).toBe('/login'));
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(screen.queryByTestId('user-menu')).toBeNull();
  });

  it('signs nobody out when /logout is opened from elsewhere', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/logout',
      mocks: [viewerMock(viewer()), serverInfo],
    });
    await waitFor(() => expect(location()).toBe('/'));
    expect(await screen.findByTestId('user-menu')).toBeTruthy();
  });
});
