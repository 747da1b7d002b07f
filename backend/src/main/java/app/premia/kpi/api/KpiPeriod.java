package app.premia.kpi.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar month, quarter or year of the tenant (its time zone is the tenant's, implied).
 *
 * @param kind month, quarter or year
 * @param firstDay the first local day (the 1st of a month starting the kind)
 */
public record KpiPeriod(KpiPeriodKind kind, LocalDate firstDay) implements Comparable<KpiPeriod> {

  public KpiPeriod {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstDay, "firstDay");
    if (firstDay.getDayOfMonth() != 1 || (firstDay.getMonthValue() - 1) % kind.months() != 0) {
      throw new IllegalArgumentException(firstDay + " does not start a " + kind);
    }
  }

  public static KpiPeriod month(int year, int month) {
    return new KpiPeriod(KpiPeriodKind.MONTH, LocalDate.of(year, month, 1));
  }

  /** The period of this kind that contains the day. */
  public static KpiPeriod containing(LocalDate day, KpiPeriodKind kind) {
    int first = ((day.getMonthValue() - 1) / kind.months()) * kind.months() + 1;
    return new KpiPeriod(kind, LocalDate.of(day.getYear(), first, 1));
  }

  /** The first day after the period. */
  public LocalDate endDay() {
    return firstDay.plusMonths(kind.months());
  }

  public LocalDate lastDay() {
    return endDay().minusDays(1);
  }

  public KpiPeriod previous() {
    return new KpiPeriod(kind, firstDay.minusMonths(kind.months()));
  }

  public KpiPeriod next() {
    return new KpiPeriod(kind, endDay());
  }

  /** {@code 2026-01}, {@code 2026-Q1}, {@code 2026}. */
  public String label() {
    return switch (kind) {
      case MONTH -> firstDay.toString().substring(0, 7);
      case QUARTER -> firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(firstDay.getYear());
    };
  }

  @Override
  public int compareTo(KpiPeriod other) {
    int byDay = firstDay.compareTo(other.firstDay);
    return byDay != 0 ? byDay : Integer.compare(kind.months(), other.kind.months());
  }
}
