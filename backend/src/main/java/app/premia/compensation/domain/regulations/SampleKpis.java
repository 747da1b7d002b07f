package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.KpiLookup;
import app.premia.compensation.domain.KpiValue;
import app.premia.compensation.domain.Subject;
import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The chosen KPI values of a worked example: the values of the periods that close with the sample
 * month (the month itself, its quarter, its year), of the period before, and plans. The employee
 * and his department read the same numbers. Immutable once built; equal by its numbers.
 */
final class SampleKpis implements KpiLookup {

  private final KpiPeriod month;
  private final LocalDate closing;
  private final Map<String, BigDecimal> current;
  private final Map<String, BigDecimal> previous;
  private final Map<String, BigDecimal> plans;
  private final Set<String> counts;

  private SampleKpis(
      KpiPeriod month,
      Set<String> counts,
      Map<String, BigDecimal> current,
      Map<String, BigDecimal> previous,
      Map<String, BigDecimal> plans) {
    this.month = month;
    this.counts = Set.copyOf(counts);
    this.closing = month.lastDay();
    this.current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
    this.previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    this.plans = Collections.unmodifiableMap(new LinkedHashMap<>(plans));
  }

  /** The sample month (a run's month). */
  KpiPeriod month() {
    return month;
  }

  /** Values of the periods closing on the sample month's last day. */
  Map<String, BigDecimal> current() {
    return current;
  }

  /** Values of the period before the component's. */
  Map<String, BigDecimal> previous() {
    return previous;
  }

  Map<String, BigDecimal> plans() {
    return plans;
  }

  @Override
  public KpiValue value(String kpi, Subject subject, KpiPeriod period) {
    BigDecimal v = null;
    if (period.lastDay().equals(closing)) {
      v = current.get(kpi);
    } else if (period.next().lastDay().equals(closing)) {
      v = previous.get(kpi);
    }
    return v == null ? KpiValue.undefined() : KpiValue.of(v, facts(kpi, v));
  }

  /** How many facts the explanation names: a count is its own number; otherwise a dozen. */
  private long facts(String kpi, BigDecimal v) {
    if (counts.contains(kpi) && v.signum() >= 0) {
      return v.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }
    return kpi.equals("nps") ? 25 : 12;
  }

  @Override
  public BigDecimal plan(String kpi, Subject subject, KpiPeriod period) {
    return period.lastDay().equals(closing) ? plans.get(kpi) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleKpis s
        && closing.equals(s.closing)
        && current.equals(s.current)
        && previous.equals(s.previous)
        && plans.equals(s.plans);
  }

  @Override
  public int hashCode() {
    return current.hashCode() * 31 + plans.hashCode();
  }

  @Override
  public String toString() {
    return "SampleKpis[current=" + current + ", previous=" + previous + ", plans=" + plans + "]";
  }

  /** Collects the numbers; the first value set for a KPI wins unless replaced explicitly. */
  static final class Builder {
    private final KpiPeriod month;
    private final Set<String> counts;
    private final Map<String, BigDecimal> current = new LinkedHashMap<>();
    private final Map<String, BigDecimal> previous = new LinkedHashMap<>();
    private final Map<String, BigDecimal> plans = new LinkedHashMap<>();

    /**
     * @param counts the KPIs counted in facts (deals won, new clients): their facts are their value
     */
    Builder(KpiPeriod month, Set<String> counts) {
      this.month = month;
      this.counts = counts;
    }

    Builder(SampleKpis from) {
      this(from.month, from.counts);
      current.putAll(from.current);
      previous.putAll(from.previous);
      plans.putAll(from.plans);
    }

    boolean has(String kpi) {
      return current.containsKey(kpi);
    }

    boolean hasPlan(String kpi) {
      return plans.containsKey(kpi);
    }

    boolean hasPrevious(String kpi) {
      return previous.containsKey(kpi);
    }

    BigDecimal current(String kpi) {
      return current.get(kpi);
    }

    Builder value(String kpi, BigDecimal v) {
      current.putIfAbsent(kpi, v);
      return this;
    }

    Builder replace(String kpi, BigDecimal v) {
      current.put(kpi, v);
      return this;
    }

    Builder previous(String kpi, BigDecimal v) {
      previous.putIfAbsent(kpi, v);
      return this;
    }

    Builder replacePrevious(String kpi, BigDecimal v) {
      previous.put(kpi, v);
      return this;
    }

    Builder plan(String kpi, BigDecimal v) {
      plans.putIfAbsent(kpi, v);
      return this;
    }

    Builder replacePlan(String kpi, BigDecimal v) {
      plans.put(kpi, v);
      return this;
    }

    SampleKpis build() {
      return new SampleKpis(month, counts, current, previous, plans);
    }
  }
}
