package app.premia.kpi.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlanTemplateResourceTest {

  @Test
  void contentDisposition_hasAnAsciiName_andTheRussianOnePercentEncoded() {
    assertEquals(
        "attachment; filename=\"plan-2026-11.xlsx\";"
            + " filename*=UTF-8''%D0%9F%D0%BB%D0%B0%D0%BD%202026-11.xlsx",
        PlanTemplateResource.contentDisposition("План 2026-11.xlsx", "plan-2026-11.xlsx"));
  }
}
