package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import java.util.List;

/**
 * The rule engine: pure (no I/O, no clock), exact decimals, half-up to kopecks per line, every line
 * explained. TO BE IMPLEMENTED (issue #6 engine work); this signature is the contract the
 * application layer codes against.
 */
public final class Engine {

  private final List<KpiDescriptor> catalogue;

  /**
   * @param catalogue the KPI catalogue (units decide what a rule may apply to)
   */
  public Engine(List<KpiDescriptor> catalogue) {
    this.catalogue = List.copyOf(catalogue);
  }

  /**
   * Evaluates the monthly run of {@code month} for every participant of one scheme version: monthly
   * components for the month; quarterly and annual components in the month that closes their
   * quarter or year. Rankings rank the participants given together.
   *
   * @param definition a valid definition (see SchemeValidator)
   * @param month a MONTH period
   */
  public List<EmployeeResult> evaluate(
      SchemeDefinition definition, KpiPeriod month, List<Participant> participants) {
    throw new UnsupportedOperationException("engine not implemented yet");
  }

  List<KpiDescriptor> catalogue() {
    return catalogue;
  }
}
