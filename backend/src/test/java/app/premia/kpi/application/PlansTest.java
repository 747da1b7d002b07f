package app.premia.kpi.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiUnit;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlansTest {

  @Test
  void plannable_areMoneyCountAndPercentKpis_exceptTheDocumentedOnes() {
    for (Kpi kpi : Plans.PLANNABLE) {
      assertTrue(
          EnumSet.of(KpiUnit.MONEY, KpiUnit.COUNT, KpiUnit.PERCENT).contains(kpi.unit()),
          kpi.code());
    }
    EnumSet<Kpi> not = EnumSet.complementOf(EnumSet.copyOf(Plans.PLANNABLE));
    assertEquals(
        EnumSet.of(
            Kpi.NPS, Kpi.TEAM_PLAN_FULFILMENT, Kpi.STAFF_TURNOVER, Kpi.FUNNEL_STAGE_CONVERSION),
        not);
  }

  @Test
  void everyMeasuredKpiExceptNps_canHaveAPlan() {
    for (Kpi kpi : KpiSql.MEASURED) {
      assertEquals(kpi != Kpi.NPS, Plans.PLANNABLE.contains(kpi), kpi.code());
    }
    assertFalse(Plans.PLANNABLE.contains(Kpi.NPS));
  }

  @Test
  void auditJson_namesTheKeyAndTheExactTarget() {
    Plan plan =
        new Plan(
            UUID.randomUUID(),
            Kpi.SALES_VOLUME,
            PlanSubjectKind.DEPARTMENT,
            7,
            Period.quarter(2026, 2, ZoneId.of("Europe/Moscow")),
            new BigDecimal("900000.5000"),
            Instant.EPOCH,
            null);
    assertEquals(
        "{\"kpi\":\"sales_volume\",\"subject_kind\":\"DEPARTMENT\",\"subject_id\":7,"
            + "\"period_kind\":\"QUARTER\",\"period_start\":\"2026-04-01\",\"target\":900000.5000}",
        Plans.json(plan));
  }
}
