package app.premia.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PHP-style nested query/form encoding ({@code filter[>ID]=5&select[]=ID&order[ID]=ASC}), as
 * Bitrix24 parses it: maps whose keys are exactly 0..n-1 become lists.
 */
final class PhpForm {
  private PhpForm() {}

  static Map<String, Object> parse(String query) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return root;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawKey = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String key = decode(rawKey);
      String value = decode(rawValue);
      put(root, key, value);
    }
    return normalize(root);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, String key, Object value) {
    int br = key.indexOf('[');
    if (br <= 0 || !key.endsWith("]")) {
      root.put(key, value);
      return;
    }
    List<String> path = new ArrayList<>();
    path.add(key.substring(0, br));
    int i = br;
    while (i < key.length() && key.charAt(i) == '[') {
      int close = key.indexOf(']', i);
      if (close < 0) {
        break;
      }
      path.add(key.substring(i + 1, close));
      i = close + 1;
    }
    Map<String, Object> cur = root;
    for (int p = 0; p < path.size(); p++) {
      String seg = path.get(p);
      if (seg.isEmpty()) {
        seg = Integer.toString(nextIndex(cur));
      }
      if (p == path.size() - 1) {
        cur.put(seg, value);
      } else {
        Object next = cur.get(seg);
        if (!(next instanceof Map)) {
          next = new LinkedHashMap<String, Object>();
          cur.put(seg, next);
        }
        cur = (Map<String, Object>) next;
      }
    }
  }

  private static int nextIndex(Map<String, Object> m) {
    int max = -1;
    for (String k : m.keySet()) {
      try {
        max = Math.max(max, Integer.parseInt(k));
      } catch (NumberFormatException ignored) {
        // non-numeric key
      }
    }
    return max + 1;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalize(Map<String, Object> m) {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> child) {
        e.setValue(normalizeValue(normalize((Map<String, Object>) child)));
      }
    }
    return m;
  }

  private static Object normalizeValue(Map<String, Object> m) {
    int i = 0;
    for (String k : m.keySet()) {
      if (!k.equals(Integer.toString(i))) {
        return m;
      }
      i++;
    }
    if (m.isEmpty()) {
      return m;
    }
    return new ArrayList<>(m.values());
  }

  /** Flattens a nested structure into PHP-style form pairs (all values as strings). */
  static String encode(Map<String, ?> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ?> e : params.entrySet()) {
      flatten(sb, e.getKey(), e.getValue());
    }
    return sb.toString();
  }

  private static void flatten(StringBuilder sb, String key, Object value) {
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(sb, key + "[" + e.getKey() + "]", e.getValue());
      }
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(sb, key + "[" + i + "]", l.get(i));
      }
    } else {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(
              URLEncoder.encode(key, StandardCharsets.UTF_8)
                  .replace("%5B", "[")
                  .replace("%5D", "]"))
          .append('=')
          .append(URLEncoder.encode(value == null ? "" : value.toString(), StandardCharsets.UTF_8));
    }
  }
}
