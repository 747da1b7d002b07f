package app.premia.compensation.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One run of October 2026 for the export tests, its sums worked out by hand below (not by the code
 * under test).
 *
 * <pre>
 * Anna  «00012», Продажи, organisation none (→ ООО Ромашка), previous month 100 000,00
 *   BASE        Оклад                    MONTH    2026-10-01   80 000,00
 *   COMPONENT   volume  Объём продаж     MONTH    2026-10-01   12 345,67  ┐
 *   COMPONENT   margin  Маржа            MONTH    2026-10-01    1 000,10  ├ ПРЕМ_МЕС 13 000,00
 *   SCHEME      cap     Ограничение      MONTH    2026-10-01     −345,77  ┘
 *   COMPONENT   q       Квартальный план QUARTER  2026-07-01   30 000,00    ПРЕМ_КВ  30 000,00
 *   ADJUSTMENT  volume  Возврат          MONTH    2026-09-01   −1 500,50    ПРЕМ_КОРР −1 500,50
 *   base 80 000,00; variable 43 000,00; adjustments −1 500,50; total 121 499,50; change 21 499,50
 * Boris «00013», no department, organisation «ООО Ромашка» (named), no previous month
 *   BASE                                 MONTH              70 000,00
 *   COMPONENT   volume                   MONTH               5 000,00    ПРЕМ_МЕС 5 000,00
 *   COMPONENT   annual                   YEAR    2026-01-01      0,00    ПРЕМ_ГОД 0 → omitted
 *   ADJUSTMENT  +250,00 and −250,00                                      ПРЕМ_КОРР 0 → omitted
 *   base 70 000,00; variable 5 000,00; adjustments 0,00; total 75 000,00
 * Vera  no personnel number, Опт, «АО Лютик», previous month 200 000,00
 *   BASE                                 MONTH              90 000,00
 *   COMPONENT   volume                   MONTH              20 000,00    ПРЕМ_МЕС 20 000,00
 *   COMPONENT   annual                   YEAR    2026-01-01 100 000,00   ПРЕМ_ГОД 100 000,00
 *   base 90 000,00; variable 120 000,00; adjustments 0,00; total 210 000,00; change 10 000,00
 * Totals: base 240 000,00; variable 168 000,00; adjustments −1 500,50; total 406 499,50;
 *         previous 300 000,00; change 31 499,50. Lines: 6 + 5 + 3 = 14.
 * </pre>
 */
final class PayoutExportFixture {

  static final UUID RUN = UUID.fromString("5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5");
  static final String COMPANY = "ООО Ромашка";
  static final String LUTIK = "АО Лютик";

  /** A name with the CSV separators and a quote in it. */
  static final String ANNA = "Иванова \"Анна\"; старший";

  static final String BASIS_1 = "Менеджер по работе с клиентами, версия 1";
  static final String BASIS_2 = "Старший менеджер; версия 2";

  static final LocalDate OCT = LocalDate.of(2026, 10, 1);
  static final LocalDate SEP = LocalDate.of(2026, 9, 1);
  static final LocalDate Q3 = LocalDate.of(2026, 7, 1);
  static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

  private PayoutExportFixture() {}

  static BigDecimal rub(String amount) {
    return new BigDecimal(amount);
  }

  static PayoutExport.Line line(
      String kind, String key, String name, String periodKind, LocalDate start, String amount) {
    return new PayoutExport.Line(kind, key, name, periodKind, start, rub(amount), null);
  }

  static PayoutExport run() {
    PayoutExport.Row anna =
        new PayoutExport.Row(
            1,
            "00012",
            ANNA,
            "Продажи",
            null,
            BASIS_1,
            rub("80000.00"),
            rub("43000.00"),
            rub("-1500.50"),
            rub("121499.50"),
            rub("100000.00"),
            List.of(
                line("BASE", null, "Оклад", "MONTH", OCT, "80000.00"),
                line("COMPONENT", "volume", "Объём продаж", "MONTH", OCT, "12345.67"),
                line("COMPONENT", "margin", "Маржа", "MONTH", OCT, "1000.10"),
                line("SCHEME", "cap", "Ограничение схемы", "MONTH", OCT, "-345.77"),
                line("COMPONENT", "q", "Квартальный план", "QUARTER", Q3, "30000.00"),
                new PayoutExport.Line(
                    "ADJUSTMENT",
                    "volume",
                    "Возврат: сделка 17",
                    "MONTH",
                    SEP,
                    rub("-1500.50"),
                    "Сделка 17 «Альфа, \"Опт\"» проиграна")));
    PayoutExport.Row boris =
        new PayoutExport.Row(
            2,
            "00013",
            "Петров Борис",
            null,
            COMPANY,
            BASIS_1,
            rub("70000.00"),
            rub("5000.00"),
            rub("0.00"),
            rub("75000.00"),
            null,
            List.of(
                line("BASE", null, "Оклад", "MONTH", OCT, "70000.00"),
                line("COMPONENT", "volume", "Объём продаж", "MONTH", OCT, "5000.00"),
                line("COMPONENT", "annual", "Годовой бонус", "YEAR", Y2026, "0.00"),
                line("ADJUSTMENT", "volume", "Доплата: сделка 21", "MONTH", SEP, "250.00"),
                line("ADJUSTMENT", "volume", "Возврат: сделка 22", "MONTH", SEP, "-250.00")));
    PayoutExport.Row vera =
        new PayoutExport.Row(
            3,
            null,
            "Сидорова Вера",
            "Опт",
            LUTIK,
            BASIS_2,
            rub("90000.00"),
            rub("120000.00"),
            rub("0.00"),
            rub("210000.00"),
            rub("200000.00"),
            List.of(
                line("BASE", null, "Оклад", "MONTH", OCT, "90000.00"),
                line("COMPONENT", "volume", "Объём продаж", "MONTH", OCT, "20000.00"),
                line("COMPONENT", "annual", "Годовой бонус", "YEAR", Y2026, "100000.00")));
    return new PayoutExport(
        COMPANY, "RUB", YearMonth.of(2026, 10), RUN, "DRAFT", List.of(anna, boris, vera));
  }
}
