import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { plain } from '../testing/fixtures';
import { progressPercent, WhatIfProgress } from './what-if-progress';

describe('what-if progress', () => {
  it('counts whole percent of the months done', () => {
    expect(progressPercent(0, 12)).toBe(0);
    expect(progressPercent(3, 12)).toBe(25);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(12, 12)).toBe(100);
    expect(progressPercent(0, 0)).toBe(0);
  });

  it('shows months done of the total while running', () => {
    renderWithProviders(<WhatIfProgress status="RUNNING" done={3} total={12} error={null} />);
    expect(plain(screen.getByTestId('what-if-progress-text').textContent)).toBe(
      'Считаем: 3 из 12 мес.',
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });

  it('is full when done and says so', () => {
    renderWithProviders(<WhatIfProgress status="DONE" done={12} total={12} error={null} />, {
      language: 'en',
    });
    expect(screen.getByTestId('what-if-progress-text').textContent).toBe('Done: 12 months');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });

  it('shows the failure with its error', () => {
    renderWithProviders(<WhatIfProgress status="FAILED" done={4} total={12} error="нет данных" />);
    expect(screen.getByTestId('what-if-progress').getAttribute('data-status')).toBe('FAILED');
    expect(screen.getByTestId('what-if-progress-text').textContent).toBe(
      'Расчёт не удался: нет данных',
    );
  });
});
