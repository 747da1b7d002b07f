package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A condition a component's payout depends on: {@code basis(measure) comparator threshold}. All
 * gates of a component must hold; an undefined value closes the gate (and says why).
 */
public record Gate(Measure measure, GateBasis basis, Comparator comparator, BigDecimal threshold) {

  public Gate {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(comparator, "comparator");
    Objects.requireNonNull(threshold, "threshold");
  }
}
