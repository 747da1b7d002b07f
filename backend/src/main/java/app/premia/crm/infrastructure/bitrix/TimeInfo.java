package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code time} member of a response (or one {@code result_time} entry of a batch). Any part may
 * be null when the portal did not send it.
 *
 * @param start Unix time the portal started, with fraction
 * @param finish Unix time the portal finished, with fraction
 * @param duration seconds between start and finish
 * @param processing seconds spent processing
 * @param operating accumulated execution time of this method over the last 10 minutes, seconds
 * @param operatingResetAt Unix time (seconds) when the oldest one-minute basket stops counting
 */
public record TimeInfo(
    Double start,
    Double finish,
    Double duration,
    Double processing,
    Double operating,
    Long operatingResetAt) {

  public static final TimeInfo NONE = new TimeInfo(null, null, null, null, null, null);

  /** Reads a {@code time} object; anything that is not an object gives {@link #NONE}. */
  public static TimeInfo of(JsonValue v) {
    if (!(v instanceof JsonObject o)) {
      return NONE;
    }
    return new TimeInfo(
        Jsons.asDouble(o.get("start")),
        Jsons.asDouble(o.get("finish")),
        Jsons.asDouble(o.get("duration")),
        Jsons.asDouble(o.get("processing")),
        Jsons.asDouble(o.get("operating")),
        resetAt(o.get("operating_reset_at")));
  }

  /** A Unix timestamp, or (as one doc example shows) an ISO date-time string. */
  private static Long resetAt(JsonValue v) {
    Long l = Jsons.asLong(v);
    if (l != null) {
      return l;
    }
    Double d = Jsons.asDouble(v);
    if (d != null) {
      return (long) Math.ceil(d);
    }
    if (v instanceof JsonString s) {
      try {
        return OffsetDateTime.parse(s.getString().strip()).toEpochSecond();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** What this call cost, for the operating-time governor: duration, else processing. */
  public Double cost() {
    return duration != null ? duration : processing;
  }
}
