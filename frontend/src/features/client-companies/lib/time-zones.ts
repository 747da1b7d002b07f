/** The default time zone of a new client company (the backend's default too). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
/** The default currency of a new client company (the backend's default too). */
export const DEFAULT_CURRENCY = 'RUB';

/**
 * The UTC offset of `timeZone` at `at`, as "UTC+3" / "UTC+5:30" / "UTC", from the browser's time
 * zone data; undefined when the browser does not know the zone.
 */
export function utcOffset(timeZone: string, at: Date = new Date()): string | undefined {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace(/^GMT/, 'UTC').replace(/^UTC[+-]0$/, 'UTC');
  } catch {
    return undefined;
  }
}

/** "Москва (UTC+3)" for a zone with a name, else its IANA id: "America/Havana (UTC-5)". */
export function timeZoneLabel(
  timeZone: string,
  names: Readonly<Record<string, string>>,
  at?: Date,
): string {
  const offset = utcOffset(timeZone, at);
  const name = names[timeZone] ?? timeZone;
  return offset ? `${name} (${offset})` : name;
}
