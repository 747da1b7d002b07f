import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { acknowledgeRegulationsMutation } from '../api/acknowledge-regulations';
import { myRegulationsQuery } from '../api/my-regulations';
import { myRegulationsMock, noticeMock } from '../testing/fixtures';
import { MyRegulationsPage } from './my-regulations-page';

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(<MyRegulationsPage timeZone="Europe/Moscow" />, {
    route: '/my-regulations',
    mocks,
  });
}

describe('MyRegulationsPage', () => {
  it('shows the version to acknowledge, its document, PDF and the history', async () => {
    renderPage([myRegulationsMock()]);
    expect(document.querySelector('.ant-skeleton')).not.toBeNull();

    expect((await screen.findByTestId('my-title')).textContent).toBe(
      'Положение о премировании, редакция № 3',
    );
    expect(screen.getByTestId('acknowledge').textContent).toBe('Ознакомлен');
    const html = screen.getByTestId('regulations-html');
    expect([...html.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      '1. Общие положения',
      '2. Показатели',
    ]);
    expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
      '/api/regulations/d-3/pdf?lang=ru',
    );
    expect(screen.getByTestId('my-history-item').textContent).toBe(
      'Редакция № 1 (с 01.11.2026) — 02.11.2026 12:15',
    );
  });

  it('acknowledges with «Ознакомлен» and then shows when', async () => {
    const sent: unknown[] = [];
    const acknowledgeMock: MockedResponse = {
      request: { query: acknowledgeRegulationsMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        sent.push(variables['input']);
        return {
          data: {
            acknowledgeRegulations: {
              __typename: 'AcknowledgementPayload',
              document: { __typename: 'RegulationsDocument', id: 'd-3', number: 3 },
              acknowledgedAt: '2026-11-27T09:34:10Z',
              errors: [],
            },
          },
        };
      },
    };
    renderPage([
      myRegulationsMock(),
      acknowledgeMock,
      myRegulationsMock({ acknowledgedAt: '2026-11-27T09:34:10Z' }),
      noticeMock(false),
    ]);

    fireEvent.click(await screen.findByTestId('acknowledge'));
    expect((await screen.findByTestId('my-acknowledged')).textContent).toBe(
      'Ознакомлен 27.11.2026 12:34',
    );
    expect(sent).toEqual([{ id: 'd-3' }]);
    expect(screen.queryByTestId('acknowledge')).toBeNull();
  });

  it('shows the server’s refusal and keeps the button', async () => {
    const acknowledgeMock: MockedResponse = {
      request: { query: acknowledgeRegulationsMutation, variables: { input: { id: 'd-3' } } },
      result: {
        data: {
          acknowledgeRegulations: {
            __typename: 'AcknowledgementPayload',
            document: null,
            acknowledgedAt: null,
            errors: [
              {
                __typename: 'UserError',
                field: ['input', 'id'],
                code: 'FORBIDDEN',
                message: 'Эта редакция на вас не распространяется.',
              },
            ],
          },
        },
      },
    };
    renderPage([myRegulationsMock(), acknowledgeMock]);

    fireEvent.click(await screen.findByTestId('acknowledge'));
    expect((await screen.findByTestId('form-errors')).textContent).toBe(
      'Эта редакция на вас не распространяется.',
    );
    expect(screen.getByTestId('acknowledge')).toBeTruthy();
  });

  it('shows an acknowledged version without the button', async () => {
    renderPage([myRegulationsMock({ acknowledgedAt: '2026-11-20T07:05:00Z', history: false })]);
    expect((await screen.findByTestId('my-acknowledged')).textContent).toBe(
      'Ознакомлен 20.11.2026 10:05',
    );
    expect(screen.queryByTestId('acknowledge')).toBeNull();
    expect(screen.queryByTestId('my-history')).toBeNull();
  });

  it('switches the document to English', async () => {
    renderPage([myRegulationsMock(), myRegulationsMock({ language: 'EN' })]);
    await screen.findByTestId('regulations-html');
    fireEvent.click(screen.getByTestId('document-language-en'));
    await waitFor(() =>
      expect(screen.getByTestId('my-title').textContent).toBe('Bonus regulations, version No. 3'),
    );
    expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
      '/api/regulations/d-3/pdf?lang=en',
    );
  });

  it('says when nothing is published for him', async () => {
    renderPage([myRegulationsMock({ document: false, history: false })]);
    expect((await screen.findByTestId('my-none')).textContent).toContain(
      'Для вас пока нет опубликованного положения',
    );
  });

  it('shows a failed request', async () => {
    renderPage([
      {
        request: { query: myRegulationsQuery, variables: { language: 'RU' } },
        error: new Error('boom'),
      },
    ]);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
