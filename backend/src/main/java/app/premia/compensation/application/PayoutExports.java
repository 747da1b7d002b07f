package app.premia.compensation.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The files a payout run is downloaded as (described in {@code docs/domain/payout-exports.md}):
 *
 * <ul>
 *   <li>{@link #runXlsx}: the run for people — a summary sheet (one row per employee and a totals
 *       row) and a sheet of every statement line, amounts as numeric cells in the currency's
 *       format;
 *   <li>{@link #zupXlsx} and {@link #zupCsv}: the 1C:ZUP import file («Загрузка начислений») of one
 *       organisation — one row per employee and accrual kind, the base salary left out (ZUP accrues
 *       it from the time sheet itself);
 *   <li>{@link #biCsv}: a machine feed of every line for BI tools.
 * </ul>
 *
 * Pure functions of a {@link PayoutExport}: no database, no clock, no locale of the machine.
 */
public final class PayoutExports {

  /** The content type of the XLSX files. */
  public static final String XLSX_CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The content type of the CSV files (both UTF-8 with a byte order mark). */
  public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";

  /** The columns of the 1C:ZUP file, in their order (XLSX and CSV). */
  public static final List<String> ZUP_COLUMNS =
      List.of(
          "Табельный номер",
          "Сотрудник",
          "Подразделение",
          "Вид начисления",
          "Месяц",
          "Сумма",
          "Основание",
          "Ведомость");

  /** The sheet of the 1C:ZUP XLSX file. */
  public static final String ZUP_SHEET = "Загрузка начислений";

  /** The columns of the BI feed, in their order. */
  public static final List<String> BI_COLUMNS =
      List.of(
          "run_id",
          "month",
          "status",
          "employee_id",
          "personnel_number",
          "employee",
          "department",
          "organisation",
          "line_kind",
          "line_key",
          "line_name",
          "period_kind",
          "period_start",
          "amount",
          "reason");

  /** Accrual kind of COMPONENT and SCHEME lines of a month. */
  public static final String MONTHLY_BONUS = "ПРЕМ_МЕС";

  /** Accrual kind of COMPONENT and SCHEME lines of a quarter. */
  public static final String QUARTERLY_BONUS = "ПРЕМ_КВ";

  /** Accrual kind of COMPONENT and SCHEME lines of a year. */
  public static final String ANNUAL_BONUS = "ПРЕМ_ГОД";

  /** Accrual kind of ADJUSTMENT lines (clawbacks and top-ups). */
  public static final String BONUS_CORRECTION = "ПРЕМ_КОРР";

  /** The accrual kinds in the order the 1C:ZUP file lists an employee's rows. */
  public static final List<String> ACCRUAL_CODES =
      List.of(MONTHLY_BONUS, QUARTERLY_BONUS, ANNUAL_BONUS, BONUS_CORRECTION);

  /** The number format of the 1C:ZUP file's amounts: no thousands separator (see the docs). */
  public static final String ZUP_AMOUNT_FORMAT = "0.00";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String CRLF = "\r\n";
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private PayoutExports() {}

  // ---------------------------------------------------------------- accrual kinds, organisations

  /**
   * The 1C:ZUP accrual kind code of a line: component and scheme lines by the period they are for
   * ({@code MONTH} → {@value #MONTHLY_BONUS}, {@code QUARTER} → {@value #QUARTERLY_BONUS}, {@code
   * YEAR} → {@value #ANNUAL_BONUS}), adjustments {@value #BONUS_CORRECTION}.
   *
   * @throws IllegalArgumentException for a {@code BASE} line (the base salary is not exported to
   *     ZUP) and for an unknown kind or period kind
   */
  public static String accrualCode(PayoutExport.Line line) {
    return switch (line.kind()) {
      case "COMPONENT", "SCHEME" ->
          switch (line.periodKind()) {
            case "MONTH" -> MONTHLY_BONUS;
            case "QUARTER" -> QUARTERLY_BONUS;
            case "YEAR" -> ANNUAL_BONUS;
            default ->
                throw new IllegalArgumentException("unknown period kind " + line.periodKind());
          };
      case "ADJUSTMENT" -> BONUS_CORRECTION;
      case "BASE" ->
          throw new IllegalArgumentException(
              "the base salary has no accrual kind here: 1C:ZUP accrues it from the time sheet");
      default -> throw new IllegalArgumentException("unknown line kind " + line.kind());
    };
  }

  /** The distinct organisations of the run's rows (a row naming none: the company), sorted. */
  public static List<String> organisations(PayoutExport e) {
    TreeSet<String> names = new TreeSet<>(NAME_ORDER);
    for (PayoutExport.Row row : e.rows()) {
      names.add(organisationOf(e, row));
    }
    return List.copyOf(names);
  }

  private static final Comparator<String> NAME_ORDER = nameOrder();

  private static Comparator<String> nameOrder() {
    Collator collator = Collator.getInstance(Locale.forLanguageTag("ru-RU"));
    return Comparator.<String, String>comparing(s -> s, collator::compare)
        .thenComparing(Comparator.naturalOrder());
  }

  static String organisationOf(PayoutExport e, PayoutExport.Row row) {
    String organisation = row.organisation();
    return organisation == null || organisation.isBlank() ? e.companyName() : organisation;
  }

  // ---------------------------------------------------------------- 1C:ZUP

  /** One row of the 1C:ZUP file: an employee's sum of one accrual kind. */
  record ZupRow(
      String personnelNumber,
      String employee,
      String department,
      String accrualCode,
      LocalDate month,
      BigDecimal amount,
      String basis,
      String run) {}

  /**
   * The rows of the 1C:ZUP file of an organisation (null: the company): its employees in the run's
   * order, each with one row per accrual kind in {@link #ACCRUAL_CODES}' order, the sum of his
   * lines of that kind; BASE lines left out, sums of zero omitted.
   *
   * @throws IllegalArgumentException when no row of the run belongs to the organisation
   */
  static List<ZupRow> zupRows(PayoutExport e, String organisation) {
    String wanted = organisation == null || organisation.isBlank() ? e.companyName() : organisation;
    if (!organisations(e).contains(wanted)) {
      throw new IllegalArgumentException("the run has no employee of organisation " + wanted);
    }
    LocalDate month = e.month().atDay(1);
    List<ZupRow> out = new ArrayList<>();
    for (PayoutExport.Row row : e.rows()) {
      if (!organisationOf(e, row).equals(wanted)) {
        continue;
      }
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      for (String code : ACCRUAL_CODES) {
        sums.put(code, BigDecimal.ZERO.setScale(2));
      }
      for (PayoutExport.Line line : row.lines()) {
        if (!line.kind().equals("BASE")) {
          sums.merge(accrualCode(line), line.amount(), BigDecimal::add);
        }
      }
      sums.forEach(
          (code, sum) -> {
            if (sum.signum() != 0) {
              out.add(
                  new ZupRow(
                      row.personnelNumber(),
                      row.employeeName(),
                      row.department(),
                      code,
                      month,
                      sum,
                      row.basis(),
                      e.runId().toString()));
            }
          });
    }
    return out;
  }

  /**
   * The 1C:ZUP import file of an organisation as XLSX: the header in row 1, data from row 2;
   * amounts numeric cells in the format {@value #ZUP_AMOUNT_FORMAT}, every other column (the month
   * «01.10.2026» included) text.
   *
   * @param organisation the organisation's name as {@link #organisations} gives it (null: the
   *     company)
   * @throws IllegalArgumentException when no row of the run belongs to the organisation
   */
  public static byte[] zupXlsx(PayoutExport e, String organisation) {
    List<ZupRow> rows = zupRows(e, organisation);
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      properties(book, "1C:ZUP " + e.month());
      XSSFSheet sheet = book.createSheet(ZUP_SHEET);
      CellStyle header = headerStyle(book);
      CellStyle text = book.createCellStyle();
      text.setDataFormat(book.createDataFormat().getFormat("@"));
      CellStyle amount = book.createCellStyle();
      amount.setDataFormat(book.createDataFormat().getFormat(ZUP_AMOUNT_FORMAT));

      Widths widths = new Widths(ZUP_COLUMNS.size());
      Row head = sheet.createRow(0);
      for (int c = 0; c < ZUP_COLUMNS.size(); c++) {
        textCell(head, c, ZUP_COLUMNS.get(c), header, widths);
      }
      int r = 1;
      for (ZupRow z : rows) {
        Row row = sheet.createRow(r++);
        textCell(row, 0, z.personnelNumber(), text, widths);
        textCell(row, 1, z.employee(), text, widths);
        textCell(row, 2, z.department(), text, widths);
        textCell(row, 3, z.accrualCode(), text, widths);
        textCell(row, 4, DOTTED.format(z.month()), text, widths);
        moneyCell(row, 5, z.amount(), amount);
        textCell(row, 6, z.basis(), text, widths);
        textCell(row, 7, z.run(), text, widths);
      }
      sheet.createFreezePane(0, 1);
      widths.apply(sheet, 8, 60);
      sheet.setColumnWidth(5, 14 * 256);
      return bytes(book);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * The 1C:ZUP import file of an organisation as CSV: UTF-8 with a byte order mark, {@code ;}
   * between fields, CRLF line ends, a header line, amounts with a decimal comma and no thousands
   * separator, fields holding {@code ;}, {@code "} or a line break quoted as RFC 4180 says.
   *
   * @param organisation the organisation's name as {@link #organisations} gives it (null: the
   *     company)
   * @throws IllegalArgumentException when no row of the run belongs to the organisation
   */
  public static byte[] zupCsv(PayoutExport e, String organisation) {
    List<ZupRow> rows = zupRows(e, organisation);
    Csv csv = new Csv(';');
    csv.line(ZUP_COLUMNS);
    for (ZupRow z : rows) {
      csv.line(
          Arrays.asList(
              z.personnelNumber(),
              z.employee(),
              z.department(),
              z.accrualCode(),
              DOTTED.format(z.month()),
              z.amount().toPlainString().replace('.', ','),
              z.basis(),
              z.run()));
    }
    return csv.bytes();
  }

  // ---------------------------------------------------------------- BI feed

  /**
   * The BI feed: one line per statement line with its run, employee and organisation (a row naming
   * none: the company); UTF-8 with a byte order mark (so Excel opens it as UTF-8), {@code ,}
   * between fields, CRLF line ends, RFC 4180 quoting, a header line; the month as {@code 2026-10},
   * the period start as {@code 2026-07-01}, amounts with a decimal point; absent values empty.
   */
  public static byte[] biCsv(PayoutExport e) {
    Csv csv = new Csv(',');
    csv.line(BI_COLUMNS);
    for (PayoutExport.Row row : e.rows()) {
      for (PayoutExport.Line line : row.lines()) {
        csv.line(
            Arrays.asList(
                e.runId().toString(),
                e.month().toString(),
                e.status(),
                Long.toString(row.employeeId()),
                row.personnelNumber(),
                row.employeeName(),
                row.department(),
                organisationOf(e, row),
                line.kind(),
                line.key(),
                line.name(),
                line.periodKind(),
                line.periodStart().toString(),
                line.amount().toPlainString(),
                line.reason()));
      }
    }
    return csv.bytes();
  }

  /** CSV text: RFC 4180 quoting, CRLF line ends, the UTF-8 byte order mark first. */
  private static final class Csv {
    private final char separator;
    private final StringBuilder text = new StringBuilder();

    Csv(char separator) {
      this.separator = separator;
    }

    void line(List<String> fields) {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          text.append(separator);
        }
        text.append(quoted(fields.get(i)));
      }
      text.append(CRLF);
    }

    private String quoted(String field) {
      if (field == null) {
        return "";
      }
      boolean quote =
          field.indexOf(separator) >= 0
              || field.indexOf('"') >= 0
              || field.indexOf('\n') >= 0
              || field.indexOf('\r') >= 0;
      return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    byte[] bytes() {
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[BOM.length + body.length];
      System.arraycopy(BOM, 0, out, 0, BOM.length);
      System.arraycopy(body, 0, out, BOM.length, body.length);
      return out;
    }
  }

  // ---------------------------------------------------------------- the run's workbook

  /** Sheet and column indexes of {@link #runXlsx}. */
  static final int TITLE_ROW = 0;

  static final int SUBTITLE_ROW = 1;
  static final int HEADER_ROW = 2;
  static final int FIRST_DATA_ROW = 3;

  /** Columns of the summary sheet from «Оклад» on (0-based). */
  static final int SUMMARY_BASE = 5;

  static final int SUMMARY_VARIABLE = 6;
  static final int SUMMARY_ADJUSTMENTS = 7;
  static final int SUMMARY_TOTAL = 8;
  static final int SUMMARY_PREVIOUS = 9;
  static final int SUMMARY_CHANGE = 10;

  /** Columns of the lines sheet: «Начало периода» and «Сумма» (0-based). */
  static final int LINES_PERIOD_START = 6;

  static final int LINES_AMOUNT = 7;

  /**
   * The run for people as XLSX. Sheet «Сводка» ("Summary"): a title row (company, month, status),
   * the run's id, the headers, one row per employee (personnel number, employee, department,
   * organisation, basis, base salary, variable pay, adjustments, total, previous month, change) and
   * a totals row. Sheet «Строки» ("Lines"): one row per statement line. Amounts are numeric cells
   * in the currency's format ({@code #,##0.00 "₽"}); header rows frozen.
   *
   * @param language {@code en…} for English; anything else (null included) Russian
   */
  public static byte[] runXlsx(PayoutExport e, String language) {
    Words w = Words.of(language);
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      properties(book, w.title(e));
      Styles s = new Styles(book, moneyFormat(e.currency()), w.dateFormat);
      summary(book.createSheet(w.summarySheet), e, w, s);
      lines(book.createSheet(w.linesSheet), e, w, s);
      return bytes(book);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void summary(XSSFSheet sheet, PayoutExport e, Words w, Styles s) {
    Widths widths = new Widths(w.summaryHeaders.size());
    titles(sheet, e, w, s);
    Row head = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < w.summaryHeaders.size(); c++) {
      textCell(head, c, w.summaryHeaders.get(c), s.header, widths);
    }
    BigDecimal[] sums = new BigDecimal[SUMMARY_CHANGE + 1];
    int r = FIRST_DATA_ROW;
    for (PayoutExport.Row p : e.rows()) {
      Row row = sheet.createRow(r++);
      textCell(row, 0, p.personnelNumber(), s.text, widths);
      textCell(row, 1, p.employeeName(), s.text, widths);
      textCell(row, 2, p.department(), s.text, widths);
      textCell(row, 3, organisationOf(e, p), s.text, widths);
      textCell(row, 4, p.basis(), s.text, widths);
      BigDecimal change = p.previousTotal() == null ? null : p.total().subtract(p.previousTotal());
      BigDecimal[] values = {
        p.baseSalary(), p.variablePay(), p.adjustments(), p.total(), p.previousTotal(), change
      };
      for (int i = 0; i < values.length; i++) {
        int c = SUMMARY_BASE + i;
        if (values[i] != null) {
          moneyCell(row, c, values[i], s.money);
          sums[c] = sums[c] == null ? values[i] : sums[c].add(values[i]);
        }
      }
    }
    Row totals = sheet.createRow(r);
    textCell(totals, 0, w.totals, s.bold, widths);
    for (int c = SUMMARY_BASE; c <= SUMMARY_CHANGE; c++) {
      // a column with no value at all (no previous month anywhere) stays empty
      if (sums[c] != null) {
        moneyCell(totals, c, sums[c], s.moneyBold);
      }
    }
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    widths.apply(sheet, 10, 50);
    for (int c = SUMMARY_BASE; c <= SUMMARY_CHANGE; c++) {
      sheet.setColumnWidth(c, 17 * 256);
    }
  }

  private static void lines(XSSFSheet sheet, PayoutExport e, Words w, Styles s) {
    Widths widths = new Widths(w.lineHeaders.size());
    titles(sheet, e, w, s);
    Row head = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < w.lineHeaders.size(); c++) {
      textCell(head, c, w.lineHeaders.get(c), s.header, widths);
    }
    int r = FIRST_DATA_ROW;
    for (PayoutExport.Row p : e.rows()) {
      for (PayoutExport.Line line : p.lines()) {
        Row row = sheet.createRow(r++);
        textCell(row, 0, p.personnelNumber(), s.text, widths);
        textCell(row, 1, p.employeeName(), s.text, widths);
        textCell(row, 2, w.lineKind(line.kind()), s.text, widths);
        textCell(row, 3, line.key(), s.text, widths);
        textCell(row, 4, line.name(), s.text, widths);
        textCell(row, 5, w.period(line.periodKind(), line.periodStart()), s.text, widths);
        Cell start = row.createCell(LINES_PERIOD_START);
        start.setCellValue(line.periodStart());
        start.setCellStyle(s.date);
        moneyCell(row, LINES_AMOUNT, line.amount(), s.money);
        textCell(row, 8, line.reason(), s.text, widths);
      }
    }
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    widths.apply(sheet, 10, 50);
    sheet.setColumnWidth(LINES_PERIOD_START, 14 * 256);
    sheet.setColumnWidth(LINES_AMOUNT, 17 * 256);
  }

  private static void titles(XSSFSheet sheet, PayoutExport e, Words w, Styles s) {
    Row title = sheet.createRow(TITLE_ROW);
    title.setHeightInPoints(22);
    Cell cell = title.createCell(0);
    cell.setCellValue(w.title(e));
    cell.setCellStyle(s.title);
    sheet.createRow(SUBTITLE_ROW).createCell(0).setCellValue(w.run + " " + e.runId());
  }

  /** The number format of amounts in a currency: {@code #,##0.00 "₽"}. */
  static String moneyFormat(String currency) {
    String sign =
        switch (currency.strip().toUpperCase(Locale.ROOT)) {
          case "RUB" -> "₽";
          case "USD" -> "$";
          case "EUR" -> "€";
          case "KZT" -> "₸";
          case "BYN" -> "Br";
          default -> currency.strip();
        };
    return "#,##0.00 \"" + sign.replace("\"", "") + "\"";
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle bold;
    final CellStyle money;
    final CellStyle moneyBold;
    final CellStyle date;

    Styles(XSSFWorkbook book, String moneyFormat, String dateFormat) {
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = book.createCellStyle();
      title.setFont(big);
      header = headerStyle(book);
      text = book.createCellStyle();
      text.setVerticalAlignment(VerticalAlignment.TOP);
      Font strong = book.createFont();
      strong.setBold(true);
      bold = book.createCellStyle();
      bold.setFont(strong);
      bold.setBorderTop(BorderStyle.THIN);
      short moneyCode = book.createDataFormat().getFormat(moneyFormat);
      money = book.createCellStyle();
      money.setDataFormat(moneyCode);
      money.setVerticalAlignment(VerticalAlignment.TOP);
      moneyBold = book.createCellStyle();
      moneyBold.setDataFormat(moneyCode);
      moneyBold.setFont(strong);
      moneyBold.setBorderTop(BorderStyle.THIN);
      date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat(dateFormat));
      date.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }

  /** The words of {@link #runXlsx} in one language. */
  private record Words(
      boolean english,
      String summarySheet,
      String linesSheet,
      List<String> summaryHeaders,
      List<String> lineHeaders,
      String totals,
      String run,
      String dateFormat) {

    private static final String[] MONTHS_RU = {
      "январь",
      "февраль",
      "март",
      "апрель",
      "май",
      "июнь",
      "июль",
      "август",
      "сентябрь",
      "октябрь",
      "ноябрь",
      "декабрь"
    };

    static Words of(String language) {
      if (language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
        return new Words(
            true,
            "Summary",
            "Lines",
            List.of(
                "Personnel number",
                "Employee",
                "Department",
                "Organisation",
                "Basis",
                "Base salary",
                "Variable pay",
                "Adjustments",
                "Total",
                "Previous month",
                "Change"),
            List.of(
                "Personnel number",
                "Employee",
                "Line kind",
                "Component",
                "Line",
                "Period",
                "Period start",
                "Amount",
                "Reason"),
            "Total",
            "Run",
            "yyyy-mm-dd");
      }
      return new Words(
          false,
          "Сводка",
          "Строки",
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
          "Итого",
          "Ведомость",
          "dd.mm.yyyy");
    }

    String title(PayoutExport e) {
      return english
          ? e.companyName() + " — payouts for " + monthEn(e.month()) + " (" + status(e) + ")"
          : e.companyName() + " — выплаты за " + monthRu(e.month()) + " г. (" + status(e) + ")";
    }

    String status(PayoutExport e) {
      return switch (e.status()) {
        case "DRAFT" -> english ? "draft" : "черновик";
        case "APPROVED" -> english ? "approved" : "утверждена";
        case "PAID" -> english ? "paid" : "выплачена";
        default -> e.status();
      };
    }

    String lineKind(String kind) {
      return switch (kind) {
        case "BASE" -> english ? "Base salary" : "Оклад";
        case "COMPONENT" -> english ? "Component" : "Компонент";
        case "SCHEME" -> english ? "Scheme" : "Схема";
        case "ADJUSTMENT" -> english ? "Adjustment" : "Корректировка";
        default -> kind;
      };
    }

    /** «октябрь 2026», «3 кв. 2026», «2026 г.»; "October 2026", "Q3 2026", "2026". */
    String period(String kind, LocalDate start) {
      YearMonth month = YearMonth.from(start);
      return switch (kind) {
        case "MONTH" -> english ? monthEn(month) : monthRu(month);
        case "QUARTER" -> {
          int quarter = (start.getMonthValue() - 1) / 3 + 1;
          yield english
              ? "Q" + quarter + " " + start.getYear()
              : quarter + " кв. " + start.getYear();
        }
        case "YEAR" -> english ? Integer.toString(start.getYear()) : start.getYear() + " г.";
        default -> start.toString();
      };
    }

    private static String monthRu(YearMonth month) {
      return MONTHS_RU[month.getMonthValue() - 1] + " " + month.getYear();
    }

    private static String monthEn(YearMonth month) {
      return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          + " "
          + month.getYear();
    }
  }

  // ---------------------------------------------------------------- POI helpers

  private static CellStyle headerStyle(XSSFWorkbook book) {
    Font bold = book.createFont();
    bold.setBold(true);
    CellStyle style = book.createCellStyle();
    style.setFont(bold);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    return style;
  }

  /** A text cell (none for null), its length noted for the column's width. */
  private static void textCell(Row row, int column, String value, CellStyle style, Widths widths) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
    widths.note(column, value);
  }

  /**
   * A numeric cell: a double holds every amount below 10^13 ₽ to the kopeck (15 significant
   * digits), far beyond any bonus.
   */
  private static void moneyCell(Row row, int column, BigDecimal amount, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(amount.doubleValue());
    cell.setCellStyle(style);
  }

  /** The longest text of each column, to size it between a minimum and a maximum. */
  private static final class Widths {
    private final int[] longest;

    Widths(int columns) {
      longest = new int[columns];
    }

    void note(int column, String value) {
      int widest = 0;
      for (String part : value.split("\n", -1)) {
        widest = Math.max(widest, part.length());
      }
      longest[column] = Math.max(longest[column], widest);
    }

    void apply(XSSFSheet sheet, int min, int max) {
      for (int c = 0; c < longest.length; c++) {
        sheet.setColumnWidth(c, Math.min(max, Math.max(min, longest[c] + 2)) * 256);
      }
    }
  }

  private static void properties(XSSFWorkbook book, String title) {
    book.getProperties().getCoreProperties().setCreator("Premia");
    book.getProperties().getCoreProperties().setTitle(title);
  }

  private static byte[] bytes(XSSFWorkbook book) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    return out.toByteArray();
  }
}
