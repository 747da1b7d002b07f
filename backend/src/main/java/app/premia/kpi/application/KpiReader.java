package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.FunnelMeasurement;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the API reads KPI values from: the ONE seam between the GraphQL layer and measurement.
 *
 * <p>Employee and department values come from the {@link MeasurementStore} when it is current under
 * the request's filter (something stored, same filter, no full re-measurement owed), and are
 * measured LIVE with {@link KpiSql} otherwise — e.g. right after a KPI setting changed, until the
 * background re-measurement ({@code KpiRemeasurement}) has rebuilt the store under the new filter.
 * The funnel is always live (not stored). Callers never see where the numbers come from.
 */
public final class KpiReader {

  private final Connection connection;
  private final KpiFilter filter;
  private MeasurementStore store;
  private Boolean storeCurrent;

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
   * KPI; an employee neither employed in a period nor with facts in it has none there): the stored
   * values when the store is current under this filter, else measured live.
   */
  public List<Measurement> employees(List<Period> periods, Collection<Long> employeeIds)
      throws SQLException {
    if (periods.isEmpty() || employeeIds.isEmpty()) {
      return List.of();
    }
    if (storeCurrent()) {
      List<Measurement> result = new ArrayList<>();
      for (Period period : periods) {
        result.addAll(store().employees(period, employeeIds));
      }
      return result;
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
    if (storeCurrent()) {
      List<DepartmentMeasurement> result = new ArrayList<>();
      for (Period period : periods) {
        result.addAll(store().departments(period, ids));
      }
      return result;
    }
    Set<Long> wanted = new HashSet<>(ids);
    return new KpiSql(connection)
        .measureDepartments(periods, filter).stream()
            .filter(m -> wanted.contains(m.departmentId()))
            .toList();
  }

  private MeasurementStore store() {
    if (store == null) {
      store = new MeasurementStore(connection);
    }
    return store;
  }

  /**
   * Whether the stored values answer for this filter: something is stored, under the same filter,
   * and no full re-measurement is owed (a failed attempt, a changed setting). Asked once per
   * reader.
   */
  private boolean storeCurrent() throws SQLException {
    if (storeCurrent == null) {
      storeCurrent =
          store()
              .state()
              .map(s -> s.firstMonth() != null && !s.fullNeeded() && s.filter().equals(filter))
              .orElse(false);
    }
    return storeCurrent;
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
