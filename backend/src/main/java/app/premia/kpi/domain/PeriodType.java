package app.premia.kpi.domain;

/** The calendar periods KPIs are measured and paid for. */
public enum PeriodType {
  MONTH(1),
  QUARTER(3),
  YEAR(12);

  private final int months;

  PeriodType(int months) {
    this.months = months;
  }

  /** Length of the period in calendar months. */
  public int months() {
    return months;
  }
}
