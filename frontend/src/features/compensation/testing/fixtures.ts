import type { MockedResponse } from '@apollo/client/testing';
import { compensationKpisQuery } from '../api/compensation-kpis';
import { compensationSchemeQuery, schemeVersionQuery } from '../api/compensation-scheme';

/** Intl's spaces (U+00A0, U+202F) as plain ones. */
export const plain = (text: string | null | undefined) =>
  (text ?? '').replace(/[\s\u00a0\u202f]/gu, ' ').trim();

export const kpisMock = (): MockedResponse => ({
  request: { query: compensationKpisQuery },
  result: {
    data: {
      kpis: [
        {
          __typename: 'KpiDefinition',
          code: 'sales_volume',
          nameRu: 'Объём продаж',
          nameEn: 'Sales volume',
          definitionRu: 'Сумма выигранных сделок',
          definitionEn: 'Sum of won deals',
          unit: 'MONEY',
          scope: 'EMPLOYEE',
          plannable: true,
        },
        {
          __typename: 'KpiDefinition',
          code: 'deals_won',
          nameRu: 'Выигранные сделки',
          nameEn: 'Deals won',
          definitionRu: 'Число выигранных сделок',
          definitionEn: 'Number of won deals',
          unit: 'COUNT',
          scope: 'EMPLOYEE',
          plannable: true,
        },
      ],
    },
  },
  maxUsageCount: 5,
});

const measure = (kpi: string) => ({ __typename: 'Measure', kpi, subject: 'SELF', formula: null });

/** «5 % of sales_volume if sales_volume > 1 000 000 ₽», as the demo's account-manager scheme. */
export function volumeBonusDefinition(ratePercent = '5', threshold = '1000000') {
  return {
    __typename: 'SchemeDefinition',
    baseSalary: '60000',
    cap: null,
    floor: null,
    adaptation: null,
    components: [
      {
        __typename: 'SchemeComponent',
        key: 'volume_bonus',
        name: 'Премия с объёма',
        frequency: 'MONTHLY',
        measure: measure('sales_volume'),
        rule: {
          __typename: 'PayoutRule',
          kind: 'PERCENT',
          ratePercent,
          amount: null,
          tierMode: null,
          tiers: null,
          acceleratorMode: null,
          curve: null,
          expression: null,
          highestWins: null,
          prizes: null,
          contestFrom: null,
          contestTo: null,
        },
        gates: [
          {
            __typename: 'Gate',
            measure: measure('sales_volume'),
            basis: 'VALUE',
            comparator: 'GT',
            threshold,
          },
        ],
        cap: null,
        floor: null,
      },
    ],
  };
}

export function scheme({ draft = true }: { draft?: boolean } = {}) {
  const v1 = {
    __typename: 'SchemeVersion',
    id: 'v1',
    number: 1,
    status: 'PUBLISHED',
    effectiveFrom: '2026-10-01',
    createdAt: '2026-10-01T09:00:00Z',
    publishedAt: '2026-10-01T09:00:00Z',
    changes: [],
  };
  const v2 = {
    __typename: 'SchemeVersion',
    id: 'v2',
    number: 2,
    status: 'DRAFT',
    effectiveFrom: null,
    createdAt: '2026-11-20T09:00:00Z',
    publishedAt: null,
    changes: [],
  };
  return {
    __typename: 'CompensationScheme',
    id: 's1',
    name: 'Аккаунт-менеджеры',
    salesRole: 'ACCOUNT',
    source: {
      __typename: 'SchemeSource',
      templateCode: 'account_manager',
      templateName: 'Менеджер по работе с клиентами',
      libraryVersion: 1,
    },
    current: { __typename: 'SchemeVersion', id: 'v1', number: 1, effectiveFrom: '2026-10-01' },
    draft: draft
      ? {
          __typename: 'SchemeVersion',
          id: 'v2',
          number: 2,
          createdAt: v2.createdAt,
          definition: volumeBonusDefinition(),
        }
      : null,
    versions: draft ? [v2, v1] : [v1],
    assignments: [],
    proposals: [],
  };
}

export const schemeMock = (value = scheme(), times = 5): MockedResponse => ({
  request: { query: compensationSchemeQuery, variables: { id: 's1' } },
  result: { data: { compensationScheme: value } },
  maxUsageCount: times,
});

/** Version 1's definition, read on its own. */
export const versionMock = (times = 3): MockedResponse => ({
  request: { query: schemeVersionQuery, variables: { id: 'v1' } },
  result: {
    data: {
      schemeVersion: {
        __typename: 'SchemeVersion',
        id: 'v1',
        number: 1,
        status: 'PUBLISHED',
        definition: volumeBonusDefinition(),
      },
    },
  },
  maxUsageCount: times,
});
