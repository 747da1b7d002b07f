package app.premia.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared Jackson mapper and lenient value helpers. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Json() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object read(byte[] body) throws IOException {
    return MAPPER.readValue(body, Object.class);
  }

  static Map<String, Object> readMap(String body) {
    try {
      return MAPPER.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Reads a parameter as a map: maps stay maps, lists become index-keyed maps, else null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (v instanceof List<?> l) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < l.size(); i++) {
        m.put(Integer.toString(i), l.get(i));
      }
      return m;
    }
    return null;
  }

  /** Reads a parameter as a list: lists stay lists, maps give their values, scalars a singleton. */
  static List<Object> asList(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> l) {
      return List.copyOf(l.stream().map(x -> x == null ? "" : x).toList());
    }
    if (v instanceof Map<?, ?> m) {
      return List.copyOf(m.values().stream().map(x -> x == null ? "" : (Object) x).toList());
    }
    return List.of(v);
  }

  static String str(Object v) {
    return v == null ? null : v.toString();
  }

  static Long asLong(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      String s = v.toString().trim();
      if (s.isEmpty()) {
        return null;
      }
      return (long) Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static long asLong(Object v, long dflt) {
    Long l = asLong(v);
    return l == null ? dflt : l;
  }

  static Double asDouble(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      String s = v.toString().trim();
      return s.isEmpty() ? null : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Y/N, 1/0, true/false. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    String s = v.toString().trim();
    return s.equalsIgnoreCase("Y")
        || s.equalsIgnoreCase("true")
        || s.equals("1")
        || s.equalsIgnoreCase("yes");
  }
}
