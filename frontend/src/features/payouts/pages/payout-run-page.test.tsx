import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { approvePayoutRunMutation } from '../api/approve-payout-run';
import { markPayoutRunPaidMutation } from '../api/mark-payout-run-paid';
import { plain, run, runMock, runPayload, type RunOptions } from '../testing/fixtures';
import { PayoutRunPage } from './payout-run-page';

const CONSULTANT = { name: 'Константин Консультант', email: 'consultant@integrator.demo' };
const ADMIN = { name: 'Администратор Альфа', email: 'admin@alfa.demo' };
const ACCOUNTANT = { name: 'Бухгалтер Альфа', email: 'accountant@alfa.demo' };

function renderPage(
  mocks: MockedResponse[],
  {
    me,
    canPrepare = true,
    canMarkPaid = false,
  }: { me: typeof ADMIN; canPrepare?: boolean; canMarkPaid?: boolean },
) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/payouts/:runId"
        element={
          <PayoutRunPage
            payoutsPath="/payouts"
            statementPath={(id) => `/payouts/statements/${id}`}
            canPrepare={canPrepare}
            canMarkPaid={canMarkPaid}
            me={me}
            timeZone="Europe/Moscow"
            currency="RUB"
          />
        }
      />
    </Routes>,
    { route: '/payouts/r-nov', mocks },
  );
}

function runAnswer(mutation: 'approvePayoutRun' | 'markPayoutRunPaid', options: RunOptions) {
  return {
    data: {
      [mutation]: { __typename: 'PayoutRunPayload', run: runPayload(run(options)), errors: [] },
    },
  };
}

const statementRow = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="run-statements"] tr[data-row-key="${id}"]`)!;

describe('PayoutRunPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the header, the totals and a row per statement with its change', async () => {
    renderPage([runMock()], { me: ADMIN });

    expect((await screen.findByTestId('run-title')).textContent).toBe('Ведомость за ноябрь 2026');
    expect(screen.getByTestId('run-status').textContent).toBe('Черновик');
    // 09:00 UTC is 12:00 in Moscow, the tenant's zone.
    expect(plain(screen.getByTestId('run-prepared').textContent)).toBe(
      'Константин Консультант, 2 декабря 2026 г. в 12:00:00 GMT+3',
    );
    expect(screen.getByTestId('run-approved').textContent).toBe('—');
    expect(plain(screen.getByTestId('total-total').textContent)).toBe('180 227,89 ₽');
    expect(plain(screen.getByTestId('total-adjustments').textContent)).toBe('-1 500,50 ₽');

    const ivan = within(statementRow('s-ivan'));
    expect(ivan.getByTestId('statement-link').getAttribute('href')).toBe(
      '/payouts/statements/s-ivan',
    );
    expect(ivan.getByText('000123')).toBeTruthy();
    expect(plain(ivan.getByTestId('statement-total').textContent)).toBe('120 227,89 ₽');
    expect(plain(ivan.getByTestId('statement-previous').textContent)).toBe('118 000,00 ₽');
    const change = ivan.getByTestId('statement-change');
    expect(plain(change.textContent)).toBe('+2 227,89 ₽');
    expect(change.getAttribute('data-sign')).toBe('up');
    expect(within(statementRow('s-olga')).queryByTestId('statement-change')).toBeNull();
    // The downloads are plain links that download, the 1C:ZUP file among them.
    const downloads = screen.getAllByTestId('run-export');
    expect(downloads.map((a) => [a.getAttribute('data-kind'), a.getAttribute('href')])).toEqual([
      ['XLSX', '/api/payouts/runs/r-nov/export/xlsx'],
      ['ZUP_XLSX', '/api/payouts/runs/r-nov/export/zup-xlsx'],
      ['ZUP_CSV', '/api/payouts/runs/r-nov/export/zup-csv'],
    ]);
    expect(downloads.every((a) => a.hasAttribute('download'))).toBe(true);
  });

  it('disables «Утвердить» for the one who prepared the run and says why', async () => {
    renderPage([runMock(run({ canApprove: false }))], { me: CONSULTANT });

    const approve = await screen.findByTestId('approve-run');
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('approve-reason').textContent).toBe(
      'Ведомость подготовили вы: утвердить её должен другой администратор',
    );
  });

  it('lets another admin approve, and the page shows the approved run', async () => {
    const approveMock: MockedResponse = {
      request: { query: approvePayoutRunMutation, variables: { input: { runId: 'r-nov' } } },
      result: runAnswer('approvePayoutRun', { status: 'APPROVED', approvedBy: ADMIN.name }),
    };
    renderPage([runMock(), approveMock], { me: ADMIN });

    const approve = await screen.findByTestId('approve-run');
    expect((approve as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('approve-reason')).toBeNull();
    fireEvent.click(approve);
    fireEvent.click(await screen.findByTestId('approve-confirm'));

    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Утверждена'));
    expect(plain(screen.getByTestId('run-approved').textContent)).toContain('Администратор Альфа');
    expect(screen.queryByTestId('approve-run')).toBeNull();
    expect(within(statementRow('s-ivan')).getByTestId('statement-link')).toBeTruthy();
  });

  it('shows the server’s message when it refuses an approval the page thought possible', async () => {
    const approveMock: MockedResponse = {
      request: { query: approvePayoutRunMutation, variables: { input: { runId: 'r-nov' } } },
      result: {
        data: {
          approvePayoutRun: {
            __typename: 'PayoutRunPayload',
            run: null,
            errors: [
              {
                __typename: 'UserError',
                field: [],
                code: 'FORBIDDEN',
                message: 'Ведомость подготовили вы: утвердить её должен другой администратор.',
              },
            ],
          },
        },
      },
    };
    renderPage([runMock(), approveMock], { me: ADMIN });

    fireEvent.click(await screen.findByTestId('approve-run'));
    fireEvent.click(await screen.findByTestId('approve-confirm'));
    expect((await screen.findByTestId('form-errors')).textContent).toBe(
      'Ведомость подготовили вы: утвердить её должен другой администратор.',
    );
    expect(screen.getByTestId('run-status').textContent).toBe('Черновик');
  });

  it('asks for the payment day and reference before marking the run paid', async () => {
    const sent: unknown[] = [];
    const paidMock: MockedResponse = {
      request: { query: markPayoutRunPaidMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        return runAnswer('markPayoutRunPaid', {
          status: 'PAID',
          approvedBy: ADMIN.name,
          paidOn: '2026-12-05',
          paymentReference: 'ПП-1207',
        });
      },
    };
    renderPage([runMock(run({ status: 'APPROVED', approvedBy: ADMIN.name })), paidMock], {
      me: ACCOUNTANT,
      canPrepare: false,
      canMarkPaid: true,
    });

    expect(screen.queryByTestId('approve-run')).toBeNull();
    fireEvent.click(await screen.findByTestId('mark-paid'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Ведомость за ноябрь 2026 выплачена')).toBeTruthy();

    // Nothing filled in: both fields say they are required, and nothing is sent.
    fireEvent.click(screen.getByTestId('mark-paid-confirm'));
    await waitFor(() => expect(within(dialog).getAllByText('Обязательное поле')).toHaveLength(2));
    expect(sent).toEqual([]);

    // The reference alone is not enough.
    fireEvent.change(within(dialog).getByTestId('payment-reference'), {
      target: { value: ' ПП-1207 ' },
    });
    fireEvent.click(screen.getByTestId('mark-paid-confirm'));
    await waitFor(() => expect(within(dialog).getAllByText('Обязательное поле')).toHaveLength(1));
    expect(sent).toEqual([]);

    // The day from the calendar (December 2026, "today" being the 10th).
    const picker = within(dialog).getByTestId('paid-on');
    fireEvent.mouseDown(picker);
    fireEvent.click(picker);
    const day = await waitFor(() => {
      const cell = document.querySelector<HTMLElement>('.ant-picker-cell[title="2026-12-05"]');
      if (!cell) {
        throw new Error('no calendar cell for 5 December');
      }
      return cell;
    });
    fireEvent.click(day);
    fireEvent.click(screen.getByTestId('mark-paid-confirm'));

    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Выплачена'));
    expect(sent).toEqual([{ runId: 'r-nov', paidOn: '2026-12-05', reference: 'ПП-1207' }]);
    expect(plain(screen.getByTestId('run-paid').textContent)).toBe(
      '5 дек. 2026 г., документ ПП-1207',
    );
    expect(screen.queryByTestId('mark-paid')).toBeNull();
  });

  it('answers an unknown run with «not found»', async () => {
    renderPage(
      [
        {
          request: { query: runMock().request.query, variables: { id: 'r-nov' } },
          result: { data: { payoutRun: null } },
        },
      ],
      { me: ADMIN },
    );
    expect(await screen.findByTestId('run-not-found')).toBeTruthy();
  });
});
