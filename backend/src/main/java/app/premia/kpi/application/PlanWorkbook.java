package app.premia.kpi.application;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiScope;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.PlanSubjectKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layout of the plan workbook that {@link PlanTemplate} writes and {@link PlanImport} reads
 * (described in {@code docs/domain/kpis.md}, "Plans in Excel"):
 *
 * <pre>
 *   row 1  title: «План на ноябрь 2026 г.»
 *   row 2  (hidden) A: the period marker "premia-plan MONTH 2026-11-01"; D…: KPI codes
 *   row 3  headers: «Тип», «ID», «Имя», then each KPI's Russian name and unit
 *   row 4… one row per subject: «Сотрудник»/«Отдел», the Bitrix24 id, the name, the targets
 * </pre>
 *
 * Columns are matched by the KPI code in row 2, rows by type and id: columns may be moved or
 * removed and rows reordered, added or removed.
 */
final class PlanWorkbook {

  static final String SHEET = "План";
  static final int TITLE_ROW = 0;
  static final int CODE_ROW = 1;
  static final int HEADER_ROW = 2;
  static final int FIRST_DATA_ROW = 3;
  static final int TYPE_COLUMN = 0;
  static final int ID_COLUMN = 1;
  static final int NAME_COLUMN = 2;
  static final int FIRST_KPI_COLUMN = 3;

  static final String EMPLOYEE = "Сотрудник";
  static final String DEPARTMENT = "Отдел";

  static final String MARKER_PREFIX = "premia-plan";

  /** The plannable KPIs in the order of the template's columns (the catalogue's order). */
  static final List<Kpi> COLUMNS =
      java.util.Arrays.stream(Kpi.values()).filter(Plans.PLANNABLE::contains).toList();

  private static final String[] MONTHS = {
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

  private PlanWorkbook() {}

  /**
   * Whether a plan of the KPI may be set for the kind of subject (department KPIs: departments).
   */
  static boolean allowed(Kpi kpi, PlanSubjectKind kind) {
    return kind == PlanSubjectKind.DEPARTMENT || kpi.scope() == KpiScope.EMPLOYEE;
  }

  /** The row type's word in the sheet. */
  static String typeWord(PlanSubjectKind kind) {
    return kind == PlanSubjectKind.EMPLOYEE ? EMPLOYEE : DEPARTMENT;
  }

  /** The subject kind a type cell names (trimmed, any case); empty when it names none. */
  static Optional<PlanSubjectKind> kindOf(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    if (w.equals("сотрудник") || w.equals("employee")) {
      return Optional.of(PlanSubjectKind.EMPLOYEE);
    }
    if (w.equals("отдел") || w.equals("department")) {
      return Optional.of(PlanSubjectKind.DEPARTMENT);
    }
    return Optional.empty();
  }

  /** The marker in A2: {@code premia-plan MONTH 2026-11-01}. */
  static String marker(Period period) {
    return MARKER_PREFIX + " " + period.type().name() + " " + period.firstDay();
  }

  /** The period kind and first day a marker names; empty when the text is no marker. */
  static Optional<PeriodKey> parseMarker(String text) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length != 3 || !parts[0].equals(MARKER_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PeriodKey(PeriodType.valueOf(parts[1]), LocalDate.parse(parts[2])));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  record PeriodKey(PeriodType type, LocalDate firstDay) {}

  /** The period in words: «ноябрь 2026 г.», «4 квартал 2026 г.», «2026 г.». */
  static String describe(PeriodType type, LocalDate firstDay) {
    return switch (type) {
      case MONTH -> MONTHS[firstDay.getMonthValue() - 1] + " " + firstDay.getYear() + " г.";
      case QUARTER ->
          ((firstDay.getMonthValue() - 1) / 3 + 1) + " квартал " + firstDay.getYear() + " г.";
      case YEAR -> firstDay.getYear() + " г.";
    };
  }

  /** The column's header: the KPI's Russian name and its unit («Объём продаж, ₽»). */
  static String header(Kpi kpi, String currencySign) {
    return kpi.nameRu()
        + switch (kpi.unit()) {
          case MONEY -> ", " + currencySign;
          case COUNT -> ", шт.";
          case PERCENT -> ", %";
          case NPS_SCORE -> "";
        };
  }

  /** The sign of a currency for headers and number formats (the ISO code when it has none). */
  static String currencySign(String code) {
    return switch (code == null ? "" : code.strip()) {
      case "RUB" -> "₽";
      case "USD" -> "$";
      case "EUR" -> "€";
      case "KZT" -> "₸";
      case "UAH" -> "₴";
      case "BYN" -> "Br";
      case "" -> "₽";
      default -> code.strip();
    };
  }

  /** The A1 name of a cell (0-based row and column): {@code C7}. */
  static String cellName(int row, int column) {
    StringBuilder letters = new StringBuilder();
    int c = column + 1;
    while (c > 0) {
      int rem = (c - 1) % 26;
      letters.insert(0, (char) ('A' + rem));
      c = (c - 1) / 26;
    }
    return letters.toString() + (row + 1);
  }
}
