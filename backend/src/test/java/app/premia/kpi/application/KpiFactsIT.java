package app.premia.kpi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.platform.migration.DatabaseMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drill-down lists exactly the facts a value is made of: on {@link KpiSqlIT}'s hand-built
 * fixtures (edges included: the last second of a month, reopened deals, a currency without a rate,
 * first vs repeat purchases, leads, activities, departments and dismissals), for every employee,
 * period and KPI that {@link KpiSql} measures, the facts {@link KpiFacts} lists are the
 * measurement's facts, plus its errors where a fact can be an error (a deal without a rate); and
 * paging through them with small pages gives the same rows as one page.
 */
class KpiFactsIT {

  static UUID consultancy;
  static UUID tenant;
  static UUID departmentTenant;

  @BeforeAll
  static void fixture() throws SQLException {
    new DatabaseMigrator(
            KpiSqlIT.env("DB_URL"),
            KpiSqlIT.env("DB_OWNER_USER"),
            KpiSqlIT.env("DB_OWNER_PASSWORD"),
            KpiSqlIT.env("DB_USER"))
        .migrate();
    consultancy = UUID.randomUUID();
    tenant = UUID.randomUUID();
    departmentTenant = UUID.randomUUID();
    try (Connection c = KpiSqlIT.owner()) {
      c.setAutoCommit(false);
      KpiSqlIT.execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "KPI facts " + consultancy);
      KpiSqlIT.context(c, tenant, consultancy);
      for (UUID t : List.of(tenant, departmentTenant)) {
        KpiSqlIT.execute(
            c,
            "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
                + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
            t,
            consultancy,
            "KPI facts " + t);
      }
      KpiSqlIT.buildTenantFacts(c);
      KpiSqlIT.context(c, departmentTenant, consultancy);
      KpiSqlIT.buildDepartmentTenantFacts(c);
      c.commit();
    }
  }

  /** Rows a drill-down lists for a measurement. */
  static long expectedRows(Kpi kpi, long facts, long errors) {
    return switch (kpi) {
      // a deal without a rate is listed (and marked) although left out of the money
      case SALES_VOLUME,
          AVERAGE_DEAL,
          REPEAT_SALES,
          TEAM_PLAN_FULFILMENT,
          AVERAGE_SALES_PER_MANAGER ->
          facts + errors;
      // LTV lists clients (its errors are deals inside them); the others have no errors
      default -> facts;
    };
  }

  @Test
  void everyEmployeeKpi_listsExactlyItsFacts() throws SQLException {
    int checked = 0;
    int nonEmpty = 0;
    for (UUID t : List.of(tenant, departmentTenant)) {
      try (Connection c = KpiSqlIT.runtime()) {
        c.setAutoCommit(false);
        KpiSqlIT.context(c, t, null);
        KpiFacts facts = new KpiFacts(c, KpiFilter.ALL);
        for (Measurement m :
            new KpiSql(c).measure(List.of(KpiSqlIT.JAN, KpiSqlIT.FEB, KpiSqlIT.Q1))) {
          KpiFacts.Page page =
              facts.employee(m.kpi(), m.employeeId(), m.period(), 100, null, "alfa.bitrix24.ru");
          long expected = expectedRows(m.kpi(), m.facts(), m.errors());
          assertEquals(expected, page.totalCount(), m.toString());
          assertEquals(expected, page.facts().size(), m.toString());
          if (expected > 0) {
            nonEmpty++;
            assertSamePagedByTwo(facts, m, page);
          }
          checked++;
        }
        c.rollback();
      }
    }
    System.out.println(
        "[KpiFactsIT] employee measurements checked: "
            + checked
            + " ("
            + nonEmpty
            + " with facts)");
    assertTrue(nonEmpty > 40, "too few measurements with facts to prove anything: " + nonEmpty);
  }

  @Test
  void everyDepartmentKpi_listsExactlyItsFacts() throws SQLException {
    try (Connection c = KpiSqlIT.runtime()) {
      c.setAutoCommit(false);
      KpiSqlIT.context(c, departmentTenant, null);
      KpiFacts facts = new KpiFacts(c, KpiFilter.ALL);
      int nonEmpty = 0;
      for (DepartmentMeasurement m :
          new KpiSql(c)
              .measureDepartments(
                  List.of(KpiSqlIT.JAN, KpiSqlIT.FEB, KpiSqlIT.Q1), KpiFilter.ALL)) {
        KpiFacts.Page page =
            facts.department(m.kpi(), m.departmentId(), m.period(), 100, null, null);
        long expected = expectedRows(m.kpi(), m.facts(), m.errors());
        assertEquals(expected, page.totalCount(), m.toString());
        nonEmpty += expected > 0 ? 1 : 0;
      }
      assertTrue(nonEmpty > 5, "department measurements with facts: " + nonEmpty);
      c.rollback();
    }
  }

  @Test
  void dealFacts_carryTheirAmountsNotesAndLinks() throws SQLException {
    try (Connection c = KpiSqlIT.runtime()) {
      c.setAutoCommit(false);
      KpiSqlIT.context(c, tenant, null);
      KpiFacts facts = new KpiFacts(c, KpiFilter.ALL);
      List<KpiFacts.Fact> anna =
          facts
              .employee(Kpi.SALES_VOLUME, KpiSqlIT.ANNA, KpiSqlIT.JAN, 100, null, "x.bitrix24.ru")
              .facts();
      // D1, D2 (last second of January), D3, D5 (EUR without a rate), D13; D4 reopened: absent
      assertEquals(
          List.of("1", "2", "3", "5", "13"), anna.stream().map(KpiFacts.Fact::sourceId).toList());
      KpiFacts.Fact d2 = anna.get(1);
      assertEquals("992.57", d2.amountInTenantCurrency().toPlainString());
      assertEquals("USD", d2.currency());
      assertEquals("https://x.bitrix24.ru/crm/deal/details/2/", d2.url());
      assertTrue(d2.note().contains("первая покупка"), d2.note());
      KpiFacts.Fact d5 = anna.get(3);
      assertEquals(null, d5.amountInTenantCurrency());
      assertTrue(d5.note().contains("нет курса"), d5.note());
      assertTrue(anna.get(2).note().contains("повторная"), anna.get(2).note());
      c.rollback();
    }
  }

  private static void assertSamePagedByTwo(KpiFacts facts, Measurement m, KpiFacts.Page all)
      throws SQLException {
    List<String> keys = new ArrayList<>();
    String after = null;
    while (true) {
      KpiFacts.Page page = facts.employee(m.kpi(), m.employeeId(), m.period(), 2, after, null);
      page.facts().forEach(f -> keys.add(f.key()));
      if (!page.hasNextPage()) {
        break;
      }
      assertFalse(page.facts().isEmpty());
      after = page.facts().get(page.facts().size() - 1).key();
    }
    assertEquals(all.facts().stream().map(KpiFacts.Fact::key).toList(), keys, m.toString());
    assertEquals(Set.copyOf(keys).size(), keys.size());
  }
}
