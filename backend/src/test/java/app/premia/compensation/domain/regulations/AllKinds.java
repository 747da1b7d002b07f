package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.RegFixtures.d;

import app.premia.compensation.domain.AcceleratorMode;
import app.premia.compensation.domain.AcceleratorRule;
import app.premia.compensation.domain.Adaptation;
import app.premia.compensation.domain.Comparator;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.CurveStep;
import app.premia.compensation.domain.FixedRule;
import app.premia.compensation.domain.FormulaRule;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.GateBasis;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.RankingRule;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.Tier;
import app.premia.compensation.domain.TierMode;
import app.premia.compensation.domain.TieredRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A scheme using what the templates do not: both accelerator modes, whole-amount tiers with an
 * exclusive bound, an attainment gate, a formula measure, a dated contest, component and scheme
 * limits, an adaptation period of {@code months}.
 */
final class AllKinds {

  private AllKinds() {}

  static SchemeDefinition scheme(int months) {
    return new SchemeDefinition(
        d("80000"),
        List.of(
            new Component(
                "above_plan",
                "Ускоритель сверх плана",
                Frequency.MONTHLY,
                Measure.self("sales_volume"),
                new AcceleratorRule(AcceleratorMode.ABOVE_PLAN, d("10"), null),
                List.of(),
                d("100000"),
                null),
            new Component(
                "curve",
                "Премия по кривой выполнения плана",
                Frequency.QUARTERLY,
                Measure.self("sales_volume"),
                new AcceleratorRule(
                    AcceleratorMode.CURVE,
                    d("2"),
                    List.of(
                        new CurveStep(d("100"), true, d("1")),
                        new CurveStep(d("120"), false, d("1.5")))),
                List.of(),
                null,
                null),
            new Component(
                "whole_tiers",
                "Премия по шкале на всю сумму",
                Frequency.MONTHLY,
                Measure.self("repeat_sales"),
                new TieredRule(
                    TierMode.WHOLE,
                    List.of(
                        new Tier(d("100000"), true, d("1")), new Tier(d("500000"), false, d("2")))),
                List.of(),
                null,
                d("1000")),
            new Component(
                "deals_plan",
                "Премия за выполнение плана по сделкам",
                Frequency.MONTHLY,
                Measure.self("deals_won"),
                new FixedRule(d("7500")),
                List.of(
                    new Gate(
                        Measure.self("deals_won"),
                        GateBasis.ATTAINMENT_PERCENT,
                        Comparator.GE,
                        d("100"))),
                null,
                null),
            new Component(
                "by_formula",
                "Премия по формуле",
                Frequency.ANNUAL,
                Measure.formula("sales_volume - repeat_sales"),
                new FormulaRule("measure * 0.01 + base_salary * 0.05"),
                List.of(),
                null,
                null),
            new Component(
                "spring_contest",
                "Весенний конкурс",
                Frequency.MONTHLY,
                Measure.self("new_clients"),
                new RankingRule(
                    true,
                    List.of(d("15000"), d("5000")),
                    LocalDate.of(2026, 4, 1),
                    LocalDate.of(2026, 5, 31)),
                List.of(),
                null,
                null)),
        d("150000"),
        d("5000"),
        new Adaptation(months, d("70"), d("20000")));
  }

  static BigDecimal base() {
    return d("80000");
  }
}
