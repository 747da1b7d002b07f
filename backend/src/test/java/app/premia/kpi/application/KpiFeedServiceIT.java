package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.ANNA;
import static app.premia.kpi.application.KpiSqlIT.BORIS;
import static app.premia.kpi.application.KpiSqlIT.FEB;
import static app.premia.kpi.application.KpiSqlIT.GLEB;
import static app.premia.kpi.application.KpiSqlIT.JAN;
import static app.premia.kpi.application.KpiSqlIT.Q1;
import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.env;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiUnitKind;
import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI feed against the real schema, on the fixture of {@link KpiSqlIT}: its values are exactly
 * the values {@link KpiSql} measures (live) and the store returns (once filled), its plans and
 * roster are the tenant's, and a department's team plan fulfilment is its members' sales volume ÷
 * its plan.
 */
class KpiFeedServiceIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Clock APRIL = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);
  static final KpiPeriod API_JAN = KpiPeriod.month(2026, 1);
  static final KpiPeriod API_FEB = KpiPeriod.month(2026, 2);
  static final KpiPeriod API_Q1 =
      KpiPeriod.containing(API_JAN.firstDay(), app.premia.kpi.api.KpiPeriodKind.QUARTER);
  static final List<KpiPeriod> PERIODS = List.of(API_JAN, API_FEB, API_Q1);

  static UUID liveTenant;
  static UUID storedTenant;

  @BeforeAll
  static void fixture() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    UUID consultancy = UUID.randomUUID();
    liveTenant = UUID.randomUUID();
    storedTenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "Feed test " + consultancy);
      for (UUID t : List.of(liveTenant, storedTenant)) {
        context(c, t, consultancy);
        execute(
            c,
            "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
                + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
            t,
            consultancy,
            "Feed " + t);
        KpiSqlIT.buildTenantFacts(c);
        // every fixture employee is in department 1; Anna heads it
        execute(
            c,
            "INSERT INTO crm_department (tenant_id, id, name, parent_id, head_user_id, sort,"
                + " synced_at) VALUES (premia_current_tenant(), 1, 'Продажи', NULL, ?, 0, now())",
            ANNA);
        execute(
            c,
            "INSERT INTO kpi_plan (id, tenant_id, kpi, subject_kind, subject_id, period_kind,"
                + " period_start, target, updated_at) VALUES (?, premia_current_tenant(),"
                + " 'sales_volume', 'DEPARTMENT', 1, 'MONTH', '2026-01-01', 400000, now()),"
                + " (?, premia_current_tenant(), 'deals_won', 'EMPLOYEE', ?, 'QUARTER',"
                + " '2026-01-01', 12, now())",
            UUID.randomUUID(),
            UUID.randomUUID(),
            ANNA);
      }
      c.commit();
    }
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, storedTenant, null);
      new MeasurementStore(c, APRIL).remeasureAll(KpiFilter.ALL);
      c.commit();
    }
  }

  static KpiFeed.Facts read(UUID tenant) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      KpiFeed.Facts facts = new KpiFeedService().read(c, PERIODS);
      c.rollback();
      return facts;
    }
  }

  static Map<String, Measurement> live(UUID tenant) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      List<Measurement> all = new KpiSql(c).measure(List.of(JAN, FEB, Q1), KpiFilter.ALL);
      c.rollback();
      return all.stream()
          .collect(
              Collectors.toMap(
                  m -> m.employeeId() + "|" + m.period().label() + "|" + m.kpi().code(), m -> m));
    }
  }

  static Map<String, KpiFeed.EmployeeValue> byKey(KpiFeed.Facts facts) {
    return facts.employees().stream()
        .collect(
            Collectors.toMap(
                v -> v.employeeId() + "|" + v.period().label() + "|" + v.kpi(), v -> v));
  }

  static void assertSameValues(UUID tenant) throws SQLException {
    KpiFeed.Facts facts = read(tenant);
    Map<String, Measurement> expected = live(tenant);
    Map<String, KpiFeed.EmployeeValue> actual = byKey(facts);
    // the feed reads the roster's employees: KpiSql also measures people facts are assigned to
    // who are not portal users; the fixture has none
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Measurement> e : expected.entrySet()) {
      KpiFeed.EmployeeValue v = actual.get(e.getKey());
      Measurement m = e.getValue();
      assertEquals(
          m.value() == null ? null : m.value().stripTrailingZeros(),
          v.value() == null ? null : v.value().stripTrailingZeros(),
          e.getKey());
      assertEquals(m.facts(), v.facts(), e.getKey() + " facts");
      assertEquals(m.errors(), v.errors(), e.getKey() + " errors");
    }
  }

  @Test
  void employeeValues_equalKpiSql_live() throws SQLException {
    assertSameValues(liveTenant);
  }

  @Test
  void employeeValues_equalKpiSql_fromTheStore() throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, storedTenant, null);
      var state = new MeasurementStore(c).state().orElseThrow();
      assertTrue(state.firstMonth() != null && !state.fullNeeded(), "the store is current");
      c.rollback();
    }
    assertSameValues(storedTenant);
  }

  @Test
  void departmentValues_areTheMeasuredOnes_plusTeamPlanFulfilmentAndSums() throws SQLException {
    KpiFeed.Facts facts = read(liveTenant);
    Map<String, KpiFeed.DepartmentValue> values = new HashMap<>();
    facts.departments().forEach(v -> values.put(v.period().label() + "|" + v.kpi(), v));

    Map<String, Measurement> live = live(liveTenant);
    // every fixture employee is a member of department 1: its volume is the sum of theirs
    BigDecimal volume =
        live.values().stream()
            .filter(m -> m.kpi() == Kpi.SALES_VOLUME && m.period().equals(JAN))
            .map(Measurement::value)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, volume.compareTo(values.get("2026-01|sales_volume").value()));
    assertEquals(
        volume
            .multiply(BigDecimal.valueOf(100))
            .divide(new BigDecimal("400000"), 4, RoundingMode.HALF_UP),
        values.get("2026-01|team_plan_fulfilment").value(),
        "volume × 100 ÷ the department's plan of 400 000");
    assertNull(values.get("2026-02|team_plan_fulfilment").value(), "no plan in February");

    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, liveTenant, null);
      for (DepartmentMeasurement m :
          new KpiSql(c).measureDepartments(List.of(JAN, FEB, Q1), KpiFilter.ALL)) {
        KpiFeed.DepartmentValue v = values.get(m.period().label() + "|" + m.kpi().code());
        assertEquals(
            m.value() == null ? null : m.value().stripTrailingZeros(),
            v.value() == null ? null : v.value().stripTrailingZeros(),
            m.period().label() + " " + m.kpi());
      }
      c.rollback();
    }
  }

  @Test
  void plansRosterAndTeams_areTheTenants() throws SQLException {
    KpiFeed.Facts facts = read(liveTenant);
    assertEquals(2, facts.plans().size(), String.valueOf(facts.plans()));
    KpiFeed.PlanTarget department =
        facts.plans().stream().filter(KpiFeed.PlanTarget::department).findFirst().orElseThrow();
    assertEquals(1, department.subjectId());
    assertEquals(API_JAN, department.period());
    assertEquals(0, new BigDecimal("400000").compareTo(department.target()));
    KpiFeed.PlanTarget anna =
        facts.plans().stream().filter(p -> !p.department()).findFirst().orElseThrow();
    assertEquals(ANNA, anna.subjectId());
    assertEquals(API_Q1, anna.period());
    assertEquals("deals_won", anna.kpi());

    Map<Long, KpiFeed.Staff> staff =
        facts.staff().stream().collect(Collectors.toMap(KpiFeed.Staff::employeeId, s -> s));
    assertEquals(6, staff.size());
    assertEquals(java.time.LocalDate.of(2026, 1, 15), staff.get(BORIS).hiredOn());
    assertEquals(java.time.LocalDate.of(2025, 12, 20), staff.get(GLEB).firedOn());
    assertFalse(staff.get(GLEB).active());
    assertEquals(1L, staff.get(ANNA).departmentId());
    assertEquals("E" + ANNA, staff.get(ANNA).name());

    assertEquals(List.of(new KpiFeed.Team(1, "Продажи", null, ANNA)), facts.teams());
  }

  @Test
  void calendarAndCatalogue() throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, liveTenant, null);
      assertEquals(new KpiFeed.TenantCalendar(MOSCOW, "RUB"), new KpiFeedService().calendar(c));
      c.rollback();
    }
    Map<String, KpiDescriptor> catalogue =
        new KpiFeedService()
            .catalogue().stream().collect(Collectors.toMap(KpiDescriptor::code, d -> d));
    assertEquals(Kpi.values().length - 1, catalogue.size(), "all but the funnel");
    assertFalse(catalogue.containsKey("funnel_stage_conversion"));
    assertEquals(KpiUnitKind.MONEY, catalogue.get("sales_volume").unit());
    assertTrue(catalogue.get("sales_volume").plannable());
    assertFalse(catalogue.get("sales_volume").department());
    assertTrue(catalogue.get("team_plan_fulfilment").department());
    assertFalse(catalogue.get("nps").plannable());
    assertEquals(KpiUnitKind.SCORE, catalogue.get("nps").unit());
  }
}
