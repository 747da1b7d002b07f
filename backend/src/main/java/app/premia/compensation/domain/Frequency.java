package app.premia.compensation.domain;

import app.premia.kpi.api.KpiPeriodKind;

/**
 * How often a component is measured and paid: it pays in the run of the month closing its period.
 */
public enum Frequency {
  MONTHLY(KpiPeriodKind.MONTH),
  QUARTERLY(KpiPeriodKind.QUARTER),
  ANNUAL(KpiPeriodKind.YEAR);

  private final KpiPeriodKind periodKind;

  Frequency(KpiPeriodKind periodKind) {
    this.periodKind = periodKind;
  }

  public KpiPeriodKind periodKind() {
    return periodKind;
  }
}
