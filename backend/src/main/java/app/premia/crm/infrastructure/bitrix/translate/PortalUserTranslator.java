package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.PortalUserFact;
import java.util.List;

/** {@code user.get} rows into {@link PortalUserFact}s; {@code ACTIVE} is a JSON boolean there. */
public final class PortalUserTranslator extends RowTranslator<PortalUserFact> {

  public PortalUserTranslator() {
    super("user", "ID");
  }

  @Override
  PortalUserFact read(RawRow r, List<String> warnings) {
    return new PortalUserFact(
        r.id("ID"),
        r.flag("ACTIVE"),
        r.text("NAME"),
        r.text("LAST_NAME"),
        r.text("SECOND_NAME"),
        r.text("EMAIL"),
        r.text("WORK_POSITION"),
        r.idList("UF_DEPARTMENT"),
        r.date("UF_EMPLOYMENT_DATE"),
        r.code("USER_TYPE"));
  }
}
