import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { departmentKpisQuery } from '../api/department-kpis';
import { employeeKpisQuery } from '../api/employee-kpis';
import { kpiSeriesQuery } from '../api/kpi-series';
import { MANAGER_TABLE_KPIS } from '../components/managers-table';
import {
  catalogueMock,
  departmentsMock,
  employees,
  kpiValue,
  period,
  pick,
  plain,
} from '../testing/fixtures';
import { KpiOverviewPage } from './kpi-overview-page';

const NOVEMBER = { kind: 'MONTH' as const, start: '2026-11-01' };
const DECEMBER = { kind: 'MONTH' as const, start: '2026-12-01' };

function overview(start: string, volume: string, attainment: string) {
  return {
    __typename: 'DepartmentOverview' as const,
    department: null,
    period: period(start),
    currency: 'RUB',
    values: [
      kpiValue('sales_volume', volume, { plan: '1500000', attainment, facts: 12 }),
      kpiValue('deals_won', '12', { facts: 12 }),
      kpiValue('average_deal', null, { undefinedReason: 'Нет выигранных сделок с суммой' }),
      kpiValue('team_plan_fulfilment', attainment),
      kpiValue('average_sales_per_manager', '617283.95', { facts: 2 }),
      kpiValue('staff_turnover', '0'),
    ],
    managers: [
      {
        __typename: 'EmployeeKpiCard' as const,
        employee: pick(employees.ivan, 'id', 'name'),
        values: [
          kpiValue('sales_volume', '1000000', { plan: '1000000', attainment: '100.0000' }),
          kpiValue('activity_calls', '30'),
          kpiValue('activity_meetings', '5'),
          kpiValue('activity_emails', '12'),
        ],
      },
      {
        __typename: 'EmployeeKpiCard' as const,
        employee: pick(employees.olga, 'id', 'name'),
        values: [kpiValue('sales_volume', '234567.89', { plan: '500000', attainment: '46.9136' })],
      },
    ],
    funnel: [
      funnelStage('PREPARATION', 'Подготовка КП', 20, 15, 6, '40.0000'),
      funnelStage('NEW', 'Новая', 10, 20, 15, '75.0000'),
    ],
    activity: { __typename: 'ActivitySummary' as const, calls: 30, meetings: 5, emails: 12 },
  };
}

function funnelStage(
  stageId: string,
  stageName: string,
  sort: number,
  entered: number,
  converted: number,
  conversion: string | null,
) {
  return {
    __typename: 'FunnelStage' as const,
    pipelineId: 0,
    pipelineName: 'Общая',
    stageId,
    stageName,
    sort,
    entered,
    converted,
    conversion,
  };
}

const overviewMock = (p: typeof NOVEMBER, data: ReturnType<typeof overview>): MockedResponse => ({
  request: { query: departmentKpisQuery, variables: { departmentId: null, period: p } },
  result: { data: { departmentKpis: data } },
});

const seriesMock = (p: typeof NOVEMBER): MockedResponse => ({
  request: {
    query: kpiSeriesQuery,
    // The whole company: the series of the portal's only root department.
    variables: {
      kpi: 'sales_volume',
      subject: { departmentId: 'd-sales' },
      periodKind: 'MONTH',
      to: p.start,
      count: 12,
    },
  },
  result: {
    data: {
      kpiSeries: [
        {
          __typename: 'KpiPoint',
          period: { __typename: 'Period', kind: 'MONTH', start: '2026-10-01' },
          value: '900000',
          plan: '1000000',
          attainment: '90',
        },
        {
          __typename: 'KpiPoint',
          period: { __typename: 'Period', kind: 'MONTH', start: p.start },
          value: '1234567.89',
          plan: '1500000',
          attainment: '82.3045',
        },
      ],
    },
  },
});

const tableRow = (employee: typeof employees.ivan, volume: string) => ({
  __typename: 'EmployeeKpiEdge' as const,
  cursor: `c-${employee.id}`,
  node: {
    __typename: 'EmployeeKpiCard' as const,
    employee,
    values: [kpiValue('sales_volume', volume, { plan: '1000000', attainment: '100.0000' })],
  },
});

const tableMock = (
  p: typeof NOVEMBER,
  after: string | undefined,
  edges: ReturnType<typeof tableRow>[],
  hasNextPage: boolean,
): MockedResponse => ({
  request: {
    query: employeeKpisQuery,
    variables: {
      period: p,
      departmentId: null,
      kpis: [...MANAGER_TABLE_KPIS],
      first: 20,
      ...(after ? { after } : {}),
    },
  },
  result: {
    data: {
      employeeKpis: {
        __typename: 'EmployeeKpiConnection',
        edges,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: 2,
      },
    },
  },
});

function renderOverview(mocks: MockedResponse[], route = '/kpi?kind=MONTH&start=2026-11-01') {
  return renderWithProviders(
    <KpiOverviewPage
      timeZone="Europe/Moscow"
      currency="RUB"
      cardPath={(id) => `/kpi/employees/${id}`}
    />,
    { route, mocks: [catalogueMock(), departmentsMock(), ...mocks] },
  );
}

describe('KpiOverviewPage', () => {
  it('shows the headline KPIs formatted for Russian, with plan, attainment and definitions', async () => {
    renderOverview([
      overviewMock(NOVEMBER, overview('2026-11-01', '1234567.89', '82.3045')),
      seriesMock(NOVEMBER),
      tableMock(NOVEMBER, undefined, [tableRow(employees.ivan, '1000000')], false),
    ]);
    const volume = await screen.findByTestId('kpi-value-sales_volume');
    expect(plain(volume)).toBe('1 234 567,89 ₽');
    expect(plain(screen.getByTestId('kpi-plan-sales_volume'))).toBe('План: 1 500 000,00 ₽');
    expect(plain(screen.getByTestId('kpi-attainment-sales_volume'))).toBe('82,3 %');
    expect(plain(screen.getByTestId('kpi-value-deals_won'))).toBe('12');
    expect(plain(screen.getByTestId('kpi-value-team_plan_fulfilment'))).toBe('82,3 %');
    expect(plain(screen.getByTestId('kpi-value-staff_turnover'))).toBe('0 %');
    // Undefined: a dash, with the server's reason for screen readers and the tooltip.
    const averageDeal = screen.getByTestId('kpi-value-average_deal');
    expect(averageDeal.textContent).toBe('—');
    expect(averageDeal.getAttribute('aria-label')).toBe('Нет выигранных сделок с суммой');
    // The KPI's definition is at hand.
    await waitFor(() =>
      expect(
        within(screen.getByTestId('kpi-card-sales_volume')).getByLabelText(
          'Определение: Объём продаж',
        ),
      ).toBeTruthy(),
    );
    expect(plain(screen.getByTestId('period-label'))).toBe('ноябрь 2026');
  });

  it('draws attainment by manager (best first), the funnel in stage order and activity', async () => {
    renderOverview([
      overviewMock(NOVEMBER, overview('2026-11-01', '1234567.89', '82.3045')),
      seriesMock(NOVEMBER),
      tableMock(NOVEMBER, undefined, [tableRow(employees.ivan, '1000000')], false),
    ]);
    const attainment = await screen.findByTestId('chart-attainment');
    await waitFor(() => expect(attainment.querySelector('svg')).not.toBeNull());
    const text = plain(attainment);
    expect(text).toContain('Иван Петров');
    expect(text).toContain('100 %');
    expect(text).toContain('46,9 %');
    const funnel = plain(screen.getByTestId('chart-funnel'));
    expect(funnel.indexOf('Новая')).toBeLessThan(funnel.indexOf('Подготовка КП'));
    expect(funnel).toContain('75 %');
    expect(plain(screen.getByTestId('activity-calls'))).toContain('30');
    // Per manager where the values are there (Olga's are not).
    const activity = plain(screen.getByTestId('chart-activity').querySelector('svg'));
    expect(activity).toContain('Иван Петров');
    expect(activity).toContain('Звонки');
    expect(activity).not.toContain('Ольга');
    const volume = await screen.findByTestId('chart-volume-plan');
    await waitFor(() => expect(volume.querySelector('svg')).not.toBeNull());
    expect(plain(volume)).toContain('ноя 26');
  });

  it('lists the managers and loads more on «Показать ещё»', async () => {
    renderOverview([
      overviewMock(NOVEMBER, overview('2026-11-01', '1234567.89', '82.3045')),
      seriesMock(NOVEMBER),
      tableMock(NOVEMBER, undefined, [tableRow(employees.ivan, '1000000')], true),
      tableMock(NOVEMBER, 'c-e-ivan', [tableRow(employees.olga, '234567.89')], false),
    ]);
    const table = await screen.findByTestId('managers-table');
    await waitFor(() => expect(within(table).getAllByTestId('manager-name')).toHaveLength(1));
    const link = within(table).getByTestId('manager-name');
    expect(link.getAttribute('href')).toBe('/kpi/employees/e-ivan?kind=MONTH&start=2026-11-01');
    expect(plain(within(table).getByTestId('manager-value-sales_volume'))).toBe('1 000 000,00 ₽');
    fireEvent.click(within(table).getByTestId('managers-more'));
    await waitFor(() => expect(within(table).getAllByTestId('manager-name')).toHaveLength(2));
    expect(within(table).getAllByTestId('manager-name')[1]!.textContent).toBe('Ольга Смирнова');
    expect(within(table).queryByTestId('managers-more')).toBeNull();
  });

  it('shows the next period when asked, with its own values', async () => {
    renderOverview([
      overviewMock(NOVEMBER, overview('2026-11-01', '1234567.89', '82.3045')),
      seriesMock(NOVEMBER),
      tableMock(NOVEMBER, undefined, [tableRow(employees.ivan, '1000000')], false),
      overviewMock(DECEMBER, overview('2026-12-01', '2000000', '133.3333')),
      seriesMock(DECEMBER),
      tableMock(DECEMBER, undefined, [tableRow(employees.ivan, '2000000')], false),
    ]);
    await screen.findByTestId('kpi-value-sales_volume');
    fireEvent.click(screen.getByTestId('period-next'));
    await waitFor(() => expect(plain(screen.getByTestId('period-label'))).toBe('декабрь 2026'));
    await waitFor(() =>
      expect(plain(screen.queryByTestId('kpi-value-sales_volume'))).toBe('2 000 000,00 ₽'),
    );
    expect(plain(screen.getByTestId('kpi-attainment-sales_volume'))).toBe('133,3 %');
    expect(screen.getByTestId('location').textContent).toBe('/kpi?kind=MONTH&start=2026-12-01');
  });

  it('says there is no data for a period without any', async () => {
    const empty = { ...overview('2026-11-01', '0', '0'), managers: [], funnel: [] };
    empty.values = empty.values.map((v) => ({ ...v, value: null, facts: 0 }));
    renderOverview([overviewMock(NOVEMBER, empty)]);
    expect((await screen.findByTestId('kpi-overview-empty')).textContent).toContain(
      'Нет данных за период',
    );
  });
});
