/**
 * Formats the calendar day of an ISO-8601 instant (GraphQL `DateTime`) for `locale`, in the
 * browser's time zone or in `timeZone`: "27 нояб. 2026 г." / "Nov 27, 2026". Returns the input
 * unchanged when it is not a valid instant.
 */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(instant);
}

/** "1 дек. 2026 г." / "Dec 1, 2026" for a calendar date without time (GraphQL `Date`). */
export function formatDay(date: string, locale: string): string {
  return formatDate(`${date}T00:00:00Z`, locale, 'UTC');
}
