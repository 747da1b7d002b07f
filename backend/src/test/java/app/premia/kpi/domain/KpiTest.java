package app.premia.kpi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KpiTest {

  @Test
  void everyKpiHasAUniqueStableCode_andBothLanguages() {
    Set<String> codes = new HashSet<>();
    for (Kpi kpi : Kpi.values()) {
      assertTrue(kpi.code().matches("[a-z][a-z_]*"), kpi.code());
      assertTrue(codes.add(kpi.code()), "duplicate code " + kpi.code());
      assertEquals(kpi, Kpi.byCode(kpi.code()).orElseThrow());
      for (String text :
          new String[] {kpi.nameRu(), kpi.nameEn(), kpi.definitionRu(), kpi.definitionEn()}) {
        assertFalse(text.isBlank(), kpi + " has a blank text");
      }
    }
    assertTrue(Kpi.byCode("nope").isEmpty());
  }

  @Test
  void theCatalogueHasEveryKpiOfTheProductBrief() {
    // PRODUCT.md (KPIs): volume, deals won, average deal, lead conversion, retention, repeat
    // sales, new clients, NPS, LTV, activity, team plan fulfilment, average sales per manager,
    // staff turnover, funnel conversion per stage
    Set<String> expected =
        Set.of(
            "sales_volume",
            "deals_won",
            "average_deal",
            "lead_conversion",
            "retention",
            "repeat_sales",
            "new_clients",
            "nps",
            "ltv",
            "activity_calls",
            "activity_meetings",
            "activity_emails",
            "activity_total",
            "team_plan_fulfilment",
            "average_sales_per_manager",
            "staff_turnover",
            "funnel_stage_conversion");
    Set<String> actual = new HashSet<>();
    Arrays.stream(Kpi.values()).forEach(k -> actual.add(k.code()));
    assertEquals(expected, actual);
    assertEquals(KpiScope.DEPARTMENT, Kpi.TEAM_PLAN_FULFILMENT.scope());
    assertEquals(KpiUnit.MONEY, Kpi.SALES_VOLUME.unit());
    assertEquals(KpiUnit.NPS_SCORE, Kpi.NPS.unit());
  }

  /** docs/domain/kpis.md prints every definition exactly as the code has it. */
  @Test
  void theDocumentQuotesEveryDefinitionVerbatim() throws IOException {
    String doc =
        normalise(Files.readString(Path.of("../docs/domain/kpis.md"), StandardCharsets.UTF_8));
    for (Kpi kpi : Kpi.values()) {
      assertTrue(doc.contains("`" + kpi.code() + "`"), kpi.code() + " missing from kpis.md");
      assertTrue(
          doc.contains(normalise(kpi.definitionRu())),
          kpi.code() + ": the Russian definition in kpis.md differs from the code");
      assertTrue(
          doc.contains(normalise(kpi.definitionEn())),
          kpi.code() + ": the English definition in kpis.md differs from the code");
    }
  }

  /** Line breaks and runs of blanks are layout, not content; "> " starts quoted lines. */
  private static String normalise(String text) {
    return text.replaceAll("(?m)^> ?", "").replaceAll("\\s+", " ");
  }
}
