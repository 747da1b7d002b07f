package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-portal limits (immutable; {@code withX} returns a copy). Defaults = Bitrix24 cloud standard
 * plan: leaky bucket draining 2 requests/s, rejecting above 50; operating time 480 s per method and
 * principal over 10 baskets of 60 s, charged by a virtual cost model (no sleeping).
 */
public final class Limits {
  /** Number of baskets in the operating-time window (Bitrix24: 10). */
  public static final int BASKETS = 10;

  private final double drainPerSecond;
  private final int threshold;
  private final double operatingLimitSeconds;
  private final int basketSeconds;
  private final double costBaseSeconds;
  private final double costPerRowSeconds;
  private final double costCountPerRowSeconds;

  private Limits(
      double drainPerSecond,
      int threshold,
      double operatingLimitSeconds,
      int basketSeconds,
      double costBaseSeconds,
      double costPerRowSeconds,
      double costCountPerRowSeconds) {
    this.drainPerSecond = drainPerSecond;
    this.threshold = threshold;
    this.operatingLimitSeconds = operatingLimitSeconds;
    this.basketSeconds = basketSeconds;
    this.costBaseSeconds = costBaseSeconds;
    this.costPerRowSeconds = costPerRowSeconds;
    this.costCountPerRowSeconds = costCountPerRowSeconds;
  }

  /** Standard cloud plan: drain 2/s, threshold 50, 480 s per 10 × 60 s. */
  public static Limits defaults() {
    return new Limits(2, 50, 480, 60, 0.004, 0.0004, 0.00002);
  }

  /** Enterprise plan: drain 5/s, threshold 250, otherwise as {@link #defaults()}. */
  public static Limits enterprise() {
    return defaults().withDrainPerSecond(5).withThreshold(250);
  }

  /** No practical limits (for functional tests that do not exercise limits). */
  public static Limits unlimited() {
    return defaults()
        .withDrainPerSecond(1_000_000)
        .withThreshold(1_000_000)
        .withOperatingLimitSeconds(1e12);
  }

  public static Limits forPlan(Plan plan) {
    return plan == Plan.ENTERPRISE ? enterprise() : defaults();
  }

  public Limits withDrainPerSecond(double v) {
    return new Limits(
        v,
        threshold,
        operatingLimitSeconds,
        basketSeconds,
        costBaseSeconds,
        costPerRowSeconds,
        costCountPerRowSeconds);
  }

  public Limits withThreshold(int v) {
    return new Limits(
        drainPerSecond,
        v,
        operatingLimitSeconds,
        basketSeconds,
        costBaseSeconds,
        costPerRowSeconds,
        costCountPerRowSeconds);
  }

  public Limits withOperatingLimitSeconds(double v) {
    return new Limits(
        drainPerSecond,
        threshold,
        v,
        basketSeconds,
        costBaseSeconds,
        costPerRowSeconds,
        costCountPerRowSeconds);
  }

  public Limits withBasketSeconds(int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("basketSeconds must be positive");
    }
    return new Limits(
        drainPerSecond,
        threshold,
        operatingLimitSeconds,
        v,
        costBaseSeconds,
        costPerRowSeconds,
        costCountPerRowSeconds);
  }

  public Limits withCostBaseSeconds(double v) {
    return new Limits(
        drainPerSecond,
        threshold,
        operatingLimitSeconds,
        basketSeconds,
        v,
        costPerRowSeconds,
        costCountPerRowSeconds);
  }

  public Limits withCostPerRowSeconds(double v) {
    return new Limits(
        drainPerSecond,
        threshold,
        operatingLimitSeconds,
        basketSeconds,
        costBaseSeconds,
        v,
        costCountPerRowSeconds);
  }

  public Limits withCostCountPerRowSeconds(double v) {
    return new Limits(
        drainPerSecond,
        threshold,
        operatingLimitSeconds,
        basketSeconds,
        costBaseSeconds,
        costPerRowSeconds,
        v);
  }

  public double drainPerSecond() {
    return drainPerSecond;
  }

  public int threshold() {
    return threshold;
  }

  public double operatingLimitSeconds() {
    return operatingLimitSeconds;
  }

  public int basketSeconds() {
    return basketSeconds;
  }

  public double costBaseSeconds() {
    return costBaseSeconds;
  }

  public double costPerRowSeconds() {
    return costPerRowSeconds;
  }

  public double costCountPerRowSeconds() {
    return costCountPerRowSeconds;
  }

  /** Virtual operating cost of one executed method call. */
  public double cost(long rowsReturned, long countedRows) {
    return costBaseSeconds
        + costPerRowSeconds * rowsReturned
        + costCountPerRowSeconds * countedRows;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("drainPerSecond", drainPerSecond);
    m.put("threshold", threshold);
    m.put("operatingLimitSeconds", operatingLimitSeconds);
    m.put("basketSeconds", basketSeconds);
    m.put("baskets", BASKETS);
    m.put("costBaseSeconds", costBaseSeconds);
    m.put("costPerRowSeconds", costPerRowSeconds);
    m.put("costCountPerRowSeconds", costCountPerRowSeconds);
    return m;
  }

  /** Applies the keys present in {@code m} (control API) on top of this. */
  public Limits merge(Map<String, Object> m) {
    Limits l = this;
    if (m.containsKey("drainPerSecond")) {
      l = l.withDrainPerSecond(Json.asDouble(m.get("drainPerSecond")));
    }
    if (m.containsKey("threshold")) {
      l = l.withThreshold((int) Json.asLong(m.get("threshold"), threshold));
    }
    if (m.containsKey("operatingLimitSeconds")) {
      l = l.withOperatingLimitSeconds(Json.asDouble(m.get("operatingLimitSeconds")));
    }
    if (m.containsKey("basketSeconds")) {
      l = l.withBasketSeconds((int) Json.asLong(m.get("basketSeconds"), basketSeconds));
    }
    if (m.containsKey("costBaseSeconds")) {
      l = l.withCostBaseSeconds(Json.asDouble(m.get("costBaseSeconds")));
    }
    if (m.containsKey("costPerRowSeconds")) {
      l = l.withCostPerRowSeconds(Json.asDouble(m.get("costPerRowSeconds")));
    }
    if (m.containsKey("costCountPerRowSeconds")) {
      l = l.withCostCountPerRowSeconds(Json.asDouble(m.get("costCountPerRowSeconds")));
    }
    return l;
  }

  @Override
  public String toString() {
    return "Limits" + toMap();
  }
}
