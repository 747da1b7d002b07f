package app.premia.compensation.application;

import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.domain.Comparator;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.GateBasis;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.PercentRule;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A small tenant for the preview and what-if ITs (real PostgreSQL, plain JDBC like the KPI ITs):
 * Moscow, RUB, "now" 10 April 2026 (January–March closed). Won deals by close day (no stage
 * history):
 *
 * <pre>
 *            January    February   March
 *   Anna     300 000    80 000     150 000 + 50 000
 *   Boris    120 000    —          210 000
 *   Vera     —          —          90 000   (hired 2026-02-16, on no scheme)
 * </pre>
 *
 * The scheme «Объём» (its rows in comp_scheme / comp_scheme_version, so what-if runs may reference
 * its versions): v1 published from 2025-01-01: base 50 000, 5 % of sales volume if sales volume >
 * 100 000. Anna and Boris are assigned from 2025-01-01. The tests read it through the API's {@link
 * SchemeStore} ({@link #catalog(Connection)}); the in-memory {@link PayrollTestCatalog} holds the
 * same rows for the cases that need a catalogue that is not the database's.
 */
public final class PayrollFixture {

  public static final Clock APRIL =
      Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);
  public static final long ANNA = 301;
  public static final long BORIS = 302;
  public static final long VERA = 303;
  public static final LocalDate SINCE = LocalDate.of(2025, 1, 1);

  public final UUID consultancy = UUID.randomUUID();
  public final UUID tenant = UUID.randomUUID();
  public final UUID scheme = UUID.randomUUID();
  final PayrollTestCatalog catalog = new PayrollTestCatalog();
  public final VersionView v1;

  public static SchemeDefinition percent(String rate) {
    return new SchemeDefinition(
        new BigDecimal("50000"),
        List.of(
            new Component(
                "volume_bonus",
                "Премия с объёма продаж",
                Frequency.MONTHLY,
                Measure.self("sales_volume"),
                new PercentRule(new BigDecimal(rate)),
                List.of(
                    new Gate(
                        Measure.self("sales_volume"),
                        GateBasis.VALUE,
                        Comparator.GT,
                        new BigDecimal("100000"))),
                null,
                null)),
        null,
        null,
        null);
  }

  public PayrollFixture() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "Payroll test " + consultancy);
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancy,
          "Payroll " + tenant);
      execute(
          c,
          "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at)"
              + " VALUES (premia_current_tenant(), 'RUB', 1, 1, true, now())");
      employee(c, ANNA, "Анна", LocalDate.of(2020, 3, 1));
      employee(c, BORIS, "Борис", LocalDate.of(2021, 6, 1));
      employee(c, VERA, "Вера", LocalDate.of(2026, 2, 16));
      long deal = 9000;
      deal(c, ++deal, ANNA, "300000", LocalDate.of(2026, 1, 14));
      deal(c, ++deal, ANNA, "80000", LocalDate.of(2026, 2, 11));
      deal(c, ++deal, ANNA, "150000", LocalDate.of(2026, 3, 3));
      deal(c, ++deal, ANNA, "50000", LocalDate.of(2026, 3, 25));
      deal(c, ++deal, BORIS, "120000", LocalDate.of(2026, 1, 20));
      deal(c, ++deal, BORIS, "210000", LocalDate.of(2026, 3, 17));
      deal(c, ++deal, VERA, "90000", LocalDate.of(2026, 3, 18));
      execute(
          c,
          "INSERT INTO comp_scheme (id, tenant_id, name, sales_role, created_at)"
              + " VALUES (?, premia_current_tenant(), 'Объём', 'ACCOUNT', now())",
          scheme);
      c.commit();
    }
    catalog.scheme(scheme, "Объём");
    v1 = publish(SINCE, percent("5"));
    assign(ANNA, SINCE);
    assign(BORIS, SINCE);
  }

  /** The tenant's catalogue as the product reads it (the API's store over the comp_* tables). */
  public SchemeCatalog catalog(Connection c) {
    return new SchemeStore(c, tenant);
  }

  void assign(long employee, LocalDate from) throws SQLException {
    catalog.assign(employee, scheme, from, null);
    try (Connection c = owner()) {
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO comp_assignment (id, tenant_id, employee_id, scheme_id, valid_from,"
              + " created_at) VALUES (?, premia_current_tenant(), ?, ?, ?, now())",
          UUID.randomUUID(),
          employee,
          scheme,
          Date.valueOf(from));
    }
  }

  /** A published version, in the database and the catalogue. */
  public VersionView publish(LocalDate effectiveFrom, SchemeDefinition definition)
      throws SQLException {
    UUID id = UUID.randomUUID();
    version(id, "PUBLISHED", effectiveFrom, definition);
    return catalog.publish(id, scheme, effectiveFrom, definition);
  }

  /** The draft, in the database and the catalogue. */
  public VersionView draft(SchemeDefinition definition) throws SQLException {
    UUID id = UUID.randomUUID();
    version(id, "DRAFT", null, definition);
    return catalog.draft(id, scheme, definition);
  }

  private void version(UUID id, String status, LocalDate effectiveFrom, SchemeDefinition definition)
      throws SQLException {
    try (Connection c = owner()) {
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO comp_scheme_version (id, tenant_id, scheme_id, number, status,"
              + " effective_from, definition, created_at, published_at)"
              + " VALUES (?, premia_current_tenant(), ?,"
              + " (SELECT count(*) + 1 FROM comp_scheme_version WHERE scheme_id = ?), ?, ?,"
              + " CAST(? AS jsonb), now(), ?)",
          id,
          scheme,
          scheme,
          status,
          effectiveFrom == null ? null : Date.valueOf(effectiveFrom),
          SchemeCodec.toJson(definition),
          effectiveFrom == null ? null : Timestamp.from(Instant.now()));
    }
  }

  /** A user account (for who prepared, approved, asked), by display name; its id. */
  public static UUID user(String name) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = owner()) {
      execute(
          c,
          "INSERT INTO app_user (id, email, display_name, created_at) VALUES (?, ?, ?, now())",
          id,
          "user-" + id + "@payouts.test",
          name);
    }
    return id;
  }

  /** What the KPI context does after a sync: the stored values follow the facts. */
  public void remeasure() throws SQLException {
    try (Connection c = tenantConnection()) {
      new app.premia.kpi.application.MeasurementStore(c, APRIL)
          .remeasureAll(app.premia.kpi.domain.KpiFilter.ALL);
      c.commit();
    }
  }

  /**
   * Asserts that every statement is refused with 42501 (insufficient privilege: a guard trigger or
   * a revoked grant) both as the runtime role and as the owner, inside the tenant; each attempt is
   * rolled back.
   */
  public void assertRefusedToEveryRole(List<String> statements) throws SQLException {
    for (String statement : statements) {
      for (boolean asOwner : List.of(false, true)) {
        try (Connection c = asOwner ? owner() : tenantConnection()) {
          c.setAutoCommit(false);
          context(c, tenant, null);
          java.sql.SQLException e =
              org.junit.jupiter.api.Assertions.assertThrows(
                  java.sql.SQLException.class,
                  () -> execute(c, statement),
                  statement + (asOwner ? " as the owner" : " as the runtime role"));
          org.junit.jupiter.api.Assertions.assertEquals(
              "42501", e.getSQLState(), statement + ": " + e.getMessage());
          c.rollback();
        }
      }
    }
  }

  /** A runtime connection in the tenant's context, not auto-committing. */
  public Connection tenantConnection() throws SQLException {
    Connection c = runtime();
    c.setAutoCommit(false);
    context(c, tenant, null);
    return c;
  }

  static void employee(Connection c, long id, String name, LocalDate hired) throws SQLException {
    execute(
        c,
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids, hired_on,"
            + " synced_at) VALUES (premia_current_tenant(), ?, true, ?, '{1}', ?, now())",
        id,
        name,
        Date.valueOf(hired));
  }

  static void deal(Connection c, long id, long assigned, String amount, LocalDate closed)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, close_date, created_at, modified_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, 0, 'WON', 'S', true, ?, 'RUB', ?, 0, 0,"
            + " false, false, ?, '2025-01-01T00:00:00Z', now(), now())",
        id,
        "D" + id,
        new BigDecimal(amount),
        assigned,
        Date.valueOf(closed));
  }

  static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.execute();
    }
  }

  static void context(Connection c, UUID tenantId, UUID consultancy) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, false), set_config('app.consultancy_id', ?,"
                + " false), set_config('app.user_id', '', false)")) {
      s.setString(1, tenantId == null ? "" : tenantId.toString());
      s.setString(2, consultancy == null ? "" : consultancy.toString());
      s.execute();
    }
  }

  static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"));
  }

  static Connection runtime() throws SQLException {
    return DriverManager.getConnection(env("DB_URL"), env("DB_USER"), env("DB_PASSWORD"));
  }

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run this test through failsafe");
    }
    return value;
  }
}
