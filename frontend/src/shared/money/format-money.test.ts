import { describe, expect, it } from 'vitest';
import { compactMoney, formatMoney, InvalidMoneyError, isDecimalString } from './format-money';

/** Intl's ru-RU group separator and the space before the symbol: U+00A0 NO-BREAK SPACE. */
const NBSP = '\u00a0';
const ru = (s: string) => s.replaceAll(' ', NBSP);

describe('formatMoney in Russian', () => {
  it('groups thousands with a no-break space and puts the symbol after a no-break space', () => {
    const formatted = formatMoney('1234567.89', 'RUB', 'ru-RU');
    expect(formatted).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatted).not.toMatch(/ /); // no ordinary spaces at all
  });

  it('pads to the minor units', () => {
    expect(formatMoney('5', 'RUB', 'ru-RU')).toBe(ru('5,00 ₽'));
    expect(formatMoney('1234.5', 'RUB', 'ru-RU')).toBe(ru('1 234,50 ₽'));
  });

  it('formats zero, negative zero and amounts that round to zero without a minus', () => {
    expect(formatMoney('0', 'RUB', 'ru-RU')).toBe(ru('0,00 ₽'));
    expect(formatMoney('-0', 'RUB', 'ru-RU')).toBe(ru('0,00 ₽'));
    expect(formatMoney('-0.001', 'RUB', 'ru-RU')).toBe(ru('0,00 ₽'));
  });

  it('formats negative amounts with a leading minus', () => {
    expect(formatMoney('-1234567.89', 'RUB', 'ru-RU')).toBe(ru('-1 234 567,89 ₽'));
  });

  it('keeps every digit of amounts beyond 2^53 kopecks', () => {
    expect(formatMoney('123456789012345678.05', 'RUB', 'ru-RU')).toBe(
      ru('123 456 789 012 345 678,05 ₽'),
    );
    // 2^53 + 1 kopecks: a double would print ...992 or ...994.
    expect(formatMoney('90071992547409.93', 'RUB', 'ru-RU')).toBe(ru('90 071 992 547 409,93 ₽'));
    expect(formatMoney('-99999999999999999999999.99', 'RUB', 'ru-RU')).toBe(
      ru('-99 999 999 999 999 999 999 999,99 ₽'),
    );
  });

  it('rounds half up (away from zero) to the minor units', () => {
    expect(formatMoney('0.005', 'RUB', 'ru-RU')).toBe(ru('0,01 ₽'));
    expect(formatMoney('0.004', 'RUB', 'ru-RU')).toBe(ru('0,00 ₽'));
    expect(formatMoney('-0.005', 'RUB', 'ru-RU')).toBe(ru('-0,01 ₽'));
    expect(formatMoney('2.675', 'RUB', 'ru-RU')).toBe(ru('2,68 ₽')); // 2.675 is 2.67499… as a double
    expect(formatMoney('1.00499999999999999999', 'RUB', 'ru-RU')).toBe(ru('1,00 ₽'));
    expect(formatMoney('999999999999999999.995', 'RUB', 'ru-RU')).toBe(
      ru('1 000 000 000 000 000 000,00 ₽'),
    );
  });

  it('uses the given minor units instead of the ISO default', () => {
    expect(formatMoney('1234.5', 'RUB', 'ru-RU', 0)).toBe(ru('1 235 ₽'));
    expect(formatMoney('1.23456', 'RUB', 'ru-RU', 4)).toBe(ru('1,2346 ₽'));
  });

  it('formats other currencies', () => {
    expect(formatMoney('1234567.89', 'EUR', 'ru-RU')).toBe(ru('1 234 567,89 €'));
    expect(formatMoney('1234567.89', 'USD', 'ru-RU')).toBe(ru('1 234 567,89 $'));
  });
});

describe('formatMoney in English', () => {
  it('follows Intl en-US: ISO code before the amount for roubles, comma groups, point decimals', () => {
    expect(formatMoney('1234567.89', 'RUB', 'en-US')).toBe('RUB\u00a01,234,567.89');
  });

  it('formats dollars, negatives and big amounts', () => {
    expect(formatMoney('1234567.89', 'USD', 'en-US')).toBe('$1,234,567.89');
    expect(formatMoney('-1234.5', 'USD', 'en-US')).toBe('-$1,234.50');
    expect(formatMoney('123456789012345678.05', 'USD', 'en-US')).toBe(
      '$123,456,789,012,345,678.05',
    );
    expect(formatMoney('0.005', 'USD', 'en-US')).toBe('$0.01');
  });
});

describe('formatMoney rejects what is not money', () => {
  it.each([
    '',
    ' ',
    'abc',
    '1,5',
    '1 000',
    '1.',
    '.5',
    '+1',
    '--1',
    '1e3',
    '1E+3',
    'NaN',
    'Infinity',
    '0x10',
    ' 1',
    '1 ',
    '1.2.3',
  ])('rejects amount %j', (amount) => {
    expect(() => formatMoney(amount, 'RUB', 'ru-RU')).toThrow(InvalidMoneyError);
  });

  it.each(['', 'rub', 'RU', 'RUBL', '643'])('rejects currency %j', (currency) => {
    expect(() => formatMoney('1', currency, 'ru-RU')).toThrow(InvalidMoneyError);
  });

  it.each([-1, 1.5, Number.NaN])('rejects minor units %j', (minorUnits) => {
    expect(() => formatMoney('1', 'RUB', 'ru-RU', minorUnits)).toThrow(InvalidMoneyError);
  });

  it('recognises plain decimal strings', () => {
    expect(isDecimalString('-0.50')).toBe(true);
    expect(isDecimalString('1e3')).toBe(false);
  });
});

describe('compactMoney', () => {
  it('shortens an axis tick, Russian first', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');
    expect(plain(compactMoney(1234567, 'RUB', 'ru-RU'))).toBe('1,2 млн ₽');
    expect(plain(compactMoney(1234567, 'RUB', 'en-US'))).toBe('RUB 1.2M');
  });
});
