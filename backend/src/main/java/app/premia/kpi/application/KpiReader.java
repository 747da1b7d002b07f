package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.FunnelMeasurement;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the API reads KPI values from: the ONE seam between the GraphQL layer and measurement.
 *
 * <p>Today every call measures LIVE with {@link KpiSql} (all employees or departments of the
 * periods in a fixed number of statements, then the ones asked for are kept). When the stored
 * measurements land ({@code MeasurementStore.employees(Period, Collection<Long>)} / {@code
 * departments(Period, Collection<Long>)}, returning the same domain records), only the bodies of
 * {@link #employees} and {@link #departments} change: callers already ask per period and per id
 * set, and never see where the numbers come from.
 */
public final class KpiReader {

  private final Connection connection;
  private final KpiFilter filter;

  /**
   * @param connection a connection in the tenant's context
   * @param filter the tenant's KPI filter (which deals count)
   */
  public KpiReader(Connection connection, KpiFilter filter) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /**
   * The employee KPIs of these employees in these periods (one measurement per employee, period and
   * KPI; an employee neither employed in a period nor with facts in it has none there).
   */
  public List<Measurement> employees(List<Period> periods, Collection<Long> employeeIds)
      throws SQLException {
    if (periods.isEmpty() || employeeIds.isEmpty()) {
      return List.of();
    }
    Set<Long> wanted = new HashSet<>(employeeIds);
    return new KpiSql(connection)
        .measure(periods, filter).stream().filter(m -> wanted.contains(m.employeeId())).toList();
  }

  /** The department KPIs that {@link KpiSql} measures, of these departments in these periods. */
  public List<DepartmentMeasurement> departments(List<Period> periods, Collection<Long> ids)
      throws SQLException {
    if (periods.isEmpty() || ids.isEmpty()) {
      return List.of();
    }
    Set<Long> wanted = new HashSet<>(ids);
    return new KpiSql(connection)
        .measureDepartments(periods, filter).stream()
            .filter(m -> wanted.contains(m.departmentId()))
            .toList();
  }

  /** The funnel of these departments in the period (live in both cases: not stored). */
  public List<FunnelMeasurement> funnel(Period period, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Set<Long> wanted = new HashSet<>(ids);
    return new KpiSql(connection)
        .measureFunnel(List.of(period), filter).stream()
            .filter(m -> wanted.contains(m.departmentId()))
            .toList();
  }

  public KpiFilter filter() {
    return filter;
  }
}
