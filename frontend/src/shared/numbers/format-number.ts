/**
 * Exact decimals (GraphQL `Decimal`, a string) formatted for people, straight from the string:
 * Intl.NumberFormat formats a numeric string exactly, so nothing passes through a binary float.
 * Percentages arrive already multiplied by 100 (`"23.5"` is 23,5 %).
 */
import { isDecimalString } from '../money/format-money';

export { isDecimalString };

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { roundingMode: 'halfExpand', ...options });
    cache.set(key, format);
  }
  return format;
}

function checked(value: string): Intl.StringNumericLiteral {
  if (!isDecimalString(value)) {
    throw new RangeError(`Not a decimal: "${value}"`);
  }
  return value as Intl.StringNumericLiteral;
}

/** A percentage that is already × 100: "23.45" → "23,5 %" (ru-RU), "23.5%" (en-US). */
export function formatPercent(value: string, locale: string, fractionDigits = 1): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'percent',
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: 0,
    signDisplay: 'negative',
  }).format(checked(value));
}

/** A whole number of things, grouped: "1234" → "1 234". */
export function formatCount(value: string, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' }).format(
    checked(value),
  );
}

/** A plain decimal with up to `fractionDigits` digits: "1234.5" → "1 234,5". */
export function formatDecimal(value: string, locale: string, fractionDigits = 4): string {
  return numberFormat(locale, {
    maximumFractionDigits: fractionDigits,
    signDisplay: 'negative',
  }).format(checked(value));
}

/** A Net Promoter Score (−100…100) with its sign: "42.5" → "+42,5", "-12" → "−12". */
export function formatNps(value: string, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    checked(value),
  );
}

/**
 * What a user typed as a number, made a plain decimal string: spaces (also Intl's U+00A0 and
 * U+202F) dropped, a Russian comma read as the decimal point, leading zeros and trailing
 * fraction zeros dropped. "1 234,50" → "1234.5"; blank → ""; anything else → null.
 */
export function parseDecimalInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '').replace(',', '.');
  if (compact === '') {
    return '';
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact) ?? /^()\.(\d+)$/.exec(compact);
  if (!match) {
    return null;
  }
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * What a user typed as a number that may be negative ("-10", "− 2,5", "1 000 000,50"), made a plain
 * decimal string: as {@link parseDecimalInput}, with a leading minus (or U+2212) allowed; "-0" is
 * "0". Blank → ""; anything else → null.
 */
export function parseSignedDecimalInput(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim().replace(/^[\u2212-]\s*/u, (m) => (m ? '-' : ''));
  const negative = trimmed.startsWith('-');
  const parsed = parseDecimalInput(negative ? trimmed.slice(1) : trimmed);
  if (parsed === null || (negative && parsed === '')) {
    return null;
  }
  return negative && !isZeroDecimal(parsed) ? `-${parsed}` : parsed;
}

/** Whether a plain decimal is zero ("0", "-0.00"). */
export function isZeroDecimal(decimal: string): boolean {
  return /^-?0*(\.0*)?$/.test(decimal);
}

/** Whether a plain decimal is below zero. */
export function isNegativeDecimal(decimal: string): boolean {
  return decimal.startsWith('-') && !isZeroDecimal(decimal);
}

/**
 * a − b of two plain decimal strings, exactly (BigInt over the longer fraction): "1500.5" −
 * "2000.25" → "-499.75". The result keeps the longer fraction's digits ("10.00" − "2" → "8.00").
 */
export function subtractDecimals(a: string, b: string): string {
  checked(a);
  checked(b);
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const difference = scaledUnits(a, scale) - scaledUnits(b, scale);
  const negative = difference < 0n;
  const digits = (negative ? -difference : difference).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function fractionDigits(decimal: string): number {
  return decimal.split('.')[1]?.length ?? 0;
}

function scaledUnits(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^-/, '').split('.');
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -units : units;
}

/** Compares two plain decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const sign = (s: string) => (s.startsWith('-') ? -1 : 1);
  if (sign(a) !== sign(b)) {
    return isZeroDecimal(a) && isZeroDecimal(b) ? 0 : sign(a);
  }
  const [ai = '0', af = ''] = a.replace(/^-/, '').split('.');
  const [bi = '0', bf = ''] = b.replace(/^-/, '').split('.');
  const aw = ai.replace(/^0+(?=\d)/, '');
  const bw = bi.replace(/^0+(?=\d)/, '');
  const width = Math.max(af.length, bf.length);
  const ax = aw.padStart(Math.max(aw.length, bw.length), '0') + af.padEnd(width, '0');
  const bx = bw.padStart(Math.max(aw.length, bw.length), '0') + bf.padEnd(width, '0');
  const magnitude = ax < bx ? -1 : ax > bx ? 1 : 0;
  return magnitude * sign(a);
}
