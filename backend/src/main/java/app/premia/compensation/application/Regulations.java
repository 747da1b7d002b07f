package app.premia.compensation.application;

import app.premia.compensation.application.RegulationsStore.AcknowledgementRow;
import app.premia.compensation.application.RegulationsStore.DocumentRow;
import app.premia.compensation.application.RegulationsStore.SchemePublication;
import app.premia.compensation.application.RegulationsStore.SectionRow;
import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeCatalog.SchemeView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore.PayEmployee;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.RegulationsCodec;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import app.premia.compensation.domain.regulations.RegulationsInput;
import app.premia.compensation.domain.regulations.RegulationsWriter;
import app.premia.compensation.domain.regulations.SchemeInForce;
import app.premia.compensation.domain.regulations.TenantSection;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The regulations' use cases for one tenant (issue #8, docs/domain/regulations.md): the company
 * details and own sections, the draft (generated from the schemes in force on its effective date
 * whenever it is read), publishing (the text frozen with the date; the database refuses any later
 * change), the scope of a version and its acknowledgements, reminders, and whether the newest
 * version is outdated by a scheme version published after it.
 *
 * <p>Every command validates before it writes and refuses with {@link BusinessRuleException} (the
 * request's transaction is then rolled back).
 */
public final class Regulations {

  /** The scheme versions a document was generated from. */
  public record BasisEntry(
      UUID schemeId,
      String schemeName,
      SalesRole salesRole,
      UUID versionId,
      int versionNumber,
      LocalDate effectiveFrom) {}

  /** An employee in a version's scope and his acknowledgement (null while pending). */
  public record ScopeEntry(PayEmployee employee, AcknowledgementRow acknowledgement) {}

  /** Whether the newest published version is outdated, and by which scheme publications. */
  public record Outdated(boolean outdated, List<SchemePublication> by) {}

  static final int MAX_BODY = 50_000;
  private static final LocalDate FAR = LocalDate.of(9999, 12, 31);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final RegulationsStore store;
  private final SchemeStore schemes;
  private final List<KpiDescriptor> catalogue;
  private final Audit audit;
  private final Clock clock;
  private final UUID actor;
  private final String language;
  private List<PayEmployee> employeesMemo;
  private List<AssignmentView> assignmentsMemo;

  public Regulations(
      RegulationsStore store,
      SchemeStore schemes,
      List<KpiDescriptor> catalogue,
      Audit audit,
      Clock clock,
      UUID actor,
      String language) {
    this.store = Objects.requireNonNull(store, "store");
    this.schemes = Objects.requireNonNull(schemes, "schemes");
    this.catalogue = List.copyOf(catalogue);
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.actor = actor;
    this.language = "en".equals(language) ? "en" : "ru";
  }

  public RegulationsStore store() {
    return store;
  }

  public LocalDate today() throws SQLException {
    return LocalDate.now(clock.withZone(schemes.zone()));
  }

  // ---- the document -----------------------------------------------------------------------------

  /** The saved company details, or the tenant's name alone before they are saved. */
  public CompanyDetails details() throws SQLException {
    Optional<CompanyDetails> saved = store.details();
    return saved.isPresent()
        ? saved.get()
        : new CompanyDetails(store.tenantName(), null, null, null, null, null, null);
  }

  /** The published scheme versions in force on the day, by scheme name. */
  public List<SchemeInForce> schemesInForce(LocalDate day) {
    List<SchemeInForce> out = new ArrayList<>();
    for (SchemeView s : schemes.schemes()) {
      Optional<VersionView> v = schemes.inForce(s.id(), day);
      v.ifPresent(
          version ->
              out.add(
                  new SchemeInForce(
                      s.id(),
                      s.name(),
                      s.salesRole(),
                      version.id(),
                      version.number(),
                      version.effectiveFrom(),
                      version.definition())));
    }
    out.sort(
        Comparator.comparing(SchemeInForce::schemeName).thenComparing(SchemeInForce::schemeId));
    return out;
  }

  /** What the version with this number, effective on the day, is generated from now. */
  public RegulationsInput input(int number, LocalDate effectiveFrom) throws SQLException {
    List<TenantSection> own = store.sections().stream().map(SectionRow::section).toList();
    return new RegulationsInput(
        details(), number, effectiveFrom, schemesInForce(effectiveFrom), catalogue, own, "₽");
  }

  /** A version's document: a draft generated now, a published one as it was published. */
  public RegulationsDocument document(DocumentRow row) throws SQLException {
    if (row.published()) {
      return RegulationsCodec.fromJson(row.contentJson());
    }
    return RegulationsWriter.write(input(row.number(), row.effectiveFrom()));
  }

  /** The scheme versions a version was generated from (for a draft: would be now). */
  public List<BasisEntry> basis(DocumentRow row) {
    if (row.published()) {
      return decodeBasis(row.basisJson());
    }
    return schemesInForce(row.effectiveFrom()).stream().map(Regulations::entry).toList();
  }

  private static BasisEntry entry(SchemeInForce s) {
    return new BasisEntry(
        s.schemeId(),
        s.schemeName(),
        s.salesRole(),
        s.versionId(),
        s.versionNumber(),
        s.versionEffectiveFrom());
  }

  /**
   * The newest published version is outdated when it does not describe the newest published version
   * of every scheme: a scheme has a version effective later than the one in its basis (a rate
   * changed from next month), or a scheme it does not cover at all has a published version now.
   */
  public Outdated outdated() throws SQLException {
    Optional<DocumentRow> current = store.latestPublished();
    if (current.isEmpty()) {
      return new Outdated(false, List.of());
    }
    Map<UUID, BasisEntry> basis = new LinkedHashMap<>();
    decodeBasis(current.get().basisJson()).forEach(b -> basis.put(b.schemeId(), b));
    List<SchemePublication> newer = new ArrayList<>();
    for (SchemeView s : schemes.schemes()) {
      Optional<VersionView> latest = schemes.latestPublished(s.id());
      if (latest.isEmpty()) {
        continue;
      }
      BasisEntry described = basis.get(s.id());
      VersionView v = latest.get();
      if (described == null || v.effectiveFrom().isAfter(described.effectiveFrom())) {
        newer.add(new SchemePublication(s.name(), v.number(), v.effectiveFrom(), v.publishedAt()));
      }
    }
    return new Outdated(!newer.isEmpty(), newer);
  }

  // ---- versions ---------------------------------------------------------------------------------

  /**
   * Creates the draft of the next version; by default effective from the next month's first day.
   */
  public DocumentRow createDraft(LocalDate effectiveFrom) throws SQLException {
    LocalDate today = today();
    LocalDate day = effectiveFrom == null ? today.withDayOfMonth(1).plusMonths(1) : effectiveFrom;
    List<UserError> errors = new ArrayList<>();
    if (store.draft().isPresent()) {
      errors.add(
          error(
              UserError.Code.CONFLICT,
              "Черновик новой редакции уже есть: измените или опубликуйте его.",
              "There already is a draft of the next version: edit or publish it."));
    }
    validateDate(day, today, errors, "effectiveFrom");
    refuse(errors);
    UUID id = UUID.randomUUID();
    store.insertDraft(id, store.nextNumber(), day, clock.instant(), actor);
    audit.record("regulations.draft_created", id.toString(), null, null);
    return store.document(id).orElseThrow();
  }

  /**
   * Offers the next version after a scheme version was published: when the tenant has published
   * regulations and no draft, a draft effective from the scheme version's day (today at the
   * earliest) is created. Returns it, or empty when nothing was offered.
   */
  public Optional<DocumentRow> offerDraft(LocalDate schemeEffectiveFrom) throws SQLException {
    if (store.latestPublished().isEmpty() || store.draft().isPresent()) {
      return Optional.empty();
    }
    LocalDate today = today();
    LocalDate day = schemeEffectiveFrom.isBefore(today) ? today : schemeEffectiveFrom;
    LocalDate previous = store.latestPublished().get().effectiveFrom();
    if (day.isBefore(previous)) {
      day = previous;
    }
    UUID id = UUID.randomUUID();
    store.insertDraft(id, store.nextNumber(), day, clock.instant(), actor);
    audit.record("regulations.draft_offered", id.toString(), null, null);
    return store.document(id);
  }

  public DocumentRow updateDraft(UUID id, LocalDate effectiveFrom) throws SQLException {
    DocumentRow draft = draft(id);
    List<UserError> errors = new ArrayList<>();
    if (effectiveFrom == null) {
      errors.add(required("effectiveFrom"));
    } else {
      validateDate(effectiveFrom, today(), errors, "effectiveFrom");
    }
    refuse(errors);
    store.setDraftDate(draft.id(), effectiveFrom);
    audit.record("regulations.draft_dated", id.toString(), null, effectiveFrom.toString());
    return store.document(id).orElseThrow();
  }

  public DocumentRow deleteDraft(UUID id) throws SQLException {
    DocumentRow draft = draft(id);
    store.deleteDraft(draft.id());
    audit.record("regulations.draft_deleted", id.toString(), null, null);
    return draft;
  }

  /**
   * Publishes the draft: generated one last time on its (possibly new) effective date and frozen,
   * with the scheme versions it came from. The conditional update lets exactly one publication win.
   */
  public DocumentRow publish(UUID id, LocalDate effectiveFrom) throws SQLException {
    DocumentRow draft = draft(id);
    LocalDate day = effectiveFrom == null ? draft.effectiveFrom() : effectiveFrom;
    List<UserError> errors = new ArrayList<>();
    validateDate(day, today(), errors, "effectiveFrom");
    List<SchemeInForce> inForce = schemesInForce(day);
    if (errors.isEmpty() && inForce.isEmpty()) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "На "
                  + DAY.format(day)
                  + " не действует ни одна опубликованная схема премирования: публиковать нечего.",
              "No published bonus scheme is in force on "
                  + DAY.format(day)
                  + ": there is nothing to publish.",
              "effectiveFrom"));
    }
    refuse(errors);
    RegulationsDocument document = RegulationsWriter.write(input(draft.number(), day)).stored();
    String basis = encodeBasis(inForce.stream().map(Regulations::entry).toList());
    if (!store.publish(
        draft.id(), day, RegulationsCodec.toJson(document), basis, clock.instant(), actor)) {
      throw new BusinessRuleException(
          error(
              UserError.Code.CONFLICT,
              "Эта редакция уже опубликована или удалена.",
              "This version has already been published or discarded."));
    }
    audit.record("regulations.published", id.toString(), null, basis);
    return store.document(id).orElseThrow();
  }

  private DocumentRow draft(UUID id) throws SQLException {
    DocumentRow row = id == null ? null : store.document(id).orElse(null);
    if (row == null) {
      throw new BusinessRuleException(
          error(UserError.Code.NOT_FOUND, notFoundRu(), notFoundEn(), "id"));
    }
    if (row.published()) {
      throw new BusinessRuleException(
          error(
              UserError.Code.CONFLICT,
              "Опубликованная редакция не изменяется: подготовьте новую.",
              "A published version never changes: prepare a new one.",
              "id"));
    }
    return row;
  }

  private void validateDate(LocalDate day, LocalDate today, List<UserError> errors, String field)
      throws SQLException {
    if (day.isBefore(today)) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "Дата вступления в силу не может быть раньше сегодняшней ("
                  + DAY.format(today)
                  + ").",
              "The effective date cannot be before today (" + DAY.format(today) + ").",
              field));
      return;
    }
    Optional<DocumentRow> previous = store.latestPublished();
    if (previous.isPresent() && day.isBefore(previous.get().effectiveFrom())) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "Новая редакция не может вступить в силу раньше действующей (с "
                  + DAY.format(previous.get().effectiveFrom())
                  + ").",
              "A new version cannot come into force before the current one (from "
                  + DAY.format(previous.get().effectiveFrom())
                  + ").",
              field));
    }
  }

  // ---- details and own sections -----------------------------------------------------------------

  public CompanyDetails saveDetails(CompanyDetails input) throws SQLException {
    List<UserError> errors = new ArrayList<>();
    String name = trim(input.name());
    if (name == null) {
      errors.add(required("companyName"));
    } else {
      length(name, 300, "companyName", errors);
    }
    String inn = trim(input.inn());
    if (inn != null && !validInn(inn)) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "ИНН — 10 цифр (организация) или 12 (индивидуальный предприниматель) с верной"
                  + " контрольной цифрой.",
              "The INN is 10 digits (an organisation) or 12 (an entrepreneur) with a valid check"
                  + " digit.",
              "inn"));
    }
    String order = trim(input.orderNumber());
    length(order, 50, "orderNumber", errors);
    String city = trim(input.city());
    length(city, 100, "city", errors);
    String title = trim(input.approverTitle());
    length(title, 200, "approverTitle", errors);
    String approver = trim(input.approverName());
    length(approver, 200, "approverName", errors);
    if (input.orderDate() != null && input.orderDate().isAfter(today().plusYears(1))) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "Дата приказа слишком далеко в будущем.",
              "The order date is too far in the future.",
              "orderDate"));
    }
    refuse(errors);
    CompanyDetails saved =
        new CompanyDetails(name, inn, order, input.orderDate(), city, title, approver);
    store.saveDetails(saved, clock.instant(), actor);
    audit.record("regulations.details_saved", store.tenantId().toString(), null, null);
    return saved;
  }

  /**
   * Creates ({@code id} null) or edits a section; {@code position} (1-based) moves it among the
   * tenant's sections (null keeps it, or puts a new one last).
   */
  public SectionRow saveSection(
      UUID id, Integer position, String titleRu, String titleEn, String bodyRu, String bodyEn)
      throws SQLException {
    List<SectionRow> all = store.sections();
    SectionRow existing = null;
    if (id != null) {
      existing = all.stream().filter(s -> s.section().id().equals(id)).findFirst().orElse(null);
      if (existing == null) {
        throw new BusinessRuleException(
            error(UserError.Code.NOT_FOUND, notFoundRu(), notFoundEn(), "id"));
      }
    }
    List<UserError> errors = new ArrayList<>();
    String tRu = trim(titleRu);
    String tEn = trim(titleEn);
    String bRu = trimBody(bodyRu);
    String bEn = trimBody(bodyEn);
    if (tRu == null) {
      errors.add(required("titleRu"));
    }
    length(tRu, 300, "titleRu", errors);
    length(tEn, 300, "titleEn", errors);
    if (bRu == null) {
      errors.add(required("bodyRu"));
    }
    length(bRu, MAX_BODY, "bodyRu", errors);
    length(bEn, MAX_BODY, "bodyEn", errors);
    int count = all.size() + (existing == null ? 1 : 0);
    if (position != null && (position < 1 || position > count)) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "Место раздела — от 1 до " + count + ".",
              "The section's place is 1 to " + count + ".",
              "position"));
    }
    refuse(errors);
    Instant now = clock.instant();
    UUID sectionId = existing == null ? UUID.randomUUID() : id;
    TenantSection section = new TenantSection(sectionId, count, tRu, tEn, bRu, bEn);
    List<UUID> order =
        new ArrayList<>(
            all.stream().map(s -> s.section().id()).filter(s -> !s.equals(id)).toList());
    if (existing == null) {
      store.insertSection(section, now, actor);
    } else {
      store.updateSection(section, now, actor);
    }
    int place =
        position != null ? position - 1 : existing == null ? order.size() : all.indexOf(existing);
    order.add(Math.min(place, order.size()), sectionId);
    store.reorderSections(order);
    audit.record(
        existing == null ? "regulations.section_created" : "regulations.section_saved",
        sectionId.toString(),
        null,
        null);
    return store.sections().stream()
        .filter(s -> s.section().id().equals(sectionId))
        .findFirst()
        .orElseThrow();
  }

  public SectionRow deleteSection(UUID id) throws SQLException {
    List<SectionRow> all = store.sections();
    SectionRow existing =
        all.stream().filter(s -> s.section().id().equals(id)).findFirst().orElse(null);
    if (existing == null) {
      throw new BusinessRuleException(
          error(UserError.Code.NOT_FOUND, notFoundRu(), notFoundEn(), "id"));
    }
    store.deleteSection(id);
    store.reorderSections(
        all.stream().map(s -> s.section().id()).filter(s -> !s.equals(id)).toList());
    audit.record("regulations.section_deleted", id.toString(), null, null);
    return existing;
  }

  // ---- scope and acknowledgements ---------------------------------------------------------------

  /**
   * Who must acknowledge a published version: the active employees on a scheme it covers on some
   * day from its effective date until the next version's, plus everyone who acknowledged it; those
   * pending first, then by name.
   */
  public List<ScopeEntry> scope(DocumentRow doc) throws SQLException {
    Map<Long, AcknowledgementRow> acks = store.acknowledgements(doc.id());
    Set<Long> ids = new LinkedHashSet<>(scopeIds(doc));
    ids.addAll(acks.keySet());
    Map<Long, PayEmployee> people = schemes.employees(ids);
    List<ScopeEntry> out = new ArrayList<>();
    for (Long id : ids) {
      PayEmployee e = people.getOrDefault(id, new PayEmployee(id, "#" + id, null, false));
      out.add(new ScopeEntry(e, acks.get(id)));
    }
    out.sort(
        Comparator.comparing((ScopeEntry s) -> s.acknowledgement() != null)
            .thenComparing(s -> s.employee().name())
            .thenComparing(s -> s.employee().id()));
    return out;
  }

  /** The employees who must acknowledge the version (active, on a covered scheme in its time). */
  Set<Long> scopeIds(DocumentRow doc) throws SQLException {
    return scopeIds(doc, store.documents());
  }

  private Set<Long> scopeIds(DocumentRow doc, List<DocumentRow> all) throws SQLException {
    if (!doc.published()) {
      return Set.of();
    }
    Set<UUID> covered = new LinkedHashSet<>();
    decodeBasis(doc.basisJson()).forEach(b -> covered.add(b.schemeId()));
    LocalDate until = FAR;
    for (DocumentRow other : all) {
      if (other.published()
          && other.number() > doc.number()
          && other.effectiveFrom().minusDays(1).isBefore(until)) {
        until = other.effectiveFrom().minusDays(1);
      }
    }
    Set<Long> out = new LinkedHashSet<>();
    if (until.isBefore(doc.effectiveFrom())) {
      return out;
    }
    Map<Long, Boolean> active = new LinkedHashMap<>();
    for (PayEmployee e : employees()) {
      active.put(e.id(), e.active());
    }
    for (AssignmentView a : assignments()) {
      boolean overlaps =
          !a.validFrom().isAfter(until)
              && (a.validTo() == null || !a.validTo().isBefore(doc.effectiveFrom()));
      if (overlaps
          && covered.contains(a.schemeId())
          && active.getOrDefault(a.employeeId(), false)) {
        out.add(a.employeeId());
      }
    }
    return out;
  }

  private List<PayEmployee> employees() throws SQLException {
    if (employeesMemo == null) {
      employeesMemo = List.copyOf(schemes.allEmployees().values());
    }
    return employeesMemo;
  }

  private List<AssignmentView> assignments() {
    if (assignmentsMemo == null) {
      assignmentsMemo = schemes.assignments(LocalDate.of(1900, 1, 1), FAR);
    }
    return assignmentsMemo;
  }

  /** The newest published version whose scope includes the employee. */
  public Optional<DocumentRow> newestFor(long employeeId) throws SQLException {
    List<DocumentRow> all = store.documents();
    for (DocumentRow d : all) {
      if (d.published() && scopeIds(d, all).contains(employeeId)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * The signed-in employee acknowledges a published version in his scope; acknowledging twice keeps
   * the first moment.
   */
  public AcknowledgementRow acknowledge(UUID documentId, Long employeeId, UUID userId)
      throws SQLException {
    DocumentRow doc = documentId == null ? null : store.document(documentId).orElse(null);
    if (doc == null || !doc.published()) {
      throw new BusinessRuleException(
          error(UserError.Code.NOT_FOUND, notFoundRu(), notFoundEn(), "id"));
    }
    if (employeeId == null || !scopeIds(doc).contains(employeeId)) {
      throw new BusinessRuleException(
          error(
              UserError.Code.FORBIDDEN,
              "Эта редакция Положения вас не касается: ознакамливаются сотрудники, работающие по"
                  + " её схемам.",
              "This version does not concern you: the employees on its schemes acknowledge it.",
              "id"));
    }
    if (store.acknowledge(doc.id(), employeeId, userId, clock.instant())) {
      audit.record("regulations.acknowledged", doc.id().toString(), null, employeeId.toString());
    }
    return store.acknowledgements(doc.id()).get(employeeId);
  }

  /** The reminder of each employee who has not acknowledged the version yet. */
  public Map<Long, String> reminders(DocumentRow doc) throws SQLException {
    return toPending(
        doc,
        "Пожалуйста, ознакомьтесь с Положением о премировании (редакция № "
            + doc.number()
            + ", вводится в действие с "
            + DAY.format(doc.effectiveFrom())
            + "): Premia → «Положение о премировании» → «Ознакомлен».");
  }

  /** The news of a version just published, for each employee in its scope. */
  public Map<Long, String> publicationMessages(DocumentRow doc) throws SQLException {
    return toPending(
        doc,
        "Опубликована редакция № "
            + doc.number()
            + " Положения о премировании (вводится в действие с "
            + DAY.format(doc.effectiveFrom())
            + "). Ознакомьтесь с ней: Premia → «Положение о премировании» → «Ознакомлен».");
  }

  private Map<Long, String> toPending(DocumentRow doc, String text) throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    for (ScopeEntry s : scope(doc)) {
      if (s.acknowledgement() == null) {
        out.put(s.employee().id(), text);
      }
    }
    return out;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The INN's check digits (Federal Tax Service algorithm). */
  static boolean validInn(String inn) {
    if (!inn.matches("[0-9]{10}|[0-9]{12}")) {
      return false;
    }
    int[] d = inn.chars().map(c -> c - '0').toArray();
    if (d.length == 10) {
      return check(d, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[9];
    }
    return check(d, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[10]
        && check(d, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[11];
  }

  private static int check(int[] digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += digits[i] * weights[i];
    }
    return sum % 11 % 10;
  }

  static String encodeBasis(List<BasisEntry> entries) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (BasisEntry b : entries) {
      a.add(
          Json.createObjectBuilder()
              .add("schemeId", b.schemeId().toString())
              .add("scheme", b.schemeName())
              .add("salesRole", b.salesRole().name())
              .add("versionId", b.versionId().toString())
              .add("version", b.versionNumber())
              .add("effectiveFrom", b.effectiveFrom().toString()));
    }
    return a.build().toString();
  }

  static List<BasisEntry> decodeBasis(String json) {
    if (json == null) {
      return List.of();
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonArray a = reader.readArray();
      List<BasisEntry> out = new ArrayList<>();
      for (JsonObject o : a.getValuesAs(JsonObject.class)) {
        out.add(
            new BasisEntry(
                UUID.fromString(o.getString("schemeId")),
                o.getString("scheme"),
                SalesRole.valueOf(o.getString("salesRole")),
                UUID.fromString(o.getString("versionId")),
                o.getInt("version"),
                LocalDate.parse(o.getString("effectiveFrom"))));
      }
      return out;
    }
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String trimBody(String s) {
    return s == null || s.isBlank() ? null : s.stripTrailing();
  }

  private void length(String value, int max, String field, List<UserError> errors) {
    if (value != null && value.length() > max) {
      errors.add(
          error(
              UserError.Code.INVALID,
              "Не длиннее " + max + " символов.",
              "At most " + max + " characters.",
              field));
    }
  }

  private UserError required(String field) {
    return error(UserError.Code.REQUIRED, "Заполните поле.", "This field is required.", field);
  }

  private String notFoundRu() {
    return "Не найдено.";
  }

  private String notFoundEn() {
    return "Not found.";
  }

  private UserError error(UserError.Code code, String ru, String en, String... field) {
    String[] path = new String[field.length + 1];
    path[0] = "input";
    System.arraycopy(field, 0, path, 1, field.length);
    return UserError.of(
        code, "en".equals(language) ? en : ru, field.length == 0 ? new String[0] : path);
  }

  private static void refuse(List<UserError> errors) {
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
  }

  /** The day as the documents print it (01.12.2026). */
  public static String day(LocalDate day) {
    return DAY.format(day);
  }
}
