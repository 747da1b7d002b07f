package app.premia.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored entity row: values aligned with its {@link Schema}, in their REST shapes (strings for
 * classic ids and money, {@link Ts} for dates, JSON numbers where Bitrix24 uses numbers). Rows are
 * copy-on-write: a change replaces the row object in its table.
 */
final class Row {
  /** A value that is left out of the answer altogether (e.g. PARENT of the root department). */
  static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "<absent>";
        }
      };

  final long id;
  final Object[] v;

  /** For hostile (malformed) rows: what is served instead of {@link #v}; v stays a valid shadow. */
  final Map<String, Object> hostile;

  Row(long id, Object[] v) {
    this(id, v, null);
  }

  Row(long id, Object[] v, Map<String, Object> hostile) {
    this.id = id;
    this.v = v;
    this.hostile = hostile;
  }

  Object get(Schema s, String field) {
    int i = s.idx(field);
    return i < 0 ? null : v[i];
  }

  Row with(Schema s, Map<String, Object> changes) {
    Object[] copy = Arrays.copyOf(v, v.length);
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      int i = s.idx(e.getKey());
      if (i >= 0 && i != 0) {
        copy[i] = e.getValue();
      }
    }
    return new Row(id, copy);
  }

  /** The full row (all fields, multi-fields and user fields included). */
  Map<String, Object> toMap(Schema s) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) {
      if (v[i] != ABSENT) {
        m.put(s.field(i).name(), v[i]);
      }
    }
    return m;
  }
}
