package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a worked example of the document was computed from, kept beside the document (not stored):
 * evaluating {@code definition} for {@code participant} in {@code month} with the engine gives
 * {@code amount} on the line of {@code componentKey} (or, for {@code componentKey} null, the
 * month's variable pay). A test re-evaluates every example this way.
 *
 * @param sectionKey the section the example is printed in
 * @param amount the amount the document prints
 */
public record WorkedExample(
    String sectionKey,
    String componentKey,
    SchemeDefinition definition,
    KpiPeriod month,
    Participant participant,
    BigDecimal amount) {

  public WorkedExample {
    Objects.requireNonNull(sectionKey, "sectionKey");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(amount, "amount");
  }
}
