package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pacing math, on a fake clock. */
class PortalPacerTest {

  final FakeTicker clock = new FakeTicker();

  @Test
  void bucket_letsABurstThroughThenPacesAtTheDrainRate_neverAboveThresholdMinusMargin()
      throws Exception {
    PortalPacer p = new PortalPacer("k", RateLimits.standard(), clock);
    long start = clock.nanoTime();
    for (int i = 0; i < 48; i++) {
      p.acquireRequest();
    }
    assertEquals(start, clock.nanoTime(), "48 requests fit into the burst");
    for (int i = 0; i < 20; i++) {
      p.acquireRequest();
      assertTrue(p.bucketLevel() <= 48.0 + 1e-6, "level " + p.bucketLevel());
    }
    double waited = (clock.nanoTime() - start) / 1e9;
    assertEquals(10.0, waited, 0.01, "20 more at 2/s take 10 s");
    assertEquals(68, p.stats().requests());
  }

  @Test
  void a503_fillsTheBucket_soTheNextRequestWaits() throws Exception {
    PortalPacer p = new PortalPacer("k", RateLimits.standard(), clock);
    p.acquireRequest();
    p.onQueryLimitExceeded();
    long before = clock.nanoTime();
    p.acquireRequest();
    assertEquals(1.5, (clock.nanoTime() - before) / 1e9, 0.01, "(50 + 1 - 48) / 2");
    assertEquals(1, p.stats().rateLimited());
  }

  @Test
  void enterprisePlan_drainsFaster() throws Exception {
    PortalPacer p = new PortalPacer("k", RateLimits.enterprise(), clock);
    for (int i = 0; i < 258; i++) {
      p.acquireRequest();
    }
    assertEquals(2.0, (clock.nanoTime() - 1_000_000_000L) / 1e9, 0.01, "10 over 248 at 5/s");
  }

  TimeInfo reading(double operating, double resetInSeconds, double duration) {
    double now = clock.epochSeconds();
    return new TimeInfo(
        now - duration, now, duration, duration, operating, (long) Math.ceil(now + resetInSeconds));
  }

  @Test
  void governor_firstCallIsAProbe_thenAdmitsWhatFitsTheBudget() throws Exception {
    RateLimits limits = RateLimits.standard().withOperatingLimit(10);
    PortalPacer p = new PortalPacer("k", limits, clock);
    assertEquals(1, p.admit("crm.deal.list", 50));
    p.record("crm.deal.list", reading(0.5, 60, 0.5), clock.nanoTime());
    // (10 - 0.5) / 0.5 = 19 calls fit, one kept as headroom
    assertEquals(18, p.admit("crm.deal.list", 50));
    assertEquals(5, p.admit("crm.deal.list", 5));
  }

  @Test
  void governor_waitsForTheResetWhenTheNextCallWouldReachTheLimit_thenProbes() throws Exception {
    RateLimits limits = RateLimits.standard().withOperatingLimit(10);
    PortalPacer p = new PortalPacer("k", limits, clock);
    p.admit("crm.deal.list", 1);
    p.record("crm.deal.list", reading(9.2, 30, 0.5), clock.nanoTime());
    long before = clock.nanoTime();
    assertEquals(1, p.admit("crm.deal.list", 50));
    double waited = (clock.nanoTime() - before) / 1e9;
    assertTrue(waited >= 30 && waited < 31.5, "waited " + waited);
    assertEquals(0, p.admit("other.method", 1) - 1, "other methods are not held back");
  }

  @Test
  void governor_learnsTheChargedCostFromTheGrowthOfOperating() throws Exception {
    RateLimits limits = RateLimits.standard().withOperatingLimit(1);
    PortalPacer p = new PortalPacer("k", limits, clock);
    // the portal reports a tiny duration but charges 0.1 s per call
    p.record("m", reading(0.1, 10, 0.0005), clock.nanoTime());
    p.record("m", reading(0.2, 10, 0.0005), clock.nanoTime());
    // (1 - 0.2) / 0.1 = 8, minus headroom
    assertEquals(7, p.admit("m", 50));
  }

  @Test
  void park_holdsTheMethodUntilTheResetTheAnswerNames() throws Exception {
    PortalPacer p = new PortalPacer("k", RateLimits.standard(), clock);
    p.park("m", reading(480, 42, 0), clock.nanoTime());
    long before = clock.nanoTime();
    assertEquals(1, p.admit("m", 10));
    double waited = (clock.nanoTime() - before) / 1e9;
    assertTrue(waited >= 42 && waited < 43.5, "waited " + waited);
    assertEquals(1, p.stats().operatingLimited());
  }

  @Test
  void park_withoutAResetTime_waitsTheConfiguredDefault() throws Exception {
    PortalPacer p =
        new PortalPacer(
            "k", RateLimits.standard().withUnknownResetWait(Duration.ofSeconds(60)), clock);
    p.park("m", TimeInfo.NONE, clock.nanoTime());
    long before = clock.nanoTime();
    p.admit("m", 1);
    double waited = (clock.nanoTime() - before) / 1e9;
    assertTrue(waited >= 60 && waited < 61.5, "waited " + waited);
  }

  @Test
  void methodLocks_serialiseOneMethod_butNotTwo() throws Exception {
    PortalPacer p = new PortalPacer("k", RateLimits.standard(), Ticker.SYSTEM);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    Runnable work =
        () -> {
          try (var l = p.lockMethods(List.of("crm.deal.list"))) {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inside.decrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    List<Thread> threads = List.of(new Thread(work), new Thread(work), new Thread(work));
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, maxInside.get());
    try (var a = p.lockMethods(List.of("crm.deal.list"))) {
      Thread other =
          new Thread(
              () -> {
                try (var b = p.lockMethods(List.of("crm.lead.list"))) {
                  inside.set(42);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      other.start();
      other.join(2000);
      assertEquals(42, inside.get(), "a different method runs meanwhile");
    }
  }
}
