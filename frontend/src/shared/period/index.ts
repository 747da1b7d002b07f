export {
  closedMonths,
  currentPeriod,
  isPeriodStart,
  parsePeriod,
  periodContaining,
  periodLabel,
  PERIOD_KINDS,
  samePeriod,
  shiftPeriod,
  todayIn,
  type PeriodRef,
} from './period';
