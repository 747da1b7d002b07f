import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import {
  accountantViewer,
  consultantViewer,
  managerViewer,
  viewer,
  viewerMock,
} from '@/test/viewer';
import { AppRoutes } from './routes';

const menuItem = (name: string) =>
  screen.queryByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) });

describe('compensation pages and who sees them', () => {
  it.each([
    ['a sales head', viewer({ permissions: [...viewer().permissions, 'MANAGE_SCHEMES'] })],
    ['an accountant', accountantViewer()],
  ])('offers the schemes to %s, not the library', async (_, who) => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [viewerMock(who)],
    });
    await waitFor(() => expect(menuItem('Схемы мотивации')).not.toBeNull());
    expect(menuItem('Библиотека шаблонов')).toBeNull();
  });

  it('offers the library to the consultancy', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/reference/currencies',
      mocks: [
        viewerMock(
          consultantViewer({
            permissions: ['MANAGE_CLIENT_COMPANIES', 'MANAGE_TEMPLATE_LIBRARY'],
          }),
        ),
      ],
    });
    await waitFor(() => expect(menuItem('Библиотека шаблонов')).not.toBeNull());
    // No client company chosen: no tenant pages.
    expect(menuItem('Схемы мотивации')).toBeNull();
  });

  it.each(['/schemes', '/schemes/s1', '/library', '/library/t1'])(
    'answers a manager at %s with «no access»',
    async (route) => {
      renderWithProviders(<AppRoutes />, { route, mocks: [viewerMock(managerViewer())] });
      expect(await screen.findByTestId('no-access')).toBeTruthy();
    },
  );
});
