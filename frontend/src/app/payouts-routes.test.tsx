import type { MockedResponse } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { payrollProfilesQuery } from '@/features/payouts/api/payroll-profiles';
import { renderWithProviders } from '@/test/render';
import {
  accountantViewer,
  consultantViewer,
  managerViewer,
  tenants,
  viewer,
  viewerMock,
} from '@/test/viewer';
import { AppRoutes } from './routes';

const menuItem = (name: string) =>
  screen.queryByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) });

describe('payout pages and who sees them', () => {
  it.each([
    ['a sales head', viewer()],
    ['an accountant', accountantViewer()],
    [
      'a consultant working in Alfa',
      consultantViewer({
        activeTenant: tenants.alfa,
        accessRole: 'CONSULTANT',
        permissions: ['MANAGE_CLIENT_COMPANIES', 'VIEW_ALL_EMPLOYEES', 'MANAGE_SCHEMES'],
      }),
    ],
  ])('offers «Выплаты» to %s, not «Мои выплаты»', async (_, who) => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(who)],
    });
    await waitFor(() => expect(menuItem('Выплаты')).not.toBeNull());
    expect(menuItem('Мои выплаты')).toBeNull();
    expect(menuItem('Выплаты')!.querySelector('a')!.getAttribute('href')).toBe('/payouts');
  });

  it('offers «Мои выплаты» to a manager, not «Выплаты»', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(managerViewer())],
    });
    await waitFor(() => expect(menuItem('Мои выплаты')).not.toBeNull());
    expect(menuItem('Мои выплаты')!.querySelector('a')!.getAttribute('href')).toBe('/my-payouts');
    expect(menuItem('Выплаты')).toBeNull();
  });

  it('offers neither without a client company chosen', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(consultantViewer())],
    });
    await waitFor(() => expect(menuItem('Валюты')).not.toBeNull());
    expect(menuItem('Выплаты')).toBeNull();
    expect(menuItem('Мои выплаты')).toBeNull();
  });

  it.each(['/payouts', '/payouts/r-nov', '/payouts/profiles'])(
    'answers a manager at %s with «no access»',
    async (route) => {
      renderWithProviders(<AppRoutes />, { route, mocks: [viewerMock(managerViewer())] });
      expect(await screen.findByTestId('no-access')).toBeTruthy();
    },
  );

  it('opens «Табельные номера» for an accountant, under «Выплаты» in the menu', async () => {
    const profilesMock: MockedResponse = {
      request: { query: payrollProfilesQuery },
      result: { data: { payrollProfiles: [] } },
    };
    renderWithProviders(<AppRoutes />, {
      route: '/payouts/profiles',
      mocks: [viewerMock(accountantViewer()), profilesMock],
    });
    expect(await screen.findByRole('heading', { name: 'Табельные номера' })).toBeTruthy();
    expect(screen.queryByTestId('no-access')).toBeNull();
    expect(menuItem('Выплаты')!.classList.contains('ant-menu-item-selected')).toBe(true);
  });

  it('answers an admin at /my-payouts with «no access»', async () => {
    renderWithProviders(<AppRoutes />, { route: '/my-payouts', mocks: [viewerMock(viewer())] });
    expect(await screen.findByTestId('no-access')).toBeTruthy();
  });
});
