package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.DealFact;
import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.StageSemantic;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code crm.deal.list} / {@code crm.deal.get} rows (classic upper-case fields) into {@link
 * DealFact}s. Required: {@code ID}, {@code STAGE_ID} (known to the portal's dictionaries, in the
 * deal's pipeline), {@code DATE_MODIFY}. The NPS user field is soft: an unreadable or out-of-range
 * score becomes null with a warning.
 */
public final class DealTranslator extends RowTranslator<DealFact> {

  /** The NPS field most portals use; each tenant may map its own. */
  public static final String DEFAULT_NPS_FIELD = "UF_CRM_NPS";

  private final StageDictionary stages;
  private final String npsField;

  public DealTranslator(StageDictionary stages, String npsField) {
    super("deal", "ID");
    this.stages = stages;
    this.npsField = npsField == null || npsField.isBlank() ? DEFAULT_NPS_FIELD : npsField;
  }

  public DealTranslator(StageDictionary stages) {
    this(stages, DEFAULT_NPS_FIELD);
  }

  @Override
  DealFact read(RawRow r, List<String> warnings) {
    long id = r.id("ID");
    String stageId = r.code("STAGE_ID");
    if (stageId == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, "STAGE_ID is missing");
    }
    StageFact stage =
        stages
            .dealStage(stageId)
            .orElseThrow(
                () ->
                    new Rejected(
                        QuarantineReason.UNKNOWN_STAGE,
                        "STAGE_ID " + r.excerpt("STAGE_ID") + " is not a stage of this portal"));
    int stagePipeline =
        stage.categoryId() != null ? stage.categoryId() : StageDictionary.pipelineOfStage(stageId);
    int categoryId = r.intOr("CATEGORY_ID", stagePipeline);
    if (categoryId != stagePipeline) {
      throw new Rejected(
          QuarantineReason.UNKNOWN_STAGE,
          "STAGE_ID " + stageId + " belongs to pipeline " + stagePipeline + ", not " + categoryId);
    }
    StageSemantic semantic = Facts.semantic(r, "STAGE_SEMANTIC_ID", stage.semantic(), warnings);
    BigDecimal amount = r.money("OPPORTUNITY");
    String currency = Facts.currencyFor(r, amount, "CURRENCY_ID");
    return new DealFact(
        id,
        r.text("TITLE"),
        categoryId,
        stageId,
        semantic,
        r.flag("CLOSED"),
        amount,
        currency,
        r.reference("ASSIGNED_BY_ID"),
        r.reference("COMPANY_ID"),
        r.reference("CONTACT_ID"),
        r.reference("LEAD_ID"),
        r.flag("IS_RETURN_CUSTOMER"),
        r.flag("IS_REPEATED_APPROACH"),
        r.code("SOURCE_ID"),
        r.code("TYPE_ID"),
        r.date("BEGINDATE"),
        r.date("CLOSEDATE"),
        r.dateTime("DATE_CREATE"),
        r.requiredDateTime("DATE_MODIFY"),
        r.dateTime("MOVED_TIME"),
        Facts.nps(r, npsField, warnings));
  }
}
