package app.premia.reference.domain;

import java.util.regex.Pattern;

/** An ISO 4217 alphabetic currency code: three upper-case Latin letters (RUB, USD). */
public record CurrencyCode(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

  public CurrencyCode {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A currency code is three upper-case Latin letters, e.g. RUB; got: " + value);
    }
  }

  public static CurrencyCode of(String value) {
    return new CurrencyCode(value);
  }

  /** Whether {@code value} is a well-formed code (it may still be unknown to the catalog). */
  public static boolean isWellFormed(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
