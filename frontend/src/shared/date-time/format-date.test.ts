import { describe, expect, it } from 'vitest';
import { formatDate, formatDay } from './format-date';

describe('formatDate', () => {
  it('formats the day of an instant in Russian and in English', () => {
    const iso = '2026-11-27T09:30:00+03:00';
    expect(formatDate(iso, 'ru-RU', 'Europe/Moscow')).toBe('27 нояб. 2026 г.');
    expect(formatDate(iso, 'en-US', 'Europe/Moscow')).toBe('Nov 27, 2026');
  });

  it('uses the given time zone to decide the day', () => {
    expect(formatDate('2026-11-27T23:30:00Z', 'en-US', 'Europe/Moscow')).toBe('Nov 28, 2026');
  });

  it('keeps a value that is not an instant as it is', () => {
    expect(formatDate('not a date', 'ru-RU')).toBe('not a date');
  });
});

describe('formatDay', () => {
  it('shows a calendar date as it is, whatever the browser’s zone', () => {
    expect(formatDay('2026-12-01', 'ru-RU')).toBe('1 дек. 2026 г.');
    expect(formatDay('2026-12-01', 'en-US')).toBe('Dec 1, 2026');
  });
});
