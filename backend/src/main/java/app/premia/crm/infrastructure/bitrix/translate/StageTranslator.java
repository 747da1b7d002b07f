package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.StageSemantic;
import java.util.List;

/**
 * {@code crm.status.list} rows into {@link StageFact}s. {@code SEMANTICS} null means in progress;
 * {@code S} and {@code F} are final; anything else is quarantined. A deal stage's pipeline comes
 * from {@code CATEGORY_ID}, else from {@code DEAL_STAGE_<n>}.
 */
public final class StageTranslator extends RowTranslator<StageFact> {

  public StageTranslator() {
    super("status", "STATUS_ID");
  }

  @Override
  StageFact read(RawRow r, List<String> warnings) {
    String entityId = r.code("ENTITY_ID");
    if (entityId == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, "ENTITY_ID is missing");
    }
    String statusId = r.code("STATUS_ID");
    if (statusId == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, "STATUS_ID is missing");
    }
    String sem = r.code("SEMANTICS");
    StageSemantic semantic = sem == null ? StageSemantic.IN_PROGRESS : StageSemantic.ofCode(sem);
    if (semantic == null) {
      throw new Rejected(QuarantineReason.BAD_VALUE, "SEMANTICS is not null, S or F");
    }
    Integer categoryId = r.optionalInt("CATEGORY_ID");
    if (categoryId == null && entityId.startsWith("DEAL_STAGE")) {
      categoryId = entityId.equals("DEAL_STAGE") ? 0 : StageDictionary.pipelineOfStage(statusId);
    }
    return new StageFact(
        entityId, statusId, r.text("NAME"), r.intOr("SORT", 0), semantic, categoryId);
  }
}
