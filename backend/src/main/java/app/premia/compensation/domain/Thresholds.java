package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The nearest threshold ahead of an employee in the current period, for the live estimate's
 * progress bar: of every component paying in the period whose measure is one of his own KPIs, the
 * VALUE gates on that KPI still closed (a "more than" or "at least" threshold above his value) and
 * the tier bounds above it; the one with the smallest share still missing wins.
 */
public final class Thresholds {

  /**
   * A threshold ahead.
   *
   * @param componentName the component it belongs to
   * @param measure the KPI's name
   * @param current his value now
   * @param target the threshold
   * @param percent current ÷ target × 100, floored to 0–100
   * @param description «Ещё 120 000,00 ₽ до порога 1 000 000,00 ₽ (Премия с объёма продаж)»
   */
  public record Threshold(
      String componentName,
      Text measure,
      BigDecimal current,
      BigDecimal target,
      int percent,
      Text description) {}

  private final Map<String, KpiDescriptor> kpis = new HashMap<>();

  public Thresholds(List<KpiDescriptor> catalogue) {
    catalogue.forEach(k -> kpis.put(k.code(), k));
  }

  /**
   * The nearest threshold ahead under the definition, or empty when none is (no gate or tier on his
   * own KPIs, or all passed).
   *
   * @param month the current month: monthly components and those whose quarter or year contains it
   */
  public Optional<Threshold> next(SchemeDefinition definition, KpiLookup kpis, KpiPeriod month) {
    Objects.requireNonNull(definition, "definition");
    List<Threshold> ahead = new ArrayList<>();
    for (Component c : definition.components()) {
      KpiPeriod period = KpiPeriod.containing(month.firstDay(), c.frequency().periodKind());
      for (Gate g : c.gates()) {
        if (g.basis() == GateBasis.VALUE
            && (g.comparator() == Comparator.GT || g.comparator() == Comparator.GE)) {
          candidate(c, g.measure(), g.threshold(), kpis, period).ifPresent(ahead::add);
        }
      }
      if (c.rule() instanceof TieredRule tiered) {
        for (Tier tier : tiered.tiers()) {
          if (tier.from().signum() > 0) {
            candidate(c, c.measure(), tier.from(), kpis, period).ifPresent(ahead::add);
          }
        }
      }
    }
    return ahead.stream()
        .min(
            java.util.Comparator.comparing(
                    (Threshold t) ->
                        t.target()
                            .subtract(t.current())
                            .divide(t.target(), 6, RoundingMode.HALF_UP))
                .thenComparing(Threshold::target));
  }

  private Optional<Threshold> candidate(
      Component c, Measure measure, BigDecimal target, KpiLookup lookup, KpiPeriod period) {
    if (measure.isFormula() || measure.subject() != Subject.SELF || target.signum() <= 0) {
      return Optional.empty();
    }
    KpiValue value = lookup.value(measure.kpi(), Subject.SELF, period);
    BigDecimal current = value.defined() ? value.number() : BigDecimal.ZERO;
    if (current.compareTo(target) >= 0) {
      return Optional.empty();
    }
    KpiDescriptor descriptor = kpis.get(measure.kpi());
    KpiUnitKind unit = descriptor == null ? null : descriptor.unit();
    Text name = Formats.kpiName(descriptor, measure.kpi());
    int percent =
        current.signum() <= 0
            ? 0
            : current
                .multiply(BigDecimal.valueOf(100))
                .divide(target, 0, RoundingMode.FLOOR)
                .intValue();
    Text missing = Formats.value(target.subtract(current), unit, "₽");
    Text at = Formats.value(target, unit, "₽");
    String component = c.name() == null ? c.key() : c.name();
    return Optional.of(
        new Threshold(
            component,
            name,
            current,
            target,
            Math.max(0, Math.min(100, percent)),
            new Text(
                "Ещё " + missing.ru() + " до порога " + at.ru() + " («" + component + "»)",
                missing.en() + " more to the threshold of " + at.en() + " (" + component + ")")));
  }
}
