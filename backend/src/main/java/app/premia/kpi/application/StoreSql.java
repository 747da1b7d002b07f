package app.premia.kpi.application;

import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL of {@link MeasurementStore}: the deal snapshot ({@code kpi_deal_snapshot}) and the stored
 * figures ({@code kpi_employee_period}, {@code kpi_department_period}; migration 0011). Plain JDBC
 * on a connection in the tenant's context; row-level security confines every statement to the
 * tenant.
 *
 * <p>Every period boundary is the start of a local month in the tenant's zone, so which periods a
 * snapshot row counts in depends only on the local months of its won moment and of its client's
 * next purchase ({@link #month}): the full pass aggregates the snapshot by month once and rolls the
 * months up into months, quarters and years; the incremental path computes a changed row's
 * contribution from the same two months (see {@link MeasurementStore}).
 */
final class StoreSql {

  /**
   * One row of the deal snapshot: a deal that counts under the store's filter (won now, placed in
   * time), with its client's order of purchase as of the last re-measurement.
   *
   * @param employeeId responsible person (null or ≤ 0: nobody)
   * @param client {@code company:ID} or {@code contact:ID}; null: none
   * @param money amount in the tenant's currency, rounded per deal; null: no rate
   * @param nps the NPS answer 0..10, null: none
   * @param nth the client's order of purchase (1 = first); null without a client
   * @param nextWonAt the client's next purchase's won moment; null: none (or no client)
   * @param firstEmployeeId the employee of the client's first purchase; null without a client
   * @param wonMonth the local month of the won moment in the tenant's zone ({@link #month})
   * @param nextMonth the local month of the next purchase; null: none
   */
  record SnapshotRow(
      long dealId,
      Long employeeId,
      String client,
      Instant wonAt,
      int wonMonth,
      BigDecimal money,
      Integer nps,
      Integer nth,
      Instant nextWonAt,
      Integer nextMonth,
      Long firstEmployeeId) {

    SnapshotRow withOrder(Integer nth, SnapshotRow next, Long first) {
      return new SnapshotRow(
          dealId,
          employeeId,
          client,
          wonAt,
          wonMonth,
          money,
          nps,
          nth,
          next == null ? null : next.wonAt,
          next == null ? null : next.wonMonth,
          first);
    }

    /** Equal in every column (money compared as a number). */
    boolean sameAs(SnapshotRow o) {
      return o != null
          && dealId == o.dealId
          && Objects.equals(employeeId, o.employeeId)
          && Objects.equals(client, o.client)
          && wonAt.equals(o.wonAt)
          && wonMonth == o.wonMonth
          && Objects.equals(nextMonth, o.nextMonth)
          && (money == null ? o.money == null : o.money != null && money.compareTo(o.money) == 0)
          && Objects.equals(nps, o.nps)
          && Objects.equals(nth, o.nth)
          && Objects.equals(nextWonAt, o.nextWonAt)
          && Objects.equals(firstEmployeeId, o.firstEmployeeId);
    }
  }

  private static final String SNAPSHOT_COLUMNS =
      "deal_id, employee_id, client, won_at, won_month, money, nps, nth, next_won_at, next_month,"
          + " first_emp";

  private final Connection connection;

  StoreSql(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** A local month as a number: year × 12 + month − 1 (consecutive months differ by 1). */
  static int month(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  /** The first month (inclusive) of a period, as a number. */
  static int startMonth(Period period) {
    return month(YearMonth.from(period.firstDay()));
  }

  /** The month after the period's last, as a number (exclusive). */
  static int endMonth(Period period) {
    return month(YearMonth.from(period.endDay()));
  }

  // -----------------------------------------------------------------------------------------------
  // the deal snapshot
  // -----------------------------------------------------------------------------------------------

  /**
   * Recomputes every deal that counts under the filter (the won moments from one hash aggregate of
   * the stage history, the clients' order of purchase from one sort) into a temporary table, then
   * makes {@code kpi_deal_snapshot} equal to it by deleting the rows that differ or are gone and
   * inserting the new and changed ones: a snapshot that was current is read, not rewritten.
   *
   * @return rows deleted plus rows inserted
   */
  int rebuildSnapshot(KpiFilter filter, String zoneId) throws SQLException {
    update("DROP TABLE IF EXISTS pg_temp.kpi_snapshot_new");
    update(
        "CREATE TEMP TABLE kpi_snapshot_new (deal_id bigint, employee_id bigint,"
            + " client varchar(40), won_at timestamptz, won_month integer, money numeric,"
            + " nps smallint, nth integer, next_won_at timestamptz, next_month integer,"
            + " first_emp bigint) ON COMMIT DROP");
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_snapshot_new ("
                + SNAPSHOT_COLUMNS
                + ") WITH "
                + KpiSql.wonDeals("", "", true)
                + ", z AS (SELECT ?::text AS tz),"
                + " m AS (SELECT ranked.*, "
                + monthNumber("date_trunc('month', won_at AT TIME ZONE z.tz)")
                + " AS wm FROM ranked CROSS JOIN z)"
                + " SELECT id, emp, client, won_at, wm, money, nps, nth,"
                + "  CASE WHEN client IS NOT NULL THEN lead(won_at) OVER w END,"
                + "  CASE WHEN client IS NOT NULL THEN lead(wm) OVER w END,"
                + "  CASE WHEN client IS NOT NULL THEN first_value(emp) OVER w END"
                + " FROM m WINDOW w AS (PARTITION BY client ORDER BY won_at, id)")) {
      bindFilter(s, 1, filter, zoneId);
      s.setString(5, zoneId);
      s.executeUpdate();
    }
    update("ANALYZE kpi_snapshot_new");
    int written =
        update(
            "DELETE FROM kpi_deal_snapshot s WHERE s.tenant_id = premia_current_tenant()"
                + " AND NOT EXISTS (SELECT 1 FROM kpi_snapshot_new n WHERE n.deal_id = s.deal_id"
                + "  AND (n.employee_id, n.client, n.won_at, n.won_month, n.money, n.nps, n.nth,"
                + "   n.next_won_at, n.next_month, n.first_emp) IS NOT DISTINCT FROM"
                + "   (s.employee_id, s.client, s.won_at, s.won_month, s.money, s.nps, s.nth,"
                + "   s.next_won_at, s.next_month, s.first_emp))");
    written +=
        update(
            "INSERT INTO kpi_deal_snapshot (tenant_id, "
                + SNAPSHOT_COLUMNS
                + ") SELECT premia_current_tenant(), n.deal_id, n.employee_id, n.client,"
                + " n.won_at, n.won_month, n.money, n.nps, n.nth, n.next_won_at, n.next_month,"
                + " n.first_emp"
                + " FROM kpi_snapshot_new n WHERE NOT EXISTS (SELECT 1 FROM kpi_deal_snapshot s"
                + "  WHERE s.tenant_id = premia_current_tenant() AND s.deal_id = n.deal_id)");
    update("DROP TABLE kpi_snapshot_new");
    return written;
  }

  /** The snapshot rows of the given deals. */
  List<SnapshotRow> snapshotOfDeals(Collection<Long> deals) throws SQLException {
    return snapshot("deal_id = ANY (?::bigint[])", deals.toArray(Long[]::new), "bigint");
  }

  /** The snapshot rows of the given clients. */
  List<SnapshotRow> snapshotOfClients(Collection<String> clients) throws SQLException {
    return snapshot("client = ANY (?::text[])", clients.toArray(String[]::new), "text");
  }

  private List<SnapshotRow> snapshot(String condition, Object[] keys, String type)
      throws SQLException {
    List<SnapshotRow> result = new ArrayList<>();
    if (keys.length == 0) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + SNAPSHOT_COLUMNS
                + " FROM kpi_deal_snapshot WHERE tenant_id = premia_current_tenant() AND "
                + condition)) {
      s.setArray(1, connection.createArrayOf(type, keys));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          result.add(
              new SnapshotRow(
                  r.getLong(1),
                  nullableLong(r, 2),
                  r.getString(3),
                  instant(r, 4),
                  r.getInt(5),
                  r.getBigDecimal(6),
                  nullableInt(r, 7),
                  nullableInt(r, 8),
                  instant(r, 9),
                  nullableInt(r, 10),
                  nullableLong(r, 11)));
        }
      }
    }
    return result;
  }

  /**
   * The given deals as they count now under the filter (absent: not won now, filtered out, deleted,
   * not placeable in time), without their clients' order of purchase.
   */
  List<SnapshotRow> counted(KpiFilter filter, String zoneId, Collection<Long> deals)
      throws SQLException {
    List<SnapshotRow> result = new ArrayList<>();
    if (deals.isEmpty()) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "WITH sel AS (SELECT ?::bigint[] AS ids), "
                + KpiSql.wonDeals("", " AND d.id = ANY ((SELECT ids FROM sel)::bigint[])", false)
                + ", z AS (SELECT ?::text AS tz)"
                + " SELECT id, emp, client, won_at, "
                + monthNumber("date_trunc('month', won_at AT TIME ZONE z.tz)")
                + ", money, nps FROM ranked CROSS JOIN z")) {
      s.setArray(1, connection.createArrayOf("bigint", deals.toArray(Long[]::new)));
      bindFilter(s, 2, filter, zoneId);
      s.setString(6, zoneId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          result.add(
              new SnapshotRow(
                  r.getLong(1),
                  nullableLong(r, 2),
                  r.getString(3),
                  instant(r, 4),
                  r.getInt(5),
                  r.getBigDecimal(6),
                  nullableInt(r, 7),
                  null,
                  null,
                  null,
                  null));
        }
      }
    }
    return result;
  }

  /** Deletes the snapshot rows of the deals, then inserts the rows given (their new state). */
  void replaceSnapshot(Collection<Long> deals, Collection<SnapshotRow> rows) throws SQLException {
    if (!deals.isEmpty()) {
      try (PreparedStatement s =
          connection.prepareStatement(
              "DELETE FROM kpi_deal_snapshot WHERE tenant_id = premia_current_tenant()"
                  + " AND deal_id = ANY (?::bigint[])")) {
        s.setArray(1, connection.createArrayOf("bigint", deals.toArray(Long[]::new)));
        s.executeUpdate();
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    Long[] id = new Long[n];
    Long[] emp = new Long[n];
    String[] client = new String[n];
    String[] won = new String[n];
    Integer[] wonMonth = new Integer[n];
    Integer[] nextMonth = new Integer[n];
    String[] money = new String[n];
    Integer[] nps = new Integer[n];
    Integer[] nth = new Integer[n];
    String[] next = new String[n];
    Long[] first = new Long[n];
    int i = 0;
    for (SnapshotRow r : rows) {
      id[i] = r.dealId();
      emp[i] = r.employeeId();
      client[i] = r.client();
      won[i] = r.wonAt().toString();
      wonMonth[i] = r.wonMonth();
      nextMonth[i] = r.nextMonth();
      money[i] = r.money() == null ? null : r.money().toPlainString();
      nps[i] = r.nps();
      nth[i] = r.nth();
      next[i] = r.nextWonAt() == null ? null : r.nextWonAt().toString();
      first[i] = r.firstEmployeeId();
      i++;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_deal_snapshot (tenant_id, "
                + SNAPSHOT_COLUMNS
                + ") SELECT premia_current_tenant(), x.id, x.emp, x.client, x.won::timestamptz,"
                + " x.wm, x.money::numeric, x.nps, x.nth, x.next::timestamptz, x.nm, x.first"
                + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[],"
                + " ?::text[], ?::int[], ?::int[], ?::text[], ?::int[], ?::bigint[])"
                + " AS x(id, emp, client, won, wm, money, nps, nth, next, nm, first)")) {
      s.setArray(1, connection.createArrayOf("bigint", id));
      s.setArray(2, connection.createArrayOf("bigint", emp));
      s.setArray(3, connection.createArrayOf("text", client));
      s.setArray(4, connection.createArrayOf("text", won));
      s.setArray(5, connection.createArrayOf("integer", wonMonth));
      s.setArray(6, connection.createArrayOf("text", money));
      s.setArray(7, connection.createArrayOf("integer", nps));
      s.setArray(8, connection.createArrayOf("integer", nth));
      s.setArray(9, connection.createArrayOf("text", next));
      s.setArray(10, connection.createArrayOf("integer", nextMonth));
      s.setArray(11, connection.createArrayOf("bigint", first));
      s.executeUpdate();
    }
  }

  // -----------------------------------------------------------------------------------------------
  // the full pass: every stored figure from the snapshot, the leads, the activities and the roster
  // -----------------------------------------------------------------------------------------------

  /** A local month (a timestamp without zone truncated to its month) as {@link #month}. */
  private static String monthNumber(String truncated) {
    return "(extract(year FROM "
        + truncated
        + ") * 12 + extract(month FROM "
        + truncated
        + ") - 1)::int";
  }

  /**
   * Everything the employee figures are made of, aggregated by local month (a few rows per employee
   * and month): the snapshot's deals (per employee and won month), its purchases with a client (per
   * employee, won month and the client's next purchase's month: retention), its deals per the
   * employee of the client's first purchase (LTV), the closed leads and the completed activities.
   * Rolled up into any periods by {@link #feed}.
   */
  static final class MonthGroups {
    private record Deals(long emp, int month, EmployeeFigures figures) {}

    private record Purchases(long emp, int month, Integer next, long clients) {}

    private record Lifetime(long emp, int month, long firsts, long unpriced, BigDecimal total) {}

    private record Counts(long emp, int month, long a, long b, long c) {}

    private final List<Deals> deals = new ArrayList<>();
    private final List<Purchases> purchases = new ArrayList<>();
    private final List<Lifetime> lifetime = new ArrayList<>();
    private final List<Counts> leads = new ArrayList<>();
    private final List<Counts> activities = new ArrayList<>();
    private Integer first;
    private Integer last;

    private void seen(int month) {
      first = first == null || month < first ? month : first;
      last = last == null || month > last ? month : last;
    }

    /** The first month with a fact (a counted deal, a closed lead, a completed activity). */
    Integer firstMonth() {
      return first;
    }

    Integer lastMonth() {
      return last;
    }

    void feed(FigureRollup rollup) {
      for (Deals d : deals) {
        rollup.deals(d.emp, d.month, d.figures, 1);
      }
      for (Purchases p : purchases) {
        rollup.retention(p.emp, p.month, p.next, p.clients, 1);
      }
      for (Lifetime l : lifetime) {
        rollup.ltv(l.emp, l.month, l.firsts, l.unpriced, l.total, 1);
      }
      for (Counts l : leads) {
        rollup.leads(l.emp, l.month, l.a, l.b);
      }
      for (Counts a : activities) {
        rollup.activities(a.emp, a.month, a.a, a.b, a.c);
      }
    }
  }

  /** Reads the month groups of the tenant (the snapshot must be current). */
  MonthGroups monthGroups(String zoneId) throws SQLException {
    MonthGroups g = new MonthGroups();
    // one scan of the snapshot: (employee, month) deals, (employee, month, next month) purchases
    // with a client, (first purchase's employee, month) lifetime
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT GROUPING(employee_id, first_emp, next_month) AS gs,"
                    + " coalesce(employee_id, first_emp, 0), won_month, next_month,"
                    + " count(*), count(money), coalesce(sum(money), 0), count(nps),"
                    + " count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6),"
                    + " count(*) FILTER (WHERE nth = 1), count(money) FILTER (WHERE nth > 1),"
                    + " count(*) FILTER (WHERE nth > 1 AND money IS NULL),"
                    + " coalesce(sum(money) FILTER (WHERE nth > 1), 0),"
                    + " count(*) FILTER (WHERE client IS NOT NULL)"
                    + " FROM kpi_deal_snapshot WHERE tenant_id = premia_current_tenant()"
                    + " GROUP BY GROUPING SETS ((employee_id, won_month),"
                    + "  (employee_id, won_month, next_month), (first_emp, won_month))")) {
      while (r.next()) {
        int gs = r.getInt(1);
        long emp = r.getLong(2);
        int month = r.getInt(3);
        g.seen(month);
        switch (gs) {
          case 3 -> {
            EmployeeFigures f = new EmployeeFigures();
            f.deals = r.getLong(5);
            f.priced = r.getLong(6);
            f.volume = r.getBigDecimal(7);
            f.answers = r.getLong(8);
            f.promoters = r.getLong(9);
            f.detractors = r.getLong(10);
            f.newClients = r.getLong(11);
            f.repeatPriced = r.getLong(12);
            f.repeatUnpriced = r.getLong(13);
            f.repeatVolume = r.getBigDecimal(14);
            g.deals.add(new MonthGroups.Deals(emp, month, f));
          }
          case 2 -> {
            long clients = r.getLong(15);
            if (clients > 0) {
              g.purchases.add(new MonthGroups.Purchases(emp, month, nullableInt(r, 4), clients));
            }
          }
          case 5 ->
              g.lifetime.add(
                  new MonthGroups.Lifetime(
                      emp, month, r.getLong(11), r.getLong(5) - r.getLong(6), r.getBigDecimal(7)));
          default -> throw new IllegalStateException("unexpected grouping set " + gs);
        }
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT l.assigned_by_id, "
                + monthNumber("date_trunc('month', l.closed_at AT TIME ZONE z.tz)")
                + " AS m, count(*) FILTER (WHERE l.status_semantic = 'S'), count(*)"
                + " FROM crm_lead l CROSS JOIN (SELECT ?::text AS tz) z"
                + " WHERE l.status_semantic IN ('S', 'F')"
                + " AND l.assigned_by_id > 0 AND l.closed_at IS NOT NULL GROUP BY 1, 2")) {
      s.setString(1, zoneId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          g.seen(r.getInt(2));
          g.leads.add(
              new MonthGroups.Counts(r.getLong(1), r.getInt(2), r.getLong(3), r.getLong(4), 0));
        }
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT a.responsible_id, "
                + monthNumber("date_trunc('month', a.end_time AT TIME ZONE z.tz)")
                + " AS m, count(*) FILTER (WHERE a.type_id = 2),"
                + " count(*) FILTER (WHERE a.type_id = 1), count(*) FILTER (WHERE a.type_id = 4)"
                + " FROM crm_activity a CROSS JOIN (SELECT ?::text AS tz) z"
                + " WHERE a.completed AND a.type_id IN (1, 2, 4)"
                + " AND a.responsible_id > 0 AND a.end_time IS NOT NULL GROUP BY 1, 2")) {
      s.setString(1, zoneId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          g.seen(r.getInt(2));
          g.activities.add(
              new MonthGroups.Counts(
                  r.getLong(1), r.getInt(2), r.getLong(3), r.getLong(4), r.getLong(5)));
        }
      }
    }
    return g;
  }

  /**
   * The employees on the roster of each period: employed on at least one day of it (hired before
   * its end, dismissed on or after its first day; unknown dates do not exclude).
   */
  Set<PeriodKey> roster(List<Period> periods) throws SQLException {
    Set<PeriodKey> result = new HashSet<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT id, hired_on, fired_on FROM crm_employee")) {
      while (r.next()) {
        long id = r.getLong(1);
        Date hired = r.getDate(2);
        Date fired = r.getDate(3);
        for (Period p : periods) {
          if ((hired == null || hired.toLocalDate().isBefore(p.endDay()))
              && (fired == null || !fired.toLocalDate().isBefore(p.firstDay()))) {
            result.add(new PeriodKey(p, id));
          }
        }
      }
    }
    return result;
  }

  private static final int INSERT_CHUNK = 20_000;

  /**
   * Replaces every stored employee figure of the tenant: one row per (period, employee) of the
   * figures and of the roster.
   *
   * @return rows written
   */
  int replaceEmployees(Map<PeriodKey, EmployeeFigures> figures, Set<PeriodKey> roster)
      throws SQLException {
    update("DELETE FROM kpi_employee_period WHERE tenant_id = premia_current_tenant()");
    Set<PeriodKey> keys = new HashSet<>(figures.keySet());
    keys.addAll(roster);
    List<PeriodKey> all = new ArrayList<>(keys);
    StringBuilder arrays = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int c = 0; c < EmployeeFigures.COLUMNS.length; c++) {
      String f = EmployeeFigures.COLUMNS[c];
      boolean money = EmployeeFigures.isMoney(c);
      arrays.append(money ? ", ?::numeric[]" : ", ?::bigint[]");
      names.append(", ").append(f);
    }
    String sql =
        "INSERT INTO kpi_employee_period (tenant_id, period_kind, period_start, employee_id,"
            + " on_roster"
            + names
            + ") SELECT premia_current_tenant(), x.kind, x.first::date, x.emp, x.r"
            + names.toString().replace(", ", ", x.")
            + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::boolean[]"
            + arrays
            + ") AS x(kind, first, emp, r"
            + names
            + ")";
    int written = 0;
    EmployeeFigures zero = new EmployeeFigures();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
        List<PeriodKey> part = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
        int n = part.size();
        String[] kind = new String[n];
        String[] first = new String[n];
        Long[] emp = new Long[n];
        Boolean[] onRoster = new Boolean[n];
        Object[][] values = new Object[EmployeeFigures.COLUMNS.length][n];
        for (int i = 0; i < n; i++) {
          PeriodKey k = part.get(i);
          kind[i] = k.period().type().name();
          first[i] = k.period().firstDay().toString();
          emp[i] = k.subject();
          onRoster[i] = roster.contains(k);
          EmployeeFigures f = figures.getOrDefault(k, zero);
          Object[] v = f.values();
          for (int j = 0; j < v.length; j++) {
            values[j][i] = v[j];
          }
        }
        s.setArray(1, connection.createArrayOf("text", kind));
        s.setArray(2, connection.createArrayOf("text", first));
        s.setArray(3, connection.createArrayOf("bigint", emp));
        s.setArray(4, connection.createArrayOf("boolean", onRoster));
        for (int j = 0; j < EmployeeFigures.COLUMNS.length; j++) {
          boolean money = EmployeeFigures.isMoney(j);
          Object[] column =
              money
                  ? java.util.Arrays.copyOf(values[j], n, BigDecimal[].class)
                  : java.util.Arrays.copyOf(values[j], n, Long[].class);
          s.setArray(5 + j, connection.createArrayOf(money ? "numeric" : "bigint", column));
        }
        written += s.executeUpdate();
      }
    }
    return written;
  }

  /**
   * Replaces every stored department figure of the tenant: headcounts of every department of the
   * portal, and its members' won deals (each member once) summed from the employee figures.
   *
   * @return rows written
   */
  int replaceDepartments(
      List<Period> periods, String zoneId, Map<PeriodKey, EmployeeFigures> employees)
      throws SQLException {
    update("DELETE FROM kpi_department_period WHERE tenant_id = premia_current_tenant()");
    Map<PeriodKey, DepartmentFigures> all = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(KpiSql.HEADCOUNT_SQL + KpiSql.BY_DEPARTMENT)) {
      s.setArray(
          1,
          connection.createArrayOf(
              "text", periods.stream().map(p -> p.start().toString()).toArray(String[]::new)));
      s.setArray(
          2,
          connection.createArrayOf(
              "text", periods.stream().map(p -> p.end().toString()).toArray(String[]::new)));
      s.setString(3, zoneId);
      s.setString(4, zoneId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          DepartmentFigures f = new DepartmentFigures();
          f.managers = r.getLong("managers");
          f.dismissed = r.getLong("left_");
          f.firstDay = r.getLong("first_day_count");
          f.lastDay = r.getLong("last_day_count");
          all.put(new PeriodKey(periods.get(r.getInt("ix") - 1), r.getLong("dept")), f);
        }
      }
    }
    Set<Long> sellers = new HashSet<>();
    for (Map.Entry<PeriodKey, EmployeeFigures> e : employees.entrySet()) {
      if (e.getValue().deals != 0) {
        sellers.add(e.getKey().subject());
      }
    }
    Map<Long, Set<Long>> departments = departmentsOf(sellers);
    for (Map.Entry<PeriodKey, EmployeeFigures> e : employees.entrySet()) {
      EmployeeFigures f = e.getValue();
      for (Long d : departments.getOrDefault(e.getKey().subject(), Set.of())) {
        DepartmentFigures g = all.get(new PeriodKey(e.getKey().period(), d));
        if (g != null) {
          g.addWonDeals(f);
        }
      }
    }
    return upsertDepartments(all, false);
  }

  // -----------------------------------------------------------------------------------------------
  // the incremental path
  // -----------------------------------------------------------------------------------------------

  /** A subject (employee or department) in a stored period. */
  record PeriodKey(Period period, long subject) {}

  private static final String[] DEPARTMENT_FIGURES = {
    "managers", "dismissed", "first_day", "last_day", "priced", "unpriced", "volume"
  };

  /**
   * Adds the figures to the stored ones (rows missing are created off the roster): the difference a
   * changed deal makes.
   */
  int addEmployees(Map<PeriodKey, EmployeeFigures> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return 0;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO kpi_employee_period AS t (tenant_id, period_kind, period_start,"
                + " employee_id, on_roster, ");
    sql.append(String.join(", ", EmployeeFigures.COLUMNS))
        .append(") VALUES (premia_current_tenant(), ?, ?, ?, false")
        .append(", ?".repeat(EmployeeFigures.COLUMNS.length))
        .append(")")
        .append(" ON CONFLICT ON CONSTRAINT kpi_employee_period_pk DO UPDATE SET ");
    for (int i = 0; i < EmployeeFigures.COLUMNS.length; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(EmployeeFigures.COLUMNS[i])
          .append(" = t.")
          .append(EmployeeFigures.COLUMNS[i])
          .append(" + EXCLUDED.")
          .append(EmployeeFigures.COLUMNS[i]);
    }
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      for (Map.Entry<PeriodKey, EmployeeFigures> e : deltas.entrySet()) {
        EmployeeFigures f = e.getValue();
        s.setString(1, e.getKey().period().type().name());
        s.setDate(2, Date.valueOf(e.getKey().period().firstDay()));
        s.setLong(3, e.getKey().subject());
        Object[] values = f.values();
        for (int i = 0; i < values.length; i++) {
          s.setObject(4 + i, values[i]);
        }
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  /**
   * Sets the lead and activity figures of the employees in the periods to what the facts say now
   * (zero when nothing counts).
   */
  int setLeadsAndActivities(Collection<Long> employees, Collection<Period> periods)
      throws SQLException {
    if (employees.isEmpty() || periods.isEmpty()) {
      return 0;
    }
    List<Period> list = new ArrayList<>(periods);
    Map<PeriodKey, long[]> counts = new HashMap<>();
    for (Period p : list) {
      for (Long e : employees) {
        counts.put(new PeriodKey(p, e), new long[5]);
      }
    }
    Long[] ids = employees.toArray(Long[]::new);
    read(
        "SELECT p.ix, l.assigned_by_id AS emp,"
            + " count(*) FILTER (WHERE l.status_semantic = 'S'), count(*)"
            + " FROM crm_lead l JOIN p ON l.closed_at >= p.s AND l.closed_at < p.e"
            + " WHERE l.status_semantic IN ('S', 'F') AND l.assigned_by_id = ANY (?::bigint[])"
            + " GROUP BY p.ix, l.assigned_by_id",
        list,
        ids,
        (key, r) -> {
          long[] c = counts.get(key);
          c[0] = r.getLong(3);
          c[1] = r.getLong(4);
        });
    read(
        "SELECT p.ix, a.responsible_id AS emp, count(*) FILTER (WHERE a.type_id = 2),"
            + " count(*) FILTER (WHERE a.type_id = 1), count(*) FILTER (WHERE a.type_id = 4)"
            + " FROM crm_activity a JOIN p ON a.end_time >= p.s AND a.end_time < p.e"
            + " WHERE a.completed AND a.type_id IN (1, 2, 4)"
            + " AND a.responsible_id = ANY (?::bigint[]) GROUP BY p.ix, a.responsible_id",
        list,
        ids,
        (key, r) -> {
          long[] c = counts.get(key);
          c[2] = r.getLong(3);
          c[3] = r.getLong(4);
          c[4] = r.getLong(5);
        });
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_employee_period AS t (tenant_id, period_kind, period_start,"
                + " employee_id, on_roster, "
                + String.join(", ", EmployeeFigures.COLUMNS)
                + ") VALUES (premia_current_tenant(), ?, ?, ?, false, 0, 0, 0, 0, 0, 0, 0, 0, 0,"
                + " 0, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?)"
                + " ON CONFLICT ON CONSTRAINT kpi_employee_period_pk DO UPDATE SET"
                + " converted = EXCLUDED.converted, closed_leads = EXCLUDED.closed_leads,"
                + " calls = EXCLUDED.calls, meetings = EXCLUDED.meetings,"
                + " emails = EXCLUDED.emails")) {
      for (Map.Entry<PeriodKey, long[]> e : counts.entrySet()) {
        long[] c = e.getValue();
        s.setString(1, e.getKey().period().type().name());
        s.setDate(2, Date.valueOf(e.getKey().period().firstDay()));
        s.setLong(3, e.getKey().subject());
        for (int i = 0; i < 5; i++) {
          s.setLong(4 + i, c[i]);
        }
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private interface KeyedRow {
    void accept(PeriodKey key, ResultSet row) throws SQLException;
  }

  private void read(String select, List<Period> periods, Long[] ids, KeyedRow sink)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "WITH p AS (SELECT x.ix, x.s::timestamptz AS s, x.e::timestamptz AS e"
                + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(s, e, ix)) "
                + select)) {
      s.setArray(
          1,
          connection.createArrayOf(
              "text", periods.stream().map(p -> p.start().toString()).toArray(String[]::new)));
      s.setArray(
          2,
          connection.createArrayOf(
              "text", periods.stream().map(p -> p.end().toString()).toArray(String[]::new)));
      s.setArray(3, connection.createArrayOf("bigint", ids));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          sink.accept(new PeriodKey(periods.get(r.getInt(1) - 1), r.getLong(2)), r);
        }
      }
    }
  }

  /**
   * Writes department figures: added to the stored ones ({@code add}, the won-deal figures only) or
   * inserted.
   */
  int upsertDepartments(Map<PeriodKey, DepartmentFigures> figures, boolean add)
      throws SQLException {
    if (figures.isEmpty()) {
      return 0;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO kpi_department_period AS t (tenant_id, period_kind, period_start,"
                + " department_id, ");
    sql.append(String.join(", ", DEPARTMENT_FIGURES))
        .append(") VALUES (premia_current_tenant(), ?, ?, ?")
        .append(", ?".repeat(DEPARTMENT_FIGURES.length))
        .append(")");
    if (add) {
      sql.append(
          " ON CONFLICT ON CONSTRAINT kpi_department_period_pk DO UPDATE SET"
              + " priced = t.priced + EXCLUDED.priced, unpriced = t.unpriced + EXCLUDED.unpriced,"
              + " volume = t.volume + EXCLUDED.volume");
    }
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      for (Map.Entry<PeriodKey, DepartmentFigures> e : figures.entrySet()) {
        DepartmentFigures f = e.getValue();
        s.setString(1, e.getKey().period().type().name());
        s.setDate(2, Date.valueOf(e.getKey().period().firstDay()));
        s.setLong(3, e.getKey().subject());
        Object[] values = {
          f.managers, f.dismissed, f.firstDay, f.lastDay, f.priced, f.unpriced, f.volume
        };
        for (int i = 0; i < values.length; i++) {
          s.setObject(4 + i, values[i]);
        }
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  /** Each employee's departments (every department whose tree lists him, any depth). */
  Map<Long, Set<Long>> departmentsOf(Collection<Long> employees) throws SQLException {
    Map<Long, Set<Long>> result = new HashMap<>();
    if (employees.isEmpty()) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "WITH RECURSIVE "
                + KpiSql.MEMBERS
                + " SELECT DISTINCT emp, root FROM members WHERE emp = ANY (?::bigint[])")) {
      s.setArray(1, connection.createArrayOf("bigint", employees.toArray(Long[]::new)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          result.computeIfAbsent(r.getLong(1), k -> new TreeSet<>()).add(r.getLong(2));
        }
      }
    }
    return result;
  }

  // -----------------------------------------------------------------------------------------------
  // reading
  // -----------------------------------------------------------------------------------------------

  /**
   * The stored employee figures of a period for the employees it lists (on the roster, or with a
   * deal won, a lead closed or an activity completed in it).
   *
   * @param ids the employees wanted; empty: all
   */
  Map<Long, EmployeeFigures> employees(Period period, Collection<Long> ids) throws SQLException {
    Map<Long, EmployeeFigures> result = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT employee_id, on_roster, "
                + String.join(", ", EmployeeFigures.COLUMNS)
                + " FROM kpi_employee_period WHERE tenant_id = premia_current_tenant()"
                + " AND period_kind = ? AND period_start = ?"
                + (ids.isEmpty() ? "" : " AND employee_id = ANY (?::bigint[])"))) {
      s.setString(1, period.type().name());
      s.setDate(2, Date.valueOf(period.firstDay()));
      if (!ids.isEmpty()) {
        s.setArray(3, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          EmployeeFigures f = EmployeeFigures.read(r, 3);
          if (r.getBoolean(2) || f.hasFacts()) {
            result.put(r.getLong(1), f);
          }
        }
      }
    }
    return result;
  }

  /**
   * The stored department figures of a period.
   *
   * @param ids the departments wanted; empty: all
   */
  Map<Long, DepartmentFigures> departments(Period period, Collection<Long> ids)
      throws SQLException {
    Map<Long, DepartmentFigures> result = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT department_id, "
                + String.join(", ", DEPARTMENT_FIGURES)
                + " FROM kpi_department_period WHERE tenant_id = premia_current_tenant()"
                + " AND period_kind = ? AND period_start = ?"
                + (ids.isEmpty() ? "" : " AND department_id = ANY (?::bigint[])"))) {
      s.setString(1, period.type().name());
      s.setDate(2, Date.valueOf(period.firstDay()));
      if (!ids.isEmpty()) {
        s.setArray(3, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          DepartmentFigures f = new DepartmentFigures();
          f.managers = r.getLong(2);
          f.dismissed = r.getLong(3);
          f.firstDay = r.getLong(4);
          f.lastDay = r.getLong(5);
          f.priced = r.getLong(6);
          f.unpriced = r.getLong(7);
          f.volume = r.getBigDecimal(8);
          result.put(r.getLong(1), f);
        }
      }
    }
    return result;
  }

  // -----------------------------------------------------------------------------------------------

  private void bindFilter(PreparedStatement s, int from, KpiFilter filter, String zoneId)
      throws SQLException {
    List<Object> params = KpiSql.dealParams(filter, zoneId);
    s.setArray(from, connection.createArrayOf("integer", (Object[]) params.get(0)));
    s.setArray(from + 1, connection.createArrayOf("text", (Object[]) params.get(1)));
    s.setArray(from + 2, connection.createArrayOf("text", (Object[]) params.get(2)));
    s.setString(from + 3, (String) params.get(3));
  }

  private int update(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static int sum(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += Math.max(c, 0);
    }
    return n;
  }

  private static Long nullableLong(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet r, int column) throws SQLException {
    int v = r.getInt(column);
    return r.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
