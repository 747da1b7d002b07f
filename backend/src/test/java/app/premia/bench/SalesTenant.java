package app.premia.bench;

import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmarks' generated sales tenant, in one place (the KPI, what-if and payout benchmarks call
 * it; docs/operations/kpi-benchmark.md describes the data): one tenant (Moscow, RUB) written in SQL
 * with {@code generate_series}, deterministic — managers in teams under one root department (every
 * 53rd hired on 15 September 2025, every 97th dismissed on 20 December 2025), N deals spread over
 * the days from the first day on (60 % won, 25 % lost, 15 % open; 90 % RUB, 5 % USD, 3 % EUR, 2 %
 * GBP without a rate; 70 % with a company and 20 % with a contact, i.e. repeat clients; two
 * pipelines; NPS on a third), a stage history entry per deal and a won or lost entry per closed
 * deal (5 % of the won without one: their close date counts), 0.3 leads per deal (70 % closed) and
 * one activity per deal (80 % completed, four types). The fact tables' KPI triggers are off while
 * generating (the KPI store starts with a full pass anyway); the tables are analysed afterwards.
 *
 * <p>A deal's manager is {@code 1 + (31 × id) mod managers}; with 1 000 managers the id's residue
 * modulo 1 000 — and with it the deal's currency and stage — is the same for all of one manager's
 * deals: 600 managers win all their deals, 250 lose them all, 150 have only open ones; of the
 * winners 90 % sell in roubles. The benchmarks measure cost, not realism.
 *
 * <p>Plus the helpers the benchmarks share (tenant context, statements, medians).
 */
public final class SalesTenant {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /**
   * What to generate.
   *
   * @param name the consultancy's and tenant's name
   * @param managers employees 1..managers, all in sales teams
   * @param teams departments 2..teams+1 under root 1; employee g is in team {@code 2 + g mod teams}
   * @param heads whether team k (id 2 + k) is headed by employee 10 + k
   * @param deals deals 1..deals
   * @param companies, contacts how many distinct clients the deals draw from
   * @param firstDay the first day deals are won, lost or created on
   * @param days how many days they spread over (deal g on day {@code g mod days})
   */
  public record Spec(
      String name,
      int managers,
      int teams,
      boolean heads,
      int deals,
      int companies,
      int contacts,
      LocalDate firstDay,
      int days) {

    /** The KPI and payout benchmarks' tenant: 1 000 managers, April 2025 – March 2026. */
    public static Spec thousandManagers(String name, int deals) {
      return new Spec(
          name, 1_000, 20, false, deals, 200_000, 100_000, LocalDate.of(2025, 4, 1), 365);
    }

    /**
     * The what-if benchmark's: 200 managers in 10 headed teams, March 2025 – March 2026 (the 12
     * replayed months and the month before them).
     */
    public static Spec twoHundredManagers(String name, int deals) {
      return new Spec(
          name, 200, 10, true, deals, deals / 5, deals / 10, LocalDate.of(2025, 3, 1), 396);
    }
  }

  private SalesTenant() {}

  /** Generates the tenant (as the owner role, which the connection must be) and commits. */
  public static void generate(Connection c, UUID tenant, Spec spec) throws SQLException {
    c.setAutoCommit(false);
    UUID consultancy = UUID.randomUUID();
    update(
        c,
        "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
        consultancy,
        spec.name());
    context(c, tenant);
    update(c, "SELECT set_config('app.consultancy_id', ?, true)", consultancy.toString());
    update(
        c,
        "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
            + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
        tenant,
        consultancy,
        spec.name());
    String[] tables = {"crm_deal", "crm_stage_history", "crm_lead", "crm_activity"};
    for (String t : tables) {
      update(c, "ALTER TABLE " + t + " DISABLE TRIGGER USER"); // the store starts with a full pass
    }
    update(
        c,
        "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at) VALUES"
            + " (premia_current_tenant(), 'RUB', 1, 1, true, now()),"
            + " (premia_current_tenant(), 'USD', 1, 80.5, false, now()),"
            + " (premia_current_tenant(), 'EUR', 1, 90.125, false, now())");
    update(
        c,
        "INSERT INTO crm_department (tenant_id, id, name, parent_id, head_user_id, sort,"
            + " synced_at) SELECT premia_current_tenant(), g, 'Отдел ' || g,"
            + " CASE WHEN g > 1 THEN 1 END, CASE WHEN ? AND g > 1 THEN 10 + (g - 2) END, g, now()"
            + " FROM generate_series(1, ? + 1) g",
        spec.heads(),
        spec.teams());
    update(
        c,
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, last_name, department_ids,"
            + " hired_on, fired_on, synced_at)"
            + " SELECT premia_current_tenant(), g, g % 97 <> 0, 'Менеджер', 'М' || g,"
            + " ARRAY[2 + g % ?], CASE WHEN g % 53 = 0 THEN DATE '2025-09-15'"
            + " ELSE DATE '2020-01-01' END, CASE WHEN g % 97 = 0 THEN DATE '2025-12-20' END, now()"
            + " FROM generate_series(1::bigint, ?) g",
        spec.teams(),
        spec.managers());
    LocalDate first = spec.firstDay();
    // the first day's midnight in Moscow (21:00Z the day before): stage history and activities
    OffsetDateTime midnight = first.atStartOfDay(MOSCOW).toOffsetDateTime();
    update(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic,"
            + " closed, amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, close_date, nps, created_at, modified_at, synced_at)"
            + " SELECT premia_current_tenant(), g, 'Deal ' || g, CASE WHEN g % 5 = 0 THEN 1 ELSE 0"
            + " END, s.stage, s.sem, s.sem <> 'P', ((g * 7919) % 500000) / 100.0 + 100,"
            + " CASE WHEN g % 100 < 90 THEN 'RUB' WHEN g % 100 < 95 THEN 'USD'"
            + "  WHEN g % 100 < 98 THEN 'EUR' ELSE 'GBP' END,"
            + " 1 + (g * 31) % ?,"
            + " CASE WHEN g % 10 < 7 THEN 1 + (g * 104729) % ? ELSE 0 END,"
            + " CASE WHEN g % 10 BETWEEN 7 AND 8 THEN 1 + (g * 1299709) % ? ELSE 0 END,"
            + " false, false, (CAST(? AS date) + (g % ?) * interval '1 day')::date,"
            + " CASE WHEN g % 3 = 0 THEN (g % 11)::smallint END,"
            + " '2025-03-01T00:00:00Z', now(), now()"
            + " FROM generate_series(1::bigint, ?) g,"
            + " LATERAL (SELECT CASE WHEN g % 20 < 12 THEN 'S' WHEN g % 20 < 17 THEN 'F' ELSE 'P'"
            + "  END AS sem) x,"
            + " LATERAL (SELECT x.sem, CASE x.sem WHEN 'S' THEN 'WON' WHEN 'F' THEN 'LOSE'"
            + "  ELSE 'NEW' END AS stage) s",
        spec.managers(),
        spec.companies(),
        spec.contacts(),
        first,
        spec.days(),
        spec.deals());
    update(
        c,
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " SELECT premia_current_tenant(), 2, g, 1, g, 0, 'NEW', 'P',"
            + " CAST(? AS timestamptz) + (g % ?) * interval '1 day', now()"
            + " FROM generate_series(1::bigint, ?) g",
        midnight,
        spec.days(),
        spec.deals());
    update(
        c,
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " SELECT premia_current_tenant(), 2, ? + d.id, 2, d.id, 0, d.stage_id,"
            + " d.stage_semantic, CAST(? AS timestamptz) + (d.id % ?)"
            + " * interval '1 day' + (d.id * 37 % 86400) * interval '1 second', now()"
            + " FROM crm_deal d WHERE d.stage_semantic <> 'P' AND d.id % 20 <> 1",
        spec.deals(),
        midnight,
        spec.days());
    update(
        c,
        "INSERT INTO crm_lead (tenant_id, id, status_id, status_semantic, assigned_by_id,"
            + " return_customer, created_at, modified_at, closed_at, synced_at)"
            + " SELECT premia_current_tenant(), g, 'X', CASE WHEN g % 10 < 3 THEN 'S'"
            + " WHEN g % 10 < 7 THEN 'F' ELSE 'P' END, 1 + (g * 17) % ?, false,"
            + " '2025-03-01T00:00:00Z', now(), CASE WHEN g % 10 < 7 THEN"
            + " CAST(? AS timestamptz) + (g % ?) * interval '1 day' END, now()"
            + " FROM generate_series(1::bigint, ?) g",
        spec.managers(),
        midnight,
        spec.days(),
        spec.deals() * 3 / 10);
    update(
        c,
        "INSERT INTO crm_activity (tenant_id, id, type_id, direction, completed, responsible_id,"
            + " owner_type_id, owner_id, end_time, created_at, modified_at, synced_at)"
            + " SELECT premia_current_tenant(), g, (ARRAY[1, 2, 4, 3])[1 + g % 4], 2, g % 5 <> 0,"
            + " 1 + (g * 13) % ?, 2, g, CAST(? AS timestamptz)"
            + " + (g % ?) * interval '1 day' + (g % 1000) * interval '1 minute',"
            + " '2025-03-01T00:00:00Z', now(), now() FROM generate_series(1::bigint, ?) g",
        spec.managers(),
        midnight,
        spec.days(),
        spec.deals());
    for (String t : tables) {
      update(c, "ALTER TABLE " + t + " ENABLE TRIGGER USER");
    }
    c.commit();
    c.setAutoCommit(true);
    for (String t : tables) {
      update(c, "ANALYZE " + t);
    }
  }

  /**
   * A published scheme with one version (effective from {@code from}) and every manager 1..{@code
   * managers} assigned from {@code from}, in the connection's tenant context (the owner's,
   * uncommitted). Returns {scheme id, version id}.
   */
  public static UUID[] scheme(
      Connection c, String name, SchemeDefinition definition, LocalDate from, int managers)
      throws SQLException {
    UUID scheme = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    update(
        c,
        "INSERT INTO comp_scheme (id, tenant_id, name, sales_role, created_at)"
            + " VALUES (?, premia_current_tenant(), ?, 'CUSTOM', now())",
        scheme,
        name);
    update(
        c,
        "INSERT INTO comp_scheme_version (id, tenant_id, scheme_id, number, status,"
            + " effective_from, definition, created_at, published_at)"
            + " VALUES (?, premia_current_tenant(), ?, 1, 'PUBLISHED', ?,"
            + " CAST(? AS jsonb), now(), now())",
        version,
        scheme,
        from,
        SchemeCodec.toJson(definition));
    update(
        c,
        "INSERT INTO comp_assignment (id, tenant_id, employee_id, scheme_id, valid_from,"
            + " created_at) SELECT gen_random_uuid(), premia_current_tenant(), g, ?,"
            + " ?, now() FROM generate_series(1::bigint, ?) g",
        scheme,
        from,
        managers);
    return new UUID[] {scheme, version};
  }

  /** Sets the tenant for the current transaction (the runtime role's row-level security). */
  public static void context(Connection c, UUID tenant) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', '', true)")) {
      s.setString(1, tenant.toString());
      s.execute();
    }
  }

  public static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.execute();
    }
  }

  /** The first row's first column as a long (0 for none). */
  public static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  public static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** "1.20, 1.31, 1.18 s". */
  public static String times(List<Double> values) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", parts) + " s";
  }

  public static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  public static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
