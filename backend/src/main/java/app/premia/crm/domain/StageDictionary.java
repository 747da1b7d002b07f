package app.premia.crm.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's known deal stages and lead statuses, built from its status dictionaries ({@code
 * crm.status.list}). A deal in a stage missing here is quarantined rather than guessed.
 */
public final class StageDictionary {

  private final Map<String, StageFact> dealStages = new LinkedHashMap<>();
  private final Map<String, StageFact> leadStatuses = new LinkedHashMap<>();

  private StageDictionary(Collection<StageFact> entries) {
    for (StageFact s : entries) {
      if (s.entityId().equals("STATUS")) {
        leadStatuses.put(s.statusId(), s);
      } else if (s.entityId().equals("DEAL_STAGE") || s.entityId().startsWith("DEAL_STAGE_")) {
        dealStages.put(s.statusId(), s);
      }
    }
  }

  /** The dictionary of these entries; entries of other directories (sources, types) are ignored. */
  public static StageDictionary of(Collection<StageFact> entries) {
    return new StageDictionary(entries);
  }

  public Optional<StageFact> dealStage(String stageId) {
    return Optional.ofNullable(dealStages.get(stageId));
  }

  public Optional<StageFact> leadStatus(String statusId) {
    return Optional.ofNullable(leadStatuses.get(statusId));
  }

  /** The pipeline a deal stage belongs to: {@code C<n>:...} is pipeline n, anything else 0. */
  public static int pipelineOfStage(String stageId) {
    if (stageId != null && stageId.length() > 2 && stageId.charAt(0) == 'C') {
      int colon = stageId.indexOf(':');
      if (colon > 1) {
        String digits = stageId.substring(1, colon);
        if (digits.chars().allMatch(Character::isDigit) && digits.length() < 10) {
          return Integer.parseInt(digits);
        }
      }
    }
    return 0;
  }
}
