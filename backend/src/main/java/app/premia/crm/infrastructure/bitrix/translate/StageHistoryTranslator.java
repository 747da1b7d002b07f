package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageHistoryFact;
import java.util.List;

/**
 * {@code crm.stagehistory.list} items into {@link StageHistoryFact}s for one entity type. Deals use
 * {@code STAGE_ID}/{@code STAGE_SEMANTIC_ID}, leads {@code STATUS_ID}/{@code STATUS_SEMANTIC_ID}.
 * Stages are <em>not</em> checked against the dictionary: history is append-only and may name
 * stages deleted since, which must not erase it. Required: {@code ID}, {@code TYPE_ID}, {@code
 * OWNER_ID}, the stage, its semantic, {@code CREATED_TIME}.
 */
public final class StageHistoryTranslator extends RowTranslator<StageHistoryFact> {

  private final int entityTypeId;

  public StageHistoryTranslator(int entityTypeId) {
    super(entityTypeId == 1 ? "lead_stage_history" : "stage_history", "ID");
    this.entityTypeId = entityTypeId;
  }

  @Override
  StageHistoryFact read(RawRow r, List<String> warnings) {
    boolean lead = entityTypeId == 1;
    String stageField = lead ? "STATUS_ID" : "STAGE_ID";
    String semanticField = lead ? "STATUS_SEMANTIC_ID" : "STAGE_SEMANTIC_ID";
    String stageId = r.code(stageField);
    if (stageId == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, stageField + " is missing");
    }
    return new StageHistoryFact(
        r.id("ID"),
        entityTypeId,
        r.requiredInt("TYPE_ID"),
        r.id("OWNER_ID"),
        lead ? null : r.optionalInt("CATEGORY_ID"),
        stageId,
        Facts.semantic(r, semanticField, null, warnings),
        r.requiredDateTime("CREATED_TIME"));
  }
}
