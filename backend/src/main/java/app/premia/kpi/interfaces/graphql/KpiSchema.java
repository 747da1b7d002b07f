package app.premia.kpi.interfaces.graphql;

import app.premia.kpi.api.KpiValuesChanged;
import app.premia.kpi.application.KpiDirectory;
import app.premia.kpi.application.KpiDirectory.Department;
import app.premia.kpi.application.KpiDirectory.Employee;
import app.premia.kpi.application.KpiFacts;
import app.premia.kpi.application.KpiSql;
import app.premia.kpi.application.PlanImport;
import app.premia.kpi.application.TeamPlanFulfilment;
import app.premia.kpi.domain.Attainment;
import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.FunnelMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiScope;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.errors.UserError;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.KpiCaller;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Contributes {@code kpi.graphqls} and {@code plans.graphqls}: the KPI catalogue, employee and
 * department KPIs with plans and attainment, series, drill-down, and the plan grid.
 *
 * <p>Who sees what ({@link TenantAccess#kpiCaller()}, asked on every field): tenant admins,
 * accountants and the consultancy's people see every employee and department; a manager sees only
 * himself — any other employee id, every department id and the company overview answer NOT_FOUND
 * (the company overview: FORBIDDEN), exactly like an id that does not exist. Plans and settings
 * change only with {@code managesPlans} (FORBIDDEN otherwise).
 *
 * <p>No N+1: employees, departments, measurements, plans and department values are loaded by
 * per-request data loaders, each batch in a fixed number of statements.
 */
@ApplicationScoped
public class KpiSchema implements SchemaContribution {

  static final String EMPLOYEES = "EmployeesByIdLoader";
  static final String DEPARTMENTS = "DepartmentsByIdLoader";
  static final String MEASUREMENTS = "MeasurementsByEmployeePeriodLoader";
  static final String PLANS = "PlansByPeriodLoader";
  static final String DEPARTMENT_VALUES = "DepartmentValuesByDepartmentPeriodLoader";

  /** The one message of every id that is unknown, malformed, foreign or not the caller's. */
  static final String NOT_FOUND =
      "Не найдено: такого сотрудника или отдела нет либо он вам недоступен.";

  static final int MAX_SERIES = 36;
  static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final long COMPANY = -1;

  /** The department values shown on the overview and in series, in order. */
  static final List<Kpi> DEPARTMENT_VALUES_SHOWN =
      List.of(
          Kpi.SALES_VOLUME,
          Kpi.DEALS_WON,
          Kpi.AVERAGE_DEAL,
          Kpi.TEAM_PLAN_FULFILMENT,
          Kpi.AVERAGE_SALES_PER_MANAGER,
          Kpi.STAFF_TURNOVER);

  /** Where a request's caller and tenant connection come from (tests supply their own). */
  interface Source {
    KpiCaller caller();

    Connection connection();

    /** Tells the observers of the KPI values (after a plan or settings change). */
    void valuesChanged(KpiValuesChanged event);
  }

  @Inject jakarta.enterprise.event.Event<KpiValuesChanged> valuesChanged;
  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;

  private Source source;

  public KpiSchema() {}

  KpiSchema(Source source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  private Source source() {
    if (source == null) {
      source =
          new Source() {
            @Override
            public KpiCaller caller() {
              return access.kpiCaller();
            }

            @Override
            public Connection connection() {
              return em.unwrap(Connection.class);
            }

            @Override
            public void valuesChanged(KpiValuesChanged event) {
              valuesChanged.fire(event);
            }
          };
    }
    return source;
  }

  @Override
  public String sdlResource() {
    return "graphql/kpi.graphqls";
  }

  // ---- views --------------------------------------------------------------------------------

  record PeriodView(PeriodType kind, LocalDate start, LocalDate end, boolean closed) {}

  record Card(Employee employee, Period period, List<Kpi> kpis) {}

  record ValueView(
      Kpi kpi,
      BigDecimal value,
      String undefinedReason,
      long facts,
      long errors,
      BigDecimal plan,
      BigDecimal attainment) {}

  record PointView(PeriodView period, BigDecimal value, BigDecimal plan, BigDecimal attainment) {}

  record FunnelView(
      int pipelineId,
      String pipelineName,
      String stageId,
      String stageName,
      int sort,
      long entered,
      long converted,
      BigDecimal conversion) {}

  record ActivityView(long calls, long meetings, long emails) {}

  record EmployeePeriod(long employeeId, Period period) {}

  record DepartmentPeriod(long departmentId, Period period) {}

  /** A department's values in a period (or the company's: id {@link #COMPANY}). */
  record DepartmentValues(
      TeamPlanFulfilment.DepartmentVolume volume,
      Map<Kpi, DepartmentMeasurement> measured,
      Set<Long> members) {}

  // ---- wiring ---------------------------------------------------------------------------------

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher("kpis", env -> catalogue(env))
                .dataFetcher("kpiSettings", env -> sql(() -> settings(request(env))))
                .dataFetcher("departments", env -> sql(() -> departments(env)))
                .dataFetcher("employeeKpis", env -> sql(() -> employeeKpis(env)))
                .dataFetcher("employeeKpiCard", env -> sql(() -> employeeKpiCard(env)))
                .dataFetcher("myKpiCard", env -> sql(() -> myKpiCard(env)))
                .dataFetcher("departmentKpis", env -> sql(() -> departmentKpis(env)))
                .dataFetcher("kpiSeries", env -> sql(() -> kpiSeries(env)))
                .dataFetcher("kpiFacts", env -> sql(() -> kpiFacts(env)))
                .dataFetcher("kpiPlans", env -> sql(() -> kpiPlans(env))));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher(
                    "updateKpiSettings", env -> changed(env, sql(() -> updateSettings(env))))
                .dataFetcher("setKpiPlans", env -> changed(env, sql(() -> setPlans(env))))
                .dataFetcher("copyKpiPlans", env -> changed(env, sql(() -> copyPlans(env))))
                .dataFetcher("importKpiPlans", env -> changed(env, sql(() -> importPlans(env)))));
    wiring.type(
        "KpiDefinition",
        type ->
            type.dataFetcher("plannable", env -> Plans_PLANNABLE.contains((Kpi) env.getSource())));
    wiring.type(
        "Department",
        type ->
            type.dataFetcher(
                    "id",
                    env ->
                        GlobalIds.encode(
                            GlobalIds.DEPARTMENT,
                            request(env).tenantId(),
                            ((Department) env.getSource()).id()))
                .dataFetcher(
                    "parentId",
                    env -> {
                      Department d = env.getSource();
                      return d.parentId() == null
                          ? null
                          : GlobalIds.encode(
                              GlobalIds.DEPARTMENT, request(env).tenantId(), d.parentId());
                    })
                .dataFetcher(
                    "head",
                    env -> {
                      Department d = env.getSource();
                      Employee head = d.head();
                      return head != null && request(env).caller.maySee(head.id()) ? head : null;
                    }));
    wiring.type(
        "Employee",
        type ->
            type.dataFetcher(
                    "id",
                    env ->
                        GlobalIds.encode(
                            GlobalIds.EMPLOYEE,
                            request(env).tenantId(),
                            ((Employee) env.getSource()).id()))
                .dataFetcher("departments", this::departmentsOf));
    wiring.type(
        "EmployeeKpiCard",
        type ->
            type.dataFetcher("period", env -> view(request(env), ((Card) env.getSource()).period()))
                .dataFetcher("currency", env -> sql(() -> request(env).tenant().currency()))
                .dataFetcher("values", env -> cardValues(env, false))
                .dataFetcher("previous", env -> cardValues(env, true)));
    wiring.type(
        "KpiPlan",
        type ->
            type.dataFetcher(
                    "id",
                    env ->
                        GlobalIds.encode(
                            GlobalIds.PLAN, request(env).tenantId(), ((Plan) env.getSource()).id()))
                .dataFetcher("employee", env -> planSubject(env, PlanSubjectKind.EMPLOYEE))
                .dataFetcher("department", env -> planSubject(env, PlanSubjectKind.DEPARTMENT))
                .dataFetcher("period", env -> view(request(env), ((Plan) env.getSource()).period()))
                .dataFetcher("actual", env -> planActual(env).thenApply(a -> a))
                .dataFetcher(
                    "attainment",
                    env ->
                        planActual(env)
                            .thenApply(a -> percent(a, ((Plan) env.getSource()).target()))));
  }

  private static final Set<Kpi> Plans_PLANNABLE = app.premia.kpi.application.Plans.PLANNABLE;

  @Override
  public void registerDataLoaders(DataLoaderRegistry registry) {
    MappedBatchLoaderWithContext<Long, Employee> employees =
        (ids, env) -> done(() -> ctx(env).directory.employees(ids));
    MappedBatchLoaderWithContext<Long, Department> departments =
        (ids, env) -> done(() -> ctx(env).directory.departments(ids));
    MappedBatchLoaderWithContext<EmployeePeriod, Map<Kpi, Measurement>> measurements =
        (keys, env) -> done(() -> measure(ctx(env), keys));
    MappedBatchLoaderWithContext<Period, Map<String, Plan>> plans =
        (periods, env) ->
            done(
                () -> {
                  KpiRequest r = ctx(env);
                  Map<Period, Map<String, Plan>> result = new HashMap<>();
                  for (Period p : periods) {
                    result.put(p, r.plans(p));
                  }
                  return result;
                });
    MappedBatchLoaderWithContext<DepartmentPeriod, DepartmentValues> departmentValues =
        (keys, env) -> done(() -> departmentValues(ctx(env), keys));
    registry.register(EMPLOYEES, DataLoaderFactory.newMappedDataLoader(employees));
    registry.register(DEPARTMENTS, DataLoaderFactory.newMappedDataLoader(departments));
    registry.register(MEASUREMENTS, DataLoaderFactory.newMappedDataLoader(measurements));
    registry.register(PLANS, DataLoaderFactory.newMappedDataLoader(plans));
    registry.register(DEPARTMENT_VALUES, DataLoaderFactory.newMappedDataLoader(departmentValues));
  }

  private static KpiRequest ctx(org.dataloader.BatchLoaderEnvironment env) {
    return (KpiRequest) env.getKeyContextsList().get(0);
  }

  // ---- queries --------------------------------------------------------------------------------

  /**
   * The catalogue is the product's own text (docs/domain/kpis.md), the same for every tenant: any
   * signed-in user may read it, with or without an active tenant — the consultancy's library editor
   * needs it before any client company is chosen.
   */
  private List<Kpi> catalogue(DataFetchingEnvironment env) {
    if (app.premia.platform.security.IdentityScope.current().isAnonymous()) {
      throw new app.premia.platform.errors.PremiaException(
          app.premia.platform.errors.ErrorCode.UNAUTHENTICATED, "Войдите в систему.");
    }
    return List.of(Kpi.values());
  }

  private Map<String, Object> settings(KpiRequest r) throws SQLException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("pipelines", List.copyOf(new java.util.TreeSet<>(r.filter().pipelines())));
    settings.put("dealTypes", List.copyOf(new java.util.TreeSet<>(r.filter().dealTypes())));
    settings.put("sources", List.copyOf(new java.util.TreeSet<>(r.filter().sources())));
    settings.put("availablePipelines", r.directory.pipelines());
    return settings;
  }

  private List<Department> departments(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    if (r.caller.seesEveryone()) {
      return r.directory.allDepartments();
    }
    if (r.caller.employeeId() == null) {
      return List.of();
    }
    Employee me = r.directory.employees(List.of(r.caller.employeeId())).get(r.caller.employeeId());
    if (me == null) {
      return List.of();
    }
    Map<Long, Department> mine = r.directory.departments(me.departmentIds());
    return me.departmentIds().stream().map(mine::get).filter(d -> d != null).toList();
  }

  private Map<String, Object> employeeKpis(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Period period = r.period(env.getArgument("period"));
    List<Kpi> kpis = employeeKpiList(env.getArgument("kpis"));
    Long departmentId = null;
    if (env.getArgument("departmentId") != null) {
      departmentId = visibleDepartment(r, env.getArgument("departmentId"));
    }
    Integer firstArg = env.getArgument("first");
    int first = firstArg == null ? 50 : firstArg;
    List<Long> only = null;
    if (!r.caller.seesEveryone()) {
      only = r.caller.employeeId() == null ? List.of() : List.of(r.caller.employeeId());
    }
    KpiDirectory.EmployeePage page =
        only != null && only.isEmpty()
            ? new KpiDirectory.EmployeePage(List.of(), false, 0)
            : r.directory.employeePage(
                period, only, departmentId, first, afterEmployee(env.getArgument("after")));
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Employee e : page.employees()) {
      edges.add(Map.of("cursor", employeeCursor(e), "node", new Card(e, period, kpis)));
    }
    return connection(edges, page.hasNextPage(), page.totalCount());
  }

  private Card employeeKpiCard(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Period period = r.period(env.getArgument("period"));
    long id = visibleEmployee(r, env.getArgument("employeeId"));
    Employee e = r.directory.employees(List.of(id)).get(id);
    if (e == null) {
      throw notFound();
    }
    return new Card(e, period, List.copyOf(KpiSql.MEASURED));
  }

  private Card myKpiCard(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Period period = r.period(env.getArgument("period"));
    Long id = r.caller.employeeId();
    if (id == null) {
      return null;
    }
    Employee e = r.directory.employees(List.of(id)).get(id);
    return e == null ? null : new Card(e, period, List.copyOf(KpiSql.MEASURED));
  }

  private Map<String, Object> departmentKpis(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Period period = r.period(env.getArgument("period"));
    Department department = null;
    long subject = COMPANY;
    if (env.getArgument("departmentId") != null) {
      subject = visibleDepartment(r, env.getArgument("departmentId"));
      department = r.directory.departments(List.of(subject)).get(subject);
    } else if (!r.caller.seesEveryone()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          "Обзор компании доступен руководителям, бухгалтерам и консультантам.");
    }
    DepartmentPeriod key = new DepartmentPeriod(subject, period);
    DepartmentValues values = departmentValues(r, List.of(key)).get(key);
    Map<String, Plan> plans = r.plans(period);

    List<Employee> managers =
        r.directory.employees(values.members()).values().stream()
            .filter(e -> employedIn(e, period))
            .sorted(Comparator.comparing(Employee::name).thenComparingLong(Employee::id))
            .toList();
    List<Kpi> employeeKpis = List.copyOf(KpiSql.MEASURED);

    Map<String, Object> overview = new LinkedHashMap<>();
    overview.put("department", department);
    overview.put("period", view(r, period));
    overview.put("currency", r.tenant().currency());
    overview.put("values", departmentValueViews(subject, values, plans));
    overview.put(
        "managers", managers.stream().map(e -> new Card(e, period, employeeKpis)).toList());
    overview.put("funnel", funnel(r, subject, period));
    overview.put("activity", activity(r, values.members(), period));
    return overview;
  }

  private List<PointView> kpiSeries(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Kpi kpi = kpi(env.getArgument("kpi"));
    Integer countArg = env.getArgument("count");
    int count = countArg == null ? 12 : countArg;
    if (count < 1 || count > MAX_SERIES) {
      throw new PremiaException(
          ErrorCode.BAD_USER_INPUT, "Число периодов — от 1 до " + MAX_SERIES + ".");
    }
    String kind = env.getArgument("periodKind");
    LocalDate to = env.getArgument("to");
    Period last = r.period(kind, to);
    Subject subject = subject(r, env.getArgument("subject"));
    List<Period> periods = KpiRequest.ending(last, count);
    List<PointView> points = new ArrayList<>();
    if (subject.employee) {
      if (!KpiSql.MEASURED.contains(kpi)) {
        throw new PremiaException(
            ErrorCode.BAD_USER_INPUT, "«" + kpi.nameRu() + "» не измеряется для сотрудника.");
      }
      Map<Period, Measurement> byPeriod = new HashMap<>();
      for (Measurement m : r.reader().employees(periods, List.of(subject.id))) {
        if (m.kpi() == kpi) {
          byPeriod.put(m.period(), m);
        }
      }
      for (Period p : periods) {
        Measurement m = byPeriod.get(p);
        Plan plan = r.plans(p).get(KpiRequest.planKey("EMPLOYEE", subject.id, kpi.code()));
        BigDecimal value = m == null ? null : m.value();
        BigDecimal target = plan == null ? null : plan.target();
        points.add(new PointView(view(r, p), value, target, percent(value, target)));
      }
    } else {
      if (!DEPARTMENT_VALUES_SHOWN.contains(kpi)) {
        throw new PremiaException(
            ErrorCode.BAD_USER_INPUT, "«" + kpi.nameRu() + "» не измеряется для отдела.");
      }
      List<DepartmentPeriod> keys =
          periods.stream().map(p -> new DepartmentPeriod(subject.id, p)).toList();
      Map<DepartmentPeriod, DepartmentValues> values = departmentValues(r, keys);
      for (DepartmentPeriod key : keys) {
        ValueView v =
            departmentValueViews(subject.id, values.get(key), r.plans(key.period())).stream()
                .filter(x -> x.kpi() == kpi)
                .findFirst()
                .orElseThrow();
        points.add(new PointView(view(r, key.period()), v.value(), v.plan(), v.attainment()));
      }
    }
    return points;
  }

  private Map<String, Object> kpiFacts(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Kpi kpi = kpi(env.getArgument("kpi"));
    Period period = r.period(env.getArgument("period"));
    Subject subject = subject(r, env.getArgument("subject"));
    Integer firstArg = env.getArgument("first");
    int first = firstArg == null ? 50 : firstArg;
    String after = decodeCursor(env.getArgument("after"), "f:");
    String domain = r.tenant().portalDomain();
    KpiFacts.Page page;
    if (subject.employee && KpiFacts.EMPLOYEE_KPIS.contains(kpi)) {
      page = r.facts().employee(kpi, subject.id, period, first, after, domain);
    } else if (!subject.employee && KpiFacts.DEPARTMENT_KPIS.contains(kpi)) {
      page = r.facts().department(kpi, subject.id, period, first, after, domain);
    } else {
      throw new PremiaException(
          ErrorCode.BAD_USER_INPUT,
          "Для показателя «"
              + kpi.nameRu()
              + "» и "
              + (subject.employee ? "сотрудника" : "отдела")
              + " нет расшифровки.");
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (KpiFacts.Fact fact : page.facts()) {
      edges.add(Map.of("cursor", encodeCursor("f:" + fact.key()), "node", fact));
    }
    return connection(edges, page.hasNextPage(), page.totalCount());
  }

  private Map<String, Object> kpiPlans(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    Period period = r.period(env.getArgument("period"));
    Integer firstArg = env.getArgument("first");
    int first = firstArg == null ? 100 : firstArg;
    String after = decodeCursor(env.getArgument("after"), "o:");
    int offset = 0;
    if (after != null && after.matches("[0-9]{1,9}")) {
      offset = Integer.parseInt(after);
    }
    List<Plan> plans = visiblePlans(r, period);
    List<Map<String, Object>> edges = new ArrayList<>();
    for (int i = offset; i < Math.min(plans.size(), offset + first); i++) {
      edges.add(Map.of("cursor", encodeCursor("o:" + (i + 1)), "node", plans.get(i)));
    }
    return connection(edges, offset + first < plans.size(), plans.size());
  }

  private static List<Plan> visiblePlans(KpiRequest r, Period period) throws SQLException {
    return r.plans(period).values().stream()
        .filter(
            p ->
                r.caller.seesEveryone()
                    || (p.subjectKind() == PlanSubjectKind.EMPLOYEE
                        && r.caller.maySee(p.subjectId())))
        .sorted(
            Comparator.comparing(Plan::subjectKind)
                .thenComparingLong(Plan::subjectId)
                .thenComparing(Plan::kpi))
        .toList();
  }

  // ---- mutations ------------------------------------------------------------------------------

  private Map<String, Object> updateSettings(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    requireManager(r);
    Map<String, Object> input = env.getArgument("input");
    List<UserError> errors =
        r.settings()
            .update(
                ints(input.get("pipelines")),
                strings(input.get("dealTypes")),
                strings(input.get("sources")),
                r.caller.tenant().userId());
    Map<String, Object> payload = new LinkedHashMap<>();
    r.forgetFilter();
    payload.put("kpiSettings", errors.isEmpty() ? settings(r) : null);
    payload.put("errors", errors);
    return payload;
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> ints(Object value) {
    return value == null ? List.of() : (List<Integer>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  private Map<String, Object> setPlans(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    requireManager(r);
    Map<String, Object> input = env.getArgument("input");
    List<UserError> errors = new ArrayList<>();
    Period period = mutationPeriod(r, input, errors);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) input.get("cells");
    if (period == null) {
      return plansPayload(List.of(), errors);
    }
    // resolve every subject first: two statements for the whole grid
    Set<Long> employeeIds = new HashSet<>();
    Set<Long> departmentIds = new HashSet<>();
    List<Long> subjects = new ArrayList<>();
    List<PlanSubjectKind> kinds = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Map<String, Object> cell = cells.get(i);
      boolean hasEmployee = cell.get("employeeId") != null;
      boolean hasDepartment = cell.get("departmentId") != null;
      String index = Integer.toString(i);
      if (hasEmployee == hasDepartment) {
        errors.add(
            UserError.of(
                UserError.Code.REQUIRED,
                "Укажите либо сотрудника, либо отдел.",
                "input",
                "cells",
                index,
                "employeeId"));
        subjects.add(null);
        kinds.add(null);
        continue;
      }
      PlanSubjectKind kind = hasEmployee ? PlanSubjectKind.EMPLOYEE : PlanSubjectKind.DEPARTMENT;
      OptionalLong id =
          GlobalIds.decode(
              hasEmployee ? GlobalIds.EMPLOYEE : GlobalIds.DEPARTMENT,
              r.tenantId(),
              cell.get(hasEmployee ? "employeeId" : "departmentId"));
      subjects.add(id.isPresent() ? id.getAsLong() : null);
      kinds.add(kind);
      if (id.isPresent()) {
        (hasEmployee ? employeeIds : departmentIds).add(id.getAsLong());
      }
    }
    Set<Long> knownEmployees = r.directory.employees(employeeIds).keySet();
    Set<Long> knownDepartments = r.directory.departments(departmentIds).keySet();
    Savepoint savepoint = savepoint(r.connection);
    app.premia.kpi.application.Plans plans = r.plans();
    UUID actor = r.caller.tenant().userId();
    for (int i = 0; i < cells.size(); i++) {
      Map<String, Object> cell = cells.get(i);
      PlanSubjectKind kind = kinds.get(i);
      if (kind == null) {
        continue;
      }
      String index = Integer.toString(i);
      String idField = kind == PlanSubjectKind.EMPLOYEE ? "employeeId" : "departmentId";
      Long id = subjects.get(i);
      boolean known =
          id != null
              && (kind == PlanSubjectKind.EMPLOYEE
                  ? knownEmployees.contains(id)
                  : knownDepartments.contains(id));
      if (!known) {
        errors.add(
            UserError.of(UserError.Code.NOT_FOUND, NOT_FOUND, "input", "cells", index, idField));
        continue;
      }
      BigDecimal target = (BigDecimal) cell.get("target");
      try {
        if (target == null) {
          plans.clear((String) cell.get("kpi"), kind, id, period.type(), period.firstDay(), actor);
        } else {
          plans.set(
              (String) cell.get("kpi"), kind, id, period.type(), period.firstDay(), target, actor);
        }
      } catch (BusinessRuleException e) {
        for (UserError error : e.errors()) {
          errors.add(cellError(error, index, idField));
        }
      }
    }
    r.forgetPlans();
    if (!errors.isEmpty()) {
      rollback(r.connection, savepoint);
      return plansPayload(List.of(), errors);
    }
    release(r.connection, savepoint);
    return plansPayload(visiblePlans(r, period), List.of());
  }

  private static UserError cellError(UserError error, String index, String idField) {
    List<String> path = new ArrayList<>(List.of("input"));
    String field = error.field().isEmpty() ? "" : error.field().get(0);
    switch (field) {
      case "periodKind" -> path.addAll(List.of("period", "kind"));
      case "periodStart" -> path.addAll(List.of("period", "start"));
      case "subjectKind", "subjectId" -> path.addAll(List.of("cells", index, idField));
      case "" -> path.addAll(List.of("cells", index));
      default -> path.addAll(List.of("cells", index, field));
    }
    return new UserError(path, error.code(), error.message());
  }

  private static Map<String, Object> plansPayload(List<Plan> plans, List<UserError> errors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("plans", plans);
    payload.put("errors", errors);
    return payload;
  }

  private Map<String, Object> copyPlans(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    requireManager(r);
    Map<String, Object> input = env.getArgument("input");
    List<UserError> errors = new ArrayList<>();
    Period from = periodOf(r, input.get("from"), errors, "from");
    Map<String, Object> payload = new LinkedHashMap<>();
    if (from == null) {
      payload.put("to", null);
      payload.put("copied", 0);
      payload.put("skipped", 0);
      payload.put("errors", errors);
      return payload;
    }
    app.premia.kpi.application.Plans.CopyResult result =
        r.plans().copyToNext(from, r.caller.tenant().userId());
    r.forgetPlans();
    payload.put("to", view(r, result.to()));
    payload.put("copied", result.copied());
    payload.put("skipped", result.skipped());
    payload.put("errors", List.of());
    return payload;
  }

  private Map<String, Object> importPlans(DataFetchingEnvironment env) throws SQLException {
    KpiRequest r = request(env);
    requireManager(r);
    Map<String, Object> input = env.getArgument("input");
    List<UserError> errors = new ArrayList<>();
    Period period = mutationPeriod(r, input, errors);
    String file = (String) input.get("fileBase64");
    byte[] bytes = null;
    if (file == null || file.isBlank()) {
      errors.add(
          UserError.of(UserError.Code.REQUIRED, "Приложите файл XLSX.", "input", "fileBase64"));
    } else if (file.length() > (MAX_IMPORT_BYTES / 3 + 1) * 4 + 8) {
      errors.add(UserError.of(UserError.Code.INVALID, "Файл больше 5 МБ.", "input", "fileBase64"));
    } else {
      try {
        bytes = Base64.getMimeDecoder().decode(file);
        if (bytes.length > MAX_IMPORT_BYTES) {
          errors.add(
              UserError.of(UserError.Code.INVALID, "Файл больше 5 МБ.", "input", "fileBase64"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(
            UserError.of(
                UserError.Code.INVALID, "Файл не в кодировке base64.", "input", "fileBase64"));
      }
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("imported", 0);
    if (!errors.isEmpty() || period == null || bytes == null) {
      payload.put("errors", errors);
      return payload;
    }
    PlanImport.Result result =
        new PlanImport(r.plans()).importWorkbook(period, bytes, r.caller.tenant().userId());
    r.forgetPlans();
    payload.put("imported", result.errors().isEmpty() ? result.imported() : 0);
    payload.put("errors", result.errors());
    return payload;
  }

  private static Period mutationPeriod(
      KpiRequest r, Map<String, Object> input, List<UserError> errors) throws SQLException {
    return periodOf(r, input.get("period"), errors, "period");
  }

  @SuppressWarnings("unchecked")
  private static Period periodOf(KpiRequest r, Object value, List<UserError> errors, String field)
      throws SQLException {
    Map<String, Object> period = (Map<String, Object>) value;
    try {
      return r.period(period);
    } catch (PremiaException e) {
      errors.add(UserError.of(UserError.Code.INVALID, e.getMessage(), "input", field, "start"));
      return null;
    }
  }

  private static void requireManager(KpiRequest r) {
    if (!r.caller.managesPlans()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          "Планы и настройки показателей меняют администратор компании и консультант.");
    }
  }

  // ---- nested fields --------------------------------------------------------------------------

  private CompletableFuture<List<Department>> departmentsOf(DataFetchingEnvironment env) {
    Employee e = env.getSource();
    KpiRequest r = request(env);
    DataLoader<Long, Department> loader = env.getDataLoader(DEPARTMENTS);
    List<Object> contexts = new ArrayList<>();
    e.departmentIds().forEach(id -> contexts.add(r));
    return loader
        .loadMany(e.departmentIds(), contexts)
        .thenApply(list -> list.stream().filter(d -> d != null).toList());
  }

  private CompletableFuture<List<ValueView>> cardValues(
      DataFetchingEnvironment env, boolean previous) {
    Card card = env.getSource();
    KpiRequest r = request(env);
    Period period = previous ? card.period().previous() : card.period();
    long id = card.employee().id();
    DataLoader<EmployeePeriod, Map<Kpi, Measurement>> measurements =
        env.getDataLoader(MEASUREMENTS);
    DataLoader<Period, Map<String, Plan>> plans = env.getDataLoader(PLANS);
    return measurements
        .load(new EmployeePeriod(id, period), r)
        .thenCombine(
            plans.load(period, r),
            (ms, ps) ->
                card.kpis().stream()
                    .map(
                        kpi -> {
                          Measurement m = ms == null ? null : ms.get(kpi);
                          Plan plan =
                              ps == null
                                  ? null
                                  : ps.get(KpiRequest.planKey("EMPLOYEE", id, kpi.code()));
                          return value(
                              kpi,
                              m == null ? null : m.value(),
                              m == null,
                              m == null ? 0 : m.facts(),
                              m == null ? 0 : m.errors(),
                              plan == null ? null : plan.target());
                        })
                    .toList());
  }

  private CompletableFuture<Object> planSubject(DataFetchingEnvironment env, PlanSubjectKind kind) {
    Plan plan = env.getSource();
    if (plan.subjectKind() != kind) {
      return CompletableFuture.completedFuture(null);
    }
    KpiRequest r = request(env);
    DataLoader<Long, Object> loader =
        env.getDataLoader(kind == PlanSubjectKind.EMPLOYEE ? EMPLOYEES : DEPARTMENTS);
    return loader.load(plan.subjectId(), r);
  }

  private CompletableFuture<BigDecimal> planActual(DataFetchingEnvironment env) {
    Plan plan = env.getSource();
    KpiRequest r = request(env);
    if (plan.subjectKind() == PlanSubjectKind.EMPLOYEE) {
      DataLoader<EmployeePeriod, Map<Kpi, Measurement>> loader = env.getDataLoader(MEASUREMENTS);
      return loader
          .load(new EmployeePeriod(plan.subjectId(), plan.period()), r)
          .thenApply(
              ms -> {
                Measurement m = ms == null ? null : ms.get(plan.kpi());
                return m == null ? null : m.value();
              });
    }
    DataLoader<DepartmentPeriod, DepartmentValues> loader = env.getDataLoader(DEPARTMENT_VALUES);
    return loader
        .load(new DepartmentPeriod(plan.subjectId(), plan.period()), r)
        .thenApply(
            v -> {
              if (v == null) {
                return null;
              }
              if (plan.kpi() == Kpi.SALES_VOLUME) {
                return v.volume().volume();
              }
              DepartmentMeasurement m = v.measured().get(plan.kpi());
              return m == null ? null : m.value();
            });
  }

  // ---- loading --------------------------------------------------------------------------------

  private static Map<EmployeePeriod, Map<Kpi, Measurement>> measure(
      KpiRequest r, Set<EmployeePeriod> keys) throws SQLException {
    List<Period> periods = keys.stream().map(EmployeePeriod::period).distinct().toList();
    Set<Long> ids = keys.stream().map(EmployeePeriod::employeeId).collect(Collectors.toSet());
    Map<EmployeePeriod, Map<Kpi, Measurement>> result = new HashMap<>();
    for (Measurement m : r.reader().employees(periods, ids)) {
      EmployeePeriod key = new EmployeePeriod(m.employeeId(), m.period());
      if (keys.contains(key)) {
        result.computeIfAbsent(key, k -> new EnumMap<>(Kpi.class)).put(m.kpi(), m);
      }
    }
    return result;
  }

  /**
   * Department (or company) values: its volume from its members' sales volumes, the measured
   * department KPIs, and team plan fulfilment against its volume plan. A fixed number of statements
   * whatever the number of keys.
   */
  private static Map<DepartmentPeriod, DepartmentValues> departmentValues(
      KpiRequest r, Collection<DepartmentPeriod> keys) throws SQLException {
    List<Period> periods = keys.stream().map(DepartmentPeriod::period).distinct().toList();
    Set<Long> departments = new LinkedHashSet<>();
    List<Long> roots = List.of();
    for (DepartmentPeriod key : keys) {
      if (key.departmentId() == COMPANY) {
        roots = r.directory.roots();
        departments.addAll(roots);
      } else {
        departments.add(key.departmentId());
      }
    }
    Map<Long, Set<Long>> members = r.directory.members(departments);
    Set<Long> companyMembers = new LinkedHashSet<>();
    roots.forEach(root -> companyMembers.addAll(members.getOrDefault(root, Set.of())));
    members.put(COMPANY, companyMembers);
    Set<Long> everyone = new HashSet<>();
    members.values().forEach(everyone::addAll);
    Map<Period, Map<Long, Measurement>> volumes = new HashMap<>();
    for (Measurement m : r.reader().employees(periods, everyone)) {
      if (m.kpi() == Kpi.SALES_VOLUME) {
        volumes.computeIfAbsent(m.period(), k -> new HashMap<>()).put(m.employeeId(), m);
      }
    }
    Map<Period, Map<Long, Map<Kpi, DepartmentMeasurement>>> measured = new HashMap<>();
    for (DepartmentMeasurement m : r.reader().departments(periods, departments)) {
      measured
          .computeIfAbsent(m.period(), k -> new HashMap<>())
          .computeIfAbsent(m.departmentId(), k -> new EnumMap<>(Kpi.class))
          .put(m.kpi(), m);
    }
    Map<DepartmentPeriod, DepartmentValues> result = new HashMap<>();
    for (DepartmentPeriod key : keys) {
      long dept = key.departmentId();
      Period p = key.period();
      Set<Long> own = members.getOrDefault(dept, Set.of());
      TeamPlanFulfilment.DepartmentVolume volume =
          TeamPlanFulfilment.volume(dept, p, own, volumes.getOrDefault(p, Map.of()));
      Map<Kpi, DepartmentMeasurement> values = new EnumMap<>(Kpi.class);
      if (dept != COMPANY) {
        values.putAll(measured.getOrDefault(p, Map.of()).getOrDefault(dept, Map.of()));
        Plan plan = r.plans(p).get(KpiRequest.planKey("DEPARTMENT", dept, Kpi.SALES_VOLUME.code()));
        values.put(
            Kpi.TEAM_PLAN_FULFILMENT,
            TeamPlanFulfilment.of(volume, plan == null ? null : plan.target()));
      } else if (roots.size() == 1) {
        long root = roots.get(0);
        values.putAll(measured.getOrDefault(p, Map.of()).getOrDefault(root, Map.of()));
        Plan plan = r.plans(p).get(KpiRequest.planKey("DEPARTMENT", root, Kpi.SALES_VOLUME.code()));
        values.put(
            Kpi.TEAM_PLAN_FULFILMENT,
            TeamPlanFulfilment.of(
                new TeamPlanFulfilment.DepartmentVolume(
                    root, p, volume.volume(), volume.priced(), volume.unpriced()),
                plan == null ? null : plan.target()));
      }
      result.put(key, new DepartmentValues(volume, values, own));
    }
    return result;
  }

  private List<ValueView> departmentValueViews(
      long dept, DepartmentValues v, Map<String, Plan> plans) {
    List<ValueView> views = new ArrayList<>();
    for (Kpi kpi : DEPARTMENT_VALUES_SHOWN) {
      Plan plan =
          dept == COMPANY ? null : plans.get(KpiRequest.planKey("DEPARTMENT", dept, kpi.code()));
      BigDecimal target = plan == null || !Plans_PLANNABLE.contains(kpi) ? null : plan.target();
      if (kpi == Kpi.SALES_VOLUME) {
        views.add(
            value(
                kpi,
                v.volume().volume(),
                false,
                v.volume().priced(),
                v.volume().unpriced(),
                target));
      } else if (kpi == Kpi.DEALS_WON) {
        // the members' won deals, each member once: the priced and the unpriced ones of the volume
        long deals = v.volume().priced() + v.volume().unpriced();
        views.add(value(kpi, BigDecimal.valueOf(deals), false, deals, 0, target));
      } else if (kpi == Kpi.AVERAGE_DEAL) {
        // as an employee's average deal: the volume ÷ the deals priced in it
        long priced = v.volume().priced();
        views.add(
            value(
                kpi,
                priced == 0
                    ? null
                    : v.volume()
                        .volume()
                        .divide(BigDecimal.valueOf(priced), 2, java.math.RoundingMode.HALF_UP),
                false,
                priced,
                v.volume().unpriced(),
                target));
      } else {
        DepartmentMeasurement m = v.measured().get(kpi);
        views.add(
            value(
                kpi,
                m == null ? null : m.value(),
                m == null,
                m == null ? 0 : m.facts(),
                m == null ? 0 : m.errors(),
                target));
      }
    }
    return views;
  }

  private static List<FunnelView> funnel(KpiRequest r, long subject, Period period)
      throws SQLException {
    List<Long> departments = subject == COMPANY ? r.directory.roots() : List.of(subject);
    Map<String, long[]> sums = new TreeMap<>();
    Map<String, FunnelMeasurement> any = new HashMap<>();
    for (FunnelMeasurement m : r.reader().funnel(period, departments)) {
      String key = m.pipelineId() + "|" + m.stageId();
      long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
      sum[0] += m.entered();
      sum[1] += m.converted();
      any.putIfAbsent(key, m);
    }
    Map<Integer, String> pipelines =
        r.directory.pipelines().stream()
            .collect(Collectors.toMap(KpiDirectory.Pipeline::id, KpiDirectory.Pipeline::name));
    Map<String, KpiDirectory.Stage> stages = r.directory.dealStages();
    List<FunnelView> result = new ArrayList<>();
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      FunnelMeasurement m = any.get(e.getKey());
      KpiDirectory.Stage stage = stages.get(e.getKey());
      long entered = e.getValue()[0];
      long converted = e.getValue()[1];
      result.add(
          new FunnelView(
              m.pipelineId(),
              pipelines.getOrDefault(
                  m.pipelineId(), m.pipelineId() == 0 ? "Общая" : "Воронка " + m.pipelineId()),
              m.stageId(),
              stage == null ? m.stageId() : stage.name(),
              stage == null ? 0 : stage.sort(),
              entered,
              converted,
              entered == 0
                  ? null
                  : BigDecimal.valueOf(converted)
                      .multiply(HUNDRED)
                      .divide(BigDecimal.valueOf(entered), 4, java.math.RoundingMode.HALF_UP)));
    }
    result.sort(
        Comparator.comparingInt(FunnelView::pipelineId)
            .thenComparingInt(FunnelView::sort)
            .thenComparing(FunnelView::stageId));
    return result;
  }

  private static ActivityView activity(KpiRequest r, Set<Long> members, Period period)
      throws SQLException {
    long calls = 0;
    long meetings = 0;
    long emails = 0;
    for (Measurement m : r.reader().employees(List.of(period), members)) {
      switch (m.kpi()) {
        case ACTIVITY_CALLS -> calls += m.value().longValueExact();
        case ACTIVITY_MEETINGS -> meetings += m.value().longValueExact();
        case ACTIVITY_EMAILS -> emails += m.value().longValueExact();
        default -> {}
      }
    }
    return new ActivityView(calls, meetings, emails);
  }

  // ---- access ---------------------------------------------------------------------------------

  /** Whose KPI: exactly one of an employee and a department. */
  private record Subject(boolean employee, long id) {}

  private static Subject subject(KpiRequest r, Map<String, Object> input) {
    Object employee = input == null ? null : input.get("employeeId");
    Object department = input == null ? null : input.get("departmentId");
    if ((employee == null) == (department == null)) {
      throw new PremiaException(ErrorCode.BAD_USER_INPUT, "Укажите либо сотрудника, либо отдел.");
    }
    return employee != null
        ? new Subject(true, visibleEmployee(r, employee))
        : new Subject(false, visibleDepartment(r, department));
  }

  /** The employee of a global id the caller may see, or NOT_FOUND (existence checked later). */
  private static long visibleEmployee(KpiRequest r, Object id) {
    OptionalLong decoded = GlobalIds.decode(GlobalIds.EMPLOYEE, r.tenantId(), id);
    if (decoded.isEmpty() || !r.caller.maySee(decoded.getAsLong())) {
      throw notFound();
    }
    return decoded.getAsLong();
  }

  /** A department the caller may see (only those who see everyone) that exists, or NOT_FOUND. */
  private static long visibleDepartment(KpiRequest r, Object id) {
    OptionalLong decoded = GlobalIds.decode(GlobalIds.DEPARTMENT, r.tenantId(), id);
    if (decoded.isEmpty() || !r.caller.seesEveryone()) {
      throw notFound();
    }
    boolean exists =
        sql(
            () ->
                r.directory
                    .departments(List.of(decoded.getAsLong()))
                    .containsKey(decoded.getAsLong()));
    if (!exists) {
      throw notFound();
    }
    return decoded.getAsLong();
  }

  static PremiaException notFound() {
    return new PremiaException(ErrorCode.NOT_FOUND, NOT_FOUND);
  }

  private KpiRequest request(DataFetchingEnvironment env) {
    return env.getGraphQlContext()
        .computeIfAbsent(
            KpiRequest.class, k -> new KpiRequest(source().caller(), source().connection(), clock));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static List<Kpi> employeeKpiList(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return List.copyOf(KpiSql.MEASURED);
    }
    Set<Kpi> wanted = new HashSet<>();
    for (String code : codes) {
      Kpi kpi = kpi(code);
      if (!KpiSql.MEASURED.contains(kpi)) {
        throw new PremiaException(
            ErrorCode.BAD_USER_INPUT, "«" + kpi.nameRu() + "» — не показатель сотрудника.");
      }
      wanted.add(kpi);
    }
    return KpiSql.MEASURED.stream().filter(wanted::contains).toList();
  }

  private static Kpi kpi(String code) {
    return Kpi.byCode(code == null ? "" : code)
        .orElseThrow(
            () -> new PremiaException(ErrorCode.BAD_USER_INPUT, "Нет показателя «" + code + "»."));
  }

  private static boolean employedIn(Employee e, Period p) {
    return (e.hiredOn() == null || e.hiredOn().isBefore(p.endDay()))
        && (e.firedOn() == null || !e.firedOn().isBefore(p.firstDay()));
  }

  private static PeriodView view(KpiRequest r, Period p) {
    return new PeriodView(p.type(), p.firstDay(), p.endDay(), r.closed(p));
  }

  static ValueView value(
      Kpi kpi, BigDecimal value, boolean unmeasured, long facts, long errors, BigDecimal plan) {
    return new ValueView(
        kpi,
        value,
        value == null ? undefinedReason(kpi, unmeasured) : null,
        facts,
        errors,
        plan,
        percent(value, plan));
  }

  /** value ÷ plan × 100, half-up to 4 decimals; null without a value or with a zero plan. */
  static BigDecimal percent(BigDecimal value, BigDecimal plan) {
    return value == null ? null : Attainment.ratio(value.multiply(HUNDRED), plan);
  }

  static String undefinedReason(Kpi kpi, boolean unmeasured) {
    if (unmeasured) {
      return kpi.scope() == KpiScope.EMPLOYEE
          ? "Сотрудник не работал в этом периоде и не имеет в нём фактов."
          : "Показатель не измерен для этого отдела.";
    }
    return switch (kpi) {
      case AVERAGE_DEAL -> "Нет выигранных сделок с известным курсом валюты.";
      case LEAD_CONVERSION -> "Нет закрытых лидов.";
      case NPS -> "Нет ответов NPS.";
      case RETENTION -> "Нет клиентов с покупкой за 12 месяцев до периода.";
      case LTV -> "Нет клиентов.";
      case TEAM_PLAN_FULFILMENT -> "Нет плана отдела по объёму продаж или он нулевой.";
      case AVERAGE_SALES_PER_MANAGER -> "В отделе нет сотрудников, работавших в периоде.";
      case STAFF_TURNOVER -> "В отделе нет сотрудников ни на начало, ни на конец периода.";
      default -> "Показатель не определён.";
    };
  }

  private static String employeeCursor(Employee e) {
    return encodeCursor("e:" + e.id() + ":" + e.name());
  }

  private static KpiDirectory.After afterEmployee(String cursor) {
    String text = decodeCursor(cursor, "e:");
    if (text == null) {
      return null;
    }
    int colon = text.indexOf(':');
    if (colon < 1 || !text.substring(0, colon).matches("[0-9]{1,18}")) {
      return null;
    }
    return new KpiDirectory.After(
        text.substring(colon + 1), Long.parseLong(text.substring(0, colon)));
  }

  static String encodeCursor(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The text after the prefix in a cursor; null for none or anything unreadable. */
  static String decodeCursor(String cursor, String prefix) {
    if (cursor == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return text.startsWith(prefix) ? text.substring(prefix.length()) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, Object> connection(
      List<Map<String, Object>> edges, boolean hasNextPage, int totalCount) {
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    pageInfo.put("hasNextPage", hasNextPage);
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("edges", edges);
    connection.put("pageInfo", pageInfo);
    connection.put("totalCount", totalCount);
    return connection;
  }

  private static Savepoint savepoint(Connection c) {
    try {
      return c.setSavepoint();
    } catch (SQLException e) {
      return null; // a managed connection may refuse: the request's transaction still rolls back
    }
  }

  private static void rollback(Connection c, Savepoint savepoint) throws SQLException {
    if (savepoint != null) {
      c.rollback(savepoint);
    }
  }

  private static void release(Connection c, Savepoint savepoint) {
    if (savepoint != null) {
      try {
        c.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        // harmless: it goes with the transaction
      }
    }
  }

  @FunctionalInterface
  interface SqlSupplier<T> {
    T get() throws SQLException;
  }

  static <T> T sql(SqlSupplier<T> work) {
    try {
      return work.get();
    } catch (SQLException e) {
      throw new IllegalStateException("Database error: " + e.getSQLState(), e);
    }
  }

  private static <T> CompletableFuture<T> done(SqlSupplier<T> work) {
    return CompletableFuture.completedFuture(sql(work));
  }

  /**
   * After a plan or settings mutation without errors: tells the observers of the KPI values (they
   * act once the request's transaction has committed).
   */
  private Map<String, Object> changed(DataFetchingEnvironment env, Map<String, Object> payload) {
    Object errors = payload.get("errors");
    if (errors instanceof List<?> list && list.isEmpty()) {
      TenantAccess.ActiveTenant tenant = request(env).caller.tenant();
      source().valuesChanged(new KpiValuesChanged(tenant.tenantId(), tenant.consultancyId()));
    }
    return payload;
  }
}
