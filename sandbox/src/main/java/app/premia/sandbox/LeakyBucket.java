package app.premia.sandbox;

/** Bitrix24's request-rate limiter: +1 per HTTP request, drains continuously. */
final class LeakyBucket {
  private double level;
  private long last = System.nanoTime();

  /** Adds one request unless the counter is above the threshold (then rejects: 503). */
  synchronized boolean tryAcquire(Limits l) {
    long now = System.nanoTime();
    level = Math.max(0, level - (now - last) / 1e9 * l.drainPerSecond());
    last = now;
    if (level > l.threshold()) {
      return false;
    }
    level += 1;
    return true;
  }

  synchronized double level() {
    return level;
  }

  synchronized void reset() {
    level = 0;
    last = System.nanoTime();
  }
}
