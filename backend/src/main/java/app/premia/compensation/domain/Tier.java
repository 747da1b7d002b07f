package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier: it starts at {@code from} (the first tier at 0) and runs to the next tier's start.
 * {@code fromInclusive} says on which side the bound itself lies: true — a value exactly at {@code
 * from} is in this tier; false — it is still in the previous one.
 *
 * @param ratePercent the tier's rate, percent of the measure
 */
public record Tier(BigDecimal from, boolean fromInclusive, BigDecimal ratePercent) {
  public Tier {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(ratePercent, "ratePercent");
  }
}
