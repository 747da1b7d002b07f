package app.premia.compensation.application;

import static app.premia.compensation.application.PayoutExportFixture.ANNA;
import static app.premia.compensation.application.PayoutExportFixture.COMPANY;
import static app.premia.compensation.application.PayoutExportFixture.LUTIK;
import static app.premia.compensation.application.PayoutExportFixture.OCT;
import static app.premia.compensation.application.PayoutExportFixture.Q3;
import static app.premia.compensation.application.PayoutExportFixture.RUN;
import static app.premia.compensation.application.PayoutExportFixture.SEP;
import static app.premia.compensation.application.PayoutExportFixture.Y2026;
import static app.premia.compensation.application.PayoutExportFixture.line;
import static app.premia.compensation.application.PayoutExportFixture.rub;
import static app.premia.compensation.application.PayoutExportFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The payout exports read back: XLSX with POI (cell types, values, formats, totals), CSV as bytes
 * (byte order mark, separators, decimal comma, quoting, line ends). Expected numbers are the
 * fixture's hand-computed ones ({@link PayoutExportFixture}).
 */
class PayoutExportsTest {

  static final String RUB_FORMAT = "#,##0.00 \"₽\"";
  static final String CRLF = "\r\n";

  // ------------------------------------------------------------------ the input model

  @Test
  void model_normalisesAmountsToKopecks_andRefusesFractionsOfAKopeck() {
    PayoutExport.Line whole = line("BASE", null, "Оклад", "MONTH", OCT, "80000");
    assertEquals("80000.00", whole.amount().toPlainString());
    assertThrows(
        IllegalArgumentException.class,
        () -> line("COMPONENT", "k", "Компонент", "MONTH", OCT, "10.005"));
  }

  @Test
  void model_copiesItsLists() {
    List<PayoutExport.Line> lines = new ArrayList<>();
    lines.add(line("BASE", null, "Оклад", "MONTH", OCT, "1.00"));
    PayoutExport.Row row =
        new PayoutExport.Row(
            9, null, "Гость", null, null, "—", rub("1"), rub("0"), rub("0"), rub("1"), null, lines);
    lines.add(line("BASE", null, "Оклад", "MONTH", OCT, "2.00"));
    assertEquals(1, row.lines().size());
    assertThrows(UnsupportedOperationException.class, () -> row.lines().add(lines.get(0)));
  }

  // ------------------------------------------------------------------ accrual codes, organisations

  @Test
  void accrualCode_componentAndSchemeLinesByTheirPeriod_adjustmentsAsCorrection() {
    assertEquals("ПРЕМ_МЕС", code("COMPONENT", "MONTH"));
    assertEquals("ПРЕМ_КВ", code("COMPONENT", "QUARTER"));
    assertEquals("ПРЕМ_ГОД", code("COMPONENT", "YEAR"));
    assertEquals("ПРЕМ_МЕС", code("SCHEME", "MONTH"));
    assertEquals("ПРЕМ_КВ", code("SCHEME", "QUARTER"));
    assertEquals("ПРЕМ_ГОД", code("SCHEME", "YEAR"));
    assertEquals("ПРЕМ_КОРР", code("ADJUSTMENT", "MONTH"));
    assertEquals("ПРЕМ_КОРР", code("ADJUSTMENT", "QUARTER"));
  }

  @Test
  void accrualCode_refusesTheBaseSalary_whichZupAccruesFromTheTimeSheet() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> code("BASE", "MONTH"));
    assertTrue(refused.getMessage().contains("time sheet"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> code("BONUS", "MONTH"));
  }

  static String code(String kind, String periodKind) {
    return PayoutExports.accrualCode(line(kind, "k", "x", periodKind, OCT, "1.00"));
  }

  @Test
  void organisations_areDistinct_sorted_andARowNamingNoneBelongsToTheCompany() {
    assertEquals(List.of(LUTIK, COMPANY), PayoutExports.organisations(run()));
  }

  // ------------------------------------------------------------------ 1C:ZUP CSV

  /** The whole 1C:ZUP CSV of ООО Ромашка, written out by hand. */
  static final String ZUP_ROMASHKA =
      "Табельный номер;Сотрудник;Подразделение;Вид начисления;Месяц;Сумма;Основание;Ведомость"
          + CRLF
          + "00012;\"Иванова \"\"Анна\"\"; старший\";Продажи;ПРЕМ_МЕС;01.10.2026;13000,00;"
          + "Менеджер по работе с клиентами, версия 1;5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
          + CRLF
          + "00012;\"Иванова \"\"Анна\"\"; старший\";Продажи;ПРЕМ_КВ;01.10.2026;30000,00;"
          + "Менеджер по работе с клиентами, версия 1;5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
          + CRLF
          + "00012;\"Иванова \"\"Анна\"\"; старший\";Продажи;ПРЕМ_КОРР;01.10.2026;-1500,50;"
          + "Менеджер по работе с клиентами, версия 1;5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
          + CRLF
          + "00013;Петров Борис;;ПРЕМ_МЕС;01.10.2026;5000,00;"
          + "Менеджер по работе с клиентами, версия 1;5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
          + CRLF;

  @Test
  void zupCsv_isUtf8WithBom_semicolons_decimalComma_crlf_andQuotesAsRfc4180() {
    byte[] csv = PayoutExports.zupCsv(run(), COMPANY);
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
    assertEquals(ZUP_ROMASHKA, new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
  }

  @Test
  void zupCsv_ofTheCompany_isAlsoWhatNoOrganisationGives() {
    assertArrayEquals(PayoutExports.zupCsv(run(), COMPANY), PayoutExports.zupCsv(run(), null));
  }

  @Test
  void zupCsv_ofAnotherOrganisation_holdsOnlyItsEmployees() {
    byte[] csv = PayoutExports.zupCsv(run(), LUTIK);
    String expected =
        "Табельный номер;Сотрудник;Подразделение;Вид начисления;Месяц;Сумма;Основание;Ведомость"
            + CRLF
            + ";Сидорова Вера;Опт;ПРЕМ_МЕС;01.10.2026;20000,00;\"Старший менеджер; версия 2\";"
            + "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
            + CRLF
            + ";Сидорова Вера;Опт;ПРЕМ_ГОД;01.10.2026;100000,00;\"Старший менеджер; версия 2\";"
            + "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
            + CRLF;
    assertEquals(expected, new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
  }

  @Test
  void zup_ofAnOrganisationWithoutEmployeesInTheRun_isRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> PayoutExports.zupCsv(run(), "ООО Неизвестно"));
    assertThrows(
        IllegalArgumentException.class, () -> PayoutExports.zupXlsx(run(), "ООО Неизвестно"));
  }

  @Test
  void zup_hasNoThousandsSeparator_evenForMillions() {
    PayoutExport big =
        single(
            line("COMPONENT", "v", "Объём", "MONTH", OCT, "1234567.89"),
            line("ADJUSTMENT", "v", "Возврат", "MONTH", SEP, "-2000000.00"));
    String csv = text(PayoutExports.zupCsv(big, null));
    assertTrue(csv.contains(";ПРЕМ_МЕС;01.10.2026;1234567,89;"), csv);
    assertTrue(csv.contains(";ПРЕМ_КОРР;01.10.2026;-2000000,00;"), csv);
  }

  @Test
  void zup_ofARunWithOnlyBaseSalaries_hasOnlyItsHeader() {
    PayoutExport base = single(line("BASE", null, "Оклад", "MONTH", OCT, "50000.00"));
    assertEquals(
        String.join(";", PayoutExports.ZUP_COLUMNS) + CRLF, text(PayoutExports.zupCsv(base, null)));
  }

  @Test
  void zupCsv_quotesLineBreaks() {
    PayoutExport e =
        new PayoutExport(
            COMPANY,
            "RUB",
            YearMonth.of(2026, 10),
            RUN,
            "APPROVED",
            List.of(
                new PayoutExport.Row(
                    7,
                    "7",
                    "Гл\nеб",
                    null,
                    null,
                    "Схема",
                    rub("0"),
                    rub("1"),
                    rub("0"),
                    rub("1"),
                    null,
                    List.of(line("COMPONENT", "v", "Объём", "MONTH", OCT, "1.00")))));
    assertTrue(text(PayoutExports.zupCsv(e, null)).contains("7;\"Гл\nеб\";;ПРЕМ_МЕС;"));
  }

  // ------------------------------------------------------------------ 1C:ZUP XLSX

  @Test
  void zupXlsx_hasTheColumnsInOrder_amountsNumeric_monthAndNumbersAsText() throws IOException {
    try (XSSFWorkbook book = read(PayoutExports.zupXlsx(run(), null))) {
      assertEquals(1, book.getNumberOfSheets());
      Sheet sheet = book.getSheet("Загрузка начислений");
      assertEquals(
          List.of(
              "Табельный номер",
              "Сотрудник",
              "Подразделение",
              "Вид начисления",
              "Месяц",
              "Сумма",
              "Основание",
              "Ведомость"),
          texts(sheet.getRow(0), 8));
      assertTrue(
          book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
      assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
      assertEquals(4, sheet.getLastRowNum(), "header + 4 rows");

      Object[][] expected = {
        {"00012", ANNA, "Продажи", "ПРЕМ_МЕС", "13000.00"},
        {"00012", ANNA, "Продажи", "ПРЕМ_КВ", "30000.00"},
        {"00012", ANNA, "Продажи", "ПРЕМ_КОРР", "-1500.50"},
        {"00013", "Петров Борис", null, "ПРЕМ_МЕС", "5000.00"},
      };
      for (int i = 0; i < expected.length; i++) {
        Row row = sheet.getRow(i + 1);
        assertEquals(CellType.STRING, row.getCell(0).getCellType(), "personnel number is text");
        assertEquals(expected[i][0], row.getCell(0).getStringCellValue());
        assertEquals(expected[i][1], row.getCell(1).getStringCellValue());
        assertEquals(
            expected[i][2], row.getCell(2) == null ? null : row.getCell(2).getStringCellValue());
        assertEquals(expected[i][3], row.getCell(3).getStringCellValue());
        assertEquals(CellType.STRING, row.getCell(4).getCellType(), "the month is text");
        assertEquals("01.10.2026", row.getCell(4).getStringCellValue());
        Cell amount = row.getCell(5);
        assertEquals(CellType.NUMERIC, amount.getCellType(), "amount is a number");
        assertEquals(new BigDecimal((String) expected[i][4]), money(amount));
        assertEquals("0.00", amount.getCellStyle().getDataFormatString());
        assertEquals(
            "Менеджер по работе с клиентами, версия 1", row.getCell(6).getStringCellValue());
        assertEquals(RUN.toString(), row.getCell(7).getStringCellValue());
      }
    }
  }

  @Test
  void zupXlsx_ofAnotherOrganisation_holdsOnlyItsEmployees() throws IOException {
    try (XSSFWorkbook book = read(PayoutExports.zupXlsx(run(), LUTIK))) {
      Sheet sheet = book.getSheetAt(0);
      assertEquals(2, sheet.getLastRowNum());
      assertNull(sheet.getRow(1).getCell(0), "Vera has no personnel number");
      assertEquals("Сидорова Вера", sheet.getRow(1).getCell(1).getStringCellValue());
      assertEquals("ПРЕМ_МЕС", sheet.getRow(1).getCell(3).getStringCellValue());
      assertEquals(new BigDecimal("20000.00"), money(sheet.getRow(1).getCell(5)));
      assertEquals("ПРЕМ_ГОД", sheet.getRow(2).getCell(3).getStringCellValue());
      assertEquals(new BigDecimal("100000.00"), money(sheet.getRow(2).getCell(5)));
    }
  }

  // ------------------------------------------------------------------ BI feed

  @Test
  void biCsv_oneLinePerStatementLine_commaSeparated_dotDecimal_rfc4180() {
    byte[] csv = PayoutExports.biCsv(run());
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
    String text = text(csv);
    assertTrue(text.endsWith(CRLF));
    List<String> lines = List.of(text.split(CRLF));
    assertEquals(1 + 14, lines.size(), "header + 14 statement lines");
    assertEquals(
        "run_id,month,status,employee_id,personnel_number,employee,department,organisation,"
            + "line_kind,line_key,line_name,period_kind,period_start,amount,reason",
        lines.get(0));
    assertEquals(
        "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5,2026-10,DRAFT,1,00012,"
            + "\"Иванова \"\"Анна\"\"; старший\",Продажи,ООО Ромашка,BASE,,Оклад,MONTH,2026-10-01,"
            + "80000.00,",
        lines.get(1));
    assertEquals(
        "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5,2026-10,DRAFT,1,00012,"
            + "\"Иванова \"\"Анна\"\"; старший\",Продажи,ООО Ромашка,ADJUSTMENT,volume,"
            + "Возврат: сделка 17,MONTH,2026-09-01,-1500.50,"
            + "\"Сделка 17 «Альфа, \"\"Опт\"\"» проиграна\"",
        lines.get(6));
    assertEquals(
        "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5,2026-10,DRAFT,2,00013,Петров Борис,,ООО Ромашка,"
            + "COMPONENT,annual,Годовой бонус,YEAR,2026-01-01,0.00,",
        lines.get(9));
    assertEquals(
        "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5,2026-10,DRAFT,3,,Сидорова Вера,Опт,АО Лютик,"
            + "COMPONENT,annual,Годовой бонус,YEAR,2026-01-01,100000.00,",
        lines.get(14));
  }

  // ------------------------------------------------------------------ the run's XLSX

  @Test
  void runXlsx_summary_numericAmountsInRoubles_changeAgainstThePreviousMonth_andTotals()
      throws IOException {
    try (XSSFWorkbook book = read(PayoutExports.runXlsx(run(), "ru"))) {
      assertEquals("Сводка", book.getSheetName(0));
      assertEquals("Строки", book.getSheetName(1));
      Sheet sheet = book.getSheet("Сводка");

      String title = sheet.getRow(0).getCell(0).getStringCellValue();
      assertEquals("ООО Ромашка — выплаты за октябрь 2026 г. (черновик)", title);
      assertTrue(sheet.getRow(1).getCell(0).getStringCellValue().contains(RUN.toString()));

      Row head = sheet.getRow(2);
      assertEquals(
          List.of(
              "Табельный номер",
              "Сотрудник",
              "Подразделение",
              "Организация",
              "Основание",
              "Оклад",
              "Переменная часть",
              "Корректировки",
              "Итого",
              "Прошлый месяц",
              "Изменение"),
          texts(head, 11));
      for (int c = 0; c < 11; c++) {
        assertTrue(book.getFontAt(head.getCell(c).getCellStyle().getFontIndex()).getBold());
      }
      PaneInformation pane = sheet.getPaneInformation();
      assertTrue(pane.isFreezePane());
      assertEquals(3, pane.getHorizontalSplitTopRow(), "title, run and header rows frozen");

      // base, variable, adjustments, total, previous, change (null: empty cell)
      String[][] amounts = {
        {"80000.00", "43000.00", "-1500.50", "121499.50", "100000.00", "21499.50"},
        {"70000.00", "5000.00", "0.00", "75000.00", null, null},
        {"90000.00", "120000.00", "0.00", "210000.00", "200000.00", "10000.00"},
        {"240000.00", "168000.00", "-1500.50", "406499.50", "300000.00", "31499.50"},
      };
      assertEquals(List.of("00012", ANNA, "Продажи", COMPANY), texts(sheet.getRow(3), 4));
      assertEquals(COMPANY, sheet.getRow(4).getCell(3).getStringCellValue(), "named");
      assertEquals(LUTIK, sheet.getRow(5).getCell(3).getStringCellValue());
      assertEquals("Старший менеджер; версия 2", sheet.getRow(5).getCell(4).getStringCellValue());
      assertEquals("Итого", sheet.getRow(6).getCell(0).getStringCellValue());
      assertEquals(6, sheet.getLastRowNum(), "3 employees and the totals row");
      for (int r = 0; r < amounts.length; r++) {
        Row row = sheet.getRow(3 + r);
        for (int i = 0; i < 6; i++) {
          Cell cell = row.getCell(5 + i);
          if (amounts[r][i] == null) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, "row " + r);
            continue;
          }
          assertEquals(CellType.NUMERIC, cell.getCellType(), "row " + r + " column " + (5 + i));
          assertEquals(new BigDecimal(amounts[r][i]), money(cell), "row " + r + " col " + i);
          assertEquals(RUB_FORMAT, cell.getCellStyle().getDataFormatString());
        }
      }
      Row totals = sheet.getRow(6);
      assertTrue(book.getFontAt(totals.getCell(8).getCellStyle().getFontIndex()).getBold());
      assertTrue(sheet.getColumnWidth(1) >= 20 * 256, "the name column fits the names");
      assertTrue(sheet.getColumnWidth(8) >= 14 * 256, "the amount columns fit millions");
    }
  }

  @Test
  void runXlsx_lines_oneRowPerLine_withPeriodAndNumericAmount() throws IOException {
    try (XSSFWorkbook book = read(PayoutExports.runXlsx(run(), "ru"))) {
      Sheet sheet = book.getSheet("Строки");
      assertEquals(
          List.of(
              "Табельный номер",
              "Сотрудник",
              "Вид строки",
              "Компонент",
              "Строка",
              "Период",
              "Начало периода",
              "Сумма",
              "Причина"),
          texts(sheet.getRow(2), 9));
      assertEquals(2 + 14, sheet.getLastRowNum(), "14 lines below the header");
      assertEquals(3, sheet.getPaneInformation().getHorizontalSplitTopRow());

      Row quarter = sheet.getRow(3 + 4);
      assertEquals(
          List.of("00012", ANNA, "Компонент", "q", "Квартальный план", "3 кв. 2026"),
          texts(quarter, 6));
      assertEquals(Q3, quarter.getCell(6).getLocalDateTimeCellValue().toLocalDate());
      assertEquals("dd.mm.yyyy", quarter.getCell(6).getCellStyle().getDataFormatString());
      assertEquals(new BigDecimal("30000.00"), money(quarter.getCell(7)));
      assertEquals(RUB_FORMAT, quarter.getCell(7).getCellStyle().getDataFormatString());

      Row clawback = sheet.getRow(3 + 5);
      assertEquals("Корректировка", clawback.getCell(2).getStringCellValue());
      assertEquals("сентябрь 2026", clawback.getCell(5).getStringCellValue());
      assertEquals(new BigDecimal("-1500.50"), money(clawback.getCell(7)));
      assertEquals(
          "Сделка 17 «Альфа, \"Опт\"» проиграна", clawback.getCell(8).getStringCellValue());

      Row annual = sheet.getRow(3 + 13);
      assertEquals("Сидорова Вера", annual.getCell(1).getStringCellValue());
      assertEquals("2026 г.", annual.getCell(5).getStringCellValue());
      assertEquals(Y2026, annual.getCell(6).getLocalDateTimeCellValue().toLocalDate());
      assertEquals(new BigDecimal("100000.00"), money(annual.getCell(7)));

      // every amount numeric; their sum is the summary's total (406 499,50)
      BigDecimal sum = BigDecimal.ZERO;
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        Cell amount = sheet.getRow(r).getCell(7);
        assertEquals(CellType.NUMERIC, amount.getCellType(), "row " + r);
        sum = sum.add(money(amount));
      }
      assertEquals(new BigDecimal("406499.50"), sum);
    }
  }

  @Test
  void runXlsx_inEnglish() throws IOException {
    try (XSSFWorkbook book = read(PayoutExports.runXlsx(run(), "en"))) {
      assertEquals("Summary", book.getSheetName(0));
      assertEquals("Lines", book.getSheetName(1));
      Sheet summary = book.getSheet("Summary");
      assertEquals(
          "ООО Ромашка — payouts for October 2026 (draft)",
          summary.getRow(0).getCell(0).getStringCellValue());
      assertEquals(
          List.of("Personnel number", "Employee", "Department", "Organisation", "Basis"),
          texts(summary.getRow(2), 5));
      assertEquals("Total", summary.getRow(6).getCell(0).getStringCellValue());
      assertEquals(new BigDecimal("406499.50"), money(summary.getRow(6).getCell(8)));
      Row quarter = book.getSheet("Lines").getRow(3 + 4);
      assertEquals("Q3 2026", quarter.getCell(5).getStringCellValue());
      assertEquals("yyyy-mm-dd", quarter.getCell(6).getCellStyle().getDataFormatString());
    }
  }

  @Test
  void runXlsx_statusWords() throws IOException {
    PayoutExport e = run();
    PayoutExport paid =
        new PayoutExport(e.companyName(), e.currency(), e.month(), e.runId(), "PAID", e.rows());
    try (XSSFWorkbook book = read(PayoutExports.runXlsx(paid, null))) {
      assertTrue(
          book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue().endsWith("(выплачена)"));
    }
  }

  // ------------------------------------------------------------------ helpers

  static PayoutExport single(PayoutExport.Line... lines) {
    return new PayoutExport(
        COMPANY,
        "RUB",
        YearMonth.of(2026, 10),
        RUN,
        "DRAFT",
        List.of(
            new PayoutExport.Row(
                1,
                "1",
                "Гость",
                null,
                null,
                "Схема",
                rub("0"),
                rub("0"),
                rub("0"),
                rub("0"),
                null,
                List.of(lines))));
  }

  static XSSFWorkbook read(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  static String text(byte[] csv) {
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
  }

  /** A numeric cell's value to the kopeck. */
  static BigDecimal money(Cell cell) {
    assertEquals(CellType.NUMERIC, cell.getCellType());
    return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.UNNECESSARY);
  }

  static List<String> texts(Row row, int n) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      Cell cell = row.getCell(c);
      out.add(cell == null ? null : cell.getStringCellValue());
    }
    return out;
  }
}
