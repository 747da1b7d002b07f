package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * {@link Kpi#TEAM_PLAN_FULFILMENT}: the department's sales volume (the sum of the sales volumes of
 * the employees of the department and its sub-departments, each employee once) ÷ the department's
 * {@link Kpi#SALES_VOLUME} plan for the period × 100, half-up to 4 decimals; undefined without a
 * plan or with a zero plan. Its facts are the priced deals in the volume, its errors the deals left
 * out for want of a rate.
 */
public final class TeamPlanFulfilment {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int SCALE = 4;

  private TeamPlanFulfilment() {}

  /**
   * A department's sales volume in a period.
   *
   * @param volume the sum in the tenant's currency, 2 decimals
   * @param priced deals in the sum
   * @param unpriced deals left out (no rate)
   */
  public record DepartmentVolume(
      long departmentId, Period period, BigDecimal volume, long priced, long unpriced) {

    public DepartmentVolume {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(volume, "volume");
    }
  }

  /**
   * The department's volume from its members' {@link Kpi#SALES_VOLUME} measurements.
   *
   * @param members the department's employees (with sub-departments), each once
   * @param salesVolume SALES_VOLUME measurements of the period by employee id (missing: none)
   */
  public static DepartmentVolume volume(
      long departmentId,
      Period period,
      Collection<Long> members,
      Map<Long, Measurement> salesVolume) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    long priced = 0;
    long unpriced = 0;
    for (Long member : members) {
      Measurement m = salesVolume.get(member);
      if (m == null) {
        continue;
      }
      if (m.kpi() != Kpi.SALES_VOLUME || !m.period().equals(period)) {
        throw new IllegalArgumentException("not a sales volume of " + period + ": " + m);
      }
      sum = sum.add(m.value());
      priced += m.facts();
      unpriced += m.errors();
    }
    return new DepartmentVolume(departmentId, period, sum, priced, unpriced);
  }

  /** The team plan fulfilment of the department given its volume plan (null: none). */
  public static DepartmentMeasurement of(DepartmentVolume volume, BigDecimal plan) {
    BigDecimal value =
        plan == null || plan.signum() == 0
            ? null
            : volume.volume().multiply(HUNDRED).divide(plan, SCALE, RoundingMode.HALF_UP);
    return new DepartmentMeasurement(
        volume.departmentId(),
        volume.period(),
        Kpi.TEAM_PLAN_FULFILMENT,
        value,
        volume.priced(),
        volume.unpriced());
  }
}
