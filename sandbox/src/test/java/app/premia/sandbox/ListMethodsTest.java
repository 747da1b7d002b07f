package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListMethodsTest {
  static SandboxServer server;
  static Portal small;
  static Portal big;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
    LocalDate anchor = LocalDate.of(2026, 11, 1);
    small =
        server.createPortal(
            PortalSpec.builder().name("small").seed(7).deals(1200).anchorDate(anchor).build());
    big =
        server.createPortal(
            PortalSpec.builder().name("big").seed(42).deals(10_000).anchorDate(anchor).build());
    small.limits(Limits.unlimited());
    big.limits(Limits.unlimited());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void urlsAndIdentityAreDeterministic() {
    assertEquals(
        server.baseUrl() + "/small/rest/1/" + Ids.webhookCode("small") + "/", small.webhookUrl());
    assertEquals(server.baseUrl() + "/small/rest/", small.clientEndpoint());
    assertEquals(Ids.sha256Hex("premia-sandbox:member:small", 32), small.memberId());
    assertEquals(16, small.webhookCode().length());
    assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
  }

  @Test
  void pagingGivesTotalAndNextUntilTheLastPage() {
    int deals = small.snapshot("deal").size();
    Http.Resp first =
        Http.postJson(small.webhookUrl() + "crm.deal.list", Map.of("select", List.of("ID")));
    assertEquals(200, first.status());
    Map<String, Object> j = first.json();
    assertEquals(deals, ((Number) j.get("total")).intValue());
    assertEquals(50, ((Number) j.get("next")).intValue());
    assertEquals(50, first.rows().size());
    assertNotNull(((Map<?, ?>) j.get("time")).get("operating"));
    int lastStart = (deals - 1) / 50 * 50;
    Http.Resp last =
        Http.postJson(
            small.webhookUrl() + "crm.deal.list.json",
            Map.of("select", List.of("ID"), "start", lastStart));
    assertNull(last.json().get("next"));
    assertEquals(deals - lastStart, last.rows().size());
    // every row is a string-typed classic row
    assertTrue(first.rows().get(0).get("ID") instanceof String);
  }

  @Test
  void fastModeLoopReturnsEveryIdExactlyOnce() {
    Set<String> expected = new HashSet<>();
    for (Map<String, Object> r : big.snapshot("deal")) {
      expected.add((String) r.get("ID"));
    }
    assertEquals(10_000, expected.size());
    List<String> seen = new ArrayList<>();
    long last = 0;
    long t0 = System.nanoTime();
    while (true) {
      Http.Resp r =
          Http.postJson(
              big.webhookUrl() + "crm.deal.list",
              Map.of(
                  "filter", Map.of(">ID", last),
                  "order", Map.of("ID", "ASC"),
                  "select", List.of("ID", "STAGE_ID", "OPPORTUNITY"),
                  "start", -1));
      assertEquals(200, r.status(), r.body());
      Map<String, Object> j = r.json();
      assertEquals(0, ((Number) j.get("total")).intValue());
      assertFalse(j.containsKey("next"));
      List<Map<String, Object>> rows = r.rows();
      for (Map<String, Object> row : rows) {
        seen.add((String) row.get("ID"));
      }
      if (rows.size() < 50) {
        break;
      }
      last = Long.parseLong((String) rows.get(rows.size() - 1).get("ID"));
    }
    System.out.printf("fast loop over 10k deals: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertEquals(expected.size(), seen.size());
    assertEquals(expected, new HashSet<>(seen));
  }

  @Test
  void filtersOrderAndSelect() {
    String url = small.webhookUrl() + "crm.deal.list";
    Http.Resp won =
        Http.postJson(
            url,
            Map.of(
                "filter", Map.of("@STAGE_ID", List.of("WON", "C1:WON"), ">=OPPORTUNITY", 100000),
                "order", Json.map("OPPORTUNITY", "DESC", "ID", "ASC"),
                "select", List.of("STAGE_ID", "OPPORTUNITY")));
    List<Map<String, Object>> rows = won.rows();
    assertFalse(rows.isEmpty());
    double prev = Double.MAX_VALUE;
    for (Map<String, Object> r : rows) {
      assertEquals(Set.of("ID", "STAGE_ID", "OPPORTUNITY"), r.keySet());
      assertTrue(Set.of("WON", "C1:WON").contains(r.get("STAGE_ID")));
      double amount = Double.parseDouble((String) r.get("OPPORTUNITY"));
      assertTrue(amount >= 100000 && amount <= prev);
      prev = amount;
    }
    long expectedWon =
        small.snapshot("deal").stream()
            .filter(d -> Set.of("WON", "C1:WON").contains(d.get("STAGE_ID")))
            .filter(d -> Double.parseDouble((String) d.get("OPPORTUNITY")) >= 100000)
            .count();
    assertEquals(expectedWon, ((Number) won.json().get("total")).longValue());

    // dates compare as instants: the same moment in UTC and in +03:00 select the same rows
    OffsetDateTime since = OffsetDateTime.parse("2026-09-01T00:00:00+03:00");
    long a = total(url, Map.of(">=DATE_MODIFY", since.toString()));
    long b = total(url, Map.of(">=DATE_MODIFY", "2026-08-31T21:00:00Z"));
    long c = total(url, Map.of(">=DATE_MODIFY", "2026-09-01T00:00:00"));
    assertEquals(a, b);
    assertEquals(a, c);
    long expected =
        small.snapshot("deal").stream()
            .filter(d -> !OffsetDateTime.parse(d.get("DATE_MODIFY").toString()).isBefore(since))
            .count();
    assertEquals(expected, a);
    // negation, LIKE, NOT IN, unknown fields are ignored
    long all = total(url, Map.of());
    long notWon = total(url, Map.of("!STAGE_ID", "WON"));
    long wonOnly = total(url, Map.of("STAGE_ID", "WON"));
    assertEquals(all, notWon + wonOnly);
    assertEquals(all, total(url, Map.of("NO_SUCH_FIELD", "x")));
    assertEquals(all - wonOnly, total(url, Map.of("!@STAGE_ID", List.of("WON"))));
    assertTrue(total(url, Map.of("%TITLE", "повторный")) > 0);
    // select * has no user fields, UF_* adds them, the default has both
    Map<String, Object> star =
        Http.postJson(url, Map.of("select", List.of("*"), "start", -1)).rows().get(0);
    assertFalse(star.containsKey("UF_CRM_NPS"));
    assertTrue(star.containsKey("DATE_MODIFY"));
    assertTrue(Http.postJson(url, Map.of("start", -1)).rows().get(0).containsKey("UF_CRM_NPS"));
  }

  private static long total(String url, Map<String, Object> filter) {
    Http.Resp r = Http.postJson(url, Map.of("filter", filter, "select", List.of("ID")));
    assertEquals(200, r.status(), r.body());
    return ((Number) r.json().get("total")).longValue();
  }

  @Test
  void formAndQueryEncodingWork() {
    String q =
        "filter%5B%3EID%5D=10&filter%5B%40STAGE_ID%5D%5B0%5D=WON&filter%5B%40STAGE_ID%5D%5B1%5D=LOSE"
            + "&select[]=ID&select[]=STAGE_ID&order[ID]=DESC&start=0";
    Http.Resp viaGet = Http.get(small.webhookUrl() + "crm.deal.list.json?" + q);
    Http.Resp viaForm = Http.postForm(small.webhookUrl() + "crm.deal.list/", q);
    Http.Resp viaJson =
        Http.postJson(
            small.webhookUrl() + "crm.deal.list",
            Map.of(
                "filter", Map.of(">ID", 10, "@STAGE_ID", List.of("WON", "LOSE")),
                "select", List.of("ID", "STAGE_ID"),
                "order", Map.of("ID", "DESC")));
    assertEquals(200, viaGet.status(), viaGet.body());
    assertEquals(viaJson.rows(), viaGet.rows());
    assertEquals(viaJson.rows(), viaForm.rows());
    long first = Long.parseLong((String) viaJson.rows().get(0).get("ID"));
    long second = Long.parseLong((String) viaJson.rows().get(1).get("ID"));
    assertTrue(first > second);
    // a date with an encoded + offset
    Http.Resp d =
        Http.get(
            small.webhookUrl()
                + "crm.deal.list?filter%5B%3E%3DDATE_MODIFY%5D="
                + enc("2026-10-01T00:00:00+03:00")
                + "&select%5B%5D=ID");
    assertTrue(((Number) d.json().get("total")).longValue() > 0);
  }

  @Test
  void getFieldsErrorsAndDictionaries() {
    String w = small.webhookUrl();
    Map<String, Object> deal = small.snapshot("deal").get(3);
    Http.Resp got = Http.postJson(w + "crm.deal.get", Map.of("id", deal.get("ID")));
    assertEquals(deal.get("OPPORTUNITY"), ((Map<?, ?>) got.result()).get("OPPORTUNITY"));
    Http.Resp nf = Http.postJson(w + "crm.deal.get", Map.of("id", 99_999_999));
    assertEquals(400, nf.status());
    assertEquals("", nf.error());
    assertEquals("Not found", nf.json().get("error_description"));
    Http.Resp unknown = Http.postJson(w + "crm.nothing.list", Map.of());
    assertEquals(404, unknown.status());
    assertEquals("ERROR_METHOD_NOT_FOUND", unknown.error());
    Map<?, ?> fields = (Map<?, ?>) Http.postJson(w + "crm.deal.fields", Map.of()).result();
    assertEquals(true, ((Map<?, ?>) fields.get("UF_CRM_NPS")).get("isDynamic"));
    List<?> stages =
        (List<?>)
            Http.postJson(
                    w + "crm.status.list", Map.of("filter", Map.of("ENTITY_ID", "DEAL_STAGE_1")))
                .result();
    assertEquals(4, stages.size());
    Map<?, ?> cats =
        (Map<?, ?>) Http.postJson(w + "crm.category.list", Map.of("entityTypeId", 2)).result();
    assertEquals(2, ((List<?>) cats.get("categories")).size());
    Http.Resp hist =
        Http.postJson(
            w + "crm.stagehistory.list",
            Map.of(
                "entityTypeId",
                2,
                "filter",
                Map.of(">ID", 0),
                "order",
                Map.of("ID", "ASC"),
                "start",
                -1));
    Map<?, ?> item = (Map<?, ?>) ((List<?>) ((Map<?, ?>) hist.result()).get("items")).get(0);
    assertTrue(item.get("ID") instanceof Number);
    Http.Resp badFilter =
        Http.postJson(
            w + "crm.stagehistory.list", Map.of("entityTypeId", 2, "filter", Map.of("NOPE", 1)));
    assertEquals("INVALID_ARG_VALUE", badFilter.error());
    // users: ACTIVE boolean, UF_DEPARTMENT numbers, filter by department
    Http.Resp users =
        Http.postJson(w + "user.get", Map.of("FILTER", Map.of("UF_DEPARTMENT", 3, "ACTIVE", true)));
    for (Map<String, Object> u : users.rows()) {
      assertEquals(true, u.get("ACTIVE"));
      assertEquals(List.of(3), u.get("UF_DEPARTMENT"));
    }
    assertFalse(users.rows().isEmpty());
    Http.Resp deps = Http.get(w + "department.get?PARENT=2");
    assertEquals(3, deps.rows().size());
    assertEquals("403", String.valueOf(Http.postJson(w + "app.info", Map.of()).status()));
    assertEquals("WRONG_AUTH_TYPE", Http.postJson(w + "event.bind", Map.of()).error());
  }

  @Test
  void dataIsDeterministicAndConsistent() {
    Portal again =
        server.createPortal(
            PortalSpec.builder()
                .name("small-again")
                .seed(7)
                .deals(1200)
                .anchorDate(LocalDate.of(2026, 11, 1))
                .build());
    assertTrue(small.snapshot("deal").equals(again.snapshot("deal")));
    assertTrue(small.snapshot("stagehistory").equals(again.snapshot("stagehistory")));
    assertTrue(small.snapshot("activity").equals(again.snapshot("activity")));
    assertEquals(small.snapshot("user").size(), again.snapshot("user").size());
    assertEquals(
        small.snapshot("user").get(5).get("NAME"), again.snapshot("user").get(5).get("NAME"));
    // win rate, amounts, history consistency
    List<Map<String, Object>> deals = small.snapshot("deal");
    long won = deals.stream().filter(d -> "S".equals(d.get("STAGE_SEMANTIC_ID"))).count();
    long closed = deals.stream().filter(d -> "Y".equals(d.get("CLOSED"))).count();
    double rate = (double) won / closed;
    assertTrue(rate > 0.25 && rate < 0.5, "win rate " + rate);
    Map<Object, Object> lastStage = new java.util.HashMap<>();
    for (Map<String, Object> h : small.snapshot("stagehistory")) {
      lastStage.put(String.valueOf(h.get("OWNER_ID")), h.get("STAGE_ID"));
    }
    for (Map<String, Object> d : deals) {
      assertEquals(d.get("STAGE_ID"), lastStage.get(d.get("ID")), "history of deal " + d.get("ID"));
      assertTrue(((String) d.get("OPPORTUNITY")).matches("\\d+\\.\\d{2}"));
    }
  }
}
