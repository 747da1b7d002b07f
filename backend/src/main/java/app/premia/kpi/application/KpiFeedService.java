package app.premia.kpi.application;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import app.premia.kpi.api.KpiUnitKind;
import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.KpiScope;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KPI context's side of {@link KpiFeed}: what compensation reads about a tenant, in a fixed
 * number of statements whatever the number of employees — the tenant and its KPI filter, the
 * roster, the departments with their heads and members, every plan of the periods (one statement
 * each), and the values: of the periods the KPI store holds, from the store when it is current
 * under the tenant's filter (through {@link KpiReader}); of the others (a month before the first
 * fact, or everything while a re-measurement is owed), measured live by {@link KpiSql} in one pass
 * — the numbers the dashboards show.
 *
 * <p>Department values are those {@link KpiSql} measures (average sales per manager, staff
 * turnover) plus, as the department overview computes them, {@link Kpi#TEAM_PLAN_FULFILMENT} (the
 * members' sales volume ÷ the department's sales volume plan) and the members' {@link
 * Kpi#SALES_VOLUME} and {@link Kpi#DEALS_WON} sums. {@link Kpi#FUNNEL_STAGE_CONVERSION} is not in
 * the {@linkplain #catalogue() catalogue}: it has one value per pipeline stage, not one per period,
 * so no rule can pay on it.
 */
@ApplicationScoped
public class KpiFeedService implements KpiFeed {

  private static final List<KpiDescriptor> CATALOGUE =
      Arrays.stream(Kpi.values())
          .filter(k -> k != Kpi.FUNNEL_STAGE_CONVERSION)
          .map(KpiFeedService::descriptor)
          .toList();

  private final Clock clock;

  public KpiFeedService() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock only for the KPI settings' audit hook, which reading never calls
   */
  public KpiFeedService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<KpiDescriptor> catalogue() {
    return CATALOGUE;
  }

  @Override
  public TenantCalendar calendar(Connection connection) throws SQLException {
    KpiDirectory.TenantInfo tenant = new KpiDirectory(connection).tenant();
    return new TenantCalendar(tenant.zone(), tenant.currency());
  }

  @Override
  public Facts read(Connection connection, Collection<KpiPeriod> wanted) throws SQLException {
    KpiDirectory directory = new KpiDirectory(connection);
    ZoneId zone = directory.tenant().zone();
    List<KpiPeriod> kpiPeriods = List.copyOf(new TreeSet<>(wanted));
    Map<Period, KpiPeriod> byPeriod = new HashMap<>();
    List<Period> periods = new ArrayList<>();
    for (KpiPeriod p : kpiPeriods) {
      Period period = period(p, zone);
      byPeriod.put(period, p);
      periods.add(period);
    }

    List<Staff> staff = roster(connection);
    List<KpiDirectory.Department> departments = directory.allDepartments();
    List<Team> teams =
        departments.stream()
            .map(
                d ->
                    new Team(
                        d.id(), d.name(), d.parentId(), d.head() == null ? null : d.head().id()))
            .toList();
    if (periods.isEmpty()) {
      return new Facts(List.of(), List.of(), List.of(), staff, teams);
    }

    KpiFilter filter = new KpiSettings(connection, (a, e, b, f) -> {}, clock).read();
    KpiReader reader = new KpiReader(connection, filter);
    // the periods the store holds are read from it (when it is current); the others are measured
    // live in ONE pass over the tenant, not period by period for the roster's ids (the restricted
    // measurement is made for a few employees, and a month before the first fact costs as much as
    // any other)
    List<Period> stored = new ArrayList<>();
    List<Period> live = new ArrayList<>();
    Optional<MeasurementStore.State> state = new MeasurementStore(connection).state();
    boolean current =
        state
            .map(s -> s.firstMonth() != null && !s.fullNeeded() && s.filter().equals(filter))
            .orElse(false);
    for (Period period : periods) {
      (current && state.get().stores(period) ? stored : live).add(period);
    }
    KpiSql sql = new KpiSql(connection);
    List<Long> employeeIds = staff.stream().map(Staff::employeeId).toList();
    Set<Long> onRoster = new HashSet<>(employeeIds);
    List<Measurement> measured = new ArrayList<>(reader.employees(stored, employeeIds));
    if (!live.isEmpty()) {
      for (Measurement m : sql.measure(live, filter)) {
        if (onRoster.contains(m.employeeId())) {
          measured.add(m);
        }
      }
    }
    List<EmployeeValue> employees = new ArrayList<>(measured.size());
    Map<Period, Map<Long, Measurement>> volumes = new HashMap<>();
    for (Measurement m : measured) {
      employees.add(
          new EmployeeValue(
              m.employeeId(),
              byPeriod.get(m.period()),
              m.kpi().code(),
              m.value(),
              m.facts(),
              m.errors()));
      if (m.kpi() == Kpi.SALES_VOLUME) {
        volumes.computeIfAbsent(m.period(), k -> new HashMap<>()).put(m.employeeId(), m);
      }
    }

    List<PlanTarget> plans = plans(connection, kpiPeriods);
    Map<String, BigDecimal> volumePlans = new HashMap<>();
    for (PlanTarget plan : plans) {
      if (plan.department() && plan.kpi().equals(Kpi.SALES_VOLUME.code())) {
        volumePlans.put(plan.subjectId() + "|" + plan.period().label(), plan.target());
      }
    }

    List<Long> departmentIds = departments.stream().map(KpiDirectory.Department::id).toList();
    List<DepartmentValue> departmentValues = new ArrayList<>();
    List<DepartmentMeasurement> departmentMeasured =
        new ArrayList<>(reader.departments(stored, departmentIds));
    if (!live.isEmpty()) {
      departmentMeasured.addAll(sql.measureDepartments(live, filter));
    }
    for (DepartmentMeasurement m : departmentMeasured) {
      departmentValues.add(
          new DepartmentValue(
              m.departmentId(), byPeriod.get(m.period()), m.kpi().code(), m.value(), m.facts()));
    }
    Map<Long, Set<Long>> members = directory.members(departmentIds);
    for (Period period : periods) {
      KpiPeriod p = byPeriod.get(period);
      for (Long department : departmentIds) {
        TeamPlanFulfilment.DepartmentVolume volume =
            TeamPlanFulfilment.volume(
                department,
                period,
                members.getOrDefault(department, Set.of()),
                volumes.getOrDefault(period, Map.of()));
        departmentValues.add(
            new DepartmentValue(
                department, p, Kpi.SALES_VOLUME.code(), volume.volume(), volume.priced()));
        long deals = volume.priced() + volume.unpriced();
        departmentValues.add(
            new DepartmentValue(
                department, p, Kpi.DEALS_WON.code(), BigDecimal.valueOf(deals), deals));
        DepartmentMeasurement fulfilment =
            TeamPlanFulfilment.of(volume, volumePlans.get(department + "|" + p.label()));
        departmentValues.add(
            new DepartmentValue(
                department,
                p,
                Kpi.TEAM_PLAN_FULFILMENT.code(),
                fulfilment.value(),
                fulfilment.facts()));
      }
    }
    return new Facts(employees, departmentValues, plans, staff, teams);
  }

  /** The tenant's period of the KPI context for the API's period. */
  static Period period(KpiPeriod period, ZoneId zone) {
    return new Period(PeriodType.valueOf(period.kind().name()), period.firstDay(), zone);
  }

  /** The API's period for the KPI context's. */
  static KpiPeriod period(Period period) {
    return new KpiPeriod(KpiPeriodKind.valueOf(period.type().name()), period.firstDay());
  }

  static KpiDescriptor descriptor(Kpi kpi) {
    return new KpiDescriptor(
        kpi.code(),
        switch (kpi.unit()) {
          case MONEY -> KpiUnitKind.MONEY;
          case COUNT -> KpiUnitKind.COUNT;
          case PERCENT -> KpiUnitKind.PERCENT;
          case NPS_SCORE -> KpiUnitKind.SCORE;
        },
        kpi.scope() == KpiScope.DEPARTMENT,
        Plans.PLANNABLE.contains(kpi),
        kpi.nameRu(),
        kpi.nameEn(),
        kpi.definitionRu(),
        kpi.definitionEn());
  }

  /** Every portal user, active or not, by id; his department is the first the portal lists. */
  private static List<Staff> roster(Connection connection) throws SQLException {
    List<Staff> result = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT e.id, "
                    + KpiDirectory.NAME.formatted("e")
                    + ", e.department_ids[1], e.hired_on, e.fired_on, e.active"
                    + " FROM crm_employee e ORDER BY e.id");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        long department = rows.getLong(3);
        Long departmentId = rows.wasNull() ? null : department;
        Date hired = rows.getDate(4);
        Date fired = rows.getDate(5);
        result.add(
            new Staff(
                rows.getLong(1),
                rows.getString(2),
                departmentId,
                hired == null ? null : hired.toLocalDate(),
                fired == null ? null : fired.toLocalDate(),
                rows.getBoolean(6)));
      }
    }
    return result;
  }

  /**
   * Every plan of the periods, in one statement; plans of KPIs this version does not know skipped.
   */
  private static List<PlanTarget> plans(Connection connection, List<KpiPeriod> periods)
      throws SQLException {
    List<PlanTarget> result = new ArrayList<>();
    if (periods.isEmpty()) {
      return result;
    }
    Map<String, KpiPeriod> byKey = new HashMap<>();
    String[] kinds = new String[periods.size()];
    LocalDate[] starts = new LocalDate[periods.size()];
    for (int i = 0; i < periods.size(); i++) {
      KpiPeriod p = periods.get(i);
      kinds[i] = p.kind().name();
      starts[i] = p.firstDay();
      byKey.put(kinds[i] + "|" + starts[i], p);
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT kpi, subject_kind, subject_id, period_kind, period_start, target"
                + " FROM kpi_plan WHERE (period_kind, period_start) IN"
                + " (SELECT k, d FROM unnest(?::text[], ?::date[]) AS x(k, d))"
                + " ORDER BY period_start, period_kind, kpi, subject_kind, subject_id")) {
      Array kindArray = connection.createArrayOf("text", kinds);
      Array startArray =
          connection.createArrayOf(
              "date", Arrays.stream(starts).map(Date::valueOf).toArray(Date[]::new));
      s.setArray(1, kindArray);
      s.setArray(2, startArray);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String code = rows.getString(1);
          if (Kpi.byCode(code).isEmpty()) {
            continue;
          }
          KpiPeriod period = byKey.get(rows.getString(4) + "|" + rows.getDate(5).toLocalDate());
          result.add(
              new PlanTarget(
                  "DEPARTMENT".equals(rows.getString(2)),
                  rows.getLong(3),
                  period,
                  code,
                  rows.getBigDecimal(6)));
        }
      }
    }
    return result;
  }

  private static final Set<String> DEAL_KPIS =
      Set.of(Kpi.SALES_VOLUME.code(), Kpi.DEALS_WON.code(), Kpi.AVERAGE_DEAL.code());

  @Override
  public boolean countsWonDeals(String kpi) {
    return DEAL_KPIS.contains(kpi);
  }

  @Override
  public List<WonDeal> wonDeals(Connection connection, Collection<KpiPeriod> periods)
      throws SQLException {
    if (periods.isEmpty()) {
      return List.of();
    }
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (KpiPeriod p : periods) {
      from = Math.min(from, StoreSql.month(YearMonth.from(p.firstDay())));
      to = Math.max(to, StoreSql.month(YearMonth.from(p.lastDay())));
    }
    ZoneId zone = calendar(connection).zone();
    List<WonDeal> deals = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT s.deal_id, s.employee_id, d.title, s.money, s.won_at"
                + " FROM kpi_deal_snapshot s"
                + " LEFT JOIN crm_deal d ON d.tenant_id = s.tenant_id AND d.id = s.deal_id"
                + " WHERE s.won_month BETWEEN ? AND ? ORDER BY s.won_at, s.deal_id")) {
      s.setInt(1, from);
      s.setInt(2, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long employee = rs.getLong(2);
          deals.add(
              new WonDeal(
                  rs.getLong(1),
                  rs.wasNull() ? null : employee,
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate()));
        }
      }
    }
    return deals;
  }

  @Override
  public List<DealState> deals(Connection connection, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<DealState> deals = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, title, assigned_by_id, stage_semantic, amount, currency FROM crm_deal"
                + " WHERE id = ANY (?) ORDER BY id")) {
      s.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long employee = rs.getLong(3);
          Long responsible = rs.wasNull() ? null : employee;
          String status =
              switch (rs.getString(4)) {
                case "S" -> "WON";
                case "F" -> "LOST";
                default -> "OPEN";
              };
          deals.add(
              new DealState(
                  rs.getLong(1),
                  rs.getString(2),
                  responsible,
                  status,
                  rs.getBigDecimal(5),
                  rs.getString(6)));
        }
      }
    }
    return deals;
  }

  @Override
  public String portalAddress(Connection connection) throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT domain, client_endpoint FROM crm_portal ORDER BY connected_at DESC LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      String domain = rs.getString(1);
      String endpoint = rs.getString(2);
      // the portal's own scheme and host (a sandbox portal answers on http://127.0.0.1:port)
      if (endpoint != null && endpoint.startsWith("http://")) {
        java.net.URI uri = java.net.URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getAuthority();
      }
      return "https://" + domain;
    }
  }

  @Override
  public java.time.Instant measuredAt(Connection connection) throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement("SELECT measured_at FROM kpi_measure_state");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      java.sql.Timestamp at = rs.getTimestamp(1);
      return at == null ? null : at.toInstant();
    }
  }
}
