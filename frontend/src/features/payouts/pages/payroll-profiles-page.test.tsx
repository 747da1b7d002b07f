import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { payrollProfilesQuery } from '../api/payroll-profiles';
import { setPayrollProfileMutation } from '../api/set-payroll-profile';
import { employees } from '../testing/fixtures';
import { matchesName, PayrollProfilesPage } from './payroll-profiles-page';

const profile = (
  employee: (typeof employees)['ivan'],
  personnelNumber: string | null,
  organisation: string | null,
  active = true,
) => ({
  __typename: 'PayrollProfile' as const,
  employee: { ...employee, active },
  personnelNumber,
  organisation,
});

const profilesMock = (): MockedResponse => ({
  request: { query: payrollProfilesQuery },
  result: {
    data: {
      payrollProfiles: [
        profile(employees.ivan, '0041', 'ООО «Альфа»'),
        profile(employees.olga, null, null, false),
      ],
    },
  },
});

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(<PayrollProfilesPage payoutsPath="/payouts" />, {
    route: '/payouts/profiles',
    mocks,
  });
}

const row = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="profiles-table"] tr[data-row-key="${id}"]`);

const input = (id: string, testId: string) =>
  within(row(id)!).getByTestId(testId) as HTMLInputElement;

describe('PayrollProfilesPage', () => {
  it('lists the employees with their department, status, number and organisation', async () => {
    renderPage([profilesMock()]);

    await waitFor(() => expect(row('e-ivan')).not.toBeNull());
    const ivan = within(row('e-ivan')!);
    expect(ivan.getByTestId('profile-name').textContent).toBe('Иван Петров');
    expect(ivan.getByText('Отдел продаж')).toBeTruthy();
    expect(ivan.getByTestId('profile-active').textContent).toBe('работает');
    expect(input('e-ivan', 'profile-number').value).toBe('0041');
    expect(input('e-ivan', 'profile-organisation').value).toBe('ООО «Альфа»');

    expect(within(row('e-olga')!).getByTestId('profile-active').textContent).toBe('уволен(а)');
    expect(input('e-olga', 'profile-number').value).toBe('');
  });

  it('filters the rows by name', async () => {
    renderPage([profilesMock()]);
    await waitFor(() => expect(row('e-ivan')).not.toBeNull());

    fireEvent.change(screen.getByLabelText('Поиск по имени'), { target: { value: 'смирн' } });
    await waitFor(() => expect(row('e-ivan')).toBeNull());
    expect(row('e-olga')).not.toBeNull();
  });

  it('saves a row with setPayrollProfile, a blank field as null', async () => {
    const sent: unknown[] = [];
    const saveMock: MockedResponse = {
      request: { query: setPayrollProfileMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        return {
          data: {
            setPayrollProfile: {
              __typename: 'PayrollProfilePayload',
              profile: profile(employees.olga, '0042', null, false),
              errors: [],
            },
          },
        };
      },
    };
    renderPage([profilesMock(), saveMock]);
    await waitFor(() => expect(row('e-olga')).not.toBeNull());

    fireEvent.change(input('e-olga', 'profile-number'), { target: { value: ' 0042 ' } });
    fireEvent.click(within(row('e-olga')!).getByTestId('profile-save'));

    expect(
      await screen.findByText('Табельный номер сотрудника Ольга Смирнова сохранён'),
    ).toBeTruthy();
    expect(sent).toEqual([{ employeeId: 'e-olga', personnelNumber: '0042', organisation: null }]);
    expect(input('e-olga', 'profile-number').value).toBe('0042');

    // Hidden by a search and shown again, the row keeps the saved number (the cached list has it).
    const search = screen.getByLabelText('Поиск по имени');
    fireEvent.change(search, { target: { value: 'иван' } });
    await waitFor(() => expect(row('e-olga')).toBeNull());
    fireEvent.change(search, { target: { value: '' } });
    await waitFor(() => expect(row('e-olga')).not.toBeNull());
    expect(input('e-olga', 'profile-number').value).toBe('0042');
  });

  it('shows a DUPLICATE under the number field of that row', async () => {
    const saveMock: MockedResponse = {
      request: {
        query: setPayrollProfileMutation,
        variables: {
          input: { employeeId: 'e-olga', personnelNumber: '0041', organisation: 'ООО «Альфа»' },
        },
      },
      result: {
        data: {
          setPayrollProfile: {
            __typename: 'PayrollProfilePayload',
            profile: null,
            errors: [
              {
                __typename: 'UserError',
                field: ['input', 'personnelNumber'],
                code: 'DUPLICATE',
                message: 'Этот табельный номер уже у другого сотрудника.',
              },
            ],
          },
        },
      },
    };
    renderPage([profilesMock(), saveMock]);
    await waitFor(() => expect(row('e-olga')).not.toBeNull());

    fireEvent.change(input('e-olga', 'profile-number'), { target: { value: '0041' } });
    fireEvent.change(input('e-olga', 'profile-organisation'), {
      target: { value: 'ООО «Альфа»' },
    });
    fireEvent.click(within(row('e-olga')!).getByTestId('profile-save'));

    const message = await screen.findByText('Этот табельный номер уже у другого сотрудника.');
    const item = message.closest('.ant-form-item')!;
    expect(item.querySelector('[data-testid="profile-number"]')).not.toBeNull();
    expect(row('e-olga')!.contains(message)).toBe(true);
    expect(row('e-ivan')!.contains(message)).toBe(false);
  });
});

describe('matchesName', () => {
  it('matches every word, ignoring case', () => {
    expect(matchesName('Иван Петров', 'петров иван')).toBe(true);
    expect(matchesName('Иван Петров', 'ИВ')).toBe(true);
    expect(matchesName('Иван Петров', 'Ольга')).toBe(false);
    expect(matchesName('Иван Петров', '  ')).toBe(true);
  });
});
