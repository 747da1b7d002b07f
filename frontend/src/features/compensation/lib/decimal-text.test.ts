import { describe, expect, it } from 'vitest';
import { decimalText } from './decimal-text';

describe('decimals as typed', () => {
  it('shows an API decimal in the language', () => {
    expect(decimalText('1000000.5', 'ru')).toBe('1000000,5');
    expect(decimalText('1000000.50', 'en')).toBe('1000000.5');
    expect(decimalText(null, 'ru')).toBe('');
  });
});
