package app.premia.crm.infrastructure.bitrix;

/** A clock that only moves when someone sleeps (or a test advances it). */
final class FakeTicker implements Ticker {
  private long nanos = 1_000_000_000L;
  private final long epochMillisAtStart = 1_724_916_859_000L;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized long currentTimeMillis() {
    return epochMillisAtStart + (nanos - 1_000_000_000L) / 1_000_000;
  }

  @Override
  public synchronized void sleepNanos(long n) {
    if (n > 0) {
      nanos += n;
    }
  }

  synchronized void advanceSeconds(double s) {
    nanos += (long) (s * 1e9);
  }

  /** The Unix time this clock shows, in seconds. */
  synchronized double epochSeconds() {
    return currentTimeMillis() / 1000.0;
  }
}
