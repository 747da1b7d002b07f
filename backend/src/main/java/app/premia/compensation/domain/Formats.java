package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How explanations write numbers: Russian «1 234 567,89 ₽», «20,5 %» (a no-break space groups the
 * digits and stands before ₽ and %), English «1,234,567.89 ₽», «20.5 %»; and the Russian plural
 * forms of the nouns a KPI's source is counted in («1 сделка», «2 сделки», «5 сделок»). Public so
 * the regulations write numbers exactly as the engine's explanations do.
 */
public final class Formats {

  static final char NBSP = '\u00A0';

  private Formats() {}

  /** Money to kopecks (half-up) with the currency symbol. */
  public static Text money(BigDecimal amount, String currency) {
    BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
    return new Text(group(v, NBSP, ',') + NBSP + currency, group(v, ',', '.') + NBSP + currency);
  }

  /** A percentage without trailing zeros: «20,5 %». */
  public static Text percent(BigDecimal value) {
    BigDecimal v = plain(value);
    return new Text(group(v, NBSP, ',') + NBSP + "%", group(v, ',', '.') + NBSP + "%");
  }

  /** A plain number without trailing zeros: «1 234», «0,75». */
  public static Text number(BigDecimal value) {
    BigDecimal v = plain(value);
    return new Text(group(v, NBSP, ','), group(v, ',', '.'));
  }

  /** A multiplier: «×1,5». */
  public static Text multiplier(BigDecimal value) {
    Text n = number(value);
    return new Text("×" + n.ru(), "×" + n.en());
  }

  /** A value in the unit of a KPI (null unit: a formula's plain number). */
  public static Text value(BigDecimal value, KpiUnitKind unit, String currency) {
    if (unit == null) {
      return number(value);
    }
    return switch (unit) {
      case MONEY -> money(value, currency);
      case PERCENT -> percent(value);
      case COUNT, SCORE -> number(value);
    };
  }

  /** The KPI's name, or its code when the catalogue does not know it. */
  public static Text kpiName(KpiDescriptor descriptor, String code) {
    if (descriptor == null) {
      return new Text(code, code);
    }
    return new Text(
        descriptor.nameRu() == null ? code : descriptor.nameRu(),
        descriptor.nameEn() == null ? code : descriptor.nameEn());
  }

  /**
   * «12 сделок» / «12 deals»: the count of the facts a KPI value was made of, with the noun chosen
   * by the KPI.
   */
  static Text facts(String kpi, long count) {
    String[] ru;
    String[] en;
    if (kpi.startsWith("activity_")) {
      ru = new String[] {"дело", "дела", "дел"};
      en = new String[] {"activity", "activities"};
    } else if (kpi.equals("lead_conversion")) {
      ru = new String[] {"лид", "лида", "лидов"};
      en = new String[] {"lead", "leads"};
    } else if (kpi.equals("retention") || kpi.equals("new_clients") || kpi.equals("ltv")) {
      ru = new String[] {"клиент", "клиента", "клиентов"};
      en = new String[] {"client", "clients"};
    } else if (kpi.equals("nps")) {
      ru = new String[] {"ответ", "ответа", "ответов"};
      en = new String[] {"answer", "answers"};
    } else if (kpi.equals("staff_turnover")) {
      ru = new String[] {"сотрудник", "сотрудника", "сотрудников"};
      en = new String[] {"employee", "employees"};
    } else {
      ru = new String[] {"сделка", "сделки", "сделок"};
      en = new String[] {"deal", "deals"};
    }
    String n = number(BigDecimal.valueOf(count)).ru();
    String ne = number(BigDecimal.valueOf(count)).en();
    return new Text(n + " " + pluralRu(count, ru), ne + " " + (count == 1 ? en[0] : en[1]));
  }

  /** The Russian plural form for a count: 1 сделка, 2 сделки, 5 сделок, 11 сделок, 21 сделка. */
  static String pluralRu(long count, String[] forms) {
    long n = Math.abs(count) % 100;
    long last = n % 10;
    if (n >= 11 && n <= 14) {
      return forms[2];
    }
    if (last == 1) {
      return forms[0];
    }
    if (last >= 2 && last <= 4) {
      return forms[1];
    }
    return forms[2];
  }

  /** Joins the Russian and English sides of texts with a separator. */
  static Text join(String separator, Text... parts) {
    StringBuilder ru = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (Text part : parts) {
      if (!ru.isEmpty()) {
        ru.append(separator);
        en.append(separator);
      }
      ru.append(part.ru());
      en.append(part.en());
    }
    return new Text(ru.toString(), en.toString());
  }

  /** For reading, not computing: at most 4 decimals (half-up), no trailing zeros. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal v =
        (value.scale() > 4 ? value.setScale(4, RoundingMode.HALF_UP) : value).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static String group(BigDecimal value, char groupSeparator, char decimalSeparator) {
    String s = value.toPlainString();
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String fraction = dot < 0 ? "" : s.substring(dot + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(groupSeparator);
      }
      out.append(whole.charAt(i));
    }
    if (!fraction.isEmpty()) {
      out.append(decimalSeparator).append(fraction);
    }
    return (negative ? "−" : "") + out;
  }
}
