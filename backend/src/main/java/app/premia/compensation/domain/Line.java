package app.premia.compensation.domain;

import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.util.List;

/**
 * One statement line: a component's result for one employee and one of its periods.
 *
 * @param componentKey the component's key
 * @param componentName its name
 * @param period the component's period (a quarter for a quarterly component)
 * @param amount the amount, rounded half-up to kopecks (zero when it pays nothing)
 * @param paid whether the rule paid (gates open, measure defined)
 * @param explanation the steps: KPI values and their sources, the rule, the arithmetic, gates
 */
public record Line(
    String componentKey,
    String componentName,
    KpiPeriod period,
    BigDecimal amount,
    boolean paid,
    List<Text> explanation) {

  public Line {
    explanation = List.copyOf(explanation);
  }
}
