package app.premia.compensation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.FixedRule;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.KpiLookup;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.Subject;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who a scheme's monthly run is about and for which days: assignments ∩ the run's window ∩ the
 * version's validity ∩ employment; the fallback to everyone employed; the facts each participant
 * reads (his own, his team's). No engine is called here.
 */
class PayrollTest {

  static final KpiPeriod JAN = KpiPeriod.month(2026, 1);
  static final KpiPeriod FEB = KpiPeriod.month(2026, 2);
  static final KpiPeriod MAR = KpiPeriod.month(2026, 3);
  static final KpiPeriod Q1 = new KpiPeriod(KpiPeriodKind.QUARTER, LocalDate.of(2026, 1, 1));

  static final long ANNA = 1;
  static final long BORIS = 2;
  static final long VERA = 3; // hired 2026-01-20
  static final long GLEB = 4; // dismissed 2026-01-10 (his last day)
  static final long DINA = 5; // heads the sales department 10 and its team 11

  static final SchemeDefinition MONTHLY = definition(Frequency.MONTHLY);
  static final SchemeDefinition QUARTERLY = definition(Frequency.QUARTERLY);

  static SchemeDefinition definition(Frequency frequency) {
    return new SchemeDefinition(
        new BigDecimal("50000"),
        List.of(
            new Component(
                "fixed",
                "Фикс",
                frequency,
                Measure.self("sales_volume"),
                new FixedRule(new BigDecimal("1000")),
                List.of(),
                null,
                null)),
        null,
        null,
        null);
  }

  static PayrollFacts facts() {
    KpiPeriod q1 = Q1;
    return new PayrollFacts(
        new KpiFeed.Facts(
            List.of(
                new KpiFeed.EmployeeValue(
                    ANNA, JAN, "sales_volume", new BigDecimal("1250000.00"), 12, 1),
                new KpiFeed.EmployeeValue(ANNA, JAN, "average_deal", null, 0, 0)),
            List.of(
                new KpiFeed.DepartmentValue(
                    10, q1, "team_plan_fulfilment", new BigDecimal("104.5"), 30),
                new KpiFeed.DepartmentValue(
                    11, q1, "team_plan_fulfilment", new BigDecimal("80"), 9)),
            List.of(
                new KpiFeed.PlanTarget(false, ANNA, JAN, "sales_volume", new BigDecimal("1000000")),
                new KpiFeed.PlanTarget(true, 10, q1, "sales_volume", new BigDecimal("9000000"))),
            List.of(
                staff(ANNA, LocalDate.of(2020, 3, 1), null),
                staff(BORIS, LocalDate.of(2021, 1, 1), null),
                staff(VERA, LocalDate.of(2026, 1, 20), null),
                staff(GLEB, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 1, 10)),
                staff(DINA, LocalDate.of(2018, 1, 1), null)),
            List.of(
                // the team first: the head is measured on the higher department whatever the order
                new KpiFeed.Team(11, "Привлечение", 10L, DINA),
                new KpiFeed.Team(10, "Отдел продаж", 1L, DINA),
                new KpiFeed.Team(1, "Компания", null, null))));
  }

  static KpiFeed.Staff staff(long id, LocalDate hired, LocalDate fired) {
    return new KpiFeed.Staff(id, "E" + id, 10L, hired, fired, fired == null);
  }

  static Map<Long, Participant> byEmployee(List<Participant> participants) {
    return participants.stream()
        .collect(Collectors.toMap(Participant::employeeId, Function.identity()));
  }

  static Payroll payroll(PayrollTestCatalog catalog) {
    return new Payroll(catalog, new Engine(List.of()), facts());
  }

  @Test
  void assignmentDays_areClippedToTheMonth_andToEmployment() {
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID scheme = catalog.scheme("S");
    catalog.publish(scheme, LocalDate.of(2025, 1, 1), MONTHLY);
    catalog.assign(ANNA, scheme, LocalDate.of(2025, 6, 1), null);
    catalog.assign(BORIS, scheme, LocalDate.of(2026, 1, 16), null);
    catalog.assign(VERA, scheme, LocalDate.of(2026, 1, 1), null); // hired on the 20th
    catalog.assign(GLEB, scheme, LocalDate.of(2025, 1, 1), null); // last day the 10th
    catalog.assign(DINA, scheme, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)); // ended

    Map<Long, Participant> p =
        byEmployee(payroll(catalog).run(scheme, JAN, List.of()).participants());

    assertEquals(4, p.size(), "Dina's assignment ended before January: " + p.keySet());
    assertEquals(LocalDate.of(2026, 1, 1), p.get(ANNA).assignedFrom());
    assertEquals(LocalDate.of(2026, 1, 31), p.get(ANNA).assignedTo());
    assertEquals(LocalDate.of(2026, 1, 16), p.get(BORIS).assignedFrom(), "from his assignment");
    assertEquals(LocalDate.of(2026, 1, 20), p.get(VERA).assignedFrom(), "from her hire day");
    assertEquals(LocalDate.of(2026, 1, 20), p.get(VERA).hiredOn(), "adaptation counts from it");
    assertEquals(LocalDate.of(2026, 1, 1), p.get(GLEB).assignedFrom());
    assertEquals(LocalDate.of(2026, 1, 10), p.get(GLEB).assignedTo(), "to his dismissal day");
  }

  @Test
  void roleChangeMidMonth_makesTwoParticipants_inTwoSchemes() {
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID acquisition = catalog.scheme("Привлечение");
    UUID account = catalog.scheme("Работа с клиентами");
    catalog.publish(acquisition, LocalDate.of(2025, 1, 1), MONTHLY);
    catalog.publish(account, LocalDate.of(2025, 1, 1), MONTHLY);
    catalog.assign(ANNA, acquisition, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 15));
    catalog.assign(ANNA, account, LocalDate.of(2026, 1, 16), null);
    Payroll payroll = payroll(catalog);

    List<Participant> first = payroll.run(acquisition, JAN, List.of()).participants();
    List<Participant> second = payroll.run(account, JAN, List.of()).participants();

    assertEquals(1, first.size());
    assertEquals(LocalDate.of(2026, 1, 1), first.get(0).assignedFrom());
    assertEquals(LocalDate.of(2026, 1, 15), first.get(0).assignedTo(), "15 of 31 days");
    assertEquals(1, second.size());
    assertEquals(LocalDate.of(2026, 1, 16), second.get(0).assignedFrom());
    assertEquals(LocalDate.of(2026, 1, 31), second.get(0).assignedTo(), "16 of 31 days");
    assertEquals(ANNA, second.get(0).employeeId());
    // in February she is on the account scheme only
    assertTrue(payroll.run(acquisition, FEB, List.of()).participants().isEmpty());
    assertEquals(1, payroll.run(account, FEB, List.of()).participants().size());
  }

  @Test
  void versionInForce_isTheLatestEffectiveNotAfterTheMonth_andClosedMonthsKeepTheirs() {
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID scheme = catalog.scheme("S");
    var v1 = catalog.publish(scheme, LocalDate.of(2025, 1, 1), MONTHLY);
    catalog.assign(ANNA, scheme, LocalDate.of(2025, 1, 1), null);
    Payroll payroll = payroll(catalog);
    Payroll.MonthRun before = payroll.run(scheme, JAN, List.of());

    var v2 = catalog.publish(scheme, LocalDate.of(2026, 3, 1), QUARTERLY);
    catalog.draft(scheme, MONTHLY);
    Payroll.MonthRun after = payroll.run(scheme, JAN, List.of());

    assertEquals(v1.id(), after.inForce().orElseThrow().id(), "January keeps v1");
    assertEquals(
        before.participants().get(0).assignedFrom(), after.participants().get(0).assignedFrom());
    assertEquals(
        before.participants().get(0).assignedTo(), after.participants().get(0).assignedTo());
    assertEquals(v2.id(), payroll.run(scheme, MAR, List.of()).inForce().orElseThrow().id());
    assertTrue(
        payroll.run(scheme, KpiPeriod.month(2024, 12), List.of()).inForce().isEmpty(),
        "before the first version nothing is in force");
  }

  @Test
  void quarterlyComponent_widensTheWindow_butOnlyFromTheVersionsEffectiveDay() {
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID scheme = catalog.scheme("S");
    catalog.publish(scheme, LocalDate.of(2025, 1, 1), MONTHLY);
    catalog.publish(scheme, LocalDate.of(2026, 2, 1), QUARTERLY);
    catalog.assign(ANNA, scheme, LocalDate.of(2025, 1, 1), null);
    Payroll payroll = payroll(catalog);

    // March closes Q1: the quarterly v2 (in force from February 1st) covers February and March
    Participant march = payroll.run(scheme, MAR, List.of()).participants().get(0);
    assertEquals(LocalDate.of(2026, 2, 1), march.assignedFrom());
    assertEquals(LocalDate.of(2026, 3, 31), march.assignedTo());

    // an edited quarterly definition evaluated in a month of monthly v1 widens the window too, but
    // v1's validity ends on January 31st, so nothing changes in January (no quarter closes there)
    assertEquals(
        LocalDate.of(2026, 1, 1),
        payroll.run(scheme, JAN, List.of(QUARTERLY)).participants().get(0).assignedFrom());
    // v1 is valid until January 31st: its validity is what the catalogue's next version says
    var v1 = catalog.inForce(scheme, LocalDate.of(2026, 1, 1)).orElseThrow();
    assertEquals(
        new Participants.Days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31)),
        payroll.validity(scheme, v1));
  }

  @Test
  void windowStart_isTheEarliestPeriodClosingInTheMonth() {
    assertEquals(LocalDate.of(2026, 2, 1), Participants.windowStart(FEB, List.of(QUARTERLY)));
    assertEquals(
        LocalDate.of(2026, 1, 1), Participants.windowStart(MAR, List.of(MONTHLY, QUARTERLY)));
    assertEquals(
        LocalDate.of(2026, 1, 1),
        Participants.windowStart(KpiPeriod.month(2026, 12), List.of(definition(Frequency.ANNUAL))));
    assertEquals(
        LocalDate.of(2026, 10, 1),
        Participants.windowStart(KpiPeriod.month(2026, 12), List.of(QUARTERLY)));
  }

  @Test
  void nobodyAssigned_meansEveryoneEmployedInTheMonth() {
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID scheme = catalog.scheme("S");
    UUID other = catalog.scheme("Other");
    catalog.assign(ANNA, other, LocalDate.of(2025, 1, 1), null); // another scheme's
    Payroll payroll = payroll(catalog);

    Map<Long, Participant> jan =
        byEmployee(payroll.run(scheme, JAN, List.of(MONTHLY)).participants());
    Map<Long, Participant> feb =
        byEmployee(payroll.run(scheme, FEB, List.of(MONTHLY)).participants());

    assertEquals(
        List.of(ANNA, BORIS, VERA, GLEB, DINA), List.copyOf(new java.util.TreeSet<>(jan.keySet())));
    assertEquals(LocalDate.of(2026, 1, 10), jan.get(GLEB).assignedTo());
    assertFalse(feb.containsKey(GLEB), "dismissed in January");
    assertEquals(LocalDate.of(2026, 2, 1), feb.get(VERA).assignedFrom());
  }

  @Test
  void lookup_readsOwnValues_andTheHighestHeadedDepartmentForTeam() {
    PayrollFacts facts = facts();
    KpiLookup anna = facts.lookup(ANNA);
    assertEquals(
        new BigDecimal("1250000.00"), anna.value("sales_volume", Subject.SELF, JAN).number());
    assertEquals(12, anna.value("sales_volume", Subject.SELF, JAN).facts());
    assertEquals(1, anna.value("sales_volume", Subject.SELF, JAN).errors());
    assertFalse(
        anna.value("average_deal", Subject.SELF, JAN).defined(), "undefined stays undefined");
    assertFalse(anna.value("sales_volume", Subject.SELF, FEB).defined(), "unmeasured: undefined");
    assertFalse(anna.value("team_plan_fulfilment", Subject.TEAM, Q1).defined(), "heads nothing");
    assertEquals(new BigDecimal("1000000"), anna.plan("sales_volume", Subject.SELF, JAN));
    assertEquals(null, anna.plan("sales_volume", Subject.SELF, FEB));

    KpiLookup dina = facts.lookup(DINA);
    assertEquals(
        new BigDecimal("104.5"),
        dina.value("team_plan_fulfilment", Subject.TEAM, Q1).number(),
        "department 10, not its sub-department 11");
    assertEquals(new BigDecimal("9000000"), dina.plan("sales_volume", Subject.TEAM, Q1));
    assertTrue(facts.team(DINA).isPresent());
  }

  @Test
  void periodsFor_areTheMonthAndThePeriodsClosingInIt_eachWithTheOneBefore() {
    KpiPeriod q4 = new KpiPeriod(KpiPeriodKind.QUARTER, LocalDate.of(2025, 10, 1));
    assertEquals(
        List.of(KpiPeriod.month(2025, 12), JAN), Payroll.periodsFor(JAN, List.of(MONTHLY)));
    assertEquals(
        List.of(KpiPeriod.month(2025, 12), JAN),
        Payroll.periodsFor(JAN, List.of(QUARTERLY)),
        "Q1 does not close in January: not read");
    assertEquals(List.of(q4, Q1, FEB, MAR), Payroll.periodsFor(MAR, List.of(MONTHLY, QUARTERLY)));
    KpiPeriod dec = KpiPeriod.month(2026, 12);
    assertEquals(
        List.of(
            new KpiPeriod(KpiPeriodKind.YEAR, LocalDate.of(2025, 1, 1)),
            new KpiPeriod(KpiPeriodKind.YEAR, LocalDate.of(2026, 1, 1)),
            KpiPeriod.month(2026, 11),
            dec),
        Payroll.periodsFor(dec, List.of(definition(Frequency.ANNUAL))));

    // with the scheme: the version in force adds its own components' periods
    PayrollTestCatalog catalog = new PayrollTestCatalog();
    UUID scheme = catalog.scheme("S");
    catalog.publish(scheme, LocalDate.of(2025, 1, 1), QUARTERLY);
    assertEquals(
        List.of(q4, Q1, FEB, MAR), Payroll.periodsFor(catalog, scheme, MAR, List.of(MONTHLY)));
  }
}
