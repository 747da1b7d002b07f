package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeValidatorTest {

  private static final SchemeValidator VALIDATOR = new SchemeValidator(CATALOGUE);
  private static final Measure SALES = Measure.self("sales_volume");

  private static List<List<String>> paths(SchemeDefinition d) {
    return VALIDATOR.validate(d).stream().map(Problem::path).toList();
  }

  private static List<String> only(SchemeDefinition d) {
    List<Problem> problems = VALIDATOR.validate(d);
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0).path();
  }

  private static List<String> p(String... path) {
    return List.of(path);
  }

  @Test
  void everyTemplateIsValid() {
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      assertEquals(List.of(), VALIDATOR.validate(t.definition()), t.code());
    }
  }

  @Test
  void keysAreLowerSnakeAndUnique() {
    assertEquals(
        p("components", "0", "key"),
        only(scheme("0", monthly("Volume", SALES, new PercentRule(d("5"))))));
    assertEquals(
        p("components", "0", "key"),
        only(scheme("0", monthly("1a", SALES, new PercentRule(d("5"))))));
    assertEquals(
        p("components", "1", "key"),
        only(
            scheme(
                "0",
                monthly("a", SALES, new PercentRule(d("5"))),
                monthly("a", SALES, new PercentRule(d("5"))))));
  }

  @Test
  void namesAreNotBlankNorTooLong() {
    Component blank =
        new Component(
            "a", " ", Frequency.MONTHLY, SALES, new PercentRule(d("5")), List.of(), null, null);
    assertEquals(p("components", "0", "name"), only(scheme("0", blank)));
    Component longName =
        new Component(
            "a",
            "x".repeat(201),
            Frequency.MONTHLY,
            SALES,
            new PercentRule(d("5")),
            List.of(),
            null,
            null);
    assertEquals(p("components", "0", "name"), only(scheme("0", longName)));
    Component max =
        new Component(
            "a",
            "x".repeat(200),
            Frequency.MONTHLY,
            SALES,
            new PercentRule(d("5")),
            List.of(),
            null,
            null);
    assertEquals(List.of(), VALIDATOR.validate(scheme("0", max)));
  }

  @Test
  void kpisMustExistAndSuitTheSubject() {
    assertEquals(
        p("components", "0", "measure", "kpi"),
        only(scheme("0", monthly("a", Measure.self("profit"), new FixedRule(d("1"))))));
    assertEquals(
        p("components", "0", "measure", "subject"),
        only(scheme("0", monthly("a", Measure.team("sales_volume"), new FixedRule(d("1"))))));
    assertEquals(
        p("components", "0", "measure", "subject"),
        only(scheme("0", monthly("a", Measure.self("staff_turnover"), new FixedRule(d("1"))))));
  }

  @Test
  void unitsMustSuitTheRule() {
    assertEquals(
        p("components", "0", "measure", "kpi"),
        only(scheme("0", monthly("a", Measure.self("deals_won"), new PercentRule(d("5"))))));
    assertEquals(
        p("components", "0", "measure", "kpi"),
        only(scheme("0", monthly("a", SALES, new PerUnitRule(d("5"))))));
    assertEquals(
        p("components", "0", "measure", "kpi"),
        only(
            scheme(
                "0",
                monthly(
                    "a",
                    Measure.self("nps"),
                    new TieredRule(TierMode.WHOLE, List.of(new Tier(d("0"), true, d("1"))))))));
    // a formula measure may carry any rule
    assertEquals(
        List.of(),
        VALIDATOR.validate(
            scheme("0", monthly("a", Measure.formula("deals_won * 2"), new PerUnitRule(d("5"))))));
    assertEquals(
        List.of(),
        VALIDATOR.validate(
            scheme("0", monthly("a", Measure.formula("sales_volume"), new PercentRule(d("5"))))));
  }

  @Test
  void acceleratorNeedsAPlannableKpi() {
    AcceleratorRule r = new AcceleratorRule(AcceleratorMode.ABOVE_PLAN, d("5"), null);
    assertEquals(List.of(), VALIDATOR.validate(scheme("0", monthly("a", SALES, r))));
    assertEquals(
        p("components", "0", "measure", "formula"),
        only(scheme("0", monthly("a", Measure.formula("sales_volume"), r))));
    // team plan fulfilment has no plan and is a percentage: both problems are reported
    assertEquals(
        List.of(p("components", "0", "measure", "kpi"), p("components", "0", "measure", "kpi")),
        paths(scheme("0", monthly("a", Measure.team("team_plan_fulfilment"), r))));
  }

  @Test
  void ratesAmountsAndDecimals() {
    assertEquals(
        p("components", "0", "rule", "ratePercent"),
        only(scheme("0", monthly("a", SALES, new PercentRule(d("100.01"))))));
    assertEquals(
        p("components", "0", "rule", "ratePercent"),
        only(scheme("0", monthly("a", SALES, new PercentRule(d("-1"))))));
    assertEquals(
        p("components", "0", "rule", "ratePercent"),
        only(scheme("0", monthly("a", SALES, new PercentRule(d("5.12345"))))));
    assertEquals(
        List.of(), VALIDATOR.validate(scheme("0", monthly("a", SALES, new PercentRule(d("100"))))));
    assertEquals(
        List.of(),
        VALIDATOR.validate(scheme("0", monthly("a", SALES, new PercentRule(d("5.12340"))))));
    assertEquals(
        p("components", "0", "rule", "amount"),
        only(scheme("0", monthly("a", SALES, new FixedRule(d("0.001"))))));
    assertEquals(
        p("components", "0", "rule", "amount"),
        only(scheme("0", monthly("a", SALES, new FixedRule(d("-1"))))));
    assertEquals(p("baseSalary"), only(scheme("-1", monthly("a", SALES, new FixedRule(d("1"))))));
    assertEquals(
        p("components", "0", "gates", "0", "threshold"),
        only(
            scheme(
                "0",
                monthly(
                    "a", SALES, new FixedRule(d("1")), gate("nps", Comparator.GT, "0.00001")))));
    // thresholds may be negative
    assertEquals(
        List.of(),
        VALIDATOR.validate(
            scheme(
                "0",
                monthly("a", SALES, new FixedRule(d("1")), gate("nps", Comparator.GT, "-50")))));
  }

  @Test
  void tiersAscendFromZeroOrMore() {
    TieredRule descending =
        new TieredRule(
            TierMode.MARGINAL,
            List.of(
                new Tier(d("0"), true, d("3")),
                new Tier(d("500"), true, d("5")),
                new Tier(d("500"), false, d("7"))));
    assertEquals(
        p("components", "0", "rule", "tiers", "2", "from"),
        only(scheme("0", monthly("a", SALES, descending))));
    TieredRule negative =
        new TieredRule(TierMode.MARGINAL, List.of(new Tier(d("-1"), true, d("3"))));
    assertEquals(
        p("components", "0", "rule", "tiers", "0", "from"),
        only(scheme("0", monthly("a", SALES, negative))));
    TieredRule badRate = new TieredRule(TierMode.WHOLE, List.of(new Tier(d("0"), true, d("101"))));
    assertEquals(
        p("components", "0", "rule", "tiers", "0", "ratePercent"),
        only(scheme("0", monthly("a", SALES, badRate))));
  }

  @Test
  void curveStepsAscendWithMultipliersUpToTen() {
    AcceleratorRule r =
        new AcceleratorRule(
            AcceleratorMode.CURVE,
            d("5"),
            List.of(
                new CurveStep(d("100"), true, d("1")), new CurveStep(d("90"), true, d("10.5"))));
    assertEquals(
        List.of(
            p("components", "0", "rule", "curve", "1", "multiplier"),
            p("components", "0", "rule", "curve", "1", "fromAttainmentPercent")),
        paths(scheme("0", monthly("a", SALES, r))));
    AcceleratorRule empty = new AcceleratorRule(AcceleratorMode.CURVE, d("5"), List.of());
    assertEquals(
        p("components", "0", "rule", "curve"), only(scheme("0", monthly("a", SALES, empty))));
  }

  @Test
  void capsAboveFloors() {
    Component c = limited("a", SALES, new PercentRule(d("5")), d("100"), d("200"));
    assertEquals(p("components", "0", "cap"), only(scheme("0", c)));
    SchemeDefinition s =
        new SchemeDefinition(
            d("0"), List.of(monthly("a", SALES, new PercentRule(d("5")))), d("10"), d("20"), null);
    assertEquals(p("cap"), only(s));
  }

  @Test
  void adaptationBounds() {
    SchemeDefinition s =
        new SchemeDefinition(
            d("0"),
            List.of(monthly("a", SALES, new PercentRule(d("5")))),
            null,
            null,
            new Adaptation(25, d("0.5"), d("-1")));
    assertEquals(
        List.of(
            p("adaptation", "months"),
            p("adaptation", "planFactorPercent"),
            p("adaptation", "guaranteedMinimum")),
        paths(s));
    SchemeDefinition ok =
        new SchemeDefinition(
            d("0"),
            List.of(monthly("a", SALES, new PercentRule(d("5")))),
            null,
            null,
            new Adaptation(24, d("100"), null));
    assertEquals(List.of(), VALIDATOR.validate(ok));
  }

  @Test
  void componentCount() {
    assertEquals(p("components"), only(new SchemeDefinition(d("0"), List.of(), null, null, null)));
    List<Component> many = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      many.add(monthly("c" + i, SALES, new PercentRule(d("1"))));
    }
    assertEquals(p("components"), only(new SchemeDefinition(d("0"), many, null, null, null)));
    assertEquals(
        List.of(),
        VALIDATOR.validate(new SchemeDefinition(d("0"), many.subList(0, 30), null, null, null)));
  }

  @Test
  void rankingPrizesAndContestDates() {
    assertEquals(
        p("components", "0", "rule", "prizes"),
        only(
            scheme(
                "0",
                monthly(
                    "a",
                    SALES,
                    new RankingRule(true, Collections.nCopies(11, d("1")), null, null)))));
    assertEquals(
        p("components", "0", "rule", "prizes", "1"),
        only(
            scheme(
                "0",
                monthly("a", SALES, new RankingRule(true, List.of(d("1"), d("-1")), null, null)))));
    assertEquals(
        p("components", "0", "rule", "contestTo"),
        only(
            scheme(
                "0",
                monthly(
                    "a",
                    SALES,
                    new RankingRule(true, List.of(d("1")), LocalDate.of(2026, 1, 1), null)))));
    assertEquals(
        p("components", "0", "rule", "contestTo"),
        only(
            scheme(
                "0",
                monthly(
                    "a",
                    SALES,
                    new RankingRule(
                        true,
                        List.of(d("1")),
                        LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 1, 31))))));
  }

  @Test
  void formulasCompileOverDeclaredVariables() {
    List<Problem> problems =
        VALIDATOR.validate(
            scheme("0", monthly("a", SALES, new FormulaRule("measure * bonus_rate"))));
    assertEquals(1, problems.size());
    assertEquals(p("components", "0", "rule", "expression"), problems.get(0).path());
    assertEquals(
        "Формула: неизвестная переменная «bonus_rate» (позиция 11)",
        problems.get(0).message().ru());
    // «measure» exists only in a FORMULA rule, not in a formula measure
    assertEquals(
        p("components", "0", "measure", "formula"),
        only(scheme("0", monthly("a", Measure.formula("measure * 2"), new PercentRule(d("1"))))));
  }

  @Test
  void attainmentGatesNeedAPlannableKpi() {
    Gate g = new Gate(Measure.self("nps"), GateBasis.ATTAINMENT_PERCENT, Comparator.GE, d("100"));
    assertEquals(
        p("components", "0", "gates", "0", "basis"),
        only(scheme("0", monthly("a", SALES, new FixedRule(d("1")), g))));
    Gate formula =
        new Gate(
            Measure.formula("sales_volume"), GateBasis.ATTAINMENT_PERCENT, Comparator.GE, d("100"));
    assertEquals(
        p("components", "0", "gates", "0", "basis"),
        only(scheme("0", monthly("a", SALES, new FixedRule(d("1")), formula))));
  }

  @Test
  void messagesAreInBothLanguages() {
    Problem problem =
        VALIDATOR.validate(scheme("0", monthly("a", SALES, new PercentRule(d("101"))))).get(0);
    assertEquals("Ставка — от 0 до 100 %", problem.message().ru());
    assertEquals("A rate is from 0 to 100 %", problem.message().en());
  }
}
