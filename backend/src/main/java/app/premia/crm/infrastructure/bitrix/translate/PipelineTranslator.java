package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.PipelineFact;
import app.premia.crm.domain.QuarantineReason;
import java.util.List;

/** {@code crm.category.list} categories into {@link PipelineFact}s (id 0 is the default one). */
public final class PipelineTranslator extends RowTranslator<PipelineFact> {

  public PipelineTranslator() {
    super("pipeline", "id");
  }

  @Override
  PipelineFact read(RawRow r, List<String> warnings) {
    int id = r.requiredInt("id");
    if (id < 0) {
      throw new Rejected(QuarantineReason.BAD_ID, "id is negative");
    }
    return new PipelineFact(id, r.requiredText("name"), r.intOr("sort", 0), r.flag("isDefault"));
  }
}
