package app.premia.compensation.application;

import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One month of a what-if replay: the version replayed over the scheme's participants of that month
 * (its assignments, or everyone employed when nobody was ever assigned), beside the version
 * actually in force. Reads the month's facts through the feed (a few statements) and evaluates in
 * memory, so a replay of N months is N such units, each committable on its own.
 */
public final class WhatIfReplay {

  private final KpiFeed feed;
  private final Engine engine;

  public WhatIfReplay(KpiFeed feed) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.engine = new Engine(feed.catalogue());
  }

  /** The last {@code count} closed months in the zone, oldest first. */
  public static List<KpiPeriod> lastClosedMonths(ZoneId zone, Clock clock, int count) {
    YearMonth current = YearMonth.now(clock.withZone(zone));
    List<KpiPeriod> months = new ArrayList<>();
    for (int i = count; i >= 1; i--) {
      YearMonth m = current.minusMonths(i);
      months.add(KpiPeriod.month(m.getYear(), m.getMonthValue()));
    }
    return months;
  }

  /**
   * Computes one month.
   *
   * @param connection in the tenant's context
   */
  public WhatIfResult.MonthResult month(
      Connection connection, SchemeCatalog catalog, VersionView replayed, KpiPeriod month)
      throws SQLException {
    if (month.kind() != KpiPeriodKind.MONTH) {
      throw new IllegalArgumentException("not a month: " + month);
    }
    PayrollFacts facts =
        new PayrollFacts(
            feed.read(
                connection,
                Payroll.periodsFor(
                    catalog, replayed.schemeId(), month, List.of(replayed.definition()))));
    Payroll payroll = new Payroll(catalog, engine, facts);
    Payroll.MonthRun run = payroll.run(replayed.schemeId(), month, List.of(replayed.definition()));
    Map<Long, EmployeeResult> replay = byEmployee(payroll.under(replayed.definition(), run));
    Map<Long, EmployeeResult> current = byEmployee(payroll.current(run));

    BigDecimal variable = WhatIfResult.zero();
    BigDecimal base = WhatIfResult.zero();
    BigDecimal currentVariable = WhatIfResult.zero();
    BigDecimal currentBase = WhatIfResult.zero();
    List<WhatIfResult.EmployeeMonth> employees = new ArrayList<>();
    for (Map.Entry<Long, EmployeeResult> e : new TreeMap<>(replay).entrySet()) {
      EmployeeResult now = current.get(e.getKey());
      BigDecimal nowVariable = now == null ? WhatIfResult.zero() : now.variablePay();
      variable = variable.add(e.getValue().variablePay());
      base = base.add(e.getValue().baseSalary());
      currentVariable = currentVariable.add(nowVariable);
      currentBase = currentBase.add(now == null ? WhatIfResult.zero() : now.baseSalary());
      KpiFeed.Staff staff = facts.employee(e.getKey()).orElseThrow();
      employees.add(
          new WhatIfResult.EmployeeMonth(
              staff.employeeId(),
              staff.name(),
              facts.department(staff.departmentId()).map(KpiFeed.Team::name).orElse(null),
              staff.active(),
              e.getValue().variablePay(),
              nowVariable,
              e.getValue().baseSalary()));
    }
    return new WhatIfResult.MonthResult(
        new WhatIfResult.Month(
            month, variable, currentVariable, base, currentBase, employees.size()),
        employees);
  }

  private static Map<Long, EmployeeResult> byEmployee(List<EmployeeResult> results) {
    return results.stream()
        .collect(Collectors.toMap(EmployeeResult::employeeId, Function.identity()));
  }
}
