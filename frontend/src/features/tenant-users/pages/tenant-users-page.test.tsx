import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccessRole, MembershipStatus } from '@/gql/graphql';
import { chooseOption } from '@/test/antd';
import { renderWithProviders } from '@/test/render';
import { changeUserRoleMutation } from '../api/change-user-role';
import { deactivateUserMutation } from '../api/deactivate-user';
import { inviteUserMutation } from '../api/invite-user';
import { tenantUsersQuery } from '../api/tenant-users';
import { TenantUsersPage } from './tenant-users-page';

const node = (
  id: string,
  email: string,
  displayName: string,
  accessRole: AccessRole,
  status: MembershipStatus,
  joinedAt: string | null = '2026-11-21T12:00:00Z',
) => ({
  __typename: 'TenantUser' as const,
  id,
  accessRole,
  status,
  invitedAt: '2026-11-20T12:00:00Z',
  joinedAt,
  user: { __typename: 'User' as const, id: `u-${id}`, email, displayName },
});

const admin = node('m-admin', 'admin@alfa.demo', 'Анна Админова', 'TENANT_ADMIN', 'ACTIVE');
const accountant = node(
  'm-acc',
  'accountant@alfa.demo',
  'Борис Бухгалтеров',
  'ACCOUNTANT',
  'ACTIVE',
);
const manager1 = node(
  'm-m1',
  'manager1@alfa.demo',
  'Мария Менеджерова',
  'MANAGER',
  'INVITED',
  null,
);
const manager2 = node('m-m2', 'manager2@alfa.demo', 'Максим Менеджеров', 'MANAGER', 'DEACTIVATED');

function page(
  nodes: ReturnType<typeof node>[],
  {
    after,
    hasNextPage = false,
    totalCount = nodes.length,
  }: { after?: string; hasNextPage?: boolean; totalCount?: number } = {},
): MockedResponse {
  return {
    request: {
      query: tenantUsersQuery,
      variables: after ? { first: 50, after } : { first: 50 },
    },
    result: {
      data: {
        tenantUsers: {
          __typename: 'TenantUserConnection',
          edges: nodes.map((n) => ({ __typename: 'TenantUserEdge', cursor: `c-${n.id}`, node: n })),
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: nodes.length ? `c-${nodes[nodes.length - 1]!.id}` : null,
          },
          totalCount,
        },
      },
    },
  };
}

const firstPage = page([admin, accountant, manager1], { hasNextPage: true, totalCount: 4 });

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(<TenantUsersPage currentUserId="u-m-admin" />, {
    route: '/settings/users',
    mocks,
  });
}

const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-row-key="${id}"]`)!;
const rows = () => document.querySelectorAll<HTMLElement>('tr[data-row-key]');
const emails = () => [...rows()].map((r) => within(r).getByTestId('user-email').textContent);

describe('TenantUsersPage', () => {
  it('lists the users of the tenant with roles, statuses and dates in Russian', async () => {
    renderPage([firstPage]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Пользователи' })).toBeTruthy();
    expect(emails()).toEqual(['admin@alfa.demo', 'accountant@alfa.demo', 'manager1@alfa.demo']);

    const own = within(row('m-admin'));
    expect(own.getByTestId('user-name').textContent).toBe('Анна Админова (это вы)');
    expect(own.getByTestId('user-role').textContent).toBe(
      'Руководитель отдела продаж (администратор)',
    );
    expect(own.queryByTestId('deactivate-user')).toBeNull(); // nobody locks himself out
    expect(own.getByTestId('user-status').textContent).toBe('Активен');
    expect(own.getByTestId('user-invited-at').textContent).toBe('20 нояб. 2026 г.');
    expect(own.getByTestId('user-joined-at').textContent).toBe('21 нояб. 2026 г.');

    const invited = within(row('m-m1'));
    expect(invited.getByTestId('user-status').textContent).toBe('Приглашён');
    expect(invited.queryByTestId('user-joined-at')).toBeNull();
    expect(within(row('m-acc')).getByTestId('role-select').textContent).toContain('Бухгалтер');
    expect(screen.getByTestId('users-shown').textContent).toBe('Показано 3 из 4');
  });

  it('loads the next page after the last cursor and appends it', async () => {
    renderPage([firstPage, page([manager2], { after: 'c-m-m1', totalCount: 4 })]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(emails()[3]).toBe('manager2@alfa.demo');
    expect(within(row('m-m2')).getByTestId('user-status').textContent).toBe('Отключён');
    expect(within(row('m-m2')).queryByTestId('deactivate-user')).toBeNull();
    expect(screen.getByTestId('users-shown').textContent).toBe('Показано 4 из 4');
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('speaks English with English role and status labels', async () => {
    renderWithProviders(<TenantUsersPage currentUserId="u-m-admin" />, {
      mocks: [firstPage],
      language: 'en',
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(row('m-admin')).getByTestId('user-role').textContent).toBe(
      'Head of sales (administrator)',
    );
    expect(within(row('m-m1')).getByTestId('user-status').textContent).toBe('Invited');
    expect(within(row('m-admin')).getByTestId('user-invited-at').textContent).toBe('Nov 20, 2026');
  });

  it('invites a user and shows the invitation link to copy', async () => {
    const newcomer = node('m-new', 'new@alfa.demo', '', 'ACCOUNTANT', 'INVITED', null);
    const invite: MockedResponse = {
      request: {
        query: inviteUserMutation,
        variables: { input: { email: 'new@alfa.demo', accessRole: 'ACCOUNTANT' } },
      },
      result: {
        data: {
          inviteUser: {
            __typename: 'InviteUserPayload',
            tenantUser: newcomer,
            invitationLink: '/invite/tok-123', // the server gives a path
            errors: [],
          },
        },
      },
    };
    renderPage([
      firstPage,
      invite,
      page([admin, accountant, manager1, newcomer], { hasNextPage: true, totalCount: 5 }),
    ]);
    await waitFor(() => expect(rows()).toHaveLength(3));

    fireEvent.click(screen.getByTestId('invite-user'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('invite-email'), {
      target: { value: 'new@alfa.demo' },
    });
    await chooseOption(within(dialog).getByRole('combobox'), 'Бухгалтер');
    fireEvent.click(within(dialog).getByTestId('invite-submit'));

    expect((await screen.findByTestId('invitation-link')).textContent).toBe(
      `${window.location.origin}/invite/tok-123`,
    );
    expect(within(dialog).getByRole('button', { name: /Копировать ссылку|copy/i })).toBeTruthy();
    expect(within(dialog).getByText('Приглашение для new@alfa.demo создано')).toBeTruthy();
    // The list is fetched again and shows the newcomer.
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(emails()).toContain('new@alfa.demo');
  });

  it('shows a business error of the invitation under its field', async () => {
    const duplicate: MockedResponse = {
      request: {
        query: inviteUserMutation,
        variables: { input: { email: 'accountant@alfa.demo', accessRole: 'MANAGER' } },
      },
      result: {
        data: {
          inviteUser: {
            __typename: 'InviteUserPayload',
            tenantUser: null,
            invitationLink: null,
            errors: [
              {
                __typename: 'UserError',
                field: ['input', 'email'],
                code: 'DUPLICATE',
                message: 'Этот пользователь уже есть в компании',
              },
            ],
          },
        },
      },
    };
    renderPage([firstPage, duplicate]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('invite-user'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('invite-email'), {
      target: { value: 'accountant@alfa.demo' },
    });
    fireEvent.click(within(dialog).getByTestId('invite-submit'));

    const message = await within(dialog).findByText('Этот пользователь уже есть в компании');
    expect(
      message.closest('.ant-form-item')?.querySelector('[data-testid="invite-email"]'),
    ).toBeTruthy();
    expect(screen.queryByTestId('invitation-link')).toBeNull();
  });

  it('changes a role and says so', async () => {
    const change: MockedResponse = {
      request: {
        query: changeUserRoleMutation,
        variables: { input: { tenantUserId: 'm-acc', accessRole: 'MANAGER' } },
      },
      result: {
        data: {
          changeUserRole: {
            __typename: 'TenantUserPayload',
            tenantUser: {
              __typename: 'TenantUser',
              id: 'm-acc',
              accessRole: 'MANAGER',
              status: 'ACTIVE',
            },
            errors: [],
          },
        },
      },
    };
    renderPage([firstPage, change]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await chooseOption(within(row('m-acc')).getByRole('combobox'), 'Менеджер по продажам');

    expect(
      await screen.findByText('Роль пользователя Борис Бухгалтеров изменена: Менеджер по продажам'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(within(row('m-acc')).getByTestId('role-select').textContent).toContain(
        'Менеджер по продажам',
      ),
    );
  });

  it('deactivates after a confirmation and says "deactivated", not "changed"', async () => {
    const deactivate: MockedResponse = {
      request: { query: deactivateUserMutation, variables: { input: { tenantUserId: 'm-m1' } } },
      result: {
        data: {
          deactivateUser: {
            __typename: 'TenantUserPayload',
            tenantUser: {
              __typename: 'TenantUser',
              id: 'm-m1',
              accessRole: 'MANAGER',
              status: 'DEACTIVATED',
            },
            errors: [],
          },
        },
      },
    };
    renderPage([firstPage, deactivate]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(row('m-m1')).getByTestId('deactivate-user'));
    expect(await screen.findByText('Отключить пользователя Мария Менеджерова?')).toBeTruthy();
    const popconfirm = document.querySelector<HTMLElement>('.ant-popconfirm')!;
    fireEvent.click(within(popconfirm).getByRole('button', { name: 'Отключить' }));

    expect(await screen.findByText('Пользователь Мария Менеджерова отключён')).toBeTruthy();
    await waitFor(() =>
      expect(within(row('m-m1')).getByTestId('user-status').textContent).toBe('Отключён'),
    );
    expect(within(row('m-m1')).queryByTestId('deactivate-user')).toBeNull();
    expect(screen.queryByText(/изменена/)).toBeNull();
  });
});
