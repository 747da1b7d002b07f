package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A fixed amount once per period when the gates hold: 10 000 ₽ if NPS > 70. */
public record FixedRule(BigDecimal amount) implements Rule {
  public FixedRule {
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public RuleKind kind() {
    return RuleKind.FIXED;
  }
}
