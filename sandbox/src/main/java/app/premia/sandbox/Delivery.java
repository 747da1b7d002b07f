package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How online event deliveries of one change request behave: each POST is duplicated a random {@code
 * duplicatesMin..duplicatesMax} times, the whole set optionally shuffled, a share dropped, each
 * delayed; no retries. Decisions come from a RNG seeded with {@code seed}.
 */
public record Delivery(
    int duplicatesMin,
    int duplicatesMax,
    boolean shuffle,
    double dropRate,
    long delayMs,
    long seed) {

  public static Delivery exactlyOnce() {
    return new Delivery(1, 1, false, 0.0, 0, 1);
  }

  public Delivery withDuplicates(int min, int max) {
    return new Delivery(min, max, shuffle, dropRate, delayMs, seed);
  }

  public Delivery withShuffle(boolean v) {
    return new Delivery(duplicatesMin, duplicatesMax, v, dropRate, delayMs, seed);
  }

  public Delivery withDropRate(double v) {
    return new Delivery(duplicatesMin, duplicatesMax, shuffle, v, delayMs, seed);
  }

  public Delivery withDelayMs(long v) {
    return new Delivery(duplicatesMin, duplicatesMax, shuffle, dropRate, v, seed);
  }

  public Delivery withSeed(long v) {
    return new Delivery(duplicatesMin, duplicatesMax, shuffle, dropRate, delayMs, v);
  }

  static Delivery fromMap(Map<String, Object> m) {
    Delivery d = exactlyOnce();
    if (m == null) {
      return d;
    }
    int min = (int) Json.asLong(m.get("duplicatesMin"), 1);
    int max = (int) Json.asLong(m.get("duplicatesMax"), Math.max(1, min));
    return new Delivery(
        Math.max(1, min),
        Math.max(Math.max(1, min), max),
        Json.truthy(m.get("shuffle")),
        m.get("dropRate") == null ? 0.0 : Json.asDouble(m.get("dropRate")),
        Json.asLong(m.get("delayMs"), 0),
        Json.asLong(m.get("seed"), 1));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("duplicatesMin", duplicatesMin);
    m.put("duplicatesMax", duplicatesMax);
    m.put("shuffle", shuffle);
    m.put("dropRate", dropRate);
    m.put("delayMs", delayMs);
    m.put("seed", seed);
    return m;
  }
}
