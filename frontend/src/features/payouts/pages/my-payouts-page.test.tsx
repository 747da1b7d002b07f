import type { MockedResponse } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { inquiriesMock, inquiry, myPayouts, myPayoutsMock, plain } from '../testing/fixtures';
import { MyPayoutsPage } from './my-payouts-page';

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(
    <MyPayoutsPage
      statementPath={(id) => `/payouts/statements/${id}`}
      timeZone="Europe/Moscow"
      currency="RUB"
    />,
    { route: '/my-payouts', mocks },
  );
}

const statementRow = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="my-statements"] tr[data-row-key="${id}"]`)!;

describe('MyPayoutsPage', () => {
  it('shows the estimate with a bar as far toward the threshold as the server says', async () => {
    renderPage([myPayoutsMock(myPayouts({ percent: 37 })), inquiriesMock()]);

    const card = await screen.findByTestId('estimate-card');
    expect(within(card).getByText('Оценка за декабрь 2026')).toBeTruthy();
    expect(plain(within(card).getByTestId('estimate-total').textContent)).toBe('60 000,00 ₽');
    const progress = within(card).getByTestId('threshold-progress');
    // antd draws the filled part as the track inside the rail, its width the percent.
    const bar = progress.querySelector<HTMLElement>(
      '.ant-progress-rail > .ant-progress-track:not(.ant-progress-track-success)',
    );
    expect(bar?.style.width).toBe('37%');
    expect(progress.getAttribute('aria-valuenow')).toBe('37');
    expect(within(card).getByTestId('threshold-description').textContent).toBe(
      'Ещё 100 000,00 ₽ до порога 1 000 000,00 ₽: ставка 5 %',
    );

    // The estimate's lines open like a statement's.
    const line = within(card)
      .getByTestId('estimate-lines')
      .querySelector<HTMLElement>('tr[data-row-key="est-volume"]')!;
    expect(within(line).getByText('не выплачивается')).toBeTruthy();
    fireEvent.click(within(line).getByTestId('line-name'));
    const details = await screen.findByTestId('line-details-est-volume');
    expect(within(details).getByTestId('line-explanation').textContent).toContain(
      'Порог: 900 000,00 ₽ не > 1 000 000,00 ₽',
    );
    expect(within(details).getByTestId('deal-link').getAttribute('href')).toBe(
      'https://alfa.bitrix24.ru/crm/deal/details/101/',
    );
  });

  it('lists his statements with the change against the month before, and charts them', async () => {
    renderPage([myPayoutsMock(), inquiriesMock([inquiry({ status: 'ANSWERED', answered: true })])]);

    await waitFor(() => expect(statementRow('s-ivan')).not.toBeNull());
    const november = within(statementRow('s-ivan'));
    expect(november.getByTestId('my-statement-link').textContent).toBe('ноябрь 2026');
    expect(november.getByTestId('my-statement-link').getAttribute('href')).toBe(
      '/payouts/statements/s-ivan',
    );
    expect(november.getByTestId('run-status').textContent).toBe('Утверждена');
    expect(plain(november.getByTestId('my-statement-total').textContent)).toBe('120 227,89 ₽');
    expect(plain(november.getByTestId('my-statement-change').textContent)).toBe('+2 227,89 ₽');
    expect(within(statementRow('s-ivan-oct')).queryByTestId('my-statement-change')).toBeNull();

    const chart = screen.getByTestId('my-chart');
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull());
    expect(plain(chart.querySelector('svg')!.textContent)).toMatch(/окт 26.*ноя 26/u);

    // His inquiries, with their status; no employee column for his own.
    const inquiries = await screen.findByTestId('inquiries-table');
    await waitFor(() =>
      expect(within(inquiries).getByTestId('inquiry-status').textContent).toBe('Отвечено'),
    );
    expect(within(inquiries).queryByText('Сотрудник')).toBeNull();
    expect(within(inquiries).getByTestId('inquiry-statement-link').getAttribute('href')).toBe(
      '/payouts/statements/s-ivan',
    );
  });

  it('asks for the estimate again when he comes back to the tab', async () => {
    renderPage([
      myPayoutsMock(myPayouts({ total: '60000.00' })),
      myPayoutsMock(myPayouts({ total: '63500.00', percent: 100 })),
      inquiriesMock(),
    ]);

    const total = await screen.findByTestId('estimate-total');
    expect(plain(total.textContent)).toBe('60 000,00 ₽');
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() =>
      expect(plain(screen.getByTestId('estimate-total').textContent)).toBe('63 500,00 ₽'),
    );
  });

  it('tells a manager without a linked employee what to do', async () => {
    renderPage([myPayoutsMock(myPayouts({ linked: false })), inquiriesMock()]);
    expect(await screen.findByTestId('not-linked')).toBeTruthy();
    expect(screen.queryByTestId('estimate-card')).toBeNull();
  });
});
