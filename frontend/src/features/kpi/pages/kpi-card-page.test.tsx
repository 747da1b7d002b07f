import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { employeeKpiCardQuery } from '../api/employee-kpi-card';
import { kpiFactsQuery } from '../api/kpi-facts';
import { kpiSeriesQuery } from '../api/kpi-series';
import { myKpiCardQuery } from '../api/my-kpi-card';
import { catalogueMock, employees, kpiValue, period, plain } from '../testing/fixtures';
import { KpiCardPage } from './kpi-card-page';

const NOVEMBER = { kind: 'MONTH' as const, start: '2026-11-01' };
const ROUTE_PERIOD = '?kind=MONTH&start=2026-11-01';

const previous = (code: string, value: string | null) => ({
  __typename: 'KpiValue' as const,
  kpi: { __typename: 'KpiDefinition' as const, code },
  value,
  undefinedReason: null,
});

const card = {
  __typename: 'EmployeeKpiCard' as const,
  employee: employees.ivan,
  period: period('2026-11-01'),
  currency: 'RUB',
  values: [
    kpiValue('average_deal', '411522.63', { facts: 3 }),
    kpiValue('sales_volume', '1234567.89', {
      plan: '1500000',
      attainment: '82.3045',
      facts: 3,
      errors: 1,
    }),
    kpiValue('deals_won', '3', { plan: '3', attainment: '100.0000', facts: 3 }),
    kpiValue('lead_conversion', null, { undefinedReason: 'Нет закрытых лидов' }),
  ],
  previous: [
    previous('sales_volume', '1000000'),
    previous('deals_won', '3'),
    previous('average_deal', '500000'),
    previous('lead_conversion', null),
  ],
};

const seriesMock: MockedResponse = {
  request: {
    query: kpiSeriesQuery,
    variables: {
      kpi: 'sales_volume',
      subject: { employeeId: 'e-ivan' },
      periodKind: 'MONTH',
      to: '2026-11-01',
      count: 12,
    },
  },
  result: { data: { kpiSeries: [] } },
};

const fact = (
  sourceId: string,
  title: string,
  amount: string | null,
  currency: string | null,
  inRub: string | null,
  note: string | null,
) => ({
  __typename: 'KpiFactEdge' as const,
  cursor: `f-${sourceId}`,
  node: {
    __typename: 'KpiFact' as const,
    kind: 'DEAL' as const,
    sourceId,
    title,
    at: '2026-10-31T21:30:00Z', // 00:30 on 1 November in Moscow, still 31 October in UTC
    amount,
    currency,
    amountInTenantCurrency: inRub,
    note,
    url: `https://alfa.bitrix24.ru/crm/deal/details/${sourceId}/`,
  },
});

const factsMock: MockedResponse = {
  request: {
    query: kpiFactsQuery,
    variables: {
      kpi: 'sales_volume',
      subject: { employeeId: 'e-ivan' },
      period: NOVEMBER,
      first: 50,
    },
  },
  result: {
    data: {
      kpiFacts: {
        __typename: 'KpiFactConnection',
        edges: [
          fact('101', 'Поставка станков', '1000000', 'RUB', '1000000', 'первая покупка'),
          fact(
            '102',
            'Сервисный контракт',
            '2500',
            'USD',
            '234567.89',
            'повторная покупка клиента',
          ),
          fact('103', 'Тендер в тенге', '100', 'KZT', null, null),
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'f-103' },
        totalCount: 3,
      },
    },
  },
};

const myCard = (value: typeof card | null): MockedResponse => ({
  request: { query: myKpiCardQuery, variables: { period: NOVEMBER } },
  result: { data: { myKpiCard: value } },
});

function renderMine(mocks: MockedResponse[]) {
  return renderWithProviders(<KpiCardPage mine timeZone="Europe/Moscow" overviewPath={null} />, {
    route: `/kpi/me${ROUTE_PERIOD}`,
    mocks: [catalogueMock(), ...mocks],
  });
}

describe('KpiCardPage', () => {
  it("shows a manager's own values against plan and the previous period", async () => {
    renderMine([myCard(card), seriesMock]);
    expect(plain(await screen.findByTestId('kpi-value-sales_volume'))).toBe('1 234 567,89 ₽');
    expect(plain(screen.getByTestId('kpi-card-employee'))).toContain('Иван Петров');
    expect(plain(screen.getByTestId('kpi-attainment-sales_volume'))).toBe('82,3 %');
    expect(plain(screen.getByTestId('kpi-attainment-deals_won'))).toBe('100 %');
    expect(screen.getByTestId('kpi-delta-sales_volume').dataset['direction']).toBe('up');
    expect(screen.getByTestId('kpi-delta-deals_won').dataset['direction']).toBe('same');
    expect(screen.getByTestId('kpi-delta-average_deal').dataset['direction']).toBe('down');
    expect(plain(screen.getByTestId('kpi-delta-average_deal'))).toContain('500 000,00 ₽');
    expect(screen.getByTestId('kpi-value-lead_conversion').getAttribute('aria-label')).toBe(
      'Нет закрытых лидов',
    );
    expect(plain(screen.getByTestId('kpi-card-sales_volume'))).toContain(
      'Не учтено из-за ошибок: 1',
    );
    // In the catalogue's order, not the server's.
    const order = [...document.querySelectorAll('[data-testid^="kpi-card-"]')]
      .map((e) => e.getAttribute('data-testid'))
      .filter((id) => id !== 'kpi-card-employee' && id !== 'kpi-card');
    expect(order).toEqual([
      'kpi-card-sales_volume',
      'kpi-card-deals_won',
      'kpi-card-average_deal',
      'kpi-card-lead_conversion',
    ]);
  });

  it('opens the facts behind a value: dates in the company zone, amounts, no-rate deals, links', async () => {
    renderMine([myCard(card), seriesMock, factsMock]);
    fireEvent.click(await screen.findByTestId('kpi-open-sales_volume'));
    const drawer = await screen.findByTestId('facts-drawer');
    await waitFor(() => expect(within(drawer).getAllByRole('row')).toHaveLength(4));
    const rows = within(drawer).getAllByRole('row').slice(1).map(plain);
    expect(rows[0]).toContain('Поставка станков');
    expect(rows[0]).toContain('1 нояб. 2026'); // the tenant's day, not the browser's
    expect(rows[0]).toContain('1 000 000,00 ₽');
    expect(rows[0]).toContain('первая покупка');
    expect(rows[1]).toContain('2 500,00 $');
    expect(rows[1]).toContain('234 567,89 ₽');
    expect(rows[2]).toContain('нет курса — не учтено');
    const link = within(drawer).getByRole('link', { name: /Поставка станков/ });
    expect(link.getAttribute('href')).toBe('https://alfa.bitrix24.ru/crm/deal/details/101/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(plain(within(drawer).getByTestId('facts-shown'))).toBe('Показано 3 из 3');
    expect(plain(drawer)).toContain('Объём продаж: из чего сложилось');
  });

  it('tells a user whose membership is not linked to Bitrix24', async () => {
    renderMine([myCard(null)]);
    expect((await screen.findByTestId('kpi-card-not-linked')).textContent).toContain(
      'Вы не связаны с пользователем Битрикс24',
    );
  });

  it("answers another's card the server refuses (NOT_FOUND) with «not found»", async () => {
    renderWithProviders(
      <Routes>
        <Route
          path="/kpi/employees/:employeeId"
          element={<KpiCardPage mine={false} timeZone="Europe/Moscow" overviewPath="/kpi" />}
        />
      </Routes>,
      {
        route: `/kpi/employees/e-olga${ROUTE_PERIOD}`,
        mocks: [
          catalogueMock(),
          {
            request: {
              query: employeeKpiCardQuery,
              variables: { employeeId: 'e-olga', period: NOVEMBER },
            },
            result: {
              errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }],
            },
          },
        ],
      },
    );
    expect((await screen.findByTestId('kpi-card-not-found')).textContent).toContain(
      'Сотрудник не найден',
    );
    expect(screen.queryByTestId('kpi-card')).toBeNull();
  });
});
