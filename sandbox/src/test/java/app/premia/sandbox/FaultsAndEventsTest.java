package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsAndEventsTest {
  static SandboxServer server;
  static HttpServer handler;
  static final List<Map<String, Object>> received = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws IOException {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
    handler = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    handler.createContext(
        "/hook",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, Object> m = PhpForm.parse(body);
          m.put("__path", ex.getRequestURI().getPath());
          received.add(m);
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    handler.start();
  }

  @AfterAll
  static void stop() {
    handler.stop(0);
    server.close();
  }

  static Portal portal(String name) {
    Portal p =
        server.createPortal(
            PortalSpec.builder()
                .name(name)
                .seed(5)
                .deals(500)
                .anchorDate(LocalDate.of(2026, 11, 1))
                .build());
    p.limits(Limits.unlimited());
    return p;
  }

  static String hook(String path) {
    return "http://127.0.0.1:" + handler.getAddress().getPort() + "/hook/" + path;
  }

  private static List<String> outcomes(Portal p, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        out.add(Integer.toString(Http.get(p.webhookUrl() + "server.time").status()));
      } catch (Http.UncheckedIO e) {
        out.add("drop");
      }
    }
    return out;
  }

  @Test
  void faultsAreDeterministic() {
    Portal p = portal("faulty");
    Faults f =
        Faults.none()
            .withError5xxRate(0.2)
            .withDropRate(0.1)
            .withSlowRate(0.1, Duration.ofMillis(20))
            .withSeed(99);
    p.faults(f);
    List<String> a = outcomes(p, 40);
    p.faults(f);
    List<String> b = outcomes(p, 40);
    assertEquals(a, b);
    assertTrue(a.contains("500") || a.contains("502"), a.toString());
    assertTrue(a.contains("drop"), a.toString());
    assertTrue(a.contains("200"));
    p.faults(Faults.none());
    assertFalse(outcomes(p, 10).stream().anyMatch(s -> !s.equals("200")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void hostileRowsAreServedButNotInSnapshots() {
    Portal p = portal("hostile");
    int real = p.snapshot("deal").size();
    p.faults(Faults.none().withHostileRows(20));
    assertEquals(real, p.snapshot("deal").size());
    Http.Resp all =
        Http.postJson(
            p.webhookUrl() + "crm.deal.list", Map.of("select", List.of("ID", "STAGE_ID")));
    assertEquals(real + 20, ((Number) all.json().get("total")).intValue());
    Http.Resp tail =
        Http.postJson(
            p.webhookUrl() + "crm.deal.list",
            Map.of(
                "filter",
                Map.of(">ID", real),
                "order",
                Map.of("ID", "ASC"),
                "select",
                List.of("ID", "STAGE_ID", "OPPORTUNITY"),
                "start",
                -1));
    List<Map<String, Object>> rows = tail.rows();
    assertEquals(20, rows.size());
    assertFalse(rows.get(0).containsKey("STAGE_ID"));
    assertEquals("1 000,50", rows.get(1).get("OPPORTUNITY"));
    assertTrue(rows.get(2).get("OPPORTUNITY") instanceof Map);
    assertTrue(((String) rows.get(3).get("ID")).startsWith("X"));
    assertEquals("C9:NOPE", rows.get(4).get("STAGE_ID"));
    assertEquals(200_000, ((String) rows.get(5).get("TITLE")).length());
    assertEquals("yesterday", rows.get(6).get("DATE_MODIFY"));
    assertTrue(rows.get(7).get("ASSIGNED_BY_ID") instanceof List);
    p.faults(Faults.none());
    assertEquals(
        real,
        ((Number) Http.postJson(p.webhookUrl() + "crm.deal.list", Map.of()).json().get("total"))
            .intValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void installBindChangesAndDeliveries() {
    Portal p = portal("events");
    received.clear();
    InstallResult inst = p.install(hook("install"));
    assertTrue(inst.installed());
    Map<String, Object> install = received.get(0);
    assertEquals("ONAPPINSTALL", install.get("event"));
    Map<String, Object> auth = (Map<String, Object>) install.get("auth");
    assertEquals(p.memberId(), auth.get("member_id"));
    assertEquals(p.applicationToken(), auth.get("application_token"));
    String token = (String) auth.get("access_token");
    String ep = p.clientEndpoint();
    assertEquals(
        200,
        Http.postJson(
                ep + "event.bind",
                Map.of("auth", token, "event", "ONCRMDEALUPDATE", "handler", hook("deal")))
            .status());
    assertEquals(
        200,
        Http.postJson(
                ep + "event.bind",
                Map.of("auth", token, "event", "onCrmDealAdd", "handler", hook("deal")))
            .status());
    Http.Resp dup =
        Http.postJson(
            ep + "event.bind",
            Map.of("auth", token, "event", "ONCRMDEALUPDATE", "handler", hook("deal")));
    assertEquals(400, dup.status());
    assertEquals(
        "ERROR_EVENT_NOT_FOUND",
        Http.postJson(
                ep + "event.bind", Map.of("auth", token, "event", "NOPE", "handler", hook("x")))
            .error());
    assertEquals(
        2, ((List<?>) Http.postJson(ep + "event.get", Map.of("auth", token)).result()).size());

    received.clear();
    String before = (String) p.snapshot("deal").get(9).get("DATE_MODIFY");
    int historyBefore = p.snapshot("stagehistory").size();
    ChangeResult r =
        p.applyChanges(
            List.of(
                Map.of("op", "win", "dealId", 10),
                Map.of("op", "amount", "dealId", 11, "amount", "12345.60"),
                Map.of("op", "createDeal", "TITLE", "Новая", "OPPORTUNITY", "50000")),
            new Delivery(2, 2, true, 0.0, 0, 7));
    assertEquals(3, r.applied());
    assertEquals(3, r.eventsGenerated());
    assertEquals(6, r.deliveriesPlanned());
    assertEquals(1, r.createdIds().size());
    DeliveryReport rep = p.awaitDeliveries(Duration.ofSeconds(10));
    assertEquals(rep.planned(), rep.attempted());
    assertEquals(6, received.size());
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> m : received) {
      assertEquals(p.applicationToken(), ((Map<?, ?>) m.get("auth")).get("application_token"));
      ids.add((String) ((Map<?, ?>) ((Map<?, ?>) m.get("data")).get("FIELDS")).get("ID"));
    }
    assertEquals(Set.of("10", "11", String.valueOf(r.createdIds().get(0))), ids);
    Map<String, Object> d10 = p.snapshot("deal").get(9);
    assertTrue(
        Set.of("WON", "C1:WON").contains(d10.get("STAGE_ID")) || "Y".equals(d10.get("CLOSED")));
    assertTrue(d10.get("DATE_MODIFY").toString().compareTo(before) > 0);
    assertEquals("12345.60", p.snapshot("deal").get(10).get("OPPORTUNITY"));
    assertTrue(p.snapshot("stagehistory").size() > historyBefore);

    received.clear();
    ChangeResult dropped = p.randomChanges(30, 3, new Delivery(1, 3, true, 1.0, 0, 1));
    assertEquals(0, dropped.deliveriesPlanned());
    assertTrue(dropped.deliveriesDropped() > 0);
    p.awaitDeliveries(Duration.ofSeconds(5));
    assertTrue(received.isEmpty());

    // deterministic delivery decisions
    ChangeResult x =
        p.applyChanges(
            List.of(Map.of("op", "amount", "dealId", 12, "amount", 1000)),
            new Delivery(1, 5, false, 0.3, 0, 42));
    ChangeResult y =
        p.applyChanges(
            List.of(Map.of("op", "amount", "dealId", 12, "amount", 1001)),
            new Delivery(1, 5, false, 0.3, 0, 42));
    assertEquals(x.deliveriesPlanned(), y.deliveriesPlanned());
    assertEquals(x.deliveriesDropped(), y.deliveriesDropped());
    p.awaitDeliveries(Duration.ofSeconds(5));

    received.clear();
    assertEquals(1, p.uninstall());
    assertEquals("ONAPPUNINSTALL", received.get(0).get("event"));
    assertEquals(
        "invalid_token", Http.postJson(ep + "user.current", Map.of("auth", token)).error());
  }

  @Test
  @SuppressWarnings("unchecked")
  void offlineEventsKeepLatestStateAndReserve() {
    Portal p = portal("offline");
    String token = p.issueTokens().accessToken();
    String ep = p.clientEndpoint();
    assertEquals(
        200,
        Http.postJson(
                ep + "event.bind",
                Map.of("auth", token, "event", "ONCRMDEALUPDATE", "event_type", "offline"))
            .status());
    p.applyChanges(
        List.of(
            Map.of("op", "amount", "dealId", 1, "amount", 100),
            Map.of("op", "amount", "dealId", 1, "amount", 200),
            Map.of("op", "amount", "dealId", 2, "amount", 300),
            Map.of("op", "amount", "dealId", 3, "amount", 400)),
        Delivery.exactlyOnce());
    Http.Resp first =
        Http.postJson(ep + "event.offline.get", Map.of("auth", token, "clear", 0, "limit", 2));
    Map<String, Object> res = (Map<String, Object>) first.result();
    String pid = (String) res.get("process_id");
    List<Map<String, Object>> ev = (List<Map<String, Object>>) res.get("events");
    assertEquals(2, ev.size());
    Map<?, ?> fields = (Map<?, ?>) ((Map<?, ?>) ev.get(0).get("EVENT_DATA")).get("FIELDS");
    assertEquals("1", fields.get("ID"));
    assertEquals(
        "2", ((Map<?, ?>) ((Map<?, ?>) ev.get(1).get("EVENT_DATA")).get("FIELDS")).get("ID"));
    Http.Resp second = Http.postJson(ep + "event.offline.get", Map.of("auth", token, "clear", 0));
    List<Map<String, Object>> ev2 =
        (List<Map<String, Object>>) ((Map<String, Object>) second.result()).get("events");
    assertEquals(1, ev2.size()); // disjoint from the reserved pair; deal 1 queued once
    assertEquals(
        "3", ((Map<?, ?>) ((Map<?, ?>) ev2.get(0).get("EVENT_DATA")).get("FIELDS")).get("ID"));
    assertEquals(
        200,
        Http.postJson(ep + "event.offline.clear", Map.of("auth", token, "process_id", pid))
            .status());
    Http.Resp rest = Http.postJson(ep + "event.offline.get", Map.of("auth", token));
    Map<String, Object> rr = (Map<String, Object>) rest.result();
    assertNull(rr.get("process_id"));
    assertTrue(((List<?>) rr.get("events")).isEmpty());
    assertEquals(1, p.offlineQueue().size()); // the second reservation is still pending
    assertThrows(
        IllegalArgumentException.class,
        () ->
            p.applyChanges(List.of(Map.of("op", "win", "dealId", 999999)), Delivery.exactlyOnce()));
  }
}
