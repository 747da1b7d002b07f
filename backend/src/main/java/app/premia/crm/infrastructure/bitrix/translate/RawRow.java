package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed, lenient-but-strict reads of one raw row. Every accessor either returns a clean value or
 * throws {@link Rejected} naming the field.
 */
final class RawRow {

  /** The longest text kept; longer texts are quarantined, never silently cut. */
  static final int MAX_TEXT = 1_000;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,10})?");
  private static final Pattern NEGATIVE_DECIMAL = Pattern.compile("-[0-9]{1,20}(\\.[0-9]{1,10})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern DATE_PREFIX = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final JsonObject raw;

  RawRow(JsonObject raw) {
    this.raw = raw;
  }

  JsonObject json() {
    return raw;
  }

  boolean has(String field) {
    return raw.containsKey(field);
  }

  /** True for absent, JSON null and the empty (or blank) string. */
  boolean isEmpty(String field) {
    JsonValue v = raw.get(field);
    return v == null
        || v.getValueType() == JsonValue.ValueType.NULL
        || (v instanceof JsonString s && s.getString().isBlank());
  }

  private JsonValue scalar(String field) {
    JsonValue v = raw.get(field);
    if (v instanceof JsonObject || v instanceof JsonArray) {
      throw new Rejected(
          QuarantineReason.WRONG_TYPE,
          field + " is " + (v instanceof JsonObject ? "an object" : "an array") + ", not a value");
    }
    return v;
  }

  // ---------------------------------------------------------------- identifiers and integers

  /** The row's own positive identifier. */
  long id(String field) {
    if (isEmpty(field)) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, field + " is missing");
    }
    Long v = integerOrNull(field, QuarantineReason.BAD_ID);
    if (v == null || v <= 0) {
      throw new Rejected(QuarantineReason.BAD_ID, field + " is not a positive integer");
    }
    return v;
  }

  /** A reference to another record: null for absent, null, "", "0", 0; else a positive integer. */
  Long reference(String field) {
    if (isEmpty(field)) {
      return null;
    }
    Long v = integerOrNull(field, QuarantineReason.BAD_REFERENCE);
    if (v == null || v < 0) {
      throw new Rejected(
          QuarantineReason.BAD_REFERENCE, field + " is not an id (" + excerpt(field) + ")");
    }
    return v == 0 ? null : v;
  }

  int requiredInt(String field) {
    if (isEmpty(field)) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, field + " is missing");
    }
    return toInt(field, integerOrNull(field, QuarantineReason.BAD_NUMBER));
  }

  int intOr(String field, int fallback) {
    return isEmpty(field) ? fallback : requiredInt(field);
  }

  Integer optionalInt(String field) {
    return isEmpty(field) ? null : requiredInt(field);
  }

  private int toInt(String field, Long v) {
    if (v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw new Rejected(
          QuarantineReason.BAD_NUMBER, field + " is not an integer (" + excerpt(field) + ")");
    }
    return v.intValue();
  }

  private Long integerOrNull(String field, QuarantineReason reason) {
    JsonValue v = scalar(field);
    if (v instanceof JsonNumber n) {
      try {
        return n.bigDecimalValue().longValueExact();
      } catch (ArithmeticException e) {
        throw new Rejected(reason, field + " is not an integer (" + n + ")");
      }
    }
    if (v instanceof JsonString s) {
      String t = s.getString().strip();
      return INTEGER.matcher(t).matches() ? Long.parseLong(t) : null;
    }
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    throw new Rejected(reason, field + " is a boolean, not an integer");
  }

  /** Integers from an array of numbers or numeric strings (e.g. {@code UF_DEPARTMENT}). */
  List<Long> idList(String field) {
    JsonValue v = raw.get(field);
    List<Long> ids = new ArrayList<>();
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return ids;
    }
    if (v instanceof JsonArray a) {
      for (JsonValue x : a) {
        Long id =
            x instanceof JsonNumber n && n.isIntegral()
                ? Long.valueOf(n.longValue())
                : x instanceof JsonString s && INTEGER.matcher(s.getString().strip()).matches()
                    ? Long.valueOf(Long.parseLong(s.getString().strip()))
                    : null;
        if (id == null || id <= 0) {
          throw new Rejected(QuarantineReason.BAD_REFERENCE, field + " holds a non-id value");
        }
        ids.add(id);
      }
      return ids;
    }
    ids.add(reference(field)); // a single id where a list was expected
    ids.removeIf(java.util.Objects::isNull);
    return ids;
  }

  // ---------------------------------------------------------------- texts

  String requiredText(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, field + " is missing");
    }
    return s;
  }

  /** A text of at most {@link #MAX_TEXT} characters; null for absent/null. Numbers are texts. */
  String text(String field) {
    JsonValue v = scalar(field);
    String s;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    } else if (v instanceof JsonString js) {
      s = js.getString();
    } else if (v instanceof JsonNumber n) {
      s = n.toString();
    } else {
      throw new Rejected(QuarantineReason.WRONG_TYPE, field + " is a boolean, not a text");
    }
    if (s.length() > MAX_TEXT) {
      throw new Rejected(
          QuarantineReason.TOO_LONG,
          field + " has " + s.length() + " characters, more than " + MAX_TEXT);
    }
    return s;
  }

  /** A code-like text (stage, source, type): trimmed, null when empty. */
  String code(String field) {
    String s = text(field);
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---------------------------------------------------------------- flags

  /** Y/N, 1/0, true/false (any case); absent, null and "" are false (Bitrix24's default is N). */
  boolean flag(String field) {
    if (isEmpty(field)) {
      return false;
    }
    JsonValue v = scalar(field);
    switch (v.getValueType()) {
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NUMBER:
        {
          JsonNumber n = (JsonNumber) v;
          if (n.isIntegral() && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
          }
          break;
        }
      case STRING:
        {
          String s = ((JsonString) v).getString().strip().toUpperCase(Locale.ROOT);
          switch (s) {
            case "Y", "1", "TRUE":
              return true;
            case "N", "0", "FALSE":
              return false;
            default:
              break;
          }
          break;
        }
      default:
        break;
    }
    throw new Rejected(
        QuarantineReason.BAD_FLAG, field + " is not a yes/no value (" + excerpt(field) + ")");
  }

  // ---------------------------------------------------------------- money

  /**
   * A non-negative decimal: {@code "15000.00"} or a JSON number. Absent, null and "" are 0
   * (Bitrix24 has no "unknown amount"). {@code "1 000,50"}, {@code "1e5"} and negatives are
   * quarantined.
   */
  BigDecimal money(String field) {
    if (isEmpty(field)) {
      return BigDecimal.ZERO;
    }
    JsonValue v = scalar(field);
    BigDecimal amount;
    if (v instanceof JsonNumber n) {
      amount = n.bigDecimalValue();
    } else if (v instanceof JsonString s) {
      String t = s.getString().strip();
      if (DECIMAL.matcher(t).matches()) {
        amount = new BigDecimal(t);
      } else if (NEGATIVE_DECIMAL.matcher(t).matches()) {
        amount = new BigDecimal(t);
      } else {
        throw new Rejected(
            QuarantineReason.BAD_MONEY,
            field + " is not a plain decimal with a dot (" + excerpt(field) + ")");
      }
    } else {
      throw new Rejected(QuarantineReason.BAD_MONEY, field + " is a boolean, not an amount");
    }
    if (amount.signum() < 0) {
      throw new Rejected(QuarantineReason.NEGATIVE_AMOUNT, field + " is negative (" + amount + ")");
    }
    return amount;
  }

  /** An ISO code of three upper-case letters, or null when absent/empty. */
  String currency(String field) {
    String s = code(field);
    if (s == null) {
      return null;
    }
    if (!CURRENCY.matcher(s).matches()) {
      throw new Rejected(
          QuarantineReason.BAD_CURRENCY,
          field + " is not three upper-case letters (" + excerpt(field) + ")");
    }
    return s;
  }

  // ---------------------------------------------------------------- dates

  /** A calendar date: the first 10 characters of a date or datetime; null when empty. */
  LocalDate date(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    if (t.length() < 10 || !DATE_PREFIX.matcher(t.substring(0, 10)).matches()) {
      throw new Rejected(
          QuarantineReason.BAD_DATE, field + " is not a date (" + excerpt(field) + ")");
    }
    try {
      return LocalDate.parse(t.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw new Rejected(
          QuarantineReason.BAD_DATE, field + " is not a date (" + excerpt(field) + ")");
    }
  }

  /** An ISO 8601 datetime with offset; null when empty. */
  OffsetDateTime dateTime(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new Rejected(
          QuarantineReason.BAD_DATE,
          field + " is not a date-time with offset (" + excerpt(field) + ")");
    }
  }

  OffsetDateTime requiredDateTime(String field) {
    if (isEmpty(field)) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, field + " is missing");
    }
    return dateTime(field);
  }

  /** At most 40 characters of a field's raw JSON, for quarantine details. */
  String excerpt(String field) {
    JsonValue v = raw.get(field);
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
