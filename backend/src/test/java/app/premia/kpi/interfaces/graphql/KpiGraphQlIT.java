package app.premia.kpi.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.api.KpiValuesChanged;
import app.premia.kpi.application.KpiSql;
import app.premia.kpi.application.MeasurementStore;
import app.premia.kpi.application.PlanTemplate;
import app.premia.kpi.application.Plans;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.graphql.GraphQlEngine;
import app.premia.platform.graphql.GraphQlRequest;
import app.premia.platform.graphql.RequestContext;
import app.premia.platform.info.ServerInfoSchema;
import app.premia.platform.migration.DatabaseMigrator;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import app.premia.tenancy.api.TenantAccess.KpiCaller;
import graphql.ExecutionResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPI and plan GraphQL API executed by the real engine against the real PostgreSQL (plain JDBC,
 * no container; the HTTP path and its transaction are TenancyIT's): values equal {@link KpiSql}'s,
 * pagination, plan grid all-or-nothing, attainment after a plan edit, copy, roles — and the proof
 * of no N+1: a page of 5 and a page of 50 with nested employees, departments, heads, values, plans
 * and attainment execute the same number of SQL statements.
 *
 * <p>Fixture: a tenant (Moscow, RUB) with a company → sales → acquisition department tree, 60
 * employees and their deals, leads and activities in January 2026. "Now" is 2026-03-15.
 */
class KpiGraphQlIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Period JAN = Period.month(2026, 1, MOSCOW);
  static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC);
  static final int EMPLOYEES = 60;
  static final String JAN_INPUT = "{kind: MONTH, start: \"2026-01-01\"}";

  static UUID consultancy;
  static UUID tenant;
  static GraphQlEngine engine;
  static KpiCaller caller;
  static Connection connection;

  /** What the schema told the observers of the KPI values (payout drafts follow them). */
  static final List<KpiValuesChanged> valuesChanged =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  static final AtomicInteger statements = new AtomicInteger();

  @BeforeAll
  static void fixture() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    consultancy = UUID.randomUUID();
    tenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "KPI API " + consultancy);
      context(c, tenant);
      execute(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code,"
              + " created_at) VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancy,
          "KPI API " + tenant);
      execute(
          c,
          "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at)"
              + " VALUES (premia_current_tenant(), 'RUB', 1, 1, true, now())");
      department(c, 1, "Компания", null, 1);
      department(c, 2, "Отдел продаж", 1L, 2);
      department(c, 3, "Привлечение", 2L, 3);
      for (int e = 1; e <= EMPLOYEES; e++) {
        long dept = e == 1 ? 1 : e % 2 == 0 ? 2 : 3;
        LocalDate fired = e == 60 ? LocalDate.of(2025, 12, 1) : null; // not employed in January
        execute(
            c,
            "INSERT INTO crm_employee (tenant_id, id, active, first_name, last_name,"
                + " department_ids, hired_on, fired_on, synced_at) VALUES (premia_current_tenant(),"
                + " ?, ?, ?, ?, ?::bigint[], '2020-01-01', ?, now())",
            (long) e,
            fired == null,
            "Имя" + e,
            String.format("Фамилия%03d", e),
            "{" + dept + "}",
            fired);
        for (int d = 0; d < 2; d++) {
          long deal = e * 10L + d;
          execute(
              c,
              "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id,"
                  + " stage_semantic, closed, amount, currency, assigned_by_id, company_id, contact_id,"
                  + " return_customer, repeated_approach, close_date, created_at, modified_at, nps,"
                  + " synced_at) VALUES (premia_current_tenant(), ?, ?, 0, 'WON', 'S', true, ?, 'RUB',"
                  + " ?, ?, 0, false, false, '2026-01-10', now(), now(), ?, now())",
              deal,
              "Сделка " + deal,
              new BigDecimal(e * 100 + d + ".50"),
              (long) e,
              1000L + e,
              d == 0 ? (e % 11) : null);
        }
        execute(
            c,
            "INSERT INTO crm_lead (tenant_id, id, status_id, status_semantic,"
                + " assigned_by_id, return_customer, created_at, modified_at, closed_at, synced_at)"
                + " VALUES (premia_current_tenant(), ?, 'X', ?, ?, false, '2025-01-01T00:00:00Z',"
                + " now(), '2026-01-20T10:00:00Z', now())",
            (long) e,
            e % 3 == 0 ? "S" : "F",
            (long) e);
        execute(
            c,
            "INSERT INTO crm_activity (tenant_id, id, type_id, direction, completed,"
                + " responsible_id, owner_type_id, owner_id, end_time, created_at, modified_at,"
                + " synced_at) VALUES (premia_current_tenant(), ?, 2, 2, true, ?, 2, ?,"
                + " '2026-01-15T10:00:00Z', '2025-01-01T00:00:00Z', now(), now())",
            (long) e,
            (long) e,
            e * 10L);
      }
      c.commit();
    }
    connection = counting(runtime());
    connection.setAutoCommit(false);
    KpiSchema schema =
        new KpiSchema(
            new KpiSchema.Source() {
              @Override
              public KpiCaller caller() {
                return caller;
              }

              @Override
              public Connection connection() {
                return connection;
              }

              @Override
              public void valuesChanged(KpiValuesChanged event) {
                valuesChanged.add(event);
              }
            },
            NOW);
    engine =
        new GraphQlEngine(
            List.of(new ServerInfoSchema(), schema, new PlanSchema()), RuntimeProfile.TEST);
  }

  @BeforeEach
  void begin() throws SQLException {
    admin();
    context(connection, tenant);
  }

  @AfterEach
  void end() throws SQLException {
    connection.commit();
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void cardValues_equalKpiSqlMeasurements_withPreviousPeriod() throws SQLException {
    Map<String, Measurement> expected = new HashMap<>();
    for (Measurement m : new KpiSql(connection).measure(List.of(JAN, JAN.previous()))) {
      expected.put(m.employeeId() + "|" + m.period().label() + "|" + m.kpi().code(), m);
    }
    for (long e : List.of(1L, 2L, 7L, 33L)) {
      Map<String, Object> card =
          data(
              run(
                  "query($id: ID!) { employeeKpiCard(employeeId: $id, period: "
                      + JAN_INPUT
                      + ") {"
                      + " employee { name } currency period { start end closed }"
                      + " values { kpi { code } value facts errors undefinedReason }"
                      + " previous { kpi { code } value facts } } }",
                  Map.of("id", employeeId(e))),
              "employeeKpiCard");
      assertEquals("RUB", card.get("currency"));
      assertEquals(Boolean.TRUE, map(card, "period").get("closed"));
      List<Map<String, Object>> values = list(card, "values");
      assertEquals(KpiSql.MEASURED.size(), values.size());
      for (Map<String, Object> v : values) {
        String code = (String) map(v, "kpi").get("code");
        Measurement m = expected.get(e + "|2026-01|" + code);
        assertNotNull(m, e + " " + code);
        assertEquals(
            m.value() == null ? null : m.value().toPlainString(), v.get("value"), e + " " + code);
        assertEquals((int) m.facts(), v.get("facts"), e + " " + code);
        assertEquals((int) m.errors(), v.get("errors"), e + " " + code);
        assertEquals(m.value() == null, v.get("undefinedReason") != null, code);
      }
      for (Map<String, Object> v : list(card, "previous")) {
        // December: employed, no facts → zeros and undefined ratios, as KpiSql says
        Measurement m = expected.get(e + "|2025-12|" + map(v, "kpi").get("code"));
        assertEquals(m.value() == null ? null : m.value().toPlainString(), v.get("value"));
      }
    }
    // a sample checked by hand: employee 7 sold 700.50 + 701.50 = 1 402.00 RUB in 2 deals
    Map<String, Object> seven =
        data(
            run(
                "query($id: ID!) { employeeKpiCard(employeeId: $id,"
                    + " period: "
                    + JAN_INPUT
                    + ") { values { kpi { code } value } } }",
                Map.of("id", employeeId(7))),
            "employeeKpiCard");
    assertEquals("1402.00", valueOf(seven, "sales_volume"));
    assertEquals("701.00", valueOf(seven, "average_deal"));
  }

  @Test
  void employeeKpis_pagesByNameWithKeysetCursors_totalCountAndHasNextPage() {
    List<String> names = new ArrayList<>();
    String after = null;
    int pages = 0;
    int total = -1;
    while (true) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      Map<String, Object> page =
          data(
              run(
                  "query($after: String) { employeeKpis(period: "
                      + JAN_INPUT
                      + ", first: 7, after: $after, kpis: [\"deals_won\"]) { totalCount"
                      + " pageInfo { hasNextPage endCursor } edges { cursor node { employee { name }"
                      + " values { kpi { code } value } } } } }",
                  variables),
              "employeeKpis");
      total = (Integer) page.get("totalCount");
      for (Map<String, Object> edge : list(page, "edges")) {
        names.add((String) map(map(edge, "node"), "employee").get("name"));
        assertEquals(1, list(map(edge, "node"), "values").size());
      }
      pages++;
      Map<String, Object> info = map(page, "pageInfo");
      if (!(Boolean) info.get("hasNextPage")) {
        break;
      }
      after = (String) info.get("endCursor");
    }
    // employee 60 was dismissed in December: not on January's list
    assertEquals(EMPLOYEES - 1, total);
    assertEquals(total, names.size());
    assertEquals(total, new HashSet<>(names).size(), "no employee twice");
    assertEquals((total + 6) / 7, pages);
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names, "ordered by name");

    // narrowed to a department with its sub-departments: sales (2) holds 2..59 (3 is under 2)
    Map<String, Object> sales =
        data(
            run(
                "query($d: ID!) { employeeKpis(period: "
                    + JAN_INPUT
                    + ", departmentId: $d, first: 1) { totalCount } }",
                Map.of("d", departmentId(3))),
            "employeeKpis");
    assertEquals(29, sales.get("totalCount")); // odd ids 3..59
  }

  /** The nested query whose statement count must not grow with the page. */
  static final String NESTED =
      "query($n: Int) { employeeKpis(period: "
          + JAN_INPUT
          + ", first: $n) { totalCount edges { node { employee { id name departments { name"
          + " head { name } } } values { value plan attainment } } } } }";

  @Test
  void noNPlusOne_aPageOf5AndAPageOf50_executeTheSameNumberOfStatements() {
    setPlans(
        "[{kpi: \"sales_volume\", employeeId: \""
            + employeeId(5)
            + "\", target: \"1000\"},"
            + " {kpi: \"sales_volume\", employeeId: \""
            + employeeId(40)
            + "\", target: \"2000\"},"
            + " {kpi: \"sales_volume\", departmentId: \""
            + departmentId(2)
            + "\", target: \"9000\"}]");
    int[] counts = new int[2];
    int i = 0;
    for (int n : new int[] {5, 50}) {
      statements.set(0);
      Map<String, Object> page = data(run(NESTED, Map.of("n", n)), "employeeKpis");
      counts[i++] = statements.get();
      assertEquals(n, list(page, "edges").size());
    }
    System.out.println(
        "[KpiGraphQlIT] SQL statements for first: 5 → " + counts[0] + ", first: 50 → " + counts[1]);
    assertEquals(counts[0], counts[1], "statements grow with the page size: N+1");
    assertTrue(counts[0] < 30, "statements: " + counts[0]);
  }

  @Test
  void setKpiPlans_isAllOrNothing_attainmentMovesAfterAnEdit_andCopyCopies() {
    valuesChanged.clear();
    String eight = employeeId(8);
    Map<String, Object> before = card(8);
    assertNull(planOf(before, "sales_volume"));
    assertNull(attainmentOf(before, "sales_volume"));

    // one bad cell (a negative target) and nothing is written
    Map<String, Object> refused =
        setPlans(
            "[{kpi: \"sales_volume\", employeeId: \""
                + eight
                + "\", target: \"1000\"}, {kpi: \"deals_won\", employeeId: \""
                + eight
                + "\", target:"
                + " \"3\"}, {kpi: \"sales_volume\", departmentId: \""
                + departmentId(2)
                + "\", target:"
                + " \"-5\"}, {kpi: \"deals_won\", employeeId: \"bogus\", target: \"1\"}]");
    List<Map<String, Object>> errors = list(refused, "errors");
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(valuesChanged.isEmpty(), "a refused change tells nobody: " + valuesChanged);
    assertEquals(List.of("input", "cells", "2", "target"), errors.get(0).get("field"));
    assertEquals(List.of("input", "cells", "3", "employeeId"), errors.get(1).get("field"));
    assertEquals("NOT_FOUND", errors.get(1).get("code"));
    assertTrue(list(refused, "plans").isEmpty());
    assertNull(planOf(card(8), "sales_volume"), "the valid cells were not written either");

    // valid: attainment = 1 602.00 ÷ 1 000 × 100 (employee 8: 800.50 + 801.50)
    Map<String, Object> saved =
        setPlans(
            "[{kpi: \"sales_volume\", employeeId: \""
                + eight
                + "\", target: \"1000\"}, {kpi: \"deals_won\", employeeId: \""
                + eight
                + "\", target:"
                + " \"4\"}]");
    assertTrue(list(saved, "errors").isEmpty(), saved.toString());
    assertEquals(List.of(new KpiValuesChanged(tenant, consultancy)), valuesChanged);
    Map<String, Object> after = card(8);
    assertEquals("1000.0000", planOf(after, "sales_volume"));
    assertEquals("160.2000", attainmentOf(after, "sales_volume"));
    assertEquals("50.0000", attainmentOf(after, "deals_won"));

    // edit the plan: attainment moves
    setPlans("[{kpi: \"sales_volume\", employeeId: \"" + eight + "\", target: \"3204\"}]");
    assertEquals("50.0000", attainmentOf(card(8), "sales_volume"));
    // clear one
    setPlans("[{kpi: \"deals_won\", employeeId: \"" + eight + "\", target: null}]");
    assertNull(planOf(card(8), "deals_won"));

    // copy to February
    Map<String, Object> copied =
        data(
            run(
                "mutation { copyKpiPlans(input: {from: "
                    + JAN_INPUT
                    + "}) { to { start } copied skipped errors { code } } }",
                Map.of()),
            "copyKpiPlans");
    assertEquals("2026-02-01", map(copied, "to").get("start"));
    int janPlans =
        (Integer)
            data(
                    run("{ kpiPlans(period: " + JAN_INPUT + ") { totalCount } }", Map.of()),
                    "kpiPlans")
                .get("totalCount");
    assertEquals(janPlans, (Integer) copied.get("copied") + (Integer) copied.get("skipped"));
    Map<String, Object> feb =
        data(
            run(
                "{ kpiPlans(period: {kind: MONTH, start: \"2026-02-01\"})"
                    + " { totalCount edges { node { kpi { code } target employee { name } } } } }",
                Map.of()),
            "kpiPlans");
    assertTrue((Integer) feb.get("totalCount") >= (Integer) copied.get("copied"));
  }

  @Test
  void departmentOverview_volumeIsTheMembersSum_teamPlanFulfilmentAgainstTheVolumePlan()
      throws SQLException {
    setPlans(
        "[{kpi: \"sales_volume\", departmentId: \""
            + departmentId(3)
            + "\", target:"
            + " \"100000\"}]");
    Map<String, Object> overview =
        data(
            run(
                "query($d: ID) { departmentKpis(departmentId: $d,"
                    + " period: "
                    + JAN_INPUT
                    + ") { department { name head { name } } values { kpi { code }"
                    + " value plan attainment facts } managers { employee { name } } activity { calls } } }",
                Map.of("d", departmentId(3))),
            "departmentKpis");
    // acquisition holds odd ids 3..59: volume = Σ (e×100 + 0.50 + e×100 + 1.50) = 179 858.00
    BigDecimal volume = BigDecimal.ZERO;
    for (int e = 3; e <= 59; e += 2) {
      volume = volume.add(BigDecimal.valueOf(200L * e + 2)).setScale(2);
    }
    assertEquals("179858.00", volume.toPlainString());
    assertEquals(volume.toPlainString(), valueOf(overview, "sales_volume"));
    BigDecimal fulfilment =
        volume
            .multiply(BigDecimal.valueOf(100))
            .divide(new BigDecimal("100000"), 4, java.math.RoundingMode.HALF_UP);
    assertEquals(fulfilment.toPlainString(), valueOf(overview, "team_plan_fulfilment"));
    // 29 members with 2 won deals each; the average = 179 858.00 ÷ 58 = 3 101.00
    assertEquals("58", valueOf(overview, "deals_won"));
    assertEquals("3101.00", valueOf(overview, "average_deal"));
    assertEquals(29, list(overview, "managers").size());
    assertEquals(29, map(overview, "activity").get("calls"));
  }

  @Test
  void kpiSeries_endsWithThePeriodAtTo_withPlans() {
    setPlans(
        "[{kpi: \"deals_won\", employeeId: \""
            + employeeId(9)
            + "\", target: \"4\"}, {kpi: \"sales_volume\", departmentId: \""
            + departmentId(3)
            + "\", target: \"200000\"}]");
    List<Map<String, Object>> points =
        listOf(
            run(
                "query($id: ID!) { kpiSeries(kpi: \"deals_won\", subject: {employeeId: $id},"
                    + " periodKind: MONTH, to: \"2026-02-01\", count: 3) { period { start }"
                    + " value plan attainment } }",
                Map.of("id", employeeId(9))),
            "kpiSeries");
    assertEquals(
        List.of("2025-12-01", "2026-01-01", "2026-02-01"),
        points.stream().map(p -> map(p, "period").get("start")).toList());
    assertEquals("0", points.get(0).get("value"));
    assertEquals("2", points.get(1).get("value"));
    assertEquals("4.0000", points.get(1).get("plan"));
    assertEquals("50.0000", points.get(1).get("attainment"));
    List<Map<String, Object>> team =
        listOf(
            run(
                "query($id: ID!) { kpiSeries(kpi: \"team_plan_fulfilment\", subject:"
                    + " {departmentId: $id}, periodKind: MONTH, to: \"2026-01-01\", count: 1)"
                    + " { value } }",
                Map.of("id", departmentId(3))),
            "kpiSeries");
    // 179 858.00 ÷ 200 000 × 100
    assertEquals("89.9290", team.get(0).get("value"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> listOf(ExecutionResult result, String field) {
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    return (List<Map<String, Object>>) ((Map<String, Object>) result.getData()).get(field);
  }

  @Test
  void anUnlinkedManager_isLinkedByHisEmail_toTheOneActivePortalUserWithIt() throws SQLException {
    String me = "{ myKpiCard(period: " + JAN_INPUT + ") { employee { id name } } }";
    execute(connection, "UPDATE crm_employee SET email = NULL");
    execute(connection, "UPDATE crm_employee SET email = 'Petrov@Alfa.example' WHERE id = 5");
    execute(connection, "UPDATE crm_employee SET email = 'twin@alfa.example' WHERE id IN (6, 7)");
    // an employee dismissed and inactive does not count
    execute(connection, "UPDATE crm_employee SET email = 'gone@alfa.example' WHERE id = 60");
    try {
      caller =
          new KpiCaller(
              new ActiveTenant(tenant, consultancy, null),
              false,
              false,
              null,
              "petrov@alfa.example");
      Map<String, Object> card = data(run(me, Map.of()), "myKpiCard");
      assertEquals(employeeId(5), map(card, "employee").get("id"));

      for (String unlinked :
          List.of("twin@alfa.example", "gone@alfa.example", "nobody@x.example")) {
        caller =
            new KpiCaller(
                new ActiveTenant(tenant, consultancy, null), false, false, null, unlinked);
        assertNull(data(run(me, Map.of()), null).get("myKpiCard"), unlinked);
      }
      // an explicit link wins over the e-mail
      caller =
          new KpiCaller(
              new ActiveTenant(tenant, consultancy, null), false, false, 9L, "petrov@alfa.example");
      assertEquals(employeeId(9), map(data(run(me, Map.of()), "myKpiCard"), "employee").get("id"));
    } finally {
      execute(connection, "UPDATE crm_employee SET email = NULL");
    }
  }

  @Test
  void values_comeFromTheStoreWhenItIsCurrent_andAreMeasuredLiveOtherwise() throws SQLException {
    try {
      new MeasurementStore(connection, NOW).remeasureAll(KpiFilter.ALL);
      assertEquals("1602.00", valueOf(card(8), "sales_volume"));
      // a sentinel in the store shows that the API reads it (nothing else could produce it)
      execute(
          connection,
          "UPDATE kpi_employee_period SET volume = 4242.42 WHERE employee_id = 8"
              + " AND period_kind = 'MONTH' AND period_start = '2026-01-01'");
      assertEquals("4242.42", valueOf(card(8), "sales_volume"));
      // a full re-measurement owed: the store is not trusted, the value is measured live
      new MeasurementStore(connection, NOW).markFullNeeded("test");
      assertEquals("1602.00", valueOf(card(8), "sales_volume"));
    } finally {
      execute(connection, "DELETE FROM kpi_employee_period");
      execute(connection, "DELETE FROM kpi_department_period");
      execute(connection, "DELETE FROM kpi_deal_snapshot");
      execute(connection, "DELETE FROM kpi_measure_state");
    }
  }

  @Test
  void roles_accountantReadsButMayNotPlan_managerSeesOnlyHimself() {
    caller = new KpiCaller(new ActiveTenant(tenant, consultancy, null), true, false, null);
    String refused =
        run(
                "mutation { setKpiPlans(input: {period: "
                    + JAN_INPUT
                    + ", cells: []})"
                    + " { errors { code } } }",
                Map.of())
            .toSpecification()
            .toString();
    assertTrue(refused.contains("FORBIDDEN"), refused);
    assertFalse(data(run("{ departments { name } }", Map.of()), null).toString().isEmpty());

    caller = new KpiCaller(new ActiveTenant(tenant, consultancy, null), false, false, 7L);
    String other =
        errorOf(
            "query($id: ID!) { employeeKpiCard(employeeId: $id, period: "
                + JAN_INPUT
                + ") { employee { name } } }",
            Map.of("id", employeeId(8)));
    String missing =
        errorOf(
            "query($id: ID!) { employeeKpiCard(employeeId: $id, period: "
                + JAN_INPUT
                + ") { employee { name } } }",
            Map.of("id", employeeId(9999)));
    assertEquals(missing, other);
    assertTrue(other.contains("NOT_FOUND"), other);
    Map<String, Object> page =
        data(
            run(
                "{ employeeKpis(period: "
                    + JAN_INPUT
                    + ") { totalCount"
                    + " edges { node { employee { name departments { name head { name } } } } } } }",
                Map.of()),
            "employeeKpis");
    assertEquals(1, page.get("totalCount"));
    Map<String, Object> me = map(map(list(page, "edges").get(0), "node"), "employee");
    assertEquals("Имя7 Фамилия007", me.get("name"));
    // his department's head is someone else: hidden
    assertNull(map(list(me, "departments").get(0), "head"));
    assertTrue(
        errorOf("{ departmentKpis(period: " + JAN_INPUT + ") { currency } }", Map.of())
            .contains("FORBIDDEN"));
  }

  @Test
  void updateKpiSettings_filtersTheDeals_refusesUnknownPipelines_andWritesNothingThen() {
    String settings = "{ kpiSettings { pipelines dealTypes sources } }";
    assertEquals(List.of(), data(run(settings, Map.of()), "kpiSettings").get("pipelines"));
    assertEquals("1602.00", valueOf(card(8), "sales_volume"));

    Map<String, Object> refused = updateSettings("[0, 77]", "[\"SALE\"]");
    List<Map<String, Object>> errors = list(refused, "errors");
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(List.of("input", "pipelines", "1"), errors.get(0).get("field"));
    assertNull(refused.get("kpiSettings"));
    assertEquals(List.of(), data(run(settings, Map.of()), "kpiSettings").get("dealTypes"));
    assertEquals("1602.00", valueOf(card(8), "sales_volume"), "nothing was applied");

    // the fixture's deals have no type: only SALE deals count now, so none
    Map<String, Object> saved = updateSettings("[0]", "[\"SALE\"]");
    assertTrue(list(saved, "errors").isEmpty(), saved.toString());
    assertEquals(List.of("SALE"), map(saved, "kpiSettings").get("dealTypes"));
    assertEquals("0.00", valueOf(card(8), "sales_volume"));
    assertEquals("0", valueOf(card(8), "deals_won"));

    updateSettings("[]", "[]");
    assertEquals("1602.00", valueOf(card(8), "sales_volume"));
  }

  @Test
  void importKpiPlans_setsTheTemplateCells_orNothingWithTheCellNamed() throws Exception {
    byte[] template =
        new PlanTemplate(new Plans(connection, Plans.jdbcAudit(connection, null, NOW), NOW))
            .build(JAN);
    byte[] bad = fillTemplate(template, 9, "sales_volume", -1);
    Map<String, Object> refused = importPlans(bad);
    assertEquals(0, refused.get("imported"));
    List<Map<String, Object>> errors = list(refused, "errors");
    assertFalse(errors.isEmpty());
    assertTrue(
        String.valueOf(errors.get(0).get("message")).matches("^[A-Z]+[0-9]+: .*"),
        errors.toString());
    assertNull(planOf(card(9), "sales_volume"));

    // the template carries the period's plans already set: they are imported again, unchanged
    int before = janPlanCount();
    Map<String, Object> imported = importPlans(fillTemplate(template, 9, "sales_volume", 2000));
    assertTrue(list(imported, "errors").isEmpty(), imported.toString());
    assertEquals(before + 1, imported.get("imported"));
    assertEquals(before + 1, janPlanCount());
    assertEquals("2000.0000", planOf(card(9), "sales_volume"));
    // employee 9: 900.50 + 901.50 = 1 802.00 of 2 000 = 90.1 %
    assertEquals("90.1000", attainmentOf(card(9), "sales_volume"));
  }

  static int janPlanCount() {
    return (Integer)
        data(run("{ kpiPlans(period: " + JAN_INPUT + ") { totalCount } }", Map.of()), "kpiPlans")
            .get("totalCount");
  }

  Map<String, Object> updateSettings(String pipelines, String dealTypes) {
    return data(
        run(
            "mutation { updateKpiSettings(input: {pipelines: "
                + pipelines
                + ", dealTypes: "
                + dealTypes
                + ", sources: []}) { kpiSettings { pipelines dealTypes sources }"
                + " errors { field code message } } }",
            Map.of()),
        "updateKpiSettings");
  }

  Map<String, Object> importPlans(byte[] xlsx) {
    return data(
        run(
            "mutation($f: String!) { importKpiPlans(input: {period: "
                + JAN_INPUT
                + ", fileBase64: $f}) { imported errors { field code message } } }",
            Map.of("f", java.util.Base64.getEncoder().encodeToString(xlsx))),
        "importKpiPlans");
  }

  /** The template with one employee's cell of one KPI set, found by the hidden code row. */
  static byte[] fillTemplate(byte[] template, long employee, String kpi, double value)
      throws java.io.IOException {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(template))) {
      org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("План");
      org.apache.poi.ss.usermodel.Row codes = sheet.getRow(1);
      int column = -1;
      for (int c = 3; c < codes.getLastCellNum(); c++) {
        if (kpi.equals(codes.getCell(c).getStringCellValue())) {
          column = c;
        }
      }
      assertTrue(column > 0, kpi + " has no column");
      boolean found = false;
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        if (row != null
            && row.getCell(1) != null
            && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
            && (long) row.getCell(1).getNumericCellValue() == employee
            && row.getCell(0).getStringCellValue().startsWith("Сотрудник")) {
          row.getCell(column).setCellValue(value);
          found = true;
        }
      }
      assertTrue(found, "employee " + employee + " is not in the template");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  // ---------------------------------------------------------------------------------------------

  static void admin() {
    caller = new KpiCaller(new ActiveTenant(tenant, consultancy, null), true, true, null);
  }

  Map<String, Object> card(long employee) {
    return data(
        run(
            "query($id: ID!) { employeeKpiCard(employeeId: $id, period: "
                + JAN_INPUT
                + ") { values { kpi { code } value plan attainment } } }",
            Map.of("id", employeeId(employee))),
        "employeeKpiCard");
  }

  Map<String, Object> setPlans(String cells) {
    return data(
        run(
            "mutation { setKpiPlans(input: {period: "
                + JAN_INPUT
                + ", cells: "
                + cells
                + "}) { plans { kpi { code } target actual attainment } errors { field code message } } }",
            Map.of()),
        "setKpiPlans");
  }

  static Object planOf(Map<String, Object> card, String code) {
    return field(card, code, "plan");
  }

  static Object attainmentOf(Map<String, Object> card, String code) {
    return field(card, code, "attainment");
  }

  static Object valueOf(Map<String, Object> card, String code) {
    return field(card, code, "value");
  }

  static Object field(Map<String, Object> card, String code, String field) {
    for (Map<String, Object> v : list(card, "values")) {
      if (code.equals(map(v, "kpi").get("code"))) {
        return v.get(field);
      }
    }
    throw new AssertionError("no " + code + " in " + card);
  }

  static String employeeId(long id) {
    return GlobalIds.encode(GlobalIds.EMPLOYEE, tenant, id);
  }

  static String departmentId(long id) {
    return GlobalIds.encode(GlobalIds.DEPARTMENT, tenant, id);
  }

  static ExecutionResult run(String query, Map<String, Object> variables) {
    return engine.execute(
        new GraphQlRequest(query, null, variables), new RequestContext(CorrelationId.generate()));
  }

  String errorOf(String query, Map<String, Object> variables) {
    ExecutionResult result = run(query, variables);
    assertFalse(result.getErrors().isEmpty(), "expected an error");
    return result.toSpecification().get("errors").toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(ExecutionResult result, String field) {
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    Map<String, Object> data = (Map<String, Object>) result.getData();
    return field == null ? data : (Map<String, Object>) data.get(field);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String field) {
    return (Map<String, Object>) m.get(field);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> m, String field) {
    return (List<Map<String, Object>>) m.get(field);
  }

  /** The connection, counting every statement executed on it. */
  static Connection counting(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            KpiGraphQlIT.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (result instanceof Statement statement) {
                Class<?> type =
                    result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(
                    KpiGraphQlIT.class.getClassLoader(),
                    new Class<?>[] {type},
                    (p, m, a) -> {
                      if (m.getName().startsWith("execute")) {
                        statements.incrementAndGet();
                      }
                      return invoke(statement, m, a);
                    });
              }
              return result;
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static void department(Connection c, long id, String name, Long parent, long head)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_department (tenant_id, id, name, parent_id, head_user_id, sort,"
            + " synced_at) VALUES (premia_current_tenant(), ?, ?, ?, ?, ?, now())",
        id,
        name,
        parent,
        head,
        (int) id);
  }

  static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  static void context(Connection c, UUID tenantId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.consultancy_id', ?, true)")) {
      s.setString(1, tenantId.toString());
      s.setString(2, consultancy.toString());
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
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }
}
