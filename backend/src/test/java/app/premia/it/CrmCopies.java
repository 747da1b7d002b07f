package app.premia.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares Premia's copy of a portal with the sandbox's truth: per entity, the count and a SHA-256
 * over canonical lines (id and the fields KPIs depend on), computed the same way from the sandbox's
 * raw rows and from the tenant's tables.
 */
final class CrmCopies {

  private CrmCopies() {}

  /** One entity's comparison: how to read a line from each side. */
  record Spec(String sandboxEntity, String sql, List<String> rawFields) {}

  static final Map<String, Spec> SPECS =
      Map.of(
          "deal",
          new Spec(
              "deal",
              "SELECT id, stage_id, amount, assigned_by_id, modified_at, category_id FROM crm_deal"
                  + " WHERE tenant_id = ?",
              List.of(
                  "ID", "STAGE_ID", "OPPORTUNITY", "ASSIGNED_BY_ID", "DATE_MODIFY", "CATEGORY_ID")),
          "lead",
          new Spec(
              "lead",
              "SELECT id, status_id, NULL, assigned_by_id, modified_at, NULL FROM crm_lead"
                  + " WHERE tenant_id = ?",
              List.of("ID", "STATUS_ID", "-", "ASSIGNED_BY_ID", "DATE_MODIFY", "-")),
          "contact",
          new Spec(
              "contact",
              "SELECT id, NULL, NULL, assigned_by_id, modified_at, NULL FROM crm_contact"
                  + " WHERE tenant_id = ?",
              List.of("ID", "-", "-", "ASSIGNED_BY_ID", "DATE_MODIFY", "-")),
          "company",
          new Spec(
              "company",
              "SELECT id, NULL, NULL, assigned_by_id, modified_at, NULL FROM crm_company"
                  + " WHERE tenant_id = ?",
              List.of("ID", "-", "-", "ASSIGNED_BY_ID", "DATE_MODIFY", "-")),
          "activity",
          new Spec(
              "activity",
              "SELECT id, CASE WHEN completed THEN 'Y' ELSE 'N' END, NULL, responsible_id,"
                  + " modified_at, owner_id FROM crm_activity WHERE tenant_id = ?",
              List.of("ID", "COMPLETED", "-", "RESPONSIBLE_ID", "LAST_UPDATED", "OWNER_ID")),
          "stagehistory",
          new Spec(
              "stagehistory",
              "SELECT id, stage_id, NULL, owner_id, created_at, NULL FROM crm_stage_history"
                  + " WHERE tenant_id = ? AND entity_type_id = 2",
              List.of("ID", "STAGE_ID", "-", "OWNER_ID", "CREATED_TIME", "-")),
          "leadstagehistory",
          new Spec(
              "leadstagehistory",
              "SELECT id, stage_id, NULL, owner_id, created_at, NULL FROM crm_stage_history"
                  + " WHERE tenant_id = ? AND entity_type_id = 1",
              List.of("ID", "STATUS_ID", "-", "OWNER_ID", "CREATED_TIME", "-")),
          "user",
          new Spec(
              "user",
              "SELECT id, CASE WHEN active THEN 'true' ELSE 'false' END, NULL, NULL, NULL, NULL"
                  + " FROM crm_employee WHERE tenant_id = ?",
              List.of("ID", "ACTIVE", "-", "-", "-", "-")),
          "department",
          new Spec(
              "department",
              "SELECT id, name, NULL, head_user_id, NULL, parent_id FROM crm_department"
                  + " WHERE tenant_id = ?",
              List.of("ID", "NAME", "-", "UF_HEAD", "-", "PARENT")));

  /** Count and digest of one side. */
  record Digest(long count, String sha256) {}

  static Digest ofSandbox(List<Map<String, Object>> rows, Spec spec) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < spec.rawFields().size(); i++) {
        String field = spec.rawFields().get(i);
        Object value = field.equals("-") ? null : row.get(field);
        cells.add(canonical(i, value));
      }
      lines.add(String.join("|", cells));
    }
    return digest(lines);
  }

  static Digest ofDatabase(Connection c, UUID tenant, Spec spec) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(spec.sql())) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            Object value = rs.getObject(i + 1);
            if (value instanceof java.sql.Timestamp) {
              value = rs.getObject(i + 1, OffsetDateTime.class);
            }
            cells.add(canonical(i, value));
          }
          lines.add(String.join("|", cells));
        }
      }
    }
    return digest(lines);
  }

  /** Ids as numbers, money with two decimals, times as epoch seconds, "0"/"" as no value. */
  static String canonical(int column, Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString().trim();
    if (value instanceof OffsetDateTime time) {
      return Long.toString(time.toEpochSecond());
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      return Long.toString(OffsetDateTime.parse(text).toEpochSecond());
    }
    if (column == 2 && !text.isEmpty()) {
      return new BigDecimal(text).setScale(2).toPlainString();
    }
    if (text.equals("0") && column != 0 && column != 5) {
      return "";
    }
    return text;
  }

  private static Digest digest(List<String> lines) {
    lines.sort(
        (a, b) -> {
          long x = Long.parseLong(a.substring(0, a.indexOf('|')));
          long y = Long.parseLong(b.substring(0, b.indexOf('|')));
          return Long.compare(x, y);
        });
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return new Digest(lines.size(), HexFormat.of().formatHex(sha.digest()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
