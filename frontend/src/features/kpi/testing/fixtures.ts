import type { MockedResponse } from '@apollo/client/testing';
import type { KpiScope, KpiUnit } from '@/gql/graphql';
import '@/test/charts';
import { kpiCatalogueQuery } from '../api/kpi-catalogue';
import { departmentsQuery } from '../api/departments';

/** Test data in the shape of kpi.graphqls / plans.graphqls (the backend's catalogue, trimmed). */
function def(
  code: string,
  nameRu: string,
  nameEn: string,
  unit: KpiUnit,
  scope: KpiScope,
  plannable: boolean,
) {
  return {
    __typename: 'KpiDefinition' as const,
    code,
    nameRu,
    nameEn,
    definitionRu: `Определение: ${nameRu}`,
    definitionEn: `Definition: ${nameEn}`,
    unit,
    scope,
    plannable,
  };
}

export const catalogue = [
  def('sales_volume', 'Объём продаж', 'Sales volume', 'MONEY', 'EMPLOYEE', true),
  def('deals_won', 'Выигранные сделки', 'Deals won', 'COUNT', 'EMPLOYEE', true),
  def('average_deal', 'Средний чек', 'Average deal', 'MONEY', 'EMPLOYEE', true),
  def('lead_conversion', 'Конверсия лидов', 'Lead conversion', 'PERCENT', 'EMPLOYEE', true),
  def('nps', 'NPS', 'NPS', 'NPS_SCORE', 'EMPLOYEE', false),
  def('activity_calls', 'Звонки', 'Calls', 'COUNT', 'EMPLOYEE', true),
  def('activity_total', 'Активность', 'Activity', 'COUNT', 'EMPLOYEE', true),
  def(
    'team_plan_fulfilment',
    'Выполнение плана отдела',
    'Team plan fulfilment',
    'PERCENT',
    'DEPARTMENT',
    false,
  ),
  def(
    'average_sales_per_manager',
    'Средние продажи на менеджера',
    'Average sales per manager',
    'MONEY',
    'DEPARTMENT',
    true,
  ),
  def('staff_turnover', 'Текучесть кадров', 'Staff turnover', 'PERCENT', 'DEPARTMENT', false),
];

export const catalogueMock = (times = 5): MockedResponse => ({
  request: { query: kpiCatalogueQuery },
  result: { data: { kpis: catalogue } },
  maxUsageCount: times,
});

export const departments = [
  { __typename: 'Department' as const, id: 'd-sales', name: 'Отдел продаж', parentId: null },
  {
    __typename: 'Department' as const,
    id: 'd-moscow',
    name: 'Продажи Москва',
    parentId: 'd-sales',
  },
];

export const departmentsMock = (times = 5): MockedResponse => ({
  request: { query: departmentsQuery },
  result: { data: { departments } },
  maxUsageCount: times,
});

type EmployeeFixture = {
  __typename: 'Employee';
  id: string;
  name: string;
  position: string | null;
};

export const employees: Record<'ivan' | 'olga', EmployeeFixture> = {
  ivan: { __typename: 'Employee', id: 'e-ivan', name: 'Иван Петров', position: 'Менеджер' },
  olga: { __typename: 'Employee', id: 'e-olga', name: 'Ольга Смирнова', position: null },
};

/** A KpiValue with every field the queries ask for. */
export function kpiValue(
  code: string,
  value: string | null,
  extra: Partial<{
    plan: string | null;
    attainment: string | null;
    undefinedReason: string | null;
    facts: number;
    errors: number;
  }> = {},
) {
  return {
    __typename: 'KpiValue' as const,
    kpi: { __typename: 'KpiDefinition' as const, code },
    value,
    undefinedReason: null,
    facts: 0,
    errors: 0,
    plan: null,
    attainment: null,
    ...extra,
  };
}

/** Only the fields a query selects: MockedProvider writes what the query asks and nothing more. */
export function pick<T extends Record<string, unknown>, K extends keyof T>(
  value: T,
  ...keys: K[]
): Pick<T, K | '__typename'> {
  const result = { __typename: value['__typename'] } as Record<string, unknown>;
  for (const k of keys) {
    result[k as string] = value[k];
  }
  return result as Pick<T, K | '__typename'>;
}

export const period = (start: string, kind: 'MONTH' | 'QUARTER' | 'YEAR' = 'MONTH') => ({
  __typename: 'Period' as const,
  kind,
  start,
  end: kind === 'MONTH' ? nextMonth(start) : start,
  closed: false,
});

function nextMonth(start: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + m; // the next month, 0-based
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Intl's spaces (U+00A0, U+202F) as plain ones, so expectations read naturally. */
export const plain = (element: Element | null | undefined) =>
  element?.textContent?.replace(/[\u00a0\u202f]/gu, ' ') ?? '';
