package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one scheme version says: the monthly base salary (for cost modelling and the bonus share)
 * and the components. Immutable.
 *
 * @param baseSalary monthly base salary in the tenant's currency
 * @param components the components, keys unique
 * @param cap the most the variable pay (all components) of one monthly run may total, or null
 * @param floor the least it may total (a guaranteed bonus), or null
 * @param adaptation the new-hire adaptation period, or null
 */
public record SchemeDefinition(
    BigDecimal baseSalary,
    List<Component> components,
    BigDecimal cap,
    BigDecimal floor,
    Adaptation adaptation) {

  public SchemeDefinition {
    Objects.requireNonNull(baseSalary, "baseSalary");
    components = List.copyOf(components);
  }
}
