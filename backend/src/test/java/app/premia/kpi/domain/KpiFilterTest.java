package app.premia.kpi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tenant-level filter and the department measurement record. */
class KpiFilterTest {

  @Test
  void all_isEmptyEverywhere_andAnyListMakesItAFilter() {
    assertTrue(KpiFilter.ALL.all());
    assertFalse(new KpiFilter(Set.of(1), Set.of(), Set.of()).all());
    assertFalse(new KpiFilter(Set.of(), Set.of("SALE"), Set.of()).all());
    assertFalse(new KpiFilter(Set.of(), Set.of(), Set.of("WEB")).all());
  }

  @Test
  void theSetsAreCopied_soTheCallerCannotChangeAFilterLater() {
    Set<Integer> pipelines = new HashSet<>(Set.of(1));
    KpiFilter filter = new KpiFilter(pipelines, Set.of(), Set.of());
    pipelines.add(2);
    assertEquals(Set.of(1), filter.pipelines());
    assertThrows(NullPointerException.class, () -> new KpiFilter(null, Set.of(), Set.of()));
  }

  @Test
  void aDepartmentMeasurement_takesOnlyDepartmentKpis() {
    Period jan = Period.month(2026, 1, ZoneId.of("Europe/Moscow"));
    assertTrue(
        new DepartmentMeasurement(1, jan, Kpi.STAFF_TURNOVER, BigDecimal.ONE, 1, 0).defined());
    assertThrows(
        IllegalArgumentException.class,
        () -> new DepartmentMeasurement(1, jan, Kpi.SALES_VOLUME, BigDecimal.ONE, 1, 0));
  }
}
