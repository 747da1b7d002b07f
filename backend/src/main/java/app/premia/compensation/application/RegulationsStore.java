package app.premia.compensation.application;

import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.TenantSection;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The regulations' tables (migration 0014) for one tenant, over JDBC on the unit of work's
 * connection: row-level security confines every statement to the connection's tenant, and every
 * statement names {@code tenant_id} as well (the second layer).
 */
public final class RegulationsStore {

  /**
   * A version's row; {@code contentJson} and {@code basisJson} are null for a draft.
   *
   * @param publishedByName the publisher's display name (or e-mail), null for a draft
   */
  public record DocumentRow(
      UUID id,
      int number,
      String status,
      LocalDate effectiveFrom,
      String contentJson,
      String basisJson,
      Instant createdAt,
      Instant publishedAt,
      String publishedByName) {

    public boolean published() {
      return "PUBLISHED".equals(status);
    }
  }

  /** An acknowledgement: who (portal user), when, through which login. */
  public record AcknowledgementRow(
      UUID documentId, long employeeId, Instant acknowledgedAt, String userName) {}

  /** A scheme version the newest regulations do not describe (what makes them outdated). */
  public record SchemePublication(
      String schemeName, int versionNumber, LocalDate effectiveFrom, Instant publishedAt) {}

  private static final String DOCUMENT_COLUMNS =
      "d.id, d.number, d.status, d.effective_from, d.content::text, d.basis::text, d.created_at,"
          + " d.published_at, coalesce(u.display_name, u.email)";

  private final Connection connection;
  private final UUID tenantId;

  public RegulationsStore(Connection connection, UUID tenantId) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
  }

  public UUID tenantId() {
    return tenantId;
  }

  // ---- company details --------------------------------------------------------------------------

  /** The saved details, empty before the admin saves them. */
  public Optional<CompanyDetails> details() throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT company_name, inn, order_number, order_date, city, approver_title,"
                + " approver_name FROM reg_details WHERE tenant_id = ?")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Date orderDate = rs.getDate(4);
        return Optional.of(
            new CompanyDetails(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                orderDate == null ? null : orderDate.toLocalDate(),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)));
      }
    }
  }

  public void saveDetails(CompanyDetails d, Instant at, UUID actor) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO reg_details (tenant_id, company_name, inn, order_number, order_date, city,"
                + " approver_title, approver_name, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET company_name = excluded.company_name,"
                + " inn = excluded.inn, order_number = excluded.order_number,"
                + " order_date = excluded.order_date, city = excluded.city,"
                + " approver_title = excluded.approver_title,"
                + " approver_name = excluded.approver_name, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by")) {
      s.setObject(1, tenantId);
      s.setString(2, d.name());
      s.setString(3, d.inn());
      s.setString(4, d.orderNumber());
      s.setObject(5, d.orderDate());
      s.setString(6, d.city());
      s.setString(7, d.approverTitle());
      s.setString(8, d.approverName());
      s.setTimestamp(9, Timestamp.from(at));
      s.setObject(10, actor);
      s.executeUpdate();
    }
  }

  /** The company's name as the tenant is called (the default of the details). */
  public String tenantName() throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT name FROM tenant WHERE id = ?")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  // ---- own sections -----------------------------------------------------------------------------

  /** The tenant's sections by position. */
  public List<SectionRow> sections() throws SQLException {
    List<SectionRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, position, title_ru, title_en, body_ru, body_en, updated_at"
                + " FROM reg_section WHERE tenant_id = ? ORDER BY position, updated_at, id")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SectionRow(
                  new TenantSection(
                      rs.getObject(1, UUID.class),
                      rs.getInt(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6)),
                  rs.getTimestamp(7).toInstant()));
        }
      }
    }
    return out;
  }

  /** A section and when it was last saved. */
  public record SectionRow(TenantSection section, Instant updatedAt) {}

  public void insertSection(TenantSection t, Instant at, UUID actor) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO reg_section (id, tenant_id, position, title_ru, title_en, body_ru,"
                + " body_en, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, t.id());
      s.setObject(2, tenantId);
      s.setInt(3, t.position());
      s.setString(4, t.titleRu());
      s.setString(5, t.titleEn());
      s.setString(6, t.bodyRu());
      s.setString(7, t.bodyEn());
      s.setTimestamp(8, Timestamp.from(at));
      s.setObject(9, actor);
      s.executeUpdate();
    }
  }

  public void updateSection(TenantSection t, Instant at, UUID actor) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE reg_section SET title_ru = ?, title_en = ?, body_ru = ?, body_en = ?,"
                + " updated_at = ?, updated_by = ? WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, t.titleRu());
      s.setString(2, t.titleEn());
      s.setString(3, t.bodyRu());
      s.setString(4, t.bodyEn());
      s.setTimestamp(5, Timestamp.from(at));
      s.setObject(6, actor);
      s.setObject(7, tenantId);
      s.setObject(8, t.id());
      s.executeUpdate();
    }
  }

  /** Sets the sections' positions 1..n in the given order. */
  public void reorderSections(List<UUID> order) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE reg_section SET position = ? WHERE tenant_id = ? AND id = ?")) {
      for (int i = 0; i < order.size(); i++) {
        s.setInt(1, i + 1);
        s.setObject(2, tenantId);
        s.setObject(3, order.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  public void deleteSection(UUID id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("DELETE FROM reg_section WHERE tenant_id = ? AND id = ?")) {
      s.setObject(1, tenantId);
      s.setObject(2, id);
      s.executeUpdate();
    }
  }

  // ---- versions ---------------------------------------------------------------------------------

  /** Every version, the newest number first. */
  public List<DocumentRow> documents() throws SQLException {
    return documents("ORDER BY d.number DESC", s -> {});
  }

  public Optional<DocumentRow> document(UUID id) throws SQLException {
    return documents("AND d.id = ?", s -> s.setObject(2, id)).stream().findFirst();
  }

  /** The draft, if any (at most one: a partial unique index says so). */
  public Optional<DocumentRow> draft() throws SQLException {
    return documents("AND d.status = 'DRAFT'", s -> {}).stream().findFirst();
  }

  /** The newest published version, if any. */
  public Optional<DocumentRow> latestPublished() throws SQLException {
    return documents("AND d.status = 'PUBLISHED' ORDER BY d.number DESC LIMIT 1", s -> {}).stream()
        .findFirst();
  }

  public int nextNumber() throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT coalesce(max(number), 0) + 1 FROM reg_document WHERE tenant_id = ?")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public void insertDraft(UUID id, int number, LocalDate effectiveFrom, Instant at, UUID actor)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO reg_document (id, tenant_id, number, status, effective_from, created_at,"
                + " created_by) VALUES (?, ?, ?, 'DRAFT', ?, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, tenantId);
      s.setInt(3, number);
      s.setObject(4, effectiveFrom);
      s.setTimestamp(5, Timestamp.from(at));
      s.setObject(6, actor);
      s.executeUpdate();
    }
  }

  /** Sets a draft's effective date; false when it is no draft (any more). */
  public boolean setDraftDate(UUID id, LocalDate effectiveFrom) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE reg_document SET effective_from = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'")) {
      s.setObject(1, effectiveFrom);
      s.setObject(2, tenantId);
      s.setObject(3, id);
      return s.executeUpdate() == 1;
    }
  }

  public boolean deleteDraft(UUID id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "DELETE FROM reg_document WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'")) {
      s.setObject(1, tenantId);
      s.setObject(2, id);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * Publishes a draft with its frozen content, in one conditional statement: false when it is no
   * draft any more (someone else published or discarded it first).
   */
  public boolean publish(
      UUID id,
      LocalDate effectiveFrom,
      String contentJson,
      String basisJson,
      Instant at,
      UUID actor)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE reg_document SET status = 'PUBLISHED', effective_from = ?,"
                + " content = CAST(? AS jsonb), basis = CAST(? AS jsonb), published_at = ?,"
                + " published_by = ? WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'")) {
      s.setObject(1, effectiveFrom);
      s.setString(2, contentJson);
      s.setString(3, basisJson);
      s.setTimestamp(4, Timestamp.from(at));
      s.setObject(5, actor);
      s.setObject(6, tenantId);
      s.setObject(7, id);
      return s.executeUpdate() == 1;
    }
  }

  // ---- acknowledgements -------------------------------------------------------------------------

  /** The acknowledgements of a version by employee. */
  public Map<Long, AcknowledgementRow> acknowledgements(UUID documentId) throws SQLException {
    Map<Long, AcknowledgementRow> out = new LinkedHashMap<>();
    for (AcknowledgementRow a : acknowledgements("AND a.document_id = ?", documentId)) {
      out.put(a.employeeId(), a);
    }
    return out;
  }

  /** An employee's acknowledgements, the newest first. */
  public List<AcknowledgementRow> acknowledgementsOf(long employeeId) throws SQLException {
    return acknowledgements("AND a.employee_id = ?", employeeId);
  }

  /**
   * Records an acknowledgement once: false when the employee had already acknowledged the version
   * (the first one stands).
   */
  public boolean acknowledge(UUID documentId, long employeeId, UUID userId, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO reg_acknowledgement (id, tenant_id, document_id, employee_id, user_id,"
                + " acknowledged_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, document_id, employee_id) DO NOTHING")) {
      s.setObject(1, UUID.randomUUID());
      s.setObject(2, tenantId);
      s.setObject(3, documentId);
      s.setLong(4, employeeId);
      s.setObject(5, userId);
      s.setTimestamp(6, Timestamp.from(at));
      return s.executeUpdate() == 1;
    }
  }

  // ---- mapping ----------------------------------------------------------------------------------

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private List<DocumentRow> documents(String tail, Binder binder) throws SQLException {
    List<DocumentRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + DOCUMENT_COLUMNS
                + " FROM reg_document d LEFT JOIN app_user u ON u.id = d.published_by"
                + " WHERE d.tenant_id = ? "
                + tail)) {
      s.setObject(1, tenantId);
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Timestamp published = rs.getTimestamp(8);
          out.add(
              new DocumentRow(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getDate(4).toLocalDate(),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  published == null ? null : published.toInstant(),
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  private List<AcknowledgementRow> acknowledgements(String where, Object value)
      throws SQLException {
    List<AcknowledgementRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT a.document_id, a.employee_id, a.acknowledged_at,"
                + " coalesce(u.display_name, u.email)"
                + " FROM reg_acknowledgement a LEFT JOIN app_user u ON u.id = a.user_id"
                + " WHERE a.tenant_id = ? "
                + where
                + " ORDER BY a.acknowledged_at DESC, a.id")) {
      s.setObject(1, tenantId);
      s.setObject(2, value);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AcknowledgementRow(
                  rs.getObject(1, UUID.class),
                  rs.getLong(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getString(4)));
        }
      }
    }
    return out;
  }
}
