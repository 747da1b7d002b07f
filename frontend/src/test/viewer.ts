import type { MockedResponse } from '@apollo/client/testing';
import { viewerQuery } from '@/features/identity/api/viewer';
import type { AccessRole, Permission } from '@/gql/graphql';

/** Test data in the shape of the Viewer query, as the backend's demo seeds it. */
export const tenants = {
  alfa: {
    __typename: 'Tenant' as const,
    id: 't-alfa',
    name: 'ООО «Альфа Продажи»',
    timeZone: 'Europe/Moscow',
    currencyCode: 'RUB',
  },
  beta: {
    __typename: 'Tenant' as const,
    id: 't-beta',
    name: 'ООО «Бета Трейд»',
    timeZone: 'Asia/Yekaterinburg',
    currencyCode: 'RUB',
  },
};

export interface TenantFixture {
  __typename: 'Tenant';
  id: string;
  name: string;
  timeZone: string;
  currencyCode: string;
}

export interface ViewerFixture {
  __typename: 'Viewer';
  user: { __typename: 'User'; id: string; email: string; displayName: string };
  consultancy: { __typename: 'Consultancy'; id: string; name: string } | null;
  tenants: TenantFixture[];
  activeTenant: TenantFixture | null;
  accessRole: AccessRole | null;
  permissions: Permission[];
}

export function viewer(overrides: Partial<ViewerFixture> = {}): ViewerFixture {
  return {
    __typename: 'Viewer',
    user: {
      __typename: 'User',
      id: 'u-admin-alfa',
      email: 'admin@alfa.demo',
      displayName: 'Анна Админова',
    },
    consultancy: null,
    tenants: [tenants.alfa],
    activeTenant: tenants.alfa,
    accessRole: 'TENANT_ADMIN',
    permissions: [
      'MANAGE_USERS',
      'VIEW_ALL_EMPLOYEES',
      'VIEW_INTEGRATION',
      'MANAGE_INTEGRATION',
      'MANAGE_KPI_PLANS',
    ],
    ...overrides,
  };
}

/** The accountant of Alfa: sees every employee and the Bitrix24 page, manages nothing. */
export const accountantViewer = (overrides: Partial<ViewerFixture> = {}) =>
  viewer({
    user: {
      __typename: 'User',
      id: 'u-accountant-alfa',
      email: 'accountant@alfa.demo',
      displayName: 'Борис Бухгалтеров',
    },
    accessRole: 'ACCOUNTANT',
    permissions: ['VIEW_ALL_EMPLOYEES', 'VIEW_INTEGRATION'],
    ...overrides,
  });

/** Manager 1 of Alfa: sees only his own numbers. */
export const managerViewer = (overrides: Partial<ViewerFixture> = {}) =>
  viewer({
    user: {
      __typename: 'User',
      id: 'u-manager1-alfa',
      email: 'manager1@alfa.demo',
      displayName: 'Менеджер 1 Альфа',
    },
    accessRole: 'MANAGER',
    permissions: [],
    ...overrides,
  });

export const consultantViewer = (overrides: Partial<ViewerFixture> = {}) =>
  viewer({
    user: {
      __typename: 'User',
      id: 'u-consultant',
      email: 'consultant@integrator.demo',
      displayName: 'Константин Консультантов',
    },
    consultancy: { __typename: 'Consultancy', id: 'c-integrator', name: 'Интегратор Плюс' },
    tenants: [tenants.alfa, tenants.beta],
    activeTenant: null,
    accessRole: 'CONSULTANT',
    permissions: ['MANAGE_CLIENT_COMPANIES'],
    ...overrides,
  });

/** The Viewer query answered with `value` (null: signed out), `times` times (store resets refetch it). */
export function viewerMock(value: ViewerFixture | null, times = 1): MockedResponse {
  return {
    request: { query: viewerQuery },
    result: { data: { viewer: value } },
    maxUsageCount: times,
  };
}
