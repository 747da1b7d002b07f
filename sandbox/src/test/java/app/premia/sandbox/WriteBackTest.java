package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteBackTest {
  static SandboxServer server;
  static Portal p;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
    p =
        server.createPortal(
            PortalSpec.builder()
                .name("wb")
                .seed(8)
                .deals(200)
                .anchorDate(LocalDate.of(2026, 11, 1))
                .build());
    p.limits(Limits.unlimited());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void notificationsWithTagReplaceEarlierOnes() {
    String w = p.webhookUrl();
    Http.Resp a =
        Http.postJson(
            w + "im.notify.system.add",
            Map.of("USER_ID", 3, "MESSAGE", "План выполнен на 80%", "TAG", "kpi-2026-10-user-3"));
    assertEquals(200, a.status(), a.body());
    assertTrue(a.result() instanceof Number);
    Http.postForm(
        w + "im.notify.personal.add",
        "USER_ID=3&MESSAGE="
            + java.net.URLEncoder.encode(
                "План выполнен на 95%", java.nio.charset.StandardCharsets.UTF_8)
            + "&TAG=kpi-2026-10-user-3");
    Http.postJson(w + "im.notify.system.add", Map.of("USER_ID", 4, "MESSAGE", "Другое"));
    List<Map<String, Object>> n = p.snapshot("notification");
    assertEquals(2, n.size());
    assertEquals("План выполнен на 95%", n.get(0).get("MESSAGE"));
    assertEquals(
        "USER_ID_EMPTY", Http.postJson(w + "im.notify.system.add", Map.of("MESSAGE", "x")).error());
    assertEquals(
        "MESSAGE_EMPTY", Http.postJson(w + "im.notify.system.add", Map.of("USER_ID", 3)).error());
  }

  @Test
  void feedPostsAndPlacements() {
    Http.Resp post =
        Http.postJson(
            p.webhookUrl() + "log.blogpost.add",
            Map.of(
                "POST_TITLE",
                "Лидеры октября",
                "POST_MESSAGE",
                "1. Иванов",
                "DEST",
                List.of("UA")));
    assertEquals(200, post.status());
    assertEquals("Лидеры октября", p.snapshot("blogpost").get(0).get("POST_TITLE"));
    String token = p.issueTokens().accessToken();
    Http.Resp bind =
        Http.postJson(
            p.clientEndpoint() + "placement.bind",
            Map.of(
                "auth",
                token,
                "PLACEMENT",
                "CRM_DEAL_DETAIL_TAB",
                "HANDLER",
                "http://127.0.0.1:1/tab",
                "TITLE",
                "KPI"));
    assertEquals(true, bind.result());
    assertEquals("CRM_DEAL_DETAIL_TAB", p.snapshot("placement").get(0).get("placement"));
    assertEquals(
        "WRONG_AUTH_TYPE", Http.postJson(p.webhookUrl() + "placement.bind", Map.of()).error());
  }

  @Test
  void usersSortAndSearch() {
    Http.Resp desc = Http.get(p.webhookUrl() + "user.get?sort=ID&order=DESC");
    List<Map<String, Object>> rows = desc.rows();
    assertTrue(
        Long.parseLong((String) rows.get(0).get("ID"))
            > Long.parseLong((String) rows.get(1).get("ID")));
    String last = (String) p.snapshot("user").get(2).get("LAST_NAME");
    Http.Resp found =
        Http.postJson(p.webhookUrl() + "user.get", Map.of("FILTER", Map.of("NAME_SEARCH", last)));
    assertTrue(found.rows().stream().allMatch(u -> u.get("LAST_NAME").equals(last)));
    Http.Resp current = Http.get(p.webhookUrl() + "user.current");
    assertEquals("1", ((Map<?, ?>) current.result()).get("ID"));
    Http.Resp prof = Http.get(p.webhookUrl() + "profile");
    assertEquals(true, ((Map<?, ?>) prof.result()).get("ADMIN"));
  }
}
