package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The readable difference between two definitions, for version history and the consultancy's
 * proposals: components are matched by key (their order does not matter), every changed field is
 * one sentence in Russian and English («Премия с объёма продаж: ставка 5 % → 6 %»). Numbers are
 * compared by value (5 and 5.00 are the same rate).
 */
public final class SchemeDiff {

  private final Map<String, KpiDescriptor> kpis = new HashMap<>();
  private final String currency;
  private final List<Change> changes = new ArrayList<>();

  private SchemeDiff(List<KpiDescriptor> catalogue, String currency) {
    catalogue.forEach(k -> kpis.put(k.code(), k));
    this.currency = currency;
  }

  /**
   * The changes from {@code before} to {@code after}, KPIs named by their codes and thresholds as
   * plain numbers (see the overload with the catalogue for names and units).
   */
  public static List<Change> between(SchemeDefinition before, SchemeDefinition after) {
    return between(before, after, List.of());
  }

  /**
   * The changes, KPIs named from the catalogue and thresholds in their units («1 000 000,00 ₽»).
   */
  public static List<Change> between(
      SchemeDefinition before, SchemeDefinition after, List<KpiDescriptor> catalogue) {
    SchemeDiff diff = new SchemeDiff(catalogue, "₽");
    diff.scheme(before, after);
    return List.copyOf(diff.changes);
  }

  private void scheme(SchemeDefinition a, SchemeDefinition b) {
    money(List.of("baseSalary"), new Text("Оклад", "Base salary"), a.baseSalary(), b.baseSalary());
    money(
        List.of("cap"),
        new Text("Максимум переменной части", "Variable pay cap"),
        a.cap(),
        b.cap());
    money(
        List.of("floor"),
        new Text("Минимум переменной части", "Variable pay floor"),
        a.floor(),
        b.floor());
    adaptation(a.adaptation(), b.adaptation());
    Map<String, Component> before = byKey(a);
    Map<String, Component> after = byKey(b);
    for (Component c : before.values()) {
      if (!after.containsKey(c.key())) {
        add(
            List.of("components", c.key()),
            ChangeKind.REMOVED,
            new Text(
                "Удалён компонент «" + c.name() + "»", "Component «" + c.name() + "» removed"));
      }
    }
    for (Component c : after.values()) {
      Component old = before.get(c.key());
      if (old == null) {
        Text rule = ruleSummary(c);
        add(
            List.of("components", c.key()),
            ChangeKind.ADDED,
            new Text(
                "Добавлен компонент «" + c.name() + "»: " + rule.ru(),
                "Component «" + c.name() + "» added: " + rule.en()));
      } else {
        component(old, c);
      }
    }
  }

  private void adaptation(Adaptation a, Adaptation b) {
    List<String> at = List.of("adaptation");
    if (a == null && b == null) {
      return;
    }
    if (a == null) {
      add(
          at,
          ChangeKind.ADDED,
          new Text(
              "Добавлена адаптация: " + b.months() + " мес.",
              "Adaptation added: " + b.months() + " months"));
      return;
    }
    if (b == null) {
      add(at, ChangeKind.REMOVED, new Text("Адаптация убрана", "Adaptation removed"));
      return;
    }
    if (a.months() != b.months()) {
      add(
          List.of("adaptation", "months"),
          ChangeKind.CHANGED,
          new Text(
              "Адаптация: срок " + a.months() + " → " + b.months() + " мес.",
              "Adaptation: " + a.months() + " → " + b.months() + " months"));
    }
    value(
        List.of("adaptation", "planFactorPercent"),
        new Text("Адаптация: коэффициент плана", "Adaptation: plan factor"),
        a.planFactorPercent(),
        b.planFactorPercent(),
        Formats::percent);
    money(
        List.of("adaptation", "guaranteedMinimum"),
        new Text("Адаптация: гарантированный минимум", "Adaptation: guaranteed minimum"),
        a.guaranteedMinimum(),
        b.guaranteedMinimum());
  }

  private void component(Component a, Component b) {
    List<String> at = List.of("components", b.key());
    Text name = new Text(b.name(), b.name());
    if (!a.name().equals(b.name())) {
      add(
          path(at, "name"),
          ChangeKind.CHANGED,
          new Text(
              "Компонент «" + a.name() + "» переименован в «" + b.name() + "»",
              "Component «" + a.name() + "» renamed to «" + b.name() + "»"));
    }
    if (a.frequency() != b.frequency()) {
      add(
          path(at, "frequency"),
          ChangeKind.CHANGED,
          prefixed(
              name,
              new Text(
                  "периодичность "
                      + frequencyRu(a.frequency())
                      + " → "
                      + frequencyRu(b.frequency()),
                  "frequency " + frequencyEn(a.frequency()) + " → " + frequencyEn(b.frequency()))));
    }
    if (!a.measure().equals(b.measure())) {
      Text ma = measureName(a.measure());
      Text mb = measureName(b.measure());
      add(
          path(at, "measure"),
          ChangeKind.CHANGED,
          prefixed(
              name,
              new Text(
                  "показатель " + ma.ru() + " → " + mb.ru(),
                  "measure " + ma.en() + " → " + mb.en())));
    }
    rule(at, name, a, b);
    gates(at, name, a.gates(), b.gates());
    money(path(at, "cap"), prefixed(name, new Text("максимум", "cap")), a.cap(), b.cap());
    money(path(at, "floor"), prefixed(name, new Text("минимум", "floor")), a.floor(), b.floor());
  }

  private void rule(List<String> component, Text name, Component ca, Component cb) {
    Rule a = ca.rule();
    Rule b = cb.rule();
    List<String> at = path(component, "rule");
    if (a.kind() != b.kind()) {
      Text before = ruleSummary(ca);
      Text after = ruleSummary(cb);
      add(
          path(at, "kind"),
          ChangeKind.CHANGED,
          prefixed(
              name,
              new Text(
                  "правило «" + before.ru() + "» → «" + after.ru() + "»",
                  "rule «" + before.en() + "» → «" + after.en() + "»")));
      return;
    }
    Text rate = new Text("ставка", "rate");
    Text amount = new Text("сумма", "amount");
    if (a instanceof PercentRule ra && b instanceof PercentRule rb) {
      value(
          path(at, "ratePercent"),
          prefixed(name, rate),
          ra.ratePercent(),
          rb.ratePercent(),
          Formats::percent);
    } else if (a instanceof PerUnitRule ra && b instanceof PerUnitRule rb) {
      money(
          path(at, "amount"),
          prefixed(name, new Text("сумма за единицу", "amount per unit")),
          ra.amount(),
          rb.amount());
    } else if (a instanceof FixedRule ra && b instanceof FixedRule rb) {
      money(path(at, "amount"), prefixed(name, amount), ra.amount(), rb.amount());
    } else if (a instanceof TieredRule ra && b instanceof TieredRule rb) {
      if (ra.mode() != rb.mode()) {
        add(
            path(at, "tierMode"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "режим шкалы " + tierModeRu(ra.mode()) + " → " + tierModeRu(rb.mode()),
                    "tier mode " + tierModeEn(ra.mode()) + " → " + tierModeEn(rb.mode()))));
      }
      KpiUnitKind unit = unit(cb.measure());
      Text ta = tiers(ra, unit);
      Text tb = tiers(rb, unit);
      if (!ta.equals(tb)) {
        add(
            path(at, "tiers"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "ступени: " + ta.ru() + " → " + tb.ru(),
                    "tiers: " + ta.en() + " → " + tb.en())));
      }
    } else if (a instanceof AcceleratorRule ra && b instanceof AcceleratorRule rb) {
      if (ra.mode() != rb.mode()) {
        add(
            path(at, "acceleratorMode"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "ускоритель " + acceleratorRu(ra.mode()) + " → " + acceleratorRu(rb.mode()),
                    "accelerator " + acceleratorEn(ra.mode()) + " → " + acceleratorEn(rb.mode()))));
      }
      value(
          path(at, "ratePercent"),
          prefixed(name, rate),
          ra.ratePercent(),
          rb.ratePercent(),
          Formats::percent);
      Text ca2 = curve(ra);
      Text cb2 = curve(rb);
      if (!ca2.equals(cb2)) {
        add(
            path(at, "curve"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "кривая: " + ca2.ru() + " → " + cb2.ru(),
                    "curve: " + ca2.en() + " → " + cb2.en())));
      }
    } else if (a instanceof FormulaRule ra && b instanceof FormulaRule rb) {
      if (!ra.expression().equals(rb.expression())) {
        add(
            path(at, "expression"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "формула «" + ra.expression() + "» → «" + rb.expression() + "»",
                    "formula «" + ra.expression() + "» → «" + rb.expression() + "»")));
      }
    } else if (a instanceof RankingRule ra && b instanceof RankingRule rb) {
      if (ra.highestWins() != rb.highestWins()) {
        add(
            path(at, "highestWins"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                rb.highestWins()
                    ? new Text(
                        "побеждает наибольший результат (было: наименьший)",
                        "the highest result wins (was: the lowest)")
                    : new Text(
                        "побеждает наименьший результат (было: наибольший)",
                        "the lowest result wins (was: the highest)")));
      }
      Text pa = prizes(ra);
      Text pb = prizes(rb);
      if (!pa.equals(pb)) {
        add(
            path(at, "prizes"),
            ChangeKind.CHANGED,
            prefixed(
                name,
                new Text(
                    "призы: " + pa.ru() + " → " + pb.ru(),
                    "prizes: " + pa.en() + " → " + pb.en())));
      }
      date(
          path(at, "contestFrom"),
          prefixed(name, new Text("начало конкурса", "contest start")),
          ra.contestFrom(),
          rb.contestFrom());
      date(
          path(at, "contestTo"),
          prefixed(name, new Text("конец конкурса", "contest end")),
          ra.contestTo(),
          rb.contestTo());
    }
  }

  private void gates(List<String> component, Text name, List<Gate> a, List<Gate> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      List<String> at = path(component, "gates", Integer.toString(i));
      if (i >= a.size()) {
        Text g = gate(b.get(i));
        add(
            at,
            ChangeKind.ADDED,
            prefixed(name, new Text("добавлено условие: " + g.ru(), "condition added: " + g.en())));
      } else if (i >= b.size()) {
        Text g = gate(a.get(i));
        add(
            at,
            ChangeKind.REMOVED,
            prefixed(name, new Text("убрано условие: " + g.ru(), "condition removed: " + g.en())));
      } else {
        Gate ga = a.get(i);
        Gate gb = b.get(i);
        boolean sameMeasure = ga.measure().equals(gb.measure()) && ga.basis() == gb.basis();
        boolean sameThreshold =
            ga.comparator() == gb.comparator() && ga.threshold().compareTo(gb.threshold()) == 0;
        if (!sameMeasure) {
          Text ta = gate(ga);
          Text tb = gate(gb);
          add(
              at,
              ChangeKind.CHANGED,
              prefixed(
                  name,
                  new Text(
                      "условие: " + ta.ru() + " → " + tb.ru(),
                      "condition: " + ta.en() + " → " + tb.en())));
        } else if (!sameThreshold) {
          Text ta = threshold(ga);
          Text tb = threshold(gb);
          Text what = gateSubject(gb);
          add(
              at,
              ChangeKind.CHANGED,
              prefixed(
                  name,
                  new Text(
                      "порог («" + what.ru() + "»): " + ta.ru() + " → " + tb.ru(),
                      "threshold («" + what.en() + "»): " + ta.en() + " → " + tb.en())));
        }
      }
    }
  }

  // ---- texts

  private Text gate(Gate g) {
    Text s = gateSubject(g);
    Text t = threshold(g);
    return new Text(s.ru() + " " + t.ru(), s.en() + " " + t.en());
  }

  private Text gateSubject(Gate g) {
    Text m = measureName(g.measure());
    return new Text(m.ru() + Engine.basisRu(g.basis()), m.en() + Engine.basisEn(g.basis()));
  }

  private Text threshold(Gate g) {
    Text v =
        g.basis() == GateBasis.VALUE
            ? Formats.value(g.threshold(), unit(g.measure()), currency)
            : Formats.percent(g.threshold());
    return new Text(g.comparator().symbol() + " " + v.ru(), g.comparator().symbol() + " " + v.en());
  }

  private KpiUnitKind unit(Measure m) {
    KpiDescriptor kpi = m.isFormula() ? null : kpis.get(m.kpi());
    return kpi == null ? null : kpi.unit();
  }

  private Text measureName(Measure m) {
    if (m.isFormula()) {
      return new Text("формула «" + m.formula() + "»", "formula «" + m.formula() + "»");
    }
    Text n = Formats.kpiName(kpis.get(m.kpi()), m.kpi());
    KpiDescriptor kpi = kpis.get(m.kpi());
    if (m.subject() == Subject.TEAM && (kpi == null || !kpi.department())) {
      return new Text(n.ru() + " (отдел)", n.en() + " (team)");
    }
    return n;
  }

  private Text ruleSummary(Component c) {
    Rule rule = c.rule();
    Text m = measureName(c.measure());
    if (rule instanceof PercentRule r) {
      Text p = Formats.percent(r.ratePercent());
      return new Text(p.ru() + " от «" + m.ru() + "»", p.en() + " of «" + m.en() + "»");
    } else if (rule instanceof PerUnitRule r) {
      Text a = Formats.money(r.amount(), currency);
      return new Text(
          a.ru() + " за единицу «" + m.ru() + "»", a.en() + " per unit of «" + m.en() + "»");
    } else if (rule instanceof FixedRule r) {
      Text a = Formats.money(r.amount(), currency);
      return new Text("фиксированно " + a.ru(), "fixed " + a.en());
    } else if (rule instanceof TieredRule r) {
      Text t = tiers(r, unit(c.measure()));
      return new Text(
          "шкала " + tierModeRu(r.mode()) + ": " + t.ru(),
          "tiers " + tierModeEn(r.mode()) + ": " + t.en());
    } else if (rule instanceof AcceleratorRule r) {
      Text p = Formats.percent(r.ratePercent());
      return new Text(
          "ускоритель " + acceleratorRu(r.mode()) + ", " + p.ru(),
          "accelerator " + acceleratorEn(r.mode()) + ", " + p.en());
    } else if (rule instanceof FormulaRule r) {
      return new Text("формула «" + r.expression() + "»", "formula «" + r.expression() + "»");
    } else if (rule instanceof RankingRule r) {
      Text p = prizes(r);
      return new Text(
          "рейтинг по «" + m.ru() + "», призы " + p.ru(),
          "ranking by «" + m.en() + "», prizes " + p.en());
    }
    return new Text(rule.kind().name(), rule.kind().name());
  }

  private Text tiers(TieredRule r, KpiUnitKind unit) {
    List<Text> parts = new ArrayList<>();
    for (Tier t : r.tiers()) {
      Text from = Formats.value(t.from(), unit, currency);
      Text rate = Formats.percent(t.ratePercent());
      String sign = t.fromInclusive() ? "≥ " : "> ";
      parts.add(
          new Text(sign + from.ru() + " — " + rate.ru(), sign + from.en() + " — " + rate.en()));
    }
    return Formats.join("; ", parts.toArray(new Text[0]));
  }

  private Text curve(AcceleratorRule r) {
    List<Text> parts = new ArrayList<>();
    for (CurveStep s : r.curve()) {
      Text from = Formats.percent(s.fromAttainmentPercent());
      Text m = Formats.multiplier(s.multiplier());
      String sign = s.fromInclusive() ? "≥ " : "> ";
      parts.add(new Text(sign + from.ru() + " — " + m.ru(), sign + from.en() + " — " + m.en()));
    }
    return parts.isEmpty()
        ? new Text("нет", "none")
        : Formats.join("; ", parts.toArray(new Text[0]));
  }

  private Text prizes(RankingRule r) {
    return Formats.join(
        " / ", r.prizes().stream().map(p -> Formats.money(p, currency)).toArray(Text[]::new));
  }

  private static String frequencyRu(Frequency f) {
    return switch (f) {
      case MONTHLY -> "ежемесячно";
      case QUARTERLY -> "ежеквартально";
      case ANNUAL -> "ежегодно";
    };
  }

  private static String frequencyEn(Frequency f) {
    return f.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String tierModeRu(TierMode m) {
    return m == TierMode.MARGINAL ? "по ступеням" : "на всю сумму";
  }

  private static String tierModeEn(TierMode m) {
    return m == TierMode.MARGINAL ? "marginal" : "whole amount";
  }

  private static String acceleratorRu(AcceleratorMode m) {
    return m == AcceleratorMode.ABOVE_PLAN ? "сверх плана" : "по кривой";
  }

  private static String acceleratorEn(AcceleratorMode m) {
    return m == AcceleratorMode.ABOVE_PLAN ? "above plan" : "curve";
  }

  // ---- generic field comparisons

  private void money(List<String> at, Text what, BigDecimal a, BigDecimal b) {
    value(at, what, a, b, v -> Formats.money(v, currency));
  }

  private void value(
      List<String> at, Text what, BigDecimal a, BigDecimal b, Function<BigDecimal, Text> shown) {
    if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
      return;
    }
    Text none = new Text("нет", "none");
    Text ta = a == null ? none : shown.apply(a);
    Text tb = b == null ? none : shown.apply(b);
    ChangeKind kind =
        a == null ? ChangeKind.ADDED : b == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
    add(
        at,
        kind,
        new Text(
            what.ru() + separator(what) + ta.ru() + " → " + tb.ru(),
            what.en() + separator(what) + ta.en() + " → " + tb.en()));
  }

  private void date(List<String> at, Text what, LocalDate a, LocalDate b) {
    if (Objects.equals(a, b)) {
      return;
    }
    String ta = a == null ? "нет" : a.toString();
    String tb = b == null ? "нет" : b.toString();
    ChangeKind kind =
        a == null ? ChangeKind.ADDED : b == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
    add(
        at,
        kind,
        new Text(
            what.ru() + separator(what) + ta + " → " + tb,
            what.en()
                + separator(what)
                + (a == null ? "none" : a)
                + " → "
                + (b == null ? "none" : b)));
  }

  /**
   * «Оклад: 70 000 → 75 000» for a scheme field; «Премия: ставка 5 % → 6 %» once a prefix already
   * names the part that changed.
   */
  private static String separator(Text what) {
    return what.ru().contains(": ") ? " " : ": ";
  }

  private static Text prefixed(Text name, Text what) {
    return new Text(name.ru() + ": " + what.ru(), name.en() + ": " + what.en());
  }

  private void add(List<String> path, ChangeKind kind, Text text) {
    changes.add(new Change(path, kind, text));
  }

  private static List<String> path(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  private static Map<String, Component> byKey(SchemeDefinition d) {
    Map<String, Component> out = new LinkedHashMap<>();
    d.components().forEach(c -> out.put(c.key(), c));
    return out;
  }
}
