package app.premia.kpi.interfaces.graphql;

import app.premia.kpi.application.KpiDirectory;
import app.premia.kpi.application.KpiFacts;
import app.premia.kpi.application.KpiReader;
import app.premia.kpi.application.KpiSettings;
import app.premia.kpi.application.Plans;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.tenancy.api.TenantAccess.KpiCaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One GraphQL request's KPI state: the caller (asked of tenancy once), the tenant's connection, the
 * tenant's calendar, and memos of what several fields share. Lives in the request's {@code
 * GraphQLContext}; data loaders receive it as their key context.
 */
final class KpiRequest {

  final KpiCaller caller;
  final Connection connection;
  final Clock clock;
  final KpiDirectory directory;
  private KpiDirectory.TenantInfo tenant;
  private KpiFilter filter;
  private final Map<Period, Map<String, Plan>> plans = new HashMap<>();

  KpiRequest(KpiCaller caller, Connection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
    this.directory = new KpiDirectory(connection);
    this.caller = linked(caller, directory);
  }

  /**
   * The caller, linked by e-mail to the one active portal user with his sign-in e-mail when his
   * membership has no explicit link (one statement per request, only for unlinked callers).
   */
  private static KpiCaller linked(KpiCaller caller, KpiDirectory directory) {
    if (caller.employeeId() != null || caller.email() == null) {
      return caller;
    }
    try {
      Long employee = directory.activeEmployeeByEmail(caller.email());
      return employee == null ? caller : caller.linkedTo(employee);
    } catch (SQLException e) {
      throw new IllegalStateException("linking the caller to a portal user failed", e);
    }
  }

  UUID tenantId() {
    return caller.tenant().tenantId();
  }

  KpiDirectory.TenantInfo tenant() throws SQLException {
    if (tenant == null) {
      tenant = directory.tenant();
    }
    return tenant;
  }

  /** The tenant's KPI filter (its stored settings; every deal when none are stored). */
  KpiFilter filter() throws SQLException {
    if (filter == null) {
      filter = settings().read();
    }
    return filter;
  }

  /** The tenant's KPI settings; a change through them also resets the memoised filter. */
  KpiSettings settings() {
    return new KpiSettings(
        connection, Plans.jdbcAudit(connection, caller.tenant().userId(), clock), clock);
  }

  void forgetFilter() {
    filter = null;
  }

  KpiReader reader() throws SQLException {
    return new KpiReader(connection, filter());
  }

  KpiFacts facts() throws SQLException {
    return new KpiFacts(connection, filter());
  }

  Plans plans() {
    return new Plans(
        connection, Plans.jdbcAudit(connection, caller.tenant().userId(), clock), clock);
  }

  /** The plans of a period keyed by {@link #planKey}, read once per request (until a change). */
  Map<String, Plan> plans(Period period) throws SQLException {
    Map<String, Plan> known = plans.get(period);
    if (known == null) {
      known = new LinkedHashMap<>();
      for (Plan plan : plans().list(period)) {
        known.put(planKey(plan.subjectKind().name(), plan.subjectId(), plan.kpi().code()), plan);
      }
      plans.put(period, known);
    }
    return known;
  }

  void forgetPlans() {
    plans.clear();
  }

  static String planKey(String kind, long subject, String kpi) {
    return kind + "|" + subject + "|" + kpi;
  }

  boolean closed(Period period) {
    return !period.end().isAfter(clock.instant());
  }

  /** A PeriodInput as a period in the tenant's zone; BAD_USER_INPUT when it starts no period. */
  Period period(Map<String, Object> input) throws SQLException {
    return period(String.valueOf(input.get("kind")), (LocalDate) input.get("start"));
  }

  Period period(String kind, LocalDate start) throws SQLException {
    PeriodType type = PeriodType.valueOf(kind);
    if (start == null
        || start.getDayOfMonth() != 1
        || (start.getMonthValue() - 1) % type.months() != 0) {
      throw new PremiaException(ErrorCode.BAD_USER_INPUT, periodMessage(type));
    }
    return new Period(type, start, tenant().zone());
  }

  static String periodMessage(PeriodType type) {
    return "Период должен начинаться с первого дня "
        + switch (type) {
          case MONTH -> "месяца";
          case QUARTER -> "квартала";
          case YEAR -> "года";
        }
        + ".";
  }

  /** Periods of the period's kind, count of them, ending with it. */
  static List<Period> ending(Period last, int count) {
    Period[] periods = new Period[count];
    Period p = last;
    for (int i = count - 1; i >= 0; i--) {
      periods[i] = p;
      p = p.previous();
    }
    return List.of(periods);
  }
}
