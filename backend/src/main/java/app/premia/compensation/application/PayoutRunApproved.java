package app.premia.compensation.application;

import java.util.Map;
import java.util.UUID;

/**
 * A CDI event: a payout run was approved (observe it {@code AFTER_SUCCESS}: only once the approval
 * committed).
 *
 * @param messages the notification for each employee with a statement in it, by portal user id
 */
public record PayoutRunApproved(
    UUID tenantId, UUID consultancyId, UUID runId, Map<Long, String> messages)
    implements EmployeeMessages {

  public PayoutRunApproved {
    messages = Map.copyOf(messages);
  }

  @Override
  public String subject() {
    return "payout run " + runId;
  }
}
