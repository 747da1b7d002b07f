import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { SchemeDefinitionInput } from '@/gql/graphql';
import { renderWithProviders } from '@/test/render';
import { compensationSchemeQuery } from '../api/compensation-scheme';
import { publishSchemeVersionMutation } from '../api/publish-scheme-version';
import { saveSchemeDraftMutation } from '../api/save-scheme-draft';
import { schemePreviewQuery } from '../api/scheme-preview';
import {
  kpisMock,
  plain,
  scheme,
  schemeMock,
  versionMock,
  volumeBonusDefinition,
} from '../testing/fixtures';
import { SchemePage } from './scheme-page';

const employee = (id: string, name: string) => ({
  __typename: 'PayEmployee',
  id,
  name,
  department: 'Отдел продаж',
});

/**
 * The server's preview for the mock: Ivan sold 1 234 567,89 ₽ (above the 1 000 000 gate), Olga
 * 800 000 ₽ (below it). Worked by hand:
 *   rate 5 %: Ivan 1 234 567,89 × 5 % = 61 728,3945 → 61 728,39; Olga 0 (gate closed).
 *   rate 7 %: Ivan 1 234 567,89 × 7 % = 86 419,7523 → 86 419,75; delta +24 691,36.
 */
const EDITED: Record<string, string> = { '5': '61728.39', '7': '86419.75' };
const DELTA: Record<string, string> = { '5': '0.00', '7': '24691.36' };

function previewMock(seen: string[]): MockedResponse {
  return {
    request: { query: schemePreviewQuery, variables: () => true },
    maxUsageCount: 10,
    result: (variables: Record<string, unknown>) => {
      const input = variables.input as { definition: SchemeDefinitionInput };
      const rate = input.definition.components[0]!.rule.ratePercent!;
      seen.push(rate);
      const pay = (variablePay: string, lines: object[]) => ({
        __typename: 'EmployeePay',
        baseSalary: '60000',
        variablePay,
        total: variablePay,
        notes: [],
        lines,
      });
      const line = (amount: string, paid: boolean, explanation: string[]) => ({
        __typename: 'PayLine',
        componentKey: 'volume_bonus',
        componentName: 'Премия с объёма',
        amount,
        paid,
        explanation,
        period: { __typename: 'Period', kind: 'MONTH', start: '2026-10-01' },
      });
      return {
        data: {
          schemePreview: {
            __typename: 'SchemePreviewPayload',
            errors: [],
            preview: {
              __typename: 'SchemePreview',
              month: { __typename: 'Period', kind: 'MONTH', start: '2026-10-01' },
              currentTotal: '61728.39',
              editedTotal: EDITED[rate] ?? '0',
              rows: [
                {
                  __typename: 'PreviewRow',
                  delta: DELTA[rate] ?? '0',
                  employee: employee('e-ivan', 'Иван Петров'),
                  current: { __typename: 'EmployeePay', variablePay: '61728.39' },
                  edited: pay(EDITED[rate] ?? '0', [
                    line(EDITED[rate] ?? '0', true, [
                      'Объём продаж: 1 234 567,89 ₽',
                      `1 234 567,89 ₽ × ${rate} %`,
                    ]),
                  ]),
                },
                {
                  __typename: 'PreviewRow',
                  delta: '0.00',
                  employee: employee('e-olga', 'Ольга Смирнова'),
                  current: { __typename: 'EmployeePay', variablePay: '0.00' },
                  edited: pay('0.00', [line('0.00', false, ['800 000,00 ₽ не > 1 000 000,00 ₽'])]),
                },
              ],
              boundaries: [
                { value: '999999.99', outcome: 'закрыт', amount: '0.00' },
                { value: '1000000', outcome: 'закрыт', amount: '0.00' },
                { value: '1000000.01', outcome: 'открыт', amount: '50000.00' },
              ].map((b) => ({
                __typename: 'BoundaryCase',
                componentKey: 'volume_bonus',
                componentName: 'Премия с объёма',
                title: 'Порог: объём продаж > 1 000 000,00 ₽',
                measureValue: b.value,
                outcome: b.outcome,
                amount: b.amount,
              })),
            },
          },
        },
      };
    },
  };
}

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/schemes/:schemeId"
        element={
          <SchemePage schemesPath="/schemes" canEdit timeZone="Europe/Moscow" currency="RUB" />
        }
      />
    </Routes>,
    { route: '/schemes/s1', mocks },
  );
}

const row = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="preview-table"] tr[data-row-key="${id}"]`)!;

describe('SchemePage editor', () => {
  it('previews the draft, and again with the rate as typed', async () => {
    const seen: string[] = [];
    renderPage([schemeMock(), kpisMock(), previewMock(seen)]);

    const rate = await screen.findByTestId('rule-ratePercent');
    expect((rate as HTMLInputElement).value).toBe('5');
    await waitFor(() =>
      expect(plain(within(row('e-ivan')).getByTestId('preview-edited').textContent)).toBe(
        '61 728,39 ₽',
      ),
    );
    expect(plain(within(row('e-olga')).getByTestId('preview-edited').textContent)).toBe('0,00 ₽');
    const cases = [...screen.getByTestId('boundary-volume_bonus').querySelectorAll('tbody tr')].map(
      (r) => [...r.querySelectorAll('td')].map((td) => plain(td.textContent)),
    );
    expect(cases).toEqual([
      ['999 999,99', 'закрыт', '0,00 ₽'],
      ['1 000 000', 'закрыт', '0,00 ₽'],
      ['1 000 000,01', 'открыт', '50 000,00 ₽'],
    ]);

    fireEvent.change(rate, { target: { value: '7' } });
    expect(await screen.findByTestId('unsaved')).toBeTruthy();
    await waitFor(() =>
      expect(plain(within(row('e-ivan')).getByTestId('preview-edited').textContent)).toBe(
        '86 419,75 ₽',
      ),
    );
    const delta = within(row('e-ivan')).getByTestId('preview-delta');
    expect(plain(delta.textContent)).toBe('+24 691,36 ₽');
    expect(delta.getAttribute('data-sign')).toBe('up');
    expect(seen).toEqual(['5', '7']);

    // The row opens into its lines with the explanation.
    fireEvent.click(within(row('e-ivan')).getByRole('button'));
    const line = await screen.findByTestId('preview-line-volume_bonus');
    expect(line.textContent).toContain('1 234 567,89 ₽ × 7 %');
  });

  it('does not ask for a preview while a number is no number', async () => {
    const seen: string[] = [];
    renderPage([schemeMock(), kpisMock(), previewMock(seen)]);
    const rate = await screen.findByTestId('rule-ratePercent');
    await waitFor(() => expect(seen).toEqual(['5']));
    fireEvent.change(rate, { target: { value: 'пять' } });
    expect(
      await screen.findByText('Предпросмотр появится, когда в форме не будет ошибок.'),
    ).toBeTruthy();
    expect(await screen.findByText('Введите число, например 1 000 000,50')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toEqual(['5']);
  });

  it('puts the server’s error on the exact field when saving', async () => {
    const saved: SchemeDefinitionInput[] = [];
    const saveMock: MockedResponse = {
      request: { query: saveSchemeDraftMutation, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        saved.push((variables.input as { definition: SchemeDefinitionInput }).definition);
        return {
          data: {
            saveSchemeDraft: {
              __typename: 'SchemeVersionPayload',
              version: null,
              errors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'definition', 'components', '0', 'rule', 'ratePercent'],
                  code: 'INVALID',
                  message: 'Ставка не больше 100 %',
                },
              ],
            },
          },
        };
      },
    };
    renderPage([schemeMock(scheme(), 10), kpisMock(), previewMock([]), saveMock]);
    const rate = await screen.findByTestId('rule-ratePercent');
    fireEvent.change(rate, { target: { value: '150' } });
    fireEvent.click(screen.getByTestId('save-draft'));
    expect(await screen.findByText('Ставка не больше 100 %')).toBeTruthy();
    expect(saved[0]!.components[0]!.rule).toEqual({ kind: 'PERCENT', ratePercent: '150' });
    expect(saved[0]!.components[0]!.gates).toEqual([
      {
        measure: { kpi: 'sales_volume', subject: 'SELF' },
        basis: 'VALUE',
        comparator: 'GT',
        threshold: '1000000',
      },
    ]);
    // The error sits in the rate's own form item.
    const item = rate.closest('.ant-form-item')!;
    expect(item.textContent).toContain('Ставка не больше 100 %');
  });

  it('without a draft shows the version in force read-only with Edit', async () => {
    renderPage([schemeMock(scheme({ draft: false })), kpisMock(), versionMock(), previewMock([])]);
    expect(await screen.findByTestId('start-editing')).toBeTruthy();
    expect((await screen.findByTestId('rule-ratePercent')).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('save-draft')).toBeNull();
  });

  it('saves unsaved changes before publishing, then publishes from the month chosen', async () => {
    const published: { versionId: string; effectiveFrom: string }[] = [];
    const saved = scheme();
    saved.draft!.definition = volumeBonusDefinition('7');
    // the server's state, not the order of calls: the scheme reads as saved once the save ran
    // (a loaded machine may fetch the scheme more often than an idle one)
    let savedOnServer = false;
    const mocks: MockedResponse[] = [
      {
        request: { query: compensationSchemeQuery, variables: { id: 's1' } },
        maxUsageCount: 20,
        result: () => ({ data: { compensationScheme: savedOnServer ? saved : scheme() } }),
      },
      kpisMock(),
      previewMock([]),
      {
        request: { query: saveSchemeDraftMutation, variables: () => true },
        result: () => {
          savedOnServer = true;
          return {
            data: {
              saveSchemeDraft: {
                __typename: 'SchemeVersionPayload',
                version: { __typename: 'SchemeVersion', id: 'v2', number: 2, status: 'DRAFT' },
                errors: [],
              },
            },
          };
        },
      },
      {
        request: { query: publishSchemeVersionMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          published.push(variables.input as { versionId: string; effectiveFrom: string });
          return {
            data: {
              publishSchemeVersion: {
                __typename: 'SchemeVersionPayload',
                version: {
                  __typename: 'SchemeVersion',
                  id: 'v2',
                  number: 2,
                  status: 'PUBLISHED',
                  effectiveFrom: published[0]!.effectiveFrom,
                  publishedAt: '2026-11-27T12:00:00Z',
                },
                errors: [],
              },
            },
          };
        },
      },
    ];
    renderPage(mocks);
    fireEvent.change(await screen.findByTestId('rule-ratePercent'), { target: { value: '7' } });
    // the form has taken the edit (as a person sees before he reaches for «Опубликовать»)
    await screen.findByTestId('unsaved');
    fireEvent.click(screen.getByTestId('publish'));
    // The dialog survives the save's refetch of the scheme.
    await screen.findByTestId('publish-month');
    // the save settles asynchronously (slow on a loaded machine): the marker goes once it has
    await waitFor(() => expect(screen.queryByTestId('unsaved')).toBeNull());
    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(published).toHaveLength(1));
    expect(published[0]!.versionId).toBe('v2');
    expect(published[0]!.effectiveFrom).toMatch(/^\d{4}-\d{2}-01$/);
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/schemes/s1?tab=versions'),
    );
  });
});
