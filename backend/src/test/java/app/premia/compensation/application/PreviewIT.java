package app.premia.compensation.application;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.APRIL;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static app.premia.compensation.application.PayrollFixture.VERA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.application.KpiFeedService;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live preview against the real schema ({@link PayrollFixture}): an edited rate changes each
 * named employee's amount by the hand-computed difference; invalid definitions answer with input
 * paths; open months are refused; a closed month's result does not change when a newer version is
 * published later.
 */
class PreviewIT {

  static PayrollFixture fixture;
  static final KpiFeedService FEED = new KpiFeedService();

  @BeforeAll
  static void fixture() throws SQLException {
    fixture = new PayrollFixture();
  }

  static Previews.Outcome preview(Map<String, Object> definition, LocalDate month)
      throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      Previews.Outcome outcome =
          new Previews(FEED, APRIL)
              .preview(c, fixture.catalog(c), fixture.scheme, definition, month, "ru");
      c.rollback();
      return outcome;
    }
  }

  @Test
  void editedRate_changesEachNamedEmployee_byTheHandComputedDifference() throws SQLException {
    // the edit: 7 % instead of 5 %, the gate (> 100 000) unchanged; January
    Previews.Outcome outcome =
        preview(SchemeCodec.toMap(PayrollFixture.percent("7")), LocalDate.of(2026, 1, 1));

    assertEquals(List.of(), outcome.errors());
    Previews.Preview preview = outcome.preview();
    assertEquals(KpiPeriod.month(2026, 1), preview.month());
    Map<Long, Previews.Row> rows =
        preview.rows().stream().collect(Collectors.toMap(r -> r.employee().employeeId(), r -> r));
    assertEquals(Map.of(ANNA, 1, BORIS, 1).keySet(), rows.keySet(), "the assigned, not Vera");

    // Anna: 300 000 × 5 % = 15 000; × 7 % = 21 000; delta 6 000
    assertAmount("15000.00", rows.get(ANNA).current().variablePay());
    assertAmount("21000.00", rows.get(ANNA).edited().variablePay());
    assertAmount("6000.00", rows.get(ANNA).delta());
    // Boris: 120 000 × 5 % = 6 000; × 7 % = 8 400; delta 2 400
    assertAmount("6000.00", rows.get(BORIS).current().variablePay());
    assertAmount("8400.00", rows.get(BORIS).edited().variablePay());
    assertAmount("2400.00", rows.get(BORIS).delta());
    // totals: 21 000 now, 29 400 edited
    assertAmount("21000.00", preview.currentTotal());
    assertAmount("29400.00", preview.editedTotal());
    assertEquals("Анна", rows.get(ANNA).employee().name());
    // the gate's boundary: just below, at and just above 100 000 (money steps by a kopeck); only
    // above it does the component pay: 100 000.01 × 7 % = 7 000.0007 → 7 000.00
    assertEquals(
        List.of(
            new BigDecimal("99999.99"), new BigDecimal("100000.00"), new BigDecimal("100000.01")),
        preview.boundaries().stream().map(b -> b.measureValue()).toList());
    assertEquals(new BigDecimal("7000.00"), preview.boundaries().get(2).amount());
    assertEquals(0, preview.boundaries().get(1).amount().signum(), "exactly at: not > 100 000");
    assertAmount("50000.00", rows.get(ANNA).edited().baseSalary());
  }

  @Test
  void defaultMonth_isTheLastClosedOne_andOpenMonthsAreRefused() throws SQLException {
    Previews.Outcome march = preview(SchemeCodec.toMap(PayrollFixture.percent("5")), null);
    assertEquals(KpiPeriod.month(2026, 3), march.preview().month());
    Map<Long, Previews.Row> rows =
        march.preview().rows().stream()
            .collect(Collectors.toMap(r -> r.employee().employeeId(), r -> r));
    // the same definition: no delta; Anna 200 000 × 5 % = 10 000, Boris 210 000 × 5 % = 10 500
    assertAmount("10000.00", rows.get(ANNA).edited().variablePay());
    assertAmount("10500.00", rows.get(BORIS).edited().variablePay());
    assertAmount("0.00", rows.get(ANNA).delta());

    Previews.Outcome april =
        preview(SchemeCodec.toMap(PayrollFixture.percent("5")), LocalDate.of(2026, 4, 1));
    assertNull(april.preview());
    assertEquals(List.of("input", "month"), april.errors().get(0).field());
  }

  @Test
  void invalidDefinition_answersWithInputPaths_andEvaluatesNothing() throws SQLException {
    Map<String, Object> definition = new HashMap<>(SchemeCodec.toMap(PayrollFixture.percent("5")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> components = (List<Map<String, Object>>) definition.get("components");
    Map<String, Object> component = new HashMap<>(components.get(0));
    @SuppressWarnings("unchecked")
    Map<String, Object> rule = new HashMap<>((Map<String, Object>) component.get("rule"));
    rule.put("ratePercent", "150");
    component.put("rule", rule);
    definition.put("components", List.of(component));

    Previews.Outcome outcome = preview(definition, null);

    assertNull(outcome.preview());
    assertFalse(outcome.errors().isEmpty());
    UserError error = outcome.errors().get(0);
    assertEquals(
        List.of("input", "definition", "components", "0", "rule", "ratePercent"), error.field());
    assertEquals(UserError.Code.INVALID, error.code());
  }

  @Test
  void unknownScheme_isNotFound() throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      Previews.Outcome outcome =
          new Previews(FEED, APRIL)
              .preview(
                  c,
                  fixture.catalog(c),
                  UUID.randomUUID(),
                  SchemeCodec.toMap(PayrollFixture.percent("5")),
                  null,
                  "ru");
      assertEquals(UserError.Code.NOT_FOUND, outcome.errors().get(0).code());
      c.rollback();
    }
  }

  @Test
  void closedMonth_keepsItsResult_afterANewerVersionIsPublished() throws SQLException {
    // a tenant of its own: the version published here must not touch the other tests
    PayrollFixture own = new PayrollFixture();
    KpiPeriod january = KpiPeriod.month(2026, 1);
    List<EmployeeResult> before = january(own, january);

    // v2 effective March (January + 2): 9 %; January must still pay under v1 (5 %)
    var v2 = own.publish(LocalDate.of(2026, 3, 1), PayrollFixture.percent("9"));
    List<EmployeeResult> after = january(own, january);

    assertEquals(before, after, "identical lines, amounts and explanations");
    assertAmount(
        "15000.00",
        after.stream().filter(r -> r.employeeId() == ANNA).findFirst().orElseThrow().variablePay());
    // and March is paid under v2: Anna 200 000 × 9 % = 18 000
    try (Connection c = own.tenantConnection()) {
      Payroll payroll = payroll(own, c, KpiPeriod.month(2026, 3));
      Payroll.MonthRun run = payroll.run(own.scheme, KpiPeriod.month(2026, 3), List.of());
      assertEquals(v2.id(), run.inForce().orElseThrow().id());
      assertAmount(
          "18000.00",
          payroll.current(run).stream()
              .filter(r -> r.employeeId() == ANNA)
              .findFirst()
              .orElseThrow()
              .variablePay());
      c.rollback();
    }
  }

  static List<EmployeeResult> january(PayrollFixture f, KpiPeriod month) throws SQLException {
    try (Connection c = f.tenantConnection()) {
      Payroll payroll = payroll(f, c, month);
      List<EmployeeResult> results = payroll.current(payroll.run(f.scheme, month, List.of()));
      c.rollback();
      assertTrue(results.stream().noneMatch(r -> r.employeeId() == VERA));
      return results;
    }
  }

  static Payroll payroll(PayrollFixture f, Connection c, KpiPeriod month) throws SQLException {
    return new Payroll(
        f.catalog(c),
        new Engine(FEED.catalogue()),
        new PayrollFacts(
            FEED.read(c, Payroll.periodsFor(f.catalog(c), f.scheme, month, List.of()))));
  }

  static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(new BigDecimal(expected), actual);
  }
}
