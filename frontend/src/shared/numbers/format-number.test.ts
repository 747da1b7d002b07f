import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  formatCount,
  formatDecimal,
  formatNps,
  formatPercent,
  isNegativeDecimal,
  isZeroDecimal,
  parseDecimalInput,
  parseSignedDecimalInput,
  subtractDecimals,
} from './format-number';

/** Intl's spaces (U+00A0, U+202F) as plain ones, so expectations read naturally. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');

describe('formatPercent', () => {
  it('writes a Russian percentage with a comma and a space before the sign', () => {
    expect(plain(formatPercent('23.5', 'ru-RU'))).toBe('23,5 %');
    expect(plain(formatPercent('23.45', 'ru-RU'))).toBe('23,5 %'); // half away from zero
    expect(plain(formatPercent('100', 'ru-RU'))).toBe('100 %');
    expect(plain(formatPercent('1234.5678', 'ru-RU'))).toBe('1 234,6 %');
  });

  it('writes an English one with a point and no space', () => {
    expect(formatPercent('23.5', 'en-US')).toBe('23.5%');
  });

  it('keeps more digits when asked and refuses what is not a decimal', () => {
    expect(plain(formatPercent('12.3456', 'ru-RU', 2))).toBe('12,35 %');
    expect(() => formatPercent('1e3', 'ru-RU')).toThrow(RangeError);
  });
});

describe('formatCount and formatDecimal', () => {
  it('groups thousands with a space in Russian', () => {
    expect(plain(formatCount('1234567', 'ru-RU'))).toBe('1 234 567');
    expect(formatCount('1234567', 'en-US')).toBe('1,234,567');
    expect(plain(formatDecimal('1234.5', 'ru-RU'))).toBe('1 234,5');
  });

  it('formats beyond 2^53 without losing a digit', () => {
    expect(plain(formatCount('12345678901234567890', 'ru-RU'))).toBe('12 345 678 901 234 567 890');
  });
});

describe('formatNps', () => {
  it('shows the sign of a score', () => {
    expect(plain(formatNps('42.5', 'ru-RU'))).toBe('+42,5');
    expect(plain(formatNps('-12', 'ru-RU'))).toMatch(/^[-−]12$/);
    expect(formatNps('0', 'ru-RU')).toBe('0');
  });
});

describe('parseDecimalInput', () => {
  it('accepts a Russian comma, spaces and Intl spaces', () => {
    expect(parseDecimalInput('1 234,50')).toBe('1234.5');
    expect(parseDecimalInput('1\u00a0234\u202f567,89')).toBe('1234567.89');
    expect(parseDecimalInput('1500000')).toBe('1500000');
    expect(parseDecimalInput('0,25')).toBe('0.25');
    expect(parseDecimalInput(',5')).toBe('0.5');
    expect(parseDecimalInput('007.000')).toBe('7');
  });

  it('gives "" for blank and null for what is not a number', () => {
    expect(parseDecimalInput('  ')).toBe('');
    expect(parseDecimalInput('abc')).toBeNull();
    expect(parseDecimalInput('-5')).toBeNull();
    expect(parseDecimalInput('1,2,3')).toBeNull();
    expect(parseDecimalInput('1e5')).toBeNull();
  });
});

describe('compareDecimals', () => {
  it('compares exactly, whatever the number of digits', () => {
    expect(compareDecimals('1500000', '1500000.00')).toBe(0);
    expect(compareDecimals('2', '10')).toBe(-1);
    expect(compareDecimals('10.01', '10.1')).toBe(-1);
    expect(compareDecimals('-1', '0')).toBe(-1);
    expect(compareDecimals('-2', '-10')).toBe(1);
    expect(compareDecimals('99999999999999999.99', '99999999999999999.98')).toBe(1);
  });
});

describe('parseSignedDecimalInput', () => {
  it.each([
    ['1 000 000,50', '1000000.5'],
    ['5', '5'],
    ['-10', '-10'],
    ['− 2,5', '-2.5'],
    ['-0', '0'],
    ['', ''],
    ['  ', ''],
    ['abc', null],
    ['1,2,3', null],
    ['-', null],
  ])('%j → %j', (text, decimal) => {
    expect(parseSignedDecimalInput(text)).toBe(decimal);
  });
});

describe('signs of decimals', () => {
  it('knows zero and negatives, whatever the digits', () => {
    expect(isZeroDecimal('0')).toBe(true);
    expect(isZeroDecimal('-0.00')).toBe(true);
    expect(isZeroDecimal('0.01')).toBe(false);
    expect(isNegativeDecimal('-0.01')).toBe(true);
    expect(isNegativeDecimal('-0.00')).toBe(false);
    expect(isNegativeDecimal('12')).toBe(false);
  });
});

describe('subtractDecimals', () => {
  it('subtracts exactly, keeping the longer fraction', () => {
    expect(subtractDecimals('1500.5', '2000.25')).toBe('-499.75');
    expect(subtractDecimals('10.00', '2')).toBe('8.00');
    expect(subtractDecimals('61728.39', '61728.39')).toBe('0.00');
    expect(subtractDecimals('0.1', '0.2')).toBe('-0.1');
    expect(subtractDecimals('-5', '-7.5')).toBe('2.5');
    // beyond 2^53 kopecks: no digit lost
    expect(subtractDecimals('99999999999999999.99', '0.01')).toBe('99999999999999999.98');
  });

  it('refuses what is not a plain decimal', () => {
    expect(() => subtractDecimals('1e5', '1')).toThrow(RangeError);
  });
});
