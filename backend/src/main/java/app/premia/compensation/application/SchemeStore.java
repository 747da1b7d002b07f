package app.premia.compensation.application;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
 * The tenant's schemes, versions, assignments and proposals in PostgreSQL (plain JDBC on the
 * tenant's connection, like the KPI context). Row-level security confines every statement to the
 * connection's tenant; each statement also names the tenant explicitly — the second layer, so a
 * connection in the wrong context reads nothing rather than another tenant's rows.
 *
 * <p>A published version is never updated here: the only statements that change a version say
 * {@code WHERE status = 'DRAFT'} (and the database's trigger refuses the rest).
 */
public final class SchemeStore implements SchemeCatalog {

  /** Where a scheme was copied from. */
  public record Source(UUID templateId, String code, String name, int libraryVersion) {}

  /** A scheme with its origin. */
  public record SchemeRow(
      UUID id, String name, SalesRole salesRole, Source source, Instant createdAt) {
    public SchemeView view() {
      return new SchemeView(id, name, salesRole);
    }
  }

  /** A proposal from the consultancy's library. */
  public record ProposalRow(
      UUID id,
      UUID schemeId,
      UUID consultancyId,
      UUID templateVersionId,
      String templateName,
      int libraryVersion,
      SchemeDefinition definition,
      String note,
      String status,
      Instant proposedAt,
      Instant decidedAt,
      String comment) {}

  /** An employee of the tenant's portal as compensation shows him. */
  public record PayEmployee(long id, String name, String department, boolean active) {}

  private static final String SCHEME =
      "SELECT id, name, sales_role, source_template_id, source_template_code,"
          + " source_template_name, source_library_version, created_at FROM comp_scheme";
  private static final String VERSION =
      "SELECT id, scheme_id, number, status, effective_from, definition, created_at, published_at"
          + " FROM comp_scheme_version";
  private static final String ASSIGNMENT =
      "SELECT id, employee_id, scheme_id, valid_from, valid_to FROM comp_assignment";
  private static final String PROPOSAL =
      "SELECT id, scheme_id, consultancy_id, template_version_id, template_name, library_version,"
          + " definition, note, status, proposed_at, decided_at, comment FROM comp_proposal";
  private static final String NAME =
      "coalesce(nullif(concat_ws(' ', nullif(btrim(e.first_name), ''),"
          + " nullif(btrim(e.last_name), '')), ''), 'Сотрудник ' || e.id)";

  private final Connection connection;
  private final UUID tenantId;

  public SchemeStore(Connection connection, UUID tenantId) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
  }

  public UUID tenantId() {
    return tenantId;
  }

  Connection connection() {
    return connection;
  }

  // ---- SchemeCatalog ----------------------------------------------------------------------------

  @Override
  public List<SchemeView> schemes() {
    return unchecked(() -> schemeRows().stream().map(SchemeRow::view).toList());
  }

  @Override
  public Optional<SchemeView> scheme(UUID id) {
    return unchecked(() -> schemeRow(id).map(SchemeRow::view));
  }

  @Override
  public Optional<VersionView> version(UUID id) {
    return unchecked(() -> versionRow(id));
  }

  @Override
  public List<VersionView> versions(UUID schemeId) {
    // the catalogue's order: published by effective month, then the draft
    return unchecked(
        () ->
            versionsOf(List.of(schemeId)).getOrDefault(schemeId, List.of()).stream()
                .sorted(
                    java.util.Comparator.comparing(VersionView::published)
                        .reversed()
                        .thenComparing(
                            VersionView::effectiveFrom,
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList());
  }

  @Override
  public Optional<VersionView> inForce(UUID schemeId, LocalDate day) {
    return unchecked(
        () ->
            one(
                VERSION
                    + " WHERE tenant_id = ? AND scheme_id = ? AND status = 'PUBLISHED'"
                    + " AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                SchemeStore::version,
                tenantId,
                schemeId,
                Date.valueOf(day)));
  }

  @Override
  public List<AssignmentView> assignments(LocalDate from, LocalDate to) {
    return unchecked(
        () ->
            list(
                ASSIGNMENT
                    + " WHERE tenant_id = ? AND valid_from <= ?"
                    + " AND (valid_to IS NULL OR valid_to >= ?) ORDER BY employee_id, valid_from",
                SchemeStore::assignment,
                tenantId,
                Date.valueOf(to),
                Date.valueOf(from)));
  }

  // ---- schemes ----------------------------------------------------------------------------------

  /** The tenant's schemes by name. */
  public List<SchemeRow> schemeRows() throws SQLException {
    return list(SCHEME + " WHERE tenant_id = ? ORDER BY name, id", SchemeStore::scheme, tenantId);
  }

  public Optional<SchemeRow> schemeRow(UUID id) throws SQLException {
    return one(SCHEME + " WHERE tenant_id = ? AND id = ?", SchemeStore::scheme, tenantId, id);
  }

  /** These schemes by id (unknown ids left out). */
  public Map<UUID, SchemeRow> schemeRows(Collection<UUID> ids) throws SQLException {
    Map<UUID, SchemeRow> result = new HashMap<>();
    for (SchemeRow row :
        list(
            SCHEME + " WHERE tenant_id = ? AND id = ANY (?)",
            SchemeStore::scheme,
            tenantId,
            uuids(ids))) {
      result.put(row.id(), row);
    }
    return result;
  }

  /** Whether a scheme of this name (case and surrounding blanks ignored) exists, but this one. */
  public boolean nameTaken(String name, UUID except) throws SQLException {
    return one(
            "SELECT id FROM comp_scheme WHERE tenant_id = ? AND lower(btrim(name)) ="
                + " lower(btrim(?)) AND id <> ?",
            rows -> rows.getObject(1, UUID.class),
            tenantId,
            name,
            except == null ? new UUID(0, 0) : except)
        .isPresent();
  }

  public void insertScheme(SchemeRow row, UUID actor) throws SQLException {
    Source source = row.source();
    update(
        "INSERT INTO comp_scheme (id, tenant_id, name, sales_role, source_template_id,"
            + " source_template_code, source_template_name, source_library_version, created_at,"
            + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.id(),
        tenantId,
        row.name(),
        row.salesRole().name(),
        source == null ? null : source.templateId(),
        source == null ? null : source.code(),
        source == null ? null : source.name(),
        source == null ? null : source.libraryVersion(),
        Timestamp.from(row.createdAt()),
        actor);
  }

  public void renameScheme(UUID id, String name) throws SQLException {
    update("UPDATE comp_scheme SET name = ? WHERE tenant_id = ? AND id = ?", name, tenantId, id);
  }

  /** Records the library version the scheme now follows (after publishing an accepted proposal). */
  public void setSourceVersion(UUID id, int libraryVersion) throws SQLException {
    update(
        "UPDATE comp_scheme SET source_library_version = ? WHERE tenant_id = ? AND id = ?",
        libraryVersion,
        tenantId,
        id);
  }

  // ---- versions ---------------------------------------------------------------------------------

  public Optional<VersionView> versionRow(UUID id) throws SQLException {
    return one(VERSION + " WHERE tenant_id = ? AND id = ?", SchemeStore::version, tenantId, id);
  }

  /**
   * The versions of these schemes: per scheme the draft first, then published ones newest effective
   * month first (one statement for all).
   */
  public Map<UUID, List<VersionView>> versionsOf(Collection<UUID> schemeIds) throws SQLException {
    Map<UUID, List<VersionView>> result = new LinkedHashMap<>();
    for (VersionView v :
        list(
            VERSION
                + " WHERE tenant_id = ? AND scheme_id = ANY (?)"
                + " ORDER BY scheme_id, status = 'PUBLISHED', effective_from DESC, number DESC",
            SchemeStore::version,
            tenantId,
            uuids(schemeIds))) {
      result.computeIfAbsent(v.schemeId(), k -> new ArrayList<>()).add(v);
    }
    return result;
  }

  public Optional<VersionView> draft(UUID schemeId) throws SQLException {
    return one(
        VERSION + " WHERE tenant_id = ? AND scheme_id = ? AND status = 'DRAFT'",
        SchemeStore::version,
        tenantId,
        schemeId);
  }

  /** The published version that took effect most recently before this month, if any. */
  public Optional<VersionView> publishedBefore(UUID schemeId, LocalDate month) throws SQLException {
    return one(
        VERSION
            + " WHERE tenant_id = ? AND scheme_id = ? AND status = 'PUBLISHED'"
            + " AND effective_from < ? ORDER BY effective_from DESC LIMIT 1",
        SchemeStore::version,
        tenantId,
        schemeId,
        Date.valueOf(month));
  }

  /** The published version with the latest effective month (in force now or in the future). */
  public Optional<VersionView> latestPublished(UUID schemeId) throws SQLException {
    return one(
        VERSION
            + " WHERE tenant_id = ? AND scheme_id = ? AND status = 'PUBLISHED'"
            + " ORDER BY effective_from DESC LIMIT 1",
        SchemeStore::version,
        tenantId,
        schemeId);
  }

  public boolean publishedOn(UUID schemeId, LocalDate month) throws SQLException {
    return one(
            "SELECT id FROM comp_scheme_version WHERE tenant_id = ? AND scheme_id = ?"
                + " AND status = 'PUBLISHED' AND effective_from = ?",
            rows -> rows.getObject(1, UUID.class),
            tenantId,
            schemeId,
            Date.valueOf(month))
        .isPresent();
  }

  public int nextNumber(UUID schemeId) throws SQLException {
    return one(
            "SELECT coalesce(max(number), 0) + 1 FROM comp_scheme_version"
                + " WHERE tenant_id = ? AND scheme_id = ?",
            rows -> rows.getInt(1),
            tenantId,
            schemeId)
        .orElse(1);
  }

  /** Inserts a draft version. */
  public void insertDraft(VersionView draft, UUID actor) throws SQLException {
    if (draft.published()) {
      throw new IllegalArgumentException("only drafts are inserted as such");
    }
    update(
        "INSERT INTO comp_scheme_version (id, tenant_id, scheme_id, number, status, definition,"
            + " created_at, created_by) VALUES (?, ?, ?, ?, 'DRAFT', CAST(? AS jsonb), ?, ?)",
        draft.id(),
        tenantId,
        draft.schemeId(),
        draft.number(),
        SchemeCodec.toJson(draft.definition()),
        Timestamp.from(draft.createdAt()),
        actor);
  }

  /**
   * Replaces a draft's definition. Refuses a published version in code (the database would too): a
   * published version is history, and history does not change.
   */
  public void updateDraft(VersionView version, SchemeDefinition definition) throws SQLException {
    requireDraft(version);
    int changed =
        update(
            "UPDATE comp_scheme_version SET definition = CAST(? AS jsonb)"
                + " WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'",
            SchemeCodec.toJson(definition),
            tenantId,
            version.id());
    if (changed != 1) {
      throw new IllegalStateException("the draft " + version.id() + " is gone");
    }
  }

  public void deleteDraft(VersionView version) throws SQLException {
    requireDraft(version);
    update(
        "DELETE FROM comp_scheme_version WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'",
        tenantId,
        version.id());
  }

  /** DRAFT → PUBLISHED, once. */
  public void publish(VersionView draft, LocalDate effectiveFrom, Instant at, UUID actor)
      throws SQLException {
    requireDraft(draft);
    int changed =
        update(
            "UPDATE comp_scheme_version SET status = 'PUBLISHED', effective_from = ?,"
                + " published_at = ?, published_by = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'",
            Date.valueOf(effectiveFrom),
            Timestamp.from(at),
            actor,
            tenantId,
            draft.id());
    if (changed != 1) {
      throw new IllegalStateException("the draft " + draft.id() + " is gone");
    }
  }

  /** Marks a draft as copied from this library version (null: the scheme's own edit). */
  public void setDraftSource(VersionView draft, Integer libraryVersion) throws SQLException {
    requireDraft(draft);
    update(
        "UPDATE comp_scheme_version SET source_library_version = ?"
            + " WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'",
        libraryVersion,
        tenantId,
        draft.id());
  }

  /** The library version a version was copied from, or null. */
  public Integer draftSource(UUID versionId) throws SQLException {
    List<Integer> found =
        list(
            "SELECT source_library_version FROM comp_scheme_version WHERE tenant_id = ? AND id = ?",
            rows -> (Integer) rows.getObject(1),
            tenantId,
            versionId);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The tenant's time zone: what "the current month" means for it. */
  public java.time.ZoneId zone() throws SQLException {
    return one(
            "SELECT time_zone FROM tenant WHERE id = ?",
            rows -> java.time.ZoneId.of(rows.getString(1)),
            tenantId)
        .orElseThrow(() -> new IllegalStateException("tenant " + tenantId + " not visible"));
  }

  private static void requireDraft(VersionView version) {
    if (version.published()) {
      throw new PublishedVersionException(version.id());
    }
  }

  /** A published version was about to be changed: a bug in the caller, never a user's mistake. */
  public static final class PublishedVersionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PublishedVersionException(UUID id) {
      super("published scheme version " + id + " is immutable");
    }
  }

  // ---- assignments ------------------------------------------------------------------------------

  public Optional<AssignmentView> assignment(UUID id) throws SQLException {
    return one(
        ASSIGNMENT + " WHERE tenant_id = ? AND id = ?", SchemeStore::assignment, tenantId, id);
  }

  /** Every assignment of the employee (or of everyone when null), by employee and start. */
  public List<AssignmentView> assignmentsOf(Long employeeId) throws SQLException {
    return employeeId == null
        ? list(
            ASSIGNMENT + " WHERE tenant_id = ? ORDER BY employee_id, valid_from",
            SchemeStore::assignment,
            tenantId)
        : list(
            ASSIGNMENT + " WHERE tenant_id = ? AND employee_id = ? ORDER BY valid_from",
            SchemeStore::assignment,
            tenantId,
            employeeId);
  }

  /** The assignments of these schemes that hold on the day (one statement for all). */
  public Map<UUID, List<AssignmentView>> assignmentsOn(Collection<UUID> schemeIds, LocalDate day)
      throws SQLException {
    Map<UUID, List<AssignmentView>> result = new HashMap<>();
    for (AssignmentView a :
        list(
            ASSIGNMENT
                + " WHERE tenant_id = ? AND scheme_id = ANY (?) AND valid_from <= ?"
                + " AND (valid_to IS NULL OR valid_to >= ?) ORDER BY employee_id",
            SchemeStore::assignment,
            tenantId,
            uuids(schemeIds),
            Date.valueOf(day),
            Date.valueOf(day))) {
      result.computeIfAbsent(a.schemeId(), k -> new ArrayList<>()).add(a);
    }
    return result;
  }

  public void insertAssignment(AssignmentView a, Instant at, UUID actor) throws SQLException {
    update(
        "INSERT INTO comp_assignment (id, tenant_id, employee_id, scheme_id, valid_from, valid_to,"
            + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        tenantId,
        a.employeeId(),
        a.schemeId(),
        Date.valueOf(a.validFrom()),
        a.validTo() == null ? null : Date.valueOf(a.validTo()),
        Timestamp.from(at),
        actor);
  }

  public void endAssignment(UUID id, LocalDate validTo) throws SQLException {
    update(
        "UPDATE comp_assignment SET valid_to = ? WHERE tenant_id = ? AND id = ?",
        Date.valueOf(validTo),
        tenantId,
        id);
  }

  // ---- employees --------------------------------------------------------------------------------

  /** These portal users of the tenant (unknown ids left out), with their first department. */
  public Map<Long, PayEmployee> employees(Collection<Long> ids) throws SQLException {
    Map<Long, PayEmployee> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT e.id, "
                + NAME
                + ", d.name, e.active FROM crm_employee e LEFT JOIN crm_department d"
                + " ON d.tenant_id = e.tenant_id AND d.id = e.department_ids[1]"
                + " WHERE e.tenant_id = ? AND e.id = ANY (?)")) {
      s.setObject(1, tenantId);
      s.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          result.put(
              rows.getLong(1),
              new PayEmployee(
                  rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBoolean(4)));
        }
      }
    }
    return result;
  }

  /** Every portal user of the tenant, by id. */
  public Map<Long, PayEmployee> allEmployees() throws SQLException {
    Map<Long, PayEmployee> result = new java.util.TreeMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT e.id, "
                + NAME
                + ", d.name, e.active FROM crm_employee e LEFT JOIN crm_department d"
                + " ON d.tenant_id = e.tenant_id AND d.id = e.department_ids[1]"
                + " WHERE e.tenant_id = ? ORDER BY e.id")) {
      s.setObject(1, tenantId);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          result.put(
              rows.getLong(1),
              new PayEmployee(
                  rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBoolean(4)));
        }
      }
    }
    return result;
  }

  /** The one active portal user with this e-mail, or null (none or several). */
  public Long activeEmployeeByEmail(String email) throws SQLException {
    if (email == null || email.isBlank()) {
      return null;
    }
    List<Long> found =
        list(
            "SELECT id FROM crm_employee WHERE tenant_id = ? AND active"
                + " AND lower(btrim(email)) = lower(btrim(?)) LIMIT 2",
            rows -> rows.getLong(1),
            tenantId,
            email);
    return found.size() == 1 ? found.get(0) : null;
  }

  // ---- proposals --------------------------------------------------------------------------------

  public Optional<ProposalRow> proposal(UUID id) throws SQLException {
    return one(PROPOSAL + " WHERE tenant_id = ? AND id = ?", SchemeStore::proposal, tenantId, id);
  }

  /** The proposals of these schemes, newest first (one statement for all). */
  public Map<UUID, List<ProposalRow>> proposalsOf(Collection<UUID> schemeIds) throws SQLException {
    Map<UUID, List<ProposalRow>> result = new HashMap<>();
    for (ProposalRow p :
        list(
            PROPOSAL + " WHERE tenant_id = ? AND scheme_id = ANY (?) ORDER BY proposed_at DESC, id",
            SchemeStore::proposal,
            tenantId,
            uuids(schemeIds))) {
      result.computeIfAbsent(p.schemeId(), k -> new ArrayList<>()).add(p);
    }
    return result;
  }

  /** OPEN → ACCEPTED or REJECTED, once; false when it was no longer open. */
  public boolean decide(UUID proposalId, String status, String comment, Instant at, UUID actor)
      throws SQLException {
    return update(
            "UPDATE comp_proposal SET status = ?, comment = ?, decided_at = ?, decided_by = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'OPEN'",
            status,
            comment,
            Timestamp.from(at),
            actor,
            tenantId,
            proposalId)
        == 1;
  }

  // ---- rows -------------------------------------------------------------------------------------

  private static SchemeRow scheme(ResultSet rows) throws SQLException {
    UUID template = rows.getObject(4, UUID.class);
    return new SchemeRow(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        SalesRole.valueOf(rows.getString(3)),
        rows.getString(5) == null
            ? null
            : new Source(template, rows.getString(5), rows.getString(6), rows.getInt(7)),
        rows.getTimestamp(8).toInstant());
  }

  private static VersionView version(ResultSet rows) throws SQLException {
    Date from = rows.getDate(5);
    Timestamp published = rows.getTimestamp(8);
    return new VersionView(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getInt(3),
        rows.getString(4),
        from == null ? null : from.toLocalDate(),
        SchemeCodec.fromJson(rows.getString(6)),
        rows.getTimestamp(7).toInstant(),
        published == null ? null : published.toInstant());
  }

  private static AssignmentView assignment(ResultSet rows) throws SQLException {
    Date to = rows.getDate(5);
    return new AssignmentView(
        rows.getObject(1, UUID.class),
        rows.getLong(2),
        rows.getObject(3, UUID.class),
        rows.getDate(4).toLocalDate(),
        to == null ? null : to.toLocalDate());
  }

  private static ProposalRow proposal(ResultSet rows) throws SQLException {
    Timestamp decided = rows.getTimestamp(11);
    return new ProposalRow(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getObject(3, UUID.class),
        rows.getObject(4, UUID.class),
        rows.getString(5),
        rows.getInt(6),
        SchemeCodec.fromJson(rows.getString(7)),
        rows.getString(8),
        rows.getString(9),
        rows.getTimestamp(10).toInstant(),
        decided == null ? null : decided.toInstant(),
        rows.getString(12));
  }

  // ---- JDBC -------------------------------------------------------------------------------------

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** Work that may fail with an SQLException. */
  @FunctionalInterface
  interface SqlWork<T> {
    T get() throws SQLException;
  }

  static <T> T unchecked(SqlWork<T> work) {
    try {
      return work.get();
    } catch (SQLException e) {
      throw new IllegalStateException("Database error: " + e.getSQLState(), e);
    }
  }

  java.sql.Array uuids(Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }

  <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet rows = s.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(row.read(rows));
        }
        return result;
      }
    }
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
    List<T> found = list(sql, row, params);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  int update(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
  }
}
