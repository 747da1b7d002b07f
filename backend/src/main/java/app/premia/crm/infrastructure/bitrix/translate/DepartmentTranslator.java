package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.DepartmentFact;
import java.util.List;

/** {@code department.get} rows into {@link DepartmentFact}s; the root has no {@code PARENT}. */
public final class DepartmentTranslator extends RowTranslator<DepartmentFact> {

  public DepartmentTranslator() {
    super("department", "ID");
  }

  @Override
  DepartmentFact read(RawRow r, List<String> warnings) {
    return new DepartmentFact(
        r.id("ID"),
        r.requiredText("NAME"),
        r.reference("PARENT"),
        r.reference("UF_HEAD"),
        r.intOr("SORT", 0));
  }
}
