package app.premia.kpi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttainmentTest {

  static Plan plan(String target) {
    return new Plan(
        UUID.randomUUID(),
        Kpi.SALES_VOLUME,
        PlanSubjectKind.EMPLOYEE,
        101,
        Period.month(2026, 1, ZoneId.of("Europe/Moscow")),
        new BigDecimal(target),
        Instant.EPOCH,
        null);
  }

  @Test
  void ratio_isActualOverPlan_halfUpTo4Decimals() {
    assertEquals(new BigDecimal("1.2500"), Attainment.ratio(bd("150000.00"), bd("120000")));
    assertEquals(new BigDecimal("0.6667"), Attainment.ratio(bd("2"), bd("3")));
    assertEquals(new BigDecimal("0.3333"), Attainment.ratio(bd("1"), bd("3")));
    // 1 ÷ 20 000 = 0.00005 exactly: half-up 0.0001, half-even would give 0.0000
    assertEquals(new BigDecimal("0.0001"), Attainment.ratio(bd("1"), bd("20000")));
    assertEquals(new BigDecimal("0.0000"), Attainment.ratio(bd("0.00"), bd("5")));
  }

  @Test
  void undefined_whenThePlanIsZero_orTheActualUndefined() {
    assertNull(Attainment.ratio(bd("10"), bd("0.0000")));
    assertNull(Attainment.ratio(null, bd("10")));
    Attainment zeroPlan = Attainment.of(plan("0"), bd("5"));
    assertFalse(zeroPlan.defined());
    assertEquals(bd("5"), zeroPlan.actual());
    Attainment met = Attainment.of(plan("100"), bd("100"));
    assertTrue(met.defined());
    assertEquals(new BigDecimal("1.0000"), met.ratio());
  }

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }
}
