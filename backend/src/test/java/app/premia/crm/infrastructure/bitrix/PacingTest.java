package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.sandbox.Limits;
import app.premia.sandbox.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pacer keeps a real sync clear of both portal limits, over HTTP. */
class PacingTest {

  @Test
  void fullSyncOf20kDeals_withDefaultLimits_getsNo503AndNo429_inAFewSeconds() {
    Portal p = Sandbox.portal("pacing", 20_000);
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    BitrixClient client = new BitrixPortals().client(Sandbox.webhook(p));
    TreeMap<Long, String> seen = new TreeMap<>();
    long start = System.nanoTime();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, Truth.FIELDS),
        0,
        (rows, lastId) ->
            rows.forEach(r -> seen.put(Long.parseLong(r.getString("ID")), Truth.checksum(r))));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(truth, seen);
    assertEquals(0, p.stats().rejected503(), "no QUERY_LIMIT_EXCEEDED");
    assertEquals(0, p.stats().rejected429(), "no OPERATION_TIME_LIMIT");
    assertTrue(seconds < 20, "took " + seconds + " s");
    assertTrue(p.stats().requests() <= 15, "requests " + p.stats().requests());
    assertEquals(20_000, client.stats().rows());
  }

  @Test
  void parallelThreadsOnATightBucket_areSpacedOut_withNo503() throws Exception {
    Portal p = Sandbox.portal("bucket", 200);
    p.limits(Limits.defaults().withDrainPerSecond(10).withThreshold(10));
    BitrixPortals portals = new BitrixPortals();
    RateLimits tight = RateLimits.standard().withRate(10, 10);
    List<String> methods =
        List.of(
            "crm.deal.list",
            "crm.lead.list",
            "crm.contact.list",
            "crm.company.list",
            "user.get",
            "server.time");
    ExecutorService pool = Executors.newFixedThreadPool(methods.size());
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String m : methods) {
        // each thread its own client: pacing is shared through the registry, per portal
        BitrixClient c =
            portals.client(Sandbox.webhook(p), tight, TokenListener.NONE, PortalMovedListener.NONE);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    c.call(m, Json.createObjectBuilder().add("start", -1).build());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(60, p.stats().requests());
    assertEquals(0, p.stats().rejected503());
    // 8 go at once, the other 52 at 10/s
    assertTrue(seconds > 4.5, "too fast to be paced: " + seconds);
    PortalPacer pacer = portals.pacer(Sandbox.webhook(p).portalKey()).orElseThrow();
    assertTrue(pacer.stats().waits() > 0);
  }

  @Test
  void clientsOfOnePortal_shareOnePacer() {
    Portal p = Sandbox.portal("shared", 10);
    BitrixPortals portals = new BitrixPortals();
    BitrixClient a = portals.client(Sandbox.webhook(p));
    BitrixClient b =
        portals.client(PortalCredentials.webhook(p.webhookUrl() + "crm.deal.list.json"));
    assertSame(a.pacer(), b.pacer());
    JsonObject none = Json.createObjectBuilder().build();
    a.call("server.time", none);
    b.call("server.time", none);
    assertEquals(2, a.stats().requests());
  }
}
