package app.premia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.premia.it.KpiReference.Value;
import app.premia.kpi.application.KpiSql;
import app.premia.kpi.domain.KpiFilter;
import app.premia.kpi.domain.Period;
import app.premia.sandbox.Delivery;
import app.premia.sandbox.Portal;
import app.premia.sandbox.PortalSpec;
import app.premia.sandbox.SandboxConfig;
import app.premia.sandbox.SandboxServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #5, acceptance 2: on a sandbox portal synced over HTTP by the real connector, every
 * employee KPI of every manager, and the department KPIs (average sales per manager, staff
 * turnover, funnel conversion per stage), for each of the last 12 months equal an independent
 * computation over the same synced rows ({@link KpiReference}: plain JDBC into records, the
 * definitions in Java streams, nothing shared with {@code KpiSql}).
 *
 * <p>The portal (seed {@value #SEED}, {@value #DEALS} deals, its data anchored at today in Moscow
 * time, so "the last 12 months" are those of the clock) is given, through the sandbox's change
 * operations, what the generator does not make: deals won then reopened, won then lost, reopened
 * and won again, deals in a currency the portal has no rate for, a hire in the middle of a month,
 * and a dismissal the sync sees happen. A fresh client company of the demo consultancy is connected
 * by webhook and synced; the data is checked to contain every kind of fact before the comparison,
 * so the comparison cannot pass on empty data.
 */
@ExtendWith(ArquillianExtension.class)
class KpiVerifyIT {

  static final long SEED = 2605;
  static final int DEALS = 3000;
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Logger LOG = Logger.getLogger(KpiVerifyIT.class.getName());

  static SandboxServer sandbox;

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

  @Test
  void everyKpi_ofEveryManager_forTheLast12Months_equalsAnIndependentComputation()
      throws Exception {
    long began = System.nanoTime();
    LocalDate anchor = LocalDate.now(MOSCOW);
    String run = "seed " + SEED + ", " + DEALS + " deals, anchor " + anchor;
    Portal portal =
        sandbox.createPortal(
            PortalSpec.builder().name("kpis").seed(SEED).deals(DEALS).anchorDate(anchor).build());
    Changed changed = changeBeforeTheSync(portal, anchor);

    Session owner = Session.signedIn(deployed.toURI().resolve("/"), "owner@integrator.demo");
    UUID tenant = createClientCompany(owner);
    owner.in(tenant.toString());
    connect(owner, portal.webhookUrl());
    awaitIdle(owner, Duration.ofMinutes(5));
    long synced = System.nanoTime();

    // a dismissal the sync sees happen: fired_on is the day of the pass that sees ACTIVE=false
    long leaver = changed.leaver();
    portal.applyChanges(List.of(Map.of("op", "fire", "userId", leaver)), Delivery.exactlyOnce());
    // and one more reopening after the first sync, picked up by an incremental pass
    portal.applyChanges(List.of(changed.reopenLater()), Delivery.exactlyOnce());
    pass(owner, "INCREMENTAL");
    long incremental = System.nanoTime();

    try (Connection c = tenantConnection(tenant)) {
      KpiReference.Facts facts = KpiReference.load(c, tenant);
      assertEquals(MOSCOW, facts.zone());
      KpiReference reference = new KpiReference(facts);
      long loaded = System.nanoTime();

      // the last 12 months of the data's clock: up to the month of the latest stage change
      Instant latest =
          facts.dealHistory().stream()
              .map(KpiReference.History::at)
              .max(Comparator.naturalOrder())
              .orElseThrow();
      YearMonth last = YearMonth.from(latest.atZone(MOSCOW));
      List<YearMonth> months =
          IntStream.range(0, 12).mapToObj(i -> last.minusMonths(11 - i)).toList();
      List<Period> periods = months.stream().map(m -> Period.month(m, MOSCOW)).toList();
      run += ", months " + months.get(0) + " – " + last;

      assertTheDataExercisesEveryKpi(facts, reference, months, leaver, run);

      KpiSql sql = new KpiSql(c);
      Map<String, Value> measured = new TreeMap<>();
      sql.measure(periods)
          .forEach(
              m ->
                  measured.put(
                      m.employeeId() + "|" + month(m.period()) + "|" + m.kpi().code(),
                      new Value(m.value(), m.facts(), m.errors())));
      Map<String, Value> departments = new TreeMap<>();
      sql.measureDepartments(periods, KpiFilter.ALL)
          .forEach(
              m ->
                  departments.put(
                      m.departmentId() + "|" + month(m.period()) + "|" + m.kpi().code(),
                      new Value(m.value(), m.facts(), m.errors())));
      Map<String, Value> funnel = new TreeMap<>();
      sql.measureFunnel(periods, KpiFilter.ALL)
          .forEach(
              m ->
                  funnel.put(
                      m.departmentId()
                          + "|"
                          + month(m.period())
                          + "|"
                          + m.pipelineId()
                          + "|"
                          + m.stageId(),
                      new Value(m.value(), m.entered(), m.converted())));
      c.rollback();
      long measuredAt = System.nanoTime();

      Map<String, Value> expected = reference.employeeKpis(months);
      Map<String, Value> expectedDepartments = reference.departmentKpis(months);
      Map<String, Value> expectedFunnel = reference.funnel(months);
      long referenceAt = System.nanoTime();
      String timings =
          String.format(
              "full sync %.1f s, dismissal and incremental pass %.1f s, loading %.1f s, KpiSql"
                  + " %.1f s, reference %.1f s",
              (synced - began) / 1e9,
              (incremental - synced) / 1e9,
              (loaded - incremental) / 1e9,
              (measuredAt - loaded) / 1e9,
              (referenceAt - measuredAt) / 1e9);
      LOG.info("KpiVerifyIT timings: " + timings);
      List<String> problems = new ArrayList<>();
      problems.addAll(diff("employee", expected, measured));
      problems.addAll(diff("department", expectedDepartments, departments));
      problems.addAll(
          diff("funnel (value, facts = entered, errors = converted)", expectedFunnel, funnel));
      if (!problems.isEmpty()) {
        fail(
            problems.size()
                + " differences between KpiSql and the reference ("
                + run
                + "), key = who|month|KPI:\n"
                + problems.stream().limit(60).collect(Collectors.joining("\n")));
      }
      long employees = expected.keySet().stream().map(k -> k.split("\\|")[0]).distinct().count();
      LOG.info(
          String.format(
              "KpiVerifyIT (%s): %d employee values (%d employees), %d department values, %d"
                  + " funnel values equal; whole test %.1f s",
              run,
              expected.size(),
              employees,
              expectedDepartments.size(),
              expectedFunnel.size(),
              (System.nanoTime() - began) / 1e9));
    }
  }

  // ---- the portal's extra facts ----------------------------------------------------------------

  record Changed(long leaver, Map<String, Object> reopenLater) {}

  /**
   * Change operations on the generated portal before Premia sees it (stamped by the portal clock,
   * after all generated data). The deals are taken among the later won ones, so that their wins
   * fall in the measured months.
   */
  static Changed changeBeforeTheSync(Portal portal, LocalDate anchor) {
    List<Map<String, Object>> won =
        portal.snapshot("deal").stream()
            .filter(d -> "S".equals(String.valueOf(d.get("STAGE_SEMANTIC_ID"))))
            .sorted(Comparator.comparingLong((Map<String, Object> d) -> id(d.get("ID"))).reversed())
            .toList();
    assertTrue(won.size() > 200, "won deals: " + won.size());
    List<Map<String, Object>> ops = new ArrayList<>();
    int k = 10; // skip the very latest wins
    for (int i = 0; i < 6; i++, k += 7) { // won, then reopened: counts in no period
      ops.add(
          Map.of("op", "stage", "dealId", id(won.get(k).get("ID")), "stageId", first(won.get(k))));
    }
    for (int i = 0; i < 4; i++, k += 7) { // won, then lost
      ops.add(Map.of("op", "lose", "dealId", id(won.get(k).get("ID"))));
    }
    for (int i = 0; i < 4; i++, k += 7) { // reopened and won again: the latest win counts
      long deal = id(won.get(k).get("ID"));
      ops.add(Map.of("op", "stage", "dealId", deal, "stageId", first(won.get(k))));
      ops.add(Map.of("op", "win", "dealId", deal));
    }
    for (int i = 0; i < 6; i++, k += 7) { // a currency without a rate in the portal
      ops.add(
          Map.of(
              "op",
              "updateDeal",
              "dealId",
              id(won.get(k).get("ID")),
              "fields",
              Map.of("CURRENCY_ID", "GBP")));
    }
    // a manager hired in the middle of last month
    ops.add(
        Map.of(
            "op",
            "hire",
            "name",
            "Новый",
            "lastName",
            "Менеджер",
            "departmentId",
            3,
            "hiredOn",
            anchor.minusMonths(1).withDayOfMonth(15).toString()));
    portal.applyChanges(ops, Delivery.exactlyOnce());

    // the dismissal (after the first sync): an active manager with wins
    Set<Long> active =
        portal.snapshot("user").stream()
            .filter(u -> "true".equals(String.valueOf(u.get("ACTIVE"))))
            .map(u -> id(u.get("ID")))
            .collect(Collectors.toSet());
    long leaver =
        won.stream()
            .map(d -> id(d.get("ASSIGNED_BY_ID")))
            .filter(u -> u > 2 && active.contains(u))
            .findFirst()
            .orElseThrow();
    Map<String, Object> later =
        Map.of("op", "stage", "dealId", id(won.get(k).get("ID")), "stageId", first(won.get(k)));
    return new Changed(leaver, later);
  }

  private static String first(Map<String, Object> deal) {
    return String.valueOf(deal.get("STAGE_ID")).startsWith("C1:") ? "C1:NEW" : "NEW";
  }

  private static long id(Object value) {
    return Long.parseLong(String.valueOf(value));
  }

  // ---- the data must exercise every KPI --------------------------------------------------------

  static void assertTheDataExercisesEveryKpi(
      KpiReference.Facts facts, KpiReference ref, List<YearMonth> months, long leaver, String run) {
    var from = ref.start(months.get(0));
    var to = ref.end(months.get(months.size() - 1));
    List<KpiReference.Won> won =
        ref.won().stream().filter(w -> !w.at().isBefore(from) && w.at().isBefore(to)).toList();
    Map<String, Long> seen = new TreeMap<>();
    seen.put("won deals", (long) won.size());
    seen.put("repeat purchases", won.stream().filter(w -> w.nth() > 1).count());
    seen.put("first purchases", won.stream().filter(w -> w.nth() == 1).count());
    seen.put(
        "foreign-currency deals with a rate",
        won.stream()
            .filter(w -> !facts.tenantCurrency().equals(w.deal().currency()) && w.money() != null)
            .count());
    seen.put("deals without a rate", won.stream().filter(w -> w.money() == null).count());
    seen.put("NPS answers", won.stream().filter(w -> w.deal().nps() != null).count());
    Set<Long> everWon =
        facts.dealHistory().stream()
            .filter(h -> h.semantic().equals("S"))
            .map(KpiReference.History::deal)
            .collect(Collectors.toSet());
    seen.put(
        "deals won then reopened or lost",
        facts.deals().stream()
            .filter(d -> !d.semantic().equals("S") && everWon.contains(d.id()))
            .count());
    seen.put(
        "closed leads",
        facts.leads().stream()
            .filter(
                l ->
                    l.closedAt() != null
                        && !l.closedAt().isBefore(from)
                        && l.closedAt().isBefore(to))
            .count());
    for (int type : new int[] {1, 2, 4}) {
      seen.put(
          "completed activities of type " + type,
          facts.activities().stream()
              .filter(a -> a.completed() && a.type() == type && a.end() != null)
              .filter(a -> !a.end().isBefore(from) && a.end().isBefore(to))
              .count());
    }
    LocalDate firstDay = months.get(0).atDay(1);
    LocalDate lastDay = months.get(months.size() - 1).atEndOfMonth();
    seen.put(
        "hires in the months",
        facts.employees().stream()
            .filter(e -> e.hiredOn() != null && !e.hiredOn().isBefore(firstDay))
            .count());
    seen.put(
        "dismissals in the months",
        facts.employees().stream()
            .filter(e -> e.firedOn() != null && !e.firedOn().isAfter(lastDay))
            .count());
    seen.put(
        "sub-departments", facts.departments().stream().filter(d -> d.parent() != null).count());
    seen.forEach(
        (what, n) -> assertTrue(n > 0, "no " + what + " in the synced data (" + run + ")"));
    KpiReference.Employee left =
        facts.employees().stream().filter(e -> e.id() == leaver).findFirst().orElseThrow();
    assertNotNull(left.firedOn(), "the dismissal of " + leaver + " was synced");
    LOG.info("KpiVerifyIT data (" + run + "): " + seen);
  }

  // ---- comparison ------------------------------------------------------------------------------

  /** Every key of both maps whose value, facts or errors differ, or that only one side has. */
  static List<String> diff(String what, Map<String, Value> expected, Map<String, Value> actual) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      Value want = expected.get(key);
      Value got = actual.get(key);
      if (want == null) {
        out.add(what + " " + key + ": KpiSql " + got + ", the reference has no such value");
      } else if (got == null) {
        out.add(what + " " + key + ": reference " + want + ", KpiSql has no such value");
      } else if (!same(want, got)) {
        out.add(what + " " + key + ": KpiSql " + got + " ≠ reference " + want);
      }
    }
    return out;
  }

  private static boolean same(Value a, Value b) {
    boolean values =
        a.value() == null
            ? b.value() == null
            : b.value() != null && a.value().compareTo(b.value()) == 0;
    return values && a.facts() == b.facts() && a.errors() == b.errors();
  }

  private static String month(Period period) {
    return YearMonth.from(period.firstDay()).toString();
  }

  // ---- Premia over HTTP ------------------------------------------------------------------------

  /** A new client company of the demo consultancy: no other test has connected it to a portal. */
  private static UUID createClientCompany(Session owner) {
    JsonObject payload =
        data(owner.run(
                "mutation($n: String!) { createClientCompany(input: {name: $n}) {"
                    + " tenant { id timeZone currencyCode } errors { code message } } }",
                Map.of("n", "KPI verify " + UUID.randomUUID())))
            .getJsonObject("createClientCompany");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    JsonObject tenant = payload.getJsonObject("tenant");
    assertEquals("Europe/Moscow", tenant.getString("timeZone"));
    assertEquals("RUB", tenant.getString("currencyCode"));
    return UUID.fromString(tenant.getString("id"));
  }

  private static void connect(Session session, String webhookUrl) {
    JsonObject payload =
        data(session.run(
                "mutation($u: String!) { connectPortal(input: {webhookUrl: $u}) {"
                    + " portalConnection { status } errors { code message } } }",
                Map.of("u", webhookUrl)))
            .getJsonObject("connectPortal");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    assertEquals("CONNECTED", payload.getJsonObject("portalConnection").getString("status"));
  }

  private static void pass(Session session, String mode) {
    JsonObject payload =
        data(session.run(
                "mutation { syncPortal(input: {mode: " + mode + "}) { errors { code message } } }"))
            .getJsonObject("syncPortal");
    assertTrue(payload.getJsonArray("errors").isEmpty(), payload.toString());
    awaitIdle(session, Duration.ofMinutes(3));
  }

  /** Polls the progress until no pass runs and every entity is done; fails on a failed entity. */
  private static void awaitIdle(Session session, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject status = null;
    while (System.nanoTime() < deadline) {
      status =
          data(session.run("{ syncStatus { running entities { entity phase lastError } } }"))
              .getJsonObject("syncStatus");
      List<JsonObject> entities = status.getJsonArray("entities").getValuesAs(JsonObject.class);
      boolean busy =
          status.get("running") != JsonValue.NULL
              || entities.isEmpty()
              || entities.stream()
                  .anyMatch(
                      e ->
                          !e.getString("phase").equals("DONE")
                              && !e.getString("phase").equals("FAILED"));
      if (!busy) {
        for (JsonObject e : entities) {
          assertEquals("DONE", e.getString("phase"), e.toString());
        }
        return;
      }
      sleep(200);
    }
    throw new AssertionError("sync did not finish in " + timeout + ": " + status);
  }

  /**
   * The runtime role, as the application connects, in a transaction whose tenant setting is the
   * client company's: row-level security confines every query to it.
   */
  private static Connection tenantConnection(UUID tenant) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    c.setAutoCommit(false);
    try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant.toString());
      s.execute();
    }
    return c;
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
}
