import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '@/gql';
import { renderWithProviders } from '@/test/render';
import { schemeChangeFieldsFragment } from '../api/change-fields';
import {
  acceptSchemeProposalMutation,
  rejectSchemeProposalMutation,
} from '../api/decide-scheme-proposal';
import { schemeMock } from '../testing/fixtures';
import { ProposalsTab } from './proposals-tab';

const proposal = {
  __typename: 'SchemeProposal' as const,
  id: 'p1',
  templateName: 'Менеджер по работе с клиентами',
  libraryVersion: 2,
  status: 'OPEN',
  note: 'Ставка выше',
  proposedAt: '2026-11-25T10:00:00Z',
  decidedAt: null,
  comment: null,
  changes: [
    makeFragmentData(
      {
        __typename: 'SchemeChange' as const,
        path: ['components', 'volume_bonus', 'rule', 'ratePercent'],
        text: 'Премия с объёма: ставка 5 % → 6 %',
        kind: 'CHANGED',
      },
      schemeChangeFieldsFragment,
    ),
  ],
};

const decided = (status: string, extra: object = {}) => ({
  __typename: 'SchemeProposal',
  id: 'p1',
  status,
  decidedAt: '2026-11-26T10:00:00Z',
  ...extra,
});

describe('ProposalsTab', () => {
  it('shows the readable diff and accepts: the draft is replaced, the editor opens', async () => {
    const accepted = vi.fn();
    const mocks: MockedResponse[] = [
      {
        request: {
          query: acceptSchemeProposalMutation,
          variables: { input: { proposalId: 'p1' } },
        },
        result: {
          data: {
            acceptSchemeProposal: {
              __typename: 'SchemeProposalPayload',
              proposal: decided('ACCEPTED'),
              draft: { __typename: 'SchemeVersion', id: 'v3', number: 3 },
              errors: [],
            },
          },
        },
      },
      schemeMock(),
    ];
    renderWithProviders(<ProposalsTab proposals={[proposal]} canDecide onAccepted={accepted} />, {
      mocks,
    });
    const change = screen
      .getByTestId('proposal-2')
      .querySelector('li[data-path="components/volume_bonus/rule/ratePercent"]');
    expect(change?.textContent).toBe('Премия с объёма: ставка 5 % → 6 %');
    expect(screen.getByText('ждёт решения')).toBeTruthy();

    fireEvent.click(screen.getByTestId('proposal-accept'));
    fireEvent.click(await screen.findByTestId('accept-confirm'));
    await waitFor(() => expect(accepted).toHaveBeenCalledOnce());
    expect(
      await screen.findByText('Предложение принято: черновик версии 3 готов к публикации'),
    ).toBeTruthy();
  });

  it('rejects with the comment typed', async () => {
    const mocks: MockedResponse[] = [
      {
        request: {
          query: rejectSchemeProposalMutation,
          variables: { input: { proposalId: 'p1', comment: 'Рано' } },
        },
        result: {
          data: {
            rejectSchemeProposal: {
              __typename: 'SchemeProposalPayload',
              proposal: decided('REJECTED', { comment: 'Рано' }),
              errors: [],
            },
          },
        },
      },
      schemeMock(),
    ];
    renderWithProviders(<ProposalsTab proposals={[proposal]} canDecide onAccepted={() => {}} />, {
      mocks,
    });
    fireEvent.click(screen.getByTestId('proposal-reject'));
    fireEvent.change(await screen.findByTestId('reject-comment'), { target: { value: ' Рано ' } });
    fireEvent.click(screen.getByTestId('reject-confirm'));
    expect(await screen.findByText('Предложение отклонено')).toBeTruthy();
  });

  it('offers no decision to those who only read, nor on decided proposals', () => {
    renderWithProviders(
      <ProposalsTab
        proposals={[proposal, { ...proposal, id: 'p0', libraryVersion: 1, status: 'REJECTED' }]}
        canDecide={false}
        onAccepted={() => {}}
      />,
    );
    expect(screen.queryByTestId('proposal-accept')).toBeNull();
    expect(screen.getByText('отклонено')).toBeTruthy();
  });
});
