package app.premia.compensation.application;

import app.premia.kpi.application.MeasurementStore;
import app.premia.kpi.domain.KpiFilter;
import app.premia.sandbox.Delivery;
import app.premia.sandbox.Portal;
import app.premia.sandbox.PortalSpec;
import app.premia.sandbox.SandboxConfig;
import app.premia.sandbox.SandboxServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The what-if benchmark's portal mode (docs/operations/whatif-benchmark.md, {@code
 * infra/bench-whatif.sh --portal}): the 200-manager tenant is a <em>sandbox portal</em> synced by a
 * running Premia over HTTP, not rows generated in SQL. In one run:
 *
 * <ol>
 *   <li>starts a sandbox portal in this JVM with 200 sales staff ({@code PortalSpec.managers}) and
 *       N deals, anchored today; signs in as the demo consultant, connects the demo tenant «Альфа»
 *       by webhook ({@code connectPortal}) and waits for the full sync and the first fill of the
 *       KPI store;
 *   <li>applies the library template {@code kpi_bonus_deal_premiums} ({@code applyTemplates}),
 *       publishes it and assigns every active sales manager ({@code assignScheme}), all through
 *       GraphQL;
 *   <li>three rounds of: (a) the full KPI re-measurement the replay builds on, <em>done by the
 *       server</em> — a hired accountant in the portal and an incremental sync pass change the
 *       roster, which makes the server's background re-measurement re-measure every KPI of every
 *       period — timed from the transaction's own stamp ({@code kpi_measure_state.full_measured_at}
 *       = {@code now()}) to the moment its commit is visible to a 20 ms poll; (a') the same code
 *       ({@code MeasurementStore.remeasureAll}) in this JVM over JDBC, as a cross-check; (b) the
 *       what-if over the last 12 closed months through {@code startWhatIf}, polling {@code
 *       whatIfRun} every 250 ms and recording every progress value seen;
 *   <li>prints the medians, the ratio (b) ÷ (a), the progress sequences and the replay's result.
 * </ol>
 *
 * <p>Usage: {@code WhatIfPortalBenchmark --premia http://127.0.0.1:18098 --db
 * jdbc:postgresql://127.0.0.1:5432/premia_bench_whatif_portal [--deals 30000] [--managers 200]
 * [--seed 42] [--months 12] [--rounds 3]}. Only 127.0.0.1 is contacted.
 */
public final class WhatIfPortalBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Set<String> SALES_POSITIONS =
      Set.of(
          "Руководитель отдела продаж",
          "Менеджер по привлечению",
          "Менеджер по работе с клиентами",
          "VIP-менеджер");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI premia;
  private final String db;
  private final UUID tenant;
  private final String dbUser = env("DB_USER", "premia_app");
  private final String dbPassword = env("DB_PASSWORD", "premia_app");

  private WhatIfPortalBenchmark(URI premia, String db, UUID tenant) {
    this.premia = premia;
    this.db = db;
    this.tenant = tenant;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI premia = URI.create(o.getOrDefault("premia", "http://127.0.0.1:18098"));
    String db = o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/premia_bench_whatif_portal");
    if (!premia.getHost().equals("127.0.0.1") || !db.startsWith("jdbc:postgresql://127.0.0.1:")) {
      throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
    }
    int deals = Integer.parseInt(o.getOrDefault("deals", "30000").replace("_", ""));
    int managers = Integer.parseInt(o.getOrDefault("managers", "200"));
    long seed = Long.parseLong(o.getOrDefault("seed", "42"));
    int months = Integer.parseInt(o.getOrDefault("months", "12"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    String tenantKey = o.getOrDefault("tenant", "alfa");
    String email = o.getOrDefault("email", "consultant@integrator.demo");
    UUID tenant =
        UUID.nameUUIDFromBytes(
            ("premia-demo:tenant:" + tenantKey).getBytes(StandardCharsets.UTF_8));
    LocalDate today = LocalDate.now(MOSCOW);

    WhatIfPortalBenchmark bench = new WhatIfPortalBenchmark(premia, db, tenant);
    try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().port(0).build())) {
      long g0 = System.nanoTime();
      Portal portal =
          sandbox.createPortal(
              PortalSpec.builder()
                  .name("whatif")
                  .seed(seed)
                  .deals(deals)
                  .managers(managers)
                  .anchorDate(today)
                  .build());
      long active = 0;
      long sales = 0;
      for (Map<String, Object> u : portal.snapshot("user")) {
        if (SALES_POSITIONS.contains(u.get("WORK_POSITION"))) {
          sales++;
          active += Boolean.TRUE.equals(u.get("ACTIVE")) ? 1 : 0;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "sandbox portal: %,d deals, %d sales staff (%d active, %d dismissed), seed %d, anchor %s,"
              + " generated in %.1f s; counts %s%n",
          deals,
          sales,
          active,
          sales - active,
          seed,
          today,
          secs(g0),
          portal.counts());

      bench.signIn(email, DemoPassword.VALUE);
      long s0 = System.nanoTime();
      bench.requireOk(
          bench.graphql(
              "mutation($u: String!) { connectPortal(input: {webhookUrl: $u}) {"
                  + " errors { code message } } }",
              Map.of("u", portal.webhookUrl())),
          "connectPortal");
      bench.awaitSync(Duration.ofMinutes(30));
      double sync = secs(s0);
      Instant firstFill = bench.awaitStore(null, Duration.ofMinutes(10));
      System.out.printf(
          Locale.ROOT,
          "full sync over HTTP (connect → every entity done): %.1f s; the KPI store's first fill"
              + " visible %.1f s after connecting%n",
          sync,
          secs(s0));

      // the scheme: the library template, published, every active sales manager assigned
      Scheme scheme = bench.scheme(today, months);
      System.out.printf(
          Locale.ROOT,
          "scheme «%s» from template kpi_bonus_deal_premiums: %d components (%s), published from %s,"
              + " %d active sales managers assigned from %s%n",
          scheme.name,
          scheme.components.size(),
          String.join(", ", scheme.components),
          scheme.effectiveFrom,
          scheme.assigned,
          scheme.assignedFrom);

      List<Double> serverMeasures = new ArrayList<>();
      List<Double> localMeasures = new ArrayList<>();
      List<Double> replays = new ArrayList<>();
      List<Double> replaysPolled = new ArrayList<>();
      List<String> sequences = new ArrayList<>();
      JsonNode lastRun = null;
      Instant lastFull = firstFill;
      for (int round = 0; round < rounds; round++) {
        // (a) the server re-measures every KPI after a roster change arrives by sync
        portal.applyChanges(
            List.of(
                Map.of(
                    "op",
                    "hire",
                    "name",
                    "Бенчмарк",
                    "lastName",
                    "Бухгалтер" + (round + 1),
                    "departmentId",
                    6,
                    "position",
                    "Бухгалтер")),
            Delivery.exactlyOnce());
        bench.requireOk(
            bench.graphql(
                "mutation { syncPortal(input: {mode: INCREMENTAL}) { errors { code message } } }",
                Map.of()),
            "syncPortal");
        Observed full = bench.awaitFull(lastFull, Duration.ofMinutes(5));
        lastFull = full.stamp;
        serverMeasures.add(full.seconds);
        bench.awaitSync(Duration.ofMinutes(5));

        // (a') the same code in this JVM, as a cross-check of (a)
        localMeasures.add(bench.remeasureHere());

        // (b) the what-if through the server's job
        Replay replay = bench.whatIf(scheme.versionId, months);
        replays.add(replay.serverSeconds);
        replaysPolled.add(replay.polledSeconds);
        sequences.add(replay.sequence);
        lastRun = replay.run;
      }

      double a = median(serverMeasures);
      double b = median(replays);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "(a) KPI measurement it builds on — the server's full re-measurement of every KPI, every"
              + " month, quarter and year (after a roster change came in by an incremental sync;"
              + " from the transaction's stamp to its commit seen by a 20 ms poll): median of %d"
              + " %.2f s (%s)%n",
          rounds,
          a,
          times(serverMeasures));
      System.out.printf(
          Locale.ROOT,
          "(a') the same (MeasurementStore.remeasureAll) run by this JVM over JDBC on the same"
              + " tenant: median of %d %.2f s (%s)%n",
          rounds,
          median(localMeasures),
          times(localMeasures));
      System.out.printf(
          Locale.ROOT,
          "(b) what-if: startWhatIf over the last %d closed months, %d managers assigned, server's"
              + " startedAt → finishedAt: median of %d %.2f s (%s); mutation → DONE seen by the"
              + " 250 ms poll: median %.2f s (%s)%n",
          months,
          scheme.assigned,
          rounds,
          b,
          times(replays),
          median(replaysPolled),
          times(replaysPolled));
      System.out.printf(Locale.ROOT, "    ratio (b) / (a): %.2f%n", b / a);
      for (int i = 0; i < sequences.size(); i++) {
        System.out.printf(
            Locale.ROOT, "    progress seen, round %d: %s%n", i + 1, sequences.get(i));
      }
      System.out.printf(
          Locale.ROOT,
          "    what-if result: cost %s (current %s), base %s, bonus share %s %%, %d employees%n",
          lastRun.path("totalCost").asText(),
          lastRun.path("currentCost").asText(),
          lastRun.path("baseSalaryTotal").asText(),
          lastRun.path("bonusSharePercent").asText(),
          lastRun.path("employees").size());
      for (JsonNode m : lastRun.path("monthly")) {
        System.out.printf(
            Locale.ROOT,
            "    %s: variable %s (current %s), base %s, %d employees%n",
            m.path("month").path("start").asText().substring(0, 7),
            m.path("variablePay").asText(),
            m.path("currentVariablePay").asText(),
            m.path("baseSalary").asText(),
            m.path("employees").asInt());
      }
    }
  }

  /** The demo users' password (tenancy's {@code DemoData.PASSWORD}, not on the test classpath). */
  private static final class DemoPassword {
    static final String VALUE = "Premia-demo-2026";
  }

  // ---------------------------------------------------------------------------------------------
  // GraphQL steps
  // ---------------------------------------------------------------------------------------------

  private void signIn(String email, String password) throws Exception {
    requireOk(
        graphql(
            "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
                + " { errors { code message } } }",
            Map.of("e", email, "p", password)),
        "signIn");
    requireOk(
        graphql(
            "mutation($t: ID!) { switchTenant(tenantId: $t) { errors { code message } } }",
            Map.of("t", tenant.toString())),
        "switchTenant");
  }

  private void awaitSync(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastPrint = System.nanoTime();
    while (System.nanoTime() < deadline) {
      JsonNode status =
          graphql(
                  "{ syncStatus { running percent fetched entities { entity phase lastError } } }",
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
      if (!busy && status.path("entities").size() > 0) {
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

  private record Scheme(
      String name,
      String schemeId,
      String versionId,
      List<String> components,
      String effectiveFrom,
      int assigned,
      LocalDate assignedFrom) {}

  private Scheme scheme(LocalDate today, int months) throws Exception {
    JsonNode templates =
        graphql("{ templateLibrary { templates { id code } } }", Map.of())
            .path("data")
            .path("templateLibrary")
            .path("templates");
    String templateId = null;
    for (JsonNode t : templates) {
      if (t.path("code").asText().equals("kpi_bonus_deal_premiums")) {
        templateId = t.path("id").asText();
      }
    }
    if (templateId == null) {
      throw new IllegalStateException("no kpi_bonus_deal_premiums in the library: " + templates);
    }
    JsonNode applied =
        graphql(
                "mutation($t: ID!) { applyTemplates(input: {templateIds: [$t]}) {"
                    + " schemes { id name draft { id definition { components { name } } } }"
                    + " errors { code message } } }",
                Map.of("t", templateId))
            .path("data")
            .path("applyTemplates");
    requireOk(applied, "applyTemplates");
    JsonNode s = applied.path("schemes").get(0);
    List<String> components = new ArrayList<>();
    for (JsonNode c : s.path("draft").path("definition").path("components")) {
      components.add(c.path("name").asText());
    }
    String effective = today.withDayOfMonth(1).toString();
    JsonNode published =
        graphql(
                "mutation($v: ID!, $f: Date!) { publishSchemeVersion(input: {versionId: $v,"
                    + " effectiveFrom: $f}) { version { id effectiveFrom } errors { code message"
                    + " } } }",
                Map.of("v", s.path("draft").path("id").asText(), "f", effective))
            .path("data")
            .path("publishSchemeVersion");
    requireOk(published, "publishSchemeVersion");
    String versionId = published.path("version").path("id").asText();

    // every active sales manager, from before the replayed months (and the month before them)
    LocalDate from = today.withDayOfMonth(1).minusMonths(months + 2L);
    int assigned = 0;
    String after = null;
    do {
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("p", today.withDayOfMonth(1).toString());
      if (after != null) {
        vars.put("a", after);
      }
      JsonNode page =
          graphql(
                  "query($p: Date!, $a: String) { employeeKpis(period: {kind: MONTH, start: $p},"
                      + " kpis: [\"sales_volume\"], first: 100, after: $a) { edges { node {"
                      + " employee { id position firedOn } } } pageInfo { hasNextPage endCursor"
                      + " } } }",
                  vars)
              .path("data")
              .path("employeeKpis");
      for (JsonNode edge : page.path("edges")) {
        JsonNode e = edge.path("node").path("employee");
        if (SALES_POSITIONS.contains(e.path("position").asText()) && e.path("firedOn").isNull()) {
          requireOk(
              graphql(
                      "mutation($e: ID!, $s: ID!, $f: Date!) { assignScheme(input: {employeeId:"
                          + " $e, schemeId: $s, validFrom: $f}) { errors { code message } } }",
                      Map.of(
                          "e", e.path("id").asText(),
                          "s", s.path("id").asText(),
                          "f", from.toString()))
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
    return new Scheme(
        s.path("name").asText(),
        s.path("id").asText(),
        versionId,
        components,
        published.path("version").path("effectiveFrom").asText(),
        assigned,
        from);
  }

  private record Replay(
      double serverSeconds, double polledSeconds, String sequence, JsonNode run) {}

  private Replay whatIf(String versionId, int months) throws Exception {
    long t0 = System.nanoTime();
    JsonNode started =
        graphql(
                "mutation($v: ID!, $m: Int!) { startWhatIf(input: {versionId: $v, months: $m}) {"
                    + " run { id status progressDone progressTotal } errors { code message } } }",
                Map.of("v", versionId, "m", months))
            .path("data")
            .path("startWhatIf");
    requireOk(started, "startWhatIf");
    String id = started.path("run").path("id").asText();
    List<String> seen = new ArrayList<>();
    seen.add(progress(started.path("run")));
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(250);
      JsonNode run =
          graphql(
                  "query($id: ID!) { whatIfRun(id: $id) { status progressDone progressTotal"
                      + " startedAt finishedAt error totalCost currentCost baseSalaryTotal"
                      + " bonusSharePercent monthly { month { start } variablePay"
                      + " currentVariablePay baseSalary employees } employees { variablePay } } }",
                  Map.of("id", id))
              .path("data")
              .path("whatIfRun");
      seen.add(progress(run));
      String status = run.path("status").asText();
      if (status.equals("FAILED")) {
        throw new IllegalStateException("the what-if failed: " + run.path("error").asText());
      }
      if (status.equals("DONE")) {
        double polled = secs(t0);
        double server =
            Duration.between(
                        Instant.parse(run.path("startedAt").asText()),
                        Instant.parse(run.path("finishedAt").asText()))
                    .toNanos()
                / 1e9;
        return new Replay(server, polled, collapse(seen), run);
      }
    }
    throw new IllegalStateException("the what-if did not finish in 10 minutes: " + seen);
  }

  private static String progress(JsonNode run) {
    return run.path("status").asText()
        + " "
        + run.path("progressDone").asInt()
        + "/"
        + run.path("progressTotal").asInt();
  }

  /** "RUNNING 3/12 ×4" for four polls in a row that saw the same value. */
  private static String collapse(List<String> seen) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < seen.size()) {
      int j = i;
      while (j < seen.size() && seen.get(j).equals(seen.get(i))) {
        j++;
      }
      out.add(seen.get(i) + (j - i > 1 ? " ×" + (j - i) : ""));
      i = j;
    }
    return String.join(", ", out) + " (" + seen.size() + " answers: the mutation's and the polls')";
  }

  private JsonNode graphql(String query, Map<String, ?> variables) throws Exception {
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

  private void requireOk(JsonNode payload, String what) {
    JsonNode p = payload.has("data") ? payload.path("data").path(what) : payload;
    if (p.isMissingNode() || p.isNull() || p.path("errors").size() > 0) {
      throw new IllegalStateException(what + " failed: " + payload);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the KPI store, read over JDBC on 127.0.0.1 as the runtime role for the tenant
  // ---------------------------------------------------------------------------------------------

  private record Observed(Instant stamp, double seconds) {}

  /**
   * Waits until a full re-measurement newer than {@code after} has committed: its stamp is {@code
   * now()} of its transaction, i.e. when it began; the poll's {@code clock_timestamp()} when it is
   * seen is its end (to within the poll's 20 ms).
   */
  private Observed awaitFull(Instant after, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
      c.setAutoCommit(false);
      while (System.nanoTime() < deadline) {
        context(c);
        try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT full_measured_at, clock_timestamp(), last_error FROM kpi_measure_state"
                        + " WHERE tenant_id = premia_current_tenant()");
            ResultSet r = s.executeQuery()) {
          if (r.next() && r.getTimestamp(1) != null) {
            Instant stamp = r.getTimestamp(1).toInstant();
            Timestamp seen = r.getTimestamp(2);
            if (after == null || stamp.isAfter(after)) {
              c.commit();
              return new Observed(stamp, Duration.between(stamp, seen.toInstant()).toNanos() / 1e9);
            }
          }
        }
        c.commit();
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("no full KPI re-measurement within " + timeout);
  }

  private Instant awaitStore(Instant after, Duration timeout) throws Exception {
    Observed o = awaitFull(after, timeout);
    System.out.printf(
        Locale.ROOT,
        "the server's first fill of the KPI store (deal snapshot built, every figure stored):"
            + " %.2f s%n",
        o.seconds);
    return o.stamp;
  }

  private double remeasureHere() throws SQLException {
    try (Connection c = DriverManager.getConnection(db, dbUser, dbPassword)) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      context(c);
      MeasurementStore store = new MeasurementStore(c);
      KpiFilter filter = store.state().map(MeasurementStore.State::filter).orElse(KpiFilter.ALL);
      store.remeasureAll(filter);
      c.commit();
      return secs(t0);
    }
  }

  private void context(Connection c) throws SQLException {
    WhatIfBenchmark.context(c, tenant);
  }

  // ---------------------------------------------------------------------------------------------

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> values) {
    return WhatIfBenchmark.median(values);
  }

  private static String times(List<Double> values) {
    List<String> s = new ArrayList<>();
    for (double v : values) {
      s.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", s) + " s";
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
