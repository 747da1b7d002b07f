package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.sandbox.Limits;
import app.premia.sandbox.Portal;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A portal whose operating-time limit is tiny (1 s per 10 × 1 s baskets, about 40 pages): the
 * governor spreads the export over the baskets so that the portal never answers 429.
 */
class OperatingGovernorTest {

  @Test
  void tinyOperatingLimit_fullExportWithNo429_andCorrectData() {
    Portal p = Sandbox.portal("operating", 3_000);
    p.limits(Limits.defaults().withOperatingLimitSeconds(1).withBasketSeconds(1));
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    RateLimits limits =
        RateLimits.standard().withOperatingLimit(1).withUnknownResetWait(Duration.ofSeconds(2));
    BitrixClient client =
        new BitrixPortals()
            .client(Sandbox.webhook(p), limits, TokenListener.NONE, PortalMovedListener.NONE);
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
    assertEquals(0, p.stats().rejected429(), "no OPERATION_TIME_LIMIT");
    assertEquals(0, p.stats().rejected503());
    assertTrue(client.stats().waits() > 0, "the governor had to wait for a basket");
    double charged = p.stats().methods().get("crm.deal.list").operatingSeconds();
    assertTrue(charged > 1, "the export needed more than one window: " + charged);
    assertTrue(seconds < 40, "took " + seconds);
  }

  @Test
  void aClientThatDoesNotKnowTheLimit_isParkedBy429s_andStillReadsEverything() {
    Portal p = Sandbox.portal("operating429", 300);
    p.limits(Limits.defaults().withOperatingLimitSeconds(0.08).withBasketSeconds(1));
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    // the client believes in the standard 480 s, so only the portal's 429 can stop it
    BitrixClient client =
        new BitrixPortals()
            .client(
                Sandbox.webhook(p),
                RateLimits.standard().withUnknownResetWait(Duration.ofSeconds(2)),
                TokenListener.NONE,
                PortalMovedListener.NONE);
    TreeMap<Long, String> seen = new TreeMap<>();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, Truth.FIELDS),
        0,
        (rows, lastId) ->
            rows.forEach(r -> seen.put(Long.parseLong(r.getString("ID")), Truth.checksum(r))));
    assertEquals(truth, seen);
    assertTrue(p.stats().rejected429() >= 1, "the portal did block the method");
    assertEquals(p.stats().rejected429(), client.stats().operatingLimited());
    assertTrue(client.stats().waits() > 0, "the method was parked");
  }
}
