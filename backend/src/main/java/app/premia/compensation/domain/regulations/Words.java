package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Comparator;
import app.premia.compensation.domain.Formats;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.Subject;
import app.premia.compensation.domain.Text;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phrases the writer builds its sentences from, in both languages: amounts in figures (as the
 * engine writes them, {@link Formats}) and, in Russian, in words; comparators in words; periods,
 * dates, KPI names and units.
 */
final class Words {

  private static final DateTimeFormatter DATE_RU =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'г.'", Locale.forLanguageTag("ru"));
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_RU =
      DateTimeFormatter.ofPattern("LLLL yyyy 'г.'", Locale.forLanguageTag("ru"));
  private static final DateTimeFormatter MONTH_EN =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  private final String currency;
  private final Map<String, KpiDescriptor> kpis = new HashMap<>();

  Words(String currency, List<KpiDescriptor> catalogue) {
    this.currency = currency;
    catalogue.forEach(k -> kpis.put(k.code(), k));
  }

  static Text t(String ru, String en) {
    return new Text(ru, en);
  }

  String currency() {
    return currency;
  }

  KpiDescriptor kpi(String code) {
    return code == null ? null : kpis.get(code);
  }

  /** «1 234,50 ₽», as the engine writes money. */
  Text money(BigDecimal amount) {
    return Formats.money(amount, currency);
  }

  /**
   * «50 000,00 ₽ (пятьдесят тысяч рублей 00 копеек)» in Russian when the currency is the rouble;
   * figures only otherwise and in English.
   */
  Text moneyInWords(BigDecimal amount) {
    Text figures = money(amount);
    if (!roubles()) {
      return figures;
    }
    return t(figures.ru() + " (" + RussianAmounts.rubles(amount) + ")", figures.en());
  }

  boolean roubles() {
    return "₽".equals(currency) || "руб.".equals(currency) || "RUB".equals(currency);
  }

  Text percent(BigDecimal value) {
    return Formats.percent(value);
  }

  Text number(BigDecimal value) {
    return Formats.number(value);
  }

  /** A value in the KPI's unit (money, percent, plain number). */
  Text value(BigDecimal value, Measure measure) {
    KpiDescriptor k = measure.isFormula() ? null : kpi(measure.kpi());
    return Formats.value(value, k == null ? null : k.unit(), currency);
  }

  Text value(BigDecimal value, String kpi) {
    KpiDescriptor k = kpi(kpi);
    return Formats.value(value, k == null ? null : k.unit(), currency);
  }

  /** The KPI's name («Объём продаж»). */
  Text kpiName(String code) {
    return Formats.kpiName(kpi(code), code);
  }

  /**
   * A measure named for a sentence: «показателя «Объём продаж»» / «the KPI “Sales volume”», with
   * the team's said where the employee's KPI is read for his department.
   */
  Text measureGenitive(Measure m) {
    if (m.isFormula()) {
      return t(
          "показателя, вычисляемого по формуле «" + m.formula() + "»",
          "the measure computed by the formula «" + m.formula() + "»");
    }
    Text name = kpiName(m.kpi());
    KpiDescriptor k = kpi(m.kpi());
    if (m.subject() == Subject.TEAM) {
      if (k != null && k.department()) {
        return t(
            "показателя «" + name.ru() + "» (по отделу, которым руководит работник)",
            "the KPI «" + name.en() + "» (of the department the employee heads)");
      }
      return t(
          "показателя «" + name.ru() + "» отдела, которым руководит работник",
          "the KPI «" + name.en() + "» of the department the employee heads");
    }
    return t("показателя «" + name.ru() + "»", "the KPI «" + name.en() + "»");
  }

  /** A measure's short name for formulas: «Объём продаж», «Объём продаж отдела». */
  Text measureShort(Measure m) {
    if (m.isFormula()) {
      return t("(" + m.formula() + ")", "(" + m.formula() + ")");
    }
    Text name = kpiName(m.kpi());
    KpiDescriptor k = kpi(m.kpi());
    if (m.subject() == Subject.TEAM && (k == null || !k.department())) {
      return t(name.ru() + " отдела", name.en() + " (team)");
    }
    return name;
  }

  /** «строго больше», «не менее», … — a comparator in words, the boundary explicit. */
  static Text comparator(Comparator c) {
    return switch (c) {
      case GT -> t("строго больше", "strictly greater than");
      case GE -> t("не менее", "at least");
      case LT -> t("строго меньше", "strictly less than");
      case LE -> t("не более", "at most");
    };
  }

  /** Whether the threshold itself satisfies the comparator. */
  static boolean inclusive(Comparator c) {
    return c == Comparator.GE || c == Comparator.LE;
  }

  /** «ежемесячно» / «monthly». */
  static Text frequency(Frequency f) {
    return switch (f) {
      case MONTHLY -> t("ежемесячно", "monthly");
      case QUARTERLY -> t("ежеквартально", "quarterly");
      case ANNUAL -> t("ежегодно", "annually");
    };
  }

  /** «по итогам месяца» / «for the month». */
  static Text periodOf(Frequency f) {
    return switch (f) {
      case MONTHLY -> t("по итогам календарного месяца", "for each calendar month");
      case QUARTERLY -> t("по итогам календарного квартала", "for each calendar quarter");
      case ANNUAL -> t("по итогам календарного года", "for each calendar year");
    };
  }

  /** «1 апреля 2026 г.» / «1 April 2026». */
  static Text date(LocalDate day) {
    return t(DATE_RU.format(day), DATE_EN.format(day));
  }

  /** «март 2026 г.», «I квартал 2026 г.», «2026 г.» / «March 2026», «Q1 2026», «2026». */
  static Text period(KpiPeriod p) {
    int year = p.firstDay().getYear();
    return switch (p.kind()) {
      case MONTH -> t(MONTH_RU.format(p.firstDay()), MONTH_EN.format(p.firstDay()));
      case QUARTER -> {
        int q = (p.firstDay().getMonthValue() - 1) / 3;
        yield t(ROMAN[q] + " квартал " + year + " г.", "Q" + (q + 1) + " " + year);
      }
      case YEAR -> t(year + " г.", Integer.toString(year));
    };
  }

  /** The unit of a KPI in words, for the terms. */
  Text unit(KpiUnitKind unit) {
    return switch (unit) {
      case MONEY ->
          roubles()
              ? t("рубли", "roubles (" + currency + ")")
              : t("денежные единицы (" + currency + ")", "money (" + currency + ")");
      case COUNT -> t("штуки (целое число)", "a whole count");
      case PERCENT -> t("проценты", "percent");
      case SCORE -> t("баллы (от −100 до 100)", "points (−100 to 100)");
    };
  }
}
