package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.env;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.Attainment;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KPI plans against the real PostgreSQL schema (plain JDBC, no container, like {@link KpiSqlIT}):
 * the changelog is applied by {@link DatabaseMigrator}, each test makes its own tenants as the
 * owner role and runs {@link Plans} as the runtime role under row-level security, committing, so
 * that what is checked is what another transaction sees.
 */
class KpiPlansIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Period JAN = Period.month(2026, 1, MOSCOW);
  static final Period FEB = Period.month(2026, 2, MOSCOW);
  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

  /** 2026-02-15 13:00 Moscow: January is closed, February open. */
  static final Clock MID_FEBRUARY =
      Clock.fixed(Instant.parse("2026-02-15T10:00:00Z"), ZoneOffset.UTC);

  static final long ANNA = 201;
  static final long BORIS = 202;
  static final long SALES_DEPARTMENT = 7;

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
          "Plans test " + consultancy);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // isolation
  // ---------------------------------------------------------------------------------------------

  @Test
  void anotherTenantsPlans_areInvisible_andNotWritable() throws SQLException {
    UUID a = newTenant();
    UUID b = newTenant();
    Plan annaPlan =
        inTenant(
            a,
            MID_FEBRUARY,
            (c, plans) ->
                plans.set(
                    "sales_volume",
                    PlanSubjectKind.EMPLOYEE,
                    ANNA,
                    PeriodType.MONTH,
                    FEB_1,
                    new BigDecimal("100000"),
                    null));

    inTenant(
        b,
        MID_FEBRUARY,
        (c, plans) -> {
          assertEquals(List.of(), plans.list(FEB), "B lists none of A's plans");
          assertEquals(0, count(c, "SELECT count(*) FROM kpi_plan"), "B sees no row of A");
          assertEquals(
              0,
              update(c, "UPDATE kpi_plan SET target = 1 WHERE id = ?", annaPlan.id()),
              "B cannot update A's plan");
          assertEquals(
              0, update(c, "DELETE FROM kpi_plan WHERE id = ?", annaPlan.id()), "nor delete it");
          assertFalse(
              plans.clear(
                  "sales_volume", PlanSubjectKind.EMPLOYEE, ANNA, PeriodType.MONTH, FEB_1, null),
              "clearing the same key in B finds nothing");
          // the same key in B is B's own plan
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("5"),
              null);
          return null;
        });
    // an insert that names A's tenant is refused by the policy's WITH CHECK
    inTenant(
        b,
        MID_FEBRUARY,
        (c, plans) -> {
          SQLException refused =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "INSERT INTO kpi_plan (tenant_id, id, kpi, subject_kind, subject_id,"
                              + " period_kind, period_start, target, updated_at) VALUES (?, ?,"
                              + " 'deals_won', 'EMPLOYEE', 201, 'MONTH', '2026-02-01', 1, now())",
                          a,
                          UUID.randomUUID()));
          assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
          c.rollback();
          return null;
        });

    List<Plan> inA = inTenant(a, MID_FEBRUARY, (c, plans) -> plans.list(FEB));
    assertEquals(1, inA.size());
    assertEquals(new BigDecimal("100000.0000"), inA.get(0).target(), "A's plan is untouched");
    List<Plan> inB = inTenant(b, MID_FEBRUARY, (c, plans) -> plans.list(FEB));
    assertEquals(1, inB.size());
    assertEquals(new BigDecimal("5.0000"), inB.get(0).target());
  }

  @Test
  void kpiPlan_hasForcedRowLevelSecurity_withUsingAndWithCheck_andATenantFirstKey()
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
                    + "   AND a.attname = 'tenant_id')"
                    + " FROM pg_class c WHERE c.relname = 'kpi_plan' AND c.relkind = 'r'");
        ResultSet row = s.executeQuery()) {
      assertTrue(row.next(), "kpi_plan exists");
      assertTrue(row.getBoolean(1), "row-level security enabled");
      assertTrue(row.getBoolean(2), "row-level security forced");
      assertEquals(1, row.getInt(3), "one tenant policy with USING and WITH CHECK");
      assertEquals(3, row.getInt(4), "primary key, unique key and period index lead by tenant_id");
    }
  }

  @Test
  void theDatabaseItselfRefuses_misalignedPeriods_negativeTargets_andUnknownKinds()
      throws SQLException {
    UUID t = newTenant();
    String insert =
        "INSERT INTO kpi_plan (tenant_id, id, kpi, subject_kind, subject_id, period_kind,"
            + " period_start, target, updated_at) VALUES (premia_current_tenant(), ?, 'deals_won',"
            + " ?, ?, ?, ?::date, ?, now())";
    List<List<Object>> refused =
        List.of(
            List.of("EMPLOYEE", 201L, "QUARTER", "2026-02-01", BigDecimal.ONE),
            List.of("EMPLOYEE", 201L, "YEAR", "2026-04-01", BigDecimal.ONE),
            List.of("EMPLOYEE", 201L, "MONTH", "2026-01-02", BigDecimal.ONE),
            List.of("EMPLOYEE", 201L, "MONTH", "2026-01-01", new BigDecimal("-0.0001")),
            List.of("EMPLOYEE", 0L, "MONTH", "2026-01-01", BigDecimal.ONE),
            List.of("TEAM", 201L, "MONTH", "2026-01-01", BigDecimal.ONE),
            List.of("EMPLOYEE", 201L, "WEEK", "2026-01-01", BigDecimal.ONE));
    for (List<Object> row : refused) {
      inTenant(
          t,
          MID_FEBRUARY,
          (c, plans) -> {
            SQLException e =
                assertThrows(
                    SQLException.class,
                    () ->
                        update(
                            c,
                            insert,
                            UUID.randomUUID(),
                            row.get(0),
                            row.get(1),
                            row.get(2),
                            row.get(3),
                            row.get(4)),
                    row.toString());
            assertEquals("23514", e.getSQLState(), row + ": " + e.getMessage()); // check_violation
            c.rollback();
            return null;
          });
    }
    assertEquals(0, countIn(t, "SELECT count(*) FROM kpi_plan"));
  }

  // ---------------------------------------------------------------------------------------------
  // validation
  // ---------------------------------------------------------------------------------------------

  @Test
  void refusedInput_writesNothing_andSaysWhichFieldIsWrong() throws SQLException {
    UUID t = newTenant();
    record Bad(
        String kpi,
        PlanSubjectKind kind,
        long id,
        PeriodType type,
        LocalDate start,
        String target,
        String field,
        UserError.Code code) {}
    List<Bad> bad =
        List.of(
            new Bad(
                "nope",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "1",
                "kpi",
                UserError.Code.NOT_FOUND),
            new Bad(
                null,
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "1",
                "kpi",
                UserError.Code.REQUIRED),
            // not plannable: NPS (may be negative), team plan fulfilment (itself an attainment)
            new Bad(
                "nps",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "50",
                "kpi",
                UserError.Code.INVALID),
            new Bad(
                "team_plan_fulfilment",
                PlanSubjectKind.DEPARTMENT,
                7,
                PeriodType.MONTH,
                JAN_1,
                "50",
                "kpi",
                UserError.Code.INVALID),
            // a department KPI planned for an employee
            new Bad(
                "average_sales_per_manager",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "1000",
                "subjectKind",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                null,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "1",
                "subjectKind",
                UserError.Code.REQUIRED),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                0,
                PeriodType.MONTH,
                JAN_1,
                "1",
                "subjectId",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                LocalDate.of(2026, 1, 15),
                "1",
                "periodStart",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.QUARTER,
                FEB_1,
                "1",
                "periodStart",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.YEAR,
                LocalDate.of(2026, 4, 1),
                "1",
                "periodStart",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                null,
                JAN_1,
                "1",
                "periodKind",
                UserError.Code.REQUIRED),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "-0.01",
                "target",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                null,
                "target",
                UserError.Code.REQUIRED),
            // more than 4 decimals (trailing zeros do not count: 1.50000 is fine, see below)
            new Bad(
                "lead_conversion",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "12.00001",
                "target",
                UserError.Code.INVALID),
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "100000000000000",
                "target",
                UserError.Code.INVALID),
            // money to the kopeck, counts whole, percentages up to 100
            new Bad(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "10.001",
                "target",
                UserError.Code.INVALID),
            new Bad(
                "deals_won",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "2.5",
                "target",
                UserError.Code.INVALID),
            new Bad(
                "lead_conversion",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                "100.0001",
                "target",
                UserError.Code.INVALID));

    inTenant(
        t,
        MID_FEBRUARY,
        (c, plans) -> {
          for (Bad b : bad) {
            BusinessRuleException e =
                assertThrows(
                    BusinessRuleException.class,
                    () ->
                        plans.set(
                            b.kpi(),
                            b.kind(),
                            b.id(),
                            b.type(),
                            b.start(),
                            b.target() == null ? null : new BigDecimal(b.target()),
                            null),
                    b.toString());
            assertEquals(List.of(b.field()), e.errors().get(0).field(), b.toString());
            assertEquals(b.code(), e.errors().get(0).code(), b.toString());
            assertEquals(1, e.errors().size(), b + ": " + e.errors());
          }
          // several faults at once are reported together
          BusinessRuleException all =
              assertThrows(
                  BusinessRuleException.class,
                  () ->
                      plans.set(
                          "nope",
                          PlanSubjectKind.EMPLOYEE,
                          -1,
                          PeriodType.MONTH,
                          LocalDate.of(2026, 1, 2),
                          new BigDecimal("-1"),
                          null));
          assertEquals(
              List.of("kpi", "subjectId", "periodStart", "target"),
              all.errors().stream().map(u -> u.field().get(0)).toList());
          // clear validates its key too
          assertThrows(
              BusinessRuleException.class,
              () ->
                  plans.clear(
                      "nps", PlanSubjectKind.EMPLOYEE, ANNA, PeriodType.MONTH, JAN_1, null));
          return null; // committed: whatever was written would stay
        });
    assertEquals(0, countIn(t, "SELECT count(*) FROM kpi_plan"), "nothing was written");
    assertEquals(0, countIn(t, "SELECT count(*) FROM audit_event"), "nothing was audited");

    // an existing plan keeps its target when a change is refused
    inTenant(
        t,
        MID_FEBRUARY,
        (c, plans) ->
            plans.set(
                "deals_won",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                new BigDecimal("10.0000"),
                null));
    inTenant(
        t,
        MID_FEBRUARY,
        (c, plans) -> {
          assertThrows(
              BusinessRuleException.class,
              () ->
                  plans.set(
                      "deals_won",
                      PlanSubjectKind.EMPLOYEE,
                      ANNA,
                      PeriodType.MONTH,
                      JAN_1,
                      new BigDecimal("-3"),
                      null));
          return null;
        });
    List<Plan> jan = inTenant(t, MID_FEBRUARY, (c, plans) -> plans.list(JAN));
    assertEquals(1, jan.size());
    assertEquals(new BigDecimal("10.0000"), jan.get(0).target());
    assertEquals(
        1, countIn(t, "SELECT count(*) FROM audit_event"), "only the accepted change is audited");
  }

  @Test
  void acceptedEdges_departmentPlansOfEmployeeKpis_trailingZeros_zero_andAllPeriodKinds()
      throws SQLException {
    UUID t = newTenant();
    inTenant(
        t,
        MID_FEBRUARY,
        (c, plans) -> {
          // a department's volume plan (the denominator of team plan fulfilment)
          plans.set(
              "sales_volume",
              PlanSubjectKind.DEPARTMENT,
              SALES_DEPARTMENT,
              PeriodType.QUARTER,
              JAN_1,
              new BigDecimal("900000.50"),
              null);
          plans.set(
              "average_sales_per_manager",
              PlanSubjectKind.DEPARTMENT,
              SALES_DEPARTMENT,
              PeriodType.YEAR,
              JAN_1,
              new BigDecimal("1200000"),
              null);
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("3.0000000"),
              null);
          plans.set(
              "lead_conversion",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("100"),
              null);
          plans.set(
              "activity_calls",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              BigDecimal.ZERO,
              null);
          return null;
        });
    List<Plan> feb = inTenant(t, MID_FEBRUARY, (c, plans) -> plans.list(FEB));
    assertEquals(
        List.of("activity_calls=0.0000", "deals_won=3.0000", "lead_conversion=100.0000"),
        feb.stream().map(p -> p.kpi().code() + "=" + p.target()).toList());
    List<Plan> q1 =
        inTenant(t, MID_FEBRUARY, (c, plans) -> plans.list(Period.quarter(2026, 1, MOSCOW)));
    assertEquals(1, q1.size());
    assertEquals(new BigDecimal("900000.5000"), q1.get(0).target());
    assertEquals(PlanSubjectKind.DEPARTMENT, q1.get(0).subjectKind());
    assertEquals(
        1, inTenant(t, MID_FEBRUARY, (c, plans) -> plans.list(Period.year(2026, MOSCOW))).size());
  }

  @Test
  void twoUsersCreatingTheSamePlanAtOnce_theSecondGetsAConflict_notAnOverwrite() throws Exception {
    UUID t = newTenant();
    try (Connection first = runtime();
        Connection second = runtime()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      context(first, t, null);
      context(second, t, null);
      Plans firstPlans = new Plans(first, Plans.jdbcAudit(first, null, MID_FEBRUARY), MID_FEBRUARY);
      Plans secondPlans =
          new Plans(second, Plans.jdbcAudit(second, null, MID_FEBRUARY), MID_FEBRUARY);
      firstPlans.set(
          "deals_won",
          PlanSubjectKind.EMPLOYEE,
          ANNA,
          PeriodType.MONTH,
          FEB_1,
          new BigDecimal("10"),
          null); // not committed yet
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        // the second does not see the first's row, and its insert waits for the first's commit
        Future<Plan> racing =
            pool.submit(
                () ->
                    secondPlans.set(
                        "deals_won",
                        PlanSubjectKind.EMPLOYEE,
                        ANNA,
                        PeriodType.MONTH,
                        FEB_1,
                        new BigDecimal("20"),
                        null));
        Thread.sleep(300);
        assertFalse(racing.isDone(), "the second insert waits on the first's key");
        first.commit();
        ExecutionException e = assertThrows(ExecutionException.class, racing::get);
        BusinessRuleException refused = assertInstanceOf(BusinessRuleException.class, e.getCause());
        assertEquals(UserError.Code.CONFLICT, refused.errors().get(0).code());
        second.commit();
      } finally {
        pool.shutdownNow();
      }
    }
    List<Plan> feb = inTenant(t, MID_FEBRUARY, (c, plans) -> plans.list(FEB));
    assertEquals(1, feb.size());
    assertEquals(new BigDecimal("10.0000"), feb.get(0).target(), "the first user's target stays");
  }

  // ---------------------------------------------------------------------------------------------
  // history: closed periods are audited
  // ---------------------------------------------------------------------------------------------

  @Test
  void changingAClosedPeriodsPlan_isAuditedWithBeforeAndAfter_anOpenPeriodsIsNot()
      throws SQLException {
    UUID t = newTenant();
    UUID actor = newUser();
    Plan jan =
        inTenant(
            t,
            MID_FEBRUARY,
            actor,
            (c, plans) -> {
              assertTrue(plans.closed(JAN));
              assertFalse(plans.closed(FEB));
              return plans.set(
                  "sales_volume",
                  PlanSubjectKind.EMPLOYEE,
                  ANNA,
                  PeriodType.MONTH,
                  JAN_1,
                  new BigDecimal("100000"),
                  actor);
            });
    inTenant(
        t,
        MID_FEBRUARY,
        actor,
        (c, plans) ->
            plans.set(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                new BigDecimal("120000.50"),
                actor));
    // the same target again changes nothing and records nothing
    inTenant(
        t,
        MID_FEBRUARY,
        actor,
        (c, plans) ->
            plans.set(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                JAN_1,
                new BigDecimal("120000.5"),
                actor));
    inTenant(
        t,
        MID_FEBRUARY,
        actor,
        (c, plans) ->
            plans.clear(
                "sales_volume", PlanSubjectKind.EMPLOYEE, ANNA, PeriodType.MONTH, JAN_1, actor));
    // February is open: set, changed and cleared without an audit line
    inTenant(
        t,
        MID_FEBRUARY,
        actor,
        (c, plans) -> {
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("1"),
              actor);
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("2"),
              actor);
          plans.clear(
              "sales_volume", PlanSubjectKind.EMPLOYEE, ANNA, PeriodType.MONTH, FEB_1, actor);
          return null;
        });

    List<List<String>> audit = auditLines(t);
    String janState =
        // jsonb's own key order: by length, then bytes
        "{\"kpi\": \"sales_volume\", \"target\": %s, \"subject_id\": 201, \"period_kind\":"
            + " \"MONTH\", \"period_start\": \"2026-01-01\", \"subject_kind\": \"EMPLOYEE\"}";
    String first = String.format(janState, "100000.0000");
    String second = String.format(janState, "120000.5000");
    assertEquals(
        List.of(
            List.of("kpi_plan.set", jan.id().toString(), "null", first, actor.toString(), "true"),
            List.of("kpi_plan.set", jan.id().toString(), first, second, actor.toString(), "true"),
            List.of(
                "kpi_plan.cleared", jan.id().toString(), second, "null", actor.toString(), "true")),
        audit);
  }

  @Test
  void aPeriodIsClosedFromTheFirstInstantAfterIt_inTheTenantsZone() throws SQLException {
    UUID t = newTenant();
    // 2026-01-31 23:59:59 Moscow: January still open; 2026-02-01 00:00 Moscow: closed
    Clock lastSecond = Clock.fixed(Instant.parse("2026-01-31T20:59:59Z"), ZoneOffset.UTC);
    Clock firstInstantAfter = Clock.fixed(Instant.parse("2026-01-31T21:00:00Z"), ZoneOffset.UTC);
    inTenant(
        t,
        lastSecond,
        (c, plans) -> {
          assertFalse(plans.closed(JAN));
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("4"),
              null);
          return null;
        });
    assertEquals(0, countIn(t, "SELECT count(*) FROM audit_event"));
    inTenant(
        t,
        firstInstantAfter,
        (c, plans) -> {
          assertTrue(plans.closed(JAN));
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("5"),
              null);
          return null;
        });
    assertEquals(1, countIn(t, "SELECT count(*) FROM audit_event"));
  }

  // ---------------------------------------------------------------------------------------------
  // copy to the next period
  // ---------------------------------------------------------------------------------------------

  @Test
  void copyToNextPeriod_copiesWhatIsNotSet_keepsWhatIs_andReportsBoth() throws SQLException {
    UUID t = newTenant();
    // 2026-01-20: January open, February in the future
    Clock midJanuary = Clock.fixed(Instant.parse("2026-01-20T10:00:00Z"), ZoneOffset.UTC);
    inTenant(
        t,
        midJanuary,
        (c, plans) -> {
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("100000"),
              null);
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("5"),
              null);
          plans.set(
              "sales_volume",
              PlanSubjectKind.DEPARTMENT,
              SALES_DEPARTMENT,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("900000"),
              null);
          // February already has Anna's deals plan: kept
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              FEB_1,
              new BigDecimal("7"),
              null);
          // a quarter plan is not a month plan: not copied
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.QUARTER,
              JAN_1,
              new BigDecimal("300000"),
              null);
          return null;
        });
    Plans.CopyResult result = inTenant(t, midJanuary, (c, plans) -> plans.copyToNext(JAN, null));
    assertEquals(FEB, result.to());
    assertEquals(2, result.copied());
    assertEquals(1, result.skipped());
    Map<String, BigDecimal> feb =
        inTenant(t, midJanuary, (c, plans) -> plans.list(FEB)).stream()
            .collect(
                Collectors.toMap(
                    p -> p.kpi().code() + "/" + p.subjectKind() + "/" + p.subjectId(),
                    Plan::target));
    assertEquals(
        Map.of(
            "sales_volume/EMPLOYEE/201", new BigDecimal("100000.0000"),
            "deals_won/EMPLOYEE/201", new BigDecimal("7.0000"),
            "sales_volume/DEPARTMENT/7", new BigDecimal("900000.0000")),
        feb);
    assertEquals(3, inTenant(t, midJanuary, (c, plans) -> plans.list(JAN)).size(), "source kept");
    assertEquals(0, countIn(t, "SELECT count(*) FROM audit_event"), "February is not closed");

    // copying again copies nothing
    Plans.CopyResult again = inTenant(t, midJanuary, (c, plans) -> plans.copyToNext(JAN, null));
    assertEquals(0, again.copied());
    assertEquals(3, again.skipped());

    // December → January across the year, and into a closed period: each copy is audited
    UUID u = newTenant();
    inTenant(
        u,
        MID_FEBRUARY,
        (c, plans) ->
            plans.set(
                "sales_volume",
                PlanSubjectKind.EMPLOYEE,
                BORIS,
                PeriodType.MONTH,
                LocalDate.of(2025, 12, 1),
                new BigDecimal("50000"),
                null));
    Plans.CopyResult intoClosed =
        inTenant(
            u, MID_FEBRUARY, (c, plans) -> plans.copyToNext(Period.month(2025, 12, MOSCOW), null));
    assertEquals(JAN, intoClosed.to());
    assertEquals(1, intoClosed.copied());
    List<List<String>> audit = auditLines(u);
    assertEquals(2, audit.size(), "December's set (closed) and the copy into January (closed)");
    assertEquals("kpi_plan.copied", audit.get(1).get(0));
    assertEquals("null", audit.get(1).get(2));
    assertTrue(audit.get(1).get(3).contains("\"period_start\": \"2026-01-01\""), audit.toString());
  }

  // ---------------------------------------------------------------------------------------------
  // attainment
  // ---------------------------------------------------------------------------------------------

  @Test
  void attainment_isActualOverPlan_halfUpTo4Decimals_undefinedForZeroPlansAndUndefinedActuals()
      throws SQLException {
    UUID t = newTenant();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, t, consultancy);
      KpiSqlIT.currency(c, "RUB", 1, "1", true);
      KpiSqlIT.employee(c, ANNA, LocalDate.of(2020, 1, 1), null);
      KpiSqlIT.employee(c, BORIS, LocalDate.of(2021, 1, 1), null);
      // Anna, January (Moscow): two won deals 100 000.00 + 50 000.00 = 150 000.00
      KpiSqlIT.deal(c, 1, ANNA, "S", "100000.00", "RUB", 501, 0, null, null);
      KpiSqlIT.history(c, 1, 1, "WON", "S", "2026-01-10T09:00:00Z");
      KpiSqlIT.deal(c, 2, ANNA, "S", "50000.00", "RUB", 502, 0, null, null);
      KpiSqlIT.history(c, 2, 2, "WON", "S", "2026-01-31T20:59:59Z"); // last second of January
      // won at 00:00 on 1 February Moscow: February's, not in January's attainment
      KpiSqlIT.deal(c, 3, ANNA, "S", "70000.00", "RUB", 503, 0, null, null);
      KpiSqlIT.history(c, 3, 3, "WON", "S", "2026-01-31T21:00:00Z");
      // leads closed in January: 1 converted, 2 junk → 33.3333 %
      KpiSqlIT.lead(c, 1, ANNA, "S", "2026-01-05T10:00:00Z");
      KpiSqlIT.lead(c, 2, ANNA, "F", "2026-01-06T10:00:00Z");
      KpiSqlIT.lead(c, 3, ANNA, "F", "2026-01-07T10:00:00Z");
      c.commit();
    }
    inTenant(
        t,
        MID_FEBRUARY,
        (c, plans) -> {
          // 150 000.00 ÷ 120 000 = 1.25
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("120000"),
              null);
          // 2 ÷ 3 = 0.66666… → 0.6667
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("3"),
              null);
          // 33.3333 ÷ 40 = 0.8333325 → 0.8333
          plans.set(
              "lead_conversion",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("40"),
              null);
          // average 75 000.00 against a zero plan: undefined
          plans.set(
              "average_deal",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              JAN_1,
              BigDecimal.ZERO,
              null);
          // 0 ÷ 100 000 = 0 (a sum with no deals is 0, not undefined)
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              BORIS,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("100000"),
              null);
          // Boris's average deal with no deals is undefined: so is its attainment
          plans.set(
              "average_deal",
              PlanSubjectKind.EMPLOYEE,
              BORIS,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("50000"),
              null);
          // 5 calls planned, 0 made: 0
          plans.set(
              "activity_calls",
              PlanSubjectKind.EMPLOYEE,
              BORIS,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("5"),
              null);
          // a department's plan: department measurement is not there yet → undefined
          plans.set(
              "sales_volume",
              PlanSubjectKind.DEPARTMENT,
              SALES_DEPARTMENT,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("500000"),
              null);
          // an employee nobody measures (not on the portal, no facts): undefined
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              999,
              PeriodType.MONTH,
              JAN_1,
              new BigDecimal("1000"),
              null);
          return null;
        });
    List<Attainment> jan = inTenant(t, MID_FEBRUARY, (c, plans) -> plans.attainment(JAN));
    Map<String, Attainment> by =
        jan.stream()
            .collect(
                Collectors.toMap(
                    a ->
                        a.plan().kpi().code()
                            + "/"
                            + a.plan().subjectKind()
                            + "/"
                            + a.plan().subjectId(),
                    a -> a));
    assertEquals(9, jan.size());
    assertAttainment(by.get("sales_volume/EMPLOYEE/201"), "150000.00", "1.2500");
    assertAttainment(by.get("deals_won/EMPLOYEE/201"), "2", "0.6667");
    assertAttainment(by.get("lead_conversion/EMPLOYEE/201"), "33.3333", "0.8333");
    assertAttainment(by.get("average_deal/EMPLOYEE/201"), "75000.00", null);
    assertAttainment(by.get("sales_volume/EMPLOYEE/202"), "0.00", "0.0000");
    assertAttainment(by.get("average_deal/EMPLOYEE/202"), null, null);
    assertAttainment(by.get("activity_calls/EMPLOYEE/202"), "0", "0.0000");
    assertAttainment(by.get("sales_volume/DEPARTMENT/7"), null, null);
    assertAttainment(by.get("sales_volume/EMPLOYEE/999"), null, null);

    // the ratio's rounding, by hand
    assertEquals(
        new BigDecimal("0.9375"),
        Attainment.ratio(new BigDecimal("150000.00"), new BigDecimal("160000")));
    assertEquals(
        new BigDecimal("1.6667"),
        Attainment.ratio(new BigDecimal("150000.00"), new BigDecimal("90000")));
    // 1 ÷ 20 000 = 0.00005 exactly: half-up gives 0.0001 (half-even would give 0.0000)
    assertEquals(
        new BigDecimal("0.0001"), Attainment.ratio(BigDecimal.ONE, new BigDecimal("20000")));
    assertNull(Attainment.ratio(BigDecimal.TEN, BigDecimal.ZERO));
    assertNull(Attainment.ratio(null, BigDecimal.TEN));

    // February's attainment measures February: Anna's 70 000.00 against a copied 120 000 plan
    inTenant(t, MID_FEBRUARY, (c, plans) -> plans.copyToNext(JAN, null));
    Attainment febVolume =
        inTenant(t, MID_FEBRUARY, (c, plans) -> plans.attainment(FEB)).stream()
            .filter(
                a ->
                    a.plan().kpi() == Kpi.SALES_VOLUME
                        && a.plan().subjectKind() == PlanSubjectKind.EMPLOYEE
                        && a.plan().subjectId() == ANNA)
            .findFirst()
            .orElseThrow();
    // 70 000.00 ÷ 120 000 = 0.58333… → 0.5833
    assertAttainment(febVolume, "70000.00", "0.5833");
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  static void assertAttainment(Attainment a, String actual, String ratio) {
    assertEquals(actual == null ? null : new BigDecimal(actual), a.actual(), a.toString());
    assertEquals(ratio == null ? null : new BigDecimal(ratio), a.ratio(), a.toString());
    assertEquals(ratio != null, a.defined());
  }

  interface Work<T> {
    T run(Connection c, Plans plans) throws SQLException;
  }

  /** Runs the work as the runtime role in the tenant's context and commits. */
  static <T> T inTenant(UUID tenant, Clock clock, Work<T> work) throws SQLException {
    return inTenant(tenant, clock, null, work);
  }

  /** The same, with the audit hook recording the given actor. */
  static <T> T inTenant(UUID tenant, Clock clock, UUID actor, Work<T> work) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      T result = work.run(c, new Plans(c, Plans.jdbcAudit(c, actor, clock), clock));
      c.commit();
      return result;
    }
  }

  static UUID newTenant() throws SQLException {
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
          "Plans " + tenant);
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
          user + "@plans.test",
          "Sales head");
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

  static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  static long countIn(UUID tenant, String sql) throws SQLException {
    return inTenant(tenant, MID_FEBRUARY, (c, plans) -> count(c, sql));
  }

  /** The tenant's audit lines: action, entity, before, after, actor, whether the tenant is set. */
  static List<List<String>> auditLines(UUID tenant) throws SQLException {
    return inTenant(
        tenant,
        MID_FEBRUARY,
        (c, plans) -> {
          List<List<String>> lines = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT action, entity_id, before_state::text, after_state::text,"
                          + " actor_user_id, entity_type, tenant_id = ? FROM audit_event"
                          + " ORDER BY id");
              ResultSet r = prepare(s, tenant).executeQuery()) {
            while (r.next()) {
              assertEquals("kpi_plan", r.getString(6));
              lines.add(
                  List.of(
                      r.getString(1),
                      r.getString(2),
                      String.valueOf(r.getString(3)),
                      String.valueOf(r.getString(4)),
                      String.valueOf(r.getString(5)),
                      String.valueOf(r.getBoolean(7))));
            }
          }
          return lines;
        });
  }

  private static PreparedStatement prepare(PreparedStatement s, UUID tenant) throws SQLException {
    s.setObject(1, tenant);
    return s;
  }
}
