package app.premia.compensation.application;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.TemplateSeed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A consultancy's template library in PostgreSQL. The library belongs to the consultancy, not to a
 * tenant: row-level security shows a connection only its consultancy's rows ({@code
 * app.consultancy_id}), and every statement here filters by the caller's consultancy id as well —
 * the second layer. Library versions are only ever inserted (the database refuses the rest).
 */
public final class LibraryStore {

  /** A template: its identity, names, and the consultant's unpublished draft (or null). */
  public record TemplateRow(
      UUID id,
      String code,
      String nameRu,
      String nameEn,
      SalesRole salesRole,
      String descriptionRu,
      String descriptionEn,
      SchemeDefinition draft) {

    public String name(String language) {
      return "en".equals(language) ? nameEn : nameRu;
    }

    public String description(String language) {
      return "en".equals(language) ? descriptionEn : descriptionRu;
    }
  }

  /** A published library version of a template. */
  public record TemplateVersionRow(
      UUID id,
      UUID templateId,
      int number,
      SchemeDefinition definition,
      String note,
      Instant publishedAt) {}

  /**
   * A client company's scheme copied from a template.
   *
   * @param proposalStatus the status of the latest proposal to that scheme, or null
   */
  public record Adoption(
      UUID tenantId,
      String tenantName,
      UUID schemeId,
      String schemeName,
      UUID templateId,
      int libraryVersion,
      String proposalStatus) {}

  private static final String TEMPLATE =
      "SELECT id, code, name_ru, name_en, sales_role, description_ru, description_en, draft"
          + " FROM library_template";
  private static final String VERSION =
      "SELECT id, template_id, number, definition, note, published_at"
          + " FROM library_template_version";

  private final SchemeStore sql;
  private final UUID consultancyId;
  private final UUID userId;

  /** The library as the system sees it (seeding): every client company of the consultancy. */
  public LibraryStore(Connection connection, UUID consultancyId) {
    this(connection, consultancyId, null);
  }

  /**
   * The library as one of the consultancy's people sees it: adoptions (and so offers) reach only
   * the client companies he reaches — all for the owner, the assigned ones for a consultant.
   *
   * @param userId the person; null for the system
   */
  public LibraryStore(Connection connection, UUID consultancyId, UUID userId) {
    // the JDBC helpers are shared; the tenant id is not used by anything here
    this.sql = new SchemeStore(connection, new UUID(0, 0));
    this.consultancyId = Objects.requireNonNull(consultancyId, "consultancyId");
    this.userId = userId;
  }

  public UUID consultancyId() {
    return consultancyId;
  }

  /**
   * Adds the default templates the library lacks, each with version 1 — idempotent and safe when
   * two requests seed at once: a template row that another transaction inserted first makes this
   * insert wait for it and then do nothing (ON CONFLICT), and only the inserting transaction adds
   * its version 1.
   *
   * @return how many templates were added
   */
  public int seed(List<TemplateSeed> seeds, Instant at, UUID actor) throws SQLException {
    int added = 0;
    for (TemplateSeed seed : seeds) {
      Optional<UUID> inserted =
          sql.one(
              "INSERT INTO library_template (id, consultancy_id, code, name_ru, name_en,"
                  + " sales_role, description_ru, description_en, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (consultancy_id, code) DO NOTHING RETURNING id",
              rows -> rows.getObject(1, UUID.class),
              UUID.randomUUID(),
              consultancyId,
              seed.code(),
              seed.nameRu(),
              seed.nameEn(),
              seed.role().name(),
              nonNull(seed.descriptionRu()),
              nonNull(seed.descriptionEn()),
              Timestamp.from(at));
      if (inserted.isPresent()) {
        insertVersion(inserted.get(), 1, seed.definition(), null, at, actor);
        added++;
      }
    }
    return added;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  public List<TemplateRow> templates() throws SQLException {
    return sql.list(
        TEMPLATE + " WHERE consultancy_id = ? ORDER BY code",
        LibraryStore::template,
        consultancyId);
  }

  public Optional<TemplateRow> template(UUID id) throws SQLException {
    return sql.one(
        TEMPLATE + " WHERE consultancy_id = ? AND id = ?",
        LibraryStore::template,
        consultancyId,
        id);
  }

  public Optional<TemplateRow> templateByCode(String code) throws SQLException {
    return sql.one(
        TEMPLATE + " WHERE consultancy_id = ? AND code = ?",
        LibraryStore::template,
        consultancyId,
        code);
  }

  /** The versions of these templates, newest first per template (one statement for all). */
  public Map<UUID, List<TemplateVersionRow>> versionsOf(Collection<UUID> templateIds)
      throws SQLException {
    Map<UUID, List<TemplateVersionRow>> result = new LinkedHashMap<>();
    for (TemplateVersionRow v :
        sql.list(
            VERSION
                + " WHERE consultancy_id = ? AND template_id = ANY (?)"
                + " ORDER BY template_id, number DESC",
            LibraryStore::version,
            consultancyId,
            sql.uuids(templateIds))) {
      result.computeIfAbsent(v.templateId(), k -> new ArrayList<>()).add(v);
    }
    return result;
  }

  public Optional<TemplateVersionRow> latest(UUID templateId) throws SQLException {
    return sql.one(
        VERSION + " WHERE consultancy_id = ? AND template_id = ? ORDER BY number DESC LIMIT 1",
        LibraryStore::version,
        consultancyId,
        templateId);
  }

  public void saveDraft(UUID templateId, SchemeDefinition draft) throws SQLException {
    sql.update(
        "UPDATE library_template SET draft = CAST(? AS jsonb) WHERE consultancy_id = ? AND id = ?",
        draft == null ? null : SchemeCodec.toJson(draft),
        consultancyId,
        templateId);
  }

  /** Appends a version; a concurrent publication of the same number fails on the unique key. */
  public TemplateVersionRow insertVersion(
      UUID templateId, int number, SchemeDefinition definition, String note, Instant at, UUID actor)
      throws SQLException {
    TemplateVersionRow row =
        new TemplateVersionRow(UUID.randomUUID(), templateId, number, definition, note, at);
    sql.update(
        "INSERT INTO library_template_version (id, consultancy_id, template_id, number,"
            + " definition, note, published_at, published_by)"
            + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)",
        row.id(),
        consultancyId,
        templateId,
        number,
        SchemeCodec.toJson(definition),
        note,
        Timestamp.from(at),
        actor);
    return row;
  }

  /**
   * The client companies' schemes copied from these templates (the consultancy's tenants only),
   * with the status of each one's latest proposal.
   */
  public Map<UUID, List<Adoption>> adoptions(Collection<UUID> templateIds) throws SQLException {
    Map<UUID, List<Adoption>> result = new HashMap<>();
    for (Adoption a :
        sql.list(
            "SELECT s.tenant_id, t.name, s.id, s.name, s.source_template_id,"
                + " s.source_library_version,"
                + " (SELECT p.status FROM comp_proposal p WHERE p.tenant_id = s.tenant_id"
                + "  AND p.scheme_id = s.id AND p.consultancy_id = ?"
                + "  ORDER BY p.proposed_at DESC LIMIT 1)"
                + " FROM comp_scheme s JOIN tenant t ON t.id = s.tenant_id"
                + " WHERE t.consultancy_id = ? AND s.source_template_id = ANY (?)"
                + (userId == null
                    ? ""
                    : " AND (EXISTS (SELECT 1 FROM consultancy_member m"
                        + "  WHERE m.consultancy_id = t.consultancy_id AND m.user_id = ?"
                        + "  AND m.role = 'OWNER')"
                        + " OR EXISTS (SELECT 1 FROM consultant_assignment a"
                        + "  WHERE a.tenant_id = t.id AND a.user_id = ?))")
                + " ORDER BY t.name, s.name",
            rows ->
                new Adoption(
                    rows.getObject(1, UUID.class),
                    rows.getString(2),
                    rows.getObject(3, UUID.class),
                    rows.getString(4),
                    rows.getObject(5, UUID.class),
                    rows.getInt(6),
                    rows.getString(7)),
            userId == null
                ? new Object[] {consultancyId, consultancyId, sql.uuids(templateIds)}
                : new Object[] {
                  consultancyId, consultancyId, sql.uuids(templateIds), userId, userId
                })) {
      result.computeIfAbsent(a.templateId(), k -> new ArrayList<>()).add(a);
    }
    return result;
  }

  /** Whether the scheme has an open proposal of this library version. */
  public boolean openProposal(UUID tenantId, UUID schemeId, UUID templateVersionId)
      throws SQLException {
    return sql.one(
            "SELECT 1 FROM comp_proposal WHERE consultancy_id = ? AND tenant_id = ?"
                + " AND scheme_id = ? AND template_version_id = ? AND status = 'OPEN'",
            rows -> rows.getInt(1),
            consultancyId,
            tenantId,
            schemeId,
            templateVersionId)
        .isPresent();
  }

  public void insertProposal(
      UUID tenantId,
      UUID schemeId,
      TemplateVersionRow version,
      String templateName,
      String note,
      Instant at,
      UUID actor)
      throws SQLException {
    sql.update(
        "INSERT INTO comp_proposal (id, tenant_id, consultancy_id, scheme_id, template_version_id,"
            + " template_name, library_version, definition, note, status, proposed_at,"
            + " proposed_by) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 'OPEN', ?, ?)",
        UUID.randomUUID(),
        tenantId,
        consultancyId,
        schemeId,
        version.id(),
        templateName,
        version.number(),
        SchemeCodec.toJson(version.definition()),
        note,
        Timestamp.from(at),
        actor);
  }

  /** The consultancy's name. */
  public String consultancyName() throws SQLException {
    return sql.one(
            "SELECT name FROM consultancy WHERE id = ?", rows -> rows.getString(1), consultancyId)
        .orElse("");
  }

  private static TemplateRow template(ResultSet rows) throws SQLException {
    String draft = rows.getString(8);
    return new TemplateRow(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        SalesRole.valueOf(rows.getString(5)),
        rows.getString(6),
        rows.getString(7),
        draft == null ? null : SchemeCodec.fromJson(draft));
  }

  private static TemplateVersionRow version(ResultSet rows) throws SQLException {
    return new TemplateVersionRow(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getInt(3),
        SchemeCodec.fromJson(rows.getString(4)),
        rows.getString(5),
        rows.getTimestamp(6).toInstant());
  }
}
