package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Accelerator over plan; the measure must be a plannable KPI (the plan of the same KPI and subject
 * gives attainment). Without a plan it pays nothing and says so.
 */
public record AcceleratorRule(AcceleratorMode mode, BigDecimal ratePercent, List<CurveStep> curve)
    implements Rule {
  public AcceleratorRule {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(ratePercent, "ratePercent");
    curve = curve == null ? List.of() : List.copyOf(curve);
  }

  @Override
  public RuleKind kind() {
    return RuleKind.ACCELERATOR;
  }
}
