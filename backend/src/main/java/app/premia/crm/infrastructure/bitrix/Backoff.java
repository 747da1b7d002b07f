package app.premia.crm.infrastructure.bitrix;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
final class Backoff {

  private Backoff() {}

  /**
   * The wait before attempt {@code attempt + 1}: {@code min(cap, base × 2^(attempt−1))}, jittered.
   */
  static long delayNanos(int attempt, Duration base, Duration cap) {
    double step = base.toNanos() * Math.pow(2, Math.max(0, attempt - 1));
    long capped = (long) Math.min(cap.toNanos(), step);
    long half = capped / 2;
    return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
  }
}
