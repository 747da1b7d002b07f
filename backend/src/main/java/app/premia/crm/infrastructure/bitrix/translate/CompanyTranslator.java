package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.CompanyFact;
import java.util.List;

/**
 * {@code crm.company.list} rows into {@link CompanyFact}s. Required: {@code ID}, {@code
 * DATE_MODIFY}.
 */
public final class CompanyTranslator extends RowTranslator<CompanyFact> {

  public CompanyTranslator() {
    super("company", "ID");
  }

  @Override
  CompanyFact read(RawRow r, List<String> warnings) {
    return new CompanyFact(
        r.id("ID"),
        r.text("TITLE"),
        r.reference("ASSIGNED_BY_ID"),
        r.reference("LEAD_ID"),
        r.flag("IS_MY_COMPANY"),
        r.dateTime("DATE_CREATE"),
        r.requiredDateTime("DATE_MODIFY"));
  }
}
