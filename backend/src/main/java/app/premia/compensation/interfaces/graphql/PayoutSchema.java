package app.premia.compensation.interfaces.graphql;

import app.premia.compensation.application.PayoutRunApproved;
import app.premia.compensation.application.PayoutStore;
import app.premia.compensation.application.PayoutStore.InquiryRow;
import app.premia.compensation.application.PayoutStore.LineRow;
import app.premia.compensation.application.PayoutStore.RunRow;
import app.premia.compensation.application.PayoutStore.StatementRow;
import app.premia.compensation.application.Payouts;
import app.premia.compensation.application.Payouts.InquiryAnswer;
import app.premia.compensation.application.SchemeStore;
import app.premia.kpi.api.EmployeeIds;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.errors.UserError;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.api.TenantAccess;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contributes {@code payouts.graphqls}: payout runs, statements, the live estimate, inquiries and
 * payroll profiles. Who may do what is decided here from the caller's standing ({@link
 * TenantAccess#compensationCaller()}): runs and all statements for those who see all (tenant
 * admins, accountants, the consultancy's people); preparing and approving for those who manage
 * (never the preparer: the use case and a CHECK in the database say so too); a manager only his own
 * statements of settled runs, his estimate and his inquiries — anything else NOT_FOUND, exactly as
 * for an id that does not exist.
 */
@ApplicationScoped
public class PayoutSchema implements SchemaContribution {

  static final String RUN = CompensationIds.PAYOUT_RUN;
  static final String STATEMENT = CompensationIds.STATEMENT;
  static final String LINE = CompensationIds.STATEMENT_LINE;
  static final String INQUIRY = CompensationIds.INQUIRY;

  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;
  @Inject jakarta.enterprise.event.Event<PayoutRunApproved> approvedEvent;

  @Override
  public String sdlResource() {
    return "graphql/payouts.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("payoutRuns", env -> CompensationSchema.sql(() -> runs(env)))
                .dataFetcher("payoutRun", env -> CompensationSchema.sql(() -> run(env)))
                .dataFetcher("statement", env -> CompensationSchema.sql(() -> statement(env)))
                .dataFetcher("myPayouts", env -> CompensationSchema.sql(() -> myPayouts(env)))
                .dataFetcher("inquiries", env -> CompensationSchema.sql(() -> inquiries(env)))
                .dataFetcher(
                    "payrollProfiles", env -> CompensationSchema.sql(() -> profiles(env))));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("preparePayoutRun", env -> CompensationSchema.sql(() -> prepare(env)))
                .dataFetcher("approvePayoutRun", env -> CompensationSchema.sql(() -> approve(env)))
                .dataFetcher(
                    "markPayoutRunPaid", env -> CompensationSchema.sql(() -> markPaid(env)))
                .dataFetcher("raiseInquiry", env -> CompensationSchema.sql(() -> raise(env)))
                .dataFetcher("answerInquiry", env -> CompensationSchema.sql(() -> answer(env)))
                .dataFetcher(
                    "setPayrollProfile", env -> CompensationSchema.sql(() -> setProfile(env))));
  }

  // ---- the request ------------------------------------------------------------------------------

  /** One request's payout state, shared by its fields. */
  static final class PayoutRequest {
    final CompensationRequest base;
    final PayoutStore store;
    final Payouts payouts;
    final LocalDate today;
    private String portal;
    private boolean portalRead;

    PayoutRequest(CompensationRequest base, KpiFeed feed, Clock clock) throws SQLException {
      this.base = base;
      this.store = new PayoutStore(base.connection, base.tenantId());
      this.payouts = new Payouts(store, base.store, feed, clock);
      ZoneId zone = base.zone();
      this.today = LocalDate.now(clock.withZone(zone));
    }

    String portal(KpiFeed feed) throws SQLException {
      if (!portalRead) {
        portal = feed.portalAddress(base.connection);
        portalRead = true;
      }
      return portal;
    }

    UUID userId() {
      return base.caller.tenant().userId();
    }
  }

  private PayoutRequest request(DataFetchingEnvironment env) {
    return CompensationRequest.derived(
        env,
        PayoutRequest.class,
        () ->
            CompensationSchema.sql(
                () ->
                    new PayoutRequest(
                        CompensationRequest.of(env, access, em, clock, feed), feed, clock)));
  }

  private static String language() {
    return CompensationRequest.language();
  }

  private static PremiaException notFound() {
    return new PremiaException(ErrorCode.NOT_FOUND, CompensationSchema.NOT_FOUND);
  }

  private static PremiaException forbidden(String ru, String en) {
    return new PremiaException(ErrorCode.FORBIDDEN, "en".equals(language()) ? en : ru);
  }

  private PayoutRequest seesAll(DataFetchingEnvironment env) {
    PayoutRequest r = request(env);
    if (!r.base.caller.seesAll()) {
      throw forbidden(
          "Ведомости видят администратор компании, бухгалтер и консультант.",
          "Payout runs are for the company's administrators, accountants and consultants.");
    }
    return r;
  }

  private PayoutRequest manages(DataFetchingEnvironment env) {
    PayoutRequest r = request(env);
    if (!r.base.caller.manages()) {
      throw forbidden(
          "Готовят и утверждают ведомости администратор компании и консультант.",
          "Payout runs are prepared and approved by the company's administrators and consultants.");
    }
    return r;
  }

  // ---- queries ----------------------------------------------------------------------------------

  private List<Map<String, Object>> runs(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = seesAll(env);
    List<Map<String, Object>> out = new ArrayList<>();
    for (RunRow run : r.store.runs()) {
      out.add(runView(r, run));
    }
    return out;
  }

  private Map<String, Object> run(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = request(env);
    UUID id = CompensationIds.decode(RUN, r.base.tenantId(), env.getArgument("id"));
    if (id == null || !r.base.caller.seesAll()) {
      throw notFound();
    }
    return runView(r, r.store.run(id).orElseThrow(PayoutSchema::notFound));
  }

  private Map<String, Object> statement(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = request(env);
    UUID id = CompensationIds.decode(STATEMENT, r.base.tenantId(), env.getArgument("id"));
    StatementRow s = id == null ? null : r.store.statement(id).orElse(null);
    if (s == null || !maySee(r, s)) {
      throw notFound();
    }
    return statementView(r, s, true);
  }

  /** Everyone who sees all; a manager his own statements of approved or paid runs. */
  private static boolean maySee(PayoutRequest r, StatementRow s) {
    if (r.base.caller.seesAll()) {
      return true;
    }
    Long me = r.base.caller.employeeId();
    return me != null && me == s.employeeId() && !"DRAFT".equals(s.runStatus());
  }

  private Map<String, Object> myPayouts(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = request(env);
    Long me = r.base.caller.employeeId();
    Map<String, Object> out = new LinkedHashMap<>();
    if (me == null) {
      out.put("employee", null);
      out.put("estimate", null);
      out.put("statements", List.of());
      return out;
    }
    out.put("employee", r.base.store.employees(List.of(me)).get(me));
    java.time.Instant measuredAt = feed.measuredAt(r.base.connection);
    out.put(
        "estimate", r.payouts.estimate(me).map(e -> estimateView(r, e, measuredAt)).orElse(null));
    List<Map<String, Object>> statements = new ArrayList<>();
    for (StatementRow s : r.store.statementsOf(me, true)) {
      statements.add(summaryView(r, s, 0));
    }
    out.put("statements", statements);
    return out;
  }

  private List<Map<String, Object>> inquiries(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = request(env);
    Long employee = null;
    if (!r.base.caller.seesAll()) {
      employee = r.base.caller.employeeId();
      if (employee == null) {
        return List.of();
      }
    }
    return inquiryViews(r, r.store.inquiries(employee, null));
  }

  private List<Map<String, Object>> profiles(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = seesAll(env);
    Map<Long, PayoutStore.Profile> profiles = r.store.profiles();
    List<Map<String, Object>> out = new ArrayList<>();
    for (SchemeStore.PayEmployee e : r.base.store.allEmployees().values()) {
      PayoutStore.Profile p = profiles.get(e.id());
      out.add(profileView(e, p));
    }
    return out;
  }

  // ---- mutations --------------------------------------------------------------------------------

  private Map<String, Object> prepare(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = manages(env);
    Map<String, Object> input = env.getArgument("input");
    return CompensationSchema.payload(
        "run",
        () ->
            runView(r, r.payouts.prepare((LocalDate) input.get("month"), r.userId(), language())));
  }

  private Map<String, Object> approve(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = manages(env);
    Map<String, Object> input = env.getArgument("input");
    UUID id = CompensationIds.decode(RUN, r.base.tenantId(), input.get("runId"));
    return CompensationSchema.payload(
        "run",
        () -> {
          if (id == null) {
            throw notFoundError("runId");
          }
          RunRow run = r.payouts.approve(id, r.userId(), language());
          audit(r, "payout_run.approved", run);
          approvedEvent.fire(
              new PayoutRunApproved(
                  r.base.tenantId(),
                  r.base.caller.tenant().consultancyId(),
                  run.id(),
                  r.payouts.approvalMessages(run)));
          return runView(r, run);
        });
  }

  private Map<String, Object> markPaid(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = seesAll(env);
    Map<String, Object> input = env.getArgument("input");
    UUID id = CompensationIds.decode(RUN, r.base.tenantId(), input.get("runId"));
    return CompensationSchema.payload(
        "run",
        () -> {
          if (id == null) {
            throw notFoundError("runId");
          }
          RunRow run =
              r.payouts.markPaid(
                  id,
                  (LocalDate) input.get("paidOn"),
                  (String) input.get("reference"),
                  r.userId(),
                  language());
          audit(r, "payout_run.paid", run);
          return runView(r, run);
        });
  }

  private Map<String, Object> raise(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = request(env);
    Map<String, Object> input = env.getArgument("input");
    UUID lineId = CompensationIds.decode(LINE, r.base.tenantId(), input.get("lineId"));
    return CompensationSchema.payload(
        "inquiry",
        () -> {
          Long me = r.base.caller.employeeId();
          if (lineId == null || me == null) {
            throw notFoundError("lineId");
          }
          InquiryRow q =
              r.payouts.raiseInquiry(
                  me, lineId, (String) input.get("comment"), r.userId(), language());
          audit(r, "pay_inquiry.raised", q.id().toString());
          return inquiryViews(r, List.of(q)).get(0);
        });
  }

  private Map<String, Object> answer(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = manages(env);
    Map<String, Object> input = env.getArgument("input");
    UUID id = CompensationIds.decode(INQUIRY, r.base.tenantId(), input.get("inquiryId"));
    return CompensationSchema.payload(
        "inquiry",
        () -> {
          if (id == null) {
            throw notFoundError("inquiryId");
          }
          Object raw = input.get("correction");
          BigDecimal correction = raw == null ? null : (BigDecimal) raw;
          InquiryRow q =
              r.payouts.answerInquiry(
                  new InquiryAnswer(id, (String) input.get("answer"), correction),
                  r.userId(),
                  language());
          audit(r, "pay_inquiry.answered", q.id().toString());
          return inquiryViews(r, List.of(q)).get(0);
        });
  }

  private Map<String, Object> setProfile(DataFetchingEnvironment env) throws SQLException {
    PayoutRequest r = seesAll(env);
    Map<String, Object> input = env.getArgument("input");
    Long employee = EmployeeIds.decode(r.base.tenantId(), input.get("employeeId"));
    return CompensationSchema.payload(
        "profile",
        () -> {
          SchemeStore.PayEmployee e =
              employee == null ? null : r.base.store.employees(List.of(employee)).get(employee);
          if (e == null) {
            throw notFoundError("employeeId");
          }
          PayoutStore.Profile p =
              r.payouts.saveProfile(
                  employee,
                  (String) input.get("personnelNumber"),
                  (String) input.get("organisation"),
                  language());
          audit(r, "pay_profile.saved", Long.toString(employee));
          return profileView(e, p);
        });
  }

  private static BusinessRuleException notFoundError(String field) {
    return new BusinessRuleException(
        UserError.of(UserError.Code.NOT_FOUND, CompensationSchema.NOT_FOUND, "input", field));
  }

  private void audit(PayoutRequest r, String action, RunRow run) throws SQLException {
    audit(r, action, run.id().toString());
  }

  private void audit(PayoutRequest r, String action, String id) throws SQLException {
    app.premia.compensation.application.Audit.jdbc(r.base.connection, null, r.userId(), clock)
        .record(action, id, null, null);
  }

  private static Map<String, Object> payload(String field, CompensationSchema.UseCase<Object> work)
      throws SQLException {
    return CompensationSchema.payload(field, work);
  }

  // ---- views (the SDL's field names) ------------------------------------------------------------

  private static CompensationPreviewSchema.PeriodView period(PayoutRequest r, KpiPeriod p) {
    return new CompensationPreviewSchema.PeriodView(
        p.kind().name(), p.firstDay(), p.endDay(), !r.today.isBefore(p.endDay()));
  }

  private Map<String, Object> runView(PayoutRequest r, RunRow run) throws SQLException {
    Map<String, Object> v = new LinkedHashMap<>();
    String id = CompensationIds.encode(RUN, r.base.tenantId(), run.id());
    v.put("id", id);
    v.put("period", period(r, run.month()));
    v.put("status", run.status());
    v.put("revision", run.revision());
    v.put("computedAt", run.computedAt());
    v.put("preparedBy", run.preparedByName());
    v.put("preparedAt", run.preparedAt());
    v.put("approvedBy", run.approvedByName());
    v.put("approvedAt", run.approvedAt());
    v.put("paidOn", run.paidOn());
    v.put("paymentReference", run.paymentReference());
    v.put(
        "canApprove",
        run.draft() && r.base.caller.manages() && !r.userId().equals(run.preparedBy()));
    v.put("employees", run.employees());
    v.put("baseTotal", run.baseTotal());
    v.put("variableTotal", run.variableTotal());
    v.put("adjustmentTotal", run.adjustmentTotal());
    v.put("total", run.total());
    Map<UUID, Integer> open = r.store.openInquiries(run.id());
    List<StatementRow> rows = r.store.statements(run.id());
    List<Map<String, Object>> statements = new ArrayList<>();
    for (StatementRow s : rows) {
      statements.add(summaryView(r, s, open.getOrDefault(s.id(), 0)));
    }
    v.put("statements", statements);
    String base = "/api/payouts/runs/" + id + "/export/";
    boolean en = "en".equals(language());
    List<Map<String, Object>> exports = new ArrayList<>();
    exports.add(export("XLSX", en ? "Run (XLSX)" : "Ведомость (XLSX)", base + "xlsx"));
    // the 1C:ZUP file is per organisation: one pair of links for each in the run
    Map<Long, PayoutStore.Profile> profiles = r.store.profiles();
    String company = r.store.companyName();
    java.util.TreeSet<String> organisations = new java.util.TreeSet<>();
    for (StatementRow s : rows) {
      PayoutStore.Profile p = profiles.get(s.employeeId());
      organisations.add(p == null || p.organisation() == null ? company : p.organisation());
    }
    for (String org : organisations) {
      String query =
          organisations.size() == 1
              ? ""
              : "?organisation="
                  + java.net.URLEncoder.encode(org, java.nio.charset.StandardCharsets.UTF_8);
      String suffix = organisations.size() == 1 ? "" : " — " + org;
      exports.add(
          export(
              "ZUP_XLSX",
              (en ? "1C:ZUP" : "1С:ЗУП") + suffix + " (XLSX)",
              base + "zup-xlsx" + query));
      exports.add(
          export(
              "ZUP_CSV", (en ? "1C:ZUP" : "1С:ЗУП") + suffix + " (CSV)", base + "zup-csv" + query));
    }
    exports.add(export("BI_CSV", en ? "BI feed (CSV)" : "Выгрузка для BI (CSV)", base + "bi-csv"));
    v.put("exports", exports);
    return v;
  }

  private static Map<String, Object> export(String kind, String label, String href) {
    return Map.of("kind", kind, "label", label, "href", href);
  }

  private Map<String, Object> summaryView(PayoutRequest r, StatementRow s, int openInquiries)
      throws SQLException {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", CompensationIds.encode(STATEMENT, r.base.tenantId(), s.id()));
    v.put("employee", employee(r, s));
    v.put("personnelNumber", s.personnelNumber());
    v.put("period", period(r, s.month()));
    v.put("runStatus", s.runStatus());
    v.put("baseSalary", s.baseSalary());
    v.put("variablePay", s.variablePay());
    v.put("adjustments", s.adjustments());
    v.put("total", s.total());
    v.put("previousTotal", s.previousTotal());
    v.put("openInquiries", openInquiries);
    return v;
  }

  private static SchemeStore.PayEmployee employee(PayoutRequest r, StatementRow s) {
    return new SchemeStore.PayEmployee(s.employeeId(), s.employeeName(), s.department(), true);
  }

  private Map<String, Object> statementView(PayoutRequest r, StatementRow s, boolean withLines)
      throws SQLException {
    Map<String, Object> v = summaryView(r, s, 0);
    String lang = language();
    v.put("runId", CompensationIds.encode(RUN, r.base.tenantId(), s.runId()));
    v.put(
        "downloadHref",
        "/api/payouts/statements/"
            + CompensationIds.encode(STATEMENT, r.base.tenantId(), s.id())
            + "/xlsx"
            + ("en".equals(lang) ? "?lang=en" : ""));
    v.put("basis", s.basis().stream().map(t -> t.in(lang)).toList());
    v.put("notes", s.notes().stream().map(t -> t.in(lang)).toList());
    v.put("change", s.previousTotal() == null ? null : s.total().subtract(s.previousTotal()));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (LineRow l : r.store.lines(List.of(s.id())).getOrDefault(s.id(), List.of())) {
      lines.add(lineView(r, l));
    }
    v.put("lines", lines);
    List<InquiryRow> inquiries = r.store.inquiries(null, s.id());
    v.put("inquiries", inquiryViews(r, inquiries));
    v.put("openInquiries", (int) inquiries.stream().filter(q -> "OPEN".equals(q.status())).count());
    return v;
  }

  private Map<String, Object> lineView(PayoutRequest r, LineRow l) throws SQLException {
    String lang = language();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", l.id() == null ? null : CompensationIds.encode(LINE, r.base.tenantId(), l.id()));
    v.put("kind", l.kind());
    v.put("componentKey", l.key().startsWith("_") ? null : l.key());
    v.put("name", l.name().in(lang));
    v.put("period", period(r, l.period()));
    v.put("amount", l.amount());
    v.put("paid", l.paid());
    v.put("explanation", l.explanation().stream().map(t -> t.in(lang)).toList());
    String portal = r.portal(feed);
    List<Map<String, Object>> deals = new ArrayList<>();
    for (PayoutStore.DealRef d : l.deals()) {
      Map<String, Object> dv = new LinkedHashMap<>();
      dv.put("id", Long.toString(d.id()));
      dv.put("title", d.title());
      dv.put("amount", d.amount());
      dv.put("wonOn", d.wonOn());
      dv.put("url", portal == null ? null : portal + "/crm/deal/details/" + d.id() + "/");
      dv.put("change", d.change());
      deals.add(dv);
    }
    v.put("deals", deals);
    v.put("reason", l.reason() == null ? null : l.reason().in(lang));
    return v;
  }

  private Map<String, Object> estimateView(
      PayoutRequest r, Payouts.Estimate e, java.time.Instant measuredAt) {
    String lang = language();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("period", period(r, e.month()));
    v.put("measuredAt", measuredAt);
    v.put("baseSalary", e.baseSalary());
    v.put("variablePay", e.variablePay());
    v.put("total", e.total());
    List<Map<String, Object>> lines = new ArrayList<>();
    for (LineRow l : e.lines()) {
      lines.add(
          CompensationSchema.sql(
              () ->
                  lineView(
                      r,
                      new LineRow(
                          null,
                          null,
                          l.position(),
                          l.kind(),
                          l.key(),
                          l.name(),
                          l.period(),
                          l.amount(),
                          l.paid(),
                          l.explanation(),
                          l.deals(),
                          l.reason(),
                          l.correctionId()))));
    }
    // estimate lines are not stored: they have no id to raise an inquiry on
    lines.forEach(m -> m.put("id", "estimate-" + m.get("componentKey") + "-" + lines.indexOf(m)));
    v.put("lines", lines);
    v.put(
        "nextThreshold",
        e.next()
            .map(
                t -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("componentName", t.componentName());
                  m.put("measure", t.measure().in(lang));
                  m.put("current", t.current());
                  m.put("target", t.target());
                  m.put("percent", t.percent());
                  m.put("description", t.description().in(lang));
                  return m;
                })
            .orElse(null));
    return v;
  }

  private List<Map<String, Object>> inquiryViews(PayoutRequest r, List<InquiryRow> rows)
      throws SQLException {
    String lang = language();
    Map<UUID, List<PayoutStore.MessageRow>> messages =
        r.store.messages(rows.stream().map(InquiryRow::id).toList());
    Map<Long, SchemeStore.PayEmployee> employees =
        r.base.store.employees(rows.stream().map(InquiryRow::employeeId).distinct().toList());
    List<Map<String, Object>> out = new ArrayList<>();
    for (InquiryRow q : rows) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", CompensationIds.encode(INQUIRY, r.base.tenantId(), q.id()));
      v.put("statementId", CompensationIds.encode(STATEMENT, r.base.tenantId(), q.statementId()));
      v.put("lineId", CompensationIds.encode(LINE, r.base.tenantId(), q.lineId()));
      v.put("lineName", q.lineName().in(lang));
      v.put("period", period(r, q.period()));
      v.put(
          "employee",
          Optional.ofNullable(employees.get(q.employeeId()))
              .orElse(
                  new SchemeStore.PayEmployee(q.employeeId(), "#" + q.employeeId(), null, false)));
      v.put("status", q.status());
      List<Map<String, Object>> thread = new ArrayList<>();
      for (PayoutStore.MessageRow m : messages.getOrDefault(q.id(), List.of())) {
        thread.add(
            Map.of("author", m.author(), "side", m.side(), "text", m.body(), "at", m.writtenAt()));
      }
      v.put("messages", thread);
      v.put("correction", q.correction());
      out.add(v);
    }
    return out;
  }

  private static Map<String, Object> profileView(SchemeStore.PayEmployee e, PayoutStore.Profile p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("employee", e);
    v.put("personnelNumber", p == null ? null : p.personnelNumber());
    v.put("organisation", p == null ? null : p.organisation());
    return v;
  }
}
