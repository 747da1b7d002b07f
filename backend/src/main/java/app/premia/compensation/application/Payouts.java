package app.premia.compensation.application;

import app.premia.compensation.application.PayoutStore.Correction;
import app.premia.compensation.application.PayoutStore.DealRef;
import app.premia.compensation.application.PayoutStore.LedgerKey;
import app.premia.compensation.application.PayoutStore.LineRow;
import app.premia.compensation.application.PayoutStore.NewStatement;
import app.premia.compensation.application.PayoutStore.RunRow;
import app.premia.compensation.application.PayoutStore.StatementRow;
import app.premia.compensation.application.SchemeCatalog.SchemeView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.Line;
import app.premia.compensation.domain.Subject;
import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.Thresholds;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Payout runs: computing a month's draft (every employee on a scheme that month, one statement
 * each, every line explained, the deals behind deal-based lines), re-pricing approved months into
 * adjustment lines, approving (four eyes), marking paid, inquiries with corrections, and the live
 * estimate of the current month. One instance per unit of work, on the tenant's connection; the
 * caller owns the transaction, so a failure anywhere leaves nothing half-written (the draft is
 * computed in memory first and written in one go).
 *
 * <p>Adjustments: for every approved or paid month of the last {@value #ADJUSTMENT_MONTHS} months
 * the month is evaluated again on today's facts under the versions in force then; every line whose
 * amount differs from what the ledger holds for it (accruals plus earlier adjustments) yields one
 * ADJUSTMENT line for the difference in the draft — so once that draft is approved the ledger holds
 * the new amount and the next draft finds no difference. The approved statements never change.
 */
public final class Payouts {

  /** How far back approved months are re-priced. */
  static final int ADJUSTMENT_MONTHS = 12;

  static final String BASE_KEY = "_base";

  private final PayoutStore store;
  private final SchemeCatalog catalog;
  private final KpiFeed feed;
  private final Clock clock;
  private final Engine engine;

  public Payouts(PayoutStore store, SchemeCatalog catalog, KpiFeed feed, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.engine = new Engine(feed.catalogue());
  }

  public PayoutStore store() {
    return store;
  }

  // ---- computing --------------------------------------------------------------------------------

  /** One employee's results in a month, over every scheme he was on. */
  record Pay(
      KpiFeed.Staff staff,
      String department,
      List<Text> basis,
      List<Text> notes,
      List<LineRow> lines) {}

  /** What the versions in force pay in a month, per employee (in memory; nothing written). */
  Map<Long, Pay> evaluate(KpiPeriod month) throws SQLException {
    List<SchemeView> schemes = new ArrayList<>();
    Set<UUID> assigned = new HashSet<>();
    catalog
        .assignments(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31))
        .forEach(a -> assigned.add(a.schemeId()));
    TreeSet<KpiPeriod> periods = new TreeSet<>();
    for (SchemeView scheme : catalog.schemes()) {
      // a run pays people put on a scheme; a scheme nobody is assigned to pays nobody
      if (assigned.contains(scheme.id())) {
        schemes.add(scheme);
        periods.addAll(Payroll.periodsFor(catalog, scheme.id(), month, List.of()));
      }
    }
    Map<Long, Pay> pay = new LinkedHashMap<>();
    if (schemes.isEmpty()) {
      return pay;
    }
    PayrollFacts facts = new PayrollFacts(feed.read(store.connection(), periods));
    Payroll payroll = new Payroll(catalog, engine, facts);
    Map<Long, List<KpiFeed.WonDeal>> wonDeals = null;
    for (SchemeView scheme : schemes) {
      Payroll.MonthRun run = payroll.run(scheme.id(), month, List.of());
      if (run.inForce().isEmpty()) {
        continue;
      }
      VersionView version = run.inForce().get();
      Map<String, Component> components = new HashMap<>();
      version.definition().components().forEach(c -> components.put(c.key(), c));
      boolean needsDeals = version.definition().components().stream().anyMatch(this::listsDeals);
      if (needsDeals && wonDeals == null) {
        wonDeals = byEmployee(feed.wonDeals(store.connection(), dealPeriods(schemes, month)));
      }
      Text basis =
          new Text(
              scheme.name() + ", версия " + version.number(),
              scheme.name() + ", version " + version.number());
      for (EmployeeResult result : payroll.current(run)) {
        KpiFeed.Staff staff = facts.employee(result.employeeId()).orElseThrow();
        Pay p =
            pay.computeIfAbsent(
                result.employeeId(),
                id ->
                    new Pay(
                        staff,
                        facts.department(staff.departmentId()).map(KpiFeed.Team::name).orElse(null),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>()));
        p.basis().add(basis);
        p.notes().addAll(result.notes());
        p.lines()
            .add(
                line(
                    "BASE",
                    BASE_KEY,
                    new Text("Оклад", "Base salary"),
                    month,
                    result.baseSalary(),
                    true,
                    List.of(
                        new Text(
                            "Оклад по схеме «" + basis.ru() + "»",
                            "Base salary under «" + basis.en() + "»")),
                    List.of(),
                    null,
                    null));
        for (Line l : result.lines()) {
          Component c = components.get(l.componentKey());
          List<DealRef> deals = List.of();
          if (c != null && listsDeals(c) && wonDeals != null) {
            deals = dealsIn(wonDeals.get(result.employeeId()), l.period());
          }
          String name = l.componentName() == null ? l.componentKey() : l.componentName();
          p.lines()
              .add(
                  line(
                      "COMPONENT",
                      l.componentKey(),
                      new Text(name, name),
                      l.period(),
                      l.amount(),
                      l.paid(),
                      l.explanation(),
                      deals,
                      null,
                      null));
        }
        for (Line l : result.adjustments()) {
          String name = l.componentName() == null ? l.componentKey() : l.componentName();
          p.lines()
              .add(
                  line(
                      "SCHEME",
                      l.componentKey(),
                      new Text(name, name),
                      l.period(),
                      l.amount(),
                      l.paid(),
                      l.explanation(),
                      List.of(),
                      null,
                      null));
        }
      }
    }
    return pay;
  }

  /** Whether a component's line lists the won deals behind it (a deal-based KPI of his own). */
  private boolean listsDeals(Component c) {
    return !c.measure().isFormula()
        && c.measure().subject() == Subject.SELF
        && feed.countsWonDeals(c.measure().kpi());
  }

  /**
   * The periods of the lines that list deals: of every deal-listing component of the versions in
   * force, the period that closes in the month (the only one it has a line for) — not the previous
   * periods the run also reads values of, whose deals no line shows.
   */
  private List<KpiPeriod> dealPeriods(List<SchemeView> schemes, KpiPeriod month) {
    TreeSet<KpiPeriod> out = new TreeSet<>();
    for (SchemeView scheme : schemes) {
      catalog
          .inForce(scheme.id(), month.firstDay())
          .ifPresent(
              v -> {
                for (Component c : v.definition().components()) {
                  KpiPeriod p = KpiPeriod.containing(month.firstDay(), c.frequency().periodKind());
                  if (listsDeals(c) && p.lastDay().equals(month.lastDay())) {
                    out.add(p);
                  }
                }
              });
    }
    return List.copyOf(out);
  }

  private static LineRow line(
      String kind,
      String key,
      Text name,
      KpiPeriod period,
      BigDecimal amount,
      boolean paid,
      List<Text> explanation,
      List<DealRef> deals,
      Text reason,
      UUID correctionId) {
    return new LineRow(
        UUID.randomUUID(),
        null,
        0,
        kind,
        key,
        name,
        period,
        amount.setScale(2),
        paid,
        explanation,
        deals,
        reason,
        correctionId);
  }

  private static Map<Long, List<KpiFeed.WonDeal>> byEmployee(List<KpiFeed.WonDeal> deals) {
    Map<Long, List<KpiFeed.WonDeal>> out = new HashMap<>();
    for (KpiFeed.WonDeal d : deals) {
      if (d.employeeId() != null) {
        out.computeIfAbsent(d.employeeId(), k -> new ArrayList<>()).add(d);
      }
    }
    return out;
  }

  private static List<DealRef> dealsIn(List<KpiFeed.WonDeal> deals, KpiPeriod period) {
    if (deals == null) {
      return List.of();
    }
    List<DealRef> out = new ArrayList<>();
    for (KpiFeed.WonDeal d : deals) {
      if (!d.wonOn().isBefore(period.firstDay()) && !d.wonOn().isAfter(period.lastDay())) {
        out.add(new DealRef(d.dealId(), d.title(), d.money(), d.wonOn(), null));
      }
    }
    return out;
  }

  /**
   * The draft of a month as statements: the month's pay, the adjustments of approved months and the
   * corrections not yet booked, with the previous month's totals for comparison.
   */
  List<NewStatement> draft(KpiPeriod month) throws SQLException {
    Map<Long, Pay> pay = evaluate(month);
    Map<Long, List<LineRow>> extra = new LinkedHashMap<>();
    Map<Long, KpiFeed.Staff> extraStaff = new HashMap<>();
    adjustments(month, extra, extraStaff);
    for (Correction c : store.pendingCorrections()) {
      extra
          .computeIfAbsent(c.employeeId(), k -> new ArrayList<>())
          .add(
              line(
                  "ADJUSTMENT",
                  c.key(),
                  new Text("Корректировка по обращению", "Correction answering an inquiry"),
                  c.period(),
                  c.amount(),
                  true,
                  List.of(new Text(c.reason(), c.reason())),
                  List.of(),
                  new Text("Ответ на обращение: " + c.reason(), "Inquiry answer: " + c.reason()),
                  c.id()));
    }
    Map<Long, BigDecimal> previous = store.totalsOf(month.previous().firstDay());
    Map<Long, PayoutStore.Profile> profiles = store.profiles();
    Set<Long> employees = new TreeSet<>(pay.keySet());
    employees.addAll(extra.keySet());
    List<NewStatement> out = new ArrayList<>();
    for (long employee : employees) {
      Pay p = pay.get(employee);
      List<LineRow> lines = new ArrayList<>(p == null ? List.of() : p.lines());
      lines.addAll(extra.getOrDefault(employee, List.of()));
      KpiFeed.Staff staff = p != null ? p.staff() : extraStaff.get(employee);
      UUID statementId = UUID.randomUUID();
      BigDecimal base = BigDecimal.ZERO.setScale(2);
      BigDecimal variable = BigDecimal.ZERO.setScale(2);
      BigDecimal adjustments = BigDecimal.ZERO.setScale(2);
      List<LineRow> numbered = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        LineRow l = lines.get(i);
        switch (l.kind()) {
          case "BASE" -> base = base.add(l.amount());
          case "ADJUSTMENT" -> adjustments = adjustments.add(l.amount());
          default -> variable = variable.add(l.amount());
        }
        numbered.add(
            new LineRow(
                l.id(),
                statementId,
                i + 1,
                l.kind(),
                l.key(),
                l.name(),
                l.period(),
                l.amount(),
                l.paid(),
                l.explanation(),
                l.deals(),
                l.reason(),
                l.correctionId()));
      }
      PayoutStore.Profile profile = profiles.get(employee);
      out.add(
          new NewStatement(
              new StatementRow(
                  statementId,
                  null,
                  month.firstDay(),
                  "DRAFT",
                  employee,
                  staff == null ? "#" + employee : staff.name(),
                  p == null ? null : p.department(),
                  profile == null ? null : profile.personnelNumber(),
                  p == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(p.basis())),
                  p == null ? List.of() : p.notes(),
                  base,
                  variable,
                  adjustments,
                  base.add(variable).add(adjustments),
                  previous.get(employee)),
              numbered));
    }
    return out;
  }

  /** Adjustment lines for approved months whose amounts differ from the ledger now. */
  private void adjustments(
      KpiPeriod month, Map<Long, List<LineRow>> out, Map<Long, KpiFeed.Staff> staffOut)
      throws SQLException {
    LocalDate since = month.firstDay().minusMonths(ADJUSTMENT_MONTHS);
    List<RunRow> settled =
        store.settledRunsSince(since).stream()
            .filter(r -> r.periodStart().isBefore(month.firstDay()))
            .toList();
    if (settled.isEmpty()) {
      return;
    }
    Map<LedgerKey, BigDecimal> ledger = store.ledgerSums(LocalDate.of(1900, 1, 1));
    for (RunRow run : settled) {
      Map<Long, Pay> now = evaluate(run.month());
      Map<Long, List<LineRow>> approved = store.linesOfRun(run.id());
      // what each line of that month pays now, by employee, key and period
      Map<LedgerKey, LineRow> nowLines = new LinkedHashMap<>();
      Map<LedgerKey, BigDecimal> nowAmounts = new LinkedHashMap<>();
      for (Map.Entry<Long, Pay> e : now.entrySet()) {
        staffOut.putIfAbsent(e.getKey(), e.getValue().staff());
        for (LineRow l : e.getValue().lines()) {
          LedgerKey key = new LedgerKey(e.getKey(), l.key(), l.period());
          nowLines.putIfAbsent(key, l);
          nowAmounts.merge(key, l.amount(), BigDecimal::add);
        }
      }
      Map<LedgerKey, LineRow> thenLines = new LinkedHashMap<>();
      for (Map.Entry<Long, List<LineRow>> e : approved.entrySet()) {
        for (LineRow l : e.getValue()) {
          if (!"ADJUSTMENT".equals(l.kind())) {
            thenLines.putIfAbsent(new LedgerKey(e.getKey(), l.key(), l.period()), l);
          }
        }
      }
      Set<LedgerKey> keys = new java.util.LinkedHashSet<>(thenLines.keySet());
      keys.addAll(nowLines.keySet());
      for (LedgerKey key : keys) {
        BigDecimal booked = ledger.getOrDefault(key, BigDecimal.ZERO.setScale(2));
        BigDecimal amount = nowAmounts.getOrDefault(key, BigDecimal.ZERO.setScale(2));
        BigDecimal delta = amount.subtract(booked);
        if (delta.signum() == 0) {
          continue;
        }
        LineRow then = thenLines.get(key);
        LineRow current = nowLines.get(key);
        Text name = then != null ? then.name() : current.name();
        List<DealRef> changed =
            dealChanges(
                then == null ? List.of() : then.deals(),
                current == null ? List.of() : current.deals(),
                key.employeeId());
        Text reason = reason(name, key.period(), booked, amount, changed);
        List<Text> explanation = new ArrayList<>();
        explanation.add(reason);
        if (current != null) {
          explanation.addAll(current.explanation());
        }
        out.computeIfAbsent(key.employeeId(), k -> new ArrayList<>())
            .add(
                line(
                    "ADJUSTMENT",
                    key.key(),
                    new Text(
                        "Корректировка: " + name.ru() + " за " + label(key.period(), "ru"),
                        "Adjustment: " + name.en() + " for " + label(key.period(), "en")),
                    key.period(),
                    delta,
                    true,
                    explanation,
                    changed,
                    reason,
                    null));
        // the draft pays the difference; the ledger takes it when the draft is approved
        ledger.put(key, amount);
      }
    }
  }

  /** What happened to the deals behind a line since it was approved. */
  private List<DealRef> dealChanges(List<DealRef> then, List<DealRef> now, long employeeId)
      throws SQLException {
    Map<Long, DealRef> before = new LinkedHashMap<>();
    then.forEach(d -> before.put(d.id(), d));
    Map<Long, DealRef> after = new LinkedHashMap<>();
    now.forEach(d -> after.put(d.id(), d));
    Set<Long> gone = new java.util.LinkedHashSet<>(before.keySet());
    gone.removeAll(after.keySet());
    Map<Long, KpiFeed.DealState> states = new HashMap<>();
    for (KpiFeed.DealState s : feed.deals(store.connection(), gone)) {
      states.put(s.dealId(), s);
    }
    List<DealRef> out = new ArrayList<>();
    for (long id : gone) {
      DealRef d = before.get(id);
      KpiFeed.DealState s = states.get(id);
      String change;
      if (s == null) {
        change = "DELETED";
      } else if ("LOST".equals(s.status())) {
        change = "LOST";
      } else if (s.employeeId() == null || s.employeeId() != employeeId) {
        change = "REASSIGNED";
      } else if ("OPEN".equals(s.status())) {
        change = "REOPENED";
      } else {
        change = "MOVED";
      }
      out.add(
          new DealRef(d.id(), s == null ? d.title() : s.title(), d.amount(), d.wonOn(), change));
    }
    for (DealRef d : now) {
      DealRef b = before.get(d.id());
      if (b == null) {
        out.add(new DealRef(d.id(), d.title(), d.amount(), d.wonOn(), "ADDED"));
      } else if (b.amount() != null
          && d.amount() != null
          && b.amount().compareTo(d.amount()) != 0) {
        out.add(new DealRef(d.id(), d.title(), d.amount(), d.wonOn(), "AMOUNT_CHANGED"));
      }
    }
    return out;
  }

  private static Text reason(
      Text name, KpiPeriod period, BigDecimal booked, BigDecimal now, List<DealRef> changed) {
    StringBuilder ru = new StringBuilder();
    StringBuilder en = new StringBuilder();
    ru.append("«")
        .append(name.ru())
        .append("» за ")
        .append(label(period, "ru"))
        .append(": начислено ")
        .append(money(booked, "ru"))
        .append(", по текущим данным ")
        .append(money(now, "ru"))
        .append(", разница ")
        .append(money(now.subtract(booked), "ru"));
    en.append("«")
        .append(name.en())
        .append("» for ")
        .append(label(period, "en"))
        .append(": accrued ")
        .append(money(booked, "en"))
        .append(", on today's data ")
        .append(money(now, "en"))
        .append(", difference ")
        .append(money(now.subtract(booked), "en"));
    for (DealRef d : changed) {
      String title = d.title() == null ? "" : " «" + d.title() + "»";
      ru.append("; сделка №").append(d.id()).append(title).append(": ").append(change(d, "ru"));
      en.append("; deal #").append(d.id()).append(title).append(": ").append(change(d, "en"));
    }
    return new Text(ru.append('.').toString(), en.append('.').toString());
  }

  /** What happened to a deal since approval, in both languages. */
  private static final Map<String, Text> CHANGES =
      Map.of(
          "DELETED", new Text("удалена", "deleted"),
          "LOST", new Text("проиграна", "lost"),
          "REASSIGNED", new Text("передана другому ответственному", "reassigned to someone else"),
          "REOPENED", new Text("возвращена в работу", "reopened"),
          "MOVED",
              new Text(
                  "дата выигрыша перенесена в другой период", "won date moved to another period"),
          "ADDED", new Text("добавлена", "added"),
          "AMOUNT_CHANGED", new Text("изменена сумма, теперь", "amount changed, now"));

  private static String change(DealRef d, String language) {
    String amount = d.amount() == null ? "" : " (" + money(d.amount(), language) + ")";
    Text change = CHANGES.get(d.change());
    return (change == null ? d.change() : change.in(language)) + amount;
  }

  /** «1 234 567,89 ₽» / «1,234,567.89 ₽»: as the engine's explanations write money. */
  static String money(BigDecimal amount, String language) {
    return app.premia.compensation.domain.Formats.money(amount, "₽").in(language);
  }

  static String label(KpiPeriod period, String language) {
    LocalDate d = period.firstDay();
    return switch (period.kind()) {
      case MONTH -> String.format("%02d.%d", d.getMonthValue(), d.getYear());
      case QUARTER ->
          ("en".equals(language) ? "Q" : "")
              + ((d.getMonthValue() - 1) / 3 + 1)
              + ("en".equals(language) ? " " : " кв. ")
              + d.getYear();
      case YEAR -> Integer.toString(d.getYear());
      default -> d.toString();
    };
  }

  // ---- use cases --------------------------------------------------------------------------------

  /**
   * Prepares (or recomputes) the draft of a closed month; the caller becomes its preparer.
   *
   * @throws BusinessRuleException INVALID for a month not closed yet, CONFLICT when the month's run
   *     is approved or paid
   */
  public RunRow prepare(LocalDate day, UUID preparer, String language) throws SQLException {
    ZoneId zone = feed.calendar(store.connection()).zone();
    YearMonth current = YearMonth.now(clock.withZone(zone));
    YearMonth wanted = YearMonth.from(day);
    if (!wanted.isBefore(current)) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "en".equals(language)
                  ? "A run pays a closed month: " + wanted + " has not ended yet."
                  : "Ведомость — только за закрытый месяц: " + wanted + " ещё не закончился.",
              "input",
              "month"));
    }
    KpiPeriod month = KpiPeriod.month(wanted.getYear(), wanted.getMonthValue());
    Instant now = clock.instant();
    Optional<RunRow> existing = store.runOf(month.firstDay());
    if (existing.isPresent() && !existing.get().draft()) {
      throw settled(existing.get(), language);
    }
    List<NewStatement> statements = draft(month);
    RunRow run = store.lockRun(month.firstDay(), now);
    if (!run.draft()) {
      throw settled(run, language);
    }
    store.writeDraft(run, statements, now, preparer, existing.isEmpty());
    return store.run(run.id()).orElseThrow();
  }

  private static BusinessRuleException settled(RunRow run, String language) {
    return new BusinessRuleException(
        UserError.of(
            UserError.Code.CONFLICT,
            "en".equals(language)
                ? "The run of this month is " + run.status().toLowerCase() + " and never changes."
                : "Ведомость за этот месяц уже "
                    + ("PAID".equals(run.status()) ? "выплачена" : "утверждена")
                    + " и не меняется.",
            "input",
            "month"));
  }

  /**
   * Recomputes every draft of the tenant on today's data (after a CRM or plan change), keeping
   * their preparers; answers how many were recomputed.
   */
  public int recomputeDrafts() throws SQLException {
    int n = 0;
    for (RunRow draft : store.drafts()) {
      List<NewStatement> statements = draft(draft.month());
      Optional<RunRow> locked = store.lockRun(draft.id());
      if (locked.isPresent() && locked.get().draft()) {
        store.writeDraft(locked.get(), statements, clock.instant(), null, false);
        n++;
      }
    }
    return n;
  }

  /**
   * Approves a draft.
   *
   * @throws BusinessRuleException NOT_FOUND, FORBIDDEN (the approver prepared it) or CONFLICT (not
   *     a draft any more — another approval won)
   */
  public RunRow approve(UUID runId, UUID approver, String language) throws SQLException {
    RunRow run = store.lockRun(runId).orElseThrow(() -> notFound("runId", language));
    if (!run.draft()) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "en".equals(language)
                  ? "The run is already " + run.status().toLowerCase() + "."
                  : "Ведомость уже " + ("PAID".equals(run.status()) ? "выплачена." : "утверждена."),
              "input",
              "runId"));
    }
    if (approver.equals(run.preparedBy())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.FORBIDDEN,
              "en".equals(language)
                  ? "You prepared this run: another administrator must approve it."
                  : "Ведомость подготовили вы: утвердить её должен другой администратор.",
              "input",
              "runId"));
    }
    if (!store.approve(runId, approver, clock.instant())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "en".equals(language)
                  ? "The run is no draft any more."
                  : "Ведомость уже не черновик.",
              "input",
              "runId"));
    }
    return store.run(runId).orElseThrow();
  }

  public RunRow markPaid(UUID runId, LocalDate paidOn, String reference, UUID by, String language)
      throws SQLException {
    List<UserError> errors = new ArrayList<>();
    if (paidOn == null) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED,
              "en".equals(language) ? "Enter the payment day." : "Укажите дату выплаты.",
              "input",
              "paidOn"));
    }
    String ref = reference == null ? "" : reference.strip();
    if (ref.isEmpty() || ref.length() > 100) {
      errors.add(
          UserError.of(
              ref.isEmpty() ? UserError.Code.REQUIRED : UserError.Code.INVALID,
              "en".equals(language)
                  ? "Enter the payment reference (up to 100 characters)."
                  : "Укажите номер платёжного документа (до 100 символов).",
              "input",
              "reference"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    RunRow run = store.lockRun(runId).orElseThrow(() -> notFound("runId", language));
    if (!"APPROVED".equals(run.status())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "en".equals(language)
                  ? "Only an approved run can be marked paid."
                  : "Отметить выплаченной можно только утверждённую ведомость.",
              "input",
              "runId"));
    }
    if (paidOn.isBefore(run.periodStart())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "en".equals(language)
                  ? "The payment day cannot precede the month paid."
                  : "Дата выплаты не может быть раньше оплачиваемого месяца.",
              "input",
              "paidOn"));
    }
    store.markPaid(runId, paidOn, ref, by, clock.instant());
    return store.run(runId).orElseThrow();
  }

  static BusinessRuleException notFound(String field, String language) {
    return new BusinessRuleException(
        UserError.of(
            UserError.Code.NOT_FOUND,
            "en".equals(language) ? "Not found." : "Не найдено.",
            "input",
            field));
  }

  /** The Bitrix24 notification for each employee of an approved run (Russian: the portal's). */
  public Map<Long, String> approvalMessages(RunRow run) throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    for (StatementRow s : store.statements(run.id())) {
      out.put(
          s.employeeId(),
          "Ведомость Premia за "
              + label(run.month(), "ru")
              + " утверждена: к выплате "
              + money(s.total(), "ru")
              + ". Расчёт по строкам — в разделе «Мои выплаты».");
    }
    return out;
  }

  // ---- exports ----------------------------------------------------------------------------------

  /** A run as the export writers take it ({@link PayoutExports}); empty when there is none. */
  public Optional<PayoutExport> export(UUID runId, String language) throws SQLException {
    Optional<RunRow> found = store.run(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RunRow run = found.get();
    List<StatementRow> statements = store.statements(run.id());
    Map<UUID, List<LineRow>> lines =
        store.lines(statements.stream().map(StatementRow::id).toList());
    Map<Long, PayoutStore.Profile> profiles = store.profiles();
    List<PayoutExport.Row> rows = new ArrayList<>();
    for (StatementRow s : statements) {
      PayoutStore.Profile profile = profiles.get(s.employeeId());
      List<PayoutExport.Line> out = new ArrayList<>();
      for (LineRow l : lines.getOrDefault(s.id(), List.of())) {
        out.add(
            new PayoutExport.Line(
                l.kind(),
                l.key(),
                l.name().in(language),
                l.period().kind().name(),
                l.period().firstDay(),
                l.amount(),
                l.reason() == null ? null : l.reason().in(language)));
      }
      rows.add(
          new PayoutExport.Row(
              s.employeeId(),
              s.personnelNumber() != null
                  ? s.personnelNumber()
                  : profile == null ? null : profile.personnelNumber(),
              s.employeeName(),
              s.department(),
              profile == null ? null : profile.organisation(),
              String.join("; ", s.basis().stream().map(t -> t.in(language)).toList()),
              s.baseSalary(),
              s.variablePay(),
              s.adjustments(),
              s.total(),
              s.previousTotal(),
              out));
    }
    return Optional.of(
        new PayoutExport(
            store.companyName(),
            feed.calendar(store.connection()).currency(),
            YearMonth.from(run.periodStart()),
            run.id(),
            run.status(),
            rows));
  }

  // ---- inquiries and payroll profiles -----------------------------------------------------------

  /** An admin's answer: the text and, optionally, a correction for the next open run. */
  public record InquiryAnswer(UUID inquiryId, String answer, BigDecimal correction) {}

  private static String comment(String text, String field, String language) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > 4000) {
      throw new BusinessRuleException(
          UserError.of(
              t.isEmpty() ? UserError.Code.REQUIRED : UserError.Code.INVALID,
              "en".equals(language)
                  ? "Write a comment (up to 4 000 characters)."
                  : "Напишите комментарий (до 4 000 символов).",
              "input",
              field));
    }
    return t;
  }

  /**
   * A manager raises an inquiry on a line of his own statement of an approved or paid run; any
   * other line answers NOT_FOUND (as one that does not exist).
   */
  public PayoutStore.InquiryRow raiseInquiry(
      long employeeId, UUID lineId, String comment, UUID by, String language) throws SQLException {
    String text = comment(comment, "comment", language);
    LineRow line = store.line(lineId).orElseThrow(() -> notFound("lineId", language));
    StatementRow statement =
        store.statement(line.statementId()).orElseThrow(() -> notFound("lineId", language));
    if (statement.employeeId() != employeeId || "DRAFT".equals(statement.runStatus())) {
      throw notFound("lineId", language);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insertInquiry(id, statement, lineId, by, now);
    store.insertMessage(id, by, "MANAGER", text, now);
    return store.inquiry(id).orElseThrow();
  }

  /** A tenant admin answers an open inquiry, optionally queuing a correction. */
  public PayoutStore.InquiryRow answerInquiry(InquiryAnswer answer, UUID by, String language)
      throws SQLException {
    String text = comment(answer.answer(), "answer", language);
    PayoutStore.InquiryRow q =
        store.inquiry(answer.inquiryId()).orElseThrow(() -> notFound("inquiryId", language));
    if (!"OPEN".equals(q.status())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "en".equals(language)
                  ? "The inquiry has been answered already."
                  : "На обращение уже ответили.",
              "input",
              "inquiryId"));
    }
    UUID correctionId = null;
    BigDecimal correction = answer.correction();
    if (correction != null) {
      if (correction.signum() == 0
          || correction.scale() > 2
          || correction.abs().compareTo(new BigDecimal("100000000")) >= 0) {
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.INVALID,
                "en".equals(language)
                    ? "A correction is a non-zero amount in kopecks below 100 000 000."
                    : "Корректировка — ненулевая сумма с копейками, меньше 100 000 000.",
                "input",
                "correction"));
      }
      LineRow line = store.line(q.lineId()).orElseThrow();
      correctionId = UUID.randomUUID();
      store.insertCorrection(
          new Correction(
              correctionId,
              q.employeeId(),
              line.key(),
              line.period(),
              line.id(),
              correction.setScale(2),
              text,
              q.id()),
          clock.instant(),
          by);
    }
    Instant now = clock.instant();
    if (!store.answer(q.id(), by, now, correctionId)) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "en".equals(language)
                  ? "The inquiry has been answered already."
                  : "На обращение уже ответили.",
              "input",
              "inquiryId"));
    }
    store.insertMessage(q.id(), by, "ADMIN", text, now);
    return store.inquiry(q.id()).orElseThrow();
  }

  /** Sets an employee's personnel number (unique in the company) and organisation. */
  public PayoutStore.Profile saveProfile(
      long employeeId, String personnelNumber, String organisation, String language)
      throws SQLException {
    String number = personnelNumber == null ? null : personnelNumber.strip();
    String org = organisation == null ? null : organisation.strip();
    number = number == null || number.isEmpty() ? null : number;
    org = org == null || org.isEmpty() ? null : org;
    List<UserError> errors = new ArrayList<>();
    if (number != null && !number.matches("[\\p{L}\\p{N}\\-/.]{1,50}")) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "en".equals(language)
                  ? "A personnel number is up to 50 letters, digits, '-', '/' or '.'."
                  : "Табельный номер — до 50 букв, цифр, «-», «/» или «.».",
              "input",
              "personnelNumber"));
    } else if (number != null && store.personnelNumberTaken(number, employeeId)) {
      errors.add(
          UserError.of(
              UserError.Code.DUPLICATE,
              "en".equals(language)
                  ? "Another employee has this personnel number."
                  : "Этот табельный номер уже у другого сотрудника.",
              "input",
              "personnelNumber"));
    }
    if (org != null && org.length() > 300) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "en".equals(language)
                  ? "An organisation name is up to 300 characters."
                  : "Название организации — до 300 символов.",
              "input",
              "organisation"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    PayoutStore.Profile p = new PayoutStore.Profile(employeeId, number, org);
    store.saveProfile(p, clock.instant());
    return p;
  }

  // ---- the live estimate ------------------------------------------------------------------------

  /** An employee's estimate of the current month. */
  public record Estimate(
      KpiPeriod month,
      BigDecimal baseSalary,
      BigDecimal variablePay,
      BigDecimal total,
      List<LineRow> lines,
      Optional<Thresholds.Threshold> next) {}

  /** What the current month would pay the employee if it ended now; empty when on no scheme. */
  public Optional<Estimate> estimate(long employeeId) throws SQLException {
    ZoneId zone = feed.calendar(store.connection()).zone();
    YearMonth current = YearMonth.now(clock.withZone(zone));
    KpiPeriod month = KpiPeriod.month(current.getYear(), current.getMonthValue());
    Map<Long, Pay> pay = evaluate(month);
    Pay p = pay.get(employeeId);
    if (p == null) {
      return Optional.empty();
    }
    BigDecimal base = BigDecimal.ZERO.setScale(2);
    BigDecimal variable = BigDecimal.ZERO.setScale(2);
    List<LineRow> lines = new ArrayList<>();
    for (int i = 0; i < p.lines().size(); i++) {
      LineRow l = p.lines().get(i);
      if ("BASE".equals(l.kind())) {
        base = base.add(l.amount());
      } else {
        variable = variable.add(l.amount());
      }
      lines.add(l);
    }
    return Optional.of(
        new Estimate(
            month, base, variable, base.add(variable), lines, nextThreshold(employeeId, month)));
  }

  private Optional<Thresholds.Threshold> nextThreshold(long employeeId, KpiPeriod month)
      throws SQLException {
    Thresholds thresholds = new Thresholds(feed.catalogue());
    List<Thresholds.Threshold> found = new ArrayList<>();
    Set<UUID> schemes = new HashSet<>();
    catalog.assignments(month.firstDay(), month.lastDay()).stream()
        .filter(a -> a.employeeId() == employeeId)
        .forEach(a -> schemes.add(a.schemeId()));
    if (schemes.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<KpiPeriod> periods = new TreeSet<>();
    periods.add(month);
    for (UUID scheme : schemes) {
      catalog
          .inForce(scheme, month.firstDay())
          .ifPresent(
              v ->
                  v.definition()
                      .components()
                      .forEach(
                          c ->
                              periods.add(
                                  KpiPeriod.containing(
                                      month.firstDay(), c.frequency().periodKind()))));
    }
    PayrollFacts facts = new PayrollFacts(feed.read(store.connection(), periods));
    for (UUID scheme : schemes) {
      Optional<VersionView> v = catalog.inForce(scheme, month.firstDay());
      if (v.isPresent()) {
        thresholds
            .next(v.get().definition(), facts.lookup(employeeId), month)
            .ifPresent(found::add);
      }
    }
    return found.stream().min(Comparator.comparingInt(t -> 100 - t.percent()));
  }
}
