package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
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

  private static final int YEARS_BACK = 10;

  private final Connection connection;
  private final KpiSql sql;
  private final StoreSql store;
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
    this.store = new StoreSql(connection);
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
    for (Map.Entry<Long, EmployeeFigures> e : store.employees(period, employeeIds).entrySet()) {
      result.addAll(e.getValue().measurements(e.getKey(), period));
    }
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
    for (Map.Entry<Long, DepartmentFigures> e :
        store.departments(period, departmentIds).entrySet()) {
      result.addAll(e.getValue().measurements(e.getKey(), period));
    }
    result.sort(
        Comparator.comparingLong(DepartmentMeasurement::departmentId)
            .thenComparing(DepartmentMeasurement::kpi));
    return result;
  }

  private boolean zoneOk(Period period) throws SQLException {
    return period.zone().normalized().equals(sql.tenantZone().normalized());
  }

  // -----------------------------------------------------------------------------------------------
  // full re-measurement
  // -----------------------------------------------------------------------------------------------

  /**
   * Re-measures everything under the filter (which becomes the store's filter): brings the deal
   * snapshot up to date, then replaces every stored figure of the tenant from it, the leads, the
   * activities and the roster; empties the change queue. The snapshot is rebuilt from the fact
   * tables ({@link #rebuildAll}) when nothing is stored yet, a full re-measurement is owed, what it
   * depends on changed (the filter, the tenant's zone or currency, a rate, the snapshot's version)
   * or more than {@link #INCREMENTAL_LIMIT} deals changed; otherwise only the queued deals' rows
   * are brought up to date. In the caller's transaction: commit it to publish.
   */
  public Result remeasureAll(KpiFilter filter) throws SQLException {
    return full(filter, false);
  }

  /**
   * As {@link #remeasureAll}, always recomputing every row of the deal snapshot from the fact
   * tables (and writing only the rows that differ).
   */
  public Result rebuildAll(KpiFilter filter) throws SQLException {
    return full(filter, true);
  }

  private Result full(KpiFilter filter, boolean forceRebuild) throws SQLException {
    Objects.requireNonNull(filter, "filter");
    State state = lockState();
    ZoneId zone = sql.tenantZone();
    String snapshotFingerprint = snapshotFingerprint(filter);
    Set<Long> deals = new TreeSet<>();
    Map<Long, Set<Instant>> otherFacts = new HashMap<>();
    int changes = claim(deals, otherFacts);
    boolean rebuild =
        forceRebuild
            || state.firstMonth() == null
            || state.fullNeeded()
            || deals.size() > INCREMENTAL_LIMIT
            || !snapshotFingerprint.equals(stored("snapshot_fingerprint"));
    if (rebuild) {
      store.rebuildSnapshot(filter, zone.getId());
    } else if (!deals.isEmpty()) {
      dealChanges(filter, zone, deals, null);
    }
    StoreSql.MonthGroups groups = store.monthGroups(zone.getId());
    YearMonth[] range = range(zone, groups);
    List<Period> periods = periods(range[0], range[1], zone);
    FigureRollup rollup = new FigureRollup(periods);
    groups.feed(rollup);
    Set<StoreSql.PeriodKey> roster = store.roster(periods);
    int rows = store.replaceEmployees(rollup.figures, roster);
    int employeePeriods = rows;
    rows += store.replaceDepartments(periods, zone.getId(), rollup.figures);

    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE kpi_measure_state SET pipelines = ?, deal_types = ?, sources = ?,"
                + " fingerprint = ?, snapshot_fingerprint = ?, first_month = ?, last_month = ?,"
                + " full_needed = false, measured_at = now(), full_measured_at = now(),"
                + " last_error = NULL WHERE tenant_id = premia_current_tenant()")) {
      s.setArray(
          1, connection.createArrayOf("integer", filter.pipelines().stream().sorted().toArray()));
      s.setArray(
          2, connection.createArrayOf("text", filter.dealTypes().stream().sorted().toArray()));
      s.setArray(3, connection.createArrayOf("text", filter.sources().stream().sorted().toArray()));
      s.setString(4, fingerprint());
      s.setString(5, snapshotFingerprint);
      s.setDate(6, Date.valueOf(range[0].atDay(1)));
      s.setDate(7, Date.valueOf(range[1].atDay(1)));
      s.executeUpdate();
    }
    return new Result(true, changes, employeePeriods, rows);
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
   * Brings the store up to date with the queued changes. A changed deal updates the stored figures
   * by difference: the snapshot rows it changes (its own, and its old and new clients' rows whose
   * order of purchase, next purchase or first purchase's employee moved) each take their old
   * contribution away and add their new one, in every stored period it counts in (see {@link
   * Deltas}); the departments of the employees concerned take the same difference of their volumes.
   * A changed lead or activity re-counts the lead and activity figures of its employee in the
   * month, quarter and year of its moment. Falls back to {@link #remeasureAll} under the stored
   * filter when nothing is stored yet, a full re-measurement is owed, a dictionary changed (tenant
   * zone or currency, currency rates, employees' dates or departments, the department tree), a new
   * month began after the stored range, or more than {@link #INCREMENTAL_LIMIT} deals changed at
   * once.
   */
  public Result remeasureChanged() throws SQLException {
    State state = lockState();
    ZoneId zone = sql.tenantZone();
    YearMonth current = YearMonth.now(clock.withZone(zone));
    if (state.firstMonth() == null
        || state.fullNeeded()
        || current.isAfter(state.lastMonth())
        || !fingerprint().equals(stored("fingerprint"))) {
      return remeasureAll(state.filter());
    }
    Set<Long> deals = new TreeSet<>();
    Map<Long, Set<Instant>> otherFacts = new HashMap<>();
    int changes = claim(deals, otherFacts);
    if (changes == 0) {
      return new Result(false, 0, 0, 0);
    }
    if (deals.size() > INCREMENTAL_LIMIT) {
      Result full = full(state.filter(), true);
      return new Result(true, changes, full.employeePeriods(), full.rows());
    }
    List<Period> stored = periods(state.firstMonth(), state.lastMonth(), zone);
    FigureRollup deltas = new FigureRollup(stored);
    if (!deals.isEmpty()) {
      dealChanges(state.filter(), zone, deals, deltas);
    }
    int rows = store.addEmployees(deltas.figures);
    rows += store.upsertDepartments(departmentDeltas(deltas.figures), true);
    Set<StoreSql.PeriodKey> touched = new HashSet<>(deltas.figures.keySet());
    if (!otherFacts.isEmpty()) {
      Set<Long> employees = new TreeSet<>();
      Set<Period> periods = new LinkedHashSet<>();
      for (Map.Entry<Long, Set<Instant>> e : otherFacts.entrySet()) {
        for (Instant at : e.getValue()) {
          for (PeriodType type : PeriodType.values()) {
            Period p = Period.containing(at, type, zone);
            if (state.stores(p)) {
              employees.add(e.getKey());
              periods.add(p);
              touched.add(new StoreSql.PeriodKey(p, e.getKey()));
            }
          }
        }
      }
      rows += store.setLeadsAndActivities(employees, periods);
    }
    update(
        "UPDATE kpi_measure_state SET measured_at = now(), last_error = NULL"
            + " WHERE tenant_id = premia_current_tenant()");
    return new Result(false, changes, touched.size(), rows);
  }

  /**
   * Claims the queued changes (visible rows only; restored if this transaction rolls back): the
   * changed deals, and for changed leads and activities their employees and moments.
   *
   * @return how many queued changes
   */
  private int claim(Set<Long> deals, Map<Long, Set<Instant>> otherFacts) throws SQLException {
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
    return changes;
  }

  /**
   * Brings the snapshot rows the changed deals affect up to date — the deals' own rows and every
   * row of their old and new clients (a client's order of purchase, next purchase and first
   * purchase's employee follow from its rows sorted by won moment, then deal id) — and, given
   * {@code deltas}, records each changed row's old contribution taken away and its new one added.
   */
  private void dealChanges(KpiFilter filter, ZoneId zone, Set<Long> deals, FigureRollup deltas)
      throws SQLException {
    Map<Long, StoreSql.SnapshotRow> before = new HashMap<>();
    Set<String> clients = new TreeSet<>();
    for (StoreSql.SnapshotRow r : store.snapshotOfDeals(deals)) {
      before.put(r.dealId(), r);
      if (r.client() != null) {
        clients.add(r.client());
      }
    }
    List<StoreSql.SnapshotRow> now = store.counted(filter, zone.getId(), deals);
    for (StoreSql.SnapshotRow r : now) {
      if (r.client() != null) {
        clients.add(r.client());
      }
    }
    for (StoreSql.SnapshotRow r : store.snapshotOfClients(clients)) {
      before.putIfAbsent(r.dealId(), r);
    }
    // the new state: the clients' unchanged rows with the changed deals' new rows, renumbered
    Map<Long, StoreSql.SnapshotRow> after = new HashMap<>();
    Map<String, List<StoreSql.SnapshotRow>> byClient = new HashMap<>();
    for (StoreSql.SnapshotRow r : before.values()) {
      if (!deals.contains(r.dealId()) && r.client() != null) {
        byClient.computeIfAbsent(r.client(), k -> new ArrayList<>()).add(r);
      }
    }
    for (StoreSql.SnapshotRow r : now) {
      if (r.client() == null) {
        after.put(r.dealId(), r.withOrder(null, null, null));
      } else {
        byClient.computeIfAbsent(r.client(), k -> new ArrayList<>()).add(r);
      }
    }
    for (List<StoreSql.SnapshotRow> purchases : byClient.values()) {
      purchases.sort(
          Comparator.comparing(StoreSql.SnapshotRow::wonAt)
              .thenComparingLong(StoreSql.SnapshotRow::dealId));
      Long first = purchases.get(0).employeeId();
      for (int i = 0; i < purchases.size(); i++) {
        StoreSql.SnapshotRow r = purchases.get(i);
        StoreSql.SnapshotRow next = i + 1 < purchases.size() ? purchases.get(i + 1) : null;
        after.put(r.dealId(), r.withOrder(i + 1, next, first));
      }
    }
    Set<Long> changed = new TreeSet<>();
    Set<Long> ids = new HashSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<StoreSql.SnapshotRow> written = new ArrayList<>();
    for (Long id : ids) {
      StoreSql.SnapshotRow b = before.get(id);
      StoreSql.SnapshotRow a = after.get(id);
      if (b != null && b.sameAs(a)) {
        continue;
      }
      changed.add(id);
      if (a != null) {
        written.add(a);
      }
      if (deltas != null) {
        if (b != null) {
          deltas.row(b, -1);
        }
        if (a != null) {
          deltas.row(a, 1);
        }
      }
    }
    store.replaceSnapshot(changed, written);
  }

  /** The departments' share of employee differences: each one's won deals, in his departments. */
  private Map<StoreSql.PeriodKey, DepartmentFigures> departmentDeltas(
      Map<StoreSql.PeriodKey, EmployeeFigures> employees) throws SQLException {
    Map<StoreSql.PeriodKey, DepartmentFigures> result = new HashMap<>();
    Set<Long> moved = new TreeSet<>();
    for (Map.Entry<StoreSql.PeriodKey, EmployeeFigures> e : employees.entrySet()) {
      EmployeeFigures f = e.getValue();
      if (f.deals != 0 || f.priced != 0 || f.volume.signum() != 0) {
        moved.add(e.getKey().subject());
      }
    }
    Map<Long, Set<Long>> departments = store.departmentsOf(moved);
    for (Map.Entry<StoreSql.PeriodKey, EmployeeFigures> e : employees.entrySet()) {
      EmployeeFigures f = e.getValue();
      for (Long d : departments.getOrDefault(e.getKey().subject(), Set.of())) {
        DepartmentFigures g =
            result.computeIfAbsent(
                new StoreSql.PeriodKey(e.getKey().period(), d), k -> new DepartmentFigures());
        g.addWonDeals(f);
      }
    }
    return result;
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

  /**
   * What the store holds (migrations 0010, 0011): a store written with another version is
   * re-measured in full.
   */
  private static final String SNAPSHOT_VERSION = "store-3";

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

  /**
   * What the deal snapshot depends on besides the facts — its version, the filter, the tenant's
   * zone and currency, the currency rates — as an md5.
   */
  private String snapshotFingerprint(KpiFilter filter) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT md5(concat_ws('|', ?::text, ?::text,"
                + " (SELECT time_zone || ',' || currency_code FROM tenant"
                + "   WHERE id = premia_current_tenant()),"
                + " (SELECT string_agg(code || ',' || nominal || ',' || rate, ';' ORDER BY code)"
                + "   FROM crm_currency)))")) {
      s.setString(1, SNAPSHOT_VERSION);
      s.setString(
          2,
          filter.pipelines().stream().sorted().toList()
              + "/"
              + filter.dealTypes().stream().sorted().toList()
              + "/"
              + filter.sources().stream().sorted().toList());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  /** A stored fingerprint of the state row ({@code fingerprint}, {@code snapshot_fingerprint}). */
  private String stored(String column) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT "
                    + column
                    + " FROM kpi_measure_state WHERE tenant_id = premia_current_tenant()")) {
      return r.next() ? r.getString(1) : null;
    }
  }

  /**
   * The months to store: from the first month with a counted fact (a deal in the snapshot, a closed
   * lead, a completed activity) to the later of the current month and the last month with one,
   * within ten years back and one year ahead.
   */
  private YearMonth[] range(ZoneId zone, StoreSql.MonthGroups groups) {
    YearMonth current = YearMonth.now(clock.withZone(zone));
    YearMonth first = current;
    YearMonth last = current;
    if (groups.firstMonth() != null) {
      YearMonth m = fromNumber(groups.firstMonth());
      first = m.isBefore(first) ? m : first;
      YearMonth n = fromNumber(groups.lastMonth());
      last = n.isAfter(last) ? n : last;
    }
    YearMonth floor = current.minusYears(YEARS_BACK);
    YearMonth ceiling = current.plusYears(1);
    return new YearMonth[] {
      first.isBefore(floor) ? floor : first, last.isAfter(ceiling) ? ceiling : last
    };
  }

  private static YearMonth fromNumber(int month) {
    return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
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

  private int update(String statement) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(statement);
    }
  }
}
