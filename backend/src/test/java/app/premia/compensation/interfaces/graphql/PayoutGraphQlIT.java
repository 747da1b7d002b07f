package app.premia.compensation.interfaces.graphql;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.PayoutRunApproved;
import app.premia.compensation.application.PayrollFixture;
import app.premia.kpi.interfaces.graphql.KpiSchema;
import app.premia.platform.info.ServerInfoSchema;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import graphql.ExecutionResult;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code payouts.graphqls} executed by the real GraphQL engine against the real PostgreSQL ({@link
 * PayrollFixture}), each request in its own committed transaction — rolled back when it answers
 * errors, as {@code /graphql} does: the four eyes, exactly one of 100 concurrent approvals, an
 * approved run that no mutation changes, the manager's own view, inquiries.
 */
class PayoutGraphQlIT {

  PayrollFixture fixture;
  CompensationGraphQl graphQl;
  UUID alice;
  UUID bob;
  UUID carol;
  final List<PayoutRunApproved> approvals = new CopyOnWriteArrayList<>();

  @BeforeEach
  void fixture() throws Exception {
    fixture = new PayrollFixture();
    fixture.remeasure();
    alice = PayrollFixture.user("Алиса");
    bob = PayrollFixture.user("Борис Админ");
    carol = PayrollFixture.user("Карина Бухгалтер");
    graphQl = new CompensationGraphQl(fixture);
    Event<PayoutRunApproved> event =
        CompensationGraphQl.proxy(
            Event.class,
            "fire",
            args -> {
              approvals.add((PayoutRunApproved) args[0]);
              return null;
            });
    PayoutSchema payouts = graphQl.wired(new PayoutSchema());
    CompensationPreviewGraphQlIT.inject(payouts, "approvedEvent", event);
    graphQl.engine(
        List.of(
            new ServerInfoSchema(),
            new KpiSchema(),
            graphQl.wired(new CompensationSchema()),
            new CompensationPreviewSchema(),
            payouts));
  }

  CompensationCaller admin(UUID user) {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, user), true, true, null);
  }

  CompensationCaller accountant() {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, carol), false, true, null);
  }

  CompensationCaller manager(long employee) {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, alice), false, false, employee);
  }

  ExecutionResult as(CompensationCaller who, String query, Map<String, Object> variables)
      throws SQLException {
    return graphQl.as(who, query, variables);
  }

  /** Whether a payload answered errors (the request is then rolled back, as /graphql does). */
  static boolean userErrors(ExecutionResult result) {
    if (!(result.getData() instanceof Map<?, ?> data)) {
      return false;
    }
    return data.values().stream()
        .anyMatch(
            v -> v instanceof Map<?, ?> m && m.get("errors") instanceof List<?> l && !l.isEmpty());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(ExecutionResult result, String field) {
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    return (Map<String, Object>) ((Map<String, Object>) result.getData()).get(field);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object m, String field) {
    return (List<Map<String, Object>>) ((Map<String, Object>) m).get(field);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object m, String field) {
    return (Map<String, Object>) ((Map<String, Object>) m).get(field);
  }

  static final String RUN =
      " { run { id status revision canApprove employees baseTotal variableTotal adjustmentTotal"
          + " total preparedBy approvedBy paidOn paymentReference exports { kind href }"
          + " statements { id employee { name } total } } errors { field code message } } }";

  String prepare(CompensationCaller who, String month) throws SQLException {
    Map<String, Object> payload =
        data(
            as(
                who,
                "mutation($m: Date!) { preparePayoutRun(input: {month: $m})" + RUN,
                Map.of("m", month)),
            "preparePayoutRun");
    assertTrue(list(payload, "errors").isEmpty(), payload.toString());
    return (String) map(payload, "run").get("id");
  }

  Map<String, Object> approve(CompensationCaller who, String run) throws SQLException {
    return data(
        as(
            who,
            "mutation($id: ID!) { approvePayoutRun(input: {runId: $id})" + RUN,
            Map.of("id", run)),
        "approvePayoutRun");
  }

  @Test
  void thePreparerIsRefused_oneOfAHundredConcurrentApprovalsWins_andNothingChangesTheApprovedRun()
      throws Exception {
    String run = prepare(admin(alice), "2026-03-01");
    Map<String, Object> shown =
        data(
            as(
                admin(alice),
                "query($id: ID!) { payoutRun(id: $id) { canApprove total } }",
                Map.of("id", run)),
            "payoutRun");
    assertEquals(false, shown.get("canApprove"));
    assertEquals("120500.00", shown.get("total"));
    Map<String, Object> own = approve(admin(alice), run);
    assertEquals("FORBIDDEN", list(own, "errors").get(0).get("code"));
    assertTrue(
        ((String) list(own, "errors").get(0).get("message")).contains("другой администратор"));

    int callers = 100;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  Map<String, Object> p = approve(admin(bob), run);
                  return list(p, "errors").isEmpty()
                      ? (String) map(p, "run").get("status")
                      : (String) list(p, "errors").get(0).get("code");
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : outcomes) {
        results.add(f.get(3, TimeUnit.MINUTES));
      }
      assertEquals(1, results.stream().filter("APPROVED"::equals).count(), results.toString());
      assertEquals(callers - 1, results.stream().filter("CONFLICT"::equals).count());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, approvals.size(), "one approval, one notification round");
    assertEquals(2, approvals.get(0).messages().size());
    assertTrue(
        approvals.get(0).messages().get(ANNA).contains("60\u00A0000,00\u00A0₽"),
        approvals.get(0).messages().get(ANNA));
    assertEquals(
        "120500.00", scalar("SELECT sum(amount)::text FROM pay_ledger WHERE kind = 'ACCRUAL'"));

    String before = dump();
    // no mutation changes the approved run: prepare again, approve again, a manager's inquiry
    Map<String, Object> again =
        data(
            as(
                admin(bob),
                "mutation { preparePayoutRun(input: {month: \"2026-03-15\"})" + RUN,
                Map.of()),
            "preparePayoutRun");
    assertEquals("CONFLICT", list(again, "errors").get(0).get("code"));
    assertEquals("CONFLICT", list(approve(admin(bob), run), "errors").get(0).get("code"));
    Map<String, Object> unpaid =
        data(
            as(
                accountant(),
                "mutation($id: ID!) { markPayoutRunPaid(input: {runId: $id, paidOn: \"2026-04-05\","
                    + " reference: \"\"})"
                    + RUN,
                Map.of("id", run)),
            "markPayoutRunPaid");
    assertEquals(List.of("input", "reference"), list(unpaid, "errors").get(0).get("field"));
    assertEquals(before, dump(), "refused mutations changed nothing");

    Map<String, Object> paid =
        data(
            as(
                accountant(),
                "mutation($id: ID!) { markPayoutRunPaid(input: {runId: $id, paidOn: \"2026-04-05\","
                    + " reference: \"ПП-42\"})"
                    + RUN,
                Map.of("id", run)),
            "markPayoutRunPaid");
    assertTrue(list(paid, "errors").isEmpty(), paid.toString());
    assertEquals("PAID", map(paid, "run").get("status"));
    assertEquals("ПП-42", map(paid, "run").get("paymentReference"));
    assertEquals(
        "120500.00", scalar("SELECT sum(amount)::text FROM pay_ledger WHERE kind = 'PAYMENT'"));
    // a manager may not prepare, approve or mark paid
    ExecutionResult refused =
        as(
            manager(ANNA),
            "mutation { preparePayoutRun(input: {month: \"2026-02-01\"})" + RUN,
            Map.of());
    assertEquals("FORBIDDEN", refused.getErrors().get(0).getExtensions().get("code"));
  }

  @Test
  void aManagerSeesHisOwnStatement_withTheDealsBehindALine_andRaisesAnInquiryTheAdminAnswers()
      throws Exception {
    String run = prepare(admin(alice), "2026-03-01");
    approve(admin(bob), run);
    Map<String, Object> mine =
        data(
            as(
                manager(ANNA),
                "{ myPayouts { employee { name } statements { id total period { start } }"
                    + " estimate { total nextThreshold { componentName current target percent"
                    + " description } } } }",
                Map.of()),
            "myPayouts");
    List<Map<String, Object>> statements = list(mine, "statements");
    assertEquals(1, statements.size(), mine.toString());
    // April is open: the gate «sales volume > 100 000» is ahead of her, with its progress
    Map<String, Object> threshold = map(map(mine, "estimate"), "nextThreshold");
    assertEquals("Премия с объёма продаж", threshold.get("componentName"), mine.toString());
    assertEquals(
        "100000", new java.math.BigDecimal((String) threshold.get("target")).toPlainString());
    java.math.BigDecimal current = new java.math.BigDecimal((String) threshold.get("current"));
    assertTrue(current.compareTo(new java.math.BigDecimal("100000")) < 0, threshold.toString());
    assertEquals(
        current
            .multiply(java.math.BigDecimal.valueOf(100))
            .divide(new java.math.BigDecimal("100000"), 0, java.math.RoundingMode.FLOOR)
            .intValue(),
        threshold.get("percent"));
    assertTrue(
        ((String) threshold.get("description")).contains("до порога 100\u00A0000,00\u00A0₽"),
        threshold.toString());
    assertEquals("60000.00", statements.get(0).get("total"));
    String statementId = (String) statements.get(0).get("id");
    Map<String, Object> statement =
        data(
            as(
                manager(ANNA),
                "query($id: ID!) { statement(id: $id) { total lines { id kind name amount"
                    + " explanation deals { id amount wonOn } } } }",
                Map.of("id", statementId)),
            "statement");
    Map<String, Object> bonus = list(statement, "lines").get(1);
    assertEquals("COMPONENT", bonus.get("kind"));
    assertEquals("10000.00", bonus.get("amount"));
    assertEquals(
        List.of("9003", "9004"), list(bonus, "deals").stream().map(d -> d.get("id")).toList());
    assertFalse(((List<?>) bonus.get("explanation")).isEmpty());

    // Boris's statement is not hers: NOT_FOUND like an id that does not exist
    String boris =
        (String)
            list(
                    data(
                        as(
                            admin(bob),
                            "query($id: ID!) { payoutRun(id: $id) { statements { id employee { name } } } }",
                            Map.of("id", run)),
                        "payoutRun"),
                    "statements")
                .stream()
                .filter(s -> map(s, "employee").get("name").equals("Борис"))
                .findFirst()
                .orElseThrow()
                .get("id");
    ExecutionResult foreign =
        as(manager(ANNA), "query($id: ID!) { statement(id: $id) { id } }", Map.of("id", boris));
    assertEquals("NOT_FOUND", foreign.getErrors().get(0).getExtensions().get("code"));
    assertEquals(
        "NOT_FOUND",
        as(
                manager(BORIS),
                "query($id: ID!) { statement(id: $id) { id } }",
                Map.of("id", statementId))
            .getErrors()
            .get(0)
            .getExtensions()
            .get("code"));

    Map<String, Object> raised =
        data(
            as(
                manager(ANNA),
                "mutation($l: ID!) { raiseInquiry(input: {lineId: $l, comment: \"Где сделка 9005?\"})"
                    + " { inquiry { id status lineName messages { side text } } errors { code } } }",
                Map.of("l", bonus.get("id"))),
            "raiseInquiry");
    Map<String, Object> inquiry = map(raised, "inquiry");
    assertEquals("OPEN", inquiry.get("status"));
    // Boris does not see her inquiry; the admin does and answers with a correction
    List<?> borisSees =
        (List<?>)
            ((Map<?, ?>) as(manager(BORIS), "{ inquiries { id } }", Map.of()).getData())
                .get("inquiries");
    assertTrue(borisSees.isEmpty(), borisSees.toString());
    Map<String, Object> answered =
        data(
            as(
                admin(bob),
                "mutation($q: ID!) { answerInquiry(input: {inquiryId: $q, answer: \"Доплатим\","
                    + " correction: \"1500.50\"}) { inquiry { status correction messages { side"
                    + " text } } errors { code } } }",
                Map.of("q", inquiry.get("id"))),
            "answerInquiry");
    assertEquals("ANSWERED", map(answered, "inquiry").get("status"));
    assertEquals("1500.50", map(answered, "inquiry").get("correction"));
    assertEquals(
        List.of("MANAGER", "ADMIN"),
        list(map(answered, "inquiry"), "messages").stream().map(m -> m.get("side")).toList());
    ExecutionResult runs = as(manager(ANNA), "{ payoutRuns { id } }", Map.of());
    assertEquals("FORBIDDEN", runs.getErrors().get(0).getExtensions().get("code"));
  }

  String dump() throws SQLException {
    return scalar(
        "SELECT (SELECT string_agg(r::text, '|' ORDER BY r.id) FROM pay_run r) || '#' ||"
            + " (SELECT string_agg(s::text, '|' ORDER BY s.id) FROM pay_statement s) || '#' ||"
            + " (SELECT string_agg(l::text, '|' ORDER BY l.id) FROM pay_statement_line l) || '#' ||"
            + " (SELECT string_agg(g::text, '|' ORDER BY g.id) FROM pay_ledger g)");
  }

  String scalar(String sql) throws SQLException {
    try (Connection c = fixture.tenantConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
