import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { currentPeriod, parsePeriod, type PeriodRef } from '@/shared/period';

/**
 * The period a KPI page shows, kept in the address (`?kind=MONTH&start=2026-11-01`) so that a
 * link, a reload or the way back keep it; the current month in the tenant's zone by default.
 */
export function usePeriodParam(timeZone: string): [PeriodRef, (next: PeriodRef) => void] {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const start = params.get('start');
  const period = useMemo(
    () => parsePeriod(kind, start) ?? currentPeriod('MONTH', timeZone),
    [kind, start, timeZone],
  );
  const setPeriod = useCallback(
    (next: PeriodRef) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('kind', next.kind);
        updated.set('start', next.start);
        return updated;
      }),
    [setParams],
  );
  return [period, setPeriod];
}

/** `?kind=…&start=…` of a period, to carry it to another KPI page. */
export function periodSearch(period: PeriodRef): string {
  return `?kind=${period.kind}&start=${period.start}`;
}
