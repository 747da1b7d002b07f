package app.premia.crm.infrastructure.bitrix;

import java.time.Duration;

/**
 * The limits one portal enforces, mirrored by its {@link PortalPacer}.
 *
 * @param drainPerSecond how fast the portal's request counter drains (2 standard, 5 Enterprise)
 * @param threshold the counter value above which the portal answers 503 (50, or 250)
 * @param margin how far below the threshold the client keeps its own counter (2)
 * @param operatingLimitSeconds accumulated execution time per method per 10 minutes (480)
 * @param unknownResetWait how long to park a method when the portal gave no reset time (60 s)
 * @param initialCostSeconds the assumed execution time of one call before any was measured
 */
public record RateLimits(
    double drainPerSecond,
    int threshold,
    int margin,
    double operatingLimitSeconds,
    Duration unknownResetWait,
    double initialCostSeconds) {

  public RateLimits {
    if (!(drainPerSecond > 0) || threshold < 1 || margin < 0 || margin >= threshold) {
      throw new IllegalArgumentException("rate limits need drain > 0 and 0 <= margin < threshold");
    }
    if (!(operatingLimitSeconds > 0) || !(initialCostSeconds > 0)) {
      throw new IllegalArgumentException("operating limit and initial cost must be positive");
    }
  }

  /** Every plan but Enterprise: drain 2/s, threshold 50, 480 s operating time. */
  public static RateLimits standard() {
    return new RateLimits(2, 50, 2, 480, Duration.ofSeconds(60), 0.05);
  }

  /** Enterprise plans: drain 5/s, threshold 250. */
  public static RateLimits enterprise() {
    return new RateLimits(5, 250, 2, 480, Duration.ofSeconds(60), 0.05);
  }

  public RateLimits withRate(double drainPerSecond, int threshold) {
    return new RateLimits(
        drainPerSecond,
        threshold,
        margin,
        operatingLimitSeconds,
        unknownResetWait,
        initialCostSeconds);
  }

  public RateLimits withMargin(int margin) {
    return new RateLimits(
        drainPerSecond,
        threshold,
        margin,
        operatingLimitSeconds,
        unknownResetWait,
        initialCostSeconds);
  }

  public RateLimits withOperatingLimit(double seconds) {
    return new RateLimits(
        drainPerSecond, threshold, margin, seconds, unknownResetWait, initialCostSeconds);
  }

  public RateLimits withUnknownResetWait(Duration wait) {
    return new RateLimits(
        drainPerSecond, threshold, margin, operatingLimitSeconds, wait, initialCostSeconds);
  }

  public RateLimits withInitialCost(double seconds) {
    return new RateLimits(
        drainPerSecond, threshold, margin, operatingLimitSeconds, unknownResetWait, seconds);
  }
}
