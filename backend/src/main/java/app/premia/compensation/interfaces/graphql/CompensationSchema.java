package app.premia.compensation.interfaces.graphql;

import app.premia.compensation.application.Definitions;
import app.premia.compensation.application.Library;
import app.premia.compensation.application.LibraryStore;
import app.premia.compensation.application.LibraryStore.Adoption;
import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.LibraryStore.TemplateVersionRow;
import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore.PayEmployee;
import app.premia.compensation.application.SchemeStore.ProposalRow;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.domain.Change;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeDiff;
import app.premia.kpi.api.EmployeeIds;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiFeed;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.errors.UserError;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.LibraryCaller;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Contributes {@code compensation.graphqls}: schemes, versions, assignments, the consultancy's
 * template library and its proposals.
 *
 * <p>Who may do what ({@link TenantAccess#compensationCaller()} and {@link
 * TenantAccess#libraryCaller()}, asked on every field): tenant admins and the consultancy's people
 * edit, publish and assign schemes and decide proposals; accountants read everything; a manager
 * reads only the schemes he is (or was) assigned to — their published versions and his own
 * assignments; any other id answers NOT_FOUND, like an id that does not exist. Applying templates
 * needs both: a scheme manager who is also the consultancy's. The library is the consultancy
 * owner's and consultants' ({@code templateLibrary} is null for anyone else).
 *
 * <p>No N+1: versions, today's assignments and proposals of many schemes, schemes of many versions
 * and employees of many assignments are loaded by per-request data loaders, one statement a batch.
 */
@ApplicationScoped
public class CompensationSchema implements SchemaContribution {

  static final String VERSIONS = "CompensationVersionsBySchemeLoader";
  static final String ASSIGNMENTS = "CompensationAssignmentsBySchemeLoader";
  static final String PROPOSALS = "CompensationProposalsBySchemeLoader";
  static final String SCHEMES = "CompensationSchemesByIdLoader";
  static final String EMPLOYEES = "CompensationEmployeesByIdLoader";

  static final String NOT_FOUND = "Не найдено: такой записи нет либо она вам недоступна.";

  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;

  @Override
  public String sdlResource() {
    return "graphql/compensation.graphqls";
  }

  /** Where a request's state lives once made. */
  private CompensationRequest request(DataFetchingEnvironment env) {
    return CompensationRequest.of(env, access, em, clock, feed);
  }

  private Library library(LibraryCaller caller) {
    return CompensationRequest.library(
        caller, em.unwrap(Connection.class), clock, feed.catalogue());
  }

  // ---- wiring -----------------------------------------------------------------------------------

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher("compensationSchemes", env -> sql(() -> schemes(env)))
                .dataFetcher("compensationScheme", env -> sql(() -> scheme(env)))
                .dataFetcher("schemeVersion", env -> sql(() -> version(env)))
                .dataFetcher("schemeAssignments", env -> sql(() -> assignments(env)))
                .dataFetcher("templateLibrary", env -> sql(() -> templateLibrary(env)))
                .dataFetcher("schemeTemplate", env -> sql(() -> schemeTemplate(env))));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher("createScheme", env -> sql(() -> createScheme(env)))
                .dataFetcher("applyTemplates", env -> sql(() -> applyTemplates(env)))
                .dataFetcher("saveSchemeDraft", env -> sql(() -> saveDraft(env)))
                .dataFetcher("discardSchemeDraft", env -> sql(() -> discardDraft(env)))
                .dataFetcher("publishSchemeVersion", env -> sql(() -> publish(env)))
                .dataFetcher("assignScheme", env -> sql(() -> assign(env)))
                .dataFetcher("endSchemeAssignment", env -> sql(() -> endAssignment(env)))
                .dataFetcher("saveTemplateDraft", env -> sql(() -> saveTemplateDraft(env)))
                .dataFetcher("publishTemplateVersion", env -> sql(() -> publishTemplate(env)))
                .dataFetcher("offerTemplateVersion", env -> sql(() -> offerTemplate(env)))
                .dataFetcher("acceptSchemeProposal", env -> sql(() -> decide(env, true)))
                .dataFetcher("rejectSchemeProposal", env -> sql(() -> decide(env, false))));
    wiring.type(
        "CompensationScheme",
        type ->
            type.dataFetcher(
                    "id",
                    env -> id(env, CompensationIds.SCHEME, ((SchemeRow) env.getSource()).id()))
                .dataFetcher("salesRole", env -> ((SchemeRow) env.getSource()).salesRole().name())
                .dataFetcher("source", env -> source(env.getSource()))
                .dataFetcher("versions", this::schemeVersions)
                .dataFetcher("current", env -> current(env))
                .dataFetcher(
                    "draft",
                    env ->
                        schemeVersions(env)
                            .thenApply(
                                vs ->
                                    vs.stream()
                                        .filter(v -> !v.published())
                                        .findFirst()
                                        .orElse(null)))
                .dataFetcher("assignments", this::schemeAssignments)
                .dataFetcher("proposals", this::schemeProposals));
    wiring.type(
        "SchemeVersion",
        type ->
            type.dataFetcher(
                    "id",
                    env -> id(env, CompensationIds.VERSION, ((VersionView) env.getSource()).id()))
                .dataFetcher(
                    "scheme", env -> schemeOf(env, ((VersionView) env.getSource()).schemeId()))
                .dataFetcher(
                    "definition",
                    env -> SchemeCodec.toMap(((VersionView) env.getSource()).definition()))
                .dataFetcher("changes", this::versionChanges));
    wiring.type(
        "SchemeAssignment",
        type ->
            type.dataFetcher(
                    "id",
                    env ->
                        id(
                            env,
                            CompensationIds.ASSIGNMENT,
                            ((AssignmentView) env.getSource()).id()))
                .dataFetcher("employee", this::employeeOf)
                .dataFetcher(
                    "scheme", env -> schemeOf(env, ((AssignmentView) env.getSource()).schemeId())));
    wiring.type(
        "PayEmployee",
        type ->
            type.dataFetcher(
                "id",
                env ->
                    EmployeeIds.encode(
                        request(env).tenantId(), ((PayEmployee) env.getSource()).id())));
    wiring.type(
        "SchemeProposal",
        type ->
            type.dataFetcher(
                    "id",
                    env -> id(env, CompensationIds.PROPOSAL, ((ProposalRow) env.getSource()).id()))
                .dataFetcher(
                    "proposed",
                    env -> SchemeCodec.toMap(((ProposalRow) env.getSource()).definition()))
                .dataFetcher("changes", this::proposalChanges));
    wiring.type(
        "SchemeTemplate",
        type ->
            type.dataFetcher("id", env -> ((TemplateView) env.getSource()).id())
                .dataFetcher("code", env -> ((TemplateView) env.getSource()).row().code())
                .dataFetcher(
                    "name",
                    env ->
                        ((TemplateView) env.getSource()).row().name(CompensationRequest.language()))
                .dataFetcher(
                    "salesRole", env -> ((TemplateView) env.getSource()).row().salesRole().name())
                .dataFetcher(
                    "description",
                    env ->
                        ((TemplateView) env.getSource())
                            .row()
                            .description(CompensationRequest.language()))
                .dataFetcher("latest", env -> ((TemplateView) env.getSource()).versions().get(0))
                .dataFetcher("versions", env -> ((TemplateView) env.getSource()).versions())
                .dataFetcher(
                    "draft",
                    env -> {
                      SchemeDefinition draft = ((TemplateView) env.getSource()).row().draft();
                      return draft == null ? null : SchemeCodec.toMap(draft);
                    })
                .dataFetcher("adoptions", env -> ((TemplateView) env.getSource()).adoptions()));
    wiring.type(
        "TemplateVersion",
        type ->
            type.dataFetcher("id", env -> ((TemplateVersionView) env.getSource()).id())
                .dataFetcher(
                    "number", env -> ((TemplateVersionView) env.getSource()).row().number())
                .dataFetcher(
                    "definition",
                    env ->
                        SchemeCodec.toMap(
                            ((TemplateVersionView) env.getSource()).row().definition()))
                .dataFetcher("note", env -> ((TemplateVersionView) env.getSource()).row().note())
                .dataFetcher(
                    "publishedAt",
                    env -> ((TemplateVersionView) env.getSource()).row().publishedAt())
                .dataFetcher("changes", env -> ((TemplateVersionView) env.getSource()).changes()));
    wiring.type(
        "TemplateAdoption",
        type ->
            type.dataFetcher("tenantId", env -> ((Adoption) env.getSource()).tenantId().toString())
                // the scheme lives in the client company's tenant, not in the library's request
                .dataFetcher("scheme", env -> null));
  }

  // ---- views ------------------------------------------------------------------------------------

  record TemplateView(
      String id, TemplateRow row, List<TemplateVersionView> versions, List<Adoption> adoptions) {}

  record TemplateVersionView(
      String id, TemplateVersionRow row, List<Map<String, Object>> changes) {}

  private String id(DataFetchingEnvironment env, String type, UUID id) {
    return CompensationIds.encode(type, request(env).tenantId(), id);
  }

  private static Map<String, Object> source(SchemeRow scheme) {
    if (scheme.source() == null) {
      return null;
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("templateCode", scheme.source().code());
    source.put("templateName", scheme.source().name());
    source.put("libraryVersion", scheme.source().libraryVersion());
    return source;
  }

  private static List<Map<String, Object>> changes(List<Change> changes) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Change change : changes) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("path", change.path());
      view.put("text", change.text().in(CompensationRequest.language()));
      view.put("kind", change.kind().name());
      result.add(view);
    }
    return result;
  }

  // ---- queries ----------------------------------------------------------------------------------

  private List<SchemeRow> schemes(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = request(env);
    List<SchemeRow> visible = new ArrayList<>();
    for (SchemeRow scheme : r.store.schemeRows()) {
      if (r.maySeeScheme(scheme.id())) {
        visible.add(scheme);
      }
    }
    return visible;
  }

  private SchemeRow scheme(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = request(env);
    UUID id = CompensationIds.decode(CompensationIds.SCHEME, r.tenantId(), env.getArgument("id"));
    if (id == null || !r.maySeeScheme(id)) {
      throw notFound();
    }
    return r.store.schemeRow(id).orElseThrow(CompensationSchema::notFound);
  }

  /** Unknown, malformed, another tenant's, or not the caller's: the same answer. */
  private static PremiaException notFound() {
    return new PremiaException(ErrorCode.NOT_FOUND, NOT_FOUND);
  }

  private VersionView version(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = request(env);
    UUID id = CompensationIds.decode(CompensationIds.VERSION, r.tenantId(), env.getArgument("id"));
    VersionView version = id == null ? null : r.store.versionRow(id).orElse(null);
    if (version == null || !maySeeVersion(r, version)) {
      throw notFound();
    }
    return version;
  }

  /** Managers see the published versions of their schemes; drafts are for those who see all. */
  private static boolean maySeeVersion(CompensationRequest r, VersionView v) throws SQLException {
    return r.caller.seesAll() || (v.published() && r.maySeeScheme(v.schemeId()));
  }

  private List<AssignmentView> assignments(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = request(env);
    Object raw = env.getArgument("employeeId");
    Long employee = null;
    if (raw != null) {
      employee = EmployeeIds.decode(r.tenantId(), raw);
      if (employee == null
          || !r.caller.maySee(employee)
          || r.store.employees(List.of(employee)).isEmpty()) {
        throw notFound();
      }
    } else if (!r.caller.seesAll()) {
      if (r.caller.employeeId() == null) {
        return List.of();
      }
      employee = r.caller.employeeId();
    }
    return r.store.assignmentsOf(employee);
  }

  /** The library of the caller's consultancy, seeded on first read; null for anyone else. */
  private Map<String, Object> templateLibrary(DataFetchingEnvironment env) throws SQLException {
    LibraryCaller caller;
    try {
      caller = access.libraryCaller();
    } catch (PremiaException e) {
      if (e.code() == ErrorCode.FORBIDDEN) {
        return null;
      }
      throw e;
    }
    Library library = library(caller);
    library.ensureSeeded();
    LibraryStore store = library.store();
    List<TemplateRow> templates = store.templates();
    List<UUID> ids = templates.stream().map(TemplateRow::id).toList();
    Map<UUID, List<TemplateVersionRow>> versions = store.versionsOf(ids);
    Map<UUID, List<Adoption>> adoptions = store.adoptions(ids);
    List<TemplateView> views = new ArrayList<>();
    for (TemplateRow t : templates) {
      views.add(
          template(
              caller,
              feed.catalogue(),
              t,
              versions.getOrDefault(t.id(), List.of()),
              adoptions.getOrDefault(t.id(), List.of())));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("consultancyName", store.consultancyName());
    result.put("templates", views);
    return result;
  }

  /**
   * One template of the caller's consultancy library (the template page: reading it through the
   * whole library would exceed the query complexity limit). FORBIDDEN for anyone but the
   * consultancy's owner and consultants; NOT_FOUND for an unknown, malformed or another
   * consultancy's id.
   */
  private TemplateView schemeTemplate(DataFetchingEnvironment env) throws SQLException {
    LibraryCaller caller = access.libraryCaller();
    UUID id =
        CompensationIds.decode(
            CompensationIds.TEMPLATE, caller.consultancyId(), env.getArgument("id"));
    if (id == null) {
      throw notFound();
    }
    Library library = library(caller);
    library.ensureSeeded();
    if (library.store().template(id).isEmpty()) {
      throw notFound();
    }
    return reloadTemplate(caller, library, id);
  }

  private static TemplateView template(
      LibraryCaller caller,
      List<KpiDescriptor> catalogue,
      TemplateRow t,
      List<TemplateVersionRow> newestFirst,
      List<Adoption> adoptions) {
    List<TemplateVersionView> versions = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      TemplateVersionRow v = newestFirst.get(i);
      TemplateVersionRow previous = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
      versions.add(
          new TemplateVersionView(
              CompensationIds.encode(
                  CompensationIds.TEMPLATE_VERSION, caller.consultancyId(), v.id()),
              v,
              previous == null
                  ? List.of()
                  : changes(SchemeDiff.between(previous.definition(), v.definition(), catalogue))));
    }
    return new TemplateView(
        CompensationIds.encode(CompensationIds.TEMPLATE, caller.consultancyId(), t.id()),
        t,
        versions,
        adoptions);
  }

  private TemplateView reloadTemplate(LibraryCaller caller, Library library, UUID id)
      throws SQLException {
    LibraryStore store = library.store();
    TemplateRow row = store.template(id).orElseThrow();
    return template(
        caller,
        feed.catalogue(),
        row,
        store.versionsOf(List.of(id)).getOrDefault(id, List.of()),
        store.adoptions(List.of(id)).getOrDefault(id, List.of()));
  }

  // ---- nested fields ----------------------------------------------------------------------------

  private CompletableFuture<List<VersionView>> schemeVersions(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    SchemeRow scheme = env.getSource();
    DataLoader<UUID, List<VersionView>> loader = env.getDataLoader(VERSIONS);
    return loader
        .load(scheme.id(), r)
        .thenApply(
            vs ->
                (vs == null ? List.<VersionView>of() : vs)
                    .stream().filter(v -> r.caller.seesAll() || v.published()).toList());
  }

  private CompletableFuture<VersionView> current(DataFetchingEnvironment env) throws SQLException {
    LocalDate today = request(env).today();
    return schemeVersions(env)
        .thenApply(
            vs ->
                vs.stream()
                    .filter(v -> v.published() && !v.effectiveFrom().isAfter(today))
                    .max(java.util.Comparator.comparing(VersionView::effectiveFrom))
                    .orElse(null));
  }

  private CompletableFuture<List<AssignmentView>> schemeAssignments(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    SchemeRow scheme = env.getSource();
    DataLoader<UUID, List<AssignmentView>> loader = env.getDataLoader(ASSIGNMENTS);
    return loader
        .load(scheme.id(), r)
        .thenApply(
            as ->
                (as == null ? List.<AssignmentView>of() : as)
                    .stream().filter(a -> r.caller.maySee(a.employeeId())).toList());
  }

  private CompletableFuture<List<ProposalRow>> schemeProposals(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    if (!r.caller.seesAll()) {
      return CompletableFuture.completedFuture(List.of());
    }
    SchemeRow scheme = env.getSource();
    DataLoader<UUID, List<ProposalRow>> loader = env.getDataLoader(PROPOSALS);
    return loader.load(scheme.id(), r).thenApply(ps -> ps == null ? List.of() : ps);
  }

  private CompletableFuture<SchemeRow> schemeOf(DataFetchingEnvironment env, UUID schemeId) {
    CompensationRequest r = request(env);
    DataLoader<UUID, SchemeRow> loader = env.getDataLoader(SCHEMES);
    return loader.load(schemeId, r);
  }

  private CompletableFuture<PayEmployee> employeeOf(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    AssignmentView a = env.getSource();
    DataLoader<Long, PayEmployee> loader = env.getDataLoader(EMPLOYEES);
    return loader
        .load(a.employeeId(), r)
        .thenApply(
            e ->
                e != null
                    ? e
                    // a portal user no longer synced: still shown, by his number
                    : new PayEmployee(a.employeeId(), "Сотрудник " + a.employeeId(), null, false));
  }

  /** Against the previous published version (by effective month); a draft against the latest. */
  private CompletableFuture<List<Map<String, Object>>> versionChanges(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    VersionView version = env.getSource();
    DataLoader<UUID, List<VersionView>> loader = env.getDataLoader(VERSIONS);
    return loader
        .load(version.schemeId(), r)
        .thenApply(
            all -> {
              VersionView previous =
                  (all == null ? List.<VersionView>of() : all)
                      .stream()
                          .filter(VersionView::published)
                          .filter(v -> !v.id().equals(version.id()))
                          .filter(
                              v ->
                                  !version.published()
                                      || v.effectiveFrom().isBefore(version.effectiveFrom()))
                          .max(java.util.Comparator.comparing(VersionView::effectiveFrom))
                          .orElse(null);
              return previous == null
                  ? List.of()
                  : changes(
                      SchemeDiff.between(
                          previous.definition(), version.definition(), feed.catalogue()));
            });
  }

  /** The scheme's current definition (its draft, else its latest published) → the proposal. */
  private CompletableFuture<List<Map<String, Object>>> proposalChanges(
      DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    ProposalRow proposal = env.getSource();
    DataLoader<UUID, List<VersionView>> loader = env.getDataLoader(VERSIONS);
    return loader
        .load(proposal.schemeId(), r)
        .thenApply(
            all -> {
              List<VersionView> versions = all == null ? List.of() : all;
              VersionView base =
                  versions.stream()
                      .filter(v -> !v.published())
                      .findFirst()
                      .or(
                          () ->
                              versions.stream()
                                  .filter(VersionView::published)
                                  .max(java.util.Comparator.comparing(VersionView::effectiveFrom)))
                      .orElse(null);
              return base == null
                  ? List.of()
                  : changes(
                      SchemeDiff.between(
                          base.definition(), proposal.definition(), feed.catalogue()));
            });
  }

  @Override
  public void registerDataLoaders(DataLoaderRegistry registry) {
    MappedBatchLoaderWithContext<UUID, List<VersionView>> versions =
        (ids, env) -> done(() -> ctx(env).store.versionsOf(ids));
    MappedBatchLoaderWithContext<UUID, List<AssignmentView>> assignments =
        (ids, env) -> done(() -> ctx(env).store.assignmentsOn(ids, ctx(env).today()));
    MappedBatchLoaderWithContext<UUID, List<ProposalRow>> proposals =
        (ids, env) -> done(() -> ctx(env).store.proposalsOf(ids));
    MappedBatchLoaderWithContext<UUID, SchemeRow> schemes =
        (ids, env) -> done(() -> ctx(env).store.schemeRows(ids));
    MappedBatchLoaderWithContext<Long, PayEmployee> employees =
        (ids, env) -> done(() -> ctx(env).store.employees(ids));
    registry.register(VERSIONS, DataLoaderFactory.newMappedDataLoader(versions));
    registry.register(ASSIGNMENTS, DataLoaderFactory.newMappedDataLoader(assignments));
    registry.register(PROPOSALS, DataLoaderFactory.newMappedDataLoader(proposals));
    registry.register(SCHEMES, DataLoaderFactory.newMappedDataLoader(schemes));
    registry.register(EMPLOYEES, DataLoaderFactory.newMappedDataLoader(employees));
  }

  private static CompensationRequest ctx(BatchLoaderEnvironment env) {
    return (CompensationRequest) env.getKeyContextsList().get(0);
  }

  // ---- mutations --------------------------------------------------------------------------------

  private CompensationRequest requireManager(DataFetchingEnvironment env) {
    CompensationRequest r = request(env);
    if (!r.caller.manages()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN, "Схемы мотивации меняют администратор компании и консультант.");
    }
    return r;
  }

  private static Map<String, Object> input(DataFetchingEnvironment env) {
    return env.getArgument("input");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private Map<String, Object> createScheme(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    return payload(
        "scheme",
        () -> {
          SchemeDefinition definition =
              Definitions.require(
                  map(input.get("definition")),
                  r.validator(),
                  CompensationRequest.language(),
                  "input",
                  "definition");
          return r.schemes()
              .create(
                  (String) input.get("name"),
                  SalesRole.valueOf((String) input.get("salesRole")),
                  definition);
        });
  }

  private Map<String, Object> applyTemplates(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    LibraryCaller caller = access.libraryCaller();
    @SuppressWarnings("unchecked")
    List<Object> raw = (List<Object>) input(env).get("templateIds");
    List<UUID> ids = new ArrayList<>();
    for (Object id : raw) {
      ids.add(CompensationIds.decode(CompensationIds.TEMPLATE, caller.consultancyId(), id));
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      payload.put(
          "schemes",
          r.schemes()
              .applyTemplates(
                  new LibraryStore(r.connection, caller.consultancyId(), caller.userId()), ids));
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put("schemes", List.of());
      payload.put("errors", e.errors());
    }
    return payload;
  }

  private Map<String, Object> saveDraft(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    UUID scheme =
        CompensationIds.decode(CompensationIds.SCHEME, r.tenantId(), input.get("schemeId"));
    return payload(
        "version",
        () -> {
          SchemeDefinition definition =
              Definitions.require(
                  map(input.get("definition")),
                  r.validator(),
                  CompensationRequest.language(),
                  "input",
                  "definition");
          return r.schemes().saveDraft(scheme, definition, (String) input.get("name"));
        });
  }

  private Map<String, Object> discardDraft(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    UUID scheme =
        CompensationIds.decode(CompensationIds.SCHEME, r.tenantId(), input(env).get("schemeId"));
    return payload("scheme", () -> r.schemes().discardDraft(scheme));
  }

  private Map<String, Object> publish(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    UUID version =
        CompensationIds.decode(CompensationIds.VERSION, r.tenantId(), input.get("versionId"));
    return payload(
        "version",
        () -> {
          VersionView published =
              r.schemes().publish(version, (LocalDate) input.get("effectiveFrom"));
          // the regulations describe the schemes: a new scheme version offers their next version
          r.regulations().offerDraft(published.effectiveFrom());
          return published;
        });
  }

  private Map<String, Object> assign(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    Long employee = EmployeeIds.decode(r.tenantId(), input.get("employeeId"));
    UUID scheme =
        CompensationIds.decode(CompensationIds.SCHEME, r.tenantId(), input.get("schemeId"));
    return payload(
        "assignment",
        () -> {
          if (employee == null) {
            throw new BusinessRuleException(
                UserError.of(UserError.Code.NOT_FOUND, NOT_FOUND, "input", "employeeId"));
          }
          return r.schemes().assign(employee, scheme, (LocalDate) input.get("validFrom"));
        });
  }

  private Map<String, Object> endAssignment(DataFetchingEnvironment env) throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    UUID assignment =
        CompensationIds.decode(CompensationIds.ASSIGNMENT, r.tenantId(), input.get("assignmentId"));
    return payload(
        "assignment",
        () -> r.schemes().endAssignment(assignment, (LocalDate) input.get("validTo")));
  }

  private Map<String, Object> decide(DataFetchingEnvironment env, boolean accept)
      throws SQLException {
    CompensationRequest r = requireManager(env);
    Map<String, Object> input = input(env);
    UUID proposal =
        CompensationIds.decode(CompensationIds.PROPOSAL, r.tenantId(), input.get("proposalId"));
    String comment = (String) input.get("comment");
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      if (accept) {
        VersionView draft = r.schemes().acceptProposal(proposal, comment);
        payload.put("proposal", r.store.proposal(proposal).orElseThrow());
        payload.put("draft", draft);
      } else {
        payload.put("proposal", r.schemes().rejectProposal(proposal, comment));
        payload.put("draft", null);
      }
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put("proposal", null);
      payload.put("draft", null);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  private Map<String, Object> saveTemplateDraft(DataFetchingEnvironment env) throws SQLException {
    LibraryCaller caller = access.libraryCaller();
    Library library = library(caller);
    Map<String, Object> input = input(env);
    UUID template =
        CompensationIds.decode(
            CompensationIds.TEMPLATE, caller.consultancyId(), input.get("templateId"));
    return payload(
        "template",
        () -> {
          SchemeDefinition definition =
              Definitions.require(
                  map(input.get("definition")),
                  new app.premia.compensation.domain.SchemeValidator(feed.catalogue()),
                  CompensationRequest.language(),
                  "input",
                  "definition");
          library.saveDraft(template, definition);
          return reloadTemplate(caller, library, template);
        });
  }

  private Map<String, Object> publishTemplate(DataFetchingEnvironment env) throws SQLException {
    LibraryCaller caller = access.libraryCaller();
    Library library = library(caller);
    Map<String, Object> input = input(env);
    UUID template =
        CompensationIds.decode(
            CompensationIds.TEMPLATE, caller.consultancyId(), input.get("templateId"));
    return payload(
        "template",
        () -> {
          library.publish(template, (String) input.get("note"));
          return reloadTemplate(caller, library, template);
        });
  }

  private Map<String, Object> offerTemplate(DataFetchingEnvironment env) throws SQLException {
    LibraryCaller caller = access.libraryCaller();
    Library library = library(caller);
    Map<String, Object> input = input(env);
    UUID template =
        CompensationIds.decode(
            CompensationIds.TEMPLATE, caller.consultancyId(), input.get("templateId"));
    @SuppressWarnings("unchecked")
    List<Object> rawTenants = (List<Object>) input.get("tenantIds");
    Map<String, Object> payload = new LinkedHashMap<>();
    // a malformed company id is one the caller does not reach, like any other: nothing is offered
    // there (the template is checked first, so the answer does not depend on the companies)
    List<UUID> tenants = null;
    if (rawTenants != null) {
      tenants = new ArrayList<>();
      for (Object raw : rawTenants) {
        try {
          tenants.add(UUID.fromString(String.valueOf(raw)));
        } catch (IllegalArgumentException e) {
          // not a company id: reaches nobody
        }
      }
    }
    try {
      payload.put("offered", library.offer(template, tenants, (String) input.get("note")));
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put("offered", 0);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Work of a use case that may refuse with {@link BusinessRuleException}. */
  @FunctionalInterface
  interface UseCase<T> {
    T run() throws SQLException;
  }

  static <T> Map<String, Object> payload(String field, UseCase<T> work) throws SQLException {
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      payload.put(field, work.run());
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put(field, null);
      payload.put("errors", e.errors());
    }
    return payload;
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
}
