import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { answerInquiryMutation } from '../api/answer-inquiry';
import { raiseInquiryMutation } from '../api/raise-inquiry';
import { inquiry, plain, statement, statementMock } from '../testing/fixtures';
import { StatementPage } from './statement-page';

function renderPage(mocks: MockedResponse[], who: 'manager' | 'admin') {
  return renderWithProviders(
    <Routes>
      <Route
        path="/payouts/statements/:statementId"
        element={
          <StatementPage
            runPath={who === 'admin' ? (id) => `/payouts/${id}` : null}
            myPayoutsPath={who === 'manager' ? '/my-payouts' : null}
            canRaise={who === 'manager'}
            canAnswer={who === 'admin'}
            timeZone="Europe/Moscow"
            currency="RUB"
          />
        }
      />
    </Routes>,
    { route: '/payouts/statements/s-ivan', mocks },
  );
}

const lineRow = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="statement-lines"] tr[data-row-key="${id}"]`)!;

async function expandLine(id: string) {
  await waitFor(() => expect(lineRow(id)).not.toBeNull());
  fireEvent.click(within(lineRow(id)).getByTestId('line-name'));
  return screen.findByTestId(`line-details-${id}`);
}

describe('StatementPage', () => {
  it('shows the statement against the previous month', async () => {
    renderPage([statementMock()], 'manager');

    expect((await screen.findByTestId('statement-title')).textContent).toBe(
      'Расчётный лист: Иван Петров, ноябрь 2026',
    );
    expect(screen.getByTestId('run-status').textContent).toBe('Утверждена');
    expect(screen.getByTestId('statement-basis').textContent).toBe('Аккаунт-менеджеры, версия 1');
    expect(plain(screen.getByTestId('statement-total').textContent)).toBe('120 227,89 ₽');
    expect(plain(screen.getByTestId('statement-previous').textContent)).toBe('118 000,00 ₽');
    expect(plain(screen.getByTestId('statement-change').textContent)).toBe('+2 227,89 ₽');
    expect(plain(within(lineRow('l-clawback')).getByTestId('line-amount').textContent)).toBe(
      '-1 500,50 ₽',
    );
    expect(screen.getByTestId('statement-notes').textContent).toBe(
      'Квартальная премия выплачивается в декабре',
    );
    expect(screen.getByTestId('back-to-mine').getAttribute('href')).toBe('/my-payouts');
    const download = screen.getByTestId('statement-download');
    expect(download.getAttribute('href')).toBe('/api/payouts/statements/s-ivan/xlsx');
    expect(download.hasAttribute('download')).toBe(true);
  });

  it('opens a line into its explanation and the deals behind it, linking to Bitrix24', async () => {
    renderPage([statementMock()], 'manager');

    expect(screen.queryByTestId('line-details-l-volume')).toBeNull();
    const details = await expandLine('l-volume');
    const steps = [...within(details).getByTestId('line-explanation').querySelectorAll('li')].map(
      (li) => li.textContent,
    );
    expect(steps).toEqual([
      'Объём продаж: 1 234 567,89 ₽ (2 сделки)',
      'Порог: 1 234 567,89 ₽ > 1 000 000,00 ₽ — выполнен',
      '1 234 567,89 ₽ × 5 % = 61 728,39 ₽',
    ]);
    const links = within(details).getAllByTestId('deal-link');
    expect(
      links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]),
    ).toEqual([
      ['Поставка оборудования', 'https://alfa.bitrix24.ru/crm/deal/details/101/', '_blank'],
      ['Сервисный контракт', 'https://alfa.bitrix24.ru/crm/deal/details/102/', '_blank'],
    ]);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    const dealAmounts = [
      ...within(details).getByTestId('line-deals').querySelectorAll('tbody tr[data-row-key]'),
    ].map((r) => plain(r.lastElementChild?.textContent));
    expect(dealAmounts).toEqual(['1 000 000,00 ₽', '234 567,89 ₽']);

    // An adjustment says why, and what happened to its deal.
    const clawback = await expandLine('l-clawback');
    expect(within(clawback).getByTestId('line-reason').textContent).toContain(
      'Сделка «Лицензии» проиграна после утверждения октября',
    );
    expect(within(clawback).getByText('проиграна')).toBeTruthy();
  });

  it('sends a manager’s question about a line and shows it in the thread', async () => {
    const sent: unknown[] = [];
    const raiseMock: MockedResponse = {
      request: { query: raiseInquiryMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        return {
          data: {
            raiseInquiry: { __typename: 'InquiryPayload', inquiry: inquiry(), errors: [] },
          },
        };
      },
    };
    renderPage(
      [statementMock(), raiseMock, statementMock(statement({ inquiries: [inquiry()] }))],
      'manager',
    );

    expect(await screen.findByText('Обращений нет')).toBeTruthy();
    const details = await expandLine('l-volume');
    fireEvent.change(within(details).getByTestId('inquiry-comment'), {
      target: { value: '  Где сделка «Монтаж»?  ' },
    });
    fireEvent.click(within(details).getByTestId('inquiry-submit'));

    const thread = await screen.findByTestId('inquiry-thread-q-1');
    expect(sent).toEqual([{ lineId: 'l-volume', comment: 'Где сделка «Монтаж»?' }]);
    expect(within(thread).getByTestId('inquiry-message').textContent).toContain(
      'Где сделка «Монтаж»?',
    );
    expect(within(thread).getByTestId('inquiry-status').textContent).toBe('Открыто');
    expect(await screen.findByText('Вопрос по строке «Премия с объёма» отправлен')).toBeTruthy();
    // A manager does not answer.
    expect(screen.queryByTestId('answer-inquiry-q-1')).toBeNull();
  });

  it('puts the server’s error on the comment and sends nothing blank', async () => {
    const sent: unknown[] = [];
    const raiseMock: MockedResponse = {
      request: { query: raiseInquiryMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        return {
          data: {
            raiseInquiry: {
              __typename: 'InquiryPayload',
              inquiry: null,
              errors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'comment'],
                  code: 'INVALID',
                  message: 'Вопрос по этой строке уже задан',
                },
              ],
            },
          },
        };
      },
    };
    renderPage([statementMock(), raiseMock], 'manager');

    const details = await expandLine('l-volume');
    fireEvent.click(within(details).getByTestId('inquiry-submit'));
    expect(await within(details).findByText('Обязательное поле')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(details).getByTestId('inquiry-comment'), {
      target: { value: 'Ещё раз' },
    });
    fireEvent.click(within(details).getByTestId('inquiry-submit'));
    const message = await within(details).findByText('Вопрос по этой строке уже задан');
    expect(
      message.closest('.ant-form-item')?.querySelector('[data-testid="inquiry-comment"]'),
    ).not.toBeNull();
    expect(sent).toEqual([{ lineId: 'l-volume', comment: 'Ещё раз' }]);
  });

  it('lets an admin answer an open inquiry with a correction as typed', async () => {
    const sent: unknown[] = [];
    const answerMock: MockedResponse = {
      request: { query: answerInquiryMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables.input);
        return {
          data: {
            answerInquiry: {
              __typename: 'InquiryPayload',
              inquiry: inquiry({ status: 'ANSWERED', answered: true }),
              errors: [],
            },
          },
        };
      },
    };
    renderPage(
      [
        statementMock(statement({ inquiries: [inquiry()] })),
        answerMock,
        statementMock(statement({ inquiries: [inquiry({ status: 'ANSWERED', answered: true })] })),
      ],
      'admin',
    );

    const form = await screen.findByTestId('answer-inquiry-q-1');
    expect(screen.getByTestId('back-to-run').getAttribute('href')).toBe('/payouts/r-nov');
    // No raising for an admin.
    const details = await expandLine('l-volume');
    expect(within(details).queryByTestId('inquiry-comment')).toBeNull();

    fireEvent.change(within(form).getByTestId('inquiry-answer'), {
      target: { value: 'Добавим в декабре' },
    });
    fireEvent.change(within(form).getByTestId('inquiry-correction-input'), {
      target: { value: 'полторы тысячи' },
    });
    fireEvent.click(within(form).getByTestId('inquiry-answer-submit'));
    expect(await within(form).findByText('Введите число, например -1 500,50')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(form).getByTestId('inquiry-correction-input'), {
      target: { value: '1 500,50' },
    });
    fireEvent.click(within(form).getByTestId('inquiry-answer-submit'));
    await waitFor(() => expect(screen.queryByTestId('answer-inquiry-q-1')).toBeNull());
    expect(sent).toEqual([{ inquiryId: 'q-1', answer: 'Добавим в декабре', correction: '1500.5' }]);
    const thread = screen.getByTestId('inquiry-thread-q-1');
    expect(
      within(thread)
        .getAllByTestId('inquiry-message')
        .map((m) => m.getAttribute('data-side')),
    ).toEqual(['MANAGER', 'ADMIN']);
    expect(plain(within(thread).getByTestId('inquiry-correction').textContent)).toBe(
      'Корректировка: 1 500,50 ₽',
    );
  });
});
