package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-P helpers for the Bitrix24 envelope: lenient numbers and PHP's "object or array" maps. */
final class Jsons {

  static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  /** The object in {@code text}, or null when it is not a JSON object. */
  static JsonObject parseObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      JsonValue v = reader.readValue();
      return v instanceof JsonObject o ? o : null;
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      return null;
    }
  }

  static String write(JsonValue value) {
    StringWriter out = new StringWriter();
    try (var writer = PROVIDER.createWriter(out)) {
      writer.write(value);
    }
    return out.toString();
  }

  /** An integer from a JSON number or a numeric string; null otherwise. */
  static Long asLong(JsonValue v) {
    if (v instanceof JsonNumber n) {
      try {
        return n.bigDecimalValue().longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (v instanceof JsonString s) {
      String t = s.getString().strip();
      if (t.matches("-?[0-9]{1,18}")) {
        return Long.parseLong(t);
      }
    }
    return null;
  }

  static Integer asInt(JsonValue v) {
    Long l = asLong(v);
    return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
  }

  /** A decimal from a JSON number or a numeric string; null otherwise. */
  static Double asDouble(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    if (v instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().strip()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static String asString(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  /**
   * PHP serialises an empty map as {@code []} and a map with keys 0..n-1 as an array: read either
   * as a map (array positions become the keys "0", "1", ...).
   */
  static Map<String, JsonValue> objectOrArray(JsonValue v) {
    if (v instanceof JsonObject o) {
      return o;
    }
    if (v instanceof JsonArray a) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      for (int i = 0; i < a.size(); i++) {
        m.put(Integer.toString(i), a.get(i));
      }
      return m;
    }
    return Collections.emptyMap();
  }
}
