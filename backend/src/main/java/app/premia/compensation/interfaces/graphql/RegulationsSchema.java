package app.premia.compensation.interfaces.graphql;

import app.premia.compensation.application.Regulations;
import app.premia.compensation.application.Regulations.BasisEntry;
import app.premia.compensation.application.Regulations.ScopeEntry;
import app.premia.compensation.application.RegulationsPublished;
import app.premia.compensation.application.RegulationsRendering;
import app.premia.compensation.application.RegulationsStore.AcknowledgementRow;
import app.premia.compensation.application.RegulationsStore.DocumentRow;
import app.premia.compensation.application.RegulationsStore.SchemePublication;
import app.premia.compensation.application.RegulationsStore.SectionRow;
import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.DocSection;
import app.premia.compensation.domain.regulations.RegulationsDiff;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import app.premia.crm.api.PortalNotifier;
import app.premia.kpi.api.KpiFeed;
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
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contributes {@code regulations.graphqls}: the bonus regulations, their versions, the diff, the
 * acknowledgements. Who may do what is decided here from the caller's standing: those who manage
 * (tenant admins, the consultancy's people) edit, publish and remind; those who see all
 * (accountants too) read everything; a manager reads published versions and acknowledges the newest
 * one in his scope — a draft or an unknown id answers NOT_FOUND, exactly alike.
 */
@ApplicationScoped
public class RegulationsSchema implements SchemaContribution {

  static final String DOCUMENT = CompensationIds.REGULATIONS_DOCUMENT;
  static final String SECTION = CompensationIds.REGULATIONS_SECTION;

  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;
  @Inject PortalNotifier notifier;
  @Inject jakarta.enterprise.event.Event<RegulationsPublished> publishedEvent;

  @Override
  public String sdlResource() {
    return "graphql/regulations.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("regulations", env -> CompensationSchema.sql(() -> regulations(env)))
                .dataFetcher(
                    "regulationsDocument", env -> CompensationSchema.sql(() -> document(env)))
                .dataFetcher("regulationsDiff", env -> CompensationSchema.sql(() -> diff(env)))
                .dataFetcher("myRegulations", env -> CompensationSchema.sql(() -> mine(env))));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher(
                    "createRegulationsDraft", env -> CompensationSchema.sql(() -> create(env)))
                .dataFetcher(
                    "updateRegulationsDraft", env -> CompensationSchema.sql(() -> update(env)))
                .dataFetcher(
                    "deleteRegulationsDraft", env -> CompensationSchema.sql(() -> discard(env)))
                .dataFetcher(
                    "publishRegulations", env -> CompensationSchema.sql(() -> publish(env)))
                .dataFetcher(
                    "saveRegulationsDetails", env -> CompensationSchema.sql(() -> details(env)))
                .dataFetcher(
                    "saveRegulationsSection", env -> CompensationSchema.sql(() -> saveSection(env)))
                .dataFetcher(
                    "deleteRegulationsSection",
                    env -> CompensationSchema.sql(() -> deleteSection(env)))
                .dataFetcher(
                    "acknowledgeRegulations", env -> CompensationSchema.sql(() -> acknowledge(env)))
                .dataFetcher(
                    "remindRegulations", env -> CompensationSchema.sql(() -> remind(env))));
    wiring.type(
        "RegulationsDocument",
        t ->
            t.dataFetcher("id", env -> view(env).id())
                .dataFetcher("number", env -> view(env).row.number())
                .dataFetcher("status", env -> view(env).row.status())
                .dataFetcher("effectiveFrom", env -> view(env).row.effectiveFrom())
                .dataFetcher("createdAt", env -> view(env).row.createdAt())
                .dataFetcher("publishedAt", env -> view(env).row.publishedAt())
                .dataFetcher("publishedBy", env -> view(env).row.publishedByName())
                .dataFetcher(
                    "title",
                    env -> CompensationSchema.sql(() -> view(env).document().title().in(lang(env))))
                .dataFetcher("basis", env -> CompensationSchema.sql(() -> basis(env)))
                .dataFetcher(
                    "html",
                    env ->
                        CompensationSchema.sql(
                            () ->
                                RegulationsRendering.fragment(
                                    view(env).document(), lang(env), !view(env).row.published())))
                .dataFetcher(
                    "sections",
                    env ->
                        CompensationSchema.sql(() -> sectionViews(view(env).document(), lang(env))))
                .dataFetcher(
                    "pdfHref",
                    env -> "/api/regulations/" + view(env).id() + "/pdf?lang=" + lang(env))
                .dataFetcher(
                    "acknowledgements",
                    env -> CompensationSchema.sql(() -> acknowledgements(env))));
  }

  // ---- the request ------------------------------------------------------------------------------

  /** One request's regulations state, shared by its fields. */
  static final class RegulationsRequest {
    final CompensationRequest base;
    final Regulations regulations;
    final Map<UUID, RegulationsDocument> documents = new HashMap<>();

    RegulationsRequest(CompensationRequest base) {
      this.base = base;
      this.regulations = base.regulations();
    }

    UUID tenantId() {
      return base.tenantId();
    }

    RegulationsDocument document(DocumentRow row) throws SQLException {
      RegulationsDocument d = documents.get(row.id());
      if (d == null) {
        d = regulations.document(row);
        documents.put(row.id(), d);
      }
      return d;
    }
  }

  /** A version as the SDL's RegulationsDocument, its text generated (or decoded) once. */
  static final class DocView {
    final RegulationsRequest request;
    final DocumentRow row;

    DocView(RegulationsRequest request, DocumentRow row) {
      this.request = request;
      this.row = row;
    }

    String id() {
      return CompensationIds.encode(DOCUMENT, request.tenantId(), row.id());
    }

    RegulationsDocument document() throws SQLException {
      return request.document(row);
    }
  }

  private RegulationsRequest request(DataFetchingEnvironment env) {
    return CompensationRequest.derived(
        env,
        RegulationsRequest.class,
        () -> new RegulationsRequest(CompensationRequest.of(env, access, em, clock, feed)));
  }

  private static DocView view(DataFetchingEnvironment env) {
    return env.getSource();
  }

  /** The language argument, else the request's. */
  private static String lang(DataFetchingEnvironment env) {
    Object value = env.getArgument("language");
    if (value == null) {
      return CompensationRequest.language();
    }
    return "EN".equals(value.toString()) ? "en" : "ru";
  }

  private static String language() {
    return CompensationRequest.language();
  }

  private static PremiaException notFound() {
    return new PremiaException(ErrorCode.NOT_FOUND, CompensationSchema.NOT_FOUND);
  }

  private RegulationsRequest seesAll(DataFetchingEnvironment env) {
    RegulationsRequest r = request(env);
    if (!r.base.caller.seesAll()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          "en".equals(language())
              ? "The regulations' versions are for the company's administrators, accountants and"
                  + " consultants; employees read theirs under «My regulations»."
              : "Редакции Положения ведут администратор компании, бухгалтер и консультант;"
                  + " сотрудник читает своё в разделе «Моё положение».");
    }
    return r;
  }

  private RegulationsRequest manages(DataFetchingEnvironment env) {
    RegulationsRequest r = request(env);
    if (!r.base.caller.manages()) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          "en".equals(language())
              ? "The regulations are edited and published by the company's administrators and"
                  + " consultants."
              : "Положение готовят и публикуют администратор компании и консультант.");
    }
    return r;
  }

  /** A version the caller may read: any for those who see all, a published one for the others. */
  private Optional<DocumentRow> readable(RegulationsRequest r, Object globalId)
      throws SQLException {
    UUID id = CompensationIds.decode(DOCUMENT, r.tenantId(), globalId);
    Optional<DocumentRow> row = id == null ? Optional.empty() : r.regulations.store().document(id);
    return row.filter(d -> r.base.caller.seesAll() || d.published());
  }

  // ---- queries ----------------------------------------------------------------------------------

  private Map<String, Object> regulations(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = seesAll(env);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("details", detailsView(r.regulations.details()));
    v.put(
        "sections", r.regulations.store().sections().stream().map(s -> sectionView(r, s)).toList());
    List<DocumentRow> all = r.regulations.store().documents();
    v.put(
        "draft",
        all.stream()
            .filter(d -> !d.published())
            .findFirst()
            .map(d -> new DocView(r, d))
            .orElse(null));
    List<DocView> published =
        all.stream().filter(DocumentRow::published).map(d -> new DocView(r, d)).toList();
    v.put("versions", published);
    v.put("current", published.isEmpty() ? null : published.get(0));
    Regulations.Outdated outdated = r.regulations.outdated();
    v.put("outdated", outdated.outdated());
    v.put("outdatedBy", outdated.by().stream().map(RegulationsSchema::publication).toList());
    v.put("canEdit", r.base.caller.manages());
    return v;
  }

  private static String publication(SchemePublication p) {
    return "en".equals(language())
        ? p.schemeName()
            + ": version "
            + p.versionNumber()
            + " from "
            + Regulations.day(p.effectiveFrom())
        : p.schemeName()
            + ": версия "
            + p.versionNumber()
            + " с "
            + Regulations.day(p.effectiveFrom());
  }

  private DocView document(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = request(env);
    return new DocView(
        r, readable(r, env.getArgument("id")).orElseThrow(RegulationsSchema::notFound));
  }

  private Map<String, Object> diff(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = request(env);
    DocumentRow from =
        readable(r, env.getArgument("fromId")).orElseThrow(RegulationsSchema::notFound);
    DocumentRow to = readable(r, env.getArgument("toId")).orElseThrow(RegulationsSchema::notFound);
    String language = lang(env);
    RegulationsDiff diff = RegulationsDiff.between(r.document(from), r.document(to), language);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("from", new DocView(r, from));
    v.put("to", new DocView(r, to));
    v.put("language", language.toUpperCase(java.util.Locale.ROOT));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (RegulationsDiff.Change c : diff.changes()) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("kind", c.kind().name());
      change.put("sectionKey", c.sectionKey());
      change.put("sectionTitle", c.sectionTitle().in(language));
      change.put("before", c.before());
      change.put("after", c.after());
      change.put(
          "segments",
          c.segments().stream()
              .map(s -> Map.<String, Object>of("text", s.text(), "kind", s.kind().name()))
              .toList());
      changes.add(change);
    }
    v.put("changes", changes);
    return v;
  }

  private Map<String, Object> mine(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = request(env);
    Long me = r.base.caller.employeeId();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("document", null);
    v.put("acknowledgedAt", null);
    v.put("pending", false);
    v.put("history", List.of());
    if (me == null) {
      return v;
    }
    List<AcknowledgementRow> mine = r.regulations.store().acknowledgementsOf(me);
    Optional<DocumentRow> newest = r.regulations.newestFor(me);
    if (newest.isPresent()) {
      DocumentRow d = newest.get();
      AcknowledgementRow ack =
          mine.stream().filter(a -> a.documentId().equals(d.id())).findFirst().orElse(null);
      v.put("document", new DocView(r, d));
      v.put("acknowledgedAt", ack == null ? null : ack.acknowledgedAt());
      v.put("pending", ack == null);
    }
    List<Map<String, Object>> history = new ArrayList<>();
    Map<UUID, DocumentRow> documents = new HashMap<>();
    if (!mine.isEmpty()) {
      r.regulations.store().documents().forEach(d -> documents.put(d.id(), d));
    }
    for (AcknowledgementRow a : mine) {
      if (newest.isPresent() && a.documentId().equals(newest.get().id())) {
        continue;
      }
      Optional<DocumentRow> d = Optional.ofNullable(documents.get(a.documentId()));
      if (d.isPresent()) {
        history.add(
            Map.of("document", new DocView(r, d.get()), "acknowledgedAt", a.acknowledgedAt()));
      }
    }
    v.put("history", history);
    return v;
  }

  // ---- document fields --------------------------------------------------------------------------

  private List<String> basis(DataFetchingEnvironment env) throws SQLException {
    DocView d = view(env);
    String language = lang(env);
    List<String> out = new ArrayList<>();
    for (BasisEntry b : d.request.regulations.basis(d.row)) {
      out.add(
          "en".equals(language)
              ? b.salesRole().nameEn()
                  + " («"
                  + b.schemeName()
                  + "») — version "
                  + b.versionNumber()
                  + " from "
                  + Regulations.day(b.effectiveFrom())
              : b.salesRole().nameRu()
                  + " («"
                  + b.schemeName()
                  + "») — версия "
                  + b.versionNumber()
                  + " с "
                  + Regulations.day(b.effectiveFrom()));
    }
    return out;
  }

  private Map<String, Object> acknowledgements(DataFetchingEnvironment env) throws SQLException {
    DocView d = view(env);
    if (!d.row.published() || !d.request.base.caller.seesAll()) {
      return null;
    }
    List<ScopeEntry> scope = d.request.regulations.scope(d.row);
    List<Map<String, Object>> employees = new ArrayList<>();
    int acknowledged = 0;
    for (ScopeEntry s : scope) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("employee", s.employee());
      e.put(
          "acknowledgedAt",
          s.acknowledgement() == null ? null : s.acknowledgement().acknowledgedAt());
      e.put("acknowledgedBy", s.acknowledgement() == null ? null : s.acknowledgement().userName());
      if (s.acknowledgement() != null) {
        acknowledged++;
      }
      employees.add(e);
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("total", scope.size());
    v.put("acknowledged", acknowledged);
    v.put("employees", employees);
    return v;
  }

  /** The sections as plain text, numbered and lettered as the page and the PDF print them. */
  static List<Map<String, Object>> sectionViews(RegulationsDocument document, String language) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DocSection s : document.sections()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("key", s.key());
      v.put("number", s.number());
      v.put("title", s.title().in(language));
      v.put("tenantWritten", s.tenantWritten());
      v.put("paragraphs", RegulationsRendering.paragraphs(s, language));
      out.add(v);
    }
    return out;
  }

  // ---- mutations --------------------------------------------------------------------------------

  private static Map<String, Object> input(DataFetchingEnvironment env) {
    return env.getArgument("input");
  }

  private UUID documentId(RegulationsRequest r, Map<String, Object> input) {
    return CompensationIds.decode(DOCUMENT, r.tenantId(), input.get("id"));
  }

  private Map<String, Object> create(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    Map<String, Object> input = input(env);
    return CompensationSchema.payload(
        "document",
        () -> new DocView(r, r.regulations.createDraft((LocalDate) input.get("effectiveFrom"))));
  }

  private Map<String, Object> update(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    Map<String, Object> input = input(env);
    UUID id = documentId(r, input);
    return CompensationSchema.payload(
        "document",
        () ->
            new DocView(r, r.regulations.updateDraft(id, (LocalDate) input.get("effectiveFrom"))));
  }

  private Map<String, Object> discard(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    UUID id = documentId(r, input(env));
    return CompensationSchema.payload(
        "document", () -> new DocView(r, r.regulations.deleteDraft(id)));
  }

  private Map<String, Object> publish(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    Map<String, Object> input = input(env);
    UUID id = documentId(r, input);
    return CompensationSchema.payload(
        "document",
        () -> {
          DocumentRow published = r.regulations.publish(id, (LocalDate) input.get("effectiveFrom"));
          // everyone in its scope is asked in Bitrix24, once the publication committed
          publishedEvent.fire(
              new RegulationsPublished(
                  r.tenantId(),
                  r.base.caller.tenant().consultancyId(),
                  published.id(),
                  r.regulations.publicationMessages(published)));
          return new DocView(r, published);
        });
  }

  private Map<String, Object> details(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    Map<String, Object> input = input(env);
    return CompensationSchema.payload(
        "details",
        () ->
            detailsView(
                r.regulations.saveDetails(
                    new CompanyDetails(
                        input.get("companyName") == null ? "" : (String) input.get("companyName"),
                        (String) input.get("inn"),
                        (String) input.get("orderNumber"),
                        (LocalDate) input.get("orderDate"),
                        (String) input.get("city"),
                        (String) input.get("approverTitle"),
                        (String) input.get("approverName")))));
  }

  private Map<String, Object> saveSection(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    Map<String, Object> input = input(env);
    Object rawId = input.get("id");
    UUID id = rawId == null ? null : CompensationIds.decode(SECTION, r.tenantId(), rawId);
    return CompensationSchema.payload(
        "section",
        () -> {
          if (rawId != null && id == null) {
            throw new BusinessRuleException(
                UserError.of(
                    UserError.Code.NOT_FOUND, CompensationSchema.NOT_FOUND, "input", "id"));
          }
          return sectionView(
              r,
              r.regulations.saveSection(
                  id,
                  (Integer) input.get("position"),
                  (String) input.get("titleRu"),
                  (String) input.get("titleEn"),
                  (String) input.get("bodyRu"),
                  (String) input.get("bodyEn")));
        });
  }

  private Map<String, Object> deleteSection(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    UUID id = CompensationIds.decode(SECTION, r.tenantId(), input(env).get("id"));
    return CompensationSchema.payload(
        "section", () -> sectionView(r, r.regulations.deleteSection(id)));
  }

  private Map<String, Object> acknowledge(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = request(env);
    UUID id = documentId(r, input(env));
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      AcknowledgementRow ack =
          r.regulations.acknowledge(
              id, r.base.caller.employeeId(), r.base.caller.tenant().userId());
      payload.put(
          "document",
          new DocView(r, r.regulations.store().document(ack.documentId()).orElseThrow()));
      payload.put("acknowledgedAt", ack.acknowledgedAt());
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put("document", null);
      payload.put("acknowledgedAt", null);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  private Map<String, Object> remind(DataFetchingEnvironment env) throws SQLException {
    RegulationsRequest r = manages(env);
    UUID id = documentId(r, input(env));
    Map<String, Object> payload = new LinkedHashMap<>();
    Optional<DocumentRow> doc = id == null ? Optional.empty() : r.regulations.store().document(id);
    if (doc.isEmpty() || !doc.get().published()) {
      payload.put("pending", 0);
      payload.put("notified", 0);
      payload.put(
          "errors",
          List.of(
              UserError.of(UserError.Code.NOT_FOUND, CompensationSchema.NOT_FOUND, "input", "id")));
      return payload;
    }
    Map<Long, String> messages = r.regulations.reminders(doc.get());
    int notified =
        messages.isEmpty()
            ? 0
            : notifier.notifyUsers(r.tenantId(), r.base.caller.tenant().consultancyId(), messages);
    app.premia.compensation.application.Audit.jdbc(
            r.base.connection, null, r.base.caller.tenant().userId(), clock)
        .record(
            "regulations.reminded",
            doc.get().id().toString(),
            null,
            "{\"pending\": " + messages.size() + ", \"notified\": " + notified + "}");
    payload.put("pending", messages.size());
    payload.put("notified", notified);
    payload.put("errors", List.of());
    return payload;
  }

  // ---- views ------------------------------------------------------------------------------------

  private static Map<String, Object> detailsView(CompanyDetails d) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("companyName", d.name());
    v.put("inn", d.inn());
    v.put("orderNumber", d.orderNumber());
    v.put("orderDate", d.orderDate());
    v.put("city", d.city());
    v.put("approverTitle", d.approverTitle());
    v.put("approverName", d.approverName());
    return v;
  }

  private static Map<String, Object> sectionView(RegulationsRequest r, SectionRow row) {
    var s = row.section();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", CompensationIds.encode(SECTION, r.tenantId(), s.id()));
    v.put("position", s.position());
    v.put("titleRu", s.titleRu());
    v.put("titleEn", s.titleEn());
    v.put("bodyRu", s.bodyRu());
    v.put("bodyEn", s.bodyEn());
    v.put("updatedAt", row.updatedAt());
    return v;
  }
}
