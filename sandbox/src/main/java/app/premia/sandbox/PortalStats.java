package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Immutable snapshot of a portal's request counters (see {@link Portal#stats()}). */
public record PortalStats(
    long requests, long rejected503, long rejected429, Map<String, MethodStats> methods) {

  /** Calls executed (batch sub-commands included) and their accumulated virtual cost. */
  public record MethodStats(long calls, double operatingSeconds) {}

  public long calls(String method) {
    MethodStats m = methods.get(method);
    return m == null ? 0 : m.calls();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", requests);
    m.put("rejected503", rejected503);
    m.put("rejected429", rejected429);
    Map<String, Object> per = new TreeMap<>();
    methods.forEach(
        (k, v) ->
            per.put(k, Json.map("calls", v.calls(), "operatingSeconds", v.operatingSeconds())));
    m.put("methods", per);
    return m;
  }
}
