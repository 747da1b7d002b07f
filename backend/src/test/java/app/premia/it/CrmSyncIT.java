package app.premia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.sandbox.Delivery;
import app.premia.sandbox.Faults;
import app.premia.sandbox.InstallResult;
import app.premia.sandbox.Limits;
import app.premia.sandbox.Portal;
import app.premia.sandbox.PortalSpec;
import app.premia.sandbox.PortalStats;
import app.premia.sandbox.SandboxConfig;
import app.premia.sandbox.SandboxServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Bitrix24 connector against the sandbox portal over HTTP, with the real PostgreSQL: a full
 * sync of a 100 000-deal portal at default limits (no 503, no 429, exact copy), recovery from
 * injected 5xx / slow / dropped answers with hostile rows quarantined, an app installation with
 * token refresh, 100 random event streams (duplicated, shuffled, 10 % dropped) reconciled to an
 * exact copy, and deliveries with a wrong token refused. The sandbox runs in this JVM; Premia in
 * Payara Micro reaches it over loopback like any portal.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmSyncIT {

  static final UUID ALFA = demoId("tenant:alfa");
  static final UUID BETA = demoId("tenant:beta");
  static final UUID GAMMA = demoId("tenant:gamma");
  static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

  static SandboxServer sandbox;

  /** The tokens the sandbox issued when Premia was installed on the "events" portal. */
  static InstallResult eventsInstall;

  @Deployment(testable = false)
  static WebArchive deployment() {
    File war = new File(System.getProperty("premia.war", "target/premia.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }

  @ArquillianResource URL deployed;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxServer.start(SandboxConfig.builder().port(0).build());
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private URI base() throws Exception {
    return deployed.toURI().resolve("/");
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void fullSyncOf100kDeals_atDefaultLimits_getsNo503No429_andAnExactCopy() throws Exception {
    Portal portal =
        sandbox.createPortal(
            PortalSpec.builder().name("big").seed(7).deals(100_000).anchorDate(ANCHOR).build());
    Session owner = Session.signedIn(base(), "owner@integrator.demo").in(GAMMA.toString());

    JsonObject probe =
        data(owner.run(
                "mutation($u: String!) { testPortalConnection(input: {webhookUrl: $u}) {"
                    + " probe { domain deals pipelines { id name } missingScopes }"
                    + " errors { code message } } }",
                Map.of("u", portal.webhookUrl())))
            .getJsonObject("testPortalConnection");
    assertTrue(probe.getJsonArray("errors").isEmpty(), probe.toString());
    assertEquals(100_000, probe.getJsonObject("probe").getJsonNumber("deals").longValue());
    assertEquals(2, probe.getJsonObject("probe").getJsonArray("pipelines").size());

    connect(owner, portal.webhookUrl());
    JsonObject status = awaitIdle(owner, Duration.ofMinutes(20));
    assertEquals(100, status.getInt("percent"), status.toString());

    PortalStats stats = portal.stats();
    assertEquals(0, stats.rejected503(), "503 QUERY_LIMIT_EXCEEDED answers: " + stats);
    assertEquals(0, stats.rejected429(), "429 OPERATION_TIME_LIMIT answers: " + stats);
    assertCopyEquals(portal, GAMMA);
  }

  @Test
  @Order(2)
  void
      injected5xxTimeoutsAndDroppedConnections_leaveNoRowMissingOrDuplicated_andHostileRowsAreQuarantined()
          throws Exception {
    Portal portal =
        sandbox.createPortal(
            PortalSpec.builder().name("faulty").seed(11).deals(5_000).anchorDate(ANCHOR).build());
    int hostile = 20;
    portal.faults(
        Faults.none()
            .withError5xxRate(0.1)
            .withSlowRate(0.05, Duration.ofMillis(300))
            .withDropRate(0.05)
            .withHostileRows(hostile)
            .withSeed(3));
    Session admin = Session.signedIn(base(), "consultant@integrator.demo").in(BETA.toString());
    connect(admin, portal.webhookUrl());
    JsonObject status = awaitIdle(admin, Duration.ofMinutes(10));
    assertEquals(100, status.getInt("percent"), status.toString());
    portal.faults(Faults.none());

    assertCopyEquals(portal, BETA);
    try (Connection c = tenantConnection(BETA)) {
      assertEquals(
          hostile,
          count(c, "SELECT count(*) FROM crm_quarantine WHERE entity = 'DEAL'"),
          "every hostile deal row is quarantined, nothing else");
    }
    JsonArray quarantined =
        data(admin.run("{ quarantinedRows(first: 100) { entity rawId reason occurrences } }"))
            .getJsonArray("quarantinedRows");
    assertEquals(hostile, quarantined.size(), quarantined.toString());
  }

  @Test
  @Order(3)
  void anInstalledApp_refreshesExpiredTokens_andEventStreamsEndInAnExactCopy() throws Exception {
    Portal portal =
        sandbox.createPortal(
            PortalSpec.builder().name("events").seed(21).deals(400).anchorDate(ANCHOR).build());
    portal.limits(Limits.defaults().withDrainPerSecond(500).withThreshold(5_000));
    Session consultant = Session.signedIn(base(), "consultant@integrator.demo").in(ALFA.toString());

    InstallResult installed = install(consultant, portal);
    eventsInstall = installed;
    assertTrue(installed.installed(), "install callback answered " + installed.callbackStatus());
    awaitIdle(consultant, Duration.ofMinutes(5));
    assertCopyEquals(portal, ALFA);

    // this portal stands for an on-premise one with generous limits (set above in the sandbox):
    // Premia is told so, and the 100 streams below run in seconds rather than an hour at 2 req/s
    JsonObject configured =
        data(consultant.run(
                "mutation { configurePortal(input: {pipelineIds: [], limits: {requestsPerSecond:"
                    + " 500, burst: 5000, operatingSeconds: 100000}}) { portalConnection { limits"
                    + " { requestsPerSecond burst custom } } errors { code message } } }"))
            .getJsonObject("configurePortal");
    assertTrue(configured.getJsonArray("errors").isEmpty(), configured.toString());
    assertTrue(
        configured.getJsonObject("portalConnection").getJsonObject("limits").getBoolean("custom"));

    // an expired access token is refreshed (and the rotated pair stored) on the next pass
    byte[] before = storedAccessToken(ALFA);
    portal.expireTokens();
    pass(consultant, "INCREMENTAL");
    assertFalse(Arrays.equals(before, storedAccessToken(ALFA)), "the rotated token was stored");
    assertNoFailedEntity(consultant);

    // stream 0 without losses: the events alone make the copy exact
    portal.randomChanges(
        8, 1000, Delivery.exactlyOnce().withDuplicates(1, 5).withShuffle(true).withSeed(1000));
    portal.awaitDeliveries(Duration.ofSeconds(30));
    awaitInboxEmpty(ALFA);
    assertCopyEquals(portal, ALFA, List.of("deal", "lead", "activity"));

    // 100 streams, each duplicated 1–5 times, shuffled and 10 % dropped, then reconciled
    for (int stream = 1; stream <= 100; stream++) {
      portal.randomChanges(
          3 + stream % 6,
          stream,
          Delivery.exactlyOnce()
              .withDuplicates(1, 5)
              .withShuffle(true)
              .withDropRate(0.10)
              .withSeed(stream));
      portal.awaitDeliveries(Duration.ofSeconds(30));
      awaitInboxEmpty(ALFA);
      pass(consultant, "INCREMENTAL");
      pass(consultant, "RECONCILE");
      assertCopyEquals(portal, ALFA, List.of("deal", "lead", "activity"), "stream " + stream);
    }
    assertNoFailedEntity(consultant);
  }

  @Test
  @Order(4)
  void
      deliveriesWithAWrongMissingOrForeignApplicationToken_areRefusedAndChangeNothing_andUninstallDisconnects()
          throws Exception {
    Portal portal = sandbox.portal("events");
    String token = applicationTokenOf(portal);
    Portal other = sandbox.portal("faulty");
    long dealId = Long.parseLong(portal.snapshot("deal").get(0).get("ID").toString());
    String fingerprint = fingerprint(ALFA);

    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put(
        "wrong token", deliver(portal.memberId(), "0123456789abcdef0123456789abcdef", dealId));
    answers.put("missing token", deliver(portal.memberId(), null, dealId));
    answers.put("empty token", deliver(portal.memberId(), "", dealId));
    answers.put("another portal's member id", deliver(other.memberId(), token, dealId));
    answers.put("unknown member id", deliver("ffffffffffffffffffffffffffffffff", token, dealId));
    answers.forEach((name, answer) -> assertEquals(403, answer.statusCode(), name));
    assertEquals(fingerprint, fingerprint(ALFA), "refused deliveries changed nothing");
    try (Connection c = tenantConnection(ALFA)) {
      assertEquals(0, count(c, "SELECT count(*) FROM crm_event_inbox"));
    }

    // the same delivery with the right token is accepted
    assertEquals(200, deliver(portal.memberId(), token, dealId).statusCode());

    // a second tenant with its own installed app: neither token opens the other's portal
    Session beta = Session.signedIn(base(), "consultant@integrator.demo").in(BETA.toString());
    String betaFullPass = lastFullPass(BETA);
    InstallResult betaInstall = install(beta, other);
    assertTrue(betaInstall.installed(), "install answered " + betaInstall.callbackStatus());
    // the install starts a full pass in the background; Beta already shows finished entities from
    // its earlier webhook sync, so "idle" alone may be seen before that pass has even begun
    awaitFullPassAfter(BETA, betaFullPass, Duration.ofMinutes(5));
    awaitIdle(beta, Duration.ofMinutes(5));
    String betaToken = betaInstall.tokens().applicationToken();
    // the accepted delivery above is drained in the background (the deal is fetched again):
    // compare only once Alfa's inbox is empty and its deals have settled
    String alfaBefore = settledFingerprint(ALFA, portal);
    String betaBefore = settledFingerprint(BETA, other);
    assertEquals(
        403, deliver(other.memberId(), token, dealId).statusCode(), "Alfa's token, Beta's portal");
    assertEquals(
        403,
        deliver(portal.memberId(), betaToken, dealId).statusCode(),
        "Beta's token, Alfa's portal");
    assertEquals(alfaBefore, fingerprint(ALFA));
    assertEquals(betaBefore, fingerprint(BETA));

    // removing the app from the portal disconnects the tenant and its token stops working
    portal.uninstall();
    JsonObject connection = null;
    for (int i = 0; i < 100; i++) {
      connection =
          data(Session.signedIn(base(), "consultant@integrator.demo")
                  .in(ALFA.toString())
                  .run("{ portalConnection { status } }"))
              .getJsonObject("portalConnection");
      if (connection.getString("status").equals("DISCONNECTED")) {
        break;
      }
      sleep(100);
    }
    assertEquals("DISCONNECTED", connection.getString("status"));
    assertEquals(403, deliver(portal.memberId(), token, dealId).statusCode());
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private void connect(Session session, String webhookUrl) {
    JsonObject payload =
        data(session.run(
                "mutation($u: String!) { connectPortal(input: {webhookUrl: $u}) {"
                    + " portalConnection { status mode domain } errors { code message } } }",
                Map.of("u", webhookUrl)))
            .getJsonObject("connectPortal");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    assertEquals("CONNECTED", payload.getJsonObject("portalConnection").getString("status"));
  }

  private InstallResult install(Session session, Portal portal) throws Exception {
    JsonObject payload =
        data(session.run(
                "mutation($id: String!, $secret: String!) { startPortalInstall(input:"
                    + " {clientId: $id, clientSecret: $secret}) { installUrl errors { code } } }",
                Map.of("id", portal.clientId(), "secret", portal.clientSecret())))
            .getJsonObject("startPortalInstall");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    // the link names the configured public URL; the test server listens on its own port
    URI link = URI.create(payload.getString("installUrl"));
    URI local = base().resolve(link.getRawPath() + "?" + link.getRawQuery());
    return portal.install(local.toString());
  }

  private void pass(Session session, String mode) {
    JsonObject payload =
        data(session.run(
                "mutation { syncPortal(input: {mode: " + mode + "}) { errors { code message } } }"))
            .getJsonObject("syncPortal");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    awaitIdle(session, Duration.ofMinutes(3));
  }

  /** Polls the progress until no pass runs and no entity is pending or running. */
  private static JsonObject awaitIdle(Session session, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject status = null;
    while (System.nanoTime() < deadline) {
      status =
          data(session.run(
                  "{ syncStatus { running percent fetched total entities { entity phase mode"
                      + " fetched total lastError } } }"))
              .getJsonObject("syncStatus");
      boolean busy =
          status.get("running") != JsonValue.NULL
              || status.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                  .anyMatch(
                      e ->
                          !e.getString("phase").equals("DONE")
                              && !e.getString("phase").equals("FAILED"));
      if (!busy && !status.getJsonArray("entities").isEmpty()) {
        return status;
      }
      sleep(150);
    }
    throw new AssertionError("sync did not finish in " + timeout + ": " + status);
  }

  private void assertNoFailedEntity(Session session) {
    JsonArray entities =
        data(session.run("{ syncStatus { entities { entity phase lastError } } }"))
            .getJsonObject("syncStatus")
            .getJsonArray("entities");
    for (JsonObject entity : entities.getValuesAs(JsonObject.class)) {
      assertEquals("DONE", entity.getString("phase"), entity.toString());
    }
  }

  private static void awaitInboxEmpty(UUID tenant) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (Connection c = tenantConnection(tenant)) {
      while (System.nanoTime() < deadline) {
        if (count(c, "SELECT count(*) FROM crm_event_inbox") == 0) {
          sleep(100); // a drain may still be writing the last group it read
          if (count(c, "SELECT count(*) FROM crm_event_inbox") == 0) {
            return;
          }
        }
        sleep(100);
      }
    }
    throw new AssertionError("event inbox not drained within 60 s");
  }

  private static void assertCopyEquals(Portal portal, UUID tenant) throws SQLException {
    assertCopyEquals(
        portal,
        tenant,
        List.of(
            "deal",
            "lead",
            "contact",
            "company",
            "activity",
            "stagehistory",
            "leadstagehistory",
            "user",
            "department"));
  }

  private static void assertCopyEquals(Portal portal, UUID tenant, List<String> entities)
      throws SQLException {
    assertCopyEquals(portal, tenant, entities, "");
  }

  private static void assertCopyEquals(
      Portal portal, UUID tenant, List<String> entities, String context) throws SQLException {
    try (Connection c = tenantConnection(tenant)) {
      for (String entity : entities) {
        CrmCopies.Spec spec = CrmCopies.SPECS.get(entity);
        CrmCopies.Digest truth = CrmCopies.ofSandbox(portal.snapshot(spec.sandboxEntity()), spec);
        CrmCopies.Digest copy = CrmCopies.ofDatabase(c, tenant, spec);
        assertEquals(truth.count(), copy.count(), context + " " + entity + " count");
        assertEquals(truth.sha256(), copy.sha256(), context + " " + entity + " checksum");
      }
    }
  }

  private static String applicationTokenOf(Portal portal) {
    assertNotNull(
        eventsInstall, "the app was installed on " + portal.name() + " by the test before");
    return eventsInstall.tokens().applicationToken();
  }

  private HttpResponse<String> deliver(String memberId, String token, long dealId)
      throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("event", "ONCRMDEALUPDATE");
    form.put("event_handler_id", "1");
    form.put("data[FIELDS][ID]", Long.toString(dealId));
    form.put("ts", "1736405807");
    form.put("auth[domain]", "sandbox");
    form.put("auth[member_id]", memberId);
    if (token != null) {
      form.put("auth[application_token]", token);
    }
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return Http.post(
        base().resolve("/api/bitrix/events"), "application/x-www-form-urlencoded", null, body);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** When the tenant's deals were last read in a full pass (null: never), as text. */
  private static String lastFullPass(UUID tenant) throws SQLException {
    try (Connection c = tenantConnection(tenant);
        ResultSet row =
            c.createStatement()
                .executeQuery(
                    "SELECT max(last_full_sync_at)::text FROM crm_sync_state WHERE entity ="
                        + " 'DEAL'")) {
      row.next();
      return row.getString(1);
    }
  }

  /** Waits until a full pass newer than {@code before} has finished every entity. */
  private static void awaitFullPassAfter(UUID tenant, String before, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String last = lastFullPass(tenant);
      long unfinished;
      try (Connection c = tenantConnection(tenant)) {
        unfinished = count(c, "SELECT count(*) FROM crm_sync_state WHERE phase <> 'DONE'");
      }
      if (last != null && !last.equals(before) && unfinished == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no full pass after " + before + " finished within " + timeout);
  }

  /**
   * The fingerprint once the portal's offline event queue and the tenant's event inbox are empty
   * (nothing left that a background poll or drain could still bring in) and two reads 2 s apart
   * agree.
   */
  private static String settledFingerprint(UUID tenant, Portal portal) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String previous = null;
    while (System.nanoTime() < deadline) {
      String now = fingerprint(tenant);
      boolean drained = portal.offlineQueue().isEmpty();
      try (Connection c = tenantConnection(tenant)) {
        drained &= count(c, "SELECT count(*) FROM crm_event_inbox") == 0;
      }
      if (drained && now.equals(previous)) {
        return now;
      }
      previous = now;
      Thread.sleep(2_000);
    }
    throw new AssertionError("the tenant's deals did not settle within 90 s: " + previous);
  }

  private static String fingerprint(UUID tenant) throws SQLException {
    try (Connection c = tenantConnection(tenant)) {
      StringBuilder sum = new StringBuilder();
      for (String sql :
          List.of(
              // the deals' content (not when they were last read: a re-fetch of an unchanged deal
              // changes nothing)
              "SELECT md5(coalesce(string_agg((to_jsonb(d) - 'synced_at')::text, '|' ORDER BY"
                  + " d.id), '')) FROM crm_deal d",
              "SELECT count(*)::text FROM crm_event_inbox",
              "SELECT md5(coalesce(string_agg(p.status || coalesce(p.last_error, ''), '|'), ''))"
                  + " FROM crm_portal p")) {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
          row.next();
          sum.append(row.getString(1)).append(';');
        }
      }
      return sum.toString();
    }
  }

  private static byte[] storedAccessToken(UUID tenant) throws SQLException {
    try (Connection c = tenantConnection(tenant);
        PreparedStatement s =
            c.prepareStatement("SELECT secret_access_token FROM crm_portal WHERE tenant_id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        byte[] token = rs.getBytes(1);
        assertNotNull(token);
        return token;
      }
    }
  }

  /** The owner role with the tenant's settings: row-level security applies to it too (forced). */
  private static Connection tenantConnection(UUID tenant) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            System.getenv("DB_URL"),
            System.getenv("DB_OWNER_USER"),
            System.getenv("DB_OWNER_PASSWORD"));
    try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
      s.setString(1, tenant.toString());
      s.execute();
    }
    return c;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet row = c.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static JsonObject data(JsonObject response) {
    if (response.containsKey("errors")) {
      throw new AssertionError("GraphQL errors: " + response);
    }
    return response.getJsonObject("data");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static UUID demoId(String name) {
    return UUID.nameUUIDFromBytes(("premia-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
