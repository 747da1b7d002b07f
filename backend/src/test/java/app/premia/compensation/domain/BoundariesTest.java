package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundariesTest {

  @Test
  void aGateOnTheComponentsOwnMeasure() {
    // 5 % of sales if volume > 1 000 000: 999 999,99 → 0; 1 000 000,00 → 0 (not >);
    // 1 000 000,01 × 5 % = 50 000,0005 → 50 000,00
    SchemeDefinition d = TemplateLibraryDefaults.templates().get(1).definition();
    List<BoundaryCase> cases =
        Boundaries.of(d, CATALOGUE).stream()
            .filter(c -> c.componentKey().equals("volume_bonus"))
            .toList();
    assertEquals(3, cases.size());
    assertEquals("Условие: Объём продаж > " + rub("1 000 000,00"), cases.get(0).title().ru());
    assertEquals(
        List.of(d("999999.99"), d("1000000.00"), d("1000000.01")),
        cases.stream().map(BoundaryCase::measureValue).toList());
    assertEquals(
        List.of("условие не выполнено", "условие не выполнено", "условие выполнено"),
        cases.stream().map(c -> c.outcome().ru()).toList());
    assertEquals(
        List.of(d("0.00"), d("0.00"), d("50000.00")),
        cases.stream().map(BoundaryCase::amount).toList());
  }

  @Test
  void aGateOnAnotherMeasureHasNoAmount() {
    // 3 % of sales if conversion > 20 %: percent step 0,0001
    SchemeDefinition d = TemplateLibraryDefaults.templates().get(0).definition();
    List<BoundaryCase> cases =
        Boundaries.of(d, CATALOGUE).stream()
            .filter(c -> c.componentKey().equals("conversion_bonus"))
            .toList();
    assertEquals(
        List.of(d("19.9999"), d("20"), d("20.0001")),
        cases.stream().map(BoundaryCase::measureValue).toList());
    cases.forEach(c -> assertNull(c.amount()));
    assertEquals("condition met", cases.get(2).outcome().en());
  }

  @Test
  void countsStepByOne() {
    SchemeDefinition d =
        scheme(
            "0",
            monthly(
                "c",
                Measure.self("deals_won"),
                new PerUnitRule(d("5000")),
                gate("deals_won", Comparator.GE, "10")));
    List<BoundaryCase> cases = Boundaries.of(d, CATALOGUE);
    assertEquals(
        List.of(d("9"), d("10"), d("11")), cases.stream().map(BoundaryCase::measureValue).toList());
    // 9 → closed 0; 10 × 5 000 = 50 000; 11 × 5 000 = 55 000
    assertEquals(
        List.of(d("0.00"), d("50000.00"), d("55000.00")),
        cases.stream().map(BoundaryCase::amount).toList());
  }

  @Test
  void tierBoundsWithInclusivity() {
    // WHOLE, 0 → 3 %, 500 000 (exclusive) → 5 %
    TieredRule r =
        new TieredRule(
            TierMode.WHOLE,
            List.of(new Tier(d("0"), true, d("3")), new Tier(d("500000"), false, d("5"))));
    List<BoundaryCase> cases =
        Boundaries.of(scheme("0", monthly("t", Measure.self("sales_volume"), r)), CATALOGUE);
    // the first tier from 0 has no boundary worth showing
    assertEquals(3, cases.size());
    assertEquals(nb("Ступень > 500 000,00 ₽ (5 %)"), cases.get(0).title().ru());
    assertEquals(
        List.of("ставка 3" + NB + "%", "ставка 3" + NB + "%", "ставка 5" + NB + "%"),
        cases.stream().map(c -> c.outcome().ru()).toList());
    // 499 999,99 × 3 % = 14 999,9997 → 15 000,00; 500 000 × 3 % = 15 000; 500 000,01 × 5 % = 25
    // 000,0005 → 25 000,00
    assertEquals(
        List.of(d("15000.00"), d("15000.00"), d("25000.00")),
        cases.stream().map(BoundaryCase::amount).toList());
  }

  @Test
  void tierAmountsRespectTheCap() {
    TieredRule r = new TieredRule(TierMode.WHOLE, List.of(new Tier(d("100"), true, d("10"))));
    Component c = limited("t", Measure.self("sales_volume"), r, d("5"), null);
    List<BoundaryCase> cases = Boundaries.of(scheme("0", c), CATALOGUE);
    // 99,99 → below the first tier 0; 100 × 10 % = 10 → cap 5; 100,01 → 5
    assertEquals(
        List.of(d("0.00"), d("5.00"), d("5.00")),
        cases.stream().map(BoundaryCase::amount).toList());
    assertEquals("ниже первой ступени — 0", cases.get(0).outcome().ru());
  }

  @Test
  void curveStepsShowMultipliers() {
    AcceleratorRule r =
        new AcceleratorRule(
            AcceleratorMode.CURVE,
            d("5"),
            List.of(
                new CurveStep(d("100"), true, d("1")), new CurveStep(d("120"), false, d("1.5"))));
    List<BoundaryCase> cases =
        Boundaries.of(scheme("0", monthly("a", Measure.self("sales_volume"), r)), CATALOGUE);
    assertEquals(6, cases.size());
    assertEquals(
        List.of(
            "множитель ×0",
            "множитель ×1",
            "множитель ×1",
            "множитель ×1",
            "множитель ×1",
            "множитель ×1,5"),
        cases.stream().map(c -> c.outcome().ru()).toList());
    assertEquals(new BigDecimal("120.0001"), cases.get(5).measureValue());
    cases.forEach(c -> assertNull(c.amount()));
  }

  @Test
  void growthAndAttainmentGatesAreNotBoundaries() {
    SchemeDefinition d = TemplateLibraryDefaults.templates().get(6).definition();
    assertEquals(
        0,
        Boundaries.of(d, CATALOGUE).stream()
            .filter(c -> c.componentKey().equals("growth_bonus"))
            .count());
  }
}
