package app.premia.it;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A reference implementation of the KPI definitions ({@code docs/domain/kpis.md}), written for
 * clarity, not speed, and sharing no code or SQL with {@code KpiSql}: the synced rows are loaded
 * with plain {@code SELECT column FROM table} into the records below, and every KPI is computed in
 * Java straight from its written definition. Used by {@link KpiVerifyIT} to check {@code KpiSql} on
 * a synced sandbox portal. Values are keyed by the KPI's code so that not even the enum is shared.
 */
final class KpiReference {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  record Deal(
      long id,
      String semantic,
      BigDecimal amount,
      String currency,
      long assigned,
      long company,
      long contact,
      LocalDate closeDate,
      Integer nps) {}

  record History(long id, long deal, int pipeline, String stage, String semantic, Instant at) {}

  record Lead(long id, String semantic, long assigned, Instant closedAt) {}

  record Activity(long id, int type, boolean completed, long responsible, Instant end) {}

  record Employee(long id, Set<Long> departments, LocalDate hiredOn, LocalDate firedOn) {}

  record Department(long id, Long parent) {}

  record Currency(String code, int nominal, BigDecimal rate) {}

  record Stage(int pipeline, String id, int sort, String semantic) {}

  /** Everything the KPIs are made of, as synced for one tenant. */
  record Facts(
      ZoneId zone,
      String tenantCurrency,
      List<Deal> deals,
      List<History> dealHistory,
      List<Lead> leads,
      List<Activity> activities,
      List<Employee> employees,
      List<Department> departments,
      Map<String, Currency> currencies,
      List<Stage> stages) {}

  /** One value with its facts and errors (for the funnel: entered and converted). */
  record Value(BigDecimal value, long facts, long errors) {
    @Override
    public String toString() {
      return (value == null ? "undefined" : value.toPlainString())
          + " (facts "
          + facts
          + ", errors "
          + errors
          + ")";
    }
  }

  // ---- loading ---------------------------------------------------------------------------------

  /** Loads the tenant's synced rows; the connection is in the tenant's context (RLS). */
  static Facts load(Connection c, java.util.UUID tenant) throws SQLException {
    ZoneId zone = null;
    String currency = null;
    try (PreparedStatement s =
        c.prepareStatement("SELECT time_zone, currency_code FROM tenant WHERE id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          zone = ZoneId.of(r.getString(1));
          currency = r.getString(2).trim();
        }
      }
    }
    Objects.requireNonNull(zone, "tenant " + tenant + " not visible");
    List<Deal> deals =
        rows(
            c,
            "SELECT id, stage_semantic, amount, currency, assigned_by_id, company_id, contact_id,"
                + " close_date, nps FROM crm_deal",
            r ->
                new Deal(
                    r.getLong(1),
                    r.getString(2),
                    r.getBigDecimal(3),
                    trim(r.getString(4)),
                    r.getLong(5),
                    r.getLong(6),
                    r.getLong(7),
                    r.getObject(8, LocalDate.class),
                    (Integer) (r.getObject(9) == null ? null : r.getInt(9))));
    List<History> history =
        rows(
            c,
            "SELECT id, owner_id, category_id, stage_id, stage_semantic, created_at"
                + " FROM crm_stage_history WHERE entity_type_id = 2",
            r ->
                new History(
                    r.getLong(1),
                    r.getLong(2),
                    r.getInt(3), // null (no pipeline) reads as 0, the default pipeline
                    r.getString(4),
                    r.getString(5),
                    instant(r.getTimestamp(6))));
    List<Lead> leads =
        rows(
            c,
            "SELECT id, status_semantic, assigned_by_id, closed_at FROM crm_lead",
            r -> new Lead(r.getLong(1), r.getString(2), r.getLong(3), instant(r.getTimestamp(4))));
    List<Activity> activities =
        rows(
            c,
            "SELECT id, type_id, completed, responsible_id, end_time FROM crm_activity",
            r ->
                new Activity(
                    r.getLong(1),
                    r.getInt(2),
                    r.getBoolean(3),
                    r.getLong(4),
                    instant(r.getTimestamp(5))));
    List<Employee> employees =
        rows(
            c,
            "SELECT id, department_ids, hired_on, fired_on FROM crm_employee",
            r -> {
              Array a = r.getArray(2);
              Set<Long> ids = new HashSet<>();
              for (Object o : (Object[]) a.getArray()) {
                ids.add(((Number) o).longValue());
              }
              return new Employee(
                  r.getLong(1),
                  ids,
                  r.getObject(3, LocalDate.class),
                  r.getObject(4, LocalDate.class));
            });
    List<Department> departments =
        rows(
            c,
            "SELECT id, parent_id FROM crm_department",
            r -> new Department(r.getLong(1), (Long) r.getObject(2)));
    Map<String, Currency> currencies =
        rows(
                c,
                "SELECT code, nominal, rate FROM crm_currency",
                r -> new Currency(r.getString(1).trim(), r.getInt(2), r.getBigDecimal(3)))
            .stream()
            .collect(Collectors.toMap(Currency::code, x -> x));
    List<Stage> stages =
        rows(
                c,
                "SELECT entity_id, category_id, status_id, sort, semantic FROM crm_stage",
                r ->
                    new Object[] {
                      r.getString(1), r.getInt(2), r.getString(3), r.getInt(4), r.getString(5)
                    })
            .stream()
            .filter(
                o ->
                    o[0].toString().equals("DEAL_STAGE")
                        || o[0].toString().startsWith("DEAL_STAGE_"))
            .map(o -> new Stage((Integer) o[1], (String) o[2], (Integer) o[3], (String) o[4]))
            .toList();
    return new Facts(
        zone,
        currency,
        deals,
        history,
        leads,
        activities,
        employees,
        departments,
        currencies,
        stages);
  }

  private interface RowMapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static <T> List<T> rows(Connection c, String sql, RowMapper<T> mapper)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(mapper.map(r));
      }
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  // ---- the definitions -------------------------------------------------------------------------

  private final Facts f;

  /** Won deals (now S, with a won moment), with their won moment, client and purchase order. */
  private final List<Won> won;

  record Won(Deal deal, Instant at, String client, int nth, BigDecimal money) {
    long emp() {
      return deal.assigned();
    }
  }

  KpiReference(Facts facts) {
    this.f = facts;
    Map<Long, List<History>> byDeal =
        f.dealHistory().stream().collect(Collectors.groupingBy(History::deal));
    record Placed(Deal deal, Instant at) {}
    List<Placed> placed = new ArrayList<>();
    for (Deal d : f.deals()) {
      // won in a period: now in a success stage, placed by its latest entry into a success stage,
      // or else its close date at 00:00 in the company's zone
      if (!d.semantic().equals("S")) {
        continue;
      }
      Optional<Instant> lastWin =
          byDeal.getOrDefault(d.id(), List.of()).stream()
              .filter(h -> h.semantic().equals("S"))
              .map(History::at)
              .max(Comparator.naturalOrder());
      Instant at =
          lastWin.orElse(
              d.closeDate() == null ? null : d.closeDate().atStartOfDay(f.zone()).toInstant());
      if (at != null) {
        placed.add(new Placed(d, at));
      }
    }
    // a client's purchases in the order of winning, then by deal number
    Map<String, List<Placed>> byClient = new HashMap<>();
    for (Placed p : placed) {
      String client = client(p.deal());
      if (client != null) {
        byClient.computeIfAbsent(client, k -> new ArrayList<>()).add(p);
      }
    }
    Map<Long, Integer> nth = new HashMap<>();
    for (List<Placed> purchases : byClient.values()) {
      purchases.sort(Comparator.comparing(Placed::at).thenComparingLong(p -> p.deal().id()));
      for (int i = 0; i < purchases.size(); i++) {
        nth.put(purchases.get(i).deal().id(), i + 1);
      }
    }
    won =
        placed.stream()
            .map(
                p ->
                    new Won(
                        p.deal(),
                        p.at(),
                        client(p.deal()),
                        nth.getOrDefault(p.deal().id(), 0),
                        money(p.deal())))
            .toList();
  }

  /** A deal's client: its company, else its contact, else none. */
  static String client(Deal d) {
    if (d.company() > 0) {
      return "company:" + d.company();
    }
    if (d.contact() > 0) {
      return "contact:" + d.contact();
    }
    return null;
  }

  /**
   * The amount in the company's currency: amount × rate ÷ nominal of the deal's currency ÷ (rate ÷
   * nominal of the company's currency), half-up to kopecks; null when a rate is missing.
   */
  BigDecimal money(Deal d) {
    if (d.currency() == null || d.currency().equals(f.tenantCurrency())) {
      return d.amount();
    }
    Currency dealCur = f.currencies().get(d.currency());
    Currency ours = f.currencies().get(f.tenantCurrency());
    if (dealCur == null
        || ours == null
        || dealCur.rate().signum() <= 0
        || ours.rate().signum() <= 0
        || dealCur.nominal() <= 0
        || ours.nominal() <= 0) {
      return null;
    }
    BigDecimal numerator =
        d.amount().multiply(dealCur.rate()).multiply(BigDecimal.valueOf(ours.nominal()));
    BigDecimal denominator = BigDecimal.valueOf(dealCur.nominal()).multiply(ours.rate());
    return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
  }

  List<Won> won() {
    return won;
  }

  Instant start(YearMonth m) {
    return m.atDay(1).atStartOfDay(f.zone()).toInstant();
  }

  Instant end(YearMonth m) {
    return start(m.plusMonths(1));
  }

  private static boolean within(Instant t, Instant from, Instant to) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  static boolean employedOn(Employee e, LocalDate day) {
    return (e.hiredOn() == null || !e.hiredOn().isAfter(day))
        && (e.firedOn() == null || !e.firedOn().isBefore(day));
  }

  static boolean employedIn(Employee e, YearMonth m) {
    return (e.hiredOn() == null || !e.hiredOn().isAfter(m.atEndOfMonth()))
        && (e.firedOn() == null || !e.firedOn().isBefore(m.atDay(1)));
  }

  static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static Value count(long n) {
    return new Value(BigDecimal.valueOf(n), n, 0);
  }

  /**
   * Every employee KPI of every employee measured in each month: key {@code employee|yyyy-MM|code}.
   */
  Map<String, Value> employeeKpis(List<YearMonth> months) {
    Map<String, Value> out = new TreeMap<>();
    for (YearMonth m : months) {
      Instant s = start(m);
      Instant e = end(m);
      List<Won> wonIn = won.stream().filter(w -> within(w.at(), s, e)).toList();
      List<Lead> closed =
          f.leads().stream()
              .filter(l -> l.semantic().equals("S") || l.semantic().equals("F"))
              .filter(l -> within(l.closedAt(), s, e))
              .toList();
      List<Activity> done =
          f.activities().stream()
              .filter(a -> a.completed() && Set.of(1, 2, 4).contains(a.type()))
              .filter(a -> within(a.end(), s, e))
              .toList();

      // who is measured: everyone employed on a day of the month, and whoever facts are assigned to
      Set<Long> people = new TreeSet<>();
      f.employees().stream().filter(x -> employedIn(x, m)).forEach(x -> people.add(x.id()));
      wonIn.forEach(w -> people.add(w.emp()));
      closed.forEach(l -> people.add(l.assigned()));
      done.forEach(a -> people.add(a.responsible()));
      people.remove(0L); // attributed to nobody

      // retention: clients with a win in [start − 12 months, start), owned by whoever won the
      // client's latest deal before the start
      Instant lookback = start(m.minusMonths(12));
      Map<String, Won> latestBefore = new HashMap<>();
      for (Won w : won) {
        if (w.client() != null && w.at().isBefore(s)) {
          latestBefore.merge(
              w.client(),
              w,
              (a, b) ->
                  Comparator.comparing(Won::at)
                              .thenComparingLong((Won x) -> x.deal().id())
                              .compare(a, b)
                          >= 0
                      ? a
                      : b);
        }
      }
      Set<String> inLookback =
          won.stream()
              .filter(w -> w.client() != null && within(w.at(), lookback, s))
              .map(Won::client)
              .collect(Collectors.toSet());
      Set<String> boughtIn =
          wonIn.stream().map(Won::client).filter(Objects::nonNull).collect(Collectors.toSet());

      // LTV: clients whose first-ever purchase is the employee's and was won before the end
      Map<String, Won> firsts =
          won.stream()
              .filter(w -> w.nth() == 1 && w.at().isBefore(e))
              .collect(Collectors.toMap(Won::client, w -> w));

      for (long p : people) {
        String key = p + "|" + m + "|";
        List<Won> mine = wonIn.stream().filter(w -> w.emp() == p).toList();
        List<BigDecimal> priced = mine.stream().map(Won::money).filter(Objects::nonNull).toList();
        long unpriced = mine.size() - priced.size();
        BigDecimal volume = sum(priced);
        out.put(key + "sales_volume", new Value(volume, priced.size(), unpriced));
        out.put(key + "deals_won", count(mine.size()));
        out.put(
            key + "average_deal",
            new Value(
                priced.isEmpty()
                    ? null
                    : volume.divide(BigDecimal.valueOf(priced.size()), 2, RoundingMode.HALF_UP),
                priced.size(),
                unpriced));

        List<Lead> myLeads = closed.stream().filter(l -> l.assigned() == p).toList();
        long converted = myLeads.stream().filter(l -> l.semantic().equals("S")).count();
        out.put(
            key + "lead_conversion",
            new Value(
                myLeads.isEmpty() ? null : percent(converted, myLeads.size()), myLeads.size(), 0));

        List<Won> repeats = mine.stream().filter(w -> w.client() != null && w.nth() > 1).toList();
        List<BigDecimal> repeatPriced =
            repeats.stream().map(Won::money).filter(Objects::nonNull).toList();
        out.put(
            key + "repeat_sales",
            new Value(
                sum(repeatPriced), repeatPriced.size(), repeats.size() - repeatPriced.size()));

        out.put(key + "new_clients", count(mine.stream().filter(w -> w.nth() == 1).count()));

        List<Integer> answers =
            mine.stream().map(w -> w.deal().nps()).filter(Objects::nonNull).toList();
        long promoters = answers.stream().filter(a -> a >= 9).count();
        long detractors = answers.stream().filter(a -> a <= 6).count();
        out.put(
            key + "nps",
            new Value(
                answers.isEmpty() ? null : percent(promoters - detractors, answers.size()),
                answers.size(),
                0));

        List<String> base =
            inLookback.stream().filter(cl -> latestBefore.get(cl).emp() == p).toList();
        long retained = base.stream().filter(boughtIn::contains).count();
        out.put(
            key + "retention",
            new Value(base.isEmpty() ? null : percent(retained, base.size()), base.size(), 0));

        Set<String> clients =
            firsts.values().stream()
                .filter(w -> w.emp() == p)
                .map(Won::client)
                .collect(Collectors.toSet());
        List<Won> theirDeals =
            won.stream()
                .filter(w -> w.client() != null && clients.contains(w.client()))
                .filter(w -> w.at().isBefore(e))
                .toList();
        List<BigDecimal> ltvPriced =
            theirDeals.stream().map(Won::money).filter(Objects::nonNull).toList();
        out.put(
            key + "ltv",
            new Value(
                clients.isEmpty()
                    ? null
                    : sum(ltvPriced)
                        .divide(BigDecimal.valueOf(clients.size()), 2, RoundingMode.HALF_UP),
                clients.size(),
                theirDeals.size() - ltvPriced.size()));

        List<Activity> acts = done.stream().filter(a -> a.responsible() == p).toList();
        long calls = acts.stream().filter(a -> a.type() == 2).count();
        long meetings = acts.stream().filter(a -> a.type() == 1).count();
        long emails = acts.stream().filter(a -> a.type() == 4).count();
        out.put(key + "activity_calls", count(calls));
        out.put(key + "activity_meetings", count(meetings));
        out.put(key + "activity_emails", count(emails));
        out.put(key + "activity_total", count(calls + meetings + emails));
      }
    }
    return out;
  }

  /** A department and all its sub-departments at any depth. */
  Set<Long> subtree(long root) {
    Set<Long> seen = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      long d = todo.pop();
      if (seen.add(d)) {
        f.departments().stream()
            .filter(x -> x.parent() != null && x.parent() == d)
            .forEach(x -> todo.push(x.id()));
      }
    }
    return seen;
  }

  List<Employee> members(long department) {
    Set<Long> tree = subtree(department);
    return f.employees().stream()
        .filter(e -> e.departments().stream().anyMatch(tree::contains))
        .toList();
  }

  /**
   * Average sales per manager and staff turnover of every department in each month: key {@code
   * department|yyyy-MM|code}.
   */
  Map<String, Value> departmentKpis(List<YearMonth> months) {
    Map<String, Value> out = new TreeMap<>();
    for (Department dep : f.departments()) {
      List<Employee> members = members(dep.id());
      Set<Long> ids = members.stream().map(Employee::id).collect(Collectors.toSet());
      for (YearMonth m : months) {
        String key = dep.id() + "|" + m + "|";
        List<Won> deals =
            won.stream()
                .filter(w -> ids.contains(w.emp()) && within(w.at(), start(m), end(m)))
                .toList();
        List<BigDecimal> priced = deals.stream().map(Won::money).filter(Objects::nonNull).toList();
        long active = members.stream().filter(e -> employedIn(e, m)).count();
        out.put(
            key + "average_sales_per_manager",
            new Value(
                active == 0
                    ? null
                    : sum(priced).divide(BigDecimal.valueOf(active), 2, RoundingMode.HALF_UP),
                priced.size(),
                deals.size() - priced.size()));
        LocalDate first = m.atDay(1);
        LocalDate last = m.atEndOfMonth();
        long left =
            members.stream()
                .filter(
                    e ->
                        e.firedOn() != null
                            && !e.firedOn().isBefore(first)
                            && !e.firedOn().isAfter(last))
                .count();
        long onFirst = members.stream().filter(e -> employedOn(e, first)).count();
        long onLast = members.stream().filter(e -> employedOn(e, last)).count();
        // left ÷ ((onFirst + onLast) ÷ 2) × 100
        BigDecimal turnover =
            onFirst + onLast == 0
                ? null
                : BigDecimal.valueOf(left)
                    .multiply(HUNDRED)
                    .multiply(BigDecimal.valueOf(2))
                    .divide(BigDecimal.valueOf(onFirst + onLast), 4, RoundingMode.HALF_UP);
        out.put(key + "staff_turnover", new Value(turnover, left, 0));
      }
    }
    return out;
  }

  /**
   * Funnel conversion per department, pipeline and in-progress stage entered in the month: key
   * {@code department|yyyy-MM|pipeline|stage}, the value with facts = entered and errors =
   * converted.
   */
  Map<String, Value> funnel(List<YearMonth> months) {
    Map<String, Value> out = new TreeMap<>();
    Map<String, Stage> catalog =
        f.stages().stream().collect(Collectors.toMap(s -> s.pipeline() + "|" + s.id(), s -> s));
    Map<Long, List<History>> byDeal =
        f.dealHistory().stream().collect(Collectors.groupingBy(History::deal));
    Comparator<History> order = Comparator.comparing(History::at).thenComparingLong(History::id);
    for (Department dep : f.departments()) {
      Set<Long> ids = members(dep.id()).stream().map(Employee::id).collect(Collectors.toSet());
      List<Deal> deals = f.deals().stream().filter(d -> ids.contains(d.assigned())).toList();
      for (YearMonth m : months) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Deal d : deals) {
          List<History> rows = byDeal.getOrDefault(d.id(), List.of());
          for (Stage stage : f.stages()) {
            if (!stage.semantic().equals("P")) {
              continue;
            }
            Optional<History> entry =
                rows.stream()
                    .filter(h -> h.pipeline() == stage.pipeline() && h.stage().equals(stage.id()))
                    .filter(h -> within(h.at(), start(m), end(m)))
                    .min(order);
            if (entry.isEmpty()) {
              continue;
            }
            Predicate<History> progress =
                h -> {
                  Stage to = catalog.get(h.pipeline() + "|" + h.stage());
                  return to != null
                      && to.pipeline() == stage.pipeline()
                      && (to.semantic().equals("S")
                          || (to.semantic().equals("P") && to.sort() > stage.sort()));
                };
            boolean moved =
                rows.stream().filter(h -> order.compare(h, entry.get()) > 0).anyMatch(progress);
            long[] c =
                counts.computeIfAbsent(stage.pipeline() + "|" + stage.id(), k -> new long[2]);
            c[0]++;
            if (moved) {
              c[1]++;
            }
          }
        }
        counts.forEach(
            (stage, c) ->
                out.put(
                    dep.id() + "|" + m + "|" + stage, new Value(percent(c[1], c[0]), c[0], c[1])));
      }
    }
    return out;
  }
}
