package app.premia.kpi.application;

import app.premia.kpi.domain.Period;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who and what the KPIs are about, read in batches over the synced org structure ({@code
 * crm_employee}, {@code crm_department}, {@code crm_pipeline}, {@code crm_stage}) on a connection
 * in the tenant's context (row-level security confines every statement to the tenant). Every method
 * is ONE statement whatever the number of ids, so that GraphQL data loaders never cause N+1
 * queries.
 */
public final class KpiDirectory {

  /** A portal user. */
  public record Employee(
      long id,
      String name,
      String position,
      LocalDate hiredOn,
      LocalDate firedOn,
      List<Long> departmentIds) {}

  /** A portal department with its head (joined in the same statement). */
  public record Department(long id, String name, Long parentId, Employee head) {}

  /** The tenant's calendar, currency and Bitrix24 portal address (null when not connected). */
  public record TenantInfo(ZoneId zone, String currency, String portalDomain) {}

  /** A deal pipeline (category). */
  public record Pipeline(int id, String name) {}

  /** A deal stage of a pipeline. */
  public record Stage(int pipelineId, String stageId, String name, int sort) {}

  /** A page of employees in name order. */
  public record EmployeePage(List<Employee> employees, boolean hasNextPage, int totalCount) {}

  /** The keyset position after which a page starts (the last row of the previous page). */
  public record After(String name, long id) {}

  static final String NAME =
      "coalesce(nullif(concat_ws(' ', nullif(btrim(%1$s.first_name), ''),"
          + " nullif(btrim(%1$s.last_name), '')), ''), 'Сотрудник ' || %1$s.id)";

  private static final String EMPLOYEE_COLUMNS =
      "e.id, "
          + NAME.formatted("e")
          + " AS name, e.position, e.hired_on, e.fired_on,"
          + " e.department_ids";

  private static final String DEPARTMENTS =
      "SELECT d.id, d.name, d.parent_id, h.id AS h_id, "
          + NAME.formatted("h")
          + " AS h_name, h.position AS h_position, h.hired_on AS h_hired, h.fired_on AS h_fired,"
          + " h.department_ids AS h_departments"
          + " FROM crm_department d LEFT JOIN crm_employee h ON h.id = d.head_user_id";

  /** The departments (given) with every sub-department, any depth; UNION stops on a cycle. */
  private static final String TREE =
      "tree(root, id) AS (SELECT id, id FROM crm_department WHERE id = ANY (?)"
          + " UNION SELECT tr.root, d.id FROM tree tr JOIN crm_department d ON d.parent_id = tr.id)";

  private final Connection connection;

  /**
   * @param connection a connection in the tenant's context (its {@code app.tenant_id} set)
   */
  public KpiDirectory(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** The tenant's time zone, currency and portal domain. */
  public TenantInfo tenant() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT t.time_zone, t.currency_code, (SELECT p.domain FROM crm_portal p LIMIT 1)"
                    + " FROM tenant t WHERE t.id = premia_current_tenant()");
        ResultSet row = s.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("no tenant in the connection's context");
      }
      return new TenantInfo(ZoneId.of(row.getString(1)), row.getString(2), row.getString(3));
    }
  }

  /**
   * The id of the one active portal user with this e-mail (case-insensitive); null when there is
   * none or more than one (an ambiguous e-mail links nobody).
   */
  public Long activeEmployeeByEmail(String email) throws SQLException {
    if (email == null || email.isBlank()) {
      return null;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id FROM crm_employee WHERE active AND lower(btrim(email)) = lower(btrim(?))"
                + " LIMIT 2")) {
      s.setString(1, email);
      try (ResultSet rows = s.executeQuery()) {
        Long found = rows.next() ? rows.getLong(1) : null;
        return found != null && !rows.next() ? found : null;
      }
    }
  }

  /** The employees with these ids (unknown ids are left out). */
  public Map<Long, Employee> employees(Collection<Long> ids) throws SQLException {
    Map<Long, Employee> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT " + EMPLOYEE_COLUMNS + " FROM crm_employee e WHERE e.id = ANY (?)")) {
      s.setArray(1, longs(ids));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          Employee e = employee(rows, "");
          result.put(e.id(), e);
        }
      }
    }
    return result;
  }

  /** The departments with these ids (unknown ids are left out), each with its head. */
  public Map<Long, Department> departments(Collection<Long> ids) throws SQLException {
    Map<Long, Department> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    try (PreparedStatement s = connection.prepareStatement(DEPARTMENTS + " WHERE d.id = ANY (?)")) {
      s.setArray(1, longs(ids));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          Department d = department(rows);
          result.put(d.id(), d);
        }
      }
    }
    return result;
  }

  /** Every department of the portal, in the portal's order. */
  public List<Department> allDepartments() throws SQLException {
    List<Department> result = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(DEPARTMENTS + " ORDER BY d.sort, d.name, d.id");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        result.add(department(rows));
      }
    }
    return result;
  }

  /** The departments at the top of the tree: no parent, or a parent the portal does not list. */
  public List<Long> roots() throws SQLException {
    List<Long> result = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT d.id FROM crm_department d WHERE d.parent_id IS NULL OR NOT EXISTS"
                    + " (SELECT 1 FROM crm_department p WHERE p.id = d.parent_id)"
                    + " ORDER BY d.sort, d.id");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        result.add(rows.getLong(1));
      }
    }
    return result;
  }

  /**
   * The employees of each department: those listed in it or in any sub-department, each once (the
   * same membership as the department KPIs of {@link KpiSql}).
   */
  public Map<Long, Set<Long>> members(Collection<Long> departmentIds) throws SQLException {
    Map<Long, Set<Long>> result = new HashMap<>();
    for (Long id : departmentIds) {
      result.put(id, new LinkedHashSet<>());
    }
    if (departmentIds.isEmpty()) {
      return result;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "WITH RECURSIVE "
                + TREE
                + " SELECT DISTINCT tr.root, e.id FROM tree tr"
                + " JOIN crm_employee e ON tr.id = ANY (e.department_ids) ORDER BY 1, 2")) {
      s.setArray(1, longs(departmentIds));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          result.computeIfAbsent(rows.getLong(1), k -> new LinkedHashSet<>()).add(rows.getLong(2));
        }
      }
    }
    return result;
  }

  /**
   * A page of the employees employed on at least one day of the period (hire and dismissal dates,
   * as {@link KpiSql} counts them), ordered by name then id, optionally only those of a department
   * (with its sub-departments) and only the given ids. Two statements: the count and the page.
   *
   * @param only the ids the caller may see; null for everyone
   * @param departmentId a department to narrow to; null for all
   * @param first page size
   * @param after the last row of the previous page; null for the first page
   */
  public EmployeePage employeePage(
      Period period, Collection<Long> only, Long departmentId, int first, After after)
      throws SQLException {
    StringBuilder where =
        new StringBuilder(
            " FROM crm_employee e WHERE (e.hired_on IS NULL OR e.hired_on < ?)"
                + " AND (e.fired_on IS NULL OR e.fired_on >= ?)");
    List<Object> params = new ArrayList<>();
    params.add(Date.valueOf(period.endDay()));
    params.add(Date.valueOf(period.firstDay()));
    if (only != null) {
      where.append(" AND e.id = ANY (?)");
      params.add(longs(only));
    }
    String with = "";
    if (departmentId != null) {
      with = "WITH RECURSIVE " + TREE + " ";
      params.add(0, longs(List.of(departmentId)));
      where.append(" AND e.department_ids && (SELECT array_agg(id) FROM tree)");
    }
    int total;
    try (PreparedStatement s = connection.prepareStatement(with + "SELECT count(*)" + where)) {
      bind(s, params);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        total = row.getInt(1);
      }
    }
    String name = NAME.formatted("e");
    String page =
        with
            + "SELECT "
            + EMPLOYEE_COLUMNS
            + where
            + (after == null ? "" : " AND (" + name + ", e.id) > (?, ?)")
            + " ORDER BY "
            + name
            + ", e.id LIMIT ?";
    List<Object> pageParams = new ArrayList<>(params);
    if (after != null) {
      pageParams.add(after.name());
      pageParams.add(after.id());
    }
    pageParams.add(first + 1);
    List<Employee> employees = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(page)) {
      bind(s, pageParams);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          employees.add(employee(rows, ""));
        }
      }
    }
    boolean more = employees.size() > first;
    return new EmployeePage(
        more ? List.copyOf(employees.subList(0, first)) : List.copyOf(employees), more, total);
  }

  /** The portal's deal pipelines, in its order. */
  public List<Pipeline> pipelines() throws SQLException {
    List<Pipeline> result = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement("SELECT id, name FROM crm_pipeline ORDER BY sort, id");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        result.add(new Pipeline(rows.getInt(1), rows.getString(2)));
      }
    }
    return result;
  }

  /** Every deal stage of every pipeline, keyed by pipeline id and stage id ({@code "0|NEW"}). */
  public Map<String, Stage> dealStages() throws SQLException {
    Map<String, Stage> result = new HashMap<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT coalesce(category_id, 0), status_id, name, sort FROM crm_stage"
                    + " WHERE entity_id LIKE 'DEAL_STAGE%'");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        Stage stage =
            new Stage(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getInt(4));
        result.put(stage.pipelineId() + "|" + stage.stageId(), stage);
      }
    }
    return result;
  }

  // -----------------------------------------------------------------------------------------------

  private static Employee employee(ResultSet row, String prefix) throws SQLException {
    Date hired = row.getDate(prefix.isEmpty() ? "hired_on" : prefix + "hired");
    Date fired = row.getDate(prefix.isEmpty() ? "fired_on" : prefix + "fired");
    Array departments = row.getArray(prefix.isEmpty() ? "department_ids" : prefix + "departments");
    List<Long> departmentIds = new ArrayList<>();
    if (departments != null) {
      for (Object id : (Object[]) departments.getArray()) {
        departmentIds.add(((Number) id).longValue());
      }
    }
    return new Employee(
        row.getLong(prefix.isEmpty() ? "id" : prefix + "id"),
        row.getString(prefix.isEmpty() ? "name" : prefix + "name"),
        row.getString(prefix.isEmpty() ? "position" : prefix + "position"),
        hired == null ? null : hired.toLocalDate(),
        fired == null ? null : fired.toLocalDate(),
        List.copyOf(departmentIds));
  }

  private static Department department(ResultSet row) throws SQLException {
    long parent = row.getLong("parent_id");
    Long parentId = row.wasNull() || parent <= 0 ? null : parent;
    row.getLong("h_id");
    Employee head = row.wasNull() ? null : employee(row, "h_");
    return new Department(row.getLong("id"), row.getString("name"), parentId, head);
  }

  private Array longs(Collection<Long> ids) throws SQLException {
    return connection.createArrayOf("bigint", ids.toArray(Long[]::new));
  }

  private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Array array) {
        s.setArray(i + 1, array);
      } else {
        s.setObject(i + 1, p);
      }
    }
  }
}
