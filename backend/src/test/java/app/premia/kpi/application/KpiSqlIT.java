package app.premia.kpi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.FunnelMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KPI measurement in SQL against the real PostgreSQL schema (plain JDBC, no container): the
 * changelog is applied by {@link DatabaseMigrator}, a tenant in Moscow time with RUB is created as
 * the owner role, hand-built facts are inserted, and {@link KpiSql} runs as the runtime role under
 * row-level security. Every expected value is computed by hand in the comments.
 *
 * <p>Database: env {@code DB_URL}, {@code DB_USER}/{@code DB_PASSWORD} (runtime role), {@code
 * DB_OWNER_USER}/{@code DB_OWNER_PASSWORD} (owner), as failsafe sets them.
 */
class KpiSqlIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Period JAN = Period.month(2026, 1, MOSCOW);
  static final Period FEB = Period.month(2026, 2, MOSCOW);
  static final Period Q1 = Period.quarter(2026, 1, MOSCOW);

  static final long ANNA = 101; // hired 2020, most of the facts
  static final long BORIS = 102; // hired 2026-01-15: mid-period
  static final long VERA = 103; // employed, no facts at all
  static final long GLEB = 104; // dismissed 2025-12-20: not employed in 2026
  static final long DINA = 105; // hired 2026-02-10: employed in February, not in January
  static final long EGOR = 106; // a KZT deal (nominal 100) and two purchases at the same moment

  static UUID tenant;
  static UUID otherTenant;
  static UUID filterTenant;
  static UUID departmentTenant;
  static Map<String, Measurement> measured;

  @BeforeAll
  static void migrateAndBuildFixture() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    UUID consultancy = UUID.randomUUID();
    tenant = UUID.randomUUID();
    otherTenant = UUID.randomUUID();
    filterTenant = UUID.randomUUID();
    departmentTenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "KPI test " + consultancy);
      context(c, tenant, consultancy);
      for (UUID t : List.of(tenant, otherTenant, filterTenant, departmentTenant)) {
        execute(
            c,
            "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
                + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
            t,
            consultancy,
            "KPI " + t);
      }
      buildTenantFacts(c);
      context(c, otherTenant, consultancy);
      buildOtherTenantFacts(c);
      context(c, filterTenant, consultancy);
      buildFilterTenantFacts(c);
      context(c, departmentTenant, consultancy);
      buildDepartmentTenantFacts(c);
      c.commit();
    }
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      List<Measurement> all = new KpiSql(c).measure(List.of(JAN, FEB, Q1));
      measured =
          all.stream()
              .collect(Collectors.toMap(m -> key(m.employeeId(), m.period(), m.kpi()), m -> m));
      c.rollback();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the facts
  // ---------------------------------------------------------------------------------------------

  static void buildTenantFacts(Connection c) throws SQLException {
    // portal rates to its base currency RUB; EUR has no rate (a deal in EUR is an error)
    currency(c, "RUB", 1, "1", true);
    // 12.33 USD × 80.5 = 992.565 exactly: half-up gives 992.57 (half-even would give 992.56)
    currency(c, "USD", 1, "80.5", false);
    currency(c, "KZT", 100, "19.1234", false);

    employee(c, ANNA, LocalDate.of(2020, 3, 1), null);
    employee(c, BORIS, LocalDate.of(2026, 1, 15), null);
    employee(c, VERA, LocalDate.of(2019, 5, 6), null);
    employee(c, GLEB, LocalDate.of(2018, 1, 1), LocalDate.of(2025, 12, 20));
    employee(c, DINA, LocalDate.of(2026, 2, 10), null);
    employee(c, EGOR, LocalDate.of(2024, 9, 1), null);

    // --- Anna's deals ---
    // D1: 100 000.00 RUB, company 501 (its first-ever won deal), won 2026-01-10 12:00 Moscow, NPS
    // 10
    deal(c, 1, ANNA, "S", "100000.00", "RUB", 501, 0, null, 10);
    history(c, 1, 1, "NEW", "P", "2026-01-05T09:00:00Z");
    history(c, 2, 1, "WON", "S", "2026-01-10T09:00:00Z");
    // D2: 12.33 USD → 992.57 RUB, contact 601 (first), won on the last second of January in
    // Moscow: 2026-01-31 23:59:59 +03 = 20:59:59Z → January; NPS 6 (detractor)
    deal(c, 2, ANNA, "S", "12.33", "USD", 0, 601, null, 6);
    history(c, 3, 2, "WON", "S", "2026-01-31T20:59:59Z");
    // D3: 12.33 USD → 992.57 RUB, company 501 again: a repeat purchase (D1 was earlier), no NPS
    deal(c, 3, ANNA, "S", "12.33", "USD", 501, 0, null, null);
    history(c, 4, 3, "WON", "S", "2026-01-20T10:00:00Z");
    // D4: won in January, then reopened (now P): counts nowhere, not even as 501's purchase
    deal(c, 4, ANNA, "P", "50000.00", "RUB", 501, 0, null, 10);
    history(c, 5, 4, "WON", "S", "2026-01-15T10:00:00Z");
    history(c, 6, 4, "NEW", "P", "2026-01-16T10:00:00Z");
    // D5: 1 000 EUR, no rate: out of the money KPIs (an error), still a won deal, still company
    // 502's first purchase (a new client), NPS 9 (promoter)
    deal(c, 5, ANNA, "S", "1000.00", "EUR", 502, 0, null, 9);
    history(c, 7, 5, "WON", "S", "2026-01-25T10:00:00Z");
    // D6: 30 000 RUB, company 501 (repeat), won with no history at all: close date 2026-02-01
    // 00:00 Moscow = 2026-01-31 21:00Z → February
    deal(c, 6, ANNA, "S", "30000.00", "RUB", 501, 0, LocalDate.of(2026, 2, 1), null);
    // D7: 20 000 RUB, company 503; won in December, reopened, won again 2026-02-03: the latest
    // entry into S decides → February, and 503's first purchase is then (a new client in February)
    deal(c, 7, ANNA, "S", "20000.00", "RUB", 503, 0, LocalDate.of(2025, 12, 20), null);
    history(c, 8, 7, "WON", "S", "2025-12-20T10:00:00Z");
    history(c, 9, 7, "NEW", "P", "2025-12-22T10:00:00Z");
    history(c, 10, 7, "WON", "S", "2026-02-03T10:00:00Z");
    // D12: 70 000 RUB, contact 603, won November 2025 (outside every measured period)
    deal(c, 12, ANNA, "S", "70000.00", "RUB", 0, 603, null, 10);
    history(c, 11, 12, "WON", "S", "2025-11-15T10:00:00Z");
    // D13: 8 000 RUB, contact 603 again in January: a repeat purchase (D12 earlier)
    deal(c, 13, ANNA, "S", "8000.00", "RUB", 0, 603, null, null);
    history(c, 12, 13, "WON", "S", "2026-01-05T10:00:00Z");

    // --- Boris's deals (hired 2026-01-15) ---
    // D8: 45 000.50 RUB, company 501: repeat (Anna's D1 was earlier), NPS 9
    deal(c, 8, BORIS, "S", "45000.50", "RUB", 501, 0, null, 9);
    history(c, 13, 8, "WON", "S", "2026-01-28T10:00:00Z");
    // D9: 10 000 RUB, contact 602 (first), NPS 0 (detractor)
    deal(c, 9, BORIS, "S", "10000.00", "RUB", 0, 602, null, 0);
    history(c, 14, 9, "WON", "S", "2026-01-29T12:00:00Z");
    // D10: contact 602, lost (F): counts nowhere
    deal(c, 10, BORIS, "F", "5000.00", "RUB", 0, 602, null, 10);
    history(c, 15, 10, "LOSE", "F", "2026-01-29T13:00:00Z");
    // D11: 1 000 RUB without a client (company 0, contact 0): counts in volume, never new/repeat
    deal(c, 11, BORIS, "S", "1000.00", "RUB", 0, 0, null, null);
    history(c, 16, 11, "WON", "S", "2026-01-30T10:00:00Z");
    // D14: contact 604 won in December 2025 then reopened: not a purchase
    deal(c, 14, BORIS, "P", "3000.00", "RUB", 0, 604, null, null);
    history(c, 17, 14, "WON", "S", "2025-12-01T10:00:00Z");
    history(c, 18, 14, "NEW", "P", "2025-12-02T10:00:00Z");
    // D15: 2 000 RUB, contact 604: its first-ever won deal (D14 does not count) → a new client
    deal(c, 15, BORIS, "S", "2000.00", "RUB", 0, 604, null, null);
    history(c, 19, 15, "WON", "S", "2026-01-12T10:00:00Z");
    // D16: won in January, nobody responsible: attributed to no one
    deal(c, 16, null, "S", "999.00", "RUB", 0, 605, null, 10);
    history(c, 20, 16, "WON", "S", "2026-01-12T10:00:00Z");

    // --- Egor's deals ---
    // D20: 12 345.67 KZT at 19.1234 RUB per 100 KZT: 12 345.67 × 19.1234 ÷ 100 = 2 360.91185678
    // → 2 360.91; contact 610 (first)
    deal(c, 20, EGOR, "S", "12345.67", "KZT", 0, 610, null, null);
    history(c, 21, 20, "WON", "S", "2026-01-15T10:00:00Z");
    // D21 and D22: contact 611, both won at the same moment: the lower deal number is the first
    // purchase (D21, 100.00), D22 (200.00) the repeat
    deal(c, 21, EGOR, "S", "100.00", "RUB", 0, 611, null, null);
    history(c, 22, 21, "WON", "S", "2026-01-20T10:00:00Z");
    deal(c, 22, EGOR, "S", "200.00", "RUB", 0, 611, null, null);
    history(c, 23, 22, "WON", "S", "2026-01-20T10:00:00Z");

    // --- leads ---
    lead(c, 1, ANNA, "S", "2026-01-05T10:00:00Z"); // Jan, converted
    lead(c, 2, ANNA, "F", "2026-01-31T20:59:59Z"); // Jan (23:59:59 Moscow), junk
    lead(c, 3, ANNA, "F", "2026-01-31T21:00:00Z"); // Feb (00:00 Moscow), junk
    lead(c, 4, ANNA, "S", "2026-01-20T10:00:00Z"); // Jan, converted
    lead(c, 5, ANNA, "P", null); // in progress: not closed
    lead(c, 6, ANNA, "S", "2025-12-31T20:59:59Z"); // Dec 31 23:59:59 Moscow: not January

    // --- activities: id, type, completed, responsible, end time ---
    activity(c, 1, 2, true, ANNA, "2026-01-10T10:00:00Z"); // call, Jan
    activity(c, 2, 2, true, ANNA, "2026-01-31T20:59:59Z"); // call, Jan (last second)
    activity(c, 3, 2, true, ANNA, "2026-01-31T21:00:00Z"); // call, Feb
    activity(c, 4, 2, false, ANNA, "2026-01-11T10:00:00Z"); // call not completed
    activity(c, 5, 1, true, ANNA, "2026-01-12T10:00:00Z"); // meeting, Jan
    activity(c, 6, 4, true, ANNA, "2026-01-13T10:00:00Z"); // e-mail, Jan
    activity(c, 7, 4, true, ANNA, "2026-01-14T10:00:00Z"); // e-mail, Jan
    activity(c, 8, 3, true, ANNA, "2026-01-15T10:00:00Z"); // task: not an activity KPI
    activity(c, 9, 4, true, ANNA, null); // e-mail without an end time: in no period
    activity(c, 10, 2, true, BORIS, "2026-01-16T10:00:00Z"); // Boris's call, Jan
  }

  /** Another tenant of the same consultancy, with a big deal for the same employee id. */
  static void buildOtherTenantFacts(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    employee(c, ANNA, LocalDate.of(2020, 3, 1), null);
    deal(c, 1, ANNA, "S", "777777.00", "RUB", 501, 0, null, 10);
    history(c, 1, 1, "WON", "S", "2026-01-10T09:00:00Z");
    lead(c, 1, ANNA, "F", "2026-01-10T10:00:00Z");
    activity(c, 1, 2, true, ANNA, "2026-01-10T10:00:00Z");
  }

  /**
   * A tenant for the filters: Anna's four January deals, each in its own pipeline, type and source
   * combination (all RUB, no history needed beyond the win).
   */
  static void buildFilterTenantFacts(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    employee(c, ANNA, LocalDate.of(2020, 3, 1), null);
    // F1: pipeline 0, type SALE, source CALL, 1 000.00, company 700 (its first), won Jan 10
    filteredDeal(c, 1, 0, "SALE", "CALL", "1000.00", 700, "2026-01-10T10:00:00Z");
    // F2: pipeline 1, type SALE, source WEB, 2 000.00, company 700 again, won Jan 20
    filteredDeal(c, 2, 1, "SALE", "WEB", "2000.00", 700, "2026-01-20T10:00:00Z");
    // F3: pipeline 1, type SERVICE, source CALL, 4 000.00, company 701, won Jan 25
    filteredDeal(c, 3, 1, "SERVICE", "CALL", "4000.00", 701, "2026-01-25T10:00:00Z");
    // F4: pipeline 2, no type, no source, 8 000.00, company 702, won Jan 26
    filteredDeal(c, 4, 2, null, null, "8000.00", 702, "2026-01-26T10:00:00Z");
  }

  /**
   * A tenant for the department KPIs. Departments: 1 Sales (root) with sub-departments 2 Moscow and
   * 3 St Petersburg; 4 Support (root) with the empty sub-department 5. Employees, January 2026
   * (first day Jan 1, last day Jan 31):
   *
   * <pre>
   *   201 in {2}    hired 2020-01-01            won 10 000.01 RUB and 1 000 EUR (no rate)
   *   202 in {3}    hired 2020-01-01, left 2026-01-20   won 5 000.00
   *   203 in {2, 3} hired 2026-01-31 (the last day)     no deals
   *   204 in {1}    hired 2019-01-01, left 2025-12-31   won 1 000.00 (still responsible)
   *   205 in {4}    hired 2020-01-01, left 2026-01-01 (the first day)
   *   206 in {}     hired 2020-01-01            won 7 000.00: in no department
   * </pre>
   */
  static void buildDepartmentTenantFacts(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    department(c, 1, null);
    department(c, 2, 1L);
    department(c, 3, 1L);
    department(c, 4, null);
    department(c, 5, 4L);
    member(c, 201, "{2}", LocalDate.of(2020, 1, 1), null);
    member(c, 202, "{3}", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 20));
    member(c, 203, "{2,3}", LocalDate.of(2026, 1, 31), null);
    member(c, 204, "{1}", LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31));
    member(c, 205, "{4}", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1));
    member(c, 206, "{}", LocalDate.of(2020, 1, 1), null);
    deal(c, 1, 201L, "S", "10000.01", "RUB", 800, 0, null, null);
    history(c, 1, 1, "WON", "S", "2026-01-10T10:00:00Z");
    deal(c, 2, 201L, "S", "1000.00", "EUR", 801, 0, null, null);
    history(c, 2, 2, "WON", "S", "2026-01-11T10:00:00Z");
    deal(c, 3, 202L, "S", "5000.00", "RUB", 802, 0, null, null);
    history(c, 3, 3, "WON", "S", "2026-01-12T10:00:00Z");
    deal(c, 4, 204L, "S", "1000.00", "RUB", 803, 0, null, null);
    history(c, 4, 4, "WON", "S", "2026-01-05T10:00:00Z");
    deal(c, 5, 206L, "S", "7000.00", "RUB", 804, 0, null, null);
    history(c, 5, 5, "WON", "S", "2026-01-06T10:00:00Z");

    // --- the funnel: pipeline 0 NEW 10 → OFFER 20 → INVOICE 30 → WON 40 (S), LOSE 50 (F);
    // pipeline 1 C1:NEW 10 → C1:WON 20 (S). The funnel deals are all in progress now (P), so they
    // change no volume above; only their history matters.
    stage(c, "DEAL_STAGE", 0, "NEW", 10, "P");
    stage(c, "DEAL_STAGE", 0, "OFFER", 20, "P");
    stage(c, "DEAL_STAGE", 0, "INVOICE", 30, "P");
    stage(c, "DEAL_STAGE", 0, "WON", 40, "S");
    stage(c, "DEAL_STAGE", 0, "LOSE", 50, "F");
    stage(c, "DEAL_STAGE_1", 1, "C1:NEW", 10, "P");
    stage(c, "DEAL_STAGE_1", 1, "C1:WON", 20, "S");
    // D10 (201): NEW Jan 5 → OFFER Jan 6 → WON Jan 7
    funnelDeal(c, 10, 201, 0);
    historyIn(c, 10, 10, 0, "NEW", "P", "2026-01-05T10:00:00Z");
    historyIn(c, 11, 10, 0, "OFFER", "P", "2026-01-06T10:00:00Z");
    historyIn(c, 12, 10, 0, "WON", "S", "2026-01-07T10:00:00Z");
    // D11 (201): NEW Jan 8 → LOSE Jan 9 (a failure stage, though of a higher sort: no progress)
    funnelDeal(c, 11, 201, 0);
    historyIn(c, 13, 11, 0, "NEW", "P", "2026-01-08T10:00:00Z");
    historyIn(c, 14, 11, 0, "LOSE", "F", "2026-01-09T10:00:00Z");
    // D12 (201): NEW Jan 10 → INVOICE Jan 12 (OFFER skipped: still progress from NEW)
    funnelDeal(c, 12, 201, 0);
    historyIn(c, 15, 12, 0, "NEW", "P", "2026-01-10T10:00:00Z");
    historyIn(c, 16, 12, 0, "INVOICE", "P", "2026-01-12T10:00:00Z");
    // D13 (201): OFFER Jan 3 → back to NEW Jan 4 (a lower stage: no progress from OFFER)
    funnelDeal(c, 13, 201, 0);
    historyIn(c, 17, 13, 0, "OFFER", "P", "2026-01-03T10:00:00Z");
    historyIn(c, 18, 13, 0, "NEW", "P", "2026-01-04T10:00:00Z");
    // D14 (202): NEW Dec 30 (before January) → OFFER Jan 2 → WON Feb 5 (after January: counts)
    funnelDeal(c, 14, 202, 0);
    historyIn(c, 19, 14, 0, "NEW", "P", "2025-12-30T10:00:00Z");
    historyIn(c, 20, 14, 0, "OFFER", "P", "2026-01-02T10:00:00Z");
    historyIn(c, 21, 14, 0, "WON", "S", "2026-02-05T10:00:00Z");
    // D15 (202), pipeline 1: C1:NEW Jan 10 → C1:WON Jan 11
    funnelDeal(c, 15, 202, 1);
    historyIn(c, 22, 15, 1, "C1:NEW", "P", "2026-01-10T10:00:00Z");
    historyIn(c, 23, 15, 1, "C1:WON", "S", "2026-01-11T10:00:00Z");
    // D17 (206, in no department): NEW Jan 5 → OFFER Jan 6: in no department's funnel
    funnelDeal(c, 17, 206, 0);
    historyIn(c, 24, 17, 0, "NEW", "P", "2026-01-05T10:00:00Z");
    historyIn(c, 25, 17, 0, "OFFER", "P", "2026-01-06T10:00:00Z");
  }

  // ---------------------------------------------------------------------------------------------
  // January (Moscow): Anna
  //   won: D1 100 000.00, D2 992.57, D3 992.57, D5 (EUR, no rate), D13 8 000.00
  //   (D4 reopened, D6 and D7 in February, D12 in November)
  // ---------------------------------------------------------------------------------------------

  @Test
  void anna_january_moneyKpis_convertUsdHalfUpPerDeal_andLeaveTheEurDealOutAsAnError() {
    // 100 000.00 + 992.57 + 992.57 + 8 000.00 = 109 985.14 (rounding the sum of the two USD
    // deals instead, 1 984.13, would give 109 985.13); 4 priced deals, 1 error (EUR)
    assertMeasured(ANNA, JAN, Kpi.SALES_VOLUME, "109985.14", 4, 1);
    // D1, D2, D3, D5, D13: the EUR deal is still a won deal
    assertMeasured(ANNA, JAN, Kpi.DEALS_WON, "5", 5, 0);
    // 109 985.14 ÷ 4 = 27 496.285 → 27 496.29
    assertMeasured(ANNA, JAN, Kpi.AVERAGE_DEAL, "27496.29", 4, 1);
    // repeats: D3 (501 after D1) 992.57 + D13 (603 after D12) 8 000.00 = 8 992.57
    assertMeasured(ANNA, JAN, Kpi.REPEAT_SALES, "8992.57", 2, 0);
  }

  @Test
  void anna_january_clientsNpsLeadsActivities() {
    // first purchases in January: 501 (D1), 601 (D2), 502 (D5, EUR still a purchase) = 3
    assertMeasured(ANNA, JAN, Kpi.NEW_CLIENTS, "3", 3, 0);
    // answers: D1 10, D2 6, D5 9 → promoters 2, detractors 1 → (2 − 1) ÷ 3 × 100 = 33.3333
    // (D4's 10 is not counted: reopened)
    assertMeasured(ANNA, JAN, Kpi.NPS, "33.3333", 3, 0);
    // closed in January: L1 S, L2 F (23:59:59 Moscow), L4 S → 2 ÷ 3 × 100 = 66.6667
    // (L3 closed at 00:00 Feb 1 Moscow, L5 open, L6 on Dec 31 23:59:59 Moscow)
    assertMeasured(ANNA, JAN, Kpi.LEAD_CONVERSION, "66.6667", 3, 0);
    // calls A1, A2 (last second); meeting A5; e-mails A6, A7; total 5
    // (A3 February, A4 not completed, A8 a task, A9 no end time)
    assertMeasured(ANNA, JAN, Kpi.ACTIVITY_CALLS, "2", 2, 0);
    assertMeasured(ANNA, JAN, Kpi.ACTIVITY_MEETINGS, "1", 1, 0);
    assertMeasured(ANNA, JAN, Kpi.ACTIVITY_EMAILS, "2", 2, 0);
    assertMeasured(ANNA, JAN, Kpi.ACTIVITY_TOTAL, "5", 5, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // February: Anna — D6 (close date, no history) 30 000.00 repeat; D7 (re-won) 20 000.00 new 503
  // ---------------------------------------------------------------------------------------------

  @Test
  void anna_february_closeDateWithoutHistory_andLatestEntryIntoSuccess() {
    assertMeasured(ANNA, FEB, Kpi.SALES_VOLUME, "50000.00", 2, 0);
    assertMeasured(ANNA, FEB, Kpi.DEALS_WON, "2", 2, 0);
    assertMeasured(ANNA, FEB, Kpi.AVERAGE_DEAL, "25000.00", 2, 0);
    assertMeasured(ANNA, FEB, Kpi.REPEAT_SALES, "30000.00", 1, 0);
    // 503's first purchase is D7, whose latest entry into S is 2026-02-03
    assertMeasured(ANNA, FEB, Kpi.NEW_CLIENTS, "1", 1, 0);
    // neither D6 nor D7 has an NPS answer: undefined
    assertMeasured(ANNA, FEB, Kpi.NPS, null, 0, 0);
    // L3 (00:00 Feb 1 Moscow), junk: 0 ÷ 1
    assertMeasured(ANNA, FEB, Kpi.LEAD_CONVERSION, "0.0000", 1, 0);
    // A3 (00:00 Feb 1 Moscow)
    assertMeasured(ANNA, FEB, Kpi.ACTIVITY_CALLS, "1", 1, 0);
    assertMeasured(ANNA, FEB, Kpi.ACTIVITY_TOTAL, "1", 1, 0);
  }

  @Test
  void anna_firstQuarter_isJanuaryPlusFebruary() {
    // 109 985.14 + 50 000.00 = 159 985.14 over 6 priced deals, 1 error
    assertMeasured(ANNA, Q1, Kpi.SALES_VOLUME, "159985.14", 6, 1);
    assertMeasured(ANNA, Q1, Kpi.DEALS_WON, "7", 7, 0);
    // 159 985.14 ÷ 6 = 26 664.19 exactly
    assertMeasured(ANNA, Q1, Kpi.AVERAGE_DEAL, "26664.19", 6, 1);
    // 8 992.57 + 30 000.00
    assertMeasured(ANNA, Q1, Kpi.REPEAT_SALES, "38992.57", 3, 0);
    // 501, 601, 502, 503
    assertMeasured(ANNA, Q1, Kpi.NEW_CLIENTS, "4", 4, 0);
    assertMeasured(ANNA, Q1, Kpi.NPS, "33.3333", 3, 0);
    // L1, L4 converted of L1, L2, L3, L4 → 2 ÷ 4 = 50 %
    assertMeasured(ANNA, Q1, Kpi.LEAD_CONVERSION, "50.0000", 4, 0);
    assertMeasured(ANNA, Q1, Kpi.ACTIVITY_TOTAL, "6", 6, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Boris, hired 2026-01-15: D8 45 000.50 (repeat 501), D9 10 000.00 (new 602), D11 1 000.00 (no
  // client), D15 2 000.00 (new 604: his reopened D14 is not a purchase); D10 lost
  // ---------------------------------------------------------------------------------------------

  @Test
  void boris_hiredMidJanuary_isMeasuredForJanuary_andHasNoLeads() {
    // 45 000.50 + 10 000.00 + 1 000.00 + 2 000.00 = 58 000.50
    assertMeasured(BORIS, JAN, Kpi.SALES_VOLUME, "58000.50", 4, 0);
    assertMeasured(BORIS, JAN, Kpi.DEALS_WON, "4", 4, 0);
    // 58 000.50 ÷ 4 = 14 500.125 → 14 500.13 (half-up)
    assertMeasured(BORIS, JAN, Kpi.AVERAGE_DEAL, "14500.13", 4, 0);
    assertMeasured(BORIS, JAN, Kpi.REPEAT_SALES, "45000.50", 1, 0);
    assertMeasured(BORIS, JAN, Kpi.NEW_CLIENTS, "2", 2, 0);
    // answers D8 9, D9 0 → (1 − 1) ÷ 2 = 0
    assertMeasured(BORIS, JAN, Kpi.NPS, "0.0000", 2, 0);
    // no leads at all: undefined, not 0 %
    assertMeasured(BORIS, JAN, Kpi.LEAD_CONVERSION, null, 0, 0);
    assertMeasured(BORIS, JAN, Kpi.ACTIVITY_CALLS, "1", 1, 0);
    // nothing in February: zeros, and undefined ratios
    assertMeasured(BORIS, FEB, Kpi.SALES_VOLUME, "0.00", 0, 0);
    assertMeasured(BORIS, FEB, Kpi.AVERAGE_DEAL, null, 0, 0);
  }

  @Test
  void egor_nominalOf100_andPurchasesAtTheSameMomentOrderedByDealNumber() {
    // 2 360.91 + 100.00 + 200.00 = 2 660.91
    assertMeasured(EGOR, JAN, Kpi.SALES_VOLUME, "2660.91", 3, 0);
    // 2 660.91 ÷ 3 = 886.97 exactly
    assertMeasured(EGOR, JAN, Kpi.AVERAGE_DEAL, "886.97", 3, 0);
    // 610 (D20) and 611 (D21)
    assertMeasured(EGOR, JAN, Kpi.NEW_CLIENTS, "2", 2, 0);
    // D22 only
    assertMeasured(EGOR, JAN, Kpi.REPEAT_SALES, "200.00", 1, 0);
  }

  @Test
  void anEmployeeWithoutFacts_getsZerosAndUndefinedRatios() {
    assertMeasured(VERA, JAN, Kpi.SALES_VOLUME, "0.00", 0, 0);
    assertMeasured(VERA, JAN, Kpi.DEALS_WON, "0", 0, 0);
    assertMeasured(VERA, JAN, Kpi.AVERAGE_DEAL, null, 0, 0);
    assertMeasured(VERA, JAN, Kpi.LEAD_CONVERSION, null, 0, 0);
    assertMeasured(VERA, JAN, Kpi.NPS, null, 0, 0);
    assertMeasured(VERA, JAN, Kpi.NEW_CLIENTS, "0", 0, 0);
    assertMeasured(VERA, JAN, Kpi.REPEAT_SALES, "0.00", 0, 0);
    assertMeasured(VERA, JAN, Kpi.ACTIVITY_TOTAL, "0", 0, 0);
  }

  @Test
  void theRosterFollowsHireAndDismissalDates() {
    // Gleb left on 2025-12-20 and has no facts: not measured in 2026
    assertFalse(measured.containsKey(key(GLEB, JAN, Kpi.SALES_VOLUME)));
    // Dina, hired 2026-02-10: not in January, measured (zeros) in February and the quarter
    assertFalse(measured.containsKey(key(DINA, JAN, Kpi.SALES_VOLUME)));
    assertMeasured(DINA, FEB, Kpi.SALES_VOLUME, "0.00", 0, 0);
    assertMeasured(DINA, Q1, Kpi.DEALS_WON, "0", 0, 0);
    // every measured KPI for every (employee, period): Anna, Boris, Vera, Egor in January;
    // the same and Dina in February and in Q1 → 4 + 5 + 5 = 14 employee-periods × 11 KPIs
    assertEquals(14 * KpiSql.MEASURED.size(), measured.size());
    // D16 has nobody responsible: no employee 0 or null
    assertFalse(measured.containsKey(key(0, JAN, Kpi.SALES_VOLUME)));
  }

  @Test
  void rowLevelSecurity_keepsTheOtherTenantsFactsOut() throws SQLException {
    // the other tenant's 777 777.00 deal, junk lead and call for employee 101 are not Anna's
    assertMeasured(ANNA, JAN, Kpi.SALES_VOLUME, "109985.14", 4, 1);
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, otherTenant, null);
      List<Measurement> other = new KpiSql(c).measure(List.of(JAN));
      Map<Kpi, Measurement> anna =
          other.stream()
              .filter(m -> m.employeeId() == ANNA)
              .collect(Collectors.toMap(Measurement::kpi, m -> m));
      assertEquals(new BigDecimal("777777.00"), anna.get(Kpi.SALES_VOLUME).value());
      assertEquals(new BigDecimal("0.0000"), anna.get(Kpi.LEAD_CONVERSION).value());
      assertEquals(1, other.stream().map(Measurement::employeeId).distinct().count());
      c.rollback();
    }
  }

  @Test
  void periodsOutsideTheTenantsZone_areRefused_andNoContextMeansNoTenant() throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      KpiSql sql = new KpiSql(c);
      assertEquals(MOSCOW, sql.tenantZone());
      assertThrows(
          IllegalArgumentException.class,
          () -> sql.measure(List.of(Period.month(2026, 1, ZoneId.of("UTC")))));
      c.rollback();
    }
    try (Connection c = runtime()) {
      assertThrows(IllegalStateException.class, () -> new KpiSql(c).tenantZone());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Retention. Lookback of January and Q1: [2025-01-01, 2026-01-01) Moscow — only contact 603 (D12,
  // Anna, November; D7's December win is superseded by its February re-win, D14 was reopened).
  // Lookback of February: [2025-02-01, 2026-02-01) — every client won in January or before, owned
  // by whoever won its latest deal before February 1: 501 → Boris (D8, Jan 28, after Anna's D1 and
  // D3), 601, 502, 603 → Anna; 602, 604 → Boris; 610, 611 → Egor (611: D21 and D22 at the same
  // moment, the higher number D22 is the latest); 605 → nobody (D16). February purchases: D6 (501,
  // at 00:00 Feb 1 Moscow, exactly the period's start: in the period, not the lookback), D7 (503).
  // ---------------------------------------------------------------------------------------------

  @Test
  void retention_lookbackOf12Months_andTheClientsOwnerIsWhoeverWonItsLatestDeal() {
    // January: 603 bought again (D13, Jan 5) → 1 ÷ 1 = 100 %
    assertMeasured(ANNA, JAN, Kpi.RETENTION, "100.0000", 1, 0);
    assertMeasured(ANNA, Q1, Kpi.RETENTION, "100.0000", 1, 0);
    // February: Anna's 601, 502, 603 — none bought in February → 0 ÷ 3
    assertMeasured(ANNA, FEB, Kpi.RETENTION, "0.0000", 3, 0);
    // Boris's 501, 602, 604 — 501 bought again (D6, Anna's deal: by anyone) → 1 ÷ 3 = 33.3333
    assertMeasured(BORIS, FEB, Kpi.RETENTION, "33.3333", 3, 0);
    // Egor's 610, 611 → 0 ÷ 2
    assertMeasured(EGOR, FEB, Kpi.RETENTION, "0.0000", 2, 0);
    // no clients in the lookback: undefined
    assertMeasured(BORIS, JAN, Kpi.RETENTION, null, 0, 0);
    assertMeasured(VERA, FEB, Kpi.RETENTION, null, 0, 0);
    assertMeasured(DINA, FEB, Kpi.RETENTION, null, 0, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // LTV. First-ever purchases: 501 D1, 601 D2, 502 D5, 503 D7 (Feb 3), 603 D12 → Anna; 602 D9,
  // 604 D15 → Boris; 610 D20, 611 D21 → Egor; 605 D16 → nobody.
  // ---------------------------------------------------------------------------------------------

  @Test
  void ltv_allDealsOfTheEmployeesClients_byAnyone_upToThePeriodsEnd() {
    // January (end 2026-02-01 00:00 Moscow): Anna's 501, 601, 502, 603 = 4 clients;
    // 501: D1 100 000.00 + D3 992.57 + D8 45 000.50 (Boris's deal, Anna's client) — D6 at exactly
    // the end is out; 601: D2 992.57; 502: D5 EUR (no rate: an error); 603: D12 70 000.00 + D13
    // 8 000.00 → 224 985.64 ÷ 4 = 56 246.41
    assertMeasured(ANNA, JAN, Kpi.LTV, "56246.41", 4, 1);
    // February (end March 1): + 503; + D6 30 000.00 + D7 20 000.00 → 274 985.64 ÷ 5
    // = 54 997.128 → 54 997.13
    assertMeasured(ANNA, FEB, Kpi.LTV, "54997.13", 5, 1);
    assertMeasured(ANNA, Q1, Kpi.LTV, "54997.13", 5, 1);
    // Boris: 602 D9 10 000.00 (D10 lost), 604 D15 2 000.00 (D14 reopened) → 12 000.00 ÷ 2
    assertMeasured(BORIS, JAN, Kpi.LTV, "6000.00", 2, 0);
    // Egor: 610 D20 2 360.91, 611 D21 100.00 + D22 200.00 → 2 660.91 ÷ 2 = 1 330.455 → 1 330.46
    // (half-up; truncating would give 1 330.45)
    assertMeasured(EGOR, JAN, Kpi.LTV, "1330.46", 2, 0);
    // no clients: undefined
    assertMeasured(VERA, JAN, Kpi.LTV, null, 0, 0);
    assertMeasured(DINA, FEB, Kpi.LTV, null, 0, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters (the filter tenant): F1 p0 SALE CALL 1 000 (700), F2 p1 SALE WEB 2 000 (700),
  // F3 p1 SERVICE CALL 4 000 (701), F4 p2 — — 8 000 (702); all Anna's, all January
  // ---------------------------------------------------------------------------------------------

  @Test
  void filter_none_countsEveryDeal() throws SQLException {
    Map<Kpi, Measurement> anna = filtered(KpiFilter.ALL);
    // 1 000 + 2 000 + 4 000 + 8 000
    assertValue(anna, Kpi.SALES_VOLUME, "15000.00", 4);
    // F2 is 700's second purchase
    assertValue(anna, Kpi.REPEAT_SALES, "2000.00", 1);
    assertValue(anna, Kpi.NEW_CLIENTS, "3", 3);
  }

  @Test
  void filter_byPipelines() throws SQLException {
    // pipeline 1: F2 + F3 = 6 000.00; among the filtered deals F2 is 700's first purchase
    Map<Kpi, Measurement> one = filtered(new KpiFilter(Set.of(1), Set.of(), Set.of()));
    assertValue(one, Kpi.SALES_VOLUME, "6000.00", 2);
    assertValue(one, Kpi.DEALS_WON, "2", 2);
    assertValue(one, Kpi.NEW_CLIENTS, "2", 2);
    assertValue(one, Kpi.REPEAT_SALES, "0.00", 0);
    // pipelines 0 and 2: F1 + F4 = 9 000.00
    assertValue(
        filtered(new KpiFilter(Set.of(0, 2), Set.of(), Set.of())), Kpi.SALES_VOLUME, "9000.00", 2);
  }

  @Test
  void filter_byDealTypes_aDealWithoutTypeMatchesNone() throws SQLException {
    // SALE: F1 + F2 = 3 000.00, F2 a repeat of F1; F4 (no type) is out
    Map<Kpi, Measurement> sale = filtered(new KpiFilter(Set.of(), Set.of("SALE"), Set.of()));
    assertValue(sale, Kpi.SALES_VOLUME, "3000.00", 2);
    assertValue(sale, Kpi.REPEAT_SALES, "2000.00", 1);
    // 700 only: (1 000 + 2 000) ÷ 1
    assertValue(sale, Kpi.LTV, "3000.00", 1);
    // SALE or SERVICE: F1 + F2 + F3 = 7 000.00
    assertValue(
        filtered(new KpiFilter(Set.of(), Set.of("SALE", "SERVICE"), Set.of())),
        Kpi.SALES_VOLUME,
        "7000.00",
        3);
  }

  @Test
  void filter_bySources_andCombined() throws SQLException {
    // CALL: F1 + F3 = 5 000.00
    Map<Kpi, Measurement> call = filtered(new KpiFilter(Set.of(), Set.of(), Set.of("CALL")));
    assertValue(call, Kpi.SALES_VOLUME, "5000.00", 2);
    assertValue(call, Kpi.AVERAGE_DEAL, "2500.00", 2);
    // pipeline 1 and CALL: F3 only
    assertValue(
        filtered(new KpiFilter(Set.of(1), Set.of(), Set.of("CALL"))),
        Kpi.SALES_VOLUME,
        "4000.00",
        1);
    // SALE and WEB: F2 only; a source nobody has: 0
    assertValue(
        filtered(new KpiFilter(Set.of(), Set.of("SALE"), Set.of("WEB"))),
        Kpi.SALES_VOLUME,
        "2000.00",
        1);
    assertValue(
        filtered(new KpiFilter(Set.of(), Set.of(), Set.of("NOBODY"))), Kpi.SALES_VOLUME, "0.00", 0);
  }

  static Map<Kpi, Measurement> filtered(KpiFilter filter) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, filterTenant, null);
      Map<Kpi, Measurement> anna =
          new KpiSql(c)
              .measure(List.of(JAN), filter).stream()
                  .filter(m -> m.employeeId() == ANNA)
                  .collect(Collectors.toMap(Measurement::kpi, m -> m));
      c.rollback();
      return anna;
    }
  }

  static void assertValue(Map<Kpi, Measurement> measurements, Kpi kpi, String value, long facts) {
    Measurement m = measurements.get(kpi);
    assertNotNull(m, kpi + " was not measured");
    assertEquals(new BigDecimal(value), m.value(), kpi.code());
    assertEquals(facts, m.facts(), kpi.code() + ": facts");
  }

  // ---------------------------------------------------------------------------------------------
  // Department KPIs (the department tenant), January
  // ---------------------------------------------------------------------------------------------

  @Test
  void averageSalesPerManager_rollsSubDepartmentsUp_andCountsActiveManagers() throws SQLException {
    Map<String, DepartmentMeasurement> d = departments(KpiFilter.ALL);
    // 2 Moscow: 201, 203 (hired on the last day: active); 10 000.01 (the EUR deal an error)
    // ÷ 2 = 5 000.005 → 5 000.01 (half-up)
    assertDepartment(d, 2, Kpi.AVERAGE_SALES_PER_MANAGER, "5000.01", 1, 1);
    // 3 St Petersburg: 202 (left Jan 20: active), 203 → 5 000.00 ÷ 2
    assertDepartment(d, 3, Kpi.AVERAGE_SALES_PER_MANAGER, "2500.00", 1, 0);
    // 1 Sales = 1 + 2 + 3: 201, 202, 203 (once), 204 (left Dec 31: not active, but his deal is
    // the department's) → 10 000.01 + 5 000.00 + 1 000.00 = 16 000.01 ÷ 3 = 5 333.3367 → 5 333.34
    assertDepartment(d, 1, Kpi.AVERAGE_SALES_PER_MANAGER, "5333.34", 3, 1);
    // 4 Support: 205 (left on the first day: active), no deals → 0 ÷ 1
    assertDepartment(d, 4, Kpi.AVERAGE_SALES_PER_MANAGER, "0.00", 0, 0);
    // 5: nobody → undefined; 206's 7 000.00 is in no department
    assertDepartment(d, 5, Kpi.AVERAGE_SALES_PER_MANAGER, null, 0, 0);
    assertEquals(5 * KpiSql.MEASURED_DEPARTMENT.size(), d.size());
    // under a filter no deal passes (pipeline 9): 1 Sales → 0 ÷ 3
    assertDepartment(
        departments(new KpiFilter(Set.of(9), Set.of(), Set.of())),
        1,
        Kpi.AVERAGE_SALES_PER_MANAGER,
        "0.00",
        0,
        0);
  }

  @Test
  void staffTurnover_dismissalsOverTheAverageOfFirstAndLastDayHeadcounts() throws SQLException {
    Map<String, DepartmentMeasurement> d = departments(KpiFilter.ALL);
    // 2: nobody left; first day 201 (203 not yet), last day 201, 203 → 0 ÷ 1.5 = 0
    assertDepartment(d, 2, Kpi.STAFF_TURNOVER, "0.0000", 0, 0);
    // 3: 202 left; first day 202, last day 203 → 1 ÷ ((1 + 1) ÷ 2) = 100 %
    assertDepartment(d, 3, Kpi.STAFF_TURNOVER, "100.0000", 1, 0);
    // 1: 202 left (204 left in December); first day 201, 202; last day 201, 203
    // → 1 ÷ 2 = 50 %
    assertDepartment(d, 1, Kpi.STAFF_TURNOVER, "50.0000", 1, 0);
    // 4: 205 left on Jan 1, employed that day; first day 1, last day 0 → 1 ÷ 0.5 = 200 %
    assertDepartment(d, 4, Kpi.STAFF_TURNOVER, "200.0000", 1, 0);
    // 5: average headcount 0 → undefined
    assertDepartment(d, 5, Kpi.STAFF_TURNOVER, null, 0, 0);
  }

  @Test
  void funnelConversion_perDepartmentPipelineAndStage() throws SQLException {
    Map<String, FunnelMeasurement> f = funnel(KpiFilter.ALL);
    // 2 (201's D10–D13), pipeline 0:
    //   NEW: entered D10, D11, D12, D13 (Jan 4) = 4; on to a later stage D10 (OFFER), D12
    //   (INVOICE) — D11 lost, D13 never moved on → 2 ÷ 4 = 50 %
    assertFunnel(f, 2, 0, "NEW", "50.0000", 4, 2);
    //   OFFER: entered D10, D13 = 2; D10 won, D13 went back to NEW → 1 ÷ 2
    assertFunnel(f, 2, 0, "OFFER", "50.0000", 2, 1);
    //   INVOICE: D12, not moved on → 0 ÷ 1
    assertFunnel(f, 2, 0, "INVOICE", "0.0000", 1, 0);
    // 3 (202's D14, D15): OFFER D14, won on Feb 5 (after the period) → 1 ÷ 1; D14's NEW was in
    // December; pipeline 1 C1:NEW D15 → 1 ÷ 1
    assertFunnel(f, 3, 0, "OFFER", "100.0000", 1, 1);
    assertFunnel(f, 3, 1, "C1:NEW", "100.0000", 1, 1);
    // 1 = 2 + 3: NEW 2 ÷ 4; OFFER D10, D13, D14 → 2 ÷ 3 = 66.6667; INVOICE 0 ÷ 1; C1:NEW 1 ÷ 1
    assertFunnel(f, 1, 0, "NEW", "50.0000", 4, 2);
    assertFunnel(f, 1, 0, "OFFER", "66.6667", 3, 2);
    assertFunnel(f, 1, 0, "INVOICE", "0.0000", 1, 0);
    assertFunnel(f, 1, 1, "C1:NEW", "100.0000", 1, 1);
    // success and failure stages have no value, nor do stages nobody entered, nor departments 4
    // and 5 (no funnel deals); 206's D17 is in no department → 4 + 2 + 3 rows
    assertEquals(9, f.size());
    // filtered to pipeline 1: only C1:NEW, in departments 3 and 1
    Map<String, FunnelMeasurement> one = funnel(new KpiFilter(Set.of(1), Set.of(), Set.of()));
    assertEquals(2, one.size());
    assertFunnel(one, 1, 1, "C1:NEW", "100.0000", 1, 1);
  }

  static Map<String, FunnelMeasurement> funnel(KpiFilter filter) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, departmentTenant, null);
      Map<String, FunnelMeasurement> result =
          new KpiSql(c)
              .measureFunnel(List.of(JAN), filter).stream()
                  .collect(
                      Collectors.toMap(
                          m -> m.departmentId() + "|" + m.pipelineId() + "|" + m.stageId(),
                          m -> m));
      c.rollback();
      return result;
    }
  }

  static void assertFunnel(
      Map<String, FunnelMeasurement> measurements,
      long department,
      int pipeline,
      String stage,
      String value,
      long entered,
      long converted) {
    FunnelMeasurement m = measurements.get(department + "|" + pipeline + "|" + stage);
    String what = "funnel " + pipeline + "/" + stage + " of department " + department;
    assertNotNull(m, what + " was not measured");
    assertEquals(new BigDecimal(value), m.value(), what);
    assertEquals(entered, m.entered(), what + ": entered");
    assertEquals(converted, m.converted(), what + ": converted");
  }

  static Map<String, DepartmentMeasurement> departments(KpiFilter filter) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, departmentTenant, null);
      Map<String, DepartmentMeasurement> result =
          new KpiSql(c)
              .measureDepartments(List.of(JAN), filter).stream()
                  .collect(Collectors.toMap(m -> m.departmentId() + "|" + m.kpi(), m -> m));
      c.rollback();
      return result;
    }
  }

  static void assertDepartment(
      Map<String, DepartmentMeasurement> measurements,
      long department,
      Kpi kpi,
      String value,
      long facts,
      long errors) {
    DepartmentMeasurement m = measurements.get(department + "|" + kpi);
    String what = kpi + " of department " + department;
    assertNotNull(m, what + " was not measured");
    assertEquals(value == null ? null : new BigDecimal(value), m.value(), what);
    assertEquals(facts, m.facts(), what + ": facts");
    assertEquals(errors, m.errors(), what + ": errors");
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  static void assertMeasured(
      long employee, Period period, Kpi kpi, String value, long facts, long errors) {
    Measurement m = measured.get(key(employee, period, kpi));
    String what = kpi + " of " + employee + " in " + period;
    assertNotNull(m, what + " was not measured");
    if (value == null) {
      assertNull(m.value(), what + " should be undefined");
      assertFalse(m.defined());
    } else {
      assertEquals(new BigDecimal(value), m.value(), what);
      assertTrue(m.defined());
    }
    assertEquals(facts, m.facts(), what + ": facts");
    assertEquals(errors, m.errors(), what + ": errors");
  }

  static String key(long employee, Period period, Kpi kpi) {
    return employee + "|" + period.label() + "|" + kpi;
  }

  static void currency(Connection c, String code, int nominal, String rate, boolean base)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, ?, now())",
        code,
        nominal,
        new BigDecimal(rate),
        base);
  }

  static void employee(Connection c, long id, LocalDate hired, LocalDate fired)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids, hired_on,"
            + " fired_on, synced_at) VALUES (premia_current_tenant(), ?, ?, ?, '{1}', ?, ?, now())",
        id,
        fired == null,
        "E" + id,
        Date.valueOf(hired),
        fired == null ? null : Date.valueOf(fired));
  }

  static void deal(
      Connection c,
      long id,
      Long assigned,
      String semantic,
      String amount,
      String currency,
      long company,
      long contact,
      LocalDate closeDate,
      Integer nps)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, close_date, created_at, modified_at, nps, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?,"
            + " '2025-01-01T00:00:00Z', now(), ?, now())",
        id,
        "D" + id,
        semantic.equals("S") ? "WON" : semantic.equals("F") ? "LOSE" : "NEW",
        semantic,
        !semantic.equals("P"),
        new BigDecimal(amount),
        currency,
        assigned,
        company,
        contact,
        closeDate == null ? null : Date.valueOf(closeDate),
        nps == null ? null : nps.shortValue());
  }

  static void stage(
      Connection c, String entity, int pipeline, String stage, int sort, String semantic)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_stage (tenant_id, entity_id, status_id, name, sort, semantic, category_id,"
            + " synced_at) VALUES (premia_current_tenant(), ?, ?, ?, ?, ?, ?, now())",
        entity,
        stage,
        stage,
        sort,
        semantic,
        pipeline);
  }

  /** A deal in progress now, with no client, for the funnel. */
  static void funnelDeal(Connection c, long id, long assigned, int pipeline) throws SQLException {
    execute(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, created_at, modified_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, 'NEW', 'P', false, 0, 'RUB', ?, 0, 0,"
            + " false, false, '2025-01-01T00:00:00Z', now(), now())",
        id,
        "D" + id,
        pipeline,
        assigned);
  }

  static void historyIn(
      Connection c, long id, long deal, int pipeline, String stage, String semantic, String at)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " VALUES (premia_current_tenant(), 2, ?, 2, ?, ?, ?, ?, ?, now())",
        id,
        deal,
        pipeline,
        stage,
        semantic,
        Instant.parse(at).atOffset(ZoneOffset.UTC));
  }

  static void department(Connection c, long id, Long parent) throws SQLException {
    execute(
        c,
        "INSERT INTO crm_department (tenant_id, id, name, parent_id, sort, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, 0, now())",
        id,
        "Dept " + id,
        parent);
  }

  static void member(Connection c, long id, String departments, LocalDate hired, LocalDate fired)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids, hired_on,"
            + " fired_on, synced_at) VALUES (premia_current_tenant(), ?, ?, ?, ?::bigint[], ?, ?,"
            + " now())",
        id,
        fired == null,
        "E" + id,
        departments,
        Date.valueOf(hired),
        fired == null ? null : Date.valueOf(fired));
  }

  static void filteredDeal(
      Connection c,
      long id,
      int pipeline,
      String type,
      String source,
      String amount,
      long company,
      String wonAt)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, type_id, source_id, created_at, modified_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, 'WON', 'S', true, ?, 'RUB', ?, ?, 0,"
            + " false, false, ?, ?, '2025-01-01T00:00:00Z', now(), now())",
        id,
        "F" + id,
        pipeline,
        new BigDecimal(amount),
        ANNA,
        company,
        type,
        source);
    history(c, id, id, "WON", "S", wonAt);
  }

  static void history(Connection c, long id, long deal, String stage, String semantic, String at)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " VALUES (premia_current_tenant(), 2, ?, 2, ?, 0, ?, ?, ?, now())",
        id,
        deal,
        stage,
        semantic,
        Instant.parse(at).atOffset(ZoneOffset.UTC));
  }

  static void lead(Connection c, long id, long assigned, String semantic, String closedAt)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_lead (tenant_id, id, status_id, status_semantic, assigned_by_id,"
            + " return_customer, created_at, modified_at, closed_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, ?, false, '2025-01-01T00:00:00Z', now(),"
            + " ?, now())",
        id,
        semantic.equals("S") ? "CONVERTED" : semantic.equals("F") ? "JUNK" : "NEW",
        semantic,
        assigned,
        closedAt == null ? null : Instant.parse(closedAt).atOffset(ZoneOffset.UTC));
  }

  static void activity(
      Connection c, long id, int type, boolean completed, long responsible, String end)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_activity (tenant_id, id, type_id, direction, completed, responsible_id,"
            + " owner_type_id, owner_id, end_time, created_at, modified_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, 2, ?, ?, 2, 1, ?, '2025-01-01T00:00:00Z',"
            + " now(), now())",
        id,
        type,
        completed,
        responsible,
        end == null ? null : Instant.parse(end).atOffset(ZoneOffset.UTC));
  }

  static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  /** Transaction-local identity settings, as the application sets them. */
  static void context(Connection c, UUID tenantId, UUID consultancy) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.consultancy_id', ?,"
                + " true), set_config('app.user_id', '', true)")) {
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
