package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlApiTest {
  static SandboxServer server;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void controlApiMirrorsTheJavaApi() {
    String c = server.baseUrl() + "/_sandbox/portals";
    Http.Resp created =
        Http.postJson(
            c,
            Map.of(
                "name",
                "ctl",
                "seed",
                4,
                "deals",
                400,
                "plan",
                "enterprise",
                "anchorDate",
                "2026-11-01"));
    assertEquals(200, created.status(), created.body());
    Map<String, Object> d = created.json();
    assertEquals(Ids.memberId("ctl"), d.get("memberId"));
    assertEquals(400, ((Number) ((Map<?, ?>) d.get("counts")).get("deal")).intValue());
    Http.Resp list = Http.get(c);
    assertTrue(list.body().contains("\"ctl\""));
    Portal p = server.portal("ctl");
    assertEquals(Plan.ENTERPRISE, p.plan());
    assertEquals(250, p.limits().threshold());

    Http.Resp snap = Http.get(c + "/ctl/snapshot/deal");
    List<Object> rows =
        Json.MAPPER.convertValue(Json.readMap("{\"r\":" + snap.body() + "}").get("r"), List.class);
    assertEquals(400, rows.size());
    assertEquals(p.snapshot("deal").get(0), rows.get(0));

    Http.Resp limits =
        Http.postJson(c + "/ctl/limits", Map.of("threshold", 1000, "drainPerSecond", 1000));
    assertEquals(1000, ((Number) limits.json().get("threshold")).intValue());
    assertEquals(1000, p.limits().threshold());
    Http.Resp faults = Http.postJson(c + "/ctl/faults", Map.of("hostileRows", 3));
    assertEquals(3, ((Number) faults.json().get("hostileRows")).intValue());
    // 400 real deals + 3 hostile rows
    Number total = (Number) Http.get(p.webhookUrl() + "crm.deal.list").json().get("total");
    assertEquals(403, total.intValue());
    Http.postJson(c + "/ctl/faults", Map.of("hostileRows", 0));

    Http.Resp tokens = Http.postJson(c + "/ctl/tokens", Map.of());
    String access = (String) tokens.json().get("access_token");
    assertEquals(200, Http.get(p.clientEndpoint() + "server.time?auth=" + access).status());
    Http.postJson(c + "/ctl/tokens/expire", Map.of());
    assertEquals(
        "expired_token", Http.get(p.clientEndpoint() + "server.time?auth=" + access).error());

    Http.Resp ch =
        Http.postJson(
            c + "/ctl/changes",
            Map.of(
                "ops",
                List.of(
                    Map.of("op", "createDeal", "OPPORTUNITY", "1000.5"),
                    Map.of(
                        "op",
                        "hire",
                        "name",
                        "Ирина",
                        "lastName",
                        "Соколова",
                        "departmentId",
                        3,
                        "position",
                        "Менеджер по привлечению",
                        "hiredOn",
                        "2026-11-02")),
                "delivery",
                Map.of("duplicatesMin", 1, "duplicatesMax", 1)));
    assertEquals(200, ch.status(), ch.body());
    assertEquals(2, ((Number) ch.json().get("applied")).intValue());
    List<Object> ids = (List<Object>) ch.json().get("createdIds");
    Map<String, Object> deal = p.snapshot("deal").get(400);
    assertEquals(String.valueOf(ids.get(0)), deal.get("ID"));
    assertEquals("1000.50", deal.get("OPPORTUNITY"));
    // changes are stamped by the portal clock: the wall clock, after all generated data
    java.time.Instant modified =
        java.time.OffsetDateTime.parse(deal.get("DATE_MODIFY").toString()).toInstant();
    assertTrue(
        !modified.isBefore(java.time.Instant.now().minusSeconds(120)),
        "DATE_MODIFY " + modified + " comes from the wall clock");
    Http.Resp bad =
        Http.postJson(c + "/ctl/changes", Map.of("ops", List.of(Map.of("op", "win", "dealId", 0))));
    assertEquals(400, bad.status());
    assertEquals("INVALID_OP", bad.error());
    Http.Resp random = Http.postJson(c + "/ctl/changes/random", Map.of("count", 20, "seed", 5));
    assertTrue(((Number) random.json().get("applied")).intValue() > 10);
    Http.Resp await = Http.postJson(c + "/ctl/deliveries/await", Map.of());
    assertEquals(200, await.status());
    Http.Resp stats = Http.get(c + "/ctl/stats");
    assertTrue(((Number) stats.json().get("requests")).intValue() > 0);
    Http.postJson(c + "/ctl/stats/reset", Map.of());
    assertEquals(0, p.stats().requests());
    Http.Resp unknown = Http.get(c + "/nope/snapshot/deal");
    assertEquals(400, unknown.status());
    assertEquals("INVALID_REQUEST", unknown.error());
  }
}
