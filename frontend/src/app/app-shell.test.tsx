import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { serverInfoQuery } from '@/features/overview/api/server-info';
import { LANGUAGE_STORAGE_KEY } from '@/shared/i18n';
import { renderWithProviders } from '@/test/render';
import { viewer, viewerMock } from '@/test/viewer';
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
};

describe('the app shell', () => {
  it('starts in Russian and shows the server status on the overview', async () => {
    renderWithProviders(<AppRoutes />, { mocks: [viewerMock(viewer()), serverInfo] });
    expect((await screen.findByTestId('product-name')).textContent).toBe('Премия');
    expect(screen.getByRole('menuitem', { name: /Обзор/ })).toBeTruthy();
    expect(screen.getByText('Справочники')).toBeTruthy();
    expect((await screen.findByTestId('applied-migrations')).textContent).toBe('12');
    expect(screen.getByTestId('database-version').textContent).toBe('PostgreSQL 17.6');
    expect(screen.getByTestId('server-time').textContent).toMatch(/ноября 2026/);
    expect(dayjs.locale()).toBe('ru');
  });

  it('switches to English and remembers the choice', async () => {
    renderWithProviders(<AppRoutes />, { mocks: [viewerMock(viewer()), serverInfo] });
    fireEvent.click(await screen.findByTestId('language-en'));
    await waitFor(() => expect(screen.getByTestId('product-name').textContent).toBe('Premia'));
    expect(screen.getByText('Reference')).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(dayjs.locale()).toBe('en');
  });

  it('answers an unknown address with a page that says so', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/no/such/page',
      mocks: [viewerMock(viewer()), serverInfo],
    });
    expect(await screen.findByText('Страница не найдена')).toBeTruthy();
  });
});
