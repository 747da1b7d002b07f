import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocumentLanguage } from '@/gql/graphql';
import { renderWithProviders } from '@/test/render';
import { regulationsDiffQuery } from '../api/regulations-diff';
import { groupBySection } from '../components/diff-view';
import { RegulationsDiffPage } from './regulations-diff-page';

const doc = (id: string, number: number, status: 'DRAFT' | 'PUBLISHED', effectiveFrom: string) => ({
  __typename: 'RegulationsDocument' as const,
  id,
  number,
  status,
  effectiveFrom,
});

const seg = (text: string, kind: 'SAME' | 'ADDED' | 'REMOVED') => ({
  __typename: 'DiffSegment' as const,
  text,
  kind,
});

const change = (
  kind: 'ADDED' | 'REMOVED' | 'CHANGED',
  sectionKey: string,
  sectionTitle: string,
  before: string | null,
  after: string | null,
  segments: ReturnType<typeof seg>[] = [],
) => ({
  __typename: 'RegulationsChange' as const,
  kind,
  sectionKey,
  sectionTitle,
  before,
  after,
  segments,
});

const diffMock = (language: DocumentLanguage): MockedResponse => ({
  request: { query: regulationsDiffQuery, variables: { fromId: 'd-1', toId: 'd-2', language } },
  result: {
    data: {
      regulationsDiff: {
        __typename: 'RegulationsDiff',
        from: doc('d-1', 1, 'PUBLISHED', '2026-11-01'),
        to: doc('d-2', 2, 'DRAFT', '2027-01-01'),
        language,
        changes:
          language === 'RU'
            ? [
                change(
                  'CHANGED',
                  'scheme-1',
                  '3. Менеджер по продажам',
                  '3.2. Ставка 5 %.',
                  '3.2. Ставка 7 %.',
                  [
                    seg('3.2. Ставка ', 'SAME'),
                    seg('5', 'REMOVED'),
                    seg('7', 'ADDED'),
                    seg(' %.', 'SAME'),
                  ],
                ),
                change('ADDED', 'scheme-1', '3. Менеджер по продажам', null, '3.3. Порог 80 %.'),
                change('REMOVED', 'own-1', '6. Споры', '6.1. Споры решает комиссия.', null),
              ]
            : [change('ADDED', 'scheme-1', '3. Sales manager', null, '3.3. Threshold 80 %.')],
      },
    },
  },
});

function renderPage(route: string, mocks: MockedResponse[]) {
  return renderWithProviders(<RegulationsDiffPage regulationsPath="/regulations" />, {
    route,
    mocks,
  });
}

describe('RegulationsDiffPage', () => {
  it('groups the changes by section, strikes out what went and underlines what came', async () => {
    renderPage('/regulations/diff?from=d-1&to=d-2', [diffMock('RU')]);

    expect((await screen.findByTestId('diff-title')).textContent).toBe(
      'Изменения: редакция № 1 → № 2',
    );
    expect(screen.getByTestId('diff-summary').textContent).toBe(
      'Изменено: 1, добавлено: 1, удалено: 1',
    );
    const sections = screen.getAllByTestId('diff-section');
    expect(sections.map((s) => within(s).getByTestId('diff-section-title').textContent)).toEqual([
      '3. Менеджер по продажам',
      '6. Споры',
    ]);

    const [changed, added] = within(sections[0]!).getAllByTestId('diff-change');
    expect(changed!.getAttribute('data-kind')).toBe('CHANGED');
    expect(changed!.textContent).toBe('Изменено3.2. Ставка 57 %.');
    const removedRun = within(changed!).getByTestId('diff-removed');
    expect(removedRun.tagName).toBe('DEL');
    expect(removedRun.textContent).toBe('5');
    expect(removedRun.style.textDecoration).toBe('line-through');
    const addedRun = within(changed!).getByTestId('diff-added');
    expect(addedRun.tagName).toBe('INS');
    expect(addedRun.textContent).toBe('7');
    expect(addedRun.style.textDecoration).toBe('underline');

    expect(added!.getAttribute('data-kind')).toBe('ADDED');
    expect(within(added!).getByTestId('diff-added').textContent).toBe('3.3. Порог 80 %.');
    const removed = within(sections[1]!).getByTestId('diff-change');
    expect(within(removed).getByTestId('diff-removed').textContent).toBe(
      '6.1. Споры решает комиссия.',
    );
    expect(screen.getByTestId('back-to-regulations').getAttribute('href')).toBe('/regulations');
  });

  it('switches the diff to English', async () => {
    renderPage('/regulations/diff?from=d-1&to=d-2', [diffMock('RU'), diffMock('EN')]);
    await screen.findByTestId('diff-summary');
    fireEvent.click(screen.getByTestId('diff-language-en'));
    await waitFor(() =>
      expect(screen.getByTestId('diff-section-title').textContent).toBe('3. Sales manager'),
    );
    expect(screen.getByTestId('diff-summary').textContent).toBe(
      'Изменено: 0, добавлено: 1, удалено: 0',
    );
  });

  it('asks for two versions when the address lacks one', async () => {
    renderPage('/regulations/diff?from=d-1', []);
    expect(await screen.findByText('Выберите две редакции для сравнения')).toBeTruthy();
  });

  it('keeps sections apart that share a title but not a key', () => {
    const groups = groupBySection([
      change('ADDED', 'a', 'Раздел', null, 'x'),
      change('ADDED', 'b', 'Раздел', null, 'y'),
      change('ADDED', 'a', 'Раздел', null, 'z'),
    ]);
    expect(groups.map((g) => g.changes.map((c) => c.after))).toEqual([['x', 'z'], ['y']]);
  });
});
