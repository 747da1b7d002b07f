package app.premia.compensation.application;

import static app.premia.bench.SalesTenant.context;
import static app.premia.bench.SalesTenant.env;
import static app.premia.bench.SalesTenant.median;
import static app.premia.bench.SalesTenant.secs;
import static app.premia.bench.SalesTenant.times;
import static app.premia.bench.SalesTenant.update;

import app.premia.bench.SalesTenant;
import app.premia.compensation.application.PayoutStore.LineRow;
import app.premia.compensation.application.PayoutStore.NewStatement;
import app.premia.compensation.application.PayoutStore.RunRow;
import app.premia.compensation.domain.Comparator;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Frequency;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.GateBasis;
import app.premia.compensation.domain.Measure;
import app.premia.compensation.domain.PerUnitRule;
import app.premia.compensation.domain.PercentRule;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.Tier;
import app.premia.compensation.domain.TierMode;
import app.premia.compensation.domain.TieredRule;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import app.premia.kpi.application.KpiFeedService;
import app.premia.kpi.application.MeasurementStore;
import app.premia.kpi.domain.KpiFilter;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The payout benchmark (issue #7, acceptance 1; {@code infra/bench-payouts.sh}, documented in
 * {@code docs/operations/payout-benchmark.md}). The KPI benchmark's tenant ({@link SalesTenant}: 1
 * 000 managers, 1M deals over April 2025 – March 2026) on a scheme of three components, every
 * manager assigned; "now" is 10 April 2026, so the last closed month is March 2026, which also
 * closes the first quarter. Prints, as the runtime role under row-level security:
 *
 * <ul>
 *   <li>(a) {@link Payouts#prepare} of March 2026, committed — statements and lines written; once
 *       as the first computation, then three recomputations of the same draft (the run exists: its
 *       statements are replaced), the median;
 *   <li>(b) the floor: ONE hand-written SQL computing the same per-manager amounts (base, the three
 *       components) straight from the fact tables, three times, the median; and (a) ÷ (b);
 *   <li>that the SQL's amounts equal the written lines to the kopeck (it throws otherwise);
 *   <li>where (a)'s time goes: the KPI feed's read, the won deals behind the lines, the engine and
 *       the rest of the draft in memory, the JSON of the lines, the writing.
 * </ul>
 *
 * <p>Arguments: {@code --url JDBC_URL --deals N} (default 1 000 000), {@code --tenant-file F},
 * {@code --reuse} (the tenant named in that file), {@code --rounds R} (3); roles from DB_USER,
 * DB_PASSWORD, DB_OWNER_USER, DB_OWNER_PASSWORD (local defaults).
 */
public final class PayoutBenchmark {

  static final int MANAGERS = 1_000;

  /** "Now": 10 April 2026 in Moscow; March 2026 (and with it Q1) is the last closed month. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final KpiPeriod MONTH = KpiPeriod.month(2026, 3);
  static final KpiPeriod QUARTER = KpiPeriod.containing(MONTH.firstDay(), KpiPeriodKind.QUARTER);

  static final BigDecimal BASE = new BigDecimal("60000");
  static final BigDecimal THRESHOLD = new BigDecimal("200000");
  static final BigDecimal RATE = new BigDecimal("5");
  static final BigDecimal PER_DEAL = new BigDecimal("500");

  /**
   * The scheme «Бенчмарк выплат»: base 60 000 ₽; 5 % of the month's sales volume when it is above
   * 200 000 ₽; 500 ₽ per deal won in the month; quarterly, a marginal scale on the quarter's sales
   * volume — 1 % up to 500 000 ₽, 2 % from 500 000 ₽ to 5 000 000 ₽, 3 % above.
   */
  static SchemeDefinition definition() {
    return new SchemeDefinition(
        BASE,
        List.of(
            new Component(
                "volume_bonus",
                "Премия с объёма продаж",
                Frequency.MONTHLY,
                Measure.self("sales_volume"),
                new PercentRule(RATE),
                List.of(
                    new Gate(
                        Measure.self("sales_volume"), GateBasis.VALUE, Comparator.GT, THRESHOLD)),
                null,
                null),
            new Component(
                "deal_premium",
                "Премия за выигранную сделку",
                Frequency.MONTHLY,
                Measure.self("deals_won"),
                new PerUnitRule(PER_DEAL),
                List.of(),
                null,
                null),
            new Component(
                "quarter_bonus",
                "Квартальная премия по шкале",
                Frequency.QUARTERLY,
                Measure.self("sales_volume"),
                new TieredRule(
                    TierMode.MARGINAL,
                    List.of(
                        new Tier(new BigDecimal("0"), true, new BigDecimal("1")),
                        new Tier(new BigDecimal("500000"), true, new BigDecimal("2")),
                        new Tier(new BigDecimal("5000000"), true, new BigDecimal("3")))),
                List.of(),
                null,
                null)),
        null,
        null,
        null);
  }

  /** The generated tenant: its id, the scheme's id and the preparer's user id. */
  record Bench(UUID tenant, UUID scheme, UUID preparer) {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:5432/premia_bench_payouts";
    int deals = 1_000_000;
    int rounds = 3;
    boolean reuse = false;
    Path tenantFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--deals" -> deals = Integer.parseInt(args[++i].replace("_", ""));
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--reuse" -> reuse = true;
        case "--tenant-file" -> tenantFile = Path.of(args[++i]);
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

    Bench bench;
    long t0 = System.nanoTime();
    if (reuse) {
      if (tenantFile == null || !Files.exists(tenantFile)) {
        throw new IllegalStateException("--reuse: no tenant file " + tenantFile);
      }
      String[] ids = Files.readString(tenantFile).trim().split(" ");
      bench = new Bench(UUID.fromString(ids[0]), UUID.fromString(ids[1]), UUID.fromString(ids[2]));
      System.out.printf(Locale.ROOT, "reusing the generated tenant %s%n", bench.tenant());
    } else {
      try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
        bench = generate(c, deals);
      }
      if (tenantFile != null) {
        Files.writeString(
            tenantFile, bench.tenant() + " " + bench.scheme() + " " + bench.preparer() + "\n");
      }
      System.out.printf(
          Locale.ROOT,
          "generated %,d deals for %,d managers (scheme of 3 components, every manager assigned)"
              + " in %.1f s%n",
          deals,
          MANAGERS,
          secs(t0));
    }

    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      printCounts(c, bench.tenant());
      context(c, bench.tenant());
      long f0 = System.nanoTime();
      MeasurementStore.Result fill = new MeasurementStore(c, CLOCK).rebuildAll(KpiFilter.ALL);
      c.commit();
      System.out.printf(
          Locale.ROOT,
          "the KPI store filled (deal snapshot and every figure: %,d employee-periods, %,d rows):"
              + " %.2f s%n",
          fill.employeePeriods(),
          fill.rows(),
          secs(f0));

      floor(c, bench); // once to warm the cache
      long p0 = System.nanoTime();
      RunRow first = prepare(c, bench);
      double firstTime = secs(p0);
      System.out.printf(
          Locale.ROOT,
          "first computation of the draft (%s, revision %d): %.2f s%n",
          first.periodStart(),
          first.revision(),
          firstTime);

      List<Double> prepares = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      Map<Long, Map<String, BigDecimal>> expected = null;
      RunRow run = first;
      for (int round = 0; round < rounds; round++) {
        long b0 = System.nanoTime();
        expected = floor(c, bench);
        floors.add(secs(b0));
        long a0 = System.nanoTime();
        run = prepare(c, bench);
        prepares.add(secs(a0));
      }
      double a = median(prepares);
      double b = median(floors);
      Written written = written(c, bench, run.id());
      check(expected, written.amounts());

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "(a) Payouts.prepare of %s (the KPI feed, the engine, the won deals behind the lines,"
              + " %,d statements and %,d lines with their explanations written, committed; each a"
              + " recomputation of the same draft, revision %d at the end): median of %d %.2f s"
              + " (%s)%n",
          MONTH.label(),
          written.statements(),
          written.lines(),
          run.revision(),
          rounds,
          a,
          times(prepares));
      System.out.printf(
          Locale.ROOT,
          "(b) floor: one hand-written SQL, the same per-manager amounts (base, 3 components) from"
              + " crm_deal, crm_stage_history, crm_currency, crm_employee, comp_assignment"
              + " (%,d rows): median of %d %.2f s (%s)%n",
          expected.size(),
          rounds,
          b,
          times(floors));
      System.out.printf(Locale.ROOT, "    ratio (a) / (b): %.2f (goal ≤ 2)%n", a / b);
      System.out.printf(
          Locale.ROOT,
          "    check: the SQL's amounts equal the written lines to the kopeck for all %,d"
              + " statements (%,d amounts); run total %s, base %s, variable %s%n",
          expected.size(),
          expected.values().stream().mapToInt(Map::size).sum(),
          run.total().toPlainString(),
          run.baseTotal().toPlainString(),
          run.variableTotal().toPlainString());
      printPaid(written.amounts());
      profile(c, bench);
    }
  }

  /** Generates the tenant, the scheme and the preparer (as the owner). */
  static Bench generate(Connection c, int deals) throws SQLException {
    UUID tenant = UUID.randomUUID();
    SalesTenant.generate(c, tenant, SalesTenant.Spec.thousandManagers("Payout bench", deals));
    c.setAutoCommit(false);
    context(c, tenant);
    UUID scheme =
        SalesTenant.scheme(c, "Бенчмарк выплат", definition(), LocalDate.of(2025, 1, 1), MANAGERS)[
            0];
    UUID preparer = UUID.randomUUID();
    update(
        c,
        "INSERT INTO app_user (id, email, display_name, created_at) VALUES (?, ?, ?, now())",
        preparer,
        "bench-" + preparer + "@payouts.bench",
        "Бенчмарк");
    c.commit();
    c.setAutoCommit(true);
    return new Bench(tenant, scheme, preparer);
  }

  static Payouts payouts(Connection c, UUID tenant) {
    return new Payouts(
        new PayoutStore(c, tenant), new SchemeStore(c, tenant), new KpiFeedService(), CLOCK);
  }

  /** (a): the product's use case, in one transaction, committed. */
  static RunRow prepare(Connection c, Bench bench) throws SQLException {
    context(c, bench.tenant());
    RunRow run = payouts(c, bench.tenant()).prepare(MONTH.firstDay(), bench.preparer(), "ru");
    c.commit();
    return run;
  }

  // ---- (b) the floor ----------------------------------------------------------------------------

  /**
   * ONE statement: the won deals' volume (converted at the portal's rates, rounded per deal) and
   * count per manager in the month and the quarter — the won moment from the latest entry into a
   * success stage, else the close day — and, for every manager assigned to the scheme and employed
   * in the quarter, his days on it, the base salary and the three components as the scheme says,
   * prorated by those days.
   */
  static final String FLOOR =
      """
      WITH h AS (
        SELECT owner_id, max(created_at) AS won_at FROM crm_stage_history
        WHERE entity_type_id = 2 AND stage_semantic = 'S' GROUP BY owner_id),
      w AS (
        SELECT d.assigned_by_id AS emp,
          CASE WHEN d.currency = 'RUB' THEN d.amount
            ELSE round(d.amount * cur.rate / cur.nominal, 2) END AS money,
          coalesce(h.won_at, d.close_date::timestamp AT TIME ZONE 'Europe/Moscow') AS won_at
        FROM crm_deal d
        LEFT JOIN h ON h.owner_id = d.id
        LEFT JOIN crm_currency cur ON cur.code = d.currency
        WHERE d.stage_semantic = 'S'),
      k AS (
        SELECT emp,
          coalesce(sum(money) FILTER (WHERE won_at >= ?), 0) AS month_volume,
          count(*) FILTER (WHERE won_at >= ?) AS month_deals,
          coalesce(sum(money), 0) AS quarter_volume
        FROM w WHERE won_at >= ? AND won_at < ? GROUP BY emp),
      p AS (
        SELECT e.id AS emp,
          greatest(a.valid_from, coalesce(e.hired_on, a.valid_from), CAST(? AS date)) AS from_day,
          least(coalesce(a.valid_to, CAST(? AS date)), coalesce(e.fired_on, CAST(? AS date)),
            CAST(? AS date)) AS to_day
        FROM comp_assignment a JOIN crm_employee e ON e.id = a.employee_id
        WHERE a.scheme_id = ?),
      q AS (
        SELECT emp,
          greatest(0, to_day - greatest(from_day, CAST(? AS date)) + 1) AS month_days,
          to_day - from_day + 1 AS quarter_days
        FROM p WHERE from_day <= to_day)
      SELECT q.emp,
        round(60000 * q.month_days / ?, 2) AS base,
        CASE WHEN coalesce(k.month_volume, 0) > 200000
          THEN round(k.month_volume * 5 / 100 * q.month_days / ?, 2) ELSE 0 END AS volume_bonus,
        round(coalesce(k.month_deals, 0) * 500 * q.month_days / ?, 2) AS deal_premium,
        round((greatest(0, least(coalesce(k.quarter_volume, 0), 500000)) * 1
          + greatest(0, least(coalesce(k.quarter_volume, 0), 5000000) - 500000) * 2
          + greatest(0, coalesce(k.quarter_volume, 0) - 5000000) * 3)
          / 100 * q.quarter_days / ?, 2) AS quarter_bonus
      FROM q LEFT JOIN k ON k.emp = q.emp
      ORDER BY q.emp
      """;

  /** Runs the floor; answers per manager the amount per line key. */
  static Map<Long, Map<String, BigDecimal>> floor(Connection c, Bench bench) throws SQLException {
    context(c, bench.tenant());
    OffsetDateTime monthStart = MONTH.firstDay().atStartOfDay(MOSCOW).toOffsetDateTime();
    OffsetDateTime quarterStart = QUARTER.firstDay().atStartOfDay(MOSCOW).toOffsetDateTime();
    OffsetDateTime quarterEnd = QUARTER.endDay().atStartOfDay(MOSCOW).toOffsetDateTime();
    Map<Long, Map<String, BigDecimal>> out = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement(FLOOR)) {
      int i = 0;
      s.setObject(++i, monthStart);
      s.setObject(++i, monthStart);
      s.setObject(++i, quarterStart);
      s.setObject(++i, quarterEnd);
      s.setObject(++i, QUARTER.firstDay());
      s.setObject(++i, QUARTER.lastDay());
      s.setObject(++i, QUARTER.lastDay());
      s.setObject(++i, QUARTER.lastDay());
      s.setObject(++i, bench.scheme());
      s.setObject(++i, MONTH.firstDay());
      int monthDays = MONTH.lastDay().getDayOfMonth();
      int quarterDays = (int) (QUARTER.endDay().toEpochDay() - QUARTER.firstDay().toEpochDay());
      s.setInt(++i, monthDays);
      s.setInt(++i, monthDays);
      s.setInt(++i, monthDays);
      s.setInt(++i, quarterDays);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, BigDecimal> amounts = new LinkedHashMap<>();
          amounts.put(Payouts.BASE_KEY, r.getBigDecimal(2).setScale(2));
          amounts.put("volume_bonus", r.getBigDecimal(3).setScale(2));
          amounts.put("deal_premium", r.getBigDecimal(4).setScale(2));
          amounts.put("quarter_bonus", r.getBigDecimal(5).setScale(2));
          out.put(r.getLong(1), amounts);
        }
      }
    }
    c.commit();
    return out;
  }

  // ---- the check --------------------------------------------------------------------------------

  record Written(Map<Long, Map<String, BigDecimal>> amounts, int statements, int lines) {}

  /** What the run's statements hold: per employee, the amount per line key. */
  static Written written(Connection c, Bench bench, UUID runId) throws SQLException {
    context(c, bench.tenant());
    Map<Long, Map<String, BigDecimal>> out = new TreeMap<>();
    int lines = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.employee_id, l.line_key, l.amount, s.total FROM pay_statement s"
                + " JOIN pay_statement_line l ON l.statement_id = s.id"
                + " WHERE s.run_id = ? ORDER BY s.employee_id, l.position")) {
      s.setObject(1, runId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          lines++;
          Map<String, BigDecimal> amounts =
              out.computeIfAbsent(r.getLong(1), k -> new LinkedHashMap<>());
          if (amounts.put(r.getString(2), r.getBigDecimal(3)) != null) {
            throw new IllegalStateException(
                "employee " + r.getLong(1) + " has two lines " + r.getString(2));
          }
        }
      }
    }
    // a statement's total is the sum of its lines
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.employee_id, s.total, (SELECT sum(l.amount) FROM pay_statement_line l"
                + " WHERE l.statement_id = s.id) FROM pay_statement s WHERE s.run_id = ?"
                + " AND s.total IS DISTINCT FROM (SELECT sum(l.amount) FROM pay_statement_line l"
                + " WHERE l.statement_id = s.id)")) {
      s.setObject(1, runId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new IllegalStateException(
              "statement of employee "
                  + r.getLong(1)
                  + ": total "
                  + r.getBigDecimal(2)
                  + " is not the sum of its lines "
                  + r.getBigDecimal(3));
        }
      }
    }
    c.commit();
    return new Written(out, out.size(), lines);
  }

  /** Fails loudly unless both sides have the same managers and the same amounts to the kopeck. */
  static void check(
      Map<Long, Map<String, BigDecimal>> expected, Map<Long, Map<String, BigDecimal>> written) {
    List<String> differences = new ArrayList<>();
    TreeSet<Long> employees = new TreeSet<>(expected.keySet());
    employees.addAll(written.keySet());
    for (long e : employees) {
      Map<String, BigDecimal> want = expected.get(e);
      Map<String, BigDecimal> got = written.get(e);
      if (want == null || got == null) {
        differences.add(
            "employee "
                + e
                + (want == null
                    ? ": a statement the SQL has no row for"
                    : ": no" + " statement, the SQL has " + want));
        continue;
      }
      if (!want.keySet().equals(got.keySet())) {
        differences.add("employee " + e + ": lines " + got.keySet() + ", SQL " + want.keySet());
        continue;
      }
      for (Map.Entry<String, BigDecimal> w : want.entrySet()) {
        BigDecimal g = got.get(w.getKey());
        if (g.compareTo(w.getValue()) != 0) {
          differences.add(
              "employee " + e + " " + w.getKey() + ": written " + g + ", SQL " + w.getValue());
        }
      }
    }
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "the SQL's amounts differ from the written statements in "
              + differences.size()
              + " places, e.g. "
              + differences.subList(0, Math.min(10, differences.size())));
    }
  }

  static void printPaid(Map<Long, Map<String, BigDecimal>> amounts) {
    Map<String, long[]> paid = new LinkedHashMap<>();
    for (Map<String, BigDecimal> lines : amounts.values()) {
      lines.forEach(
          (key, amount) -> {
            long[] n = paid.computeIfAbsent(key, k -> new long[1]);
            n[0] += amount.signum() > 0 ? 1 : 0;
          });
    }
    List<String> parts = new ArrayList<>();
    paid.forEach((k, n) -> parts.add(k + " " + n[0]));
    System.out.printf(
        Locale.ROOT,
        "    statements with a non-zero amount per line: %s%n",
        String.join(", ", parts));
  }

  // ---- where (a)'s time goes --------------------------------------------------------------------

  /**
   * The parts of a preparation timed one by one, in one transaction rolled back: the KPI feed's
   * read of the periods, the won deals behind the lines, the whole draft in memory (those two, the
   * catalogue, the engine, adjustments, the previous month's totals), the JSON of every line's
   * explanation and deals, and the writing (lock, delete the old statements, insert, totals).
   */
  static void profile(Connection c, Bench bench) throws SQLException {
    context(c, bench.tenant());
    Payouts payouts = payouts(c, bench.tenant());
    KpiFeedService feed = new KpiFeedService();
    SchemeStore catalog = new SchemeStore(c, bench.tenant());
    List<KpiPeriod> periods = Payroll.periodsFor(catalog, bench.scheme(), MONTH, List.of());

    long r0 = System.nanoTime();
    var facts = feed.read(c, periods);
    double read = secs(r0);
    long w0 = System.nanoTime();
    // the periods of the lines that list deals (Payouts.dealPeriods): the month and the quarter
    int won = feed.wonDeals(c, List.of(MONTH, QUARTER)).size();
    double wonDeals = secs(w0);
    long d0 = System.nanoTime();
    List<NewStatement> statements = payouts.draft(MONTH);
    double draft = secs(d0);
    long j0 = System.nanoTime();
    long chars = 0;
    int dealRefs = 0;
    for (NewStatement s : statements) {
      for (LineRow l : s.lines()) {
        chars +=
            PayoutStore.texts(l.explanation()).length() + PayoutStore.deals(l.deals()).length();
        dealRefs += l.deals().size();
      }
    }
    double json = secs(j0);
    long x0 = System.nanoTime();
    PayoutStore store = payouts.store();
    RunRow run = store.lockRun(MONTH.firstDay(), CLOCK.instant());
    // the old lines and statements deleted first, as writeDraft begins, to see the two halves
    SalesTenant.update(c, "DELETE FROM pay_statement_line WHERE run_id = ?", run.id());
    long old =
        SalesTenant.count(
            c,
            "WITH d AS (DELETE FROM pay_statement WHERE run_id = '"
                + run.id()
                + "' RETURNING 1) SELECT count(*) FROM d");
    double delete = secs(x0);
    long i0 = System.nanoTime();
    store.writeDraft(run, statements, CLOCK.instant(), bench.preparer(), false);
    double insert = secs(i0);
    double write = secs(x0);
    c.rollback();
    System.out.printf(
        Locale.ROOT,
        "where (a)'s time goes (one more preparation, part by part, rolled back):%n"
            + "    KPI feed read of %s (%,d employee values): %.2f s%n"
            + "    won deals behind the lines (%,d deals of the months of the lines' periods): %.2f s%n"
            + "    the draft in memory (the two above, catalogue, engine, previous totals): %.2f s%n"
            + "      of which engine, catalogue and the rest: %.2f s%n"
            + "    JSON of the lines' explanations and deals (%,d deal references, %,d"
            + " characters): %.2f s%n"
            + "    writing (lock, replace %,d statements and their lines, totals): %.2f s%n"
            + "      of which deleting the %,d old statements and their lines: %.2f s,"
            + " inserting and the totals: %.2f s%n",
        String.join(", ", periods.stream().map(KpiPeriod::label).toList()),
        facts.employees().size(),
        read,
        won,
        wonDeals,
        draft,
        draft - read - wonDeals,
        dealRefs,
        chars,
        json,
        statements.size(),
        write,
        old,
        delete,
        insert);
  }

  static void printCounts(Connection c, UUID tenant) throws SQLException {
    context(c, tenant);
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM crm_employee), (SELECT count(*) FROM crm_deal),"
                    + " (SELECT count(*) FROM crm_deal WHERE stage_semantic = 'S'),"
                    + " (SELECT count(*) FROM crm_stage_history),"
                    + " (SELECT count(*) FROM comp_assignment)");
        ResultSet r = s.executeQuery()) {
      r.next();
      System.out.printf(
          Locale.ROOT,
          "tenant: %,d managers, %,d deals (%,d won), %,d stage history rows, %,d assignments%n",
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.getLong(4),
          r.getLong(5));
    }
    c.commit();
  }

  private PayoutBenchmark() {}
}
