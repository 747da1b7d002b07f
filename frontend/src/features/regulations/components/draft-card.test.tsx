import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { draftDoc } from '../testing/fixtures';
import { DraftCard } from './draft-card';

describe('DraftCard', () => {
  it('refuses to publish with an effective date before the earliest', async () => {
    renderWithProviders(<DraftCard draft={draftDoc} earliest="2027-02-01" canEdit />);
    expect(await screen.findByText('Дата вступления в силу — не раньше 01.02.2027')).toBeTruthy();
    expect((screen.getByTestId('publish-draft') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers publishing from the earliest day on', async () => {
    renderWithProviders(<DraftCard draft={draftDoc} earliest="2027-01-01" canEdit />);
    expect(((await screen.findByTestId('publish-draft')) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect(screen.queryByText(/не раньше/)).toBeNull();
  });

  it('has no buttons for a reader', async () => {
    renderWithProviders(<DraftCard draft={draftDoc} earliest="2026-11-27" canEdit={false} />);
    await screen.findByTestId('draft-card');
    expect(screen.queryByTestId('publish-draft')).toBeNull();
    expect(screen.queryByTestId('delete-draft')).toBeNull();
  });
});
