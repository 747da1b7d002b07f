package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.Words.t;

import app.premia.compensation.domain.AcceleratorMode;
import app.premia.compensation.domain.AcceleratorRule;
import app.premia.compensation.domain.Comparator;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.CurveStep;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.Formula;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.GateBasis;
import app.premia.compensation.domain.Line;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.RankingRule;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.Subject;
import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.Tier;
import app.premia.compensation.domain.TierMode;
import app.premia.compensation.domain.TieredRule;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worked examples of one scheme: sample KPI values chosen to show each rule working (gates
 * open, the measure in an upper tier, over plan, a place in a ranking), one more exactly at each
 * gate's threshold and at a tier or curve bound (the boundary explicit: at a strict threshold it
 * does not pay), a month of the whole scheme, a new hire in adaptation. Every printed amount is the
 * engine's: the example is evaluated and its line (explanation and amount) printed as the engine
 * gives it.
 */
final class Examples {

  /** An example as printed, and what it was computed from. */
  record Made(DocBlock.Example block, WorkedExample example) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Default values by unit, one set per attempt: the first that makes the line pay wins. */
  private static final List<Map<KpiUnitKind, BigDecimal>> ROUNDS =
      List.of(
          Map.of(
              KpiUnitKind.MONEY, d("1250000"),
              KpiUnitKind.COUNT, d("12"),
              KpiUnitKind.PERCENT, d("25"),
              KpiUnitKind.SCORE, d("40")),
          Map.of(
              KpiUnitKind.MONEY, d("2500000"),
              KpiUnitKind.COUNT, d("30"),
              KpiUnitKind.PERCENT, d("112.5"),
              KpiUnitKind.SCORE, d("75")),
          Map.of(
              KpiUnitKind.MONEY, d("300000"),
              KpiUnitKind.COUNT, d("4"),
              KpiUnitKind.PERCENT, d("8"),
              KpiUnitKind.SCORE, d("-20")));

  private final Engine engine;
  private final Words words;
  private final List<KpiDescriptor> catalogue;
  private final Map<String, Formula.Variable> ruleVariables;
  private final Map<String, Formula.Variable> measureVariables;
  private final int year;
  private final Set<String> counts;

  /**
   * @param year the sample year (of the regulations' effective date): examples are for March of it
   *     (closing the first quarter), annual components for December
   */
  Examples(List<KpiDescriptor> catalogue, Words words, int year) {
    this.engine = new Engine(catalogue, words.currency());
    this.words = words;
    this.catalogue = catalogue;
    this.ruleVariables = Formula.variables(catalogue, true);
    this.measureVariables = Formula.variables(catalogue, false);
    this.year = year;
    this.counts =
        catalogue.stream()
            .filter(k -> k.unit() == KpiUnitKind.COUNT)
            .map(KpiDescriptor::code)
            .collect(Collectors.toSet());
  }

  /** The sample month of a component: March, or December for an annual one. */
  KpiPeriod month(Frequency f) {
    return f == Frequency.ANNUAL ? KpiPeriod.month(year, 12) : KpiPeriod.month(year, 3);
  }

  /** The examples of one component, in print order. */
  List<Made> component(String sectionKey, SchemeDefinition d, Component c) {
    KpiPeriod month = month(c.frequency());
    if (c.rule() instanceof RankingRule r && r.contest()) {
      month = contestMonth(c, r);
      if (month == null) {
        return List.of();
      }
    }
    List<Made> out = new ArrayList<>();
    SampleKpis main = null;
    for (Map<KpiUnitKind, BigDecimal> defaults : ROUNDS) {
      SampleKpis candidate = inputs(c, month, defaults);
      if (main == null) {
        main = candidate;
      }
      Line line = line(d, c, month, candidate);
      if (line != null && line.paid() && line.amount().signum() > 0) {
        main = candidate;
        break;
      }
    }
    Made first = made(sectionKey, d, c, month, main, t("Пример расчёта", "Example"), t("", ""));
    if (first != null) {
      out.add(first);
    }
    for (Gate g : c.gates()) {
      SampleKpis at = atThreshold(g, main);
      if (at == null) {
        continue;
      }
      Text which =
          Words.inclusive(g.comparator())
              ? t(
                  " (порог включается в условие — премия начисляется)",
                  " (the threshold itself meets the condition — the bonus is paid)")
              : t(
                  " (порог не включается в условие — премия не начисляется)",
                  " (the threshold itself does not meet the condition — no bonus)");
      Made m =
          made(
              sectionKey,
              d,
              c,
              month,
              at,
              t("Пример на границе условия: значение равно порогу", "Example at the threshold"),
              which);
      if (m != null) {
        out.add(m);
      }
    }
    SampleKpis bound = atBound(c, main);
    if (bound != null) {
      Made m =
          made(
              sectionKey,
              d,
              c,
              month,
              bound,
              t("Пример на границе ступени", "Example at a tier bound"),
              t("", ""));
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** A month of the whole scheme (every component closing in it), or null with one component. */
  Made scheme(String sectionKey, SchemeDefinition d) {
    if (d.components().size() < 2 && d.cap() == null && d.floor() == null) {
      return null;
    }
    boolean annual = d.components().stream().anyMatch(c -> c.frequency() == Frequency.ANNUAL);
    KpiPeriod month = annual ? KpiPeriod.month(year, 12) : KpiPeriod.month(year, 3);
    SampleKpis.Builder b = new SampleKpis.Builder(month, counts);
    for (Component c : d.components()) {
      SampleKpis s = inputs(c, month, ROUNDS.get(0));
      s.current().forEach(b::value);
      s.previous().forEach(b::previous);
      s.plans().forEach(b::plan);
    }
    SampleKpis inputs = b.build();
    Participant p = participant(1, "Работник", d, inputs, null);
    EmployeeResult r = engine.evaluate(d, month, List.of(p)).get(0);
    Text caption =
        join(
            t(
                "Пример расчёта переменной части за " + Words.period(month).ru(),
                "Example of the variable pay for " + Words.period(month).en()),
            describe(inputs, month));
    return total(sectionKey, d, month, p, r, caption);
  }

  /**
   * A new hire in his first month, when the scheme has an adaptation period: with low values; if
   * the guaranteed minimum does not show with them, a first month without results instead.
   */
  Made adaptation(String sectionKey, SchemeDefinition d) {
    if (d.adaptation() == null || d.adaptation().months() < 1) {
      return null;
    }
    KpiPeriod month = KpiPeriod.month(year, 3);
    LocalDate hired = month.firstDay();
    Made first = null;
    for (boolean results : new boolean[] {true, false}) {
      SampleKpis.Builder b = new SampleKpis.Builder(month, counts);
      for (Component c : d.components()) {
        if (c.frequency() != Frequency.MONTHLY || !results) {
          continue;
        }
        SampleKpis s = inputs(c, month, ROUNDS.get(2));
        s.current().forEach(b::value);
        s.previous().forEach(b::previous);
        s.plans().forEach(b::plan);
      }
      SampleKpis inputs = b.build();
      Participant p = participant(1, "Новый работник", d, inputs, hired);
      EmployeeResult r = engine.evaluate(d, month, List.of(p)).get(0);
      Text caption =
          join(
              t(
                  "Пример для работника, принятого "
                      + Words.date(hired).ru()
                      + " (первый месяц адаптационного периода), за "
                      + Words.period(month).ru(),
                  "Example for an employee hired on "
                      + Words.date(hired).en()
                      + " (the first month of adaptation), for "
                      + Words.period(month).en()),
              results
                  ? describe(inputs, month)
                  : t("результатов по показателям нет", "no results on the measures"));
      Made made = total(sectionKey, d, month, p, r, caption);
      if (first == null) {
        first = made;
      }
      boolean minimum =
          r.adjustments().stream().anyMatch(l -> l.componentKey().equals("adaptation_minimum"));
      if (d.adaptation().guaranteedMinimum() == null || minimum) {
        return made;
      }
    }
    return first;
  }

  private Made total(
      String sectionKey,
      SchemeDefinition d,
      KpiPeriod month,
      Participant p,
      EmployeeResult r,
      Text caption) {
    caption = t(caption.ru() + ".", caption.en() + ".");
    List<Text> steps = new ArrayList<>(r.notes());
    for (Line l : r.lines()) {
      steps.add(lineTotal(l));
    }
    for (Line a : r.adjustments()) {
      steps.add(lineTotal(a));
      steps.addAll(a.explanation());
    }
    Text variable = words.moneyInWords(r.variablePay());
    Text all = words.moneyInWords(r.total());
    Text result =
        t(
            "Переменная часть за месяц: "
                + variable.ru()
                + "; всего с базовым окладом: "
                + all.ru()
                + ".",
            "Variable pay for the month: "
                + variable.en()
                + "; total with the base salary: "
                + all.en()
                + ".");
    return new Made(
        new DocBlock.Example(caption, steps, result),
        new WorkedExample(sectionKey, null, d, month, p, r.variablePay()));
  }

  private Text lineTotal(Line l) {
    Text amount = words.money(l.amount());
    return t(
        "«" + l.componentName() + "»: " + amount.ru(),
        "«" + l.componentName() + "»: " + amount.en());
  }

  /** Evaluates one component's example and prints it; null when the month has no line for it. */
  private Made made(
      String sectionKey,
      SchemeDefinition d,
      Component c,
      KpiPeriod month,
      SampleKpis inputs,
      Text title,
      Text note) {
    List<Participant> others = competitors(d, c, inputs);
    Participant p = participant(1, "Работник", d, inputs, null);
    List<Participant> all = new ArrayList<>();
    all.add(p);
    all.addAll(others);
    EmployeeResult r = engine.evaluate(d, month, all).get(0);
    Line line = find(r, c.key());
    if (line == null) {
      return null;
    }
    KpiPeriod period = period(c, month);
    Text caption =
        join(
            t(
                title.ru() + note.ru() + " за " + Words.period(period).ru(),
                title.en() + note.en() + " for " + Words.period(period).en()),
            describe(inputs, month));
    if (!others.isEmpty()) {
      List<Text> values = new ArrayList<>();
      for (Participant o : others) {
        SampleKpis s = (SampleKpis) o.kpis();
        values.add(words.value(s.current().get(c.measure().kpi()), c.measure()));
      }
      Text joined = joinList(values, ", ");
      caption =
          t(
              caption.ru() + "; у других работников по схеме — " + joined.ru(),
              caption.en() + "; the other employees on the scheme — " + joined.en());
    }
    caption = t(caption.ru() + ".", caption.en() + ".");
    String name = c.name() == null ? c.key() : c.name();
    Text amount = words.moneyInWords(line.amount());
    Text result =
        line.paid() && line.amount().signum() > 0
            ? t(
                "Премия «" + name + "» за " + Words.period(period).ru() + ": " + amount.ru() + ".",
                "Bonus «" + name + "» for " + Words.period(period).en() + ": " + amount.en() + ".")
            : t(
                "Премия «"
                    + name
                    + "» за "
                    + Words.period(period).ru()
                    + " не начисляется: "
                    + amount.ru()
                    + ".",
                "Bonus «"
                    + name
                    + "» for "
                    + Words.period(period).en()
                    + " is not paid: "
                    + amount.en()
                    + ".");
    return new Made(
        new DocBlock.Example(caption, line.explanation(), result),
        new WorkedExample(sectionKey, c.key(), d, month, p, line.amount(), others));
  }

  private Line line(SchemeDefinition d, Component c, KpiPeriod month, SampleKpis inputs) {
    List<Participant> all = new ArrayList<>();
    all.add(participant(1, "Работник", d, inputs, null));
    all.addAll(competitors(d, c, inputs));
    return find(engine.evaluate(d, month, all).get(0), c.key());
  }

  private static Line find(EmployeeResult r, String key) {
    return r.lines().stream().filter(l -> l.componentKey().equals(key)).findFirst().orElse(null);
  }

  /**
   * For a ranking: two more employees, so the example employee takes second place when there is a
   * second prize, else first.
   */
  private List<Participant> competitors(SchemeDefinition d, Component c, SampleKpis inputs) {
    if (!(c.rule() instanceof RankingRule r) || c.measure().isFormula()) {
      return List.of();
    }
    String kpi = c.measure().kpi();
    BigDecimal v = inputs.current().get(kpi);
    if (v == null) {
      return List.of();
    }
    boolean second = r.prizes().size() >= 2;
    String[] factors =
        r.highestWins()
            ? (second ? new String[] {"1.2", "0.72"} : new String[] {"0.8", "0.72"})
            : (second ? new String[] {"0.8", "1.3"} : new String[] {"1.2", "1.3"});
    List<Participant> out = new ArrayList<>();
    String[] names = {"Работник Б", "Работник В"};
    for (int i = 0; i < factors.length; i++) {
      BigDecimal other = round(v.multiply(d(factors[i])), unit(kpi));
      SampleKpis s = new SampleKpis.Builder(inputs).replace(kpi, other).build();
      out.add(participant(i + 2, names[i], d, s, null));
    }
    return out;
  }

  private Participant participant(
      long id, String name, SchemeDefinition d, SampleKpis inputs, LocalDate hired) {
    LocalDate since = hired == null ? LocalDate.of(year - 2, 1, 10) : hired;
    return new Participant(id, name, since, since, null, usesTeam(d), inputs);
  }

  /** Whether anything of the scheme reads a department: then the example employee heads one. */
  private boolean usesTeam(SchemeDefinition d) {
    for (Component c : d.components()) {
      if (team(c.measure())) {
        return true;
      }
      for (Gate g : c.gates()) {
        if (team(g.measure())) {
          return true;
        }
      }
      if (c.rule() instanceof app.premia.compensation.domain.FormulaRule f
          && variables(f.expression(), ruleVariables).stream()
              .anyMatch(Formula.Variable::teamKpi)) {
        return true;
      }
    }
    return false;
  }

  private boolean team(Measure m) {
    if (m.isFormula()) {
      return variables(m.formula(), measureVariables).stream().anyMatch(Formula.Variable::teamKpi);
    }
    KpiDescriptor k = words.kpi(m.kpi());
    return m.subject() == Subject.TEAM || (k != null && k.department());
  }

  /** The main inputs of a component's example. */
  private SampleKpis inputs(Component c, KpiPeriod month, Map<KpiUnitKind, BigDecimal> defaults) {
    SampleKpis.Builder b = new SampleKpis.Builder(month, counts);
    for (Gate g : c.gates()) {
      gateInputs(b, g, defaults, passing(g.comparator(), g.threshold(), g, g.basis()));
    }
    Measure m = c.measure();
    if (m.isFormula()) {
      fill(b, variables(m.formula(), measureVariables), defaults);
    } else {
      String kpi = m.kpi();
      if (c.rule() instanceof TieredRule tiered && !b.has(kpi)) {
        Tier last = tiered.tiers().get(tiered.tiers().size() - 1);
        b.value(
            kpi,
            last.from().signum() > 0
                ? round(last.from().multiply(d("1.25")), unit(kpi))
                : defaults.get(unit(kpi)));
      } else if (c.rule() instanceof AcceleratorRule acc) {
        BigDecimal attainment = d("120");
        if (acc.mode() == AcceleratorMode.CURVE && !acc.curve().isEmpty()) {
          CurveStep top = acc.curve().get(acc.curve().size() - 1);
          attainment = top.fromAttainmentPercent().add(BigDecimal.TEN);
        }
        if (b.has(kpi)) {
          BigDecimal plan =
              b.current(kpi).multiply(HUNDRED).divide(attainment, 10, RoundingMode.HALF_UP);
          b.plan(kpi, round(plan, unit(kpi)));
        } else {
          BigDecimal plan = defaults.get(unit(kpi));
          b.plan(kpi, plan);
          b.value(kpi, round(plan.multiply(attainment).divide(HUNDRED), unit(kpi)));
        }
      }
      b.value(kpi, defaults.get(unit(kpi)));
    }
    if (c.rule() instanceof app.premia.compensation.domain.FormulaRule f) {
      fill(b, variables(f.expression(), ruleVariables), defaults);
    }
    return b.build();
  }

  /** Values for a formula's variables. */
  private void fill(
      SampleKpis.Builder b, List<Formula.Variable> vars, Map<KpiUnitKind, BigDecimal> defaults) {
    int n = 0;
    for (Formula.Variable v : vars) {
      if (v.kpi() == null) {
        continue;
      }
      // each further variable a fifth smaller, so differences and ratios are not trivial
      BigDecimal share =
          BigDecimal.ONE.subtract(d("0.2").multiply(BigDecimal.valueOf(Math.min(n++, 4))));
      BigDecimal value = round(defaults.get(unit(v.kpi())).multiply(share), unit(v.kpi()));
      switch (v.kind()) {
        case PLAN -> b.plan(v.kpi(), round(value.multiply(d("0.8")), unit(v.kpi())));
        case PREVIOUS -> b.previous(v.kpi(), round(value.multiply(d("0.9")), unit(v.kpi())));
        default -> b.value(v.kpi(), value);
      }
    }
  }

  /** Sets the values that make a gate's basis equal {@code target}. */
  private void gateInputs(
      SampleKpis.Builder b, Gate g, Map<KpiUnitKind, BigDecimal> defaults, BigDecimal target) {
    if (g.measure().isFormula()) {
      fill(b, variables(g.measure().formula(), measureVariables), defaults);
      return;
    }
    String kpi = g.measure().kpi();
    KpiUnitKind unit = unit(kpi);
    switch (g.basis()) {
      case VALUE -> b.value(kpi, target);
      case GROWTH_PERCENT -> {
        BigDecimal before = defaults.get(unit).abs();
        if (before.signum() == 0) {
          before = BigDecimal.ONE;
        }
        b.previous(kpi, before);
        b.value(kpi, before.multiply(HUNDRED.add(target)).divide(HUNDRED));
      }
      case ATTAINMENT_PERCENT -> {
        BigDecimal plan = defaults.get(unit).abs();
        if (plan.signum() == 0) {
          plan = BigDecimal.ONE;
        }
        b.plan(kpi, plan);
        b.value(kpi, plan.multiply(target).divide(HUNDRED));
      }
    }
  }

  /** The inputs with one gate's basis exactly at its threshold, or null for a formula gate. */
  private SampleKpis atThreshold(Gate g, SampleKpis main) {
    if (g.measure().isFormula()) {
      return null;
    }
    String kpi = g.measure().kpi();
    SampleKpis.Builder b = new SampleKpis.Builder(main);
    switch (g.basis()) {
      case VALUE -> b.replace(kpi, g.threshold());
      case GROWTH_PERCENT -> {
        BigDecimal before = main.previous().get(kpi);
        if (before == null) {
          return null;
        }
        b.replace(kpi, before.multiply(HUNDRED.add(g.threshold())).divide(HUNDRED));
      }
      case ATTAINMENT_PERCENT -> {
        BigDecimal plan = main.plans().get(kpi);
        if (plan == null) {
          return null;
        }
        b.replace(kpi, plan.multiply(g.threshold()).divide(HUNDRED));
      }
    }
    return b.build();
  }

  /** A tier or curve bound (the second tier's, else the first's): where inclusivity matters. */
  private SampleKpis atBound(Component c, SampleKpis main) {
    if (c.measure().isFormula()) {
      return null;
    }
    String kpi = c.measure().kpi();
    if (c.rule() instanceof TieredRule r && r.mode() == TierMode.WHOLE && r.tiers().size() > 1) {
      return new SampleKpis.Builder(main).replace(kpi, r.tiers().get(1).from()).build();
    }
    if (c.rule() instanceof AcceleratorRule r
        && r.mode() == AcceleratorMode.CURVE
        && !r.curve().isEmpty()) {
      BigDecimal plan = main.plans().get(kpi);
      if (plan == null) {
        return null;
      }
      CurveStep step = r.curve().get(r.curve().size() > 1 ? 1 : 0);
      return new SampleKpis.Builder(main)
          .replace(kpi, plan.multiply(step.fromAttainmentPercent()).divide(HUNDRED))
          .build();
    }
    return null;
  }

  /** The month closing a period. */
  private static KpiPeriod closingMonth(KpiPeriod period) {
    LocalDate last = period.lastDay();
    return KpiPeriod.month(last.getYear(), last.getMonthValue());
  }

  /** For a contest: the month closing its first whole period, or null when none lies within. */
  private KpiPeriod contestMonth(Component c, RankingRule r) {
    KpiPeriodKind kind = c.frequency().periodKind();
    KpiPeriod p =
        r.contestFrom() == null
            ? KpiPeriod.containing(r.contestTo(), kind)
            : KpiPeriod.containing(r.contestFrom(), kind);
    if (r.contestFrom() != null && p.firstDay().isBefore(r.contestFrom())) {
      p = p.next();
    }
    if (r.contestTo() != null && p.lastDay().isAfter(r.contestTo())) {
      if (r.contestFrom() == null) {
        p = p.previous();
      } else {
        return null;
      }
    }
    return closingMonth(p);
  }

  /** A value that meets the comparator with some room: a quarter beyond the threshold. */
  private BigDecimal passing(Comparator cmp, BigDecimal threshold, Gate g, GateBasis basis) {
    KpiUnitKind unit =
        basis == GateBasis.VALUE && !g.measure().isFormula()
            ? unit(g.measure().kpi())
            : KpiUnitKind.PERCENT;
    boolean up = cmp == Comparator.GT || cmp == Comparator.GE;
    BigDecimal v;
    if (threshold.signum() == 0) {
      v = up ? BigDecimal.TEN : BigDecimal.TEN.negate();
    } else if (up) {
      v = threshold.signum() > 0 ? threshold.multiply(d("1.25")) : threshold.multiply(d("0.75"));
    } else {
      v = threshold.signum() > 0 ? threshold.multiply(d("0.8")) : threshold.multiply(d("1.25"));
    }
    v = round(v, unit);
    BigDecimal step = unit == KpiUnitKind.MONEY ? d("0.01") : BigDecimal.ONE;
    while (!cmp.holds(v, threshold)) {
      v = up ? v.add(step) : v.subtract(step);
    }
    return v;
  }

  private KpiUnitKind unit(String kpi) {
    KpiDescriptor k = words.kpi(kpi);
    return k == null ? KpiUnitKind.COUNT : k.unit();
  }

  private static BigDecimal round(BigDecimal v, KpiUnitKind unit) {
    BigDecimal r =
        switch (unit) {
          case MONEY -> v.setScale(2, RoundingMode.HALF_UP);
          case COUNT, SCORE -> v.setScale(0, RoundingMode.HALF_UP);
          case PERCENT -> v.setScale(1, RoundingMode.HALF_UP);
        };
    if (unit == KpiUnitKind.MONEY) {
      return r;
    }
    BigDecimal plain = r.stripTrailingZeros();
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }

  private static KpiPeriod period(Component c, KpiPeriod month) {
    return KpiPeriod.containing(month.firstDay(), c.frequency().periodKind());
  }

  private static List<Formula.Variable> variables(
      String expression, Map<String, Formula.Variable> declared) {
    Formula.Compiled compiled = Formula.compile(expression, declared.keySet());
    if (compiled instanceof Formula.Ok ok) {
      return ok.formula().variables().stream().map(declared::get).toList();
    }
    return List.of();
  }

  /** «Объём продаж за март 2026 г. — 1 250 000,00 ₽; план … — …». */
  private Text describe(SampleKpis s, KpiPeriod month) {
    List<Text> parts = new ArrayList<>();
    s.current()
        .forEach(
            (kpi, v) -> {
              Text name = words.kpiName(kpi);
              Text value = words.value(v, kpi);
              parts.add(t(name.ru() + " — " + value.ru(), name.en() + " — " + value.en()));
            });
    s.plans()
        .forEach(
            (kpi, v) -> {
              Text name = words.kpiName(kpi);
              Text value = words.value(v, kpi);
              parts.add(
                  t(
                      "план по показателю «" + name.ru() + "» — " + value.ru(),
                      "plan of «" + name.en() + "» — " + value.en()));
            });
    s.previous()
        .forEach(
            (kpi, v) -> {
              Text name = words.kpiName(kpi);
              Text value = words.value(v, kpi);
              parts.add(
                  t(
                      name.ru() + " за предыдущий период — " + value.ru(),
                      name.en() + " in the previous period — " + value.en()));
            });
    return joinList(parts);
  }

  private static Text joinList(List<Text> parts) {
    return joinList(parts, "; ");
  }

  private static Text joinList(List<Text> parts, String separator) {
    StringBuilder ru = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (Text p : parts) {
      if (!ru.isEmpty()) {
        ru.append(separator);
        en.append(separator);
      }
      ru.append(p.ru());
      en.append(p.en());
    }
    return t(ru.toString(), en.toString());
  }

  private static Text join(Text head, Text list) {
    if (list.ru().isEmpty()) {
      return head;
    }
    return t(head.ru() + ": " + list.ru(), head.en() + ": " + list.en());
  }

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }
}
