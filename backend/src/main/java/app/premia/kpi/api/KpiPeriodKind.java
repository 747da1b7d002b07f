package app.premia.kpi.api;

/** Calendar period kinds in the tenant's time zone. */
public enum KpiPeriodKind {
  MONTH(1),
  QUARTER(3),
  YEAR(12);

  private final int months;

  KpiPeriodKind(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
