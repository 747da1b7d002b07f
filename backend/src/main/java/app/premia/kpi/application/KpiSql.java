package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.FunnelMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the employee-scoped KPIs in SQL over the synced CRM facts, for several periods at once,
 * on a plain JDBC connection whose tenant settings ({@code app.tenant_id}) are already set:
 * row-level security confines every query to that tenant. Deals are never loaded into Java objects;
 * SQL returns one aggregate row per (period, employee) and Java only divides (ratios, averages).
 *
 * <p>The definitions implemented are those of {@link Kpi} (and {@code docs/domain/kpis.md}). Which
 * KPIs are measured here: {@link #MEASURED}.
 */
public final class KpiSql {

  /** The KPIs this class measures; the others of the catalogue are defined but not yet measured. */
  public static final Set<Kpi> MEASURED =
      EnumSet.of(
          Kpi.SALES_VOLUME,
          Kpi.DEALS_WON,
          Kpi.AVERAGE_DEAL,
          Kpi.LEAD_CONVERSION,
          Kpi.REPEAT_SALES,
          Kpi.NEW_CLIENTS,
          Kpi.NPS,
          Kpi.RETENTION,
          Kpi.LTV,
          Kpi.ACTIVITY_CALLS,
          Kpi.ACTIVITY_MEETINGS,
          Kpi.ACTIVITY_EMAILS,
          Kpi.ACTIVITY_TOTAL);

  /** The department KPIs {@link #measureDepartments} measures. */
  public static final Set<Kpi> MEASURED_DEPARTMENT =
      EnumSet.of(Kpi.AVERAGE_SALES_PER_MANAGER, Kpi.STAFF_TURNOVER);

  /** The periods as a numbered table {@code p(ix, start_at, end_at)}; ix counts from 1. */
  static final String PERIODS =
      "p AS (SELECT x.ix, x.s::timestamptz AS start_at, x.e::timestamptz AS end_at"
          + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(s, e, ix))";

  /**
   * Every deal won now that passes the {@link KpiFilter}, with its won moment, client, the client's
   * order of purchase (nth, 1 = the client's first-ever won deal among the filtered ones) and its
   * amount in the tenant's currency (null: no rate). Parameters: the filter's pipelines, deal types
   * and sources (arrays, empty = all), then the tenant's zone.
   */
  /** The unrestricted won deals (see {@link #wonDeals(String, String)}), shared with KpiFacts. */
  static final String WON_DEALS = wonDeals("", "");

  private static String wonDeals(boolean restricted) {
    return restricted
        ? wonDeals(SCOPE, " AND d.id = ANY ((SELECT ids FROM scope)::bigint[])")
        : wonDeals("", "");
  }

  /**
   * @param scope CTEs to put before {@code won}
   * @param dealCondition an extra condition on the deals {@code d}
   */
  private static String wonDeals(String scope, String dealCondition) {
    return wonDeals(scope, dealCondition, false);
  }

  /**
   * @param hashed the won moments from one hash aggregate of the whole stage history (for every won
   *     deal at once) instead of one index lookup per deal; the same values
   */
  static String wonDeals(String scope, String dealCondition, boolean hashed) {
    return "f AS (SELECT ?::int[] AS pipelines, ?::text[] AS types, ?::text[] AS sources),"
        + " t AS (SELECT currency_code AS cur FROM tenant WHERE id = premia_current_tenant()),"
        + scope
        + (hashed
            ? " sh AS (SELECT h.owner_id, max(h.created_at) AS won_at FROM crm_stage_history h"
                + "  WHERE h.tenant_id = premia_current_tenant() AND h.entity_type_id = 2"
                + "   AND h.stage_semantic = 'S' GROUP BY h.owner_id),"
            : "")
        + " won AS ("
        + "  SELECT d.id, d.assigned_by_id AS emp, d.amount, d.currency, d.nps,"
        + "   CASE WHEN d.company_id > 0 THEN 'company:' || d.company_id"
        + "        WHEN d.contact_id > 0 THEN 'contact:' || d.contact_id END AS client,"
        + (hashed
            ? "   coalesce(sh.won_at, d.close_date::timestamp AT TIME ZONE ?) AS won_at"
                + "  FROM crm_deal d CROSS JOIN f LEFT JOIN sh ON sh.owner_id = d.id"
                + "  WHERE d.stage_semantic = 'S'"
            : "   coalesce((SELECT max(h.created_at) FROM crm_stage_history h"
                + "             WHERE h.tenant_id = d.tenant_id AND h.entity_type_id = 2"
                + "               AND h.owner_id = d.id AND h.stage_semantic = 'S'),"
                + "            d.close_date::timestamp AT TIME ZONE ?) AS won_at"
                + "  FROM crm_deal d CROSS JOIN f WHERE d.stage_semantic = 'S'")
        + dealCondition
        + "   AND (cardinality(f.pipelines) = 0 OR d.category_id = ANY (f.pipelines))"
        + "   AND (cardinality(f.types) = 0 OR d.type_id = ANY (f.types))"
        + "   AND (cardinality(f.sources) = 0 OR d.source_id = ANY (f.sources))),"
        + " ranked AS ("
        + "  SELECT w.id, w.emp, w.nps, w.won_at, w.client,"
        + "   CASE WHEN w.client IS NOT NULL THEN"
        + "     row_number() OVER (PARTITION BY w.client ORDER BY w.won_at, w.id) END AS nth,"
        + "   CASE WHEN w.currency IS NULL OR w.currency = t.cur THEN w.amount"
        + "        WHEN dc.rate IS NULL OR tc.rate IS NULL OR tc.rate <= 0 OR dc.nominal <= 0"
        + "          THEN NULL"
        + "        ELSE round(w.amount * dc.rate * tc.nominal / (dc.nominal * tc.rate), 2)"
        + "   END AS money"
        + "  FROM won w CROSS JOIN t"
        + "  LEFT JOIN crm_currency dc ON dc.code = w.currency"
        + "  LEFT JOIN crm_currency tc ON tc.code = t.cur"
        + "  WHERE w.won_at IS NOT NULL)";
  }

  /**
   * The selected employees ({@code sel}), a parameter right after the periods: {@code bigint[]}.
   * Present only when a measurement is restricted to some employees.
   */
  private static final String SELECTION = ", sel AS (SELECT ?::bigint[] AS emps)";

  /**
   * When restricted: the deals {@link #wonDeals} needs for the selected employees — their own, and
   * every deal of each client they won a deal of (a client's order of purchase, retention and LTV
   * look at all of the client's deals). Each lookup goes through an index (assigned person,
   * company, contact).
   */
  private static final String SCOPE =
      " scope AS (SELECT array_agg(id) AS ids FROM ("
          + "  SELECT m.id FROM crm_deal m WHERE m.assigned_by_id = ANY ((SELECT emps FROM sel)::bigint[])"
          + "  UNION SELECT o.id FROM crm_deal m JOIN crm_deal o ON o.company_id = m.company_id"
          + "   WHERE m.assigned_by_id = ANY ((SELECT emps FROM sel)::bigint[]) AND m.stage_semantic = 'S'"
          + "    AND m.company_id > 0 AND o.company_id > 0"
          + "  UNION SELECT o.id FROM crm_deal m JOIN crm_deal o ON o.contact_id = m.contact_id"
          + "   WHERE m.assigned_by_id = ANY ((SELECT emps FROM sel)::bigint[]) AND m.stage_semantic = 'S'"
          + "    AND NOT coalesce(m.company_id > 0, false) AND m.contact_id > 0"
          + "    AND o.contact_id > 0 AND NOT coalesce(o.company_id > 0, false)) x),";

  /** {@code AND column = ANY (selected employees)} when restricted, else nothing. */
  private static String only(boolean restricted, String column) {
    return restricted ? " AND " + column + " = ANY ((SELECT emps FROM sel)::bigint[])" : "";
  }

  private static String sel(boolean restricted) {
    return restricted ? SELECTION : "";
  }

  private static String dealsSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + ", "
        + wonDeals(r)
        + " SELECT p.ix, r.emp,"
        + "  count(*) AS deals,"
        + "  count(r.money) AS priced,"
        + "  coalesce(sum(r.money), 0) AS volume,"
        + "  count(r.nps) AS answers,"
        + "  count(*) FILTER (WHERE r.nps >= 9) AS promoters,"
        + "  count(*) FILTER (WHERE r.nps <= 6) AS detractors,"
        + "  count(*) FILTER (WHERE r.nth = 1) AS new_clients,"
        + "  count(r.money) FILTER (WHERE r.nth > 1) AS repeat_priced,"
        + "  count(*) FILTER (WHERE r.nth > 1 AND r.money IS NULL) AS repeat_unpriced,"
        + "  coalesce(sum(r.money) FILTER (WHERE r.nth > 1), 0) AS repeat_volume"
        + " FROM ranked r JOIN p ON r.won_at >= p.start_at AND r.won_at < p.end_at"
        + " WHERE r.emp > 0"
        + only(r, "r.emp")
        + " GROUP BY p.ix, r.emp";
  }

  /**
   * Retention: for each period, every client with a won deal in [start − 12 months, start) (local
   * time), attributed to whoever won its latest deal before the start, and whether it bought again
   * in the period. Extra parameters: the zone twice.
   */
  private static String retentionSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + ", "
        + wonDeals(r)
        + ", base AS ("
        + "  SELECT DISTINCT ON (p.ix, r.client) p.ix, r.client, r.emp, p.start_at, p.end_at"
        + "  FROM ranked r JOIN p ON r.won_at < p.start_at"
        + "   AND r.won_at >= (p.start_at AT TIME ZONE ? - interval '12 months') AT TIME ZONE ?"
        + "  WHERE r.client IS NOT NULL"
        + "  ORDER BY p.ix, r.client, r.won_at DESC, r.id DESC),"
        // the clients with a purchase in each period (a join, not a lookup per client)
        + " bought AS (SELECT DISTINCT p.ix, r.client FROM ranked r JOIN p"
        + "  ON r.won_at >= p.start_at AND r.won_at < p.end_at WHERE r.client IS NOT NULL)"
        + " SELECT b.ix, b.emp, count(*) AS clients, count(bo.client) AS retained"
        + " FROM base b LEFT JOIN bought bo ON bo.ix = b.ix AND bo.client = b.client"
        + " WHERE b.emp > 0"
        + only(r, "b.emp")
        + " GROUP BY b.ix, b.emp";
  }

  /**
   * LTV: for each period, the clients whose first-ever won deal is the employee's and was won
   * before the period's end, with all their deals won before that end.
   */
  private static String ltvSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + ", "
        + wonDeals(r)
        + ", firsts AS (SELECT client, emp, won_at FROM ranked WHERE nth = 1 AND emp > 0"
        + only(r, "emp")
        + ")"
        + " SELECT p.ix, fi.emp, count(DISTINCT fi.client) AS clients,"
        + "  count(*) FILTER (WHERE r.money IS NULL) AS unpriced,"
        + "  coalesce(sum(r.money), 0) AS total"
        + " FROM p JOIN firsts fi ON fi.won_at < p.end_at"
        + " JOIN ranked r ON r.client = fi.client AND r.won_at < p.end_at"
        + " GROUP BY p.ix, fi.emp";
  }

  /**
   * Every department with each of its employees: those listed in the department itself or in any
   * sub-department ({@code parent_id}, any depth; UNION stops on a cycle), each once.
   */
  static final String MEMBERS = members("");

  private static String members(String roots) {
    return "tree(root, id) AS (SELECT id, id FROM crm_department"
        + roots
        + "  UNION SELECT tr.root, d.id FROM tree tr JOIN crm_department d ON d.parent_id = tr.id),"
        + " members AS (SELECT DISTINCT tr.root, e.id AS emp, e.hired_on, e.fired_on"
        + "  FROM tree tr JOIN crm_employee e ON tr.id = ANY (e.department_ids))";
  }

  /**
   * Per period and department: active employees (employed on at least one day), dismissals in the
   * period and headcounts on its first and last local days. An employee is employed on day D when
   * hired on or before D (or no hire date) and dismissed on or after D (or no dismissal date).
   * Extra parameters: the zone twice.
   */
  static final String HEADCOUNT_SQL = headcountSql(MEMBERS);

  private static String headcountSql(String members) {
    return "WITH RECURSIVE "
        + PERIODS
        + ", pd AS (SELECT ix, (start_at AT TIME ZONE ?)::date AS first_day,"
        + "  (end_at AT TIME ZONE ?)::date - 1 AS last_day FROM p), "
        + members
        // the members counted by (department, hire date, dismissal date): employees with the same
        // dates (typically none) count together, so the periods multiply few rows
        + ", mg AS (SELECT root, hired_on, fired_on, count(*) AS n FROM members"
        + "  GROUP BY root, hired_on, fired_on)"
        + " SELECT pd.ix, dep.id AS dept,"
        + "  coalesce(sum(m.n) FILTER (WHERE (m.hired_on IS NULL OR m.hired_on <= pd.last_day)"
        + "   AND (m.fired_on IS NULL OR m.fired_on >= pd.first_day)), 0)::bigint AS managers,"
        + "  coalesce(sum(m.n) FILTER (WHERE m.fired_on BETWEEN pd.first_day AND pd.last_day), 0)"
        + "   ::bigint AS left_,"
        + "  coalesce(sum(m.n) FILTER (WHERE (m.hired_on IS NULL OR m.hired_on <= pd.first_day)"
        + "   AND (m.fired_on IS NULL OR m.fired_on >= pd.first_day)), 0)::bigint AS first_day_count,"
        + "  coalesce(sum(m.n) FILTER (WHERE (m.hired_on IS NULL OR m.hired_on <= pd.last_day)"
        + "   AND (m.fired_on IS NULL OR m.fired_on >= pd.last_day)), 0)::bigint AS last_day_count"
        + " FROM pd CROSS JOIN crm_department dep LEFT JOIN mg m ON m.root = dep.id";
  }

  static final String BY_DEPARTMENT = " GROUP BY pd.ix, dep.id";

  /** Per period and department: the won (filtered) deals of its employees, as in DEALS_SQL. */
  private static final String DEPARTMENT_DEALS_SQL =
      "WITH RECURSIVE "
          + PERIODS
          + ", "
          + wonDeals(false)
          + ", "
          + MEMBERS
          + " SELECT p.ix, m.root AS dept, count(r.money) AS priced,"
          + "  count(*) FILTER (WHERE r.money IS NULL) AS unpriced,"
          + "  coalesce(sum(r.money), 0) AS volume"
          + " FROM ranked r JOIN p ON r.won_at >= p.start_at AND r.won_at < p.end_at"
          + " JOIN members m ON m.emp = r.emp"
          + " GROUP BY p.ix, m.root";

  /**
   * Funnel conversion per department, pipeline and in-progress stage: each deal's first entry into
   * the stage in the period (by time, then history id) and whether a later entry (by time, then id)
   * went to a later stage of the same pipeline — in progress with a higher sort, or success.
   * Parameters after the periods: the filter's pipelines, deal types and sources.
   *
   * <p>How (issue #5: the former correlated EXISTS per entry took 33 s on a 3 000-deal portal):
   * without a correlated subquery, and with no join between two large row sets whose plan depends
   * on statistics (a freshly synced portal may have none: the planner then takes them for one row
   * each and nests loops). {@code owned}: each filtered deal with the departments it belongs to,
   * once. {@code reach}: per (pipeline, stage) of the catalogue, whether entering it is a success
   * and the highest in-progress sort it stands for. {@code history}: the tenant's deal history read
   * once, sorted once together with {@code owned} by deal; window functions give each row its
   * deal's departments and what the rows strictly after it (time, then id) in the same deal and
   * pipeline reach — a success, the highest in-progress sort. An entry converted when a later row
   * reached a success or a sort above its stage's: exactly "a later entry into an S stage, or a P
   * stage with a higher sort".
   */
  private static final String FUNNEL_SQL =
      "WITH RECURSIVE "
          + PERIODS
          + ", f AS (SELECT ?::int[] AS pipelines, ?::text[] AS types, ?::text[] AS sources), "
          + MEMBERS
          + ", stages AS (SELECT coalesce(s.category_id, 0) AS pipeline, s.status_id AS stage,"
          + "  s.sort, s.semantic FROM crm_stage s WHERE s.entity_id LIKE 'DEAL_STAGE%'),"
          + " reach AS (SELECT pipeline, stage, bool_or(semantic = 'S') AS success,"
          + "  max(sort) FILTER (WHERE semantic = 'P') AS sort FROM stages GROUP BY pipeline, stage),"
          + " owned AS MATERIALIZED (SELECT d.id AS deal, array_agg(m.root) AS roots"
          + "  FROM crm_deal d CROSS JOIN f JOIN members m ON m.emp = d.assigned_by_id"
          + "  WHERE (cardinality(f.pipelines) = 0 OR d.category_id = ANY (f.pipelines))"
          + "   AND (cardinality(f.types) = 0 OR d.type_id = ANY (f.types))"
          + "   AND (cardinality(f.sources) = 0 OR d.source_id = ANY (f.sources))"
          + "  GROUP BY d.id),"
          + " history AS MATERIALIZED (SELECT * FROM ("
          + "  SELECT t.deal, t.pipeline, t.stage, t.created_at, t.id,"
          + "   max(t.roots) OVER (PARTITION BY t.deal) AS roots,"
          + "   bool_or(t.success) OVER later AS later_success, max(t.sort) OVER later AS later_sort"
          + "  FROM (SELECT o.deal, o.roots, NULL::int AS pipeline, NULL::varchar AS stage,"
          + "    NULL::timestamptz AS created_at, NULL::bigint AS id, NULL::boolean AS success,"
          + "    NULL::int AS sort FROM owned o"
          + "   UNION ALL SELECT h.owner_id, NULL, coalesce(h.category_id, 0), h.stage_id,"
          + "    h.created_at, h.id, r.success, r.sort FROM crm_stage_history h"
          + "   LEFT JOIN reach r ON r.pipeline = coalesce(h.category_id, 0) AND r.stage = h.stage_id"
          + "   WHERE h.entity_type_id = 2) t"
          + "  WINDOW later AS (PARTITION BY t.deal, t.pipeline ORDER BY t.created_at DESC, t.id DESC"
          + "   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) x"
          + "  WHERE x.id IS NOT NULL AND x.roots IS NOT NULL),"
          + " periods AS MATERIALIZED (SELECT ix, start_at, end_at FROM p),"
          + " entries AS (SELECT DISTINCT ON (p.ix, x.deal, x.pipeline, x.stage)"
          + "  p.ix, x.deal, x.roots, x.pipeline, x.stage, x.later_success, x.later_sort"
          + "  FROM history x JOIN periods p ON x.created_at >= p.start_at AND x.created_at < p.end_at"
          + "  ORDER BY p.ix, x.deal, x.pipeline, x.stage, x.created_at, x.id)"
          + " SELECT e.ix, u.root AS dept, e.pipeline, e.stage, count(*) AS entered,"
          + "  count(*) FILTER (WHERE e.later_success OR e.later_sort > s.sort) AS converted"
          + " FROM entries e"
          + " JOIN stages s ON s.pipeline = e.pipeline AND s.stage = e.stage AND s.semantic = 'P'"
          + " CROSS JOIN LATERAL unnest(e.roots) AS u(root)"
          + " GROUP BY e.ix, u.root, e.pipeline, e.stage";

  private static String leadsSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + " SELECT p.ix, l.assigned_by_id AS emp,"
        + "  count(*) FILTER (WHERE l.status_semantic = 'S') AS converted,"
        + "  count(*) AS closed"
        + " FROM crm_lead l JOIN p ON l.closed_at >= p.start_at AND l.closed_at < p.end_at"
        + " WHERE l.status_semantic IN ('S', 'F') AND l.assigned_by_id > 0"
        + only(r, "l.assigned_by_id")
        + " GROUP BY p.ix, l.assigned_by_id";
  }

  private static String activitiesSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + " SELECT p.ix, a.responsible_id AS emp,"
        + "  count(*) FILTER (WHERE a.type_id = 2) AS calls,"
        + "  count(*) FILTER (WHERE a.type_id = 1) AS meetings,"
        + "  count(*) FILTER (WHERE a.type_id = 4) AS emails"
        + " FROM crm_activity a JOIN p ON a.end_time >= p.start_at AND a.end_time < p.end_at"
        + " WHERE a.completed AND a.type_id IN (1, 2, 4) AND a.responsible_id > 0"
        + only(r, "a.responsible_id")
        + " GROUP BY p.ix, a.responsible_id";
  }

  /** Employees employed on at least one day of the period (hire and dismissal dates, local). */
  private static String rosterSql(boolean r) {
    return "WITH "
        + PERIODS
        + sel(r)
        + " SELECT p.ix, e.id AS emp FROM crm_employee e JOIN p"
        + "  ON (e.hired_on IS NULL OR e.hired_on::timestamp AT TIME ZONE ? < p.end_at)"
        + " AND (e.fired_on IS NULL"
        + "      OR (e.fired_on::timestamp + interval '1 day') AT TIME ZONE ? > p.start_at)"
        + (r ? " WHERE e.id = ANY ((SELECT emps FROM sel)::bigint[])" : "");
  }

  private final Connection connection;

  /**
   * @param connection a connection in the tenant's context (its {@code app.tenant_id} set)
   */
  public KpiSql(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** The tenant's time zone, which every period measured must use. */
  public ZoneId tenantZone() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT time_zone FROM tenant WHERE id = premia_current_tenant()");
        ResultSet row = s.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("no tenant in the connection's context");
      }
      return ZoneId.of(row.getString(1));
    }
  }

  /**
   * Measures every KPI of {@link #MEASURED} for every employee employed in each period (hire and
   * dismissal dates) and every other person facts of the period are assigned to.
   *
   * @param periods periods in the tenant's time zone
   * @return one measurement per (employee, period, KPI), ordered by period, employee, KPI
   */
  public List<Measurement> measure(List<Period> periods) throws SQLException {
    return measure(periods, KpiFilter.ALL);
  }

  /**
   * As {@link #measure(List)}, every deal-based KPI counting only the deals the filter keeps (leads
   * and activities are not filtered).
   */
  public List<Measurement> measure(List<Period> periods, KpiFilter filter) throws SQLException {
    return measure(periods, filter, null);
  }

  /**
   * As {@link #measure(List, KpiFilter)}, only for the given employees: for each of them exactly
   * the measurements the unrestricted call returns for him (none when he is neither employed in a
   * period nor has facts in it). The queries then read only the employees' own facts and the deals
   * of their clients, through indexes, so a few employees are measured in milliseconds whatever the
   * size of the tenant. An empty collection measures nobody.
   */
  public List<Measurement> measureEmployees(
      List<Period> periods, KpiFilter filter, Collection<Long> employees) throws SQLException {
    Objects.requireNonNull(employees, "employees");
    if (employees.isEmpty()) {
      return List.of();
    }
    return measure(periods, filter, employees.stream().distinct().sorted().toArray(Long[]::new));
  }

  private List<Measurement> measure(List<Period> periods, KpiFilter filter, Long[] only)
      throws SQLException {
    Objects.requireNonNull(filter, "filter");
    if (periods.isEmpty()) {
      return List.of();
    }
    String zoneId = checkZone(periods);
    Map<Integer, Map<Long, EmployeeFigures>> rows = new HashMap<>();
    boolean restricted = only != null;
    List<Object> deals = dealParams(filter, zoneId);
    if (restricted) {
      deals = new ArrayList<>(deals);
      deals.add(0, only);
    }
    List<Object> selection = restricted ? List.<Object>of((Object) only) : List.of();

    query(rosterSql(restricted), periods, concat(selection, zoneId, zoneId), r -> row(rows, r));
    query(
        dealsSql(restricted),
        periods,
        deals,
        r -> {
          EmployeeFigures row = row(rows, r);
          row.deals = r.getLong("deals");
          row.priced = r.getLong("priced");
          row.volume = r.getBigDecimal("volume");
          row.answers = r.getLong("answers");
          row.promoters = r.getLong("promoters");
          row.detractors = r.getLong("detractors");
          row.newClients = r.getLong("new_clients");
          row.repeatPriced = r.getLong("repeat_priced");
          row.repeatUnpriced = r.getLong("repeat_unpriced");
          row.repeatVolume = r.getBigDecimal("repeat_volume");
        });
    query(
        leadsSql(restricted),
        periods,
        selection,
        r -> {
          EmployeeFigures row = row(rows, r);
          row.converted = r.getLong("converted");
          row.closedLeads = r.getLong("closed");
        });
    query(
        activitiesSql(restricted),
        periods,
        selection,
        r -> {
          EmployeeFigures row = row(rows, r);
          row.calls = r.getLong("calls");
          row.meetings = r.getLong("meetings");
          row.emails = r.getLong("emails");
        });

    // retention and LTV describe employees already measured (roster or facts of the period); a
    // former employee's old clients do not put him on the list
    List<Object> retention = new ArrayList<>(deals);
    retention.addAll(List.of(zoneId, zoneId));
    query(
        retentionSql(restricted),
        periods,
        retention,
        r -> {
          EmployeeFigures row = existingRow(rows, r);
          if (row != null) {
            row.baseClients = r.getLong("clients");
            row.retained = r.getLong("retained");
          }
        });
    query(
        ltvSql(restricted),
        periods,
        deals,
        r -> {
          EmployeeFigures row = existingRow(rows, r);
          if (row != null) {
            row.ltvClients = r.getLong("clients");
            row.ltvUnpriced = r.getLong("unpriced");
            row.ltvTotal = r.getBigDecimal("total");
          }
        });

    List<Measurement> result = new ArrayList<>();
    for (int ix = 1; ix <= periods.size(); ix++) {
      Period period = periods.get(ix - 1);
      for (Map.Entry<Long, EmployeeFigures> e :
          new TreeMap<>(rows.getOrDefault(ix, Map.of())).entrySet()) {
        result.addAll(e.getValue().measurements(e.getKey(), period));
      }
    }
    result.sort(
        Comparator.comparing((Measurement m) -> periods.indexOf(m.period()))
            .thenComparingLong(Measurement::employeeId)
            .thenComparing(Measurement::kpi));
    return result;
  }

  /**
   * Measures the department KPIs of {@link #MEASURED_DEPARTMENT} for every department of the portal
   * (each with its sub-departments) in each period; the deal-based ones under the filter.
   *
   * @return one measurement per (department, period, KPI), ordered by period, department, KPI
   */
  public List<DepartmentMeasurement> measureDepartments(List<Period> periods, KpiFilter filter)
      throws SQLException {
    Objects.requireNonNull(filter, "filter");
    if (periods.isEmpty()) {
      return List.of();
    }
    String zoneId = checkZone(periods);
    Map<Integer, Map<Long, DepartmentFigures>> rows = new HashMap<>();
    query(
        HEADCOUNT_SQL + BY_DEPARTMENT,
        periods,
        List.of(zoneId, zoneId),
        r -> {
          DepartmentFigures row =
              rows.computeIfAbsent(r.getInt("ix"), k -> new HashMap<>())
                  .computeIfAbsent(r.getLong("dept"), k -> new DepartmentFigures());
          row.managers = r.getLong("managers");
          row.dismissed = r.getLong("left_");
          row.firstDay = r.getLong("first_day_count");
          row.lastDay = r.getLong("last_day_count");
        });
    query(
        DEPARTMENT_DEALS_SQL,
        periods,
        dealParams(filter, zoneId),
        r -> {
          DepartmentFigures row =
              rows.getOrDefault(r.getInt("ix"), Map.of()).get(r.getLong("dept"));
          if (row != null) {
            row.priced = r.getLong("priced");
            row.unpriced = r.getLong("unpriced");
            row.volume = r.getBigDecimal("volume");
          }
        });
    List<DepartmentMeasurement> result = new ArrayList<>();
    for (int ix = 1; ix <= periods.size(); ix++) {
      Period period = periods.get(ix - 1);
      for (Map.Entry<Long, DepartmentFigures> e :
          new TreeMap<>(rows.getOrDefault(ix, Map.of())).entrySet()) {
        result.addAll(e.getValue().measurements(e.getKey(), period));
      }
    }
    return result;
  }

  /**
   * Measures {@link Kpi#FUNNEL_STAGE_CONVERSION} for every department (with its sub-departments),
   * pipeline and in-progress stage that some filtered deal of the department entered in the period.
   * A stage nobody entered has no value (undefined).
   *
   * @return ordered by period, department, pipeline, stage
   */
  public List<FunnelMeasurement> measureFunnel(List<Period> periods, KpiFilter filter)
      throws SQLException {
    Objects.requireNonNull(filter, "filter");
    if (periods.isEmpty()) {
      return List.of();
    }
    checkZone(periods);
    List<Object> params = new ArrayList<>(dealParams(filter, ""));
    params.remove(params.size() - 1);
    List<FunnelMeasurement> result = new ArrayList<>();
    query(
        FUNNEL_SQL,
        periods,
        params,
        r -> {
          long entered = r.getLong("entered");
          long converted = r.getLong("converted");
          result.add(
              new FunnelMeasurement(
                  r.getLong("dept"),
                  periods.get(r.getInt("ix") - 1),
                  r.getInt("pipeline"),
                  r.getString("stage"),
                  EmployeeFigures.percent(converted, entered),
                  entered,
                  converted));
        });
    result.sort(
        Comparator.comparing((FunnelMeasurement m) -> periods.indexOf(m.period()))
            .thenComparingLong(FunnelMeasurement::departmentId)
            .thenComparingInt(FunnelMeasurement::pipelineId)
            .thenComparing(FunnelMeasurement::stageId));
    return result;
  }

  private String checkZone(List<Period> periods) throws SQLException {
    ZoneId zone = tenantZone();
    for (Period period : periods) {
      if (!period.zone().normalized().equals(zone.normalized())) {
        throw new IllegalArgumentException(
            "period " + period + " is not in the tenant's time zone " + zone);
      }
    }
    return zone.getId();
  }

  private static List<Object> concat(List<Object> head, Object... tail) {
    List<Object> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  static List<Object> dealParams(KpiFilter filter, String zoneId) {
    Object[] pipelines = filter.pipelines().stream().sorted().toArray(Integer[]::new);
    Object[] types = filter.dealTypes().stream().sorted().toArray(String[]::new);
    Object[] sources = filter.sources().stream().sorted().toArray(String[]::new);
    return List.of(pipelines, types, sources, zoneId);
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, List<Period> periods, List<?> params, RowReader reader)
      throws SQLException {
    String[] starts = periods.stream().map(p -> p.start().toString()).toArray(String[]::new);
    String[] ends = periods.stream().map(p -> p.end().toString()).toArray(String[]::new);
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      Array startArray = connection.createArrayOf("text", starts);
      Array endArray = connection.createArrayOf("text", ends);
      s.setArray(1, startArray);
      s.setArray(2, endArray);
      int i = 3;
      for (Object param : params) {
        if (param instanceof Integer[] ints) {
          s.setArray(i++, connection.createArrayOf("integer", ints));
        } else if (param instanceof Long[] longs) {
          s.setArray(i++, connection.createArrayOf("bigint", longs));
        } else if (param instanceof String[] texts) {
          s.setArray(i++, connection.createArrayOf("text", texts));
        } else {
          s.setString(i++, (String) param);
        }
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private static EmployeeFigures row(Map<Integer, Map<Long, EmployeeFigures>> rows, ResultSet r)
      throws SQLException {
    return rows.computeIfAbsent(r.getInt("ix"), k -> new HashMap<>())
        .computeIfAbsent(r.getLong("emp"), k -> new EmployeeFigures());
  }

  private static EmployeeFigures existingRow(
      Map<Integer, Map<Long, EmployeeFigures>> rows, ResultSet r) throws SQLException {
    return rows.getOrDefault(r.getInt("ix"), Map.of()).get(r.getLong("emp"));
  }
}
