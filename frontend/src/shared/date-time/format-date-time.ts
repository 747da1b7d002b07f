/**
 * Formats an ISO-8601 instant (GraphQL `DateTime`, e.g. "2026-11-27T09:30:00+03:00") for `locale`
 * in the browser's time zone, or in `timeZone` when given. Returns the input unchanged when it is
 * not a valid instant, so a surprising value stays visible instead of becoming "Invalid Date".
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  }).format(instant);
}
