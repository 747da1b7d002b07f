import { describe, expect, it } from 'vitest';
import { deltaText, moneyText } from './money-text';

/** Intl's spaces (U+00A0, U+202F) as plain ones, to compare. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

describe('money of lines and totals', () => {
  it('shows roubles with kopecks, Russian first', () => {
    expect(plain(moneyText('1234567.89', 'RUB', 'ru-RU'))).toBe('1 234 567,89 ₽');
    expect(plain(moneyText('50000', 'RUB', 'ru-RU'))).toBe('50 000,00 ₽');
    expect(plain(moneyText('1234567.89', 'RUB', 'en-US'))).toBe('RUB 1,234,567.89');
  });

  it('gives a difference its sign and direction', () => {
    expect(deltaText('1500', 'RUB', 'ru-RU')).toEqual({
      text: expect.stringMatching(/^\+1\s500,00\s₽$/u),
      sign: 'up',
    });
    expect(plain(deltaText('-200.5', 'RUB', 'ru-RU').text)).toBe('-200,50 ₽');
    expect(deltaText('-200.5', 'RUB', 'ru-RU').sign).toBe('down');
    expect(deltaText('0.00', 'RUB', 'ru-RU')).toEqual({
      text: expect.stringMatching(/^0,00\s₽$/u),
      sign: 'same',
    });
    expect(deltaText('-0', 'RUB', 'ru-RU').sign).toBe('same');
  });
});
