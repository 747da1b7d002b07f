package app.premia.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as Bitrix24 serialises it: ISO 8601 with the portal's offset ({@code
 * 2024-05-01T10:00:00+03:00}). Stored as epoch seconds so filters compare numbers, not strings.
 */
final class Ts implements Comparable<Ts> {
  static final ZoneOffset ZONE = ZoneOffset.ofHours(3);
  private static final DateTimeFormatter FMT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  final long epochSecond;

  Ts(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  static Ts of(long epochSecond) {
    return new Ts(epochSecond);
  }

  /**
   * A date-typed field: midnight UTC of that day, rendered in the portal offset (T03:00:00+03:00).
   */
  static Ts date(LocalDate d) {
    return new Ts(d.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
  }

  LocalDate localDate() {
    return Instant.ofEpochSecond(epochSecond).atOffset(ZONE).toLocalDate();
  }

  @JsonValue
  @Override
  public String toString() {
    return format(epochSecond);
  }

  static String format(long epochSecond) {
    return FMT.format(Instant.ofEpochSecond(epochSecond).atOffset(ZONE));
  }

  /**
   * Parses a filter value leniently: ISO with offset, ISO without offset (portal time zone), a bare
   * date (midnight, portal time zone), {@code yyyy-MM-dd HH:mm:ss}, or Unix seconds. Null when
   * unparsable.
   */
  static Long parseEpoch(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Ts t) {
      return t.epochSecond;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String s = value.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toEpochSecond();
    } catch (RuntimeException ignored) {
      // next
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).toEpochSecond(ZONE);
    } catch (RuntimeException ignored) {
      // next
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZONE);
    } catch (RuntimeException ignored) {
      // next
    }
    return null;
  }

  @Override
  public int compareTo(Ts o) {
    return Long.compare(epochSecond, o.epochSecond);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ts t && t.epochSecond == epochSecond;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epochSecond);
  }
}
