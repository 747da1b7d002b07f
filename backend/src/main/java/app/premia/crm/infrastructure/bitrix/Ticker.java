package app.premia.crm.infrastructure.bitrix;

/** The client's source of time and its way of waiting, so pacing can be tested without sleeping. */
public interface Ticker {

  /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock milliseconds since the epoch, as {@link System#currentTimeMillis()}. */
  long currentTimeMillis();

  /** Waits this many nanoseconds (nothing for zero or less). */
  void sleepNanos(long nanos) throws InterruptedException;

  /** The real clock. */
  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };
}
