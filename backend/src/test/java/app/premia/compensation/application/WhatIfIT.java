package app.premia.compensation.application;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.APRIL;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.application.KpiFeedService;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The what-if job against the real schema ({@link PayrollFixture}): each month its own committed
 * unit (the progress seen from another connection moves 1, 2, 3), the totals are the sums of the
 * engine's monthly results, the hand-computed figures, and failures end FAILED with the safe
 * message and no result.
 */
class WhatIfIT {

  static final KpiFeedService FEED = new KpiFeedService();

  /** A tenant per test: a scheme has at most one draft. */
  PayrollFixture fixture;

  @BeforeEach
  void fixture() throws SQLException {
    fixture = new PayrollFixture();
  }

  /** Units as the EJB runs them: one committed transaction each, on a fresh connection. */
  WhatIfJob.Units units(List<Integer> progressSeen, UUID run) {
    return new WhatIfJob.Units() {
      @Override
      public <T> T inTransaction(WhatIfJob.Work<T> work) {
        try (Connection c = fixture.tenantConnection()) {
          T result = work.run(c, fixture.catalog(c));
          c.commit();
          progressSeen.add(read(run).progressDone());
          return result;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  WhatIfStore.Run queue(UUID version, int months) throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      WhatIfStore.Run run = new WhatIfStore(c).queue(version, months, null, APRIL.instant());
      c.commit();
      return run;
    }
  }

  WhatIfStore.Run read(UUID run) throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      WhatIfStore.Run found = new WhatIfStore(c).find(run).orElseThrow();
      c.rollback();
      return found;
    }
  }

  @Test
  void threeMonths_progressMoves_andTotalsAreTheMonthlyEngineResultsSummed() throws SQLException {
    // replay a draft of 7 % (gate > 100 000 unchanged) against v1's 5 %
    VersionView draft = fixture.draft(PayrollFixture.percent("7"));
    WhatIfStore.Run queued = queue(draft.id(), 3);
    assertEquals("QUEUED", queued.status());
    List<Integer> progress = new ArrayList<>();

    String status = new WhatIfJob(units(progress, queued.id()), FEED, APRIL).run(queued.id());

    assertEquals("DONE", status);
    // after the start unit 0, after each month 1, 2, 3, after the finishing unit 3
    assertEquals(List.of(0, 1, 2, 3, 3), progress);
    WhatIfStore.Run done = read(queued.id());
    assertEquals("DONE", done.status());
    assertEquals(3, done.progressDone());
    assertEquals(3, done.progressTotal());
    assertNotNull(done.finishedAt());
    WhatIfResult result = done.result();
    assertEquals(
        List.of(KpiPeriod.month(2026, 1), KpiPeriod.month(2026, 2), KpiPeriod.month(2026, 3)),
        result.months().stream().map(WhatIfResult.Month::month).toList());

    // the same months through Payroll and the engine directly, summed here
    BigDecimal variable = BigDecimal.ZERO;
    BigDecimal current = BigDecimal.ZERO;
    BigDecimal base = BigDecimal.ZERO;
    for (KpiPeriod month : result.months().stream().map(WhatIfResult.Month::month).toList()) {
      try (Connection c = fixture.tenantConnection()) {
        Payroll payroll =
            new Payroll(
                fixture.catalog(c),
                new Engine(FEED.catalogue()),
                new PayrollFacts(
                    FEED.read(
                        c,
                        Payroll.periodsFor(
                            fixture.catalog(c),
                            fixture.scheme,
                            month,
                            List.of(draft.definition())))));
        Payroll.MonthRun run = payroll.run(fixture.scheme, month, List.of(draft.definition()));
        for (EmployeeResult r : payroll.under(draft.definition(), run)) {
          variable = variable.add(r.variablePay());
          base = base.add(r.baseSalary());
        }
        for (EmployeeResult r : payroll.current(run)) {
          current = current.add(r.variablePay()).add(r.baseSalary());
        }
        c.rollback();
      }
    }
    assertEquals(variable, result.variablePayTotal());
    assertEquals(base, result.baseSalaryTotal());
    assertEquals(base.add(variable), result.totalCost());
    assertEquals(current, result.currentCost());

    // by hand — January: Anna 300 000 × 7 % = 21 000, Boris 120 000 × 7 % = 8 400 (now 15 000 +
    // 6 000); February: Anna 80 000 is not > 100 000, Boris sold nothing: 0; March: Anna 200 000 ×
    // 7 % = 14 000, Boris 210 000 × 7 % = 14 700 (now 10 000 + 10 500). Base 2 × 50 000 × 3.
    assertEquals(new BigDecimal("58100.00"), result.variablePayTotal());
    assertEquals(new BigDecimal("300000.00"), result.baseSalaryTotal());
    assertEquals(new BigDecimal("358100.00"), result.totalCost());
    assertEquals(new BigDecimal("341500.00"), result.currentCost());
    // 58 100 ÷ 300 000 × 100 = 19.36666… → 19.3667
    assertEquals(new BigDecimal("19.3667"), result.bonusSharePercent());
    WhatIfResult.Month january = result.months().get(0);
    assertEquals(new BigDecimal("29400.00"), january.variablePay());
    assertEquals(new BigDecimal("21000.00"), january.currentVariablePay());
    assertEquals(2, january.employees());
    Map<Long, WhatIfResult.Employee> employees =
        result.employees().stream()
            .collect(Collectors.toMap(WhatIfResult.Employee::employeeId, e -> e));
    // Anna: 21 000 + 0 + 14 000 = 35 000 of 150 000 base: 23.3333 %
    assertEquals(new BigDecimal("35000.00"), employees.get(ANNA).variablePay());
    assertEquals(new BigDecimal("25000.00"), employees.get(ANNA).currentVariablePay());
    assertEquals(new BigDecimal("23.3333"), employees.get(ANNA).bonusSharePercent());
    // Boris: 8 400 + 0 + 14 700 = 23 100 of 150 000: 15.4 %
    assertEquals(new BigDecimal("23100.00"), employees.get(BORIS).variablePay());
    assertEquals(new BigDecimal("15.4000"), employees.get(BORIS).bonusSharePercent());
  }

  @Test
  void aFailure_endsFailed_withTheSafeMessage_andNoResult() throws SQLException {
    // a version the catalogue does not know (deleted meanwhile): the job cannot start it
    VersionView draft = fixture.draft(PayrollFixture.percent("6"));
    WhatIfStore.Run queued = queue(draft.id(), 2);
    PayrollTestCatalog empty = new PayrollTestCatalog();
    WhatIfJob.Units units =
        new WhatIfJob.Units() {
          @Override
          public <T> T inTransaction(WhatIfJob.Work<T> work) {
            try (Connection c = fixture.tenantConnection()) {
              T result = work.run(c, empty);
              c.commit();
              return result;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        };

    assertEquals("FAILED", new WhatIfJob(units, FEED, APRIL).run(queued.id()));

    WhatIfStore.Run failed = read(queued.id());
    assertEquals("FAILED", failed.status());
    assertEquals(WhatIfJob.FAILED, failed.error());
    assertNull(failed.result());
    assertEquals(0, failed.progressDone());
    assertNotNull(failed.finishedAt());
  }

  @Test
  void aRunNotQueued_isNotRunAgain() throws SQLException {
    VersionView draft = fixture.draft(PayrollFixture.percent("8"));
    WhatIfStore.Run queued = queue(draft.id(), 1);
    List<Integer> progress = new ArrayList<>();
    assertEquals("DONE", new WhatIfJob(units(progress, queued.id()), FEED, APRIL).run(queued.id()));
    assertEquals(
        "SKIPPED", new WhatIfJob(units(progress, queued.id()), FEED, APRIL).run(queued.id()));
    assertEquals("DONE", read(queued.id()).status());
  }
}
