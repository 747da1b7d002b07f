import type { KpiUnit } from '@/gql/graphql';
import { formatMoney } from '@/shared/money';
import { formatCount, formatNps, formatPercent } from '@/shared/numbers';

/**
 * A KPI value in its unit for people: money `1 234 567,89 ₽`, percent `23,5 %`, count `1 234`,
 * NPS `+42,5`. Null for an undefined value (the UI shows «—» and the reason).
 */
export function formatKpiValue(
  unit: KpiUnit,
  value: string | null | undefined,
  currency: string,
  locale: string,
): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  switch (unit) {
    case 'MONEY':
      return formatMoney(value, currency, locale, 2);
    case 'PERCENT':
      return formatPercent(value, locale);
    case 'COUNT':
      return formatCount(value, locale);
    case 'NPS_SCORE':
      return formatNps(value, locale);
  }
}

/** Attainment (already × 100) as a percentage, or null. */
export function formatAttainment(value: string | null | undefined, locale: string): string | null {
  return value === null || value === undefined ? null : formatPercent(value, locale);
}

/** A number for a chart: charts draw floats; exact values are shown in text and tooltips. */
export function chartNumber(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
