package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a worked example of the document was computed from, kept beside the document (not stored):
 * evaluating {@code definition} for {@code participant} (together with {@code competitors}, the
 * other employees of a ranking example) in {@code month} with the engine gives {@code amount} on
 * the line of {@code componentKey} (or, for {@code componentKey} null, the month's variable pay). A
 * test re-evaluates every example this way.
 *
 * <p>The examples of a section are listed in the order of its {@link DocBlock.Example} blocks: the
 * n-th example of a section key prints the n-th Example block of that section.
 *
 * @param sectionKey the section the example is printed in
 * @param amount the amount the document prints
 * @param competitors the other participants evaluated with him (a ranking); empty otherwise
 */
public record WorkedExample(
    String sectionKey,
    String componentKey,
    SchemeDefinition definition,
    KpiPeriod month,
    Participant participant,
    BigDecimal amount,
    List<Participant> competitors) {

  public WorkedExample {
    Objects.requireNonNull(sectionKey, "sectionKey");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(amount, "amount");
    competitors = competitors == null ? List.of() : List.copyOf(competitors);
  }

  /** An example of one employee alone. */
  public WorkedExample(
      String sectionKey,
      String componentKey,
      SchemeDefinition definition,
      KpiPeriod month,
      Participant participant,
      BigDecimal amount) {
    this(sectionKey, componentKey, definition, month, participant, amount, List.of());
  }

  /** Everyone evaluated together, the example's employee first. */
  public List<Participant> participants() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(participant), competitors.stream())
        .toList();
  }
}
