package app.premia.kpi.application;

import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls figures of local months up into the stored periods (months, quarters, years: every boundary
 * is the start of a local month). The full re-measurement feeds it the snapshot, leads and
 * activities aggregated by month; the incremental path feeds it single changed snapshot rows with
 * sign −1 (the old row) and +1 (the new one), so both apply the same conditions. For a period of
 * months [s, e), with w a deal's local won month and n its client's next purchase's local month
 * (none: ∞):
 *
 * <ul>
 *   <li>the deal counts for its employee's deals (won, priced, volume, NPS, new client when the
 *       client's first purchase, repeat when a later one) when s ≤ w &lt; e;
 *   <li>for its employee's retention base when it has a client and s − 12 ≤ w &lt; s ≤ n: it is the
 *       client's latest purchase before the start and within the 12-month lookback; retained when
 *       also n &lt; e (the client bought again in the period);
 *   <li>for the LTV of its client's first purchase's employee when w &lt; e (a client when it is
 *       that first purchase; its money in the total, or an unpriced deal).
 * </ul>
 */
final class FigureRollup {

  private final List<Period> periods;
  private final int[] starts;
  private final int[] ends;
  final Map<StoreSql.PeriodKey, EmployeeFigures> figures = new HashMap<>();

  FigureRollup(List<Period> periods) {
    this.periods = periods;
    this.starts = new int[periods.size()];
    this.ends = new int[periods.size()];
    for (int i = 0; i < periods.size(); i++) {
      starts[i] = StoreSql.startMonth(periods.get(i));
      ends[i] = StoreSql.endMonth(periods.get(i));
    }
  }

  private EmployeeFigures at(int period, long employee) {
    return figures.computeIfAbsent(
        new StoreSql.PeriodKey(periods.get(period), employee), k -> new EmployeeFigures());
  }

  /**
   * Won deals of an employee in a month: {@code g}'s deal figures (deals, priced, volume, answers,
   * promoters, detractors, new clients, repeat priced, unpriced and volume), times the sign.
   */
  void deals(long employee, int month, EmployeeFigures g, int sign) {
    if (employee <= 0) {
      return;
    }
    for (int i = 0; i < starts.length; i++) {
      if (month >= starts[i] && month < ends[i]) {
        EmployeeFigures f = at(i, employee);
        f.deals += sign * g.deals;
        f.priced += sign * g.priced;
        f.volume = f.volume.add(signed(g.volume, sign));
        f.answers += sign * g.answers;
        f.promoters += sign * g.promoters;
        f.detractors += sign * g.detractors;
        f.newClients += sign * g.newClients;
        f.repeatPriced += sign * g.repeatPriced;
        f.repeatUnpriced += sign * g.repeatUnpriced;
        f.repeatVolume = f.repeatVolume.add(signed(g.repeatVolume, sign));
      }
    }
  }

  /**
   * {@code clients} purchases of an employee won in a month whose client's next purchase is in
   * month {@code next} (null: none).
   */
  void retention(long employee, int month, Integer next, long clients, int sign) {
    if (employee <= 0 || clients == 0) {
      return;
    }
    for (int i = 0; i < starts.length; i++) {
      int s = starts[i];
      if (month < s && month >= s - 12 && (next == null || next >= s)) {
        EmployeeFigures f = at(i, employee);
        f.baseClients += sign * clients;
        if (next != null && next < ends[i]) {
          f.retained += sign * clients;
        }
      }
    }
  }

  /**
   * Deals won in a month whose client's first purchase is the employee's: {@code firsts} of them
   * are those first purchases, {@code unpriced} have no rate, {@code total} is the others' money.
   */
  void ltv(long employee, int month, long firsts, long unpriced, BigDecimal total, int sign) {
    if (employee <= 0) {
      return;
    }
    for (int i = 0; i < starts.length; i++) {
      if (month < ends[i]) {
        EmployeeFigures f = at(i, employee);
        f.ltvClients += sign * firsts;
        f.ltvUnpriced += sign * unpriced;
        f.ltvTotal = f.ltvTotal.add(signed(total, sign));
      }
    }
  }

  /** Leads of an employee closed in a month: converted, all closed. */
  void leads(long employee, int month, long converted, long closed) {
    for (int i = 0; i < starts.length; i++) {
      if (month >= starts[i] && month < ends[i]) {
        EmployeeFigures f = at(i, employee);
        f.converted += converted;
        f.closedLeads += closed;
      }
    }
  }

  /** Completed activities of an employee ending in a month. */
  void activities(long employee, int month, long calls, long meetings, long emails) {
    for (int i = 0; i < starts.length; i++) {
      if (month >= starts[i] && month < ends[i]) {
        EmployeeFigures f = at(i, employee);
        f.calls += calls;
        f.meetings += meetings;
        f.emails += emails;
      }
    }
  }

  /** One snapshot row's contribution, times the sign (−1: take an old row's away). */
  void row(StoreSql.SnapshotRow r, int sign) {
    long emp = r.employeeId() == null ? 0 : r.employeeId();
    int nth = r.nth() == null ? 0 : r.nth();
    EmployeeFigures g = new EmployeeFigures();
    g.deals = 1;
    if (r.money() != null) {
      g.priced = 1;
      g.volume = r.money();
    }
    if (r.nps() != null) {
      g.answers = 1;
      g.promoters = r.nps() >= 9 ? 1 : 0;
      g.detractors = r.nps() <= 6 ? 1 : 0;
    }
    if (nth == 1) {
      g.newClients = 1;
    } else if (nth > 1) {
      if (r.money() != null) {
        g.repeatPriced = 1;
        g.repeatVolume = r.money();
      } else {
        g.repeatUnpriced = 1;
      }
    }
    deals(emp, r.wonMonth(), g, sign);
    if (r.client() != null) {
      retention(emp, r.wonMonth(), r.nextMonth(), 1, sign);
    }
    if (r.firstEmployeeId() != null) {
      ltv(
          r.firstEmployeeId(),
          r.wonMonth(),
          nth == 1 ? 1 : 0,
          r.money() == null ? 1 : 0,
          r.money() == null ? BigDecimal.ZERO : r.money(),
          sign);
    }
  }

  private static BigDecimal signed(BigDecimal value, int sign) {
    return sign == 1 ? value : value.multiply(BigDecimal.valueOf(sign));
  }
}
