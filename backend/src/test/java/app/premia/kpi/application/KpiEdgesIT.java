package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.currency;
import static app.premia.kpi.application.KpiSqlIT.deal;
import static app.premia.kpi.application.KpiSqlIT.employee;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.history;
import static app.premia.kpi.application.KpiSqlIT.lead;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edges of issue #5's first acceptance that {@link KpiSqlIT} leaves out, on hand-built facts
 * with hand-computed values (plain JDBC, no container, like {@link KpiSqlIT} whose fixture helpers
 * it uses):
 *
 * <ul>
 *   <li>a deal won (by the stage history) on the first second of a month, and a close-date deal at
 *       a month's start, in a time zone with daylight saving (Europe/Berlin);
 *   <li>a deal won and then lost: it counts nowhere, and the client's next win is its first;
 *   <li>an employee whose only deal has no rate (average deal undefined, LTV 0 with the client in
 *       the divisor), and a negative NPS;
 *   <li>a tenant whose currency is not the portal's base currency (the deal's rate ÷ the tenant
 *       currency's rate);
 *   <li>leads that exist but none closed (lead conversion undefined);
 *   <li>the roster at the period's edges: dismissed mid-period, dismissed but still responsible for
 *       a later deal, hired on the last day, dismissed on the first day.
 * </ul>
 */
class KpiEdgesIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Period JAN = Period.month(2026, 1, MOSCOW);
  static final Period FEB = Period.month(2026, 2, MOSCOW);
  static final Period B_JAN = Period.month(2026, 1, BERLIN);
  static final Period B_FEB = Period.month(2026, 2, BERLIN);
  static final Period B_MAR = Period.month(2026, 3, BERLIN);
  static final Period B_APR = Period.month(2026, 4, BERLIN);

  static final long OLGA = 301; // the boundary, won-then-lost, no-rate and NPS deals
  static final long PAVEL = 302; // only a deal without a rate
  static final long ROMA = 303; // dismissed 2026-01-20 (mid-January), a deal on Jan 10
  static final long SVETA = 304; // dismissed 2026-01-20, still responsible for a deal won Feb 5
  static final long TIMUR = 305; // hired 2026-01-31, the last day of January
  static final long ULYANA = 306; // dismissed 2026-02-01, the first day of February
  static final long FEDOR = 307; // dismissed 2026-01-31, the last day of January
  static final long KIRA = 308; // hired 2026-02-01, the first day of February
  static final long USD_MAN = 401; // the tenant in US dollars
  static final long BERND = 501; // the tenant in Berlin

  static Map<String, Measurement> moscow;
  static Map<String, Measurement> dollars;
  static Map<String, Measurement> berlin;

  @BeforeAll
  static void buildFixtures() throws SQLException {
    new DatabaseMigrator(
            KpiSqlIT.env("DB_URL"),
            KpiSqlIT.env("DB_OWNER_USER"),
            KpiSqlIT.env("DB_OWNER_PASSWORD"),
            KpiSqlIT.env("DB_USER"))
        .migrate();
    UUID consultancy = UUID.randomUUID();
    UUID edges = UUID.randomUUID();
    UUID usd = UUID.randomUUID();
    UUID berlinTenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "KPI edges " + consultancy);
      context(c, edges, consultancy);
      tenant(c, edges, consultancy, "Europe/Moscow", "RUB");
      tenant(c, usd, consultancy, "Europe/Moscow", "USD");
      tenant(c, berlinTenant, consultancy, "Europe/Berlin", "RUB");
      buildEdges(c);
      context(c, usd, consultancy);
      buildDollars(c);
      context(c, berlinTenant, consultancy);
      buildBerlin(c);
      c.commit();
    }
    moscow = measure(edges, List.of(JAN, FEB));
    dollars = measure(usd, List.of(JAN));
    berlin = measure(berlinTenant, List.of(B_JAN, B_FEB, B_MAR, B_APR));
  }

  static void tenant(Connection c, UUID id, UUID consultancy, String zone, String currency)
      throws SQLException {
    execute(
        c,
        "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
            + " VALUES (?, ?, ?, ?, ?, now())",
        id,
        consultancy,
        "KPI edges " + id,
        zone,
        currency);
  }

  /** Moscow, RUB; the portal has RUB only, so a deal in EUR has no rate. */
  static void buildEdges(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    employee(c, OLGA, LocalDate.of(2020, 1, 1), null);
    employee(c, PAVEL, LocalDate.of(2020, 1, 1), null);
    employee(c, ROMA, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 20));
    employee(c, SVETA, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 20));
    employee(c, TIMUR, LocalDate.of(2026, 1, 31), null);
    employee(c, ULYANA, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 2, 1));
    employee(c, FEDOR, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 1, 31));
    employee(c, KIRA, LocalDate.of(2026, 2, 1), null);

    // E1: 1 000.00, company 900, entered WON at 2026-01-31 21:00:00Z = 00:00:00 on 1 February in
    // Moscow: the first second of February, not January
    deal(c, 1, OLGA, "S", "1000.00", "RUB", 900, 0, null, null);
    history(c, 1, 1, "WON", "S", "2026-01-31T21:00:00Z");
    // E2: 2 000.00, company 901, won at 23:59:59 on 31 January in Moscow: January
    deal(c, 2, OLGA, "S", "2000.00", "RUB", 901, 0, null, null);
    history(c, 2, 2, "WON", "S", "2026-01-31T20:59:59Z");
    // E3: 50 000.00, company 902, NPS 10: won on Jan 10, then lost on Jan 12 (now F) → nowhere
    deal(c, 3, OLGA, "F", "50000.00", "RUB", 902, 0, LocalDate.of(2026, 1, 12), 10);
    history(c, 3, 3, "WON", "S", "2026-01-10T10:00:00Z");
    history(c, 4, 3, "LOSE", "F", "2026-01-12T10:00:00Z");
    // E4: 3 000.00, company 902 again, won Jan 20: 902's first purchase (E3 does not count), so a
    // new client and no repeat sale
    deal(c, 4, OLGA, "S", "3000.00", "RUB", 902, 0, null, null);
    history(c, 5, 4, "WON", "S", "2026-01-20T10:00:00Z");
    // E5: 1 000 EUR (no rate), company 903, won Jan 15, NPS 3 (a detractor, the only answer)
    deal(c, 5, OLGA, "S", "1000.00", "EUR", 903, 0, null, 3);
    history(c, 6, 5, "WON", "S", "2026-01-15T10:00:00Z");
    // Olga's leads: one in progress, none closed
    lead(c, 1, OLGA, "P", null);

    // E6: Pavel's only deal, 500 EUR (no rate), company 904, won Jan 5
    deal(c, 6, PAVEL, "S", "500.00", "EUR", 904, 0, null, null);
    history(c, 7, 6, "WON", "S", "2026-01-05T10:00:00Z");
    // E7: Roma (dismissed Jan 20), 4 000.00, company 905, won Jan 10
    deal(c, 7, ROMA, "S", "4000.00", "RUB", 905, 0, null, null);
    history(c, 8, 7, "WON", "S", "2026-01-10T10:00:00Z");
    // E8: Sveta (dismissed Jan 20) is still responsible for 6 000.00, company 906, won Feb 5
    deal(c, 8, SVETA, "S", "6000.00", "RUB", 906, 0, null, null);
    history(c, 9, 8, "WON", "S", "2026-02-05T10:00:00Z");
  }

  /**
   * Moscow, the tenant's currency USD; the portal's base is RUB: USD 90.5 per 1, KZT 19.1234 per
   * 100.
   */
  static void buildDollars(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    currency(c, "USD", 1, "90.5", false);
    currency(c, "KZT", 100, "19.1234", false);
    employee(c, USD_MAN, LocalDate.of(2020, 1, 1), null);
    // U1: 9 050.00 RUB × 1 ÷ 1 ÷ (90.5 ÷ 1) = 100.00 USD
    deal(c, 1, USD_MAN, "S", "9050.00", "RUB", 950, 0, null, null);
    history(c, 1, 1, "WON", "S", "2026-01-10T10:00:00Z");
    // U2: 150.25 USD, the tenant's currency: not converted
    deal(c, 2, USD_MAN, "S", "150.25", "USD", 951, 0, null, null);
    history(c, 2, 2, "WON", "S", "2026-01-11T10:00:00Z");
    // U3: 10 000.00 KZT × 19.1234 ÷ 100 ÷ 90.5 = 191 234 ÷ 9 050 = 21.1308… → 21.13 USD
    deal(c, 3, USD_MAN, "S", "10000.00", "KZT", 952, 0, null, null);
    history(c, 3, 3, "WON", "S", "2026-01-12T10:00:00Z");
    // U4: 1 000.00 RUB ÷ 90.5 = 11.0497… → 11.05 USD
    deal(c, 4, USD_MAN, "S", "1000.00", "RUB", 953, 0, null, null);
    history(c, 4, 4, "WON", "S", "2026-01-13T10:00:00Z");
  }

  /**
   * Europe/Berlin (CET +01:00 in winter, CEST +02:00 from 29 March 2026): a Moscow or UTC offset
   * would put every deal below in the wrong month.
   */
  static void buildBerlin(Connection c) throws SQLException {
    currency(c, "RUB", 1, "1", true);
    employee(c, BERND, LocalDate.of(2020, 1, 1), null);
    // B1: 23:59:59 on 31 January CET → January
    deal(c, 1, BERND, "S", "4000.00", "RUB", 960, 0, null, null);
    history(c, 1, 1, "WON", "S", "2026-01-31T22:59:59Z");
    // B2: 00:00:00 on 1 February CET → February
    deal(c, 2, BERND, "S", "8000.00", "RUB", 961, 0, null, null);
    history(c, 2, 2, "WON", "S", "2026-01-31T23:00:00Z");
    // B3: 23:59:59 on 31 March CEST → March
    deal(c, 3, BERND, "S", "1000.00", "RUB", 962, 0, null, null);
    history(c, 3, 3, "WON", "S", "2026-03-31T21:59:59Z");
    // B4: 00:00:00 on 1 April CEST → April
    deal(c, 4, BERND, "S", "2000.00", "RUB", 963, 0, null, null);
    history(c, 4, 4, "WON", "S", "2026-03-31T22:00:00Z");
    // B5: won without history, close date 1 April: 00:00 CEST = 2026-03-31 22:00Z → April
    deal(c, 5, BERND, "S", "16000.00", "RUB", 964, 0, LocalDate.of(2026, 4, 1), null);
    // leads: converted at 23:59:59 on 31 March CEST (March), junk at 00:00:00 on 1 April (April)
    lead(c, 1, BERND, "S", "2026-03-31T21:59:59Z");
    lead(c, 2, BERND, "F", "2026-03-31T22:00:00Z");
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void aDealWonOnTheFirstSecondOfAMonth_isThatMonths() {
    // January: E2 (23:59:59) and E4; E1 (00:00:00 Feb 1) is not January's
    assertMeasured(moscow, OLGA, JAN, Kpi.SALES_VOLUME, "5000.00", 2, 1);
    // February: E1 alone, and its company 900 is a new client of February
    assertMeasured(moscow, OLGA, FEB, Kpi.SALES_VOLUME, "1000.00", 1, 0);
    assertMeasured(moscow, OLGA, FEB, Kpi.DEALS_WON, "1", 1, 0);
    assertMeasured(moscow, OLGA, FEB, Kpi.NEW_CLIENTS, "1", 1, 0);
  }

  @Test
  void aDealWonThenLost_countsNowhere_andTheClientsNextWinIsItsFirst() {
    // January: E2, E4, E5 won (E3 lost) → 3; E3's 50 000.00 and its NPS 10 are nowhere
    assertMeasured(moscow, OLGA, JAN, Kpi.DEALS_WON, "3", 3, 0);
    // new clients 901 (E2), 902 (E4: E3 does not count), 903 (E5, no rate: still a purchase)
    assertMeasured(moscow, OLGA, JAN, Kpi.NEW_CLIENTS, "3", 3, 0);
    // E4 is not a repeat of the lost E3
    assertMeasured(moscow, OLGA, JAN, Kpi.REPEAT_SALES, "0.00", 0, 0);
    // LTV, January (end Feb 1 00:00): Olga's clients 901 2 000.00, 902 3 000.00, 903 (EUR: an
    // error, in the divisor) → 5 000.00 ÷ 3 = 1 666.666… → 1 666.67
    assertMeasured(moscow, OLGA, JAN, Kpi.LTV, "1666.67", 3, 1);
  }

  @Test
  void aNoRateDeal_isAWonDealAndAnError_andANegativeNps() {
    // (5 000.00) ÷ 2 priced; the EUR deal in neither
    assertMeasured(moscow, OLGA, JAN, Kpi.AVERAGE_DEAL, "2500.00", 2, 1);
    // E5's 3 is the only answer: (0 − 1) ÷ 1 × 100 = −100 (E3's 10 does not count: lost)
    assertMeasured(moscow, OLGA, JAN, Kpi.NPS, "-100.0000", 1, 0);
    // Pavel: his only deal has no rate → volume 0 with an error, average undefined
    assertMeasured(moscow, PAVEL, JAN, Kpi.SALES_VOLUME, "0.00", 0, 1);
    assertMeasured(moscow, PAVEL, JAN, Kpi.DEALS_WON, "1", 1, 0);
    assertMeasured(moscow, PAVEL, JAN, Kpi.AVERAGE_DEAL, null, 0, 1);
    assertMeasured(moscow, PAVEL, JAN, Kpi.NEW_CLIENTS, "1", 1, 0);
    // his client 904 stays in the divisor of LTV: 0.00 ÷ 1, one error
    assertMeasured(moscow, PAVEL, JAN, Kpi.LTV, "0.00", 1, 1);
    assertMeasured(moscow, PAVEL, JAN, Kpi.NPS, null, 0, 0);
  }

  @Test
  void leadsThatExistButNoneClosed_leaveLeadConversionUndefined() {
    assertMeasured(moscow, OLGA, JAN, Kpi.LEAD_CONVERSION, null, 0, 0);
    assertMeasured(moscow, OLGA, FEB, Kpi.LEAD_CONVERSION, null, 0, 0);
  }

  @Test
  void theRoster_atThePeriodsEdges() {
    // dismissed mid-January: measured in January on what he did; not in February (no facts)
    assertMeasured(moscow, ROMA, JAN, Kpi.SALES_VOLUME, "4000.00", 1, 0);
    assertFalse(moscow.containsKey(key(ROMA, FEB, Kpi.SALES_VOLUME)), "Roma in February");
    // dismissed Jan 20, but a deal assigned to her was won in February: measured there
    assertMeasured(moscow, SVETA, FEB, Kpi.SALES_VOLUME, "6000.00", 1, 0);
    assertMeasured(moscow, SVETA, JAN, Kpi.SALES_VOLUME, "0.00", 0, 0);
    // hired on the last day of January: measured in January
    assertMeasured(moscow, TIMUR, JAN, Kpi.DEALS_WON, "0", 0, 0);
    // dismissed on the first day of February: employed that day, measured in February
    assertMeasured(moscow, ULYANA, FEB, Kpi.DEALS_WON, "0", 0, 0);
    // dismissed on the last day of January: in January, not in February
    assertMeasured(moscow, FEDOR, JAN, Kpi.DEALS_WON, "0", 0, 0);
    assertFalse(moscow.containsKey(key(FEDOR, FEB, Kpi.DEALS_WON)), "Fedor in February");
    // hired on the first day of February: not in January, in February
    assertFalse(moscow.containsKey(key(KIRA, JAN, Kpi.DEALS_WON)), "Kira in January");
    assertMeasured(moscow, KIRA, FEB, Kpi.DEALS_WON, "0", 0, 0);
    // January: Olga, Pavel, Roma, Sveta, Timur, Ulyana, Fedor = 7; February: Olga, Pavel, Sveta,
    // Timur, Ulyana, Kira = 6
    assertEquals(13 * KpiSql.MEASURED.size(), moscow.size());
  }

  @Test
  void aTenantCurrencyThatIsNotThePortalsBase_dividesByItsRate() {
    // 100.00 + 150.25 + 21.13 + 11.05 = 282.43 USD
    assertMeasured(dollars, USD_MAN, JAN, Kpi.SALES_VOLUME, "282.43", 4, 0);
    // 282.43 ÷ 4 = 70.6075 → 70.61
    assertMeasured(dollars, USD_MAN, JAN, Kpi.AVERAGE_DEAL, "70.61", 4, 0);
  }

  @Test
  void monthsInAZoneWithDaylightSaving_startAtLocalMidnight() {
    assertMeasured(berlin, BERND, B_JAN, Kpi.SALES_VOLUME, "4000.00", 1, 0);
    assertMeasured(berlin, BERND, B_FEB, Kpi.SALES_VOLUME, "8000.00", 1, 0);
    assertMeasured(berlin, BERND, B_MAR, Kpi.SALES_VOLUME, "1000.00", 1, 0);
    // B4 (history) and B5 (close date 1 April, 00:00 CEST)
    assertMeasured(berlin, BERND, B_APR, Kpi.SALES_VOLUME, "18000.00", 2, 0);
    assertMeasured(berlin, BERND, B_MAR, Kpi.LEAD_CONVERSION, "100.0000", 1, 0);
    assertMeasured(berlin, BERND, B_APR, Kpi.LEAD_CONVERSION, "0.0000", 1, 0);
  }

  // ---------------------------------------------------------------------------------------------

  static Map<String, Measurement> measure(UUID tenant, List<Period> periods) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      Map<String, Measurement> result =
          new KpiSql(c)
              .measure(periods).stream()
                  .collect(Collectors.toMap(m -> key(m.employeeId(), m.period(), m.kpi()), m -> m));
      c.rollback();
      return result;
    }
  }

  static String key(long employee, Period period, Kpi kpi) {
    return employee + "|" + period.label() + "|" + kpi;
  }

  static void assertMeasured(
      Map<String, Measurement> measured,
      long employee,
      Period period,
      Kpi kpi,
      String value,
      long facts,
      long errors) {
    Measurement m = measured.get(key(employee, period, kpi));
    String what = kpi + " of " + employee + " in " + period;
    assertNotNull(m, what + " was not measured");
    assertEquals(value == null ? null : new BigDecimal(value), m.value(), what);
    assertEquals(facts, m.facts(), what + ": facts");
    assertEquals(errors, m.errors(), what + ": errors");
  }
}
