import { describe, expect, it } from 'vitest';
import { isValidInn } from './inn';

describe('isValidInn', () => {
  it('accepts organisations’ 10-digit numbers with the right check digit', () => {
    expect(isValidInn('7707083893')).toBe(true); // ПАО Сбербанк
    expect(isValidInn('7736207543')).toBe(true); // ООО «Яндекс»
  });

  it('accepts entrepreneurs’ 12-digit numbers with both check digits right', () => {
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732269')).toBe(false);
  });

  it('refuses other lengths and non-digits', () => {
    expect(isValidInn('')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('77070838 3')).toBe(false);
    expect(isValidInn('７７０７０８３８９３')).toBe(false);
  });
});
