import { parseSignedDecimalInput } from '@/shared/numbers';

/**
 * Decimals in the editor are text as people type them ("1 000 000,50", "-10"); the API wants plain
 * decimal strings ("1000000.5"), read by `parseSignedDecimalInput` (shared/numbers). Nothing passes
 * through a JS number.
 */

/** A plain decimal from the API as the editor shows it: the language's decimal sign, no grouping. */
export function decimalText(value: string | null | undefined, language: 'ru' | 'en'): string {
  if (value === null || value === undefined) {
    return '';
  }
  const plain = parseSignedDecimalInput(value) ?? value;
  return language === 'ru' ? plain.replace('.', ',') : plain;
}
