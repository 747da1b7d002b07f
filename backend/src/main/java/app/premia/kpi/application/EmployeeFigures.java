package app.premia.kpi.application;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact figures one employee's KPI values of one period are derived from: counts and exact
 * sums, all additive (a deal's, lead's or activity's contribution can be added and taken away).
 * {@link KpiSql} fills them from the facts, {@link MeasurementStore} keeps them per employee and
 * period ({@code kpi_employee_period}); {@link #measurements} applies the catalogue's definitions
 * (docs/domain/kpis.md): rounding, undefined values, what counts as a fact and as an error.
 */
final class EmployeeFigures {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final int RATIO_SCALE = 4;
  static final int MONEY_SCALE = 2;

  long deals;
  long priced;
  BigDecimal volume = BigDecimal.ZERO;
  long answers;
  long promoters;
  long detractors;
  long newClients;
  long repeatPriced;
  long repeatUnpriced;
  BigDecimal repeatVolume = BigDecimal.ZERO;
  long converted;
  long closedLeads;
  long baseClients;
  long retained;
  long ltvClients;
  long ltvUnpriced;
  BigDecimal ltvTotal = BigDecimal.ZERO;
  long calls;
  long meetings;
  long emails;

  /** The stored columns ({@code kpi_employee_period}), in the order of {@link #values()}. */
  static final String[] COLUMNS = {
    "deals",
    "priced",
    "volume",
    "answers",
    "promoters",
    "detractors",
    "new_clients",
    "repeat_priced",
    "repeat_unpriced",
    "repeat_volume",
    "converted",
    "closed_leads",
    "base_clients",
    "retained",
    "ltv_clients",
    "ltv_unpriced",
    "ltv_total",
    "calls",
    "meetings",
    "emails"
  };

  /** Whether the column of {@link #COLUMNS} at the index holds money ({@code numeric}). */
  static boolean isMoney(int column) {
    return column == 2 || column == 9 || column == 16;
  }

  /** The figures in the order of {@link #COLUMNS}: Long, or BigDecimal for money. */
  Object[] values() {
    return new Object[] {
      deals,
      priced,
      volume,
      answers,
      promoters,
      detractors,
      newClients,
      repeatPriced,
      repeatUnpriced,
      repeatVolume,
      converted,
      closedLeads,
      baseClients,
      retained,
      ltvClients,
      ltvUnpriced,
      ltvTotal,
      calls,
      meetings,
      emails
    };
  }

  /** Reads the figures from consecutive columns in the order of {@link #COLUMNS}. */
  static EmployeeFigures read(java.sql.ResultSet r, int first) throws java.sql.SQLException {
    EmployeeFigures f = new EmployeeFigures();
    int i = first;
    f.deals = r.getLong(i++);
    f.priced = r.getLong(i++);
    f.volume = r.getBigDecimal(i++);
    f.answers = r.getLong(i++);
    f.promoters = r.getLong(i++);
    f.detractors = r.getLong(i++);
    f.newClients = r.getLong(i++);
    f.repeatPriced = r.getLong(i++);
    f.repeatUnpriced = r.getLong(i++);
    f.repeatVolume = r.getBigDecimal(i++);
    f.converted = r.getLong(i++);
    f.closedLeads = r.getLong(i++);
    f.baseClients = r.getLong(i++);
    f.retained = r.getLong(i++);
    f.ltvClients = r.getLong(i++);
    f.ltvUnpriced = r.getLong(i++);
    f.ltvTotal = r.getBigDecimal(i++);
    f.calls = r.getLong(i++);
    f.meetings = r.getLong(i++);
    f.emails = r.getLong(i);
    return f;
  }

  /**
   * Whether the employee is listed in the period without being on its roster: a deal won, a lead
   * closed or a call, meeting or e-mail completed in it (retention and LTV figures do not list).
   */
  boolean hasFacts() {
    return deals > 0 || closedLeads > 0 || calls + meetings + emails > 0;
  }

  /** The employee's value of every measured KPI in the period, in catalogue order. */
  List<Measurement> measurements(long employee, Period period) {
    long unpriced = deals - priced;
    BigDecimal money = volume.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    List<Measurement> m = new ArrayList<>();
    m.add(new Measurement(employee, period, Kpi.SALES_VOLUME, money, priced, unpriced));
    m.add(new Measurement(employee, period, Kpi.DEALS_WON, BigDecimal.valueOf(deals), deals, 0));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.AVERAGE_DEAL,
            priced == 0
                ? null
                : money.divide(BigDecimal.valueOf(priced), MONEY_SCALE, RoundingMode.HALF_UP),
            priced,
            unpriced));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.LEAD_CONVERSION,
            closedLeads == 0 ? null : percent(converted, closedLeads),
            closedLeads,
            0));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.REPEAT_SALES,
            repeatVolume.setScale(MONEY_SCALE, RoundingMode.HALF_UP),
            repeatPriced,
            repeatUnpriced));
    m.add(
        new Measurement(
            employee, period, Kpi.NEW_CLIENTS, BigDecimal.valueOf(newClients), newClients, 0));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.NPS,
            answers == 0 ? null : percent(promoters - detractors, answers),
            answers,
            0));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.RETENTION,
            baseClients == 0 ? null : percent(retained, baseClients),
            baseClients,
            0));
    m.add(
        new Measurement(
            employee,
            period,
            Kpi.LTV,
            ltvClients == 0
                ? null
                : ltvTotal.divide(
                    BigDecimal.valueOf(ltvClients), MONEY_SCALE, RoundingMode.HALF_UP),
            ltvClients,
            ltvUnpriced));
    m.add(count(employee, period, Kpi.ACTIVITY_CALLS, calls));
    m.add(count(employee, period, Kpi.ACTIVITY_MEETINGS, meetings));
    m.add(count(employee, period, Kpi.ACTIVITY_EMAILS, emails));
    m.add(count(employee, period, Kpi.ACTIVITY_TOTAL, calls + meetings + emails));
    return m;
  }

  private static Measurement count(long employee, Period period, Kpi kpi, long n) {
    return new Measurement(employee, period, kpi, BigDecimal.valueOf(n), n, 0);
  }

  /**
   * part ÷ whole × 100, rounded half-up to 4 decimals (exact: computed from integers; half away
   * from zero for a negative part).
   */
  static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), RATIO_SCALE, RoundingMode.HALF_UP);
  }
}
