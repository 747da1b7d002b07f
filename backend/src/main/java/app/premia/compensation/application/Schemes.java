package app.premia.compensation.application;

import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.LibraryStore.TemplateVersionRow;
import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore.ProposalRow;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.application.SchemeStore.Source;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's scheme use cases: create, edit the draft, publish, assign, apply library templates,
 * decide proposals. Each checks everything before its first write and refuses with {@link
 * BusinessRuleException} (fields as GraphQL input paths); the caller's authorization is checked by
 * the interface before it gets here.
 *
 * <p>The rules that make history trustworthy: a published version never changes (there is no method
 * that would change one — {@link SchemeStore} refuses, the database refuses); a scheme has at most
 * one draft; a version takes effect on the first of a month that is not closed yet (not before the
 * current month in the tenant's zone), and only one version per month.
 */
public final class Schemes {

  static final int MAX_NAME = 200;

  private final SchemeStore store;
  private final SchemeValidator validator;
  private final Audit audit;
  private final Clock clock;
  private final UUID actor;
  private final String language;

  public Schemes(
      SchemeStore store,
      SchemeValidator validator,
      Audit audit,
      Clock clock,
      UUID actor,
      String language) {
    this.store = Objects.requireNonNull(store, "store");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.actor = actor;
    this.language = language == null ? "ru" : language;
  }

  public SchemeStore store() {
    return store;
  }

  // ---- schemes and drafts -----------------------------------------------------------------------

  /** A new scheme with the definition as its draft version 1. */
  public SchemeRow create(String name, SalesRole role, SchemeDefinition definition)
      throws SQLException {
    List<UserError> errors = new ArrayList<>();
    String clean = checkName(name, null, errors, "input", "name");
    if (role == null) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите роль.", "input", "salesRole"));
    }
    errors.addAll(Definitions.problems(definition, validator, language, "input", "definition"));
    refuseIfAny(errors);
    Instant now = clock.instant();
    SchemeRow scheme = new SchemeRow(UUID.randomUUID(), clean, role, null, now);
    store.insertScheme(scheme, actor);
    store.insertDraft(
        new VersionView(UUID.randomUUID(), scheme.id(), 1, "DRAFT", null, definition, now, null),
        actor);
    audit.record("scheme.created", scheme.id().toString(), null, json("name", clean));
    return scheme;
  }

  /**
   * Saves the scheme's draft: replaces its definition, or creates the draft (the next number) when
   * there is none. A published version is never touched.
   */
  public VersionView saveDraft(UUID schemeId, SchemeDefinition definition, String newName)
      throws SQLException {
    SchemeRow scheme = requireScheme(schemeId, "input", "schemeId");
    List<UserError> errors = new ArrayList<>();
    String clean = newName == null ? null : checkName(newName, schemeId, errors, "input", "name");
    errors.addAll(Definitions.problems(definition, validator, language, "input", "definition"));
    refuseIfAny(errors);
    if (clean != null && !clean.equals(scheme.name())) {
      store.renameScheme(schemeId, clean);
    }
    VersionView existing = store.draft(schemeId).orElse(null);
    VersionView draft;
    if (existing == null) {
      draft =
          new VersionView(
              UUID.randomUUID(),
              schemeId,
              store.nextNumber(schemeId),
              "DRAFT",
              null,
              definition,
              clock.instant(),
              null);
      store.insertDraft(draft, actor);
    } else {
      store.updateDraft(existing, definition);
      draft =
          new VersionView(
              existing.id(),
              schemeId,
              existing.number(),
              "DRAFT",
              null,
              definition,
              existing.createdAt(),
              null);
    }
    audit.record("scheme_version.saved", draft.id().toString(), null, null);
    return draft;
  }

  /** Deletes the scheme's draft. */
  public SchemeRow discardDraft(UUID schemeId) throws SQLException {
    SchemeRow scheme = requireScheme(schemeId, "input", "schemeId");
    VersionView draft =
        store
            .draft(schemeId)
            .orElseThrow(
                () ->
                    new BusinessRuleException(
                        UserError.of(
                            UserError.Code.NOT_FOUND,
                            "У схемы нет черновика.",
                            "input",
                            "schemeId")));
    store.deleteDraft(draft);
    audit.record("scheme_version.discarded", draft.id().toString(), null, null);
    return scheme;
  }

  /**
   * Publishes the draft from {@code effectiveFrom}: the first day of a month, not before the
   * current month in the tenant's zone (a closed month keeps the version it was paid by), and not a
   * month that already has a published version of this scheme.
   */
  public VersionView publish(UUID versionId, LocalDate effectiveFrom) throws SQLException {
    VersionView version =
        store
            .versionRow(versionId)
            .orElseThrow(() -> notFound("Такой версии схемы нет.", "input", "versionId"));
    if (version.published()) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "Версия уже опубликована: опубликованные версии не меняются.",
              "input",
              "versionId"));
    }
    List<UserError> errors = new ArrayList<>();
    LocalDate currentMonth = LocalDate.now(clock.withZone(store.zone())).withDayOfMonth(1);
    if (effectiveFrom == null) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED, "Укажите месяц начала действия.", "input", "effectiveFrom"));
    } else if (effectiveFrom.getDayOfMonth() != 1) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Версия действует с первого числа месяца.",
              "input",
              "effectiveFrom"));
    } else if (effectiveFrom.isBefore(currentMonth)) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Прошедшие месяцы закрыты: выберите текущий месяц или позже.",
              "input",
              "effectiveFrom"));
    } else if (store.publishedOn(version.schemeId(), effectiveFrom)) {
      errors.add(
          UserError.of(
              UserError.Code.DUPLICATE,
              "С этого месяца уже действует другая опубликованная версия.",
              "input",
              "effectiveFrom"));
    }
    // the catalogue may have changed since the draft was saved
    errors.addAll(
        Definitions.problems(version.definition(), validator, language, "input", "definition"));
    refuseIfAny(errors);
    Integer libraryVersion = store.draftSource(versionId);
    Instant now = clock.instant();
    store.publish(version, effectiveFrom, now, actor);
    if (libraryVersion != null) {
      store.setSourceVersion(version.schemeId(), libraryVersion);
    }
    audit.record(
        "scheme_version.published",
        versionId.toString(),
        json("status", "DRAFT"),
        "{\"status\": \"PUBLISHED\", \"schemeId\": \""
            + version.schemeId()
            + "\", \"number\": "
            + version.number()
            + ", \"effectiveFrom\": \""
            + effectiveFrom
            + "\"}");
    return new VersionView(
        version.id(),
        version.schemeId(),
        version.number(),
        "PUBLISHED",
        effectiveFrom,
        version.definition(),
        version.createdAt(),
        now);
  }

  // ---- assignments ------------------------------------------------------------------------------

  /**
   * Puts the employee on the scheme from the day. His open assignment that started earlier ends the
   * day before; any other assignment overlapping the new one is refused (one scheme at a time).
   */
  public AssignmentView assign(long employeeId, UUID schemeId, LocalDate validFrom)
      throws SQLException {
    requireScheme(schemeId, "input", "schemeId");
    if (store.employees(List.of(employeeId)).isEmpty()) {
      throw notFound(
          "Такого сотрудника нет в портале компании или он вам недоступен.", "input", "employeeId");
    }
    if (validFrom == null) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.REQUIRED, "Укажите дату начала.", "input", "validFrom"));
    }
    AssignmentView toEnd = null;
    for (AssignmentView a : store.assignmentsOf(employeeId)) {
      boolean overlaps = a.validTo() == null || !a.validTo().isBefore(validFrom);
      if (!overlaps) {
        continue;
      }
      if (a.validTo() == null && a.validFrom().isBefore(validFrom)) {
        toEnd = a;
      } else {
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.CONFLICT,
                "Пересекается с назначением с "
                    + a.validFrom()
                    + (a.validTo() == null ? "" : " по " + a.validTo())
                    + ": выберите дату после него.",
                "input",
                "validFrom"));
      }
    }
    Instant now = clock.instant();
    if (toEnd != null) {
      store.endAssignment(toEnd.id(), validFrom.minusDays(1));
      audit.record(
          "scheme_assignment.ended",
          toEnd.id().toString(),
          null,
          json("validTo", validFrom.minusDays(1).toString()));
    }
    AssignmentView created =
        new AssignmentView(UUID.randomUUID(), employeeId, schemeId, validFrom, null);
    store.insertAssignment(created, now, actor);
    audit.record(
        "scheme_assignment.created",
        created.id().toString(),
        null,
        "{\"employeeId\": "
            + employeeId
            + ", \"schemeId\": \""
            + schemeId
            + "\", \"validFrom\": \""
            + validFrom
            + "\"}");
    return created;
  }

  /** Ends the assignment on the day (inclusive); it may not end before it starts. */
  public AssignmentView endAssignment(UUID assignmentId, LocalDate validTo) throws SQLException {
    AssignmentView a =
        store
            .assignment(assignmentId)
            .orElseThrow(() -> notFound("Такого назначения нет.", "input", "assignmentId"));
    if (validTo == null || validTo.isBefore(a.validFrom())) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "Назначение не может закончиться раньше, чем началось (" + a.validFrom() + ").",
              "input",
              "validTo"));
    }
    for (AssignmentView other : store.assignmentsOf(a.employeeId())) {
      if (!other.id().equals(a.id())
          && !other.validFrom().isBefore(a.validFrom())
          && !other.validFrom().isAfter(validTo)) {
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.CONFLICT,
                "С " + other.validFrom() + " у сотрудника другое назначение.",
                "input",
                "validTo"));
      }
    }
    store.endAssignment(a.id(), validTo);
    audit.record(
        "scheme_assignment.ended",
        a.id().toString(),
        a.validTo() == null ? null : json("validTo", a.validTo().toString()),
        json("validTo", validTo.toString()));
    return new AssignmentView(a.id(), a.employeeId(), a.schemeId(), a.validFrom(), validTo);
  }

  // ---- the library ------------------------------------------------------------------------------

  /**
   * Copies the latest library version of each template into the tenant as a new scheme with a draft
   * version 1 — a copy, not a reference: later library versions reach the scheme only as proposals.
   * The name is the template's, made unique with « (2)», « (3)», … when taken.
   */
  public List<SchemeRow> applyTemplates(LibraryStore library, List<UUID> templateIds)
      throws SQLException {
    if (templateIds == null || templateIds.isEmpty()) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.REQUIRED, "Выберите шаблоны.", "input", "templateIds"));
    }
    List<TemplateRow> templates = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < templateIds.size(); i++) {
      UUID id = templateIds.get(i);
      TemplateRow template = id == null ? null : library.template(id).orElse(null);
      if (template == null) {
        throw notFound("Такого шаблона нет в библиотеке.", "input", "templateIds", "" + i);
      }
      if (seen.add(id)) {
        templates.add(template);
      }
    }
    Map<UUID, List<TemplateVersionRow>> versions =
        library.versionsOf(templates.stream().map(TemplateRow::id).toList());
    Set<String> taken = new LinkedHashSet<>();
    for (SchemeRow s : store.schemeRows()) {
      taken.add(s.name().strip().toLowerCase(java.util.Locale.ROOT));
    }
    List<SchemeRow> created = new ArrayList<>();
    Instant now = clock.instant();
    for (TemplateRow template : templates) {
      TemplateVersionRow latest = versions.get(template.id()).get(0);
      String name = uniqueName(template.name(language), taken);
      SchemeRow scheme =
          new SchemeRow(
              UUID.randomUUID(),
              name,
              template.salesRole(),
              new Source(template.id(), template.code(), template.name(language), latest.number()),
              now);
      store.insertScheme(scheme, actor);
      VersionView draft =
          new VersionView(
              UUID.randomUUID(), scheme.id(), 1, "DRAFT", null, latest.definition(), now, null);
      store.insertDraft(draft, actor);
      store.setDraftSource(draft, latest.number());
      audit.record(
          "scheme.applied",
          scheme.id().toString(),
          null,
          "{\"template\": \""
              + template.code()
              + "\", \"libraryVersion\": "
              + latest.number()
              + "}");
      created.add(scheme);
    }
    return created;
  }

  private static String uniqueName(String base, Set<String> taken) {
    String stem = base.length() > MAX_NAME - 6 ? base.substring(0, MAX_NAME - 6) : base;
    String name = base;
    for (int n = 2; taken.contains(name.strip().toLowerCase(java.util.Locale.ROOT)); n++) {
      name = stem + " (" + n + ")";
    }
    taken.add(name.strip().toLowerCase(java.util.Locale.ROOT));
    return name;
  }

  /**
   * Accepts an open proposal: its definition becomes the scheme's draft (replacing a draft there
   * is), marked as copied from the proposal's library version; publishing that draft makes the
   * library version the scheme's. Nothing takes effect before the client publishes.
   */
  public VersionView acceptProposal(UUID proposalId, String comment) throws SQLException {
    ProposalRow proposal = requireOpenProposal(proposalId);
    refuseIfAny(
        Definitions.problems(proposal.definition(), validator, language, "input", "proposalId"));
    Instant now = clock.instant();
    VersionView draft = saveDraft(proposal.schemeId(), proposal.definition(), null);
    store.setDraftSource(draft, proposal.libraryVersion());
    if (!store.decide(proposalId, "ACCEPTED", blankToNull(comment), now, actor)) {
      throw conflictDecided();
    }
    audit.record("scheme_proposal.accepted", proposalId.toString(), null, null);
    return draft;
  }

  /** Rejects an open proposal with an optional comment; the scheme stays as it is. */
  public ProposalRow rejectProposal(UUID proposalId, String comment) throws SQLException {
    requireOpenProposal(proposalId);
    if (!store.decide(proposalId, "REJECTED", blankToNull(comment), clock.instant(), actor)) {
      throw conflictDecided();
    }
    audit.record("scheme_proposal.rejected", proposalId.toString(), null, null);
    return store.proposal(proposalId).orElseThrow();
  }

  private ProposalRow requireOpenProposal(UUID proposalId) throws SQLException {
    ProposalRow proposal = (proposalId == null ? null : store.proposal(proposalId).orElse(null));
    if (proposal == null) {
      throw notFound("Такого предложения нет.", "input", "proposalId");
    }
    if (!"OPEN".equals(proposal.status())) {
      throw conflictDecided();
    }
    return proposal;
  }

  private static BusinessRuleException conflictDecided() {
    return new BusinessRuleException(
        UserError.of(
            UserError.Code.CONFLICT, "Предложение уже рассмотрено.", "input", "proposalId"));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private SchemeRow requireScheme(UUID id, String... field) throws SQLException {
    return (id == null ? java.util.Optional.<SchemeRow>empty() : store.schemeRow(id))
        .orElseThrow(() -> notFound("Такой схемы нет.", field));
  }

  private String checkName(String name, UUID except, List<UserError> errors, String... field)
      throws SQLException {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите название схемы.", field));
    } else if (clean.length() > MAX_NAME) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID, "Название длиннее " + MAX_NAME + " символов.", field));
    } else if (store.nameTaken(clean, except)) {
      errors.add(
          UserError.of(UserError.Code.DUPLICATE, "Схема с таким названием уже есть.", field));
    }
    return clean;
  }

  static BusinessRuleException notFound(String message, String... field) {
    return new BusinessRuleException(UserError.of(UserError.Code.NOT_FOUND, message, field));
  }

  static void refuseIfAny(List<UserError> errors) {
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  static String json(String key, String value) {
    return "{\"" + key + "\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
