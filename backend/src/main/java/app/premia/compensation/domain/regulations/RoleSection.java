package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.Words.t;

import app.premia.compensation.domain.AcceleratorMode;
import app.premia.compensation.domain.AcceleratorRule;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.CurveStep;
import app.premia.compensation.domain.FixedRule;
import app.premia.compensation.domain.Formula;
import app.premia.compensation.domain.FormulaRule;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.GateBasis;
import app.premia.compensation.domain.PerUnitRule;
import app.premia.compensation.domain.PercentRule;
import app.premia.compensation.domain.RankingRule;
import app.premia.compensation.domain.Rule;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.Tier;
import app.premia.compensation.domain.TierMode;
import app.premia.compensation.domain.TieredRule;
import app.premia.kpi.api.KpiDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The section of one sales role: base salary, every component in words (what it measures, how
 * often, its rule, gates with explicit comparators, limits), its formula and worked examples, then
 * the scheme's own limits and a month of the whole scheme.
 */
final class RoleSection {

  private final Words words;
  private final Examples examples;
  private final Map<String, Formula.Variable> ruleVariables;
  private final Map<String, Formula.Variable> measureVariables;

  RoleSection(Words words, Examples examples, List<KpiDescriptor> catalogue) {
    this.words = words;
    this.examples = examples;
    this.ruleVariables = Formula.variables(catalogue, true);
    this.measureVariables = Formula.variables(catalogue, false);
  }

  static String key(SchemeInForce s) {
    return "role:" + s.schemeId();
  }

  static Text title(SchemeInForce s) {
    if (s.salesRole() == SalesRole.CUSTOM) {
      return t(
          "Премирование по схеме «" + s.schemeName() + "»",
          "Bonuses under the scheme «" + s.schemeName() + "»");
    }
    return t("Премирование: " + s.salesRole().nameRu(), "Bonuses: " + s.salesRole().nameEn());
  }

  /** The section's blocks; the worked examples it prints are added to {@code made}. */
  List<DocBlock> blocks(SchemeInForce s, List<WorkedExample> made) {
    String key = key(s);
    SchemeDefinition d = s.definition();
    List<DocBlock> out = new ArrayList<>();
    boolean custom = s.salesRole() == SalesRole.CUSTOM;
    out.add(
        clause(
            "Настоящий раздел устанавливает условия премирования работников, которым назначена"
                + " схема премирования «"
                + s.schemeName()
                + "»"
                + (custom ? "" : " (роль продаж «" + s.salesRole().nameRu() + "»)")
                + ".",
            "This section sets out the bonuses of the employees assigned the bonus scheme «"
                + s.schemeName()
                + "»"
                + (custom ? "" : " (sales role «" + s.salesRole().nameEn() + "»)")
                + "."));
    Text base = words.moneyInWords(d.baseSalary());
    out.add(
        clause(
            "Работнику устанавливается базовый оклад в размере "
                + base.ru()
                + " в месяц. За неполный месяц базовый оклад начисляется пропорционально числу"
                + " календарных дней месяца, в которые работнику была назначена схема.",
            "The employee's base salary is "
                + base.en()
                + " a month. For part of a month it is paid in proportion to the calendar days of"
                + " the month on which the employee was on the scheme."));
    if (d.components().isEmpty()) {
      out.add(
          clause(
              "Переменная часть оплаты труда схемой не предусмотрена.",
              "The scheme has no variable pay."));
      return out;
    }
    out.add(
        clause(
            "Переменная часть оплаты труда работника состоит из следующих составляющих:",
            "The employee's variable pay consists of the following components:"));
    List<Text> items = new ArrayList<>();
    for (Component c : d.components()) {
      Text f = Words.frequency(c.frequency());
      items.add(t("«" + name(c) + "» — " + f.ru(), "«" + name(c) + "» — " + f.en()));
    }
    out.add(new DocBlock.Items(items));
    for (Component c : d.components()) {
      component(out, made, key, d, c);
    }
    limits(out, d);
    Examples.Made total = examples.scheme(key, d);
    if (total != null) {
      List<Text> names = new ArrayList<>();
      for (Component c : d.components()) {
        names.add(t(name(c), name(c)));
      }
      StringBuilder ru = new StringBuilder("Переменная часть = ");
      StringBuilder en = new StringBuilder("Variable pay = ");
      for (int i = 0; i < names.size(); i++) {
        ru.append(i > 0 ? " + " : "").append("«").append(names.get(i).ru()).append("»");
        en.append(i > 0 ? " + " : "").append("«").append(names.get(i).en()).append("»");
      }
      Text limits = limitsText(d.floor(), d.cap());
      ru.append(limits.ru());
      en.append(limits.en());
      out.add(
          clause(
              "Переменная часть за месяц равна сумме составляющих, начисленных в этом месяце:",
              "The variable pay of a month is the sum of the components paid in that month:"));
      out.add(new DocBlock.Formula(t(ru.toString(), en.toString())));
      add(out, made, total);
    }
    return out;
  }

  private void component(
      List<DocBlock> out, List<WorkedExample> made, String key, SchemeDefinition d, Component c) {
    Text f = Words.periodOf(c.frequency());
    Text measure = words.measureGenitive(c.measure());
    out.add(
        clause(
            "Премия «"
                + name(c)
                + "» начисляется "
                + f.ru()
                + " по значению "
                + measure.ru()
                + " за этот период.",
            "The bonus «"
                + name(c)
                + "» is accrued "
                + f.en()
                + " on the value of "
                + measure.en()
                + " for that period."));
    rule(out, c);
    gates(out, c);
    if (c.floor() != null) {
      Text v = words.moneyInWords(c.floor());
      out.add(
          clause(
              "При выполнении условий начисления размер премии «"
                  + name(c)
                  + "» за период составляет не менее "
                  + v.ru()
                  + ".",
              "When its conditions are met, the bonus «"
                  + name(c)
                  + "» is at least "
                  + v.en()
                  + " for the period."));
    }
    if (c.cap() != null) {
      Text v = words.moneyInWords(c.cap());
      out.add(
          clause(
              "Размер премии «" + name(c) + "» за период не может превышать " + v.ru() + ".",
              "The bonus «" + name(c) + "» is at most " + v.en() + " for the period."));
    }
    out.add(new DocBlock.Formula(formula(c)));
    for (Examples.Made m : examples.component(key, d, c)) {
      add(out, made, m);
    }
  }

  private static void add(List<DocBlock> out, List<WorkedExample> made, Examples.Made m) {
    out.add(m.block());
    made.add(m.example());
  }

  /** The rule in words. */
  private void rule(List<DocBlock> out, Component c) {
    Rule rule = c.rule();
    Text measure = words.measureGenitive(c.measure());
    if (rule instanceof PercentRule r) {
      Text rate = words.percent(r.ratePercent());
      out.add(
          clause(
              "Размер премии составляет " + rate.ru() + " от значения " + measure.ru() + ".",
              "The bonus is " + rate.en() + " of the value of " + measure.en() + "."));
    } else if (rule instanceof PerUnitRule r) {
      Text amount = words.moneyInWords(r.amount());
      out.add(
          clause(
              "Размер премии составляет "
                  + amount.ru()
                  + " за каждую единицу "
                  + measure.ru()
                  + ".",
              "The bonus is " + amount.en() + " for each unit of " + measure.en() + "."));
    } else if (rule instanceof FixedRule r) {
      Text amount = words.moneyInWords(r.amount());
      out.add(
          clause(
              "Размер премии составляет " + amount.ru() + " за период.",
              "The bonus is a fixed " + amount.en() + " for the period."));
    } else if (rule instanceof TieredRule r) {
      tiers(out, c, r);
    } else if (rule instanceof AcceleratorRule r) {
      accelerator(out, c, r);
    } else if (rule instanceof FormulaRule r) {
      out.add(
          clause(
              "Размер премии определяется по формуле, приведённой ниже, где:",
              "The bonus is given by the formula below, where:"));
      List<Text> items = new ArrayList<>();
      items.add(t("measure — значение " + measure.ru(), "measure — the value of " + measure.en()));
      for (String v : variableNames(r.expression(), ruleVariables)) {
        if (!v.equals("measure")) {
          items.add(variable(v, ruleVariables.get(v)));
        }
      }
      out.add(new DocBlock.Items(items));
      out.add(
          clause(
              "Функции формулы: MIN и MAX — наименьшее и наибольшее из значений, ABS — модуль,"
                  + " ROUND — округление, IF — выбор значения по условию. Отрицательный результат"
                  + " формулы не начисляется (премия равна нулю).",
              "Formula functions: MIN and MAX — the least and greatest of the values, ABS — the"
                  + " absolute value, ROUND — rounding, IF — a value chosen by a condition. A"
                  + " negative result is not paid (the bonus is zero)."));
    } else if (rule instanceof RankingRule r) {
      ranking(out, c, r);
    }
    if (c.measure().isFormula()) {
      List<Text> items = new ArrayList<>();
      for (String v : variableNames(c.measure().formula(), measureVariables)) {
        items.add(variable(v, measureVariables.get(v)));
      }
      if (!items.isEmpty()) {
        out.add(
            clause(
                "В формуле показателя «" + c.measure().formula() + "» используются:",
                "The measure's formula «" + c.measure().formula() + "» uses:"));
        out.add(new DocBlock.Items(items));
      }
    }
  }

  private Text variable(String name, Formula.Variable v) {
    if (v == null) {
      return t(name, name);
    }
    Text kpi = v.kpi() == null ? null : words.kpiName(v.kpi());
    return switch (v.kind()) {
      case VALUE ->
          t(
              name + " — значение показателя «" + kpi.ru() + "» за период",
              name + " — the value of «" + kpi.en() + "» for the period");
      case PLAN ->
          t(
              name + " — план по показателю «" + kpi.ru() + "» на период",
              name + " — the plan of «" + kpi.en() + "» for the period");
      case PREVIOUS ->
          t(
              name + " — значение показателя «" + kpi.ru() + "» за предыдущий период",
              name + " — the value of «" + kpi.en() + "» for the previous period");
      case TEAM ->
          t(
              name
                  + " — значение показателя «"
                  + kpi.ru()
                  + "» по отделу, которым руководит работник",
              name + " — the value of «" + kpi.en() + "» of the department the employee heads");
      case BASE_SALARY -> t(name + " — базовый оклад в месяц", name + " — the monthly base salary");
      case MEASURE -> t(name + " — значение показателя составляющей", name + " — the measure");
    };
  }

  private static List<String> variableNames(String expression, Map<String, Formula.Variable> vars) {
    Formula.Compiled compiled = Formula.compile(expression, vars.keySet());
    return compiled instanceof Formula.Ok ok ? ok.formula().variables() : List.of();
  }

  private void tiers(List<DocBlock> out, Component c, TieredRule r) {
    Text measure = words.measureGenitive(c.measure());
    List<Text> items = new ArrayList<>();
    List<Tier> ts = r.tiers();
    if (r.mode() == TierMode.MARGINAL) {
      out.add(
          clause(
              "Премия рассчитывается по прогрессивной шкале: значение "
                  + measure.ru()
                  + " делится на части по ступеням, и каждая часть оплачивается по ставке своей"
                  + " ступени; премия равна сумме полученных величин:",
              "The bonus is paid on a progressive scale: the value of "
                  + measure.en()
                  + " is split into bands by tier, each band paid at its own tier's rate; the"
                  + " bonus is the sum:"));
      for (int i = 0; i < ts.size(); i++) {
        Tier tier = ts.get(i);
        Text from = words.value(tier.from(), c.measure());
        Text rate = words.percent(tier.ratePercent());
        boolean first = i == 0;
        String lowRu = first ? "от " + from.ru() : "свыше " + from.ru();
        String lowEn = first ? "from " + from.en() : "above " + from.en();
        if (i + 1 < ts.size()) {
          Text to = words.value(ts.get(i + 1).from(), c.measure());
          items.add(
              t(
                  "часть значения " + lowRu + " до " + to.ru() + " включительно — " + rate.ru(),
                  "the band " + lowEn + " up to and including " + to.en() + " — " + rate.en()));
        } else {
          items.add(
              t(
                  "часть значения " + lowRu + " — " + rate.ru(),
                  "the band " + lowEn + " — " + rate.en()));
        }
      }
      out.add(new DocBlock.Items(items));
      if (ts.get(0).from().signum() > 0) {
        Text first = words.value(ts.get(0).from(), c.measure());
        out.add(
            clause(
                "Часть значения до " + first.ru() + " включительно не оплачивается.",
                "The part up to and including " + first.en() + " is not paid."));
      }
      return;
    }
    out.add(
        clause(
            "Премия рассчитывается по шкале: ставка определяется ступенью, которой достигло всё"
                + " значение "
                + measure.ru()
                + ", и применяется ко всему значению:",
            "The bonus is paid on a scale: the rate is that of the tier the whole value of "
                + measure.en()
                + " reached, applied to the whole value:"));
    for (int i = 0; i < ts.size(); i++) {
      Tier tier = ts.get(i);
      Text from = words.value(tier.from(), c.measure());
      Text rate = words.percent(tier.ratePercent());
      String ru =
          "при значении " + (tier.fromInclusive() ? "не менее " : "строго больше ") + from.ru();
      String en =
          "at a value " + (tier.fromInclusive() ? "of at least " : "strictly above ") + from.en();
      if (i + 1 < ts.size()) {
        Tier next = ts.get(i + 1);
        Text to = words.value(next.from(), c.measure());
        ru += next.fromInclusive() ? " и строго меньше " + to.ru() : " и не более " + to.ru();
        en += next.fromInclusive() ? " and strictly below " + to.en() : " and at most " + to.en();
      }
      items.add(
          t(
              ru + " — " + rate.ru() + " от всего значения",
              en + " — " + rate.en() + " of the whole value"));
    }
    Tier first = ts.get(0);
    if (first.from().signum() > 0 || !first.fromInclusive()) {
      Text from = words.value(first.from(), c.measure());
      items.add(
          t(
              "при значении "
                  + (first.fromInclusive() ? "строго меньше " : "не более ")
                  + from.ru()
                  + " премия не начисляется",
              "at a value "
                  + (first.fromInclusive() ? "strictly below " : "of at most ")
                  + from.en()
                  + " no bonus is paid"));
    }
    out.add(new DocBlock.Items(items));
  }

  private void accelerator(List<DocBlock> out, Component c, AcceleratorRule r) {
    Text measure = words.measureGenitive(c.measure());
    Text rate = words.percent(r.ratePercent());
    if (r.mode() == AcceleratorMode.ABOVE_PLAN) {
      out.add(
          clause(
              "Размер премии составляет "
                  + rate.ru()
                  + " от части значения "
                  + measure.ru()
                  + ", превышающей план на период (сверх 100\u00A0% выполнения плана). Если значение"
                  + " не превышает план, премия не начисляется.",
              "The bonus is "
                  + rate.en()
                  + " of the part of the value of "
                  + measure.en()
                  + " above the plan for the period (above 100\u00A0% attainment). At or below the"
                  + " plan no bonus is paid."));
    } else {
      out.add(
          clause(
              "Размер премии составляет "
                  + rate.ru()
                  + " от значения "
                  + measure.ru()
                  + ", умноженные на коэффициент, зависящий от выполнения плана (значение ÷ план"
                  + " × 100\u00A0%):",
              "The bonus is "
                  + rate.en()
                  + " of the value of "
                  + measure.en()
                  + " times a multiplier set by the plan attainment (value ÷ plan × 100\u00A0%):"));
      List<Text> items = new ArrayList<>();
      List<CurveStep> steps = r.curve();
      if (!steps.isEmpty()) {
        CurveStep first = steps.get(0);
        Text from = words.percent(first.fromAttainmentPercent());
        items.add(
            t(
                "при выполнении плана "
                    + (first.fromInclusive() ? "строго меньше " : "не более ")
                    + from.ru()
                    + " — коэффициент 0 (премия не начисляется)",
                "at an attainment "
                    + (first.fromInclusive() ? "strictly below " : "of at most ")
                    + from.en()
                    + " — multiplier 0 (no bonus)"));
      }
      for (int i = 0; i < steps.size(); i++) {
        CurveStep s = steps.get(i);
        Text from = words.percent(s.fromAttainmentPercent());
        Text k = words.number(s.multiplier());
        String ru =
            "при выполнении плана "
                + (s.fromInclusive() ? "не менее " : "строго больше ")
                + from.ru();
        String en =
            "at an attainment "
                + (s.fromInclusive() ? "of at least " : "strictly above ")
                + from.en();
        if (i + 1 < steps.size()) {
          CurveStep next = steps.get(i + 1);
          Text to = words.percent(next.fromAttainmentPercent());
          ru += next.fromInclusive() ? " и строго меньше " + to.ru() : " и не более " + to.ru();
          en += next.fromInclusive() ? " and strictly below " + to.en() : " and at most " + to.en();
        }
        items.add(t(ru + " — коэффициент " + k.ru(), en + " — multiplier " + k.en()));
      }
      out.add(new DocBlock.Items(items));
    }
    out.add(
        clause(
            "Если план на период не установлен или равен нулю, премия не начисляется.",
            "Without a plan for the period, or with a zero plan, no bonus is paid."));
  }

  private void ranking(List<DocBlock> out, Component c, RankingRule r) {
    Text measure = words.measureGenitive(c.measure());
    out.add(
        clause(
            "Работники, которым назначена схема, ранжируются по значению "
                + measure.ru()
                + " за период: первое место занимает работник с "
                + (r.highestWins() ? "наибольшим" : "наименьшим")
                + " значением. Призы за места:",
            "The employees on the scheme are ranked by the value of "
                + measure.en()
                + " for the period: first place goes to the "
                + (r.highestWins() ? "highest" : "lowest")
                + " value. The prizes:"));
    List<Text> items = new ArrayList<>();
    for (int i = 0; i < r.prizes().size(); i++) {
      Text prize = words.moneyInWords(r.prizes().get(i));
      items.add(t((i + 1) + "-е место — " + prize.ru(), "place " + (i + 1) + " — " + prize.en()));
    }
    out.add(new DocBlock.Items(items));
    int n = r.prizes().size();
    out.add(
        clause(
            "Всего "
                + RussianAmounts.count(n, "призовое место", "призовых места", "призовых мест")
                + "; за остальные места приз не выплачивается. При равных значениях работники"
                + " делят место, и каждый из них получает приз за это место; следующее место"
                + " присваивается с учётом числа работников, разделивших предыдущее. Работник, у"
                + " которого значение показателя не определено"
                + (r.highestWins() ? " или не больше нуля" : "")
                + ", а также работник, для которого не выполнены условия начисления, в"
                + " ранжировании не участвует. Приз не уменьшается пропорционально отработанному"
                + " времени.",
            n
                + (n == 1 ? " prize place" : " prize places")
                + "; other places win nothing. Equal values share a place and each of them wins"
                + " its prize; the next place counts the employees who shared. An employee whose"
                + " value is undefined"
                + (r.highestWins() ? " or not above zero" : "")
                + ", or whose conditions are not met, is not ranked. A prize is not prorated."));
    if (r.contest()) {
      String fromRu = r.contestFrom() == null ? "" : " с " + Words.date(r.contestFrom()).ru();
      String toRu = r.contestTo() == null ? "" : " по " + Words.date(r.contestTo()).ru();
      String fromEn = r.contestFrom() == null ? "" : " from " + Words.date(r.contestFrom()).en();
      String toEn = r.contestTo() == null ? "" : " to " + Words.date(r.contestTo()).en();
      out.add(
          clause(
              "Конкурс проводится"
                  + fromRu
                  + toRu
                  + "; призы начисляются только за периоды, целиком входящие в этот срок.",
              "The contest runs"
                  + fromEn
                  + toEn
                  + "; prizes are paid only for periods lying wholly within it."));
    } else {
      out.add(
          clause("Ранжирование проводится за каждый период.", "The ranking is held every period."));
    }
  }

  private void gates(List<DocBlock> out, Component c) {
    if (c.gates().isEmpty()) {
      return;
    }
    List<Text> conditions = new ArrayList<>();
    for (Gate g : c.gates()) {
      conditions.add(condition(g));
    }
    if (conditions.size() == 1) {
      Text only = conditions.get(0);
      out.add(
          clause(
              "Премия «" + name(c) + "» начисляется только при условии, что " + only.ru() + ".",
              "The bonus «" + name(c) + "» is paid only if " + only.en() + "."));
    } else {
      out.add(
          clause(
              "Премия «"
                  + name(c)
                  + "» начисляется только при одновременном выполнении следующих условий:",
              "The bonus «" + name(c) + "» is paid only if all of the following hold:"));
      out.add(new DocBlock.Items(conditions));
    }
    out.add(
        clause(
            "Если значение показателя условия не определено (нет данных за период), условие"
                + " считается невыполненным.",
            "A condition whose value is undefined (no data for the period) is not met."));
  }

  /** «значение показателя «NPS» за период строго больше 70 (при значении, равном 70, …)». */
  private Text condition(Gate g) {
    Text cmp = Words.comparator(g.comparator());
    Text threshold =
        g.basis() == GateBasis.VALUE
            ? words.value(g.threshold(), g.measure())
            : words.percent(g.threshold());
    Text measure = words.measureGenitive(g.measure());
    Text subject =
        switch (g.basis()) {
          case VALUE ->
              t("значение " + measure.ru() + " за период", "the value of " + measure.en());
          case GROWTH_PERCENT ->
              t(
                  "рост значения "
                      + measure.ru()
                      + " по сравнению с предыдущим периодом той же продолжительности"
                      + " ((значение − значение предыдущего периода) ÷ значение предыдущего"
                      + " периода × 100\u00A0%)",
                  "the growth of "
                      + measure.en()
                      + " over the previous period of the same length ((value − previous value) ÷"
                      + " previous value × 100\u00A0%)");
          case ATTAINMENT_PERCENT ->
              t(
                  "выполнение плана по значению "
                      + measure.ru()
                      + " (значение ÷ план × 100\u00A0%)",
                  "the plan attainment of " + measure.en() + " (value ÷ plan × 100\u00A0%)");
        };
    Text boundary =
        Words.inclusive(g.comparator())
            ? t(
                "при значении, равном " + threshold.ru() + ", условие выполнено",
                "a value equal to " + threshold.en() + " meets it")
            : t(
                "при значении, равном " + threshold.ru() + ", условие не выполнено",
                "a value equal to " + threshold.en() + " does not meet it");
    return t(
        subject.ru() + " " + cmp.ru() + " " + threshold.ru() + " (" + boundary.ru() + ")",
        subject.en() + " is " + cmp.en() + " " + threshold.en() + " (" + boundary.en() + ")");
  }

  /** «Премия = 5 % × Объём продаж, если NPS > 70; иначе 0, но не более …». */
  private Text formula(Component c) {
    Text m = words.measureShort(c.measure());
    Rule rule = c.rule();
    Text body;
    if (rule instanceof PercentRule r) {
      Text rate = words.percent(r.ratePercent());
      body = t(rate.ru() + " × " + m.ru(), rate.en() + " × " + m.en());
    } else if (rule instanceof PerUnitRule r) {
      Text a = words.money(r.amount());
      body = t(a.ru() + " × " + m.ru(), a.en() + " × " + m.en());
    } else if (rule instanceof FixedRule r) {
      body = words.money(r.amount());
    } else if (rule instanceof TieredRule r) {
      body =
          r.mode() == TierMode.MARGINAL
              ? t(
                  "Σ (часть «" + m.ru() + "» в ступени × ставка ступени)",
                  "Σ (band of «" + m.en() + "» in the tier × the tier's rate)")
              : t("ставка достигнутой ступени × " + m.ru(), "the reached tier's rate × " + m.en());
    } else if (rule instanceof AcceleratorRule r) {
      Text rate = words.percent(r.ratePercent());
      body =
          r.mode() == AcceleratorMode.ABOVE_PLAN
              ? t(
                  rate.ru() + " × max(0; " + m.ru() + " − План)",
                  rate.en() + " × max(0, " + m.en() + " − Plan)")
              : t(
                  rate.ru() + " × " + m.ru() + " × K(выполнение плана)",
                  rate.en() + " × " + m.en() + " × K(attainment)");
    } else if (rule instanceof FormulaRule r) {
      body = t(r.expression(), r.expression());
    } else {
      body = t("приз за занятое место", "the prize for the place taken");
    }
    StringBuilder ru = new StringBuilder("«" + name(c) + "» = " + body.ru());
    StringBuilder en = new StringBuilder("«" + name(c) + "» = " + body.en());
    if (!c.gates().isEmpty()) {
      List<String> cr = new ArrayList<>();
      List<String> ce = new ArrayList<>();
      for (Gate g : c.gates()) {
        Text name = words.measureShort(g.measure());
        Text threshold =
            g.basis() == GateBasis.VALUE
                ? words.value(g.threshold(), g.measure())
                : words.percent(g.threshold());
        String br =
            switch (g.basis()) {
              case VALUE -> "";
              case GROWTH_PERCENT -> ", рост";
              case ATTAINMENT_PERCENT -> ", выполнение плана";
            };
        String be =
            switch (g.basis()) {
              case VALUE -> "";
              case GROWTH_PERCENT -> ", growth";
              case ATTAINMENT_PERCENT -> ", attainment";
            };
        String sym = g.comparator().symbol();
        cr.add(name.ru() + br + " " + sym + " " + threshold.ru());
        ce.add(name.en() + be + " " + sym + " " + threshold.en());
      }
      ru.append(", если ").append(String.join(" и ", cr)).append("; иначе 0");
      en.append(" if ").append(String.join(" and ", ce)).append("; otherwise 0");
    }
    Text limits = limitsText(c.floor(), c.cap());
    ru.append(limits.ru());
    en.append(limits.en());
    return t(ru.toString(), en.toString());
  }

  /** «, но не менее 1 000,00 ₽ и не более 50 000,00 ₽» for a formula line; empty without limits. */
  private Text limitsText(java.math.BigDecimal floor, java.math.BigDecimal cap) {
    List<String> ru = new ArrayList<>();
    List<String> en = new ArrayList<>();
    if (floor != null) {
      ru.add("не менее " + words.money(floor).ru());
      en.add("at least " + words.money(floor).en());
    }
    if (cap != null) {
      ru.add("не более " + words.money(cap).ru());
      en.add("at most " + words.money(cap).en());
    }
    if (ru.isEmpty()) {
      return t("", "");
    }
    return t(", но " + String.join(" и ", ru), ", " + String.join(" and ", en));
  }

  /** The scheme's own limits and proration. */
  private void limits(List<DocBlock> out, SchemeDefinition d) {
    if (d.cap() != null) {
      Text v = words.moneyInWords(d.cap());
      out.add(
          clause(
              "Общий размер переменной части за месяц не может превышать " + v.ru() + ".",
              "The variable pay of a month is at most " + v.en() + " in total."));
    }
    if (d.floor() != null) {
      Text v = words.moneyInWords(d.floor());
      out.add(
          clause(
              "Общий размер переменной части за месяц составляет не менее "
                  + v.ru()
                  + " (гарантированная часть).",
              "The variable pay of a month is at least " + v.en() + " (guaranteed)."));
    }
    if (d.cap() != null || d.floor() != null) {
      out.add(
          clause(
              "За неполный месяц эти пределы применяются пропорционально числу календарных дней,"
                  + " в которые работнику была назначена схема.",
              "For part of a month these limits apply in proportion to the calendar days on the"
                  + " scheme."));
    }
    out.add(
        clause(
            "Если в периоде работник был на схеме не все календарные дни, премии (кроме призов за"
                + " места в рейтинге) начисляются пропорционально числу календарных дней периода,"
                + " в которые работнику была назначена схема. Размер каждой премии округляется до"
                + " копеек по правилам математического округления.",
            "If the employee was on the scheme for only part of a period, the bonuses (except"
                + " ranking prizes) are prorated by the calendar days of the period on the scheme."
                + " Each bonus is rounded half-up to kopecks."));
  }

  private static String name(Component c) {
    return c.name() == null || c.name().isBlank() ? c.key() : c.name();
  }

  private static DocBlock.Clause clause(String ru, String en) {
    return new DocBlock.Clause(t(ru, en));
  }
}
