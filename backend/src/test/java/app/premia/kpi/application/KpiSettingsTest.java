package app.premia.kpi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.premia.kpi.domain.KpiFilter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of {@link KpiSettings} and its audit that need no database. */
class KpiSettingsTest {

  @Test
  void auditJson_sortsTheLists_andEscapesTheCodes() {
    assertEquals(
        "{\"pipelines\":[],\"deal_types\":[],\"sources\":[]}", KpiSettings.json(KpiFilter.ALL));
    assertEquals(
        "{\"pipelines\":[0,3,12],\"deal_types\":[\"COMPLEX\",\"SALE\"],"
            + "\"sources\":[\"a\\\"b\",\"c\\\\d\",\"e\\u0001f\"]}",
        KpiSettings.json(
            new KpiFilter(
                Set.of(12, 0, 3), Set.of("SALE", "COMPLEX"), Set.of("c\\d", "a\"b", "e\u0001f"))));
  }

  @Test
  void theAuditsEntityType_isTheActionsPrefix() {
    assertEquals("kpi_plan", Plans.entityType(Plans.ACTION_SET));
    assertEquals("kpi_plan", Plans.entityType(Plans.ACTION_CLEARED));
    assertEquals("kpi_plan", Plans.entityType(Plans.ACTION_COPIED));
    assertEquals(KpiSettings.ENTITY_TYPE, Plans.entityType(KpiSettings.ACTION_UPDATED));
    assertThrows(IllegalArgumentException.class, () -> Plans.entityType("updated"));
    assertThrows(IllegalArgumentException.class, () -> Plans.entityType(".updated"));
  }
}
