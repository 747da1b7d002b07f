package app.premia.kpi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A plan beside the KPI's actual value: attainment = actual ÷ plan, as a ratio (1 = 100 %), rounded
 * half-up to 4 decimals.
 *
 * @param plan the plan
 * @param actual the measured value; null when undefined or not measured (see {@code kpis.md})
 * @param ratio actual ÷ target; null when the actual is undefined or the target is 0
 */
public record Attainment(Plan plan, BigDecimal actual, BigDecimal ratio) {

  /** Decimals of the attainment ratio. */
  public static final int RATIO_SCALE = 4;

  public Attainment {
    Objects.requireNonNull(plan, "plan");
  }

  /** The attainment of a plan given the actual value (null: undefined). */
  public static Attainment of(Plan plan, BigDecimal actual) {
    return new Attainment(plan, actual, ratio(actual, plan.target()));
  }

  /** actual ÷ target, half-up to 4 decimals; null when the actual is null or the target 0. */
  public static BigDecimal ratio(BigDecimal actual, BigDecimal target) {
    if (actual == null || target == null || target.signum() == 0) {
      return null;
    }
    return actual.divide(target, RATIO_SCALE, RoundingMode.HALF_UP);
  }

  public boolean defined() {
    return ratio != null;
  }
}
