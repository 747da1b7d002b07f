package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.env;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored measurements and the incremental path against the real schema (plain JDBC, no
 * container, like {@link KpiSqlIT}): a generated tenant is measured in full, then random changes
 * are written to the fact tables as the sync writes them (the tables' triggers queue them), each
 * followed by {@link MeasurementStore#remeasureChanged()}; after every step the whole store must
 * equal a fresh measurement of every stored period by {@link KpiSql} (employee KPIs and the
 * deal-based department KPIs), and the step must have taken the incremental path.
 */
class MeasurementStoreIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** "Now" for the store: 15 March 2026 in Moscow. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC);

  static final long[] EMPLOYEES = {201, 202, 203, 204, 205, 206, 207, 208};
  static final String[] CURRENCIES = {"RUB", "RUB", "RUB", "USD", "KZT", "EUR"};

  static UUID consultancy;

  @BeforeAll
  static void migrate() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    consultancy = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "Store test " + consultancy);
      c.commit();
    }
  }

  @Test
  void incrementalEqualsFullAfterEveryRandomChange() throws SQLException {
    property(KpiFilter.ALL, 20260301L, 70);
  }

  @Test
  void incrementalEqualsFullUnderAFilter() throws SQLException {
    property(new KpiFilter(Set.of(0), Set.of(), Set.of()), 777L, 50);
  }

  @Test
  void aDictionaryChangeFallsBackToAFullRemeasurement() throws SQLException {
    UUID tenant = newTenant(5L);
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      MeasurementStore store = new MeasurementStore(c, CLOCK);
      store.remeasureAll(KpiFilter.ALL);
      c.commit();
      context(c, tenant, null);
      execute(c, "UPDATE crm_employee SET hired_on = DATE '2026-02-10' WHERE id = 202");
      execute(c, "UPDATE crm_currency SET rate = 81.25 WHERE code = 'USD'");
      MeasurementStore.Result r = store.remeasureChanged();
      assertTrue(r.full(), "a changed employee and rate re-measure everything");
      assertStoreIsFresh(c, KpiFilter.ALL, "after a dictionary change");
      c.commit();
      context(c, tenant, null);
      assertEquals(0, store.remeasureChanged().changes(), "nothing queued after a full pass");
      c.rollback();
    }
  }

  @Test
  void readsStoredValuesAndMeasuresOtherPeriodsLive() throws SQLException {
    UUID tenant = newTenant(9L);
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      MeasurementStore store = new MeasurementStore(c, CLOCK);
      store.remeasureAll(KpiFilter.ALL);
      KpiSql sql = new KpiSql(c);
      Period jan = Period.month(2026, 1, MOSCOW);
      assertEquals(sql.measure(List.of(jan)), store.employees(jan, List.of()));
      assertEquals(
          sql.measureEmployees(List.of(jan), KpiFilter.ALL, List.of(203L, 205L)),
          store.employees(jan, List.of(205L, 203L)));
      assertEquals(
          sql.measureDepartments(List.of(jan), KpiFilter.ALL), store.departments(jan, List.of()));
      // a stored value that differs from a live one proves the stored one is read
      execute(
          c,
          "UPDATE kpi_employee_period SET deals = 1 WHERE employee_id = 203"
              + " AND period_kind = 'MONTH' AND period_start = DATE '2026-01-01'");
      assertEquals(
          new BigDecimal("1"),
          store.employees(jan, List.of(203L)).stream()
              .filter(m -> m.kpi() == Kpi.DEALS_WON)
              .findFirst()
              .orElseThrow()
              .value());
      // a period outside the stored range is measured live
      Period old = Period.month(2020, 1, MOSCOW);
      assertFalse(store.state().orElseThrow().stores(old));
      assertEquals(sql.measure(List.of(old)), store.employees(old, List.of()));
      c.rollback();
    }
  }

  // ---------------------------------------------------------------------------------------------

  void property(KpiFilter filter, long seed, int steps) throws SQLException {
    UUID tenant = newTenant(seed);
    Random random = new Random(seed);
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      MeasurementStore store = new MeasurementStore(c, CLOCK);
      MeasurementStore.Result full = store.remeasureAll(filter);
      assertTrue(full.rows() > 0);
      c.commit();
      for (int step = 0; step < steps; step++) {
        context(c, tenant, null);
        String change = randomChange(c, random);
        MeasurementStore.Result r = store.remeasureChanged();
        assertFalse(r.full(), "step " + step + " (" + change + ") must be incremental");
        assertStoreIsFresh(c, filter, "step " + step + ": " + change);
        c.commit();
      }
    }
  }

  /** The whole store equals a fresh measurement of every stored period. */
  static void assertStoreIsFresh(Connection c, KpiFilter filter, String what) throws SQLException {
    MeasurementStore store = new MeasurementStore(c, CLOCK);
    MeasurementStore.State state = store.state().orElseThrow();
    List<Period> periods = MeasurementStore.periods(state.firstMonth(), state.lastMonth(), MOSCOW);
    KpiSql sql = new KpiSql(c);
    Map<String, String> expected = new TreeMap<>();
    for (Measurement m : sql.measure(periods, filter)) {
      expected.put(
          key("EMPLOYEE", m.period(), m.employeeId(), m.kpi()),
          row(m.value(), m.facts(), m.errors()));
    }
    for (DepartmentMeasurement m : sql.measureDepartments(periods, filter)) {
      expected.put(
          key("DEPARTMENT", m.period(), m.departmentId(), m.kpi()),
          row(m.value(), m.facts(), m.errors()));
    }
    // the stored figures as the store serves them, every stored period
    Map<String, String> stored = new TreeMap<>();
    for (Period p : periods) {
      for (Measurement m : store.employees(p, List.of())) {
        stored.put(
            key("EMPLOYEE", m.period(), m.employeeId(), m.kpi()),
            row(m.value(), m.facts(), m.errors()));
      }
      for (DepartmentMeasurement m : store.departments(p, List.of())) {
        stored.put(
            key("DEPARTMENT", m.period(), m.departmentId(), m.kpi()),
            row(m.value(), m.facts(), m.errors()));
      }
    }
    Map<String, String> differences = new TreeMap<>();
    for (String key : expected.keySet()) {
      if (!expected.get(key).equals(stored.get(key))) {
        differences.put(key, "expected " + expected.get(key) + ", stored " + stored.get(key));
      }
    }
    for (String key : stored.keySet()) {
      if (!expected.containsKey(key)) {
        differences.put(key, "not expected, stored " + stored.get(key));
      }
    }
    assertEquals(Map.of(), differences, what);
    assertEquals(expected.size(), stored.size(), what);
  }

  static String key(String kind, Period p, long subject, Kpi kpi) {
    return kind + " " + p.label() + " " + subject + " " + kpi.code();
  }

  static String row(BigDecimal value, long facts, long errors) {
    return (value == null ? "null" : value.toPlainString()) + " " + facts + "/" + errors;
  }

  // ---------------------------------------------------------------------------------------------
  // the generated tenant
  // ---------------------------------------------------------------------------------------------

  /**
   * A tenant in Moscow with RUB: 8 employees in a department tree (one hired mid-way, one
   * dismissed), 90 deals over January 2025 – March 2026 among 12 companies and 10 contacts (many
   * repeat purchases), some in USD, KZT and EUR (no rate), in two pipelines, with stage history,
   * some won with no history (close date), some reopened or lost; leads and activities.
   */
  static UUID newTenant(long seed) throws SQLException {
    UUID tenant = UUID.randomUUID();
    Random random = new Random(seed);
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancy,
          "Store " + tenant);
      currency(c, "RUB", 1, "1");
      currency(c, "USD", 1, "80.5");
      currency(c, "KZT", 100, "19.1234");
      department(c, 1, null);
      department(c, 2, 1L);
      department(c, 3, 1L);
      department(c, 4, 3L);
      for (long e : EMPLOYEES) {
        String depts = "{" + (2 + e % 3) + (e == 205 ? ",2" : "") + "}";
        LocalDate hired = e == 207 ? LocalDate.of(2025, 8, 14) : LocalDate.of(2020, 1, 1);
        LocalDate fired = e == 208 ? LocalDate.of(2025, 11, 30) : null;
        execute(
            c,
            "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids,"
                + " hired_on, fired_on, synced_at) VALUES (premia_current_tenant(), ?, ?, ?,"
                + " ?::bigint[], ?, ?, now())",
            e,
            fired == null,
            "E" + e,
            depts,
            Date.valueOf(hired),
            fired == null ? null : Date.valueOf(fired));
      }
      for (long id = 1; id <= 90; id++) {
        newDeal(c, random, id);
      }
      for (long id = 1; id <= 40; id++) {
        execute(
            c,
            "INSERT INTO crm_lead (tenant_id, id, status_id, status_semantic, assigned_by_id,"
                + " return_customer, created_at, modified_at, closed_at, synced_at)"
                + " VALUES (premia_current_tenant(), ?, 'X', ?, ?, false,"
                + " '2025-01-01T00:00:00Z', now(), ?, now())",
            id,
            new String[] {"S", "F", "P"}[random.nextInt(3)],
            EMPLOYEES[random.nextInt(EMPLOYEES.length)],
            moment(random).atOffset(ZoneOffset.UTC));
      }
      for (long id = 1; id <= 60; id++) {
        execute(
            c,
            "INSERT INTO crm_activity (tenant_id, id, type_id, direction, completed,"
                + " responsible_id, owner_type_id, owner_id, end_time, created_at, modified_at,"
                + " synced_at) VALUES (premia_current_tenant(), ?, ?, 2, ?, ?, 2, 1, ?,"
                + " '2025-01-01T00:00:00Z', now(), now())",
            id,
            new int[] {1, 2, 4, 3}[random.nextInt(4)],
            random.nextInt(5) > 0,
            EMPLOYEES[random.nextInt(EMPLOYEES.length)],
            moment(random).atOffset(ZoneOffset.UTC));
      }
      c.commit();
    }
    return tenant;
  }

  static void newDeal(Connection c, Random random, long id) throws SQLException {
    String semantic = random.nextInt(10) < 7 ? "S" : random.nextBoolean() ? "P" : "F";
    long company = random.nextInt(3) == 0 ? 0 : 500 + random.nextInt(12);
    long contact = random.nextInt(2) == 0 ? 0 : 600 + random.nextInt(10);
    Instant won = moment(random);
    boolean noHistory = random.nextInt(8) == 0;
    execute(
        c,
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, return_customer,"
            + " repeated_approach, close_date, nps, created_at, modified_at, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?,"
            + " ?, '2025-01-01T00:00:00Z', now(), now())",
        id,
        "D" + id,
        random.nextInt(4) == 0 ? 1 : 0,
        semantic.equals("S") ? "WON" : semantic.equals("F") ? "LOSE" : "NEW",
        semantic,
        !semantic.equals("P"),
        new BigDecimal(random.nextInt(100_000_00)).movePointLeft(2).add(new BigDecimal("0.05")),
        CURRENCIES[random.nextInt(CURRENCIES.length)],
        random.nextInt(12) == 0 ? null : EMPLOYEES[random.nextInt(EMPLOYEES.length)],
        company,
        contact,
        Date.valueOf(won.atZone(MOSCOW).toLocalDate()),
        random.nextInt(3) == 0 ? null : (short) random.nextInt(11));
    if (!noHistory) {
      history(c, random, id, "S", won);
      if (!semantic.equals("S")) {
        history(c, random, id, semantic, won.plusSeconds(3600));
      }
    }
  }

  static long historyId = 1_000;

  static void history(Connection c, Random random, long deal, String semantic, Instant at)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " VALUES (premia_current_tenant(), 2, ?, 2, ?, 0, ?, ?, ?, now())",
        ++historyId,
        deal,
        semantic.equals("S") ? "WON" : semantic.equals("F") ? "LOSE" : "NEW",
        semantic,
        at.atOffset(ZoneOffset.UTC));
  }

  /** A moment between January 2025 and mid-March 2026, often right at a month's edge. */
  static Instant moment(Random random) {
    YearMonth month = YearMonth.of(2025, 1).plusMonths(random.nextInt(15));
    LocalDateTime local =
        switch (random.nextInt(4)) {
          case 0 -> month.atEndOfMonth().atTime(23, 59, 59);
          case 1 -> month.atDay(1).atStartOfDay();
          default -> month.atDay(1 + random.nextInt(14)).atTime(random.nextInt(24), 30);
        };
    return local.atZone(MOSCOW).toInstant();
  }

  /** One random change of the kinds the sync writes; returns what it did. */
  static String randomChange(Connection c, Random random) throws SQLException {
    long deal = 1 + random.nextInt(95);
    int kind = random.nextInt(13);
    switch (kind) {
      case 0 -> {
        String amount = new BigDecimal(random.nextInt(50_000_00)).movePointLeft(2).toPlainString();
        execute(c, "UPDATE crm_deal SET amount = ?::numeric WHERE id = ?", amount, deal);
        return "amount of " + deal + " = " + amount;
      }
      case 1 -> {
        String cur = CURRENCIES[random.nextInt(CURRENCIES.length)];
        execute(c, "UPDATE crm_deal SET currency = ? WHERE id = ?", cur, deal);
        return "currency of " + deal + " = " + cur;
      }
      case 2 -> {
        Instant at = moment(random);
        execute(c, "UPDATE crm_deal SET stage_semantic = 'S', stage_id = 'WON' WHERE id = ?", deal);
        history(c, random, deal, "S", at);
        return deal + " won at " + at;
      }
      case 3 -> {
        execute(c, "UPDATE crm_deal SET stage_semantic = 'P', stage_id = 'NEW' WHERE id = ?", deal);
        history(c, random, deal, "P", moment(random));
        return deal + " reopened";
      }
      case 4 -> {
        execute(
            c, "UPDATE crm_deal SET stage_semantic = 'F', stage_id = 'LOSE' WHERE id = ?", deal);
        return deal + " lost";
      }
      case 5 -> {
        Long emp = random.nextInt(8) == 0 ? null : EMPLOYEES[random.nextInt(EMPLOYEES.length)];
        execute(c, "UPDATE crm_deal SET assigned_by_id = ? WHERE id = ?", emp, deal);
        return deal + " reassigned to " + emp;
      }
      case 6 -> {
        long company = random.nextInt(3) == 0 ? 0 : 500 + random.nextInt(12);
        long contact = random.nextInt(2) == 0 ? 0 : 600 + random.nextInt(10);
        execute(
            c,
            "UPDATE crm_deal SET company_id = ?, contact_id = ? WHERE id = ?",
            company,
            contact,
            deal);
        return deal + " client company " + company + " contact " + contact;
      }
      case 7 -> {
        execute(c, "DELETE FROM crm_deal WHERE id = ?", deal);
        return deal + " deleted";
      }
      case 8 -> {
        // across a month boundary: the last second of a month or the first of the next
        YearMonth month = YearMonth.of(2025, 1).plusMonths(random.nextInt(14));
        Instant at =
            (random.nextBoolean()
                    ? month.atEndOfMonth().atTime(23, 59, 59)
                    : month.plusMonths(1).atDay(1).atStartOfDay())
                .atZone(MOSCOW)
                .toInstant();
        history(c, random, deal, "S", at);
        execute(
            c,
            "UPDATE crm_deal SET close_date = ? WHERE id = ?",
            Date.valueOf(at.atZone(MOSCOW).toLocalDate()),
            deal);
        return deal + " won again at " + at;
      }
      case 9 -> {
        boolean exists = false;
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM crm_deal WHERE id = ?")) {
          s.setLong(1, deal);
          try (ResultSet r = s.executeQuery()) {
            exists = r.next();
          }
        }
        if (exists) {
          execute(c, "UPDATE crm_deal SET category_id = 1 - category_id WHERE id = ?", deal);
          return deal + " moved to the other pipeline";
        }
        newDeal(c, random, deal);
        return deal + " created";
      }
      case 10 -> {
        execute(
            c,
            "UPDATE crm_deal SET nps = ? WHERE id = ?",
            random.nextBoolean() ? null : (short) random.nextInt(11),
            deal);
        return "nps of " + deal;
      }
      case 11 -> {
        long lead = 1 + random.nextInt(40);
        execute(
            c,
            "UPDATE crm_lead SET assigned_by_id = ?, status_semantic = ?, closed_at = ?"
                + " WHERE id = ?",
            EMPLOYEES[random.nextInt(EMPLOYEES.length)],
            new String[] {"S", "F", "P"}[random.nextInt(3)],
            moment(random).atOffset(ZoneOffset.UTC),
            lead);
        return "lead " + lead;
      }
      default -> {
        long activity = 1 + random.nextInt(60);
        if (random.nextInt(4) == 0) {
          execute(c, "DELETE FROM crm_activity WHERE id = ?", activity);
          return "activity " + activity + " deleted";
        }
        execute(
            c,
            "UPDATE crm_activity SET responsible_id = ?, completed = ?, end_time = ?"
                + " WHERE id = ?",
            EMPLOYEES[random.nextInt(EMPLOYEES.length)],
            random.nextBoolean(),
            moment(random).atOffset(ZoneOffset.UTC),
            activity);
        return "activity " + activity;
      }
    }
  }

  static void currency(Connection c, String code, int nominal, String rate) throws SQLException {
    execute(
        c,
        "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, ?, now())",
        code,
        nominal,
        new BigDecimal(rate),
        code.equals("RUB"));
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
}
