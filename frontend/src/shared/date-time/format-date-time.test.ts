import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it('formats an instant in Russian and in English', () => {
    const iso = '2026-11-27T09:30:00+03:00';
    expect(formatDateTime(iso, 'ru-RU', 'Europe/Moscow')).toMatch(/^27 ноября 2026 г\..*09:30:00/);
    expect(formatDateTime(iso, 'en-US', 'Europe/Moscow')).toMatch(/^November 27, 2026.*9:30:00/);
  });

  it('keeps a value that is not an instant as it is', () => {
    expect(formatDateTime('not a date', 'ru-RU')).toBe('not a date');
  });
});
