package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule kind and the scheme-level rules, with numbers worked by hand in the comments. */
class EngineTest {

  private static final Measure SALES = Measure.self("sales_volume");

  private static TieredRule progressive(TierMode mode, boolean inclusive) {
    // 0 → 3 %, 500 000 → 5 %, 1 000 000 → 7 %
    return new TieredRule(
        mode,
        List.of(
            new Tier(d("0"), true, d("3")),
            new Tier(d("500000"), inclusive, d("5")),
            new Tier(d("1000000"), inclusive, d("7"))));
  }

  private static BigDecimal pay(Rule rule, String sales) {
    return only(march(
            scheme("0", monthly("c", SALES, rule)),
            participant(1, lookup().value("sales_volume", MARCH, sales, 5))))
        .amount();
  }

  @Test
  void percentOfZeroIsZeroButPaid() {
    Line line =
        only(
            march(
                scheme("0", monthly("c", SALES, new PercentRule(d("5")))),
                participant(1, lookup().value("sales_volume", MARCH, "0", 0))));
    assertEquals(d("0.00"), line.amount());
    assertTrue(line.paid());
  }

  @Test
  void marginalTiersPayEachBandAtItsRate() {
    // 1 250 000: 500 000 × 3 % + 500 000 × 5 % + 250 000 × 7 % = 15 000 + 25 000 + 17 500 = 57 500
    assertEquals(d("57500.00"), pay(progressive(TierMode.MARGINAL, true), "1250000"));
    // 400 000: only the first band: 400 000 × 3 % = 12 000
    assertEquals(d("12000.00"), pay(progressive(TierMode.MARGINAL, true), "400000"));
    // exactly 500 000: 500 000 × 3 % = 15 000 whatever the inclusivity (marginal is continuous)
    assertEquals(d("15000.00"), pay(progressive(TierMode.MARGINAL, true), "500000"));
    assertEquals(d("15000.00"), pay(progressive(TierMode.MARGINAL, false), "500000"));
    Line line =
        only(
            march(
                scheme("0", monthly("c", SALES, progressive(TierMode.MARGINAL, true))),
                participant(1, lookup().value("sales_volume", MARCH, "1250000", 5))));
    assertTrue(
        ru(line)
            .contains(
                "Ступень от "
                    + rub("500 000,00")
                    + " до "
                    + rub("1 000 000,00")
                    + ": "
                    + rub("500 000,00")
                    + " × 5"
                    + NB
                    + "% = "
                    + rub("25 000,00")),
        ru(line));
    assertTrue(
        ru(line)
            .contains(
                "По ступеням: "
                    + rub("15 000,00")
                    + " + "
                    + rub("25 000,00")
                    + " + "
                    + rub("17 500,00")
                    + " = "
                    + rub("57 500,00")),
        ru(line));
  }

  @Test
  void marginalTiersStartingAboveZeroPayNothingBelow() {
    TieredRule r = new TieredRule(TierMode.MARGINAL, List.of(new Tier(d("100000"), true, d("10"))));
    // 150 000: (150 000 − 100 000) × 10 % = 5 000
    assertEquals(d("5000.00"), pay(r, "150000"));
    Line below =
        only(
            march(
                scheme("0", monthly("c", SALES, r)),
                participant(1, lookup().value("sales_volume", MARCH, "90000", 5))));
    assertEquals(d("0.00"), below.amount());
    assertTrue(ru(below).contains("Ниже первой ступени"), ru(below));
  }

  @Test
  void wholeTiersApplyTheReachedRateFromTheFirstRouble() {
    // 1 250 000 reached the 7 % tier: 1 250 000 × 7 % = 87 500
    assertEquals(d("87500.00"), pay(progressive(TierMode.WHOLE, true), "1250000"));
    // 700 000 × 5 % = 35 000
    assertEquals(d("35000.00"), pay(progressive(TierMode.WHOLE, true), "700000"));
  }

  @Test
  void wholeTierBoundInclusiveOrExclusive() {
    // inclusive: exactly 500 000 is in the 5 % tier: 25 000
    assertEquals(d("25000.00"), pay(progressive(TierMode.WHOLE, true), "500000"));
    // exclusive: exactly 500 000 stays in the 3 % tier: 15 000
    assertEquals(d("15000.00"), pay(progressive(TierMode.WHOLE, false), "500000"));
    // a kopeck above: 500 000,01 × 5 % = 25 000,0005 → 25 000,00
    assertEquals(d("25000.00"), pay(progressive(TierMode.WHOLE, false), "500000.01"));
  }

  @Test
  void wholeTiersBelowTheFirstPayNothing() {
    TieredRule r = new TieredRule(TierMode.WHOLE, List.of(new Tier(d("100000"), false, d("10"))));
    Line line =
        only(
            march(
                scheme("0", monthly("c", SALES, r)),
                participant(1, lookup().value("sales_volume", MARCH, "100000", 5))));
    assertEquals(d("0.00"), line.amount());
    assertTrue(
        ru(line).contains("не достигает первой ступени (> " + rub("100 000,00") + ")"), ru(line));
  }

  @Test
  void acceleratorAbovePlan() {
    // plan 1 000 000, actual 1 250 000: (1 250 000 − 1 000 000) × 10 % = 25 000
    AcceleratorRule r = new AcceleratorRule(AcceleratorMode.ABOVE_PLAN, d("10"), null);
    Lookup l =
        lookup().value("sales_volume", MARCH, "1250000", 5).plan("sales_volume", MARCH, "1000000");
    Line line = only(march(scheme("0", monthly("acc", SALES, r)), participant(1, l)));
    assertEquals(d("25000.00"), line.amount());
    assertTrue(
        ru(line)
            .contains(
                "Сверх плана: max(0; "
                    + rub("1 250 000,00")
                    + " − "
                    + rub("1 000 000,00")
                    + ") = "
                    + rub("250 000,00")),
        ru(line));
    // below plan: max(0, 900 000 − 1 000 000) = 0
    Lookup under =
        lookup().value("sales_volume", MARCH, "900000", 5).plan("sales_volume", MARCH, "1000000");
    assertEquals(
        d("0.00"),
        only(march(scheme("0", monthly("acc", SALES, r)), participant(1, under))).amount());
  }

  @Test
  void acceleratorWithoutAPlanPaysNothing() {
    AcceleratorRule r = new AcceleratorRule(AcceleratorMode.ABOVE_PLAN, d("10"), null);
    Line line =
        only(
            march(
                scheme("0", monthly("acc", SALES, r)),
                participant(1, lookup().value("sales_volume", MARCH, "1250000", 5))));
    assertFalse(line.paid());
    assertTrue(
        ru(line).contains("План по показателю «Объём продаж» на 2026-03 не задан"), ru(line));
  }

  @Test
  void acceleratorCurve() {
    // from 100 % ×1, from 120 % (exclusive) ×1.5
    AcceleratorRule r =
        new AcceleratorRule(
            AcceleratorMode.CURVE,
            d("5"),
            List.of(
                new CurveStep(d("100"), true, d("1")), new CurveStep(d("120"), false, d("1.5"))));
    // 1 250 000 ÷ 1 000 000 = 125 %: ×1.5; 1 250 000 × 5 % × 1.5 = 93 750
    assertEquals(d("93750.00"), curve(r, "1250000"));
    // exactly 120 %: the second step is exclusive, ×1: 1 200 000 × 5 % = 60 000
    assertEquals(d("60000.00"), curve(r, "1200000"));
    // exactly 100 %: inclusive, ×1: 1 000 000 × 5 % = 50 000
    assertEquals(d("50000.00"), curve(r, "1000000"));
    // 99,99 %: below the first step, ×0
    assertEquals(d("0.00"), curve(r, "999900"));
  }

  private static BigDecimal curve(AcceleratorRule r, String sales) {
    Lookup l =
        lookup().value("sales_volume", MARCH, sales, 5).plan("sales_volume", MARCH, "1000000");
    return only(march(scheme("0", monthly("acc", SALES, r)), participant(1, l))).amount();
  }

  @Test
  void formulaRule() {
    // MAX(0, 1 200 000 − 1 000 000) × 0.1 + base_salary × 0.01 = 20 000 + 500 = 20 500
    FormulaRule r =
        new FormulaRule("MAX(0, measure - plan_sales_volume) * 0.1 + base_salary * 0.01");
    Lookup l =
        lookup().value("sales_volume", MARCH, "1200000", 5).plan("sales_volume", MARCH, "1000000");
    Line line = only(march(scheme("50000", monthly("f", SALES, r)), participant(1, l)));
    assertEquals(d("20500.00"), line.amount());
    assertTrue(
        ru(line)
            .contains(
                "Переменные: measure = 1"
                    + NB
                    + "200"
                    + NB
                    + "000; plan_sales_volume = 1"
                    + NB
                    + "000"
                    + NB
                    + "000; base_salary = 50"
                    + NB
                    + "000"),
        ru(line));
  }

  @Test
  void formulaWithAnUndefinedVariablePaysNothing() {
    FormulaRule r = new FormulaRule("measure * 0.01 + prev_sales_volume * 0");
    Line line =
        only(
            march(
                scheme("0", monthly("f", SALES, r)),
                participant(1, lookup().value("sales_volume", MARCH, "100", 1))));
    assertFalse(line.paid());
    assertTrue(
        ru(line).contains("Переменная «prev_sales_volume» не определена (нет данных за 2026-02)"),
        ru(line));
  }

  @Test
  void formulaDivisionByZeroPaysNothingAndSaysWhy() {
    FormulaRule r = new FormulaRule("measure / deals_won");
    Lookup l = lookup().value("sales_volume", MARCH, "100", 1).value("deals_won", MARCH, "0", 0);
    Line line = only(march(scheme("0", monthly("f", SALES, r)), participant(1, l)));
    assertFalse(line.paid());
    assertEquals(d("0.00"), line.amount());
    assertTrue(ru(line).contains("Формула не вычислена: деление на ноль"), ru(line));
  }

  @Test
  void formulaMeasure() {
    // measure = sales_volume − repeat_sales = 1 000 000 − 400 000 = 600 000; × 2 % = 12 000
    Measure newSales = Measure.formula("sales_volume - repeat_sales");
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "1000000", 5)
            .value("repeat_sales", MARCH, "400000", 2);
    Line line =
        only(
            march(scheme("0", monthly("f", newSales, new PercentRule(d("2")))), participant(1, l)));
    assertEquals(d("12000.00"), line.amount());
  }

  @Test
  void negativeResultPaysZero() {
    // 100 − 1 000 = −900 → 0
    FormulaRule r = new FormulaRule("measure - 1000");
    Line line =
        only(
            march(
                scheme("0", monthly("f", SALES, r)),
                participant(1, lookup().value("sales_volume", MARCH, "100", 1))));
    assertEquals(d("0.00"), line.amount());
    assertTrue(line.paid());
    assertTrue(ru(line).contains("отрицательная сумма не начисляется"), ru(line));
  }

  @Test
  void negativeMeasureValueOnAPercentRulePaysZero() {
    // a money KPI can be negative after corrections: −5 000 × 5 % = −250 → 0
    assertEquals(d("0.00"), pay(new PercentRule(d("5")), "-5000"));
  }

  @Test
  void componentCapAndFloor() {
    // 2 000 000 × 5 % = 100 000, capped at 50 000
    Component capped = limited("c", SALES, new PercentRule(d("5")), d("50000"), null);
    Line line =
        only(
            march(
                scheme("0", capped),
                participant(1, lookup().value("sales_volume", MARCH, "2000000", 5))));
    assertEquals(d("50000.00"), line.amount());
    assertTrue(ru(line).contains("больше максимума компонента"), ru(line));
    // exactly at the cap: 1 000 000 × 5 % = 50 000, no cap step
    Line at =
        only(
            march(
                scheme("0", capped),
                participant(1, lookup().value("sales_volume", MARCH, "1000000", 5))));
    assertEquals(d("50000.00"), at.amount());
    assertFalse(ru(at).contains("максимума"), ru(at));
    // floor 5 000: 40 000 × 5 % = 2 000 → 5 000
    Component floored = limited("c", SALES, new PercentRule(d("5")), null, d("5000"));
    assertEquals(
        d("5000.00"),
        only(march(
                scheme("0", floored),
                participant(1, lookup().value("sales_volume", MARCH, "40000", 5))))
            .amount());
  }

  @Test
  void floorDoesNotApplyWhenTheGateIsClosedOrTheMeasureUndefined() {
    Component floored =
        limited(
            "c",
            SALES,
            new PercentRule(d("5")),
            null,
            d("5000"),
            gate("sales_volume", Comparator.GT, "1000000"));
    assertEquals(
        d("0.00"),
        only(march(
                scheme("0", floored),
                participant(1, lookup().value("sales_volume", MARCH, "40000", 5))))
            .amount());
    assertEquals(d("0.00"), only(march(scheme("0", floored), participant(1, lookup()))).amount());
  }

  @Test
  void gateComparators() {
    assertEquals(d("5000.00"), fixedWith(Comparator.GE, "70", "70"));
    assertEquals(d("0.00"), fixedWith(Comparator.GT, "70", "70"));
    assertEquals(d("5000.00"), fixedWith(Comparator.LE, "10", "10"));
    assertEquals(d("0.00"), fixedWith(Comparator.LT, "10", "10"));
    assertEquals(d("5000.00"), fixedWith(Comparator.LT, "10", "9.9999"));
    // a negative threshold: NPS −5 > −10
    assertEquals(d("5000.00"), fixedWith(Comparator.GT, "-10", "-5"));
  }

  private static BigDecimal fixedWith(Comparator comparator, String threshold, String nps) {
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "c",
                Measure.self("nps"),
                new FixedRule(d("5000")),
                gate("nps", comparator, threshold)));
    return only(march(s, participant(1, lookup().value("nps", MARCH, nps, 10)))).amount();
  }

  @Test
  void attainmentGateUsesThePlan() {
    // 1 100 000 ÷ 1 000 000 × 100 = 110 % ≥ 100 %: 10 000 fixed
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "c",
                SALES,
                new FixedRule(d("10000")),
                new Gate(SALES, GateBasis.ATTAINMENT_PERCENT, Comparator.GE, d("100"))));
    Lookup l =
        lookup().value("sales_volume", MARCH, "1100000", 5).plan("sales_volume", MARCH, "1000000");
    Line line = only(march(s, participant(1, l)));
    assertEquals(d("10000.00"), line.amount());
    assertTrue(
        ru(line)
            .contains(
                "Выполнение плана: "
                    + rub("1 100 000,00")
                    + " ÷ "
                    + rub("1 000 000,00")
                    + " × 100 = 110"
                    + NB
                    + "%"),
        ru(line));
    Line noPlan =
        only(march(s, participant(1, lookup().value("sales_volume", MARCH, "1100000", 5))));
    assertFalse(noPlan.paid());
    assertTrue(ru(noPlan).contains("плана нет"), ru(noPlan));
  }

  @Test
  void teamMeasureOfSomeoneWhoHeadsNoDepartmentIsUndefined() {
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "team",
                Measure.team("team_plan_fulfilment"),
                new FixedRule(d("50000")),
                new Gate(
                    Measure.team("team_plan_fulfilment"),
                    GateBasis.VALUE,
                    Comparator.GE,
                    d("100"))));
    Lookup l = lookup().team("team_plan_fulfilment", MARCH, "104.5", 30);
    Line notHead = only(march(s, participant(1, l)));
    assertFalse(notHead.paid());
    assertTrue(ru(notHead).contains("сотрудник не руководит отделом"), ru(notHead));
    Line head = only(march(s, head(2, l)));
    assertEquals(d("50000.00"), head.amount());
    assertTrue(
        ru(head).contains("Выполнение плана отдела за 2026-03: 104,5" + NB + "% (30 сделок)"),
        ru(head));
  }

  @Test
  void quarterlyComponentsPayInTheQuartersLastMonth() {
    Component q =
        new Component(
            "q",
            "Квартальная",
            Frequency.QUARTERLY,
            Measure.self("retention"),
            new FixedRule(d("30000")),
            List.of(new Gate(Measure.self("retention"), GateBasis.VALUE, Comparator.GE, d("80"))),
            null,
            null);
    SchemeDefinition s = scheme("100000", q);
    Lookup l = lookup().value("retention", Q1, "85", 20);
    // February: the quarter is not over, no line
    assertTrue(engine().evaluate(s, FEBRUARY, List.of(participant(1, l))).get(0).lines().isEmpty());
    // March closes Q1: 30 000 for the quarter, line period 2026-Q1
    Line line = only(march(s, participant(1, l)));
    assertEquals(d("30000.00"), line.amount());
    assertEquals(Q1, line.period());
  }

  @Test
  void annualComponentsPayInDecember() {
    Component y =
        new Component(
            "y",
            "Годовая",
            Frequency.ANNUAL,
            SALES,
            new PercentRule(d("1")),
            List.of(),
            null,
            null);
    KpiPeriod year =
        KpiPeriod.containing(LocalDate.of(2026, 1, 1), app.premia.kpi.api.KpiPeriodKind.YEAR);
    Lookup l = lookup().value("sales_volume", year, "12000000", 100);
    assertTrue(
        engine()
            .evaluate(scheme("0", y), MARCH, List.of(participant(1, l)))
            .get(0)
            .lines()
            .isEmpty());
    // 12 000 000 × 1 % = 120 000
    EmployeeResult dec =
        engine()
            .evaluate(scheme("0", y), KpiPeriod.month(2026, 12), List.of(participant(1, l)))
            .get(0);
    assertEquals(d("120000.00"), only(dec).amount());
  }

  @Test
  void prorationByDaysOnTheVersion() {
    // on the version from 17 March: 15 of 31 days
    // base 60 000 × 15 ÷ 31 = 29 032,258… → 29 032,26
    // 1 000 000 × 5 % = 50 000 × 15 ÷ 31 = 24 193,548… → 24 193,55
    SchemeDefinition s = scheme("60000", monthly("c", SALES, new PercentRule(d("5"))));
    Participant p =
        onVersion(
            1,
            LocalDate.of(2026, 3, 17),
            null,
            lookup().value("sales_volume", MARCH, "1000000", 4));
    EmployeeResult r = march(s, p);
    assertEquals(d("29032.26"), r.baseSalary());
    assertEquals(d("24193.55"), only(r).amount());
    assertTrue(ru(only(r)).contains("отработано 15 из 31 дня периода"), ru(only(r)));
    assertEquals(d("24193.55"), r.variablePay());
    assertEquals(d("53225.81"), r.total());
    assertTrue(r.notes().get(0).ru().contains("15 из 31 дня месяца"), r.notes().toString());
  }

  @Test
  void prorationEndsOnAssignedTo() {
    // 1–10 March: 10 of 31 days; 31 000 × 10 ÷ 31 = 10 000
    SchemeDefinition s =
        scheme("31000", monthly("c", Measure.self("nps"), new FixedRule(d("3100"))));
    Participant p =
        onVersion(
            1,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 10),
            lookup().value("nps", MARCH, "50", 3));
    EmployeeResult r = march(s, p);
    assertEquals(d("10000.00"), r.baseSalary());
    // 3 100 × 10 ÷ 31 = 1 000
    assertEquals(d("1000.00"), only(r).amount());
  }

  @Test
  void quarterlyProrationCountsTheQuartersDays() {
    // Q1 2026 has 90 days; on the version from 1 March: 31 of 90; 30 000 × 31 ÷ 90 = 10 333,33…
    Component q =
        new Component(
            "q",
            "q",
            Frequency.QUARTERLY,
            Measure.self("retention"),
            new FixedRule(d("30000")),
            List.of(),
            null,
            null);
    Participant p =
        onVersion(1, LocalDate.of(2026, 3, 1), null, lookup().value("retention", Q1, "90", 10));
    assertEquals(d("10333.33"), only(march(scheme("0", q), p)).amount());
  }

  @Test
  void rankingWithTiesUsesCompetitionRanking() {
    // volumes 300, 200, 200, 100 → places 1, 2, 2, 4; prizes 50 000 / 30 000 / 20 000
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "rank",
                SALES,
                new RankingRule(true, List.of(d("50000"), d("30000"), d("20000")), null, null)));
    List<EmployeeResult> r =
        engine()
            .evaluate(
                s,
                MARCH,
                List.of(
                    participant(1, lookup().value("sales_volume", MARCH, "300", 1)),
                    participant(2, lookup().value("sales_volume", MARCH, "200", 1)),
                    participant(3, lookup().value("sales_volume", MARCH, "200", 1)),
                    participant(4, lookup().value("sales_volume", MARCH, "100", 1)),
                    participant(5, lookup().value("sales_volume", MARCH, "0", 0)),
                    participant(6, lookup())));
    assertEquals(d("50000.00"), only(r.get(0)).amount());
    assertEquals(d("30000.00"), only(r.get(1)).amount());
    assertEquals(d("30000.00"), only(r.get(2)).amount());
    assertEquals(d("0.00"), only(r.get(3)).amount());
    assertTrue(ru(only(r.get(1))).contains("место 2 из 4 (место делят 2)"), ru(only(r.get(1))));
    assertTrue(ru(only(r.get(3))).contains("место 4 из 4"), ru(only(r.get(3))));
    assertTrue(ru(only(r.get(4))).contains("нет результата больше нуля"), ru(only(r.get(4))));
    assertFalse(only(r.get(5)).paid());
  }

  @Test
  void rankingLowestWins() {
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "rank",
                Measure.self("average_deal"),
                new RankingRule(false, List.of(d("1000")), null, null)));
    List<EmployeeResult> r =
        engine()
            .evaluate(
                s,
                MARCH,
                List.of(
                    participant(1, lookup().value("average_deal", MARCH, "300", 1)),
                    participant(2, lookup().value("average_deal", MARCH, "0", 1))));
    // lowest first, zero included when lowest wins
    assertEquals(d("0.00"), only(r.get(0)).amount());
    assertEquals(d("1000.00"), only(r.get(1)).amount());
  }

  @Test
  void rankingPrizesAreNotProrated() {
    SchemeDefinition s =
        scheme("0", monthly("rank", SALES, new RankingRule(true, List.of(d("10000")), null, null)));
    Participant late =
        onVersion(
            1, LocalDate.of(2026, 3, 20), null, lookup().value("sales_volume", MARCH, "500", 1));
    assertEquals(d("10000.00"), only(engine().evaluate(s, MARCH, List.of(late)).get(0)).amount());
  }

  @Test
  void contestPaysOnlyInPeriodsWithinItsDates() {
    RankingRule contest =
        new RankingRule(
            true, List.of(d("10000")), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
    SchemeDefinition s = scheme("0", monthly("contest", SALES, contest));
    Lookup l =
        lookup().value("sales_volume", MARCH, "500", 1).value("sales_volume", FEBRUARY, "500", 1);
    assertEquals(d("10000.00"), only(march(s, participant(1, l))).amount());
    assertTrue(
        ru(only(march(s, participant(1, l)))).contains("Конкурс с 2026-03-01 по 2026-04-30"));
    assertTrue(engine().evaluate(s, FEBRUARY, List.of(participant(1, l))).get(0).lines().isEmpty());
    // a contest ending mid-month does not cover that month
    RankingRule midMonth =
        new RankingRule(
            true, List.of(d("10000")), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 30));
    assertTrue(
        march(scheme("0", monthly("contest", SALES, midMonth)), participant(1, l))
            .lines()
            .isEmpty());
  }

  @Test
  void schemeCapAddsANegativeAdjustment() {
    // 2 000 000 × 5 % = 100 000 + 10 000 fixed = 110 000; scheme cap 80 000 → −30 000
    SchemeDefinition s =
        new SchemeDefinition(
            d("50000"),
            List.of(
                monthly("p", SALES, new PercentRule(d("5"))),
                monthly("f", SALES, new FixedRule(d("10000")))),
            d("80000"),
            null,
            null);
    EmployeeResult r =
        march(s, participant(1, lookup().value("sales_volume", MARCH, "2000000", 3)));
    assertEquals(1, r.adjustments().size());
    Line cap = r.adjustments().get(0);
    assertEquals("scheme_cap", cap.componentKey());
    assertEquals(d("-30000.00"), cap.amount());
    assertEquals(d("80000.00"), r.variablePay());
    assertEquals(d("130000.00"), r.total());
  }

  @Test
  void schemeFloorTopsUpAndIsProrated() {
    // floor 20 000, on the version 16 of 31 days: 20 000 × 16 ÷ 31 = 10 322,58; components pay 0
    SchemeDefinition s =
        new SchemeDefinition(
            d("0"), List.of(monthly("p", SALES, new PercentRule(d("5")))), null, d("20000"), null);
    Participant p =
        onVersion(
            1, LocalDate.of(2026, 3, 16), null, lookup().value("sales_volume", MARCH, "0", 0));
    EmployeeResult r = march(s, p);
    assertEquals("scheme_floor", r.adjustments().get(0).componentKey());
    assertEquals(d("10322.58"), r.adjustments().get(0).amount());
    assertEquals(d("10322.58"), r.variablePay());
  }

  @Test
  void noAdjustmentExactlyAtTheLimits() {
    SchemeDefinition s =
        new SchemeDefinition(
            d("0"),
            List.of(monthly("f", SALES, new FixedRule(d("10000")))),
            d("10000"),
            d("10000"),
            null);
    EmployeeResult r = march(s, participant(1, lookup().value("sales_volume", MARCH, "1", 1)));
    assertTrue(r.adjustments().isEmpty());
    assertEquals(d("10000.00"), r.variablePay());
  }

  @Test
  void adaptationSoftensPlansAndGuaranteesAMinimum() {
    // hired 10 February 2026, 3 months: March is month 2; plans × 70 %
    // plan 1 000 000 × 70 % = 700 000; 800 000 ÷ 700 000 = 114,28… % ≥ 100 %: 5 000 fixed
    // guaranteed minimum 20 000: 5 000 → top-up 15 000
    SchemeDefinition s =
        new SchemeDefinition(
            d("60000"),
            List.of(
                monthly(
                    "f",
                    SALES,
                    new FixedRule(d("5000")),
                    new Gate(SALES, GateBasis.ATTAINMENT_PERCENT, Comparator.GE, d("100")))),
            null,
            null,
            new Adaptation(3, d("70"), d("20000")));
    Lookup l =
        lookup().value("sales_volume", MARCH, "800000", 4).plan("sales_volume", MARCH, "1000000");
    Participant p =
        new Participant(
            1, "Новичок", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10), null, false, l);
    EmployeeResult r = march(s, p);
    assertEquals(d("5000.00"), only(r).amount());
    assertTrue(
        ru(only(r)).contains("× 70" + NB + "% (адаптация) = " + rub("700 000,00")), ru(only(r)));
    assertEquals("adaptation_minimum", r.adjustments().get(0).componentKey());
    assertEquals(d("15000.00"), r.adjustments().get(0).amount());
    assertEquals(d("20000.00"), r.variablePay());
    assertTrue(r.notes().get(0).ru().startsWith("Адаптация: месяц 2 из 3"), r.notes().toString());
    // hired in December 2025: March is month 4, outside: plan unchanged, 80 % < 100 %, no minimum
    Participant old =
        new Participant(
            1, "Старожил", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 1), null, false, l);
    EmployeeResult later = march(s, old);
    assertEquals(d("0.00"), only(later).amount());
    assertTrue(later.adjustments().isEmpty());
  }

  @Test
  void kopecksRoundHalfUpOncePerLine() {
    // 0,01 × 50 % = 0,005 → 0,01 half-up (not banker's rounding)
    assertEquals(d("0.01"), pay(new PercentRule(d("50")), "0.01"));
    // 333,33 × 33,3333 % = 111,109888… → 111,11
    assertEquals(d("111.11"), pay(new PercentRule(d("33.3333")), "333.33"));
  }

  @Test
  void englishMoneyFormatAndKpiErrors() {
    Lookup l =
        lookup().raw("sales_volume", Subject.SELF, MARCH, new KpiValue(d("1234567.891"), 1, 2));
    Line line =
        only(
            march(scheme("0", monthly("c", SALES, new PercentRule(d("20.5")))), participant(1, l)));
    assertTrue(
        en(line).contains("1,234,567.89" + NB + "₽ (1 deal; left out for errors: 2)"), en(line));
    assertTrue(ru(line).contains("(1 сделка; не учтено из-за ошибок: 2)"), ru(line));
    assertTrue(ru(line).contains("× 20,5" + NB + "% ="), ru(line));
  }

  @Test
  void otherCurrencySymbol() {
    Engine usd = new Engine(CATALOGUE, "$");
    Line line =
        only(
            usd.evaluate(
                    scheme("0", monthly("c", SALES, new PercentRule(d("5")))),
                    MARCH,
                    List.of(participant(1, lookup().value("sales_volume", MARCH, "100", 1))))
                .get(0));
    assertTrue(en(line).contains("100.00" + NB + "$"), en(line));
  }

  @Test
  void onlyMonthlyRuns() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            engine()
                .evaluate(
                    scheme("0", monthly("c", SALES, new PercentRule(d("5")))), Q1, List.of()));
  }

  @Test
  void russianPlurals() {
    String[] deals = {"сделка", "сделки", "сделок"};
    assertEquals("сделка", Formats.pluralRu(1, deals));
    assertEquals("сделки", Formats.pluralRu(2, deals));
    assertEquals("сделок", Formats.pluralRu(5, deals));
    assertEquals("сделок", Formats.pluralRu(11, deals));
    assertEquals("сделок", Formats.pluralRu(12, deals));
    assertEquals("сделка", Formats.pluralRu(21, deals));
    assertEquals("сделки", Formats.pluralRu(104, deals));
    assertEquals("сделок", Formats.pluralRu(0, deals));
    assertEquals("3 дела", Formats.facts("activity_calls", 3).ru());
    assertEquals("1 лид", Formats.facts("lead_conversion", 1).ru());
    assertEquals("5 клиентов", Formats.facts("new_clients", 5).ru());
    assertEquals("1 activity", Formats.facts("activity_total", 1).en());
  }

  @Test
  void numberFormats() {
    assertEquals(nb("1 234 567,89 ₽"), Formats.money(d("1234567.891"), "₽").ru());
    assertEquals("1,234,567.89" + NB + "₽", Formats.money(d("1234567.891"), "₽").en());
    assertEquals(nb("20,5 %"), Formats.percent(d("20.50")).ru());
    assertEquals("20.5" + NB + "%", Formats.percent(d("20.50")).en());
    assertEquals(nb("−1 000,00 ₽"), Formats.money(d("-1000"), "₽").ru());
    assertEquals("999", Formats.number(d("999")).ru());
    assertEquals(nb("1 000"), Formats.number(d("1000")).ru());
  }

  @Test
  void growthGateOnAFormulaMeasure() {
    // new business = sales − repeat: February 400 000 − 100 000 = 300 000; March 500 000 − 170 000
    // = 330 000
    // growth (330 000 − 300 000) ÷ 300 000 × 100 = 10 % ≥ 10 %: fixed 7 000
    Measure newBusiness = Measure.formula("sales_volume - repeat_sales");
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "g",
                SALES,
                new FixedRule(d("7000")),
                new Gate(newBusiness, GateBasis.GROWTH_PERCENT, Comparator.GE, d("10"))));
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "500000", 5)
            .value("repeat_sales", MARCH, "170000", 2)
            .value("sales_volume", FEBRUARY, "400000", 4)
            .value("repeat_sales", FEBRUARY, "100000", 1);
    Line line = only(march(s, participant(1, l)));
    assertEquals(d("7000.00"), line.amount());
    assertTrue(
        en(line)
            .contains("The formula measure, growth 10" + NB + "% ≥ 10" + NB + "% — condition met"),
        en(line));
    // without February's repeat sales the previous value is undefined: closed
    Lookup noPrev =
        lookup()
            .value("sales_volume", MARCH, "500000", 5)
            .value("repeat_sales", MARCH, "170000", 2);
    Line closed = only(march(s, participant(1, noPrev)));
    assertFalse(closed.paid());
    assertTrue(
        ru(closed).contains("Переменная «sales_volume» не определена (нет данных за 2026-02)"),
        ru(closed));
  }

  @Test
  void aGateOnAnotherKpiShowsThatKpisSource() {
    SchemeDefinition s =
        scheme(
            "0",
            monthly(
                "c", SALES, new PercentRule(d("1")), gate("activity_calls", Comparator.GE, "100")));
    Lookup l =
        lookup().value("sales_volume", MARCH, "1000", 1).value("activity_calls", MARCH, "99", 99);
    Line line = only(march(s, participant(1, l)));
    assertTrue(ru(line).contains("Звонки за 2026-03: 99 (99 дел)"), ru(line));
    assertTrue(ru(line).contains("Звонки 99 не ≥ 100 — условие не выполнено"), ru(line));
    assertEquals(d("0.00"), line.amount());
  }
}
