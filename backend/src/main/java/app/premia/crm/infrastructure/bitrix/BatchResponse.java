package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@code batch}: per command key its result, or its error, and for list commands
 * its total and next offset, and per command its {@code time}. Commands not executed (after a halt,
 * or past the end of a chain) appear in none of the maps.
 */
public record BatchResponse(
    Map<String, JsonValue> results,
    Map<String, BitrixError> errors,
    Map<String, Integer> totals,
    Map<String, Integer> nexts,
    Map<String, TimeInfo> times,
    TimeInfo time) {

  public BatchResponse {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    nexts = Collections.unmodifiableMap(new LinkedHashMap<>(nexts));
    times = Collections.unmodifiableMap(new LinkedHashMap<>(times));
  }

  public Optional<JsonValue> result(String key) {
    return Optional.ofNullable(results.get(key));
  }

  public Optional<BitrixError> error(String key) {
    return Optional.ofNullable(errors.get(key));
  }
}
