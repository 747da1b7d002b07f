package app.premia.kpi.application;

import static app.premia.kpi.application.PlanWorkbook.CODE_ROW;
import static app.premia.kpi.application.PlanWorkbook.COLUMNS;
import static app.premia.kpi.application.PlanWorkbook.FIRST_DATA_ROW;
import static app.premia.kpi.application.PlanWorkbook.FIRST_KPI_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.HEADER_ROW;
import static app.premia.kpi.application.PlanWorkbook.ID_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.NAME_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.TITLE_ROW;
import static app.premia.kpi.application.PlanWorkbook.TYPE_COLUMN;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiUnit;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the plan workbook of a period ({@link PlanWorkbook}'s layout) for filling in Excel and
 * importing back with {@link PlanImport}: one row per department of the portal and per employee
 * employed in the period (hired on or before its last day, dismissed on or after its first; unknown
 * dates do not exclude), plus every subject that already has a plan in the period; one column per
 * plannable KPI; the period's targets filled in. Cells a subject cannot have a plan for (a
 * department KPI in an employee's row) are grey and locked; the sheet is protected without a
 * password so the type, id and name columns and the headers stay intact.
 */
public final class PlanTemplate {

  /** The workbook's content type. */
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Plans plans;
  private final Connection connection;

  public PlanTemplate(Plans plans) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.connection = plans.connection();
  }

  /**
   * The template of the period starting on {@code start}, in the tenant's time zone.
   *
   * @throws IllegalArgumentException when {@code start} is not the first day of such a period
   */
  public byte[] build(PeriodType kind, LocalDate start) throws SQLException {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    return build(new Period(kind, start, new KpiSql(connection).tenantZone()));
  }

  /** The file name offered for the period's template: «План 2026-11.xlsx». */
  public static String fileName(PeriodType kind, LocalDate start) {
    return "План " + new Period(kind, start, java.time.ZoneOffset.UTC).label() + ".xlsx";
  }

  /** An ASCII-only file name for the same: {@code plan-2026-11.xlsx}. */
  public static String asciiFileName(PeriodType kind, LocalDate start) {
    return "plan-" + new Period(kind, start, java.time.ZoneOffset.UTC).label() + ".xlsx";
  }

  /** The template of the period (in the tenant's time zone). */
  public byte[] build(Period period) throws SQLException {
    Map<String, BigDecimal> targets = new HashMap<>();
    Map<PlanSubjectKind, List<Long>> planned = new EnumMap<>(PlanSubjectKind.class);
    for (Plan plan : plans.list(period)) {
      targets.put(key(plan.subjectKind(), plan.subjectId(), plan.kpi()), plan.target());
      planned.computeIfAbsent(plan.subjectKind(), k -> new ArrayList<>()).add(plan.subjectId());
    }
    List<Subject> subjects = new ArrayList<>();
    subjects.addAll(departments(planned.getOrDefault(PlanSubjectKind.DEPARTMENT, List.of())));
    subjects.addAll(employees(period, planned.getOrDefault(PlanSubjectKind.EMPLOYEE, List.of())));
    return write(period, subjects, targets, currency());
  }

  /**
   * The workbook for these rows and targets (no database): {@code targets} keyed by {@link
   * #key(PlanSubjectKind, long, Kpi)}.
   */
  static byte[] write(
      Period period, List<Subject> subjects, Map<String, BigDecimal> targets, String currency) {
    String sign = PlanWorkbook.currencySign(currency);
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFSheet sheet = book.createSheet(PlanWorkbook.SHEET);
      Styles styles = new Styles(book, sign);

      Row title = sheet.createRow(TITLE_ROW);
      title.setHeightInPoints(24);
      Cell titleCell = title.createCell(0);
      titleCell.setCellValue("План на " + PlanWorkbook.describe(period.type(), period.firstDay()));
      titleCell.setCellStyle(styles.title);
      sheet.addMergedRegion(
          new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, FIRST_KPI_COLUMN + COLUMNS.size() - 1));

      Row codes = sheet.createRow(CODE_ROW);
      codes.setZeroHeight(true);
      codes.createCell(TYPE_COLUMN).setCellValue(PlanWorkbook.marker(period));
      for (int i = 0; i < COLUMNS.size(); i++) {
        codes.createCell(FIRST_KPI_COLUMN + i).setCellValue(COLUMNS.get(i).code());
      }

      Row headers = sheet.createRow(HEADER_ROW);
      headers.setHeightInPoints(45);
      header(headers, TYPE_COLUMN, "Тип", styles);
      header(headers, ID_COLUMN, "ID", styles);
      header(headers, NAME_COLUMN, "Имя", styles);
      for (int i = 0; i < COLUMNS.size(); i++) {
        header(headers, FIRST_KPI_COLUMN + i, PlanWorkbook.header(COLUMNS.get(i), sign), styles);
      }

      int r = FIRST_DATA_ROW;
      for (Subject subject : subjects) {
        Row row = sheet.createRow(r++);
        Cell type = row.createCell(TYPE_COLUMN);
        type.setCellValue(PlanWorkbook.typeWord(subject.kind()));
        type.setCellStyle(styles.key);
        Cell id = row.createCell(ID_COLUMN);
        id.setCellValue(subject.id());
        id.setCellStyle(styles.key);
        Cell name = row.createCell(NAME_COLUMN);
        name.setCellValue(subject.name());
        name.setCellStyle(styles.key);
        for (int i = 0; i < COLUMNS.size(); i++) {
          Kpi kpi = COLUMNS.get(i);
          Cell cell = row.createCell(FIRST_KPI_COLUMN + i);
          if (!PlanWorkbook.allowed(kpi, subject.kind())) {
            cell.setCellStyle(styles.unavailable);
            continue;
          }
          cell.setCellStyle(styles.input.get(kpi.unit()));
          BigDecimal target = targets.get(key(subject.kind(), subject.id(), kpi));
          if (target != null) {
            // a double holds every target of numeric(18, 4) the UI shows to 15 significant digits
            cell.setCellValue(target.doubleValue());
          }
        }
      }
      int lastRow = Math.max(r - 1, FIRST_DATA_ROW);
      validations(sheet, lastRow);

      sheet.createFreezePane(FIRST_KPI_COLUMN, FIRST_DATA_ROW);
      sheet.setColumnWidth(TYPE_COLUMN, 12 * 256);
      sheet.setColumnWidth(ID_COLUMN, 8 * 256);
      sheet.setColumnWidth(NAME_COLUMN, 32 * 256);
      for (int i = 0; i < COLUMNS.size(); i++) {
        sheet.setColumnWidth(FIRST_KPI_COLUMN + i, 17 * 256);
      }
      // printed landscape, one page wide, the headers on every page
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
      // protected without a password: locked cells (keys, headers, unavailable cells) stay as they
      // are; the targets are unlocked; columns may be resized and rows filtered
      sheet.lockFormatColumns(false);
      sheet.lockAutoFilter(false);
      sheet.lockSelectLockedCells(false);
      sheet.lockSelectUnlockedCells(false);
      sheet.enableLocking();

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the plan workbook in memory failed", e);
    }
  }

  // -----------------------------------------------------------------------------------------------

  /** A row of the template: an employee or a department, with its name. */
  record Subject(PlanSubjectKind kind, long id, String name) {}

  static String key(PlanSubjectKind kind, long id, Kpi kpi) {
    return kind.name() + "|" + id + "|" + kpi.code();
  }

  private static void header(Row row, int column, String text, Styles styles) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text);
    cell.setCellStyle(styles.header);
  }

  /** Excel's own checks on input: not negative, whole for counts, at most 100 for percentages. */
  private static void validations(XSSFSheet sheet, int lastRow) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    for (int i = 0; i < COLUMNS.size(); i++) {
      Kpi kpi = COLUMNS.get(i);
      DataValidationConstraint constraint =
          switch (kpi.unit()) {
            case COUNT ->
                helper.createIntegerConstraint(
                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
            case PERCENT ->
                helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
            default ->
                helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
          };
      int column = FIRST_KPI_COLUMN + i;
      DataValidation validation =
          helper.createValidation(
              constraint, new CellRangeAddressList(FIRST_DATA_ROW, lastRow, column, column));
      validation.setShowErrorBox(true);
      validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
      validation.createErrorBox(
          "Неверный план",
          switch (kpi.unit()) {
            case COUNT -> "План по количеству — целое число не меньше 0.";
            case PERCENT -> "План в процентах — от 0 до 100.";
            default -> "План — число не меньше 0.";
          });
      validation.setEmptyCellAllowed(true);
      sheet.addValidationData(validation);
    }
  }

  private List<Subject> departments(List<Long> planned) throws SQLException {
    Map<Long, Subject> rows = new LinkedHashMap<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT id, name FROM crm_department ORDER BY sort, name, id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.put(
            r.getLong(1), new Subject(PlanSubjectKind.DEPARTMENT, r.getLong(1), r.getString(2)));
      }
    }
    for (long id : planned.stream().distinct().sorted().toList()) {
      rows.putIfAbsent(id, new Subject(PlanSubjectKind.DEPARTMENT, id, "—"));
    }
    return List.copyOf(rows.values());
  }

  private List<Subject> employees(Period period, List<Long> planned) throws SQLException {
    Map<Long, Subject> rows = new LinkedHashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, last_name, first_name, second_name FROM crm_employee"
                + " WHERE ((hired_on IS NULL OR hired_on <= ?) AND (fired_on IS NULL OR fired_on"
                + " >= ?)) OR id = ANY (?)"
                + " ORDER BY lower(coalesce(last_name, '')), lower(coalesce(first_name, '')), id")) {
      s.setDate(1, Date.valueOf(period.lastDay()));
      s.setDate(2, Date.valueOf(period.firstDay()));
      s.setArray(3, connection.createArrayOf("bigint", planned.toArray(Long[]::new)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long id = r.getLong(1);
          rows.put(
              id,
              new Subject(
                  PlanSubjectKind.EMPLOYEE,
                  id,
                  name(r.getString(2), r.getString(3), r.getString(4), id)));
        }
      }
    }
    for (long id : planned.stream().distinct().sorted().toList()) {
      rows.putIfAbsent(id, new Subject(PlanSubjectKind.EMPLOYEE, id, "—"));
    }
    return List.copyOf(rows.values());
  }

  private static String name(String last, String first, String second, long id) {
    String name =
        java.util.stream.Stream.of(last, first, second)
            .filter(p -> p != null && !p.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? "Сотрудник " + id : name;
  }

  private String currency() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT currency_code FROM tenant WHERE id = premia_current_tenant()");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getString(1) : null;
    }
  }

  /** The workbook's cell styles. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle key;
    final CellStyle unavailable;
    final Map<KpiUnit, CellStyle> input = new EnumMap<>(KpiUnit.class);

    Styles(XSSFWorkbook book, String sign) {
      Font bold = book.createFont();
      bold.setBold(true);
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);

      title = book.createCellStyle();
      title.setFont(big);
      title.setVerticalAlignment(VerticalAlignment.CENTER);

      header = book.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      borders(header);

      key = book.createCellStyle();
      borders(key);

      unavailable = book.createCellStyle();
      unavailable.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      unavailable.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      borders(unavailable);

      short money = book.createDataFormat().getFormat("#,##0.00\\ \"" + sign + "\"");
      short count = book.createDataFormat().getFormat("#,##0");
      short percent = book.createDataFormat().getFormat("0.00##\\ \"%\"");
      input.put(KpiUnit.MONEY, inputStyle(book, money));
      input.put(KpiUnit.COUNT, inputStyle(book, count));
      input.put(KpiUnit.PERCENT, inputStyle(book, percent));
      input.put(KpiUnit.NPS_SCORE, inputStyle(book, percent));
    }

    private static CellStyle inputStyle(XSSFWorkbook book, short format) {
      CellStyle style = book.createCellStyle();
      style.setDataFormat(format);
      style.setLocked(false);
      borders(style);
      return style;
    }

    private static void borders(CellStyle style) {
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      short grey = IndexedColors.GREY_40_PERCENT.getIndex();
      style.setBottomBorderColor(grey);
      style.setTopBorderColor(grey);
      style.setLeftBorderColor(grey);
      style.setRightBorderColor(grey);
    }
  }
}
