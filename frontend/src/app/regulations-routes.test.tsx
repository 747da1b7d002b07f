import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  documentMock,
  myRegulationsMock,
  noticeMock,
  regulationsMock,
} from '@/features/regulations/testing/fixtures';
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

const link = (name: string) => menuItem(name)?.querySelector('a')?.getAttribute('href');

describe('regulations pages and who sees them', () => {
  it.each([
    ['a sales head', viewer()],
    ['an accountant', accountantViewer()],
    [
      'a consultant working in Alfa',
      consultantViewer({
        activeTenant: tenants.alfa,
        permissions: ['MANAGE_CLIENT_COMPANIES', 'VIEW_ALL_EMPLOYEES', 'MANAGE_SCHEMES'],
      }),
    ],
  ])('offers «Положение о премировании» at /regulations to %s', async (_, who) => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(who), noticeMock(true)],
    });
    await waitFor(() => expect(menuItem('Положение о премировании')).not.toBeNull());
    expect(link('Положение о премировании')).toBe('/regulations');
    // Only employees who acknowledge are asked on login; the mock would answer «pending».
    expect(screen.queryByTestId('regulations-pending-notice')).toBeNull();
  });

  it('opens /regulations for an accountant, read-only, with the menu entry selected', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/regulations',
      mocks: [
        viewerMock(accountantViewer()),
        regulationsMock({ canEdit: false }),
        documentMock('d-1'),
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Положение о премировании' })).toBeTruthy();
    expect(await screen.findByTestId('read-only')).toBeTruthy();
    expect(menuItem('Положение о премировании')!.classList.contains('ant-menu-item-selected')).toBe(
      true,
    );
  });

  it('offers a manager his own regulations at /my-regulations', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(managerViewer()), noticeMock(false)],
    });
    await waitFor(() => expect(menuItem('Положение о премировании')).not.toBeNull());
    expect(link('Положение о премировании')).toBe('/my-regulations');
  });

  it('asks a manager to acknowledge right after login, wherever he lands', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(managerViewer()), noticeMock(true, 3)],
    });
    const notice = await screen.findByTestId('regulations-pending-notice');
    expect(notice.textContent).toContain(
      'Вам нужно ознакомиться с Положением о премировании (редакция № 3)',
    );
    screen.getByTestId('regulations-pending-link').click();
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/my-regulations'));
  });

  it('does not show the notice on /my-regulations itself, nor when nothing is pending', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/my-regulations',
      mocks: [viewerMock(managerViewer()), noticeMock(true), myRegulationsMock()],
    });
    expect(await screen.findByTestId('acknowledge')).toBeTruthy();
    expect(screen.queryByTestId('regulations-pending-notice')).toBeNull();
  });

  it.each(['/regulations', '/regulations/diff?from=d-1&to=d-2'])(
    'answers a manager at %s with «no access»',
    async (route) => {
      renderWithProviders(<AppRoutes />, {
        route,
        mocks: [viewerMock(managerViewer()), noticeMock(false)],
      });
      expect(await screen.findByTestId('no-access')).toBeTruthy();
    },
  );

  it('answers an admin at /my-regulations with «no access»', async () => {
    renderWithProviders(<AppRoutes />, { route: '/my-regulations', mocks: [viewerMock(viewer())] });
    expect(await screen.findByTestId('no-access')).toBeTruthy();
  });

  it('offers neither without a client company chosen', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(consultantViewer())],
    });
    await waitFor(() => expect(menuItem('Валюты')).not.toBeNull());
    expect(menuItem('Положение о премировании')).toBeNull();
  });
});
