package app.premia.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-portal fault injection (immutable). Each REST request draws from a RNG seeded with {@link
 * #seed()} (re-seeded whenever faults are set), so a sequential run is reproducible.
 */
public final class Faults {
  private final double error5xxRate;
  private final double slowRate;
  private final Duration slowDelay;
  private final double dropRate;
  private final int hostileRows;
  private final long seed;

  private Faults(
      double error5xxRate,
      double slowRate,
      Duration slowDelay,
      double dropRate,
      int hostileRows,
      long seed) {
    this.error5xxRate = error5xxRate;
    this.slowRate = slowRate;
    this.slowDelay = slowDelay;
    this.dropRate = dropRate;
    this.hostileRows = hostileRows;
    this.seed = seed;
  }

  public static Faults none() {
    return new Faults(0, 0, Duration.ZERO, 0, 0, 1);
  }

  /** Share of requests answered 500 INTERNAL_SERVER_ERROR (JSON) or 502 (HTML body), half each. */
  public Faults withError5xxRate(double rate) {
    return new Faults(rate, slowRate, slowDelay, dropRate, hostileRows, seed);
  }

  /** Share of requests delayed by {@code delay} before being processed. */
  public Faults withSlowRate(double rate, Duration delay) {
    return new Faults(error5xxRate, rate, delay, dropRate, hostileRows, seed);
  }

  /** Share of requests whose connection is closed without an answer. */
  public Faults withDropRate(double rate) {
    return new Faults(error5xxRate, slowRate, slowDelay, rate, hostileRows, seed);
  }

  /** Number of malformed deal rows served by crm.deal.list / crm.deal.get (never in snapshots). */
  public Faults withHostileRows(int n) {
    return new Faults(error5xxRate, slowRate, slowDelay, dropRate, n, seed);
  }

  public Faults withSeed(long s) {
    return new Faults(error5xxRate, slowRate, slowDelay, dropRate, hostileRows, s);
  }

  public double error5xxRate() {
    return error5xxRate;
  }

  public double slowRate() {
    return slowRate;
  }

  public Duration slowDelay() {
    return slowDelay;
  }

  public double dropRate() {
    return dropRate;
  }

  public int hostileRows() {
    return hostileRows;
  }

  public long seed() {
    return seed;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error5xxRate", error5xxRate);
    m.put("slowRate", slowRate);
    m.put("slowDelayMs", slowDelay.toMillis());
    m.put("dropRate", dropRate);
    m.put("hostileRows", hostileRows);
    m.put("seed", seed);
    return m;
  }

  /** Applies the keys present in {@code m} (control API) on top of this. */
  public Faults merge(Map<String, Object> m) {
    Faults f = this;
    if (m.containsKey("error5xxRate")) {
      f = f.withError5xxRate(Json.asDouble(m.get("error5xxRate")));
    }
    if (m.containsKey("slowRate") || m.containsKey("slowDelayMs")) {
      double rate = m.containsKey("slowRate") ? Json.asDouble(m.get("slowRate")) : slowRate;
      Duration d =
          m.containsKey("slowDelayMs")
              ? Duration.ofMillis(Json.asLong(m.get("slowDelayMs"), 0))
              : slowDelay;
      f = f.withSlowRate(rate, d);
    }
    if (m.containsKey("dropRate")) {
      f = f.withDropRate(Json.asDouble(m.get("dropRate")));
    }
    if (m.containsKey("hostileRows")) {
      f = f.withHostileRows((int) Json.asLong(m.get("hostileRows"), 0));
    }
    if (m.containsKey("seed")) {
      f = f.withSeed(Json.asLong(m.get("seed"), 1));
    }
    return f;
  }

  @Override
  public String toString() {
    return "Faults" + toMap();
  }
}
