import { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { MockedResponse } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApolloCache } from '@/app/apollo-client';
import { chooseOption } from '@/test/antd';
import { renderWithProviders } from '@/test/render';
import { consultantViewer, tenants, viewer, viewerMock } from '@/test/viewer';
import { switchTenantMutation } from '../api/switch-tenant';
import { viewerQuery } from '../api/viewer';
import { TenantSwitcher } from './tenant-switcher';

/** The header as far as the switcher goes: the viewer's tenants, the active one selected. */
function Header() {
  const { data } = useQuery(viewerQuery);
  const v = data?.viewer;
  if (!v) {
    return null;
  }
  return (
    <>
      <TenantSwitcher tenants={v.tenants} activeTenantId={v.activeTenant?.id} chooseSole />
      <p data-testid="active-tenant">{v.activeTenant?.name ?? 'none'}</p>
    </>
  );
}

function switchTo(
  tenantId: string,
  errors: { field: string[]; code: string; message: string }[] = [],
) {
  const tenant = Object.values(tenants).find((t) => t.id === tenantId)!;
  return {
    request: { query: switchTenantMutation, variables: { tenantId } },
    result: {
      data: {
        switchTenant: {
          __typename: 'SwitchTenantPayload',
          viewer: errors.length ? null : { __typename: 'Viewer', activeTenant: tenant },
          errors: errors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  } satisfies MockedResponse;
}

/** Something the Alfa session had cached: a user of Alfa. */
function cacheWithAlfaData() {
  const cache = createApolloCache();
  cache.restore({
    'User:u-alfa-accountant': {
      __typename: 'User',
      id: 'u-alfa-accountant',
      email: 'accountant@alfa.demo',
      displayName: 'Бухгалтер Альфы',
    },
  });
  return cache;
}

const choose = (name: string) => chooseOption(screen.getByRole('combobox'), name);

describe('TenantSwitcher', () => {
  it('switches the tenant, resets the store and shows the new tenant', async () => {
    const resetStore = vi.spyOn(ApolloClient.prototype, 'resetStore');
    const cache = cacheWithAlfaData();
    renderWithProviders(<Header />, {
      cache,
      mocks: [
        viewerMock(consultantViewer({ activeTenant: tenants.alfa })),
        switchTo('t-beta'),
        viewerMock(consultantViewer({ activeTenant: tenants.beta })),
      ],
    });
    await waitFor(() =>
      expect(screen.getByTestId('active-tenant').textContent).toBe('ООО «Альфа Продажи»'),
    );
    expect(cache.extract()['User:u-alfa-accountant']).toBeTruthy();

    await choose('ООО «Бета Трейд»');

    await waitFor(() =>
      expect(screen.getByTestId('active-tenant').textContent).toBe('ООО «Бета Трейд»'),
    );
    expect(resetStore).toHaveBeenCalledTimes(1);
    // Nothing of Alfa stays in the cache.
    expect(cache.extract()['User:u-alfa-accountant']).toBeUndefined();
    expect(JSON.stringify(cache.extract())).not.toContain('alfa.demo');
    expect(await screen.findByText('Вы работаете с клиентом ООО «Бета Трейд»')).toBeTruthy();
  });

  it('keeps the tenant and the cache when the server refuses', async () => {
    const resetStore = vi.spyOn(ApolloClient.prototype, 'resetStore');
    const cache = cacheWithAlfaData();
    renderWithProviders(<Header />, {
      cache,
      mocks: [
        viewerMock(consultantViewer({ activeTenant: tenants.alfa })),
        switchTo('t-beta', [
          { field: ['tenantId'], code: 'FORBIDDEN', message: 'Этот клиент вам не назначен' },
        ]),
      ],
    });
    await screen.findByTestId('active-tenant');
    await choose('ООО «Бета Трейд»');

    expect(await screen.findByText('Этот клиент вам не назначен')).toBeTruthy();
    expect(resetStore).not.toHaveBeenCalled();
    expect(screen.getByTestId('active-tenant').textContent).toBe('ООО «Альфа Продажи»');
    expect(cache.extract()['User:u-alfa-accountant']).toBeTruthy();
  });

  it('asks to choose when no tenant is active', async () => {
    renderWithProviders(<Header />, { mocks: [viewerMock(consultantViewer())] });
    await screen.findByTestId('active-tenant');
    expect(screen.getByText('Выберите клиента')).toBeTruthy();
    expect(screen.getByTestId('active-tenant').textContent).toBe('none');
  });

  it('chooses the only tenant by itself', async () => {
    const only = viewer({ activeTenant: null });
    renderWithProviders(<Header />, {
      mocks: [viewerMock(only), switchTo('t-alfa'), viewerMock(viewer())],
    });
    await waitFor(() =>
      expect(screen.getByTestId('active-tenant').textContent).toBe('ООО «Альфа Продажи»'),
    );
    // Silent: nobody asked for it.
    expect(screen.queryByText(/Вы работаете с клиентом/)).toBeNull();
  });
});
