import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { copyKpiPlansMutation } from '../api/copy-kpi-plans';
import { employeeKpisQuery } from '../api/employee-kpis';
import { kpiPlansQuery } from '../api/kpi-plans';
import { setKpiPlansMutation } from '../api/set-kpi-plans';
import {
  catalogueMock,
  departments,
  departmentsMock,
  employees,
  kpiValue,
  period,
  plain,
} from '../testing/fixtures';
import { KpiPlansPage } from './kpi-plans-page';

const NOVEMBER = { kind: 'MONTH' as const, start: '2026-11-01' };
const EMPLOYEE_KPIS = [
  'sales_volume',
  'deals_won',
  'average_deal',
  'lead_conversion',
  'activity_calls',
  'activity_total',
];

const employeesMock = (times = 3): MockedResponse => ({
  request: {
    query: employeeKpisQuery,
    variables: { period: NOVEMBER, kpis: EMPLOYEE_KPIS, first: 50 },
  },
  result: {
    data: {
      employeeKpis: {
        __typename: 'EmployeeKpiConnection',
        edges: [employees.ivan, employees.olga].map((employee) => ({
          __typename: 'EmployeeKpiEdge',
          cursor: `c-${employee.id}`,
          node: {
            __typename: 'EmployeeKpiCard',
            employee,
            values: [kpiValue('sales_volume', employee === employees.ivan ? '1234567.89' : '0')],
          },
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c-e-olga' },
        totalCount: 2,
      },
    },
  },
  maxUsageCount: times,
});

function plan(
  id: string,
  kpi: string,
  subject: { employee?: (typeof employees)['ivan']; department?: (typeof departments)[number] },
  target: string,
  actual: string | null,
  attainment: string | null,
) {
  return {
    __typename: 'KpiPlan' as const,
    id,
    kpi: { __typename: 'KpiDefinition' as const, code: kpi },
    subjectKind: subject.employee ? ('EMPLOYEE' as const) : ('DEPARTMENT' as const),
    employee: subject.employee
      ? { __typename: 'Employee' as const, id: subject.employee.id, name: subject.employee.name }
      : null,
    department: subject.department
      ? {
          __typename: 'Department' as const,
          id: subject.department.id,
          name: subject.department.name,
        }
      : null,
    period: period('2026-11-01'),
    target,
    actual,
    attainment,
  };
}

const savedPlans = [
  plan(
    'p1',
    'sales_volume',
    { employee: employees.ivan },
    '1000000.0000',
    '1234567.89',
    '123.4568',
  ),
  plan(
    'p2',
    'average_sales_per_manager',
    { department: departments[0] },
    '600000',
    '617283.95',
    '102.8807',
  ),
];

const plansMock = (plans: ReturnType<typeof plan>[], times = 1): MockedResponse => ({
  request: { query: kpiPlansQuery, variables: { period: NOVEMBER, first: 100 } },
  result: {
    data: {
      kpiPlans: {
        __typename: 'KpiPlanConnection',
        edges: plans.map((node) => ({ __typename: 'KpiPlanEdge', cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        totalCount: plans.length,
      },
    },
  },
  maxUsageCount: times,
});

const userError = (field: string[], message: string) => ({
  __typename: 'UserError' as const,
  field,
  code: 'INVALID' as const,
  message,
});

function renderGrid(mocks: MockedResponse[], canEdit = true) {
  return renderWithProviders(
    <KpiPlansPage timeZone="Europe/Moscow" currency="RUB" canEdit={canEdit} />,
    {
      route: '/kpi/plans?kind=MONTH&start=2026-11-01',
      mocks: [catalogueMock(), departmentsMock(), employeesMock(), ...mocks],
    },
  );
}

const row = (key: string) => document.querySelector<HTMLElement>(`tr[data-row-key="${key}"]`)!;
const input = (rowKey: string, kpi: string) =>
  within(row(rowKey)).getByTestId(`plan-input-${kpi}`) as HTMLInputElement;
const IVAN = 'EMPLOYEE|e-ivan';
const OLGA = 'EMPLOYEE|e-olga';
const SALES = 'DEPARTMENT|d-sales';

async function gridReady() {
  await screen.findByTestId('plan-grid');
  await waitFor(() => expect(row(OLGA)).toBeTruthy());
}

describe('KpiPlansPage', () => {
  it('shows saved targets with actual and attainment; department KPIs only on departments', async () => {
    renderGrid([plansMock(savedPlans)]);
    await gridReady();
    expect(input(IVAN, 'sales_volume').value).toBe('1000000');
    expect(plain(within(row(IVAN)).getByTestId('plan-attainment-sales_volume'))).toContain(
      '123,5 %',
    );
    expect(plain(row(IVAN))).toContain('факт 1 234 567,89 ₽');
    expect(input(SALES, 'average_sales_per_manager').value).toBe('600000');
    expect(input(IVAN, 'average_sales_per_manager').disabled).toBe(true);
    expect(input(SALES, 'sales_volume').disabled).toBe(false);
    // Subdepartments are indented under their parent, employees after the departments.
    const names = [...document.querySelectorAll('[data-testid="plan-subject-name"]')].map(
      (e) => e.textContent,
    );
    expect(names).toEqual(['Отдел продаж', 'Продажи Москва', 'Иван Петров', 'Ольга Смирнова']);
  });

  it('validates cells as typed and sends only the changed ones', async () => {
    const cells = [
      { kpi: 'deals_won', employeeId: 'e-ivan', target: '3' },
      { kpi: 'sales_volume', employeeId: 'e-ivan', target: '1500000.5' },
      { kpi: 'deals_won', employeeId: 'e-olga', target: '12' },
    ];
    const updated = [
      plan(
        'p1',
        'sales_volume',
        { employee: employees.ivan },
        '1500000.5',
        '1234567.89',
        '82.3044',
      ),
      savedPlans[1]!,
    ];
    renderGrid([
      plansMock(savedPlans),
      {
        request: { query: setKpiPlansMutation, variables: { input: { period: NOVEMBER, cells } } },
        result: {
          data: { setKpiPlans: { __typename: 'SetKpiPlansPayload', plans: updated, errors: [] } },
        },
      },
      plansMock(updated, 3),
    ]);
    await gridReady();
    fireEvent.change(input(IVAN, 'sales_volume'), { target: { value: '1 500 000,50' } });
    fireEvent.change(input(IVAN, 'deals_won'), { target: { value: '2,5' } });
    fireEvent.change(input(OLGA, 'deals_won'), { target: { value: '12' } });
    // A cell typed back to its saved value is no change.
    fireEvent.change(input(SALES, 'average_sales_per_manager'), {
      target: { value: '600 000,00' },
    });
    expect(plain(within(row(IVAN)).getByTestId('plan-cell-error'))).toBe('Нужно целое число');
    expect(plain(screen.getByTestId('plans-unsaved'))).toBe('Несохранённых изменений: 3');

    fireEvent.click(screen.getByTestId('plans-save')); // refused: a cell is invalid
    expect(input(IVAN, 'deals_won').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input(IVAN, 'deals_won'), { target: { value: '3' } });
    expect(within(row(IVAN)).queryByTestId('plan-cell-error')).toBeNull();
    fireEvent.click(screen.getByTestId('plans-save'));
    expect(await screen.findByText('Планы сохранены: 3')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('plans-unsaved')).toBeNull());
    await waitFor(() =>
      expect(plain(within(row(IVAN)).getByTestId('plan-attainment-sales_volume'))).toContain(
        '82,3 %',
      ),
    );
    expect(input(IVAN, 'sales_volume').value).toBe('1500000,5');
  });

  it("puts the server's errors on the cells they name and the others above the grid", async () => {
    const cells = [
      { kpi: 'sales_volume', employeeId: 'e-ivan', target: '2000000' },
      { kpi: 'deals_won', employeeId: 'e-olga', target: '12' },
    ];
    renderGrid([
      plansMock(savedPlans),
      {
        request: { query: setKpiPlansMutation, variables: { input: { period: NOVEMBER, cells } } },
        result: {
          data: {
            setKpiPlans: {
              __typename: 'SetKpiPlansPayload',
              plans: [],
              errors: [
                userError(['input', 'cells', '1', 'target'], 'Сотрудник уволен до начала периода'),
                userError([], 'Период закрыт для изменений'),
              ],
            },
          },
        },
      },
    ]);
    await gridReady();
    fireEvent.change(input(IVAN, 'sales_volume'), { target: { value: '2000000' } });
    fireEvent.change(input(OLGA, 'deals_won'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('plans-save'));
    await waitFor(() =>
      expect(plain(within(row(OLGA)).getByTestId('plan-cell-error'))).toBe(
        'Сотрудник уволен до начала периода',
      ),
    );
    expect(within(row(IVAN)).queryByTestId('plan-cell-error')).toBeNull();
    expect(plain(screen.getByTestId('form-errors'))).toContain('Период закрыт для изменений');
    // Nothing was saved: the edits stay.
    expect(input(IVAN, 'sales_volume').value).toBe('2000000');
    expect(plain(screen.getByTestId('plans-unsaved'))).toBe('Несохранённых изменений: 2');
  });

  it('copies the previous period after a confirmation and says how many', async () => {
    renderGrid([
      plansMock(savedPlans),
      {
        request: {
          query: copyKpiPlansMutation,
          variables: { input: { from: { kind: 'MONTH', start: '2026-10-01' } } },
        },
        result: {
          data: {
            copyKpiPlans: {
              __typename: 'CopyKpiPlansPayload',
              to: { __typename: 'Period', kind: 'MONTH', start: '2026-11-01' },
              copied: 5,
              skipped: 2,
              errors: [],
            },
          },
        },
      },
      plansMock(savedPlans, 3),
    ]);
    await gridReady();
    fireEvent.click(screen.getByTestId('plans-copy'));
    // antd's confirmation names its title twice (the title and the dialog's label).
    expect(
      await screen.findAllByText('Скопировать планы из периода «октябрь 2026» в «ноябрь 2026»?'),
    ).not.toHaveLength(0);
    fireEvent.click(await screen.findByTestId('copy-confirm'));
    expect(plain(await screen.findByTestId('copy-result'))).toContain('Скопировано 5, пропущено 2');
    expect(screen.getByTestId('plans-template').getAttribute('href')).toBe(
      '/api/kpi/plans/template.xlsx?kind=MONTH&start=2026-11-01',
    );
  });

  it('lets an accountant read the plans but not change them', async () => {
    renderGrid([plansMock(savedPlans)], false);
    await gridReady();
    expect(screen.getByTestId('plans-read-only')).toBeTruthy();
    expect(input(IVAN, 'sales_volume').disabled).toBe(true);
    expect(input(SALES, 'average_sales_per_manager').disabled).toBe(true);
    expect(screen.queryByTestId('plans-save')).toBeNull();
    expect(screen.queryByTestId('plans-copy')).toBeNull();
    expect(screen.queryByTestId('plans-import')).toBeNull();
    expect(screen.getByTestId('plans-template')).toBeTruthy();
  });
});
