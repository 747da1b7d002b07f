package app.premia.kpi.application;

import app.premia.kpi.domain.KpiFilter;
import app.premia.platform.errors.UserError;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant-level KPI filters (which deals count), stored per tenant in table {@code
 * kpi_settings}, in plain JDBC on a connection whose tenant settings ({@code app.tenant_id}) are
 * set, like {@link Plans}: row-level security confines every statement to that tenant. The caller
 * owns the transaction.
 *
 * <p>Every change is recorded through the {@link Plans.Audit} hook (action {@link #ACTION_UPDATED},
 * entity {@link #ENTITY_TYPE}, the tenant's id, the filters before and after as JSON); {@link
 * Plans#jdbcAudit} takes the entity type from the action's prefix, so it serves here too.
 */
public final class KpiSettings {

  /** The audit entity type of the settings. */
  public static final String ENTITY_TYPE = "kpi_settings";

  /** Audit action: the tenant's KPI filters were changed. */
  public static final String ACTION_UPDATED = "kpi_settings.updated";

  /** The most entries of each list. */
  public static final int MAX_ENTRIES = 100;

  /** The longest deal type or source code. */
  public static final int MAX_CODE_LENGTH = 50;

  private final Connection connection;
  private final Plans.Audit audit;
  private final Clock clock;

  /**
   * @param connection a connection in the tenant's context (its {@code app.tenant_id} set)
   * @param audit where changes are recorded
   * @param clock when a change happened
   */
  public KpiSettings(Connection connection, Plans.Audit audit, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The tenant's filter; {@link KpiFilter#ALL} when none is stored. */
  public KpiFilter read() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT pipelines, deal_types, sources FROM kpi_settings"
                    + " WHERE tenant_id = premia_current_tenant()");
        ResultSet row = s.executeQuery()) {
      if (!row.next()) {
        return KpiFilter.ALL;
      }
      return new KpiFilter(
          Set.copyOf(integers(row.getArray(1))),
          Set.copyOf(strings(row.getArray(2))),
          Set.copyOf(strings(row.getArray(3))));
    }
  }

  /**
   * Validates and stores the tenant's filter. Pipeline ids must be synced pipelines of the tenant's
   * portal ({@code crm_pipeline}) or 0 (the portal's default pipeline, which always exists); codes
   * are trimmed and must not be blank, longer than {@value #MAX_CODE_LENGTH} characters or
   * repeated; each list has at most {@value #MAX_ENTRIES} entries; an empty list means "all". The
   * change is audited with the filters before and after; saving the filter already stored changes
   * and records nothing.
   *
   * @return the business errors (field paths like {@code ["input", "pipelines", "2"]}); when there
   *     is any, nothing is written
   */
  public List<UserError> update(
      List<Integer> pipelines, List<String> dealTypes, List<String> sources, UUID actor)
      throws SQLException {
    List<UserError> errors = new ArrayList<>();
    List<Integer> ids = validatePipelines(pipelines, errors);
    List<String> types =
        validateCodes(dealTypes, "dealTypes", "Тип сделки", "типы сделок", "типов сделок", errors);
    List<String> origins =
        validateCodes(sources, "sources", "Источник", "источники", "источников", errors);
    if (!errors.isEmpty()) {
      return errors;
    }
    KpiFilter after = new KpiFilter(Set.copyOf(ids), Set.copyOf(types), Set.copyOf(origins));
    KpiFilter before = lockedRead();
    if (before != null && before.equals(after)) {
      return List.of();
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_settings (tenant_id, pipelines, deal_types, sources, updated_at,"
                + " updated_by) VALUES (premia_current_tenant(), ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET pipelines = excluded.pipelines,"
                + " deal_types = excluded.deal_types, sources = excluded.sources,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
      s.setArray(1, connection.createArrayOf("integer", sortedInts(after.pipelines())));
      s.setArray(2, connection.createArrayOf("text", sortedStrings(after.dealTypes())));
      s.setArray(3, connection.createArrayOf("text", sortedStrings(after.sources())));
      s.setTimestamp(4, Timestamp.from(clock.instant()));
      s.setObject(5, actor);
      s.executeUpdate();
    }
    audit.record(
        ACTION_UPDATED, tenantId(), json(before == null ? KpiFilter.ALL : before), json(after));
    return List.of();
  }

  // -----------------------------------------------------------------------------------------------

  private List<Integer> validatePipelines(List<Integer> pipelines, List<UserError> errors)
      throws SQLException {
    if (pipelines == null) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED,
              "Укажите воронки (пустой список — все воронки).",
              "input",
              "pipelines"));
      return List.of();
    }
    if (pipelines.size() > MAX_ENTRIES) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Не более " + MAX_ENTRIES + " воронок.",
              "input",
              "pipelines"));
      return List.of();
    }
    Set<Integer> known = pipelinesOfPortal();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < pipelines.size(); i++) {
      Integer id = pipelines.get(i);
      String index = Integer.toString(i);
      if (id == null) {
        errors.add(
            UserError.of(UserError.Code.REQUIRED, "Укажите воронку.", "input", "pipelines", index));
      } else if (id < 0) {
        errors.add(
            UserError.of(
                UserError.Code.INVALID,
                "Номер воронки не может быть отрицательным: " + id + ".",
                "input",
                "pipelines",
                index));
      } else if (!seen.add(id)) {
        errors.add(
            UserError.of(
                UserError.Code.DUPLICATE,
                "Воронка " + id + " указана дважды.",
                "input",
                "pipelines",
                index));
      } else if (id != 0 && !known.contains(id)) {
        errors.add(
            UserError.of(
                UserError.Code.NOT_FOUND,
                "Воронки " + id + " нет среди воронок портала.",
                "input",
                "pipelines",
                index));
      }
    }
    return List.copyOf(seen);
  }

  /**
   * @param what the singular, capitalised ("Тип сделки")
   * @param accusative the plural accusative ("типы сделок")
   * @param genitive the plural genitive ("типов сделок")
   */
  private static List<String> validateCodes(
      List<String> codes,
      String field,
      String what,
      String accusative,
      String genitive,
      List<UserError> errors) {
    if (codes == null) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED,
              "Укажите " + accusative + " (пустой список — все).",
              "input",
              field));
      return List.of();
    }
    if (codes.size() > MAX_ENTRIES) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Не более " + MAX_ENTRIES + " " + genitive + ".",
              "input",
              field));
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i) == null ? "" : codes.get(i).strip();
      String index = Integer.toString(i);
      if (code.isEmpty()) {
        errors.add(
            UserError.of(
                UserError.Code.REQUIRED,
                what + ": код не может быть пустым.",
                "input",
                field,
                index));
      } else if (code.length() > MAX_CODE_LENGTH) {
        errors.add(
            UserError.of(
                UserError.Code.INVALID,
                what + ": код длиннее " + MAX_CODE_LENGTH + " символов.",
                "input",
                field,
                index));
      } else if (code.chars().anyMatch(Character::isISOControl)) {
        errors.add(
            UserError.of(
                UserError.Code.INVALID,
                what + ": код содержит управляющие символы.",
                "input",
                field,
                index));
      } else if (!seen.add(code)) {
        errors.add(
            UserError.of(
                UserError.Code.DUPLICATE,
                what + " «" + code + "» указан дважды.",
                "input",
                field,
                index));
      }
    }
    return List.copyOf(seen);
  }

  private Set<Integer> pipelinesOfPortal() throws SQLException {
    Set<Integer> ids = new HashSet<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT id FROM crm_pipeline");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }

  /** The stored filter, its row locked against a concurrent change; null when none is stored. */
  private KpiFilter lockedRead() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT pipelines, deal_types, sources FROM kpi_settings"
                    + " WHERE tenant_id = premia_current_tenant() FOR UPDATE");
        ResultSet row = s.executeQuery()) {
      if (!row.next()) {
        return null;
      }
      return new KpiFilter(
          Set.copyOf(integers(row.getArray(1))),
          Set.copyOf(strings(row.getArray(2))),
          Set.copyOf(strings(row.getArray(3))));
    }
  }

  private String tenantId() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT premia_current_tenant()");
        ResultSet row = s.executeQuery()) {
      row.next();
      String id = row.getString(1);
      if (id == null) {
        throw new IllegalStateException("no tenant is set on the connection");
      }
      return id;
    }
  }

  private static List<Integer> integers(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<Integer> result = new ArrayList<>(values.length);
    for (Object v : values) {
      result.add(((Number) v).intValue());
    }
    return result;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static Integer[] sortedInts(Set<Integer> values) {
    return values.stream().sorted().toArray(Integer[]::new);
  }

  private static String[] sortedStrings(Set<String> values) {
    return values.stream().sorted().toArray(String[]::new);
  }

  /** The filter as audit JSON, lists sorted: {@code {"pipelines":[0,3],"deal_types":[...],...}}. */
  static String json(KpiFilter filter) {
    StringBuilder out = new StringBuilder("{\"pipelines\":[");
    Integer[] ids = sortedInts(filter.pipelines());
    for (int i = 0; i < ids.length; i++) {
      out.append(i == 0 ? "" : ",").append(ids[i]);
    }
    out.append("],\"deal_types\":");
    codes(out, sortedStrings(filter.dealTypes()));
    out.append(",\"sources\":");
    codes(out, sortedStrings(filter.sources()));
    return out.append('}').toString();
  }

  private static void codes(StringBuilder out, String[] codes) {
    out.append('[');
    for (int i = 0; i < codes.length; i++) {
      out.append(i == 0 ? "" : ",").append('"');
      for (char ch : codes[i].toCharArray()) {
        switch (ch) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (ch < 0x20) {
              out.append(String.format("\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
      out.append('"');
    }
    out.append(']');
  }
}
