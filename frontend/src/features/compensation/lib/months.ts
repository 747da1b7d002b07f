/**
 * Months as the API names them: the first day, "YYYY-MM-DD". "This month" is the tenant's (its time
 * zone), not the browser's.
 */

/** Today in `timeZone` as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The first day of the month of `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `steps` months from `month` (either a day or a month start). */
export function addMonths(month: string, steps: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + steps;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** "декабрь 2026 г." / "December 2026". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${monthStart(month)}T00:00:00Z`));
}

/** The day a version takes effect, in words: "1 декабря 2026 г." / "December 1, 2026". */
export function formatEffective(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${monthStart(month)}T00:00:00Z`));
}
