import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { currenciesQuery } from '../api/currencies';
import { CurrenciesPage } from './currencies-page';

const currency = (
  code: string,
  numericCode: number,
  symbol: string,
  nameRu: string,
  nameEn: string,
) => ({
  __typename: 'Currency' as const,
  code,
  numericCode,
  minorUnits: 2,
  symbol,
  nameRu,
  nameEn,
  sampleAmount: '1234567.89',
});

const currencies: MockedResponse = {
  request: { query: currenciesQuery },
  result: {
    data: {
      currencies: [
        currency('EUR', 978, '€', 'Евро', 'Euro'),
        currency('RUB', 643, '₽', 'Российский рубль', 'Russian ruble'),
        currency('USD', 840, '$', 'Доллар США', 'US dollar'),
      ],
    },
  },
};

function renderPage(route: string, mocks = [currencies], language?: 'ru' | 'en') {
  return renderWithProviders(
    <Routes>
      <Route path="/reference/currencies" element={<CurrenciesPage />} />
    </Routes>,
    { route, mocks, ...(language ? { language } : {}) },
  );
}

const rows = () => document.querySelectorAll<HTMLElement>('tr[data-row-key]');
const row = (code: string) => document.querySelector<HTMLElement>(`tr[data-row-key="${code}"]`)!;

describe('CurrenciesPage', () => {
  it('lists the currencies with Russian names and amounts formatted in each currency', async () => {
    renderPage('/reference/currencies');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Валюты' })).toBeTruthy();
    const rub = within(row('RUB'));
    expect(rub.getByText('643')).toBeTruthy();
    expect(rub.getByTestId('currency-name').textContent).toBe('Российский рубль');
    expect(rub.getByTestId('sample-amount').textContent).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(within(row('USD')).getByTestId('sample-amount').textContent).toBe(
      '1\u00a0234\u00a0567,89\u00a0$',
    );
  });

  it('shows English names and en-US amounts in English', async () => {
    renderPage('/reference/currencies', [currencies], 'en');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Currencies' })).toBeTruthy();
    expect(within(row('RUB')).getByTestId('currency-name').textContent).toBe('Russian ruble');
    expect(within(row('USD')).getByTestId('sample-amount').textContent).toBe('$1,234,567.89');
  });

  it('filters by the q parameter of the URL', async () => {
    renderPage('/reference/currencies?q=eur');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(row('EUR')).toBeTruthy();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('eur');
  });

  it('writes the filter into the URL and matches names as well as codes', async () => {
    renderPage('/reference/currencies');
    await waitFor(() => expect(rows()).toHaveLength(3));

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'рубль' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(row('RUB')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(
      `/reference/currencies?q=${encodeURIComponent('рубль')}`,
    );

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('location').textContent).toBe('/reference/currencies');
  });

  it('says so when nothing matches', async () => {
    renderPage('/reference/currencies?q=XYZ');
    expect(await screen.findByText('Ничего не найдено')).toBeTruthy();
  });

  it('shows the correlation id when the server fails', async () => {
    renderPage('/reference/currencies', [
      {
        request: { query: currenciesQuery },
        result: {
          errors: [
            {
              message: 'Internal server error',
              extensions: { code: 'INTERNAL', correlationId: 'c0ffee00-1234' },
            },
          ],
        },
      },
    ]);
    expect((await screen.findByTestId('correlation-id')).textContent).toBe(
      'Код обращения: c0ffee00-1234',
    );
  });
});
