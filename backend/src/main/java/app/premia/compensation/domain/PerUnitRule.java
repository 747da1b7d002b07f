package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A fixed amount per unit of a count measure: 5 000 ₽ per won deal. */
public record PerUnitRule(BigDecimal amount) implements Rule {
  public PerUnitRule {
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public RuleKind kind() {
    return RuleKind.PER_UNIT;
  }
}
