package app.premia.kpi.application;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The drill-down of a KPI value: the facts that made it, with exactly the definitions {@link
 * KpiSql} measures with (the same won-deal, client and department-membership SQL), so that for
 * every KPI the rows listed are the measurement's {@code facts} plus, where a fact can be an error
 * (a deal without a rate), its {@code errors}. LTV lists one row per client (its deals in the
 * note); retention one per base client (retained or not).
 *
 * <p>Keyset pagination on a text key ({@code k}: the zero-padded id, or the client key); two
 * statements per page (the count and the page).
 */
public final class KpiFacts {

  /** One fact. */
  public record Fact(
      String key,
      String kind,
      String sourceId,
      String title,
      Instant at,
      BigDecimal amount,
      String currency,
      BigDecimal amountInTenantCurrency,
      String note,
      String url) {}

  /** A page of facts. */
  public record Page(List<Fact> facts, boolean hasNextPage, int totalCount) {}

  /** The KPIs drillable for an employee. */
  public static final Set<Kpi> EMPLOYEE_KPIS = KpiSql.MEASURED;

  /** The KPIs drillable for a department. */
  public static final Set<Kpi> DEPARTMENT_KPIS =
      Set.of(
          Kpi.SALES_VOLUME,
          Kpi.DEALS_WON,
          Kpi.AVERAGE_DEAL,
          Kpi.TEAM_PLAN_FULFILMENT,
          Kpi.AVERAGE_SALES_PER_MANAGER,
          Kpi.STAFF_TURNOVER);

  private static final String DEAL_NOTE =
      "concat_ws('; ',"
          + " CASE WHEN r.nth = 1 THEN 'первая покупка клиента ' || r.client"
          + "  WHEN r.nth > 1 THEN 'повторная покупка клиента ' || r.client"
          + "  ELSE 'сделка без клиента' END,"
          + " CASE WHEN r.money IS NULL THEN 'нет курса валюты ' || coalesce(d.currency, '')"
          + "  || ': не входит в денежные показатели (ошибка)' END,"
          + " CASE WHEN r.nps IS NOT NULL THEN 'NPS ' || r.nps || CASE WHEN r.nps >= 9"
          + "  THEN ' (промоутер)' WHEN r.nps <= 6 THEN ' (критик)' ELSE ' (нейтрал)' END END)";

  private static final String DEAL_COLUMNS =
      "lpad(r.id::text, 20, '0') AS k, 'DEAL' AS kind, r.id::text AS source_id, d.title,"
          + " r.won_at AS at, d.amount, coalesce(d.currency, (SELECT cur FROM t)) AS currency,"
          + " r.money, "
          + DEAL_NOTE
          + " AS note, 'crm/deal/details/' || r.id || '/' AS path";

  private static final String CLIENT_TITLE =
      "CASE WHEN %1$s LIKE 'company:%%' THEN (SELECT c.title FROM crm_company c"
          + "  WHERE c.id = substring(%1$s FROM 9)::bigint)"
          + " ELSE (SELECT c.full_name FROM crm_contact c"
          + "  WHERE c.id = substring(%1$s FROM 9)::bigint) END";

  private static final String CLIENT_PATH =
      "CASE WHEN %1$s LIKE 'company:%%' THEN 'crm/company/details/' ELSE 'crm/contact/details/' END"
          + " || substring(%1$s FROM 9) || '/'";

  private final Connection connection;
  private final KpiFilter filter;

  public KpiFacts(Connection connection, KpiFilter filter) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /**
   * The facts of an employee KPI.
   *
   * @param portalDomain the Bitrix24 portal's domain for links; null: no links
   * @param after the key of the last fact of the previous page; null for the first page
   */
  public Page employee(
      Kpi kpi, long employeeId, Period period, int first, String after, String portalDomain)
      throws SQLException {
    if (!EMPLOYEE_KPIS.contains(kpi)) {
      throw new IllegalArgumentException(kpi + " has no employee drill-down");
    }
    String zone = period.zone().getId();
    Query q = new Query();
    switch (kpi) {
      case SALES_VOLUME, DEALS_WON, AVERAGE_DEAL, REPEAT_SALES, NEW_CLIENTS, NPS -> {
        String condition =
            switch (kpi) {
              case REPEAT_SALES -> " AND r.nth > 1";
              case NEW_CLIENTS -> " AND r.nth = 1";
              case NPS -> " AND r.nps IS NOT NULL";
              default -> "";
            };
        q.sql("WITH " + KpiSql.WON_DEALS).filter(filter, zone);
        q.sql(
                ", facts AS (SELECT "
                    + DEAL_COLUMNS
                    + " FROM ranked r JOIN crm_deal d ON d.id = r.id")
            .sql(" WHERE r.emp = ?", employeeId)
            .sql(" AND r.won_at >= ? AND r.won_at < ?", ts(period.start()), ts(period.end()))
            .sql(condition + ")");
      }
      case LEAD_CONVERSION ->
          q.sql("WITH facts AS (SELECT lpad(l.id::text, 20, '0') AS k, 'LEAD' AS kind,")
              .sql(" l.id::text AS source_id, l.title, l.closed_at AS at, NULL::numeric AS amount,")
              .sql(" NULL::text AS currency, NULL::numeric AS money,")
              .sql(" CASE WHEN l.status_semantic = 'S' THEN 'сконвертирован'")
              .sql("  ELSE 'закрыт без конверсии (некачественный)' END AS note,")
              .sql(" 'crm/lead/details/' || l.id || '/' AS path FROM crm_lead l")
              .sql(" WHERE l.assigned_by_id = ?", employeeId)
              .sql(" AND l.status_semantic IN ('S', 'F')")
              .sql(
                  " AND l.closed_at >= ? AND l.closed_at < ?)",
                  ts(period.start()),
                  ts(period.end()));
      case ACTIVITY_CALLS, ACTIVITY_MEETINGS, ACTIVITY_EMAILS, ACTIVITY_TOTAL -> {
        String types =
            switch (kpi) {
              case ACTIVITY_CALLS -> "2";
              case ACTIVITY_MEETINGS -> "1";
              case ACTIVITY_EMAILS -> "4";
              default -> "1, 2, 4";
            };
        q.sql("WITH facts AS (SELECT lpad(a.id::text, 20, '0') AS k, 'ACTIVITY' AS kind,")
            .sql(" a.id::text AS source_id, a.subject AS title, a.end_time AS at,")
            .sql(" NULL::numeric AS amount, NULL::text AS currency, NULL::numeric AS money,")
            .sql(" CASE a.type_id WHEN 2 THEN 'звонок' WHEN 1 THEN 'встреча' ELSE 'письмо' END")
            .sql(" AS note, CASE a.owner_type_id WHEN 2 THEN 'crm/deal/details/'")
            .sql("  WHEN 1 THEN 'crm/lead/details/' END || a.owner_id || '/' AS path")
            .sql(" FROM crm_activity a WHERE a.completed AND a.type_id IN (" + types + ")")
            .sql(" AND a.responsible_id = ?", employeeId)
            .sql(" AND a.end_time >= ? AND a.end_time < ?)", ts(period.start()), ts(period.end()));
      }
      case RETENTION -> {
        q.sql("WITH " + KpiSql.WON_DEALS).filter(filter, zone);
        q.sql(", base AS (SELECT DISTINCT ON (r.client) r.client, r.emp, r.won_at FROM ranked r")
            .sql(" WHERE r.client IS NOT NULL AND r.won_at < ?", ts(period.start()))
            .sql(
                " AND r.won_at >= (?::timestamptz AT TIME ZONE ? - interval '12 months')"
                    + " AT TIME ZONE ?",
                ts(period.start()),
                zone,
                zone)
            .sql(" ORDER BY r.client, r.won_at DESC, r.id DESC),")
            .sql(" facts AS (SELECT b.client AS k, 'CLIENT' AS kind, b.client AS source_id, ")
            .sql(CLIENT_TITLE.formatted("b.client") + " AS title, b.won_at AS at,")
            .sql(" NULL::numeric AS amount, NULL::text AS currency, NULL::numeric AS money,")
            .sql(" CASE WHEN EXISTS (SELECT 1 FROM ranked r WHERE r.client = b.client")
            .sql(" AND r.won_at >= ? AND r.won_at < ?)", ts(period.start()), ts(period.end()))
            .sql(" THEN 'удержан: снова купил в периоде' ELSE 'не удержан: не купил в периоде'")
            .sql(" END AS note, " + CLIENT_PATH.formatted("b.client") + " AS path")
            .sql(" FROM base b WHERE b.emp = ?)", employeeId);
      }
      case LTV -> {
        q.sql("WITH " + KpiSql.WON_DEALS).filter(filter, zone);
        q.sql(", firsts AS (SELECT client, won_at FROM ranked WHERE nth = 1")
            .sql(" AND emp = ? AND won_at < ?),", employeeId, ts(period.end()))
            .sql(" facts AS (SELECT fi.client AS k, 'CLIENT' AS kind, fi.client AS source_id, ")
            .sql(CLIENT_TITLE.formatted("fi.client") + " AS title, fi.won_at AS at,")
            .sql(" NULL::numeric AS amount, (SELECT cur FROM t) AS currency,")
            .sql(" coalesce(sum(r.money), 0) AS money,")
            .sql(" 'сделок до конца периода: ' || count(*) || ' (№ '")
            .sql(" || string_agg(r.id::text, ', ' ORDER BY r.won_at, r.id) || ')'")
            .sql(" || CASE WHEN count(*) FILTER (WHERE r.money IS NULL) > 0")
            .sql(" THEN '; без курса валюты, не вошли в сумму (ошибки): '")
            .sql(" || count(*) FILTER (WHERE r.money IS NULL) ELSE '' END AS note, ")
            .sql(CLIENT_PATH.formatted("fi.client") + " AS path")
            .sql(
                " FROM firsts fi JOIN ranked r ON r.client = fi.client AND r.won_at < ?",
                ts(period.end()))
            .sql(" GROUP BY fi.client, fi.won_at)");
      }
      default -> throw new IllegalArgumentException(kpi + " has no employee drill-down");
    }
    return page(q, first, after, portalDomain);
  }

  /**
   * The facts of a department KPI (or of a department's sales volume): the won deals of its
   * employees (with sub-departments) for the money KPIs, the dismissed employees for staff
   * turnover.
   */
  public Page department(
      Kpi kpi, long departmentId, Period period, int first, String after, String portalDomain)
      throws SQLException {
    if (!DEPARTMENT_KPIS.contains(kpi)) {
      throw new IllegalArgumentException(kpi + " has no department drill-down");
    }
    String zone = period.zone().getId();
    Query q = new Query();
    if (kpi == Kpi.STAFF_TURNOVER) {
      q.sql("WITH RECURSIVE " + KpiSql.MEMBERS)
          .sql(", facts AS (SELECT lpad(m.emp::text, 20, '0') AS k, 'EMPLOYEE' AS kind,")
          .sql(" m.emp::text AS source_id, coalesce(nullif(concat_ws(' ',")
          .sql(" nullif(btrim(e.first_name), ''), nullif(btrim(e.last_name), '')), ''),")
          .sql(" 'Сотрудник ' || e.id) AS title, m.fired_on::timestamp AT TIME ZONE ? AS at,", zone)
          .sql(" NULL::numeric AS amount, NULL::text AS currency, NULL::numeric AS money,")
          .sql(" 'уволен ' || to_char(m.fired_on, 'DD.MM.YYYY') AS note,")
          .sql(" 'company/personal/user/' || m.emp || '/' AS path")
          .sql(" FROM members m JOIN crm_employee e ON e.id = m.emp WHERE m.root = ?", departmentId)
          .sql(
              " AND m.fired_on BETWEEN ? AND ?)",
              Date.valueOf(period.firstDay()),
              Date.valueOf(period.lastDay()));
    } else {
      q.sql("WITH RECURSIVE " + KpiSql.WON_DEALS).filter(filter, zone);
      q.sql(", " + KpiSql.MEMBERS)
          .sql(", facts AS (SELECT lpad(r.id::text, 20, '0') AS k, 'DEAL' AS kind,")
          .sql(" r.id::text AS source_id, d.title, r.won_at AS at, d.amount,")
          .sql(" coalesce(d.currency, (SELECT cur FROM t)) AS currency, r.money,")
          .sql(" concat_ws('; ', " + DEAL_NOTE + ", 'ответственный: ' || coalesce(nullif(")
          .sql("concat_ws(' ', nullif(btrim(e.first_name), ''), nullif(btrim(e.last_name), '')),")
          .sql(" ''), 'сотрудник ' || e.id)) AS note, 'crm/deal/details/' || r.id || '/' AS path")
          .sql(" FROM ranked r JOIN crm_deal d ON d.id = r.id")
          .sql(" JOIN members m ON m.emp = r.emp AND m.root = ?", departmentId)
          .sql(" JOIN crm_employee e ON e.id = r.emp")
          .sql(" WHERE r.won_at >= ? AND r.won_at < ?)", ts(period.start()), ts(period.end()));
    }
    return page(q, first, after, portalDomain);
  }

  // -----------------------------------------------------------------------------------------------

  private Page page(Query q, int first, String after, String portalDomain) throws SQLException {
    int total;
    try (PreparedStatement s =
        connection.prepareStatement(q.text + " SELECT count(*) FROM facts")) {
      q.bind(connection, s, List.of());
      try (ResultSet row = s.executeQuery()) {
        row.next();
        total = row.getInt(1);
      }
    }
    List<Fact> facts = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            q.text
                + " SELECT k, kind, source_id, title, at, amount, currency, money, note, path"
                + " FROM facts WHERE ?::text IS NULL OR k > ? ORDER BY k LIMIT ?")) {
      q.bind(connection, s, List.of(nullable(after), nullable(after), first + 1));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          Timestamp at = rows.getTimestamp("at");
          String path = rows.getString("path");
          facts.add(
              new Fact(
                  rows.getString("k"),
                  rows.getString("kind"),
                  rows.getString("source_id"),
                  title(
                      rows.getString("title"), rows.getString("kind"), rows.getString("source_id")),
                  at == null ? null : at.toInstant(),
                  rows.getBigDecimal("amount"),
                  rows.getString("currency"),
                  rows.getBigDecimal("money"),
                  rows.getString("note"),
                  portalDomain == null || portalDomain.isBlank() || path == null
                      ? null
                      : "https://" + portalDomain + "/" + path));
        }
      }
    }
    boolean more = facts.size() > first;
    return new Page(more ? List.copyOf(facts.subList(0, first)) : List.copyOf(facts), more, total);
  }

  private static String title(String title, String kind, String sourceId) {
    if (title != null && !title.isBlank()) {
      return title;
    }
    return switch (kind) {
      case "DEAL" -> "Сделка №" + sourceId;
      case "LEAD" -> "Лид №" + sourceId;
      case "ACTIVITY" -> "Дело №" + sourceId;
      case "CLIENT" ->
          (sourceId.startsWith("company:") ? "Компания №" : "Контакт №") + sourceId.substring(8);
      default -> sourceId;
    };
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Object nullable(String text) {
    return text == null ? new TypedNull() : text;
  }

  /** A NULL text parameter. */
  private record TypedNull() {}

  /** SQL text with its parameters in order. */
  private static final class Query {
    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();
    String text;

    Query sql(String part, Object... values) {
      sql.append(part);
      params.addAll(List.of(values));
      text = sql.toString();
      return this;
    }

    /** The four parameters of {@link KpiSql#WON_DEALS}. */
    Query filter(KpiFilter filter, String zone) {
      params.add(filter.pipelines().stream().sorted().toArray(Integer[]::new));
      params.add(filter.dealTypes().stream().sorted().toArray(String[]::new));
      params.add(filter.sources().stream().sorted().toArray(String[]::new));
      params.add(zone);
      return this;
    }

    void bind(Connection c, PreparedStatement s, List<Object> extra) throws SQLException {
      List<Object> all = new ArrayList<>(params);
      all.addAll(extra);
      for (int i = 0; i < all.size(); i++) {
        Object p = all.get(i);
        if (p instanceof Integer[] ints) {
          Array a = c.createArrayOf("integer", ints);
          s.setArray(i + 1, a);
        } else if (p instanceof String[] texts) {
          s.setArray(i + 1, c.createArrayOf("text", texts));
        } else if (p instanceof TypedNull) {
          s.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          s.setObject(i + 1, p);
        }
      }
    }
  }
}
