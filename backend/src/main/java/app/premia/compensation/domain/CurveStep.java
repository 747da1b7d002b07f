package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A step of a multiplier curve: from {@code fromAttainmentPercent} (inclusive or not) the
 * multiplier is {@code multiplier} (e.g. from 100 % ×1.0, from 120 % ×1.5).
 */
public record CurveStep(
    BigDecimal fromAttainmentPercent, boolean fromInclusive, BigDecimal multiplier) {
  public CurveStep {
    Objects.requireNonNull(fromAttainmentPercent, "fromAttainmentPercent");
    Objects.requireNonNull(multiplier, "multiplier");
  }
}
