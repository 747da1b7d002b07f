package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.env;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.KpiFilter;
import app.premia.platform.errors.UserError;
import app.premia.platform.migration.DatabaseMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant-level KPI filters against the real schema (plain JDBC, no container, like {@link
 * KpiPlansIT}): each test makes its own tenants as the owner role and runs {@link KpiSettings} as
 * the runtime role under row-level security, committing.
 */
class KpiSettingsIT {

  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

  static UUID consultancy;

  @BeforeAll
  static void migrate() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    consultancy = UUID.randomUUID();
    try (Connection c = owner()) {
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "Settings test " + consultancy);
    }
  }

  @Test
  void aTenantWithoutSettings_countsEveryDeal() throws SQLException {
    UUID t = newTenant(1);
    assertEquals(KpiFilter.ALL, in(t, null, KpiSettings::read));
  }

  @Test
  void update_storesTheFilter_trimmed_andAuditsBeforeAndAfter() throws SQLException {
    UUID t = newTenant(1, 3);
    UUID head = newUser();
    List<UserError> errors =
        in(t, head, s -> s.update(List.of(3, 0), List.of(" SALE", "COMPLEX"), List.of(), head));
    assertEquals(List.of(), errors);
    assertEquals(
        new KpiFilter(Set.of(0, 3), Set.of("SALE", "COMPLEX"), Set.of()),
        in(t, null, KpiSettings::read));

    errors = in(t, head, s -> s.update(List.of(), List.of(), List.of("WEB", "CALL"), head));
    assertEquals(List.of(), errors);
    assertEquals(
        new KpiFilter(Set.of(), Set.of(), Set.of("WEB", "CALL")), in(t, null, KpiSettings::read));

    // the same filter again: nothing changes, nothing is recorded
    assertEquals(
        List.of(), in(t, head, s -> s.update(List.of(), List.of(), List.of("CALL", "WEB"), head)));

    assertEquals(
        List.of(
            List.of(
                "kpi_settings.updated",
                "kpi_settings",
                t.toString(),
                "{\"sources\": [], \"pipelines\": [], \"deal_types\": []}",
                "{\"sources\": [], \"pipelines\": [0, 3], \"deal_types\": [\"COMPLEX\","
                    + " \"SALE\"]}",
                head.toString()),
            List.of(
                "kpi_settings.updated",
                "kpi_settings",
                t.toString(),
                "{\"sources\": [], \"pipelines\": [0, 3], \"deal_types\": [\"COMPLEX\","
                    + " \"SALE\"]}",
                "{\"sources\": [\"CALL\", \"WEB\"], \"pipelines\": [], \"deal_types\": []}",
                head.toString())),
        auditLines(t));
    inTenant(
        t,
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement("SELECT updated_by, updated_at FROM kpi_settings");
              ResultSet r = s.executeQuery()) {
            assertTrue(r.next());
            assertEquals(head, r.getObject(1, UUID.class));
            assertEquals(NOW.instant(), r.getTimestamp(2).toInstant());
          }
          return null;
        });
  }

  @Test
  void refusedInput_writesNothing_andNamesEveryFaultyEntry() throws SQLException {
    UUID t = newTenant(1);
    List<UserError> errors =
        in(
            t,
            null,
            s ->
                s.update(
                    java.util.Arrays.asList(1, 0, 5, -2, 1, null),
                    java.util.Arrays.asList("SALE", " ", "x".repeat(51), "SALE", null, "A\tB"),
                    List.of("WEB", "WEB "),
                    null));
    assertEquals(
        List.of(
            "input.pipelines.2 NOT_FOUND Воронки 5 нет среди воронок портала.",
            "input.pipelines.3 INVALID Номер воронки не может быть отрицательным: -2.",
            "input.pipelines.4 DUPLICATE Воронка 1 указана дважды.",
            "input.pipelines.5 REQUIRED Укажите воронку.",
            "input.dealTypes.1 REQUIRED Тип сделки: код не может быть пустым.",
            "input.dealTypes.2 INVALID Тип сделки: код длиннее 50 символов.",
            "input.dealTypes.3 DUPLICATE Тип сделки «SALE» указан дважды.",
            "input.dealTypes.4 REQUIRED Тип сделки: код не может быть пустым.",
            "input.dealTypes.5 INVALID Тип сделки: код содержит управляющие символы.",
            "input.sources.1 DUPLICATE Источник «WEB» указан дважды."),
        errors.stream()
            .map(e -> String.join(".", e.field()) + " " + e.code() + " " + e.message())
            .toList());
    List<UserError> missing = in(t, null, s -> s.update(null, null, null, null));
    assertEquals(
        List.of("input.pipelines", "input.dealTypes", "input.sources"),
        missing.stream().map(e -> String.join(".", e.field())).toList());
    List<UserError> tooMany =
        in(
            t,
            null,
            s ->
                s.update(
                    List.of(),
                    java.util.stream.IntStream.range(0, 101).mapToObj(i -> "T" + i).toList(),
                    List.of(),
                    null));
    assertEquals("Не более 100 типов сделок.", tooMany.get(0).message());

    assertEquals(0, countIn(t, "SELECT count(*) FROM kpi_settings"), "nothing stored");
    assertEquals(List.of(), auditLines(t), "nothing recorded");
    assertEquals(KpiFilter.ALL, in(t, null, KpiSettings::read));
  }

  @Test
  void anotherTenantsSettings_areInvisible_notWritable_andItsPipelinesUnknown()
      throws SQLException {
    UUID a = newTenant(1, 2);
    UUID b = newTenant();
    assertEquals(
        List.of(), in(a, null, s -> s.update(List.of(1, 2), List.of("SALE"), List.of(), null)));

    // B sees none of A's settings nor A's pipelines
    assertEquals(KpiFilter.ALL, in(b, null, KpiSettings::read));
    assertEquals(0, countIn(b, "SELECT count(*) FROM kpi_settings"));
    List<UserError> errors = in(b, null, s -> s.update(List.of(2, 0), List.of(), List.of(), null));
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(List.of("input", "pipelines", "0"), errors.get(0).field());
    assertEquals(UserError.Code.NOT_FOUND, errors.get(0).code());
    // B's own settings do not touch A's
    assertEquals(
        List.of(), in(b, null, s -> s.update(List.of(0), List.of(), List.of("WEB"), null)));
    inTenant(
        b,
        c -> {
          assertEquals(
              0, update(c, "UPDATE kpi_settings SET sources = '{}' WHERE tenant_id = ?", a));
          assertEquals(0, update(c, "DELETE FROM kpi_settings WHERE tenant_id = ?", a));
          return null;
        });
    // an insert naming A's tenant is refused by the policy's WITH CHECK
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, b, null);
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  update(
                      c,
                      "INSERT INTO kpi_settings (tenant_id, pipelines, deal_types, sources,"
                          + " updated_at) VALUES (?, '{}', '{}', '{}', now())",
                      a));
      assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
      c.rollback();
    }
    assertEquals(
        new KpiFilter(Set.of(1, 2), Set.of("SALE"), Set.of()), in(a, null, KpiSettings::read));
    assertEquals(new KpiFilter(Set.of(0), Set.of(), Set.of("WEB")), in(b, null, KpiSettings::read));
    assertEquals(1, auditLines(a).size());
    assertEquals(1, auditLines(b).size());
  }

  @Test
  void theDatabaseItselfRefuses_insaneContent() throws SQLException {
    UUID t = newTenant();
    List<String[]> refused =
        List.of(
            new String[] {"{-1}", "{}", "{}"},
            new String[] {"{1,1}", "{}", "{}"},
            new String[] {"{NULL}", "{}", "{}"},
            new String[] {"{{1},{2}}", "{}", "{}"},
            new String[] {"{}", "{SALE,SALE}", "{}"},
            new String[] {"{}", "{\"\"}", "{}"},
            new String[] {"{}", "{\" SALE\"}", "{}"},
            new String[] {"{}", "{NULL}", "{}"},
            new String[] {"{}", "{}", "{" + "x".repeat(51) + "}"});
    for (String[] row : refused) {
      try (Connection c = runtime()) {
        c.setAutoCommit(false);
        context(c, t, null);
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    update(
                        c,
                        "INSERT INTO kpi_settings (tenant_id, pipelines, deal_types, sources,"
                            + " updated_at) VALUES (premia_current_tenant(), ?::int[], ?::text[],"
                            + " ?::text[], now())",
                        (Object[]) row),
                String.join(" ", row));
        assertEquals("23514", e.getSQLState(), String.join(" ", row) + ": " + e.getMessage());
        c.rollback();
      }
    }
    assertEquals(0, countIn(t, "SELECT count(*) FROM kpi_settings"));
  }

  @Test
  void kpiSettings_hasForcedRowLevelSecurity_withUsingAndWithCheck_andATenantFirstKey()
      throws SQLException {
    try (Connection c = owner();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.relrowsecurity, c.relforcerowsecurity,"
                    + " (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname"
                    + "   AND p.qual LIKE '%premia_current_tenant()%'"
                    + "   AND p.with_check LIKE '%premia_current_tenant()%'),"
                    + " (SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid ="
                    + " i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = c.oid"
                    + "   AND a.attname = 'tenant_id' AND i.indisprimary)"
                    + " FROM pg_class c WHERE c.relname = 'kpi_settings' AND c.relkind = 'r'");
        ResultSet row = s.executeQuery()) {
      assertTrue(row.next(), "kpi_settings exists");
      assertTrue(row.getBoolean(1), "row-level security enabled");
      assertTrue(row.getBoolean(2), "row-level security forced");
      assertEquals(1, row.getInt(3), "one tenant policy with USING and WITH CHECK");
      assertEquals(1, row.getInt(4), "the primary key is the tenant");
    }
  }

  // ---------------------------------------------------------------------------------------------

  @FunctionalInterface
  interface Work<T> {
    T run(KpiSettings settings) throws SQLException;
  }

  @FunctionalInterface
  interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs the work in the tenant as the runtime role, auditing as the actor, and commits. */
  static <T> T in(UUID tenant, UUID actor, Work<T> work) throws SQLException {
    return inTenant(tenant, c -> work.run(new KpiSettings(c, Plans.jdbcAudit(c, actor, NOW), NOW)));
  }

  static <T> T inTenant(UUID tenant, Sql<T> work) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      T result = work.run(c);
      c.commit();
      return result;
    }
  }

  /** A tenant whose synced portal has these pipelines (besides none for the default, 0). */
  static UUID newTenant(int... pipelines) throws SQLException {
    UUID tenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancy,
          "Settings " + tenant);
      for (int id : pipelines) {
        execute(
            c,
            "INSERT INTO crm_pipeline (tenant_id, id, name, sort, is_default, synced_at)"
                + " VALUES (?, ?, ?, ?, false, now())",
            tenant,
            id,
            "Воронка " + id,
            id * 10);
      }
      c.commit();
    }
    return tenant;
  }

  static UUID newUser() throws SQLException {
    UUID user = UUID.randomUUID();
    try (Connection c = owner()) {
      execute(
          c,
          "INSERT INTO app_user (id, email, display_name, created_at) VALUES (?, ?, ?, now())",
          user,
          user + "@settings.test",
          "Tenant admin");
    }
    return user;
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  static long countIn(UUID tenant, String sql) throws SQLException {
    return inTenant(
        tenant,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql);
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  /** The tenant's audit lines: action, entity type, entity id, before, after, actor. */
  static List<List<String>> auditLines(UUID tenant) throws SQLException {
    return inTenant(
        tenant,
        c -> {
          List<List<String>> lines = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT action, entity_type, entity_id, before_state::text,"
                          + " after_state::text, actor_user_id FROM audit_event ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              lines.add(
                  List.of(
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      String.valueOf(r.getString(4)),
                      String.valueOf(r.getString(5)),
                      String.valueOf(r.getString(6))));
            }
          }
          return lines;
        });
  }
}
