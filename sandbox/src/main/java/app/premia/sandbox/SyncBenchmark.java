package app.premia.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The sync benchmark (docs/operations/sync-benchmark.md): starts a sandbox portal of N deals in
 * this JVM, connects a running Premia's demo tenant «Гамма» to it by webhook, times the first full
 * sync from the connect mutation until every entity is done, and prints the elapsed time next to
 * the floor the configured limits imply:
 *
 * <ul>
 *   <li>request floor: the fewest HTTP requests that can carry the portal's rows (fast mode, 50
 *       rows a page, 50 pages chained in one batch) beyond the bucket's burst, at its drain rate;
 *   <li>operating-time floor: per Bitrix24 method, the server time those pages cost (the sandbox's
 *       cost model) beyond one window's budget, at one budget per window.
 * </ul>
 *
 * <p>Usage: {@code SyncBenchmark --premia http://127.0.0.1:18097 [--deals 100000] [--seed 42]
 * [--managers N]} (sales staff; default deals ÷ 150 clamped to 6..60).
 */
public final class SyncBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 50;
  private static final int CHAIN = 50;

  /** Paged entities: sandbox snapshot name → the Bitrix24 method that reads it. */
  static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("deal", "crm.deal.list");
    METHODS.put("lead", "crm.lead.list");
    METHODS.put("contact", "crm.contact.list");
    METHODS.put("company", "crm.company.list");
    METHODS.put("activity", "crm.activity.list");
    METHODS.put("stagehistory", "crm.stagehistory.list");
    METHODS.put("leadstagehistory", "crm.stagehistory.list");
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI premia;

  private SyncBenchmark(URI premia) {
    this.premia = premia;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI premia = URI.create(options.getOrDefault("premia", "http://127.0.0.1:18097"));
    int deals = Integer.parseInt(options.getOrDefault("deals", "100000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    int managers = Integer.parseInt(options.getOrDefault("managers", "0"));
    String email = options.getOrDefault("email", "owner@integrator.demo");
    String password = options.getOrDefault("password", "Premia-demo-2026");
    UUID tenant =
        UUID.nameUUIDFromBytes("premia-demo:tenant:gamma".getBytes(StandardCharsets.UTF_8));

    try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().port(0).build())) {
      long generating = System.nanoTime();
      Portal portal =
          sandbox.createPortal(
              PortalSpec.builder()
                  .name("bench")
                  .seed(seed)
                  .deals(deals)
                  .managers(managers)
                  .anchorDate(LocalDate.of(2026, 11, 1))
                  .build());
      System.out.printf(
          Locale.ROOT,
          "sandbox portal: %,d deals generated in %.1f s; limits %s%n",
          deals,
          (System.nanoTime() - generating) / 1e9,
          portal.limits());

      SyncBenchmark bench = new SyncBenchmark(premia);
      bench.signIn(email, password, tenant);
      portal.resetStats();
      long started = System.nanoTime();
      bench.connect(portal.webhookUrl());
      JsonNode status = bench.awaitIdle(Duration.ofMinutes(60));
      double elapsed = (System.nanoTime() - started) / 1e9;
      report(portal, status, elapsed);
    }
  }

  static void report(Portal portal, JsonNode status, double elapsed) {
    Limits limits = portal.limits();
    PortalStats stats = portal.stats();
    Map<String, Object> counts = portal.counts();

    long minRequests = 0;
    long rows = 0;
    Map<String, Double> minCost = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : METHODS.entrySet()) {
      long n = ((Number) counts.get(e.getKey())).longValue();
      rows += n;
      long pages = n / PAGE + 1; // the fast loop ends on a page of fewer than 50 rows
      minRequests += (pages + CHAIN - 1) / CHAIN;
      minCost.merge(
          e.getValue(),
          pages * limits.costBaseSeconds() + n * limits.costPerRowSeconds(),
          Double::sum);
    }
    double requestFloor = Math.max(0, (minRequests - limits.threshold()) / limits.drainPerSecond());
    double window = (double) Limits.BASKETS * limits.basketSeconds();
    double operatingFloor = 0;
    String operatingMethod = "-";
    for (Map.Entry<String, Double> e : minCost.entrySet()) {
      double floor = Math.max(0, window * (e.getValue() / limits.operatingLimitSeconds() - 1));
      if (floor > operatingFloor || operatingMethod.equals("-")) {
        operatingFloor = Math.max(operatingFloor, floor);
        operatingMethod = e.getKey();
      }
    }
    double floor = Math.max(requestFloor, operatingFloor);

    System.out.println();
    System.out.println("Full sync of the sandbox portal by Premia");
    System.out.printf(Locale.ROOT, "  rows synced (paged entities)   %,12d%n", rows);
    System.out.printf(
        Locale.ROOT,
        "  HTTP requests made             %,12d   (fewest possible: %,d)%n",
        stats.requests(),
        minRequests);
    System.out.printf(Locale.ROOT, "  503 QUERY_LIMIT_EXCEEDED       %,12d%n", stats.rejected503());
    System.out.printf(Locale.ROOT, "  429 OPERATION_TIME_LIMIT       %,12d%n", stats.rejected429());
    for (Map.Entry<String, Double> e : minCost.entrySet()) {
      PortalStats.MethodStats m = stats.methods().get(e.getKey());
      System.out.printf(
          Locale.ROOT,
          "  operating time %-22s %8.1f s used (fewest possible %.1f s, budget %.0f s / %.0f s)%n",
          e.getKey(),
          m == null ? 0.0 : m.operatingSeconds(),
          e.getValue(),
          limits.operatingLimitSeconds(),
          window);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "  request floor                  %10.1f s   (%,d requests − burst %d) ÷ %.1f req/s%n",
        requestFloor,
        minRequests,
        limits.threshold(),
        limits.drainPerSecond());
    System.out.printf(
        Locale.ROOT,
        "  operating-time floor           %10.1f s   (%s)%n",
        operatingFloor,
        operatingFloor > 0
            ? operatingMethod
            : "every method stays within one " + (int) window + " s budget");
    System.out.printf(Locale.ROOT, "  floor                          %10.1f s%n", floor);
    System.out.printf(
        Locale.ROOT,
        "  elapsed (connect → all done)   %10.1f s   %,.0f rows/s%n",
        elapsed,
        rows / elapsed);
    double ratio = floor > 0 ? elapsed / floor : Double.POSITIVE_INFINITY;
    System.out.printf(
        Locale.ROOT,
        "  elapsed ÷ floor                %10.2f ×   goal ≤ 1.10 × — %s%n",
        ratio,
        ratio <= 1.10 ? "met" : "NOT met");
    List<String> failed = new java.util.ArrayList<>();
    for (JsonNode entity : status.path("entities")) {
      if (!entity.path("phase").asText().equals("DONE")) {
        failed.add(entity.path("entity").asText() + ": " + entity.path("lastError").asText());
      }
    }
    if (!failed.isEmpty()) {
      System.out.println("  entities not done: " + failed);
    }
  }

  private void signIn(String email, String password, UUID tenant) throws Exception {
    JsonNode signIn =
        graphql(
            "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
                + " { errors { code message } } }",
            Map.of("e", email, "p", password));
    requireNoErrors(signIn.path("data").path("signIn"), "signIn");
    JsonNode switched =
        graphql(
            "mutation($t: ID!) { switchTenant(tenantId: $t) { errors { code message } } }",
            Map.of("t", tenant.toString()));
    requireNoErrors(switched.path("data").path("switchTenant"), "switchTenant");
  }

  private void connect(String webhookUrl) throws Exception {
    JsonNode connected =
        graphql(
            "mutation($u: String!) { connectPortal(input: {webhookUrl: $u}) {"
                + " errors { code message } } }",
            Map.of("u", webhookUrl));
    requireNoErrors(connected.path("data").path("connectPortal"), "connectPortal");
  }

  private JsonNode awaitIdle(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastPrint = 0;
    while (System.nanoTime() < deadline) {
      JsonNode status =
          graphql(
                  "{ syncStatus { running percent fetched total entities { entity phase fetched"
                      + " total lastError } } }",
                  Map.of())
              .path("data")
              .path("syncStatus");
      boolean busy = !status.path("running").isNull();
      for (JsonNode entity : status.path("entities")) {
        String phase = entity.path("phase").asText();
        busy |= phase.equals("RUNNING") || phase.equals("PENDING");
      }
      if (!busy && status.path("entities").size() > 0) {
        return status;
      }
      if (System.nanoTime() - lastPrint > 10_000_000_000L) {
        System.out.printf(
            Locale.ROOT,
            "  … %d %% (%,d rows)%n",
            status.path("percent").asInt(),
            status.path("fetched").asLong());
        lastPrint = System.nanoTime();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the sync did not finish within " + timeout);
  }

  private static void requireNoErrors(JsonNode payload, String what) {
    if (payload.isMissingNode() || payload.path("errors").size() > 0) {
      throw new IllegalStateException(what + " failed: " + payload);
    }
  }

  private JsonNode graphql(String query, Map<String, String> variables) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    ObjectNode vars = body.putObject("variables");
    variables.forEach(vars::put);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(premia.resolve("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json;q=0.9")
                .timeout(Duration.ofSeconds(30))
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
