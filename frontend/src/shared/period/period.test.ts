import { describe, expect, it } from 'vitest';
import {
  closedMonths,
  currentPeriod,
  isPeriodStart,
  parsePeriod,
  periodContaining,
  periodLabel,
  shiftPeriod,
  todayIn,
} from './period';

describe('the current period in the tenant time zone', () => {
  // 31 Jan 2026, 21:30 UTC: already 1 February in Moscow (UTC+3), still 31 January in New York.
  const instant = new Date('2026-01-31T21:30:00Z');

  it('reads today in the tenant zone, not the browser one', () => {
    expect(todayIn('Europe/Moscow', instant)).toBe('2026-02-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-01-31');
  });

  it('gives the month, quarter and year containing that day', () => {
    expect(currentPeriod('MONTH', 'Europe/Moscow', instant)).toEqual({
      kind: 'MONTH',
      start: '2026-02-01',
    });
    expect(currentPeriod('MONTH', 'America/New_York', instant)).toEqual({
      kind: 'MONTH',
      start: '2026-01-01',
    });
    expect(periodContaining('QUARTER', '2026-11-27')).toEqual({
      kind: 'QUARTER',
      start: '2026-10-01',
    });
    expect(periodContaining('YEAR', '2026-11-27')).toEqual({ kind: 'YEAR', start: '2026-01-01' });
  });
});

describe('shiftPeriod', () => {
  it('steps months across years both ways', () => {
    expect(shiftPeriod({ kind: 'MONTH', start: '2026-12-01' }, 1).start).toBe('2027-01-01');
    expect(shiftPeriod({ kind: 'MONTH', start: '2026-01-01' }, -1).start).toBe('2025-12-01');
    expect(shiftPeriod({ kind: 'MONTH', start: '2026-11-01' }, -11).start).toBe('2025-12-01');
  });

  it('steps quarters and years', () => {
    expect(shiftPeriod({ kind: 'QUARTER', start: '2026-10-01' }, 1).start).toBe('2027-01-01');
    expect(shiftPeriod({ kind: 'QUARTER', start: '2026-01-01' }, -1).start).toBe('2025-10-01');
    expect(shiftPeriod({ kind: 'YEAR', start: '2026-01-01' }, -1)).toEqual({
      kind: 'YEAR',
      start: '2025-01-01',
    });
  });
});

describe('parsePeriod', () => {
  it('takes only a valid kind with a valid first day', () => {
    expect(parsePeriod('MONTH', '2026-11-01')).toEqual({ kind: 'MONTH', start: '2026-11-01' });
    expect(parsePeriod('QUARTER', '2026-10-01')).not.toBeNull();
    expect(parsePeriod('QUARTER', '2026-11-01')).toBeNull();
    expect(parsePeriod('YEAR', '2026-02-01')).toBeNull();
    expect(parsePeriod('MONTH', '2026-11-02')).toBeNull();
    expect(parsePeriod('WEEK', '2026-11-01')).toBeNull();
    expect(parsePeriod(null, '2026-11-01')).toBeNull();
    expect(isPeriodStart('MONTH', '2026-13-01')).toBe(false);
  });
});

describe('periodLabel', () => {
  it('names periods in Russian and English', () => {
    expect(periodLabel({ kind: 'MONTH', start: '2026-11-01' }, 'ru')).toBe('ноябрь 2026');
    expect(periodLabel({ kind: 'MONTH', start: '2026-11-01' }, 'en')).toBe('November 2026');
    expect(periodLabel({ kind: 'QUARTER', start: '2026-10-01' }, 'ru')).toBe('IV квартал 2026');
    expect(periodLabel({ kind: 'QUARTER', start: '2026-10-01' }, 'en')).toBe('Q4 2026');
    expect(periodLabel({ kind: 'YEAR', start: '2026-01-01' }, 'ru')).toBe('2026 год');
    expect(periodLabel({ kind: 'YEAR', start: '2026-01-01' }, 'en')).toBe('2026');
  });

  it('has short forms for chart axes', () => {
    expect(periodLabel({ kind: 'MONTH', start: '2026-05-01' }, 'ru', true)).toBe('май 26');
    expect(periodLabel({ kind: 'MONTH', start: '2026-11-01' }, 'ru', true)).toBe('ноя 26');
    expect(periodLabel({ kind: 'MONTH', start: '2026-11-01' }, 'en', true)).toBe('Nov 26');
    expect(periodLabel({ kind: 'QUARTER', start: '2026-01-01' }, 'ru', true)).toBe('I кв. 26');
  });
});

describe('closed months', () => {
  it('lists the months before the tenant’s current one, newest first, across a year', () => {
    // 31 Jan 2026, 21:30 UTC: February in Moscow, so January is closed there; not in New York.
    const instant = new Date('2026-01-31T21:30:00Z');
    expect(closedMonths('Europe/Moscow', 3, instant)).toEqual([
      '2026-01-01',
      '2025-12-01',
      '2025-11-01',
    ]);
    expect(closedMonths('America/New_York', 1, instant)).toEqual(['2025-12-01']);
  });
});
