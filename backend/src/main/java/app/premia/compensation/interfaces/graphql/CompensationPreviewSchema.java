package app.premia.compensation.interfaces.graphql;

import app.premia.compensation.application.Previews;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.WhatIfResult;
import app.premia.compensation.application.WhatIfRuns;
import app.premia.compensation.application.WhatIfStore;
import app.premia.compensation.domain.BoundaryCase;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Line;
import app.premia.compensation.domain.Text;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contributes {@code compensation-preview.graphqls}: the live preview of an edited definition and
 * the what-if replays. Only those who manage schemes (tenant admins, the consultancy's owner and
 * consultants) may preview or replay — anyone else is FORBIDDEN whatever the ids; ids of another
 * tenant or of nothing answer NOT_FOUND (payload errors; {@code whatIfRun} null).
 *
 * <p>The types it shares with {@code compensation.graphqls} ({@code PayEmployee}, {@code
 * SchemeVersion}) are resolved there: this contribution hands it the same source objects ({@link
 * SchemeStore.PayEmployee}, the catalogue's version).
 */
@ApplicationScoped
public class CompensationPreviewSchema implements SchemaContribution {

  /** The global id type of what-if runs (bound to the tenant, like the schemes' ids). */
  static final String WHAT_IF_RUN = "WhatIfRun";

  /** Messages and explanations are Russian until the request carries a language. */
  static final String LANGUAGE = "ru";

  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;
  @Inject WhatIfRuns runs;

  public CompensationPreviewSchema() {}

  @Override
  public String sdlResource() {
    return "graphql/compensation-preview.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("schemePreview", this::schemePreview)
                .dataFetcher("whatIfRun", this::whatIfRun));
    wiring.type("Mutation", t -> t.dataFetcher("startWhatIf", this::startWhatIf));
  }

  // ---- views (the SDL's field names) -----------------------------------------------------------

  record PeriodView(String kind, LocalDate start, LocalDate end, boolean closed) {}

  record PayLineView(
      String componentKey,
      String componentName,
      PeriodView period,
      BigDecimal amount,
      boolean paid,
      List<String> explanation) {}

  record EmployeePayView(
      BigDecimal baseSalary,
      BigDecimal variablePay,
      BigDecimal total,
      List<PayLineView> lines,
      List<String> notes) {}

  record PreviewRowView(
      SchemeStore.PayEmployee employee,
      EmployeePayView current,
      EmployeePayView edited,
      BigDecimal delta) {}

  record BoundaryCaseView(
      String componentKey,
      String componentName,
      String title,
      BigDecimal measureValue,
      String outcome,
      BigDecimal amount) {}

  record SchemePreviewView(
      PeriodView month,
      List<PreviewRowView> rows,
      BigDecimal currentTotal,
      BigDecimal editedTotal,
      List<BoundaryCaseView> boundaries) {}

  record WhatIfMonthView(
      PeriodView month,
      BigDecimal variablePay,
      BigDecimal currentVariablePay,
      BigDecimal baseSalary,
      int employees) {}

  record WhatIfEmployeeView(
      SchemeStore.PayEmployee employee,
      BigDecimal variablePay,
      BigDecimal currentVariablePay,
      BigDecimal baseSalary,
      BigDecimal bonusSharePercent) {}

  record WhatIfRunView(
      String id,
      Object version,
      int months,
      String status,
      int progressDone,
      int progressTotal,
      Instant startedAt,
      Instant finishedAt,
      String error,
      List<WhatIfMonthView> monthly,
      List<WhatIfEmployeeView> employees,
      BigDecimal totalCost,
      BigDecimal currentCost,
      BigDecimal baseSalaryTotal,
      BigDecimal bonusSharePercent) {}

  // ---- fetchers --------------------------------------------------------------------------------

  private Object schemePreview(DataFetchingEnvironment env) throws SQLException {
    CompensationCaller caller = manager();
    Map<String, Object> input = env.getArgument("input");
    UUID tenant = caller.tenant().tenantId();
    UUID schemeId = CompensationIds.decode(CompensationIds.SCHEME, tenant, input.get("schemeId"));
    Connection connection = em.unwrap(Connection.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> definition = (Map<String, Object>) input.get("definition");
    Previews.Outcome outcome =
        new Previews(feed, clock)
            .preview(
                connection,
                new SchemeStore(connection, tenant),
                schemeId,
                definition,
                (LocalDate) input.get("month"),
                LANGUAGE);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("preview", outcome.preview() == null ? null : view(outcome.preview()));
    payload.put("errors", outcome.errors());
    return payload;
  }

  private Object whatIfRun(DataFetchingEnvironment env) throws SQLException {
    CompensationCaller caller = manager();
    UUID tenant = caller.tenant().tenantId();
    UUID id = CompensationIds.decode(WHAT_IF_RUN, tenant, env.getArgument("id"));
    if (id == null) {
      return null;
    }
    return runs.find(id).map(run -> view(tenant, run)).orElse(null);
  }

  private Object startWhatIf(DataFetchingEnvironment env) {
    CompensationCaller caller = manager();
    Map<String, Object> input = env.getArgument("input");
    UUID tenant = caller.tenant().tenantId();
    UUID versionId =
        CompensationIds.decode(CompensationIds.VERSION, tenant, input.get("versionId"));
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      Object months = input.get("months");
      WhatIfStore.Run run =
          runs.start(caller.tenant(), versionId, months == null ? 0 : ((Number) months).intValue());
      payload.put("run", view(tenant, run));
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put("run", null);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  /** The caller, who must manage schemes. */
  private CompensationCaller manager() {
    CompensationCaller caller = access.compensationCaller();
    if (!caller.manages()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          "Предпросмотр и расчёт «что если» доступны администраторам компании и консультантам.");
    }
    return caller;
  }

  // ---- mapping ---------------------------------------------------------------------------------

  private SchemePreviewView view(Previews.Preview preview) {
    List<PreviewRowView> rows = new ArrayList<>();
    for (Previews.Row row : preview.rows()) {
      KpiFeed.Staff staff = row.employee();
      rows.add(
          new PreviewRowView(
              new SchemeStore.PayEmployee(
                  staff.employeeId(), staff.name(), row.department(), staff.active()),
              row.current() == null ? null : pay(row.current()),
              pay(row.edited()),
              row.delta()));
    }
    List<BoundaryCaseView> boundaries = new ArrayList<>();
    for (BoundaryCase b : preview.boundaries()) {
      boundaries.add(
          new BoundaryCaseView(
              b.componentKey(),
              b.componentName(),
              text(b.title()),
              b.measureValue(),
              text(b.outcome()),
              b.amount()));
    }
    return new SchemePreviewView(
        period(preview.month()), rows, preview.currentTotal(), preview.editedTotal(), boundaries);
  }

  private EmployeePayView pay(EmployeeResult result) {
    List<PayLineView> lines = new ArrayList<>();
    List<Line> all = new ArrayList<>(result.lines());
    all.addAll(result.adjustments());
    for (Line line : all) {
      lines.add(
          new PayLineView(
              line.componentKey(),
              line.componentName(),
              period(line.period()),
              line.amount(),
              line.paid(),
              line.explanation().stream().map(CompensationPreviewSchema::text).toList()));
    }
    return new EmployeePayView(
        result.baseSalary(),
        result.variablePay(),
        result.total(),
        lines,
        result.notes().stream().map(CompensationPreviewSchema::text).toList());
  }

  private WhatIfRunView view(UUID tenant, WhatIfStore.Run run) {
    WhatIfResult result = run.result();
    List<WhatIfMonthView> monthly = new ArrayList<>();
    List<WhatIfEmployeeView> employees = new ArrayList<>();
    if (result != null) {
      for (WhatIfResult.Month m : result.months()) {
        monthly.add(
            new WhatIfMonthView(
                period(m.month()),
                m.variablePay(),
                m.currentVariablePay(),
                m.baseSalary(),
                m.employees()));
      }
      for (WhatIfResult.Employee e : result.employees()) {
        employees.add(
            new WhatIfEmployeeView(
                new SchemeStore.PayEmployee(e.employeeId(), e.name(), e.department(), e.active()),
                e.variablePay(),
                e.currentVariablePay(),
                e.baseSalary(),
                e.bonusSharePercent()));
      }
    }
    Connection connection = em.unwrap(Connection.class);
    Object version = new SchemeStore(connection, tenant).version(run.versionId()).orElse(null);
    return new WhatIfRunView(
        CompensationIds.encode(WHAT_IF_RUN, tenant, run.id()),
        version,
        run.months(),
        run.status(),
        run.progressDone(),
        run.progressTotal(),
        run.startedAt(),
        run.finishedAt(),
        run.error(),
        monthly,
        employees,
        result == null ? null : result.totalCost(),
        result == null ? null : result.currentCost(),
        result == null ? null : result.baseSalaryTotal(),
        result == null ? null : result.bonusSharePercent());
  }

  /** A period as the KPI API's {@code Period} type shows it (every period here is closed). */
  private PeriodView period(KpiPeriod period) {
    return new PeriodView(
        period.kind().name(),
        period.firstDay(),
        period.endDay(),
        !YearMonth.from(period.endDay()).isAfter(YearMonth.now(clock)));
  }

  private static String text(Text text) {
    return text.in(LANGUAGE);
  }
}
