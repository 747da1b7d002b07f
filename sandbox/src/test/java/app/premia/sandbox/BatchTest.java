package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchTest {
  static SandboxServer server;
  static Portal p;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
    p =
        server.createPortal(
            PortalSpec.builder()
                .name("batch")
                .seed(3)
                .deals(3000)
                .anchorDate(LocalDate.of(2026, 11, 1))
                .build());
    p.limits(Limits.unlimited());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void chainsResultsAndReportsErrors() {
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("me", "user.current");
    cmd.put("dep", "department.get?ID=$result[me][UF_DEPARTMENT][0]");
    cmd.put("page1", "crm.deal.list?order[ID]=ASC&select[]=ID&start=-1&filter[>ID]=0");
    cmd.put(
        "page2",
        "crm.deal.list?order[ID]=ASC&select[]=ID&start=-1&filter[>ID]=$result[page1][49][ID]");
    cmd.put("counted", "crm.deal.list?select[]=ID");
    cmd.put("next", "crm.deal.list?select[]=ID&start=$result_next[counted]");
    cmd.put("missing", "crm.deal.list?select[]=ID&filter[ID]=$result[nothing][0][ID]");
    cmd.put("bad", "crm.deal.get?id=999999999");
    Http.Resp r = Http.postJson(p.webhookUrl() + "batch", Map.of("halt", 0, "cmd", cmd));
    assertEquals(200, r.status(), r.body());
    Map<String, Object> res = (Map<String, Object>) r.result();
    Map<String, Object> results = (Map<String, Object>) res.get("result");
    Map<String, Object> me = (Map<String, Object>) results.get("me");
    assertEquals("1", me.get("ID"));
    List<Map<String, Object>> dep = (List<Map<String, Object>>) results.get("dep");
    assertEquals("1", dep.get(0).get("ID"));
    List<Map<String, Object>> p2 = (List<Map<String, Object>>) results.get("page2");
    assertEquals("51", p2.get(0).get("ID"));
    List<Map<String, Object>> next = (List<Map<String, Object>>) results.get("next");
    assertEquals("51", next.get(0).get("ID"));
    // unresolvable reference -> empty string -> "ID equals empty" matches nothing
    assertTrue(((List<?>) results.get("missing")).isEmpty());
    Map<String, Object> errors = (Map<String, Object>) res.get("result_error");
    assertEquals("Not found", ((Map<?, ?>) errors.get("bad")).get("error_description"));
    assertEquals(3000, ((Number) ((Map<?, ?>) res.get("result_total")).get("counted")).intValue());
    assertEquals(50, ((Number) ((Map<?, ?>) res.get("result_next")).get("counted")).intValue());
    Map<?, ?> times = (Map<?, ?>) res.get("result_time");
    assertTrue(((Map<?, ?>) times.get("me")).containsKey("operating_reset_at"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void haltStopsAtFirstErrorAndPhpQuirks() {
    List<String> cmd = List.of("server.time", "crm.deal.get?id=0", "server.time");
    Http.Resp r = Http.postJson(p.webhookUrl() + "batch", Map.of("halt", 1, "cmd", cmd));
    Map<String, Object> res = (Map<String, Object>) r.result();
    // numeric keys 0..n-1 serialise as a JSON array; empty maps as []
    assertEquals(1, ((List<?>) res.get("result")).size());
    assertEquals(List.of(), res.get("result_next"));
    assertEquals(List.of(), res.get("result_total"));
    Map<?, ?> err = (Map<?, ?>) res.get("result_error");
    assertTrue(err.containsKey("1"));
    Http.Resp noHalt = Http.postJson(p.webhookUrl() + "batch", Map.of("halt", 0, "cmd", cmd));
    Map<String, Object> res2 = (Map<String, Object>) noHalt.result();
    assertEquals(2, ((Map<?, ?>) res2.get("result")).size());
  }

  @Test
  void limitsAndNestedBatch() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add("server.time");
    }
    Http.Resp tooMany = Http.postJson(p.webhookUrl() + "batch", Map.of("cmd", many));
    assertEquals(400, tooMany.status());
    assertEquals("ERROR_BATCH_LENGTH_EXCEEDED", tooMany.error());
    Http.Resp nested =
        Http.postJson(
            p.webhookUrl() + "batch", Map.of("cmd", Map.of("a", "batch?cmd[x]=server.time")));
    assertTrue(nested.body().contains("ERROR_BATCH_METHOD_NOT_ALLOWED"), nested.body());
  }

  @Test
  @SuppressWarnings("unchecked")
  void formEncodedBatchIsDoubleEncoded() {
    String inner = "crm.deal.list?filter%5B%3EID%5D=10&select%5B%5D=ID&order%5BID%5D=ASC&start=-1";
    String form =
        "halt=0&cmd%5Bd%5D="
            + URLEncoder.encode(inner, StandardCharsets.UTF_8)
            + "&cmd%5Bt%5D=server.time";
    Http.Resp r = Http.postForm(p.webhookUrl() + "batch.json", form);
    assertEquals(200, r.status(), r.body());
    Map<String, Object> results =
        (Map<String, Object>) ((Map<String, Object>) r.result()).get("result");
    List<Map<String, Object>> rows = (List<Map<String, Object>>) results.get("d");
    assertEquals("11", rows.get(0).get("ID"));
    assertFalse(String.valueOf(results.get("t")).isEmpty());
  }

  @Test
  void fiftyFastListsAnswerQuickly() {
    Map<String, Object> cmd = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      cmd.put(
          "c" + i,
          "crm.deal.list?order[ID]=ASC&start=-1&select[]=ID&select[]=STAGE_ID&select[]=OPPORTUNITY"
              + "&select[]=ASSIGNED_BY_ID&select[]=DATE_MODIFY&filter[>ID]="
              + (i * 50));
    }
    p.resetStats();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 15; round++) {
      long t0 = System.nanoTime();
      Http.Resp r = Http.postJson(p.webhookUrl() + "batch", Map.of("cmd", cmd));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(200, r.status());
      best = Math.min(best, ms);
    }
    System.out.println("50-command batch of fast lists: best " + best + " ms");
    assertTrue(best < 100, "best " + best + " ms");
    assertEquals(15 * 50, p.stats().calls("crm.deal.list"));
    assertEquals(15, p.stats().requests());
  }
}
