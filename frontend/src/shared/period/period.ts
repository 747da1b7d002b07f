import type { PeriodKind } from '@/gql/graphql';

/**
 * A calendar period as the API takes it (`PeriodInput`): its kind and its first local day, an ISO
 * date. All arithmetic is on year and month numbers: no Date, so no browser time zone can shift a
 * day. "Now" is read in the tenant's time zone, since periods are the tenant's calendar.
 */
export interface PeriodRef {
  kind: PeriodKind;
  /** The first day: the 1st of a month, of a quarter's first month, of January. */
  start: string;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ['MONTH', 'QUARTER', 'YEAR'];

const MONTHS_IN: Record<PeriodKind, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-01`;
}

/** Year and month (1–12) of an ISO date, or null when it is not one. */
function yearMonth(date: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  return { year, month };
}

/** The local calendar day of `now` in `timeZone` (an IANA zone), as an ISO date. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The period of `kind` that contains the ISO date `date`. */
export function periodContaining(kind: PeriodKind, date: string): PeriodRef {
  const ym = yearMonth(date);
  if (!ym) {
    throw new RangeError(`Not an ISO date: "${date}"`);
  }
  const size = MONTHS_IN[kind];
  const firstMonth = Math.floor((ym.month - 1) / size) * size + 1;
  return { kind, start: iso(ym.year, firstMonth) };
}

/** The period of `kind` that is running now in the tenant's time zone. */
export function currentPeriod(kind: PeriodKind, timeZone: string, now?: Date): PeriodRef {
  return periodContaining(kind, todayIn(timeZone, now));
}

/** The period `steps` periods later (negative: earlier) of the same kind. */
export function shiftPeriod(period: PeriodRef, steps: number): PeriodRef {
  const ym = yearMonth(period.start)!;
  const index = ym.year * 12 + (ym.month - 1) + steps * MONTHS_IN[period.kind];
  return { kind: period.kind, start: iso(Math.floor(index / 12), (index % 12) + 1) };
}

/** Whether `start` is a valid first day of a period of `kind`. */
export function isPeriodStart(kind: PeriodKind, start: string): boolean {
  const ym = yearMonth(start);
  return ym !== null && start.endsWith('-01') && periodContaining(kind, start).start === start;
}

/** A period from URL parameters, or null when they do not make one. */
export function parsePeriod(kind: string | null, start: string | null): PeriodRef | null {
  if (!kind || !start || !(PERIOD_KINDS as readonly string[]).includes(kind)) {
    return null;
  }
  return isPeriodStart(kind as PeriodKind, start) ? { kind: kind as PeriodKind, start } : null;
}

/**
 * The first days of the `count` closed months before the one running now in the tenant's time zone,
 * newest first: in December 2026, `closedMonths(tz, 2)` is ["2026-11-01", "2026-10-01"].
 */
export function closedMonths(timeZone: string, count: number, now?: Date): string[] {
  const current = currentPeriod('MONTH', timeZone, now);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -(i + 1)).start);
}

export function samePeriod(a: PeriodRef, b: PeriodRef): boolean {
  return a.kind === b.kind && a.start === b.start;
}

/**
 * A period for people: «ноябрь 2026», «IV квартал 2026», «2026 год» (ru); "November 2026",
 * "Q4 2026", "2026" (en). `short` for chart axes: «нояб. 26», «IV кв. 26», «2026».
 */
export function periodLabel(period: PeriodRef, language: 'ru' | 'en', short = false): string {
  const ym = yearMonth(period.start)!;
  const quarter = Math.floor((ym.month - 1) / 3) + 1;
  const yy = String(ym.year % 100).padStart(2, '0');
  const roman = ['I', 'II', 'III', 'IV'][quarter - 1];
  switch (period.kind) {
    case 'YEAR':
      return language === 'ru' && !short ? `${ym.year} год` : String(ym.year);
    case 'QUARTER':
      if (language === 'ru') {
        return short ? `${roman} кв. ${yy}` : `${roman} квартал ${ym.year}`;
      }
      return short ? `Q${quarter} ${yy}` : `Q${quarter} ${ym.year}`;
    case 'MONTH': {
      if (language === 'ru') {
        return short
          ? `${RU_SHORT_MONTHS[ym.month - 1]} ${yy}`
          : `${RU_MONTHS[ym.month - 1]} ${ym.year}`;
      }
      // Noon UTC of the 15th, formatted in UTC: the same month whatever the browser's zone.
      const day = new Date(Date.UTC(ym.year, ym.month - 1, 15, 12));
      return short
        ? `${new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(day)} ${yy}`
        : new Intl.DateTimeFormat('en-US', {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(day);
    }
  }
}

/** Russian month names in the standalone form («ноябрь», not the genitive of a full date). */
const RU_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

const RU_SHORT_MONTHS = [
  'янв',
  'фев',
  'мар',
  'апр',
  'май',
  'июн',
  'июл',
  'авг',
  'сен',
  'окт',
  'ноя',
  'дек',
];
