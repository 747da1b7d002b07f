package app.premia.compensation.application;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.APRIL;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.PayoutStore.LineRow;
import app.premia.compensation.application.PayoutStore.RunRow;
import app.premia.compensation.application.PayoutStore.StatementRow;
import app.premia.kpi.application.KpiFeedService;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payout runs against the real schema ({@link PayrollFixture}: 5 % of sales volume above 100 000,
 * base 50 000; Anna 300 000 in January, 80 000 in February, 150 000 + 50 000 in March; Boris 120
 * 000 in January, 210 000 in March; today is 2026-04-10). Every use case runs as the runtime role
 * under row-level security and commits, so what is checked is what another transaction sees.
 */
class PayoutsIT {

  static final KpiFeedService FEED = new KpiFeedService();
  static final LocalDate JAN = LocalDate.of(2026, 1, 1);
  static final LocalDate FEB = LocalDate.of(2026, 2, 1);
  static final LocalDate MAR = LocalDate.of(2026, 3, 1);

  PayrollFixture fixture;
  UUID alice;
  UUID bob;

  @BeforeEach
  void fixture() throws SQLException {
    fixture = new PayrollFixture();
    alice = user("alice");
    bob = user("bob");
    remeasure();
  }

  UUID user(String name) throws SQLException {
    return PayrollFixture.user(name);
  }

  void remeasure() throws SQLException {
    fixture.remeasure();
  }

  interface Work<T> {
    T run(Payouts payouts) throws SQLException;
  }

  <T> T inTenant(Work<T> work) throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      try {
        T result =
            work.run(
                new Payouts(new PayoutStore(c, fixture.tenant), fixture.catalog(c), FEED, APRIL));
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  Map<UUID, List<LineRow>> lines(RunRow run) throws SQLException {
    return inTenant(
        p -> {
          List<UUID> ids = p.store().statements(run.id()).stream().map(StatementRow::id).toList();
          return p.store().lines(ids);
        });
  }

  StatementRow statementOf(RunRow run, long employee) throws SQLException {
    return inTenant(
        p ->
            p.store().statements(run.id()).stream()
                .filter(s -> s.employeeId() == employee)
                .findFirst()
                .orElseThrow());
  }

  @Test
  void aDraft_hasOneStatementPerEmployee_withExplainedLines_andTheDealsBehindThem()
      throws SQLException {
    RunRow run = inTenant(p -> p.prepare(MAR.plusDays(5), alice, "ru"));
    assertEquals("DRAFT", run.status());
    assertEquals(2, run.employees());
    // base 2 × 50 000; variable 5 % × 200 000 + 5 % × 210 000
    assertEquals(new BigDecimal("100000.00"), run.baseTotal());
    assertEquals(new BigDecimal("20500.00"), run.variableTotal());
    assertEquals(new BigDecimal("120500.00"), run.total());

    StatementRow anna = statementOf(run, ANNA);
    assertEquals(new BigDecimal("60000.00"), anna.total());
    List<LineRow> lines = lines(run).get(anna.id());
    assertEquals(List.of("BASE", "COMPONENT"), lines.stream().map(LineRow::kind).toList());
    LineRow bonus = lines.get(1);
    assertEquals(new BigDecimal("10000.00"), bonus.amount());
    assertFalse(bonus.explanation().isEmpty());
    assertEquals(
        List.of(9003L, 9004L), bonus.deals().stream().map(PayoutStore.DealRef::id).toList());
    assertEquals(new BigDecimal("150000.00"), bonus.deals().get(0).amount().setScale(2));
    // February paid Anna nothing (80 000 is not above 100 000) and Boris nothing: no previous run
    assertEquals(null, anna.previousTotal());
  }

  @Test
  void theDraftFollowsTheData_andAFailureHalfWayLeavesNoRun() throws SQLException {
    // a failure after the draft was written rolls everything back: no run at all
    assertThrows(
        IllegalStateException.class,
        () ->
            inTenant(
                p -> {
                  p.prepare(MAR, alice, "ru");
                  throw new IllegalStateException("crash after writing");
                }));
    assertTrue(inTenant(p -> p.store().runs()).isEmpty());

    RunRow first = inTenant(p -> p.prepare(MAR, alice, "ru"));
    try (Connection c = fixture.tenantConnection()) {
      PayrollFixture.deal(c, 9100, BORIS, "100000", LocalDate.of(2026, 3, 30));
      c.commit();
    }
    remeasure();
    assertEquals(1, inTenant(Payouts::recomputeDrafts));
    RunRow again = inTenant(p -> p.store().run(first.id()).orElseThrow());
    assertEquals(2, again.revision());
    assertEquals(alice, again.preparedBy(), "an automatic recomputation keeps the preparer");
    assertEquals(new BigDecimal("25500.00"), again.variableTotal());
  }

  @Test
  void thePreparerCannotApprove_anotherAdminCan_once_andTheLedgerTakesTheLines()
      throws SQLException {
    RunRow run = inTenant(p -> p.prepare(MAR, alice, "ru"));
    BusinessRuleException own =
        assertThrows(
            BusinessRuleException.class, () -> inTenant(p -> p.approve(run.id(), alice, "ru")));
    assertEquals(UserError.Code.FORBIDDEN, own.errors().get(0).code());

    RunRow approved = inTenant(p -> p.approve(run.id(), bob, "ru"));
    assertEquals("APPROVED", approved.status());
    assertEquals(bob, approved.approvedBy());
    BusinessRuleException twice =
        assertThrows(
            BusinessRuleException.class, () -> inTenant(p -> p.approve(run.id(), bob, "ru")));
    assertEquals(UserError.Code.CONFLICT, twice.errors().get(0).code());
    assertEquals(
        new BigDecimal("120500.00"),
        scalar("SELECT sum(amount) FROM pay_ledger WHERE kind = 'ACCRUAL'"));

    // the database keeps the four eyes too, whatever the code does
    try (Connection c = fixture.tenantConnection()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  PayrollFixture.execute(
                      c,
                      "INSERT INTO pay_run (id, tenant_id, period_start, status, revision,"
                          + " computed_at, prepared_by, approved_by, approved_at, employees,"
                          + " base_total, variable_total, adjustment_total, total) VALUES (?,"
                          + " premia_current_tenant(), '2026-02-01', 'APPROVED', 1, now(), ?, ?,"
                          + " now(), 0, 0, 0, 0, 0)",
                      UUID.randomUUID(),
                      alice,
                      alice));
      assertEquals("23514", e.getSQLState(), e.getMessage());
    }

    // paid: a payment per statement
    BusinessRuleException noReference =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.markPaid(run.id(), LocalDate.of(2026, 4, 5), " ", bob, "ru")));
    assertEquals("reference", noReference.errors().get(0).field().get(1));
    RunRow paid = inTenant(p -> p.markPaid(run.id(), LocalDate.of(2026, 4, 5), "ПП-17", bob, "ru"));
    assertEquals("PAID", paid.status());
    assertEquals(
        new BigDecimal("120500.00"),
        scalar("SELECT sum(amount) FROM pay_ledger WHERE kind = 'PAYMENT'"));
  }

  @Test
  void approvedRunsStatementsAndTheLedger_refuseUpdateAndDelete_asTheRuntimeRoleAndTheOwner()
      throws SQLException {
    RunRow run = inTenant(p -> p.prepare(MAR, alice, "ru"));
    inTenant(p -> p.approve(run.id(), bob, "ru"));
    List<String> attacks =
        List.of(
            "UPDATE pay_run SET total = total + 1",
            "UPDATE pay_run SET status = 'DRAFT'",
            "DELETE FROM pay_run",
            "UPDATE pay_statement SET total = total + 1",
            "DELETE FROM pay_statement",
            "UPDATE pay_statement_line SET amount = amount + 1",
            "DELETE FROM pay_statement_line",
            "UPDATE pay_ledger SET amount = amount + 1",
            "DELETE FROM pay_ledger");
    fixture.assertRefusedToEveryRole(attacks);
    // adding a line to an approved run is refused as well
    try (Connection c = fixture.tenantConnection()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  PayrollFixture.execute(
                      c,
                      "INSERT INTO pay_statement_line (id, tenant_id, run_id, statement_id,"
                          + " position, kind, line_key, name_ru, name_en, period_kind,"
                          + " period_start, amount, paid, explanation, deals) SELECT ?,"
                          + " tenant_id, run_id, id, 99, 'COMPONENT', 'x', 'x', 'x', 'MONTH',"
                          + " '2026-03-01', 1, true, '[]', '[]' FROM pay_statement LIMIT 1",
                      UUID.randomUUID()));
      assertEquals("42501", e.getSQLState());
    }
  }

  @Test
  void aDealLostAfterApproval_yieldsExactlyOneClawback_andTheApprovedStatementStaysByteIdentical()
      throws SQLException {
    RunRow january = inTenant(p -> p.prepare(JAN, alice, "ru"));
    inTenant(p -> p.approve(january.id(), bob, "ru"));
    String before = dump(january.id());

    // Anna's January deal 9001 (300 000) is lost in the portal
    try (Connection c = fixture.tenantConnection()) {
      PayrollFixture.execute(
          c,
          "UPDATE crm_deal SET stage_semantic = 'F', stage_id = 'LOSE', modified_at = now()"
              + " WHERE id = 9001");
      c.commit();
    }
    remeasure();

    RunRow february = inTenant(p -> p.prepare(FEB, alice, "ru"));
    StatementRow anna = statementOf(february, ANNA);
    List<LineRow> adjustments =
        lines(february).get(anna.id()).stream().filter(l -> l.kind().equals("ADJUSTMENT")).toList();
    assertEquals(1, adjustments.size(), adjustments.toString());
    LineRow clawback = adjustments.get(0);
    assertEquals(new BigDecimal("-15000.00"), clawback.amount());
    assertEquals("volume_bonus", clawback.key());
    assertEquals(JAN, clawback.period().firstDay());
    assertEquals(1, clawback.deals().size());
    assertEquals(9001L, clawback.deals().get(0).id());
    assertEquals("LOST", clawback.deals().get(0).change());
    assertTrue(clawback.reason().ru().contains("проиграна"), clawback.reason().ru());
    assertEquals(new BigDecimal("-15000.00"), anna.adjustments());
    // Boris's January is untouched: no adjustment for him
    assertTrue(
        lines(february).get(statementOf(february, BORIS).id()).stream()
            .noneMatch(l -> l.kind().equals("ADJUSTMENT")));
    assertEquals(before, dump(january.id()), "the approved January statement is unchanged");

    // once February is approved the ledger holds the new amount: March finds nothing to adjust
    inTenant(p -> p.approve(february.id(), bob, "ru"));
    RunRow march = inTenant(p -> p.prepare(MAR, alice, "ru"));
    assertEquals(new BigDecimal("0.00"), march.adjustmentTotal());
    assertEquals(before, dump(january.id()));
  }

  @Test
  void hundredConcurrentApprovals_produceExactlyOne() throws Exception {
    RunRow run = inTenant(p -> p.prepare(MAR, alice, "ru"));
    int callers = 100;
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    inTenant(p -> p.approve(run.id(), bob, "ru"));
                    return "APPROVED";
                  } catch (BusinessRuleException e) {
                    return e.errors().get(0).code().name();
                  }
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : outcomes) {
        results.add(f.get(2, TimeUnit.MINUTES));
      }
      assertEquals(1, results.stream().filter("APPROVED"::equals).count(), results.toString());
      assertEquals(callers - 1, results.stream().filter("CONFLICT"::equals).count());
    } finally {
      pool.shutdownNow();
    }
    // one approval booked once
    assertEquals(
        new BigDecimal("120500.00"),
        scalar("SELECT sum(amount) FROM pay_ledger WHERE kind = 'ACCRUAL'"));
  }

  @Test
  void anInquiry_isRaisedByTheManagerOnHisOwnApprovedLine_andAnsweredWithACorrection()
      throws SQLException {
    RunRow january = inTenant(p -> p.prepare(JAN, alice, "ru"));
    UUID annaLine = lines(january).get(statementOf(january, ANNA).id()).get(1).id();
    // not on a draft
    BusinessRuleException draft =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.raiseInquiry(ANNA, annaLine, "почему?", alice, "ru")));
    assertEquals(UserError.Code.NOT_FOUND, draft.errors().get(0).code());
    inTenant(p -> p.approve(january.id(), bob, "ru"));
    // not on somebody else's line
    BusinessRuleException foreign =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.raiseInquiry(BORIS, annaLine, "почему?", alice, "ru")));
    assertEquals(UserError.Code.NOT_FOUND, foreign.errors().get(0).code());
    BusinessRuleException empty =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.raiseInquiry(ANNA, annaLine, "  ", alice, "ru")));
    assertEquals(UserError.Code.REQUIRED, empty.errors().get(0).code());

    PayoutStore.InquiryRow raised =
        inTenant(p -> p.raiseInquiry(ANNA, annaLine, "Не учтена сделка 9001?", alice, "ru"));
    assertEquals("OPEN", raised.status());
    PayoutStore.InquiryRow answered =
        inTenant(
            p ->
                p.answerInquiry(
                    new Payouts.InquiryAnswer(
                        raised.id(), "Доплатим 1 000 ₽", new BigDecimal("1000")),
                    bob,
                    "ru"));
    assertEquals("ANSWERED", answered.status());
    assertEquals(new BigDecimal("1000.00"), answered.correction());
    Map<UUID, List<PayoutStore.MessageRow>> thread =
        inTenant(p -> p.store().messages(List.of(raised.id())));
    assertEquals(
        List.of("MANAGER", "ADMIN"),
        thread.get(raised.id()).stream().map(PayoutStore.MessageRow::side).toList());

    // the correction lands in the next draft once, and only once after that run is approved
    RunRow february = inTenant(p -> p.prepare(FEB, alice, "ru"));
    assertEquals(new BigDecimal("1000.00"), february.adjustmentTotal());
    inTenant(p -> p.approve(february.id(), bob, "ru"));
    RunRow march = inTenant(p -> p.prepare(MAR, alice, "ru"));
    assertEquals(new BigDecimal("0.00"), march.adjustmentTotal());
  }

  @Test
  void personnelNumbers_areUniquePerCompany_andValidated() throws SQLException {
    inTenant(p -> p.saveProfile(ANNA, "00017", "ООО «Альфа»", "ru"));
    BusinessRuleException taken =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.saveProfile(BORIS, "00017", null, "ru")));
    assertEquals(UserError.Code.DUPLICATE, taken.errors().get(0).code());
    BusinessRuleException bad =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(p -> p.saveProfile(BORIS, "17; DROP", null, "ru")));
    assertEquals(UserError.Code.INVALID, bad.errors().get(0).code());
    RunRow run = inTenant(p -> p.prepare(MAR, alice, "ru"));
    assertEquals("00017", statementOf(run, ANNA).personnelNumber());
  }

  @Test
  void theEstimate_ofTheCurrentMonth_andTheNextThreshold() throws SQLException {
    // April: nothing sold yet; the gate is «> 100 000»
    try (Connection c = fixture.tenantConnection()) {
      PayrollFixture.deal(c, 9200, ANNA, "40000", LocalDate.of(2026, 4, 2));
      c.commit();
    }
    remeasure();
    Payouts.Estimate estimate = inTenant(p -> p.estimate(ANNA)).orElseThrow();
    assertEquals(LocalDate.of(2026, 4, 1), estimate.month().firstDay());
    assertEquals(new BigDecimal("50000.00"), estimate.total());
    var next = estimate.next().orElseThrow();
    assertEquals(new BigDecimal("100000"), next.target());
    assertEquals(40, next.percent());
    assertTrue(next.description().ru().startsWith("Ещё 60"), next.description().ru());
    assertNotNull(inTenant(p -> p.estimate(PayrollFixture.VERA)));
    assertTrue(inTenant(p -> p.estimate(PayrollFixture.VERA)).isEmpty(), "Vera is on no scheme");
  }

  /** The approved run's statements and lines as text, in a fixed order. */
  String dump(UUID runId) throws SQLException {
    try (Connection c = fixture.tenantConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT (SELECT string_agg(x::text, '|' ORDER BY x.id) FROM pay_statement x"
                    + " WHERE x.run_id = ?) || '#' || (SELECT string_agg(l::text, '|' ORDER BY"
                    + " l.id) FROM pay_statement_line l WHERE l.run_id = ?) || '#' || (SELECT"
                    + " r::text FROM pay_run r WHERE r.id = ?)")) {
      s.setObject(1, runId);
      s.setObject(2, runId);
      s.setObject(3, runId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  BigDecimal scalar(String sql) throws SQLException {
    try (Connection c = fixture.tenantConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }
}
