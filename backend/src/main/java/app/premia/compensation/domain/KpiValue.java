package app.premia.compensation.domain;

import java.math.BigDecimal;

/**
 * A KPI value as the engine sees it.
 *
 * @param number the value, null when undefined
 * @param facts how many facts (deals, leads, clients, activities) made it — the "source" an
 *     explanation names
 * @param errors facts left out (a deal in a currency without a rate)
 */
public record KpiValue(BigDecimal number, long facts, long errors) {

  public static KpiValue undefined() {
    return new KpiValue(null, 0, 0);
  }

  public static KpiValue of(BigDecimal number, long facts) {
    return new KpiValue(number, facts, 0);
  }

  public boolean defined() {
    return number != null;
  }
}
