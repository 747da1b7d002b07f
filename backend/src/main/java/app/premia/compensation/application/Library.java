package app.premia.compensation.application;

import app.premia.compensation.application.LibraryStore.Adoption;
import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.LibraryStore.TemplateVersionRow;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The consultancy's template library use cases: seed it, edit a template's draft, publish the draft
 * as the next library version (append-only), offer the latest version to client companies as
 * proposals. Authorization (the consultancy's owner and consultants) is the interface's.
 */
public final class Library {

  private final LibraryStore store;
  private final SchemeValidator validator;
  private final Audit audit;
  private final Clock clock;
  private final UUID actor;
  private final String language;

  public Library(
      LibraryStore store,
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

  public LibraryStore store() {
    return store;
  }

  /**
   * Adds the default templates the library lacks, as version 1 each. Runs on every read of the
   * library: cheap when seeded (one conflicting insert per default), safe when two run at once.
   */
  public int ensureSeeded() throws SQLException {
    return store.seed(TemplateLibraryDefaults.templates(), clock.instant(), actor);
  }

  /** Saves the template's draft (the next library version, not yet published). */
  public TemplateRow saveDraft(UUID templateId, SchemeDefinition definition) throws SQLException {
    TemplateRow template = requireTemplate(templateId);
    Schemes.refuseIfAny(
        Definitions.problems(definition, validator, language, "input", "definition"));
    store.saveDraft(template.id(), definition);
    audit.record("library_template.draft_saved", template.id().toString(), null, null);
    return store.template(template.id()).orElseThrow();
  }

  /** Publishes the draft as version latest + 1 and clears the draft. */
  public TemplateVersionRow publish(UUID templateId, String note) throws SQLException {
    TemplateRow template = requireTemplate(templateId);
    if (template.draft() == null) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.CONFLICT,
              "У шаблона нет черновика: сначала сохраните изменения.",
              "input",
              "templateId"));
    }
    Schemes.refuseIfAny(
        Definitions.problems(template.draft(), validator, language, "input", "templateId"));
    int number = store.latest(template.id()).map(TemplateVersionRow::number).orElse(0) + 1;
    Instant now = clock.instant();
    TemplateVersionRow version =
        store.insertVersion(template.id(), number, template.draft(), blankToNull(note), now, actor);
    store.saveDraft(template.id(), null);
    audit.record(
        "library_template.published",
        template.id().toString(),
        null,
        "{\"code\": \"" + template.code() + "\", \"number\": " + number + "}");
    return version;
  }

  /**
   * Offers the template's latest version to client companies whose scheme came from this template
   * on an older library version and has no open proposal of it: one proposal per such scheme,
   * carrying a copy of the definition.
   *
   * @param tenantIds the companies to offer to; null = every eligible one
   * @return how many proposals were made
   */
  public int offer(UUID templateId, Collection<UUID> tenantIds, String note) throws SQLException {
    TemplateRow template = requireTemplate(templateId);
    TemplateVersionRow latest = store.latest(template.id()).orElseThrow();
    Set<UUID> wanted = tenantIds == null ? null : Set.copyOf(tenantIds);
    List<Adoption> adoptions =
        store.adoptions(List.of(template.id())).getOrDefault(template.id(), List.of());
    int offered = 0;
    Instant now = clock.instant();
    for (Adoption adoption : adoptions) {
      if ((wanted != null && !wanted.contains(adoption.tenantId()))
          || adoption.libraryVersion() >= latest.number()
          || store.openProposal(adoption.tenantId(), adoption.schemeId(), latest.id())) {
        continue;
      }
      store.insertProposal(
          adoption.tenantId(),
          adoption.schemeId(),
          latest,
          template.name(language),
          blankToNull(note),
          now,
          actor);
      offered++;
    }
    if (offered > 0) {
      audit.record(
          "library_template.offered",
          template.id().toString(),
          null,
          "{\"number\": " + latest.number() + ", \"proposals\": " + offered + "}");
    }
    return offered;
  }

  private TemplateRow requireTemplate(UUID id) throws SQLException {
    return (id == null ? java.util.Optional.<TemplateRow>empty() : store.template(id))
        .orElseThrow(
            () -> Schemes.notFound("Такого шаблона нет в библиотеке.", "input", "templateId"));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
