import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { chooseOption } from '@/test/antd';
import { renderWithProviders } from '@/test/render';
import { assignConsultantMutation } from '../api/assign-consultant';
import { clientCompaniesQuery } from '../api/client-companies';
import { consultantsQuery } from '../api/consultants';
import { createClientCompanyMutation } from '../api/create-client-company';
import { currencyOptionsQuery } from '../api/currency-options';
import { renameClientCompanyMutation } from '../api/rename-client-company';
import { unassignConsultantMutation } from '../api/unassign-consultant';
import { timeZoneLabel } from '../lib/time-zones';
import { timeZoneMessages } from '../messages';
import { ClientCompaniesPage } from './client-companies-page';

const konstantin = {
  __typename: 'User' as const,
  id: 'u-consultant',
  email: 'consultant@integrator.demo',
  displayName: 'Константин Консультантов',
};
const olga = {
  __typename: 'User' as const,
  id: 'u-olga',
  email: 'olga@integrator.demo',
  displayName: 'Ольга Внедренцева',
};

const company = (id: string, name: string, consultants: (typeof konstantin)[] = []) => ({
  __typename: 'Tenant' as const,
  id,
  name,
  timeZone: 'Europe/Moscow',
  currencyCode: 'RUB',
  createdAt: '2026-11-20T12:00:00Z',
  consultants,
});

const alfa = company('t-alfa', 'ООО «Альфа Продажи»', [konstantin]);
const beta = company('t-beta', 'ООО «Бета Трейд»', [konstantin]);
const gamma = company('t-gamma', 'ООО «Гамма Сервис»');

const list = (companies: ReturnType<typeof company>[]): MockedResponse => ({
  request: { query: clientCompaniesQuery },
  result: { data: { clientCompanies: companies } },
});
const consultants: MockedResponse = {
  request: { query: consultantsQuery },
  result: { data: { consultants: [konstantin, olga] } },
};
const currencyOptions: MockedResponse = {
  request: { query: currencyOptionsQuery },
  result: {
    data: {
      currencies: [
        { __typename: 'Currency', code: 'KZT', nameRu: 'Казахстанский тенге', nameEn: 'Tenge' },
        { __typename: 'Currency', code: 'RUB', nameRu: 'Российский рубль', nameEn: 'Ruble' },
      ],
    },
  },
};

const userError = (field: string[], code: string, message: string) => ({
  __typename: 'UserError' as const,
  field,
  code,
  message,
});

function createAnswer(
  name: string,
  errors: ReturnType<typeof userError>[],
  { timeZone = 'Europe/Moscow', currencyCode = 'RUB' } = {},
): MockedResponse {
  return {
    request: {
      query: createClientCompanyMutation,
      variables: { input: { name, timeZone, currencyCode } },
    },
    result: {
      data: {
        createClientCompany: {
          __typename: 'ClientCompanyPayload',
          tenant: errors.length ? null : { ...company('t-delta', name), timeZone, currencyCode },
          errors,
        },
      },
    },
  };
}

const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-row-key="${id}"]`)!;
const rows = () => document.querySelectorAll<HTMLElement>('tr[data-row-key]');

function renderAsOwner(mocks: MockedResponse[], onChanged = vi.fn()) {
  renderWithProviders(
    <ClientCompaniesPage role="CONSULTANCY_OWNER" onClientCompaniesChanged={onChanged} />,
    {
      route: '/console/client-companies',
      mocks: [list([alfa, beta, gamma]), consultants, ...mocks],
    },
  );
  return onChanged;
}

async function openCreateDialog() {
  await waitFor(() => expect(rows()).toHaveLength(3));
  fireEvent.click(screen.getByTestId('create-client'));
  return screen.findByRole('dialog');
}

const fieldOf = (element: HTMLElement) => element.closest<HTMLElement>('.ant-form-item')!;

describe('ClientCompaniesPage', () => {
  it('lists the client companies with time zone, currency, consultants and creation date', async () => {
    renderAsOwner([]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Консоль консультанта' })).toBeTruthy();
    const a = within(row('t-alfa'));
    expect(a.getByTestId('company-name').textContent).toBe('ООО «Альфа Продажи»');
    expect(a.getByText('Москва (UTC+3)')).toBeTruthy();
    expect(a.getByText('RUB')).toBeTruthy();
    expect(a.getByText('20 нояб. 2026 г.')).toBeTruthy();
    expect(a.getByTestId('consultants-select').textContent).toContain('Константин Консультантов');
  });

  it('shows the business errors of a create under their fields and above the buttons', async () => {
    const onChanged = renderAsOwner([
      currencyOptions,
      createAnswer('ООО «Альфа Продажи»', [
        userError(['input', 'name'], 'DUPLICATE', 'Клиент с таким названием уже есть'),
        userError(['input', 'currencyCode'], 'INVALID', 'Валюта не поддерживается'),
        userError([], 'FORBIDDEN', 'Лимит клиентов исчерпан'),
      ]),
      createAnswer('ООО «Дельта»', []),
      list([alfa, beta, gamma, company('t-delta', 'ООО «Дельта»')]),
    ]);
    const dialog = await openCreateDialog();

    // The form checks what it can before asking the server.
    fireEvent.click(within(dialog).getByRole('button', { name: /Создать$/ }));
    expect(await within(dialog).findByText('Введите название')).toBeTruthy();

    const name = within(dialog).getByTestId('client-name');
    fireEvent.change(name, { target: { value: 'ООО «Альфа Продажи»' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Создать$/ }));

    const duplicate = await within(dialog).findByText('Клиент с таким названием уже есть');
    expect(fieldOf(duplicate).contains(name)).toBe(true);
    const currency = within(dialog).getByText('Валюта не поддерживается');
    expect(fieldOf(currency).querySelector('[data-testid="client-currency"]')).toBeTruthy();
    expect(within(dialog).getByTestId('form-errors').textContent).toBe('Лимит клиентов исчерпан');
    expect(onChanged).not.toHaveBeenCalled();

    fireEvent.change(name, { target: { value: 'ООО «Дельта»' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Создать$/ }));
    expect(await screen.findByText('Клиент ООО «Дельта» создан')).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('creates with the chosen time zone and currency', async () => {
    renderAsOwner([
      currencyOptions,
      createAnswer('ТОО «Астана»', [], { timeZone: 'Asia/Almaty', currencyCode: 'KZT' }),
      list([alfa, beta, gamma, company('t-delta', 'ТОО «Астана»')]),
    ]);
    const dialog = await openCreateDialog();
    expect(within(dialog).getByTestId('client-time-zone').textContent).toContain('Москва');
    expect(within(dialog).getByTestId('client-currency').textContent).toContain('RUB');

    fireEvent.change(within(dialog).getByTestId('client-name'), {
      target: { value: 'ТОО «Астана»' },
    });
    const [zone, currency] = within(dialog).getAllByRole('combobox');
    await chooseOption(zone!, timeZoneLabel('Asia/Almaty', timeZoneMessages.ru), {
      search: 'Алма',
    });
    await chooseOption(currency!, 'KZT — Казахстанский тенге', { search: 'KZT' });
    fireEvent.click(within(dialog).getByRole('button', { name: /Создать$/ }));
    expect(await screen.findByText('Клиент ТОО «Астана» создан')).toBeTruthy();
  });

  it('assigns and unassigns consultants for the owner', async () => {
    const assignment = (
      mutation: typeof assignConsultantMutation | typeof unassignConsultantMutation,
      field: string,
      tenant: object,
    ): MockedResponse => ({
      request: {
        query: mutation,
        variables: { input: { tenantId: 't-gamma', consultantId: 'u-olga' } },
      },
      result: { data: { [field]: { __typename: 'ClientCompanyPayload', tenant, errors: [] } } },
    });
    renderAsOwner([
      assignment(
        assignConsultantMutation,
        'assignConsultant',
        company('t-gamma', 'ООО «Гамма Сервис»', [olga]),
      ),
      assignment(unassignConsultantMutation, 'unassignConsultant', gamma),
    ]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await chooseOption(within(row('t-gamma')).getByRole('combobox'), 'Ольга Внедренцева');
    expect(
      await screen.findByText('Консультант Ольга Внедренцева назначен клиенту ООО «Гамма Сервис»'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(within(row('t-gamma')).getByTestId('consultants-select').textContent).toContain(
        'Ольга Внедренцева',
      ),
    );

    fireEvent.click(
      row('t-gamma').querySelector<HTMLElement>('.ant-select-selection-item-remove')!,
    );
    expect(
      await screen.findByText('Консультант Ольга Внедренцева снят с клиента ООО «Гамма Сервис»'),
    ).toBeTruthy();
  });

  it('lets a consultant rename but neither create nor assign', async () => {
    const rename: MockedResponse = {
      request: {
        query: renameClientCompanyMutation,
        variables: { input: { tenantId: 't-alfa', name: 'ООО «Альфа Продажи Групп»' } },
      },
      result: {
        data: {
          renameClientCompany: {
            __typename: 'ClientCompanyPayload',
            tenant: { ...alfa, name: 'ООО «Альфа Продажи Групп»' },
            errors: [],
          },
        },
      },
    };
    renderWithProviders(<ClientCompaniesPage role="CONSULTANT" />, {
      mocks: [list([alfa, beta]), rename],
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.queryByTestId('create-client')).toBeNull();
    expect(screen.queryByTestId('consultants-select')).toBeNull();
    expect(within(row('t-alfa')).getByTestId('consultant-tags').textContent).toBe(
      'Константин Консультантов',
    );

    fireEvent.click(within(row('t-alfa')).getByTestId('rename-company'));
    fireEvent.change(within(row('t-alfa')).getByTestId('rename-input'), {
      target: { value: 'ООО «Альфа Продажи Групп»' },
    });
    fireEvent.click(within(row('t-alfa')).getByTestId('rename-save'));

    expect(await screen.findByText('Клиент переименован: ООО «Альфа Продажи Групп»')).toBeTruthy();
    await waitFor(() =>
      expect(within(row('t-alfa')).getByTestId('company-name').textContent).toBe(
        'ООО «Альфа Продажи Групп»',
      ),
    );
  });

  it('shows a rename error next to the name', async () => {
    const refused: MockedResponse = {
      request: {
        query: renameClientCompanyMutation,
        variables: { input: { tenantId: 't-alfa', name: 'ООО «Бета Трейд»' } },
      },
      result: {
        data: {
          renameClientCompany: {
            __typename: 'ClientCompanyPayload',
            tenant: null,
            errors: [userError(['input', 'name'], 'DUPLICATE', 'Такое название уже занято')],
          },
        },
      },
    };
    renderWithProviders(<ClientCompaniesPage role="CONSULTANT" />, {
      mocks: [list([alfa, beta]), refused],
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(row('t-alfa')).getByTestId('rename-company'));
    fireEvent.change(within(row('t-alfa')).getByTestId('rename-input'), {
      target: { value: 'ООО «Бета Трейд»' },
    });
    fireEvent.click(within(row('t-alfa')).getByTestId('rename-save'));
    expect(await within(row('t-alfa')).findByText('Такое название уже занято')).toBeTruthy();
    expect(within(row('t-alfa')).getByTestId('rename-input')).toBeTruthy();
  });

  describe('without an active tenant (the viewer names no role)', () => {
    it('finds the owner by the list of consultants the server gives only to him', async () => {
      renderWithProviders(<ClientCompaniesPage role={null} />, {
        mocks: [list([alfa]), consultants],
      });
      expect(await screen.findByTestId('create-client')).toBeTruthy();
      await waitFor(() =>
        expect(within(row('t-alfa')).getByTestId('consultants-select')).toBeTruthy(),
      );
    });

    it('offers a consultant, whom the server refuses the list, only the rename', async () => {
      renderWithProviders(<ClientCompaniesPage role={null} />, {
        mocks: [
          list([alfa]),
          {
            request: { query: consultantsQuery },
            result: {
              errors: [
                {
                  message: 'Доступно только владельцу консалтинга.',
                  extensions: { code: 'FORBIDDEN' },
                },
              ],
            },
          },
        ],
      });
      await waitFor(() => expect(rows()).toHaveLength(1));
      await waitFor(() =>
        expect(within(row('t-alfa')).getByTestId('consultant-tags')).toBeTruthy(),
      );
      expect(screen.queryByTestId('create-client')).toBeNull();
      expect(screen.queryByRole('alert')).toBeNull(); // "not the owner" is no error to show
      expect(within(row('t-alfa')).getByTestId('rename-company')).toBeTruthy();
    });
  });
});
