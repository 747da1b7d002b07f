package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant's stored KPI values ({@code kpi_measurement}) and how they are kept current: a full
 * re-measurement of every stored period, and the incremental path that re-measures only the
 * employee-periods the changed facts (the {@code kpi_dirty} queue the fact tables' triggers fill)
 * can affect. Plain JDBC on a connection in the tenant's context, like {@link KpiSql}; every method
 * runs in the caller's transaction, so a re-measurement is all or nothing and readers never see a
 * half-written state. See {@code docs/domain/kpis.md} (Stored measurements) and ADR 0019.
 *
 * <p>Stored periods: every month, quarter and year that intersects the stored range of months (from
 * the first month with facts to the later of the current month and the last month with facts,
 * within ten years back and one year ahead). Reading a period outside it measures it live.
 */
public final class MeasurementStore {

  /** Above this many changed deals at once a full re-measurement is cheaper. */
  public static final int INCREMENTAL_LIMIT = 2_000;

  private static final int INSERT_CHUNK = 20_000;
  private static final int YEARS_BACK = 10;

  private final Connection connection;
  private final KpiSql sql;
  private final Clock clock;

  /**
   * @param connection a connection in the tenant's context (its {@code app.tenant_id} set), in a
   *     transaction (auto-commit off) for the writing methods
   */
  public MeasurementStore(Connection connection) {
    this(connection, Clock.systemUTC());
  }

  public MeasurementStore(Connection connection, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.sql = new KpiSql(connection);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What the store holds for the tenant.
   *
   * @param filter the tenant-level filter the values were measured under
   * @param firstMonth first stored month (null: nothing stored yet)
   * @param lastMonth last stored month
   * @param fullNeeded a full re-measurement is owed (a failure, a changed filter)
   * @param measuredAt when the store was last brought up to date
   * @param lastError why the last attempt failed, if it did
   */
  public record State(
      KpiFilter filter,
      YearMonth firstMonth,
      YearMonth lastMonth,
      boolean fullNeeded,
      Instant measuredAt,
      String lastError) {

    /** Whether the store holds values of the period (intersects the stored range). */
    public boolean stores(Period period) {
      return firstMonth != null
          && !period.firstDay().isAfter(lastMonth.atDay(1))
          && period.endDay().isAfter(firstMonth.atDay(1));
    }
  }

  /**
   * What a re-measurement did.
   *
   * @param full whether it re-measured everything
   * @param changes changed facts taken from the queue
   * @param employeePeriods employee-periods re-measured (employees × periods)
   * @param rows measurement rows written
   */
  public record Result(boolean full, int changes, int employeePeriods, int rows) {}

  // -----------------------------------------------------------------------------------------------
  // reading
  // -----------------------------------------------------------------------------------------------

  public Optional<State> state() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT pipelines, deal_types, sources, first_month, last_month, full_needed,"
                    + " measured_at, last_error FROM kpi_measure_state"
                    + " WHERE tenant_id = premia_current_tenant()");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(readState(r));
    }
  }

  /**
   * The stored employee values of a period, ordered by employee and KPI, as {@link
   * KpiSql#measure(List, KpiFilter)} returns them under the store's filter. A period the store does
   * not hold (before the first stored month, after the last, or nothing stored yet) is measured
   * live with {@link KpiSql} under the store's filter (all deals when there is no state yet).
   *
   * @param employeeIds the employees wanted; empty: all
   */
  public List<Measurement> employees(Period period, Collection<Long> employeeIds)
      throws SQLException {
    Optional<State> state = state();
    if (state.isEmpty() || !state.get().stores(period) || !zoneOk(period)) {
      KpiFilter filter = state.map(State::filter).orElse(KpiFilter.ALL);
      return employeeIds.isEmpty()
          ? sql.measure(List.of(period), filter)
          : sql.measureEmployees(List.of(period), filter, employeeIds);
    }
    List<Measurement> result = new ArrayList<>();
    read(
        period,
        "EMPLOYEE",
        employeeIds,
        (id, kpi, value, facts, errors) ->
            result.add(new Measurement(id, period, kpi, value, facts, errors)));
    result.sort(Comparator.comparingLong(Measurement::employeeId).thenComparing(Measurement::kpi));
    return result;
  }

  /**
   * The stored department values (average sales per manager, staff turnover) of a period, ordered
   * by department and KPI; a period not stored is measured live as in {@link #employees}.
   *
   * @param departmentIds the departments wanted; empty: all
   */
  public List<DepartmentMeasurement> departments(Period period, Collection<Long> departmentIds)
      throws SQLException {
    Optional<State> state = state();
    if (state.isEmpty() || !state.get().stores(period) || !zoneOk(period)) {
      KpiFilter filter = state.map(State::filter).orElse(KpiFilter.ALL);
      List<DepartmentMeasurement> live = sql.measureDepartments(List.of(period), filter);
      if (departmentIds.isEmpty()) {
        return live;
      }
      Set<Long> wanted = new HashSet<>(departmentIds);
      return live.stream().filter(m -> wanted.contains(m.departmentId())).toList();
    }
    List<DepartmentMeasurement> result = new ArrayList<>();
    read(
        period,
        "DEPARTMENT",
        departmentIds,
        (id, kpi, value, facts, errors) ->
            result.add(new DepartmentMeasurement(id, period, kpi, value, facts, errors)));
    result.sort(
        Comparator.comparingLong(DepartmentMeasurement::departmentId)
            .thenComparing(DepartmentMeasurement::kpi));
    return result;
  }

  private boolean zoneOk(Period period) throws SQLException {
    return period.zone().normalized().equals(sql.tenantZone().normalized());
  }

  private interface StoredRow {
    void accept(long subject, Kpi kpi, BigDecimal value, long facts, long errors);
  }

  private void read(Period period, String kind, Collection<Long> ids, StoredRow sink)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT subject_id, kpi, value, facts, errors FROM kpi_measurement"
                + " WHERE period_kind = ? AND period_start = ? AND subject_kind = ?"
                + (ids.isEmpty() ? "" : " AND subject_id = ANY (?)"))) {
      s.setString(1, period.type().name());
      s.setDate(2, Date.valueOf(period.firstDay()));
      s.setString(3, kind);
      if (!ids.isEmpty()) {
        s.setArray(4, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Optional<Kpi> kpi = Kpi.byCode(r.getString(2));
          if (kpi.isPresent()) {
            sink.accept(r.getLong(1), kpi.get(), r.getBigDecimal(3), r.getLong(4), r.getLong(5));
          }
        }
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // full re-measurement
  // -----------------------------------------------------------------------------------------------

  /**
   * Re-measures everything under the filter (which becomes the store's filter): rebuilds the deal
   * snapshot, replaces every stored value of the tenant, empties the change queue. In the caller's
   * transaction: commit it to publish the new values at once.
   */
  public Result remeasureAll(KpiFilter filter) throws SQLException {
    Objects.requireNonNull(filter, "filter");
    lockState();
    int changes = update("DELETE FROM kpi_dirty WHERE tenant_id = premia_current_tenant()");
    update("DELETE FROM kpi_deal_snapshot WHERE tenant_id = premia_current_tenant()");
    sql.snapshotWonDeals(filter);
    ZoneId zone = sql.tenantZone();
    YearMonth[] range = factRange(zone);
    List<Period> periods = periods(range[0], range[1], zone);

    update("DELETE FROM kpi_measurement WHERE tenant_id = premia_current_tenant()");
    List<Measurement> employees = sql.measureStored(periods, null);
    int rows = insertEmployees(employees);
    List<DepartmentMeasurement> departments = sql.measureDepartmentsFromStore(periods, null);
    rows += insertDepartments(departments);

    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE kpi_measure_state SET pipelines = ?, deal_types = ?, sources = ?,"
                + " fingerprint = ?, first_month = ?, last_month = ?, full_needed = false,"
                + " measured_at = now(), full_measured_at = now(), last_error = NULL"
                + " WHERE tenant_id = premia_current_tenant()")) {
      s.setArray(
          1, connection.createArrayOf("integer", filter.pipelines().stream().sorted().toArray()));
      s.setArray(
          2, connection.createArrayOf("text", filter.dealTypes().stream().sorted().toArray()));
      s.setArray(3, connection.createArrayOf("text", filter.sources().stream().sorted().toArray()));
      s.setString(4, fingerprint());
      s.setDate(5, Date.valueOf(range[0].atDay(1)));
      s.setDate(6, Date.valueOf(range[1].atDay(1)));
      s.executeUpdate();
    }
    long employeePeriods =
        employees.stream().map(m -> m.employeeId() + " " + m.period()).distinct().count();
    return new Result(true, changes, (int) employeePeriods, rows);
  }

  /**
   * Records that a full re-measurement is owed (and why), e.g. after a failed attempt or a changed
   * filter; the next {@link #remeasureChanged()} does it. Call in a transaction of its own.
   */
  public void markFullNeeded(String error) throws SQLException {
    lockState();
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE kpi_measure_state SET full_needed = true, last_error = ?"
                + " WHERE tenant_id = premia_current_tenant()")) {
      s.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      s.executeUpdate();
    }
  }

  /**
   * Changes the filter the store measures under: a full re-measurement under the new filter when it
   * differs from the stored one (nothing otherwise).
   *
   * @return whether it re-measured
   */
  public boolean changeFilter(KpiFilter filter) throws SQLException {
    State state = lockState();
    if (state.firstMonth() != null && state.filter().equals(filter) && !state.fullNeeded()) {
      return false;
    }
    remeasureAll(filter);
    return true;
  }

  // -----------------------------------------------------------------------------------------------
  // incremental re-measurement
  // -----------------------------------------------------------------------------------------------

  /**
   * Brings the store up to date with the queued changes: re-measures only the employee-periods (and
   * the departments of those employees in those periods) the changed deals, leads and activities
   * can affect. Falls back to {@link #remeasureAll} under the stored filter when nothing is stored
   * yet, a full re-measurement is owed, a dictionary changed (tenant zone or currency, currency
   * rates, employees' dates or departments, the department tree), a new month began after the
   * stored range, or more than {@link #INCREMENTAL_LIMIT} deals changed at once.
   */
  public Result remeasureChanged() throws SQLException {
    State state = lockState();
    ZoneId zone = sql.tenantZone();
    YearMonth current = YearMonth.now(clock.withZone(zone));
    if (state.firstMonth() == null
        || state.fullNeeded()
        || current.isAfter(state.lastMonth())
        || !fingerprint().equals(storedFingerprint())) {
      return remeasureAll(state.filter());
    }
    // claim the queued changes: visible rows only, restored if this transaction rolls back
    Set<Long> deals = new TreeSet<>();
    Map<Long, Set<Instant>> otherFacts = new HashMap<>();
    int changes = 0;
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "DELETE FROM kpi_dirty WHERE tenant_id = premia_current_tenant()"
                    + " RETURNING deal_id, employee_id, at")) {
      while (r.next()) {
        changes++;
        long deal = r.getLong(1);
        if (!r.wasNull()) {
          deals.add(deal);
          continue;
        }
        long employee = r.getLong(2);
        OffsetDateTime at = r.getObject(3, OffsetDateTime.class);
        if (employee > 0 && at != null) {
          otherFacts.computeIfAbsent(employee, k -> new HashSet<>()).add(at.toInstant());
        }
      }
    }
    if (changes == 0) {
      return new Result(false, 0, 0, 0);
    }
    if (deals.size() > INCREMENTAL_LIMIT) {
      Result full = remeasureAll(state.filter());
      return new Result(true, changes, full.employeePeriods(), full.rows());
    }
    Affected affected = new Affected(zone, state);
    for (Map.Entry<Long, Set<Instant>> e : otherFacts.entrySet()) {
      for (Instant at : e.getValue()) {
        affected.containing(e.getKey(), at);
      }
    }
    if (!deals.isEmpty()) {
      dealChanges(state.filter(), deals, affected);
    }
    int rows = remeasure(state.filter(), affected);
    update(
        "UPDATE kpi_measure_state SET measured_at = now(), last_error = NULL"
            + " WHERE tenant_id = premia_current_tenant()");
    return new Result(false, changes, affected.employees.size() * affected.periods.size(), rows);
  }

  /**
   * The employee-periods a set of changed deals can affect (see kpis.md, "The incremental path"):
   * for each deal its old and new (employee, won period); for each old and new client of those
   * deals, the owners of its first purchase before and after (new clients, repeat sales), the
   * employees the client is attributed to in every period whose 12-month lookback or own span
   * contains a changed deal's old or new won moment (retention), and the owners of its first
   * purchase before and after in every stored period ending after the earliest moment involved
   * (LTV). Updates the deal snapshot to the new state.
   */
  private void dealChanges(KpiFilter filter, Set<Long> deals, Affected affected)
      throws SQLException {
    Map<Long, KpiSql.WonDeal> before = new HashMap<>();
    for (KpiSql.WonDeal d : snapshot("deal_id", deals.toArray(Long[]::new))) {
      before.put(d.dealId(), d);
    }
    Map<Long, KpiSql.WonDeal> after = new HashMap<>();
    for (KpiSql.WonDeal d : sql.wonDeals(filter, deals)) {
      after.put(d.dealId(), d);
    }
    Set<String> clients = new TreeSet<>();
    for (KpiSql.WonDeal d : before.values()) {
      affected.won(d);
      if (d.client() != null) {
        clients.add(d.client());
      }
    }
    for (KpiSql.WonDeal d : after.values()) {
      affected.won(d);
      if (d.client() != null) {
        clients.add(d.client());
      }
    }
    // the clients' purchases before the change (the snapshot still holds it) and after it
    Map<String, List<KpiSql.WonDeal>> old = new HashMap<>();
    if (!clients.isEmpty()) {
      for (KpiSql.WonDeal d : snapshot("client", clients.toArray(String[]::new))) {
        old.computeIfAbsent(d.client(), k -> new ArrayList<>()).add(d);
      }
    }
    // the snapshot becomes the new state
    try (PreparedStatement s =
        connection.prepareStatement(
            "DELETE FROM kpi_deal_snapshot WHERE tenant_id = premia_current_tenant()"
                + " AND deal_id = ANY (?)")) {
      s.setArray(1, connection.createArrayOf("bigint", deals.toArray(Long[]::new)));
      s.executeUpdate();
    }
    sql.snapshotDeals(filter, deals);
    sql.renumberClients(clients);
    for (String client : clients) {
      List<KpiSql.WonDeal> was = old.getOrDefault(client, List.of());
      List<KpiSql.WonDeal> now = new ArrayList<>();
      for (KpiSql.WonDeal d : was) {
        if (!deals.contains(d.dealId())) {
          now.add(d);
        }
      }
      List<Instant> moments = new ArrayList<>();
      for (Long id : deals) {
        KpiSql.WonDeal b = before.get(id);
        KpiSql.WonDeal a = after.get(id);
        if (b != null && client.equals(b.client())) {
          moments.add(b.wonAt());
        }
        if (a != null && client.equals(a.client())) {
          now.add(a);
          moments.add(a.wonAt());
        }
      }
      affected.client(sorted(was), sorted(now), moments);
    }
  }

  private static List<KpiSql.WonDeal> sorted(List<KpiSql.WonDeal> deals) {
    List<KpiSql.WonDeal> list = new ArrayList<>(deals);
    list.sort(
        Comparator.comparing(KpiSql.WonDeal::wonAt).thenComparingLong(KpiSql.WonDeal::dealId));
    return list;
  }

  /** Re-measures the affected employees × periods and their departments in those periods. */
  private int remeasure(KpiFilter filter, Affected affected) throws SQLException {
    if (affected.employees.isEmpty() || affected.periods.isEmpty()) {
      return 0;
    }
    List<Period> periods = new ArrayList<>(affected.periods);
    List<Long> employees = new ArrayList<>(affected.employees);
    String[] kinds = periods.stream().map(p -> p.type().name()).toArray(String[]::new);
    String[] starts = periods.stream().map(p -> p.firstDay().toString()).toArray(String[]::new);
    List<Measurement> measured = sql.measureStored(periods, employees);
    deleteStored("EMPLOYEE", employees, kinds, starts);
    int rows = insertEmployees(measured);
    List<Long> departments = sql.departmentsOf(employees);
    if (!departments.isEmpty()) {
      List<DepartmentMeasurement> dm = sql.measureDepartmentsFromStore(periods, departments);
      deleteStored("DEPARTMENT", departments, kinds, starts);
      rows += insertDepartments(dm);
    }
    return rows;
  }

  private void deleteStored(String kind, List<Long> subjects, String[] kinds, String[] starts)
      throws SQLException {
    // one statement per (period, subject), batched: each an exact prefix of the primary key, so
    // the plan never depends on statistics (a fresh store has none)
    try (PreparedStatement s =
        connection.prepareStatement(
            "DELETE FROM kpi_measurement WHERE tenant_id = premia_current_tenant()"
                + " AND period_kind = ? AND period_start = ?::date AND subject_kind = ?"
                + " AND subject_id = ?")) {
      for (int i = 0; i < kinds.length; i++) {
        for (Long subject : subjects) {
          s.setString(1, kinds[i]);
          s.setString(2, starts[i]);
          s.setString(3, kind);
          s.setLong(4, subject);
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  /**
   * The employee-periods to re-measure, collected as a set of employees and a set of periods (the
   * re-measurement covers every combination: a superset that costs little and is always exact).
   */
  private final class Affected {
    final ZoneId zone;
    final State state;
    final Set<Long> employees = new TreeSet<>();
    final Set<Period> periods = new LinkedHashSet<>();
    final List<Period> stored;

    Affected(ZoneId zone, State state) {
      this.zone = zone;
      this.state = state;
      this.stored = periods(state.firstMonth(), state.lastMonth(), zone);
    }

    void add(Long employee, Period period) {
      if (employee != null && employee > 0 && state.stores(period)) {
        employees.add(employee);
        periods.add(period);
      }
    }

    /** The employee in the month, quarter and year containing the moment. */
    void containing(Long employee, Instant at) {
      for (PeriodType type : PeriodType.values()) {
        add(employee, Period.containing(at, type, zone));
      }
    }

    void won(KpiSql.WonDeal deal) {
      containing(deal.employeeId(), deal.wonAt());
    }

    /**
     * A client some changed deals belonged (or belong) to.
     *
     * @param was its purchases before, in order
     * @param now its purchases after, in order
     * @param moments the old and new won moments of its changed deals
     */
    void client(List<KpiSql.WonDeal> was, List<KpiSql.WonDeal> now, List<Instant> moments) {
      KpiSql.WonDeal firstWas = was.isEmpty() ? null : was.get(0);
      KpiSql.WonDeal firstNow = now.isEmpty() ? null : now.get(0);
      // new clients and repeat sales: the first purchase is the only one whose kind can change
      for (KpiSql.WonDeal first : Arrays.asList(firstWas, firstNow)) {
        if (first != null) {
          won(first);
        }
      }
      // retention: each period whose span or 12-month lookback holds a changed moment, for whom
      // the client is attributed to before and after
      for (Instant moment : moments) {
        for (PeriodType type : PeriodType.values()) {
          Period p = Period.containing(moment, type, zone);
          Instant horizon =
              moment
                  .atZone(zone)
                  .toLocalDateTime()
                  .plusMonths(12)
                  .plusDays(1)
                  .atZone(zone)
                  .toInstant();
          while (!p.start().isAfter(horizon)) {
            if (state.stores(p)) {
              add(latestBefore(was, p), p);
              add(latestBefore(now, p), p);
            }
            p = p.next();
          }
        }
      }
      // LTV: the owners of the first purchase in every period ending after the earliest moment
      Instant from = null;
      for (Instant m : moments) {
        from = from == null || m.isBefore(from) ? m : from;
      }
      for (KpiSql.WonDeal first : Arrays.asList(firstWas, firstNow)) {
        if (first != null && (from == null || first.wonAt().isBefore(from))) {
          from = first.wonAt();
        }
      }
      if (from == null) {
        return;
      }
      for (Period p : stored) {
        if (p.end().isAfter(from)) {
          for (KpiSql.WonDeal first : Arrays.asList(firstWas, firstNow)) {
            if (first != null) {
              add(first.employeeId(), p);
            }
          }
        }
      }
    }

    /**
     * Whom retention attributes the client to in the period: the employee of its latest purchase
     * before the period's start, if within the 12-month lookback (taken a day wider than the
     * definition, so that a zone's clock changes can only add an employee, never miss one).
     */
    Long latestBefore(List<KpiSql.WonDeal> purchases, Period p) {
      Instant start = p.start();
      Instant lookback =
          start
              .atZone(zone)
              .toLocalDateTime()
              .minusMonths(12)
              .minusDays(1)
              .atZone(zone)
              .toInstant();
      Long employee = null;
      for (KpiSql.WonDeal d : purchases) {
        if (!d.wonAt().isBefore(start)) {
          break;
        }
        if (!d.wonAt().isBefore(lookback)) {
          employee = d.employeeId();
        }
      }
      return employee;
    }
  }

  // -----------------------------------------------------------------------------------------------
  // helpers
  // -----------------------------------------------------------------------------------------------

  /** Creates the tenant's state row if missing, locks it (one re-measurement at a time). */
  private State lockState() throws SQLException {
    update(
        "INSERT INTO kpi_measure_state (tenant_id, pipelines, deal_types, sources, full_needed)"
            + " VALUES (premia_current_tenant(), '{}', '{}', '{}', false)"
            + " ON CONFLICT (tenant_id) DO NOTHING");
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT pipelines, deal_types, sources, first_month, last_month, full_needed,"
                    + " measured_at, last_error FROM kpi_measure_state"
                    + " WHERE tenant_id = premia_current_tenant() FOR UPDATE");
        ResultSet r = s.executeQuery()) {
      r.next();
      return readState(r);
    }
  }

  private static State readState(ResultSet r) throws SQLException {
    Integer[] pipelines = (Integer[]) r.getArray(1).getArray();
    String[] types = (String[]) r.getArray(2).getArray();
    String[] sources = (String[]) r.getArray(3).getArray();
    Date first = r.getDate(4);
    Date last = r.getDate(5);
    OffsetDateTime measured = r.getObject(7, OffsetDateTime.class);
    return new State(
        new KpiFilter(Set.of(pipelines), Set.of(types), Set.of(sources)),
        first == null ? null : YearMonth.from(first.toLocalDate()),
        last == null ? null : YearMonth.from(last.toLocalDate()),
        r.getBoolean(6),
        measured == null ? null : measured.toInstant(),
        r.getString(8));
  }

  private List<KpiSql.WonDeal> snapshot(String column, Object[] keys) throws SQLException {
    List<KpiSql.WonDeal> result = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT deal_id, employee_id, client, won_at FROM kpi_deal_snapshot"
                + " WHERE tenant_id = premia_current_tenant() AND "
                + column
                + " = ANY (?)")) {
      s.setArray(1, connection.createArrayOf(keys instanceof Long[] ? "bigint" : "text", keys));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long emp = r.getLong(2);
          result.add(
              new KpiSql.WonDeal(
                  r.getLong(1),
                  r.wasNull() ? null : emp,
                  r.getString(3),
                  r.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return result;
  }

  /**
   * What the deal snapshot holds (see migration 0010): a store written with another version is
   * re-measured in full.
   */
  private static final String SNAPSHOT_VERSION = "snapshot-2";

  /** What every value depends on besides the facts (and the snapshot's version), as an md5. */
  private String fingerprint() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT md5(concat_ws('|', '"
                    + SNAPSHOT_VERSION
                    + "',"
                    + " (SELECT time_zone || ',' || currency_code FROM tenant"
                    + "   WHERE id = premia_current_tenant()),"
                    + " (SELECT string_agg(code || ',' || nominal || ',' || rate, ';' ORDER BY code)"
                    + "   FROM crm_currency),"
                    + " (SELECT string_agg(id || ',' || coalesce(hired_on::text, '') || ','"
                    + "   || coalesce(fired_on::text, '') || ',' || department_ids::text, ';'"
                    + "   ORDER BY id) FROM crm_employee),"
                    + " (SELECT string_agg(id || ',' || coalesce(parent_id::text, ''), ';'"
                    + "   ORDER BY id) FROM crm_department)))")) {
      r.next();
      return r.getString(1);
    }
  }

  private String storedFingerprint() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT fingerprint FROM kpi_measure_state"
                    + " WHERE tenant_id = premia_current_tenant()")) {
      return r.next() ? r.getString(1) : null;
    }
  }

  /**
   * The months to store: from the first month with a counted fact to the later of the current month
   * and the last month with one, within ten years back and one year ahead.
   */
  private YearMonth[] factRange(ZoneId zone) throws SQLException {
    YearMonth current = YearMonth.now(clock.withZone(zone));
    YearMonth first = current;
    YearMonth last = current;
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT min(m), max(m) FROM ("
                    + " SELECT min(won_at) AS m FROM kpi_deal_snapshot"
                    + " UNION ALL SELECT max(won_at) FROM kpi_deal_snapshot"
                    + " UNION ALL SELECT min(closed_at) FROM crm_lead"
                    + "  WHERE status_semantic IN ('S', 'F') AND assigned_by_id > 0"
                    + " UNION ALL SELECT max(closed_at) FROM crm_lead"
                    + "  WHERE status_semantic IN ('S', 'F') AND assigned_by_id > 0"
                    + " UNION ALL SELECT min(end_time) FROM crm_activity"
                    + "  WHERE completed AND type_id IN (1, 2, 4) AND responsible_id > 0"
                    + " UNION ALL SELECT max(end_time) FROM crm_activity"
                    + "  WHERE completed AND type_id IN (1, 2, 4) AND responsible_id > 0) x")) {
      if (r.next()) {
        OffsetDateTime min = r.getObject(1, OffsetDateTime.class);
        OffsetDateTime max = r.getObject(2, OffsetDateTime.class);
        if (min != null) {
          YearMonth m = YearMonth.from(min.atZoneSameInstant(zone));
          first = m.isBefore(first) ? m : first;
        }
        if (max != null) {
          YearMonth m = YearMonth.from(max.atZoneSameInstant(zone));
          last = m.isAfter(last) ? m : last;
        }
      }
    }
    YearMonth floor = current.minusYears(YEARS_BACK);
    YearMonth ceiling = current.plusYears(1);
    return new YearMonth[] {
      first.isBefore(floor) ? floor : first, last.isAfter(ceiling) ? ceiling : last
    };
  }

  /** Every month, quarter and year intersecting [first, last]. */
  static List<Period> periods(YearMonth first, YearMonth last, ZoneId zone) {
    List<Period> result = new ArrayList<>();
    for (PeriodType type : PeriodType.values()) {
      Period p = Period.containing(first.atDay(1).atStartOfDay(zone).toInstant(), type, zone);
      LocalDate lastDay = last.atDay(1);
      while (!p.firstDay().isAfter(lastDay)) {
        result.add(p);
        p = p.next();
      }
    }
    return result;
  }

  private int insertEmployees(List<Measurement> measurements) throws SQLException {
    List<Object[]> rows = new ArrayList<>(measurements.size());
    for (Measurement m : measurements) {
      rows.add(
          new Object[] {m.period(), m.employeeId(), m.kpi(), m.value(), m.facts(), m.errors()});
    }
    return insert("EMPLOYEE", rows);
  }

  private int insertDepartments(List<DepartmentMeasurement> measurements) throws SQLException {
    List<Object[]> rows = new ArrayList<>(measurements.size());
    for (DepartmentMeasurement m : measurements) {
      rows.add(
          new Object[] {m.period(), m.departmentId(), m.kpi(), m.value(), m.facts(), m.errors()});
    }
    return insert("DEPARTMENT", rows);
  }

  /** Inserts rows (period, subject, kpi, value, facts, errors) in chunks, as arrays. */
  private int insert(String kind, List<Object[]> rows) throws SQLException {
    int written = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_measurement (tenant_id, period_kind, period_start, subject_kind,"
                + " subject_id, kpi, value, facts, errors, measured_at)"
                + " SELECT premia_current_tenant(), x.pk, x.ps::date, ?, x.sid, x.kpi,"
                + " x.v::numeric, x.f, x.e, now()"
                + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],"
                + " ?::bigint[], ?::bigint[]) AS x(pk, ps, sid, kpi, v, f, e)")) {
      for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
        List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
        int n = part.size();
        String[] pk = new String[n];
        String[] ps = new String[n];
        Long[] sid = new Long[n];
        String[] kpi = new String[n];
        String[] v = new String[n];
        Long[] f = new Long[n];
        Long[] e = new Long[n];
        for (int i = 0; i < n; i++) {
          Object[] row = part.get(i);
          Period period = (Period) row[0];
          pk[i] = period.type().name();
          ps[i] = period.firstDay().toString();
          sid[i] = (Long) row[1];
          kpi[i] = ((Kpi) row[2]).code();
          v[i] = row[3] == null ? null : ((BigDecimal) row[3]).toPlainString();
          f[i] = (Long) row[4];
          e[i] = (Long) row[5];
        }
        s.setString(1, kind);
        Array[] arrays = {
          connection.createArrayOf("text", pk),
          connection.createArrayOf("text", ps),
          connection.createArrayOf("bigint", sid),
          connection.createArrayOf("text", kpi),
          connection.createArrayOf("text", v),
          connection.createArrayOf("bigint", f),
          connection.createArrayOf("bigint", e)
        };
        for (int i = 0; i < arrays.length; i++) {
          s.setArray(i + 2, arrays[i]);
        }
        written += s.executeUpdate();
      }
    }
    return written;
  }

  private int update(String statement) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(statement);
    }
  }
}
