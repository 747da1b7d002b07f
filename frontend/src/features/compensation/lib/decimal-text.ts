import { parseDecimalInput } from '@/shared/numbers';

/**
 * Decimals in the editor are text as people type them ("1 000 000,50", "-10"); the API wants plain
 * decimal strings ("1000000.5"). Nothing passes through a JS number.
 */

/** Typed text → a plain decimal ("" when blank, null when it is no number). Allows a leading minus. */
export function parseDecimal(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim().replace(/^[\u2212-]\s*/u, (m) => (m ? '-' : ''));
  const negative = trimmed.startsWith('-');
  const parsed = parseDecimalInput(negative ? trimmed.slice(1) : trimmed);
  if (parsed === null || (negative && parsed === '')) {
    return null;
  }
  return negative && !/^0(\.0*)?$/.test(parsed) ? `-${parsed}` : parsed;
}

/** A plain decimal from the API as the editor shows it: the language's decimal sign, no grouping. */
export function decimalText(value: string | null | undefined, language: 'ru' | 'en'): string {
  if (value === null || value === undefined) {
    return '';
  }
  const plain = parseDecimal(value) ?? value;
  return language === 'ru' ? plain.replace('.', ',') : plain;
}

/** Whether a plain decimal is below zero. */
export function isNegative(decimal: string): boolean {
  return decimal.startsWith('-') && !/^-0*(\.0*)?$/.test(decimal);
}

/** Whether a plain decimal is zero. */
export function isZero(decimal: string): boolean {
  return /^-?0*(\.0*)?$/.test(decimal);
}
