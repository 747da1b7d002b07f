package app.premia.crm.infrastructure.bitrix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces every request Premia sends to one portal, shared by all clients and threads that talk to it
 * (see {@link BitrixPortals}), so that normal operation meets neither limit of the portal.
 *
 * <ul>
 *   <li><b>Leaky bucket</b> (HTTP 503 {@code QUERY_LIMIT_EXCEEDED}): a counter mirroring the
 *       portal's, +1 per request, draining {@code drainPerSecond}; a request that would lift it
 *       above {@code threshold − margin} waits {@code (level + 1 − (threshold − margin)) / drain}
 *       seconds. Slots are reserved in arrival order, so waiting threads keep their turn. A 503
 *       tells the pacer the portal's bucket is full (someone else shares it): the counter jumps to
 *       the threshold.
 *   <li><b>Operating-time governor</b> (HTTP 429 {@code OPERATION_TIME_LIMIT}): per method, the
 *       last {@code time.operating} and {@code time.operating_reset_at} the portal reported, plus
 *       the cost of calls made since without a reading, and as the expected cost of the next call
 *       the largest of the last 16 samples (a sample is the growth of {@code operating} between two
 *       readings, or the call's {@code duration} when that is larger or there is no reading). A
 *       call (or {@code k} sub-commands of one batch) is admitted while {@code operating + (k + 1)
 *       × expected < limit}; otherwise the method waits until {@code operating_reset_at} (+ jitter)
 *       and then sends one probe whose answer gives the new value.
 *   <li><b>One call per method</b>: a fair lock per method; different methods run in parallel.
 * </ul>
 */
public final class PortalPacer {

  private static final int COST_SAMPLES = 16;

  private final String portalKey;
  private final RateLimits limits;
  private final Ticker ticker;

  private final Object bucket = new Object();
  private double level;
  private long levelAtNanos;

  private final ConcurrentHashMap<String, MethodBudget> methods = new ConcurrentHashMap<>();

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong throttledNanos = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong operatingLimited = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong redirects = new AtomicLong();

  public PortalPacer(String portalKey, RateLimits limits, Ticker ticker) {
    this.portalKey = portalKey;
    this.limits = limits;
    this.ticker = ticker;
    this.levelAtNanos = ticker.nanoTime();
  }

  public String portalKey() {
    return portalKey;
  }

  public RateLimits limits() {
    return limits;
  }

  /**
   * Waits until one more request keeps the bucket at most {@code threshold − margin}; counts it.
   */
  public void acquireRequest() throws InterruptedException {
    long wait;
    synchronized (bucket) {
      drain(ticker.nanoTime());
      level += 1;
      double over = level - (limits.threshold() - limits.margin());
      wait = over > 0 ? (long) Math.ceil(over / limits.drainPerSecond() * 1e9) : 0;
    }
    requests.incrementAndGet();
    sleep(wait);
  }

  /** The portal answered 503: its bucket is full, whatever ours says. */
  public void onQueryLimitExceeded() {
    rateLimited.incrementAndGet();
    synchronized (bucket) {
      drain(ticker.nanoTime());
      level = Math.max(level, limits.threshold());
    }
  }

  /** The client-side bucket level now (for tests and diagnostics). */
  public double bucketLevel() {
    synchronized (bucket) {
      drain(ticker.nanoTime());
      return level;
    }
  }

  private void drain(long now) {
    double elapsed = (now - levelAtNanos) / 1e9;
    if (elapsed > 0) {
      level = Math.max(0, level - elapsed * limits.drainPerSecond());
      levelAtNanos = now;
    }
  }

  /**
   * Waits until {@code method} may run and answers how many calls of it (up to {@code wanted}, at
   * least 1) fit into its operating-time budget now. The first call of a method is a probe of one.
   */
  public int admit(String method, int wanted) throws InterruptedException {
    MethodBudget b = budget(method);
    while (true) {
      long wait;
      synchronized (b) {
        long now = ticker.nanoTime();
        if (b.parkedUntilNanos > now) {
          wait = b.parkedUntilNanos - now;
        } else if (b.operating == null) {
          return b.costCount == 0 ? 1 : wanted;
        } else {
          double expected = b.expectedCost(limits.initialCostSeconds());
          double room = limits.operatingLimitSeconds() - b.operating;
          int fit = (int) Math.min(Integer.MAX_VALUE, Math.floor(room / expected)) - 1;
          if (fit >= 1) {
            return Math.min(wanted, fit);
          }
          long resetAt =
              b.resetAtNanos != 0
                  ? b.resetAtNanos
                  : b.readingAtNanos + limits.unknownResetWait().toNanos();
          if (now >= resetAt) {
            return 1; // the reading is outdated: one probe learns the new value
          }
          wait = resetAt - now + jitterNanos();
        }
      }
      sleep(wait);
    }
  }

  /** Takes note of a call's {@code time} (or one batch sub-command's {@code result_time}). */
  public void record(String method, TimeInfo time, long receivedAtNanos) {
    MethodBudget b = budget(method);
    synchronized (b) {
      Double cost = time.cost();
      if (time.operating() != null && b.lastReported != null && time.operating() > b.lastReported) {
        // what the portal charged since its previous reading: the truest cost sample there is
        cost = Math.max(cost == null ? 0 : cost, time.operating() - b.lastReported);
      }
      if (cost != null && cost >= 0) {
        b.addCost(cost);
      }
      if (time.operating() != null) {
        b.lastReported = time.operating();
        b.operating = time.operating();
        b.readingAtNanos = receivedAtNanos;
        b.resetAtNanos = time.operatingResetAt() == null ? 0 : localNanos(time, receivedAtNanos);
      } else if (b.operating != null && cost != null && cost > 0) {
        b.operating += cost;
      }
    }
  }

  /**
   * The portal answered {@code OPERATION_TIME_LIMIT} for {@code method}: park it until the reset
   * time the answer (or the last reading) names, else for {@code unknownResetWait}, plus jitter.
   */
  public void park(String method, TimeInfo time, long receivedAtNanos) {
    operatingLimited.incrementAndGet();
    MethodBudget b = budget(method);
    synchronized (b) {
      long now = receivedAtNanos;
      long until;
      if (time.operatingResetAt() != null && localNanos(time, now) > now) {
        until = localNanos(time, now);
      } else if (b.resetAtNanos > now) {
        until = b.resetAtNanos;
      } else {
        until = now + limits.unknownResetWait().toNanos();
      }
      until += jitterNanos();
      b.parkedUntilNanos = Math.max(b.parkedUntilNanos, until);
      b.operating = Math.max(b.operating == null ? 0 : b.operating, limits.operatingLimitSeconds());
      b.readingAtNanos = now;
      b.resetAtNanos = b.parkedUntilNanos;
    }
  }

  /** The portal's Unix time in {@code time} turned into this JVM's nanosecond clock. */
  private long localNanos(TimeInfo time, long receivedAtNanos) {
    double serverNow =
        time.finish() != null
            ? time.finish()
            : time.start() != null ? time.start() : ticker.currentTimeMillis() / 1000.0;
    double delta = time.operatingResetAt() - serverNow;
    return receivedAtNanos + (long) (delta * 1e9);
  }

  /**
   * Locks the given methods for this portal, in name order (no deadlock between threads locking
   * overlapping sets); close the result to release them.
   */
  public MethodLocks lockMethods(Collection<String> names) throws InterruptedException {
    List<ReentrantLock> held = new ArrayList<>();
    try {
      for (String name : new TreeSet<>(names)) {
        ReentrantLock lock = budget(name).lock;
        lock.lockInterruptibly();
        held.add(lock);
      }
    } catch (InterruptedException e) {
      new MethodLocks(held).close();
      throw e;
    }
    return new MethodLocks(held);
  }

  /** Held method locks; {@link #close()} releases them. */
  public static final class MethodLocks implements AutoCloseable {
    private final List<ReentrantLock> held;

    private MethodLocks(List<ReentrantLock> held) {
      this.held = held;
    }

    @Override
    public void close() {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).unlock();
      }
      held.clear();
    }
  }

  /** Whether another thread holds the method's lock now (diagnostics). */
  public boolean isBusy(String method) {
    return budget(method).lock.isLocked();
  }

  void countRows(long n) {
    rows.addAndGet(n);
  }

  void countRetry() {
    retries.incrementAndGet();
  }

  void countRefresh() {
    refreshes.incrementAndGet();
  }

  void countRedirect() {
    redirects.incrementAndGet();
  }

  /** Waits outside any lock, counting the wait. */
  void sleep(long nanos) throws InterruptedException {
    if (nanos <= 0) {
      return;
    }
    waits.incrementAndGet();
    throttledNanos.addAndGet(nanos);
    ticker.sleepNanos(nanos);
  }

  public PacerStats stats() {
    return new PacerStats(
        requests.get(),
        rows.get(),
        waits.get(),
        throttledNanos.get() / 1_000_000,
        rateLimited.get(),
        operatingLimited.get(),
        retries.get(),
        refreshes.get(),
        redirects.get());
  }

  private MethodBudget budget(String method) {
    return methods.computeIfAbsent(method, m -> new MethodBudget());
  }

  private static long jitterNanos() {
    return ThreadLocalRandom.current().nextLong(50_000_000L, 250_000_000L);
  }

  private static final class MethodBudget {
    final ReentrantLock lock = new ReentrantLock(true);
    Double operating;
    Double lastReported;
    long readingAtNanos;
    long resetAtNanos;
    long parkedUntilNanos;
    final double[] costs = new double[COST_SAMPLES];
    int costCount;
    int costNext;

    void addCost(double c) {
      costs[costNext] = c;
      costNext = (costNext + 1) % COST_SAMPLES;
      costCount = Math.min(costCount + 1, COST_SAMPLES);
    }

    double expectedCost(double initial) {
      if (costCount == 0) {
        return initial;
      }
      double max = 0;
      for (int i = 0; i < costCount; i++) {
        max = Math.max(max, costs[i]);
      }
      return Math.max(max, 1e-4);
    }
  }
}
