package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seed's seven example rules (PRODUCT.md "Bonus rules"), each with numbers worked by hand. */
class SeedExamplesTest {

  // 1. 5 % of sales if the monthly volume > 1 000 000 ₽
  private static final SchemeDefinition VOLUME_BONUS =
      scheme(
          "70000",
          monthly(
              "volume_bonus",
              Measure.self("sales_volume"),
              new PercentRule(d("5")),
              gate("sales_volume", Comparator.GT, "1000000")));

  @Test
  void fivePercentOfSalesAboveAMillion() {
    // 1 250 000,00 ₽ × 5 % = 62 500,00 ₽
    Line line =
        only(
            march(
                VOLUME_BONUS,
                participant(1, lookup().value("sales_volume", MARCH, "1250000", 12))));
    assertEquals(d("62500.00"), line.amount());
    assertTrue(line.paid());
    assertTrue(
        ru(line).contains("Объём продаж за 2026-03: " + rub("1 250 000,00") + " (12 сделок)"),
        ru(line));
    assertTrue(
        ru(line).contains(rub("1 250 000,00") + " × 5" + NB + "% = " + rub("62 500,00")), ru(line));
    assertTrue(
        en(line).contains("1,250,000.00" + NB + "₽ × 5" + NB + "% = 62,500.00" + NB + "₽"),
        en(line));
  }

  @Test
  void exactlyAMillionPaysNothingAndSaysNotGreater() {
    // 1 000 000,00 is not > 1 000 000,00: the gate is closed, 0
    Line line =
        only(
            march(
                VOLUME_BONUS, participant(1, lookup().value("sales_volume", MARCH, "1000000", 9))));
    assertEquals(d("0.00"), line.amount());
    assertFalse(line.paid());
    assertTrue(
        ru(line)
            .contains(
                "Объём продаж "
                    + rub("1 000 000,00")
                    + " не > "
                    + rub("1 000 000,00")
                    + " — условие не выполнено"),
        ru(line));
    assertTrue(
        en(line)
            .contains(
                "Sales volume 1,000,000.00"
                    + NB
                    + "₽ is not > 1,000,000.00"
                    + NB
                    + "₽ — condition not met"),
        en(line));
  }

  @Test
  void aKopeckAboveAMillionPays() {
    // 1 000 000,01 × 5 % = 50 000,0005 → 50 000,00 (half-up at the end)
    Line line =
        only(
            march(
                VOLUME_BONUS,
                participant(1, lookup().value("sales_volume", MARCH, "1000000.01", 9))));
    assertEquals(d("50000.00"), line.amount());
    assertTrue(line.paid());
  }

  @Test
  void fiveThousandPerWonDeal() {
    // 7 × 5 000,00 ₽ = 35 000,00 ₽
    SchemeDefinition s =
        scheme("0", monthly("per_deal", Measure.self("deals_won"), new PerUnitRule(d("5000"))));
    Line line = only(march(s, participant(1, lookup().value("deals_won", MARCH, "7", 7))));
    assertEquals(d("35000.00"), line.amount());
    assertTrue(ru(line).contains("7 × " + rub("5 000,00") + " = " + rub("35 000,00")), ru(line));
    assertTrue(ru(line).contains("(7 сделок)"), ru(line));
  }

  private static final SchemeDefinition GROWTH =
      scheme(
          "0",
          monthly(
              "growth_bonus",
              Measure.self("sales_volume"),
              new PercentRule(d("2")),
              new Gate(
                  Measure.self("average_deal"), GateBasis.GROWTH_PERCENT, Comparator.GE, d("10"))));

  @Test
  void twoPercentMoreWhenTheAverageDealGrewTenPercent() {
    // average deal 50 000 → 55 000: (55 000 − 50 000) ÷ 50 000 × 100 = 10 % ≥ 10 %
    // 1 100 000,00 × 2 % = 22 000,00
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "1100000", 20)
            .value("average_deal", MARCH, "55000", 20)
            .value("average_deal", FEBRUARY, "50000", 18);
    Line line = only(march(GROWTH, participant(1, l)));
    assertEquals(d("22000.00"), line.amount());
    assertTrue(ru(line).contains("= 10" + NB + "% (2026-02 → 2026-03)"), ru(line));
    assertTrue(
        ru(line).contains("Средний чек, рост 10" + NB + "% ≥ 10" + NB + "% — условие выполнено"),
        ru(line));
  }

  @Test
  void growthJustBelowTenPercentPaysNothing() {
    // (54 999,99 − 50 000) ÷ 50 000 × 100 = 9,99998 % — not ≥ 10 %
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "1100000", 20)
            .value("average_deal", MARCH, "54999.99", 20)
            .value("average_deal", FEBRUARY, "50000", 18);
    Line line = only(march(GROWTH, participant(1, l)));
    assertEquals(d("0.00"), line.amount());
    assertTrue(ru(line).contains("не ≥ 10" + NB + "%"), ru(line));
  }

  @Test
  void growthWithoutAPreviousValueIsUndefined() {
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "1100000", 20)
            .value("average_deal", MARCH, "55000", 20);
    Line line = only(march(GROWTH, participant(1, l)));
    assertFalse(line.paid());
    assertTrue(ru(line).contains("рост не определён"), ru(line));
  }

  private static final SchemeDefinition CONVERSION =
      scheme(
          "0",
          monthly(
              "conversion_bonus",
              Measure.self("sales_volume"),
              new PercentRule(d("3")),
              gate("lead_conversion", Comparator.GT, "20")));

  @Test
  void threePercentWhenConversionAboveTwentyPercent() {
    // conversion 25 % > 20 %; 800 000,00 × 3 % = 24 000,00
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "800000", 10)
            .value("lead_conversion", MARCH, "25", 40);
    Line line = only(march(CONVERSION, participant(1, l)));
    assertEquals(d("24000.00"), line.amount());
    assertTrue(ru(line).contains("Конверсия лидов за 2026-03: 25" + NB + "% (40 лидов)"), ru(line));
  }

  @Test
  void conversionOfExactlyTwentyPercentPaysNothing() {
    Lookup l =
        lookup()
            .value("sales_volume", MARCH, "800000", 10)
            .value("lead_conversion", MARCH, "20.0000", 40);
    Line line = only(march(CONVERSION, participant(1, l)));
    assertEquals(d("0.00"), line.amount());
    assertTrue(ru(line).contains("Конверсия лидов 20" + NB + "% не > 20" + NB + "%"), ru(line));
  }

  @Test
  void onePercentOfRepeatSales() {
    // 345 678,91 × 1 % = 3 456,7891 → 3 456,79
    SchemeDefinition s =
        scheme("0", monthly("repeat", Measure.self("repeat_sales"), new PercentRule(d("1"))));
    Line line =
        only(march(s, participant(1, lookup().value("repeat_sales", MARCH, "345678.91", 3))));
    assertEquals(d("3456.79"), line.amount());
  }

  private static final SchemeDefinition NPS =
      scheme(
          "0",
          monthly(
              "nps_bonus",
              Measure.self("nps"),
              new FixedRule(d("10000")),
              gate("nps", Comparator.GT, "70")));

  @Test
  void aFixedSumWhenNpsAboveSeventy() {
    Line line = only(march(NPS, participant(1, lookup().value("nps", MARCH, "72.5", 21))));
    assertEquals(d("10000.00"), line.amount());
    assertTrue(ru(line).contains("NPS за 2026-03: 72,5 (21 ответ)"), ru(line));
    Line at = only(march(NPS, participant(1, lookup().value("nps", MARCH, "70", 22))));
    assertEquals(d("0.00"), at.amount());
    assertTrue(ru(at).contains("(22 ответа)"), ru(at));
  }

  @Test
  void undefinedNpsPaysNothingAndSaysWhy() {
    Line line = only(march(NPS, participant(1, lookup())));
    assertFalse(line.paid());
    assertEquals(d("0.00"), line.amount());
    assertTrue(ru(line).contains("NPS за 2026-03 не определён (нет данных: 0 ответов)"), ru(line));
    assertTrue(en(line).contains("NPS for 2026-03 is undefined (no data: 0 answers)"), en(line));
  }

  @Test
  void threeThousandPerNewClient() {
    // 4 × 3 000,00 = 12 000,00
    SchemeDefinition s =
        scheme(
            "0", monthly("new_clients", Measure.self("new_clients"), new PerUnitRule(d("3000"))));
    Line line = only(march(s, participant(1, lookup().value("new_clients", MARCH, "4", 4))));
    assertEquals(d("12000.00"), line.amount());
    assertTrue(ru(line).contains("(4 клиента)"), ru(line));
  }
}
