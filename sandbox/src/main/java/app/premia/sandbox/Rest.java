package app.premia.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** REST pipeline of a portal after authentication: operating budget, methods, batch, envelopes. */
final class Rest {
  /** Who calls: the webhook owner or the app's token user. */
  record Principal(long userId, boolean app, String key) {}

  /** What a method produced. */
  record Outcome(Object result, Long total, Long next, long rows, long counted) {
    static Outcome of(Object result) {
      return new Outcome(result, null, null, 1, 0);
    }
  }

  record Reply(int status, Object body) {}

  @FunctionalInterface
  interface Method {
    Outcome call(Portal p, Principal who, Map<String, Object> params);
  }

  static final Set<String> APP_ONLY =
      Set.of(
          "event.bind",
          "event.get",
          "event.unbind",
          "event.offline.get",
          "event.offline.clear",
          "event.offline.list",
          "event.offline.error",
          "placement.bind",
          "placement.unbind",
          "placement.get",
          "placement.list",
          "app.info");

  private static final Map<String, Method> METHODS = new HashMap<>();

  static {
    Methods.register(METHODS);
  }

  static boolean known(String method) {
    return METHODS.containsKey(method) || method.equals("batch");
  }

  static Map<String, Object> error(String code, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", code);
    m.put("error_description", description);
    return m;
  }

  static Reply errorReply(RestError e) {
    return new Reply(e.status, error(e.code, e.getMessage()));
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  static Map<String, Object> time(double start, double finish, OperatingBudget.State st) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("start", dec(start));
    t.put("finish", dec(finish));
    t.put("duration", dec(finish - start));
    t.put("processing", dec(finish - start));
    t.put("date_start", Ts.format((long) start));
    t.put("date_finish", Ts.format((long) finish));
    if (st != null) {
      t.put("operating_reset_at", st.resetAt());
      t.put("operating", dec(st.operating()));
    }
    return t;
  }

  /** Plain decimal (no exponent), 6 fraction digits, like PHP's microtime floats. */
  static java.math.BigDecimal dec(double v) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(6, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  private static String budgetKey(String method, Principal who) {
    return method + "|" + who.key();
  }

  /** Result of one executed (sub-)call: either an outcome or an error, plus its time object. */
  record Exec(Outcome outcome, RestError error, Map<String, Object> time) {}

  /** Executes one method call with the operating-time check and charge (no rate limiting). */
  static Exec execute(Portal p, Principal who, String method, Map<String, Object> params) {
    double start = now();
    long t0 = System.nanoTime();
    Method m = METHODS.get(method);
    if (m == null) {
      return new Exec(
          null, new RestError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"), null);
    }
    if (!who.app() && APP_ONLY.contains(method)) {
      return new Exec(
          null,
          new RestError(
              403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method"),
          null);
    }
    Limits limits = p.limits();
    String key = budgetKey(method, who);
    if (p.budget.blocked(key, limits)) {
      p.stats.rejected429.incrementAndGet();
      return new Exec(
          null,
          new RestError(
              429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."),
          null);
    }
    Outcome out = null;
    RestError err = null;
    try {
      out = m.call(p, who, params);
    } catch (RestError e) {
      err = e;
    } catch (RuntimeException e) {
      err = new RestError(500, "INTERNAL_SERVER_ERROR", "Internal error: " + e);
    }
    double cost =
        out == null
            ? limits.costBaseSeconds()
            : limits.cost(out.rows(), out.total() == null ? 0 : out.counted());
    OperatingBudget.State st = p.budget.charge(key, limits, cost);
    p.stats.call(method, cost);
    double finish = start + (System.nanoTime() - t0) / 1e9;
    return new Exec(out, err, time(start, finish, st));
  }

  /** A single (non-batch) call answered as a full envelope. */
  static Reply single(Portal p, Principal who, String method, Map<String, Object> params) {
    if (method.equals("batch")) {
      return batch(p, who, params);
    }
    Exec e = execute(p, who, method, params);
    if (e.error() != null) {
      return errorReply(e.error());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", e.outcome().result());
    if (e.outcome().next() != null) {
      body.put("next", e.outcome().next());
    }
    if (e.outcome().total() != null) {
      body.put("total", e.outcome().total());
    }
    body.put("time", e.time());
    return new Reply(200, body);
  }

  // ---- batch ---------------------------------------------------------------------------------

  private static final Pattern REF =
      Pattern.compile("\\$(result_total|result_next|result)((?:\\[[^\\]]*\\])+)");

  static Reply batch(Portal p, Principal who, Map<String, Object> params) {
    double start = now();
    long t0 = System.nanoTime();
    Object cmdParam = params.get("cmd");
    boolean list = cmdParam instanceof List;
    Map<String, Object> cmds = Json.asMap(cmdParam);
    if (cmds == null) {
      cmds = new LinkedHashMap<>();
    }
    if (cmds.size() > 50) {
      return errorReply(
          new RestError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded"));
    }
    boolean halt = Json.truthy(params.get("halt"));
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, Object> errors = new LinkedHashMap<>();
    Map<String, Object> totals = new LinkedHashMap<>();
    Map<String, Object> nexts = new LinkedHashMap<>();
    Map<String, Object> times = new LinkedHashMap<>();
    for (Map.Entry<String, Object> c : cmds.entrySet()) {
      String key = c.getKey();
      String cmd = c.getValue() == null ? "" : c.getValue().toString();
      int q = cmd.indexOf('?');
      String method = normalizeMethod(q < 0 ? cmd : cmd.substring(0, q));
      Map<String, Object> sub = PhpForm.parse(q < 0 ? "" : cmd.substring(q + 1));
      sub.remove("auth");
      @SuppressWarnings("unchecked")
      Map<String, Object> resolved = (Map<String, Object>) substitute(sub, results, totals, nexts);
      Exec e;
      if (method.equals("batch")) {
        e =
            new Exec(
                null,
                new RestError(
                    405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage"),
                null);
      } else {
        e = execute(p, who, method, resolved);
      }
      if (e.error() != null) {
        errors.put(key, error(e.error().code, e.error().getMessage()));
        if (halt) {
          break;
        }
        continue;
      }
      results.put(key, e.outcome().result());
      if (e.outcome().total() != null) {
        totals.put(key, e.outcome().total());
      }
      if (e.outcome().next() != null) {
        nexts.put(key, e.outcome().next());
      }
      times.put(key, e.time());
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("result", php(results, list));
    inner.put("result_error", php(errors, list));
    inner.put("result_total", php(totals, list));
    inner.put("result_next", php(nexts, list));
    inner.put("result_time", php(times, list));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", inner);
    // the outer batch is not accounted: operating 0, nothing to reset
    body.put(
        "time",
        time(
            start,
            start + (System.nanoTime() - t0) / 1e9,
            new OperatingBudget.State(0, (long) start)));
    return new Reply(200, body);
  }

  /** PHP serialisation: empty map -> [], keys 0..n-1 -> array. */
  private static Object php(Map<String, Object> m, boolean listKeys) {
    if (m.isEmpty()) {
      return List.of();
    }
    int i = 0;
    for (String k : m.keySet()) {
      if (!k.equals(Integer.toString(i++))) {
        return m;
      }
    }
    return new ArrayList<>(m.values());
  }

  static String normalizeMethod(String m) {
    String s = m.trim();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      s = s.substring(0, s.length() - 5);
    } else if (lower.endsWith(".xml")) {
      s = s.substring(0, s.length() - 4);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private static Object substitute(
      Object v, Map<String, Object> res, Map<String, Object> tot, Map<String, Object> nxt) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey().toString(), substitute(e.getValue(), res, tot, nxt));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) {
        out.add(substitute(x, res, tot, nxt));
      }
      return out;
    }
    if (!(v instanceof String s) || !s.contains("$result")) {
      return v;
    }
    Matcher m = REF.matcher(s);
    if (m.matches()) {
      Object r = resolve(m, res, tot, nxt);
      return r == null ? "" : r instanceof Map || r instanceof List ? r : r.toString();
    }
    StringBuilder sb = new StringBuilder();
    int last = 0;
    m.reset();
    while (m.find()) {
      sb.append(s, last, m.start());
      Object r = resolve(m, res, tot, nxt);
      sb.append(r == null || r instanceof Map || r instanceof List ? "" : r.toString());
      last = m.end();
    }
    sb.append(s.substring(last));
    return sb.toString();
  }

  private static Object resolve(
      Matcher m, Map<String, Object> res, Map<String, Object> tot, Map<String, Object> nxt) {
    Object cur =
        switch (m.group(1)) {
          case "result_total" -> tot;
          case "result_next" -> nxt;
          default -> res;
        };
    Matcher seg = Pattern.compile("\\[([^\\]]*)\\]").matcher(m.group(2));
    while (seg.find()) {
      String k = seg.group(1);
      if (cur instanceof Map<?, ?> mm) {
        cur = mm.get(k);
      } else if (cur instanceof List<?> l) {
        try {
          int i = Integer.parseInt(k);
          cur = i >= 0 && i < l.size() ? l.get(i) : null;
        } catch (NumberFormatException e) {
          cur = null;
        }
      } else {
        return null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  // ---- list helper shared by the methods -------------------------------------------------------

  static long parseStart(Object v) {
    if (v == null) {
      return 0;
    }
    Long l = Json.asLong(v);
    return l == null ? 0 : l;
  }

  static Map<String, Object> filterParam(Map<String, Object> params, String... names) {
    for (String n : names) {
      Object f = params.get(n);
      if (f == null) {
        continue;
      }
      Map<String, Object> m = Json.asMap(f);
      if (m == null) {
        if (f instanceof String s && s.isEmpty()) {
          return new LinkedHashMap<>();
        }
        throw RestError.badArg("Parameter 'filter' must be array.");
      }
      return new LinkedHashMap<>(m);
    }
    return new LinkedHashMap<>();
  }

  static Outcome list(
      Table t,
      Map<String, Object> filter,
      Map<String, Object> order,
      List<Object> select,
      long start,
      boolean strict,
      Predicate<Row> extra) {
    List<ListQuery.Cond> conds = ListQuery.compile(t.schema, filter, strict);
    List<ListQuery.Order> ord = ListQuery.compileOrder(t.schema, order, strict);
    boolean[] mask = ListQuery.selectMask(t.schema, select);
    ListQuery.Page page = ListQuery.run(t, conds, ord, mask, start, extra);
    if (start < 0) {
      return new Outcome(page.rows(), 0L, null, page.rows().size(), 0);
    }
    return new Outcome(page.rows(), page.total(), page.next(), page.rows().size(), page.matched());
  }
}
