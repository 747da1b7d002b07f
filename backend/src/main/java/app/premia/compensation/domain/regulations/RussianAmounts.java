package app.premia.compensation.domain.regulations;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Russian numerals as legal documents write them, by ICU4J: the plural form of a noun for a count
 * («1 месяц, 2 месяца, 5 месяцев») and an amount of roubles in words («пятьдесят тысяч рублей 00
 * копеек»: roubles spelled out in the masculine, «одна тысяча», «две тысячи» as ICU writes them;
 * kopecks in figures, as is customary).
 */
public final class RussianAmounts {

  private static final ULocale RU = new ULocale("ru");
  private static final PluralRules PLURAL = PluralRules.forLocale(RU);
  private static final String MASCULINE = "%spellout-cardinal-masculine";

  private RussianAmounts() {}

  /**
   * The form of a noun for a whole count, by the Russian plural rules of ICU.
   *
   * @param one the form after 1, 21, 101 («месяц»)
   * @param few after 2–4, 22–24 («месяца»)
   * @param many after 0, 5–20, 25–30 («месяцев»)
   */
  public static String plural(long count, String one, String few, String many) {
    return switch (PLURAL.select(count)) {
      case "one" -> one;
      case "few" -> few;
      default -> many;
    };
  }

  /** «5 месяцев»: the count in figures and the noun in its form. */
  public static String count(long count, String one, String few, String many) {
    return count + " " + plural(count, one, few, many);
  }

  /** A whole number in words, masculine («двадцать один»). */
  public static String words(long number) {
    return formatter().format(number, MASCULINE);
  }

  /**
   * An amount of roubles in words, rounded half-up to kopecks: «одна тысяча двести рублей 05
   * копеек», «ноль рублей 00 копеек», «минус пять рублей 00 копеек».
   */
  public static String rubles(BigDecimal amount) {
    BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
    boolean negative = v.signum() < 0;
    v = v.abs();
    long whole = v.longValue();
    int kopecks = v.subtract(BigDecimal.valueOf(whole)).movePointRight(2).intValueExact();
    String out =
        words(whole)
            + " "
            + plural(whole, "рубль", "рубля", "рублей")
            + " "
            + String.format("%02d", kopecks)
            + " "
            + plural(kopecks, "копейка", "копейки", "копеек");
    return negative ? "минус " + out : out;
  }

  /** A formatter per call: ICU's RuleBasedNumberFormat is not thread-safe. */
  private static RuleBasedNumberFormat formatter() {
    return new RuleBasedNumberFormat(RU, RuleBasedNumberFormat.SPELLOUT);
  }
}
