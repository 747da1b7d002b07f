package app.premia.compensation.application;

import app.premia.bench.SalesTenant;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.sandbox.Delivery;
import app.premia.sandbox.InstallResult;
import app.premia.sandbox.Limits;
import app.premia.sandbox.Portal;
import app.premia.sandbox.PortalSpec;
import app.premia.sandbox.SandboxConfig;
import app.premia.sandbox.SandboxServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The payout benchmark's portal mode (docs/operations/payout-benchmark.md, {@code
 * infra/bench-payouts.sh --portal}): how long a manager waits, after a deal of his changes in
 * Bitrix24, until his live estimate over GraphQL shows it. In one run:
 *
 * <ol>
 *   <li>starts a sandbox portal in this JVM with M sales staff and N deals, anchored today; signs
 *       in as the demo consultant in the demo company «Альфа» and <em>installs</em> Premia as the
 *       portal's app ({@code startPortalInstall}, the sandbox's install callback), so the portal
 *       delivers events; waits for the full sync and the KPI store's first fill;
 *   <li>optionally ({@code --limits generous}) tells the sandbox and Premia ({@code
 *       configurePortal}) that the portal allows 500 requests a second, as CrmSyncIT does;
 *   <li>creates the SQL mode's three-component scheme ({@code createScheme}), publishes it from the
 *       current month and puts every active sales manager on it from the current month's first day
 *       ({@code assignScheme}; their demo assignments end the day before);
 *   <li>signs in as {@code manager1@alfa.demo} (linked to portal user 3, the acquisition team's
 *       head) and reads {@code myPayouts { estimate { total } } };
 *   <li>E times: changes one of his deals in the sandbox — won, then lost again, alternately, over
 *       a few of his deals not won before — each change moving his deals won this month by one and
 *       his estimate by at least 500 ₽; then polls the estimate until the total differs from the
 *       one before the change, recording the time from the change to the answer that shows it, and
 *       (over JDBC, between polls) when Premia's copy of the deal took the new stage;
 *   <li>prints p50, p95 and max (goal: p95 ≤ 1 s).
 * </ol>
 *
 * <p>Usage: {@code PayoutPortalBenchmark --premia http://127.0.0.1:18099 --db
 * jdbc:postgresql://127.0.0.1:5432/premia_bench_payouts_portal [--deals 30000] [--managers 200]
 * [--events 100] [--seed 42] [--limits cloud|generous] [--poll-ms 20]}. Only 127.0.0.1 is
 * contacted; every wait is bounded.
 */
public final class PayoutPortalBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Set<String> SALES_POSITIONS =
      Set.of(
          "Руководитель отдела продаж",
          "Менеджер по привлечению",
          "Менеджер по работе с клиентами",
          "VIP-менеджер");
  private static final String PASSWORD = "Premia-demo-2026";

  /** The demo manager and the portal user he is linked to (tenancy's DemoData). */
  private static final String MANAGER = "manager1@alfa.demo";

  private static final long MANAGER_PORTAL_ID = 3;
  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  private final URI premia;
  private final String db;
  private final UUID tenant;
  private final String dbUser = SalesTenant.env("DB_USER", "premia_app");
  private final String dbPassword = SalesTenant.env("DB_PASSWORD", "premia_app");

  private PayoutPortalBenchmark(URI premia, String db, UUID tenant) {
    this.premia = premia;
    this.db = db;
    this.tenant = tenant;
  }

  /** A signed-in browser: its own cookies. */
  private final class Session {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Session signIn(String email) throws Exception {
      requireOk(
          graphql(
              "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
                  + " { errors { code message } } }",
              Map.of("e", email, "p", PASSWORD)),
          "signIn");
      requireOk(
          graphql(
              "mutation($t: ID!) { switchTenant(tenantId: $t) { errors { code message } } }",
              Map.of("t", tenant.toString())),
          "switchTenant");
      return this;
    }

    JsonNode graphql(String query, Map<String, ?> variables) throws Exception {
      ObjectNode body = JSON.createObjectNode();
      body.put("query", query);
      ObjectNode vars = body.putObject("variables");
      variables.forEach((k, v) -> vars.set(k, JSON.valueToTree(v)));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(premia.resolve("/graphql"))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/graphql-response+json, application/json;q=0.9")
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(response.body());
      if (json.has("errors")) {
        throw new IllegalStateException("GraphQL errors: " + json.get("errors"));
      }
      return json;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI premia = URI.create(o.getOrDefault("premia", "http://127.0.0.1:18099"));
    String db =
        o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/premia_bench_payouts_portal");
    if (!premia.getHost().equals("127.0.0.1") || !db.startsWith("jdbc:postgresql://127.0.0.1:")) {
      throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
    }
    int deals = Integer.parseInt(o.getOrDefault("deals", "30000").replace("_", ""));
    int managers = Integer.parseInt(o.getOrDefault("managers", "200"));
    int events = Integer.parseInt(o.getOrDefault("events", "100"));
    long seed = Long.parseLong(o.getOrDefault("seed", "42"));
    long pollMs = Long.parseLong(o.getOrDefault("poll-ms", "20"));
    String limits = o.getOrDefault("limits", "cloud");
    if (!limits.equals("cloud") && !limits.equals("generous")) {
      throw new IllegalArgumentException("--limits cloud|generous: " + limits);
    }
    UUID tenant =
        UUID.nameUUIDFromBytes("premia-demo:tenant:alfa".getBytes(StandardCharsets.UTF_8));
    LocalDate today = LocalDate.now(MOSCOW);
    LocalDate month = today.withDayOfMonth(1);

    PayoutPortalBenchmark bench = new PayoutPortalBenchmark(premia, db, tenant);
    try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().port(0).build())) {
      long g0 = System.nanoTime();
      Portal portal =
          sandbox.createPortal(
              PortalSpec.builder()
                  .name("payouts")
                  .seed(seed)
                  .deals(deals)
                  .managers(managers)
                  .anchorDate(today)
                  .build());
      System.out.printf(
          Locale.ROOT,
          "sandbox portal: %,d deals, %d sales staff, seed %d, anchor %s, generated in %.1f s;"
              + " counts %s%n",
          deals,
          managers,
          seed,
          today,
          SalesTenant.secs(g0),
          portal.counts());
      if (limits.equals("generous")) {
        portal.limits(Limits.defaults().withDrainPerSecond(500).withThreshold(5_000));
      }

      Session consultant = bench.new Session().signIn("consultant@integrator.demo");
      long s0 = System.nanoTime();
      InstallResult installed = bench.install(consultant, portal);
      if (!installed.installed()) {
        throw new IllegalStateException(
            "the install callback answered " + installed.callbackStatus());
      }
      if (limits.equals("generous")) {
        bench.requireOk(
            consultant.graphql(
                "mutation { configurePortal(input: {pipelineIds: [], limits: {requestsPerSecond:"
                    + " 500, burst: 5000, operatingSeconds: 100000}}) { errors { code message"
                    + " } } }",
                Map.of()),
            "configurePortal");
      }
      bench.awaitSync(consultant, Duration.ofMinutes(30));
      double sync = SalesTenant.secs(s0);
      double measured = bench.awaitSettledStore(Duration.ofMinutes(20));
      double fill = SalesTenant.secs(s0);
      System.out.printf(
          Locale.ROOT,
          "app installed (events bound), full sync %.1f s; the full KPI measurement after it took"
              + " %.1f s and was visible %.1f s after the install; portal limits: %s%n",
          sync,
          measured,
          fill,
          limits.equals("generous")
              ? "generous (sandbox 500 req/s, burst 5 000; configurePortal the same)"
              : "the cloud plan's (2 req/s, burst 50)");

      // the scheme, and every active sales manager on it from this month
      String schemeId = bench.scheme(consultant, month);
      int assigned = bench.assignSalesManagers(consultant, schemeId, month);
      System.out.printf(
          Locale.ROOT,
          "scheme «Бенчмарк выплат» (3 components, the SQL mode's) published from %s; %d active"
              + " sales managers put on it from %s (%d hired this month: from the day after their"
              + " hire day)%n",
          month,
          assigned,
          month,
          bench.late);

      Session manager = bench.new Session().signIn(MANAGER);
      JsonNode mine =
          manager
              .graphql(
                  "{ myPayouts { employee { id name } estimate { period { start } total"
                      + " lines { componentKey amount } } } }",
                  Map.of())
              .path("data")
              .path("myPayouts");
      if (mine.path("estimate").isNull() || mine.path("estimate").isMissingNode()) {
        throw new IllegalStateException(MANAGER + " has no estimate: " + mine);
      }
      List<Long> his = bench.notWonDeals(portal, MANAGER_PORTAL_ID, 10);
      System.out.printf(
          Locale.ROOT,
          "%s is %s (portal user %d); estimate of %s: %s; %d of his deals not won (open or lost)"
              + " used: %s%n",
          MANAGER,
          mine.path("employee").path("name").asText(),
          MANAGER_PORTAL_ID,
          mine.path("estimate").path("period").path("start").asText(),
          mine.path("estimate").path("total").asText(),
          his.size(),
          his);
      System.out.printf(
          Locale.ROOT, "    estimate lines at %s: %s%n", Instant.now(), bench.lines(manager));
      if (his.isEmpty()) {
        throw new IllegalStateException("portal user 3 has no deal that is not won");
      }

      // the events
      List<Double> latencies = new ArrayList<>();
      List<Double> copied = new ArrayList<>();
      List<Integer> polls = new ArrayList<>();
      int timeouts = 0;
      BigDecimal total = new BigDecimal(mine.path("estimate").path("total").asText());
      BigDecimal first = total;
      try (Connection c = DriverManager.getConnection(db, bench.dbUser, bench.dbPassword)) {
        c.setAutoCommit(false);
        for (int i = 0; i < events; i++) {
          long deal = his.get((i / 2) % his.size());
          boolean win = i % 2 == 0;
          Observed seen = bench.change(portal, manager, c, deal, win, total, EVENT_TIMEOUT, pollMs);
          if (seen.total() == null) {
            timeouts++;
            System.out.printf(
                Locale.ROOT,
                "    event %d (%s deal %d, %s): the estimate did not change within %d s (the copy"
                    + " had the new stage after %s s); now %s; his stored figures of the month:"
                    + " %s%n",
                i + 1,
                win ? "won" : "lost",
                deal,
                Instant.now(),
                EVENT_TIMEOUT.toSeconds(),
                seen.copied(),
                bench.lines(manager),
                bench.figures(c, MANAGER_PORTAL_ID, month));
            total = bench.estimate(manager);
            continue;
          }
          latencies.add(seen.seconds());
          if (seen.copied() != null) {
            copied.add(seen.copied());
          }
          polls.add(seen.polls());
          total = seen.total();
          Thread.sleep(200); // let the server settle before the next change
        }
      }

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "deal-change event → updated estimate readable via GraphQL (myPayouts { estimate {"
              + " total } }, polled every %d ms after each answer): %d events, %d seen, %d timed"
              + " out (> %d s)%n",
          pollMs,
          events,
          latencies.size(),
          timeouts,
          EVENT_TIMEOUT.toSeconds());
      System.out.printf(
          Locale.ROOT,
          "    latency: p50 %.0f ms, p95 %.0f ms, max %.0f ms (goal p95 ≤ 1 000 ms)%n",
          percentile(latencies, 50) * 1000,
          percentile(latencies, 95) * 1000,
          percentile(latencies, 100) * 1000);
      System.out.printf(
          Locale.ROOT,
          "    of which until Premia's copy of the deal had the new stage (its row read over JDBC"
              + " after every estimate read): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
          percentile(copied, 50) * 1000,
          percentile(copied, 95) * 1000,
          percentile(copied, 100) * 1000);
      System.out.printf(
          Locale.ROOT,
          "    estimate reads per event: median %d, max %d; the estimate moved from %s to %s%n",
          (int) percentile(polls.stream().map(Integer::doubleValue).toList(), 50),
          (int) percentile(polls.stream().map(Integer::doubleValue).toList(), 100),
          first.toPlainString(),
          total.toPlainString());
      System.out.printf(Locale.ROOT, "    sandbox stats: %s%n", portal.stats());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private record Observed(double seconds, Double copied, int polls, BigDecimal total) {}

  /**
   * Wins or loses the deal in the sandbox (the event is delivered to Premia at once) and polls the
   * estimate until its total is no longer {@code before}.
   */
  private Observed change(
      Portal portal,
      Session manager,
      Connection c,
      long deal,
      boolean win,
      BigDecimal before,
      Duration timeout,
      long pollMs)
      throws Exception {
    String semantic = win ? "S" : "F";
    long t0 = System.nanoTime();
    portal.applyChanges(
        List.of(Map.of("op", win ? "win" : "lose", "dealId", deal)), Delivery.exactlyOnce());
    Double copied = null;
    int polls = 0;
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      BigDecimal now = estimate(manager);
      double seen = SalesTenant.secs(t0);
      polls++;
      // the copy checked after every read, so it is known by the time the estimate shows
      if (copied == null && semantic.equals(stageOf(c, deal))) {
        copied = SalesTenant.secs(t0);
      }
      if (now.compareTo(before) != 0) {
        return new Observed(seen, copied, polls, now);
      }
      Thread.sleep(pollMs);
    }
    return new Observed(SalesTenant.secs(t0), copied, polls, null);
  }

  private BigDecimal estimate(Session manager) throws Exception {
    JsonNode e =
        manager
            .graphql("{ myPayouts { estimate { total } } }", Map.of())
            .path("data")
            .path("myPayouts")
            .path("estimate");
    if (e.isNull() || e.isMissingNode()) {
      throw new IllegalStateException("the estimate disappeared");
    }
    return new BigDecimal(e.path("total").asText());
  }

  /** The estimate's lines, for the record: key, amount, paid and the first explanation step. */
  private String lines(Session manager) throws Exception {
    JsonNode e =
        manager
            .graphql(
                "{ myPayouts { estimate { total measuredAt lines { componentKey amount paid"
                    + " explanation } } } }",
                Map.of())
            .path("data")
            .path("myPayouts")
            .path("estimate");
    List<String> out = new ArrayList<>();
    for (JsonNode l : e.path("lines")) {
      out.add(
          l.path("componentKey").asText()
              + " "
              + l.path("amount").asText()
              + (l.path("paid").asBoolean() ? "" : " (unpaid)")
              + " «"
              + l.path("explanation").path(0).asText()
              + "»");
    }
    return "total "
        + e.path("total").asText()
        + " measured "
        + e.path("measuredAt").asText()
        + ": "
        + out;
  }

  /** The KPI store's figures of the employee in the month (deals, volume). */
  private String figures(Connection c, long employee, LocalDate month) throws SQLException {
    SalesTenant.context(c, tenant);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT deals, priced, volume FROM kpi_employee_period WHERE employee_id = ?"
                + " AND period_kind = 'MONTH' AND period_start = ?")) {
      s.setLong(1, employee);
      s.setObject(2, month);
      try (ResultSet r = s.executeQuery()) {
        String out =
            r.next()
                ? "deals "
                    + r.getLong(1)
                    + ", priced "
                    + r.getLong(2)
                    + ", volume "
                    + r.getBigDecimal(3)
                : "none";
        c.commit();
        return out;
      }
    }
  }

  private String stageOf(Connection c, long deal) throws SQLException {
    SalesTenant.context(c, tenant);
    try (PreparedStatement s =
        c.prepareStatement("SELECT stage_semantic FROM crm_deal WHERE id = ?")) {
      s.setLong(1, deal);
      try (ResultSet r = s.executeQuery()) {
        String out = r.next() ? r.getString(1) : null;
        c.commit();
        return out;
      }
    }
  }

  /** Up to n of the portal user's deals that are not won now, lowest ids first. */
  private List<Long> notWonDeals(Portal portal, long user, int n) {
    List<Long> out = new ArrayList<>();
    for (Map<String, Object> d : portal.snapshot("deal")) {
      if (String.valueOf(user).equals(String.valueOf(d.get("ASSIGNED_BY_ID")))
          && !"S".equals(String.valueOf(d.get("STAGE_SEMANTIC_ID")))) {
        out.add(Long.parseLong(String.valueOf(d.get("ID"))));
      }
    }
    Collections.sort(out);
    return out.subList(0, Math.min(n, out.size()));
  }

  // ---------------------------------------------------------------------------------------------
  // set-up through GraphQL
  // ---------------------------------------------------------------------------------------------

  private InstallResult install(Session consultant, Portal portal) throws Exception {
    JsonNode payload =
        consultant
            .graphql(
                "mutation($id: String!, $secret: String!) { startPortalInstall(input:"
                    + " {clientId: $id, clientSecret: $secret}) { installUrl errors { code"
                    + " message } } }",
                Map.of("id", portal.clientId(), "secret", portal.clientSecret()))
            .path("data")
            .path("startPortalInstall");
    requireOk(payload, "startPortalInstall");
    // the link names the configured public URL; call the server's own port on 127.0.0.1
    URI link = URI.create(payload.path("installUrl").asText());
    URI local = premia.resolve(link.getRawPath() + "?" + link.getRawQuery());
    return portal.install(local.toString());
  }

  private String scheme(Session consultant, LocalDate month) throws Exception {
    JsonNode created =
        consultant
            .graphql(
                "mutation($d: SchemeDefinitionInput!) { createScheme(input: {name: \"Бенчмарк"
                    + " выплат\", salesRole: CUSTOM, definition: $d}) { scheme { id draft { id } }"
                    + " errors { code message } } }",
                // the stored JSON is the input's form (decimals as strings, nulls left out)
                Map.of("d", JSON.readTree(SchemeCodec.toJson(PayoutBenchmark.definition()))))
            .path("data")
            .path("createScheme");
    requireOk(created, "createScheme");
    JsonNode published =
        consultant
            .graphql(
                "mutation($v: ID!, $f: Date!) { publishSchemeVersion(input: {versionId: $v,"
                    + " effectiveFrom: $f}) { version { id } errors { code message } } }",
                Map.of(
                    "v",
                    created.path("scheme").path("draft").path("id").asText(),
                    "f",
                    month.toString()))
            .path("data")
            .path("publishSchemeVersion");
    requireOk(published, "publishSchemeVersion");
    return created.path("scheme").path("id").asText();
  }

  private int late;

  private int assignSalesManagers(Session consultant, String schemeId, LocalDate month)
      throws Exception {
    int assigned = 0;
    String after = null;
    do {
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("p", month.toString());
      if (after != null) {
        vars.put("a", after);
      }
      JsonNode page =
          consultant
              .graphql(
                  "query($p: Date!, $a: String) { employeeKpis(period: {kind: MONTH, start: $p},"
                      + " kpis: [\"sales_volume\"], first: 100, after: $a) { edges { node {"
                      + " employee { id position hiredOn firedOn } } } pageInfo { hasNextPage"
                      + " endCursor"
                      + " } } }",
                  vars)
              .path("data")
              .path("employeeKpis");
      for (JsonNode edge : page.path("edges")) {
        JsonNode e = edge.path("node").path("employee");
        if (SALES_POSITIONS.contains(e.path("position").asText()) && e.path("firedOn").isNull()) {
          // from the month's first day; one who joined this month the day after his hire day (the
          // demo put him on its scheme from that day, and a new assignment ends only an earlier
          // one: one scheme at a time)
          LocalDate from = month;
          if (!e.path("hiredOn").isNull() && !e.path("hiredOn").isMissingNode()) {
            LocalDate hired = LocalDate.parse(e.path("hiredOn").asText());
            if (!hired.isBefore(month)) {
              from = hired.plusDays(1);
              late++;
            }
          }
          requireOk(
              consultant
                  .graphql(
                      "mutation($e: ID!, $s: ID!, $f: Date!) { assignScheme(input: {employeeId:"
                          + " $e, schemeId: $s, validFrom: $f}) { errors { code message } } }",
                      Map.of("e", e.path("id").asText(), "s", schemeId, "f", from.toString()))
                  .path("data")
                  .path("assignScheme"),
              "assignScheme");
          assigned++;
        }
      }
      after =
          page.path("pageInfo").path("hasNextPage").asBoolean()
              ? page.path("pageInfo").path("endCursor").asText()
              : null;
    } while (after != null);
    return assigned;
  }

  private void awaitSync(Session session, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastPrint = System.nanoTime();
    boolean begun = false;
    while (System.nanoTime() < deadline) {
      JsonNode status =
          session
              .graphql(
                  "{ syncStatus { running percent fetched entities { entity phase lastError }"
                      + " } }",
                  Map.of())
              .path("data")
              .path("syncStatus");
      boolean busy = !status.path("running").isNull();
      List<String> failed = new ArrayList<>();
      for (JsonNode entity : status.path("entities")) {
        String phase = entity.path("phase").asText();
        busy |= phase.equals("RUNNING") || phase.equals("PENDING");
        if (phase.equals("FAILED")) {
          failed.add(entity.path("entity").asText() + ": " + entity.path("lastError").asText());
        }
      }
      begun |= busy || status.path("fetched").asLong() > 0;
      if (begun && !busy && status.path("entities").size() > 0) {
        if (!failed.isEmpty()) {
          throw new IllegalStateException("sync failed: " + failed);
        }
        return;
      }
      if (System.nanoTime() - lastPrint > 15_000_000_000L) {
        System.out.printf(
            Locale.ROOT,
            "  … sync %d %% (%,d rows)%n",
            status.path("percent").asInt(),
            status.path("fetched").asLong());
        lastPrint = System.nanoTime();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the sync did not finish within " + timeout);
  }

  /**
   * Waits until a full KPI measurement that began after the sync's last entity finished has
   * committed (a measurement may run while the sync still writes: the one that counts comes after
   * it) and no change is queued; answers that measurement's time, from its transaction's stamp to
   * the moment its commit was seen.
   */
  private double awaitSettledStore(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
      c.setAutoCommit(false);
      while (System.nanoTime() < deadline) {
        SalesTenant.context(c, tenant);
        try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT m.full_measured_at, clock_timestamp(),"
                        + " (SELECT max(finished_at) FROM crm_sync_state),"
                        + " (SELECT count(*) FROM kpi_dirty)"
                        + " FROM kpi_measure_state m WHERE m.tenant_id = premia_current_tenant()");
            ResultSet r = s.executeQuery()) {
          if (r.next()
              && r.getTimestamp(1) != null
              && r.getTimestamp(3) != null
              && r.getTimestamp(1).after(r.getTimestamp(3))
              && r.getLong(4) == 0) {
            double took = (r.getTimestamp(2).getTime() - r.getTimestamp(1).getTime()) / 1e3;
            c.commit();
            return took;
          }
        }
        c.commit();
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("the KPI store did not settle within " + timeout);
  }

  private void requireOk(JsonNode payload, String what) {
    JsonNode p = payload.has("data") ? payload.path("data").path(what) : payload;
    if (p.isMissingNode() || p.isNull() || p.path("errors").size() > 0) {
      throw new IllegalStateException(what + " failed: " + payload);
    }
  }

  /** The nearest-rank percentile (100: the maximum); NaN for none. */
  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
