package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a structurally sound definition must also mean to be saved: known KPIs on the right subject
 * and unit for the rule, rates and amounts in range with the decimals money and percentages have,
 * ascending tiers and curve steps, consistent limits, formulas that compile over declared variables
 * only. Every problem carries the field's path and a Russian and English message.
 */
public final class SchemeValidator {

  public static final int MAX_COMPONENTS = 30;
  public static final int MAX_NAME = 200;
  public static final int MAX_PRIZES = 10;
  public static final int MAX_ADAPTATION_MONTHS = 24;

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TEN = BigDecimal.TEN;

  private final Map<String, KpiDescriptor> kpis = new LinkedHashMap<>();
  private final Set<String> measureVariables;
  private final Set<String> ruleVariables;

  public SchemeValidator(List<KpiDescriptor> catalogue) {
    catalogue.forEach(k -> kpis.put(k.code(), k));
    measureVariables = Formula.variables(catalogue, false).keySet();
    ruleVariables = Formula.variables(catalogue, true).keySet();
  }

  /** Every problem of the definition; empty when it may be saved and evaluated. */
  public List<Problem> validate(SchemeDefinition d) {
    List<Problem> problems = new ArrayList<>();
    Check check = new Check(problems);
    check.money(d.baseSalary(), List.of("baseSalary"));
    check.money(d.cap(), List.of("cap"));
    check.money(d.floor(), List.of("floor"));
    check.capAboveFloor(d.cap(), d.floor(), List.of("cap"));
    if (d.adaptation() != null) {
      Adaptation a = d.adaptation();
      if (a.months() < 1 || a.months() > MAX_ADAPTATION_MONTHS) {
        check.invalid(
            List.of("adaptation", "months"),
            "Срок адаптации — от 1 до " + MAX_ADAPTATION_MONTHS + " месяцев",
            "The adaptation lasts 1 to " + MAX_ADAPTATION_MONTHS + " months");
      }
      if (a.planFactorPercent() != null) {
        List<String> at = List.of("adaptation", "planFactorPercent");
        if (a.planFactorPercent().compareTo(BigDecimal.ONE) < 0
            || a.planFactorPercent().compareTo(HUNDRED) > 0) {
          check.invalid(
              at, "Коэффициент плана — от 1 до 100 %", "The plan factor is from 1 to 100 %");
        } else {
          check.decimals(a.planFactorPercent(), 4, at);
        }
      }
      check.money(a.guaranteedMinimum(), List.of("adaptation", "guaranteedMinimum"));
    }
    if (d.components().isEmpty() || d.components().size() > MAX_COMPONENTS) {
      check.invalid(
          List.of("components"),
          "В схеме от 1 до " + MAX_COMPONENTS + " компонентов",
          "A scheme has 1 to " + MAX_COMPONENTS + " components");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < d.components().size(); i++) {
      Component c = d.components().get(i);
      List<String> at = List.of("components", Integer.toString(i));
      if (!KEY.matcher(c.key()).matches()) {
        check.invalid(
            at(at, "key"),
            "Ключ: латинские строчные буквы, цифры и «_», начиная с буквы (до 63 знаков)",
            "Key: lower-case Latin letters, digits and «_», starting with a letter (up to 63)");
      } else if (!keys.add(c.key())) {
        check.invalid(
            at(at, "key"),
            "Ключ «" + c.key() + "» уже есть в схеме",
            "The key «" + c.key() + "» is already in the scheme");
      }
      if (c.name() == null || c.name().isBlank()) {
        check.required(at(at, "name"), "Укажите название", "Give a name");
      } else if (c.name().length() > MAX_NAME) {
        check.invalid(
            at(at, "name"),
            "Название длиннее " + MAX_NAME + " знаков",
            "The name is longer than " + MAX_NAME + " characters");
      }
      component(c, at, check);
    }
    return List.copyOf(problems);
  }

  private void component(Component c, List<String> at, Check check) {
    KpiDescriptor kpi = measure(c.measure(), at(at, "measure"), measureVariables, check);
    List<String> measureAt = at(at, "measure", c.measure().isFormula() ? "formula" : "kpi");
    List<String> ruleAt = at(at, "rule");
    Rule rule = c.rule();
    if (rule instanceof PercentRule r) {
      check.rate(r.ratePercent(), at(ruleAt, "ratePercent"));
      check.unit(kpi, KpiUnitKind.MONEY, measureAt, "процент", "a percent");
    } else if (rule instanceof PerUnitRule r) {
      check.money(r.amount(), at(ruleAt, "amount"));
      check.unit(kpi, KpiUnitKind.COUNT, measureAt, "сумма за единицу", "an amount per unit");
    } else if (rule instanceof FixedRule r) {
      check.money(r.amount(), at(ruleAt, "amount"));
    } else if (rule instanceof TieredRule r) {
      check.unit(kpi, KpiUnitKind.MONEY, measureAt, "прогрессивная шкала", "progressive tiers");
      for (int i = 0; i < r.tiers().size(); i++) {
        Tier t = r.tiers().get(i);
        List<String> tat = at(ruleAt, "tiers", Integer.toString(i));
        check.decimals(t.from(), 4, at(tat, "from"));
        check.rate(t.ratePercent(), at(tat, "ratePercent"));
        if (i == 0 && t.from().signum() < 0) {
          check.invalid(
              at(tat, "from"),
              "Первая ступень начинается с 0 или больше",
              "The first tier starts at 0 or more");
        }
        if (i > 0 && t.from().compareTo(r.tiers().get(i - 1).from()) <= 0) {
          check.invalid(
              at(tat, "from"),
              "Ступени идут по возрастанию «от»: эта должна начинаться выше предыдущей",
              "Tiers ascend by «from»: this one must start above the previous one");
        }
      }
    } else if (rule instanceof AcceleratorRule r) {
      check.rate(r.ratePercent(), at(ruleAt, "ratePercent"));
      if (c.measure().isFormula() || (kpi != null && !kpi.plannable())) {
        check.invalid(
            measureAt,
            "Ускоритель считается от плана: нужен показатель, для которого задаётся план",
            "An accelerator works from a plan: it needs a KPI a plan can be set for");
      }
      check.unit(kpi, KpiUnitKind.MONEY, measureAt, "ускоритель", "an accelerator");
      if (r.mode() == AcceleratorMode.CURVE) {
        if (r.curve().isEmpty()) {
          check.required(
              at(ruleAt, "curve"), "Нужна хотя бы одна ступень кривой", "The curve needs a step");
        }
        for (int i = 0; i < r.curve().size(); i++) {
          CurveStep s = r.curve().get(i);
          List<String> sat = at(ruleAt, "curve", Integer.toString(i));
          check.decimals(s.fromAttainmentPercent(), 4, at(sat, "fromAttainmentPercent"));
          if (s.multiplier().signum() < 0 || s.multiplier().compareTo(TEN) > 0) {
            check.invalid(
                at(sat, "multiplier"), "Множитель — от 0 до 10", "A multiplier is from 0 to 10");
          } else {
            check.decimals(s.multiplier(), 4, at(sat, "multiplier"));
          }
          if (i > 0
              && s.fromAttainmentPercent().compareTo(r.curve().get(i - 1).fromAttainmentPercent())
                  <= 0) {
            check.invalid(
                at(sat, "fromAttainmentPercent"),
                "Ступени кривой идут по возрастанию выполнения плана",
                "Curve steps ascend by attainment");
          }
        }
      }
    } else if (rule instanceof FormulaRule r) {
      check.formula(r.expression(), ruleVariables, at(ruleAt, "expression"));
    } else if (rule instanceof RankingRule r) {
      if (r.prizes().isEmpty() || r.prizes().size() > MAX_PRIZES) {
        check.invalid(
            at(ruleAt, "prizes"),
            "Призов — от 1 до " + MAX_PRIZES,
            "There are 1 to " + MAX_PRIZES + " prizes");
      }
      for (int i = 0; i < r.prizes().size(); i++) {
        check.money(r.prizes().get(i), at(ruleAt, "prizes", Integer.toString(i)));
      }
      if ((r.contestFrom() == null) != (r.contestTo() == null)) {
        List<String> missing = at(ruleAt, r.contestFrom() == null ? "contestFrom" : "contestTo");
        check.required(
            missing,
            "У конкурса обе даты — начало и конец — или ни одной",
            "A contest has both dates, start and end, or neither");
      } else if (r.contestFrom() != null && r.contestFrom().isAfter(r.contestTo())) {
        check.invalid(
            at(ruleAt, "contestTo"),
            "Конкурс заканчивается не раньше, чем начинается",
            "A contest cannot end before it starts");
      }
    }
    for (int i = 0; i < c.gates().size(); i++) {
      Gate g = c.gates().get(i);
      List<String> gat = at(at, "gates", Integer.toString(i));
      KpiDescriptor gateKpi = measure(g.measure(), at(gat, "measure"), measureVariables, check);
      check.decimals(g.threshold(), 4, at(gat, "threshold"));
      if (g.basis() == GateBasis.ATTAINMENT_PERCENT
          && (g.measure().isFormula() || (gateKpi != null && !gateKpi.plannable()))) {
        check.invalid(
            at(gat, "basis"),
            "Выполнение плана есть только у показателя, для которого задаётся план",
            "Attainment exists only for a KPI a plan can be set for");
      }
    }
    check.money(c.cap(), at(at, "cap"));
    check.money(c.floor(), at(at, "floor"));
    check.capAboveFloor(c.cap(), c.floor(), at(at, "cap"));
  }

  /** Checks a measure; returns its KPI when it names a known one. */
  private KpiDescriptor measure(Measure m, List<String> at, Set<String> variables, Check check) {
    if (m.isFormula()) {
      check.formula(m.formula(), variables, at(at, "formula"));
      return null;
    }
    if (m.kpi() == null || m.kpi().isBlank()) {
      check.required(at(at, "kpi"), "Укажите показатель", "Give a KPI");
      return null;
    }
    KpiDescriptor kpi = kpis.get(m.kpi());
    if (kpi == null) {
      check.invalid(
          at(at, "kpi"),
          "Неизвестный показатель «" + m.kpi() + "»",
          "Unknown KPI «" + m.kpi() + "»");
      return null;
    }
    if (m.subject() == Subject.TEAM && !kpi.department()) {
      check.invalid(
          at(at, "subject"),
          "«"
              + kpi.nameRu()
              + "» — показатель сотрудника; показатели отдела (TEAM) — это"
              + " выполнение плана отдела, средние продажи на менеджера, текучесть, конверсия"
              + " воронки",
          "«"
              + kpi.nameEn()
              + "» is an employee KPI; team KPIs are team plan fulfilment,"
              + " average sales per manager, staff turnover, funnel conversion");
    } else if (m.subject() == Subject.SELF && kpi.department()) {
      check.invalid(
          at(at, "subject"),
          "«" + kpi.nameRu() + "» — показатель отдела: выберите «отдел» (TEAM)",
          "«" + kpi.nameEn() + "» is a team KPI: choose TEAM");
    }
    return kpi;
  }

  private static List<String> at(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(Arrays.asList(more));
    return List.copyOf(out);
  }

  /** Appends problems. */
  private record Check(List<Problem> problems) {

    void invalid(List<String> path, String ru, String en) {
      problems.add(new Problem(path, ProblemCode.INVALID, new Text(ru, en)));
    }

    void required(List<String> path, String ru, String en) {
      problems.add(new Problem(path, ProblemCode.REQUIRED, new Text(ru, en)));
    }

    void money(BigDecimal value, List<String> path) {
      if (value == null) {
        return;
      }
      if (value.signum() < 0) {
        invalid(path, "Сумма не может быть отрицательной", "An amount cannot be negative");
      } else if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
        invalid(path, "Сумма слишком велика", "The amount is too large");
      } else {
        decimals(value, 2, path);
      }
    }

    void rate(BigDecimal value, List<String> path) {
      if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
        invalid(path, "Ставка — от 0 до 100 %", "A rate is from 0 to 100 %");
      } else {
        decimals(value, 4, path);
      }
    }

    void decimals(BigDecimal value, int max, List<String> path) {
      if (value.stripTrailingZeros().scale() > max) {
        invalid(path, "Не больше " + max + " знаков после запятой", "At most " + max + " decimals");
      } else if (value.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
        invalid(path, "Число слишком велико", "The number is too large");
      }
    }

    void capAboveFloor(BigDecimal cap, BigDecimal floor, List<String> path) {
      if (cap != null && floor != null && cap.compareTo(floor) < 0) {
        invalid(
            path, "Максимум не может быть меньше минимума", "The cap cannot be below the floor");
      }
    }

    void unit(
        KpiDescriptor kpi, KpiUnitKind unit, List<String> path, String ruleRu, String ruleEn) {
      if (kpi == null || kpi.unit() == unit) {
        return;
      }
      String unitRu = unit == KpiUnitKind.MONEY ? "денежного" : "количественного";
      String unitEn = unit == KpiUnitKind.MONEY ? "money" : "count";
      invalid(
          path,
          "Правило «"
              + ruleRu
              + "» требует "
              + unitRu
              + " показателя, а «"
              + kpi.nameRu()
              + "» не такой",
          "The rule «" + ruleEn + "» needs a " + unitEn + " KPI; «" + kpi.nameEn() + "» is not");
    }

    void formula(String source, Set<String> variables, List<String> path) {
      if (Formula.compile(source, variables) instanceof Formula.Refused refused) {
        invalid(path, refused.message().ru(), refused.message().en());
      }
    }
  }
}
