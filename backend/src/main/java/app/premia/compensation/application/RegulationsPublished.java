package app.premia.compensation.application;

import java.util.Map;
import java.util.UUID;

/**
 * A CDI event: a regulations version was published; every employee in its scope is asked, in
 * Bitrix24, to read and acknowledge it (sent only once the publication committed).
 *
 * @param messages the notification for each employee in the version's scope, by portal user id
 */
public record RegulationsPublished(
    UUID tenantId, UUID consultancyId, UUID documentId, Map<Long, String> messages)
    implements EmployeeMessages {

  public RegulationsPublished {
    messages = Map.copyOf(messages);
  }

  @Override
  public String subject() {
    return "regulations version " + documentId;
  }
}
