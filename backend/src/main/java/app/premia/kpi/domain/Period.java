package app.premia.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month, quarter or year in a tenant's time zone: the half-open range of instants
 * [{@link #start()}, {@link #end()}) from 00:00 local time on its first day to 00:00 local time on
 * the first day of the next period. A moment belongs to exactly one period of each type.
 *
 * <p>Local midnight is resolved by {@link LocalDate#atStartOfDay(ZoneId)}: where a zone skips
 * midnight (a DST jump at 00:00), the period starts at the first valid local time of that day.
 *
 * @param type month, quarter or year
 * @param firstDay the first local day of the period (the 1st of a month; of January, April, July or
 *     October for a quarter; of January for a year)
 * @param zone the tenant's time zone
 */
public record Period(PeriodType type, LocalDate firstDay, ZoneId zone) {

  public Period {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(zone, "zone");
    if (firstDay.getDayOfMonth() != 1 || (firstDay.getMonthValue() - 1) % type.months() != 0) {
      throw new IllegalArgumentException(firstDay + " does not start a " + type);
    }
  }

  public static Period month(YearMonth month, ZoneId zone) {
    return new Period(PeriodType.MONTH, month.atDay(1), zone);
  }

  public static Period month(int year, int month, ZoneId zone) {
    return month(YearMonth.of(year, month), zone);
  }

  /**
   * @param quarter 1 to 4
   */
  public static Period quarter(int year, int quarter, ZoneId zone) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
    }
    return new Period(PeriodType.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1), zone);
  }

  public static Period year(int year, ZoneId zone) {
    return new Period(PeriodType.YEAR, LocalDate.of(year, 1, 1), zone);
  }

  /** The period of the given type that contains the instant (in the zone). */
  public static Period containing(Instant moment, PeriodType type, ZoneId zone) {
    LocalDate day = moment.atZone(zone).toLocalDate();
    int firstMonth = ((day.getMonthValue() - 1) / type.months()) * type.months() + 1;
    return new Period(type, LocalDate.of(day.getYear(), firstMonth, 1), zone);
  }

  /** The first local day after the period (the first day of the next period). */
  public LocalDate endDay() {
    return firstDay.plusMonths(type.months());
  }

  /** The last local day of the period. */
  public LocalDate lastDay() {
    return endDay().minusDays(1);
  }

  /** The first instant of the period: 00:00 on its first day in the zone (inclusive). */
  public Instant start() {
    return firstDay.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period: 00:00 on the next period's first day (exclusive). */
  public Instant end() {
    return endDay().atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant moment) {
    return !moment.isBefore(start()) && moment.isBefore(end());
  }

  public Period next() {
    return new Period(type, endDay(), zone);
  }

  public Period previous() {
    return new Period(type, firstDay.minusMonths(type.months()), zone);
  }

  /** A stable label: {@code 2026-01}, {@code 2026-Q1}, {@code 2026}. */
  public String label() {
    return switch (type) {
      case MONTH -> YearMonth.from(firstDay).toString();
      case QUARTER -> firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(firstDay.getYear());
    };
  }

  @Override
  public String toString() {
    return label() + " " + zone;
  }
}
