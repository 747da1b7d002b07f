package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cumulative online-delivery counters of a portal (POSTs attempted, 2xx answers, failures). */
public record DeliveryReport(long planned, long attempted, long succeeded, long failed) {
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planned", planned);
    m.put("attempted", attempted);
    m.put("succeeded", succeeded);
    m.put("failed", failed);
    return m;
  }
}
