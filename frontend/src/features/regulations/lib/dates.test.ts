import { describe, expect, it } from 'vitest';
import { formatDayDots, formatMinute, todayIn } from './dates';

describe('regulations dates', () => {
  it('tells today in the tenant’s time zone', () => {
    const lateUtc = new Date('2026-11-27T22:30:00Z');
    expect(todayIn('Europe/Moscow', lateUtc)).toBe('2026-11-28');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-27');
  });

  it('shows an acknowledgement to the minute in the tenant’s zone', () => {
    expect(formatMinute('2026-11-27T09:34:56Z', 'Europe/Moscow')).toBe('27.11.2026 12:34');
    expect(formatMinute('garbage', 'Europe/Moscow')).toBe('garbage');
  });

  it('writes a calendar date with dots', () => {
    expect(formatDayDots('2026-12-01')).toBe('01.12.2026');
  });
});
