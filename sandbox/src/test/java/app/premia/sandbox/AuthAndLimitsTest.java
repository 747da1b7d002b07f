package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndLimitsTest {
  static SandboxServer server;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Portal portal(String name, Plan plan) {
    return server.createPortal(
        PortalSpec.builder()
            .name(name)
            .seed(11)
            .deals(300)
            .plan(plan)
            .anchorDate(LocalDate.of(2026, 11, 1))
            .build());
  }

  @Test
  void webhookAndOAuthAuthentication() {
    Portal p = portal("auth", Plan.ENTERPRISE);
    String wrong = server.baseUrl() + "/auth/rest/1/0000000000000000/user.current";
    Http.Resp r = Http.get(wrong);
    assertEquals(401, r.status());
    assertEquals("INVALID_CREDENTIALS", r.error());
    assertEquals(200, Http.get(p.webhookUrl() + "profile").status());
    assertEquals(200, Http.get(p.webhookUrl() + "server.time.json/").status());

    String ep = p.clientEndpoint();
    assertEquals("NO_AUTH_FOUND", Http.get(ep + "user.current").error());
    assertEquals("invalid_token", Http.get(ep + "user.current?auth=nope").error());
    OAuthTokens t = p.issueTokens();
    assertEquals(200, Http.get(ep + "user.current?auth=" + t.accessToken()).status());
    assertEquals(
        200, Http.postForm(ep + "crm.deal.list", "auth=" + t.accessToken() + "&start=-1").status());
    Http.Resp info = Http.postJson(ep + "app.info", Map.of("auth", t.accessToken()));
    assertEquals("ru_ent250", ((Map<?, ?>) info.result()).get("LICENSE"));
    assertEquals(true, ((Map<?, ?>) info.result()).get("INSTALLED"));

    p.expireTokens();
    Http.Resp expired = Http.postJson(ep + "user.current", Map.of("auth", t.accessToken()));
    assertEquals(401, expired.status());
    assertEquals("expired_token", expired.error());

    String oauth =
        server.baseUrl() + "/oauth/token/?grant_type=refresh_token&client_id=" + p.clientId();
    Http.Resp refreshed =
        Http.get(
            oauth + "&client_secret=" + p.clientSecret() + "&refresh_token=" + t.refreshToken());
    assertEquals(200, refreshed.status(), refreshed.body());
    Map<String, Object> j = refreshed.json();
    assertEquals(p.memberId(), j.get("member_id"));
    assertEquals(p.clientEndpoint(), j.get("client_endpoint"));
    assertEquals(3600, ((Number) j.get("expires_in")).intValue());
    String access = (String) j.get("access_token");
    assertNotEquals(t.accessToken(), access);
    assertEquals(200, Http.postJson(ep + "user.current", Map.of("auth", access)).status());
    Http.Resp reused =
        Http.get(
            oauth + "&client_secret=" + p.clientSecret() + "&refresh_token=" + t.refreshToken());
    assertEquals(400, reused.status());
    assertEquals("invalid_grant", reused.error());
    Http.Resp badClient =
        Http.get(oauth + "&client_secret=wrong&refresh_token=" + j.get("refresh_token"));
    assertEquals(400, badClient.status());
    assertEquals("invalid_client", badClient.error());
  }

  @Test
  void burstAboveThresholdGets503() {
    Portal p = portal("burst", Plan.STANDARD);
    p.limits(Limits.defaults().withThreshold(10).withDrainPerSecond(0.01));
    int ok = 0;
    int rejected = 0;
    for (int i = 0; i < 20; i++) {
      Http.Resp r = Http.get(p.webhookUrl() + "server.time");
      if (r.status() == 200) {
        ok++;
      } else {
        assertEquals(503, r.status());
        assertEquals("QUERY_LIMIT_EXCEEDED", r.error());
        rejected++;
      }
    }
    assertEquals(11, ok);
    assertEquals(9, rejected);
    assertEquals(9, p.stats().rejected503());
    assertEquals(20, p.stats().requests());
    // a batch counts as one request
    p.limits(Limits.defaults().withThreshold(2).withDrainPerSecond(0.01));
    Http.Resp b =
        Http.postJson(
            p.webhookUrl() + "batch",
            Map.of("cmd", List.of("server.time", "server.time", "server.time", "server.time")));
    assertEquals(200, b.status());
  }

  @Test
  void operatingTimeLimitGives429PerMethod() {
    Portal p = portal("operating", Plan.STANDARD);
    // 10 baskets of 60 s, limit 0.05 s; a counted deal page costs ~0.004+50*0.0004+300*0.00002 =
    // 0.03 s
    p.limits(Limits.unlimited().withOperatingLimitSeconds(0.05).withBasketSeconds(60));
    Http.Resp first = Http.get(p.webhookUrl() + "crm.deal.list");
    assertEquals(200, first.status());
    Map<?, ?> time = (Map<?, ?>) first.json().get("time");
    double operating = ((Number) time.get("operating")).doubleValue();
    assertEquals(0.004 + 50 * 0.0004 + 300 * 0.00002, operating, 1e-9);
    long resetAt = ((Number) time.get("operating_reset_at")).longValue();
    assertTrue(resetAt > System.currentTimeMillis() / 1000);
    assertEquals(200, Http.get(p.webhookUrl() + "crm.deal.list").status());
    Http.Resp blocked = Http.get(p.webhookUrl() + "crm.deal.list");
    assertEquals(429, blocked.status());
    assertEquals("OPERATION_TIME_LIMIT", blocked.error());
    // other methods still work
    assertEquals(200, Http.get(p.webhookUrl() + "crm.lead.list?start=-1").status());
    // in a batch the blocked method fails, others pass
    Http.Resp b =
        Http.postJson(
            p.webhookUrl() + "batch",
            Map.of("cmd", Map.of("d", "crm.deal.list", "t", "server.time")));
    assertTrue(b.body().contains("OPERATION_TIME_LIMIT"));
    assertEquals(2, p.stats().rejected429());
    // an OAuth app is a different principal with its own budget
    OAuthTokens t = p.issueTokens();
    assertEquals(
        200, Http.get(p.clientEndpoint() + "crm.deal.list?auth=" + t.accessToken()).status());
  }
}
