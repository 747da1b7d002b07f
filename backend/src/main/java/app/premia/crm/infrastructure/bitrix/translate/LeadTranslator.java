package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.LeadFact;
import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code crm.lead.list} rows into {@link LeadFact}s. Required: {@code ID}, {@code STATUS_ID} (known
 * to the {@code STATUS} dictionary), {@code DATE_MODIFY}.
 */
public final class LeadTranslator extends RowTranslator<LeadFact> {

  private final StageDictionary stages;

  public LeadTranslator(StageDictionary stages) {
    super("lead", "ID");
    this.stages = stages;
  }

  @Override
  LeadFact read(RawRow r, List<String> warnings) {
    long id = r.id("ID");
    String statusId = r.code("STATUS_ID");
    if (statusId == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, "STATUS_ID is missing");
    }
    StageFact status =
        stages
            .leadStatus(statusId)
            .orElseThrow(
                () ->
                    new Rejected(
                        QuarantineReason.UNKNOWN_STAGE,
                        "STATUS_ID " + r.excerpt("STATUS_ID") + " is not a lead status here"));
    BigDecimal amount = r.money("OPPORTUNITY");
    return new LeadFact(
        id,
        r.text("TITLE"),
        statusId,
        Facts.semantic(r, "STATUS_SEMANTIC_ID", status.semantic(), warnings),
        r.reference("ASSIGNED_BY_ID"),
        r.reference("COMPANY_ID"),
        r.reference("CONTACT_ID"),
        r.code("SOURCE_ID"),
        amount,
        Facts.currencyFor(r, amount, "CURRENCY_ID"),
        r.flag("IS_RETURN_CUSTOMER"),
        r.dateTime("DATE_CREATE"),
        r.requiredDateTime("DATE_MODIFY"),
        r.dateTime("DATE_CLOSED"));
  }
}
