package app.premia.tenancy.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, kept in lower case (the sign-in name). */
public record Email(String value) {
  private static final Pattern FORMAT =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);

  public Email {
    if (value == null || value.length() > 254 || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not an e-mail address: " + value);
    }
  }

  /** Normalises (trim, lower case) and validates. */
  public static Email of(String raw) {
    return new Email(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
  }

  public static boolean isValid(String raw) {
    try {
      of(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
