import { isNegativeDecimal, isZeroDecimal } from '../numbers/format-number';
import { formatMoney } from './format-money';

/** Money of a line or a total: "1 234 567,89 ₽" (kopecks always shown, even for whole roubles). */
export function moneyText(amount: string, currency: string, locale: string): string {
  return formatMoney(amount, currency, locale, 2);
}

export type DeltaSign = 'up' | 'down' | 'same';

/** A difference with its sign: "+1 500,00 ₽", "−200,00 ₽", "0,00 ₽"; and which way it goes. */
export function deltaText(
  amount: string,
  currency: string,
  locale: string,
): { text: string; sign: DeltaSign } {
  if (isZeroDecimal(amount)) {
    return { text: moneyText('0', currency, locale), sign: 'same' };
  }
  const text = moneyText(amount, currency, locale);
  return isNegativeDecimal(amount) ? { text, sign: 'down' } : { text: `+${text}`, sign: 'up' };
}
