package app.premia.compensation.interfaces.graphql;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.APRIL;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.PayrollFixture;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.WhatIfJob;
import app.premia.compensation.application.WhatIfRuns;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.kpi.api.EmployeeIds;
import app.premia.kpi.application.KpiFeedService;
import app.premia.kpi.interfaces.graphql.KpiSchema;
import app.premia.kpi.interfaces.graphql.PlanSchema;
import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.graphql.GraphQlEngine;
import app.premia.platform.graphql.GraphQlRequest;
import app.premia.platform.graphql.RequestContext;
import app.premia.platform.info.ServerInfoSchema;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import graphql.ExecutionResult;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compensation-preview.graphqls} executed by the real GraphQL engine (with the KPI and
 * compensation contributions whose types it uses) against the real PostgreSQL, plain JDBC like
 * {@code KpiGraphQlIT}: the preview's fields as the editor reads them, the what-if run queued by
 * the mutation and read back after the job, and the refusals (a manager, a foreign id).
 */
class CompensationPreviewGraphQlIT {

  static PayrollFixture fixture;
  static Connection connection;
  static GraphQlEngine engine;
  static CompensationCaller caller;
  static final List<Synchronization> afterCommit = new ArrayList<>();

  @BeforeAll
  static void fixture() throws Exception {
    fixture = new PayrollFixture();
    connection = fixture.tenantConnection();
    TenantAccess access =
        (TenantAccess)
            Proxy.newProxyInstance(
                TenantAccess.class.getClassLoader(),
                new Class<?>[] {TenantAccess.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("compensationCaller")) {
                    return caller;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    EntityManager em =
        (EntityManager)
            Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                    return connection;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    TransactionSynchronizationRegistry registry =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                TransactionSynchronizationRegistry.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("registerInterposedSynchronization")) {
                    afterCommit.add((Synchronization) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    KpiFeedService feed = new KpiFeedService();

    WhatIfRuns runs = new WhatIfRuns();
    inject(runs, "em", em);
    inject(runs, "feed", feed);
    inject(runs, "clock", APRIL);
    inject(runs, "registry", registry);
    CompensationSchema schemes = new CompensationSchema();
    inject(schemes, "access", access);
    inject(schemes, "em", em);
    inject(schemes, "clock", APRIL);
    inject(schemes, "feed", feed);
    CompensationPreviewSchema previews = new CompensationPreviewSchema();
    inject(previews, "access", access);
    inject(previews, "em", em);
    inject(previews, "clock", APRIL);
    inject(previews, "feed", feed);
    inject(previews, "runs", runs);
    engine =
        new GraphQlEngine(
            List.of(new ServerInfoSchema(), new KpiSchema(), new PlanSchema(), schemes, previews),
            RuntimeProfile.TEST);
  }

  @BeforeEach
  void admin() {
    caller =
        new CompensationCaller(
            new ActiveTenant(fixture.tenant, fixture.consultancy, null), true, true, null);
  }

  @AfterEach
  void end() throws SQLException {
    connection.commit();
  }

  static void inject(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  static ExecutionResult run(String query, Map<String, Object> variables) {
    return engine.execute(
        new GraphQlRequest(query, null, variables), new RequestContext(CorrelationId.generate()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(ExecutionResult result, String field) {
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    return (Map<String, Object>) ((Map<String, Object>) result.getData()).get(field);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object m, String field) {
    return (Map<String, Object>) ((Map<String, Object>) m).get(field);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object m, String field) {
    return (List<Map<String, Object>>) ((Map<String, Object>) m).get(field);
  }

  /** A definition as a client sends it in variables (JSON: decimals and dates as strings). */
  static Map<String, Object> variables(SchemeDefinition definition) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) json(SchemeCodec.toMap(definition));
    return map;
  }

  static Object json(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> result = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> result.put((String) k, json(v)));
      return result;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(CompensationPreviewGraphQlIT::json).toList();
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof java.time.LocalDate d) {
      return d.toString();
    }
    return value;
  }

  static String schemeId() {
    return CompensationIds.encode(CompensationIds.SCHEME, fixture.tenant, fixture.scheme);
  }

  static final String PREVIEW =
      "query($input: SchemePreviewInput!) { schemePreview(input: $input) {"
          + " errors { field code message }"
          + " preview { month { kind start end closed } currentTotal editedTotal"
          + "  rows { employee { id name department active } delta"
          + "   current { baseSalary variablePay total notes"
          + "    lines { componentKey componentName period { start } amount paid explanation } }"
          + "   edited { variablePay lines { amount explanation } } }"
          + "  boundaries { componentKey componentName title measureValue outcome amount } } } }";

  @Test
  void schemePreview_answersTheEditorsFields() {
    Map<String, Object> input =
        Map.of(
            "schemeId",
            schemeId(),
            "month",
            "2026-01-01",
            "definition",
            variables(PayrollFixture.percent("7")));

    Map<String, Object> payload = data(run(PREVIEW, Map.of("input", input)), "schemePreview");

    assertEquals(List.of(), payload.get("errors"));
    Map<String, Object> preview = map(payload, "preview");
    assertEquals("MONTH", map(preview, "month").get("kind"));
    assertEquals("2026-01-01", map(preview, "month").get("start"));
    assertEquals(Boolean.TRUE, map(preview, "month").get("closed"));
    // 15 000 + 6 000 now; 21 000 + 8 400 edited (see PreviewIT)
    assertEquals("21000.00", preview.get("currentTotal"));
    assertEquals("29400.00", preview.get("editedTotal"));
    List<Map<String, Object>> rows = list(preview, "rows");
    assertEquals(2, rows.size());
    Map<String, Object> anna = rows.get(0);
    assertEquals("Анна", map(anna, "employee").get("name"));
    assertEquals(
        EmployeeIds.encode(fixture.tenant, ANNA),
        map(anna, "employee").get("id"),
        "the KPI API's employee id");
    assertEquals("6000.00", anna.get("delta"));
    assertEquals("15000.00", map(anna, "current").get("variablePay"));
    assertEquals("65000.00", map(anna, "current").get("total"));
    Map<String, Object> line = list(map(anna, "current"), "lines").get(0);
    assertEquals("volume_bonus", line.get("componentKey"));
    assertEquals("2026-01-01", map(line, "period").get("start"));
    assertEquals(Boolean.TRUE, line.get("paid"));
    assertFalse(((List<?>) line.get("explanation")).isEmpty(), "explained");
    assertEquals("21000.00", map(anna, "edited").get("variablePay"));
    assertEquals("Борис", map(rows.get(1), "employee").get("name"));
    List<Map<String, Object>> boundaries = list(preview, "boundaries");
    assertEquals(3, boundaries.size());
    assertEquals("100000.00", boundaries.get(1).get("measureValue"));
    assertTrue(((String) boundaries.get(1).get("title")).contains("100"), "names the threshold");
  }

  @Test
  void schemePreview_invalidDefinition_answersErrorsWithInputPaths() {
    Map<String, Object> definition =
        new java.util.HashMap<>(variables(PayrollFixture.percent("5")));
    definition.put("baseSalary", "-1");
    Map<String, Object> payload =
        data(
            run(PREVIEW, Map.of("input", Map.of("schemeId", schemeId(), "definition", definition))),
            "schemePreview");
    assertNull(payload.get("preview"));
    Map<String, Object> error = list(payload, "errors").get(0);
    assertEquals(List.of("input", "definition", "baseSalary"), error.get("field"));
    assertEquals("INVALID", error.get("code"));
  }

  @Test
  void aManager_isForbidden_andAForeignSchemeIsNotFound() {
    caller =
        new CompensationCaller(
            new ActiveTenant(fixture.tenant, fixture.consultancy, null), false, false, ANNA);
    Map<String, Object> input =
        Map.of("schemeId", schemeId(), "definition", variables(PayrollFixture.percent("5")));
    ExecutionResult refused = run(PREVIEW, Map.of("input", input));
    assertTrue(refused.toSpecification().get("errors").toString().contains("FORBIDDEN"));

    admin();
    Map<String, Object> foreign =
        Map.of(
            "schemeId",
            CompensationIds.encode(CompensationIds.SCHEME, UUID.randomUUID(), fixture.scheme),
            "definition",
            variables(PayrollFixture.percent("5")));
    Map<String, Object> payload = data(run(PREVIEW, Map.of("input", foreign)), "schemePreview");
    assertEquals("NOT_FOUND", list(payload, "errors").get(0).get("code"));
  }

  @Test
  void startWhatIf_queues_andWhatIfRun_readsTheDoneRun() throws SQLException {
    String version =
        CompensationIds.encode(CompensationIds.VERSION, fixture.tenant, fixture.v1.id());
    Map<String, Object> payload =
        data(
            run(
                "mutation($input: StartWhatIfInput!) { startWhatIf(input: $input) {"
                    + " errors { field code } run { id status months progressDone progressTotal"
                    + " version { id number } } } }",
                Map.of("input", Map.of("versionId", version, "months", 3))),
            "startWhatIf");
    assertEquals(List.of(), payload.get("errors"));
    Map<String, Object> queued = map(payload, "run");
    assertEquals("QUEUED", queued.get("status"));
    assertEquals(3, queued.get("progressTotal"));
    assertEquals(version, map(queued, "version").get("id"));
    assertEquals(1, afterCommit.size(), "the job starts once the request commits");
    connection.commit();

    // the job as the worker runs it (each month its own committed unit), then read over GraphQL
    UUID runId =
        CompensationIds.decode(
            CompensationPreviewSchema.WHAT_IF_RUN, fixture.tenant, queued.get("id"));
    WhatIfJob.Units units =
        new WhatIfJob.Units() {
          @Override
          public <T> T inTransaction(WhatIfJob.Work<T> work) {
            try (Connection c = fixture.tenantConnection()) {
              T result = work.run(c, new SchemeStore(c, fixture.tenant));
              c.commit();
              return result;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    assertEquals("DONE", new WhatIfJob(units, new KpiFeedService(), APRIL).run(runId));

    Map<String, Object> done =
        data(
            run(
                "query($id: ID!) { whatIfRun(id: $id) { status progressDone progressTotal"
                    + " finishedAt error totalCost currentCost baseSalaryTotal bonusSharePercent"
                    + " monthly { month { start } variablePay currentVariablePay baseSalary"
                    + " employees }"
                    + " employees { employee { id name } variablePay baseSalary bonusSharePercent } } }",
                Map.of("id", queued.get("id"))),
            "whatIfRun");
    assertEquals("DONE", done.get("status"));
    assertEquals(3, done.get("progressDone"));
    // v1 replayed against itself: January 21 000, February 0, March 10 000 + 10 500 = 20 500;
    // base 2 × 50 000 × 3 = 300 000; 41 500 ÷ 300 000 × 100 = 13.8333 %
    assertEquals("341500.00", done.get("totalCost"));
    assertEquals("341500.00", done.get("currentCost"));
    assertEquals("300000.00", done.get("baseSalaryTotal"));
    assertEquals("13.8333", done.get("bonusSharePercent"));
    List<Map<String, Object>> monthly = list(done, "monthly");
    assertEquals("2026-01-01", map(monthly.get(0), "month").get("start"));
    assertEquals("21000.00", monthly.get(0).get("variablePay"));
    assertEquals(2, monthly.get(0).get("employees"));
    Map<String, Object> anna = list(done, "employees").get(0);
    assertEquals(EmployeeIds.encode(fixture.tenant, ANNA), map(anna, "employee").get("id"));
    // Anna: 15 000 + 0 + 10 000 = 25 000 of 150 000: 16.6667 %
    assertEquals("25000.00", anna.get("variablePay"));
    assertEquals("16.6667", anna.get("bonusSharePercent"));
    assertEquals(
        EmployeeIds.encode(fixture.tenant, BORIS),
        map(list(done, "employees").get(1), "employee").get("id"));

    // a run id of another tenant answers NOT_FOUND, like an id that does not exist
    ExecutionResult foreign =
        run(
            "query($id: ID!) { whatIfRun(id: $id) { status } }",
            Map.of(
                "id",
                CompensationIds.encode(
                    CompensationPreviewSchema.WHAT_IF_RUN, UUID.randomUUID(), runId)));
    assertEquals(1, foreign.getErrors().size(), foreign.getErrors().toString());
    assertEquals(
        "NOT_FOUND",
        String.valueOf(foreign.getErrors().get(0).getExtensions().get("code")),
        foreign.getErrors().toString());
  }

  @Test
  void startWhatIf_refusesMonthsOutOfRange() {
    String version =
        CompensationIds.encode(CompensationIds.VERSION, fixture.tenant, fixture.v1.id());
    Map<String, Object> payload =
        data(
            run(
                "mutation($input: StartWhatIfInput!) { startWhatIf(input: $input) {"
                    + " errors { field code } run { id } } }",
                Map.of("input", Map.of("versionId", version, "months", 37))),
            "startWhatIf");
    assertNull(payload.get("run"));
    assertEquals(List.of("input", "months"), list(payload, "errors").get(0).get("field"));
  }
}
