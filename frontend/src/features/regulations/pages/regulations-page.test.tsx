import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { createRegulationsDraftMutation } from '../api/create-regulations-draft';
import { deleteRegulationsSectionMutation } from '../api/delete-regulations-section';
import { publishRegulationsMutation } from '../api/publish-regulations';
import { remindRegulationsMutation } from '../api/remind-regulations';
import { saveRegulationsDetailsMutation } from '../api/save-regulations-details';
import { saveRegulationsSectionMutation } from '../api/save-regulations-section';
import { updateRegulationsDraftMutation } from '../api/update-regulations-draft';
import { regulationsQuery } from '../api/regulations';
import {
  acknowledgements,
  documentMock,
  draftDoc,
  ownSection,
  regulationsData,
  regulationsMock,
  secondSection,
  versionOne,
} from '../testing/fixtures';
import { RegulationsPage } from './regulations-page';

const diffPath = (from: string, to: string) => `/regulations/diff?from=${from}&to=${to}`;

function renderPage(mocks: MockedResponse[]) {
  return renderWithProviders(<RegulationsPage diffPath={diffPath} timeZone="Europe/Moscow" />, {
    route: '/regulations',
    mocks,
  });
}

const userError = (field: string[], code: string, message: string) => ({
  __typename: 'UserError' as const,
  field,
  code,
  message,
});

/** A mutation mock that records what was sent and answers `payload` under `name`. */
function mutationMock(
  query: MockedResponse['request']['query'],
  name: string,
  payload: Record<string, unknown>,
  sent: unknown[],
): MockedResponse {
  return {
    request: { query, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      sent.push(variables['input']);
      return { data: { [name]: payload } };
    },
  };
}

const formItemOf = (element: Element) => element.closest('.ant-form-item')!;

const openTab = async (testId: string) => fireEvent.click(await screen.findByTestId(testId));

describe('RegulationsPage', () => {
  it('shows a skeleton, then the current version, its acknowledgements and its document', async () => {
    renderPage([regulationsMock(), documentMock('d-1')]);
    expect(document.querySelector('.ant-skeleton')).not.toBeNull();

    expect((await screen.findByTestId('current-number')).textContent).toBe(
      'Действующая редакция № 1',
    );
    expect(screen.getByTestId('current-effective-from').textContent).toBe('Действует с 01.11.2026');
    expect(screen.getByTestId('acknowledged-count').textContent).toBe('Ознакомлены 1 из 3');
    expect(screen.queryByTestId('outdated')).toBeNull();
    expect(screen.queryByTestId('read-only')).toBeNull();
    expect(screen.getByTestId('draft-card').textContent).toContain('Черновик редакции № 2');

    const html = await screen.findByTestId('regulations-html');
    expect(html.querySelector('h2')!.textContent).toBe('1. Общие положения');
    // The server escapes the tenant's Markdown: the text stays text.
    expect(html.querySelector('script')).toBeNull();
    expect(html.textContent).toContain('Премия <script>');
    expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
      '/api/regulations/d-1/pdf?lang=ru',
    );
    expect(screen.getByTestId('document-basis').textContent).toBe(
      'Основание: Менеджер по продажам — версия 2',
    );
  });

  it('switches the document to English and to the draft', async () => {
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      documentMock('d-1', 'EN'),
      documentMock('d-2'),
    ]);
    await screen.findByTestId('regulations-html');

    fireEvent.click(screen.getByTestId('document-language-en'));
    await waitFor(() =>
      expect(screen.getByTestId('regulations-html').querySelector('h1')!.textContent).toBe(
        'Bonus regulations',
      ),
    );
    expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
      '/api/regulations/d-1/pdf?lang=en',
    );

    fireEvent.click(within(screen.getByTestId('document-choice')).getByText('Черновик № 2'));
    await waitFor(() =>
      expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
        '/api/regulations/d-2/pdf?lang=ru',
      ),
    );
    expect(screen.getByTestId('regulations-html').textContent).toContain('Редакция 2.');
  });

  it('shows an outdated version with the schemes behind it and prepares a new draft', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock({ draft: false, outdated: true }),
      documentMock('d-1'),
      mutationMock(
        createRegulationsDraftMutation,
        'createRegulationsDraft',
        { __typename: 'RegulationsDocumentPayload', document: draftDoc, errors: [] },
        sent,
      ),
      regulationsMock({ draft: true, outdated: true }),
      documentMock('d-2'),
    ]);

    const outdated = await screen.findByTestId('outdated');
    expect(within(outdated).getByText('Устарело')).toBeTruthy();
    expect(
      within(outdated)
        .getAllByTestId('outdated-by')
        .map((li) => li.textContent),
    ).toEqual([
      'Менеджер по работе с клиентами: версия 3 с 01.12.2026',
      'Руководитель отдела: версия 2 с 01.12.2026',
    ]);
    expect(screen.queryByTestId('draft-card')).toBeNull();

    expect(screen.getByTestId('create-draft').textContent).toBe('Подготовить новую редакцию');
    fireEvent.click(within(outdated).getByTestId('create-draft-outdated'));
    expect(await screen.findByText('Черновик редакции № 2 создан')).toBeTruthy();
    expect(sent).toEqual([{}]);
    expect(await screen.findByTestId('draft-card')).toBeTruthy();
    // The offer is gone once there is a draft; the document tab shows the new draft.
    expect(
      within(screen.getByTestId('outdated')).queryByTestId('create-draft-outdated'),
    ).toBeNull();
    expect(screen.queryByTestId('create-draft')).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe(
        '/api/regulations/d-2/pdf?lang=ru',
      ),
    );
  });

  it('offers «Создать черновик» when nothing is published yet', async () => {
    renderPage([regulationsMock({ draft: false, current: false })]);
    expect((await screen.findByTestId('no-versions')).textContent).toBe(
      'Опубликованных редакций пока нет',
    );
    expect(screen.getByTestId('create-draft').textContent).toBe('Создать черновик');
  });

  it('publishes the draft only after the confirmation', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      mutationMock(
        publishRegulationsMutation,
        'publishRegulations',
        {
          __typename: 'RegulationsDocumentPayload',
          document: {
            ...versionOne,
            id: 'd-2',
            number: 2,
            effectiveFrom: '2027-01-01',
            publishedAt: '2026-11-27T10:00:00Z',
          },
          errors: [],
        },
        sent,
      ),
      regulationsMock({ draft: false }),
    ]);

    fireEvent.click(await screen.findByTestId('publish-draft'));
    const confirm = await screen.findByTestId('publish-confirm');
    expect(
      screen.getByText(
        'Опубликовать редакцию № 2 с 01.01.2027? После публикации она не меняется, и все сотрудники получат запрос на ознакомление.',
      ),
    ).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.click(confirm);

    expect(await screen.findByText('Редакция № 2 опубликована')).toBeTruthy();
    expect(sent).toEqual([{ id: 'd-2', effectiveFrom: '2027-01-01' }]);
    await waitFor(() => expect(screen.queryByTestId('draft-card')).toBeNull());
  });

  it('shows the published text, not the draft’s, once the first version is published', async () => {
    const withHtml = (html: string): MockedResponse => {
      const mock = documentMock('d-2');
      const data = (mock.result as { data: { regulationsDocument: Record<string, unknown> } }).data;
      return {
        ...mock,
        result: { data: { regulationsDocument: { ...data.regulationsDocument, html } } },
      };
    };
    const published = regulationsData({ draft: false, current: false });
    published.regulations.current = {
      ...versionOne,
      id: 'd-2',
      number: 2,
      effectiveFrom: '2027-01-01',
      acknowledgements: { ...acknowledgements(), total: 0, acknowledged: 0, employees: [] },
    };
    renderPage([
      regulationsMock({ current: false }),
      withHtml('<p class="draft-mark">ЧЕРНОВИК</p><h2>1. Общие положения</h2>'),
      mutationMock(
        publishRegulationsMutation,
        'publishRegulations',
        {
          __typename: 'RegulationsDocumentPayload',
          document: { ...versionOne, id: 'd-2', number: 2, effectiveFrom: '2027-01-01' },
          errors: [],
        },
        [],
      ),
      { request: { query: regulationsQuery }, result: { data: published } },
      withHtml('<h2>1. Общие положения</h2>'),
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('regulations-html').textContent).toContain('ЧЕРНОВИК'),
    );

    fireEvent.click(screen.getByTestId('publish-draft'));
    fireEvent.click(await screen.findByTestId('publish-confirm'));

    await waitFor(() =>
      expect(screen.getByTestId('current-number').textContent).toBe('Действующая редакция № 2'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('regulations-html').textContent).toBe('1. Общие положения'),
    );
  });

  it('saves a new effective date and shows the server’s refusal under the date', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      mutationMock(
        updateRegulationsDraftMutation,
        'updateRegulationsDraft',
        {
          __typename: 'RegulationsDocumentPayload',
          document: null,
          errors: [
            userError(
              ['input', 'effectiveFrom'],
              'INVALID',
              'На эту дату нет ни одной опубликованной схемы.',
            ),
          ],
        },
        sent,
      ),
    ]);

    const picker = await screen.findByTestId('draft-effective-from');
    fireEvent.mouseDown(picker);
    fireEvent.click(picker);
    const day = await waitFor(() => {
      const cell = document.querySelector<HTMLElement>('.ant-picker-cell[title="2027-01-15"]');
      if (!cell) {
        throw new Error('no calendar cell for 15 January');
      }
      return cell;
    });
    fireEvent.click(day);

    const message = await screen.findByText('На эту дату нет ни одной опубликованной схемы.');
    expect(sent).toEqual([{ id: 'd-2', effectiveFrom: '2027-01-15' }]);
    expect(
      formItemOf(message).querySelector('[data-testid="draft-effective-from"]'),
    ).not.toBeNull();
  });

  it('lists the acknowledgements pending first and reminds the pending employees', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      mutationMock(
        remindRegulationsMutation,
        'remindRegulations',
        { __typename: 'RemindRegulationsPayload', pending: 2, notified: 1, errors: [] },
        sent,
      ),
    ]);
    await openTab('tab-acknowledgements');

    const table = await screen.findByTestId('acknowledgements-table');
    expect(
      within(table)
        .getAllByTestId('ack-name')
        .map((n) => n.textContent),
    ).toEqual(['Иван Петров', 'Ольга Смирнова', 'Пётр Сидоров']);
    expect(
      within(table)
        .getAllByTestId('ack-at')
        .map((n) => n.textContent),
    ).toEqual(['Не ознакомлен', 'Не ознакомлен', '02.11.2026 12:15']);
    expect(within(table).getByText('—')).toBeTruthy(); // Olga has no department

    fireEvent.click(screen.getByTestId('remind'));
    expect((await screen.findByTestId('reminded')).textContent).toBe('Уведомлено 1 из 2');
    expect(sent).toEqual([{ id: 'd-1' }]);
  });

  it('compares two ticked versions, the older first', async () => {
    renderPage([regulationsMock(), documentMock('d-1')]);
    await openTab('tab-versions');

    const table = await screen.findByTestId('versions-table');
    expect(
      within(table)
        .getAllByTestId('version-number')
        .map((n) => n.textContent),
    ).toEqual(['2', '1']);
    expect(within(table).getByText('Черновик')).toBeTruthy();
    expect(within(table).getByText(/admin@alfa\.demo/)).toBeTruthy();
    const compare = screen.getByTestId('compare-versions') as HTMLButtonElement;
    expect(compare.disabled).toBe(true);

    const boxes = within(table).getAllByRole('checkbox');
    fireEvent.click(boxes[0]!);
    expect(compare.disabled).toBe(true);
    fireEvent.click(boxes[1]!);
    await waitFor(() => expect(compare.disabled).toBe(false));
    fireEvent.click(compare);
    expect(screen.getByTestId('location').textContent).toBe('/regulations/diff?from=d-1&to=d-2');
  });

  it('checks the INN as the server does before saving the details', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      mutationMock(
        saveRegulationsDetailsMutation,
        'saveRegulationsDetails',
        {
          __typename: 'RegulationsDetailsPayload',
          details: null,
          errors: [
            userError(['input', 'orderNumber'], 'INVALID', 'Номер приказа слишком длинный.'),
          ],
        },
        sent,
      ),
    ]);
    await openTab('tab-details');

    const inn = (await screen.findByTestId('details-inn')) as HTMLInputElement;
    expect(inn.value).toBe('7707083893');
    fireEvent.change(inn, { target: { value: '7707083894' } });
    fireEvent.click(screen.getByTestId('details-save'));
    const innMessage = await screen.findByText(
      'ИНН — 10 цифр (организация) или 12 (ИП) с верным контрольным числом',
    );
    expect(formItemOf(innMessage).contains(inn)).toBe(true);
    expect(sent).toEqual([]);

    fireEvent.change(inn, { target: { value: '500100732259' } });
    fireEvent.change(screen.getByTestId('details-city'), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('details-save'));
    const orderMessage = await screen.findByText('Номер приказа слишком длинный.');
    expect(
      formItemOf(orderMessage).querySelector('[data-testid="details-order-number"]'),
    ).not.toBeNull();
    expect(sent).toEqual([
      {
        companyName: 'ООО «Альфа Продажи»',
        inn: '500100732259',
        orderNumber: '15-П',
        orderDate: '2026-10-20',
        city: null,
        approverTitle: 'Генеральный директор',
        approverName: 'И. И. Иванов',
      },
    ]);
  });

  it('adds a section and shows the server’s error under its field', async () => {
    const sent: unknown[] = [];
    renderPage([
      regulationsMock(),
      documentMock('d-1'),
      mutationMock(
        saveRegulationsSectionMutation,
        'saveRegulationsSection',
        {
          __typename: 'RegulationsSectionPayload',
          section: null,
          errors: [
            userError(['input', 'titleRu'], 'DUPLICATE', 'Раздел с таким заголовком уже есть.'),
          ],
        },
        sent,
      ),
    ]);
    await openTab('tab-details');

    expect((await screen.findAllByTestId('section-title')).map((n) => n.textContent)).toEqual([
      'Порядок выплаты / Payment',
    ]);
    fireEvent.click(screen.getByTestId('add-section'));
    const form = await screen.findByTestId('section-form');
    fireEvent.change(within(form).getByTestId('section-title-ru'), {
      target: { value: ' Порядок выплаты ' },
    });
    fireEvent.change(within(form).getByTestId('section-body-ru'), {
      target: { value: 'Текст *раздела*' },
    });
    fireEvent.click(within(form).getByTestId('section-save'));

    const message = await screen.findByText('Раздел с таким заголовком уже есть.');
    expect(formItemOf(message).querySelector('[data-testid="section-title-ru"]')).not.toBeNull();
    expect(sent).toEqual([
      { titleRu: 'Порядок выплаты', titleEn: null, bodyRu: 'Текст *раздела*', bodyEn: null },
    ]);
  });

  it('moves a section down and deletes one after the confirmation', async () => {
    const saved: unknown[] = [];
    const deleted: unknown[] = [];
    renderPage([
      regulationsMock({ sections: [ownSection, secondSection] }),
      documentMock('d-1'),
      mutationMock(
        saveRegulationsSectionMutation,
        'saveRegulationsSection',
        {
          __typename: 'RegulationsSectionPayload',
          section: { ...ownSection, position: 2 },
          errors: [],
        },
        saved,
      ),
      regulationsMock({
        sections: [
          { ...secondSection, position: 1 },
          { ...ownSection, position: 2 },
        ],
      }),
      mutationMock(
        deleteRegulationsSectionMutation,
        'deleteRegulationsSection',
        { __typename: 'RegulationsSectionPayload', section: { ...secondSection }, errors: [] },
        deleted,
      ),
      regulationsMock({ sections: [{ ...ownSection, position: 1 }] }),
    ]);
    await openTab('tab-details');

    const cards = await screen.findAllByTestId('own-section');
    expect(cards.map((c) => c.getAttribute('data-section-id'))).toEqual(['s-1', 's-2']);
    expect((within(cards[0]!).getByTestId('section-up') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(cards[0]!).getByTestId('section-down'));
    await waitFor(() =>
      expect(
        screen.getAllByTestId('own-section').map((c) => c.getAttribute('data-section-id')),
      ).toEqual(['s-2', 's-1']),
    );
    expect(saved).toEqual([
      {
        id: 's-1',
        position: 2,
        titleRu: 'Порядок выплаты',
        titleEn: 'Payment',
        bodyRu: 'Премия выплачивается **вместе с зарплатой**.',
        bodyEn: null,
      },
    ]);

    fireEvent.click(within(screen.getAllByTestId('own-section')[0]!).getByTestId('section-delete'));
    fireEvent.click(await screen.findByTestId('section-delete-confirm'));
    expect(await screen.findByText('Раздел «Споры» удалён')).toBeTruthy();
    expect(deleted).toEqual([{ id: 's-2' }]);
    await waitFor(() => expect(screen.getAllByTestId('own-section')).toHaveLength(1));
  });

  it('shows an accountant everything without the buttons', async () => {
    renderPage([
      regulationsMock({ canEdit: false, outdated: true, draft: false }),
      documentMock('d-1'),
    ]);
    expect((await screen.findByTestId('read-only')).textContent).toContain('Только просмотр');
    expect(screen.queryByTestId('create-draft')).toBeNull();
    await openTab('tab-acknowledgements');
    await screen.findByTestId('acknowledgements-table');
    expect(screen.queryByTestId('remind')).toBeNull();
    await openTab('tab-details');
    await screen.findByTestId('details-form');
    expect(screen.queryByTestId('details-save')).toBeNull();
    expect((screen.getByTestId('details-inn') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId('add-section')).toBeNull();
    expect(screen.queryByTestId('section-edit')).toBeNull();
  });

  it('shows a failed request with a retry', async () => {
    renderPage([{ request: { query: regulationsMock().request.query }, error: new Error('boom') }]);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByTestId('current-version')).toBeNull();
  });
});
