import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatPercent, formatRate } from './format';

/** Intl ru-RU groups digits and separates units with U+00A0 NO-BREAK SPACE. */
const nb = (s: string) => s.replaceAll(' ', '\u00a0');

describe('progress numbers', () => {
  it('groups row counts by thousands in the UI language', () => {
    expect(formatCount(1234567, 'ru-RU')).toBe(nb('1 234 567'));
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
    expect(formatCount(0, 'ru-RU')).toBe('0');
  });

  it('shows rates with one decimal at most', () => {
    expect(formatRate(12.345, 'ru-RU')).toBe('12,3');
    expect(formatRate(48, 'en-US')).toBe('48');
  });

  it('writes percentages as the locale does', () => {
    expect(formatPercent(100, 'ru-RU')).toBe(nb('100 %'));
    expect(formatPercent(42, 'en-US')).toBe('42%');
  });

  it('shows the two largest parts of a duration in short units', () => {
    expect(formatDuration(42, 'ru-RU')).toBe(nb('42 с'));
    expect(formatDuration(3725, 'ru-RU')).toBe(nb('1 ч 2 мин'));
    expect(formatDuration(125.4, 'en-US')).toBe(nb('2 min 5 sec'));
    expect(formatDuration(0, 'ru-RU')).toBe(nb('0 с'));
    expect(formatDuration(-3, 'en-US')).toBe(nb('0 sec'));
  });
});
