package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule engine: pure (no I/O, no clock), exact decimals (quotients to 34 significant digits),
 * each line rounded half-up to kopecks once at its end, every line explained in Russian and
 * English. The semantics are written down in {@code docs/domain/compensation.md}; in short:
 *
 * <ul>
 *   <li>a component pays for the period of its frequency that closes with the run's month (a
 *       quarterly one in March, June, September and December);
 *   <li>an undefined measure pays nothing and says why; every gate must hold;
 *   <li>a negative result pays 0; the component's floor, then its cap; then proration by the days
 *       of the period the employee is on the version (not for ranking prizes);
 *   <li>scheme cap and floor, then the adaptation minimum, as adjustment lines.
 * </ul>
 */
public final class Engine {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final List<KpiDescriptor> catalogue;
  private final Map<String, KpiDescriptor> kpis = new HashMap<>();
  private final String currency;
  private final Map<String, Formula.Variable> measureVariables;
  private final Map<String, Formula.Variable> ruleVariables;

  /** Compiled formulas by source, rules and measures apart (their variables differ). */
  private final Map<String, Formula.Compiled> formulas = new ConcurrentHashMap<>();

  /**
   * @param catalogue the KPI catalogue (units decide what a rule may apply to)
   */
  public Engine(List<KpiDescriptor> catalogue) {
    this(catalogue, "₽");
  }

  /**
   * @param currencySymbol how explanations write the tenant's currency (₽ by default)
   */
  public Engine(List<KpiDescriptor> catalogue, String currencySymbol) {
    this.catalogue = List.copyOf(catalogue);
    this.catalogue.forEach(k -> kpis.put(k.code(), k));
    this.currency = Objects.requireNonNull(currencySymbol, "currencySymbol");
    this.measureVariables = Formula.variables(catalogue, false);
    this.ruleVariables = Formula.variables(catalogue, true);
  }

  /**
   * Evaluates the monthly run of {@code month} for every participant of one scheme version: monthly
   * components for the month; quarterly and annual components in the month that closes their
   * quarter or year. Rankings rank the participants given together.
   *
   * @param definition a valid definition (see SchemeValidator)
   * @param month a MONTH period
   */
  public List<EmployeeResult> evaluate(
      SchemeDefinition definition, KpiPeriod month, List<Participant> participants) {
    if (month.kind() != KpiPeriodKind.MONTH) {
      throw new IllegalArgumentException("a run is monthly, not " + month.kind());
    }
    Map<String, Map<Long, Placing>> rankings = new HashMap<>();
    for (Component c : definition.components()) {
      if (c.rule() instanceof RankingRule r && closes(c, month) && inContest(r, period(c, month))) {
        rankings.put(c.key(), rank(definition, c, r, month, participants));
      }
    }
    List<EmployeeResult> out = new ArrayList<>();
    for (Participant p : participants) {
      out.add(new Run(definition, month, p).result(rankings));
    }
    return out;
  }

  List<KpiDescriptor> catalogue() {
    return catalogue;
  }

  /** A formula compiled once per engine (a run evaluates it for every participant). */
  private Formula.Compiled compiled(String source, boolean rule) {
    return formulas.computeIfAbsent(
        (rule ? "rule:" : "measure:") + source,
        k -> Formula.compile(source, (rule ? ruleVariables : measureVariables).keySet()));
  }

  /** The component's period that contains the month. */
  static KpiPeriod period(Component c, KpiPeriod month) {
    return KpiPeriod.containing(month.firstDay(), c.frequency().periodKind());
  }

  /** Whether the month closes the component's period. */
  static boolean closes(Component c, KpiPeriod month) {
    return period(c, month).lastDay().equals(month.lastDay());
  }

  static boolean inContest(RankingRule r, KpiPeriod period) {
    if (!r.contest()) {
      return true;
    }
    return (r.contestFrom() == null || !period.firstDay().isBefore(r.contestFrom()))
        && (r.contestTo() == null || !period.lastDay().isAfter(r.contestTo()));
  }

  /** Days of the period on which the participant is on the version. */
  static long daysOn(Participant p, KpiPeriod period) {
    LocalDate from =
        p.assignedFrom().isAfter(period.firstDay()) ? p.assignedFrom() : period.firstDay();
    LocalDate to =
        p.assignedTo() == null || p.assignedTo().isAfter(period.lastDay())
            ? period.lastDay()
            : p.assignedTo();
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return Math.max(0, days);
  }

  static long days(KpiPeriod period) {
    return ChronoUnit.DAYS.between(period.firstDay(), period.endDay());
  }

  static BigDecimal kopecks(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal percentOf(BigDecimal value, BigDecimal ratePercent) {
    return value.multiply(ratePercent).divide(HUNDRED, Formula.MATH);
  }

  /**
   * What a component's rule gives for a measure value alone, before limits, or null when it needs
   * more than the value (a plan, other variables, the other participants). Used by boundary
   * previews.
   */
  static BigDecimal ruleAmount(Rule rule, BigDecimal v) {
    if (rule instanceof PercentRule r) {
      return percentOf(v, r.ratePercent());
    } else if (rule instanceof PerUnitRule r) {
      return v.multiply(r.amount());
    } else if (rule instanceof FixedRule r) {
      return r.amount();
    } else if (rule instanceof TieredRule r) {
      return r.mode() == TierMode.MARGINAL ? marginal(r, v) : whole(r, v);
    }
    return null;
  }

  static BigDecimal marginal(TieredRule r, BigDecimal v) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < r.tiers().size(); i++) {
      sum =
          sum.add(
              band(r, i, v).multiply(r.tiers().get(i).ratePercent()).divide(HUNDRED, Formula.MATH));
    }
    return sum;
  }

  /** The part of v in tier i: max(0, min(v, next from) − from). */
  static BigDecimal band(TieredRule r, int i, BigDecimal v) {
    Tier t = r.tiers().get(i);
    BigDecimal top = i + 1 < r.tiers().size() ? v.min(r.tiers().get(i + 1).from()) : v;
    return top.subtract(t.from()).max(BigDecimal.ZERO);
  }

  static BigDecimal whole(TieredRule r, BigDecimal v) {
    Tier t = reachedTier(r, v);
    return t == null ? BigDecimal.ZERO : percentOf(v, t.ratePercent());
  }

  static Tier reachedTier(TieredRule r, BigDecimal v) {
    Tier reached = null;
    for (Tier t : r.tiers()) {
      if (reaches(v, t.from(), t.fromInclusive())) {
        reached = t;
      }
    }
    return reached;
  }

  static CurveStep reachedStep(AcceleratorRule r, BigDecimal attainment) {
    CurveStep reached = null;
    for (CurveStep s : r.curve()) {
      if (reaches(attainment, s.fromAttainmentPercent(), s.fromInclusive())) {
        reached = s;
      }
    }
    return reached;
  }

  static boolean reaches(BigDecimal v, BigDecimal from, boolean inclusive) {
    int c = v.compareTo(from);
    return inclusive ? c >= 0 : c > 0;
  }

  /** A participant's place in a ranking. */
  record Placing(boolean ranked, int place, int of, int sharing, BigDecimal prize, Text why) {}

  private Map<Long, Placing> rank(
      SchemeDefinition d, Component c, RankingRule r, KpiPeriod month, List<Participant> ps) {
    KpiPeriod period = period(c, month);
    Map<Long, BigDecimal> eligible = new LinkedHashMap<>();
    Map<Long, Placing> out = new HashMap<>();
    for (Participant p : ps) {
      Run run = new Run(d, month, p);
      Measured m = run.measure(c.measure(), period);
      boolean gatesHold = c.gates().stream().allMatch(g -> run.gate(g, period, c).holds());
      if (daysOn(p, period) == 0) {
        out.put(
            p.employeeId(),
            notRanked(
                "не был на этой версии схемы в периоде",
                "was not on this scheme version in the period"));
      } else if (m.value() == null) {
        out.put(p.employeeId(), notRanked("показатель не определён", "the measure is undefined"));
      } else if (!gatesHold) {
        out.put(p.employeeId(), notRanked("условия не выполнены", "the conditions are not met"));
      } else if (r.highestWins() && m.value().signum() <= 0) {
        out.put(p.employeeId(), notRanked("нет результата больше нуля", "no result above zero"));
      } else {
        eligible.put(p.employeeId(), m.value());
      }
    }
    for (Map.Entry<Long, BigDecimal> e : eligible.entrySet()) {
      int better = 0;
      int same = 0;
      for (BigDecimal other : eligible.values()) {
        int cmp = other.compareTo(e.getValue());
        if (r.highestWins() ? cmp > 0 : cmp < 0) {
          better++;
        } else if (cmp == 0) {
          same++;
        }
      }
      int place = better + 1;
      BigDecimal prize = place <= r.prizes().size() ? r.prizes().get(place - 1) : BigDecimal.ZERO;
      out.put(e.getKey(), new Placing(true, place, eligible.size(), same, prize, null));
    }
    return out;
  }

  private static Placing notRanked(String ru, String en) {
    return new Placing(
        false,
        0,
        0,
        0,
        BigDecimal.ZERO,
        new Text("В рейтинге не участвует: " + ru, "Not ranked: " + en));
  }

  /** A measure's value in a period with its explanation. */
  record Measured(BigDecimal value, Text shown, KpiUnitKind unit) {}

  /** A gate's verdict with its sentence. */
  record Verdict(boolean holds, BigDecimal basisValue, List<Text> steps) {}

  /** The evaluation of one participant. */
  private final class Run {
    final SchemeDefinition d;
    final KpiPeriod month;
    final Participant p;
    final boolean adapting;
    final int adaptationMonth;
    final BigDecimal planFactor;

    Run(SchemeDefinition d, KpiPeriod month, Participant p) {
      this.d = d;
      this.month = month;
      this.p = p;
      Adaptation a = d.adaptation();
      int index = 0;
      if (a != null && p.hiredOn() != null) {
        index =
            (int)
                    ChronoUnit.MONTHS.between(
                        YearMonth.from(p.hiredOn()), YearMonth.from(month.firstDay()))
                + 1;
      }
      this.adaptationMonth = index;
      this.adapting = a != null && index >= 1 && index <= a.months();
      this.planFactor =
          adapting && a.planFactorPercent() != null
              ? a.planFactorPercent().divide(HUNDRED, Formula.MATH)
              : null;
    }

    EmployeeResult result(Map<String, Map<Long, Placing>> rankings) {
      long monthDays = daysOn(p, month);
      long inMonth = days(month);
      List<Text> notes = new ArrayList<>();
      BigDecimal base =
          kopecks(
              d.baseSalary()
                  .multiply(BigDecimal.valueOf(monthDays))
                  .divide(BigDecimal.valueOf(inMonth), Formula.MATH));
      if (monthDays < inMonth) {
        notes.add(
            new Text(
                "На этой версии схемы "
                    + monthDays
                    + " из "
                    + inMonth
                    + " "
                    + Formats.pluralRu(inMonth, new String[] {"дня", "дней", "дней"})
                    + " месяца: оклад "
                    + Formats.money(d.baseSalary(), currency).ru()
                    + " × "
                    + monthDays
                    + " ÷ "
                    + inMonth
                    + " = "
                    + Formats.money(base, currency).ru(),
                "On this scheme version "
                    + monthDays
                    + " of "
                    + inMonth
                    + " days of the month: base salary "
                    + Formats.money(d.baseSalary(), currency).en()
                    + " × "
                    + monthDays
                    + " ÷ "
                    + inMonth
                    + " = "
                    + Formats.money(base, currency).en()));
      }
      if (adapting) {
        Adaptation a = d.adaptation();
        StringBuilder ru =
            new StringBuilder("Адаптация: месяц " + adaptationMonth + " из " + a.months());
        StringBuilder en =
            new StringBuilder("Adaptation: month " + adaptationMonth + " of " + a.months());
        if (a.planFactorPercent() != null) {
          ru.append("; планы учитываются на ").append(Formats.percent(a.planFactorPercent()).ru());
          en.append("; plans count at ").append(Formats.percent(a.planFactorPercent()).en());
        }
        if (a.guaranteedMinimum() != null) {
          ru.append("; гарантированный минимум переменной части ")
              .append(Formats.money(a.guaranteedMinimum(), currency).ru());
          en.append("; guaranteed minimum of the variable pay ")
              .append(Formats.money(a.guaranteedMinimum(), currency).en());
        }
        notes.add(new Text(ru.toString(), en.toString()));
      }
      List<Line> lines = new ArrayList<>();
      for (Component c : d.components()) {
        if (!closes(c, month)) {
          continue;
        }
        KpiPeriod period = period(c, month);
        if (c.rule() instanceof RankingRule r && !inContest(r, period)) {
          continue;
        }
        Map<Long, Placing> ranking = rankings.get(c.key());
        lines.add(line(c, period, ranking == null ? null : ranking.get(p.employeeId())));
      }
      BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      List<Line> adjustments = new ArrayList<>();
      BigDecimal share =
          BigDecimal.valueOf(monthDays).divide(BigDecimal.valueOf(inMonth), Formula.MATH);
      if (d.cap() != null) {
        BigDecimal cap = kopecks(d.cap().multiply(share));
        if (sum.compareTo(cap) > 0) {
          BigDecimal adjust = cap.subtract(sum);
          adjustments.add(
              adjustment(
                  "scheme_cap",
                  new Text("Максимум схемы", "Scheme cap"),
                  adjust,
                  new Text(
                      "Сумма компонентов "
                          + Formats.money(sum, currency).ru()
                          + " больше максимума схемы "
                          + limit(d.cap(), cap, monthDays, inMonth).ru()
                          + " — уменьшение на "
                          + Formats.money(adjust.negate(), currency).ru(),
                      "The components total "
                          + Formats.money(sum, currency).en()
                          + ", above the scheme cap "
                          + limit(d.cap(), cap, monthDays, inMonth).en()
                          + " — reduced by "
                          + Formats.money(adjust.negate(), currency).en())));
          sum = cap;
        }
      }
      if (d.floor() != null) {
        BigDecimal floor = kopecks(d.floor().multiply(share));
        if (sum.compareTo(floor) < 0) {
          BigDecimal adjust = floor.subtract(sum);
          adjustments.add(
              adjustment(
                  "scheme_floor",
                  new Text("Минимум схемы", "Scheme floor"),
                  adjust,
                  new Text(
                      "Сумма компонентов "
                          + Formats.money(sum, currency).ru()
                          + " меньше минимума схемы "
                          + limit(d.floor(), floor, monthDays, inMonth).ru()
                          + " — доплата "
                          + Formats.money(adjust, currency).ru(),
                      "The components total "
                          + Formats.money(sum, currency).en()
                          + ", below the scheme floor "
                          + limit(d.floor(), floor, monthDays, inMonth).en()
                          + " — topped up by "
                          + Formats.money(adjust, currency).en())));
          sum = floor;
        }
      }
      if (adapting && d.adaptation().guaranteedMinimum() != null) {
        BigDecimal minimum = kopecks(d.adaptation().guaranteedMinimum().multiply(share));
        if (sum.compareTo(minimum) < 0) {
          BigDecimal adjust = minimum.subtract(sum);
          adjustments.add(
              adjustment(
                  "adaptation_minimum",
                  new Text("Гарантированный минимум адаптации", "Adaptation minimum"),
                  adjust,
                  new Text(
                      "Переменная часть "
                          + Formats.money(sum, currency).ru()
                          + " меньше гарантированного минимума адаптации "
                          + limit(d.adaptation().guaranteedMinimum(), minimum, monthDays, inMonth)
                              .ru()
                          + " — доплата "
                          + Formats.money(adjust, currency).ru(),
                      "The variable pay "
                          + Formats.money(sum, currency).en()
                          + " is below the adaptation minimum "
                          + limit(d.adaptation().guaranteedMinimum(), minimum, monthDays, inMonth)
                              .en()
                          + " — topped up by "
                          + Formats.money(adjust, currency).en())));
          sum = minimum;
        }
      }
      BigDecimal variable =
          lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      for (Line a : adjustments) {
        variable = variable.add(a.amount());
      }
      return new EmployeeResult(
          p.employeeId(), month, base, lines, adjustments, variable, base.add(variable), notes);
    }

    private Text limit(BigDecimal full, BigDecimal prorated, long daysOn, long inMonth) {
      if (daysOn == inMonth) {
        return Formats.money(full, currency);
      }
      return new Text(
          Formats.money(full, currency).ru()
              + " × "
              + daysOn
              + " ÷ "
              + inMonth
              + " = "
              + Formats.money(prorated, currency).ru(),
          Formats.money(full, currency).en()
              + " × "
              + daysOn
              + " ÷ "
              + inMonth
              + " = "
              + Formats.money(prorated, currency).en());
    }

    private Line adjustment(String key, Text name, BigDecimal amount, Text why) {
      return new Line(key, name.ru(), month, amount, true, List.of(why));
    }

    /** One component's line. */
    Line line(Component c, KpiPeriod period, Placing placing) {
      List<Text> steps = new ArrayList<>();
      long on = daysOn(p, period);
      long all = days(period);
      if (on == 0) {
        steps.add(
            new Text(
                "В периоде " + period.label() + " сотрудник не был на этой версии схемы — 0",
                "In " + period.label() + " the employee was not on this scheme version — 0"));
        return unpaid(c, period, steps);
      }
      Measured m = measure(c.measure(), period);
      steps.add(m.shown());
      if (m.value() == null) {
        steps.add(new Text("Компонент не начисляется", "The component pays nothing"));
        return unpaid(c, period, steps);
      }
      boolean open = true;
      for (Gate g : c.gates()) {
        Verdict v = gate(g, period, c);
        steps.addAll(v.steps());
        open &= v.holds();
      }
      if (!open) {
        return unpaid(c, period, steps);
      }
      BigDecimal amount = amount(c, period, m, placing, steps);
      if (amount == null) {
        return unpaid(c, period, steps);
      }
      if (amount.signum() < 0) {
        steps.add(
            new Text(
                "Расчёт дал "
                    + Formats.money(amount, currency).ru()
                    + " — отрицательная сумма не начисляется: 0",
                "The result is "
                    + Formats.money(amount, currency).en()
                    + " — a negative amount pays 0"));
        amount = BigDecimal.ZERO;
      }
      if (c.floor() != null && amount.compareTo(c.floor()) < 0) {
        steps.add(
            new Text(
                "Не меньше минимума компонента: " + Formats.money(c.floor(), currency).ru(),
                "At least the component's floor: " + Formats.money(c.floor(), currency).en()));
        amount = c.floor();
      }
      if (c.cap() != null && amount.compareTo(c.cap()) > 0) {
        steps.add(
            new Text(
                Formats.money(amount, currency).ru()
                    + " больше максимума компонента — начисляется максимум "
                    + Formats.money(c.cap(), currency).ru(),
                Formats.money(amount, currency).en()
                    + " is above the component's cap — the cap is paid: "
                    + Formats.money(c.cap(), currency).en()));
        amount = c.cap();
      }
      if (on < all && !(c.rule() instanceof RankingRule)) {
        BigDecimal prorated =
            amount.multiply(BigDecimal.valueOf(on)).divide(BigDecimal.valueOf(all), Formula.MATH);
        String daysRu = Formats.pluralRu(all, new String[] {"дня", "дней", "дней"});
        steps.add(
            new Text(
                "Пропорционально: отработано "
                    + on
                    + " из "
                    + all
                    + " "
                    + daysRu
                    + " периода: "
                    + Formats.money(amount, currency).ru()
                    + " × "
                    + on
                    + " ÷ "
                    + all
                    + " = "
                    + Formats.money(prorated, currency).ru(),
                "Prorated: "
                    + on
                    + " of "
                    + all
                    + " days of the period worked: "
                    + Formats.money(amount, currency).en()
                    + " × "
                    + on
                    + " ÷ "
                    + all
                    + " = "
                    + Formats.money(prorated, currency).en()));
        amount = prorated;
      }
      BigDecimal rounded = kopecks(amount);
      steps.add(
          new Text(
              "К начислению: " + Formats.money(rounded, currency).ru(),
              "Pays: " + Formats.money(rounded, currency).en()));
      return new Line(c.key(), c.name(), period, rounded, true, steps);
    }

    private Line unpaid(Component c, KpiPeriod period, List<Text> steps) {
      return new Line(c.key(), c.name(), period, BigDecimal.ZERO.setScale(2), false, steps);
    }

    /** The rule's amount (exact), or null when it pays nothing (steps say why). */
    private BigDecimal amount(
        Component c, KpiPeriod period, Measured m, Placing placing, List<Text> steps) {
      BigDecimal v = m.value();
      Text shownV = Formats.value(v, m.unit(), currency);
      Rule rule = c.rule();
      if (rule instanceof PercentRule r) {
        BigDecimal a = percentOf(v, r.ratePercent());
        steps.add(arithmetic(shownV, " × ", Formats.percent(r.ratePercent()), a));
        return a;
      } else if (rule instanceof PerUnitRule r) {
        BigDecimal a = v.multiply(r.amount());
        steps.add(arithmetic(shownV, " × ", Formats.money(r.amount(), currency), a));
        return a;
      } else if (rule instanceof FixedRule r) {
        steps.add(
            new Text(
                "Фиксированная сумма: " + Formats.money(r.amount(), currency).ru(),
                "Fixed amount: " + Formats.money(r.amount(), currency).en()));
        return r.amount();
      } else if (rule instanceof TieredRule r) {
        return tiered(r, v, m.unit(), steps);
      } else if (rule instanceof AcceleratorRule r) {
        return accelerator(c, r, period, m, steps);
      } else if (rule instanceof FormulaRule r) {
        return formula(r, period, v, steps);
      } else if (rule instanceof RankingRule r) {
        if (r.contest()) {
          steps.add(
              new Text(
                  "Конкурс с " + r.contestFrom() + " по " + r.contestTo(),
                  "Contest from " + r.contestFrom() + " to " + r.contestTo()));
        }
        if (placing == null || !placing.ranked()) {
          steps.add(
              placing == null ? new Text("В рейтинге не участвует", "Not ranked") : placing.why());
          return null;
        }
        String shared = placing.sharing() > 1 ? " (место делят " + placing.sharing() + ")" : "";
        String sharedEn = placing.sharing() > 1 ? " (shared by " + placing.sharing() + ")" : "";
        steps.add(
            new Text(
                (r.highestWins() ? "Рейтинг по убыванию: " : "Рейтинг по возрастанию: ")
                    + "место "
                    + placing.place()
                    + " из "
                    + placing.of()
                    + shared,
                (r.highestWins() ? "Ranked highest first: " : "Ranked lowest first: ")
                    + "place "
                    + placing.place()
                    + " of "
                    + placing.of()
                    + sharedEn));
        if (placing.place() <= r.prizes().size()) {
          steps.add(
              new Text(
                  "Приз за "
                      + placing.place()
                      + "-е место: "
                      + Formats.money(placing.prize(), currency).ru(),
                  "Prize for place "
                      + placing.place()
                      + ": "
                      + Formats.money(placing.prize(), currency).en()));
        } else {
          steps.add(
              new Text(
                  "Призов " + r.prizes().size() + " — за это место приза нет: 0",
                  r.prizes().size() + " prizes — none for this place: 0"));
        }
        return placing.prize();
      }
      throw new IllegalStateException("unknown rule " + rule);
    }

    private BigDecimal tiered(TieredRule r, BigDecimal v, KpiUnitKind unit, List<Text> steps) {
      if (r.mode() == TierMode.MARGINAL) {
        BigDecimal sum = BigDecimal.ZERO;
        List<Text> parts = new ArrayList<>();
        for (int i = 0; i < r.tiers().size(); i++) {
          Tier t = r.tiers().get(i);
          BigDecimal band = band(r, i, v);
          if (band.signum() <= 0) {
            continue;
          }
          BigDecimal part = percentOf(band, t.ratePercent());
          sum = sum.add(part);
          Text from = Formats.value(t.from(), unit, currency);
          Text to =
              i + 1 < r.tiers().size()
                  ? Formats.value(r.tiers().get(i + 1).from(), unit, currency)
                  : null;
          Text bandText = Formats.value(band, unit, currency);
          Text rate = Formats.percent(t.ratePercent());
          Text a = Formats.money(part, currency);
          steps.add(
              new Text(
                  "Ступень от "
                      + from.ru()
                      + (to == null ? "" : " до " + to.ru())
                      + ": "
                      + bandText.ru()
                      + " × "
                      + rate.ru()
                      + " = "
                      + a.ru(),
                  "Tier from "
                      + from.en()
                      + (to == null ? "" : " to " + to.en())
                      + ": "
                      + bandText.en()
                      + " × "
                      + rate.en()
                      + " = "
                      + a.en()));
          parts.add(a);
        }
        if (parts.isEmpty()) {
          Text first = Formats.value(r.tiers().get(0).from(), unit, currency);
          steps.add(
              new Text(
                  "Ниже первой ступени (от " + first.ru() + ") — 0",
                  "Below the first tier (from " + first.en() + ") — 0"));
        } else if (parts.size() > 1) {
          Text total = Formats.join(" + ", parts.toArray(new Text[0]));
          steps.add(
              new Text(
                  "По ступеням: " + total.ru() + " = " + Formats.money(sum, currency).ru(),
                  "Over the tiers: " + total.en() + " = " + Formats.money(sum, currency).en()));
        }
        return sum;
      }
      Tier t = reachedTier(r, v);
      Text shownV = Formats.value(v, unit, currency);
      if (t == null) {
        Tier first = r.tiers().get(0);
        Text from = Formats.value(first.from(), unit, currency);
        steps.add(
            new Text(
                shownV.ru()
                    + " не достигает первой ступени ("
                    + (first.fromInclusive() ? "≥ " : "> ")
                    + from.ru()
                    + ") — 0",
                shownV.en()
                    + " does not reach the first tier ("
                    + (first.fromInclusive() ? "≥ " : "> ")
                    + from.en()
                    + ") — 0"));
        return BigDecimal.ZERO;
      }
      Text from = Formats.value(t.from(), unit, currency);
      steps.add(
          new Text(
              "Достигнута ступень "
                  + (t.fromInclusive() ? "≥ " : "> ")
                  + from.ru()
                  + ": ставка "
                  + Formats.percent(t.ratePercent()).ru()
                  + " на всю сумму",
              "Tier "
                  + (t.fromInclusive() ? "≥ " : "> ")
                  + from.en()
                  + " reached: rate "
                  + Formats.percent(t.ratePercent()).en()
                  + " on the whole amount"));
      BigDecimal a = percentOf(v, t.ratePercent());
      steps.add(arithmetic(shownV, " × ", Formats.percent(t.ratePercent()), a));
      return a;
    }

    private BigDecimal accelerator(
        Component c, AcceleratorRule r, KpiPeriod period, Measured m, List<Text> steps) {
      Measure measure = c.measure();
      Text name = Formats.kpiName(kpis.get(measure.kpi()), String.valueOf(measure.kpi()));
      BigDecimal plan = plan(measure, period, steps);
      if (plan == null || plan.signum() == 0) {
        steps.add(
            new Text(
                "План по показателю «"
                    + name.ru()
                    + "» на "
                    + period.label()
                    + (plan == null ? " не задан" : " равен нулю")
                    + " — ускоритель не начисляется",
                "No "
                    + (plan == null ? "" : "non-zero ")
                    + "plan of «"
                    + name.en()
                    + "» for "
                    + period.label()
                    + " — the accelerator pays nothing"));
        return null;
      }
      BigDecimal v = m.value();
      Text shownV = Formats.value(v, m.unit(), currency);
      Text shownPlan = Formats.value(plan, m.unit(), currency);
      if (r.mode() == AcceleratorMode.ABOVE_PLAN) {
        BigDecimal excess = v.subtract(plan).max(BigDecimal.ZERO);
        Text shownExcess = Formats.value(excess, m.unit(), currency);
        steps.add(
            new Text(
                "Сверх плана: max(0; "
                    + shownV.ru()
                    + " − "
                    + shownPlan.ru()
                    + ") = "
                    + shownExcess.ru(),
                "Above plan: max(0, "
                    + shownV.en()
                    + " − "
                    + shownPlan.en()
                    + ") = "
                    + shownExcess.en()));
        BigDecimal a = percentOf(excess, r.ratePercent());
        steps.add(arithmetic(shownExcess, " × ", Formats.percent(r.ratePercent()), a));
        return a;
      }
      BigDecimal attainment = v.multiply(HUNDRED).divide(plan, Formula.MATH);
      steps.add(
          new Text(
              "Выполнение плана: "
                  + shownV.ru()
                  + " ÷ "
                  + shownPlan.ru()
                  + " × 100 = "
                  + Formats.percent(attainment).ru(),
              "Attainment: "
                  + shownV.en()
                  + " ÷ "
                  + shownPlan.en()
                  + " × 100 = "
                  + Formats.percent(attainment).en()));
      CurveStep step = reachedStep(r, attainment);
      BigDecimal multiplier = step == null ? BigDecimal.ZERO : step.multiplier();
      if (step == null) {
        CurveStep first = r.curve().get(0);
        steps.add(
            new Text(
                "Ниже первой ступени кривой ("
                    + (first.fromInclusive() ? "≥ " : "> ")
                    + Formats.percent(first.fromAttainmentPercent()).ru()
                    + ") — множитель 0",
                "Below the first curve step ("
                    + (first.fromInclusive() ? "≥ " : "> ")
                    + Formats.percent(first.fromAttainmentPercent()).en()
                    + ") — multiplier 0"));
      } else {
        steps.add(
            new Text(
                "Ступень кривой "
                    + (step.fromInclusive() ? "≥ " : "> ")
                    + Formats.percent(step.fromAttainmentPercent()).ru()
                    + ": множитель "
                    + Formats.multiplier(multiplier).ru(),
                "Curve step "
                    + (step.fromInclusive() ? "≥ " : "> ")
                    + Formats.percent(step.fromAttainmentPercent()).en()
                    + ": multiplier "
                    + Formats.multiplier(multiplier).en()));
      }
      BigDecimal a = percentOf(v, r.ratePercent()).multiply(multiplier);
      Text rate = Formats.percent(r.ratePercent());
      Text mult = Formats.number(multiplier);
      Text result = Formats.money(a, currency);
      steps.add(
          new Text(
              shownV.ru() + " × " + rate.ru() + " × " + mult.ru() + " = " + result.ru(),
              shownV.en() + " × " + rate.en() + " × " + mult.en() + " = " + result.en()));
      return a;
    }

    private BigDecimal formula(
        FormulaRule r, KpiPeriod period, BigDecimal measure, List<Text> steps) {
      Formula.Compiled compiled = compiled(r.expression(), true);
      steps.add(new Text("Формула: " + r.expression(), "Formula: " + r.expression()));
      if (compiled instanceof Formula.Refused refused) {
        steps.add(refused.message());
        return null;
      }
      Formula f = ((Formula.Ok) compiled).formula();
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      Text missing = variables(f, ruleVariables, period, measure, values);
      if (missing != null) {
        steps.add(missing);
        return null;
      }
      if (!values.isEmpty()) {
        steps.add(variablesText(values));
      }
      try {
        BigDecimal a = f.evaluate(values);
        steps.add(
            new Text(
                "Результат формулы: " + Formats.money(a, currency).ru(),
                "Formula result: " + Formats.money(a, currency).en()));
        return a;
      } catch (Formula.FormulaException e) {
        steps.add(
            new Text(
                "Формула не вычислена: " + e.reason().ru() + " — компонент не начисляется",
                "The formula could not be evaluated: "
                    + e.reason().en()
                    + " — the component pays nothing"));
        return null;
      }
    }

    private Text variablesText(Map<String, BigDecimal> values) {
      List<Text> parts = new ArrayList<>();
      values.forEach(
          (k, v) -> {
            Text n = Formats.number(v);
            parts.add(new Text(k + " = " + n.ru(), k + " = " + n.en()));
          });
      Text joined = Formats.join("; ", parts.toArray(new Text[0]));
      return new Text("Переменные: " + joined.ru(), "Variables: " + joined.en());
    }

    /** Fills the values of a formula's variables; returns why not when one is undefined. */
    private Text variables(
        Formula f,
        Map<String, Formula.Variable> declared,
        KpiPeriod period,
        BigDecimal measure,
        Map<String, BigDecimal> values) {
      for (String name : f.variables()) {
        Formula.Variable var = declared.get(name);
        BigDecimal value;
        String why = null;
        String whyEn = null;
        switch (var.kind()) {
          case BASE_SALARY -> value = d.baseSalary();
          case MEASURE -> value = measure;
          case PLAN -> {
            Subject s = var.teamKpi() ? Subject.TEAM : Subject.SELF;
            value =
                var.teamKpi() && !p.headsDepartment() ? null : p.kpis().plan(var.kpi(), s, period);
            if (value != null && planFactor != null) {
              value = value.multiply(planFactor);
            }
            why = "плана нет";
            whyEn = "no plan";
          }
          default -> {
            Subject s = var.teamKpi() ? Subject.TEAM : Subject.SELF;
            KpiPeriod at = var.kind() == Formula.VariableKind.PREVIOUS ? period.previous() : period;
            if (s == Subject.TEAM && !p.headsDepartment()) {
              value = null;
              why = "сотрудник не руководит отделом";
              whyEn = "the employee heads no department";
            } else {
              KpiValue kv = lookup(var.kpi(), s, at);
              value = kv.number();
              why = "нет данных за " + at.label();
              whyEn = "no data for " + at.label();
            }
          }
        }
        if (value == null) {
          return new Text(
              "Переменная «" + name + "» не определена (" + why + ") — компонент не начисляется",
              "The variable «"
                  + name
                  + "» is undefined ("
                  + whyEn
                  + ") — the component pays nothing");
        }
        values.put(name, value);
      }
      return null;
    }

    /** The plan of a KPI measure in the period (× the adaptation factor), with a step; or null. */
    BigDecimal plan(Measure measure, KpiPeriod period, List<Text> steps) {
      if (measure.isFormula()) {
        return null;
      }
      if (measure.subject() == Subject.TEAM && !p.headsDepartment()) {
        return null;
      }
      BigDecimal plan = p.kpis().plan(measure.kpi(), measure.subject(), period);
      if (plan == null) {
        return null;
      }
      KpiDescriptor kpi = kpis.get(measure.kpi());
      KpiUnitKind unit = kpi == null ? null : kpi.unit();
      Text name = Formats.kpiName(kpi, measure.kpi());
      if (planFactor != null) {
        BigDecimal adapted = plan.multiply(planFactor);
        Text factor = Formats.percent(d.adaptation().planFactorPercent());
        if (steps != null) {
          steps.add(
              new Text(
                  "План «"
                      + name.ru()
                      + "» на "
                      + period.label()
                      + ": "
                      + Formats.value(plan, unit, currency).ru()
                      + " × "
                      + factor.ru()
                      + " (адаптация) = "
                      + Formats.value(adapted, unit, currency).ru(),
                  "Plan of «"
                      + name.en()
                      + "» for "
                      + period.label()
                      + ": "
                      + Formats.value(plan, unit, currency).en()
                      + " × "
                      + factor.en()
                      + " (adaptation) = "
                      + Formats.value(adapted, unit, currency).en()));
        }
        return adapted;
      }
      if (steps != null) {
        steps.add(
            new Text(
                "План «"
                    + name.ru()
                    + "» на "
                    + period.label()
                    + ": "
                    + Formats.value(plan, unit, currency).ru(),
                "Plan of «"
                    + name.en()
                    + "» for "
                    + period.label()
                    + ": "
                    + Formats.value(plan, unit, currency).en()));
      }
      return plan;
    }

    /** The lookup's value; a null answer (against its contract) counts as undefined. */
    private KpiValue lookup(String kpi, Subject subject, KpiPeriod period) {
      KpiValue kv = p.kpis().value(kpi, subject, period);
      return kv == null ? KpiValue.undefined() : kv;
    }

    /** A measure's value in a period, explained; value null when undefined (shown says why). */
    Measured measure(Measure m, KpiPeriod period) {
      if (m.isFormula()) {
        Formula.Compiled compiled = compiled(m.formula(), false);
        if (compiled instanceof Formula.Refused refused) {
          return new Measured(null, refused.message(), null);
        }
        Formula f = ((Formula.Ok) compiled).formula();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Text missing = variables(f, measureVariables, period, null, values);
        if (missing != null) {
          return new Measured(
              null,
              new Text(
                  "Показатель по формуле «"
                      + m.formula()
                      + "» за "
                      + period.label()
                      + ": "
                      + missing.ru(),
                  "The formula measure «"
                      + m.formula()
                      + "» for "
                      + period.label()
                      + ": "
                      + missing.en()),
              null);
        }
        try {
          BigDecimal v = f.evaluate(values);
          Text vars = variablesText(values);
          return new Measured(
              v,
              new Text(
                  "Показатель по формуле «"
                      + m.formula()
                      + "» за "
                      + period.label()
                      + ": "
                      + Formats.number(v).ru()
                      + (values.isEmpty() ? "" : " (" + vars.ru() + ")"),
                  "The formula measure «"
                      + m.formula()
                      + "» for "
                      + period.label()
                      + ": "
                      + Formats.number(v).en()
                      + (values.isEmpty() ? "" : " (" + vars.en() + ")")),
              null);
        } catch (Formula.FormulaException e) {
          return new Measured(
              null,
              new Text(
                  "Показатель по формуле «"
                      + m.formula()
                      + "» за "
                      + period.label()
                      + " не вычислен: "
                      + e.reason().ru(),
                  "The formula measure «"
                      + m.formula()
                      + "» for "
                      + period.label()
                      + " could not be evaluated: "
                      + e.reason().en()),
              null);
        }
      }
      KpiDescriptor kpi = kpis.get(m.kpi());
      KpiUnitKind unit = kpi == null ? null : kpi.unit();
      Text name = Formats.kpiName(kpi, m.kpi());
      // a team KPI's name already says "department"; an employee KPI read for the team says so
      boolean teamSuffix = m.subject() == Subject.TEAM && (kpi == null || !kpi.department());
      String teamRu = teamSuffix ? " отдела" : "";
      String teamEn = teamSuffix ? " (team)" : "";
      if (m.subject() == Subject.TEAM && !p.headsDepartment()) {
        return new Measured(
            null,
            new Text(
                name.ru()
                    + teamRu
                    + " за "
                    + period.label()
                    + " не определён: сотрудник не руководит отделом",
                name.en()
                    + teamEn
                    + " for "
                    + period.label()
                    + " is undefined: the employee heads no department"),
            unit);
      }
      KpiValue kv = lookup(m.kpi(), m.subject(), period);
      if (!kv.defined()) {
        Text facts = Formats.facts(m.kpi(), kv.facts());
        return new Measured(
            null,
            new Text(
                name.ru()
                    + teamRu
                    + " за "
                    + period.label()
                    + " не определён (нет данных: "
                    + facts.ru()
                    + ")",
                name.en()
                    + teamEn
                    + " for "
                    + period.label()
                    + " is undefined (no data: "
                    + facts.en()
                    + ")"),
            unit);
      }
      Text value = Formats.value(kv.number(), unit, currency);
      Text facts = Formats.facts(m.kpi(), kv.facts());
      String errorsRu = kv.errors() > 0 ? "; не учтено из-за ошибок: " + kv.errors() : "";
      String errorsEn = kv.errors() > 0 ? "; left out for errors: " + kv.errors() : "";
      return new Measured(
          kv.number(),
          new Text(
              name.ru()
                  + teamRu
                  + " за "
                  + period.label()
                  + ": "
                  + value.ru()
                  + " ("
                  + facts.ru()
                  + errorsRu
                  + ")",
              name.en()
                  + teamEn
                  + " for "
                  + period.label()
                  + ": "
                  + value.en()
                  + " ("
                  + facts.en()
                  + errorsEn
                  + ")"),
          unit);
    }

    /** Whether a gate holds in the period, with its explanation. */
    Verdict gate(Gate g, KpiPeriod period, Component c) {
      List<Text> steps = new ArrayList<>();
      Measured m = measure(g.measure(), period);
      Text name =
          g.measure().isFormula()
              ? new Text("Показатель по формуле", "The formula measure")
              : Formats.kpiName(kpis.get(g.measure().kpi()), g.measure().kpi());
      if (!g.measure().equals(c.measure()) || m.value() == null) {
        steps.add(m.shown());
      }
      Text threshold =
          g.basis() == GateBasis.VALUE
              ? Formats.value(g.threshold(), m.unit(), currency)
              : Formats.percent(g.threshold());
      Text condition =
          new Text(
              name.ru() + basisRu(g.basis()) + " " + g.comparator().symbol() + " " + threshold.ru(),
              name.en()
                  + basisEn(g.basis())
                  + " "
                  + g.comparator().symbol()
                  + " "
                  + threshold.en());
      if (m.value() == null) {
        steps.add(
            new Text(
                "Условие «" + condition.ru() + "» не выполнено: показатель не определён",
                "Condition «" + condition.en() + "» not met: the measure is undefined"));
        return new Verdict(false, null, steps);
      }
      BigDecimal basis;
      Text shownBasis;
      switch (g.basis()) {
        case VALUE -> {
          basis = m.value();
          shownBasis = Formats.value(basis, m.unit(), currency);
        }
        case GROWTH_PERCENT -> {
          Measured prev = measure(g.measure(), period.previous());
          if (prev.value() == null || prev.value().signum() == 0) {
            steps.add(prev.shown());
            steps.add(
                new Text(
                    "Условие «"
                        + condition.ru()
                        + "» не выполнено: рост не определён (в прошлом периоде "
                        + (prev.value() == null ? "нет значения" : "0")
                        + ")",
                    "Condition «"
                        + condition.en()
                        + "» not met: growth is undefined (the previous period has "
                        + (prev.value() == null ? "no value" : "0")
                        + ")"));
            return new Verdict(false, null, steps);
          }
          basis =
              m.value().subtract(prev.value()).multiply(HUNDRED).divide(prev.value(), Formula.MATH);
          Text cur = Formats.value(m.value(), m.unit(), currency);
          Text before = Formats.value(prev.value(), m.unit(), currency);
          shownBasis = Formats.percent(basis);
          steps.add(
              new Text(
                  "Рост: ("
                      + cur.ru()
                      + " − "
                      + before.ru()
                      + ") ÷ "
                      + before.ru()
                      + " × 100 = "
                      + shownBasis.ru()
                      + " ("
                      + period.previous().label()
                      + " → "
                      + period.label()
                      + ")",
                  "Growth: ("
                      + cur.en()
                      + " − "
                      + before.en()
                      + ") ÷ "
                      + before.en()
                      + " × 100 = "
                      + shownBasis.en()
                      + " ("
                      + period.previous().label()
                      + " → "
                      + period.label()
                      + ")"));
        }
        default -> {
          BigDecimal plan = plan(g.measure(), period, steps);
          if (plan == null || plan.signum() == 0) {
            steps.add(
                new Text(
                    "Условие «"
                        + condition.ru()
                        + "» не выполнено: "
                        + (plan == null ? "плана нет" : "план равен нулю"),
                    "Condition «"
                        + condition.en()
                        + "» not met: "
                        + (plan == null ? "no plan" : "the plan is zero")));
            return new Verdict(false, null, steps);
          }
          basis = m.value().multiply(HUNDRED).divide(plan, Formula.MATH);
          shownBasis = Formats.percent(basis);
          Text cur = Formats.value(m.value(), m.unit(), currency);
          Text planText = Formats.value(plan, m.unit(), currency);
          steps.add(
              new Text(
                  "Выполнение плана: "
                      + cur.ru()
                      + " ÷ "
                      + planText.ru()
                      + " × 100 = "
                      + shownBasis.ru(),
                  "Attainment: "
                      + cur.en()
                      + " ÷ "
                      + planText.en()
                      + " × 100 = "
                      + shownBasis.en()));
        }
      }
      boolean holds = g.comparator().holds(basis, g.threshold());
      String subjectRu = name.ru() + basisRu(g.basis()) + " " + shownBasis.ru();
      String subjectEn = name.en() + basisEn(g.basis()) + " " + shownBasis.en();
      steps.add(
          holds
              ? new Text(
                  subjectRu
                      + " "
                      + g.comparator().symbol()
                      + " "
                      + threshold.ru()
                      + " — условие выполнено",
                  subjectEn
                      + " "
                      + g.comparator().symbol()
                      + " "
                      + threshold.en()
                      + " — condition met")
              : new Text(
                  subjectRu
                      + " не "
                      + g.comparator().symbol()
                      + " "
                      + threshold.ru()
                      + " — условие не выполнено",
                  subjectEn
                      + " is not "
                      + g.comparator().symbol()
                      + " "
                      + threshold.en()
                      + " — condition not met"));
      return new Verdict(holds, basis, steps);
    }
  }

  static String basisRu(GateBasis basis) {
    return switch (basis) {
      case VALUE -> "";
      case GROWTH_PERCENT -> ", рост";
      case ATTAINMENT_PERCENT -> ", выполнение плана";
    };
  }

  static String basisEn(GateBasis basis) {
    return switch (basis) {
      case VALUE -> "";
      case GROWTH_PERCENT -> ", growth";
      case ATTAINMENT_PERCENT -> ", attainment";
    };
  }

  private Text arithmetic(Text left, String op, Text right, BigDecimal result) {
    Text r = Formats.money(result, currency);
    return new Text(
        left.ru() + op + right.ru() + " = " + r.ru(), left.en() + op + right.en() + " = " + r.en());
  }
}
