package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code rate} percent of a money measure: 5 % of sales. */
public record PercentRule(BigDecimal ratePercent) implements Rule {
  public PercentRule {
    Objects.requireNonNull(ratePercent, "ratePercent");
  }

  @Override
  public RuleKind kind() {
    return RuleKind.PERCENT;
  }
}
