package app.premia.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional sales-staff size of a portal ({@code PortalSpec.managers}, {@code managers=N}). */
class PortalSizeTest {
  static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
  static final List<String> SALES_ROLES =
      List.of(
          DataGenerator.POS_HEAD,
          DataGenerator.POS_ACQ,
          DataGenerator.POS_ACCOUNT,
          DataGenerator.POS_VIP);

  static SandboxServer server;

  @BeforeAll
  static void start() {
    server = SandboxServer.start(SandboxConfig.builder().port(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static PortalSpec spec(String name, int managers) {
    return PortalSpec.builder()
        .name(name)
        .seed(7)
        .deals(6000)
        .managers(managers)
        .anchorDate(ANCHOR)
        .build();
  }

  /** Sales users per position, active and dismissed alike. */
  private static Map<String, Integer> salesStaff(Portal p) {
    Map<String, Integer> byRole = new TreeMap<>();
    for (Map<String, Object> u : p.snapshot("user")) {
      String position = (String) u.get("WORK_POSITION");
      if (SALES_ROLES.contains(position)) {
        byRole.merge(position, 1, Integer::sum);
      }
    }
    return byRole;
  }

  @Test
  void twoHundredManagersAcrossTheFourRoles() {
    Portal p = server.createPortal(spec("size200", 200));
    Map<String, Integer> byRole = salesStaff(p);
    // 200 = the head of sales + 199 others: VIP round(199 × 0.15 = 29.85) = 30, acquisition
    // round(199 × 0.45 = 89.55) = 90, account 199 − 30 − 90 = 79
    assertEquals(1, byRole.get(DataGenerator.POS_HEAD));
    assertEquals(90, byRole.get(DataGenerator.POS_ACQ));
    assertEquals(79, byRole.get(DataGenerator.POS_ACCOUNT));
    assertEquals(30, byRole.get(DataGenerator.POS_VIP));
    assertEquals(200, byRole.values().stream().mapToInt(Integer::intValue).sum());
    // plus the director (user 1) and the chief accountant (the last user)
    assertEquals(202, p.snapshot("user").size());
    long dismissed =
        p.snapshot("user").stream().filter(u -> Boolean.FALSE.equals(u.get("ACTIVE"))).count();
    // round(196 rank-and-file × 0.1) = 20 dismissed (the three team heads are never dismissed)
    assertEquals(20, dismissed);
    // the deals go to the larger staff: far more than the default's 40 sales users carry deals
    Set<Object> assignees = new HashSet<>();
    for (Map<String, Object> d : p.snapshot("deal")) {
      assignees.add(d.get("ASSIGNED_BY_ID"));
    }
    assertTrue(assignees.size() > 150, "deals spread over " + assignees.size() + " users");
    assertEquals(200, p.describe().get("managers"));
  }

  @Test
  void deterministicForASeedAndDifferentFromTheDefault() {
    Portal a = server.createPortal(spec("size-a", 200));
    Portal b = server.createPortal(spec("size-b", 200));
    for (String entity : List.of("user", "deal", "lead", "activity", "stagehistory")) {
      assertEquals(a.snapshot(entity).size(), b.snapshot(entity).size(), entity);
    }
    // the name only shows in e-mails: the rest is the same data
    for (String entity : List.of("user", "deal", "stagehistory")) {
      assertEquals(
          a.snapshot(entity).toString().replace("size-a", "size-b"),
          b.snapshot(entity).toString(),
          entity);
    }

    Portal standard = server.createPortal(spec("size-default", 0));
    // the default: 6000 ÷ 150 = 40 sales staff, and no "managers" in the description
    assertEquals(40, salesStaff(standard).values().stream().mapToInt(Integer::intValue).sum());
    assertFalse(standard.describe().containsKey("managers"));
    assertNotEquals(standard.snapshot("deal").toString(), a.snapshot("deal").toString());
  }

  @Test
  void controlApiAndCommandLine() {
    Http.Resp created =
        Http.postJson(
            server.baseUrl() + "/_sandbox/portals",
            Map.of("name", "size-ctl", "seed", 3, "deals", 900, "managers", 64));
    assertEquals(200, created.status(), created.body());
    assertEquals(64, ((Number) created.json().get("managers")).intValue());
    assertEquals(
        64,
        salesStaff(server.portal("size-ctl")).values().stream().mapToInt(Integer::intValue).sum());

    PortalSpec cli = SandboxMain.portalSpec("big:9:30000:enterprise:managers=200", ANCHOR);
    assertEquals(200, cli.managers());
    assertEquals(Plan.ENTERPRISE, cli.plan());
    assertEquals(30000, cli.deals());
    assertEquals(0, SandboxMain.portalSpec("acme:7:20000", ANCHOR).managers());
    assertEquals(Plan.STANDARD, SandboxMain.portalSpec("acme:7:20000:managers=6", ANCHOR).plan());

    assertThrows(IllegalArgumentException.class, () -> spec("x", 5));
    assertThrows(
        IllegalArgumentException.class, () -> SandboxMain.portalSpec("x:1:10:bogus", ANCHOR));
  }
}
