import { describe, expect, it } from 'vitest';
import { decimalText, parseDecimal } from './decimal-text';

describe('decimals as typed', () => {
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
    expect(parseDecimal(text)).toBe(decimal);
  });

  it('shows an API decimal in the language', () => {
    expect(decimalText('1000000.5', 'ru')).toBe('1000000,5');
    expect(decimalText('1000000.50', 'en')).toBe('1000000.5');
    expect(decimalText(null, 'ru')).toBe('');
  });
});
