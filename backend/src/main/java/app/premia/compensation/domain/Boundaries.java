package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boundary preview: what happens just below, exactly at and just above every VALUE gate's
 * threshold, every tier bound and every curve step, so an editor sees that "> 1 000 000 ₽" pays
 * nothing at exactly 1 000 000 ₽. "Just" is one step of the unit: 0,01 for money, 1 for a count,
 * 0,0001 for a percentage, a score or a formula.
 */
public final class Boundaries {

  private static final BigDecimal MONEY_STEP = new BigDecimal("0.01");
  private static final BigDecimal FINE_STEP = new BigDecimal("0.0001");

  private final Map<String, KpiDescriptor> kpis = new HashMap<>();
  private final String currency;

  private Boundaries(List<KpiDescriptor> catalogue, String currency) {
    catalogue.forEach(k -> kpis.put(k.code(), k));
    this.currency = currency;
  }

  /** Every boundary case of the definition, component by component. */
  public static List<BoundaryCase> of(SchemeDefinition definition, List<KpiDescriptor> catalogue) {
    Boundaries b = new Boundaries(catalogue, "₽");
    List<BoundaryCase> out = new ArrayList<>();
    for (Component c : definition.components()) {
      b.component(c, out);
    }
    return List.copyOf(out);
  }

  private void component(Component c, List<BoundaryCase> out) {
    for (int i = 0; i < c.gates().size(); i++) {
      Gate g = c.gates().get(i);
      if (g.basis() != GateBasis.VALUE) {
        continue;
      }
      KpiUnitKind unit = unit(g.measure());
      Text name = name(g.measure());
      Text threshold = Formats.value(g.threshold(), unit, currency);
      Text title =
          new Text(
              "Условие: " + name.ru() + " " + g.comparator().symbol() + " " + threshold.ru(),
              "Condition: " + name.en() + " " + g.comparator().symbol() + " " + threshold.en());
      boolean own = g.measure().equals(c.measure());
      for (BigDecimal v : around(g.threshold(), unit)) {
        boolean holds = g.comparator().holds(v, g.threshold());
        Text outcome =
            holds
                ? new Text("условие выполнено", "condition met")
                : new Text("условие не выполнено", "condition not met");
        BigDecimal amount = null;
        if (own) {
          amount = holds ? limited(c, Engine.ruleAmount(c.rule(), v)) : zero();
        }
        out.add(new BoundaryCase(c.key(), c.name(), title, v, outcome, amount));
      }
    }
    if (c.rule() instanceof TieredRule r) {
      KpiUnitKind unit = unit(c.measure());
      for (Tier t : r.tiers()) {
        if (t.from().signum() == 0 && t == r.tiers().get(0)) {
          continue;
        }
        Text from = Formats.value(t.from(), unit, currency);
        String sign = t.fromInclusive() ? "≥ " : "> ";
        Text title =
            new Text(
                "Ступень " + sign + from.ru() + " (" + Formats.percent(t.ratePercent()).ru() + ")",
                "Tier " + sign + from.en() + " (" + Formats.percent(t.ratePercent()).en() + ")");
        for (BigDecimal v : around(t.from(), unit)) {
          Tier reached = Engine.reachedTier(r, v);
          Text outcome =
              reached == null
                  ? new Text("ниже первой ступени — 0", "below the first tier — 0")
                  : new Text(
                      "ставка " + Formats.percent(reached.ratePercent()).ru(),
                      "rate " + Formats.percent(reached.ratePercent()).en());
          out.add(
              new BoundaryCase(
                  c.key(), c.name(), title, v, outcome, limited(c, Engine.ruleAmount(r, v))));
        }
      }
    }
    if (c.rule() instanceof AcceleratorRule r && r.mode() == AcceleratorMode.CURVE) {
      for (CurveStep s : r.curve()) {
        Text from = Formats.percent(s.fromAttainmentPercent());
        String sign = s.fromInclusive() ? "≥ " : "> ";
        Text title =
            new Text(
                "Ступень кривой: выполнение плана " + sign + from.ru(),
                "Curve step: attainment " + sign + from.en());
        for (BigDecimal v : around(s.fromAttainmentPercent(), KpiUnitKind.PERCENT)) {
          CurveStep reached = Engine.reachedStep(r, v);
          BigDecimal m = reached == null ? BigDecimal.ZERO : reached.multiplier();
          Text outcome =
              new Text(
                  "множитель " + Formats.multiplier(m).ru(),
                  "multiplier " + Formats.multiplier(m).en());
          // the amount needs the plan, which a boundary does not know
          out.add(new BoundaryCase(c.key(), c.name(), title, v, outcome, null));
        }
      }
    }
  }

  /**
   * The component's amount at the value with the other gates open: negative → 0, floor, cap,
   * rounded; null when the rule needs more than the value (a plan, other variables, the other
   * participants of a ranking).
   */
  private static BigDecimal limited(Component c, BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal a = amount.max(BigDecimal.ZERO);
    if (c.floor() != null && a.compareTo(c.floor()) < 0) {
      a = c.floor();
    }
    if (c.cap() != null && a.compareTo(c.cap()) > 0) {
      a = c.cap();
    }
    return Engine.kopecks(a);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  private static List<BigDecimal> around(BigDecimal bound, KpiUnitKind unit) {
    BigDecimal step =
        unit == KpiUnitKind.MONEY
            ? MONEY_STEP
            : unit == KpiUnitKind.COUNT ? BigDecimal.ONE : FINE_STEP;
    BigDecimal at =
        unit == KpiUnitKind.MONEY ? bound.setScale(2, java.math.RoundingMode.HALF_UP) : bound;
    return List.of(at.subtract(step), at, at.add(step));
  }

  private KpiUnitKind unit(Measure m) {
    KpiDescriptor kpi = m.isFormula() ? null : kpis.get(m.kpi());
    return kpi == null ? null : kpi.unit();
  }

  private Text name(Measure m) {
    if (m.isFormula()) {
      return new Text("формула «" + m.formula() + "»", "formula «" + m.formula() + "»");
    }
    return Formats.kpiName(kpis.get(m.kpi()), m.kpi());
  }
}
