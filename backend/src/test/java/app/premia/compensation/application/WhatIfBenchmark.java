package app.premia.compensation.application;

import app.premia.bench.SalesTenant;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.compensation.domain.TemplateSeed;
import app.premia.kpi.application.KpiFeedService;
import app.premia.kpi.application.MeasurementStore;
import app.premia.kpi.domain.KpiFilter;
import app.premia.platform.migration.DatabaseMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The what-if benchmark (docs/operations/whatif-benchmark.md, issue #6 acceptance 4): a tenant of
 * 200 managers generated in SQL (deterministic), then in one run (a) the full KPI re-measurement
 * the replay builds on and (b) the what-if replay of the {@code kpi_bonus_deal_premiums} template
 * (seven components) over the last 12 closed months with every manager assigned, through the
 * product's code ({@link WhatIfJob}: one committed unit of work per month, as the server runs it),
 * and (c) the live preview of one month. Each three times, the medians and the ratio (b) ÷ (a).
 */
public final class WhatIfBenchmark {

  static final int MANAGERS = 200;
  static final int ROUNDS = 3;

  /**
   * "Now": 10 April 2026 in Moscow. The deals span March 2025 – March 2026: the 12 months replayed
   * and the month before them, as a tenant with history has (growth reads the previous month).
   */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

  public static void main(String[] args) throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:5432/premia_bench_whatif";
    int deals = 100_000;
    Path tenantFile = null;
    boolean reuse = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--deals" -> deals = Integer.parseInt(args[++i].replace("_", ""));
        case "--tenant-file" -> tenantFile = Path.of(args[++i]);
        case "--reuse" -> reuse = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!url.startsWith("jdbc:postgresql://127.0.0.1:")) {
      throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1: " + url);
    }
    String user = env("DB_USER", "premia_app");
    String password = env("DB_PASSWORD", "premia_app");
    String owner = env("DB_OWNER_USER", "premia_owner");
    String ownerPassword = env("DB_OWNER_PASSWORD", "premia_owner");
    new DatabaseMigrator(url, owner, ownerPassword, user).migrate();

    UUID tenant;
    UUID version;
    long t0 = System.nanoTime();
    if (reuse) {
      if (tenantFile == null || !Files.exists(tenantFile)) {
        throw new IllegalStateException("--reuse: no tenant file " + tenantFile);
      }
      String[] ids = Files.readString(tenantFile).trim().split(" ");
      tenant = UUID.fromString(ids[0]);
      version = UUID.fromString(ids[1]);
      System.out.printf(Locale.ROOT, "reusing the generated tenant %s%n", tenant);
    } else {
      tenant = UUID.randomUUID();
      try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
        version = generate(c, tenant, deals);
      }
      if (tenantFile != null) {
        Files.writeString(tenantFile, tenant + " " + version + "\n");
      }
      System.out.printf(
          Locale.ROOT,
          "generated %,d deals for %,d managers in %.1f s%n",
          deals,
          MANAGERS,
          secs(t0));
    }

    String jdbc = url;
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      printCounts(c, tenant);
      context(c, tenant);
      long f0 = System.nanoTime();
      MeasurementStore.Result first = new MeasurementStore(c, CLOCK).rebuildAll(KpiFilter.ALL);
      c.commit();
      System.out.printf(
          Locale.ROOT,
          "first fill of the store (%,d employee-periods, %,d rows): %.2f s%n",
          first.employeePeriods(),
          first.rows(),
          secs(f0));

      KpiFeedService feed = new KpiFeedService();
      List<Double> measures = new ArrayList<>();
      List<Double> replays = new ArrayList<>();
      List<Double> previews = new ArrayList<>();
      MeasurementStore.Result full = null;
      WhatIfStore.Run done = null;
      for (int round = 0; round < ROUNDS; round++) {
        // (a) the KPI measurement the replay reads: every KPI of every month, quarter, year
        long a0 = System.nanoTime();
        context(c, tenant);
        full = new MeasurementStore(c, CLOCK).remeasureAll(KpiFilter.ALL);
        c.commit();
        measures.add(secs(a0));

        // (b) the what-if over 12 months through the job, one committed unit per month
        context(c, tenant);
        WhatIfStore.Run run = new WhatIfStore(c).queue(version, 12, null, CLOCK.instant());
        c.commit();
        WhatIfJob.Units units =
            new WhatIfJob.Units() {
              @Override
              public <T> T inTransaction(WhatIfJob.Work<T> work) {
                try (Connection u = DriverManager.getConnection(jdbc, user, password)) {
                  u.setAutoCommit(false);
                  context(u, tenant);
                  T result = work.run(u, new SchemeStore(u, tenant));
                  u.commit();
                  return result;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            };
        long b0 = System.nanoTime();
        String status = new WhatIfJob(units, feed, CLOCK).run(run.id());
        replays.add(secs(b0));
        if (!"DONE".equals(status)) {
          throw new IllegalStateException("the what-if run ended " + status);
        }
        context(c, tenant);
        done = new WhatIfStore(c).find(run.id()).orElseThrow();
        c.commit();

        // (c) the live preview of March (warm store), as the editor asks it on every edit
        context(c, tenant);
        SchemeStore store = new SchemeStore(c, tenant);
        SchemeCatalog.VersionView v = store.version(version).orElseThrow();
        long p0 = System.nanoTime();
        Previews.Outcome outcome =
            new Previews(feed, CLOCK)
                .preview(c, store, v.schemeId(), SchemeCodec.toMap(v.definition()), null, "ru");
        previews.add(secs(p0));
        c.rollback();
        if (outcome.preview() == null) {
          throw new IllegalStateException("preview refused: " + outcome.errors());
        }
      }
      double measure = median(measures);
      double replay = median(replays);
      WhatIfResult result = done.result();
      System.out.printf(
          Locale.ROOT,
          "(a) KPI measurement it builds on — full re-measurement of every KPI, every month,"
              + " quarter and year (%,d employee-periods, %,d rows): median of %d %.2f s (%s)%n",
          full.employeePeriods(),
          full.rows(),
          ROUNDS,
          measure,
          times(measures));
      System.out.printf(
          Locale.ROOT,
          "(b) what-if: kpi_bonus_deal_premiums (7 components) over the last 12 closed months,"
              + " %d managers assigned, 12 committed units + start + finish: median of %d %.2f s"
              + " (%s)%n",
          MANAGERS,
          ROUNDS,
          replay,
          times(replays));
      System.out.printf(Locale.ROOT, "    ratio (b) / (a): %.2f%n", replay / measure);
      System.out.printf(
          Locale.ROOT,
          "(c) live preview of one month (March, %d rows, warm store): median of %d %.0f ms (%s)%n",
          MANAGERS,
          ROUNDS,
          median(previews) * 1000,
          times(previews));
      System.out.printf(
          Locale.ROOT,
          "    what-if result: cost %s (current %s), base %s, variable %s, bonus share %s %%,"
              + " %d employees, %d months%n",
          result.totalCost().toPlainString(),
          result.currentCost().toPlainString(),
          result.baseSalaryTotal().toPlainString(),
          result.variablePayTotal().toPlainString(),
          result.bonusSharePercent() == null ? "—" : result.bonusSharePercent().toPlainString(),
          result.employees().size(),
          result.months().size());
      for (WhatIfResult.Month m : result.months()) {
        System.out.printf(
            Locale.ROOT,
            "    %s: variable %s (current %s), base %s, %d employees%n",
            m.month().label(),
            m.variablePay().toPlainString(),
            m.currentVariablePay().toPlainString(),
            m.baseSalary().toPlainString(),
            m.employees());
      }
    }
  }

  /**
   * The tenant: 200 managers in 10 departments of 20 under one root, each department headed by one
   * of its managers (a few hired or dismissed during the year); deals spread over April 2025 –
   * March 2026 as in the KPI benchmark (60 % won, 25 % lost, 15 % open; 90 % RUB, 5 % USD, 3 % EUR,
   * 2 % GBP without a rate; repeat clients; NPS on a third), 0.3 leads and one activity per deal;
   * the scheme «Премии за KPI» from the template {@code kpi_bonus_deal_premiums}, published from
   * January 2025, every manager assigned. Returns the published version's id.
   */
  static UUID generate(Connection c, UUID tenant, int deals) throws SQLException {
    SalesTenant.generate(c, tenant, SalesTenant.Spec.twoHundredManagers("What-if bench", deals));
    SchemeDefinition definition =
        TemplateLibraryDefaults.templates().stream()
            .filter(t -> t.code().equals("kpi_bonus_deal_premiums"))
            .map(TemplateSeed::definition)
            .findFirst()
            .orElseThrow();
    c.setAutoCommit(false);
    context(c, tenant);
    UUID version =
        SalesTenant.scheme(c, "Премии за KPI", definition, LocalDate.of(2025, 1, 1), MANAGERS)[1];
    c.commit();
    c.setAutoCommit(true);
    return version;
  }

  static void printCounts(Connection c, UUID tenant) throws SQLException {
    context(c, tenant);
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM crm_employee), (SELECT count(*) FROM crm_deal),"
                    + " (SELECT count(*) FROM crm_deal WHERE stage_semantic = 'S'),"
                    + " (SELECT count(*) FROM crm_lead), (SELECT count(*) FROM crm_activity),"
                    + " (SELECT count(*) FROM comp_assignment)")) {
      r.next();
      System.out.printf(
          Locale.ROOT,
          "tenant: %,d managers, %,d deals (%,d won), %,d leads, %,d activities, %,d"
              + " assignments%n",
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.getLong(4),
          r.getLong(5),
          r.getLong(6));
    }
    c.commit();
  }

  static void context(Connection c, UUID tenant) throws SQLException {
    SalesTenant.context(c, tenant);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String times(List<Double> values) {
    List<String> parts = new ArrayList<>();
    for (Double v : values) {
      parts.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", parts) + " s";
  }

  static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private WhatIfBenchmark() {}
}
