package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PHP-style ({@code http_build_query}) encoding of parameters for {@code batch} sub-commands:
 * {@code filter[>ID]=5&select[]=ID&order[ID]=ASC&start=-1}.
 *
 * <p>Objects become bracketed keys; arrays of scalars become {@code key[]=...}, arrays holding
 * objects or arrays become {@code key[0][...]} (so each element stays one element); {@code true}
 * and {@code false} become {@code 1} and {@code 0}; {@code null} and empty arrays are left out.
 * Values are percent-encoded except unreserved characters and {@code :} ({@code +} is {@code %2B}
 * so a UTC offset survives); key names keep {@code > < ! @ :} readable. A value that is exactly a
 * batch reference ({@code $result[c0][49][ID]}, see {@link #ref}) is sent as it is, so the portal
 * can substitute it whether it does so before or after decoding.
 */
public final class QueryString {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$result(?:_total|_next)?(?:\\[[A-Za-z0-9_.\\-]+\\])+");
  private static final String VALUE_SAFE = "-_.~:";
  private static final String KEY_SAFE = "-_.~:<>!@*";

  private QueryString() {}

  /** {@code method?query}, or the bare method when there are no parameters. */
  public static String command(String method, JsonObject params) {
    String q = encode(params);
    return q.isEmpty() ? method : method + "?" + q;
  }

  /** The query string of {@code params}, without a leading {@code ?}. */
  public static String encode(JsonObject params) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonValue> e : params.entrySet()) {
      append(out, escape(e.getKey(), KEY_SAFE), e.getValue());
    }
    return out.toString();
  }

  /**
   * A reference to an earlier command's result: {@code ref("c0", 49, "ID")} is {@code
   * $result[c0][49][ID]}. Path parts may only hold letters, digits, {@code _ . -}.
   */
  public static String ref(String commandKey, Object... path) {
    StringBuilder r = new StringBuilder("$result[").append(commandKey).append(']');
    for (Object p : path) {
      r.append('[').append(p).append(']');
    }
    String s = r.toString();
    if (!REFERENCE.matcher(s).matches()) {
      throw new IllegalArgumentException("not a valid batch reference: " + s);
    }
    return s;
  }

  private static void append(StringBuilder out, String key, JsonValue value) {
    switch (value.getValueType()) {
      case NULL -> {}
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
          append(out, key + "[" + escape(e.getKey(), KEY_SAFE) + "]", e.getValue());
        }
      }
      case ARRAY -> {
        JsonArray a = (JsonArray) value;
        boolean scalars =
            a.stream()
                .noneMatch(
                    v ->
                        v.getValueType() == JsonValue.ValueType.OBJECT
                            || v.getValueType() == JsonValue.ValueType.ARRAY);
        for (int i = 0; i < a.size(); i++) {
          append(out, key + (scalars ? "[]" : "[" + i + "]"), a.get(i));
        }
      }
      case TRUE -> pair(out, key, "1");
      case FALSE -> pair(out, key, "0");
      case NUMBER -> pair(out, key, ((JsonNumber) value).toString());
      case STRING -> {
        String s = ((JsonString) value).getString();
        pair(out, key, REFERENCE.matcher(s).matches() ? s : escape(s, VALUE_SAFE));
      }
    }
  }

  private static void pair(StringBuilder out, String key, String encodedValue) {
    if (out.length() > 0) {
      out.append('&');
    }
    out.append(key).append('=').append(encodedValue);
  }

  /** Percent-encodes UTF-8 bytes of everything but ASCII letters, digits and {@code safe}. */
  static String escape(String s, String safe) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && safe.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
