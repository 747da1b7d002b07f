package app.premia.kpi.application;

import static app.premia.kpi.application.PlanWorkbook.COLUMNS;
import static app.premia.kpi.application.PlanWorkbook.FIRST_KPI_COLUMN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.application.PlanImport.Parsed;
import app.premia.kpi.application.PlanImport.Target;
import app.premia.kpi.application.PlanTemplate.Subject;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.UserError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The plan workbook without a database: {@link PlanTemplate#write} builds it, {@link
 * PlanImport#read} reads it back; workbooks with faults are built here with POI.
 */
class PlanWorkbookTest {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Period NOV = Period.month(2026, 11, MOSCOW);
  static final long SALES = 7;
  static final long ANNA = 201;
  static final long BORIS = 202;

  /** Rows (0-based) of the template below: the department, then Anna, then Boris. */
  static final int DEPT_ROW = 3;

  static final int ANNA_ROW = 4;
  static final int BORIS_ROW = 5;

  static final List<Subject> SUBJECTS =
      List.of(
          new Subject(PlanSubjectKind.DEPARTMENT, SALES, "Отдел продаж"),
          new Subject(PlanSubjectKind.EMPLOYEE, ANNA, "Иванова Анна"),
          new Subject(PlanSubjectKind.EMPLOYEE, BORIS, "Петров Борис"));

  static byte[] template() {
    return PlanTemplate.write(
        NOV,
        SUBJECTS,
        Map.of(
            PlanTemplate.key(PlanSubjectKind.EMPLOYEE, ANNA, Kpi.SALES_VOLUME),
            new BigDecimal("150000.5000"),
            PlanTemplate.key(PlanSubjectKind.DEPARTMENT, SALES, Kpi.AVERAGE_SALES_PER_MANAGER),
            new BigDecimal("90000.0000")),
        "RUB");
  }

  static int col(Kpi kpi) {
    int i = COLUMNS.indexOf(kpi);
    if (i < 0) {
      throw new IllegalArgumentException(kpi + " is not a column");
    }
    return FIRST_KPI_COLUMN + i;
  }

  static String cell(int row, Kpi kpi) {
    return PlanWorkbook.cellName(row, col(kpi));
  }

  /** The template with some change made to its sheet. */
  static byte[] edited(Consumer<XSSFSheet> change) {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
      change.accept(book.getSheet("План"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Cell at(XSSFSheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    if (r == null) {
      r = sheet.createRow(row);
    }
    Cell c = r.getCell(column);
    return c == null ? r.createCell(column) : c;
  }

  static Parsed read(byte[] xlsx) {
    try {
      return PlanImport.read(NOV, xlsx, () -> Set.of(ANNA, BORIS), () -> Set.of(SALES));
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The only error of the workbook: its field path's last element and its message. */
  static UserError onlyError(byte[] xlsx) {
    Parsed parsed = read(xlsx);
    assertEquals(1, parsed.errors().size(), () -> "errors: " + parsed.errors());
    return parsed.errors().get(0);
  }

  static void assertCellError(byte[] xlsx, String cell, String fragment) {
    UserError error = onlyError(xlsx);
    assertEquals(List.of("input", "fileBase64", cell), error.field(), error.toString());
    assertTrue(error.message().startsWith(cell + ": "), error.message());
    assertTrue(error.message().contains(fragment), error.message());
  }

  static void assertFileError(byte[] xlsx, String fragment) {
    UserError error = onlyError(xlsx);
    assertEquals(List.of("input", "fileBase64"), error.field(), error.toString());
    assertTrue(error.message().contains(fragment), error.message());
  }

  // ---------------------------------------------------------------------------------------------
  // the template
  // ---------------------------------------------------------------------------------------------

  @Test
  void template_hasTheLayout_theCodes_thePrefilledTargets_andGreyLockedCells() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
      XSSFSheet sheet = book.getSheet("План");
      assertEquals(1, book.getNumberOfSheets());
      assertEquals("План на ноябрь 2026 г.", sheet.getRow(0).getCell(0).getStringCellValue());
      Row codes = sheet.getRow(1);
      assertTrue(codes.getZeroHeight(), "the code row is hidden");
      assertEquals("premia-plan MONTH 2026-11-01", codes.getCell(0).getStringCellValue());
      assertEquals("sales_volume", codes.getCell(3).getStringCellValue(), "D2");
      List<String> codesInSheet = new ArrayList<>();
      for (int c = FIRST_KPI_COLUMN; c < codes.getLastCellNum(); c++) {
        codesInSheet.add(codes.getCell(c).getStringCellValue());
      }
      assertEquals(
          Plans.PLANNABLE.stream().sorted().map(Kpi::code).toList(),
          codesInSheet,
          "one column per plannable KPI, in the catalogue's order");
      Row headers = sheet.getRow(2);
      assertEquals("Тип", headers.getCell(0).getStringCellValue());
      assertEquals("ID", headers.getCell(1).getStringCellValue());
      assertEquals("Имя", headers.getCell(2).getStringCellValue());
      assertEquals("Объём продаж, ₽", headers.getCell(col(Kpi.SALES_VOLUME)).getStringCellValue());
      assertEquals(
          "Выигранные сделки, шт.", headers.getCell(col(Kpi.DEALS_WON)).getStringCellValue());
      assertEquals(
          "Конверсия лидов, %", headers.getCell(col(Kpi.LEAD_CONVERSION)).getStringCellValue());

      Row dept = sheet.getRow(DEPT_ROW);
      assertEquals("Отдел", dept.getCell(0).getStringCellValue());
      assertEquals(7.0, dept.getCell(1).getNumericCellValue());
      assertEquals("Отдел продаж", dept.getCell(2).getStringCellValue());
      assertEquals(90000.0, dept.getCell(col(Kpi.AVERAGE_SALES_PER_MANAGER)).getNumericCellValue());
      Row anna = sheet.getRow(ANNA_ROW);
      assertEquals("Сотрудник", anna.getCell(0).getStringCellValue());
      assertEquals(201.0, anna.getCell(1).getNumericCellValue());
      assertEquals(150000.5, anna.getCell(col(Kpi.SALES_VOLUME)).getNumericCellValue());

      // a department KPI in an employee's row: grey and locked; the targets: unlocked
      CellStyle unavailable = anna.getCell(col(Kpi.AVERAGE_SALES_PER_MANAGER)).getCellStyle();
      assertTrue(unavailable.getLocked());
      assertEquals(FillPatternType.SOLID_FOREGROUND, unavailable.getFillPattern());
      CellStyle input = anna.getCell(col(Kpi.DEALS_WON)).getCellStyle();
      assertFalse(input.getLocked());
      assertFalse(
          dept.getCell(col(Kpi.AVERAGE_SALES_PER_MANAGER)).getCellStyle().getLocked(),
          "a department may have any plannable KPI");
      assertFalse(dept.getCell(col(Kpi.SALES_VOLUME)).getCellStyle().getLocked());
      assertTrue(anna.getCell(0).getCellStyle().getLocked(), "the keys are locked");
      assertTrue(sheet.getProtect(), "the sheet is protected (without a password)");

      assertEquals(
          "#,##0.00\\ \"₽\"",
          anna.getCell(col(Kpi.SALES_VOLUME)).getCellStyle().getDataFormatString());
      assertEquals("#,##0", input.getDataFormatString());
      assertEquals(
          "0.00##\\ \"%\"", anna.getCell(col(Kpi.RETENTION)).getCellStyle().getDataFormatString());
      assertEquals(COLUMNS.size(), sheet.getDataValidations().size(), "one check per column");
    }
  }

  @Test
  void template_ofAnotherCurrency_namesIt() throws IOException {
    byte[] xlsx = PlanTemplate.write(NOV, SUBJECTS, Map.of(), "KZT");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertEquals(
          "Объём продаж, ₸",
          book.getSheet("План").getRow(2).getCell(col(Kpi.SALES_VOLUME)).getStringCellValue());
    }
  }

  @Test
  void roundTrip_templateFilledAndRead_givesEveryFilledCell_andSkipsEmptyOnes() {
    byte[] filled =
        edited(
            sheet -> {
              at(sheet, ANNA_ROW, col(Kpi.DEALS_WON)).setCellValue(12);
              at(sheet, BORIS_ROW, col(Kpi.LEAD_CONVERSION)).setCellValue(37.5);
              at(sheet, BORIS_ROW, col(Kpi.SALES_VOLUME)).setCellValue(99999.99);
              at(sheet, DEPT_ROW, col(Kpi.SALES_VOLUME)).setCellValue(1_000_000);
              at(sheet, BORIS_ROW, col(Kpi.ACTIVITY_CALLS)).setCellValue("   "); // blank text
            });
    Parsed parsed = read(filled);
    assertEquals(List.of(), parsed.errors());
    assertEquals(
        List.of(
            "EMPLOYEE 201 sales_volume 150000.5 " + cell(ANNA_ROW, Kpi.SALES_VOLUME),
            "EMPLOYEE 201 deals_won 12 " + cell(ANNA_ROW, Kpi.DEALS_WON),
            "EMPLOYEE 202 sales_volume 99999.99 " + cell(BORIS_ROW, Kpi.SALES_VOLUME),
            "EMPLOYEE 202 lead_conversion 37.5 " + cell(BORIS_ROW, Kpi.LEAD_CONVERSION),
            "DEPARTMENT 7 sales_volume 1000000 " + cell(DEPT_ROW, Kpi.SALES_VOLUME),
            "DEPARTMENT 7 average_sales_per_manager 90000 "
                + cell(DEPT_ROW, Kpi.AVERAGE_SALES_PER_MANAGER)),
        lines(parsed.targets()));
    assertEquals("D5", cell(ANNA_ROW, Kpi.SALES_VOLUME), "sales volume is column D");
  }

  @Test
  void rowsAndColumns_mapByTypeIdAndCode_notByPosition() {
    byte[] moved =
        edited(
            sheet -> {
              // Boris's row moved to the end with his id typed as text and his type in capitals;
              // the sales volume column cleared of its code (ignored, being empty)
              Row boris = sheet.getRow(BORIS_ROW);
              Row last = sheet.createRow(20);
              last.createCell(0).setCellValue("СОТРУДНИК");
              last.createCell(1).setCellValue(" 202 ");
              last.createCell(col(Kpi.NEW_CLIENTS)).setCellValue(3);
              sheet.removeRow(boris);
              for (int r = 1; r <= 20; r++) {
                if (sheet.getRow(r) != null
                    && sheet.getRow(r).getCell(col(Kpi.SALES_VOLUME)) != null) {
                  sheet.getRow(r).removeCell(sheet.getRow(r).getCell(col(Kpi.SALES_VOLUME)));
                }
              }
            });
    Parsed parsed = read(moved);
    assertEquals(List.of(), parsed.errors());
    assertEquals(
        List.of(
            "EMPLOYEE 202 new_clients 3 " + cell(20, Kpi.NEW_CLIENTS),
            "DEPARTMENT 7 average_sales_per_manager 90000 "
                + cell(DEPT_ROW, Kpi.AVERAGE_SALES_PER_MANAGER)),
        lines(parsed.targets()));
  }

  static List<String> lines(List<Target> targets) {
    return targets.stream()
        .map(
            t ->
                t.kind()
                    + " "
                    + t.subjectId()
                    + " "
                    + t.kpi().code()
                    + " "
                    + t.value().toPlainString()
                    + " "
                    + t.cell())
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // numbers
  // ---------------------------------------------------------------------------------------------

  @Test
  void numbers_areReadAsExcelShowsThem_to15SignificantDigits() {
    assertEquals("110000", PlanImport.excel(100000 * 1.1).toPlainString());
    assertEquals("0.3", PlanImport.excel(0.1 + 0.2).toPlainString());
    assertEquals("99999.99", PlanImport.excel(99999.99).toPlainString());
    assertEquals("0.12345", PlanImport.excel(0.12345).toPlainString());
    assertEquals("1000000", PlanImport.excel(1e6).toPlainString());
  }

  @Test
  void formula_countsByItsCachedResult() {
    byte[] xlsx =
        edited(
            sheet -> {
              Cell c = at(sheet, ANNA_ROW, col(Kpi.REPEAT_SALES));
              c.setCellFormula("100000*1.1");
              sheet
                  .getWorkbook()
                  .getCreationHelper()
                  .createFormulaEvaluator()
                  .evaluateFormulaCell(c);
            });
    Parsed parsed = read(xlsx);
    assertEquals(List.of(), parsed.errors());
    assertTrue(
        lines(parsed.targets())
            .contains("EMPLOYEE 201 repeat_sales 110000 " + cell(ANNA_ROW, Kpi.REPEAT_SALES)),
        parsed.targets().toString());
  }

  @Test
  void formula_withoutACachedResult_isRefused() {
    String where = cell(ANNA_ROW, Kpi.REPEAT_SALES);
    assertCellError(
        edited(sheet -> at(sheet, ANNA_ROW, col(Kpi.REPEAT_SALES)).setCellFormula("2+2")),
        where,
        "формула без сохранённого результата");
  }

  @Test
  void formula_givingTextOrAnError_isRefused() {
    String where = cell(ANNA_ROW, Kpi.REPEAT_SALES);
    assertCellError(
        edited(
            sheet -> {
              Cell c = at(sheet, ANNA_ROW, col(Kpi.REPEAT_SALES));
              c.setCellFormula("\"много\"");
              sheet
                  .getWorkbook()
                  .getCreationHelper()
                  .createFormulaEvaluator()
                  .evaluateFormulaCell(c);
            }),
        where,
        "формула даёт текст «много»");
    assertCellError(
        edited(
            sheet -> {
              Cell c = at(sheet, ANNA_ROW, col(Kpi.REPEAT_SALES));
              c.setCellFormula("1/0");
              sheet
                  .getWorkbook()
                  .getCreationHelper()
                  .createFormulaEvaluator()
                  .evaluateFormulaCell(c);
            }),
        where,
        "формула даёт ошибку");
  }

  @Test
  void everyBadValue_isNamedByItsCell() {
    record Case(Kpi kpi, int row, Consumer<Cell> value, String fragment) {}
    List<Case> cases =
        List.of(
            new Case(
                Kpi.SALES_VOLUME,
                BORIS_ROW,
                c -> c.setCellValue("сто тысяч"),
                "текст «сто тысяч» вместо числа"),
            new Case(Kpi.SALES_VOLUME, BORIS_ROW, c -> c.setCellValue(true), "логическое значение"),
            new Case(
                Kpi.SALES_VOLUME,
                BORIS_ROW,
                c -> c.setCellErrorValue(FormulaError.NA.getCode()),
                "ошибка вместо числа"),
            new Case(
                Kpi.SALES_VOLUME,
                BORIS_ROW,
                c -> c.setCellValue(-1),
                "не может быть отрицательным"),
            new Case(
                Kpi.LEAD_CONVERSION, BORIS_ROW, c -> c.setCellValue(12.34567), "не более 4 знаков"),
            new Case(Kpi.DEALS_WON, BORIS_ROW, c -> c.setCellValue(2.5), "целое число"),
            new Case(Kpi.SALES_VOLUME, BORIS_ROW, c -> c.setCellValue(10.125), "не более 2 знаков"),
            new Case(Kpi.RETENTION, BORIS_ROW, c -> c.setCellValue(100.5), "не более 100"),
            new Case(Kpi.SALES_VOLUME, BORIS_ROW, c -> c.setCellValue(1e15), "слишком велик"),
            new Case(
                Kpi.AVERAGE_SALES_PER_MANAGER,
                BORIS_ROW,
                c -> c.setCellValue(5),
                "показатель отдела"));
    for (Case k : cases) {
      assertCellError(
          edited(sheet -> k.value().accept(at(sheet, k.row(), col(k.kpi())))),
          cell(k.row(), k.kpi()),
          k.fragment());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // rows and columns
  // ---------------------------------------------------------------------------------------------

  /** The template with a target in Boris's row and then the change. */
  static byte[] borisFilledAnd(Consumer<XSSFSheet> change) {
    return edited(
        sheet -> {
          at(sheet, BORIS_ROW, col(Kpi.DEALS_WON)).setCellValue(3);
          change.accept(sheet);
        });
  }

  @Test
  void rowsWithoutTargets_areSkipped_whateverTheirTypeAndId() {
    Parsed parsed =
        read(
            edited(
                sheet -> {
                  at(sheet, BORIS_ROW, 0).setCellValue("Менеджер");
                  at(sheet, BORIS_ROW, 1).setCellValue(999);
                }));
    assertEquals(List.of(), parsed.errors());
    assertEquals(2, parsed.targets().size(), "the two prefilled targets");
  }

  @Test
  void badRows_areNamedByTheirTypeOrIdCell() {
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 0).setCellValue("Менеджер")),
        "A6",
        "ни «Сотрудник», ни «Отдел»");
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 0).setBlank()), "A6", "укажите тип строки");
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 1).setCellValue("Борис")),
        "B6",
        "целое положительное");
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 1).setCellValue(-202)), "B6", "целое положительное");
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 1).setCellValue(202.5)), "B6", "целое положительное");
    assertCellError(borisFilledAnd(s -> at(s, BORIS_ROW, 1).setBlank()), "B6", "укажите ID");
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 1).setCellValue(999)),
        "B6",
        "сотрудника с ID 999 нет в портале");
    assertCellError(
        edited(s -> at(s, DEPT_ROW, 1).setCellValue(8)), "B4", "отдела с ID 8 нет в портале");
    // Boris's id typed as a department's: that department does not exist
    assertCellError(
        borisFilledAnd(s -> at(s, BORIS_ROW, 0).setCellValue("Отдел")),
        "B6",
        "отдела с ID 202 нет");
  }

  @Test
  void aDuplicateRow_isRefused_namingTheFirst() {
    byte[] xlsx =
        edited(
            sheet -> {
              Row copy = sheet.createRow(10);
              copy.createCell(0).setCellValue("Сотрудник");
              copy.createCell(1).setCellValue(ANNA);
              copy.createCell(col(Kpi.DEALS_WON)).setCellValue(1);
            });
    assertCellError(xlsx, "A11", "Сотрудник с ID 201 уже есть в строке 5");
  }

  @Test
  void badColumns_areNamedByTheirCodeCell() {
    int extra = FIRST_KPI_COLUMN + COLUMNS.size();
    String where = PlanWorkbook.cellName(1, extra);
    assertCellError(
        edited(s -> at(s, 1, extra).setCellValue("bonus")),
        where,
        "нет показателя с кодом «bonus»");
    assertCellError(edited(s -> at(s, 1, extra).setCellValue("nps")), where, "план не задаётся");
    assertCellError(
        edited(s -> at(s, 1, extra).setCellValue("deals_won")),
        where,
        "повторяется (уже в " + PlanWorkbook.cellName(1, col(Kpi.DEALS_WON)));
  }

  @Test
  void theMarker_mustBeThereAndNameThePeriod() {
    assertCellError(edited(s -> at(s, 1, 0).setBlank()), "A2", "нет метки шаблона плана");
    assertCellError(
        edited(s -> at(s, 1, 0).setCellValue("premia-plan MONTH 2026-10-01")),
        "A2",
        "шаблон составлен на октябрь 2026 г., а план загружается на ноябрь 2026 г.");
    assertCellError(
        edited(s -> at(s, 1, 0).setCellValue("premia-plan QUARTER 2026-10-01")),
        "A2",
        "4 квартал 2026 г.");
  }

  @Test
  void aSheetWithTooManyRows_isRefused() {
    assertFileError(edited(s -> at(s, 10_010, 0).setCellValue("Сотрудник")), "больше 10000 строк");
  }

  @Test
  void errors_areCappedAt100_andTheRestCounted() {
    byte[] xlsx =
        edited(
            sheet -> {
              for (int r = 0; r < 150; r++) {
                Row row = sheet.createRow(30 + r);
                row.createCell(0).setCellValue("Сотрудник");
                row.createCell(1).setCellValue(5000 + r); // unknown employees
                row.createCell(col(Kpi.DEALS_WON)).setCellValue(1);
              }
            });
    Parsed parsed = read(xlsx);
    assertEquals(101, parsed.errors().size());
    assertEquals(
        "И ещё ошибок: 50. Исправьте перечисленные и загрузите файл снова.",
        parsed.errors().get(100).message());
    assertTrue(
        parsed.errors().get(0).message().startsWith("B31: "), parsed.errors().get(0).message());
  }

  // ---------------------------------------------------------------------------------------------
  // files
  // ---------------------------------------------------------------------------------------------

  @Test
  void notAnXlsx_isRefusedClearly() throws IOException {
    assertFileError(new byte[0], "Файл пуст");
    assertFileError(
        "Тип;ID;Имя\nСотрудник;201;Анна\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "Это не файл XLSX");
    assertFileError(new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "Это не файл XLSX");
    Map<String, byte[]> broken = unzip(template());
    broken.put("xl/workbook.xml", "<workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertFileError(zip(broken), "не читается как книга Excel");
    assertFileError(zip(Map.of("hello.txt", "hi".getBytes())), "не читается как книга Excel");
    try (HSSFWorkbook xls = new HSSFWorkbook()) {
      xls.createSheet("План");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      xls.write(out);
      assertFileError(out.toByteArray(), "старом формате XLS");
    }
    assertFileError(new byte[PlanImport.MAX_BYTES + 1], "больше 5 МБ");
  }

  @Test
  void aZipBomb_isRefused_beforeItIsInflated() throws IOException {
    // the template with one more part: 4 MB of zeros (a few KB compressed: inflates > 100 times)
    Map<String, byte[]> parts = unzip(template());
    parts.put("xl/media/padding.bin", new byte[4 * 1024 * 1024]);
    byte[] bomb = zip(parts);
    assertTrue(bomb.length < PlanImport.MAX_BYTES, "small enough to pass the size limit");
    assertFileError(bomb, "слишком большой объём");
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  static byte[] zip(Map<String, byte[]> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> p : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(p.getKey()));
        zip.write(p.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------
  // small parts
  // ---------------------------------------------------------------------------------------------

  @Test
  void cellNames_areA1Style() {
    assertEquals("A1", PlanWorkbook.cellName(0, 0));
    assertEquals("C7", PlanWorkbook.cellName(6, 2));
    assertEquals("Z1", PlanWorkbook.cellName(0, 25));
    assertEquals("AA1", PlanWorkbook.cellName(0, 26));
    assertEquals("ZZ3", PlanWorkbook.cellName(2, 701));
    assertEquals("AAA1", PlanWorkbook.cellName(0, 702));
  }

  @Test
  void fileNames_areRussian_withAnAsciiFallback() {
    assertEquals(
        "План 2026-11.xlsx",
        PlanTemplate.fileName(app.premia.kpi.domain.PeriodType.MONTH, NOV.firstDay()));
    assertEquals(
        "plan-2026-Q4.xlsx",
        PlanTemplate.asciiFileName(
            app.premia.kpi.domain.PeriodType.QUARTER, java.time.LocalDate.of(2026, 10, 1)));
  }
}
