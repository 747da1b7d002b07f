package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a scheme: what it measures, how often, how it pays, under which conditions, within
 * which limits.
 *
 * @param key stable identifier within the scheme ({@code [a-z][a-z0-9_]*}), kept across versions so
 *     versions and proposals can be compared component by component
 * @param name the name people read (Russian by default)
 * @param frequency monthly, quarterly or annual
 * @param measure the KPI (or formula) the rule applies to
 * @param rule how it pays
 * @param gates conditions that must all hold (empty: always)
 * @param cap the most the component pays per period, or null
 * @param floor the least it pays per period once its gates hold, or null
 */
public record Component(
    String key,
    String name,
    Frequency frequency,
    Measure measure,
    Rule rule,
    List<Gate> gates,
    BigDecimal cap,
    BigDecimal floor) {

  public Component {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(rule, "rule");
    gates = gates == null ? List.of() : List.copyOf(gates);
  }
}
