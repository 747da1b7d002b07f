package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of applying change ops: {@code deliveriesPlanned} counts the online POSTs that will be
 * sent (duplicates included), {@code deliveriesDropped} those decided to be lost.
 */
public record ChangeResult(
    int applied,
    List<Long> createdIds,
    int eventsGenerated,
    int deliveriesPlanned,
    int deliveriesDropped) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applied", applied);
    m.put("createdIds", createdIds);
    m.put("eventsGenerated", eventsGenerated);
    m.put("deliveriesPlanned", deliveriesPlanned);
    m.put("deliveriesDropped", deliveriesDropped);
    return m;
  }
}
