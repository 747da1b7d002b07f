package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.premia.sandbox.OAuthTokens;
import app.premia.sandbox.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** OAuth: refresh on expired_token, rotation reported, single-flight, re-auth on invalid_grant. */
class TokenRefreshTest {

  static final JsonObject NO_PARAMS = Json.createObjectBuilder().build();

  static PortalCredentials.OAuth credentials(Portal p, OAuthTokens t) {
    return PortalCredentials.oauth(
        URI.create(p.clientEndpoint()),
        p.memberId(),
        t.accessToken(),
        t.refreshToken(),
        Sandbox.tokenUrl(),
        p.clientId(),
        p.clientSecret());
  }

  @Test
  void expiredToken_isRefreshedOnce_rotationReported_andTheCallRepeated() {
    Portal p = Sandbox.portal("oauth", 100);
    OAuthTokens issued = p.issueTokens();
    List<TokenPair> rotated = new CopyOnWriteArrayList<>();
    BitrixClient client =
        new BitrixPortals()
            .client(
                credentials(p, issued),
                RateLimits.standard(),
                (key, pair) -> rotated.add(pair),
                PortalMovedListener.NONE);
    client.call("crm.deal.list", NO_PARAMS);
    p.expireTokens();
    BitrixResponse r = client.call("crm.deal.list", NO_PARAMS);
    assertEquals(50, r.result().asJsonArray().size());
    assertEquals(1, rotated.size());
    assertNotEquals(issued.accessToken(), rotated.get(0).accessToken());
    assertNotEquals(issued.refreshToken(), rotated.get(0).refreshToken());
    assertEquals(p.memberId(), rotated.get(0).memberId());
    assertEquals(1, client.stats().refreshes());
    assertFalse(rotated.get(0).toString().contains(rotated.get(0).refreshToken()));

    // the first refresh token is spent: a process that still holds it must re-authorize
    BitrixClient stale = new BitrixPortals().client(credentials(p, issued));
    p.expireTokens();
    BitrixException e =
        assertThrows(BitrixException.class, () -> stale.call("crm.deal.list", NO_PARAMS));
    assertEquals(BitrixException.Kind.NEEDS_REAUTH, e.kind());
    for (String secret : List.of(issued.accessToken(), issued.refreshToken(), p.clientSecret())) {
      assertFalse(e.getMessage().contains(secret), e.getMessage());
    }
    // and it stays dead without asking the OAuth server again
    assertEquals(
        BitrixException.Kind.NEEDS_REAUTH,
        assertThrows(BitrixException.class, () -> stale.call("server.time", NO_PARAMS)).kind());
  }

  @Test
  void concurrentCallersOnAnExpiredToken_produceExactlyOneRefresh() throws Exception {
    Portal p = Sandbox.portal("oauthmany", 100);
    List<TokenPair> rotated = new CopyOnWriteArrayList<>();
    BitrixPortals portals = new BitrixPortals();
    PortalCredentials.OAuth creds = credentials(p, p.issueTokens());
    p.expireTokens();
    List<String> methods =
        List.of(
            "crm.deal.list",
            "crm.lead.list",
            "crm.contact.list",
            "crm.company.list",
            "crm.activity.list",
            "user.get",
            "department.get",
            "server.time");
    ExecutorService pool = Executors.newFixedThreadPool(methods.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<BitrixResponse>> answers = new ArrayList<>();
      for (String m : methods) {
        BitrixClient c =
            portals.client(
                creds,
                RateLimits.standard(),
                (k, pair) -> rotated.add(pair),
                PortalMovedListener.NONE);
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return c.call(m, NO_PARAMS);
                }));
      }
      go.countDown();
      for (Future<BitrixResponse> f : answers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, rotated.size(), "one refresh for all callers");
    assertEquals(1, portals.pacer(creds.portalKey()).orElseThrow().stats().refreshes());
  }

  @Test
  void unknownAccessToken_isRefreshedOnce_thenWorks() {
    Portal p = Sandbox.portal("oauthinvalid", 10);
    OAuthTokens t = p.issueTokens();
    PortalCredentials.OAuth creds =
        PortalCredentials.oauth(
            URI.create(p.clientEndpoint()),
            p.memberId(),
            "not-a-token-anymore",
            t.refreshToken(),
            Sandbox.tokenUrl(),
            p.clientId(),
            p.clientSecret());
    BitrixClient client = new BitrixPortals().client(creds);
    client.call("server.time", NO_PARAMS);
    assertEquals(1, client.stats().refreshes());
  }
}
