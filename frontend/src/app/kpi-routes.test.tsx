import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { myKpiCardQuery } from '@/features/kpi/api/my-kpi-card';
import { currentPeriod } from '@/shared/period';
import { catalogueMock } from '@/features/kpi/testing/fixtures';
import { renderWithProviders } from '@/test/render';
import { accountantViewer, managerViewer, viewer, viewerMock } from '@/test/viewer';
import { AppRoutes } from './routes';

const menuItem = (name: string) =>
  screen.queryByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) });

describe('KPI pages and who sees them', () => {
  it('lands a manager on his own card and offers him only «Мои показатели»', async () => {
    const period = currentPeriod('MONTH', 'Europe/Moscow');
    renderWithProviders(<AppRoutes />, {
      mocks: [
        viewerMock(managerViewer()),
        catalogueMock(),
        {
          request: { query: myKpiCardQuery, variables: { period } },
          result: { data: { myKpiCard: null } },
        },
      ],
    });
    await screen.findByTestId('kpi-card-not-linked');
    expect(screen.getByTestId('location').textContent).toBe('/kpi/me');
    expect(menuItem('Мои показатели')).not.toBeNull();
    expect(menuItem('Показатели')).toBeNull();
    expect(menuItem('Планы')).toBeNull();
  });

  it.each(['/kpi', '/kpi/plans', '/kpi/employees/e-olga'])(
    'answers a manager at %s with «no access»',
    async (route) => {
      renderWithProviders(<AppRoutes />, { route, mocks: [viewerMock(managerViewer())] });
      expect(await screen.findByTestId('no-access')).toBeTruthy();
      expect(screen.queryByTestId('period-picker')).toBeNull();
    },
  );

  it.each([
    ['an accountant', accountantViewer()],
    ['a sales head', viewer()],
  ])('offers the dashboards and plans to %s, not «Мои показатели»', async (_, who) => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(who)],
    });
    await waitFor(() => expect(menuItem('Показатели')).not.toBeNull());
    expect(menuItem('Планы')).not.toBeNull();
    expect(menuItem('Мои показатели')).toBeNull();
  });
});
