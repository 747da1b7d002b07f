package app.premia.kpi.application;

import static app.premia.kpi.application.PlanWorkbook.CODE_ROW;
import static app.premia.kpi.application.PlanWorkbook.FIRST_DATA_ROW;
import static app.premia.kpi.application.PlanWorkbook.FIRST_KPI_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.ID_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.TYPE_COLUMN;
import static app.premia.kpi.application.PlanWorkbook.cellName;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Imports a period's plans from an XLSX workbook in the template's layout ({@link PlanWorkbook},
 * written by {@link PlanTemplate}). All or nothing: the whole sheet is read and every cell checked
 * first; only when nothing is wrong is each target set through {@link Plans#set} (so the plans'
 * rules and the audit of closed periods apply). When anything is wrong the result lists every fault
 * (the first {@value #MAX_ERRORS}), each naming its cell ({@code C7}), and {@code imported} is 0;
 * the caller rolls its transaction back (nothing is written before the checks pass, but a
 * concurrent {@code CONFLICT} while setting is reported the same way after earlier cells were set).
 *
 * <p>Rules (also in {@code docs/domain/kpis.md}): columns map by the KPI code in the hidden row 2,
 * rows by type («Сотрудник»/«Отдел») and Bitrix24 id, which must be a synced employee or
 * department; empty cells are skipped, not cleared; numbers are read as Excel shows them (15
 * significant digits); a formula counts by its cached result (what Excel last computed and saved),
 * and one without a numeric cached result is refused; text, booleans and error values are refused.
 */
public final class PlanImport {

  /** The largest workbook accepted, in bytes. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The most data rows read. */
  public static final int MAX_ROWS = 10_000;

  /** The most errors listed (the rest counted in one last error). */
  public static final int MAX_ERRORS = 100;

  /** The largest uncompressed part of a workbook: a 5 MB file of plans never needs more. */
  static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

  /** Excel keeps 15 significant digits: a cell is read as Excel shows it. */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private static final String FIELD = "fileBase64";

  static {
    // zip-bomb guards (JVM-wide, POI's own): a part may not inflate more than 100 times its
    // compressed size (POI's default ratio is 1 %), nor exceed MAX_ENTRY_BYTES
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  /** What an import did: cells set, or the errors (then imported is 0). */
  public record Result(int imported, List<UserError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  private final Plans plans;

  public PlanImport(Plans plans) {
    this.plans = Objects.requireNonNull(plans, "plans");
  }

  /**
   * Parses and sets every cell through {@link Plans#set}; on any error returns them all and
   * imported = 0 (the caller rolls the transaction back). Errors name the sheet cell: field {@code
   * ["input", "fileBase64", "C7"]}, message «C7: …». Empty cells are skipped (not cleared).
   *
   * @param period the period to import into (in the tenant's time zone)
   * @param xlsx the workbook's bytes
   * @param actor the acting user, null for the system
   */
  public Result importWorkbook(Period period, byte[] xlsx, UUID actor) throws SQLException {
    Objects.requireNonNull(period, "period");
    Parsed parsed =
        read(
            period,
            xlsx,
            () -> ids("SELECT id FROM crm_employee"),
            () -> ids("SELECT id FROM crm_department"));
    if (!parsed.errors().isEmpty()) {
      return failed(parsed.errors());
    }
    Errors errors = new Errors();
    int imported = 0;
    for (Target t : parsed.targets()) {
      try {
        plans.set(
            t.kpi.code(), t.kind, t.subjectId, period.type(), period.firstDay(), t.value, actor);
        imported++;
      } catch (BusinessRuleException e) {
        for (UserError error : e.errors()) {
          errors.add(t.cell, error.code(), error.message());
        }
      }
    }
    return errors.isEmpty() ? new Result(imported, List.of()) : failed(errors.all());
  }

  // -----------------------------------------------------------------------------------------------

  /** One target to set, from cell {@code cell}. */
  record Target(String cell, Kpi kpi, PlanSubjectKind kind, long subjectId, BigDecimal value) {}

  /** What a workbook holds: the targets when errors is empty. */
  record Parsed(List<Target> targets, List<UserError> errors) {
    Parsed {
      targets = List.copyOf(targets);
      errors = List.copyOf(errors);
    }
  }

  /** The synced ids of employees or departments, asked for only when a workbook is readable. */
  @FunctionalInterface
  interface Ids {
    Set<Long> get() throws SQLException;
  }

  /**
   * Reads and checks a workbook for the period without writing anything: the targets to set, or
   * every fault.
   *
   * @param employees the synced employees' ids
   * @param departments the synced departments' ids
   */
  static Parsed read(Period period, byte[] xlsx, Ids employees, Ids departments)
      throws SQLException {
    if (xlsx == null || xlsx.length == 0) {
      return new Parsed(
          List.of(), List.of(fileError(UserError.Code.REQUIRED, "Файл пуст: выберите файл XLSX.")));
    }
    if (xlsx.length > MAX_BYTES) {
      return new Parsed(
          List.of(),
          List.of(
              fileError(UserError.Code.INVALID, "Файл больше 5 МБ: загрузите шаблон плана XLSX.")));
    }
    try {
      return parse(period, xlsx, employees, departments);
    } catch (NotXlsx e) {
      return new Parsed(List.of(), List.of(fileError(UserError.Code.INVALID, e.getMessage())));
    }
  }

  /** The workbook is not an XLSX one can read. */
  private static final class NotXlsx extends Exception {
    private static final long serialVersionUID = 1L;

    NotXlsx(String message) {
      super(message, null, false, false);
    }
  }

  private static Parsed parse(Period period, byte[] xlsx, Ids employeeIds, Ids departmentIds)
      throws NotXlsx, SQLException {
    if (xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
      if (xlsx.length >= 4 && (xlsx[0] & 0xff) == 0xD0 && (xlsx[1] & 0xff) == 0xCF) {
        throw new NotXlsx(oleMessage());
      }
      throw new NotXlsx("Это не файл XLSX: загрузите шаблон плана, заполненный в Excel.");
    }
    XSSFWorkbook book;
    try {
      book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    } catch (OLE2NotOfficeXmlFileException e) {
      throw new NotXlsx(oleMessage());
    } catch (NotOfficeXmlFileException | EmptyFileException e) {
      throw new NotXlsx("Это не файл XLSX: загрузите шаблон плана, заполненный в Excel.");
    } catch (IOException | RuntimeException e) {
      // POIXMLException, a broken zip, a part refused by the zip-bomb guards, malformed XML...
      if (isZipBomb(e)) {
        throw new NotXlsx("Файл распаковывается в слишком большой объём: это не шаблон плана.");
      }
      throw new NotXlsx(
          "Файл не читается как книга Excel (повреждён или другого формата): сохраните"
              + " его в Excel как «Книга Excel (*.xlsx)».");
    }
    try (book) {
      return parse(period, book, employeeIds, departmentIds);
    } catch (IOException e) {
      throw new UncheckedIOException("closing an in-memory workbook failed", e);
    }
  }

  private static String oleMessage() {
    return "Файл в старом формате XLS или защищён паролем: сохраните его в Excel как «Книга Excel"
        + " (*.xlsx)» без пароля.";
  }

  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
        return true;
      }
    }
    return false;
  }

  private static Parsed parse(Period period, XSSFWorkbook book, Ids employeeIds, Ids departmentIds)
      throws SQLException {
    Errors errors = new Errors();
    List<Target> targets = new ArrayList<>();
    Sheet sheet = book.getSheet(PlanWorkbook.SHEET);
    if (sheet == null) {
      sheet = book.getNumberOfSheets() > 0 ? book.getSheetAt(0) : null;
    }
    if (sheet == null) {
      errors.file("В книге нет листа «" + PlanWorkbook.SHEET + "»: загрузите шаблон плана.");
      return new Parsed(targets, errors.all());
    }

    // the period marker and the KPI codes (row 2)
    Row codes = sheet.getRow(CODE_ROW);
    String marker = codes == null ? "" : text(codes.getCell(TYPE_COLUMN));
    Optional<PlanWorkbook.PeriodKey> key = PlanWorkbook.parseMarker(marker);
    String a2 = cellName(CODE_ROW, TYPE_COLUMN);
    if (key.isEmpty()) {
      errors.add(
          a2,
          UserError.Code.INVALID,
          "нет метки шаблона плана: скачайте шаблон и заполните его, не удаляя скрытую строку 2.");
      return new Parsed(targets, errors.all());
    }
    if (key.get().type() != period.type() || !key.get().firstDay().equals(period.firstDay())) {
      errors.add(
          a2,
          UserError.Code.INVALID,
          "шаблон составлен на "
              + PlanWorkbook.describe(key.get().type(), key.get().firstDay())
              + ", а план загружается на "
              + PlanWorkbook.describe(period.type(), period.firstDay())
              + ": скачайте шаблон этого периода.");
      return new Parsed(targets, errors.all());
    }
    Map<Integer, Kpi> columns = new HashMap<>();
    Map<Kpi, String> seenCodes = new HashMap<>();
    short lastCodeCell = codes.getLastCellNum();
    for (int c = FIRST_KPI_COLUMN; c < lastCodeCell; c++) {
      Cell cell = codes.getCell(c);
      String code = text(cell).strip();
      if (code.isEmpty()) {
        continue;
      }
      String where = cellName(CODE_ROW, c);
      Optional<Kpi> kpi = Kpi.byCode(code);
      if (kpi.isEmpty()) {
        errors.add(where, UserError.Code.NOT_FOUND, "нет показателя с кодом «" + code + "».");
      } else if (!Plans.PLANNABLE.contains(kpi.get())) {
        errors.add(
            where,
            UserError.Code.INVALID,
            "для показателя «" + kpi.get().nameRu() + "» план не задаётся.");
      } else if (seenCodes.containsKey(kpi.get())) {
        errors.add(
            where,
            UserError.Code.DUPLICATE,
            "столбец показателя «"
                + kpi.get().nameRu()
                + "» повторяется (уже в "
                + seenCodes.get(kpi.get())
                + ").");
      } else {
        columns.put(c, kpi.get());
        seenCodes.put(kpi.get(), where);
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(targets, errors.all());
    }

    // the rows
    int lastRow = sheet.getLastRowNum();
    if (lastRow - FIRST_DATA_ROW + 1 > MAX_ROWS) {
      errors.file("В листе больше " + MAX_ROWS + " строк: это не шаблон плана.");
      return new Parsed(targets, errors.all());
    }
    Set<Long> employees = employeeIds.get();
    Set<Long> departments = departmentIds.get();
    Map<String, Integer> seenRows = new HashMap<>();
    for (int r = FIRST_DATA_ROW; r <= lastRow; r++) {
      Row row = sheet.getRow(r);
      if (row == null || blankRow(row, columns)) {
        continue;
      }
      String typeCell = cellName(r, TYPE_COLUMN);
      String idCell = cellName(r, ID_COLUMN);
      String typeText = text(row.getCell(TYPE_COLUMN));
      Optional<PlanSubjectKind> kind = PlanWorkbook.kindOf(typeText);
      if (kind.isEmpty()) {
        errors.add(
            typeCell,
            typeText.isBlank() ? UserError.Code.REQUIRED : UserError.Code.INVALID,
            typeText.isBlank()
                ? "укажите тип строки: «Сотрудник» или «Отдел»."
                : "тип строки «" + typeText.strip() + "» — ни «Сотрудник», ни «Отдел».");
      }
      Long id = subjectId(row.getCell(ID_COLUMN), idCell, errors);
      if (kind.isEmpty() || id == null) {
        continue;
      }
      if (kind.get() == PlanSubjectKind.EMPLOYEE && !employees.contains(id)) {
        errors.add(idCell, UserError.Code.NOT_FOUND, "сотрудника с ID " + id + " нет в портале.");
        continue;
      }
      if (kind.get() == PlanSubjectKind.DEPARTMENT && !departments.contains(id)) {
        errors.add(idCell, UserError.Code.NOT_FOUND, "отдела с ID " + id + " нет в портале.");
        continue;
      }
      String rowKey = kind.get().name() + "|" + id;
      Integer first = seenRows.putIfAbsent(rowKey, r);
      if (first != null) {
        errors.add(
            typeCell,
            UserError.Code.DUPLICATE,
            PlanWorkbook.typeWord(kind.get())
                + " с ID "
                + id
                + " уже есть в строке "
                + (first + 1)
                + ".");
        continue;
      }
      for (Map.Entry<Integer, Kpi> column : columns.entrySet()) {
        int c = column.getKey();
        Kpi kpi = column.getValue();
        String where = cellName(r, c);
        Optional<BigDecimal> value = number(row.getCell(c), where, errors);
        if (value.isEmpty()) {
          continue;
        }
        if (!PlanWorkbook.allowed(kpi, kind.get())) {
          errors.add(
              where,
              UserError.Code.INVALID,
              "«" + kpi.nameRu() + "» — показатель отдела: план задаётся отделу, не сотруднику.");
          continue;
        }
        List<UserError> refused =
            Plans.validateSet(
                kpi.code(), kind.get(), id, period.type(), period.firstDay(), value.get());
        if (refused.isEmpty()) {
          targets.add(new Target(where, kpi, kind.get(), id, value.get()));
        }
        for (UserError error : refused) {
          errors.add(where, error.code(), error.message());
        }
      }
    }
    targets.sort(
        java.util.Comparator.comparing((Target t) -> t.kind)
            .thenComparingLong(t -> t.subjectId)
            .thenComparing(t -> t.kpi));
    return new Parsed(targets, errors.all());
  }

  /** A row with no target is skipped whatever its type and id say: it sets nothing. */
  private static boolean blankRow(Row row, Map<Integer, Kpi> columns) {
    for (int c : columns.keySet()) {
      if (!blank(row.getCell(c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(Cell cell) {
    if (cell == null) {
      return true;
    }
    return switch (cell.getCellType()) {
      case BLANK -> true;
      case STRING -> cell.getStringCellValue().isBlank();
      default -> false;
    };
  }

  /** The subject id in the cell: a whole number > 0, typed as a number or as text. */
  private static Long subjectId(Cell cell, String where, Errors errors) {
    if (blank(cell)) {
      errors.add(where, UserError.Code.REQUIRED, "укажите ID сотрудника или отдела из Битрикс24.");
      return null;
    }
    BigDecimal value = null;
    if (cell.getCellType() == CellType.NUMERIC) {
      value = excel(cell.getNumericCellValue());
    } else if (cell.getCellType() == CellType.STRING) {
      String text = cell.getStringCellValue().strip();
      if (text.matches("[0-9]{1,18}")) {
        value = new BigDecimal(text);
      }
    }
    if (value == null
        || value.signum() <= 0
        || value.stripTrailingZeros().scale() > 0
        || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      errors.add(
          where,
          UserError.Code.INVALID,
          "ID — целое положительное число (номер сотрудника или отдела в Битрикс24).");
      return null;
    }
    return value.longValueExact();
  }

  /**
   * The number in a target cell; empty for an empty cell, and for a refused one (its error added).
   */
  private static Optional<BigDecimal> number(Cell cell, String where, Errors errors) {
    if (blank(cell)) {
      return Optional.empty();
    }
    CellType type = cell.getCellType();
    boolean formula = type == CellType.FORMULA;
    if (formula) {
      type = cell.getCachedFormulaResultType();
    }
    switch (type) {
      case NUMERIC -> {
        double d = cell.getNumericCellValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          errors.add(where, UserError.Code.INVALID, "в ячейке не число.");
          return Optional.empty();
        }
        if (formula && d == 0 && !hasCachedValue(cell)) {
          errors.add(
              where,
              UserError.Code.INVALID,
              "формула без сохранённого результата: откройте файл в Excel, сохраните и загрузите"
                  + " снова (или вставьте значения).");
          return Optional.empty();
        }
        return Optional.of(excel(d));
      }
      case STRING -> {
        String text = cell.getStringCellValue().strip();
        if (formula && text.isEmpty()) {
          return Optional.empty();
        }
        errors.add(
            where,
            UserError.Code.INVALID,
            (formula ? "формула даёт текст «" : "текст «")
                + shorten(text)
                + "» вместо числа: введите план числом.");
        return Optional.empty();
      }
      case BOOLEAN -> {
        errors.add(where, UserError.Code.INVALID, "логическое значение вместо числа.");
        return Optional.empty();
      }
      case ERROR -> {
        errors.add(
            where,
            UserError.Code.INVALID,
            formula ? "формула даёт ошибку: исправьте её." : "в ячейке ошибка вместо числа.");
        return Optional.empty();
      }
      default -> {
        if (formula) {
          errors.add(
              where,
              UserError.Code.INVALID,
              "формула без сохранённого результата: откройте файл в Excel, сохраните и загрузите"
                  + " снова (или вставьте значения).");
        }
        return Optional.empty();
      }
    }
  }

  /** Whether a formula cell carries a cached value (a {@code <v>} element) in the file. */
  private static boolean hasCachedValue(Cell cell) {
    return cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x && x.getCTCell().isSetV();
  }

  /** A double as Excel shows it: 15 significant digits, no trailing zeros. */
  static BigDecimal excel(double d) {
    BigDecimal exact = new BigDecimal(d).round(EXCEL_DIGITS).stripTrailingZeros();
    return exact.scale() < 0 ? exact.setScale(0) : exact;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    return switch (cell.getCellType()) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> excel(cell.getNumericCellValue()).toPlainString();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case FORMULA ->
          cell.getCachedFormulaResultType() == CellType.STRING ? cell.getStringCellValue() : "";
      default -> "";
    };
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private Set<Long> ids(String sql) throws SQLException {
    Connection c = plans.connection();
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static UserError fileError(UserError.Code code, String message) {
    return UserError.of(code, message, "input", FIELD);
  }

  private static Result failed(UserError error) {
    return new Result(0, List.of(error));
  }

  private static Result failed(List<UserError> errors) {
    return new Result(0, errors);
  }

  /** The errors of one import, capped at {@link #MAX_ERRORS}. */
  private static final class Errors {
    private final List<UserError> list = new ArrayList<>();
    private int more;

    void add(String cell, UserError.Code code, String message) {
      if (list.size() >= MAX_ERRORS) {
        more++;
        return;
      }
      list.add(UserError.of(code, cell + ": " + message, "input", FIELD, cell));
    }

    void file(String message) {
      list.add(UserError.of(UserError.Code.INVALID, message, "input", FIELD));
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    List<UserError> all() {
      if (more == 0) {
        return List.copyOf(list);
      }
      List<UserError> all = new ArrayList<>(list);
      all.add(
          UserError.of(
              UserError.Code.INVALID,
              "И ещё ошибок: " + more + ". Исправьте перечисленные и загрузите файл снова.",
              "input",
              FIELD));
      return all;
    }
  }
}
