/**
 * Numbers of the progress view, formatted for the UI locale: row counts with thousands separators
 * (ru-RU: "1 234 567" with U+00A0), rates with one decimal, percentages, durations.
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** A row count: 1234567 → "1 234 567" (ru) / "1,234,567" (en). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Rows a second, one decimal at most: 12.345 → "12,3" (ru). */
export function formatRate(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A whole percentage 0–100: 42 → "42 %" (ru) / "42%" (en). */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

const UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in the locale's short units, its two largest parts: 3725 s → "1 ч 2 мин" (ru) /
 * "1 hr 2 min" (en); 42 → "42 с"; 0 → "0 с".
 */
export function formatDuration(totalSeconds: number, locale: string): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (unit === 'second' && parts.length === 0)) {
      const part = numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(
        amount,
      );
      parts.push(part.replace(/ /g, '\u00a0'));
    }
  }
  // No-break spaces: a duration never wraps.
  return parts.slice(0, 2).join('\u00a0');
}
