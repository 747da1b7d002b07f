package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateLibraryDefaultsTest {

  private static final Map<String, TemplateSeed> BY_CODE =
      TemplateLibraryDefaults.templates().stream()
          .collect(Collectors.toMap(TemplateSeed::code, t -> t));

  @Test
  void nineTemplatesWithNamesAndDescriptions() {
    assertEquals(
        List.of(
            "acquisition_manager",
            "account_manager",
            "vip_manager",
            "head_of_sales",
            "salary_plus_percent",
            "progressive_scale",
            "kpi_bonus_deal_premiums",
            "sales_contest",
            "gamification"),
        TemplateLibraryDefaults.templates().stream().map(TemplateSeed::code).toList());
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      assertFalse(
          t.nameRu().isBlank()
              || t.nameEn().isBlank()
              || t.descriptionRu().isBlank()
              || t.descriptionEn().isBlank(),
          t.code());
      assertEquals(List.of(), new SchemeValidator(CATALOGUE).validate(t.definition()), t.code());
    }
    assertEquals(SalesRole.HEAD_OF_SALES, BY_CODE.get("head_of_sales").role());
  }

  @Test
  void accountManagerPaysTheSeedsNumbers() {
    // sales 1 250 000 (12 deals): 5 % = 62 500; repeat 300 000 × 1 % = 3 000; NPS 75 > 70: 10 000
    // variable 75 500; total 70 000 + 75 500 = 145 500
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "1250000", 12)
            .value("repeat_sales", MARCH, "300000", 4)
            .value("nps", MARCH, "75", 8);
    EmployeeResult r = march(BY_CODE.get("account_manager").definition(), participant(1, l));
    assertEquals(
        List.of(d("62500.00"), d("3000.00"), d("10000.00")),
        r.lines().stream().map(Line::amount).toList());
    assertEquals(d("75500.00"), r.variablePay());
    assertEquals(d("145500.00"), r.total());
  }

  @Test
  void headOfSalesReadsTheTeam() {
    // team plan 112,5 % ≥ 100: 50 000; over-achievement MAX(0, 112,5 − 100) × 1 000 = 12 500; March
    // closes Q1:
    // turnover 8 % ≤ 10: 20 000. Total variable 82 500
    Lookup l =
        lookup()
            .team("team_plan_fulfilment", MARCH, "112.5", 40)
            .team("staff_turnover", Q1, "8", 1);
    EmployeeResult r = march(BY_CODE.get("head_of_sales").definition(), head(1, l));
    assertEquals(
        List.of(d("50000.00"), d("12500.00"), d("20000.00")),
        r.lines().stream().map(Line::amount).toList());
    assertEquals(d("82500.00"), r.variablePay());
  }

  @Test
  void progressiveScaleIsMarginal() {
    // 1 250 000: 15 000 + 25 000 + 17 500 = 57 500
    EmployeeResult r =
        march(
            BY_CODE.get("progressive_scale").definition(),
            participant(1, lookup().value("sales_volume", MARCH, "1250000", 3)));
    assertEquals(d("57500.00"), r.variablePay());
  }

  @Test
  void kpiBonusesHaveAllSevenSeedRules() {
    SchemeDefinition d = BY_CODE.get("kpi_bonus_deal_premiums").definition();
    assertEquals(7, d.components().size());
    assertTrue(
        d.components().stream()
            .anyMatch(
                c -> c.gates().stream().anyMatch(g -> g.basis() == GateBasis.GROWTH_PERCENT)));
  }

  @Test
  void contestAndGamification() {
    RankingRule contest =
        (RankingRule) BY_CODE.get("sales_contest").definition().components().get(0).rule();
    assertEquals(List.of(d("50000"), d("30000"), d("20000")), contest.prizes());
    assertFalse(contest.contest());
    assertEquals(
        Frequency.QUARTERLY,
        BY_CODE.get("sales_contest").definition().components().get(0).frequency());
    // gamification: the most active wins 10 000; 6 meetings × 200 = 1 200
    SchemeDefinition g = BY_CODE.get("gamification").definition();
    List<EmployeeResult> r =
        engine()
            .evaluate(
                g,
                MARCH,
                List.of(
                    participant(
                        1,
                        lookup()
                            .value("activity_total", MARCH, "120", 120)
                            .value("activity_meetings", MARCH, "6", 6)),
                    participant(
                        2,
                        lookup()
                            .value("activity_total", MARCH, "80", 80)
                            .value("activity_meetings", MARCH, "2", 2))));
    assertEquals(d("11200.00"), r.get(0).variablePay());
    assertEquals(d("400.00"), r.get(1).variablePay());
  }
}
