package app.premia.sandbox;

import app.premia.sandbox.Schema.Field;
import app.premia.sandbox.Schema.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The list engine shared by every classic {@code *.list} method: filter with the prefix operators,
 * multi-key order, select masks and 50-row paging ({@code start=-1} = no count).
 */
final class ListQuery {
  static final int PAGE = 50;

  enum Op {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE,
    IN,
    NIN,
    LIKE,
    NLIKE,
    WLIKE,
    NWLIKE
  }

  private static final String[][] PREFIXES = {
    {"!=%", "NWLIKE"},
    {"!%=", "NWLIKE"},
    {"=%", "WLIKE"},
    {"%=", "WLIKE"},
    {"!@", "NIN"},
    {"!%", "NLIKE"},
    {">=", "GE"},
    {"<=", "LE"},
    {"!=", "NE"},
    {"@", "IN"},
    {"!", "NE"},
    {">", "GT"},
    {"<", "LT"},
    {"=", "EQ"},
    {"%", "LIKE"},
  };

  record Page(List<Map<String, Object>> rows, long total, Long next, long matched) {}

  record Order(int col, boolean asc) {}

  /** Compiled condition: one field, one operator, value parsed for the field type. */
  static final class Cond implements Predicate<Row> {
    final int col;
    final Field field;
    final Op op;
    final Object value; // Double | Long(epoch) | Boolean | String | List of those | null
    final boolean never;
    final Pattern pattern;

    Cond(int col, Field field, Op op, Object raw) {
      this.col = col;
      this.field = field;
      Op o = op;
      if (o == Op.EQ && raw instanceof Collection) {
        o = Op.IN;
      } else if (o == Op.NE && raw instanceof Collection) {
        o = Op.NIN;
      } else if ((o == Op.IN || o == Op.NIN) && !(raw instanceof Collection)) {
        raw = raw instanceof Map<?, ?> m ? List.copyOf(m.values()) : List.of(raw);
      } else if (raw instanceof Map<?, ?> m) {
        raw = List.copyOf(m.values());
        o = o == Op.NE ? Op.NIN : Op.IN;
      }
      this.op = o;
      boolean nev = false;
      Object v;
      if (raw instanceof Collection<?> c) {
        List<Object> l = new ArrayList<>();
        for (Object x : c) {
          Object p = prepare(x);
          if (p != null) {
            l.add(p);
          }
        }
        v = l;
      } else {
        v = prepare(raw);
        if (v == null && raw != null && !raw.toString().isEmpty()) {
          nev = true; // unparsable date or number: matches nothing
        }
      }
      this.value = v;
      this.never = nev;
      if (o == Op.WLIKE || o == Op.NWLIKE) {
        String s = String.valueOf(v);
        StringBuilder re = new StringBuilder();
        for (char ch : s.toCharArray()) {
          if (ch == '%') {
            re.append(".*");
          } else if (ch == '_') {
            re.append('.');
          } else {
            re.append(Pattern.quote(String.valueOf(ch)));
          }
        }
        this.pattern = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
      } else {
        this.pattern = null;
      }
    }

    private Object prepare(Object x) {
      if (x == null) {
        return null;
      }
      if (op == Op.LIKE || op == Op.NLIKE || op == Op.WLIKE || op == Op.NWLIKE) {
        return x.toString();
      }
      switch (field.type()) {
        case ID, INT, REF, MONEY, NUM, NUMLIST:
          if (x instanceof String s && s.isEmpty()) {
            return null;
          }
          return Json.asDouble(x);
        case DATETIME:
          return Ts.parseEpoch(x);
        case BOOL:
          return Json.truthy(x);
        default:
          return x.toString();
      }
    }

    long idBound() {
      return value instanceof Double d ? (long) Math.floor(d) : Long.MIN_VALUE;
    }

    @Override
    public boolean test(Row r) {
      if (never) {
        return false;
      }
      Object rv = col == 0 ? (Object) (double) r.id : r.v[col];
      if (rv == Row.ABSENT) {
        rv = null;
      }
      switch (op) {
        case LIKE:
          return rv != null && containsIgnoreCase(rv.toString(), (String) value);
        case NLIKE:
          return rv == null || !containsIgnoreCase(rv.toString(), (String) value);
        case WLIKE:
          return rv != null && pattern.matcher(rv.toString()).matches();
        case NWLIKE:
          return rv == null || !pattern.matcher(rv.toString()).matches();
        case IN:
          for (Object x : (List<?>) value) {
            if (eq(rv, x)) {
              return true;
            }
          }
          return false;
        case NIN:
          for (Object x : (List<?>) value) {
            if (eq(rv, x)) {
              return false;
            }
          }
          return true;
        case EQ:
          return eq(rv, value);
        case NE:
          return !eq(rv, value);
        default:
          if (value == null) {
            return false;
          }
          int c = cmp(rv, value);
          if (c == Integer.MIN_VALUE) {
            return false;
          }
          return switch (op) {
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            default -> false;
          };
      }
    }

    private boolean eq(Object rv, Object fv) {
      if (fv == null) {
        return rv == null || "".equals(rv) || (field.type() == Type.REF && "0".equals(rv));
      }
      if (field.type() == Type.NUMLIST) {
        if (rv instanceof Collection<?> c) {
          for (Object x : c) {
            Double d = Json.asDouble(x);
            if (d != null && d.equals(fv)) {
              return true;
            }
          }
        }
        return false;
      }
      if (rv == null) {
        return false;
      }
      int c = cmp(rv, fv);
      return c == 0;
    }

    /** Compares a row value with a prepared filter value; MIN_VALUE when incomparable. */
    private int cmp(Object rv, Object fv) {
      if (rv == null) {
        return Integer.MIN_VALUE;
      }
      if (fv instanceof Double d) {
        Double x = Json.asDouble(rv);
        return x == null ? Integer.MIN_VALUE : Double.compare(x, d);
      }
      if (fv instanceof Long epoch) {
        Long x = Ts.parseEpoch(rv);
        return x == null ? Integer.MIN_VALUE : Long.compare(x, epoch);
      }
      if (fv instanceof Boolean b) {
        return Json.truthy(rv) == b ? 0 : 1;
      }
      return rv.toString().compareToIgnoreCase(fv.toString());
    }
  }

  private static boolean containsIgnoreCase(String hay, String needle) {
    return hay.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  /**
   * Compiles a filter. Unknown fields are ignored (classic methods) or rejected with 400
   * INVALID_ARG_VALUE when {@code strict}.
   */
  static List<Cond> compile(Schema s, Map<String, Object> filter, boolean strict) {
    List<Cond> out = new ArrayList<>();
    if (filter == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : filter.entrySet()) {
      String key = e.getKey().trim();
      Op op = Op.EQ;
      for (String[] p : PREFIXES) {
        if (key.startsWith(p[0])) {
          op = Op.valueOf(p[1]);
          key = key.substring(p[0].length());
          break;
        }
      }
      String name = key.toUpperCase(Locale.ROOT);
      int col = s.idx(name);
      if (col < 0) {
        if (strict) {
          throw new RestError(
              400,
              "INVALID_ARG_VALUE",
              "Invalid filter: field '" + e.getKey() + "' is not allowed in filter");
        }
        continue;
      }
      out.add(new Cond(col, s.field(col), op, e.getValue()));
    }
    return out;
  }

  static List<Order> compileOrder(Schema s, Map<String, Object> order, boolean strict) {
    List<Order> out = new ArrayList<>();
    if (order == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : order.entrySet()) {
      int col = s.idx(e.getKey().trim().toUpperCase(Locale.ROOT));
      String dir = String.valueOf(e.getValue()).trim().toUpperCase(Locale.ROOT);
      if (col < 0) {
        if (strict) {
          throw new RestError(
              400,
              "INVALID_ARG_VALUE",
              "Invalid order: field '" + e.getKey() + "' is not allowed in order");
        }
        continue;
      }
      out.add(new Order(col, !dir.equals("DESC")));
    }
    return out;
  }

  /** Column mask for a select list; null/empty select = the entity's default select. */
  static boolean[] selectMask(Schema s, List<Object> select) {
    boolean[] mask = new boolean[s.size()];
    List<?> items = select == null || select.isEmpty() ? s.defaultSelect : select;
    for (Object o : items) {
      String name = String.valueOf(o).trim().toUpperCase(Locale.ROOT);
      if (name.equals("*")) {
        for (int i : s.standard) {
          mask[i] = true;
        }
      } else if (name.equals("UF_*")) {
        for (int i : s.userFields) {
          mask[i] = true;
        }
      } else {
        int i = s.idx(name);
        if (i >= 0) {
          mask[i] = true;
        }
      }
    }
    mask[0] = true;
    return mask;
  }

  static Map<String, Object> render(Schema s, Row r, boolean[] mask) {
    if (r.hostile != null) {
      return renderHostile(s, r, mask);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] && r.v[i] != Row.ABSENT) {
        m.put(s.field(i).name(), r.v[i]);
      }
    }
    return m;
  }

  /** A hostile row keeps its corrupt field even when it is not selected. */
  private static Map<String, Object> renderHostile(Schema s, Row r, boolean[] mask) {
    Map<String, Object> m = new LinkedHashMap<>();
    String corrupt = (String) r.hostile.get("__corrupt");
    for (Map.Entry<String, Object> e : r.hostile.entrySet()) {
      if (e.getKey().startsWith("__")) {
        continue;
      }
      int i = s.idx(e.getKey());
      if ((i >= 0 && mask[i]) || e.getKey().equals(corrupt)) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  static Comparator<Row> comparator(Schema s, List<Order> order) {
    Comparator<Row> c = null;
    for (Order o : order) {
      Comparator<Row> one = (a, b) -> compareValues(s.field(o.col()), a, b, o.col());
      if (!o.asc()) {
        one = one.reversed();
      }
      c = c == null ? one : c.thenComparing(one);
    }
    Comparator<Row> byId = Comparator.comparingLong(r -> r.id);
    return c == null ? byId : c.thenComparing(byId);
  }

  private static int compareValues(Field f, Row a, Row b, int col) {
    if (col == 0) {
      return Long.compare(a.id, b.id);
    }
    Object x = a.v[col] == Row.ABSENT ? null : a.v[col];
    Object y = b.v[col] == Row.ABSENT ? null : b.v[col];
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (f.numeric()) {
      Double dx = Json.asDouble(x);
      Double dy = Json.asDouble(y);
      if (dx != null && dy != null) {
        return Double.compare(dx, dy);
      }
    }
    if (f.type() == Type.DATETIME) {
      Long ex = Ts.parseEpoch(x);
      Long ey = Ts.parseEpoch(y);
      if (ex != null && ey != null) {
        return Long.compare(ex, ey);
      }
    }
    return x.toString().compareToIgnoreCase(y.toString());
  }

  /**
   * Runs a list query. {@code start < 0} = fast mode (no count, total 0, no next). Sorted by ID
   * (the default) it walks the ID index from the {@code >ID}/{@code >=ID} bound and stops after a
   * page.
   */
  static Page run(
      Table t,
      List<Cond> conds,
      List<Order> order,
      boolean[] mask,
      long start,
      Predicate<Row> extra) {
    Schema s = t.schema;
    boolean counting = start >= 0;
    long offset = Math.max(0, start);
    List<Row> picked = new ArrayList<>();
    long matched = 0;
    boolean idOnly = order.isEmpty() || (order.size() == 1 && order.get(0).col() == 0);
    if (idOnly) {
      boolean asc = order.isEmpty() || order.get(0).asc();
      NavigableMap<Long, Row> range = t.rows;
      long lo = Long.MIN_VALUE;
      long hi = Long.MAX_VALUE;
      for (Cond c : conds) {
        if (c.col != 0 || !(c.value instanceof Double d)) {
          continue;
        }
        switch (c.op) {
          case GT -> lo = Math.max(lo, (long) Math.floor(d) + 1);
          case GE -> lo = Math.max(lo, (long) Math.ceil(d));
          case LT -> hi = Math.min(hi, (long) Math.ceil(d) - 1);
          case LE -> hi = Math.min(hi, (long) Math.floor(d));
          case EQ -> {
            lo = Math.max(lo, (long) Math.ceil(d));
            hi = Math.min(hi, (long) Math.floor(d));
          }
          default -> {}
        }
      }
      if (lo > hi) {
        return new Page(List.of(), 0, null, 0);
      }
      range = t.rows.subMap(lo, true, hi, true);
      if (!asc) {
        range = range.descendingMap();
      }
      for (Row r : range.values()) {
        if (!matches(r, conds, extra)) {
          continue;
        }
        if (matched >= offset && picked.size() < PAGE) {
          picked.add(r);
        }
        matched++;
        if (!counting && picked.size() >= PAGE) {
          break;
        }
      }
    } else {
      List<Row> all = new ArrayList<>();
      for (Row r : t.rows.values()) {
        if (matches(r, conds, extra)) {
          all.add(r);
        }
      }
      all.sort(comparator(s, order));
      matched = all.size();
      int from = (int) Math.min(offset, all.size());
      int to = (int) Math.min(from + (long) PAGE, all.size());
      picked.addAll(all.subList(from, to));
    }
    List<Map<String, Object>> out = new ArrayList<>(picked.size());
    for (Row r : picked) {
      out.add(render(s, r, mask));
    }
    if (!counting) {
      return new Page(out, 0, null, 0);
    }
    Long next = matched > offset + PAGE ? offset + PAGE : null;
    return new Page(out, matched, next, matched);
  }

  private static boolean matches(Row r, List<Cond> conds, Predicate<Row> extra) {
    for (Cond c : conds) {
      if (!c.test(r)) {
        return false;
      }
    }
    return extra == null || extra.test(r);
  }
}
