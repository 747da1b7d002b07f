package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.CATALOGUE;
import static app.premia.compensation.domain.Fixtures.MARCH;
import static app.premia.compensation.domain.Fixtures.d;
import static app.premia.compensation.domain.Fixtures.gate;
import static app.premia.compensation.domain.Fixtures.lookup;
import static app.premia.compensation.domain.Fixtures.monthly;
import static app.premia.compensation.domain.Fixtures.nb;
import static app.premia.compensation.domain.Fixtures.scheme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The live estimate's nearest threshold ahead, on hand-computed values. */
class ThresholdsTest {

  final Thresholds thresholds = new Thresholds(CATALOGUE);

  final SchemeDefinition gated =
      scheme(
          "50000",
          monthly(
              "volume_bonus",
              Measure.self("sales_volume"),
              new PercentRule(d("5")),
              gate("sales_volume", Comparator.GT, "1000000")));

  @Test
  void aClosedGate_isTheThresholdAhead_withTheShareReachedFloored() {
    Thresholds.Threshold t =
        thresholds
            .next(gated, lookup().value("sales_volume", MARCH, "880000", 7), MARCH)
            .orElseThrow();
    assertEquals(d("1000000"), t.target());
    assertEquals(88, t.percent());
    assertEquals(
        nb("Ещё 120 000,00 ₽ до порога 1 000 000,00 ₽ («volume_bonus»)"), t.description().ru());
    assertTrue(t.description().en().startsWith("120,000.00"), t.description().en());
  }

  @Test
  void aPassedGate_andAnUndefinedValue() {
    assertTrue(
        thresholds
            .next(gated, lookup().value("sales_volume", MARCH, "1000000.01", 7), MARCH)
            .isEmpty());
    Thresholds.Threshold fromZero = thresholds.next(gated, lookup(), MARCH).orElseThrow();
    assertEquals(0, fromZero.percent());
    assertEquals(d("0"), fromZero.current());
  }

  @Test
  void ofSeveralThresholds_theOneWithTheSmallestShareMissingWins() {
    SchemeDefinition tiered =
        scheme(
            "0",
            monthly(
                "tiers",
                Measure.self("sales_volume"),
                new TieredRule(
                    TierMode.MARGINAL,
                    List.of(
                        new Tier(d("0"), true, d("2")),
                        new Tier(d("500000"), false, d("4")),
                        new Tier(d("2000000"), false, d("6"))))),
            monthly(
                "deals",
                Measure.self("deals_won"),
                new PerUnitRule(d("1000")),
                gate("deals_won", Comparator.GE, "10")));
    // 450 000 of 500 000 (90 %) beats 6 of 10 deals (60 %) and 450 000 of 2 000 000 (22 %)
    Thresholds.Threshold t =
        thresholds
            .next(
                tiered,
                lookup()
                    .value("sales_volume", MARCH, "450000", 4)
                    .value("deals_won", MARCH, "6", 6),
                MARCH)
            .orElseThrow();
    assertEquals(d("500000"), t.target());
    assertEquals(90, t.percent());
  }
}
