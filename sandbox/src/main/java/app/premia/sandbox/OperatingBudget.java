package app.premia.sandbox;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Accumulated (virtual) execution time per (method, principal) in {@link Limits#BASKETS} baskets of
 * {@code basketSeconds}, aligned to the wall clock.
 */
final class OperatingBudget {
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  static final class Window {
    private final long[] idx = new long[Limits.BASKETS];
    private final double[] sum = new double[Limits.BASKETS];

    Window() {
      java.util.Arrays.fill(idx, Long.MIN_VALUE);
    }

    synchronized double total(long now) {
      double t = 0;
      for (int i = 0; i < idx.length; i++) {
        if (idx[i] > now - Limits.BASKETS) {
          t += sum[i];
        }
      }
      return t;
    }

    synchronized long oldest(long now) {
      long o = Long.MAX_VALUE;
      for (int i = 0; i < idx.length; i++) {
        if (idx[i] > now - Limits.BASKETS && sum[i] > 0) {
          o = Math.min(o, idx[i]);
        }
      }
      return o == Long.MAX_VALUE ? now : o;
    }

    synchronized void add(long now, double cost) {
      int slot = (int) Math.floorMod(now, (long) Limits.BASKETS);
      if (idx[slot] != now) {
        idx[slot] = now;
        sum[slot] = 0;
      }
      sum[slot] += cost;
    }
  }

  record State(double operating, long resetAt) {}

  private static long basket(Limits l) {
    return Math.floorDiv(System.currentTimeMillis() / 1000, l.basketSeconds());
  }

  private Window window(String key) {
    return windows.computeIfAbsent(key, k -> new Window());
  }

  /**
   * True when the method is blocked for this principal (accumulated value at or over the limit).
   */
  boolean blocked(String key, Limits l) {
    return window(key).total(basket(l)) >= l.operatingLimitSeconds();
  }

  State charge(String key, Limits l, double cost) {
    long now = basket(l);
    Window w = window(key);
    w.add(now, cost);
    return state(w, now, l);
  }

  State state(String key, Limits l) {
    long now = basket(l);
    return state(window(key), now, l);
  }

  private static State state(Window w, long now, Limits l) {
    long oldest = w.oldest(now);
    return new State(w.total(now), (oldest + Limits.BASKETS) * l.basketSeconds());
  }

  void reset() {
    windows.clear();
  }
}
