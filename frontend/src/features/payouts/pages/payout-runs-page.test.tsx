import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { preparePayoutRunMutation } from '../api/prepare-payout-run';
import { inquiriesMock, inquiry, plain, run, runsMock } from '../testing/fixtures';
import { PayoutRunsPage } from './payout-runs-page';

function renderPage(mocks: MockedResponse[], canPrepare = true) {
  return renderWithProviders(
    <PayoutRunsPage
      runPath={(id) => `/payouts/${id}`}
      statementPath={(id) => `/payouts/statements/${id}`}
      profilesPath="/payouts/profiles"
      canPrepare={canPrepare}
      timeZone="Europe/Moscow"
      currency="RUB"
    />,
    { route: '/payouts', mocks },
  );
}

const row = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="runs-table"] tr[data-row-key="${id}"]`)!;

describe('PayoutRunsPage', () => {
  beforeEach(() => {
    // 10 December 2026 in Moscow: November is the last closed month. Only Date is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the runs with their status and totals as roubles with kopecks, and charts them', async () => {
    renderPage([runsMock(), inquiriesMock([inquiry()])]);

    await waitFor(() => expect(row('r-nov')).not.toBeNull());
    const november = within(row('r-nov'));
    expect(november.getByTestId('run-link').textContent).toBe('ноябрь 2026');
    expect(november.getByTestId('run-link').getAttribute('href')).toBe('/payouts/r-nov');
    // The header links to the personnel numbers.
    expect(screen.getByTestId('profiles-link').getAttribute('href')).toBe('/payouts/profiles');
    expect(screen.getByTestId('profiles-link').textContent).toContain('Табельные номера');
    expect(november.getByTestId('run-status').textContent).toBe('Черновик');
    expect(plain(november.getByTestId('run-total').textContent)).toBe('1 234 567,89 ₽');
    expect(plain(november.getByTestId('run-base').textContent)).toBe('1 000 000,00 ₽');
    expect(plain(november.getByTestId('run-adjustments').textContent)).toBe('0,00 ₽');

    const october = within(row('r-oct'));
    expect(october.getByTestId('run-status').textContent).toBe('Выплачена');
    expect(plain(october.getByTestId('run-adjustments').textContent)).toBe('-1 500,50 ₽');
    expect(plain(october.getByTestId('run-total').textContent)).toBe('1 196 499,50 ₽');

    // The chart: one bar per month, oldest on the left, labelled by the short month.
    const chart = screen.getByTestId('runs-chart');
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    const axis = plain(chart.querySelector('svg')!.textContent);
    expect(axis.indexOf('окт 26')).toBeGreaterThanOrEqual(0);
    expect(axis.indexOf('окт 26')).toBeLessThan(axis.indexOf('ноя 26'));

    // The tenant's inquiries are listed below.
    const inquiries = await screen.findByTestId('inquiries-table');
    await waitFor(() => expect(within(inquiries).getByText('Иван Петров')).toBeTruthy());
    expect(within(inquiries).getByTestId('inquiry-status').textContent).toBe('Открыто');
  });

  it('prepares the run of the last closed month and opens it', async () => {
    const sent: unknown[] = [];
    const prepareMock: MockedResponse = {
      request: { query: preparePayoutRunMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        const { statements: _, ...fields } = run();
        return {
          data: { preparePayoutRun: { __typename: 'PayoutRunPayload', run: fields, errors: [] } },
        };
      },
    };
    renderPage([runsMock(), inquiriesMock(), prepareMock]);

    fireEvent.click(await screen.findByTestId('prepare-run'));
    const month = await screen.findByTestId('prepare-month');
    expect(plain(month.textContent)).toBe('ноябрь 2026');
    fireEvent.click(screen.getByTestId('prepare-confirm'));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/payouts/r-nov'));
    expect(sent).toEqual([{ month: '2026-11-01' }]);
    expect(
      await screen.findByText('Ведомость за ноябрь 2026 подготовлена, редакция 2'),
    ).toBeTruthy();
  });

  it('shows the server’s refusal under the month', async () => {
    const prepareMock: MockedResponse = {
      request: { query: preparePayoutRunMutation, variables: { input: { month: '2026-11-01' } } },
      result: {
        data: {
          preparePayoutRun: {
            __typename: 'PayoutRunPayload',
            run: null,
            errors: [
              {
                __typename: 'UserError',
                field: ['input', 'month'],
                code: 'CONFLICT',
                message: 'Ведомость за ноябрь 2026 уже утверждена',
              },
            ],
          },
        },
      },
    };
    renderPage([runsMock(), inquiriesMock(), prepareMock]);

    fireEvent.click(await screen.findByTestId('prepare-run'));
    fireEvent.click(await screen.findByTestId('prepare-confirm'));
    const message = await screen.findByText('Ведомость за ноябрь 2026 уже утверждена');
    expect(
      message.closest('.ant-form-item')?.querySelector('[data-testid="prepare-month"]'),
    ).not.toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/payouts');
  });

  it('offers no preparation to those who do not manage runs', async () => {
    renderPage([runsMock(), inquiriesMock()], false);
    await waitFor(() => expect(row('r-nov')).not.toBeNull());
    expect(screen.queryByTestId('prepare-run')).toBeNull();
  });
});
